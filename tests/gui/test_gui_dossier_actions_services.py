"""The services behind the dossier view's actions and the returns page, without a window: the
apology (one transaction, nothing left behind when refused), the dossier's records, and the
hand-over with its result slip."""

from __future__ import annotations

from datetime import datetime

import pytest
from gui_helpers import NOW, VN

from counter_app.domain.errors import InvalidInput, NotAllowed
from counter_app.services.apology import issue_apology
from counter_app.services.catalog import search_procedures
from counter_app.services.dossier_records import apology_context, dossier_records
from counter_app.services.dossiers import change_status, get_dossier
from counter_app.services.intake import Applicant, IntakeRequest, create_dossier
from counter_app.services.print_queue import list_jobs
from counter_app.services.recording import Actor
from counter_app.services.result_handover import hand_over_result

ACTOR = Actor(None, "Nguyễn Thị Hương")
RECEIVED = datetime(2025, 3, 12, 10, 0, tzinfo=VN)
LATER = datetime(2025, 3, 20, 15, 0, tzinfo=VN)


@pytest.fixture
def code(demo_db) -> str:
    proc = search_procedures(demo_db, "chứng thực", limit=1)[0].code
    applicant = Applicant("Trần Văn An", "020095001234", "0912345678", "Phường Vĩnh Trại")
    return create_dossier(demo_db, IntakeRequest(proc, applicant), ACTOR, now=RECEIVED).code


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "forms"


def _apology(db, code, folder, **kw):
    args = {"new_due_at": LATER, "reason": "Chờ ý kiến", "responsible_unit": "Sở Tư pháp"}
    return issue_apology(db, code, ACTOR, folder=folder, now=NOW, **{**args, **kw})


def test_an_apology_for_a_result_ready_is_refused_and_leaves_nothing(demo_db, code, folder):
    change_status(demo_db, code, 9, ACTOR)
    with pytest.raises(NotAllowed, match="không cần phiếu xin lỗi"):
        _apology(demo_db, code, folder)
    assert not folder.exists() or list(folder.iterdir()) == []
    assert [e.kind for e in get_dossier(demo_db, code).events] == ["status", "status"]


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"reason": " "}, "Cần ghi lý do chậm trả"),
        ({"responsible_unit": ""}, "Cần ghi đơn vị gây chậm trễ"),
        ({"new_due_at": datetime(2025, 3, 13, 8, 0, tzinfo=VN)}, "phải sau thời điểm hiện tại"),
        ({"new_due_at": datetime(2025, 3, 13, 12, 0, tzinfo=VN)}, "phải sau hạn trả hiện tại"),
    ],
)
def test_bad_apologies_write_nothing(demo_db, code, folder, kw, message) -> None:
    with pytest.raises(InvalidInput, match=message):
        _apology(demo_db, code, folder, **kw)
    assert not folder.exists() or list(folder.iterdir()) == []
    assert len(get_dossier(demo_db, code).events) == 1


def test_an_apology_goes_to_the_a4_printer_when_there_is_one(demo_db, code, folder) -> None:
    issued = _apology(demo_db, code, folder, a4_printer=f"file:{folder.parent / 'a4.out'}")
    assert issued.job is not None and issued.job.document == "form:apology"
    assert issued.problem == "" and issued.path.exists()
    records = dossier_records(demo_db, code)
    assert [j.document for j in records.jobs] == ["form:apology"]
    assert records.desks  # every desk's name, for the timeline
    context = apology_context(demo_db, code, NOW)
    assert context.promised_at == LATER
    assert context.suggested_at == datetime(2025, 3, 21, 15, 0, tzinfo=VN)


def test_hand_over_with_a_bad_printer_still_returns(demo_db, code) -> None:
    change_status(demo_db, code, 9, ACTOR)
    done = hand_over_result(
        demo_db, code, ACTOR, id_number="020095001234", receipt_printer="nonsense://x"
    )
    assert get_dossier(demo_db, code).status == 10
    assert done.slip is None and done.problem  # said, and the return stands
    assert done.taken_by == "Trần Văn An"
    assert list_jobs(demo_db) == []
