"""What the desk window reads about where it runs: the center, its desks, who may appear at it,
and how close each dossier is to its due time (the badge of the dossier screens). Read-only."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from counter_app.db import Database
from counter_app.domain.calendar import WorkingCalendar
from counter_app.domain.errors import NotFound
from counter_app.domain.status import TRANSITIONS, Status
from counter_app.models import Desk, Unit, User
from counter_app.services.auth import SignedIn
from counter_app.services.dossiers import DossierView
from counter_app.services.workcal import load_calendar

# DOMAIN.md, due time: one working day is 8 working hours.
WORKING_DAY = timedelta(hours=8)


@dataclass(frozen=True, slots=True)
class DeskView:
    id: str
    number: int
    name: str  # "Quầy số 1": what the hall display and the status bar say


def list_desks(db: Database) -> list[DeskView]:
    """Return the active desks of the center, by number."""
    with db.read() as session:
        rows = session.scalars(select(Desk).where(Desk.active).order_by(Desk.number)).all()
        return [DeskView(d.id, d.number, d.name) for d in rows]


def get_desk(db: Database, number: int) -> DeskView:
    """Return the active desk with this number; NotFound if there is none."""
    with db.read() as session:
        d = session.scalar(select(Desk).where(Desk.number == number, Desk.active))
        if d is None:
            raise NotFound(f"Không có quầy số {number} / No desk number {number}")
        return DeskView(d.id, d.number, d.name)


def center_name(db: Database) -> str:
    """Return the center's name ("" when the database has no center yet)."""
    with db.read() as session:
        return session.scalar(select(Unit.name).where(Unit.kind == "center")) or ""


def user_for_roles(db: Database, roles: Iterable[str], username: str | None = None) -> SignedIn:
    """Return a user as if signed in, WITHOUT a password: for `counter-app gui --screenshot`.

    The same trust as `--user` on the command line (whoever runs commands on this machine's
    database may act as any user); the window's normal start never calls it. With `username`,
    that user (NotFound if unknown or inactive); otherwise the first active user, by username,
    holding one of `roles` (NotFound if none does)."""
    wanted = set(roles)
    with db.read() as session:
        query = select(User).where(User.active).order_by(User.username)
        if username:
            query = query.where(User.username == username.strip().lower())
        for user in session.scalars(query):
            if username or user.role_names & wanted:
                return SignedIn(
                    user.id, user.username, user.full_name, frozenset(user.role_names), user.desk_id
                )
    who = username or ", ".join(sorted(wanted))
    raise NotFound(f"Không có người dùng phù hợp: {who} / No matching user: {who}")


class DueState(enum.StrEnum):
    """How a dossier stands against its due time, for a badge."""

    OVERDUE = "overdue"  # past the due time, not finished: red
    DUE_SOON = "due_soon"  # due within one working day: amber
    ON_TIME = "on_time"
    PAUSED = "paused"  # waiting for a supplement: the clock is stopped
    FINISHED = "finished"  # result ready, returned, or closed: no badge


def due_state(
    calendar: WorkingCalendar,
    status: int,
    due_at: datetime,
    now: datetime,
    *,
    finished_at: datetime | None = None,
    paused_at: datetime | None = None,
) -> DueState:
    """Return where a dossier stands against its due time at `now` (aware datetimes)."""
    if finished_at is not None or not TRANSITIONS[Status(status)]:
        return DueState.FINISHED
    if paused_at is not None:
        return DueState.PAUSED
    if now >= due_at:
        return DueState.OVERDUE
    if calendar.working_time_between(now, due_at) <= WORKING_DAY:
        return DueState.DUE_SOON
    return DueState.ON_TIME


def due_states(db: Database, dossiers: Iterable[DossierView], now: datetime) -> dict[str, DueState]:
    """Return each dossier's DueState at `now`, by dossier code, with the center's calendar."""
    with db.read() as session:
        calendar = load_calendar(session)
    return {
        d.code: due_state(
            calendar, d.status, d.due_at, now, finished_at=d.finished_at, paused_at=d.paused_at
        )
        for d in dossiers
    }
