"""The intake page end to end: a CCCD scanned, the procedure found by a few letters, Save; the
dossier, its receipt in the print queue and its PDFs; every bad input refused with a message and
nothing written; the key presses of a typical intake; the window never waits for the database.

Helpers for the other intake test modules live here too (`Keyboard`, `activate`...)."""

from __future__ import annotations

import socket
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import zxingcpp
from gui_helpers import FakeClock, sign_in, type_keys
from PIL import Image
from PySide6.QtTest import QTest
from sqlalchemy import func, select

from counter_app.config import data_dir
from counter_app.domain.status import Channel
from counter_app.models import Dossier, DossierEvent
from counter_app.services.dossiers import get_dossier
from counter_app.services.print_queue import list_jobs
from counter_app.services.setup import open_database
from counter_app.ui.qt import QApplication, QElapsedTimer, Qt, QTimer, QWidget
from counter_app.ui.worker import Worker

if TYPE_CHECKING:
    from counter_app.db import Database
    from counter_app.ui.pages.intake import IntakePage
    from counter_app.ui.window import CounterWindow

# Hoàng Thị Ánh Tuyết's card: 7 fields, a 9-digit old ID.
CCCD = (
    "020195004321|123456789|Hoàng Thị Ánh Tuyết|01021995|Nữ|"
    "Số 12 đường Lê Lợi, phường Vĩnh Trại, thành phố Lạng Sơn|15082021"
)
PROCEDURE = "1.093677"  # Cấp giấy phép lái xe: 4 required documents, 10 working days
CTRL = Qt.KeyboardModifier.ControlModifier


# --- helpers (the other test_gui_intake_* modules import them) ---------------------------------


