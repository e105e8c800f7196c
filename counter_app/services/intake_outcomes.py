"""The two other outcomes of a visit to the desk: a supplement request (form 02) and a refusal
(form 03), each recorded as a dossier in ONE transaction.

Why not `create_dossier` followed by `change_status`:
- `create_dossier` enforces the checklist's required documents, and a supplement or a refusal is
  exactly the case where they are missing: it would either refuse, or record as received papers
  that were not handed in;
- it records the dossier as "2 Được tiếp nhận", and the status table (domain/status.py) allows a
  refusal only from "1 Mới đăng ký": a dossier the desk turns away was never received;
- two transactions could leave a dossier received whose refusal failed.
So the dossier is registered here as 1 (with only the documents actually handed in), and moved to
5 or 3 by the ordinary status change (`apply_status_change`) in the same transaction: the pause of the due
clock, the finish time, the event, audit and outbox rows are exactly those of any status change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from counter_app.db import Database
from counter_app.domain.catalog import DocumentKind
from counter_app.domain.errors import InvalidInput
from counter_app.domain.status import Status
from counter_app.domain.text import fold, nfc
from counter_app.models import ChecklistItem
from counter_app.services.catalog import get_procedure
from counter_app.services.dossiers import apply_status_change

# Registration is create_dossier's own, so a refused dossier is checked and numbered exactly like
# a received one (a code is never reused).
from counter_app.services.intake import (
    LOCAL_TZ,
    IntakeRequest,
    ItemInput,
    check_request,
    checklist_rows,
    register_dossier,
)
from counter_app.services.recording import Actor

OUTCOMES = (Status.SUPPLEMENT, Status.REFUSED)


@dataclass(frozen=True, slots=True)
class MissingItem:
    """A document the applicant must add or correct (a row of form 02)."""

    name: str
    kind: str = DocumentKind.ORIGINAL.value
    count: int = 1
    note: str = ""


@dataclass(frozen=True, slots=True)
class OutcomeResult:
    dossier_id: str
    code: str
    status: int  # 5 or 3
    reason: str
    received_at: datetime  # local
    due_at: datetime  # local; for a supplement request, moved later when it is supplemented


def record_intake_outcome(
    db: Database,
    req: IntakeRequest,
    actor: Actor,
    *,
    outcome: Status | int,
    reason: str,
    missing: Sequence[MissingItem] = (),
    rules_reference: str = "",
    now: datetime | None = None,
) -> OutcomeResult:
    """Record a visit that ends in a supplement request (5) or a refusal (3); return the code.

    `req.items` are the documents actually handed in (none required); `missing` (supplement
    only) lists what to add. Raises InvalidInput or NotFound, and writes nothing, for bad input:
    no reason, a supplement request without documents to add, a bad applicant or item."""
    target = Status(int(outcome))
    if target not in OUTCOMES:
        raise InvalidInput(
            "Chỉ ghi được yêu cầu bổ sung (5) hoặc từ chối tiếp nhận (3) / Only outcomes 5 or 3"
        )
    reason = nfc(reason)
    if not reason:
        raise InvalidInput(
            f"Cần ghi lý do {'yêu cầu bổ sung' if target == Status.SUPPLEMENT else 'từ chối'} / "
            "A reason is required"
        )
    wanted = checked_missing(missing) if target == Status.SUPPLEMENT else []
    checked = check_request(req, now)
    with db.write() as session:
        proc = get_procedure(session, req.procedure_code)
        items = _handed_in(req.items or [], checklist_rows(session, proc.id))
        dossier = register_dossier(
            session,
            checked,
            proc,
            actor,
            status=Status.NEW,
            items=items,
            in_ledger=False,  # not received: not entered in the ledger
            action="dossier.register",
            event_data={"at_desk": True},
            audit_details={"outcome": int(target)},
        )
        details: dict[str, Any] = {"at_desk": True}
        if target == Status.SUPPLEMENT:
            details |= supplement_details(wanted, rules_reference)
        change = apply_status_change(
            session,
            dossier.code,
            target,
            actor,
            reason=reason,
            at=max(checked.now, checked.received),
            details=details,
        )
        code = dossier.code
        received = checked.received
        return OutcomeResult(
            dossier_id=dossier.id,
            code=code,
            status=int(target),
            reason=reason,
            received_at=received.astimezone(LOCAL_TZ),
            due_at=change.due_at,
        )


def checked_missing(missing: Sequence[MissingItem]) -> list[MissingItem]:
    """Return the documents a supplement request asks for, checked and NFC-normalized.

    Raises InvalidInput for none at all, a nameless one, a bad kind or count."""
    wanted = [_missing(m, n) for n, m in enumerate(missing, start=1)]
    if not wanted:
        raise InvalidInput(
            "Yêu cầu bổ sung cần ít nhất một giấy tờ phải bổ sung / "
            "A supplement request needs at least one document to add"
        )
    return wanted


def supplement_details(wanted: Sequence[MissingItem], rules_reference: str) -> dict[str, Any]:
    """Return what the status-5 event keeps of a supplement request (form 02 is made from it)."""
    rows = [{"name": m.name, "kind": m.kind, "count": m.count, "note": m.note} for m in wanted]
    details: dict[str, Any] = {"missing": rows}
    if nfc(rules_reference):
        details["rules_reference"] = nfc(rules_reference)
    return details


def _kind(value: str, name: str) -> str:
    kinds = [k.value for k in DocumentKind]
    if value not in kinds:
        raise InvalidInput(
            f"Giấy tờ “{name}”: loại “{value}” không hợp lệ (dùng {', '.join(kinds)}) / "
            "Invalid kind"
        )
    return value


def _count(value: int, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 999:
        raise InvalidInput(f"Giấy tờ “{name}”: số lượng phải từ 1 / Count must be 1 or more")
    return value


def _missing(m: MissingItem, n: int) -> MissingItem:
    name = nfc(m.name)
    if not name:
        raise InvalidInput(f"Giấy tờ cần bổ sung thứ {n} thiếu tên / Missing item {n} has no name")
    return MissingItem(name, _kind(m.kind, name), _count(m.count, name), nfc(m.note))


def _handed_in(
    requested: Sequence[ItemInput], checklist: list[ChecklistItem]
) -> list[tuple[ItemInput, str | None]]:
    """The documents handed in, each with the checklist item it matches (none is required)."""
    by_name = {fold(c.name): c for c in checklist}
    out: list[tuple[ItemInput, str | None]] = []
    for n, item in enumerate(requested, start=1):
        name = nfc(item.name)
        if not name:
            raise InvalidInput(f"Giấy tờ thứ {n} thiếu tên / Item {n} has no name")
        match = by_name.get(fold(name))
        out.append(
            (
                ItemInput(name, _kind(item.kind, name), _count(item.count, name)),
                match.id if match else None,
            )
        )
    return out
