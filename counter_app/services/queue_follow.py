"""Following one's own ticket from a phone (issue 7, part 2): what the page behind the ticket's
QR shows, read from this computer's database.

The QR holds the ticket's id (a UUID: unguessable, and it says nothing about the citizen), never
the number alone, which anyone could type. On a desk joined to a center the tickets of every
desk reach this database through the sync pull, so the page follows calls made anywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from counter_app.db import Database
from counter_app.domain.errors import NotFound
from counter_app.domain.queue import CENTER_ZONE, PRIORITY_VI, business_date
from counter_app.models import Desk, QueueService, QueueTicket
from counter_app.models.base import utcnow
from counter_app.services.meta import get_meta
from counter_app.services.queue import people_ahead

# app_meta key: where the ticket's QR leads, with "{id}" for the ticket id, e.g.
# "http://10.0.0.20:8088/hang-cho/{id}". Empty: the kiosk's own follow server, when it runs.
FOLLOW_URL_KEY = "queue_follow_url"
FOLLOW_PATH = "/hang-cho/{id}"
_ID = re.compile(r"[0-9a-fA-F-]{32,36}")

HEADLINE = {
    "waiting": "Đang chờ / Waiting",
    "called": "Mời bạn đến quầy số {desk} / Please go to desk {desk}",
    "serving": "Đang được phục vụ tại quầy số {desk} / Being served at desk {desk}",
    "done": "Đã phục vụ xong. Cảm ơn bạn! / Served. Thank you!",
    "no_show": "Đã qua lượt: bạn vắng mặt khi được gọi, xin lấy số mới / "
    "Missed: you were not there when called, please take a new ticket",
    "transferred": "Đã chuyển sang lượt khác: xem phiếu mới tại quầy / "
    "Transferred: ask at the desk for your new number",
    "cancelled": "Số đã hủy / Ticket cancelled",
}


@dataclass(frozen=True, slots=True)
class FollowView:
    """One ticket as its holder sees it on the phone."""

    display: str
    service_name: str
    priority: str  # Vietnamese label, "" for an ordinary ticket
    state: str
    headline: str  # Vietnamese / English, what to do now
    ahead: int | None  # waiting tickets called before it; None once it is no longer waiting
    desk_number: int | None
    desk_name: str
    issued_at: datetime
    today: bool  # False: a ticket of an earlier day (the queue starts again each morning)
    as_of: datetime


def follow_template(db: Database) -> str:
    """Return the administrator's follow-URL template ("" when none is set)."""
    with db.read() as session:
        return get_meta(session, FOLLOW_URL_KEY, "").strip()


def follow_url(template: str, ticket_id: str) -> str:
    """Return the URL of `ticket_id`'s follow page from `template` ("" stays "": no QR)."""
    return template.replace("{id}", ticket_id) if template else ""


def follow_ticket(db: Database, ticket_id: str, *, now: datetime | None = None) -> FollowView:
    """Return what the holder of ticket `ticket_id` should see now.

    Raises NotFound for an id that is malformed or not known here."""
    missing = NotFound("Không tìm thấy số thứ tự này / No such ticket")
    if not _ID.fullmatch(ticket_id or ""):
        raise missing
    at = now or utcnow()
    with db.read() as session:
        row = session.execute(
            select(QueueTicket, QueueService.name)
            .join(QueueService, QueueService.id == QueueTicket.service_id)
            .where(QueueTicket.id == ticket_id.lower())
        ).first()
        if row is None:
            raise missing
        t, service_name = row
        desk = session.get(Desk, t.desk_id) if t.desk_id else None
        ahead = people_ahead(session, t, own_series=None) if t.state == "waiting" else None
        today = t.business_date == business_date(at)
        desk_number = desk.number if desk else None
        return FollowView(
            display=t.display,
            service_name=service_name,
            priority=PRIORITY_VI.get(t.priority, "") if t.priority else "",
            state=t.state,
            headline=HEADLINE.get(t.state, t.state).format(desk=desk_number or "?"),
            ahead=ahead if today else None,
            desk_number=desk_number,
            desk_name=desk.name if desk else "",
            issued_at=t.issued_at,
            today=today,
            as_of=at,
        )


def local_time(at: datetime) -> str:
    """Return `at` as HH:MM dd/MM/yyyy in the center's time zone."""
    return at.astimezone(CENTER_ZONE).strftime("%H:%M %d/%m/%Y")
