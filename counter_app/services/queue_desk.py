"""What the officer's queue bar reads: the desk's current ticket, how many wait for the desk's
services, whether the center answers, and where a ticket may be transferred (issue 7, part 3).

The calls themselves are services/queue.py's; this module only reads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from counter_app.db import Database
from counter_app.domain.queue import business_date
from counter_app.models import Desk, QueueService, QueueTicket, SyncState
from counter_app.models.base import utcnow
from counter_app.models.queue import desk_services
from counter_app.services.queue import offline_callable
from counter_app.services.queue_status import ServiceWaiting, queue_status
from counter_app.services.sync.link import CenterLink, center_link


@dataclass(frozen=True, slots=True)
class CurrentTicket:
    """The ticket called to, or served at, this desk."""

    id: str
    display: str
    service_code: str
    service_name: str
    priority: str
    state: str  # "called" or "serving"
    issued_at: datetime
    called_at: datetime | None
    serving_at: datetime | None


@dataclass(frozen=True, slots=True)
class DeskQueue:
    joined: bool  # a desk of a center (False: a standalone database, its own center)
    online: bool  # the center answered (always False when not joined)
    current: CurrentTicket | None
    services: list[ServiceWaiting]  # the desk's services, with today's waiting counts
    waiting: int  # who this desk can call now (offline: only its own offline tickets)


@dataclass(frozen=True, slots=True)
class TransferTargets:
    services: list[tuple[str, str]]  # (code, name) of the active services
    desks: list[tuple[int, str]]  # (number, name) of the other active desks


def desk_link(db: Database) -> CenterLink | None:
    """Return the link to the center a joined desk's queue calls go through: the one the
    desk's number claimer already holds (one connection, and it hears when the sync worker saw
    the center go), else a new one; None for a standalone database."""
    link = getattr(db.number_source, "link", None)
    if isinstance(link, CenterLink):
        return link
    return center_link(db)


def desk_queue(
    db: Database, desk_id: str, center: CenterLink | None = None, *, now: datetime | None = None
) -> DeskQueue:
    """Return this desk's current ticket and the waiting counts of its services: the center's
    when it answers, else this database's (offline: only the desk's own tickets)."""
    at = now or utcnow()
    day = business_date(at)
    status = queue_status(db, center, now=at)
    with db.read() as session:
        state = session.get(SyncState, 1)
        joined = bool(state and state.desk_id and state.central_url)
        codes = set(
            session.scalars(
                select(QueueService.code)
                .join(desk_services, desk_services.c.service_id == QueueService.id)
                .where(desk_services.c.desk_id == desk_id, QueueService.active.is_(True))
            )
        )
        services = [s for s in status.services if s.code in codes]
        if joined and not status.online:
            waiting = _own_waiting(session, desk_id, day)
        else:
            waiting = sum(s.waiting for s in services)
        row = session.execute(
            select(QueueTicket, QueueService.code, QueueService.name)
            .join(QueueService, QueueService.id == QueueTicket.service_id)
            .where(
                QueueTicket.desk_id == desk_id,
                QueueTicket.business_date == day,
                QueueTicket.state.in_(("called", "serving")),
            )
            .order_by(QueueTicket.called_at.desc())
            .limit(1)
        ).first()
        current = None
        if row is not None:
            t, code, name = row
            current = CurrentTicket(
                t.id,
                t.display,
                code,
                name,
                t.priority,
                t.state,
                t.issued_at,
                t.called_at,
                t.serving_at,
            )
        return DeskQueue(joined, status.online, current, services, waiting)


def _own_waiting(session: Session, desk_id: str, day: date) -> int:
    """The tickets an offline desk may call: its own, not yet seen by the center (queue.py)."""
    number = session.scalar(select(Desk.number).where(Desk.id == desk_id)) or 0
    service_ids = select(desk_services.c.service_id).where(desk_services.c.desk_id == desk_id)
    return int(
        session.scalar(
            select(func.count(QueueTicket.id)).where(
                QueueTicket.business_date == day,
                QueueTicket.state == "waiting",
                or_(
                    QueueTicket.desk_id == desk_id,
                    and_(QueueTicket.desk_id.is_(None), QueueTicket.service_id.in_(service_ids)),
                ),
                *offline_callable(number),
            )
        )
        or 0
    )


def transfer_targets(db: Database, desk_id: str) -> TransferTargets:
    """Return the services and the other desks a ticket may be transferred to."""
    with db.read() as session:
        services = [
            (s.code, s.name)
            for s in session.scalars(
                select(QueueService)
                .where(QueueService.active.is_(True))
                .order_by(QueueService.code)
            )
        ]
        desks = [
            (d.number, d.name)
            for d in session.scalars(
                select(Desk).where(Desk.active.is_(True), Desk.id != desk_id).order_by(Desk.number)
            )
        ]
        return TransferTargets(services, desks)
