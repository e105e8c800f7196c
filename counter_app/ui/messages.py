"""The message bar: non-modal, readable, above the page. Errors stay until closed or replaced;
information and success fade after a while. Nothing here steals the keyboard focus."""

from __future__ import annotations

from counter_app.ui.qt import QFrame, QHBoxLayout, QLabel, QPushButton, Qt, QTimer, QWidget

KINDS = ("info", "success", "warning", "error")
FADE_MS = {"info": 8000, "success": 6000}


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setProperty("kind", "info")
        self.label = QLabel(objectName="messageText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QPushButton("×", objectName="messageClose")
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.setToolTip(self.tr("Đóng thông báo"))
        close.clicked.connect(self.clear)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 8, 6, 8)
        row.addWidget(self.label, 1)
        row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self._fade = QTimer(self)
        self._fade.setSingleShot(True)
        self._fade.timeout.connect(self.clear)
        self.hide()

    @property
    def kind(self) -> str:
        return str(self.property("kind"))

    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()

    def show_message(self, text: str, kind: str = "info") -> None:
        kind = kind if kind in KINDS else "info"
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.label.setText(text)
        self.setAccessibleDescription(text)
        self.show()
        if kind in FADE_MS:
            self._fade.start(FADE_MS[kind])
        else:
            self._fade.stop()

    def clear(self) -> None:
        self._fade.stop()
        self.label.clear()
        self.hide()
