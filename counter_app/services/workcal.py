"""The working calendar of the center, built from the calendar entries in the database."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.calendar import CalendarEntry, CalendarEntryKind, WorkingCalendar
from counter_app.models import CalendarEntry as CalendarEntryRow


@lru_cache(maxsize=8)
def _calendar(entries: tuple[CalendarEntry, ...]) -> WorkingCalendar:
    return WorkingCalendar(entries=entries)


def load_calendar(session: Session) -> WorkingCalendar:
    """Return the calendar for the current entries (cached: the same entries, the same object)."""
    rows = session.execute(
        select(CalendarEntryRow.day, CalendarEntryRow.kind, CalendarEntryRow.note).order_by(
            CalendarEntryRow.day
        )
    ).all()
    entries = tuple(CalendarEntry(day, CalendarEntryKind(kind), note) for day, kind, note in rows)
    return _calendar(entries)
