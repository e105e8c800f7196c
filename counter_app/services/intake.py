"""Intake: receiving a dossier at the desk (or by post, or from the online portal).

One transaction: the code counter, the dossier with its items, the first status event, the
audit row and the outbox ops; nothing is written if any check fails.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db import Database
from counter_app.domain.calendar import CENTER_TZ
from counter_app.domain.catalog import DOCUMENT_KIND_VI, DocumentKind
from counter_app.domain.cccd import validate_id_number, validate_phone
from counter_app.domain.codes import CodePattern, ledger_scope, new_lookup_secret
from counter_app.domain.errors import InvalidInput
from counter_app.domain.status import Channel, Status
from counter_app.domain.text import fold, nfc
from counter_app.models import ChecklistItem, Dossier, DossierEvent, DossierItem, Unit
from counter_app.models.base import utcnow
from counter_app.services.catalog import ProcedureDetail, get_procedure
from counter_app.services.counters import next_value
from counter_app.services.meta import CENTER_UNIT_ID, code_pattern, get_meta
from counter_app.services.postal_tracking import validate_tracking
from counter_app.services.recording import Actor, add_outbox, audit
from counter_app.services.workcal import load_calendar

LOCAL_TZ = ZoneInfo(CENTER_TZ)
# A receipt time later than this past the clock is a typing mistake, not a backdated entry.
FUTURE_TOLERANCE = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class Applicant:
    full_name: str
    id_number: str = ""
    phone: str = ""
    address: str = ""
    email: str = ""
    birth_date: date | None = None
    gender: str = ""


@dataclass(frozen=True, slots=True)
class ItemInput:
    name: str
    kind: str = DocumentKind.ORIGINAL.value
    count: int = 1


@dataclass(frozen=True, slots=True)
class PostReturn:
    """Return the result to the citizen's home by post."""

    address: str
    phone: str
    receiver_name: str = ""


@dataclass(frozen=True, slots=True)
class IntakeRequest:
    procedure_code: str
    applicant: Applicant
    channel: Channel = Channel.DIRECT
    received_at: datetime | None = None  # aware; None = now
    items: list[ItemInput] | None = None  # None = one original of each required item
    return_by_post: PostReturn | None = None
    sets_count: int = 1
    notes: str = ""
    # Received by post (channel 3): the tracking number on the envelope, kept in the event.
    postal_tracking: str = ""


@dataclass(frozen=True, slots=True)
class IntakeResult:
    dossier_id: str
    code: str
    lookup_secret: str
    received_at: datetime  # local time
    due_at: datetime  # local time
    ledger_book: str
    ledger_entry: int
    warnings: list[str] = field(default_factory=list)


def _applicant(a: Applicant) -> Applicant:
    name = nfc(a.full_name)
    if not name:
        raise InvalidInput("Thiếu họ tên người nộp / The applicant's name is missing")
    id_number = validate_id_number(a.id_number) if a.id_number.strip() else ""
    phone = validate_phone(a.phone) if a.phone.strip() else ""
    email = nfc(a.email)
    if email and ("@" not in email or " " in email):
        raise InvalidInput(f"Email không hợp lệ: {email} / Invalid email")
    gender = nfc(a.gender)
    if gender and gender not in ("Nam", "Nữ"):
        raise InvalidInput(f"Giới tính phải là Nam hoặc Nữ: {gender} / Gender must be Nam or Nữ")
    return Applicant(name, id_number, phone, nfc(a.address), email, a.birth_date, gender)


