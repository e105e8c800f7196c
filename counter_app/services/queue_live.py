"""The supervisor's live picture of today's queue: each desk, each service, waits past the alert
threshold, and tickets issued and served by hour (issue 7, part 5).

Computed from the ticket rows' timed periods (LESSONS.md: The Q, every state change is timed):
a wait runs from issue to call, a service from serving to finish. A transferred ticket's
successor keeps the citizen's issue time; its wait starts when the transfer ended the
original, so one citizen's time at the first desk is not counted as waiting twice.
The business date is the local date in Asia/Ho_Chi_Minh (bcgov/queue-management#626).
A day holds at most a few thousand tickets, so they are read once and summed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from counter_app.db import Database
from counter_app.domain.queue import CENTER_ZONE, business_date
from counter_app.models import Desk, QueueService, QueueTicket, User
from counter_app.models.base import utcnow

WAIT_ALERT_MINUTES = 20
# The chart always covers the reception hours (07:30-16:30), wider when tickets fall outside.
FIRST_HOUR, LAST_HOUR = 7, 16
CURRENT = ("called", "serving")
ENDED = ("done", "no_show", "transferred")  # states that end a desk's work on a ticket


@dataclass(frozen=True, slots=True)
class DeskLive:
    number: int
    name: str
    officer: str | None  # who works the desk today (the current or the latest ticket's officer)
    ticket: str | None  # the ticket called or being served
    state: str | None  # "called" or "serving"
    service_code: str | None
    current_s: int | None  # seconds since the ticket was called, or since serving started
    served: int  # tickets finished ("done") today
    idle_s: int | None  # no current ticket: seconds since the desk's last finish today


@dataclass(frozen=True, slots=True)
class ServiceLive:
    code: str
    name: str
    waiting: int
    longest_wait_s: int | None  # of the tickets waiting now
    avg_wait_s: int | None  # called_at - wait start, over today's called tickets
    avg_service_s: int | None  # finished_at - serving_at, over today's finished services
    served: int
    no_shows: int


@dataclass(frozen=True, slots=True)
class WaitAlert:
    ticket: str
    service_code: str
    service_name: str
    wait_s: int


@dataclass(frozen=True, slots=True)
class HourCount:
    hour: int  # local hour of the day, 0-23
    issued: int
    served: int


@dataclass(frozen=True, slots=True)
class QueueLive:
    business_date: date
    now: datetime
    alert_minutes: int
    desks: list[DeskLive]
    services: list[ServiceLive]
    alerts: list[WaitAlert]  # longest wait first
    hours: list[HourCount]

    @property
    def waiting(self) -> int:
        return sum(s.waiting for s in self.services)

    @property
    def served(self) -> int:
        return sum(s.served for s in self.services)

    @property
    def issued(self) -> int:
        return sum(h.issued for h in self.hours)


def _s(delta: timedelta) -> int:
    return max(0, int(delta.total_seconds()))


def _mean(values: list[int]) -> int | None:
    return round(sum(values) / len(values)) if values else None


def queue_live(
    db: Database, now: datetime | None = None, alert_minutes: int = WAIT_ALERT_MINUTES
) -> QueueLive:
    """Return today's live queue picture at `now` (default: the current time); waits of
    `alert_minutes` or more are alerts. Reads only; raises nothing of its own."""
    at = now or utcnow()
    day = business_date(at)
    with db.read() as session:
        services = list(
            session.execute(
                select(QueueService.id, QueueService.code, QueueService.name)
                .where(QueueService.active.is_(True))
                .order_by(QueueService.code)
            )
        )
        desks = list(
            session.execute(
                select(Desk.id, Desk.number, Desk.name)
                .where(Desk.active.is_(True))
                .order_by(Desk.number)
            )
        )
        names = dict(session.execute(select(User.id, User.full_name)).all())
        tickets = list(
            session.execute(
                select(
                    QueueTicket.id,
                    QueueTicket.service_id,
                    QueueTicket.display,
                    QueueTicket.state,
                    QueueTicket.issued_at,
                    QueueTicket.called_at,
                    QueueTicket.serving_at,
                    QueueTicket.finished_at,
                    QueueTicket.desk_id,
                    QueueTicket.officer_user_id,
                    QueueTicket.transferred_from_id,
                ).where(QueueTicket.business_date == day)
            )
        )
    ended_at = {t.id: t.finished_at for t in tickets}

    def wait_start(t: Any) -> datetime:
        start = ended_at.get(t.transferred_from_id) if t.transferred_from_id else None
        return start or t.issued_at

    by_service = {s.id: (s.code, s.name) for s in services}
    waits: dict[str, list[int]] = {s.id: [] for s in services}
    service_times: dict[str, list[int]] = {s.id: [] for s in services}
    waiting: dict[str, list[int]] = {s.id: [] for s in services}
    served: dict[str, int] = dict.fromkeys(by_service, 0)
    no_shows: dict[str, int] = dict.fromkeys(by_service, 0)
    alerts: list[WaitAlert] = []
    hours: dict[int, list[int]] = {}
    for t in tickets:
        if t.service_id not in by_service:
            continue
        issued, called, serving, finished = t.issued_at, t.called_at, t.serving_at, t.finished_at
        start = wait_start(t)
        if t.transferred_from_id is None:  # a citizen is issued one ticket, not one per transfer
            hours.setdefault(issued.astimezone(CENTER_ZONE).hour, [0, 0])[0] += 1
        if called is not None:
            waits[t.service_id].append(_s(called - start))
        if t.state == "waiting":
            wait = _s(at - start)
            waiting[t.service_id].append(wait)
            if wait >= alert_minutes * 60:
                code, name = by_service[t.service_id]
                alerts.append(WaitAlert(t.display, code, name, wait))
        elif t.state == "done":
            served[t.service_id] += 1
            if finished is not None:
                hours.setdefault(finished.astimezone(CENTER_ZONE).hour, [0, 0])[1] += 1
                if serving is not None:
                    service_times[t.service_id].append(_s(finished - serving))
        elif t.state == "no_show":
            no_shows[t.service_id] += 1
    alerts.sort(key=lambda a: (-a.wait_s, a.ticket))

    first = min([FIRST_HOUR, *hours])
    last = max([LAST_HOUR, *hours])
    return QueueLive(
        business_date=day,
        now=at,
        alert_minutes=alert_minutes,
        desks=[
            _desk(d, tickets, names, {k: v[0] for k, v in by_service.items()}, at) for d in desks
        ],
        services=[
            ServiceLive(
                code=s.code,
                name=s.name,
                waiting=len(waiting[s.id]),
                longest_wait_s=max(waiting[s.id], default=None),
                avg_wait_s=_mean(waits[s.id]),
                avg_service_s=_mean(service_times[s.id]),
                served=served[s.id],
                no_shows=no_shows[s.id],
            )
            for s in services
        ],
        alerts=alerts,
        hours=[HourCount(h, *hours.get(h, [0, 0])) for h in range(first, last + 1)],
    )


def _desk(
    d: Any,
    tickets: list[Any],
    names: dict[str, str],
    codes: dict[str, str],
    at: datetime,
) -> DeskLive:
    mine = sorted(
        (t for t in tickets if t.desk_id == d.id and t.called_at is not None),
        key=lambda t: t.called_at,
    )
    current = next((t for t in reversed(mine) if t.state in CURRENT), None)
    latest = current or (mine[-1] if mine else None)
    officer = names.get(latest.officer_user_id) if latest and latest.officer_user_id else None
    finishes = [t.finished_at for t in mine if t.state in ENDED and t.finished_at is not None]
    since = (current.serving_at or current.called_at) if current else None
    return DeskLive(
        number=d.number,
        name=d.name,
        officer=officer,
        ticket=current.display if current else None,
        state=current.state if current else None,
        service_code=codes.get(current.service_id) if current else None,
        current_s=_s(at - since) if since else None,
        served=sum(1 for t in mine if t.state == "done"),
        idle_s=_s(at - max(finishes)) if current is None and finishes else None,
    )
