"""Locking the session: after idle time (or Ctrl+L) the window covers itself and asks the same
user's password; an administrator may sign in there instead, to switch the user."""

from __future__ import annotations

import time
from collections.abc import Callable

from counter_app.ui.qt import (
    QEvent,
    QLabel,
    QLineEdit,
    QObject,
    QPushButton,
    QTimer,
    QWidget,
    Signal,
)
from counter_app.ui.widgets import CardScreen

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


class IdleWatcher(QObject):
    """Emits `idle` once after `timeout_ms` without keyboard or mouse input anywhere in the app.

    Install with `QApplication.instance().installEventFilter(watcher)`. Each event only stores
    a time; a timer looks at it a few times per period."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None, clock: Callable[[], float] | None = None):
        super().__init__(parent)
        self.clock = clock or time.monotonic
        self.timeout_s = 0.0
        self._last = self.clock()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)

    def start(self, timeout_ms: int) -> None:
        """Watch; `timeout_ms` ≤ 0 turns idle locking off."""
        self.timeout_s = timeout_ms / 1000
        self._last = self.clock()
        if timeout_ms > 0:
            self._timer.start(max(50, min(timeout_ms // 4, 5000)))
        else:
            self._timer.stop()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self._last = self.clock()
        return False

    def _check(self) -> None:
        if self.clock() - self._last >= self.timeout_s:
            self._timer.stop()
            self.idle.emit()


class LockScreen(CardScreen):
    unlock = Signal(str)  # the signed-in user's password
    switch_user = Signal(str, str)  # an administrator's username and password

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(440, parent)
        self.heading(self.tr("Màn hình đã khóa"))
        self.who = QLabel("", objectName="muted")
        self.who.setWordWrap(True)
        self.body.addWidget(self.who)
        self.body.addSpacing(8)
        self.username = QLineEdit(objectName="lockUsername")
        self.username.setPlaceholderText(self.tr("Tên đăng nhập của quản trị viên"))
        self.username.hide()
        self.password = QLineEdit(objectName="lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Mật khẩu"))
        self.password.setAccessibleName(self.tr("Mật khẩu"))
        self.body.addWidget(self.username)
        self.body.addWidget(self.password)
        self.error = QLabel("", objectName="formError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.body.addWidget(self.error)
        self.button = QPushButton(self.tr("Mở khóa"), objectName="primary")
        self.body.addWidget(self.button)
        self.switch = QPushButton(self.tr("Quản trị viên: đổi người dùng"), objectName="link")
        self.body.addWidget(self.switch)
        self.password.returnPressed.connect(self.submit)
        self.username.returnPressed.connect(self.password.setFocus)
        self.button.clicked.connect(self.submit)
        self.switch.clicked.connect(self.toggle_switch)
        self.busy = False

    @property
    def switching(self) -> bool:
        return not self.username.isHidden()

    def set_user(self, full_name: str, username: str) -> None:
        self.who.setText(
            self.tr("%1 (%2) đã rời quầy. Nhập mật khẩu để tiếp tục.")
            .replace("%1", full_name)
            .replace("%2", username)
        )

    def reset(self) -> None:
        self.set_busy(False)
        self.username.clear()
        self.username.hide()
        self.password.clear()
        self.error.hide()
        self.button.setText(self.tr("Mở khóa"))
        self.switch.setText(self.tr("Quản trị viên: đổi người dùng"))
        self.password.setFocus()

    def toggle_switch(self) -> None:
        on = not self.switching
        self.username.setVisible(on)
        self.error.hide()
        self.button.setText(self.tr("Đăng nhập và đổi người dùng") if on else self.tr("Mở khóa"))
        self.switch.setText(
            self.tr("Quay lại mở khóa") if on else self.tr("Quản trị viên: đổi người dùng")
        )
        (self.username if on else self.password).setFocus()

    def submit(self) -> None:
        if self.busy or not self.password.text():
            self.password.setFocus()
            return
        if self.switching:
            if not self.username.text().strip():
                self.username.setFocus()
                return
            self.set_busy(True)
            self.switch_user.emit(self.username.text().strip(), self.password.text())
        else:
            self.set_busy(True)
            self.unlock.emit(self.password.text())

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        for w in (self.username, self.password, self.button, self.switch):
            w.setEnabled(not busy)

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self.error.setText(text)
        self.error.show()
        self.password.clear()
        self.password.setFocus()
