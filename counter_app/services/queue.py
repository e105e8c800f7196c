"""The queue at a desk: issue a ticket, call the next citizen, recall, skip, serve, finish,
transfer, and today's status (issue 7; SYNC.md, queue numbers).

Online (a CenterLink that answers) the center numbers and claims tickets (migration 0003); the
desk keeps a copy of the row the center returns, without an outbox op (the center has it).
Offline, a desk joined to a center numbers from its own series ("A-3·017", which the center
never issues) and calls only its own tickets that the center has not seen yet: any other
ticket may be claimed at the center meanwhile, and a citizen must never be called to two desks.
Offline writes append outbox ops; a standalone database (never joined) is its own center.
Each use case is one local transaction; the center is asked before it, never inside it (an
officer must not hold the desk's write lock on a network call).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, and_, case, exists, func, or_, select, update
from sqlalchemy.orm import Session

from counter_app.db import Database
from counter_app.domain.errors import InvalidInput, NotAllowed, NotFound
from counter_app.domain.queue import (
    business_date,
    center_display,
    check_priority,
    check_transition,
    desk_display,
    desk_series,
    transfer_series,
)
from counter_app.domain.text import nfc
from counter_app.models import (
    Desk,
    Dossier,
    OutboxOp,
    QueueCounter,
    QueueService,
    QueueTicket,
    SyncState,
)
from counter_app.models.base import new_id, utcnow
from counter_app.models.queue import desk_services
from counter_app.services.queue_status import DeskNow, QueueStatus, ServiceWaiting, queue_status
from counter_app.services.recording import Actor, add_outbox
from counter_app.services.sync.client import CenterClient
from counter_app.services.sync.link import CenterLink
from counter_app.services.sync.rows import table_of, typed, upsert

__all__ = [
    "DeskNow",
    "Issued",
    "QueueStatus",
    "ServiceWaiting",
    "Ticket",
    "call_next",
    "cancel",
    "finish",
    "issue_ticket",
    "queue_status",
    "recall",
    "set_state",
    "skip",
    "start_serving",
    "transfer",
]


@dataclass(frozen=True, slots=True)
class Ticket:
    id: str
    display: str  # what the citizen holds: "A023", or "A-3·017" from an offline desk
    service_code: str
    number: int
    series: str
    priority: str
    state: str
    business_date: date
    issued_at: datetime
    called_at: datetime | None
    desk_number: int | None  # the desk that called it (or it is transferred to)
    online: bool  # the center decided this (False: this desk, offline or standalone)


@dataclass(frozen=True, slots=True)
class Issued:
    ticket: Ticket
    service_name: str
    ahead: int  # waiting tickets that will be called before it


@dataclass(frozen=True, slots=True)
class _Here:
    """Where this database stands: joined to a center (as desk `desk_number`) or standalone."""

    joined: bool
    desk_id: str | None
    desk_number: int | None


def _here(session: Session) -> _Here:
    state = session.get(SyncState, 1)
    desk_id = state.desk_id if state else None
    joined = bool(state and state.desk_id and state.central_url)
    number = session.scalar(select(Desk.number).where(Desk.id == desk_id)) if desk_id else None
    return _Here(joined, desk_id, number)


# --- issuing -------------------------------------------------------------------------------


def issue_ticket(
    db: Database,
    service_code: str,
    actor: Actor,
    *,
    priority: str = "",
    center: CenterLink | None = None,
    now: datetime | None = None,
) -> Issued:
    """Issue the next ticket of `service_code`; return it with the people ahead.

    Raises NotFound for an unknown or inactive service, InvalidInput for an unknown priority."""
    code = nfc(service_code).strip().upper()
    check_priority(priority)
    if center is not None:
        ticket_id = new_id()
        ok, row = center.run(lambda c: c.issue_ticket(code, priority, ticket_id))
        if ok and row is not None:
            with db.write() as session:
                t = _store(session, row)
                return Issued(_ticket(session, t, online=True), row["service_name"], row["ahead"])
    at = now or utcnow()
    with db.write() as session:
        here = _here(session)
        service = _service(session, code)
        day = business_date(at)
        offline = here.joined and here.desk_number is not None
        series = desk_series(here.desk_number or 0) if offline else ""
        number = _next_number(session, service.id, day, series)
        display = (
            desk_display(code, here.desk_number or 0, number)
            if offline
            else center_display(code, number)
        )
        t = QueueTicket(
            service_id=service.id,
            business_date=day,
            series=series,
            number=number,
            display=display,
            priority=priority,
            state="waiting",
            issued_at=at,
            issuing_desk_id=actor.desk_id or here.desk_id,
            origin_desk_id=here.desk_id,
        )
        session.add(t)
        add_outbox(session, t, "insert")
        ahead = people_ahead(session, t, own_series=series if offline else None)
        return Issued(_ticket(session, t, online=False), service.name, ahead)


def _service(session: Session, code: str) -> QueueService:
    service = session.scalar(
        select(QueueService).where(QueueService.code == code, QueueService.active.is_(True))
    )
    if service is None:
        raise NotFound(f'Không có dịch vụ xếp hàng "{code}" / No queue service "{code}"')
    return service


def _next_number(session: Session, service_id: str, day: date, series: str) -> int:
    """Return the next number of (service, day, series), under the write transaction's lock.

    Never below a number the desk already holds for that key (a counter lost with a reinstalled
    database must not hand out a number the center already has from this desk)."""
    counter = session.get(QueueCounter, (service_id, day, series))
    highest = session.scalar(
        select(func.max(QueueTicket.number)).where(
            QueueTicket.service_id == service_id,
            QueueTicket.business_date == day,
            QueueTicket.series == series,
        )
    )
    value = max(counter.last_no if counter else 0, highest or 0) + 1
    if counter is None:
        session.add(
            QueueCounter(service_id=service_id, business_date=day, series=series, last_no=value)
        )
    else:
        counter.last_no = value
    return value


def _order() -> tuple[Any, ...]:
    """Priority tickets first, then issue order."""
    return (case((QueueTicket.priority != "", 0), else_=1), QueueTicket.issued_at, QueueTicket.id)


def people_ahead(session: Session, t: QueueTicket, *, own_series: str | None) -> int:
    """Return how many waiting tickets of `t`'s service and day will be called before it
    (priority first, then issue order); only series `own_series` when given (offline)."""
    session.flush()
    earlier = or_(
        QueueTicket.issued_at < t.issued_at,
        and_(QueueTicket.issued_at == t.issued_at, QueueTicket.id < t.id),
    )
    if t.priority:
        before = and_(QueueTicket.priority != "", earlier)
    else:
        before = or_(QueueTicket.priority != "", earlier)
    where = [
        QueueTicket.id != t.id,
        QueueTicket.service_id == t.service_id,
        QueueTicket.business_date == t.business_date,
        QueueTicket.state == "waiting",
        before,
    ]
    if own_series is not None:
        where.append(QueueTicket.series == own_series)
    return int(session.scalar(select(func.count(QueueTicket.id)).where(*where)) or 0)


# --- calling -------------------------------------------------------------------------------


def offline_callable(desk_number: int) -> list[ColumnElement[bool]]:
    """The conditions on a ticket that a desk cut off from its center may call: one of its own
    series, and not yet seen by the center (where another desk may have claimed it)."""
    return [
        QueueTicket.series.in_((desk_series(desk_number), transfer_series(desk_number))),
        QueueTicket.server_version.is_(None),
        ~exists().where(
            OutboxOp.entity == "queue_tickets",
            OutboxOp.entity_id == QueueTicket.id,
            OutboxOp.state == "acked",
        ),
    ]


def call_next(
    db: Database,
    desk_id: str,
    actor: Actor,
    *,
    services: list[str] | None = None,
    center: CenterLink | None = None,
    now: datetime | None = None,
) -> Ticket | None:
    """Claim the next waiting ticket for desk `desk_id` (priority first, then issue order);
    return it, or None when nobody waits. `services`: codes to call from (default: the desk's).

    Raises NotFound for an unknown desk, NotAllowed for another desk than the joined one."""
    codes = [nfc(c).strip().upper() for c in services] if services else None
    if center is not None:

        def claim(c: CenterClient) -> dict[str, Any] | None:
            _same_desk(c, desk_id)
            return c.call_next(codes, actor.user_id)

        ok, row = center.run(claim)
        if ok:
            if row is None:
                return None
            with db.write() as session:
                return _ticket(session, _store(session, row), online=True)
    at = now or utcnow()
    with db.write() as session:
        here = _here(session)
        if session.get(Desk, desk_id) is None:
            raise NotFound(f"Không có quầy {desk_id} / No such desk")
        if here.joined and desk_id != here.desk_id:
            raise NotAllowed(
                "Máy này chỉ gọi số cho quầy của mình / This database calls only for its own desk"
            )
        if codes:
            service_ids = list(
                session.scalars(select(QueueService.id).where(QueueService.code.in_(codes)))
            )
        else:
            service_ids = list(
                session.scalars(
                    select(desk_services.c.service_id).where(desk_services.c.desk_id == desk_id)
                )
            )
        where = [
            QueueTicket.business_date == business_date(at),
            QueueTicket.state == "waiting",
            or_(
                QueueTicket.desk_id == desk_id,
                and_(QueueTicket.desk_id.is_(None), QueueTicket.service_id.in_(service_ids)),
            ),
        ]
        if here.joined:
            where += offline_callable(here.desk_number or 0)
        for ticket_id in session.scalars(select(QueueTicket.id).where(*where).order_by(*_order())):
            # The claim of SYNC.md, also here: only a row count of 1 wins.
            result = session.execute(
                update(QueueTicket)
                .where(QueueTicket.id == ticket_id, QueueTicket.state == "waiting")
                .values(
                    state="called",
                    desk_id=desk_id,
                    called_at=at,
                    officer_user_id=actor.user_id,
                    version=QueueTicket.version + 1,
                    updated_at=at,
                )
                .execution_options(synchronize_session=False)
            )
            if cast(CursorResult[Any], result).rowcount == 1:
                t = session.get(QueueTicket, ticket_id, populate_existing=True)
                assert t is not None
                add_outbox(
                    session,
                    t,
                    "update",
                    fields={"state", "desk_id", "called_at", "officer_user_id"},
                    base_version=t.server_version,
                )
                return _ticket(session, t, online=False)
        return None


def _same_desk(client: CenterClient, desk_id: str) -> None:
    if client.desk_id != desk_id:
        raise NotAllowed(
            "Máy này chỉ gọi số cho quầy của mình / This database calls only for its own desk"
        )


# --- after the call ------------------------------------------------------------------------


def recall(
    db: Database,
    ticket_id: str,
    actor: Actor,
    *,
    center: CenterLink | None = None,
    now: datetime | None = None,
) -> Ticket:
    """Call a called ticket again (the display announces it once more)."""
    return set_state(db, ticket_id, "called", actor, center=center, now=now)


def skip(db: Database, ticket_id: str, actor: Actor, **kw: Any) -> Ticket:
    """Mark a called ticket as a no-show."""
    return set_state(db, ticket_id, "no_show", actor, **kw)


def start_serving(db: Database, ticket_id: str, actor: Actor, **kw: Any) -> Ticket:
    """The citizen came to the desk: serving starts."""
    return set_state(db, ticket_id, "serving", actor, **kw)


def finish(db: Database, ticket_id: str, actor: Actor, **kw: Any) -> Ticket:
    """Serving is over."""
    return set_state(db, ticket_id, "done", actor, **kw)


def cancel(db: Database, ticket_id: str, actor: Actor, **kw: Any) -> Ticket:
    """A waiting citizen left (or the ticket was issued by mistake)."""
    return set_state(db, ticket_id, "cancelled", actor, **kw)


def set_state(
    db: Database,
    ticket_id: str,
    state: str,
    actor: Actor,
    *,
    center: CenterLink | None = None,
    now: datetime | None = None,
) -> Ticket:
    """Move a ticket to `state` by the state machine of domain/queue.py; return it.

    At the center when it has the ticket and answers; locally when offline or when this desk
    still has unsent changes of the ticket (they must reach the center first, in order).
    Raises NotFound, NotAllowed (an illegal change, or a ticket at another desk)."""
    if state == "transferred":
        raise InvalidInput("Dùng chức năng chuyển / Use transfer() to transfer a ticket")
    at = now or utcnow()
    if center is not None and _center_has(db, ticket_id):
        ok, row = center.run(lambda c: c.set_ticket_state(ticket_id, state))
        if ok and row is not None:
            with db.write() as session:
                return _ticket(session, _store(session, row), online=True)
    with db.write() as session:
        t = _local_change(session, ticket_id, state, actor)
        fields: set[str] = {"state"}
        if state == "serving":
            t.serving_at = at
            fields.add("serving_at")
        elif state in ("done", "no_show", "cancelled"):
            t.finished_at = at
            fields.add("finished_at")
        t.state = state
        t.updated_at = at
        if state != "called":  # a recall changes nothing the center keeps
            add_outbox(session, t, "update", fields=fields, base_version=t.server_version)
        else:
            session.flush()
        return _ticket(session, t, online=False)


def transfer(
    db: Database,
    ticket_id: str,
    actor: Actor,
    *,
    service_code: str | None = None,
    to_desk: int | None = None,
    center: CenterLink | None = None,
    now: datetime | None = None,
) -> Ticket:
    """End a called or serving ticket as transferred and return its successor, waiting in
    `service_code` and/or for desk number `to_desk` (same display, priority and place)."""
    code = nfc(service_code).strip().upper() if service_code else None
    if code is None and to_desk is None:
        raise InvalidInput(
            "Chuyển cần dịch vụ khác hoặc quầy đích / A transfer needs another service or a desk"
        )
    new_ticket_id = new_id()
    at = now or utcnow()
    if center is not None and _center_has(db, ticket_id):
        ok, row = center.run(lambda c: c.transfer_ticket(ticket_id, code, to_desk, new_ticket_id))
        if ok and row is not None:
            with db.write() as session:
                return _ticket(session, _store(session, row), online=True)
    with db.write() as session:
        here = _here(session)
        old_t = _local_change(session, ticket_id, "transferred", actor)
        service = _service(session, code) if code else session.get(QueueService, old_t.service_id)
        assert service is not None
        target = None
        if to_desk is not None:
            target = session.scalar(select(Desk.id).where(Desk.number == to_desk))
            if target is None:
                raise NotFound(f"Không có quầy số {to_desk} / No desk {to_desk}")
        if service.id == old_t.service_id and target is None:
            raise InvalidInput(
                "Chuyển cần dịch vụ khác hoặc quầy đích / A transfer needs another service or a "
                "desk"
            )
        old_t.state = "transferred"
        old_t.finished_at = at
        old_t.updated_at = at
        add_outbox(
            session,
            old_t,
            "update",
            fields={"state", "finished_at"},
            base_version=old_t.server_version,
        )
        day = business_date(at)
        series = transfer_series(here.desk_number if here.joined else None)
        new = QueueTicket(
            id=new_ticket_id,
            service_id=service.id,
            business_date=day,
            series=series,
            number=_next_number(session, service.id, day, series),
            display=old_t.display,
            priority=old_t.priority,
            state="waiting",
            issued_at=old_t.issued_at,
            issuing_desk_id=here.desk_id,
            desk_id=target,
            transferred_from_id=old_t.id,
            origin_desk_id=here.desk_id,
        )
        session.add(new)
        add_outbox(session, new, "insert")
        return _ticket(session, new, online=False)


def _center_has(db: Database, ticket_id: str) -> bool:
    """True when the center has this ticket as this desk knows it: it reached the center and
    no local change of it waits to be sent; or this desk has not heard of it yet (only the
    center can tell)."""
    with db.read() as session:
        t = session.get(QueueTicket, ticket_id)
        if t is None:
            return True
        ops = list(
            session.scalars(
                select(OutboxOp.state).where(
                    OutboxOp.entity == "queue_tickets", OutboxOp.entity_id == ticket_id
                )
            )
        )
        if any(state != "acked" for state in ops):
            return False
        return t.server_version is not None or bool(ops)


def _local_change(session: Session, ticket_id: str, state: str, actor: Actor) -> QueueTicket:
    t = session.get(QueueTicket, ticket_id)
    if t is None:
        raise NotFound(f"Không có lượt {ticket_id} / No such ticket")
    check_transition(t.display, t.state, state)
    here = _here(session)
    me = actor.desk_id or here.desk_id
    if t.state != "waiting" and t.desk_id != me:
        number = session.scalar(select(Desk.number).where(Desk.id == t.desk_id))
        raise NotAllowed(
            f"Số {t.display} đang ở quầy {number}, không phải quầy này / Ticket {t.display} is "
            f"at desk {number}"
        )
    return t


# --- rows ----------------------------------------------------------------------------------


def _store(session: Session, row: dict[str, Any]) -> QueueTicket:
    """Keep this desk's copy of a ticket the center returned (no outbox op: the center has it).

    A reference to a row this desk has not pulled yet (the original of a transferred ticket, a
    dossier) is left empty here; the pull brings the row whole, with it."""
    data = typed(table_of("queue_tickets"), row)
    for column, model in (("transferred_from_id", QueueTicket), ("dossier_id", Dossier)):
        if data.get(column) and session.get(model, data[column]) is None:
            data[column] = None
    upsert(session, "queue_tickets", [data], replace=True)
    t = session.get(QueueTicket, row["id"], populate_existing=True)
    assert t is not None
    return t


def _ticket(session: Session, t: QueueTicket, *, online: bool) -> Ticket:
    session.flush()
    code = session.scalar(select(QueueService.code).where(QueueService.id == t.service_id)) or ""
    desk = session.scalar(select(Desk.number).where(Desk.id == t.desk_id)) if t.desk_id else None
    return Ticket(
        id=t.id,
        display=t.display,
        service_code=code,
        number=t.number,
        series=t.series,
        priority=t.priority,
        state=t.state,
        business_date=t.business_date,
        issued_at=t.issued_at,
        called_at=t.called_at,
        desk_number=desk,
        online=online,
    )
