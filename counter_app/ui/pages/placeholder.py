"""A page not built yet: what it is for, what is coming, and where to go meanwhile."""

from __future__ import annotations

from counter_app.ui.context import AppContext
from counter_app.ui.pages.base import Page
from counter_app.ui.qt import QFrame, QLabel, Qt, QVBoxLayout, QWidget
from counter_app.ui.widgets import centered

CARD_WIDTH = 680


class PlaceholderPage(Page):
    """Subclasses give `texts()`: (what the page is for, what is coming)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        purpose, coming = self.texts()
        card = QFrame(objectName="card")
        card.setFixedWidth(CARD_WIDTH)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(10)
        self.heading = QLabel(purpose, objectName="cardTitle")
        self.heading.setWordWrap(True)
        self.note = QLabel(coming, objectName="muted")
        self.note.setWordWrap(True)
        self.extra = QLabel("")
        self.extra.setWordWrap(True)
        self.extra.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.extra.hide()
        for label in (self.heading, self.note, self.extra):
            inner.addWidget(label)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addStretch(1)
        outer.addLayout(centered(card))
        outer.addStretch(2)

    def texts(self) -> tuple[str, str]:
        raise NotImplementedError

    def show_extra(self, text: str) -> None:
        self.extra.setText(text)
        self.extra.setVisible(bool(text))
