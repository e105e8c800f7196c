"""Counters that never hand out the same number twice (dossier codes, ledger entries)."""

from __future__ import annotations

from sqlalchemy import Insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from counter_app.models import CodeCounter, Desk, SyncState

# A joined desk's own numbers when the center cannot be reached: desk N numbers from N × 10⁶
# on, a range the center's counters never reach (SYNC.md: a desk series the center never
# issues). Desk 3's 17th offline number is 3000017.
OFFLINE_SERIES_BASE = 1_000_000


def next_value(session: Session, scope: str) -> int:
    """Return the next number of `scope`, never handed out twice across all desks of a center.

    A standalone database counts locally. A desk joined to a center claims the number at the
    center (`Database.number_source`); when the center cannot be reached, it takes the next
    number of its own offline series."""
    state = session.get(SyncState, 1)
    if state is None or not state.desk_id or not state.central_url:
        return local_value(session, scope)
    source = session.info.get("number_source")
    if source is not None:
        claimed = source(scope)
        if claimed is not None:
            return int(claimed)
    desk_number = session.scalar(select(Desk.number).where(Desk.id == state.desk_id)) or 0
    return OFFLINE_SERIES_BASE * desk_number + local_value(session, f"offline|{scope}")


def local_value(session: Session, scope: str) -> int:
    """Increment the counter of `scope` and return its new value (1 for a new scope).

    One atomic upsert in the caller's write transaction: on SQLite the transaction holds the
    write lock (BEGIN IMMEDIATE), on PostgreSQL the row lock of ON CONFLICT DO UPDATE, so two
    processes never get the same value; a rolled-back transaction leaves no gap used."""
    dialect = session.get_bind().dialect.name
    stmt: Insert
    if dialect == "sqlite":
        ins = sqlite.insert(CodeCounter).values(scope=scope, last_value=1)
        stmt = ins.on_conflict_do_update(
            index_elements=[CodeCounter.scope],
            set_={"last_value": CodeCounter.last_value + 1},
        )
    elif dialect == "postgresql":
        pins = postgresql.insert(CodeCounter).values(scope=scope, last_value=1)
        stmt = pins.on_conflict_do_update(
            index_elements=[CodeCounter.scope],
            set_={"last_value": CodeCounter.last_value + 1},
        )
    else:  # pragma: no cover - only the two databases of DESIGN.md are supported
        raise RuntimeError(f"unsupported database {dialect}")
    return int(session.execute(stmt.returning(CodeCounter.last_value)).scalar_one())
