"""The dossier view's actions: what each status allows, each status change recorded as an event
(with its reason), the withdrawal's confirmation, the apology's form 04 and event, and the
timeline, files and prints shown."""

from __future__ import annotations

import subprocess
from datetime import datetime, timedelta

import pytest
from gui_helpers import NOW, VN
from sqlalchemy import select

from counter_app.config import data_dir
from counter_app.models import Dossier, DossierFile, StoredFile
from counter_app.services.catalog import search_procedures
from counter_app.services.dossiers import change_status, get_dossier
from counter_app.services.intake import Applicant, IntakeRequest, create_dossier
from counter_app.services.recording import Actor
from counter_app.ui.qt import QApplication, QLabel, QPushButton, Qt

ACTOR = Actor(None, "Nguyễn Thị Hương")
RECEIVED = datetime(2025, 3, 12, 10, 0, tzinfo=VN)
offscreen_dialog = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def dossier(demo_db) -> str:
    """A dossier received on Wed 12 March 2025 at 10:00 (due Fri 14 March 10:00)."""
    proc = search_procedures(demo_db, "chứng thực", limit=1)[0].code
    applicant = Applicant("Trần Văn An", "020095001234", "0912345678", "Phường Vĩnh Trại")
    return create_dossier(demo_db, IntakeRequest(proc, applicant), ACTOR, now=RECEIVED).code


@pytest.fixture
def opened(qtbot):
    """Open a dossier on the dossiers page of an active window, the focus in the page."""

    def go(window, code):
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        page = window.shell.show_page("dossiers")
        page.open_code(code)
        assert page.detail.code == code
        page.table.setFocus()  # the page's keys work while the focus is in the page
        return page

    return go


def _press(page, key) -> None:
    from PySide6.QtTest import QTest

    QTest.keyClick(QApplication.focusWidget() or page, key, ALT)


def _texts(page) -> list[str]:
    return [label.text() for label in page.detail.widget().findChildren(QLabel)]


def _last_status_event(db, code):
    return [e for e in get_dossier(db, code).events if e.kind == "status"][-1]


def test_the_actions_follow_the_status(opened, signed_in, dossier, demo_db) -> None:
    page = opened(signed_in("canbo1"), dossier)
    assert list(page.actions_panel.buttons) == [
        "result_ready",
        "processing",
        "supplement",
        "stop",
        "withdraw",
        "apology",
        "scan",
    ]
    assert page.actions_panel.buttons["result_ready"].objectName() == "primary"
    assert page.action_keys["result_ready"].isEnabled()
    assert not page.action_keys["return"].isEnabled()

    change_status(demo_db, dossier, 9, ACTOR)
    page.open_code(dossier)
    assert list(page.actions_panel.buttons) == ["return"]
    assert [k for k, a in page.action_keys.items() if a.isEnabled()] == ["return"]

    change_status(demo_db, dossier, 10, ACTOR)
    page.open_code(dossier)
    assert page.actions_panel.buttons == {}
    assert "không còn thao tác nào" in page.actions_panel.note.text()
    assert not any(a.isEnabled() for a in page.action_keys.values())


def test_processing_and_result_by_keys_record_events(opened, signed_in, dossier, demo_db) -> None:
    window = signed_in("canbo1")
    page = opened(window, dossier)
    _press(page, Qt.Key.Key_X)  # Alt+X: Đang xử lý
    event = _last_status_event(demo_db, dossier)
    assert (event.from_status, event.to_status, event.actor) == (2, 4, "Nguyễn Thị Hương")
    assert event.desk_id == window.ctx.desk.id
    assert page.detail.status_badge.text() == "Đang xử lý"

    _press(page, Qt.Key.Key_K)  # Alt+K: the result came back from the department
    event = _last_status_event(demo_db, dossier)
    assert (event.from_status, event.to_status) == (4, 9)
    assert page.detail.status_badge.text() == "Đã xử lý xong"
    assert "Alt+T" in window.shell.bar.text()
    assert list(page.actions_panel.buttons) == ["return"]
    assert any(t.startswith("Đã xử lý xong · Nguyễn Thị Hương · Quầy số 1") for t in _texts(page))


@offscreen_dialog
def test_stop_asks_a_reason(opened, signed_in, dossier, demo_db) -> None:
    page = opened(signed_in("canbo1"), dossier)
    _press(page, Qt.Key.Key_D)
    dialog = page.runner.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.ok.click()  # no reason yet: said, nothing written
    assert dialog.isVisible() and "Cần ghi lý do" in dialog.error.text()
    assert get_dossier(demo_db, dossier).status == 2

    dialog.reason.setPlainText("Thiếu bản sao giấy khai sinh")
    from PySide6.QtTest import QTest

    QTest.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    event = _last_status_event(demo_db, dossier)
    assert (event.to_status, event.reason) == (8, "Thiếu bản sao giấy khai sinh")
    assert any("Lý do: Thiếu bản sao giấy khai sinh" in t for t in _texts(page))