def _items(
    requested: list[ItemInput] | None, checklist: list[ChecklistItem]
) -> list[tuple[ItemInput, str | None]]:
    """Return the items with the checklist item each matches; every required one must be there."""
    if requested is None:
        return [(ItemInput(c.name, c.kind, c.count), c.id) for c in checklist if c.required]
    by_name = {fold(c.name): c for c in checklist}
    out: list[tuple[ItemInput, str | None]] = []
    for n, item in enumerate(requested, start=1):
        name = nfc(item.name)
        if not name:
            raise InvalidInput(f"Giấy tờ thứ {n} thiếu tên / Item {n} has no name")
        kinds = [k.value for k in DocumentKind]
        if item.kind not in kinds:
            raise InvalidInput(
                f"Giấy tờ “{name}”: loại “{item.kind}” không hợp lệ (dùng {', '.join(kinds)}) / "
                f"Invalid kind"
            )
        if not isinstance(item.count, int) or item.count < 1 or item.count > 999:
            raise InvalidInput(f"Giấy tờ “{name}”: số lượng phải từ 1 / Count must be 1 or more")
        match = by_name.get(fold(name))
        out.append((ItemInput(name, item.kind, item.count), match.id if match else None))
    have = {cid for _, cid in out if cid}
    missing = [c.name for c in checklist if c.required and c.id not in have]
    if missing:
        raise InvalidInput(
            "Thiếu giấy tờ bắt buộc: " + "; ".join(missing) + " / Required documents missing"
        )
    return out


@dataclass(frozen=True, slots=True)
class CheckedRequest:
    """An intake request checked before any write: normalized applicant, channel and times."""

    req: IntakeRequest
    applicant: Applicant
    channel: Channel
    received: datetime
    now: datetime
    post: PostReturn | None
    postal_tracking: str = ""  # validated (UPU S10), only for channel 3


def check_request(req: IntakeRequest, now: datetime | None = None) -> CheckedRequest:
    """Check what can be checked without the database; raises InvalidInput."""
    now = now or utcnow()
    applicant = _applicant(req.applicant)
    channel = Channel.parse(req.channel)
    received = req.received_at or now
    if received.tzinfo is None:
        received = received.replace(tzinfo=LOCAL_TZ)
    if received > now + FUTURE_TOLERANCE:
        raise InvalidInput("Thời điểm tiếp nhận ở tương lai / The receipt time is in the future")
    if not 1 <= req.sets_count <= 99:
        raise InvalidInput("Số bộ hồ sơ phải từ 1 đến 99 / Sets must be 1 to 99")
    post = None
    if req.return_by_post is not None:
        address = nfc(req.return_by_post.address)
        if not address:
            raise InvalidInput(
                "Trả kết quả qua bưu điện cần địa chỉ / Return by post needs an address"
            )
        phone_raw = req.return_by_post.phone or applicant.phone
        if not phone_raw.strip():
            raise InvalidInput(
                "Trả kết quả qua bưu điện cần số điện thoại / Return by post needs a phone"
            )
        post = PostReturn(address, validate_phone(phone_raw), nfc(req.return_by_post.receiver_name))
    tracking = ""
    if req.postal_tracking.strip():
        if channel != Channel.POSTAL:
            raise InvalidInput(
                "Mã vận đơn chỉ ghi cho hồ sơ nộp qua bưu chính (kênh 3) / "
                "A tracking number only goes with a dossier received by post"
            )
        tracking = validate_tracking(req.postal_tracking)
    return CheckedRequest(req, applicant, channel, received, now, post, tracking)


def checklist_rows(session: Session, procedure_id: str) -> list[ChecklistItem]:
    return list(
        session.scalars(
            select(ChecklistItem)
            .where(ChecklistItem.procedure_id == procedure_id)
            .order_by(ChecklistItem.position)
        )
    )


