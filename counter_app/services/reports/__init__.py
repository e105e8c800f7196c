"""Supervisor reports (issue 9): the monthly report, the live list and the history import."""
