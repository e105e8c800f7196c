"""The apology and new date for a late result (form 04, "Phiếu xin lỗi và hẹn lại ngày trả kết
quả"): the PDF under the data folder, and an "apology" event on the dossier that reports count.

The dossier's due time is NOT moved. `due_at` is the statutory due time the monthly report
measures "on time / late" against (DOMAIN.md, Reports); moving it to the promised date would turn
a late dossier into an on-time one. The promised date lives in the event (`data.new_due_at`) and
the dossier view shows it beside the due time. Only the supplement pause moves `due_at`, and it
does so in `change_status`, explicitly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db import Database
from counter_app.domain.calendar import CENTER_TZ
from counter_app.domain.errors import InvalidInput, NotAllowed
from counter_app.domain.status import Status
from counter_app.domain.text import nfc
from counter_app.models import Dossier, DossierEvent
from counter_app.models.base import utcnow
from counter_app.services import documents
from counter_app.services.dossier_records import latest_promise
from counter_app.services.dossiers import dossier_by_code
from counter_app.services.intake_documents import forms_folder, write_dated_form
from counter_app.services.print_docs import queue_form_pdf
from counter_app.services.print_queue import JobView
from counter_app.services.recording import Actor, add_outbox, audit

LOCAL_TZ = ZoneInfo(CENTER_TZ)
# A dossier still being settled: an apology promises its result later. Not before it was
# received (1), not once a result exists or the dossier is closed (3, 7, 8, 9, 10).
APOLOGY_STATUSES = frozenset(
    {Status.RECEIVED, Status.PROCESSING, Status.SUPPLEMENT, Status.FINANCIAL}
)


@dataclass(frozen=True, slots=True)
class ApologyIssued:
    code: str
    due_at: datetime  # local, unchanged
    new_due_at: datetime  # local, the date promised
    path: Path  # the PDF
    job: JobView | None = None  # queued for the A4 printer, when one is set
    problem: str = ""  # why the A4 job could not be queued ("" when it was, or none wanted)


def issue_apology(
    db: Database,
    code: str,
    actor: Actor,
    *,
    new_due_at: datetime,
    reason: str,
    responsible_unit: str,
    folder: Path | None = None,
    a4_printer: str = "",
    now: datetime | None = None,
) -> ApologyIssued:
    """Write form 04 for dossier `code` and record the apology (event "apology" with the new
    date, a "print" event for the PDF, audit and outbox rows) in one transaction.

    The PDF goes to `folder` (default `forms_folder(code)`) and, with `a4_printer`, into the
    print queue. Raises InvalidInput (no reason or unit, a new date not after the due time, now
    and any earlier promise), NotAllowed (a dossier not being settled), NotFound, PrintingError
    or StorageError; then nothing is recorded."""
    now = now or utcnow()
    reason, unit = nfc(reason), nfc(responsible_unit)
    if not reason:
        raise InvalidInput("Cần ghi lý do chậm trả / The reason for the delay is required")
    if not unit:
        raise InvalidInput(
            "Cần ghi đơn vị gây chậm trễ / The unit that caused the delay is required"
        )
    if new_due_at.tzinfo is None:
        new_due_at = new_due_at.replace(tzinfo=LOCAL_TZ)
    with db.read() as session:
        d = dossier_by_code(session, code)
        _check(session, d, new_due_at, now)
        doc = documents.apology(
            session, d.code, now, new_due_at=new_due_at, reason=reason, responsible_unit=unit
        )
        code = d.code
    path = write_dated_form("apology", doc, folder or forms_folder(code), now)
    try:
        with db.write() as session:
            d = dossier_by_code(session, code)
            _check(session, d, new_due_at, now)  # again: another desk may have moved it
            due_at = d.due_at
            apology = DossierEvent(
                dossier_id=d.id,
                kind="apology",
                at=now,
                actor_user_id=actor.user_id,
                actor_name=actor.name,
                desk_id=actor.desk_id,
                reason=reason,
                data={
                    "new_due_at": new_due_at.isoformat(),
                    "due_at": due_at.astimezone(LOCAL_TZ).isoformat(),
                    "responsible_unit": unit,
                    "file": str(path),
                },
                origin_desk_id=actor.desk_id,
            )
            printed = DossierEvent(
                dossier_id=d.id,
                kind="print",
                at=now,
                actor_user_id=actor.user_id,
                actor_name=actor.name,
                desk_id=actor.desk_id,
                data={"document": "form:apology", "job": "", "file": str(path)},
                origin_desk_id=actor.desk_id,
            )
            session.add_all([apology, printed])
            session.flush()
            add_outbox(session, apology, "append")
            add_outbox(session, printed, "append")
            audit(
                session,
                actor,
                "dossier.apology",
                entity="dossiers",
                entity_id=d.id,
                at=now,
                details={
                    "code": d.code,
                    "new_due_at": new_due_at.isoformat(),
                    "responsible_unit": unit,
                },
            )
            dossier_id = d.id
    except BaseException:
        path.unlink(missing_ok=True)  # nothing recorded: no orphan form either
        raise
    issued = ApologyIssued(code, due_at.astimezone(LOCAL_TZ), new_due_at.astimezone(LOCAL_TZ), path)
    if not a4_printer:
        return issued
    job, problem = queue_form_pdf(db, a4_printer, "form:apology", code, path, dossier_id, actor)
    return _with(issued, job=job, problem=problem)


def _with(issued: ApologyIssued, *, job: JobView | None = None, problem: str = "") -> ApologyIssued:
    return ApologyIssued(issued.code, issued.due_at, issued.new_due_at, issued.path, job, problem)


def _check(session: Session, d: Dossier, new_due_at: datetime, now: datetime) -> None:
    status = Status(d.status)
    if status not in APOLOGY_STATUSES:
        raise NotAllowed(
            f"Hồ sơ đang ở trạng thái “{status.label_vi}”: không cần phiếu xin lỗi, hẹn lại "
            f"(chỉ khi hồ sơ đang giải quyết) / No apology for a dossier in status "
            f"{status.label_en}"
        )
    if new_due_at <= now:
        raise InvalidInput(
            "Ngày hẹn mới phải sau thời điểm hiện tại / The new date must be in the future"
        )
    events = session.scalars(
        select(DossierEvent).where(DossierEvent.dossier_id == d.id, DossierEvent.kind == "apology")
    ).all()
    promised = latest_promise(events)
    if promised is not None and new_due_at <= promised:
        when = promised.astimezone(LOCAL_TZ).strftime("%H:%M %d/%m/%Y")
        raise InvalidInput(
            f"Ngày hẹn mới phải sau ngày đã hẹn lại lần trước ({when}) / The new date must be "
            f"after the one promised before ({when})"
        )
