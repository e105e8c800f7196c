"""Reference data of the catalog: units (center, departments), procedures and their checklists."""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from counter_app.models.base import Base, IdColumn, SyncColumns, new_id

UNIT_KINDS = ("center", "department", "company", "notary", "other")
DURATION_UNITS = ("working_days", "working_hours", "calendar_days")
DOCUMENT_KINDS = ("original", "certified_copy", "photocopy")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Unit(SyncColumns, Base):
    """An organisational unit: the center itself, a department, the electricity company..."""

    __tablename__ = "units"
    __table_args__ = (CheckConstraint(_in("kind", UNIT_KINDS), name="kind"),)

    id: Mapped[str] = mapped_column(IdColumn, primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str] = mapped_column(String(80), default="")
    kind: Mapped[str] = mapped_column(String(20))
    # The unit's electronic identification code (mã định danh điện tử), used in dossier codes.
    ident_code: Mapped[str] = mapped_column(String(40), default="")
    saturday_reception: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    procedures: Mapped[list[Procedure]] = relationship(back_populates="department")


class Procedure(SyncColumns, Base):
    """An administrative procedure (thủ tục hành chính) with its statutory duration and fee."""

    __tablename__ = "procedures"
    __table_args__ = (
        CheckConstraint(_in("duration_unit", DURATION_UNITS), name="duration_unit"),
        CheckConstraint("duration_amount >= 0", name="duration_amount"),
        CheckConstraint("fee >= 0", name="fee"),
    )

    id: Mapped[str] = mapped_column(IdColumn, primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(Text)
    department_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    field: Mapped[str] = mapped_column(String(200), default="")
    duration_unit: Mapped[str] = mapped_column(String(20))
    duration_amount: Mapped[float] = mapped_column(Float)
    # "HH:MM" for same-day procedures (received after it: due the next working day).
    same_day_cutoff: Mapped[str | None] = mapped_column(String(5))
    fee: Mapped[int] = mapped_column(Integer, default=0)  # integer đồng
    fee_note: Mapped[str] = mapped_column(Text, default="")
    saturday_reception: Mapped[bool] = mapped_column(Boolean, default=False)
    on_the_spot: Mapped[bool] = mapped_column(Boolean, default=False)  # "4 tại chỗ"
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    department: Mapped[Unit] = relationship(back_populates="procedures")
    checklist: Mapped[list[ChecklistItem]] = relationship(
        back_populates="procedure",
        order_by="ChecklistItem.position",
        cascade="all, delete-orphan",
    )


class ChecklistItem(SyncColumns, Base):
    """One document a procedure asks for (thành phần hồ sơ)."""

    __tablename__ = "checklist_items"
    __table_args__ = (
        CheckConstraint(_in("kind", DOCUMENT_KINDS), name="kind"),
        CheckConstraint("count >= 1", name="count"),
    )

    id: Mapped[str] = mapped_column(IdColumn, primary_key=True, default=new_id)
    procedure_id: Mapped[str] = mapped_column(
        ForeignKey("procedures.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    kind: Mapped[str] = mapped_column(String(20), default="original")
    count: Mapped[int] = mapped_column(Integer, default=1)

    procedure: Mapped[Procedure] = relationship(back_populates="checklist")
