"""Fixtures of the workbench tests: the hand-built store, a live server, Chromium."""

from workbench_data import browser, live_server, workbench_settings, workbench_store

__all__ = ["browser", "live_server", "workbench_settings", "workbench_store"]
