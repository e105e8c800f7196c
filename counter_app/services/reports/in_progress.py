"""The due time a dossier had at a past instant, where supplement pauses moved it (DOMAIN.md:
waiting for a supplement does not count), for the report's "in progress: overdue" figure."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from counter_app.domain.calendar import WorkingCalendar
from counter_app.domain.status import Status
from counter_app.models import Dossier, DossierEvent
from counter_app.services.workcal import load_calendar

D = Dossier
E = DossierEvent
Key = tuple[str | None, str | None]


def _instant(text: object) -> datetime | None:
    try:
        t = datetime.fromisoformat(str(text))
    except ValueError:
        return None
    return t if t.tzinfo is not None else None


def due_at_instant(
    calendar: WorkingCalendar,
    at: datetime,
    due_now: datetime,
    paused_now: datetime | None,
    first_resume_after: dict[str, object] | None,
) -> datetime:
    """Return the due time a dossier had at `at`, from its stored due time and pause records.

    `due_now` already includes every pause that has ended; a pause that was running at `at`
    extends the due time by the working time it had lasted by then (the clock is stopped, so
    such a dossier is overdue only if it already was when it was paused).
    - Still paused since before `at` (`paused_now` < `at`): `due_now` + the pause so far.
    - Else, with the data of the first resume (leaving status 5) after `at`: its `due_before`
      is the due time before that pause, which began at `paused_from`; if that was before
      `at`, add the pause so far. Later pauses are thus never counted.
    - Else `due_now`."""
    if paused_now is not None and paused_now < at:
        return calendar.extend_for_pause(due_now, paused_now, at)
    if first_resume_after is not None:
        before = _instant(first_resume_after.get("due_before"))
        paused_from = _instant(first_resume_after.get("paused_from"))
        if before is not None and paused_from is not None:
            if paused_from < at:
                return calendar.extend_for_pause(before, paused_from, at)
            return before
    return due_now


def pause_corrections(s: Session, at: datetime, open_at: ColumnElement[bool]) -> dict[Key, int]:
    """Return, per (unit, procedure), how many dossiers open at `at` move from "within time" to
    "overdue" (negative: the other way) once their due time at `at` replaces the stored one.

    Only dossiers touched by a pause around `at` are read: those still paused since before
    `at`, and those that left a pause after `at`."""
    calendar = load_calendar(s)
    paused = s.execute(
        select(D.id, D.unit_id, D.procedure_id, D.due_at, D.paused_at).where(
            open_at, D.status == int(Status.SUPPLEMENT), D.paused_at < at
        )
    ).all()
    resumes = s.execute(
        select(D.id, D.unit_id, D.procedure_id, D.due_at, E.at, E.id, E.data)
        .join(E, E.dossier_id == D.id)
        .where(open_at, E.kind == "status", E.from_status == int(Status.SUPPLEMENT), E.at >= at)
        .order_by(D.id, E.at, E.id)
    ).all()
    moved: dict[Key, int] = defaultdict(int)

    def correct(key: Key, due_now: datetime, due_then: datetime) -> None:
        was, now = due_now < at, due_then < at
        if was != now:
            moved[key] += 1 if now else -1

    for _id, unit, proc, due, paused_at in paused:
        correct((unit, proc), due, due_at_instant(calendar, at, due, paused_at, None))
    seen: set[str] = set()
    for dossier_id, unit, proc, due, _at, _eid, data in resumes:
        if dossier_id in seen:
            continue
        seen.add(dossier_id)
        correct((unit, proc), due, due_at_instant(calendar, at, due, None, dict(data or {})))
    return {k: v for k, v in moved.items() if v}
