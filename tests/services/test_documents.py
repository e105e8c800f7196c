"""What the printed documents say, gathered from the database."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from small_catalog import GPLX
from sqlalchemy import select

from counter_app.domain.errors import InvalidInput, NotFound
from counter_app.domain.status import Status
from counter_app.models import Desk, QueueService, QueueTicket
from counter_app.services import documents
from counter_app.services.dossiers import change_status
from counter_app.services.intake import Applicant, IntakeRequest, PostReturn, create_dossier
from counter_app.services.recording import Actor

VN = ZoneInfo("Asia/Ho_Chi_Minh")
AT = datetime(2025, 3, 12, 10, 0, tzinfo=VN)
ACTOR = Actor(None, "Nguyễn Thị Hương")


def _dossier(db) -> str:
    req = IntakeRequest(
        GPLX,
        Applicant("Trần Văn An", "020095001234", "0912345678", "Phường Vĩnh Trại"),
        received_at=AT,
        return_by_post=PostReturn("Số 5 Lê Lợi, TP Lạng Sơn", "0912345678"),
    )
    return create_dossier(db, req, ACTOR, now=AT).code


def test_receipt_and_control_sheet_content(small_db) -> None:
    code = _dossier(small_db)
    with small_db.read() as s:
        doc = documents.intake_receipt(s, code, AT)
        control = documents.control_sheet(s, code, AT)
    d = doc.dossier
    assert (d.code, d.applicant.full_name, d.officer) == (code, "Trần Văn An", "Nguyễn Thị Hương")
    assert d.received_at == AT and d.due_at == datetime(2025, 3, 13, 10, 0, tzinfo=VN)
    assert d.duration == "1 ngày làm việc" and d.fee == 135000
    assert [(x.name, x.kind, x.count) for x in d.documents] == [
        ("Đơn đề nghị đổi giấy phép lái xe", "Bản chính", 1),
        ("Bản sao giấy phép lái xe", "Bản photo", 1),
    ]
    assert d.return_by_post and d.post_address == "Số 5 Lê Lợi, TP Lạng Sơn"
    assert d.ledger_book == "2025" and d.ledger_entry == 1
    assert doc.center.name == "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH LẠNG SƠN"
    assert control.handoffs[0].to_unit == "Sở Giao thông Vận tải"


def test_supplement_refusal_return_and_apology(small_db) -> None:
    code = _dossier(small_db)
    with small_db.read() as s, pytest.raises(InvalidInput):
        documents.supplement_request(s, code, AT)
    missing = [{"name": "Giấy khám sức khỏe", "kind": "Bản chính", "count": 1}]
    change_status(small_db, code, Status.SUPPLEMENT, ACTOR, reason="Thiếu giấy khám sức khỏe",
                  at=AT, details={"missing": missing})  # fmt: skip
    with small_db.read() as s:
        sup = documents.supplement_request(s, code, AT)
        assert sup.reason == "Thiếu giấy khám sức khỏe"
        assert [m.name for m in sup.missing] == ["Giấy khám sức khỏe"]
        apology = documents.apology(
            s, code, AT, new_due_at=datetime(2025, 3, 20, 16, 0), reason="Chờ xác minh",
            responsible_unit="Sở Giao thông Vận tải",
        )  # fmt: skip
        assert apology.new_due_at == datetime(2025, 3, 20, 16, 0, tzinfo=VN)
        with pytest.raises(InvalidInput, match="sau hạn"):
            documents.apology(s, code, AT, new_due_at=datetime(2025, 3, 1, 8, 0), reason="x",
                              responsible_unit="")  # fmt: skip
        with pytest.raises(InvalidInput, match="chưa trả"):
            documents.result_returned(s, code, AT)
        with pytest.raises(InvalidInput, match="từ chối"):
            documents.refusal(s, code, AT)
    change_status(small_db, code, Status.REFUSED, ACTOR, reason="Không thuộc thẩm quyền", at=AT)
    with small_db.read() as s:
        assert documents.refusal(s, code, AT).reason == "Không thuộc thẩm quyền"
        with pytest.raises(NotFound):
            documents.intake_receipt(s, "KHONG-CO", AT)


def test_ledger_for_a_date_range(small_db) -> None:
    code = _dossier(small_db)
    with small_db.read() as s:
        ledger = documents.ledger(s, date(2025, 3, 12), date(2025, 3, 12), AT)
        assert [r.code for r in ledger.rows] == [code]
        assert documents.ledger(s, date(2025, 3, 13), date(2025, 3, 31), AT).rows == ()
        with pytest.raises(InvalidInput):
            documents.ledger(s, date(2025, 3, 13), date(2025, 3, 1), AT)


def test_queue_ticket_counts_people_ahead(demo_db) -> None:
    with demo_db.write() as s:
        service = s.scalar(select(QueueService).where(QueueService.code == "D"))
        assert service is not None
        for n in (1, 2, 3):
            s.add(QueueTicket(service_id=service.id, business_date=AT.date(), number=n,
                              display=f"D{n:03d}", issued_at=AT.replace(minute=n)))  # fmt: skip
    with demo_db.read() as s:
        doc = documents.queue_ticket(s, "d003", AT)
        desks = s.scalars(select(Desk.number)).all()
    assert doc.number == "D003" and doc.ahead == 2
    assert doc.service_name == "Giao thông vận tải" and doc.desk_hint.startswith("Quầy ")
    assert len(desks) == 20
