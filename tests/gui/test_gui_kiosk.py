"""The ticket kiosk: a touch issues a ticket shown big, priorities, the print to a file printer,
a printer that is off (ticket issued and shown, job queued with its error), the admin exit."""

from __future__ import annotations

import socket
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from counter_app.db import Database
from counter_app.services.print_queue import list_jobs
from counter_app.services.queue import queue_status
from counter_app.services.setup import open_database
from counter_app.ui.kiosk import TICKET_OFF_MS, KioskWindow
from counter_app.ui.kiosk_context import KioskContext
from counter_app.ui.qt import Qt
from counter_app.ui.worker import Worker

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "printing"))
from escpos_reader import read_escpos

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def kiosk(qtbot, demo_path: Path) -> Iterator[Callable[..., KioskWindow]]:
    """Build and start a kiosk on the demo center (an inline worker; the print worker runs on
    its own thread when a printer is given)."""
    made: list[tuple[KioskWindow, Database, Worker]] = []

    def make(printer_uri: str = "") -> KioskWindow:
        db = open_database(f"sqlite:///{demo_path}")
        worker = Worker(inline=True)
        window = KioskWindow(KioskContext(db=db, worker=worker, printer_uri=printer_uri))
        qtbot.addWidget(window)
        made.append((window, db, worker))
        window.resize(1366, 768)
        window.start()
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    for window, db, worker in made:
        window.may_close = True
        window.close()
        worker.shutdown()
        db.dispose()


def tap(qtbot, window: KioskWindow, code: str) -> None:
    qtbot.mouseClick(window.grid.cards[code], Qt.MouseButton.LeftButton)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_touch_issues_tickets_in_order_shown_big(qtbot, kiosk) -> None:
    window = kiosk()
    assert list(window.grid.cards) == ["A", "B", "C", "D", "E", "F"]
    assert window.grid.cards["A"].height() >= 100  # a hand, not a mouse pointer
    shown = []
    for _ in range(3):
        tap(qtbot, window, "A")
        assert window.pages.currentWidget() is window.ticket_view
        shown.append((window.ticket_view.number.text(), window.ticket_view.ahead.text()))
        qtbot.mouseClick(window.ticket_view.done_button, Qt.MouseButton.LeftButton)
        assert window.pages.currentWidget() is window.home
    assert shown == [
        ("A001", "Không có ai chờ trước Ông/Bà"),
        ("A002", "Trước Ông/Bà còn 1 người chờ"),
        ("A003", "Trước Ông/Bà còn 2 người chờ"),
    ]
    assert window.ticket_view.service.text() == "Đất đai, xây dựng, tài nguyên"
    assert window.ticket_view.time.text().startswith("Lấy số lúc ")
    assert window.grid.cards["A"].waiting.text() == "3 người đang chờ"
    waiting = {s.code: s.waiting for s in queue_status(window.ctx.db).services}
    assert waiting["A"] == 3 and waiting["B"] == 0


def test_the_ticket_goes_home_by_itself(qtbot, kiosk, monkeypatch) -> None:
    window = kiosk()
    monkeypatch.setattr("counter_app.ui.kiosk.TICKET_OFF_MS", 50)  # no printer here
    tap(qtbot, window, "C")
    assert window.back_timer.isActive()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.home, timeout=2000)


def test_a_double_tap_while_issuing_makes_one_ticket(qtbot, kiosk) -> None:
    window = kiosk()
    window.busy = True  # a ticket is being issued on the database thread
    tap(qtbot, window, "D")
    assert window.pages.currentWidget() is window.home
    assert {s.code: s.waiting for s in queue_status(window.ctx.db).services}["D"] == 0


