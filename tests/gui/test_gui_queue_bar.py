"""The officer's queue bar (issue 7, part 3): call next (priority first), recall, no-show,
transfer, start serving (opens intake), finish, the keys, and what it says when nobody waits."""

from __future__ import annotations

from datetime import timedelta

import pytest
from gui_helpers import NOW
from PySide6.QtTest import QTest
from sqlalchemy import select

from counter_app.models import Desk, Dossier, QueueTicket
from counter_app.services.queue import issue_ticket
from counter_app.services.recording import Actor
from counter_app.ui.context import Changes
from counter_app.ui.qt import QApplication, Qt
from counter_app.ui.queue_transfer import TransferDialog

KIOSK = Actor(None, "Kiosk")


def _issue(window, service: str = "A", priority: str = "", minutes: int = 0) -> str:
    at = NOW - timedelta(minutes=30 - minutes)
    return issue_ticket(window.db, service, KIOSK, priority=priority, now=at).ticket.display


def _state(window, display: str) -> str:
    """The state of the latest ticket shown as `display` (a transfer makes a second one)."""
    with window.db.read() as session:
        return session.scalars(
            select(QueueTicket.state)
            .where(QueueTicket.display == display)
            .order_by(QueueTicket.id.desc())
        ).first()


def _key(window, key: Qt.Key, mods=Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key as the officer does: in the window, wherever the focus is."""
    QTest.keyClick(QApplication.focusWidget() or window, key, mods)


def _desk(qtbot, signed_in):
    """The officer of desk 1 signed in, the window active (shortcuts need it)."""
    window = signed_in("canbo1")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_nobody_waiting_is_said(qtbot, signed_in) -> None:
    window = _desk(qtbot, signed_in)
    bar = window.shell.queue_bar
    assert bar is not None and bar.isVisible()
    assert bar.waiting.text() == "Không còn ai chờ"
    _key(window, Qt.Key.Key_F11)
    assert "Không còn ai chờ" in window.shell.bar.text()
    assert bar.number.text() == "—"


def test_call_next_shows_the_ticket_priority_first_and_recall(qtbot, signed_in) -> None:
    window = _desk(qtbot, signed_in)
    bar = window.shell.queue_bar
    first = _issue(window, minutes=0)
    elderly = _issue(window, priority="elderly", minutes=5)
    _issue(window, "B", minutes=1)  # another service: not this desk's
    bar.refresh()
    assert bar.waiting.text() == "Đang chờ: 2"
    bar.next_button.click()
    assert bar.number.text() == elderly
    assert "người cao tuổi" in bar.times.full and "đã chờ 25 phút" in bar.times.full
    assert "Đất đai" in bar.service.full
    assert f"Mời số {elderly} đến Quầy số 1" in window.shell.bar.text()
    assert bar.waiting.text() == "Đang chờ: 1"
    assert _state(window, elderly) == "called"
    # Called and not served yet: F11 does not call over the citizen on the way to the desk.
    _key(window, Qt.Key.Key_F11)
    assert bar.number.text() == elderly and "Vắng mặt" in window.shell.bar.text()
    _key(window, Qt.Key.Key_F12)
    assert f"Đã gọi lại số {elderly}" in window.shell.bar.text()
    assert _state(window, elderly) == "called"
    assert first != elderly


def test_no_show_then_the_next(qtbot, signed_in) -> None:
    window = _desk(qtbot, signed_in)
    bar = window.shell.queue_bar
    a = _issue(window)
    b = _issue(window, minutes=1)
    _key(window, Qt.Key.Key_F11)
    assert bar.number.text() == a
    _key(window, Qt.Key.Key_V, CTRL_SHIFT)
    assert _state(window, a) == "no_show"
    assert bar.number.text() == "—" and f"Số {a} vắng mặt" in window.shell.bar.text()
    _key(window, Qt.Key.Key_F11)
    assert bar.number.text() == b


def test_start_serving_opens_intake_then_finish(qtbot, signed_in) -> None:
    window = _desk(qtbot, signed_in)
    window.shell.show_page("dossiers")
    bar = window.shell.queue_bar
    a = _issue(window)
    _key(window, Qt.Key.Key_F11)
    _key(window, Qt.Key.Key_P, CTRL_SHIFT)
    assert window.shell.current_id() == "intake"
    assert _state(window, a) == "serving"
    assert bar.finish_button.isVisible() and not bar.recall_button.isVisible()
    assert bar.times.full.startswith("Đang phục vụ")
    _key(window, Qt.Key.Key_K, CTRL_SHIFT)
    assert _state(window, a) == "done"
    assert bar.number.text() == "—" and f"Đã phục vụ xong số {a}" in window.shell.bar.text()


def test_the_dossier_received_while_serving_is_what_the_ticket_came_for(qtbot, signed_in) -> None:
    from test_gui_intake import fill

    window = _desk(qtbot, signed_in)
    bar = window.shell.queue_bar
    a = _issue(window)
    _key(window, Qt.Key.Key_F11)
    _key(window, Qt.Key.Key_P, CTRL_SHIFT)
    page = window.shell.current_page()
    fill(page)
    page.save()

    def received() -> str | None:
        with window.db.read() as session:
            return session.scalar(
                select(Dossier.code).where(Dossier.applicant_name == "Hoàng Thị Ánh Tuyết")
            )

    qtbot.waitUntil(lambda: received() is not None, timeout=5000)
    code = received()

    def came_for() -> str | None:
        with window.db.read() as session:
            return session.scalar(
                select(Dossier.code)
                .join(QueueTicket, QueueTicket.dossier_id == Dossier.id)
                .where(QueueTicket.display == a)
            )

    qtbot.waitUntil(lambda: came_for() == code, timeout=5000)
    # A second dossier for the same citizen leaves the first as the visit's.
    window.ctx.announce(Changes(dossiers=frozenset({"000.00.00.H00-000000-0000"})))
    assert came_for() == code
    _key(window, Qt.Key.Key_K, CTRL_SHIFT)
    assert _state(window, a) == "done" and bar.number.text() == "—"


def test_serve_menu_opens_returns(qtbot, signed_in) -> None:
    window = _desk(qtbot, signed_in)
    bar = window.shell.queue_bar
    _issue(window)
    bar.next_button.click()
    returns = next(a for a in bar.serve_button.menu().actions() if "trả kết quả" in a.text())
    returns.trigger()
    assert window.shell.current_id() == "returns"


def test_f11_while_serving_finishes_and_calls_the_next(qtbot, signed_in) -> None:
    window = _desk(qtbot, signed_in)
    bar = window.shell.queue_bar
    a, b = _issue(window), _issue(window, minutes=1)
    _key(window, Qt.Key.Key_F11)
    bar.serve_button.defaultAction().trigger()
    assert "Xong, gọi số tiếp" in bar.next_button.text()
    _key(window, Qt.Key.Key_F11)
    assert _state(window, a) == "done"
    assert bar.number.text() == b and _state(window, b) == "called"


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_transfer_to_another_desk(qtbot, signed_in) -> None:
    window = _desk(qtbot, signed_in)
    bar = window.shell.queue_bar
    a = _issue(window)
    _key(window, Qt.Key.Key_F11)
    _key(window, Qt.Key.Key_T, CTRL_SHIFT)
    dialog = bar.dialog
    assert isinstance(dialog, TransferDialog) and dialog.isVisible()
    assert dialog.to_service.isChecked()
    dialog.to_desk.setChecked(True)
    dialog.desk.setCurrentIndex(dialog.desk.findData(2))
    dialog.accept()
    assert bar.number.text() == "—"
    assert f"Đã chuyển số {a} sang quầy số 2" in window.shell.bar.text()
    with window.db.read() as session:
        rows = session.scalars(select(QueueTicket).where(QueueTicket.display == a)).all()
        desk2 = session.scalar(select(Desk.id).where(Desk.number == 2))
        states = sorted((t.state, t.desk_id == desk2) for t in rows)
    assert states == [("transferred", False), ("waiting", True)]


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_transfer_to_another_service(qtbot, signed_in) -> None:
    window = _desk(qtbot, signed_in)
    bar = window.shell.queue_bar
    a = _issue(window)
    bar.next_button.click()
    bar.transfer_button.click()
    dialog = bar.dialog
    dialog.service.setCurrentIndex(dialog.service.findData("C"))
    dialog.accept()
    assert f"Đã chuyển số {a} sang dịch vụ C" in window.shell.bar.text()
    assert _state(window, a) == "waiting"


def test_keys_at_the_wrong_moment_say_why(qtbot, signed_in) -> None:
    window = _desk(qtbot, signed_in)
    for key in (Qt.Key.Key_F12,):
        _key(window, key)
        assert "Chưa có số nào đang được gọi" in window.shell.bar.text()
    _key(window, Qt.Key.Key_K, CTRL_SHIFT)
    assert "Chưa có số nào đang được gọi" in window.shell.bar.text()


def test_f1_lists_the_queue_keys(qtbot, signed_in) -> None:
    window = _desk(qtbot, signed_in)
    window.shell.toggle_help()
    shown = " ".join(
        label.text() for label in window.shell.help.findChildren(type(window.status.user))
    )
    for key in ("F11", "F12", "Ctrl+Shift+V", "Ctrl+Shift+P", "Ctrl+Shift+K", "Ctrl+Shift+T"):
        assert key in shown, key
    assert "Gọi số tiếp" in shown


def test_no_bar_for_a_supervisor(qtbot, signed_in) -> None:
    window = signed_in("lanhdao")
    assert window.shell.queue_bar is None
