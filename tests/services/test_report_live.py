"""The live list: overdue and near-due dossiers by department, with who holds them now."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from report_data import write_csv
from small_catalog import GPLX, HOURS
from sqlalchemy import select

from counter_app.db import Database
from counter_app.domain.errors import NotFound
from counter_app.models import Dossier, DossierEvent
from counter_app.services.recording import SYSTEM
from counter_app.services.reports.history_import import import_history
from counter_app.services.reports.live import live_list

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=VN)  # a Friday
ROWS = [
    ("L1", GPLX, "direct", "2026-11-17T08:00", "2026-11-18T08:00", "", "", "0", "4", "", ""),
    ("L2", HOURS, "direct", "2026-11-19T08:00", "2026-11-20T09:00", "", "", "0", "2", "", ""),
    ("L3", GPLX, "direct", "2026-11-20T08:00", "2026-11-23T16:00", "", "", "0", "2", "", ""),
    ("L4", GPLX, "direct", "2026-11-20T09:00", "2026-11-25T16:00", "", "", "0", "2", "", ""),
    ("L5", GPLX, "direct", "2026-11-16T08:00", "2026-11-17T08:00", "2026-11-17T09:00", "",
     "0", "9", "", ""),  # result ready: no longer in the list
    ("L6", GPLX, "direct", "2026-11-16T08:00", "2026-11-17T08:00", "", "", "0", "5", "", ""),
]  # fmt: skip


@pytest.fixture
def live_db(small_db: Database, tmp_path: Path) -> Database:
    import_history(small_db, write_csv(tmp_path / "h.csv", ROWS), SYSTEM)
    with small_db.write() as s:
        l1 = s.scalar(select(Dossier.id).where(Dossier.code == "L1"))
        for at, to in (("2026-11-17T10:00", "Phòng Quản lý phương tiện"),
                       ("2026-11-18T10:00", "Lãnh đạo Sở GTVT")):  # fmt: skip
            s.add(DossierEvent(dossier_id=l1, kind="handoff", at=datetime.fromisoformat(at)
                               .replace(tzinfo=VN), data={"to": to}))  # fmt: skip
    return small_db


def test_overdue_first_then_due_within_the_working_days(live_db: Database) -> None:
    rows = live_list(live_db, within_days=1, now=NOW)
    # Friday 10:00 + 1 working day = Monday 10:00: L3 (due Monday 16:00) is not yet in.
    assert [r.code for r in rows] == ["L1", "L2"]
    l1, l2 = rows
    assert l1.overdue_by_hours == 50.0 and l1.holder == "Lãnh đạo Sở GTVT"
    assert l2.overdue_by_hours == 1.0 and l2.holder == "Sở Tư pháp"
    assert (l1.status, l1.status_label) == (4, "Đang xử lý")
    rows = live_list(live_db, within_days=2, now=NOW)
    assert [r.code for r in rows] == ["L1", "L2", "L3"]
    assert rows[-1].overdue_by_hours == -78.0  # 3 days 6 hours left, wall-clock


def test_by_department(live_db: Database) -> None:
    assert [r.code for r in live_list(live_db, department="STP", now=NOW)] == ["L2"]
    with pytest.raises(NotFound):
        live_list(live_db, department="NOPE", now=NOW)
