"""A supplement request on a received dossier: status 5 with its reason and documents to add,
form 02 written as a PDF and named by a print event, the due clock paused; bad input records
nothing and leaves no file."""

from __future__ import annotations

import subprocess
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from small_catalog import GPLX
from sqlalchemy import func, select

from counter_app.domain.errors import InvalidInput, NotAllowed, NotFound
from counter_app.models import DossierEvent, PrintJob
from counter_app.services.dossiers import change_status, get_dossier
from counter_app.services.intake import Applicant, IntakeRequest, create_dossier
from counter_app.services.intake_outcomes import MissingItem
from counter_app.services.recording import Actor
from counter_app.services.supplement import request_supplement, supplement_context

VN = ZoneInfo("Asia/Ho_Chi_Minh")
AT = datetime(2025, 3, 12, 10, 0, tzinfo=VN)  # a Wednesday; due Thu 13 March 10:00
LATER = AT + timedelta(hours=2)
ACTOR = Actor(None, "Nguyễn Thị Hương")
MISSING = [
    MissingItem("Giấy khám sức khỏe", "original", 1, "của cơ sở y tế có thẩm quyền"),
    MissingItem("Bản sao giấy phép lái xe", "certified_copy", 2),
]


def _dossier(db) -> str:
    applicant = Applicant("Trần Văn An", "020095001234", "0912345678", "Phường Vĩnh Trại")
    return create_dossier(db, IntakeRequest(GPLX, applicant), ACTOR, now=AT).code


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _count(db, model) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_the_context_gives_the_checklist_and_what_was_handed_in(small_db) -> None:
    code = _dossier(small_db)
    ctx = supplement_context(small_db, code)
    assert ctx.procedure_code == GPLX
    assert [(c.name, c.required) for c in ctx.checklist] == [
        ("Đơn đề nghị đổi giấy phép lái xe", True),
        ("Bản sao giấy phép lái xe", True),
        ("Giấy khám sức khỏe", False),
    ]
    assert ctx.handed_in == ("Đơn đề nghị đổi giấy phép lái xe", "Bản sao giấy phép lái xe")
    with pytest.raises(NotFound):
        supplement_context(small_db, "KHONG-CO")


def test_a_request_pauses_the_dossier_and_writes_form_02(small_db, tmp_path) -> None:
    code = _dossier(small_db)
    issued = request_supplement(
        small_db,
        code,
        ACTOR,
        reason="Thiếu giấy khám sức khỏe theo quy định.",
        missing=MISSING,
        rules_reference="Thông tư 12/2017/TT-BGTVT",
        folder=tmp_path,
        now=LATER,
    )
    assert issued.code == code and issued.job is None and issued.problem == ""
    assert issued.path.parent == tmp_path and issued.path.name.startswith("supplement-2025031")
    view = get_dossier(small_db, code)
    assert view.status == 5 and view.paused_at == LATER

    status = [e for e in view.events if e.kind == "status"][-1]
    assert (status.from_status, status.to_status) == (2, 5)
    assert status.reason == "Thiếu giấy khám sức khỏe theo quy định."
    assert status.data["missing"] == [
        {"name": "Giấy khám sức khỏe", "kind": "original", "count": 1,
         "note": "của cơ sở y tế có thẩm quyền"},
        {"name": "Bản sao giấy phép lái xe", "kind": "certified_copy", "count": 2, "note": ""},
    ]  # fmt: skip
    assert status.data["rules_reference"] == "Thông tư 12/2017/TT-BGTVT"
    printed = [e for e in view.events if e.kind == "print"][-1]
    assert printed.data == {"document": "form:supplement", "job": "", "file": str(issued.path)}

    text = _pdf_text(issued.path)
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text
    assert code in text and "Trần Văn An" in text
    assert "Giấy khám sức khỏe" in text and "Bản sao chứng thực" in text
    assert "original" not in text  # the kind is written the way a form writes it
    assert "Thiếu giấy khám sức khỏe theo quy định." in text
    assert "Thông tư 12/2017/TT-BGTVT" in text

    # Supplemented a day later: the due time moves later by the working time spent waiting.
    before = view.due_at
    change_status(small_db, code, 4, ACTOR, at=LATER + timedelta(days=1))
    assert get_dossier(small_db, code).due_at == before + timedelta(days=1)


def test_a_second_request_gets_its_own_file_and_the_a4_job(small_db, tmp_path) -> None:
    code = _dossier(small_db)
    first = request_supplement(small_db, code, ACTOR, reason="Thiếu", missing=MISSING[:1],
                               folder=tmp_path / "forms", now=LATER)  # fmt: skip
    change_status(small_db, code, 4, ACTOR, at=LATER + timedelta(hours=1))
    printer = tmp_path / "a4.out"
    second = request_supplement(
        small_db, code, ACTOR, reason="Giấy khám hết hạn", missing=MISSING[:1],
        folder=tmp_path / "forms", a4_printer=f"file:{printer}", now=LATER + timedelta(hours=2),
    )  # fmt: skip
    assert second.path != first.path and first.path.exists() and second.path.exists()
    assert second.job is not None and second.job.document == "form:supplement"
    assert "Giấy khám hết hạn" in _pdf_text(second.path)


@pytest.mark.parametrize(
    ("reason", "missing", "error", "match"),
    [
        ("", MISSING, InvalidInput, "lý do"),
        ("Thiếu", [], InvalidInput, "ít nhất một giấy tờ"),
        ("Thiếu", [MissingItem(" ")], InvalidInput, "thiếu tên"),
        ("Thiếu", [MissingItem("Giấy khám", "scan")], InvalidInput, "không hợp lệ"),
        ("Thiếu", [MissingItem("Giấy khám", count=0)], InvalidInput, "số lượng"),
    ],
)
def test_bad_input_records_nothing(small_db, tmp_path, reason, missing, error, match) -> None:
    code = _dossier(small_db)
    events, jobs = _count(small_db, DossierEvent), _count(small_db, PrintJob)
    with pytest.raises(error, match=match):
        request_supplement(small_db, code, ACTOR, reason=reason, missing=missing,
                           folder=tmp_path / "forms", now=LATER)  # fmt: skip
    assert get_dossier(small_db, code).status == 2
    assert (_count(small_db, DossierEvent), _count(small_db, PrintJob)) == (events, jobs)
    assert not (tmp_path / "forms").exists()


def test_a_status_that_cannot_go_to_5_records_nothing(small_db, tmp_path) -> None:
    code = _dossier(small_db)
    change_status(small_db, code, 9, ACTOR, at=LATER)
    with pytest.raises(NotAllowed):
        request_supplement(small_db, code, ACTOR, reason="Thiếu", missing=MISSING,
                           folder=tmp_path / "forms", now=LATER)  # fmt: skip
    assert get_dossier(small_db, code).status == 9
    assert not (tmp_path / "forms").exists()
    with pytest.raises(NotFound):
        request_supplement(small_db, "KHONG-CO", ACTOR, reason="Thiếu", missing=MISSING,
                           folder=tmp_path / "forms", now=LATER)  # fmt: skip
