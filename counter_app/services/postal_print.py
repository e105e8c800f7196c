"""Printing a handover batch: the A4 record (biên bản bàn giao) as a PDF, and its summary on
the thermal printer. Both are queued after the batch is committed, each in its own step: a
printer problem is told, never a reason to undo the handover (see result_handover.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from counter_app.config import data_dir
from counter_app.db import Database
from counter_app.domain.errors import CounterError
from counter_app.models import Dossier, Procedure, Unit
from counter_app.models.base import utcnow
from counter_app.models.postal import PostalBatchItem, PostalDelivery
from counter_app.printing.documents import HandoverDoc, HandoverItem
from counter_app.printing.escpos_out import receipt_bytes
from counter_app.printing.forms import render_form
from counter_app.printing.receipt_layout import handover_summary_layout
from counter_app.services.documents import center_info
from counter_app.services.postal_common import LOCAL_TZ, find_batch
from counter_app.services.print_docs import absolute_uri, printer_profile, queue_form_pdf
from counter_app.services.print_queue import JobView, enqueue
from counter_app.services.recording import SYSTEM, Actor


@dataclass(frozen=True, slots=True)
class HandoverPrinted:
    record_pdf: Path
    a4_job: JobView | None  # when an A4 printer is set
    summary_job: JobView | None  # when a receipt printer is set
    problem: str  # why a job could not be queued ("" when all went well)


def _direction_text(direction: str, unit: Unit | None) -> str:
    name = unit.name if unit else ""
    return {
        "to_department": f"Trung tâm → {name}",
        "from_department": f"{name} → Trung tâm",
        "to_post": "Trung tâm → Bưu điện (trả kết quả tại nhà)",
    }[direction]


def handover_doc(db: Database, batch: str, now: datetime | None = None) -> HandoverDoc:
    """Return the handover record of a batch (by number or id); NotFound."""
    now = now or utcnow()
    with db.read() as session:
        b = find_batch(session, batch)
        unit = session.get(Unit, b.unit_id) if b.unit_id else None
        rows = session.execute(
            select(Dossier.id, Dossier.code, Procedure.name, Dossier.applicant_name)
            .join(PostalBatchItem, PostalBatchItem.dossier_id == Dossier.id)
            .join(Procedure, Procedure.id == Dossier.procedure_id)
            .where(PostalBatchItem.batch_id == b.id, PostalBatchItem.removed_at.is_(None))
            .order_by(PostalBatchItem.added_at, PostalBatchItem.id)
        ).all()
        notes: dict[str, str] = {}
        if b.direction == "to_post" and rows:
            for did, number, address in session.execute(
                select(
                    PostalDelivery.dossier_id,
                    PostalDelivery.tracking_number,
                    PostalDelivery.address,
                )
                .where(PostalDelivery.dossier_id.in_([r[0] for r in rows]))
                .order_by(PostalDelivery.created_at, PostalDelivery.id)
            ):
                notes[did] = f"{number} — {address}" if number else address
        # The count is the forms' own line (the thermal summary's, the A4 record's total).
        extra = {
            "Trạng thái lô": ("Đã chốt" if b.state == "closed" else "Chưa chốt (bản xem trước)"),
        }
        return HandoverDoc(
            center=center_info(session),
            batch_number=b.number,
            direction=_direction_text(b.direction, unit),
            department=unit.name if unit else "Bưu điện",
            items=tuple(
                HandoverItem(n, code, proc, applicant, notes.get(did, ""))
                for n, (did, code, proc, applicant) in enumerate(rows, start=1)
            ),
            handed_by=b.handed_by_name,
            received_by=b.received_by_name,
            at=(b.closed_at or b.opened_at).astimezone(LOCAL_TZ),
            printed_at=now.astimezone(LOCAL_TZ),
            extra=extra,
        )


def print_handover(
    db: Database,
    batch: str,
    *,
    actor: Actor = SYSTEM,
    out: Path | None = None,
    a4_printer: str = "",
    receipt_printer: str = "",
    paper: str = "80",
) -> HandoverPrinted:
    """Write the batch's A4 record to `out` (default: the data folder's handover/NUMBER.pdf),
    then queue it on `a4_printer` and the thermal summary on `receipt_printer` when they are
    set. Raises NotFound, PrintingError (no Vietnamese font) or StorageError for the PDF;
    a printer that cannot take a job is reported in `problem`."""
    doc = handover_doc(db, batch)
    path = out or data_dir() / "handover" / f"{doc.batch_number}.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    render_form("handover", doc, path)
    problems: list[str] = []
    a4_job = None
    if a4_printer:
        a4_job, problem = queue_form_pdf(
            db, a4_printer, "handover", doc.batch_number, path, None, actor
        )
        problems += [problem] if problem else []
    summary_job = None
    if receipt_printer:
        try:
            profile = printer_profile(paper)
            summary_job = enqueue(
                db,
                printer_uri=absolute_uri(receipt_printer),
                document="handover",
                params={"batch": doc.batch_number, "profile": profile.name},
                payload=receipt_bytes(handover_summary_layout(doc), profile),
                actor=actor,
            )
        except CounterError as exc:
            problems.append(exc.message)
    return HandoverPrinted(path, a4_job, summary_job, "; ".join(problems))