class Keyboard:
    """Presses keys and clicks on whatever has the focus, counting every one of them."""

    def __init__(self) -> None:
        self.count = 0
        self.log: list[str] = []

    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def type(self, text: str) -> None:
        """One key press per character, into the focused widget."""
        for ch in text:
            QTest.keyClick(self.focus(), ch)
            self.count += 1
            self.log.append(ch)

    def press(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        QTest.keyClick(self.focus(), key, modifier)
        self.count += 1
        self.log.append(f"{modifier.name}+{key.name}")

    def click(self, widget: QWidget) -> None:
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        self.count += 1
        self.log.append(f"click {widget.objectName() or type(widget).__name__}")


def activate(qtbot, window: CounterWindow) -> None:
    """Make the window active (shortcuts and focus need it) and keep the wedge from taking
    QTest's machine-speed typing for a scan (the wedge's timing has tests of its own)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.wedge.enabled = False


def intake_page(window: CounterWindow) -> IntakePage:
    page = window.shell.show_page("intake")
    assert page is not None
    return page  # type: ignore[return-value]


def dossier_count(db: Database) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(Dossier)) or 0)


def fill(page: IntakePage, *, procedure: str = PROCEDURE, phone: str = "0912345678") -> None:
    """A scanned card, the procedure chosen, a phone typed (the inline worker answers at once)."""
    page.ctx.cccd_scanned.emit(CCCD)
    page.choose_procedure(procedure)
    page.applicant.phone.setText(phone)
    page.applicant.changed.emit()
    assert page.detail is not None and page.detail.code == procedure


def printed_image(data: bytes) -> Image.Image:
    """The picture an ESC/POS byte stream prints (the printing tests' reader)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "printing"))
    try:
        from escpos_reader import read_escpos
    finally:
        sys.path.pop(0)
    image = read_escpos(data).image
    assert image is not None
    return image


def qr_picture(text: str, path: Path) -> Path:
    """A picture of a QR code holding `text`, with a margin, as a phone would take it."""
    from counter_app.printing.raster import qr_matrix

    matrix = qr_matrix(text)
    big = matrix.resize((matrix.width * 8, matrix.height * 8), Image.Resampling.NEAREST)
    page = Image.new("L", (big.width + 160, big.height + 160), 255)
    page.paste(big, (80, 80))
    page.save(path)
    return path


@pytest.fixture
def db(demo_path: Path):
    database = open_database(f"sqlite:///{demo_path}")
    yield database
    database.dispose()


# --- end to end --------------------------------------------------------------------------------


def test_scan_search_save_prints_and_writes_the_forms(qtbot, signed_in, db, tmp_path) -> None:
    receipt_printer, a4_printer = tmp_path / "receipt.bin", tmp_path / "a4.bin"
    window = signed_in(
        "canbo1", receipt_printer=f"file:{receipt_printer}", a4_printer=f"file:{a4_printer}"
    )
    try:
        page = intake_page(window)
        activate(qtbot, window)
        assert window.ctx.printer is not None  # a printer is configured: the worker runs

        # The card through the barcode wedge: fast keystrokes ending in Enter, anywhere.
        window.wedge.enabled = True
        clock = FakeClock()
        window.wedge.clock = clock
        type_keys(QApplication.focusWidget() or page, CCCD, clock, gap_ms=6)
        window.wedge.enabled = False
        a = page.applicant
        assert (a.full_name.text(), a.id_number.text()) == ("Hoàng Thị Ánh Tuyết", "020195004321")
        assert (a.birth_date.text(), a.gender.currentData()) == ("01/02/1995", "Nữ")
        assert a.address.text().startswith("Số 12 đường Lê Lợi")
        assert page.procedure.search.hasFocus()  # next: the procedure

        keys = Keyboard()
        keys.type("giay phep lai xe")
        qtbot.waitUntil(page.procedure.settled)
        assert page.procedure.popup_visible()
        assert page.procedure.rows[0].name == "Cấp giấy phép lái xe"
        keys.press(Qt.Key.Key_Return)
        assert page.detail is not None and page.detail.code == PROCEDURE
        assert page.procedure.summary.duration.text() == "10 ngày làm việc"
        assert "135.000 đồng" in page.procedure.summary.fee.text()
        assert page.procedure.summary.saturday.text() == "Không nhận hồ sơ thứ Bảy"
        assert [r.received for r in page.checklist.model.rows] == [True] * 4
        # Received Thu 13/03/2025 09:00 (the tests' clock), 10 working days.
        assert page.due_label.text() == "Hẹn trả: 09 giờ 00 phút, ngày 27/03/2025"
        assert a.phone.hasFocus()
        keys.type("0912345678")
        keys.press(Qt.Key.Key_S, CTRL)

        assert page.stack.currentWidget() is page.result
        code = page.result.code
        view = get_dossier(db, code)
        assert view.status == 2 and view.applicant_name == "Hoàng Thị Ánh Tuyết"
        assert view.applicant_phone == "0912345678" and view.applicant_gender == "Nữ"
        assert view.items[0].name.startswith("Đơn đề nghị học, sát hạch")
        assert len(view.items) == 4
        assert page.result.values["due"].text() == "09 giờ 00 phút, ngày 27/03/2025"
        assert page.result.values["secret"].text() == view.lookup_secret

        jobs = list_jobs(db)
        receipt = [j for j in jobs if j.document == "receipt"]
        assert len(receipt) == 1 and receipt[0].dossier_id == view.id
        assert receipt[0].printer_uri == f"file:{receipt_printer}"
        assert {j.document for j in jobs if j.printer_uri == f"file:{a4_printer}"} == {
            "form:receipt",
            "form:control",
        }
        folder = data_dir() / "forms" / code
        for name in ("receipt", "control"):
            pdf = folder / f"{name}.pdf"
            assert pdf.read_bytes()[:5] == b"%PDF-", pdf
        assert "control.pdf" in page.result.papers.text()

        # The print worker's thread sends the receipt (the page follows it), whose QR holds
        # the dossier code.
        qtbot.waitUntil(
            lambda: "Giấy hẹn (máy in nhiệt): đã in" in page.result.papers.text(), timeout=10_000
        )
        image = printed_image(receipt_printer.read_bytes()).convert("L")
        image = image.resize((image.width * 2, image.height * 2))
        assert code in {r.text for r in zxingcpp.read_barcodes(image)}
        assert window.status.printer.text().startswith("Máy in: file:")
    finally:
        window.ctx.stop_printing()


def test_a_printer_that_is_off_keeps_the_job_and_says_so(qtbot, signed_in, db) -> None:
    with socket.socket() as probe:  # a port nothing listens on: "connection refused"
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    window = signed_in("canbo1", receipt_printer=f"tcp://127.0.0.1:{port}")
    try:
        page = intake_page(window)
        fill(page)
        page.save()
        assert page.stack.currentWidget() is page.result  # the window never waits on a printer
        qtbot.waitUntil(
            lambda: window.status.printer.text().startswith("Máy in lỗi"), timeout=10_000
        )
        assert window.status.printer.toolTip()  # the reason
        qtbot.waitUntil(lambda: "chưa in được, sẽ thử lại" in page.result.papers.text())
        job = next(j for j in list_jobs(db) if j.document == "receipt")
        assert job.state == "queued" and job.last_error  # kept, to be retried
    finally:
        window.ctx.stop_printing()


def test_a_typical_intake_after_the_scan_takes_at_most_15_keys(qtbot, signed_in, db) -> None:
    window = signed_in("canbo1")
    page = intake_page(window)
    activate(qtbot, window)
    window.ctx.cccd_scanned.emit(CCCD)  # the scan itself is the scanner's keys, not the officer's

    keys = Keyboard()
    keys.type("gpl")  # initials of "giấy phép lái (xe)"
    keys.press(Qt.Key.Key_Return)  # picks the first result; the cursor goes to the phone
    keys.type("0912345678")
    keys.press(Qt.Key.Key_S, CTRL)

    assert page.stack.currentWidget() is page.result, window.shell.bar.text()
    assert keys.count == 15, keys.log
    view = get_dossier(db, page.result.code)
    assert (view.procedure_code, view.applicant_phone) == (PROCEDURE, "0912345678")


def test_a_returning_applicant_needs_only_5_keys(qtbot, signed_in, db) -> None:
    """The phone an applicant gave last time is offered (and said so): 'gpl', Enter, Ctrl+S."""
    window = signed_in("canbo1")
    page = intake_page(window)
    fill(page)
    page.save()
    page.new_form()
    activate(qtbot, window)
    window.ctx.cccd_scanned.emit(CCCD)
    assert page.applicant.phone.text() == "0912345678"
    assert "hỏi lại người nộp" in page.applicant.source.text()
    keys = Keyboard()
    keys.type("gpl")
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_S, CTRL)
    assert page.stack.currentWidget() is page.result
    assert keys.count == 5 and dossier_count(db) == 2


def test_enter_after_a_fast_typist_waits_for_the_search(qtbot, signed_in) -> None:
    """Enter pressed before the search answered picks the first result once it does."""
    window = signed_in("canbo1")
    page = intake_page(window)
    panel = page.procedure
    panel._in_flight = True  # a search is under way on the database thread
    panel.search.setText("gplx")
    panel._request()
    panel.pick_first()
    assert page.detail is None  # nothing picked from a stale list
    panel._in_flight = False
    panel._spacing_over()  # the answer came; the newest text is searched, then picked
    assert page.detail is not None and page.detail.code == PROCEDURE


def test_down_and_enter_pick_another_result(qtbot, signed_in) -> None:
    window = signed_in("canbo1")
    page = intake_page(window)
    activate(qtbot, window)
    page.procedure.focus_search()
    keys = Keyboard()
    keys.type("lai xe")
    qtbot.waitUntil(page.procedure.settled)
    second = page.procedure.rows[1]
    keys.press(Qt.Key.Key_Down)
    assert page.procedure.list.hasFocus()
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Return)
    assert page.detail is not None and page.detail.code == second.code
    assert not page.procedure.popup_visible()


