"""The monthly report over a hand-built history whose every figure is known: month boundaries in
local time, dossiers settled a month after they were received, before time across a weekend and
a holiday, in progress at the period's end, ratings in the month they were given."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from report_data import NOVEMBER, write_csv
from small_catalog import GPLX, SAME_DAY
from sqlalchemy import update

from counter_app.db import Database
from counter_app.models import Procedure
from counter_app.services.recording import SYSTEM
from counter_app.services.reports.history_import import import_history
from counter_app.services.reports.model import Counts, Period, report_json
from counter_app.services.reports.monthly import monthly_report

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NOV = Period.month(2026, 11)
DEC = Period.month(2026, 12)
LATER = datetime(2027, 2, 1, tzinfo=UTC)  # reports run after the months are over


def _load(db: Database, tmp_path: Path, rows=NOVEMBER) -> None:
    with db.write() as s:  # the same-day procedure is one of the "4 tại chỗ"
        s.execute(update(Procedure).where(Procedure.code == SAME_DAY).values(on_the_spot=True))
    import_history(db, write_csv(tmp_path / "history.csv", rows), SYSTEM)


def test_november_totals_are_the_hand_counted_figures(small_db: Database, tmp_path: Path) -> None:
    _load(small_db, tmp_path)
    report = monthly_report(small_db, NOV, now=LATER)
    assert report.totals == Counts(
        received_total=11, received_direct=8, received_online=2, received_postal=1,
        carried_over=3,
        settled_total=9, settled_before_time=3, settled_on_time=3, settled_late=3,
        returned_via_post=1,
        in_progress_total=4, in_progress_within_time=1, in_progress_overdue=3,
        very_satisfied=2, satisfied=1, unsatisfied=1,
        refused=1, withdrawn=1, supplement_requests=0, apology_slips=0, on_the_spot=1,
    )  # fmt: skip
    t = report.totals
    # What was open at the start, plus what came in, less what left, is what is open at the end.
    assert t.carried_over + t.received_total - t.settled_total - t.withdrawn == t.in_progress_total
    assert report.period.label == "Tháng 11/2026" and report.source == "local"


def test_the_json_has_the_issue_shape_and_shares_add_up_to_100(
    small_db: Database, tmp_path: Path
) -> None:
    _load(small_db, tmp_path)
    data = report_json(monthly_report(small_db, NOV, now=LATER))
    assert data["period"] == {"from": "2026-11-01", "to": "2026-11-30", "label": "Tháng 11/2026"}
    assert data["received"] == {
        "total": 11, "direct": 8, "online": 2, "postal": 1, "carried_over": 3,
        "share": {"direct": 72.73, "online": 18.18, "postal": 9.09},
    }  # fmt: skip
    assert data["settled"] == {
        "total": 9, "before_time": 3, "on_time": 3, "late": 3, "returned_via_post": 1,
        "share": {"before_time": 33.34, "on_time": 33.33, "late": 33.33,
                  "returned_via_post": 11.11},
    }  # fmt: skip
    assert data["in_progress"] == {"total": 4, "within_time": 1, "overdue": 3}
    assert data["satisfaction"] == {
        "very_satisfied": 2, "satisfied": 1, "unsatisfied": 1,
        "share": {"very_satisfied": 50.0, "satisfied": 25.0, "unsatisfied": 25.0},
    }  # fmt: skip
    assert data["other"] == {
        "refused": 1, "withdrawn": 1, "supplement_requests": 0, "apology_slips": 0,
        "on_the_spot": 1,
    }  # fmt: skip
    for group in ("received", "settled", "satisfaction"):
        share = dict(data[group]["share"])
        share.pop("returned_via_post", None)
        assert round(sum(share.values()), 2) == 100.0


def test_by_department_and_by_procedure(small_db: Database, tmp_path: Path) -> None:
    _load(small_db, tmp_path)
    report = monthly_report(small_db, NOV, now=LATER)
    deps = {b.code: b.counts for b in report.by_department}
    assert list(deps) == ["SGTVT", "STP"]
    gt, tp = deps["SGTVT"], deps["STP"]
    assert (gt.received_total, gt.received_direct, gt.received_online, gt.carried_over) == (
        8, 6, 2, 3,
    )  # fmt: skip
    assert (gt.settled_before_time, gt.settled_on_time, gt.settled_late) == (2, 1, 3)
    assert (gt.in_progress_total, gt.in_progress_overdue, gt.refused, gt.withdrawn) == (4, 3, 1, 1)
    assert (tp.received_total, tp.received_postal, tp.settled_total) == (3, 1, 3)
    assert (tp.settled_before_time, tp.settled_on_time, tp.very_satisfied, tp.satisfied) == (
        1, 2, 1, 1,
    )  # fmt: skip
    # The departments add up to the center.
    for name in ("received_total", "settled_late", "in_progress_overdue", "unsatisfied"):
        assert getattr(gt, name) + getattr(tp, name) == getattr(report.totals, name)
    procs = {b.code: b.counts for b in report.by_procedure}
    assert procs[SAME_DAY].on_the_spot == 1 and procs[GPLX].received_total == 8
    assert sum(c.settled_total for c in procs.values()) == report.totals.settled_total


def test_december_takes_the_late_settlement_the_first_minute_and_the_late_rating(
    small_db: Database, tmp_path: Path
) -> None:
    _load(small_db, tmp_path)
    t = monthly_report(small_db, DEC, now=LATER).totals
    assert (t.received_total, t.received_direct) == (1, 1)  # A8, received 00:00 on 1 December
    assert t.carried_over == 4  # what November left in progress
    assert (t.settled_total, t.settled_late) == (1, 1)  # A12, received in November
    assert (t.satisfied, t.very_satisfied, t.unsatisfied) == (1, 0, 0)  # A2, rated on 1 Dec
    assert (t.in_progress_total, t.in_progress_overdue) == (4, 4)  # A7, A8 now overdue too


def test_the_month_boundary_is_local_midnight_not_utc(small_db: Database, tmp_path: Path) -> None:
    rows = [r for r in NOVEMBER if r[0] in ("A7", "A8")]
    _load(small_db, tmp_path, rows)
    # 23:59 on 30 Nov local is 16:59 UTC; 00:00 on 1 Dec local is still 30 Nov in UTC.
    nov = monthly_report(small_db, NOV, now=LATER).totals
    dec = monthly_report(small_db, DEC, now=LATER).totals
    assert (nov.received_total, dec.received_total) == (1, 1)
    assert dec.carried_over == 1
    one_day = monthly_report(small_db, Period(NOV.date_to, NOV.date_to), now=LATER)
    assert one_day.totals.received_total == 1 and one_day.period.label == "30/11/2026 – 30/11/2026"


def test_before_time_skips_the_holiday(small_db: Database, tmp_path: Path) -> None:
    # Tuesday 24 November 2026 is a public holiday; both are due Wednesday 25.
    rows = [
        ("H1", GPLX, "direct", "2026-11-23T08:00", "2026-11-25T09:00", "2026-11-23T16:00",
         "", "0", "9", "", ""),  # ready Monday: a working day before the due day
        ("H2", GPLX, "direct", "2026-11-23T08:00", "2026-11-25T09:00", "2026-11-24T10:00",
         "", "0", "9", "", ""),  # ready on the holiday: counts from Wednesday, on time
    ]  # fmt: skip
    _load(small_db, tmp_path, rows)
    t = monthly_report(small_db, NOV, now=LATER).totals
    assert (t.settled_before_time, t.settled_on_time, t.settled_late) == (1, 1, 0)


def test_a_month_not_over_yet_counts_in_progress_now(small_db: Database, tmp_path: Path) -> None:
    _load(small_db, tmp_path)
    now = datetime(2026, 11, 21, 12, 0, tzinfo=VN)  # A9 received 20 Nov, due 23 Nov
    t = monthly_report(small_db, NOV, now=now).totals
    assert t.in_progress_overdue == 3  # B2, A12 (due 17 Nov) and B5 (due 3 Nov); A9 not yet
    assert t.in_progress_within_time == 1  # A9


def test_trend_is_twelve_months_ending_with_the_period(small_db: Database, tmp_path: Path) -> None:
    _load(small_db, tmp_path)
    trend = monthly_report(small_db, NOV, now=LATER).trend
    assert trend[0].month == "2025-12" and trend[-1].month == "2026-11"
    assert len(trend) == 12
    oct_, nov = trend[-2], trend[-1]
    assert (oct_.received, oct_.settled, oct_.settled_late) == (5, 1, 0)
    assert (nov.received, nov.settled, nov.settled_late) == (11, 9, 3)
    assert (nov.very_satisfied, nov.satisfied, nov.unsatisfied) == (2, 1, 1)


def test_an_empty_period_gives_zeros_and_zero_shares(small_db: Database) -> None:
    data = report_json(monthly_report(small_db, NOV, now=LATER))
    assert data["received"]["share"] == {"direct": 0.0, "online": 0.0, "postal": 0.0}
    assert data["by_department"] == [] and len(data["trend"]) == 12


def test_a_period_ending_before_it_starts_is_refused(small_db: Database) -> None:
    from counter_app.domain.errors import InvalidInput

    with pytest.raises(InvalidInput):
        monthly_report(small_db, replace(NOV, date_to=NOV.date_from.replace(month=10)))
