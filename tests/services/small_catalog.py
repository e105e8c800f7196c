"""Codes of the small catalog that tests/services/conftest.py loads (importable by name: a
test module's `from conftest import …` would find whichever conftest.py came first)."""

GPLX = "1.002809"  # 1 working day
SAME_DAY = "1.001234"  # same day, cut-off 15:00
HOURS = "1.005555"  # 4 working hours