def test_the_department_filter(signed_in) -> None:
    page = intake_page(signed_in("canbo1"))
    combo = page.procedure.department
    assert combo.count() > 10 and combo.itemText(0) == "Mọi cơ quan"
    page.procedure.search.setText("giấy phép")
    combo.setCurrentIndex(combo.findData("SGTVT"))
    assert page.procedure.rows and all(r.department_code == "SGTVT" for r in page.procedure.rows)


def test_f1_lists_the_pages_shortcuts(signed_in) -> None:
    window = signed_in("canbo1")
    intake_page(window)
    window.shell.toggle_help()
    shown = " ".join(
        label.text() for label in window.shell.help.findChildren(type(window.status.user))
    )
    for text in ("Lưu, in giấy hẹn", "Tiếp nhận hồ sơ mới", "Yêu cầu bổ sung hồ sơ (mẫu 02)",
                 "Từ chối tiếp nhận (mẫu 03)", "Đọc mã QR căn cước từ ảnh", "Tìm thủ tục"):  # fmt: skip
        assert text in shown


# --- bad input: a clear message, nothing written -----------------------------------------------


def test_an_unknown_procedure_is_said_and_nothing_is_saved(qtbot, signed_in, db) -> None:
    window = signed_in("canbo1")
    page = intake_page(window)
    activate(qtbot, window)
    before = dossier_count(db)
    window.ctx.cccd_scanned.emit(CCCD)
    keys = Keyboard()
    keys.type("xqzw kkk")
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(page.procedure.settled)
    assert page.procedure.rows == []
    assert "Không tìm thấy thủ tục nào khớp “xqzw kkk”" in page.procedure.empty.text()
    assert "Không tìm thấy thủ tục nào khớp" in window.shell.bar.text()
    keys.press(Qt.Key.Key_S, CTRL)
    assert "Chưa chọn thủ tục" in window.shell.bar.text() and window.shell.bar.kind == "error"
    assert page.procedure.search.hasFocus()
    assert page.stack.currentWidget() is not page.result and dossier_count(db) == before


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("0201950043", "Số CCCD phải có đủ 12 chữ số (đang có 10)"),
        ("02019500432a", "Số CCCD chỉ gồm chữ số"),
        ("999195004321", "3 số đầu (mã tỉnh) phải từ 001 đến 096"),
    ],
)
def test_a_bad_id_number_is_said_as_typed_and_blocks_saving(
    qtbot, signed_in, db, typed, message
) -> None:
    window = signed_in("canbo1")
    page = intake_page(window)
    activate(qtbot, window)
    fill(page)
    before = dossier_count(db)
    page.applicant.id_number.setFocus()
    page.applicant.id_number.clear()
    keys = Keyboard()
    keys.type(typed)
    keys.press(Qt.Key.Key_Tab)  # leaving the field: an incomplete number is now an error
    assert message in page.applicant.error.text()
    assert page.applicant.id_number.property("invalid") is True
    assert not page.save_button.isEnabled()
    page.save()
    assert message in window.shell.bar.text() and page.applicant.id_number.hasFocus()
    assert dossier_count(db) == before


