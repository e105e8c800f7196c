"""Returning results to citizens, and the citizen's rating of the officer who served them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from counter_app.db import Database
from counter_app.domain.cccd import validate_id_number
from counter_app.domain.errors import InvalidInput, NotFound
from counter_app.domain.status import Status
from counter_app.domain.text import nfc
from counter_app.models import Dossier, DossierEvent, Rating
from counter_app.models.base import utcnow
from counter_app.models.dossier import RATING_LEVELS
from counter_app.services.dossiers import StatusChange, change_status
from counter_app.services.recording import Actor, add_outbox, audit

RATING_VI = {
    "very_satisfied": "Rất hài lòng",
    "satisfied": "Hài lòng",
    "unsatisfied": "Không hài lòng",
}


def return_result(
    db: Database,
    code: str,
    actor: Actor,
    *,
    id_number: str,
    received_by: str = "",
    authorization: str = "",
    at: datetime | None = None,
) -> StatusChange:
    """Hand the result over (status 10) after checking the ID of the person who takes it.

    The ID must be the applicant's; someone else may take it only with an authorization
    (giấy ủy quyền) named in `authorization`, and their own name in `received_by`."""
    checked = validate_id_number(id_number)
    with db.read() as session:
        d = session.scalar(select(Dossier).where(Dossier.code == nfc(code)))
        if d is None:
            raise NotFound(f"Không có hồ sơ mã {code} / No dossier with code {code}")
        applicant_id, applicant = d.applicant_id_number, d.applicant_name
    taker = nfc(received_by) or applicant
    if applicant_id and checked != applicant_id and not nfc(authorization):
        raise InvalidInput(
            "Số CCCD không khớp người nộp hồ sơ; người nhận thay cần giấy ủy quyền / "
            "The ID does not match the applicant; someone else needs an authorization"
        )
    return change_status(
        db,
        code,
        Status.RETURNED,
        actor,
        at=at,
        details={
            "received_by": taker,
            "id_number": checked,
            "authorization": nfc(authorization),
        },
    )


@dataclass(frozen=True, slots=True)
class RatingView:
    id: str
    level: str
    label: str
    reason: str
    at: datetime


def rate(
    db: Database,
    actor: Actor,
    level: str,
    *,
    reason: str = "",
    code: str | None = None,
    ticket_id: str | None = None,
    at: datetime | None = None,
) -> RatingView:
    """Record the citizen's rating of the officer `actor`; a reason is required when unsatisfied."""
    if level not in RATING_LEVELS:
        raise InvalidInput(
            f"Mức đánh giá không hợp lệ: {level} ({', '.join(RATING_LEVELS)}) / Invalid rating"
        )
    reason = nfc(reason)
    if level == "unsatisfied" and not reason:
        raise InvalidInput(
            "Cần ghi lý do khi không hài lòng / A reason is required for “Không hài lòng”"
        )
    at = at or utcnow()
    with db.write() as session:
        dossier = None
        if code is not None:
            dossier = session.scalar(select(Dossier).where(Dossier.code == nfc(code)))
            if dossier is None:
                raise NotFound(f"Không có hồ sơ mã {code} / No dossier with code {code}")
        row = Rating(
            dossier_id=dossier.id if dossier else None,
            ticket_id=ticket_id,
            officer_user_id=actor.user_id,
            desk_id=actor.desk_id,
            level=level,
            reason=reason,
            at=at,
            origin_desk_id=actor.desk_id,
        )
        session.add(row)
        session.flush()
        add_outbox(session, row, "append")
        if dossier is not None:
            event = DossierEvent(
                dossier_id=dossier.id,
                kind="rating",
                at=at,
                actor_user_id=actor.user_id,
                actor_name=actor.name,
                desk_id=actor.desk_id,
                reason=reason,
                data={"level": level},
                origin_desk_id=actor.desk_id,
            )
            session.add(event)
            session.flush()
            add_outbox(session, event, "append")
        audit(session, actor, "rating.add", entity="ratings", entity_id=row.id,
              details={"level": level})  # fmt: skip
        return RatingView(row.id, level, RATING_VI[level], reason, at)