def test_priority_is_a_second_step_called_first(qtbot, kiosk) -> None:
    window = kiosk()
    tap(qtbot, window, "B")  # an ordinary ticket waits already
    window.show_home()
    qtbot.mouseClick(window.priority_toggle, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.priority_panel
    assert [b.text() for b in window.priority_panel.buttons.values()] == [
        "Người cao tuổi", "Người khuyết tật", "Phụ nữ mang thai", "Có lịch hẹn",
    ]  # fmt: skip
    qtbot.mouseClick(window.priority_panel.buttons["elderly"], Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.home
    assert window.priority == "elderly"
    assert "Người cao tuổi" in window.priority_toggle.text()
    tap(qtbot, window, "B")
    view = window.ticket_view
    assert view.number.text() == "B002"
    assert view.priority.text() == "Ưu tiên: Người cao tuổi"
    assert view.ahead.text() == "Không có ai chờ trước Ông/Bà"  # called before B001
    assert window.last_ticket is not None and window.last_ticket.ticket.priority == "elderly"
    window.show_home()
    assert window.priority == "" and "chạm vào đây" in window.priority_toggle.text()


def test_a_priority_can_be_undone_and_left(qtbot, kiosk) -> None:
    window = kiosk()
    window.priority_toggle.click()
    window.priority_panel.back_button.click()
    assert window.pages.currentWidget() is window.home and window.priority == ""
    window.priority_toggle.click()
    window.priority_panel.buttons["appointment"].click()
    window.priority_toggle.click()  # "chạm để bỏ chọn"
    assert window.priority == ""
    window.priority_toggle.click()
    window.priority_panel.buttons["pregnant"].click()
    window.idle_timer.start(30)  # nobody touched the screen for a while
    qtbot.waitUntil(lambda: window.priority == "", timeout=2000)


def test_the_ticket_reaches_a_file_printer_as_a_raster_image(qtbot, kiosk, tmp_path) -> None:
    out = tmp_path / "printer.bin"
    window = kiosk(f"file:{out}")
    tap(qtbot, window, "E")
    view = window.ticket_view
    assert view.number.text() == "E001"
    qtbot.waitUntil(lambda: view.print_state.property("state") == "done", timeout=10_000)
    assert view.print_state.text() == "Mời Ông/Bà nhận phiếu ở khe bên dưới."
    printout = read_escpos(out.read_bytes())
    image = printout.image
    assert image is not None and image.width in (512, 576) and image.height > 400
    assert printout.named("cut")
    (job,) = list_jobs(window.ctx.db)
    assert job.state == "done" and job.document == "ticket"


def test_a_ticket_printed_before_it_is_shown_says_printed(qtbot, kiosk, tmp_path) -> None:
    """The print worker's news and the database lane's answer race to the GUI thread: when the
    printer is faster, the ticket shown must still say it came out, not 'printing' for ever."""
    window = kiosk(f"file:{tmp_path / 'printer.bin'}")
    issue = window.ctx.issue

    def late_answer(code, priority, *, on_success, on_error, owner=None):
        def after_the_print(ticket) -> None:
            done = lambda: getattr(window.jobs.get(ticket.job.id), "state", "") == "done"  # noqa: E731
            qtbot.waitUntil(done, timeout=10_000)
            assert window.ticket_view.number.text() != ticket.ticket.display  # not shown yet
            on_success(ticket)

        issue(code, priority, on_success=after_the_print, on_error=on_error, owner=owner)

    window.ctx.issue = late_answer
    tap(qtbot, window, "A")
    view = window.ticket_view
    assert view.number.text() == "A001"
    assert view.print_state.property("state") == "done"
    assert view.print_state.text() == "Mời Ông/Bà nhận phiếu ở khe bên dưới."


def test_a_printer_that_is_off_still_gives_the_ticket(qtbot, kiosk) -> None:
    window = kiosk(f"tcp://127.0.0.1:{closed_port()}")
    tap(qtbot, window, "A")
    view = window.ticket_view
    assert window.pages.currentWidget() is view and view.number.text() == "A001"
    qtbot.waitUntil(lambda: view.printer_off, timeout=10_000)
    assert "ghi nhớ số A001" in view.print_state.text()
    assert window.back_timer.interval() == TICKET_OFF_MS  # time to take a photo
    (job,) = list_jobs(window.ctx.db)
    assert job.state == "queued" and job.attempts >= 1 and job.last_error
    tap_again = window.ticket_view.done_button
    qtbot.mouseClick(tap_again, Qt.MouseButton.LeftButton)
    tap(qtbot, window, "A")  # the kiosk goes on issuing
    assert view.number.text() == "A002"


def test_no_printer_set_still_gives_the_ticket(qtbot, kiosk) -> None:
    window = kiosk("")
    tap(qtbot, window, "F")
    assert window.ticket_view.number.text() == "F001"
    # No follow page is served here: no QR that would lead nowhere.
    assert not window.ticket_view.qr.isVisible() and not window.ticket_view.qr_hint.isVisible()
    assert window.ticket_view.printer_off
    assert list_jobs(window.ctx.db) == []


def test_only_an_administrator_leaves_the_kiosk(qtbot, kiosk, demo_passwords) -> None:
    window = kiosk()
    window.close()  # Alt+F4 and the like
    assert window.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.isVisible() and window.pages.currentWidget() is window.home
    qtbot.keyClick(
        window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    admin = window.admin
    assert window.pages.currentWidget() is admin
    admin.user.setText("quantri")
    admin.password.setText("wrong")
    admin.ok.click()
    assert admin.error.text() and window.isVisible()
    admin.user.setText("canbo1")  # an officer: right password, no right to leave
    admin.password.setText(demo_passwords["canbo1"])
    admin.ok.click()
    assert "quản trị viên" in admin.error.text() and window.isVisible()
    admin.cancel.click()
    assert window.pages.currentWidget() is window.home
    window.corner.timer.setInterval(30)  # the long press in the top-left corner
    qtbot.mousePress(window.corner, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is admin, timeout=2000)
    qtbot.mouseRelease(window.corner, Qt.MouseButton.LeftButton)
    admin.user.setText("quantri")
    admin.password.setText(demo_passwords["quantri"])
    admin.ok.click()
    assert not window.isVisible()


def test_a_short_touch_in_the_corner_does_nothing(qtbot, kiosk) -> None:
    window = kiosk()
    qtbot.mouseClick(window.corner, Qt.MouseButton.LeftButton)
    assert not window.corner.timer.isActive()
    assert window.pages.currentWidget() is window.home
