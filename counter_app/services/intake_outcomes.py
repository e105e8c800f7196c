"""The two other outcomes of a visit to the desk: a supplement request (form 02) and a refusal
(form 03), each recorded as a dossier in ONE transaction.

Why not `create_dossier` followed by `change_status`:
- `create_dossier` enforces the checklist's required documents, and a supplement or a refusal is
  exactly the case where they are missing: it would either refuse, or record as received papers
  that were not handed in;
- it records the dossier as "2 Được tiếp nhận", and the status table (domain/status.py) allows a
  refusal only from "1 Mới đăng ký": a dossier the desk turns away was never received;
- two transactions could leave a dossier received whose refusal failed.
So the dossier is registered here as 1 (with only the documents actually handed in), and moved to
5 or 3 by the ordinary `change_status` running inside the same transaction: the pause of the due
clock, the finish time, the event, audit and outbox rows are exactly those of any status change.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db import Database
from counter_app.domain.catalog import DOCUMENT_KIND_VI, DocumentKind
from counter_app.domain.codes import new_lookup_secret
from counter_app.domain.errors import InvalidInput
from counter_app.domain.status import Channel, Status
from counter_app.domain.text import fold, nfc
from counter_app.models import ChecklistItem, Dossier, DossierEvent, DossierItem
from counter_app.models.base import utcnow
from counter_app.services.catalog import get_procedure
from counter_app.services.dossiers import change_status

# The numbering and applicant checks are create_dossier's own, reused so that a refused dossier
# is numbered and validated exactly like a received one (a code is never reused).
from counter_app.services.intake import (
    FUTURE_TOLERANCE,
    LOCAL_TZ,
    IntakeRequest,
    ItemInput,
    _applicant,
    _new_code,
    _receiving_unit,
)
from counter_app.services.meta import code_pattern
from counter_app.services.recording import Actor, add_outbox, audit
from counter_app.services.workcal import load_calendar

OUTCOMES = (Status.SUPPLEMENT, Status.REFUSED)


@dataclass(frozen=True, slots=True)
class MissingItem:
    """A document the applicant must add or correct (a row of form 02)."""

    name: str
    kind: str = DocumentKind.ORIGINAL.value
    count: int = 1
    note: str = ""


@dataclass(frozen=True, slots=True)
class OutcomeResult:
    dossier_id: str
    code: str
    status: int  # 5 or 3
    reason: str
    received_at: datetime  # local
    due_at: datetime  # local; for a supplement request, moved later when it is supplemented


class _SameTransaction(Database):
    """The caller's open session dressed as a Database, so that an existing use case runs
    inside the caller's transaction (its `write()` flushes; the caller commits or rolls back)."""

    def __init__(self, db: Database, session: Session) -> None:  # no engine of its own
        self.url = db.url
        self.is_sqlite = db.is_sqlite
        self.engine = db.engine
        self._session = session

    @contextmanager
    def read(self) -> Iterator[Session]:
        yield self._session

    @contextmanager
    def write(self) -> Iterator[Session]:
        yield self._session
        self._session.flush()


