"""What every write use case records besides its rows: the audit row and the outbox ops.

Written explicitly by each service (SYNC.md: no hidden ORM hook), in the caller's transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import inspect, select, update
from sqlalchemy.orm import Session

from counter_app.models import AuditLog, Base, OutboxOp, SyncState
from counter_app.models.base import utcnow

# The payload schema of outbox operations; the center accepts N and N-1 (SYNC.md, versions).
OUTBOX_SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts, and at which desk: recorded on every event and audit row."""

    user_id: str | None
    name: str
    desk_id: str | None = None


SYSTEM = Actor(user_id=None, name="hệ thống / system")


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def row_payload(row: Base, only: set[str] | None = None) -> dict[str, Any]:
    """Return a row's column values as JSON-safe data (all columns, or just `only`)."""
    mapper = inspect(type(row))
    out = {}
    for attr in mapper.column_attrs:
        if only is None or attr.key in only:
            out[attr.key] = _json_value(getattr(row, attr.key))
    json.dumps(out)  # fail here, not at push time, if something is not JSON-safe
    return out


def sync_state(session: Session) -> SyncState:
    """Return this database's sync-state row, creating it if needed."""
    state = session.get(SyncState, 1)
    if state is None:
        state = SyncState(id=1)
        session.add(state)
        session.flush()
    return state


def add_outbox(
    session: Session,
    row: Base,
    kind: str,
    *,
    fields: set[str] | None = None,
    base_version: int | None = None,
) -> OutboxOp:
    """Append an outbox op for `row` with the next gap-free `desk_seq` of this desk.

    `kind`: insert (whole row), update (`fields` changed, based on `base_version`), append
    (an append-only record such as an event)."""
    session.flush()  # defaults (ids, versions) are set at flush; the payload needs them
    seq = next_desk_seq(session)
    table = type(row).__tablename__
    op = OutboxOp(
        desk_seq=seq,
        entity=table,
        entity_id=row_key(row),
        kind=kind,
        payload=row_payload(row, fields | {"version"} if fields else None),
        base_version=base_version,
        schema_version=OUTBOX_SCHEMA_VERSION,
    )
    session.add(op)
    return op


def next_desk_seq(session: Session) -> int:
    """Return this desk's next `desk_seq` (gap-free: an UPDATE ... RETURNING under the
    write lock, undone with its transaction)."""
    sync_state(session)
    return int(
        session.execute(
            update(SyncState)
            .where(SyncState.id == 1)
            .values(last_desk_seq=SyncState.last_desk_seq + 1)
            .returning(SyncState.last_desk_seq)
        ).scalar_one()
    )


def row_key(row: Base) -> str:
    """Return the primary key of a flushed row as text (composite keys joined by '|')."""
    identity = inspect(row).identity
    if identity is None:
        raise ValueError(f"{row!r} has no primary key yet: flush first")
    return "|".join(str(v) for v in identity)


def audit(
    session: Session,
    actor: Actor,
    action: str,
    *,
    entity: str = "",
    entity_id: str = "",
    details: dict[str, Any] | None = None,
    at: datetime | None = None,
    outbox: bool = True,
) -> AuditLog:
    """Record one use case in the audit log (and, by default, queue it for the center)."""
    row = AuditLog(
        at=at or utcnow(),
        user_id=actor.user_id,
        actor_name=actor.name,
        desk_id=actor.desk_id,
        action=action,
        entity=entity,
        entity_id=entity_id,
        details=details or {},
        origin_desk_id=actor.desk_id,
    )
    session.add(row)
    session.flush()
    if outbox:
        add_outbox(session, row, "append")
    return row


def pending_ops(session: Session) -> list[OutboxOp]:
    """Return the outbox ops not yet acknowledged by the center, in desk_seq order."""
    return list(
        session.scalars(
            select(OutboxOp).where(OutboxOp.state != "acked").order_by(OutboxOp.desk_seq)
        )
    )
