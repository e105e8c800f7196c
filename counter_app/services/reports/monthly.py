"""The monthly (any period) supervisor report: a few set-based SQL aggregates, grouped in SQL by
department and procedure, the same code on the desk's SQLite and the central PostgreSQL.

The rules as built are in docs/reports.md."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Engine, and_, case, func, or_, select, text, true
from sqlalchemy.orm import Session, aliased

from counter_app.db import Database
from counter_app.domain.errors import InvalidInput
from counter_app.domain.status import Channel, Status
from counter_app.models import Dossier, DossierEvent, Procedure, Rating, Unit
from counter_app.models.base import utcnow
from counter_app.services.reports import in_progress
from counter_app.services.reports.model import (
    Breakdown,
    Counts,
    MonthlyReport,
    Period,
    TrendPoint,
)
from counter_app.services.reports.timeline import (
    before_time_cutoff,
    bucket,
    day_start,
    month_starts,
    period_days,
    step,
)
from counter_app.services.workcal import load_calendar

D = Dossier
E = DossierEvent
Key = tuple[str | None, str | None]  # (unit_id, procedure_id); None for a rating of no dossier
RESULT = (int(Status.RESULT_READY), int(Status.RETURNED))


@contextmanager
def _reading(source: Database | Engine) -> Iterator[Session]:
    if isinstance(source, Database):
        with source.read() as session:
            _tune(session)
            yield session
    else:
        with Session(source) as session:
            try:
                _tune(session)
                yield session
            finally:
                session.rollback()


def _tune(session: Session) -> None:
    """PostgreSQL, for this read transaction only: no JIT (it compiled for ~0.5 s, longer than
    the queries ran), and index probes priced as on a cached or SSD-backed database, so that
    a month's few thousand rows are joined by key instead of by a scan of every dossier."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL jit = off"))
        session.execute(text("SET LOCAL random_page_cost = 1.1"))


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def withdrawn_before(at: datetime) -> ColumnElement[bool]:
    """SQL: the dossier had been withdrawn (status 7, final) before `at`."""
    w = aliased(DossierEvent, name="withdrawal")  # its own name: callers may join events too
    # A correlated scalar sub-select, probed by dossier for the few withdrawn ones: as EXISTS,
    # PostgreSQL hashed it over every event of the table.
    withdrawal = (
        select(func.min(w.at))
        .where(w.dossier_id == D.id, w.kind == "status", w.to_status == int(Status.WITHDRAWN))
        .scalar_subquery()
    )
    return and_(D.status == int(Status.WITHDRAWN), withdrawal < at)


def open_at(at: datetime) -> ColumnElement[bool]:
    """SQL: the dossier was received before `at` and neither settled nor withdrawn before it."""
    # Two arms the indexes on finished_at can each answer (few unsettled, few settled later).
    return or_(
        and_(D.finished_at.is_(None), D.received_at < at, ~withdrawn_before(at)),
        and_(D.finished_at >= at, D.received_at < at),
    )


