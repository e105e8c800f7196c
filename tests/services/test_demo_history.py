"""The demo year (`init --demo --history`): the reports of every month have figures that hold
together, and the history goes in through the same import a real center would use."""

from __future__ import annotations

from datetime import UTC, datetime

from counter_app.services.demo_history import load_demo_history
from counter_app.services.reports.model import Period, report_json
from counter_app.services.reports.monthly import monthly_report

NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)


def test_a_year_of_months_with_figures_that_add_up(demo_db) -> None:
    loaded = load_demo_history(demo_db, now=NOW)
    assert 2000 < loaded.dossiers < 3000 and loaded.ratings > 500
    for year, month in [(2025, 12), (2026, 1), (2026, 6), (2026, 10)]:
        data = report_json(monthly_report(demo_db, Period.month(year, month), now=NOW))
        received, settled = data["received"], data["settled"]
        assert 120 < received["total"] < 260, (year, month)
        assert received["online"] > received["direct"] > 0
        assert settled["before_time"] + settled["on_time"] + settled["late"] == settled["total"]
        assert 0 < settled["late"] < settled["total"] / 4
        assert round(sum(received["share"].values()), 2) == 100.0
        assert round(sum(data["satisfaction"]["share"].values()), 2) == 100.0
        assert data["trend"][-1]["received"] == received["total"]
    october = report_json(monthly_report(demo_db, Period.month(2026, 10), now=NOW))
    november = report_json(monthly_report(demo_db, Period.month(2026, 11), now=NOW))
    assert november["received"]["carried_over"] == october["in_progress"]["total"]
    assert len([p for p in october["trend"] if p["received"]]) == 12
