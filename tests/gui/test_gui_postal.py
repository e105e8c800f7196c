"""The postal page's handover workspace: a batch opened by keyboard, dossiers scanned through the
barcode wedge (bad scans warned about and not added), the last scan undone, the batch closed
with the two names and its record printed; the batches list; where a dossier's paper is."""

from __future__ import annotations

import subprocess

import pytest
from gui_helpers import FakeClock, type_keys
from postal_gui_helpers import ready_by_post, received

from counter_app.services.postal import get_batch, list_batches, paper_location
from counter_app.ui.qt import QApplication, QLabel, Qt

offscreen_window = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
CTRL = Qt.KeyboardModifier.ControlModifier
UNKNOWN = "000.00.06.H56-250101-9999"


@pytest.fixture
def postal(qtbot, signed_in):
    """The postal officer's window, active, on the postal page."""

    def go():
        window = signed_in("buudien")
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window, window.shell.show_page("postal")

    return go


def _key(key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    from PySide6.QtTest import QTest

    QTest.keyClick(QApplication.focusWidget(), key, modifier)


def _scan(window, code: str) -> None:
    """`code` read by a barcode gun: fast keys and Enter, into whatever has the focus."""
    clock = FakeClock()
    window.wedge.clock = clock
    type_keys(QApplication.focusWidget(), code, clock, gap_ms=5)


def _choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


@offscreen_window
def test_scan_a_batch_undo_close_and_print(postal, demo_db) -> None:
    made = received(demo_db, 2)
    (ready,) = ready_by_post(demo_db, 1)  # a ready result: not for a department
    window, page = postal()
    ws = page.workspace
    assert QApplication.focusWidget() is ws.scan  # the gun can fire at once
    _choose(ws.direction, "to_department")
    _choose(ws.department, made.department_code)
    _key(Qt.Key.Key_N, CTRL)
    assert ws.batch is not None and ws.batch.state == "open"
    number = ws.batch.number
    assert number in ws.title.text() and made.department in ws.where.text()

    _scan(window, made.codes[0])
    assert ws.banner.kind == "ok" and made.codes[0] in ws.banner.text()
    assert ws.items.rowCount() == 1 and ws.items.fresh == 0  # the green row
    assert ws.count.text() == "1 hồ sơ"
    assert ws.scan.text() == "" and QApplication.focusWidget() is ws.scan

    for bad, kind, says in (
        (made.codes[0], "warning", "đã có trong lô"),
        (UNKNOWN, "error", "Không có hồ sơ mã"),
        (ready, "error", "chỉ chuyển Sở/ngành hồ sơ"),
    ):
        _scan(window, bad)
        assert ws.banner.kind == kind and says in ws.banner.text(), ws.banner.text()
        assert ws.items.rowCount() == 1 and ws.items.fresh == -1
    assert get_batch(demo_db, number).count == 1  # nothing written by the bad scans

    ws.scan.setText(made.codes[1].lower())  # typed by hand, then Enter
    _key(Qt.Key.Key_Return)
    assert ws.count.text() == "2 hồ sơ"
    assert [i.code for i in ws.items.rows] == [made.codes[1], made.codes[0]]  # newest first

    _key(Qt.Key.Key_Z, CTRL)  # undo the last scan
    assert ws.count.text() == "1 hồ sơ" and "Đã bỏ" in ws.banner.text()
    assert [i.code for i in get_batch(demo_db, number).items] == [made.codes[0]]

    _key(Qt.Key.Key_Return, CTRL)  # close: the names
    dialog = ws.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.handed_by.text() == "Lương Thị Thu Trang"  # the officer, the first time
    dialog.ok.click()  # no receiver: not closed
    assert dialog.isVisible() and "người nhận" in dialog.error.text()
    dialog.handed_by.setText("Lương Thu Trang")
    dialog.received_by.setText("Nông Văn Bình")
    dialog.ok.click()
    closed = get_batch(demo_db, number)
    assert closed.state == "closed"
    assert (closed.handed_by, closed.received_by) == ("Lương Thu Trang", "Nông Văn Bình")
    assert ws.batch is None and "Đã đóng biên bản" in ws.banner.text()

    assert ws.printed is not None  # the record, written off the GUI thread, is shown
    pdf = ws.printed.record_pdf
    assert f"Biên bản A4: {pdf.name}" in ws.printed_label.text() and ws.open_pdf.isVisible()
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    # The code may wrap in its column; the applicants name the dossiers.
    assert number in text and "Nông Văn Bình" in text
    assert "Trần Văn An 1" in text and "Trần Văn An 2" not in text

    # The next batch of the session remembers who handed over.
    _key(Qt.Key.Key_N, CTRL)
    _scan(window, made.codes[1])
    _key(Qt.Key.Key_Return, CTRL)
    assert ws.dialog.handed_by.text() == "Lương Thu Trang"
    ws.dialog.reject()


@offscreen_window
def test_batches_list_detail_resume_and_reprint(postal, demo_db) -> None:
    made = received(demo_db, 3)
    _window, page = postal()
    ws = page.workspace
    _choose(ws.department, made.department_code)
    ws.new_batch()
    for code in made.codes[:2]:
        ws.take(code)
    ws.close_with("Lương Thu Trang", "Nông Văn Bình")
    closed_number = list_batches(demo_db, state="closed")[0].number
    ws.new_batch()
    open_number = ws.batch.number
    ws.take(made.codes[2])

    _key(Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # the batches tab: open ones first
    panel = page.batches
    assert page.tabs.currentWidget() is panel
    assert [b.number for b in panel.model.rows] == [open_number]
    assert panel.scan_on.isVisible() and not panel.reprint.isVisible()
    _choose(panel.state, "closed")
    assert [b.number for b in panel.model.rows] == [closed_number]
    assert panel.shown.number == closed_number and panel.items.rowCount() == 2
    assert "Nông Văn Bình" in panel.where.text()
    panel.reprint.click()
    assert closed_number in panel.printed.text() and panel.open_pdf.isVisible()

    _choose(panel.state, "open")
    panel.scan_on.click()  # scan on into the open batch
    assert page.tabs.currentWidget() is ws and ws.batch.number == open_number
    assert ws.items.rowCount() == 1


@offscreen_window
def test_scans_go_to_the_batch_from_any_tab_and_the_dossier_view_says_where(
    postal, signed_in, demo_db
) -> None:
    made = received(demo_db, 1)
    code = made.codes[0]
    window, page = postal()
    _choose(page.workspace.department, made.department_code)
    page.workspace.new_batch()
    page.tabs.setCurrentWidget(page.views)
    _scan(window, code)
    assert page.tabs.currentWidget() is page.workspace
    assert page.workspace.items.rowCount() == 1
    assert paper_location(demo_db, code).place == "in_batch"
    page.workspace.close_with("Lương Thu Trang", "Nông Văn Bình")

    officer = signed_in("canbo1")  # the counter officer looks the dossier up
    dossiers = officer.shell.show_page("dossiers")
    dossiers.open_code(code)
    detail = dossiers.detail
    assert detail.paper is not None and detail.paper.place == "department"
    shown = [w.text() for w in detail.widget().findChildren(QLabel)]
    batch = list_batches(demo_db, state="closed")[0]
    number = batch.number
    assert (
        f"Hồ sơ giấy: Tại {batch.department_name} từ 09 giờ 00, 13/03/2025 (biên bản {number})"
        in shown
    )
    assert any("Nông Văn Bình" in t and number in t for t in shown), shown


@offscreen_window
def test_a_batch_left_open_is_taken_up_again_after_a_restart(postal, demo_db) -> None:
    made = received(demo_db, 1)
    window, page = postal()
    ws = page.workspace
    _choose(ws.direction, "to_department")
    _choose(ws.department, made.department_code)
    _key(Qt.Key.Key_N, CTRL)
    _scan(window, made.codes[0])
    number = ws.batch.number
    window.close()

    _again, page = postal()  # the window opened again at this desk
    ws = page.workspace
    assert ws.batch is not None and ws.batch.number == number
    assert "chưa chốt (1 hồ sơ)" in ws.banner.text()
    assert ws.count.text() == "1 hồ sơ" and QApplication.focusWidget() is ws.scan
