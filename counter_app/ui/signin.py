"""The sign-in screen: user name, password, Enter. It only asks; the window checks (off the GUI
thread: scrypt takes ~50 ms) and calls back `show_error` or moves on."""

from __future__ import annotations

from counter_app.ui.qt import QLabel, QLineEdit, QPushButton, QWidget, Signal
from counter_app.ui.widgets import CardScreen


class SignInScreen(CardScreen):
    submitted = Signal(str, str)  # username, password

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(440, parent)
        self.heading(self.tr("Đăng nhập"))
        self.desk = QLabel("", objectName="muted")
        self.body.addWidget(self.desk)
        self.body.addSpacing(8)
        self.username = QLineEdit(objectName="username")
        self.username.setAccessibleName(self.tr("Tên đăng nhập"))
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Mật khẩu"))
        for label, field in (
            (self.tr("Tên đăng nhập"), self.username),
            (self.tr("Mật khẩu"), self.password),
        ):
            self.body.addSpacing(4)
            self.body.addWidget(QLabel(label, objectName="fieldLabel"))
            self.body.addWidget(field)
        self.error = QLabel("", objectName="formError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.body.addWidget(self.error)
        self.body.addSpacing(6)
        self.button = QPushButton(self.tr("Đăng nhập"), objectName="primary")
        self.button.setAutoDefault(True)
        self.body.addWidget(self.button)
        hint = QLabel(self.tr("Nhấn Enter để đăng nhập"), objectName="muted")
        self.body.addWidget(hint)
        self.username.returnPressed.connect(self._next)
        self.password.returnPressed.connect(self.submit)
        self.button.clicked.connect(self.submit)
        self.busy = False

    def set_desk(self, name: str) -> None:
        self.desk.setText(self.tr("Máy này: %1").replace("%1", name) if name else "")
        self.desk.setVisible(bool(name))

    def reset(self, username: str = "") -> None:
        """Ready for a new sign-in (at start, after signing out)."""
        self.set_busy(False)
        self.username.setText(username)
        self.password.clear()
        self.error.hide()
        (self.password if username else self.username).setFocus()

    def _next(self) -> None:
        if self.password.text():
            self.submit()
        else:
            self.password.setFocus()

    def submit(self) -> None:
        if self.busy:
            return
        if not self.username.text().strip():
            self.show_error(self.tr("Nhập tên đăng nhập"))
            self.username.setFocus()
            return
        if not self.password.text():
            self.show_error(self.tr("Nhập mật khẩu"))
            self.password.setFocus()
            return
        self.error.hide()
        self.set_busy(True)
        self.submitted.emit(self.username.text().strip(), self.password.text())

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        for w in (self.username, self.password, self.button):
            w.setEnabled(not busy)
        self.button.setText(self.tr("Đang kiểm tra…") if busy else self.tr("Đăng nhập"))

    def show_error(self, text: str) -> None:
        """The check failed: say why, clear the password, put the cursor back in it."""
        self.set_busy(False)
        self.error.setText(text)
        self.error.show()
        if self.username.text().strip():
            self.password.clear()
            self.password.setFocus()
