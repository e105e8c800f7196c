"""Printing a dossier's documents: thermal slips through the print queue, A4 forms as PDFs.

A thermal job is rendered here (layout → 1-bit image → ESC/POS bytes), committed to the
queue with its exact bytes, and recorded as a "print" event on the dossier; the queue's
worker sends it. Forms are written to a PDF file for the A4 printer or the dossier's files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db import Database
from counter_app.domain.errors import CounterError, InvalidInput
from counter_app.models import Dossier, DossierEvent
from counter_app.models.base import utcnow
from counter_app.printing.connections import send_to_printer
from counter_app.printing.escpos_out import (
    PROFILE_58MM,
    PROFILE_80MM,
    PROFILE_TM_T88,
    PrinterProfile,
    receipt_bytes,
)
from counter_app.printing.forms import render_form
from counter_app.printing.receipt_layout import (
    Receipt,
    intake_receipt_layout,
    printer_test_layout,
    result_returned_layout,
    ticket_layout,
)
from counter_app.services import documents
from counter_app.services.print_queue import JobView, enqueue
from counter_app.services.recording import Actor, add_outbox

PROFILES = {"80": PROFILE_80MM, "58": PROFILE_58MM, "tm-t88": PROFILE_TM_T88}
FORMS = ("receipt", "supplement", "refusal", "apology", "control", "handover")


def printer_profile(paper: str = "80", text_mode: str | None = None) -> PrinterProfile:
    """Return the profile of a receipt printer: paper "80", "58" or "tm-t88", and optionally
    the printer's own Vietnamese text mode ("cp1258" or "tcvn3"; raster images by default)."""
    try:
        base = PROFILES[paper]
    except KeyError:
        raise InvalidInput(
            f"Khổ giấy không hợp lệ: {paper!r} (dùng {', '.join(PROFILES)}) / Invalid paper"
        ) from None
    if text_mode is None:
        return base
    return PrinterProfile(
        base.name, base.paper, base.has_cutter, base.escpos_profile, text_mode=text_mode
    )


def absolute_uri(uri: str) -> str:
    """Make a relative `file:` printer path absolute (the worker may run elsewhere)."""
    if uri.startswith("file:") and not uri.startswith("file:/"):
        return "file:" + str(Path(uri[5:]).resolve())
    return uri


def queue_form_pdf(
    db: Database,
    a4_printer: str,
    document: str,
    code: str,
    path: Path,
    dossier_id: str | None,
    actor: Actor,
) -> tuple[JobView | None, str]:
    """Queue a written A4 form (PDF at `path`) for the A4 printer; return (the job, "") or
    (None, why it could not be queued). The form itself is already kept: a printer problem is
    told, never a reason to lose it."""
    try:
        job = enqueue(
            db,
            printer_uri=absolute_uri(a4_printer),
            document=document,
            params={"code": code, "file": str(path)},
            payload=path.read_bytes(),
            dossier_id=dossier_id,
            actor=actor,
        )
    except CounterError as exc:
        return None, exc.message
    except OSError as exc:
        return None, f"{path}: {exc.strerror}"
    return job, ""


@dataclass(frozen=True, slots=True)
class Printed:
    job: JobView
    document: str


def _queue(
    db: Database,
    receipt: Receipt,
    *,
    printer_uri: str,
    profile: PrinterProfile,
    document: str,
    params: dict[str, Any],
    dossier_id: str | None,
    actor: Actor,
) -> Printed:
    payload = receipt_bytes(receipt, profile)
    job = enqueue(
        db,
        printer_uri=absolute_uri(printer_uri),
        document=document,
        params={**params, "profile": profile.name},
        payload=payload,
        dossier_id=dossier_id,
        actor=actor,
    )
    if dossier_id is not None:
        record_print(db, dossier_id, document, actor, job_id=job.id)
    return Printed(job, document)


def record_print(
    db: Database, dossier_id: str, document: str, actor: Actor, *, job_id: str = "",
    path: str = "",
) -> None:  # fmt: skip
    """Add a "print" event to the dossier's history (the dossier view lists prints made)."""
    with db.write() as session:
        event = DossierEvent(
            dossier_id=dossier_id,
            kind="print",
            at=utcnow(),
            actor_user_id=actor.user_id,
            actor_name=actor.name,
            desk_id=actor.desk_id,
            data={"document": document, "job": job_id, "file": path},
            origin_desk_id=actor.desk_id,
        )
        session.add(event)
        session.flush()
        add_outbox(session, event, "append")


