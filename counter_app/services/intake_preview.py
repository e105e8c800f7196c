"""What the intake screen reads while the officer works: the departments to filter the search by,
a procedure's detail, the due time as it would be if the dossier were saved now, and what an
applicant gave on their last dossier. Reads only; nothing here writes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from counter_app.db import Database
from counter_app.domain.calendar import CENTER_TZ
from counter_app.domain.cccd import validate_id_number
from counter_app.domain.errors import InvalidInput, NotFound
from counter_app.models import Dossier, Procedure, Unit
from counter_app.services.catalog import ProcedureDetail, get_procedure, procedure_duration
from counter_app.services.workcal import load_calendar

LOCAL_TZ = ZoneInfo(CENTER_TZ)


@dataclass(frozen=True, slots=True)
class DepartmentOption:
    """A unit whose procedures the center receives (the search's department filter)."""

    code: str
    name: str
    short_name: str


@dataclass(frozen=True, slots=True)
class DuePreview:
    """The due time of a dossier of `procedure_code` received at `received_at` (both local)."""

    procedure_code: str
    received_at: datetime
    due_at: datetime
    duration: str  # Vietnamese, e.g. "10 ngày làm việc"
    rule_version: str


@dataclass(frozen=True, slots=True)
class KnownApplicant:
    """The contact details an applicant gave on their newest dossier (to offer them again)."""

    id_number: str
    phone: str
    email: str
    address: str
    last_code: str
    last_received_at: datetime  # local


def list_departments(db: Database) -> list[DepartmentOption]:
    """Return the units that have active procedures, by name."""
    with db.read() as session:
        rows = session.execute(
            select(Unit.code, Unit.name, Unit.short_name)
            .where(Unit.id.in_(select(Procedure.department_id).where(Procedure.active)))
            .order_by(Unit.name)
        ).all()
    return [DepartmentOption(code, name, short or name) for code, name, short in rows]


def procedure_detail(db: Database, code: str) -> ProcedureDetail:
    """Return one active procedure with its checklist; NotFound if there is no such code."""
    with db.read() as session:
        return get_procedure(session, code)


def due_preview(db: Database, procedure_code: str, received_at: datetime) -> DuePreview:
    """Return the due time a dossier of `procedure_code` received at `received_at` would get.

    The same calendar and rule as `create_dossier`. Raises NotFound for an unknown or inactive
    procedure, InvalidInput for a naive `received_at`."""
    if received_at.tzinfo is None:
        raise InvalidInput("Thời điểm tiếp nhận thiếu múi giờ / The receipt time has no time zone")
    with db.read() as session:
        proc = session.scalar(select(Procedure).where(Procedure.code == procedure_code.strip()))
        if proc is None or not proc.active:
            raise NotFound(
                f"Không có thủ tục mã {procedure_code} trong danh mục / "
                f"No procedure {procedure_code} in the catalog"
            )
        code, duration = proc.code, procedure_duration(proc)
        calendar = load_calendar(session)
    due = calendar.due_time(received_at, duration)
    return DuePreview(
        procedure_code=code,
        received_at=received_at.astimezone(LOCAL_TZ),
        due_at=due.astimezone(LOCAL_TZ),
        duration=duration.label_vi(),
        rule_version=calendar.rule_version,
    )


def applicant_history(db: Database, id_number: str) -> KnownApplicant | None:
    """Return the contacts on the newest dossier of the applicant with this CCCD number, or
    None when there is none. Raises InvalidInput for a number that is not a CCCD number."""
    number = validate_id_number(id_number)
    with db.read() as session:
        row = session.execute(
            select(
                Dossier.applicant_phone,
                Dossier.applicant_email,
                Dossier.applicant_address,
                Dossier.code,
                Dossier.received_at,
            )
            .where(Dossier.applicant_id_number == number)
            # The newest that has a phone: an older number beats none.
            .order_by((Dossier.applicant_phone != "").desc(), Dossier.received_at.desc())
            .limit(1)
        ).first()
    if row is None:
        return None
    phone, email, address, code, received = row
    return KnownApplicant(number, phone, email, address, code, received.astimezone(LOCAL_TZ))
