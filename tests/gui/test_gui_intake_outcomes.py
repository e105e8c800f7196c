"""The other outcomes of a visit: a supplement request (status 5, form 02) and a refusal
(status 3, form 03), each with its reason, recorded in one transaction with its papers."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest
from test_gui_intake import (
    CTRL,
    PROCEDURE,
    Keyboard,
    activate,
    db,
    dossier_count,
    fill,
    intake_page,
)

from counter_app.config import data_dir
from counter_app.services.dossiers import get_dossier
from counter_app.ui.qt import Qt

__all__ = ["db"]  # the fixture, shared with test_gui_intake

# A dialog fixes its own size; Qt's offscreen platform warns it cannot pass size hints on.
offscreen_dialog = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _untick_health_certificate(page) -> str:
    page.checklist.model.update(2, received=False)
    return page.checklist.model.rows[2].name


@offscreen_dialog
def test_a_supplement_request_pauses_the_dossier_and_writes_form_02(qtbot, signed_in, db) -> None:
    window = signed_in("canbo1")
    page = intake_page(window)
    activate(qtbot, window)
    fill(page)
    missing = _untick_health_certificate(page)
    assert not page.save_button.isEnabled() and page.supplement_button.isEnabled()

    Keyboard().press(Qt.Key.Key_B, CTRL)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    # The required document not handed in is already chosen; the officer adds a note.
    assert [m.name for m in dialog.missing()] == [missing]
    note = dialog.model.index(2, 4)
    dialog.model.setData(note, "Giấy khám của cơ sở y tế có thẩm quyền, còn hạn")
    dialog.reason.setPlainText("Thiếu giấy khám sức khỏe theo quy định.")
    qtbot.waitUntil(dialog.isActiveWindow)
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return, CTRL)  # Ctrl+Enter records

    assert page.stack.currentWidget() is page.result
    assert page.result.title.text() == "Đã ghi yêu cầu bổ sung"
    view = get_dossier(db, page.result.code)
    assert view.status == 5 and view.paused_at is not None  # the clock is paused
    event = [e for e in view.events if e.kind == "status"][-1]
    assert (event.from_status, event.to_status) == (1, 5)
    assert event.reason == "Thiếu giấy khám sức khỏe theo quy định."
    assert event.data["missing"] == [
        {"name": missing, "kind": "original", "count": 1,
         "note": "Giấy khám của cơ sở y tế có thẩm quyền, còn hạn"}
    ]  # fmt: skip
    assert PROCEDURE in event.data["rules_reference"]
    assert len(view.items) == 3  # what was handed in, not what is missing
    pdf = data_dir() / "forms" / view.code / "supplement.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert "supplement.pdf" in page.result.papers.text()


@offscreen_dialog
def test_a_supplement_request_needs_a_document_and_a_reason(qtbot, signed_in, db) -> None:
    window = signed_in("canbo1")
    page = intake_page(window)
    fill(page)  # everything handed in: nothing is chosen at first
    page.supplement()
    dialog = page.dialog
    assert dialog.missing() == []
    dialog.submit()
    assert dialog.isVisible() and "Chọn ít nhất một giấy tờ" in dialog.error.text()
    dialog.extra.setText("Bản sao sổ hộ khẩu")
    dialog.extra.returnPressed.emit()
    dialog.reason.clear()
    dialog.submit()
    assert dialog.isVisible() and "Cần ghi lý do" in dialog.error.text()
    dialog.reject()
    assert page.stack.currentWidget() is not page.result and dossier_count(db) == 0


@offscreen_dialog
def test_a_refusal_needs_its_reason_and_writes_form_03(qtbot, signed_in, db) -> None:
    window = signed_in("canbo1")
    page = intake_page(window)
    activate(qtbot, window)
    fill(page)
    Keyboard().press(Qt.Key.Key_R, CTRL)
    dialog = page.dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.reason.hasFocus()
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible() and dialog.error.text() == "Cần ghi lý do từ chối tiếp nhận."
    assert dossier_count(db) == 0
    reason = "Thủ tục không thuộc thẩm quyền tiếp nhận tại Trung tâm."
    dialog.reason.setPlainText(reason)
    dialog.submit()

    view = get_dossier(db, page.result.code)
    assert view.status == 3 and view.finished_at is not None
    assert [(e.from_status, e.to_status) for e in view.events if e.kind == "status"] == [
        (None, 1),
        (1, 3),
    ]
    assert [e for e in view.events if e.kind == "status"][-1].reason == reason
    assert [e.data["document"] for e in view.events if e.kind == "print"] == ["form:refusal"]
    assert page.result.values["reason"].text() == reason
    assert (data_dir() / "forms" / view.code / "refusal.pdf").read_bytes()[:5] == b"%PDF-"
    assert view.ledger_entry is None  # not in the ledger of received dossiers


def test_outcomes_need_a_procedure_and_an_applicant(signed_in, db) -> None:
    window = signed_in("canbo1")
    page = intake_page(window)
    page.refuse()
    assert "Chưa chọn thủ tục" in window.shell.bar.text() and page.dialog is None
    page.choose_procedure(PROCEDURE)
    page.supplement()
    assert "Thiếu họ tên người nộp" in window.shell.bar.text() and page.dialog is None


def test_the_dossier_and_its_outcome_are_one_transaction(db, monkeypatch) -> None:
    """A failure in the status change leaves no dossier behind, and no number used up."""
    from sqlalchemy import func, select

    import counter_app.services.intake_outcomes as outcomes
    from counter_app.models import OutboxOp
    from counter_app.services.intake import Applicant, IntakeRequest
    from counter_app.services.recording import Actor

    def count_ops() -> int:
        with db.read() as session:
            return int(session.scalar(select(func.count()).select_from(OutboxOp)) or 0)

    request = IntakeRequest(PROCEDURE, Applicant("Hoàng Thị Ánh Tuyết", "020195004321"))
    actor = Actor(None, "Nguyễn Thị Hương")
    ops = count_ops()

    def broken(*args, **kwargs):
        raise RuntimeError("disk gone mid-way")

    monkeypatch.setattr(outcomes, "apply_status_change", broken)
    with pytest.raises(RuntimeError):
        outcomes.record_intake_outcome(
            db, request, actor, outcome=3, reason="Không thuộc thẩm quyền"
        )
    assert dossier_count(db) == 0 and count_ops() == ops
    monkeypatch.undo()
    first = outcomes.record_intake_outcome(db, request, actor, outcome=3, reason="Không thuộc")
    assert first.code.endswith("-0001")  # the failed attempt used no number
    assert count_ops() > ops
