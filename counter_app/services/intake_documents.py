"""The papers of a visit to the desk, made right after it is recorded: the thermal receipt queued
for the receipt printer, and A4 forms written as PDFs under the data folder
(`forms/<code>/<form>.pdf`) and queued for the A4 printer.

Nothing here waits for a printer: jobs are committed to the print queue, whose worker thread
sends them. Each step that fails for a known reason (printer URI, disk) is reported in
`problems` and the others still run: a receipt printer that is not set up must not keep the
control sheet from being written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from counter_app.config import data_dir
from counter_app.db import Database
from counter_app.domain.errors import CounterError, StorageError
from counter_app.models import Dossier
from counter_app.services.print_docs import (
    absolute_uri,
    form_pdf,
    print_intake_receipt,
    printer_profile,
)
from counter_app.services.print_queue import JobView, enqueue
from counter_app.services.recording import Actor

# Forms by outcome: form 01 (receipt, 2 copies) and 05 (control sheet) for a received dossier,
# 02 for a supplement request, 03 for a refusal.
FORMS_RECEIVED = ("receipt", "control")
FORMS_SUPPLEMENT = ("supplement",)
FORMS_REFUSED = ("refusal",)
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True, slots=True)
class DocumentsPlan:
    """What to make: the thermal receipt (when `receipt_printer` is set), the `forms` as PDFs,
    and those PDFs queued for `a4_printer` (when set)."""

    forms: tuple[str, ...] = FORMS_RECEIVED
    receipt_printer: str = ""
    paper: str = "80"
    a4_printer: str = ""
    folder: Path | None = None  # default: forms_folder(code)


@dataclass(frozen=True, slots=True)
class ProducedDocuments:
    code: str
    receipt_job: JobView | None = None
    files: dict[str, Path] = field(default_factory=dict)  # form name -> PDF
    a4_jobs: dict[str, JobView] = field(default_factory=dict)  # form name -> job
    problems: list[str] = field(default_factory=list)  # known failures, each a message

    @property
    def queued(self) -> bool:
        """Whether a print job was queued (the print worker should be woken)."""
        return self.receipt_job is not None or bool(self.a4_jobs)


def forms_folder(code: str) -> Path:
    """Return the folder of a dossier's generated forms: `<data folder>/forms/<code>`."""
    return data_dir() / "forms" / (_UNSAFE.sub("_", code).strip("._") or "dossier")


def produce_documents(
    db: Database, code: str, plan: DocumentsPlan, actor: Actor
) -> ProducedDocuments:
    """Queue the receipt, write the forms, queue them for the A4 printer; return what was made.

    Known failures are collected in `problems`; a bug propagates."""
    out = ProducedDocuments(code)
    if plan.receipt_printer and "receipt" in plan.forms:
        try:
            printed = print_intake_receipt(
                db,
                code,
                printer_uri=plan.receipt_printer,
                profile=printer_profile(plan.paper),
                actor=actor,
            )
            out = _with(out, receipt_job=printed.job)
        except CounterError as exc:
            out.problems.append(exc.message)
    folder = plan.folder or forms_folder(code)
    for name in plan.forms:
        path = folder / f"{name}.pdf"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            form_pdf(db, name, code, path, actor)
        except OSError as exc:
            out.problems.append(
                StorageError(f"Không ghi được {path}: {exc.strerror} / Cannot write {path}").message
            )
            continue
        except CounterError as exc:
            out.problems.append(exc.message)
            continue
        out.files[name] = path
        if plan.a4_printer:
            try:
                out.a4_jobs[name] = _queue_pdf(db, plan.a4_printer, name, code, path, actor)
            except (CounterError, OSError) as exc:
                out.problems.append(str(exc))
    return out


def _with(out: ProducedDocuments, *, receipt_job: JobView) -> ProducedDocuments:
    return ProducedDocuments(out.code, receipt_job, out.files, out.a4_jobs, out.problems)


def _queue_pdf(db: Database, uri: str, name: str, code: str, path: Path, actor: Actor) -> JobView:
    """Queue a PDF for the A4 printer (sent as is: a printer or CUPS queue that takes PDF)."""
    with db.read() as session:
        dossier_id = session.scalar(select(Dossier.id).where(Dossier.code == code))
    return enqueue(
        db,
        printer_uri=absolute_uri(uri),
        document=f"form:{name}",
        params={"code": code, "file": str(path)},
        payload=path.read_bytes(),
        dossier_id=dossier_id,
        actor=actor,
    )
