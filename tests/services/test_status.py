"""Moving a dossier through the national statuses: allowed changes, reasons, pauses, finish."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from small_catalog import GPLX
from sqlalchemy import select

from counter_app.domain.errors import InvalidInput, NotAllowed, NotFound
from counter_app.domain.status import Status
from counter_app.models import OutboxOp
from counter_app.services.dossiers import change_status, find_dossiers, get_dossier
from counter_app.services.intake import Applicant, IntakeRequest, create_dossier
from counter_app.services.recording import Actor

VN = ZoneInfo("Asia/Ho_Chi_Minh")
ACTOR = Actor(user_id=None, name="Hoàng Văn Đức")


def _receive(db, at: datetime) -> str:
    applicant = Applicant("Lê Thị Bích Ngọc", id_number="020195004321", phone="0987654321")
    return create_dossier(db, IntakeRequest(GPLX, applicant, received_at=at), ACTOR, now=at).code


def test_supplement_pause_moves_the_due_time_by_the_working_time_waited(small_db) -> None:
    code = _receive(small_db, datetime(2025, 3, 12, 10, 0, tzinfo=VN))  # due Thu 13/3 10:00
    change_status(
        small_db, code, Status.PROCESSING, ACTOR, at=datetime(2025, 3, 12, 11, 0, tzinfo=VN)
    )
    change_status(
        small_db,
        code,
        Status.SUPPLEMENT,
        ACTOR,
        reason="Thiếu giấy khám sức khỏe",
        at=datetime(2025, 3, 12, 16, 30, tzinfo=VN),  # Wed 16:30
    )
    paused = get_dossier(small_db, code)
    assert paused.paused_at == datetime(2025, 3, 12, 16, 30, tzinfo=VN)
    # supplemented Mon 17/3 08:30: waited 1 h Wed + 8 h Thu + 8 h Fri + 1 h Mon = 18 h
    change = change_status(
        small_db, code, Status.PROCESSING, ACTOR, at=datetime(2025, 3, 17, 8, 30, tzinfo=VN)
    )
    # 13/3 10:00 + 18 working hours: Thu 10:00-17:30 is 5.5 h, Fri 8 h (13.5),
    # Mon 07:30-11:30 4 h (17.5), 13:30-14:00 0.5 h (18)
    assert change.due_at == datetime(2025, 3, 17, 14, 0, tzinfo=VN)
    view = get_dossier(small_db, code)
    assert view.paused_at is None
    assert view.original_due_at == datetime(2025, 3, 13, 10, 0, tzinfo=VN)
    assert view.events[-1].data["due_before"].startswith("2025-03-13T03:00")


def test_finish_time_is_the_first_result_ready_and_return_time_is_set(small_db) -> None:
    code = _receive(small_db, datetime(2025, 3, 12, 10, 0, tzinfo=VN))
    ready = datetime(2025, 3, 13, 9, 0, tzinfo=VN)
    change_status(small_db, code, Status.RESULT_READY, ACTOR, at=ready)
    returned = datetime(2025, 3, 14, 9, 0, tzinfo=VN)
    change_status(small_db, code, Status.RETURNED, ACTOR, at=returned)
    view = get_dossier(small_db, code)
    assert view.finished_at == ready
    assert view.returned_at == returned
    assert [(e.from_status, e.to_status) for e in view.events] == [(None, 2), (2, 9), (9, 10)]


def test_disallowed_changes_and_missing_reasons_change_nothing(small_db) -> None:
    code = _receive(small_db, datetime(2025, 3, 12, 10, 0, tzinfo=VN))
    with small_db.read() as s:
        ops_before = len(s.scalars(select(OutboxOp)).all())
    with pytest.raises(NotAllowed, match="Đã trả kết quả"):
        change_status(small_db, code, Status.RETURNED, ACTOR)
    with pytest.raises(InvalidInput, match="lý do"):
        change_status(small_db, code, Status.STOPPED, ACTOR, reason="  ")
    with pytest.raises(NotFound):
        change_status(small_db, "KHONG-CO", Status.PROCESSING, ACTOR)
    change_status(small_db, code, Status.WITHDRAWN, ACTOR, reason="Công dân xin rút")
    with pytest.raises(NotAllowed):
        change_status(small_db, code, Status.PROCESSING, ACTOR)
    view = get_dossier(small_db, code)
    assert view.status == 7 and len(view.events) == 2
    with small_db.read() as s:
        ops = [
            (o.kind, set(o.payload))
            for o in s.scalars(select(OutboxOp).order_by(OutboxOp.desk_seq))
        ]
    assert len(ops) == ops_before + 3  # update, event, audit of the one change that happened
    assert ops[-3] == ("update", {"status", "version"})  # withdrawn is not a finish


def test_find_by_code_name_without_diacritics_id_and_phone(small_db) -> None:
    code = _receive(small_db, datetime(2025, 3, 12, 10, 0, tzinfo=VN))
    for text in (code, code[-6:], "bich ngoc", "Lê Thị", "020195004321", "0987654321"):
        assert [d.code for d in find_dossiers(small_db, text)] == [code], text
    assert find_dossiers(small_db, "khong ai") == []