def test_a_bad_phone_is_said(qtbot, signed_in, db) -> None:
    window = signed_in("canbo1")
    page = intake_page(window)
    fill(page, phone="0123")
    page.save()
    assert "Số điện thoại không hợp lệ" in window.shell.bar.text()
    assert dossier_count(db) == 0


def test_a_missing_required_document_is_named(qtbot, signed_in, db) -> None:
    window = signed_in("canbo1")
    page = intake_page(window)
    activate(qtbot, window)
    fill(page)
    page.checklist.table.setFocus()
    page.checklist.table.setCurrentIndex(page.checklist.model.index(2, 1))
    Keyboard().press(Qt.Key.Key_Space)  # unticks "Giấy khám sức khỏe…"
    missing = page.checklist.model.rows[2].name
    assert missing.startswith("Giấy khám sức khỏe") and not page.checklist.model.rows[2].received
    assert f"Thiếu giấy tờ bắt buộc: {missing}" in page.checklist.state.text()
    assert not page.save_button.isEnabled()
    page.save()
    assert f"Thiếu giấy tờ bắt buộc: {missing}" in window.shell.bar.text()
    assert "Yêu cầu bổ sung (Ctrl+B)" in window.shell.bar.text()
    assert dossier_count(db) == 0
    page.checklist.model.tick_required()  # Ctrl+D
    page.save()
    assert dossier_count(db) == 1


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("not a card", "cần ít nhất 6 trường"),
        ("0201950043|Trần Văn An|01021995|Nam|Lạng Sơn|15082021", "số CCCD phải có 12 chữ số"),
        (CCCD.replace("01021995", "31021995"), "ngày sinh phải là ngày có thật"),
        (CCCD.replace("|Nữ|", "|X|"), "giới tính phải là 'Nam' hoặc 'Nữ'"),
    ],
)
def test_an_unparsable_qr_says_why_and_fills_nothing(signed_in, db, payload, message) -> None:
    window = signed_in("canbo1")
    page = intake_page(window)
    window.ctx.cccd_scanned.emit(payload)
    assert message in window.shell.bar.text() and window.shell.bar.kind == "error"
    assert page.applicant.is_empty()
    assert page.last_cccd == payload and dossier_count(db) == 0


