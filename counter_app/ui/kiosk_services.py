"""The kiosk's grid of queue services: one big card per service (letter, name, people waiting)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from counter_app.ui.kiosk_style import letter_colour
from counter_app.ui.qt import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from counter_app.services.kiosk import KioskService


class ServiceCard(QPushButton):
    """A touch target the size of a hand: the service's letter, its name, how many wait."""

    def __init__(self, service: KioskService, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="serviceCard")
        self.code = service.code
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.letter = QLabel(service.code, objectName="serviceLetter")
        self.letter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.letter.setStyleSheet(f"background: {letter_colour(index)};")
        self.name = QLabel(service.name, objectName="serviceName")
        self.name.setWordWrap(True)
        self.waiting = QLabel(objectName="serviceWaiting")
        text = QVBoxLayout()
        text.addStretch(1)
        text.addWidget(self.name)
        text.addWidget(self.waiting)
        text.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 16, 24, 16)
        row.setSpacing(28)
        row.addWidget(self.letter, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(text, 1)
        for label in (self.letter, self.name, self.waiting):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.set_waiting(service.waiting)

    def set_waiting(self, count: int) -> None:
        if count == 0:
            self.waiting.setText(self.tr("Không có người chờ"))
        else:
            self.waiting.setText(self.tr("%n người đang chờ", "", count))

    def set_margins(self, scale: float) -> None:
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(*(round(v * scale) for v in (32, 20, 32, 20)))
            layout.setSpacing(round(32 * scale))


class ServiceGrid(QWidget):
    """Two columns of service cards (more when there are many); `chosen(code)` when one is tapped."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards: dict[str, ServiceCard] = {}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._scale = 1.0

    def set_services(self, services: Sequence[KioskService]) -> None:
        """Show these services (rebuilt when the list changed; counts updated otherwise)."""
        if [s.code for s in services] == list(self.cards) and all(
            self.cards[s.code].name.text() == s.name for s in services
        ):
            for s in services:
                self.cards[s.code].set_waiting(s.waiting)
            return
        for card in self.cards.values():
            card.deleteLater()
        self.cards = {}
        columns = 2 if len(services) <= 8 else 3 if len(services) <= 12 else 4
        for i, service in enumerate(services):
            card = ServiceCard(service, i, self)
            card.set_margins(self._scale)
            card.clicked.connect(lambda _=False, code=service.code: self.chosen.emit(code))
            self._grid.addWidget(card, i // columns, i % columns)
            self.cards[service.code] = card

    def set_scale(self, scale: float) -> None:
        self._scale = scale
        gap = round(28 * scale)
        self._grid.setHorizontalSpacing(gap)
        self._grid.setVerticalSpacing(gap)
        for card in self.cards.values():
            card.set_margins(scale)

    def set_enabled(self, enabled: bool) -> None:
        for card in self.cards.values():
            card.setEnabled(enabled)
