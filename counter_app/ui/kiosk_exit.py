"""Leaving the kiosk: only an administrator (or supervisor) with a password.

Two ways to ask: Ctrl+Alt+Q on a keyboard, or a long press (LONG_PRESS_MS) on the invisible
top-left corner of the screen. Either opens `AdminPanel`; the right password emits `granted`.
"""

from __future__ import annotations

from counter_app.domain.text import nfc
from counter_app.ui.qt import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMouseEvent,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

LONG_PRESS_MS = 3000
EXIT_SHORTCUT = "Ctrl+Alt+Q"


class CornerHotspot(QWidget):
    """An invisible square in a corner: held down LONG_PRESS_MS, it emits `long_pressed`."""

    long_pressed = Signal()

    def __init__(self, parent: QWidget | None = None, size: int = 90) -> None:
        super().__init__(parent)
        self.setFixedSize(size, size)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(LONG_PRESS_MS)
        self.timer.timeout.connect(self.long_pressed)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.timer.start()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.timer.stop()
        event.accept()


class AdminPanel(QWidget):
    """User name and password of an administrator; `submitted(user, password)`, `cancelled()`.

    The kiosk checks the password (off the GUI thread) and calls `refuse(text)` or closes."""

    submitted = Signal(str, str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QFrame(objectName="adminPanel")
        box.setFixedWidth(560)
        title = QLabel(self.tr("Thoát chế độ máy lấy số"), objectName="adminTitle")
        note = QLabel(self.tr("Chỉ dành cho quản trị viên."), objectName="kioskHint")
        self.user = QLineEdit(placeholderText=self.tr("Tên đăng nhập"))
        self.password = QLineEdit(placeholderText=self.tr("Mật khẩu"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(objectName="adminError")
        self.error.setWordWrap(True)
        self.ok = QPushButton(self.tr("Thoát"))
        self.cancel = QPushButton(self.tr("Hủy"))
        self.ok.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.user.returnPressed.connect(self.password.setFocus)
        self.cancel.clicked.connect(self.cancelled)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.ok)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(14)
        for w in (title, note, self.user, self.password, self.error):
            inner.addWidget(w)
        inner.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def open(self) -> None:
        """Start afresh (nothing typed is kept) with the focus in the user name."""
        self.user.clear()
        self.password.clear()
        self.error.clear()
        self.ok.setEnabled(True)
        self.user.setFocus()

    def refuse(self, text: str) -> None:
        self.password.clear()
        self.error.setText(text)
        self.ok.setEnabled(True)
        self.password.setFocus()

    def _submit(self) -> None:
        user = nfc(self.user.text()).strip()
        if not user or not self.password.text():
            self.error.setText(self.tr("Nhập tên đăng nhập và mật khẩu."))
            return
        self.ok.setEnabled(False)
        self.submitted.emit(user, self.password.text())
