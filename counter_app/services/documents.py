"""The content of printed documents, gathered from the database into plain data
(`counter_app.printing.documents`), so that the renderers never touch the database."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from counter_app.domain.calendar import CENTER_TZ
from counter_app.domain.catalog import DOCUMENT_KIND_VI, DocumentKind
from counter_app.domain.errors import InvalidInput, NotFound
from counter_app.domain.status import Status
from counter_app.domain.text import nfc
from counter_app.models import (
    Desk,
    Dossier,
    DossierEvent,
    PostalBatch,
    PostalBatchItem,
    Procedure,
    QueueService,
    QueueTicket,
    Unit,
    User,
)
from counter_app.models.queue import desk_services
from counter_app.printing.documents import (
    ApologyDoc,
    ApplicantInfo,
    CenterInfo,
    ControlSheetDoc,
    DocumentLine,
    DossierInfo,
    HandOff,
    HandoverDoc,
    HandoverItem,
    IntakeReceiptDoc,
    LedgerDoc,
    LedgerRow,
    QueueTicketDoc,
    RefusalDoc,
    ResultReturnedDoc,
    SupplementRequestDoc,
)
from counter_app.services.catalog import procedure_duration
from counter_app.services.meta import get_meta

LOCAL_TZ = ZoneInfo(CENTER_TZ)
DIRECTION_VI = {
    "to_department": "Trung tâm → {unit}",
    "from_department": "{unit} → Trung tâm",
    "to_post": "Trung tâm → Bưu điện (trả kết quả tại nhà)",
}
DEFAULT_RULES = "Bộ thủ tục hành chính được công bố tại Cổng Dịch vụ công quốc gia"


def _local(t: datetime) -> datetime:
    return t.astimezone(LOCAL_TZ)


def center_info(session: Session) -> CenterInfo:
    """The center's header: from `app_meta` (center_agency, center_phone, …), else defaults."""
    default = CenterInfo()
    name = session.scalar(select(Unit.name).where(Unit.kind == "center"))
    return CenterInfo(
        agency=get_meta(session, "center_agency", default.agency),
        name=(name or default.name).upper(),
        place=get_meta(session, "center_place", default.place),
        address=get_meta(session, "center_address", default.address),
        phone=get_meta(session, "center_phone", default.phone),
        lookup_url=get_meta(session, "center_lookup_url", default.lookup_url),
        hotline=get_meta(session, "center_hotline", default.hotline),
    )


def _load(session: Session, code: str) -> Dossier:
    d = session.scalar(
        select(Dossier).options(selectinload(Dossier.items)).where(Dossier.code == nfc(code))
    )
    if d is None:
        raise NotFound(f"Không có hồ sơ mã {code} / No dossier with code {code}")
    return d


def dossier_info(session: Session, d: Dossier) -> DossierInfo:
    proc = session.get(Procedure, d.procedure_id)
    unit = session.get(Unit, d.unit_id)
    assert proc is not None and unit is not None
    desk = session.get(Desk, d.desk_id) if d.desk_id else None
    officer = session.get(User, d.received_by_user_id) if d.received_by_user_id else None
    return DossierInfo(
        code=d.code,
        lookup_secret=d.lookup_secret,
        procedure_code=proc.code,
        procedure_name=proc.name,
        department=unit.name,
        applicant=ApplicantInfo(
            d.applicant_name,
            d.applicant_id_number,
            d.applicant_address,
            d.applicant_phone,
            d.applicant_email,
        ),
        received_at=_local(d.received_at),
        due_at=_local(d.due_at),
        duration=procedure_duration(proc).label_vi(),
        sets_count=d.sets_count,
        documents=tuple(
            DocumentLine(i.name, DOCUMENT_KIND_VI[DocumentKind(i.kind)], i.count) for i in d.items
        ),
        return_by_post=d.return_by_post,
        post_address=d.post_address,
        officer=d.received_by_name,
        officer_phone=officer.phone if officer else "",
        desk=desk.name if desk else "",
        ledger_book=d.ledger_book,
        ledger_entry=d.ledger_entry,
        fee=proc.fee,
    )


def kind_vi(kind: str) -> str:
    """Return how a form writes a document's kind: "original" → "Bản chính" (a text already in
    Vietnamese, from older events, as it is)."""
    try:
        return DOCUMENT_KIND_VI[DocumentKind(kind)]
    except ValueError:
        return kind


