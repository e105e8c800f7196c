"""Never lose an intake: the half-typed form is saved as a draft while the officer types, survives
a crash of the window, is offered back at the next sign-in, and is forgotten once saved."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from test_gui_intake import CCCD, PROCEDURE, db, dossier_count, fill, intake_page

from counter_app.models import Dossier
from counter_app.services.dossiers import get_dossier
from counter_app.services.drafts import load_draft, save_draft
from counter_app.ui.qt import QApplication, QMessageBox

__all__ = ["db"]  # the fixture, shared with test_gui_intake

offscreen_box = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
DRAFT = "intake.canbo1"


def _crash(window) -> None:
    """The window stops dead: no close, no flush; only what is on disk remains."""
    app = QApplication.instance()
    app.removeEventFilter(window.wedge)
    app.removeEventFilter(window.idle)
    window.hide()


def _draft_notes() -> str:
    return str((load_draft(DRAFT) or {}).get("options", {}).get("notes", ""))


def _answer(qtbot, window, text: str) -> None:
    qtbot.waitUntil(lambda: window.shell.draft_question is not None, timeout=3000)
    box: QMessageBox = window.shell.draft_question
    next(b for b in box.buttons() if b.text() == text).click()


@offscreen_box
def test_a_half_typed_intake_survives_a_crash(qtbot, signed_in, db) -> None:
    first = signed_in("canbo1")
    page = intake_page(first)
    fill(page)
    page.checklist.model.update(2, received=False)
    page.checklist.extra.setText("Giấy xác nhận cư trú")
    page.checklist.extra.returnPressed.emit()
    page.options.notes.setPlainText("Hẹn bổ sung giấy khám chiều nay")
    assert load_draft(DRAFT) is None  # saved a moment after the last keystroke, not at each
    qtbot.waitUntil(lambda: _draft_notes() == "Hẹn bổ sung giấy khám chiều nay", timeout=3000)
    _crash(first)

    second = signed_in("canbo1")
    _answer(qtbot, second, "Tiếp tục nhập")
    page = second.shell.current_page()
    assert second.shell.current_id() == "intake"
    assert page.applicant.full_name.text() == "Hoàng Thị Ánh Tuyết"
    assert page.applicant.phone.text() == "0912345678"
    assert page.detail is not None and page.detail.code == PROCEDURE
    assert page.procedure.summary.name.text() == "Cấp giấy phép lái xe"
    rows = page.checklist.model.rows
    assert [r.received for r in rows] == [True, True, False, True, True]
    assert rows[-1].name == "Giấy xác nhận cư trú" and rows[-1].extra
    assert page.options.notes.toPlainText() == "Hẹn bổ sung giấy khám chiều nay"
    assert page.due is not None
    assert "Thiếu 1 giấy tờ bắt buộc" in page.hint.text()

    page.checklist.model.tick_required()
    page.save()
    assert get_dossier(db, page.result.code).status == 2
    with db.read() as session:
        notes = session.scalar(select(Dossier.notes).where(Dossier.code == page.result.code))
    assert notes == "Hẹn bổ sung giấy khám chiều nay"
    assert load_draft(DRAFT) is None  # saved: nothing to offer any more


def test_lock_and_sign_out_save_the_draft_at_once(signed_in) -> None:
    window = signed_in("canbo1")
    page = intake_page(window)
    window.ctx.cccd_scanned.emit(CCCD)
    window.lock()  # the shell flushes its pages before the lock screen covers them
    assert load_draft(DRAFT)["applicant"]["full_name"] == "Hoàng Thị Ánh Tuyết"
    assert page.form_data()["applicant"]["id_number"] == "020195004321"


def test_a_blank_form_keeps_no_draft_and_new_form_forgets_it(signed_in, db) -> None:
    window = signed_in("canbo1")
    page = intake_page(window)
    fill(page)
    page.flush()
    assert load_draft(DRAFT) is not None
    page.save()
    page.new_form()  # Ctrl+N on the result: at once, no question
    assert page.is_blank() and page.stack.currentIndex() == 0
    page.flush()
    assert load_draft(DRAFT) is None and dossier_count(db) == 1


@offscreen_box
def test_ctrl_n_asks_before_dropping_a_typed_form(qtbot, signed_in) -> None:
    window = signed_in("canbo1")
    page = intake_page(window)
    fill(page)
    page.new_form()
    box = page.dialog
    assert isinstance(box, QMessageBox)
    next(b for b in box.buttons() if b.text() == "Tiếp tục nhập").click()
    assert page.detail is not None
    page.new_form()
    next(b for b in page.dialog.buttons() if b.text() == "Bỏ, nhập hồ sơ mới").click()
    assert page.is_blank()


def test_a_draft_of_another_shape_is_taken_without_fuss(signed_in) -> None:
    """Old or damaged drafts: what fits is restored, the rest skipped, the reason said."""
    window = signed_in("canbo1")
    page = intake_page(window)
    data = {"procedure": "9.999999", "applicant": {"full_name": "Trần Văn An", "phone": 84},
            "items": [1, "x", {"name": ""}, {"name": "Tờ khai", "count": "nhiều"}],
            "options": "post"}  # fmt: skip
    assert page.restore_draft(data)
    assert page.restored == data
    assert page.applicant.full_name.text() == "Trần Văn An" and page.applicant.phone.text() == ""
    assert "Không có thủ tục mã 9.999999" in window.shell.bar.text()
    assert page.detail is None


@offscreen_box
def test_a_saved_draft_is_offered_to_the_same_user_only(qtbot, signed_in) -> None:
    save_draft(DRAFT, {"procedure": PROCEDURE, "applicant": {"full_name": "Lý Thị Mai"}})
    window = signed_in("canbo1")
    _answer(qtbot, window, "Tiếp tục nhập")
    page = window.shell.current_page()
    assert page.applicant.full_name.text() == "Lý Thị Mai"
    assert [r.name for r in page.checklist.model.rows] == []  # the draft had no rows yet
