"""Today's queue at a glance: waiting tickets per service and each desk's current ticket, from
the center when it answers, else from what this desk knows (issue 7: status, the supervisor)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, case, func, select

from counter_app.db import Database
from counter_app.domain.queue import business_date
from counter_app.models import Desk, QueueService, QueueTicket
from counter_app.models.base import utcnow
from counter_app.services.sync.link import CenterLink


@dataclass(frozen=True, slots=True)
class ServiceWaiting:
    code: str
    name: str
    waiting: int


@dataclass(frozen=True, slots=True)
class DeskNow:
    number: int
    name: str
    ticket: str | None  # the display of the ticket called or being served, if any
    state: str | None
    service_code: str | None
    served: int  # tickets finished today


@dataclass(frozen=True, slots=True)
class QueueStatus:
    online: bool
    business_date: date
    services: list[ServiceWaiting]
    desks: list[DeskNow]


def queue_status(
    db: Database, center: CenterLink | None = None, *, now: datetime | None = None
) -> QueueStatus:
    """Return today's waiting counts per service and each desk's current ticket: the center's
    when it answers, else what this desk knows."""
    if center is not None:
        ok, data = center.run(lambda c: c.queue_status())
        if ok and data is not None:
            return _from_center(data)
    return _local_status(db, now)


def _from_center(data: dict[str, Any]) -> QueueStatus:
    return QueueStatus(
        online=True,
        business_date=date.fromisoformat(data["business_date"]),
        services=[
            ServiceWaiting(s["code"], s["name"], int(s["waiting"])) for s in data["services"]
        ],
        desks=[
            DeskNow(
                d["number"],
                d["name"],
                d["ticket"]["display"] if d["ticket"] else None,
                d["ticket"]["state"] if d["ticket"] else None,
                d["ticket"]["service"] if d["ticket"] else None,
                int(d["served"]),
            )
            for d in data["desks"]
        ],
    )


def _local_status(db: Database, now: datetime | None) -> QueueStatus:
    day = business_date(now or utcnow())
    with db.read() as session:
        waiting = dict(
            session.execute(
                select(QueueTicket.service_id, func.count(QueueTicket.id))
                .where(QueueTicket.business_date == day, QueueTicket.state == "waiting")
                .group_by(QueueTicket.service_id)
            ).all()
        )
        services = [
            ServiceWaiting(s.code, s.name, int(waiting.get(s.id, 0)))
            for s in session.scalars(
                select(QueueService)
                .where(QueueService.active.is_(True))
                .order_by(QueueService.code)
            )
        ]
        served = dict(
            session.execute(
                select(QueueTicket.desk_id, func.count(QueueTicket.id))
                .where(QueueTicket.business_date == day, QueueTicket.state == "done")
                .group_by(QueueTicket.desk_id)
            ).all()
        )
        current: dict[str, tuple[str, str, str]] = {}
        for t_desk, display, state, code in session.execute(
            select(QueueTicket.desk_id, QueueTicket.display, QueueTicket.state, QueueService.code)
            .join(QueueService, QueueService.id == QueueTicket.service_id)
            .where(QueueTicket.business_date == day, QueueTicket.state.in_(("called", "serving")))
            .order_by(QueueTicket.called_at)
        ):
            if t_desk is not None:
                current[t_desk] = (display, state, code)  # the latest call wins
        desks = []
        for d in session.scalars(select(Desk).where(Desk.active.is_(True)).order_by(Desk.number)):
            now_t = current.get(d.id)
            desks.append(
                DeskNow(
                    d.number,
                    d.name,
                    now_t[0] if now_t else None,
                    now_t[1] if now_t else None,
                    now_t[2] if now_t else None,
                    int(served.get(d.id, 0)),
                )
            )
        return QueueStatus(False, day, services, desks)


# --- the hall display ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CallMade:
    """One call of a ticket to a desk, as the hall display shows and announces it."""

    ticket_id: str
    display: str
    desk_number: int
    desk_name: str
    at: datetime  # when it was called (called again, for a recall): with ticket_id, its key


@dataclass(frozen=True, slots=True)
class HallView:
    status: QueueStatus
    calls: list[CallMade]  # today's latest calls, the latest first


def hall_view(
    db: Database, center: CenterLink | None = None, *, limit: int = 6, now: datetime | None = None
) -> HallView:
    """Return what the hall display shows: today's status and the `limit` latest calls.

    From the center when it answers (one call; its current tickets are the calls), else from
    this database. Either way a recall is a called ticket whose `updated_at` is past its
    `called_at` (which a recall keeps, so that waits stay right): it is called again."""
    if center is not None:
        ok, data = center.run(lambda c: c.queue_status())
        if ok and data is not None:
            calls = [
                CallMade(
                    d["ticket"]["id"],
                    d["ticket"]["display"],
                    d["number"],
                    d["name"],
                    datetime.fromisoformat(
                        d["ticket"].get("recalled_at") or d["ticket"]["called_at"]
                    ),
                )
                for d in data["desks"]
                if d["ticket"] and d["ticket"].get("called_at")
            ]
            calls.sort(key=lambda c: c.at, reverse=True)
            return HallView(_from_center(data), calls[:limit])
    status = _local_status(db, now)
    with db.read() as session:
        at = case(
            (
                and_(QueueTicket.state == "called", QueueTicket.updated_at > QueueTicket.called_at),
                QueueTicket.updated_at,
            ),
            else_=QueueTicket.called_at,
        )
        rows = session.execute(
            select(QueueTicket.id, QueueTicket.display, Desk.number, Desk.name, at)
            .join(Desk, Desk.id == QueueTicket.desk_id)
            .where(
                QueueTicket.business_date == status.business_date,
                QueueTicket.called_at.is_not(None),
                QueueTicket.state != "waiting",
            )
            .order_by(at.desc(), QueueTicket.id.desc())
            .limit(limit)
        ).all()
    return HallView(status, [CallMade(*row) for row in rows])