def register_dossier(
    session: Session,
    checked: CheckedRequest,
    proc: ProcedureDetail,
    actor: Actor,
    *,
    status: Status,
    items: list[tuple[ItemInput, str | None]],
    in_ledger: bool,
    action: str,
    event_data: dict[str, Any] | None = None,
    audit_details: dict[str, Any] | None = None,
) -> Dossier:
    """Number and insert a dossier with its items, first status event, audit and outbox rows,
    in the caller's transaction. The one way a dossier comes into being at the desk."""
    req, applicant, received, post = checked.req, checked.applicant, checked.received, checked.post
    calendar = load_calendar(session)
    due = calendar.due_time(received, proc.duration)
    local_day = received.astimezone(LOCAL_TZ).date()
    unit = _receiving_unit(session, proc.department_id)
    ident = unit.ident_code or unit.code
    code = _new_code(session, code_pattern(session), ident, proc.code, local_day)
    dossier = Dossier(
        code=code,
        lookup_secret=new_lookup_secret(),
        procedure_id=proc.id,
        unit_id=unit.id,
        channel=int(checked.channel),
        status=int(status),
        sets_count=req.sets_count,
        applicant_name=applicant.full_name,
        applicant_id_number=applicant.id_number,
        applicant_phone=applicant.phone,
        applicant_address=applicant.address,
        applicant_email=applicant.email,
        applicant_birth_date=applicant.birth_date,
        applicant_gender=applicant.gender,
        applicant_name_folded=fold(applicant.full_name),
        received_at=received,
        due_at=due,
        original_due_at=due,
        due_rule_version=calendar.rule_version,
        return_by_post=post is not None,
        post_receiver_name=(post.receiver_name or applicant.full_name) if post else "",
        post_address=post.address if post else "",
        post_phone=post.phone if post else "",
        received_by_user_id=actor.user_id,
        received_by_name=actor.name,
        desk_id=actor.desk_id,
        # Only dossiers actually received go into the ledger (sổ theo dõi hồ sơ).
        ledger_book=f"{local_day:%Y}" if in_ledger else "",
        ledger_entry=next_value(session, ledger_scope(unit.code, local_day)) if in_ledger else None,
        notes=nfc(req.notes),
        origin_desk_id=actor.desk_id,
        items=[
            DossierItem(
                position=i,
                name=it.name,
                kind=it.kind,
                count=it.count,
                checklist_item_id=cid,
                origin_desk_id=actor.desk_id,
            )
            for i, (it, cid) in enumerate(items, start=1)
        ],
    )
    session.add(dossier)
    session.flush()
    event = DossierEvent(
        dossier_id=dossier.id,
        kind="status",
        from_status=None,
        to_status=int(status),
        at=received,
        actor_user_id=actor.user_id,
        actor_name=actor.name,
        desk_id=actor.desk_id,
        data={
            "channel": int(checked.channel),
            "due_at": due.isoformat(),
            "items": [
                f"{it.name} ({DOCUMENT_KIND_VI[DocumentKind(it.kind)]} ×{it.count})"
                for it, _ in items
            ],
            **({"postal_tracking": checked.postal_tracking} if checked.postal_tracking else {}),
            **(event_data or {}),
        },
        origin_desk_id=actor.desk_id,
    )
    session.add(event)
    add_outbox(session, dossier, "insert")
    for item in dossier.items:
        add_outbox(session, item, "insert")
    add_outbox(session, event, "append")
    audit(
        session,
        actor,
        action,
        entity="dossiers",
        entity_id=dossier.id,
        details={
            "code": code,
            "procedure": proc.code,
            "channel": int(checked.channel),
            **(audit_details or {}),
        },
        at=checked.now,
    )
    return dossier


def create_dossier(
    db: Database, req: IntakeRequest, actor: Actor, *, now: datetime | None = None
) -> IntakeResult:
    """Receive a dossier: validate, number it, compute its due time, record it; return its code.

    Raises InvalidInput or NotFound (nothing written) for bad input."""
    checked = check_request(req, now)
    with db.write() as session:
        proc = get_procedure(session, req.procedure_code)
        items = _items(req.items, checklist_rows(session, proc.id))
        dossier = register_dossier(
            session,
            checked,
            proc,
            actor,
            status=Status.RECEIVED,
            items=items,
            in_ledger=True,
            action="dossier.receive",
        )
        return IntakeResult(
            dossier_id=dossier.id,
            code=dossier.code,
            lookup_secret=dossier.lookup_secret,
            received_at=dossier.received_at.astimezone(LOCAL_TZ),
            due_at=dossier.due_at.astimezone(LOCAL_TZ),
            ledger_book=dossier.ledger_book,
            ledger_entry=dossier.ledger_entry or 0,
        )


def _new_code(session: Session, pattern: CodePattern, unit: str, procedure: str, day: date) -> str:
    """Return the next code of the pattern's counter that no dossier has ever had.

    A counter only repeats a code after an administrator changes the pattern's scope (e.g. a
    daily counter made yearly); such numbers are skipped, because a code is never reused."""
    scope = pattern.scope(unit=unit, procedure=procedure, day=day)
    while True:
        code = pattern.format(
            unit=unit, procedure=procedure, day=day, seq=next_value(session, scope)
        )
        if session.scalar(select(Dossier.id).where(Dossier.code == code)) is None:
            return code


