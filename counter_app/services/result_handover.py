"""Handing a result over at the returns desk: `return_result` (the ID check, status 10), then
the result slip queued on the thermal printer when there is one.

The slip is queued after the return is committed, in its own transaction: a printer that is not
set up or a bad URI must never undo a result the citizen already holds in their hands.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from counter_app.db import Database
from counter_app.domain.errors import CounterError
from counter_app.domain.status import Status
from counter_app.services.dossiers import StatusChange, get_dossier
from counter_app.services.print_docs import print_result_slip, printer_profile
from counter_app.services.print_queue import JobView
from counter_app.services.recording import Actor
from counter_app.services.returns import return_result


@dataclass(frozen=True, slots=True)
class HandedOver:
    change: StatusChange
    taken_by: str  # the applicant, or the person with the authorization
    slip: JobView | None = None  # the result slip's print job, when a receipt printer is set
    problem: str = ""  # why the slip was not queued ("" when it was, or no printer is set)


def hand_over_result(
    db: Database,
    code: str,
    actor: Actor,
    *,
    id_number: str,
    received_by: str = "",
    authorization: str = "",
    receipt_printer: str = "",
    paper: str = "80",
    at: datetime | None = None,
) -> HandedOver:
    """Return the result of dossier `code` after the ID check of `return_result` (raises as it
    does, nothing written), then queue the result slip on `receipt_printer` if set."""
    change = return_result(
        db,
        code,
        actor,
        id_number=id_number,
        received_by=received_by,
        authorization=authorization,
        at=at,
    )
    view = get_dossier(db, change.code)
    taken_by = next(
        (
            str(e.data.get("received_by") or view.applicant_name)
            for e in reversed(view.events)
            if e.kind == "status" and e.to_status == Status.RETURNED
        ),
        view.applicant_name,
    )
    if not receipt_printer:
        return HandedOver(change, taken_by)
    try:
        printed = print_result_slip(
            db,
            change.code,
            printer_uri=receipt_printer,
            profile=printer_profile(paper),
            actor=actor,
        )
    except CounterError as exc:
        return HandedOver(change, taken_by, problem=exc.message)
    return HandedOver(change, taken_by, slip=printed.job)
