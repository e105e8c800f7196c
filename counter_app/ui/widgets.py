"""Small widgets shared by screens and pages: a centred card screen, a badge, the state line of
a list loaded from elsewhere."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from counter_app.ui import theme
from counter_app.ui.qt import (
    QColor,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPainter,
    QPen,
    QPoint,
    QPushButton,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
)


def centered(widget: QWidget) -> QHBoxLayout:
    """Return a row holding `widget` in the middle.

    Not `addWidget(w, 0, AlignHCenter)`: a box layout ignores the height-for-width of an aligned
    item, so a card with word-wrapped labels would get too short and clip them."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addStretch(1)
    row.addWidget(widget)
    row.addStretch(1)
    return row


class CardScreen(QWidget):
    """A whole-window screen: the header band of the shell, and one card in the middle
    (sign-in, desk choice, lock, opening the database)."""

    def __init__(self, width: int = 440, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        banner = QFrame(objectName="header")
        banner.setMinimumHeight(68)
        band = QVBoxLayout(banner)
        band.setContentsMargins(20, 10, 20, 10)
        band.setSpacing(2)
        self.banner_center = QLabel("", objectName="centerName")
        self.banner_title = QLabel(self.tr("Quầy một cửa"), objectName="pageTitle")
        band.addWidget(self.banner_center)
        band.addWidget(self.banner_title)
        self.card = QFrame(objectName="card")
        self.card.setFixedWidth(width)
        self.body = QVBoxLayout(self.card)
        self.body.setContentsMargins(36, 32, 36, 32)
        self.body.setSpacing(10)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(banner)
        outer.addStretch(2)
        outer.addLayout(centered(self.card))
        outer.addStretch(3)
        self.set_center("")

    def set_center(self, name: str) -> None:
        """Show the center's name in the band (a generic one until the database says)."""
        self.banner_center.setText((name or self.tr("Trung tâm Phục vụ hành chính công")).upper())

    def heading(self, text: str, name: str = "cardTitle") -> QLabel:
        label = QLabel(text, objectName=name)
        label.setWordWrap(True)
        self.body.addWidget(label)
        return label


class Badge(QLabel):
    """A rounded label whose colours come from its kind (see theme: #badge[kind=...])."""

    def __init__(self, text: str = "", kind: str = "status", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setObjectName("badge")
        self.set_kind(kind)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

    def set_kind(self, kind: str) -> None:
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)

    @property
    def kind(self) -> str:
        return str(self.property("kind"))


class ComboBox(QComboBox):
    """A combo box in the app's style: the style sheet hides Qt's arrow, this draws a chevron
    (a style sheet can only draw one from an image file)."""

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(theme.MUTED), 1.6))
        x, y = self.width() - 18, self.height() // 2
        painter.drawPolyline([QPoint(x - 4, y - 2), QPoint(x, y + 2), QPoint(x + 4, y - 2)])
        painter.end()


STATE_STYLE = {
    kind: f"QLabel {{ background: {bg}; color: {fg}; border: 1px solid {border};"
    " border-radius: 8px; padding: 10px 12px; font-weight: 600; }"
    for kind, fg, bg, border in (
        ("error", theme.DANGER, theme.DANGER_BG, "#f4b4ad"),
        ("done", theme.OK, theme.OK_BG, "#a6dfbd"),
    )
}


class StateRow(QWidget):
    """The line above a list read from elsewhere: loading, how many, an error (red, with "Thử
    lại", which calls `retry`), or done (green). `kind` says which ("" for plain)."""

    def __init__(self, retry: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = ""
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Thử lại"))
        self.retry_button.clicked.connect(retry)
        self.retry_button.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.label, 1)
        row.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignVCenter)

    def text(self) -> str:
        return self.label.text()

    def say(self, text: str, kind: str = "") -> None:
        """Show `text`; "error" also offers "Thử lại"."""
        self.label.setText(text)
        self.kind = kind
        # On the label itself: a dynamic property in a dialog's sheet changed the colours but not
        # the padding (the label kept its unpadded size).
        self.label.setStyleSheet(STATE_STYLE.get(kind, ""))
        self.retry_button.setVisible(kind == "error")
