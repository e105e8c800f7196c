"""Counters that never hand out the same number twice (dossier codes, ledger entries)."""

from __future__ import annotations

from sqlalchemy import Insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from counter_app.models import CodeCounter


def next_value(session: Session, scope: str) -> int:
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