@offscreen_dialog
def test_supplement_request_writes_form_02(qtbot, opened, signed_in, dossier, demo_db) -> None:
    from PySide6.QtTest import QTest

    window = signed_in("canbo1")
    page = opened(window, dossier)
    _press(page, Qt.Key.Key_B)  # Alt+B: Yêu cầu bổ sung
    dialog = page.runner.dialog
    assert dialog is not None and dialog.isVisible()
    assert any("Trần Văn An" in label.text() for label in dialog.findChildren(QLabel))
    # Everything on the checklist was handed in: nothing is ticked; asking without a document
    # or a reason is said in the dialog and writes nothing.
    assert dialog.missing() == []
    dialog.reason.clear()
    dialog.submit()
    assert dialog.isVisible() and "ít nhất một giấy tờ" in dialog.error.text()
    dialog.extra.setText("Giấy khai sinh (bản sao chứng thực)")
    dialog.extra.returnPressed.emit()
    first = dialog.model.index(0, 0)
    dialog.table.setCurrentIndex(first)
    QTest.keyClick(dialog.table, Qt.Key.Key_Space)  # and the first checklist document
    dialog.model.setData(dialog.model.index(0, 4), "Bản chính bị mờ, không đọc được")
    dialog.submit()
    assert dialog.isVisible() and "Cần ghi lý do" in dialog.error.text()
    assert get_dossier(demo_db, dossier).status == 2

    dialog.reason.setPlainText("Hồ sơ chưa đầy đủ theo quy định.")
    qtbot.waitUntil(dialog.isActiveWindow)
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    view = get_dossier(demo_db, dossier)
    assert view.status == 5 and view.paused_at is not None  # the due clock is paused
    event = _last_status_event(demo_db, dossier)
    assert (event.from_status, event.to_status) == (2, 5)
    assert event.reason == "Hồ sơ chưa đầy đủ theo quy định."
    names = [m["name"] for m in event.data["missing"]]
    assert names[-1] == "Giấy khai sinh (bản sao chứng thực)" and len(names) == 2
    assert event.data["missing"][0]["note"] == "Bản chính bị mờ, không đọc được"

    folder = data_dir() / "forms" / dossier
    (pdf,) = folder.glob("supplement-*.pdf")
    printed = [e for e in view.events if e.kind == "print"][-1]
    assert printed.data["document"] == "form:supplement" and printed.data["file"] == str(pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text
    assert "Giấy khai sinh (bản sao chứng thực)" in text
    assert "Hồ sơ chưa đầy đủ theo quy định." in text

    assert (
        "đã ghi yêu cầu bổ sung" in window.shell.bar.text() and str(pdf) in window.shell.bar.text()
    )
    texts = _texts(page)
    assert page.detail.status_badge.text() == "Yêu cầu bổ sung"
    assert any("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02)" in t for t in texts)
    assert any("Cần bổ sung: " in t and "Giấy khai sinh" in t for t in texts)
    pdf_button = next(b for b in page.detail.widget().findChildren(QPushButton)
                      if b.text() == "Mở PDF")  # fmt: skip
    assert pdf_button.toolTip() == str(pdf)


@offscreen_dialog
def test_withdrawal_asks_confirmation(opened, signed_in, dossier, demo_db) -> None:
    page = opened(signed_in("canbo1"), dossier)
    page.actions_panel.buttons["withdraw"].click()
    page.runner.dialog.reason.setPlainText("Công dân xin rút để bổ sung giấy tờ")
    page.runner.dialog.ok.click()
    box = page.runner.question
    assert box is not None and "Xác nhận công dân rút hồ sơ" in box.text()
    assert get_dossier(demo_db, dossier).status == 2  # nothing before the answer

    next(b for b in box.buttons() if b.text() == "Quay lại").click()
    assert get_dossier(demo_db, dossier).status == 2

    page.run_action("withdraw")
    page.runner.dialog.reason.setPlainText("Công dân xin rút để bổ sung giấy tờ")
    page.runner.dialog.ok.click()
    next(b for b in page.runner.question.buttons() if b.text() == "Rút hồ sơ").click()
    event = _last_status_event(demo_db, dossier)
    assert (event.to_status, event.reason) == (7, "Công dân xin rút để bổ sung giấy tờ")
    assert page.actions_panel.buttons == {}


@offscreen_dialog
def test_apology_writes_form_04_and_records_the_event(opened, signed_in, dossier, demo_db) -> None:
    page = opened(signed_in("canbo1"), dossier)
    before = get_dossier(demo_db, dossier)
    _press(page, Qt.Key.Key_H)
    dialog = page.runner.dialog
    # Suggested: one working day after the due time (Fri 14 March 10:00 → Mon 17 March 10:00).
    assert dialog.new_due_at() == datetime(2025, 3, 17, 10, 0, tzinfo=VN)
    assert dialog.unit.text() == "Sở Tư pháp"
    dialog.new_due.setDateTime(datetime(2025, 3, 14, 9, 0))
    dialog.reason.setPlainText("Chờ ý kiến của Sở Tài chính")
    dialog.ok.click()  # not after the due time: said, nothing written
    assert "Ngày hẹn mới phải sau 10:00 14/03/2025" in dialog.error.text()

    dialog.new_due.setDateTime(datetime(2025, 3, 20, 15, 30))
    dialog.ok.click()
    after = get_dossier(demo_db, dossier)
    apology = next(e for e in after.events if e.kind == "apology")
    assert apology.reason == "Chờ ý kiến của Sở Tài chính"
    assert apology.data["new_due_at"] == "2025-03-20T15:30:00+07:00"
    assert apology.data["responsible_unit"] == "Sở Tư pháp"
    assert after.due_at == before.due_at  # the due time the reports measure is not moved

    folder = data_dir() / "forms" / dossier
    (pdf,) = folder.glob("apology-*.pdf")
    assert apology.data["file"] == str(pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "15 giờ 30 phút, ngày 20 tháng 03 năm 2025" in text
    assert "Chờ ý kiến của Sở Tài chính" in text

    texts = _texts(page)
    assert "15:30 20/03/2025" in texts  # "Hẹn trả lại (phiếu xin lỗi)"
    assert page.detail.promise_badge.isVisibleTo(page.detail)
    assert any("Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)" in t for t in texts)


@offscreen_dialog
def test_a_second_apology_must_promise_later(opened, signed_in, dossier, demo_db) -> None:
    from counter_app.services.apology import issue_apology

    issue_apology(
        demo_db,
        dossier,
        ACTOR,
        new_due_at=datetime(2025, 3, 20, 15, 0, tzinfo=VN),
        reason="Chờ ý kiến",
        responsible_unit="Sở Tư pháp",
        now=NOW,
    )
    page = opened(signed_in("canbo1"), dossier)
    page.run_action("apology")
    dialog = page.runner.dialog
    assert dialog.new_due_at() == datetime(2025, 3, 21, 15, 0, tzinfo=VN)  # after the promise
    dialog.new_due.setDateTime(datetime(2025, 3, 19, 15, 0))
    dialog.reason.setPlainText("Chờ thêm")
    dialog.ok.click()
    assert "Ngày hẹn mới phải sau 15:00 20/03/2025" in dialog.error.text()
    assert len([e for e in get_dossier(demo_db, dossier).events if e.kind == "apology"]) == 1


def test_return_opens_the_returns_page_with_the_dossier(
    opened, signed_in, dossier, demo_db
) -> None:
    change_status(demo_db, dossier, 9, ACTOR)
    window = signed_in("canbo1")
    page = opened(window, dossier)
    _press(page, Qt.Key.Key_T)
    assert window.shell.current_id() == "returns"
    returns = window.shell.current_page()
    assert returns.view.code == dossier and returns.step == "check"


def test_files_prints_and_timeline(opened, signed_in, dossier, demo_db) -> None:
    with demo_db.write() as session:
        dossier_id = session.scalar(select(Dossier.id).where(Dossier.code == dossier))
        session.add(StoredFile(sha256="ab" * 32, size=250_000, media_type="application/pdf"))
        session.flush()
        session.add(
            DossierFile(
                dossier_id=dossier_id,
                sha256="ab" * 32,
                role="scan",
                title="Đơn đề nghị chứng thực",
                page_count=2,
            )
        )
    change_status(
        demo_db, dossier, 5, ACTOR, reason="Thiếu giấy khai sinh", at=RECEIVED + timedelta(hours=1)
    )
    page = opened(signed_in("canbo1"), dossier)
    texts = _texts(page)
    assert any(
        t.startswith("Đơn đề nghị chứng thực · Bản số hóa · số trang: 2 · 244 KB") for t in texts
    )
    assert "Chưa in giấy tờ nào." in texts
    assert any(
        t.startswith("Yêu cầu bổ sung · Nguyễn Thị Hương\nLý do: Thiếu giấy khai sinh")
        for t in texts
    )
    assert page.detail.due_badge.text() == "Tạm dừng, chờ bổ sung"
