"""Benchmarks and their data, run by the `tocsin bench*` commands (outside the library)."""
