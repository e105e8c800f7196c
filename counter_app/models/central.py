"""Tables of the central database's sync machinery (SYNC.md): applied ops, change log, conflicts.

They exist in every database of the one Alembic history, and stay empty on a desk. Desks never
read or write them directly: the center's functions (`center_push`, `center_pull`, ...) do,
under the desk's database role.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.models.base import Base, IdColumn, new_id, utcnow


class CenterDeskRole(Base):
    """The PostgreSQL role a desk connects with: the center's functions act only for its desk."""

    __tablename__ = "center_desk_roles"

    role_name: Mapped[str] = mapped_column(String(63), primary_key=True)
    desk_id: Mapped[str] = mapped_column(ForeignKey("desks.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CenterDeskProgress(Base):
    """Per desk: the last `desk_seq` applied (no op past a gap) and its heartbeat."""

    __tablename__ = "center_desk_progress"

    desk_id: Mapped[str] = mapped_column(ForeignKey("desks.id"), primary_key=True)
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    last_seen_at: Mapped[datetime | None] = mapped_column()
    pull_cursor: Mapped[int] = mapped_column(BigInteger, default=0)
    schema_version: Mapped[int | None] = mapped_column(Integer)


class CenterAppliedOp(Base):
    """One outbox op the center has seen, with the result it gave: a resend gets the same answer."""

    __tablename__ = "center_applied_ops"
    __table_args__ = (UniqueConstraint("desk_id", "desk_seq"),)

    op_id: Mapped[str] = mapped_column(IdColumn, primary_key=True)
    desk_id: Mapped[str] = mapped_column(ForeignKey("desks.id"))
    desk_seq: Mapped[int] = mapped_column(BigInteger)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(100))
    result: Mapped[str] = mapped_column(String(12))  # applied, conflict, rejected, held
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    server_version: Mapped[int | None] = mapped_column(BigInteger)
    applied_at: Mapped[datetime] = mapped_column(default=utcnow)


class CenterChange(Base):
    """The center's change log: what desks pull. `id` is assigned under one advisory lock, so
    id order is commit order and a cursor `id > n` never skips a late commit (SYNC.md, pull)."""

    __tablename__ = "center_change_log"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    fields: Mapped[dict[str, Any]] = mapped_column()  # {"names": [...]}
    origin_desk_id: Mapped[str | None] = mapped_column(String(36))
    op_id: Mapped[str | None] = mapped_column(String(36))
    at: Mapped[datetime] = mapped_column(default=utcnow)


class CenterConflict(Base):
    """The same field changed on two sides: the center's value was kept, the desk's is here."""

    __tablename__ = "center_conflicts"

    id: Mapped[str] = mapped_column(IdColumn, primary_key=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(100), index=True)
    field: Mapped[str] = mapped_column(String(60))
    center_value: Mapped[dict[str, Any]] = mapped_column()  # {"value": ...}
    desk_value: Mapped[dict[str, Any]] = mapped_column()
    center_origin_desk_id: Mapped[str | None] = mapped_column(String(36))
    desk_id: Mapped[str] = mapped_column(String(36))
    op_id: Mapped[str] = mapped_column(String(36))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column()
    resolution: Mapped[str] = mapped_column(Text, default="")


class CenterFile(Base):
    """A file's bytes in the central store, addressed by SHA-256 (uploaded once)."""

    __tablename__ = "center_files"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(100))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    stored_at: Mapped[datetime] = mapped_column(default=utcnow)
