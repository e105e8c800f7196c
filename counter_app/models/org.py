"""Reference data of the center: desks, users and their roles, printers, the calendar."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from counter_app.models.base import Base, IdColumn, SyncColumns, new_id
from counter_app.models.catalog import _in

ROLES = ("officer", "postal", "supervisor", "admin")
CALENDAR_KINDS = ("day_off", "working_day")
PRINTER_KINDS = ("receipt", "a4")


class Desk(SyncColumns, Base):
    """A counter desk (quầy) of the center; `number` is what the hall display says."""

    __tablename__ = "desks"

    id: Mapped[str] = mapped_column(IdColumn, primary_key=True, default=new_id)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(100))
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class User(SyncColumns, Base):
    """A person who signs in; the password is kept only as a scrypt hash."""

    __tablename__ = "users"

    id: Mapped[str] = mapped_column(IdColumn, primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(300))
    phone: Mapped[str] = mapped_column(String(20), default="")
    desk_id: Mapped[str | None] = mapped_column(ForeignKey("desks.id"))
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column()

    roles: Mapped[list[UserRole]] = relationship(cascade="all, delete-orphan", lazy="selectin")

    @property
    def role_names(self) -> set[str]:
        return {r.role for r in self.roles}


class UserRole(SyncColumns, Base):
    """One role a user holds: officer, postal, supervisor or admin."""

    __tablename__ = "user_roles"
    __table_args__ = (CheckConstraint(_in("role", ROLES), name="role"),)

    user_id: Mapped[str] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(20), primary_key=True)


class CalendarEntry(SyncColumns, Base):
    """A day of the center's own calendar: an extra day off, or a make-up working day (làm bù)."""

    __tablename__ = "calendar_entries"
    __table_args__ = (CheckConstraint(_in("kind", CALENDAR_KINDS), name="kind"),)

    id: Mapped[str] = mapped_column(IdColumn, primary_key=True, default=new_id)
    day: Mapped[date] = mapped_column(Date, unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")


class Printer(SyncColumns, Base):
    """A printer known to the center, by connection URI (see DESIGN.md, printing)."""

    __tablename__ = "printers"
    __table_args__ = (CheckConstraint(_in("kind", PRINTER_KINDS), name="kind"),)

    id: Mapped[str] = mapped_column(IdColumn, primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    uri: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20))
    paper_width_mm: Mapped[int | None] = mapped_column(Integer)
    desk_id: Mapped[str | None] = mapped_column(ForeignKey("desks.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
