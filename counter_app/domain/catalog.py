"""Plain descriptions of the procedure catalog, shared by the demo center and catalog import."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import time


class DurationUnit(enum.StrEnum):
    """How a procedure's statutory duration is counted (DOMAIN.md, due time)."""

    WORKING_DAYS = "working_days"
    WORKING_HOURS = "working_hours"
    CALENDAR_DAYS = "calendar_days"


@dataclass(frozen=True, slots=True)
class Duration:
    """A statutory duration: an amount of a unit; `same_day_cutoff` marks same-day procedures.

    A same-day procedure has amount 0 working days (settled the day it is received) and a
    cut-off time: received after it, it is due at the end of the next working day.
    """

    unit: DurationUnit
    amount: float
    same_day_cutoff: time | None = None

    @property
    def is_same_day(self) -> bool:
        return self.same_day_cutoff is not None

    def label_vi(self) -> str:
        """Return the duration as Vietnamese text, e.g. "3 ngày làm việc"."""
        if self.is_same_day:
            assert self.same_day_cutoff is not None
            return f"Trong ngày (tiếp nhận trước {self.same_day_cutoff:%H:%M})"
        amount = f"{self.amount:g}".replace(".", ",")
        return {
            DurationUnit.WORKING_DAYS: f"{amount} ngày làm việc",
            DurationUnit.WORKING_HOURS: f"{amount} giờ làm việc",
            DurationUnit.CALENDAR_DAYS: f"{amount} ngày",
        }[self.unit]


class DocumentKind(enum.StrEnum):
    """The form in which a document is handed in."""

    ORIGINAL = "original"  # bản chính
    CERTIFIED_COPY = "certified_copy"  # bản sao chứng thực
    PHOTOCOPY = "photocopy"  # bản photo / bản sao


DOCUMENT_KIND_VI = {
    DocumentKind.ORIGINAL: "Bản chính",
    DocumentKind.CERTIFIED_COPY: "Bản sao chứng thực",
    DocumentKind.PHOTOCOPY: "Bản photo",
}


@dataclass(frozen=True, slots=True)
class ChecklistItemSpec:
    """One document of a procedure's checklist (thành phần hồ sơ)."""

    name: str
    required: bool = True
    kind: DocumentKind = DocumentKind.ORIGINAL
    count: int = 1


@dataclass(frozen=True, slots=True)
class DepartmentSpec:
    """A department (sở, ban, ngành) or other unit whose procedures the center receives."""

    code: str
    name: str
    short_name: str
    saturday_reception: bool = False
    ident_code: str = ""  # electronic identification code (mã định danh), used in dossier codes


@dataclass(frozen=True, slots=True)
class ProcedureSpec:
    """One administrative procedure (thủ tục hành chính) of the catalog.

    `fee` is in integer đồng (0: free)."""

    code: str
    name: str
    department_code: str
    duration: Duration
    fee: int = 0
    fee_note: str = ""
    saturday_reception: bool = False
    on_the_spot: bool = False  # "4 tại chỗ"
    field: str = ""  # lĩnh vực
    checklist: tuple[ChecklistItemSpec, ...] = dataclass_field(default_factory=tuple)
