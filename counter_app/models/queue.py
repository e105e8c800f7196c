"""Queue services, their daily counters and the tickets citizens take."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Integer,
    String,
    Table,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.models.base import Base, IdColumn, SyncColumns, new_id
from counter_app.models.catalog import _in

TICKET_STATES = ("waiting", "called", "serving", "done", "no_show", "transferred", "cancelled")

queue_service_units = Table(
    "queue_service_units",
    Base.metadata,
    Column("service_id", ForeignKey("queue_services.id", ondelete="CASCADE"), primary_key=True),
    Column("unit_id", ForeignKey("units.id", ondelete="CASCADE"), primary_key=True),
)

desk_services = Table(
    "desk_services",
    Base.metadata,
    Column("desk_id", ForeignKey("desks.id", ondelete="CASCADE"), primary_key=True),
    Column("service_id", ForeignKey("queue_services.id", ondelete="CASCADE"), primary_key=True),
)


class QueueService(SyncColumns, Base):
    """A queue service: a group of departments served at some desks, with a letter prefix."""

    __tablename__ = "queue_services"

    id: Mapped[str] = mapped_column(IdColumn, primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(4), unique=True)  # the ticket letter, "A"
    name: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class QueueCounter(Base):
    """The last number issued for a service on a business date in one series.

    Series "" is the center's; an offline desk issues from its own series (its desk number)."""

    __tablename__ = "queue_counters"

    service_id: Mapped[str] = mapped_column(ForeignKey("queue_services.id"), primary_key=True)
    business_date: Mapped[date] = mapped_column(Date, primary_key=True)
    series: Mapped[str] = mapped_column(String(8), primary_key=True)
    last_no: Mapped[int] = mapped_column(Integer, default=0)


class QueueTicket(SyncColumns, Base):
    """A queue ticket; every state change is timed so waits and service times can be computed."""

    __tablename__ = "queue_tickets"
    __table_args__ = (
        UniqueConstraint("service_id", "business_date", "series", "number"),
        CheckConstraint(_in("state", TICKET_STATES), name="state"),
    )

    id: Mapped[str] = mapped_column(IdColumn, primary_key=True, default=new_id)
    service_id: Mapped[str] = mapped_column(ForeignKey("queue_services.id"))
    business_date: Mapped[date] = mapped_column(Date, index=True)
    series: Mapped[str] = mapped_column(String(8), default="")
    number: Mapped[int] = mapped_column(Integer)
    display: Mapped[str] = mapped_column(String(20))  # "A023", or "A-3·017" offline
    priority: Mapped[str] = mapped_column(String(20), default="")  # elderly, disabled, ...
    state: Mapped[str] = mapped_column(String(20), default="waiting")
    issued_at: Mapped[datetime] = mapped_column()
    called_at: Mapped[datetime | None] = mapped_column()
    serving_at: Mapped[datetime | None] = mapped_column()
    finished_at: Mapped[datetime | None] = mapped_column()
    issuing_desk_id: Mapped[str | None] = mapped_column(ForeignKey("desks.id"))
    desk_id: Mapped[str | None] = mapped_column(ForeignKey("desks.id"))
    officer_user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    dossier_id: Mapped[str | None] = mapped_column(ForeignKey("dossiers.id"))
    # A transfer ends this ticket and makes a new one (same display) in the target service or
    # for the target desk; the new one points back here, so the citizen's history stays whole.
    transferred_from_id: Mapped[str | None] = mapped_column(ForeignKey("queue_tickets.id"))