def _last_event(session: Session, d: Dossier, status: Status) -> DossierEvent | None:
    return session.scalar(
        select(DossierEvent)
        .where(DossierEvent.dossier_id == d.id, DossierEvent.to_status == int(status))
        .order_by(DossierEvent.at.desc(), DossierEvent.id.desc())
        .limit(1)
    )


def intake_receipt(session: Session, code: str, now: datetime) -> IntakeReceiptDoc:
    d = _load(session, code)
    return IntakeReceiptDoc(center_info(session), dossier_info(session, d), _local(now))


def result_returned(session: Session, code: str, now: datetime) -> ResultReturnedDoc:
    d = _load(session, code)
    if d.returned_at is None:
        raise InvalidInput(f"Hồ sơ {code} chưa trả kết quả / The result was not returned yet")
    event = _last_event(session, d, Status.RETURNED)
    taken_by = str(event.data.get("received_by", "")) if event else ""
    return ResultReturnedDoc(
        center_info(session),
        dossier_info(session, d),
        _local(d.returned_at),
        taken_by or d.applicant_name,
        _local(now),
    )


def supplement_request(session: Session, code: str, now: datetime) -> SupplementRequestDoc:
    d = _load(session, code)
    event = _last_event(session, d, Status.SUPPLEMENT)
    if event is None:
        raise InvalidInput(
            f"Hồ sơ {code} chưa có yêu cầu bổ sung / No supplement was requested for it"
        )
    missing = tuple(
        DocumentLine(str(m.get("name", "")), kind_vi(str(m.get("kind", ""))),
                     int(m.get("count", 1)), str(m.get("note", "")))
        for m in event.data.get("missing", [])
        if isinstance(m, dict)
    )  # fmt: skip
    return SupplementRequestDoc(
        center_info(session),
        dossier_info(session, d),
        missing,
        event.reason,
        str(event.data.get("rules_reference", DEFAULT_RULES)),
        _local(now),
    )


def refusal(session: Session, code: str, now: datetime) -> RefusalDoc:
    d = _load(session, code)
    event = _last_event(session, d, Status.REFUSED)
    if event is None:
        raise InvalidInput(f"Hồ sơ {code} không bị từ chối / The dossier was not refused")
    return RefusalDoc(center_info(session), dossier_info(session, d), event.reason, _local(now))


def apology(
    session: Session,
    code: str,
    now: datetime,
    *,
    new_due_at: datetime,
    reason: str,
    responsible_unit: str,
) -> ApologyDoc:
    d = _load(session, code)
    if not nfc(reason):
        raise InvalidInput("Cần ghi lý do chậm trả / The reason for the delay is required")
    if new_due_at.tzinfo is None:
        new_due_at = new_due_at.replace(tzinfo=LOCAL_TZ)
    if new_due_at <= d.due_at:
        raise InvalidInput(
            "Ngày hẹn mới phải sau hạn trả hiện tại / The new date must be after the due time"
        )
    return ApologyDoc(
        center_info(session),
        dossier_info(session, d),
        _local(d.due_at),
        _local(new_due_at),
        nfc(reason),
        nfc(responsible_unit),
        _local(now),
    )


def control_sheet(session: Session, code: str, now: datetime) -> ControlSheetDoc:
    d = _load(session, code)
    info = dossier_info(session, d)
    events = session.scalars(
        select(DossierEvent)
        .where(DossierEvent.dossier_id == d.id, DossierEvent.kind == "handoff")
        .order_by(DossierEvent.at)
    ).all()
    handoffs = tuple(
        HandOff(
            str(e.data.get("from", "")),
            str(e.data.get("to", "")),
            _local(e.at),
            str(e.data.get("result", "")),
            e.reason,
        )
        for e in events
    )
    if not handoffs:
        handoffs = (HandOff("Bộ phận tiếp nhận và trả kết quả", info.department, None),)
    return ControlSheetDoc(center_info(session), info, handoffs, _local(now))


