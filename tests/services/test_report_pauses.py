"""Supplement pauses in the monthly report (waiting time does not count), events counted in their
month, and the same report on PostgreSQL as on SQLite."""

from __future__ import annotations

import importlib.util
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from report_data import NOVEMBER, write_csv
from small_catalog import GPLX

from counter_app.db import Database
from counter_app.models import Dossier, DossierEvent
from counter_app.services.catalog import load_catalog
from counter_app.services.dossiers import change_status
from counter_app.services.recording import SYSTEM
from counter_app.services.reports.central import central_report
from counter_app.services.reports.history_import import import_history
from counter_app.services.reports.model import Period, report_json
from counter_app.services.reports.monthly import monthly_report
from counter_app.services.setup import init_database, open_database

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NOV = Period.month(2026, 11)
LATER = datetime(2027, 2, 1, tzinfo=UTC)
PAUSED = [
    ("P1", GPLX, "direct", "2026-11-02T08:00", "2026-11-03T08:00", "", "", "0", "2", "", ""),
    ("P2", GPLX, "direct", "2026-11-18T08:00", "2026-11-19T08:00", "", "", "0", "2", "", ""),
    ("P3", GPLX, "direct", "2026-11-09T08:00", "2026-11-10T08:00", "", "", "0", "2", "", ""),
    ("P4", GPLX, "direct", "2026-11-09T08:00", "2026-11-10T08:00", "", "", "0", "2", "", ""),
]


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=VN)


def _pause(db: Database, code: str, start: str, end: str | None = None) -> None:
    change_status(db, code, 5, SYSTEM, reason="Thiếu giấy khám sức khỏe", at=_at(start))
    if end:
        change_status(db, code, 4, SYSTEM, at=_at(end))


def _apology(db: Database, code: str, at: str) -> None:
    from sqlalchemy import select

    with db.write() as s:
        dossier_id = s.scalar(select(Dossier.id).where(Dossier.code == code))
        s.add(DossierEvent(dossier_id=dossier_id, kind="apology", at=_at(at), reason="Chậm"))


def _build(db: Database, tmp_path: Path, rows: list[tuple[str, ...]]) -> None:
    import_history(db, write_csv(tmp_path / f"h{len(rows)}.csv", rows), SYSTEM)
    # P1: paused two working days; ready after its first due time, before the moved one.
    _pause(db, "P1", "2026-11-02T10:00", "2026-11-04T10:00")
    change_status(db, "P1", 9, SYSTEM, at=_at("2026-11-05T07:45"))
    # P2: paused before it was due and still waiting at the end of November: within time.
    _pause(db, "P2", "2026-11-18T16:00")
    # P3: paused when already overdue, still waiting: overdue.
    _pause(db, "P3", "2026-11-12T09:00")
    # P4: as P3, but supplemented in December: its due time moved past November's end since.
    _pause(db, "P4", "2026-11-12T09:00", "2026-12-14T09:00")
    _apology(db, "P3", "2026-11-20T09:00")
    _apology(db, "P2", "2026-12-02T09:00")  # December's


def test_paused_dossiers_are_on_time_and_overdue_as_the_clock_says(
    small_db: Database, tmp_path: Path
) -> None:
    _build(small_db, tmp_path, PAUSED)
    t = monthly_report(small_db, NOV, now=LATER).totals
    assert (t.settled_total, t.settled_on_time, t.settled_late) == (1, 1, 0)  # P1
    assert (t.in_progress_total, t.in_progress_within_time, t.in_progress_overdue) == (3, 1, 2)
    assert t.supplement_requests == 4 and t.apology_slips == 1
    dec = monthly_report(small_db, Period.month(2026, 12), now=LATER).totals
    assert dec.apology_slips == 1 and dec.supplement_requests == 0
    # At December's end P2 is still paused within time; P3 (paused) and P4 (its due time moved by
    # the pause, to about 10 December) are overdue.
    assert (dec.in_progress_total, dec.in_progress_within_time) == (3, 1)


def _pg_small(pg_url: str) -> Database:
    path = Path(__file__).with_name("conftest.py")
    spec = importlib.util.spec_from_file_location("_services_conftest", path)
    assert spec and spec.loader
    catalog = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(catalog)
    init_database(pg_url)
    db = open_database(pg_url)
    with db.write() as session:
        load_catalog(session, catalog.DEPARTMENTS, catalog.PROCEDURES, source="test")
    return db


@pytest.mark.pg
def test_postgresql_gives_the_same_report_as_sqlite(
    small_db: Database, pg_url: str, tmp_path: Path
) -> None:
    pg = _pg_small(pg_url)
    try:
        for db in (small_db, pg):
            _build(db, tmp_path, [*NOVEMBER, *PAUSED])
        for period in (NOV, Period.month(2026, 12)):
            local = report_json(monthly_report(small_db, period, now=LATER))
            on_pg = report_json(monthly_report(pg, period, now=LATER))
            central = report_json(central_report(pg_url, period, now=LATER))
            assert on_pg == local
            assert central == {**local, "source": "central"}
            assert local["received"]["total"] > 0
    finally:
        pg.dispose()
