"""Rows from the center into this desk's database: JSON to typed values, upserts by policy."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, Table, and_, or_, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from counter_app.models import Base, OutboxOp
from counter_app.models.base import UtcDateTime
from counter_app.services.sync.protocol import LOCAL_COLUMNS, PUSHED


def table_of(entity: str) -> Table:
    """Return the mapped table called `entity` (KeyError for a name we do not know)."""
    return Base.metadata.tables[entity]


def typed(table: Table, data: dict[str, Any]) -> dict[str, Any]:
    """Return the columns of `table` found in `data`, as Python values; unknown keys dropped
    (a newer center may send columns this desk does not have yet: SYNC.md, versions)."""
    out: dict[str, Any] = {}
    for col in table.columns:
        if col.name not in data:
            continue
        value = data[col.name]
        if value is not None:
            if isinstance(col.type, UtcDateTime):
                value = datetime.fromisoformat(value)
            elif isinstance(col.type, Date):
                value = date.fromisoformat(value[:10])
            elif isinstance(col.type, Boolean):
                value = bool(value)
        out[col.name] = value
    return out


def upsert(session: Session, entity: str, rows: list[dict[str, Any]], *, replace: bool) -> None:
    """Insert `rows` (typed) into `entity`; existing keys are updated when `replace`, else kept.

    Columns in LOCAL_COLUMNS keep this desk's values on update. A synced row is never put back
    to an older center version than the one this desk holds: a pull page read before a call's
    answer was stored (the center's reply to "call next", "no-show") must not undo it. Rows
    kept (`replace=False`) still take the center's `server_version` if they had none."""
    if not rows:
        return
    table = table_of(entity)
    keys = [c.name for c in table.primary_key.columns]
    local = LOCAL_COLUMNS.get(entity, frozenset())
    versioned = entity in PUSHED and "server_version" in table.c
    # One statement per distinct column set (rows of one table normally share one), run as
    # executemany: compiled once (a multi-VALUES statement per chunk compiles for seconds).
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(tuple(sorted(row)), []).append(row)
    conn = session.connection()
    for cols, group in groups.items():
        stmt = sqlite.insert(table)
        updates = {c: stmt.excluded[c] for c in cols if c not in keys and c not in local}
        if replace and updates:
            newer = None
            if versioned:
                held, sent = table.c.server_version, stmt.excluded.server_version
                newer = or_(held.is_(None), sent.is_(None), held <= sent)
            conn.execute(
                stmt.on_conflict_do_update(index_elements=keys, set_=updates, where=newer), group
            )
        elif versioned and "server_version" in cols:
            # An append-only row is never changed, but one this desk wrote learns its place in
            # the center's order when it comes back (migration 0007 allows exactly this).
            held, sent = table.c.server_version, stmt.excluded.server_version
            conn.execute(
                stmt.on_conflict_do_update(
                    index_elements=keys,
                    set_={"server_version": sent},
                    where=and_(held.is_(None), sent.is_not(None)),
                ),
                group,
            )
        else:
            conn.execute(stmt.on_conflict_do_nothing(index_elements=keys), group)


def entities_with_local_ops(session: Session, entity: str, ids: Iterable[str]) -> set[str]:
    """Return which of `ids` have ops not yet acknowledged by the center (keep their rows)."""
    wanted = list(set(ids))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        found.update(
            session.scalars(
                select(OutboxOp.entity_id).where(
                    OutboxOp.entity == entity,
                    OutboxOp.state != "acked",
                    OutboxOp.entity_id.in_(wanted[start : start + 500]),
                )
            )
        )
    return found
