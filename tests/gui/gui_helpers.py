"""Helpers of the window's tests (a module of its own: `conftest` is a name every test folder
uses, so importing from it picks whichever came first)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from counter_app.ui.qt import QApplication, QEvent, QKeyEvent, Qt, QWidget

if TYPE_CHECKING:
    from counter_app.ui.window import CounterWindow

VN = ZoneInfo("Asia/Ho_Chi_Minh")
# Thursday 13 March 2025, 09:00 in Lạng Sơn: a working morning (DOMAIN.md's examples).
NOW = datetime(2025, 3, 13, 9, 0, tzinfo=VN)


def sign_in(window: CounterWindow, username: str, password: str) -> None:
    """Fill the sign-in screen and press Enter in the password field."""
    from PySide6.QtTest import QTest

    window.signin.username.setText(username)
    window.signin.password.setText(password)
    QTest.keyClick(window.signin.password, Qt.Key.Key_Return)


class FakeClock:
    """Milliseconds that only move when a test says so."""

    def __init__(self) -> None:
        self.ms = 1_000_000.0

    def __call__(self) -> float:
        return self.ms


def type_keys(widget: QWidget, text: str, clock: FakeClock, gap_ms: float, enter: bool = True):
    """Send `text` (then Enter) to `widget` as key events, `gap_ms` apart on `clock`."""
    app = QApplication.instance()
    for ch in text:
        clock.ms += gap_ms
        key = Qt.Key(ord(ch.upper())) if ch.isascii() and ch.isalnum() else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            app.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))
    if enter:
        clock.ms += gap_ms
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            app.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
            )
