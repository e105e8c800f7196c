"""Postal work: handover batches of paper dossiers, and results delivered to homes by post."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.models.base import Base, IdColumn, SyncColumns, new_id
from counter_app.models.catalog import _in

DIRECTIONS = ("to_department", "from_department", "to_post")
BATCH_STATES = ("open", "closed")
DELIVERY_STATES = ("handed_to_post", "in_transit", "delivered", "returned_to_center")


class PostalBatch(SyncColumns, Base):
    """A handover record (biên bản bàn giao): dossiers moving between the center and a unit."""

    __tablename__ = "postal_batches"
    __table_args__ = (
        CheckConstraint(_in("direction", DIRECTIONS), name="direction"),
        CheckConstraint(_in("state", BATCH_STATES), name="state"),
    )

    id: Mapped[str] = mapped_column(IdColumn, primary_key=True, default=new_id)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    direction: Mapped[str] = mapped_column(String(20))
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"))
    state: Mapped[str] = mapped_column(String(10), default="open")
    opened_at: Mapped[datetime] = mapped_column()
    closed_at: Mapped[datetime | None] = mapped_column()
    handed_by_name: Mapped[str] = mapped_column(String(200), default="")
    received_by_name: Mapped[str] = mapped_column(String(200), default="")
    created_by_user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    desk_id: Mapped[str | None] = mapped_column(ForeignKey("desks.id"))


class PostalBatchItem(SyncColumns, Base):
    """A dossier scanned into a handover batch."""

    __tablename__ = "postal_batch_items"
    __table_args__ = (UniqueConstraint("batch_id", "dossier_id"),)

    id: Mapped[str] = mapped_column(IdColumn, primary_key=True, default=new_id)
    batch_id: Mapped[str] = mapped_column(ForeignKey("postal_batches.id"), index=True)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), index=True)
    added_at: Mapped[datetime] = mapped_column()
    # Taken out again before the batch closed. Synced rows are never deleted (SYNC.md: the
    # center applies no deletes), so a removal is a mark; scanning the dossier again clears it.
    removed_at: Mapped[datetime | None] = mapped_column()


class PostalDelivery(SyncColumns, Base):
    """A result sent to the citizen's home by post, with its tracking number (mã vận đơn)."""

    __tablename__ = "postal_deliveries"
    __table_args__ = (CheckConstraint(_in("status", DELIVERY_STATES), name="status"),)

    id: Mapped[str] = mapped_column(IdColumn, primary_key=True, default=new_id)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), index=True)
    receiver_name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(Text)
    tracking_number: Mapped[str] = mapped_column(String(40), default="", index=True)
    handed_at: Mapped[datetime | None] = mapped_column()
    status: Mapped[str] = mapped_column(String(20), default="handed_to_post")
    status_at: Mapped[datetime | None] = mapped_column()
    note: Mapped[str] = mapped_column(Text, default="")


class PostalTrackingNumber(Base):
    """A tracking number from the post's list of numbers allotted to this desk (its label roll).

    Local to the desk, not synced: each postal desk imports the list that came with its own
    labels, so two desks never draw from one list. A number is used once (`used_at`)."""

    __tablename__ = "postal_tracking_pool"

    number: Mapped[str] = mapped_column(String(13), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)  # order of the list: the labels' order
    imported_at: Mapped[datetime] = mapped_column()
    source: Mapped[str] = mapped_column(String(300), default="")
    used_at: Mapped[datetime | None] = mapped_column()
    dossier_id: Mapped[str | None] = mapped_column(ForeignKey("dossiers.id"))
