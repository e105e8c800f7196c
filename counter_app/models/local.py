"""Tables that belong to one desk's database only: settings, code counters, print jobs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.models.base import Base, IdColumn, new_id, utcnow
from counter_app.models.catalog import _in

PRINT_JOB_STATES = ("queued", "sending", "done", "failed")


class AppMeta(Base):
    """Key/value facts about this database: its desk, the receiving unit, schema origin."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CodeCounter(Base):
    """The last sequence number handed out in a code scope (e.g. one unit on one day).

    Incremented in the same write transaction that inserts the dossier, so a number is used
    once at most; a rolled-back transaction gives its number back, a committed one never."""

    __tablename__ = "code_counters"

    scope: Mapped[str] = mapped_column(String(200), primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer, default=0)


class PrintJob(Base):
    """A print job, stored before a byte is sent, so none is lost across a crash."""

    __tablename__ = "print_jobs"
    __table_args__ = (CheckConstraint(_in("state", PRINT_JOB_STATES), name="state"),)

    id: Mapped[str] = mapped_column(IdColumn, primary_key=True, default=new_id)
    printer_uri: Mapped[str] = mapped_column(String(300))
    document: Mapped[str] = mapped_column(String(40))  # ticket, receipt, form1, ...
    params: Mapped[dict[str, Any]] = mapped_column(default=dict)
    dossier_id: Mapped[str | None] = mapped_column(ForeignKey("dossiers.id"))
    state: Mapped[str] = mapped_column(String(10), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    reprint_of: Mapped[str | None] = mapped_column(ForeignKey("print_jobs.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column()
