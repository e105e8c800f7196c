"""Reading dossiers and moving them through the national statuses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from counter_app.db import Database
from counter_app.domain.calendar import CENTER_TZ
from counter_app.domain.errors import NotFound
from counter_app.domain.status import FINISHING, Channel, Status, check_transition
from counter_app.domain.text import fold, nfc
from counter_app.models import Dossier, DossierEvent, Procedure, Unit
from counter_app.models.base import utcnow
from counter_app.services.recording import Actor, add_outbox, audit
from counter_app.services.workcal import load_calendar

LOCAL_TZ = ZoneInfo(CENTER_TZ)


def _local(t: datetime | None) -> datetime | None:
    return t.astimezone(LOCAL_TZ) if t is not None else None


@dataclass(frozen=True, slots=True)
class EventView:
    at: datetime  # local
    kind: str
    from_status: int | None
    to_status: int | None
    actor: str
    desk_id: str | None
    reason: str
    data: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ItemView:
    name: str
    kind: str
    count: int


@dataclass(frozen=True, slots=True)
class DossierView:
    """A dossier as the screens and the command line show it (times local)."""

    id: str
    code: str
    lookup_secret: str
    status: int
    status_label: str
    channel: int
    channel_label: str
    procedure_code: str
    procedure_name: str
    department: str
    applicant_name: str
    applicant_id_number: str
    applicant_phone: str
    applicant_address: str
    applicant_email: str
    applicant_birth_date: date | None
    applicant_gender: str
    sets_count: int
    received_at: datetime
    due_at: datetime
    original_due_at: datetime
    due_rule_version: str
    paused_at: datetime | None
    finished_at: datetime | None
    returned_at: datetime | None
    return_by_post: bool
    post_receiver_name: str
    post_address: str
    post_phone: str
    received_by: str
    ledger_book: str
    ledger_entry: int | None
    needs_review: bool
    items: tuple[ItemView, ...]
    events: tuple[EventView, ...]


def dossier_by_code(session: Session, code: str) -> Dossier:
    """Return the dossier with `code` (as typed or scanned: NFC, case and spaces do not
    matter); raise NotFound."""
    found = session.scalar(select(Dossier).where(Dossier.code == nfc(code).strip().upper()))
    if found is None:
        raise NotFound(f"Không có hồ sơ mã {code} / No dossier with code {code}")
    return found


def _load(session: Session, code: str) -> Dossier:
    dossier = session.scalar(
        select(Dossier)
        .options(selectinload(Dossier.items), selectinload(Dossier.events))
        .where(Dossier.code == nfc(code).upper())
    )
    if dossier is None:
        raise NotFound(f"Không có hồ sơ mã {code} / No dossier with code {code}")
    return dossier


def _view(session: Session, d: Dossier) -> DossierView:
    proc = session.get(Procedure, d.procedure_id)
    unit = session.get(Unit, d.unit_id)
    assert proc is not None and unit is not None
    # The center's order (DESIGN.md: nothing is ordered by a desk's wall clock); this desk's
    # events the center has not taken yet come after, in the order they were written.
    events = sorted(d.events, key=lambda e: (e.server_version is None, e.server_version or 0, e.id))
    return DossierView(
        id=d.id,
        code=d.code,
        lookup_secret=d.lookup_secret,
        status=d.status,
        status_label=Status(d.status).label_vi,
        channel=d.channel,
        channel_label=Channel(d.channel).label_vi,
        procedure_code=proc.code,
        procedure_name=proc.name,
        department=unit.name,
        applicant_name=d.applicant_name,
        applicant_id_number=d.applicant_id_number,
        applicant_phone=d.applicant_phone,
        applicant_address=d.applicant_address,
        applicant_email=d.applicant_email,
        applicant_birth_date=d.applicant_birth_date,
        applicant_gender=d.applicant_gender,
        sets_count=d.sets_count,
        received_at=d.received_at.astimezone(LOCAL_TZ),
        due_at=d.due_at.astimezone(LOCAL_TZ),
        original_due_at=d.original_due_at.astimezone(LOCAL_TZ),
        due_rule_version=d.due_rule_version,
        paused_at=_local(d.paused_at),
        finished_at=_local(d.finished_at),
        returned_at=_local(d.returned_at),
        return_by_post=d.return_by_post,
        post_receiver_name=d.post_receiver_name,
        post_address=d.post_address,
        post_phone=d.post_phone,
        received_by=d.received_by_name,
        ledger_book=d.ledger_book,
        ledger_entry=d.ledger_entry,
        needs_review=d.needs_review,
        items=tuple(ItemView(i.name, i.kind, i.count) for i in d.items),
        events=tuple(
            EventView(
                at=e.at.astimezone(LOCAL_TZ),
                kind=e.kind,
                from_status=e.from_status,
                to_status=e.to_status,
                actor=e.actor_name,
                desk_id=e.desk_id,
                reason=e.reason,
                data=e.data,
            )
            for e in events
        ),
    )


def get_dossier(db: Database, code: str) -> DossierView:
    """Return the dossier with this code and its events; NotFound if there is none."""
    with db.read() as session:
        return _view(session, _load(session, code))


def find_dossiers(db: Database, text: str, limit: int = 50) -> list[DossierView]:
    """Find dossiers by code, applicant name (any diacritics), ID number or phone; newest first."""
    q = nfc(text)
    if not q:
        return []
    folded = fold(q)
    digits = "".join(ch for ch in q if ch.isdigit())
    conds = [Dossier.code == q.upper(), Dossier.applicant_name_folded.contains(folded)]
    if digits and len(digits) >= 6:
        conds += [Dossier.applicant_id_number == digits, Dossier.applicant_phone == digits]
    if len(q) >= 4:
        conds.append(Dossier.code.endswith(q.upper()))
    with db.read() as session:
        rows = session.scalars(
            select(Dossier)
            .options(selectinload(Dossier.items), selectinload(Dossier.events))
            .where(or_(*conds))
            .order_by(Dossier.received_at.desc())
            .limit(limit)
        ).all()
        return [_view(session, d) for d in rows]


@dataclass(frozen=True, slots=True)
class StatusChange:
    code: str
    from_status: int
    to_status: int
    at: datetime  # local
    due_at: datetime  # local, after any pause extension


def change_status(
    db: Database,
    code: str,
    target: Status | int,
    actor: Actor,
    *,
    reason: str = "",
    at: datetime | None = None,
    details: dict[str, Any] | None = None,
) -> StatusChange:
    """Move a dossier to `target` if its status allows it; record event, audit and outbox.

    Entering 5 (supplement requested) pauses the due-time clock; leaving 5 moves the due time
    later by the working time spent waiting. The first of 9, 10, 8 or 3 sets the finish time;
    10 sets the return time. `details` go into the event (e.g. the documents a supplement
    request asks for, as `missing`). Raises NotAllowed or InvalidInput (nothing written)."""
    with db.write() as session:
        return apply_status_change(
            session, code, target, actor, reason=reason, at=at or utcnow(), details=details
        )


def apply_status_change(
    session: Session,
    code: str,
    target: Status | int,
    actor: Actor,
    *,
    reason: str,
    at: datetime,
    details: dict[str, Any] | None = None,
) -> StatusChange:
    """`change_status` in the caller's transaction (for use cases that do more in it)."""
    target = Status(int(target))
    reason = nfc(reason)
    d = _load(session, code)
    current = Status(d.status)
    check_transition(current, target, reason)
    base_version = d.server_version  # SYNC.md: the center version this edit is based on
    changed = {"status"}
    data: dict[str, Any] = dict(details or {})
    if current == Status.SUPPLEMENT and d.paused_at is not None:
        calendar = load_calendar(session)
        new_due = calendar.extend_for_pause(d.due_at, d.paused_at, at)
        data["paused_from"] = d.paused_at.isoformat()
        data["due_before"] = d.due_at.isoformat()
        data["due_after"] = new_due.isoformat()
        d.due_at = new_due
        d.paused_at = None
        changed |= {"due_at", "paused_at"}
    if target == Status.SUPPLEMENT:
        d.paused_at = at
        changed.add("paused_at")
    if target in FINISHING and d.finished_at is None:
        d.finished_at = at
        changed.add("finished_at")
    if target == Status.RETURNED:
        d.returned_at = at
        changed.add("returned_at")
    d.status = int(target)
    session.flush()
    event = DossierEvent(
        dossier_id=d.id,
        kind="status",
        from_status=int(current),
        to_status=int(target),
        at=at,
        actor_user_id=actor.user_id,
        actor_name=actor.name,
        desk_id=actor.desk_id,
        reason=reason,
        data=data,
        origin_desk_id=actor.desk_id,
    )
    session.add(event)
    add_outbox(session, d, "update", fields=changed, base_version=base_version)
    add_outbox(session, event, "append")
    audit(
        session,
        actor,
        "dossier.status",
        entity="dossiers",
        entity_id=d.id,
        details={"code": d.code, "from": int(current), "to": int(target), "reason": reason},
    )
    return StatusChange(
        d.code,
        int(current),
        int(target),
        at.astimezone(LOCAL_TZ),
        d.due_at.astimezone(LOCAL_TZ),
    )