def _receiving_unit(session: Session, department_id: str) -> Unit:
    """The unit whose code numbers the dossier: the procedure's department (else the center)."""
    unit = session.get(Unit, department_id)
    if unit is None or not (unit.ident_code or unit.code):
        center_id = get_meta(session, CENTER_UNIT_ID)
        center = session.get(Unit, center_id) if center_id else None
        if center is None:
            raise InvalidInput("Chưa cấu hình đơn vị tiếp nhận / No receiving unit configured")
        return center
    return unit


def request_from_json(data: object) -> IntakeRequest:
    """Build an IntakeRequest from the JSON of `counter-app intake --file` (see README).

    Raises InvalidInput naming the first field that is missing or malformed."""
    if not isinstance(data, dict):
        raise InvalidInput(
            "Tệp hồ sơ phải là một đối tượng JSON / The file must hold a JSON object"
        )
    proc = data.get("procedure")
    if not isinstance(proc, str) or not proc.strip():
        raise InvalidInput("Thiếu mã thủ tục “procedure” / Missing “procedure” code")
    app = data.get("applicant")
    if not isinstance(app, dict):
        raise InvalidInput("Thiếu người nộp “applicant” / Missing “applicant”")
    unknown = set(app) - {
        "full_name",
        "id_number",
        "phone",
        "address",
        "email",
        "birth_date",
        "gender",
    }
    if unknown:
        raise InvalidInput(f"Trường lạ trong applicant: {sorted(unknown)} / Unknown fields")
    birth = app.get("birth_date")
    try:
        birth_date = date.fromisoformat(birth) if birth else None
    except (TypeError, ValueError):
        raise InvalidInput(
            f"Ngày sinh không hợp lệ: {birth!r} (YYYY-MM-DD) / Bad birth_date"
        ) from None
    applicant = Applicant(
        full_name=_str(app, "full_name"),
        id_number=_str(app, "id_number"),
        phone=_str(app, "phone"),
        address=_str(app, "address"),
        email=_str(app, "email"),
        birth_date=birth_date,
        gender=_str(app, "gender"),
    )
    received_at = None
    if data.get("received_at"):
        try:
            received_at = datetime.fromisoformat(str(data["received_at"]))
        except ValueError:
            raise InvalidInput(
                f"received_at không hợp lệ: {data['received_at']!r} (YYYY-MM-DDTHH:MM) / "
                "Invalid received_at"
            ) from None
        if received_at.tzinfo is None:
            received_at = received_at.replace(tzinfo=LOCAL_TZ)
    items = None
    if data.get("items") is not None:
        raw_items = data["items"]
        if not isinstance(raw_items, list):
            raise InvalidInput("“items” phải là một danh sách / “items” must be a list")
        items = []
        for n, it in enumerate(raw_items, start=1):
            if not isinstance(it, dict):
                raise InvalidInput(f"items[{n}] phải là một đối tượng / must be an object")
            count = it.get("count", 1)
            if not isinstance(count, int) or isinstance(count, bool):
                raise InvalidInput(f"items[{n}].count phải là số nguyên / must be an integer")
            items.append(ItemInput(_str(it, "name"), _str(it, "kind") or "original", count))
    post = None
    if data.get("return_by_post"):
        rp = data["return_by_post"]
        if not isinstance(rp, dict):
            raise InvalidInput("“return_by_post” phải là một đối tượng / must be an object")
        post = PostReturn(_str(rp, "address"), _str(rp, "phone"), _str(rp, "receiver_name"))
    sets = data.get("sets", 1)
    if not isinstance(sets, int) or isinstance(sets, bool):
        raise InvalidInput("“sets” phải là số nguyên / “sets” must be an integer")
    return IntakeRequest(
        procedure_code=proc.strip(),
        applicant=applicant,
        channel=Channel.parse(data.get("channel", "direct")),
        received_at=received_at,
        items=items,
        return_by_post=post,
        sets_count=sets,
        notes=_str(data, "notes"),
        postal_tracking=_str(data, "postal_tracking"),
    )


def _str(d: dict[str, object], key: str) -> str:
    value = d.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str | int):
        raise InvalidInput(f"“{key}” phải là chuỗi / “{key}” must be text")
    return str(value)
