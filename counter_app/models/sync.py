"""The audit log of every use case, the sync outbox and this desk's sync state."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.models.base import Base, IdColumn, SyncColumns, new_id, utcnow
from counter_app.models.catalog import _in

OUTBOX_STATES = ("pending", "sent", "acked", "quarantined")


class AuditLog(SyncColumns, Base):
    """Who did what, at which desk and when: one row per use case; append-only."""

    __tablename__ = "audit_log"

    id: Mapped[str] = mapped_column(IdColumn, primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(index=True)
    user_id: Mapped[str | None] = mapped_column(String(36))
    actor_name: Mapped[str] = mapped_column(String(200), default="")
    desk_id: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40), default="")
    entity_id: Mapped[str] = mapped_column(String(36), default="")
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)


class OutboxOp(Base):
    """An operation waiting to reach the center, written in the same transaction as its change.

    `desk_seq` is this desk's gap-free counter; the center applies ops in that order, once."""

    __tablename__ = "sync_outbox"
    __table_args__ = (
        CheckConstraint(_in("state", OUTBOX_STATES), name="state"),
        # The push reads the next pending ops in desk_seq order: a range of this index, no sort
        # of everything still waiting (which made a push of 50,000 ops quadratic).
        Index("ix_sync_outbox_state_desk_seq", "state", "desk_seq"),
    )

    op_id: Mapped[str] = mapped_column(IdColumn, primary_key=True, default=new_id)
    desk_seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # insert, update, append
    payload: Mapped[dict[str, Any]] = mapped_column()
    base_version: Mapped[int | None] = mapped_column(BigInteger)
    schema_version: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(12), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column()
    acked_at: Mapped[datetime | None] = mapped_column()


class SyncState(Base):
    """This desk's one row of sync state: its center, pull cursor, last results, clock skew."""

    __tablename__ = "sync_state"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    desk_id: Mapped[str | None] = mapped_column(String(36))
    central_url: Mapped[str] = mapped_column(Text, default="")
    last_desk_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    pull_cursor_txid: Mapped[int] = mapped_column(BigInteger, default=0)
    pull_cursor_id: Mapped[int] = mapped_column(BigInteger, default=0)
    catalog_version: Mapped[int] = mapped_column(BigInteger, default=0)
    last_push_at: Mapped[datetime | None] = mapped_column()
    last_pull_at: Mapped[datetime | None] = mapped_column()
    last_success_at: Mapped[datetime | None] = mapped_column()
    last_error: Mapped[str] = mapped_column(Text, default="")
    clock_offset_ms: Mapped[int] = mapped_column(BigInteger, default=0)
