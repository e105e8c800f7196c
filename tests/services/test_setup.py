"""The demo center as DOMAIN.md sizes it, and opening databases that are not ready."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from counter_app.db import Database
from counter_app.domain.errors import StorageError
from counter_app.domain.status import Status
from counter_app.models import CalendarEntry, Desk, Procedure, QueueService, Unit
from counter_app.models.queue import desk_services, queue_service_units
from counter_app.services.dossiers import change_status, get_dossier
from counter_app.services.intake import Applicant, IntakeRequest, create_dossier
from counter_app.services.recording import SYSTEM
from counter_app.services.setup import init_database, open_database, summary


def test_demo_center_shape(demo_db) -> None:
    s = summary(demo_db)
    assert (s.units, s.procedures, s.desks, s.queue_services) == (19, 1335, 20, 6)
    with demo_db.read() as session:
        idents = session.scalars(select(Unit.ident_code)).all()
        assert len(set(idents)) == len(idents) == 20 and all(i.endswith(".H39") for i in idents)
        saturday = session.scalar(
            select(func.count()).select_from(Procedure).where(Procedure.saturday_reception)
        )
        assert saturday == 266
        served = session.execute(select(desk_services.c.desk_id).distinct()).all()
        assert len(served) == 20  # every desk serves at least one queue service
        grouped = session.execute(select(queue_service_units.c.unit_id).distinct()).all()
        assert len(grouped) == 19  # every unit belongs to a queue service
        assert session.scalar(select(func.count()).select_from(QueueService)) == 6
        kinds = set(session.scalars(select(CalendarEntry.kind)))
        assert kinds == {"day_off", "working_day"}
        assert session.scalar(select(Desk.number).order_by(Desk.number)) == 1


def test_demo_is_deterministic(tmp_path: Path, demo_db) -> None:
    other = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    init_database(other, demo=True)
    db = open_database(other)
    q = select(Procedure.code, Procedure.name, Procedure.fee).order_by(Procedure.code)
    with db.read() as a, demo_db.read() as b:
        assert a.execute(q).all() == b.execute(q).all()
    db.dispose()


def test_opening_a_missing_or_empty_database_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="counter-app init"):
        open_database(f"sqlite:///{tmp_path / 'none.sqlite3'}")
    assert not (tmp_path / "none.sqlite3").exists()
    empty = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    Database(empty).engine.connect().close()  # a file with no schema
    with pytest.raises(StorageError, match="trống"):
        open_database(empty)


@pytest.mark.pg
def test_demo_center_on_postgresql(pg_url: str) -> None:
    init_database(pg_url, demo=True)
    db = open_database(pg_url)
    assert summary(db).procedures == 1335
    # the same services work on the central database: intake, counters, status, events
    with db.read() as session:
        code = session.scalar(select(Procedure.code).order_by(Procedure.code))
    at = datetime(2025, 3, 12, 10, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    req = IntakeRequest(code, Applicant("Nông Văn Dền"), received_at=at)
    first = create_dossier(db, req, SYSTEM, now=at)
    second = create_dossier(db, req, SYSTEM, now=at)
    assert first.code.endswith("-250312-0001") and second.code.endswith("-250312-0002")
    change_status(db, first.code, Status.PROCESSING, SYSTEM, at=at)
    view = get_dossier(db, first.code)
    assert view.status == 4 and [e.to_status for e in view.events] == [2, 4]
    assert view.received_at == at
    db.dispose()