def test_a_bad_qr_leaves_a_typed_applicant_alone(signed_in) -> None:
    window = signed_in("canbo1")
    page = intake_page(window)
    fill(page)
    before = page.applicant.values()
    window.ctx.cccd_scanned.emit("|".join(["020195004321"] * 7))
    assert page.applicant.values() == before


def test_return_by_post_needs_an_address(qtbot, signed_in, db) -> None:
    window = signed_in("canbo1")
    page = intake_page(window)
    fill(page)
    page.options.toggle_post()
    assert page.options.post_address.text().startswith("Số 12 đường Lê Lợi")  # the applicant's
    assert page.options.post_phone.text() == "0912345678"
    page.options.post_address.clear()
    page.options.changed.emit()
    page.save()
    assert "cần địa chỉ nhận" in window.shell.bar.text() and dossier_count(db) == 0
    page.options.post_address.setText("Thôn Pắc Mòng, xã Mai Pha")
    page.save()
    view = get_dossier(db, page.result.code)
    assert view.return_by_post and view.post_address == "Thôn Pắc Mòng, xã Mai Pha"


def test_postal_staff_log_a_dossier_received_by_post_with_its_tracking_number(
    qtbot, signed_in, db
) -> None:
    window = signed_in("buudien")
    assert window.shell.current_id() == "postal"
    page = intake_page(window)
    options = page.options
    assert options.channel_value() == Channel.POSTAL  # what postal staff receive
    assert options.tracking.isVisibleTo(page)
    fill(page)
    options.tracking.setText("EB123456789VN")  # a wrong check digit
    options.changed.emit()
    page.save()
    assert "Mã vận đơn không đúng" in window.shell.bar.text() and dossier_count(db) == 0
    options.tracking.setText("eb123456785vn")
    options.changed.emit()
    page.save()
    view = get_dossier(db, page.result.code)
    assert view.channel == Channel.POSTAL
    with db.read() as session:
        data = session.scalar(
            select(DossierEvent.data).join(Dossier).where(Dossier.code == page.result.code)
        )
    assert data["postal_tracking"] == "EB123456785VN"
    # A new form starts on the postal channel again, with no number.
    page.new_form()
    assert options.channel_value() == Channel.POSTAL and options.tracking.text() == ""


