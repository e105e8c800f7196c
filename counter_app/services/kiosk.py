"""The ticket kiosk's use cases (issue 7, part 2): the services it offers, and a ticket issued
then queued for the thermal printer.

The ticket is issued first, in its own transaction; printing comes after and can only add a
job to the print queue, so a printer that is off, missing or misconfigured never costs a
citizen the number (the kiosk shows it and says why nothing came out).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from counter_app.db import Database
from counter_app.domain.errors import CounterError
from counter_app.models.base import utcnow
from counter_app.printing.escpos_out import PROFILE_80MM, PrinterProfile, receipt_bytes
from counter_app.printing.receipt_layout import ticket_layout
from counter_app.services import documents
from counter_app.services.print_docs import absolute_uri
from counter_app.services.print_queue import JobView, PrintWorker, enqueue
from counter_app.services.queue import Ticket, issue_ticket
from counter_app.services.queue_follow import follow_url
from counter_app.services.queue_status import queue_status
from counter_app.services.recording import Actor
from counter_app.services.sync.link import CenterLink

NO_PRINTER = "Chưa cài đặt máy in phiếu / No ticket printer is set"
KIOSK_ACTOR = Actor(user_id=None, name="máy lấy số / ticket kiosk")


@dataclass(frozen=True, slots=True)
class KioskService:
    code: str  # the ticket letter
    name: str
    waiting: int


@dataclass(frozen=True, slots=True)
class KioskTicket:
    """A ticket issued at the kiosk and what became of its print."""

    ticket: Ticket
    service_name: str
    ahead: int
    follow_url: str  # the QR's target: the ticket's follow page ("" when none is served)
    job: JobView | None  # the queued print job; None when it could not be queued
    print_error: str  # why there is no job ("" when there is one)


def kiosk_services(
    db: Database, center: CenterLink | None = None, *, now: datetime | None = None
) -> list[KioskService]:
    """Return the active queue services in letter order with today's waiting counts (the
    center's when it answers)."""
    status = queue_status(db, center, now=now)
    return sorted(
        (KioskService(s.code, s.name, s.waiting) for s in status.services), key=lambda s: s.code
    )


TICKET_PRINT_WINDOW = timedelta(minutes=5)


def issue_and_print(
    db: Database,
    service_code: str,
    actor: Actor = KIOSK_ACTOR,
    *,
    priority: str = "",
    center: CenterLink | None = None,
    printer_uri: str = "",
    profile: PrinterProfile = PROFILE_80MM,
    printer: PrintWorker | None = None,
    follow: str = "",
    now: datetime | None = None,
) -> KioskTicket:
    """Issue a ticket of `service_code` and queue it for `printer_uri` (through `printer`,
    which is woken, when given); return the ticket with its job or why it has none. `follow`
    is the follow-page URL template ("{id}" for the ticket id; "" prints no QR).

    Raises what `issue_ticket` raises (NotFound, InvalidInput); a printing problem is returned
    in `print_error`, never raised: the ticket exists by then."""
    issued = issue_ticket(db, service_code, actor, priority=priority, center=center, now=now)
    ticket = issued.ticket
    at = now or utcnow()
    with db.read() as session:
        doc = documents.queue_ticket(session, ticket.id, at)
    url = follow_url(follow, ticket.id)
    # The service's own count: priority-aware, and the center's when it numbered the ticket.
    doc = replace(doc, ahead=issued.ahead, follow_url=url)
    result = KioskTicket(ticket, issued.service_name, issued.ahead, url, None, NO_PRINTER)
    if not printer_uri:
        return result
    try:
        payload = receipt_bytes(ticket_layout(doc), profile)
        job_args = {
            "printer_uri": absolute_uri(printer_uri),
            "document": "ticket",
            "params": {"ticket": ticket.display, "profile": profile.name},
            "payload": payload,
            "actor": actor,
            # A ticket is for the citizen at the kiosk now: a printer back after an hour must
            # not print a pile of tickets nobody waits for.
            "expires_at": at + TICKET_PRINT_WINDOW,
        }
        job = printer.enqueue(**job_args) if printer else enqueue(db, **job_args)  # type: ignore[arg-type]
    except CounterError as exc:
        return replace(result, print_error=exc.message)
    return replace(result, job=job, print_error="")
