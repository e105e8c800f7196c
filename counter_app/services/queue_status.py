"""Today's queue at a glance: waiting tickets per service and each desk's current ticket, from
the center when it answers, else from what this desk knows (issue 7: status, the supervisor)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

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
            return QueueStatus(
                online=True,
                business_date=date.fromisoformat(data["business_date"]),
                services=[
                    ServiceWaiting(s["code"], s["name"], int(s["waiting"]))
                    for s in data["services"]
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
