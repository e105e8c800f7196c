"""Administrator settings kept in the database: the dossier-code pattern and the calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from counter_app.db import Database
from counter_app.domain.calendar import CalendarEntryKind
from counter_app.domain.codes import CodePattern
from counter_app.domain.errors import InvalidInput, NotFound
from counter_app.domain.text import nfc
from counter_app.models import CalendarEntry
from counter_app.services.meta import CODE_PATTERN, CODE_PER, CODE_RESET, code_pattern, set_meta
from counter_app.services.recording import Actor, audit


@dataclass(frozen=True, slots=True)
class PatternView:
    pattern: str
    reset: str  # effective: day, month, year, never
    per: str  # effective: unit, procedure, center
    example: str


def _view(p: CodePattern) -> PatternView:
    example = p.format(unit="000.00.06.H39", procedure="1.004227", day=date(2025, 3, 12), seq=361)
    return PatternView(p.pattern, p.effective_reset(), p.effective_per(), example)


def get_code_pattern(db: Database) -> PatternView:
    """Return the dossier-code pattern in force, with an example code."""
    with db.read() as session:
        return _view(code_pattern(session))


def set_code_pattern(
    db: Database, pattern: str, actor: Actor, *, reset: str = "", per: str = ""
) -> PatternView:
    """Validate and store a new dossier-code pattern; InvalidInput (nothing written) if bad.

    Codes already handed out keep their numbers; a new pattern starts its own counters."""
    p = CodePattern(nfc(pattern), reset=reset, per=per)
    with db.write() as session:
        set_meta(session, CODE_PATTERN, p.pattern)
        set_meta(session, CODE_RESET, reset)
        set_meta(session, CODE_PER, per)
        audit(
            session,
            actor,
            "settings.code_pattern",
            details={"pattern": p.pattern, "reset": reset, "per": per},
            outbox=False,
        )
    return _view(p)


@dataclass(frozen=True, slots=True)
class CalendarEntryView:
    day: date
    kind: str
    note: str


def list_calendar(db: Database, year: int | None = None) -> list[CalendarEntryView]:
    """Return the center's calendar entries (of one year, or all), by date."""
    with db.read() as session:
        q = select(CalendarEntry).order_by(CalendarEntry.day)
        if year is not None:
            q = q.where(CalendarEntry.day.between(date(year, 1, 1), date(year, 12, 31)))
        return [CalendarEntryView(e.day, e.kind, e.note) for e in session.scalars(q)]


def set_calendar_entry(db: Database, day: date, kind: str, note: str, actor: Actor) -> None:
    """Add or change the entry of `day`: an extra day off or a make-up working day."""
    try:
        kind = CalendarEntryKind(kind).value
    except ValueError:
        raise InvalidInput(
            f"Loại ngày phải là day_off hoặc working_day, không phải {kind!r} / Invalid kind"
        ) from None
    with db.write() as session:
        entry = session.scalar(select(CalendarEntry).where(CalendarEntry.day == day))
        if entry is None:
            session.add(CalendarEntry(day=day, kind=kind, note=nfc(note)))
        else:
            entry.kind, entry.note = kind, nfc(note)
        audit(
            session,
            actor,
            "calendar.set",
            details={"day": day.isoformat(), "kind": kind},
            outbox=False,  # reference data: authored centrally, pulled by desks (SYNC.md)
        )


def remove_calendar_entry(db: Database, day: date, actor: Actor) -> None:
    """Remove the entry of `day` (the day follows the national rules again)."""
    with db.write() as session:
        entry = session.scalar(select(CalendarEntry).where(CalendarEntry.day == day))
        if entry is None:
            raise NotFound(f"Không có ngày {day:%d/%m/%Y} trong lịch / No entry for {day}")
        session.delete(entry)
        audit(session, actor, "calendar.remove", details={"day": day.isoformat()}, outbox=False)
