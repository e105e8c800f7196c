"""Local days and months of the center as UTC instants, and the SQL step functions built on them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, case, literal
from sqlalchemy.orm import InstrumentedAttribute

from counter_app.domain.calendar import CENTER_TZ, WorkingCalendar
from counter_app.models.base import UtcDateTime

LOCAL_TZ = ZoneInfo(CENTER_TZ)


def day_start(d: date) -> datetime:
    """Return the UTC instant of local (Asia/Ho_Chi_Minh) midnight at the start of day `d`."""
    return datetime.combine(d, time(0), LOCAL_TZ).astimezone(UTC)


def local_date(t: datetime) -> date:
    """Return the center's local date of the aware instant `t`."""
    return t.astimezone(LOCAL_TZ).date()


def month_starts(last_year: int, last_month: int, count: int = 12) -> list[date]:
    """Return the first days of the `count` months ending with `last_year`-`last_month`, plus the
    first day of the month after them (count + 1 dates, oldest first)."""
    index = last_year * 12 + (last_month - 1) - (count - 1)
    return [date((index + i) // 12, (index + i) % 12 + 1, 1) for i in range(count + 1)]


def _instant(t: datetime) -> ColumnElement[datetime]:
    # Typed, so SQLite compares the same naive-UTC text the column stores.
    return literal(t, UtcDateTime())


Column = ColumnElement[Any] | InstrumentedAttribute[Any]


def step(
    column: Column, bounds: Sequence[datetime], values: Sequence[datetime]
) -> ColumnElement[datetime]:
    """Return SQL giving values[i] when bounds[i] <= column < bounds[i + 1] (column is assumed to
    lie within bounds[0] .. bounds[-1], as the caller's WHERE makes sure); len(values) ==
    len(bounds) - 1. One small CASE, the same on SQLite and PostgreSQL."""
    whens = [(column < _instant(b), _instant(v)) for b, v in zip(bounds[1:], values, strict=True)]
    return case(*whens[:-1], else_=_instant(values[-1])) if len(whens) > 1 else _instant(values[0])


def bucket(column: Column, bounds: Sequence[datetime]) -> ColumnElement[int]:
    """Return SQL giving i when bounds[i] <= column < bounds[i + 1] (same assumption as `step`)."""
    whens = [(column < _instant(b), i) for i, b in enumerate(bounds[1:])]
    return case(*whens[:-1], else_=len(whens) - 1) if len(whens) > 1 else literal(0)


def period_days(date_from: date, date_to: date) -> list[date]:
    """Return every local day from `date_from` to `date_to` inclusive."""
    return [date_from + timedelta(days=i) for i in range((date_to - date_from).days + 1)]


def before_time_cutoff(calendar: WorkingCalendar, finished_day: date) -> datetime:
    """Return the earliest due time for which a result ready on `finished_day` is "before time".

    DOMAIN.md: before time = the result was ready on a working day earlier than the due day. A
    result ready on a day off counts from the next working day (the clock only runs on working
    days), so with W = that working day, before time ⟺ due day > W ⟺ due ≥ local midnight after
    W."""
    w = finished_day if calendar.is_working_day(finished_day) else None
    if w is None:
        w = calendar.next_working_day(finished_day)
    return day_start(w + timedelta(days=1))