def ledger(session: Session, date_from: date, date_to: date, now: datetime) -> LedgerDoc:
    if date_to < date_from:
        raise InvalidInput("Ngày cuối trước ngày đầu / The end date is before the start date")
    start = datetime.combine(date_from, time(0), LOCAL_TZ)
    end = datetime.combine(date_to + timedelta(days=1), time(0), LOCAL_TZ)
    rows = session.execute(
        select(Dossier, Procedure.name, Unit.name)
        .join(Procedure, Dossier.procedure_id == Procedure.id)
        .join(Unit, Dossier.unit_id == Unit.id)
        .where(Dossier.received_at >= start, Dossier.received_at < end)
        .order_by(Dossier.received_at, Dossier.code)
    ).all()
    return LedgerDoc(
        center_info(session),
        date_from,
        date_to,
        tuple(
            LedgerRow(
                number=d.ledger_entry or n,
                code=d.code,
                procedure=proc_name,
                sets_count=d.sets_count,
                applicant=d.applicant_name,
                address=d.applicant_address,
                phone=d.applicant_phone,
                received_at=_local(d.received_at),
                due_at=_local(d.due_at),
                returned_at=_local(d.returned_at) if d.returned_at else None,
                handed_over_by=d.received_by_name,
                department=unit_name,
            )
            for n, (d, proc_name, unit_name) in enumerate(rows, start=1)
        ),
        _local(now),
    )


def handover(session: Session, batch_number: str, now: datetime) -> HandoverDoc:
    batch = session.scalar(select(PostalBatch).where(PostalBatch.number == nfc(batch_number)))
    if batch is None:
        raise NotFound(f"Không có lô bàn giao {batch_number} / No handover batch {batch_number}")
    unit = session.get(Unit, batch.unit_id) if batch.unit_id else None
    unit_name = unit.name if unit else ""
    rows = session.execute(
        select(Dossier.code, Procedure.name, Dossier.applicant_name)
        .join(PostalBatchItem, PostalBatchItem.dossier_id == Dossier.id)
        .join(Procedure, Dossier.procedure_id == Procedure.id)
        .where(PostalBatchItem.batch_id == batch.id, PostalBatchItem.removed_at.is_(None))
        .order_by(PostalBatchItem.added_at)
    ).all()
    return HandoverDoc(
        center=center_info(session),
        batch_number=batch.number,
        direction=DIRECTION_VI[batch.direction].format(unit=unit.short_name if unit else ""),
        department=unit_name,
        items=tuple(
            HandoverItem(n, code, proc, applicant)
            for n, (code, proc, applicant) in enumerate(rows, start=1)
        ),
        handed_by=batch.handed_by_name,
        received_by=batch.received_by_name,
        at=_local(batch.closed_at or batch.opened_at),
        printed_at=_local(now),
    )


def queue_ticket(session: Session, ticket: str, now: datetime) -> QueueTicketDoc:
    """The ticket with this number (e.g. "A023") issued today, or by its id."""
    today = _local(now).date()
    row = session.scalar(
        select(QueueTicket).where(
            or_(
                QueueTicket.id == ticket,
                (QueueTicket.display == nfc(ticket).upper()) & (QueueTicket.business_date == today),
            )
        )
    )
    if row is None:
        raise NotFound(f"Không có vé số {ticket} hôm nay / No ticket {ticket} today")
    service = session.get(QueueService, row.service_id)
    assert service is not None
    ahead = session.scalar(
        select(func.count())
        .select_from(QueueTicket)
        .where(
            QueueTicket.service_id == row.service_id,
            QueueTicket.business_date == row.business_date,
            QueueTicket.state == "waiting",
            QueueTicket.issued_at < row.issued_at,
        )
    )
    desks = session.scalars(
        select(Desk.number)
        .join(desk_services, desk_services.c.desk_id == Desk.id)
        .where(desk_services.c.service_id == row.service_id)
        .order_by(Desk.number)
    ).all()
    return QueueTicketDoc(
        center=center_info(session),
        service_name=service.name,
        number=row.display,
        issued_at=_local(row.issued_at),
        ahead=int(ahead or 0),
        desk_hint=("Quầy " + ", ".join(str(n) for n in desks)) if desks else "",
        priority=PRIORITY_VI.get(row.priority, row.priority),
    )


PRIORITY_VI = {
    "elderly": "Ưu tiên: người cao tuổi",
    "disabled": "Ưu tiên: người khuyết tật",
    "pregnant": "Ưu tiên: phụ nữ mang thai",
    "appointment": "Có hẹn trước",
}
