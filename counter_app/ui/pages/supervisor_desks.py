"""The supervisor view's grid of desk cards: who works each desk, the ticket in service and for
how long, how many served today, how long the desk has been idle."""

from __future__ import annotations

from typing import Any

from counter_app.services.queue_live import DeskLive
from counter_app.ui import theme
from counter_app.ui.pages.supervisor_text import clock, duration, state_text
from counter_app.ui.qt import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
)

CARD_MIN_WIDTH = 190

# The card's colour says its state at a glance: blue serving, amber called (waiting for the
# citizen to walk up), white free, grey not opened today.
STYLE = f"""
#deskCard {{ background: {theme.CARD}; border: 1px solid {theme.LINE}; border-radius: 10px; }}
#deskCard[state="serving"] {{ border-left: 5px solid {theme.ACCENT}; }}
#deskCard[state="called"] {{ border-left: 5px solid #d99a00; background: #fffaf0; }}
#deskCard[state="free"] {{ border-left: 5px solid {theme.OK}; }}
#deskCard[state="closed"] {{ background: #f7f8fa; }}
#deskName {{ font-weight: 600; }}
#deskState {{ color: {theme.MUTED}; font-size: 9pt; }}
#deskCard[state="serving"] #deskState {{ color: {theme.ACCENT}; font-weight: 600; }}
#deskCard[state="called"] #deskState {{ color: {theme.WARN}; font-weight: 600; }}
#deskCard[state="free"] #deskState {{ color: {theme.OK}; font-weight: 600; }}
#deskTicket {{ font-size: 17pt; font-weight: 700; }}
#deskTime {{ font-size: 12pt; color: {theme.INK}; }}
#deskOfficer, #deskFoot {{ color: {theme.MUTED}; }}
"""


def _label(name: str) -> QLabel:
    label = QLabel("", objectName=name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class DeskCard(QFrame):
    """One desk: name and state, officer, ticket and its running time, today's count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskCard")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 10, 12, 10)
        lay.setSpacing(2)
        top = QHBoxLayout()
        self.name = _label("deskName")
        self.state = _label("deskState")
        top.addWidget(self.name, 1)
        top.addWidget(self.state)
        lay.addLayout(top)
        self.officer = _label("deskOfficer")
        lay.addWidget(self.officer)
        middle = QHBoxLayout()
        self.ticket = _label("deskTicket")
        self.time = _label("deskTime")
        middle.addWidget(self.ticket)
        middle.addStretch(1)
        middle.addWidget(self.time, 0, Qt.AlignmentFlag.AlignBottom)
        lay.addLayout(middle)
        self.foot = _label("deskFoot")
        lay.addWidget(self.foot)
        self.kind = ""
        # Every card as tall as a busy one, so the grid keeps its rows when desks open.
        for label in (self.name, self.state, self.officer, self.ticket, self.time, self.foot):
            label.setText("Ag")
        self.ensurePolished()
        for label in self.findChildren(QLabel):
            label.ensurePolished()
        self.setFixedHeight(lay.sizeHint().height())
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def show_desk(self, d: DeskLive) -> None:
        opened = d.officer is not None or d.ticket is not None
        kind = d.state if d.ticket else ("free" if opened else "closed")
        if kind != self.kind:
            self.kind = kind or ""
            self.setProperty("state", self.kind)
            self.style().unpolish(self)
            self.style().polish(self)
            for child in self.findChildren(QLabel):
                self.style().unpolish(child)
                self.style().polish(child)
        self.name.setText(d.name)
        self.state.setText(state_text(d.state) if opened else self.tr("Chưa mở"))
        if d.officer:
            self.officer.setText(d.officer)
        elif opened:  # called from a kiosk or the command line: no officer recorded
            self.officer.setText(self.tr("Chưa rõ cán bộ"))
        else:
            self.officer.setText(self.tr("Chưa gọi số hôm nay"))
        self.ticket.setText(d.ticket or ("—" if opened else ""))
        self.time.setText(clock(d.current_s))
        served = self.tr("Đã phục vụ %n", "", d.served)
        if d.idle_s is not None:
            served += " · " + self.tr("rảnh %1").replace("%1", duration(d.idle_s))
        self.foot.setText(served if opened else "")
        self.setToolTip(
            self.tr("Dịch vụ %1").replace("%1", d.service_code) if d.service_code else ""
        )


class DeskGrid(QWidget):
    """The desk cards in as many columns as the width allows; cards are kept and updated in
    place, so a refresh every 1.5 s neither flickers nor moves the scroll position."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskGrid")
        self.setStyleSheet(STYLE)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 4, 0)
        self.grid = QGridLayout()
        outer.addLayout(self.grid)
        outer.addStretch(1)
        self.grid.setSpacing(10)
        self.cards: dict[int, DeskCard] = {}
        self.columns = 0

    def show_desks(self, desks: list[DeskLive]) -> None:
        numbers = [d.number for d in desks]
        if numbers != list(self.cards):
            for card in self.cards.values():
                card.deleteLater()
            self.cards = {n: DeskCard(self) for n in numbers}
            self.columns = 0
        for d in desks:
            self.cards[d.number].show_desk(d)
        self._reflow()

    def _reflow(self) -> None:
        columns = max(1, (self.width() + self.grid.spacing()) // (CARD_MIN_WIDTH + 10))
        if columns == self.columns:
            return
        self.columns = columns
        for card in self.cards.values():
            self.grid.removeWidget(card)
        for i, card in enumerate(self.cards.values()):
            self.grid.addWidget(card, i // columns, i % columns)
        for c in range(self.grid.columnCount()):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._reflow()
