"""The procedure catalog: loading it (demo, CSV/XLSX import), searching it, reading one entry."""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass
from datetime import time

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from counter_app.db import Database
from counter_app.domain.catalog import (
    ChecklistItemSpec,
    DepartmentSpec,
    DocumentKind,
    Duration,
    DurationUnit,
    ProcedureSpec,
)
from counter_app.domain.errors import NotFound
from counter_app.domain.search import ProcedureIndex, SearchDoc
from counter_app.models import ChecklistItem, Procedure, Unit
from counter_app.services.recording import SYSTEM, Actor, audit


@dataclass(frozen=True, slots=True)
class ImportSummary:
    departments_added: int
    departments_updated: int
    procedures_added: int
    procedures_updated: int
    procedures_unchanged: int


@dataclass(frozen=True, slots=True)
class ProcedureSummary:
    """One search result: what the intake screen lists."""

    code: str
    name: str
    department_code: str
    department: str
    duration: str
    fee: int


@dataclass(frozen=True, slots=True)
class ProcedureDetail:
    """A procedure with its checklist, as the intake screen shows it beside the form."""

    id: str
    code: str
    name: str
    department_id: str
    department_code: str
    department: str
    field: str
    duration: Duration
    fee: int
    fee_note: str
    saturday_reception: bool
    on_the_spot: bool
    checklist: tuple[ChecklistItemSpec, ...]


def procedure_duration(p: Procedure) -> Duration:
    """Return the Duration of a procedure row."""
    cutoff = None
    if p.same_day_cutoff:
        hh, mm = p.same_day_cutoff.split(":")
        cutoff = time(int(hh), int(mm))
    return Duration(DurationUnit(p.duration_unit), p.duration_amount, cutoff)


def _spec_checklist(p: Procedure) -> tuple[ChecklistItemSpec, ...]:
    return tuple(
        ChecklistItemSpec(c.name, c.required, DocumentKind(c.kind), c.count) for c in p.checklist
    )


def load_catalog(
    session: Session,
    departments: list[DepartmentSpec],
    procedures: list[ProcedureSpec],
    actor: Actor = SYSTEM,
    *,
    source: str = "",
) -> ImportSummary:
    """Add or update departments and procedures (matched by code) in the caller's transaction.

    A procedure whose fields or checklist differ is updated; its checklist is replaced whole.
    Procedures absent from the input are left as they are (an import adds and corrects)."""
    units = {u.code: u for u in session.scalars(select(Unit))}
    dep_added = dep_updated = 0
    for d in departments:
        unit = units.get(d.code)
        if unit is None:
            unit = Unit(
                code=d.code,
                name=d.name,
                short_name=d.short_name,
                kind=_unit_kind(d),
                saturday_reception=d.saturday_reception,
                ident_code=d.ident_code,
            )
            session.add(unit)
            units[d.code] = unit
            dep_added += 1
        elif (unit.name, unit.short_name, unit.saturday_reception) != (
            d.name,
            d.short_name,
            d.saturday_reception,
        ) or (d.ident_code and d.ident_code != unit.ident_code):
            unit.name, unit.short_name = d.name, d.short_name
            unit.saturday_reception = d.saturday_reception
            unit.ident_code = d.ident_code or unit.ident_code
            dep_updated += 1
    session.flush()

    existing = {
        p.code: p
        for p in session.scalars(select(Procedure).options(selectinload(Procedure.checklist)))
    }
    added = updated = unchanged = 0
    for spec in procedures:
        unit = units.get(spec.department_code)
        if unit is None:
            raise NotFound(
                f"Không có đơn vị {spec.department_code} cho thủ tục {spec.code} / "
                f"Unknown department {spec.department_code} for procedure {spec.code}"
            )
        values = {
            "name": spec.name,
            "department_id": unit.id,
            "field": spec.field,
            "duration_unit": spec.duration.unit.value,
            "duration_amount": float(spec.duration.amount),
            "same_day_cutoff": (
                f"{spec.duration.same_day_cutoff:%H:%M}" if spec.duration.same_day_cutoff else None
            ),
            "fee": spec.fee,
            "fee_note": spec.fee_note,
            "saturday_reception": spec.saturday_reception,
            "on_the_spot": spec.on_the_spot,
        }
        row = existing.get(spec.code)
        if row is None:
            row = Procedure(code=spec.code, **values)
            row.checklist = _checklist_rows(spec)
            session.add(row)
            added += 1
            continue
        changed = any(getattr(row, k) != v for k, v in values.items())
        if _spec_checklist(row) != spec.checklist:
            row.checklist = _checklist_rows(spec)
            changed = True
        if changed:
            for k, v in values.items():
                setattr(row, k, v)
            updated += 1
        else:
            unchanged += 1
    summary = ImportSummary(dep_added, dep_updated, added, updated, unchanged)
    audit(
        session,
        actor,
        "catalog.import",
        entity="procedures",
        details={"source": source, **asdict(summary)},
        outbox=False,  # reference data is authored centrally and pulled, never pushed
    )
    _index_cache.clear()
    return summary


