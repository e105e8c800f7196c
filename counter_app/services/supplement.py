"""A supplement request on a dossier already received (status 5 from the dossier view): the reason
and the documents to add recorded on the status change, and form 02 ("Phiếu yêu cầu bổ sung, hoàn
thiện hồ sơ") written as a PDF under the dossier's forms folder, queued for the A4 printer when
one is set.

The intake's supplement outcome (`intake_outcomes`) records the same event data (`missing`,
`rules_reference`), so form 02 reads the same whichever way the request was made. As for the
apology (form 04), the PDF is written first and the status change recorded after it: a form that
cannot be written records nothing, and a record that fails leaves no orphan PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

from counter_app.db import Database
from counter_app.domain.calendar import CENTER_TZ
from counter_app.domain.catalog import ChecklistItemSpec, DocumentKind
from counter_app.domain.status import Status, check_transition
from counter_app.domain.text import nfc
from counter_app.models import Dossier, DossierEvent, Procedure
from counter_app.models.base import utcnow
from counter_app.printing.documents import DocumentLine, SupplementRequestDoc
from counter_app.services import documents
from counter_app.services.dossiers import apply_status_change, dossier_by_code
from counter_app.services.intake import checklist_rows
from counter_app.services.intake_documents import forms_folder, write_dated_form
from counter_app.services.intake_outcomes import (
    MissingItem,
    checked_missing,
    supplement_details,
)
from counter_app.services.print_docs import queue_form_pdf
from counter_app.services.print_queue import JobView
from counter_app.services.recording import Actor, add_outbox

LOCAL_TZ = ZoneInfo(CENTER_TZ)


@dataclass(frozen=True, slots=True)
class SupplementContext:
    """What the request dialog starts from: the procedure's checklist and what was handed in."""

    code: str
    procedure_code: str
    checklist: tuple[ChecklistItemSpec, ...]
    handed_in: tuple[str, ...]  # names of the documents received with the dossier


@dataclass(frozen=True, slots=True)
class SupplementIssued:
    code: str
    reason: str
    due_at: datetime  # local; it moves later by the waiting time once the dossier is supplemented
    path: Path  # form 02
    job: JobView | None = None  # queued for the A4 printer, when one is set
    problem: str = ""  # why the A4 job could not be queued ("" when it was, or none wanted)


def supplement_context(db: Database, code: str) -> SupplementContext:
    """Return the checklist of dossier `code`'s procedure and the documents it was received with.

    Raises NotFound."""
    with db.read() as session:
        d = dossier_by_code(session, code)
        proc = session.get(Procedure, d.procedure_id)
        assert proc is not None
        checklist = tuple(
            ChecklistItemSpec(c.name, c.required, DocumentKind(c.kind), c.count)
            for c in checklist_rows(session, proc.id)
        )
        return SupplementContext(d.code, proc.code, checklist, tuple(i.name for i in d.items))


def request_supplement(
    db: Database,
    code: str,
    actor: Actor,
    *,
    reason: str,
    missing: Sequence[MissingItem],
    rules_reference: str = "",
    folder: Path | None = None,
    a4_printer: str = "",
    now: datetime | None = None,
) -> SupplementIssued:
    """Move dossier `code` to 5 (the due clock pauses), recording `reason`, `missing` and
    `rules_reference` on the event, and write form 02 (a "print" event names the file).

    The PDF goes to `folder` (default `forms_folder(code)`) and, with `a4_printer`, into the
    print queue (a failure to queue is `problem`, the request stays recorded). Raises
    InvalidInput (no reason, nothing to add, a bad item), NotAllowed (a status that cannot go to
    5), NotFound, PrintingError or StorageError; then nothing is recorded."""
    now = now or utcnow()
    reason = nfc(reason).strip()
    wanted = checked_missing(missing)
    details = supplement_details(wanted, rules_reference)
    with db.read() as session:
        d = dossier_by_code(session, code)
        check_transition(Status(d.status), Status.SUPPLEMENT, reason)
        code = d.code
        doc = SupplementRequestDoc(
            documents.center_info(session),
            documents.dossier_info(session, d),
            tuple(DocumentLine(m.name, documents.kind_vi(m.kind), m.count, m.note) for m in wanted),
            reason,
            str(details.get("rules_reference", documents.DEFAULT_RULES)),
            now.astimezone(LOCAL_TZ),
        )
    path = write_dated_form("supplement", doc, folder or forms_folder(code), now)
    try:
        with db.write() as session:
            # The status change checks again: another desk may have moved the dossier meanwhile.
            change = apply_status_change(
                session, code, Status.SUPPLEMENT, actor, reason=reason, at=now, details=details
            )
            dossier_id = session.scalar(select(Dossier.id).where(Dossier.code == code))
            printed = DossierEvent(
                dossier_id=dossier_id,
                kind="print",
                at=now,
                actor_user_id=actor.user_id,
                actor_name=actor.name,
                desk_id=actor.desk_id,
                data={"document": "form:supplement", "job": "", "file": str(path)},
                origin_desk_id=actor.desk_id,
            )
            session.add(printed)
            session.flush()
            add_outbox(session, printed, "append")
    except BaseException:
        path.unlink(missing_ok=True)  # nothing recorded: no orphan form either
        raise
    issued = SupplementIssued(code, reason, change.due_at, path)
    if not a4_printer:
        return issued
    job, problem = queue_form_pdf(db, a4_printer, "form:supplement", code, path, dossier_id, actor)
    return replace(issued, job=job, problem=problem)
