"""`counter-app history import FILE.csv`: a center's earlier dossiers, all rows or none, so that
its reports cover the months before it switched to this app."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from counter_app.db import Database
from counter_app.domain.codes import new_lookup_secret
from counter_app.domain.status import Status
from counter_app.models import Dossier, DossierEvent, OutboxOp, Procedure, Rating, SyncState
from counter_app.models.base import Base
from counter_app.services.recording import (
    OUTBOX_SCHEMA_VERSION,
    Actor,
    audit,
    row_key,
    row_payload,
    sync_state,
)
from counter_app.services.reports.history_csv import HistoryRow, read_history

RULE_VERSION = "history"  # due times come from the file, not from our calendar
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class HistoryImported:
    """What one import wrote."""

    dossiers: int
    events: int
    ratings: int
    first_received: datetime | None  # aware UTC
    last_received: datetime | None


def _events(row: HistoryRow) -> list[tuple[int | None, int, datetime]]:
    """The status events a row stands for: (from, to, at). History gives only the receipt, the
    closing (or current) status and the return, so those are the events written."""
    s, received, finished = row.status, row.received_at, row.finished_at
    if s == Status.REFUSED:  # refused at the counter: never received
        assert finished is not None
        return [(None, int(s), finished)]
    if s in (Status.NEW, Status.RECEIVED) or finished is None:
        return [(None, int(s), received)]
    events: list[tuple[int | None, int, datetime]] = [(None, int(Status.RECEIVED), received)]
    if s == Status.RETURNED:
        assert row.returned_at is not None
        events.append((int(Status.RECEIVED), int(Status.RESULT_READY), finished))
        events.append((int(Status.RESULT_READY), int(Status.RETURNED), row.returned_at))
    else:
        events.append((int(Status.RECEIVED), int(s), finished))
    return events


def _known_codes(db: Database) -> Any:
    def known(codes: list[str]) -> set[str]:
        found: set[str] = set()
        with db.read() as session:
            for i in range(0, len(codes), _CHUNK):
                chunk = codes[i : i + _CHUNK]
                found |= set(session.scalars(select(Dossier.code).where(Dossier.code.in_(chunk))))
        return found

    return known


def _outbox(session: Session, rows: list[tuple[Base, str]]) -> None:
    """Queue every written row for the center, with a block of gap-free desk sequence numbers
    taken at once (as `recording.add_outbox` does one by one)."""
    sync_state(session)
    last = int(
        session.execute(
            update(SyncState)
            .where(SyncState.id == 1)
            .values(last_desk_seq=SyncState.last_desk_seq + len(rows))
            .returning(SyncState.last_desk_seq)
        ).scalar_one()
    )
    first = last - len(rows) + 1
    session.add_all(
        OutboxOp(
            desk_seq=first + i,
            entity=type(row).__tablename__,
            entity_id=row_key(row),
            kind=kind,
            payload=row_payload(row),
            base_version=None,
            schema_version=OUTBOX_SCHEMA_VERSION,
        )
        for i, (row, kind) in enumerate(rows)
    )


def import_history(db: Database, path: Path, actor: Actor) -> HistoryImported:
    """Import every dossier of the CSV at `path` (history_csv.COLUMNS) in one transaction.

    Each row becomes a dossier of the procedure's department with its status events (receipt,
    result/closing, return) and its rating (given at the return time); audit and outbox rows
    are written. Returns what was written. Raises InvalidInput listing the bad lines (line
    numbers of the file) if any line is bad: then nothing is written."""
    with db.read() as session:
        procs = {c: (i, u) for c, i, u in session.execute(
            select(Procedure.code, Procedure.id, Procedure.department_id)
        )}  # fmt: skip
    rows = read_history(path, frozenset(procs), _known_codes(db))
    written: list[tuple[Base, str]] = []
    n_events = n_ratings = 0
    with db.write() as session:
        dossiers = []
        for r in rows:
            proc_id, unit_id = procs[r.procedure_code]
            d = Dossier(
                code=r.code,
                lookup_secret=new_lookup_secret(),
                procedure_id=proc_id,
                unit_id=unit_id,
                channel=int(r.channel),
                status=int(r.status),
                applicant_name="",
                received_at=r.received_at,
                due_at=r.due_at,
                original_due_at=r.due_at,
                due_rule_version=RULE_VERSION,
                # History has no pause start: a dossier still waiting keeps its due time as given.
                paused_at=None,
                finished_at=r.finished_at if r.status != Status.WITHDRAWN else None,
                returned_at=r.returned_at,
                return_by_post=r.returned_via_post,
                received_by_name=actor.name,
                notes=f"Nhập từ lịch sử ({path.name}, dòng {r.line})",
                origin_desk_id=actor.desk_id,
            )
            dossiers.append((r, d))
        session.add_all(d for _, d in dossiers)
        session.flush()
        written += [(d, "insert") for _, d in dossiers]
        extra: list[Base] = []
        for r, d in dossiers:
            for from_s, to_s, at in _events(r):
                extra.append(
                    DossierEvent(
                        dossier_id=d.id, kind="status", from_status=from_s, to_status=to_s,
                        at=at, actor_user_id=actor.user_id, actor_name=actor.name,
                        desk_id=actor.desk_id, data={"history": path.name, "line": r.line},
                        origin_desk_id=actor.desk_id,
                    )
                )  # fmt: skip
                n_events += 1
            if r.rating:
                extra.append(
                    Rating(
                        dossier_id=d.id, level=r.rating, reason=r.rating_reason,
                        at=r.returned_at, origin_desk_id=actor.desk_id,
                    )
                )  # fmt: skip
                n_ratings += 1
        session.add_all(extra)
        session.flush()
        written += [(x, "append") for x in extra]
        _outbox(session, written)
        audit(
            session,
            actor,
            "history.import",
            details={"file": path.name, "dossiers": len(rows), "ratings": n_ratings},
        )
    received = [r.received_at for r in rows]
    return HistoryImported(len(rows), n_events, n_ratings, min(received), max(received))
