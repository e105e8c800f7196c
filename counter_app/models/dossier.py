"""Dossiers: the current state row, the items received, files, the append-only events, ratings."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from counter_app.models.base import Base, IdColumn, SyncColumns, new_id
from counter_app.models.catalog import DOCUMENT_KINDS, Procedure, Unit, _in

RATING_LEVELS = ("very_satisfied", "satisfied", "unsatisfied")


class Dossier(SyncColumns, Base):
    """A dossier (hồ sơ): who handed it in, for which procedure, where it stands now.

    `status` is the national status code 1–10; its history is in `dossier_events`.
    `due_at` is the due time (moved later by supplement pauses); `original_due_at` is the one
    computed at receipt with `due_rule_version`."""

    __tablename__ = "dossiers"
    __table_args__ = (
        CheckConstraint("status BETWEEN 1 AND 10", name="status"),
        CheckConstraint("channel IN (1, 2, 3)", name="channel"),
        CheckConstraint("sets_count >= 1", name="sets_count"),
    )

    id: Mapped[str] = mapped_column(IdColumn, primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    lookup_secret: Mapped[str] = mapped_column(String(16))
    procedure_id: Mapped[str] = mapped_column(ForeignKey("procedures.id"), index=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"))  # the receiving unit
    channel: Mapped[int] = mapped_column(Integer)
    status: Mapped[int] = mapped_column(Integer, index=True)
    sets_count: Mapped[int] = mapped_column(Integer, default=1)

    applicant_name: Mapped[str] = mapped_column(String(200))
    applicant_id_number: Mapped[str] = mapped_column(String(20), default="", index=True)
    applicant_phone: Mapped[str] = mapped_column(String(20), default="", index=True)
    applicant_address: Mapped[str] = mapped_column(Text, default="")
    applicant_email: Mapped[str] = mapped_column(String(200), default="")
    applicant_birth_date: Mapped[date | None] = mapped_column(Date)
    applicant_gender: Mapped[str] = mapped_column(String(10), default="")
    # Folded name (no diacritics, lower case) for search by applicant.
    applicant_name_folded: Mapped[str] = mapped_column(String(200), default="", index=True)

    received_at: Mapped[datetime] = mapped_column(index=True)
    due_at: Mapped[datetime] = mapped_column(index=True)
    original_due_at: Mapped[datetime] = mapped_column()
    due_rule_version: Mapped[str] = mapped_column(String(40))
    paused_at: Mapped[datetime | None] = mapped_column()  # start of a supplement wait
    finished_at: Mapped[datetime | None] = mapped_column(index=True)  # first reached 9, 10, 8 or 3
    returned_at: Mapped[datetime | None] = mapped_column()

    return_by_post: Mapped[bool] = mapped_column(Boolean, default=False)
    post_receiver_name: Mapped[str] = mapped_column(String(200), default="")
    post_address: Mapped[str] = mapped_column(Text, default="")
    post_phone: Mapped[str] = mapped_column(String(20), default="")

    received_by_user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    received_by_name: Mapped[str] = mapped_column(String(200), default="")
    desk_id: Mapped[str | None] = mapped_column(ForeignKey("desks.id"))
    ledger_book: Mapped[str] = mapped_column(String(40), default="")
    ledger_entry: Mapped[int | None] = mapped_column(Integer)
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")

    procedure: Mapped[Procedure] = relationship()
    unit: Mapped[Unit] = relationship()
    items: Mapped[list[DossierItem]] = relationship(
        order_by="DossierItem.position", cascade="all, delete-orphan"
    )
    events: Mapped[list[DossierEvent]] = relationship(order_by="DossierEvent.id", viewonly=True)


class DossierItem(SyncColumns, Base):
    """A document received with a dossier: its name, form and count."""

    __tablename__ = "dossier_items"
    __table_args__ = (
        CheckConstraint(_in("kind", DOCUMENT_KINDS), name="kind"),
        CheckConstraint("count >= 1", name="count"),
    )

    id: Mapped[str] = mapped_column(IdColumn, primary_key=True, default=new_id)
    dossier_id: Mapped[str] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), index=True
    )
    checklist_item_id: Mapped[str | None] = mapped_column(ForeignKey("checklist_items.id"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    count: Mapped[int] = mapped_column(Integer, default=1)


class DossierEvent(SyncColumns, Base):
    """One thing that happened to a dossier; append-only (triggers refuse UPDATE and DELETE).

    `kind`: status, handoff, print, scan, rating, note, due_change. Status events carry
    from_status/to_status; every event says who, when, at which desk and why."""

    __tablename__ = "dossier_events"

    id: Mapped[str] = mapped_column(IdColumn, primary_key=True, default=new_id)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    from_status: Mapped[int | None] = mapped_column(Integer)
    to_status: Mapped[int | None] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(index=True)
    actor_user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    actor_name: Mapped[str] = mapped_column(String(200), default="")
    desk_id: Mapped[str | None] = mapped_column(ForeignKey("desks.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)


class StoredFile(SyncColumns, Base):
    """A file addressed by its SHA-256 (scanned pages, generated PDFs); bytes live on disk."""

    __tablename__ = "files"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(100))
    uploaded: Mapped[bool] = mapped_column(Boolean, default=False)


class DossierFile(SyncColumns, Base):
    """A file attached to a dossier: a scanned document or a generated form."""

    __tablename__ = "dossier_files"
    __table_args__ = (UniqueConstraint("dossier_id", "sha256", "role"),)

    id: Mapped[str] = mapped_column(IdColumn, primary_key=True, default=new_id)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), index=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("files.sha256"))
    dossier_item_id: Mapped[str | None] = mapped_column(ForeignKey("dossier_items.id"))
    role: Mapped[str] = mapped_column(String(20))  # scan, form, result
    title: Mapped[str] = mapped_column(Text, default="")
    page_count: Mapped[int | None] = mapped_column(Integer)


class Rating(SyncColumns, Base):
    """A citizen's rating of the officer who served them; a reason is required when unsatisfied."""

    __tablename__ = "ratings"
    __table_args__ = (
        CheckConstraint(_in("level", RATING_LEVELS), name="level"),
        CheckConstraint("level <> 'unsatisfied' OR length(reason) > 0", name="reason"),
    )

    id: Mapped[str] = mapped_column(IdColumn, primary_key=True, default=new_id)
    dossier_id: Mapped[str | None] = mapped_column(ForeignKey("dossiers.id"), index=True)
    ticket_id: Mapped[str | None] = mapped_column(ForeignKey("queue_tickets.id"))
    officer_user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    desk_id: Mapped[str | None] = mapped_column(ForeignKey("desks.id"))
    level: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(index=True)