def _unit_kind(d: DepartmentSpec) -> str:
    folded = d.name.lower()
    if "điện lực" in folded:
        return "company"
    if "công chứng" in folded:
        return "notary"
    return "department"


def _checklist_rows(spec: ProcedureSpec) -> list[ChecklistItem]:
    return [
        ChecklistItem(
            position=i, name=c.name, required=c.required, kind=c.kind.value, count=c.count
        )
        for i, c in enumerate(spec.checklist, start=1)
    ]


# --- search ---------------------------------------------------------------------------------

_index_lock = threading.Lock()
_index_cache: dict[tuple[str, int, str], tuple[ProcedureIndex, dict[str, ProcedureSummary]]] = {}


def _index(session: Session, url: str) -> tuple[ProcedureIndex, dict[str, ProcedureSummary]]:
    # Rebuilt when the catalog changes: keyed on the row count and the newest update.
    count, newest = session.execute(
        select(func.count(Procedure.id), func.max(Procedure.updated_at))
    ).one()
    key = (url, int(count), str(newest))
    with _index_lock:
        hit = _index_cache.get(key)
        if hit is not None:
            return hit
    rows = session.execute(
        select(Procedure, Unit.code, Unit.short_name, Unit.name)
        .join(Unit, Procedure.department_id == Unit.id)
        .where(Procedure.active)
        .order_by(Procedure.code)
    ).all()
    docs = []
    summaries = {}
    for p, dep_code, dep_short, dep_name in rows:
        docs.append(SearchDoc(key=p.code, code=p.code, name=p.name, group=dep_code))
        summaries[p.code] = ProcedureSummary(
            code=p.code,
            name=p.name,
            department_code=dep_code,
            department=dep_short or dep_name,
            duration=procedure_duration(p).label_vi(),
            fee=p.fee,
        )
    built = (ProcedureIndex(docs), summaries)
    with _index_lock:
        _index_cache.clear()
        _index_cache[key] = built
    return built


def search_procedures(
    db: Database, text: str, limit: int = 20, department: str | None = None
) -> list[ProcedureSummary]:
    """Return procedures matching `text` (code, name, initials, any diacritics), best first."""
    with db.read() as session:
        index, summaries = _index(session, db.url)
    return [summaries[h.key] for h in index.search(text, limit=limit, group=department)]


def get_procedure(session: Session, code: str) -> ProcedureDetail:
    """Return one active procedure with its checklist; NotFound if no such code."""
    row = session.execute(
        select(Procedure, Unit)
        .join(Unit, Procedure.department_id == Unit.id)
        .options(selectinload(Procedure.checklist))
        .where(Procedure.code == code.strip())
    ).first()
    if row is None or not row[0].active:
        raise NotFound(
            f"Không có thủ tục mã {code} trong danh mục / No procedure {code} in the catalog"
        )
    p, unit = row
    return ProcedureDetail(
        id=p.id,
        code=p.code,
        name=p.name,
        department_id=unit.id,
        department_code=unit.code,
        department=unit.name,
        field=p.field,
        duration=procedure_duration(p),
        fee=p.fee,
        fee_note=p.fee_note,
        saturday_reception=p.saturday_reception,
        on_the_spot=p.on_the_spot,
        checklist=_spec_checklist(p),
    )
