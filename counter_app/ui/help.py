"""F1: an overlay listing every keyboard shortcut of the shell and of the current page."""

from __future__ import annotations

from counter_app.ui.qt import (
    QEvent,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QObject,
    Qt,
    QVBoxLayout,
    QWidget,
)
from counter_app.ui.widgets import centered


class HelpOverlay(QWidget):
    """Covers its parent; any key or click closes it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.card = QFrame(objectName="card")
        self.card.setFixedWidth(820)
        self.columns = QHBoxLayout(self.card)
        self.columns.setContentsMargins(32, 26, 32, 26)
        self.columns.setSpacing(40)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(centered(self.card))
        outer.addStretch(2)
        parent.installEventFilter(self)
        self.hide()

    def show_for(self, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        """Show `sections`: (title, [(shortcut, what it does)])."""
        while self.columns.count():
            item = self.columns.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for title, rows in sections:
            box = QWidget()
            grid = QGridLayout(box)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setHorizontalSpacing(14)
            grid.setVerticalSpacing(8)
            grid.addWidget(QLabel(title, objectName="cardTitle"), 0, 0, 1, 2)
            for i, (keys, text) in enumerate(rows, start=1):
                key = QLabel(_native(keys), objectName="helpKey")
                grid.addWidget(key, i, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                label = QLabel(text)
                label.setWordWrap(True)
                grid.addWidget(label, i, 1)
            grid.setColumnStretch(1, 1)
            grid.setRowStretch(len(rows) + 1, 1)
            self.columns.addWidget(box, 1)
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self.setFocus()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def keyPressEvent(self, event) -> None:
        self.hide()

    def mousePressEvent(self, event) -> None:
        self.hide()


def _native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText) or keys
