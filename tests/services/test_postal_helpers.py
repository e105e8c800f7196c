"""Dossiers in the states the postal tests need, on the small catalog (tests/services/conftest.py)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from small_catalog import GPLX, HOURS

from counter_app.domain.status import Channel, Status
from counter_app.services.dossiers import change_status
from counter_app.services.intake import Applicant, IntakeRequest, PostReturn, create_dossier
from counter_app.services.recording import Actor

VN = ZoneInfo("Asia/Ho_Chi_Minh")
AT = datetime(2026, 11, 23, 9, 15, tzinfo=VN)
ACTOR = Actor(None, "Lương Thị Thu Trang")
HOME = PostReturn("Số 5 Lê Lợi, phường Vĩnh Trại, TP. Lạng Sơn", "0912345678", "Trần Văn An")


def dossier(
    db,
    *,
    procedure: str = GPLX,
    post: bool = False,
    status: Status = Status.RECEIVED,
    name: str = "Trần Văn An",
    channel: Channel = Channel.DIRECT,
    at: datetime = AT,
) -> str:
    """A new dossier (received at `at`) moved to `status`; return its code."""
    req = IntakeRequest(
        procedure,
        Applicant(name, phone="0987654321"),
        channel=channel,
        received_at=at,
        return_by_post=HOME if post else None,
    )
    code = create_dossier(db, req, ACTOR, now=at).code
    if status != Status.RECEIVED:
        change_status(
            db,
            code,
            status,
            ACTOR,
            at=at + timedelta(minutes=1),
            reason="Thử" if status in (3, 5, 7, 8) else "",
        )
    return code


__all__ = ["ACTOR", "AT", "GPLX", "HOURS", "VN", "dossier"]
