"""The dossiers waiting to be digitized: handed in on paper (at the desk or by post), still open,
and with no scanned file yet (DOMAIN.md: officers digitize every dossier handed in on paper).
Read-only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import case, exists, func, select

from counter_app.db import Database
from counter_app.domain.calendar import CENTER_TZ
from counter_app.domain.status import Channel, Status
from counter_app.models import Dossier, DossierFile, DossierItem, Procedure, Unit
from counter_app.services.scans import ROLE

LOCAL_TZ = ZoneInfo(CENTER_TZ)
# Channels whose dossiers arrive as paper: online dossiers are digital already.
PAPER_CHANNELS = (Channel.DIRECT, Channel.POSTAL)
# Open statuses: a refused, withdrawn, stopped or settled dossier is no longer digitized.
OPEN_STATUSES = (
    Status.NEW,
    Status.RECEIVED,
    Status.PROCESSING,
    Status.SUPPLEMENT,
    Status.FINANCIAL,
)
DEFAULT_LIMIT = 200


@dataclass(frozen=True, slots=True)
class WaitingDossier:
    """A dossier waiting to be digitized, as the scan page lists it (time local)."""

    code: str
    applicant_name: str
    procedure_name: str
    department: str  # the department's short name (its name when it has none)
    received_at: datetime  # local
    received_by: str
    channel: int
    status: int
    items: int  # documents received (the dossier's checklist items)
    this_desk: bool  # received at the desk that asked


@dataclass(frozen=True, slots=True)
class WaitingList:
    """The newest waiting dossiers; `more` when the limit left some out."""

    dossiers: tuple[WaitingDossier, ...]
    more: bool


def dossiers_waiting_for_scan(
    db: Database,
    desk_id: str | None = None,
    *,
    only_desk: bool = False,
    limit: int = DEFAULT_LIMIT,
) -> WaitingList:
    """Return the open paper dossiers that have no scanned file yet: those received at
    `desk_id` first, then the newest first; only that desk's when `only_desk` (ignored without
    a desk). At most `limit` of them. Raises nothing of its own."""
    items = (
        select(func.count(DossierItem.id))
        .where(DossierItem.dossier_id == Dossier.id)
        .correlate(Dossier)
        .scalar_subquery()
    )
    scanned = exists().where(DossierFile.dossier_id == Dossier.id, DossierFile.role == ROLE)
    query = (
        select(
            Dossier.code,
            Dossier.applicant_name,
            Procedure.name,
            Unit.short_name,
            Unit.name,
            Dossier.received_at,
            Dossier.received_by_name,
            Dossier.channel,
            Dossier.status,
            Dossier.desk_id,
            items,
        )
        .join(Procedure, Procedure.id == Dossier.procedure_id)
        .join(Unit, Unit.id == Procedure.department_id)
        .where(
            Dossier.channel.in_([int(c) for c in PAPER_CHANNELS]),
            Dossier.status.in_([int(s) for s in OPEN_STATUSES]),
            ~scanned,
        )
    )
    if desk_id is not None and only_desk:
        query = query.where(Dossier.desk_id == desk_id)
    elif desk_id is not None:
        query = query.order_by(case((Dossier.desk_id == desk_id, 0), else_=1))
    query = query.order_by(Dossier.received_at.desc(), Dossier.code.desc()).limit(limit + 1)
    with db.read() as session:
        rows = session.execute(query).all()
    dossiers = tuple(
        WaitingDossier(
            code=code,
            applicant_name=applicant,
            procedure_name=procedure,
            department=short or department,
            received_at=received_at.astimezone(LOCAL_TZ),
            received_by=received_by,
            channel=channel,
            status=status,
            items=int(count or 0),
            this_desk=desk_id is not None and dossier_desk == desk_id,
        )
        for (
            code,
            applicant,
            procedure,
            short,
            department,
            received_at,
            received_by,
            channel,
            status,
            dossier_desk,
            count,
        ) in rows[:limit]
    )
    return WaitingList(dossiers, more=len(rows) > limit)