def test_an_officer_sees_no_tracking_field_until_the_channel_is_postal(signed_in) -> None:
    page = intake_page(signed_in("canbo1"))
    assert page.options.channel_value() == Channel.DIRECT
    assert not page.options.tracking.isVisibleTo(page)
    page.options.channel.setCurrentIndex(page.options.channel.findData(int(Channel.POSTAL)))
    assert page.options.tracking.isVisibleTo(page)


# --- reading the card from a picture -----------------------------------------------------------


def test_a_picture_of_the_card_fills_the_applicant(signed_in, tmp_path) -> None:
    window = signed_in("canbo1")
    page = intake_page(window)
    page.decode_image(str(qr_picture(CCCD, tmp_path / "card.png")))
    assert page.applicant.full_name.text() == "Hoàng Thị Ánh Tuyết"


def test_a_picture_without_a_card_qr_is_said(signed_in, tmp_path) -> None:
    window = signed_in("canbo1")
    page = intake_page(window)
    page.decode_image(str(qr_picture("https://dichvucong.gov.vn", tmp_path / "other.png")))
    assert "không phải mã QR của thẻ căn cước" in window.shell.bar.text()
    blank = tmp_path / "blank.png"
    Image.new("L", (400, 300), 255).save(blank)
    page.decode_image(str(blank))
    assert "Không thấy mã QR" in window.shell.bar.text()
    assert page.applicant.is_empty()


# --- never waiting -----------------------------------------------------------------------------


def test_the_window_never_waits_for_the_save(qtbot, make_window, demo_passwords, db, monkeypatch):
    """With real threads: the save runs on the database thread while the GUI thread goes on."""
    import counter_app.ui.pages.intake as intake_module
    from counter_app.services.intake import create_dossier

    threads: list[str] = []

    def slow_create(*args, **kwargs):
        threads.append(threading.current_thread().name)
        time.sleep(0.4)  # a slow disk, a busy database
        return create_dossier(*args, **kwargs)

    monkeypatch.setattr(intake_module, "create_dossier", slow_create)
    worker = Worker()
    try:
        window = make_window(threads=worker)
        sign_in(window, "canbo1", demo_passwords["canbo1"])
        qtbot.waitUntil(lambda: window.current_screen == "shell", timeout=10_000)
        page = intake_page(window)
        qtbot.waitUntil(lambda: page.procedure.department.count() > 1, timeout=10_000)
        window.ctx.cccd_scanned.emit(CCCD)
        page.choose_procedure(PROCEDURE)
        qtbot.waitUntil(lambda: page.due is not None, timeout=10_000)
        page.applicant.phone.setText("0912345678")

        beats: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        heart = QTimer()
        heart.timeout.connect(lambda: beats.append(clock.elapsed()))
        heart.start(10)
        started = time.perf_counter()
        page.save()
        returned_after = time.perf_counter() - started
        assert page.busy and not page.save_button.isEnabled()  # a second Ctrl+S does nothing
        page.save()
        window.ctx.cccd_scanned.emit(CCCD.replace("Hoàng Thị Ánh Tuyết", "Lý Văn Sơn"))
        assert "Đang ghi hồ sơ trước" in window.shell.bar.text()  # the form stays as saved
        qtbot.waitUntil(lambda: page.stack.currentWidget() is page.result, timeout=10_000)
        qtbot.waitUntil(lambda: "control.pdf" in page.result.papers.text(), timeout=10_000)
        heart.stop()
        assert page.result.values["applicant"].text() == "Hoàng Thị Ánh Tuyết"
        # save() returned long before the 0.4 s write ended, and the event loop kept ticking
        # meanwhile (the stall figures themselves are measured by bench/bench_gui_intake.py)
        assert returned_after < 0.3
        assert threads == ["counter-db_0"]  # once, on the database thread
        assert len(beats) > 5
        assert dossier_count(db) == 1
    finally:
        worker.shutdown()
