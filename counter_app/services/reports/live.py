"""The live list for supervisors: dossiers overdue or due within N working days, with who holds
them now (issue 9, part 2)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from counter_app.db import Database
from counter_app.domain.errors import InvalidInput, NotFound
from counter_app.domain.status import Status
from counter_app.models import Dossier, DossierEvent, Procedure, Unit
from counter_app.models.base import utcnow
from counter_app.services.reports.model import LiveRow
from counter_app.services.workcal import load_calendar

D = Dossier
E = DossierEvent
# Dossiers the center is still working on; 5 (waiting for the citizen's supplement) is left out:
# its clock is stopped, nobody at the center can move it.
WORKING = (Status.NEW, Status.RECEIVED, Status.PROCESSING, Status.FINANCIAL)
LIMIT = 2000


def live_list(
    db: Database,
    *,
    within_days: int = 2,
    department: str | None = None,
    now: datetime | None = None,
) -> list[LiveRow]:
    """Return the dossiers still being settled whose due time is past or comes within
    `within_days` working days from `now` (the working calendar's days), most overdue first
    (at most 2,000), optionally only those of the department with unit code `department`.

    `holder` is where the last hand-off sent the dossier, else its department. Raises
    InvalidInput for a negative number of days, NotFound for an unknown department code."""
    if within_days < 0:
        raise InvalidInput("Số ngày phải ≥ 0 / The number of days must be ≥ 0")
    now = now or utcnow()
    with db.read() as session:
        horizon = load_calendar(session).add_working_time(now, timedelta(hours=8 * within_days))
        query = (
            select(
                D.id,
                D.code,
                Procedure.name,
                Unit.name,
                D.applicant_name,
                D.received_at,
                D.due_at,
                D.status,
            )
            .join(Procedure, Procedure.id == D.procedure_id)
            .join(Unit, Unit.id == D.unit_id)
            .where(
                D.finished_at.is_(None),
                D.status.in_([int(s) for s in WORKING]),
                D.due_at <= horizon,
            )
            .order_by(D.due_at, D.code)
            .limit(LIMIT)
        )
        if department:
            unit_id = session.scalar(select(Unit.id).where(Unit.code == department.strip()))
            if unit_id is None:
                raise NotFound(f"Không có đơn vị mã {department} / No unit with code {department}")
            query = query.where(D.unit_id == unit_id)
        rows = session.execute(query).all()
        holders = _holders(session, [r[0] for r in rows])
    return [
        LiveRow(
            code=code,
            procedure=proc,
            department=unit,
            applicant=applicant,
            received_at=received,
            due_at=due,
            status=status,
            status_label=Status(status).label_vi,
            holder=holders.get(dossier_id) or unit,
            overdue_by_hours=round((now - due).total_seconds() / 3600, 2),
        )
        for dossier_id, code, proc, unit, applicant, received, due, status in rows
    ]


def _holders(session: Session, ids: list[str]) -> dict[str, str]:
    """The receiver named by each dossier's last hand-off event ("to" of its data)."""
    out: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        last = (
            select(E.dossier_id, func.max(E.at).label("at"))
            .where(E.kind == "handoff", E.dossier_id.in_(chunk))
            .group_by(E.dossier_id)
            .subquery()
        )
        for dossier_id, data in session.execute(
            select(E.dossier_id, E.data)
            .join(last, and_(last.c.dossier_id == E.dossier_id, last.c.at == E.at))
            .where(E.kind == "handoff")
        ):
            out[dossier_id] = str((data or {}).get("to", "")).strip()
    return out
