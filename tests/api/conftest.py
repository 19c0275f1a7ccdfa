"""Fixtures of the workbench API tests: the hand-built store (see tests/workbench_data.py)."""

from workbench_data import workbench_settings, workbench_store

__all__ = ["workbench_settings", "workbench_store"]
