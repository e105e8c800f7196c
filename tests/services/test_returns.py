"""Returning results after an ID check, and ratings (a reason for "Không hài lòng")."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from small_catalog import GPLX
from sqlalchemy import func, select

from counter_app.domain.errors import InvalidInput, NotAllowed
from counter_app.domain.status import Status
from counter_app.models import Rating
from counter_app.services.dossiers import change_status, get_dossier
from counter_app.services.intake import Applicant, IntakeRequest, create_dossier
from counter_app.services.recording import Actor
from counter_app.services.returns import rate, return_result

VN = ZoneInfo("Asia/Ho_Chi_Minh")
AT = datetime(2025, 3, 12, 10, 0, tzinfo=VN)
ACTOR = Actor(None, "Nguyễn Thị Hương")


def _ready(db) -> str:
    req = IntakeRequest(GPLX, Applicant("Trần Văn An", "020095001234"), received_at=AT)
    code = create_dossier(db, req, ACTOR, now=AT).code
    change_status(db, code, Status.RESULT_READY, ACTOR, at=AT)
    return code


def test_return_checks_the_id_of_who_takes_the_result(small_db) -> None:
    code = _ready(small_db)
    with pytest.raises(InvalidInput, match="không khớp"):
        return_result(small_db, code, ACTOR, id_number="020095009999")
    with pytest.raises(InvalidInput, match="12"):
        return_result(small_db, code, ACTOR, id_number="123")
    assert get_dossier(small_db, code).status == 9
    return_result(small_db, code, ACTOR, id_number="020095009999", received_by="Trần Thị Bình",
                  authorization="Giấy ủy quyền số 12/UQ")  # fmt: skip
    view = get_dossier(small_db, code)
    assert view.status == 10 and view.events[-1].data["received_by"] == "Trần Thị Bình"
    with pytest.raises(NotAllowed):
        return_result(small_db, code, ACTOR, id_number="020095001234")


def test_ratings(small_db) -> None:
    code = _ready(small_db)
    with pytest.raises(InvalidInput, match="lý do"):
        rate(small_db, ACTOR, "unsatisfied", code=code)
    with pytest.raises(InvalidInput, match="Mức"):
        rate(small_db, ACTOR, "excellent", code=code)
    r = rate(small_db, ACTOR, "unsatisfied", reason="Chờ lâu", code=code)
    assert r.label == "Không hài lòng"
    rate(small_db, ACTOR, "very_satisfied")
    with small_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Rating)) == 2
    assert get_dossier(small_db, code).events[-1].kind == "rating"
