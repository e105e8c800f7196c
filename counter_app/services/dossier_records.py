"""What the dossier view shows beside the dossier itself: its files, the print jobs made for it,
the desks' names (for the timeline) and the new date of its latest apology. Read-only."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db import Database
from counter_app.domain.calendar import CENTER_TZ
from counter_app.domain.errors import NotFound
from counter_app.domain.text import nfc
from counter_app.models import Desk, Dossier, DossierEvent, DossierFile, PrintJob, StoredFile
from counter_app.services.print_queue import P_MAYBE
from counter_app.services.workcal import load_calendar

LOCAL_TZ = ZoneInfo(CENTER_TZ)
# The new date an apology suggests by default: one working day after the later of the due time
# and now (DOMAIN.md: one working day is 8 working hours). The officer changes it at will.
SUGGESTED_DELAY = timedelta(hours=8)


@dataclass(frozen=True, slots=True)
class FileView:
    """A file attached to a dossier (a scanned document, a generated form, a result)."""

    title: str
    role: str  # scan, form, result
    media_type: str
    size: int
    page_count: int | None
    sha256: str
    added_at: datetime  # local


@dataclass(frozen=True, slots=True)
class PrintJobView:
    """A print job made for a dossier, as its row says now."""

    id: str
    document: str  # receipt, result, form:<name>
    printer_uri: str
    state: str  # queued, sending, done, failed
    last_error: str
    maybe_printed: bool
    created_at: datetime  # local


@dataclass(frozen=True, slots=True)
class DossierRecords:
    code: str
    files: tuple[FileView, ...]
    jobs: tuple[PrintJobView, ...]  # newest first
    desks: dict[str, str]  # desk id -> "Quầy số 1", for the timeline


def _dossier_id(session: Session, code: str) -> str:
    found = session.scalar(select(Dossier.id).where(Dossier.code == nfc(code).upper()))
    if found is None:
        raise NotFound(f"Không có hồ sơ mã {code} / No dossier with code {code}")
    return found


def _files(session: Session, dossier_id: str) -> tuple[FileView, ...]:
    rows = session.execute(
        select(DossierFile, StoredFile)
        .join(StoredFile, StoredFile.sha256 == DossierFile.sha256)
        .where(DossierFile.dossier_id == dossier_id)
        .order_by(DossierFile.created_at, DossierFile.id)
    ).all()
    return tuple(
        FileView(
            f.title,
            f.role,
            s.media_type,
            s.size,
            f.page_count,
            f.sha256,
            f.created_at.astimezone(LOCAL_TZ),
        )
        for f, s in rows
    )


def list_dossier_files(db: Database, code: str) -> list[FileView]:
    """Return the files attached to the dossier `code`, oldest first; NotFound if no dossier."""
    with db.read() as session:
        return list(_files(session, _dossier_id(session, code)))


def dossier_records(db: Database, code: str) -> DossierRecords:
    """Return the files, print jobs and desk names the dossier view needs; NotFound if no
    dossier has this code."""
    with db.read() as session:
        dossier_id = _dossier_id(session, code)
        jobs = session.scalars(
            select(PrintJob)
            .where(PrintJob.dossier_id == dossier_id)
            .order_by(PrintJob.created_at.desc(), PrintJob.id.desc())
        ).all()
        job_views = tuple(
            PrintJobView(
                j.id,
                j.document,
                j.printer_uri,
                j.state,
                j.last_error,
                bool((j.params or {}).get(P_MAYBE)),
                j.created_at.astimezone(LOCAL_TZ),
            )
            for j in jobs
        )
        desks = {d.id: d.name for d in session.scalars(select(Desk))}
        return DossierRecords(nfc(code).upper(), _files(session, dossier_id), job_views, desks)


@dataclass(frozen=True, slots=True)
class ApologyContext:
    """What the apology dialog starts from (times local)."""

    code: str
    due_at: datetime  # the due time the reports measure against (never moved by an apology)
    promised_at: datetime | None  # the new date of the latest apology, if any
    suggested_at: datetime  # a default for the new date
    department: str  # the unit that settles the dossier: the default unit at fault


def apology_context(db: Database, code: str, now: datetime) -> ApologyContext:
    """Return the dossier's due time, the date its last apology promised, and a suggested new
    date (one working day after the later of those and `now`). NotFound if no dossier."""
    with db.read() as session:
        d = session.scalar(select(Dossier).where(Dossier.code == nfc(code).upper()))
        if d is None:
            raise NotFound(f"Không có hồ sơ mã {code} / No dossier with code {code}")
        promised = latest_promise(
            session.scalars(
                select(DossierEvent).where(
                    DossierEvent.dossier_id == d.id, DossierEvent.kind == "apology"
                )
            ).all()
        )
        calendar = load_calendar(session)
        start = max(t for t in (d.due_at, now, promised) if t is not None)
        suggested = calendar.add_working_time(start, SUGGESTED_DELAY)
        return ApologyContext(
            d.code,
            d.due_at.astimezone(LOCAL_TZ),
            promised.astimezone(LOCAL_TZ) if promised else None,
            suggested.astimezone(LOCAL_TZ),
            d.procedure.department.name,
        )


def latest_promise(events: Iterable[DossierEvent]) -> datetime | None:
    """Return the new date of the latest apology among `events` (None if there is none)."""
    dates = [
        datetime.fromisoformat(str(e.data["new_due_at"]))
        for e in events
        if e.kind == "apology" and e.data.get("new_due_at")
    ]
    return max(dates) if dates else None
