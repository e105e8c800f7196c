"""Receiving a dossier: code, due time, items, event, audit and outbox, all or nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from small_catalog import GPLX, HOURS, SAME_DAY
from sqlalchemy import func, select

from counter_app.domain.errors import InvalidInput, NotFound
from counter_app.domain.status import Channel
from counter_app.models import AuditLog, Dossier, DossierEvent, DossierItem, OutboxOp
from counter_app.services.dossiers import get_dossier
from counter_app.services.intake import (
    Applicant,
    IntakeRequest,
    ItemInput,
    PostReturn,
    create_dossier,
    request_from_json,
)
from counter_app.services.recording import Actor

VN = ZoneInfo("Asia/Ho_Chi_Minh")
ACTOR = Actor(user_id=None, name="Nguyễn Thị Hương", desk_id=None)
NOW = datetime(2025, 3, 20, 9, 0, tzinfo=VN)
APPLICANT = Applicant(
    "Trần Văn An", id_number="020095001234", phone="0912 345 678", address="Phường Vĩnh Trại"
)


def _req(**kw) -> IntakeRequest:
    base = {"procedure_code": GPLX, "applicant": APPLICANT}
    return IntakeRequest(**(base | kw))


def _counts(db) -> tuple[int, ...]:
    with db.read() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(m)) or 0
            for m in (Dossier, DossierItem, DossierEvent, AuditLog, OutboxOp)
        )


def test_intake_numbers_the_dossier_and_computes_the_due_time(small_db) -> None:
    received = datetime(2025, 3, 12, 10, 0, tzinfo=VN)
    r = create_dossier(small_db, _req(received_at=received), ACTOR, now=NOW)
    assert r.code == "000.00.06.H56-250312-0001"
    assert r.due_at == datetime(2025, 3, 13, 10, 0, tzinfo=VN)  # DOMAIN.md example
    assert len(r.lookup_secret) >= 4
    r2 = create_dossier(small_db, _req(received_at=received), ACTOR, now=NOW)
    assert r2.code == "000.00.06.H56-250312-0002"
    assert r2.ledger_entry == r.ledger_entry + 1
    # the counter restarts the next day, per unit
    r3 = create_dossier(
        small_db, _req(received_at=datetime(2025, 3, 13, 8, 0, tzinfo=VN)), ACTOR, now=NOW
    )
    assert r3.code == "000.00.06.H56-250313-0001"
    r4 = create_dossier(
        small_db,
        _req(procedure_code=HOURS, received_at=datetime(2025, 3, 14, 16, 0, tzinfo=VN)),
        ACTOR,
        now=NOW,
    )
    assert r4.code == "000.00.07.H56-250314-0001"
    assert r4.due_at == datetime(2025, 3, 17, 10, 0, tzinfo=VN)


def test_intake_uses_the_business_date_not_the_utc_date(small_db) -> None:
    # 06:30 local on 12/3 is 23:30 UTC on 11/3: the code must carry 250312.
    received = datetime(2025, 3, 11, 23, 30, tzinfo=UTC)
    r = create_dossier(small_db, _req(received_at=received), ACTOR, now=NOW)
    assert "-250312-" in r.code
    assert r.due_at == datetime(2025, 3, 12, 17, 30, tzinfo=VN)  # clock starts 07:30


def test_intake_records_items_event_audit_and_outbox(small_db) -> None:
    r = create_dossier(
        small_db,
        _req(
            received_at=datetime(2025, 3, 12, 10, 0, tzinfo=VN),
            channel=Channel.POSTAL,
            return_by_post=PostReturn("Số 5 đường Lê Lợi, TP Lạng Sơn", "0205 3812 345"),
        ),
        ACTOR,
        now=NOW,
    )
    view = get_dossier(small_db, r.code)
    assert view.status == 2 and view.channel == 3
    assert view.applicant_phone == "0912345678"
    assert [i.name for i in view.items] == [
        "Đơn đề nghị đổi giấy phép lái xe",
        "Bản sao giấy phép lái xe",
    ]  # default: one of each required checklist item, the optional one left out
    assert view.items[1].kind == "photocopy"
    assert view.return_by_post and view.post_phone == "02053812345"
    assert view.post_receiver_name == "Trần Văn An"
    assert [(e.kind, e.from_status, e.to_status, e.actor) for e in view.events] == [
        ("status", None, 2, "Nguyễn Thị Hương")
    ]
    with small_db.read() as s:
        ops = s.scalars(select(OutboxOp).order_by(OutboxOp.desk_seq)).all()
        assert [(o.entity, o.kind) for o in ops] == [
            ("dossiers", "insert"),
            ("dossier_items", "insert"),
            ("dossier_items", "insert"),
            ("dossier_events", "append"),
            ("audit_log", "append"),
        ]
        assert [o.desk_seq for o in ops] == [1, 2, 3, 4, 5]
        assert ops[0].payload["code"] == r.code
        actions = s.scalars(select(AuditLog.action).order_by(AuditLog.at)).all()
        assert "dossier.receive" in actions


def test_required_documents_are_enforced(small_db) -> None:
    items = [ItemInput("Đơn đề nghị đổi giấy phép lái xe")]
    with pytest.raises(InvalidInput, match="Bản sao giấy phép lái xe"):
        create_dossier(small_db, _req(items=items), ACTOR, now=NOW)
    # names match whatever the diacritics and case as typed
    ok = [
        ItemInput("don de nghi doi giay phep lai xe", "original", 1),
        ItemInput("BẢN SAO GIẤY PHÉP LÁI XE", "certified_copy", 2),
        ItemInput("Giấy tờ khác", "photocopy", 1),
    ]
    r = create_dossier(small_db, _req(items=ok, received_at=NOW), ACTOR, now=NOW)
    assert [i.count for i in get_dossier(small_db, r.code).items] == [1, 2, 1]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"applicant": APPLICANT.__class__("  ")}, "họ tên"),
        ({"applicant": APPLICANT.__class__("A", id_number="12345")}, "12"),
        ({"applicant": APPLICANT.__class__("A", phone="12ab")}, "điện thoại"),
        ({"procedure_code": "9.999999"}, "9.999999"),
        ({"received_at": datetime(2030, 1, 1, 8, 0, tzinfo=VN)}, "tương lai"),
        ({"items": [ItemInput("x", "scan", 1)]}, "loại"),
        ({"items": [ItemInput("x", "original", 0)]}, "số lượng"),
        ({"return_by_post": PostReturn("", "0912345678")}, "địa chỉ"),
        ({"sets_count": 0}, "Số bộ"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(small_db, change, message) -> None:
    before = _counts(small_db)
    with pytest.raises((InvalidInput, NotFound), match=message):
        create_dossier(small_db, _req(**change), ACTOR, now=NOW)
    assert _counts(small_db) == before


def test_a_failed_intake_does_not_use_up_a_code(small_db) -> None:
    received = datetime(2025, 3, 12, 10, 0, tzinfo=VN)
    with pytest.raises(InvalidInput):
        create_dossier(small_db, _req(received_at=received, items=[]), ACTOR, now=NOW)
    r = create_dossier(small_db, _req(received_at=received), ACTOR, now=NOW)
    assert r.code.endswith("-0001")


def test_same_day_procedure_cut_off(small_db) -> None:
    before = create_dossier(
        small_db,
        _req(procedure_code=SAME_DAY, received_at=datetime(2025, 3, 12, 14, 59, tzinfo=VN)),
        ACTOR,
        now=NOW,
    )
    after = create_dossier(
        small_db,
        _req(procedure_code=SAME_DAY, received_at=datetime(2025, 3, 12, 15, 1, tzinfo=VN)),
        ACTOR,
        now=NOW,
    )
    assert before.due_at == datetime(2025, 3, 12, 17, 30, tzinfo=VN)
    assert after.due_at == datetime(2025, 3, 13, 17, 30, tzinfo=VN)


def test_request_from_json_checks_every_field() -> None:
    req = request_from_json(
        {
            "procedure": GPLX,
            "channel": "online",
            "received_at": "2025-03-12T10:00",
            "applicant": {"full_name": "Trần Văn An", "id_number": "020095001234"},
            "items": [{"name": "Đơn", "kind": "original", "count": 2}],
            "return_by_post": {"address": "Lạng Sơn", "phone": "0912345678"},
        }
    )
    assert req.channel == Channel.ONLINE
    assert req.received_at == datetime(2025, 3, 12, 10, 0, tzinfo=VN)
    assert req.items == [ItemInput("Đơn", "original", 2)]
    for bad, message in [
        ([], "đối tượng"),
        ({"applicant": {"full_name": "A"}}, "procedure"),
        ({"procedure": GPLX}, "applicant"),
        ({"procedure": GPLX, "applicant": {"full_name": "A", "nick": 1}}, "Trường lạ"),
        ({"procedure": GPLX, "applicant": {}, "channel": "fax"}, "Kênh"),
        ({"procedure": GPLX, "applicant": {}, "received_at": "hôm qua"}, "received_at"),
        ({"procedure": GPLX, "applicant": {}, "items": {"a": 1}}, "danh sách"),
        ({"procedure": GPLX, "applicant": {}, "items": [{"name": "a", "count": "2"}]}, "count"),
    ]:
        with pytest.raises(InvalidInput, match=message):
            request_from_json(bad)


def test_a_code_is_never_reused_after_the_pattern_changes(small_db) -> None:
    from counter_app.services.admin import set_code_pattern

    at = datetime(2025, 3, 12, 10, 0, tzinfo=VN)
    first = create_dossier(small_db, _req(received_at=at), ACTOR, now=NOW)
    # the same printed pattern, but one counter per year: its number 1 is already used
    set_code_pattern(small_db, "{unit}-{yyMMdd}-{seq:4}", ACTOR, reset="year")
    second = create_dossier(small_db, _req(received_at=at), ACTOR, now=NOW)
    assert first.code.endswith("-0001") and second.code.endswith("-0002")
    with pytest.raises(InvalidInput, match="seq"):
        set_code_pattern(small_db, "{unit}-{yyMMdd}", ACTOR)