def _dossier_slip(
    db: Database,
    code: str,
    build: Callable[[Session, str, datetime], Any],
    layout: Callable[[Any], Receipt],
    document: str,
    *,
    printer_uri: str,
    profile: PrinterProfile,
    actor: Actor,
) -> Printed:
    with db.read() as session:
        doc = build(session, code, utcnow())
        dossier_id = session.scalar(select(Dossier.id).where(Dossier.code == doc.dossier.code))
    return _queue(db, layout(doc), printer_uri=printer_uri, profile=profile, document=document,
                  params={"code": doc.dossier.code}, dossier_id=dossier_id, actor=actor)  # fmt: skip


def print_intake_receipt(
    db: Database, code: str, *, printer_uri: str, profile: PrinterProfile, actor: Actor
) -> Printed:
    """Queue the thermal receipt and appointment slip of a dossier."""
    return _dossier_slip(db, code, documents.intake_receipt, intake_receipt_layout, "receipt",
                         printer_uri=printer_uri, profile=profile, actor=actor)  # fmt: skip


def print_result_slip(
    db: Database, code: str, *, printer_uri: str, profile: PrinterProfile, actor: Actor
) -> Printed:
    """Queue the slip given when a result is returned."""
    return _dossier_slip(db, code, documents.result_returned, result_returned_layout, "result",
                         printer_uri=printer_uri, profile=profile, actor=actor)  # fmt: skip


def print_ticket(
    db: Database, ticket: str, *, printer_uri: str, profile: PrinterProfile, actor: Actor
) -> Printed:
    """Queue a queue ticket (by its number today, e.g. "A023", or its id)."""
    with db.read() as session:
        doc = documents.queue_ticket(session, ticket, utcnow())
    return _queue(db, ticket_layout(doc), printer_uri=printer_uri, profile=profile,
                  document="ticket", params={"ticket": doc.number}, dossier_id=None, actor=actor)  # fmt: skip


def send_test_page(printer_uri: str, profile: PrinterProfile, now: datetime | None = None) -> int:
    """Send a test page with every Vietnamese letter straight to the printer; return its size.

    A diagnostic, not a job: it does not wait in the queue. Raises PrintingError."""
    data = receipt_bytes(printer_test_layout(printer_uri, now or utcnow()), profile)
    send_to_printer(absolute_uri(printer_uri), data)
    return len(data)


def form_pdf(
    db: Database,
    name: str,
    key: str,
    out: Path,
    actor: Actor,
    *,
    new_due_at: datetime | None = None,
    reason: str = "",
    responsible_unit: str = "",
) -> Path:
    """Write form `name` for dossier `key` (for "handover": the batch number) to `out`."""
    now = utcnow()
    with db.read() as session:
        doc: Any
        if name == "receipt":
            doc = documents.intake_receipt(session, key, now)
        elif name == "supplement":
            doc = documents.supplement_request(session, key, now)
        elif name == "refusal":
            doc = documents.refusal(session, key, now)
        elif name == "control":
            doc = documents.control_sheet(session, key, now)
        elif name == "handover":
            doc = documents.handover(session, key, now)
        elif name == "apology":
            if new_due_at is None:
                raise InvalidInput("Phiếu xin lỗi cần ngày hẹn mới / The apology needs a new date")
            doc = documents.apology(session, key, now, new_due_at=new_due_at, reason=reason,
                                    responsible_unit=responsible_unit)  # fmt: skip
        else:
            raise InvalidInput(
                f"Không có mẫu phiếu {name!r} (dùng {', '.join(FORMS)}) / Unknown form {name!r}"
            )
        dossier_id = None
        if name != "handover":
            dossier_id = session.scalar(select(Dossier.id).where(Dossier.code == key))
    render_form(name, doc, out)
    if dossier_id is not None:
        record_print(db, dossier_id, f"form:{name}", actor, path=str(out))
    return out


def ledger_pdf(db: Database, date_from: date, date_to: date, out: Path) -> Path:
    """Write the ledger (sổ theo dõi hồ sơ) of the dossiers received in a date range."""
    with db.read() as session:
        doc = documents.ledger(session, date_from, date_to, utcnow())
    render_form("ledger", doc, out)
    return out