def record_intake_outcome(
    db: Database,
    req: IntakeRequest,
    actor: Actor,
    *,
    outcome: Status | int,
    reason: str,
    missing: Sequence[MissingItem] = (),
    rules_reference: str = "",
    now: datetime | None = None,
) -> OutcomeResult:
    """Record a visit that ends in a supplement request (5) or a refusal (3); return the code.

    `req.items` are the documents actually handed in (none required); `missing` (supplement
    only) lists what to add. Raises InvalidInput or NotFound, and writes nothing, for bad input:
    no reason, a supplement request without documents to add, a bad applicant or item."""
    target = Status(int(outcome))
    if target not in OUTCOMES:
        raise InvalidInput(
            "Chỉ ghi được yêu cầu bổ sung (5) hoặc từ chối tiếp nhận (3) / Only outcomes 5 or 3"
        )
    reason = nfc(reason)
    if not reason:
        raise InvalidInput(
            f"Cần ghi lý do {'yêu cầu bổ sung' if target == Status.SUPPLEMENT else 'từ chối'} / "
            "A reason is required"
        )
    wanted = [_missing(m, n) for n, m in enumerate(missing, start=1)]
    if target == Status.SUPPLEMENT and not wanted:
        raise InvalidInput(
            "Yêu cầu bổ sung cần ít nhất một giấy tờ phải bổ sung / "
            "A supplement request needs at least one document to add"
        )
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

    with db.write() as session:
        proc = get_procedure(session, req.procedure_code)
        checklist = list(
            session.scalars(
                select(ChecklistItem)
                .where(ChecklistItem.procedure_id == proc.id)
                .order_by(ChecklistItem.position)
            )
        )
        items = _handed_in(req.items or [], checklist)
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
            channel=int(channel),
            status=int(Status.NEW),
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
            received_by_user_id=actor.user_id,
            received_by_name=actor.name,
            desk_id=actor.desk_id,
            # Not entered in the ledger of received dossiers: this one was not received.
            ledger_book="",
            ledger_entry=None,
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
            to_status=int(Status.NEW),
            at=received,
            actor_user_id=actor.user_id,
            actor_name=actor.name,
            desk_id=actor.desk_id,
            data={
                "channel": int(channel),
                "at_desk": True,
                "items": [
                    f"{it.name} ({DOCUMENT_KIND_VI[DocumentKind(it.kind)]} ×{it.count})"
                    for it, _ in items
                ],
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
            "dossier.register",
            entity="dossiers",
            entity_id=dossier.id,
            details={"code": code, "procedure": proc.code, "outcome": int(target)},
            at=now,
        )
        details: dict[str, Any] = {"at_desk": True}
        if target == Status.SUPPLEMENT:
            details["missing"] = [
                {"name": m.name, "kind": m.kind, "count": m.count, "note": m.note} for m in wanted
            ]
            if nfc(rules_reference):
                details["rules_reference"] = nfc(rules_reference)
        change = change_status(
            _SameTransaction(db, session),
            code,
            target,
            actor,
            reason=reason,
            at=max(now, received),
            details=details,
        )
        return OutcomeResult(
            dossier_id=dossier.id,
            code=code,
            status=int(target),
            reason=reason,
            received_at=received.astimezone(LOCAL_TZ),
            due_at=change.due_at,
        )


def _kind(value: str, name: str) -> str:
    kinds = [k.value for k in DocumentKind]
    if value not in kinds:
        raise InvalidInput(
            f"Giấy tờ “{name}”: loại “{value}” không hợp lệ (dùng {', '.join(kinds)}) / "
            "Invalid kind"
        )
    return value


def _count(value: int, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 999:
        raise InvalidInput(f"Giấy tờ “{name}”: số lượng phải từ 1 / Count must be 1 or more")
    return value


def _missing(m: MissingItem, n: int) -> MissingItem:
    name = nfc(m.name)
    if not name:
        raise InvalidInput(f"Giấy tờ cần bổ sung thứ {n} thiếu tên / Missing item {n} has no name")
    return MissingItem(name, _kind(m.kind, name), _count(m.count, name), nfc(m.note))


def _handed_in(
    requested: Sequence[ItemInput], checklist: list[ChecklistItem]
) -> list[tuple[ItemInput, str | None]]:
    """The documents handed in, each with the checklist item it matches (none is required)."""
    by_name = {fold(c.name): c for c in checklist}
    out: list[tuple[ItemInput, str | None]] = []
    for n, item in enumerate(requested, start=1):
        name = nfc(item.name)
        if not name:
            raise InvalidInput(f"Giấy tờ thứ {n} thiếu tên / Item {n} has no name")
        match = by_name.get(fold(name))
        out.append(
            (
                ItemInput(name, _kind(item.kind, name), _count(item.count, name)),
                match.id if match else None,
            )
        )
    return out