class _Tally:
    """Counts per (unit, procedure), filled from the grouped query rows."""

    def __init__(self) -> None:
        self.by_key: dict[Key, dict[str, int]] = defaultdict(lambda: defaultdict(int))

    def add(self, key: Key, **values: Any) -> None:
        row = self.by_key[key]
        for name, value in values.items():
            row[name] += int(value or 0)

    def totals(self, part: int | None = None) -> dict[str | None, dict[str, int]]:
        """Sums over every key (under None), or per unit (`part` 0) or procedure (`part` 1)."""
        out: dict[str | None, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for key, row in self.by_key.items():
            target = out[None if part is None else key[part]]
            for name, value in row.items():
                target[name] += value
        return out


def _counts(row: dict[str, int]) -> Counts:
    return Counts(**{f.name: row.get(f.name, 0) for f in fields(Counts)})


def _received(s: Session, t: _Tally, start: datetime, end: datetime) -> None:
    rows = s.execute(
        select(
            D.unit_id,
            D.procedure_id,
            func.count(),
            _count_if(D.channel == int(Channel.DIRECT)),
            _count_if(D.channel == int(Channel.ONLINE)),
            _count_if(D.channel == int(Channel.POSTAL)),
        )
        .where(D.received_at >= start, D.received_at < end)
        .group_by(D.unit_id, D.procedure_id)
    )
    for unit, proc, total, direct, online, postal in rows:
        t.add(
            (unit, proc),
            received_total=total,
            received_direct=direct,
            received_online=online,
            received_postal=postal,
        )


def _open_groups(s: Session, at: datetime) -> Iterator[tuple[Key, int, int]]:
    """Yield ((unit, procedure), open, of them overdue by the stored due time) for the dossiers
    open at `at` (see `open_at`), in three parts each answered by an index: never settled and
    not withdrawn; settled at or after `at`; withdrawn at or after `at` (7 is final, one such
    event per dossier)."""
    w = aliased(DossierEvent, name="withdrawal")
    overdue = _count_if(D.due_at < at)
    parts = (
        select(D.unit_id, D.procedure_id, func.count(), overdue).where(
            D.finished_at.is_(None), D.status != int(Status.WITHDRAWN), D.received_at < at
        ),
        select(D.unit_id, D.procedure_id, func.count(), overdue).where(
            D.finished_at >= at, D.received_at < at
        ),
        select(D.unit_id, D.procedure_id, func.count(), overdue)
        .join(w, w.dossier_id == D.id)
        .where(
            w.kind == "status",
            w.to_status == int(Status.WITHDRAWN),
            w.at >= at,
            D.received_at < at,
            D.status == int(Status.WITHDRAWN),
        ),
    )
    for part in parts:
        for unit, proc, total, late in s.execute(part.group_by(D.unit_id, D.procedure_id)):
            yield (unit, proc), total, late


def _carried_over(s: Session, t: _Tally, start: datetime) -> None:
    for key, total, _overdue in _open_groups(s, start):
        t.add(key, carried_over=total)


def _settled(s: Session, t: _Tally, period: Period, start: datetime, end: datetime) -> None:
    calendar = load_calendar(s)
    days = period_days(period.date_from, period.date_to)
    bounds = [day_start(d) for d in days] + [end]
    cutoff = step(D.finished_at, bounds, [before_time_cutoff(calendar, d) for d in days])
    finish_day = step(D.finished_at, bounds, bounds[:-1])
    late = D.finished_at > D.due_at
    before = and_(~late, D.due_at >= cutoff)
    # A sub-select, not a join: a join lets SQLite walk every procedure's dossiers by index.
    flagged = select(Procedure.id).where(Procedure.on_the_spot == true()).scalar_subquery()
    spot = and_(D.procedure_id.in_(flagged), D.status.in_(RESULT), D.received_at >= finish_day)
    rows = s.execute(
        select(
            D.unit_id,
            D.procedure_id,
            func.count(),
            _count_if(before),
            _count_if(late),
            _count_if(D.return_by_post == true()),
            _count_if(spot),
        )
        .where(D.finished_at >= start, D.finished_at < end)
        .group_by(D.unit_id, D.procedure_id)
    )
    for unit, proc, total, n_before, n_late, post, n_spot in rows:
        t.add(
            (unit, proc),
            settled_total=total,
            settled_before_time=n_before,
            settled_on_time=total - n_before - n_late,
            settled_late=n_late,
            returned_via_post=post,
            on_the_spot=n_spot,
        )


def _events(s: Session, t: _Tally, start: datetime, end: datetime) -> None:
    counted = {
        int(Status.REFUSED): "refused",
        int(Status.WITHDRAWN): "withdrawn",
        int(Status.SUPPLEMENT): "supplement_requests",
    }
    rows = s.execute(
        select(D.unit_id, D.procedure_id, E.kind, E.to_status, func.count())
        .join(D, D.id == E.dossier_id)
        .where(
            E.at >= start,
            E.at < end,
            or_(and_(E.kind == "status", E.to_status.in_(counted)), E.kind == "apology"),
        )
        .group_by(D.unit_id, D.procedure_id, E.kind, E.to_status)
    )
    for unit, proc, kind, to_status, n in rows:
        name = "apology_slips" if kind == "apology" else counted[int(to_status or 0)]
        t.add((unit, proc), **{name: n})


def _ratings(s: Session, t: _Tally, start: datetime, end: datetime) -> None:
    rows = s.execute(
        select(D.unit_id, D.procedure_id, Rating.level, func.count())
        .select_from(Rating)
        .outerjoin(D, D.id == Rating.dossier_id)
        .where(Rating.at >= start, Rating.at < end)
        .group_by(D.unit_id, D.procedure_id, Rating.level)
    )
    for unit, proc, level, n in rows:
        t.add((unit, proc), **{level: n})


def _in_progress(s: Session, t: _Tally, at: datetime) -> None:
    for key, total, overdue in _open_groups(s, at):
        t.add(
            key,
            in_progress_total=total,
            in_progress_within_time=total - overdue,
            in_progress_overdue=overdue,
        )
    # Dossiers paused for a supplement at `at` (or whose later pauses moved due_at): their due
    # time as it stood at `at` is computed from the pause records, a handful of rows.
    for key, moved in in_progress.pause_corrections(s, at, open_at(at)).items():
        t.add(key, in_progress_within_time=-moved, in_progress_overdue=moved)


def _trend(s: Session, period: Period) -> tuple[TrendPoint, ...]:
    months = month_starts(period.date_to.year, period.date_to.month)
    bounds = [day_start(m) for m in months]
    first, last = bounds[0], bounds[-1]
    data: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    b = bucket(D.received_at, bounds)
    for i, n in s.execute(
        select(b, func.count()).where(D.received_at >= first, D.received_at < last).group_by(b)
    ):
        data[i]["received"] += n
    b = bucket(D.finished_at, bounds)
    for i, n, late in s.execute(
        select(b, func.count(), _count_if(D.finished_at > D.due_at))
        .where(D.finished_at >= first, D.finished_at < last)
        .group_by(b)
    ):
        data[i]["settled"] += n
        data[i]["settled_late"] += late
    b = bucket(Rating.at, bounds)
    for i, level, n in s.execute(
        select(b, Rating.level, func.count())
        .where(Rating.at >= first, Rating.at < last)
        .group_by(b, Rating.level)
    ):
        data[i][level] += n
    return tuple(
        TrendPoint(
            month=f"{m:%Y-%m}",
            received=data[i]["received"],
            settled=data[i]["settled"],
            settled_late=data[i]["settled_late"],
            very_satisfied=data[i]["very_satisfied"],
            satisfied=data[i]["satisfied"],
            unsatisfied=data[i]["unsatisfied"],
        )
        for i, m in enumerate(months[:-1])
    )


def _breakdowns(s: Session, t: _Tally) -> tuple[tuple[Breakdown, ...], tuple[Breakdown, ...]]:
    def build(part: int, model: type[Unit] | type[Procedure]) -> tuple[Breakdown, ...]:
        sums = {k: v for k, v in t.totals(part).items() if k is not None}
        names = {
            i: (c, n)
            for i, c, n in s.execute(
                select(model.id, model.code, model.name).where(model.id.in_(list(sums)))
            )
        }
        out = [Breakdown(*names.get(i, (i, i)), _counts(row)) for i, row in sums.items()]
        return tuple(sorted(out, key=lambda b: b.code))

    return build(0, Unit), build(1, Procedure)


def _center_name(s: Session) -> str:
    name = s.scalar(select(Unit.name).where(Unit.kind == "center").order_by(Unit.code).limit(1))
    return name or "Trung tâm Phục vụ hành chính công"


def monthly_report(
    source: Database | Engine,
    period: Period,
    *,
    now: datetime | None = None,
    source_name: str = "local",
) -> MonthlyReport:
    """Return the report of `period` (inclusive local dates) read from `source` (the desk's
    database, or an engine on the central one with `source_name="central"`).

    "In progress at period end" is taken at the end of the period, or at `now` for a period not
    over yet. Raises InvalidInput for a period that ends before it starts; StorageError when the
    database cannot be read."""
    if period.date_to < period.date_from:
        raise InvalidInput("Kỳ báo cáo không hợp lệ / The period ends before it starts")
    now = now or utcnow()
    start, end = day_start(period.date_from), day_start(period.date_to + timedelta(days=1))
    as_of = min(end, max(now, start))
    tally = _Tally()
    with _reading(source) as s:
        _received(s, tally, start, end)
        _carried_over(s, tally, start)
        _settled(s, tally, period, start, end)
        _in_progress(s, tally, as_of)
        _events(s, tally, start, end)
        _ratings(s, tally, start, end)
        trend = _trend(s, period)
        by_department, by_procedure = _breakdowns(s, tally)
        center = _center_name(s)
    return MonthlyReport(
        center_name=center,
        period=period,
        generated_at=now,
        source=source_name,
        totals=_counts(tally.totals()[None]),
        by_department=by_department,
        by_procedure=by_procedure,
        trend=trend,
    )
