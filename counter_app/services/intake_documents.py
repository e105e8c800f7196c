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
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

from counter_app.config import data_dir
from counter_app.db import Database
from counter_app.domain.calendar import CENTER_TZ
from counter_app.domain.errors import CounterError, StorageError
from counter_app.models import Dossier
from counter_app.printing.forms import render_form
from counter_app.services.print_docs import (
    form_pdf,
    print_intake_receipt,
    printer_profile,
    queue_form_pdf,
)
from counter_app.services.print_queue import JobView
from counter_app.services.recording import Actor

LOCAL_TZ = ZoneInfo(CENTER_TZ)

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


def write_dated_form(kind: str, doc: object, folder: Path, now: datetime) -> Path:
    """Render form `kind` to `<folder>/<kind>-<local time>.pdf` (numbered if that name is
    taken: a dossier may get the same form more than once); return the path.

    Raises StorageError when the folder cannot be made, PrintingError from the rendering."""
    stem = f"{kind}-{now.astimezone(LOCAL_TZ):%Y%m%d-%H%M%S}"
    path = folder / f"{stem}.pdf"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}.pdf"
        n += 1
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            f"Không tạo được thư mục {folder}: {exc.strerror} / Cannot create the folder"
        ) from None
    render_form(kind, doc, path)
    return path


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
            job, problem = queue_form_pdf(
                db, plan.a4_printer, f"form:{name}", code, path, _dossier_id(db, code), actor
            )
            if job is None:
                out.problems.append(problem)
            else:
                out.a4_jobs[name] = job
    return out


def _dossier_id(db: Database, code: str) -> str | None:
    with db.read() as session:
        return session.scalar(select(Dossier.id).where(Dossier.code == code))


def _with(out: ProducedDocuments, *, receipt_job: JobView) -> ProducedDocuments:
    return ProducedDocuments(out.code, receipt_job, out.files, out.a4_jobs, out.problems)
