"""The supervisor view's bar chart of the day by hour: tickets issued and served in each local
hour, drawn with QPainter (two bars per hour, a few grid lines, a legend)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from counter_app.services.queue_live import HourCount
from counter_app.ui import theme
from counter_app.ui.qt import QColor, QFont, QPainter, QPen, QRectF, Qt, QWidget

ISSUED = QColor("#9dbbe3")
SERVED = QColor(theme.ACCENT)
LEFT, RIGHT, TOP, BOTTOM = 34, 10, 30, 24  # plot margins: axis labels, legend, hours


@dataclass(frozen=True, slots=True)
class Bar:
    hour: int
    issued: int
    served: int
    issued_rect: QRectF
    served_rect: QRectF


def nice_top(value: int) -> int:
    """Return the axis top: the smallest 1, 2 or 5 times a power of ten that holds `value`, at
    least 5 (an empty or quiet day keeps a sensible scale)."""
    power = 1
    while True:
        for step in (1, 2, 5):
            if step * power >= max(value, 5):
                return step * power
        power *= 10


class HourChart(QWidget):
    """Feed it `set_hours(live.hours)`; `bars()` is what is drawn (tests read it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hourChart")
        self.setMinimumSize(320, 200)
        self.hours: list[HourCount] = []

    def set_hours(self, hours: list[HourCount]) -> None:
        if hours != self.hours:
            self.hours = list(hours)
            self.update()

    @property
    def top(self) -> int:
        return nice_top(max([0, *(max(h.issued, h.served) for h in self.hours)]))

    def plot(self) -> QRectF:
        return QRectF(
            LEFT, TOP, max(1, self.width() - LEFT - RIGHT), max(1, self.height() - TOP - BOTTOM)
        )

    def bars(self) -> list[Bar]:
        """Return each hour's two bars, in widget coordinates."""
        plot, top = self.plot(), self.top
        if not self.hours:
            return []
        slot = plot.width() / len(self.hours)
        width = max(2.0, min(18.0, slot * 0.32))
        bars = []
        for i, h in enumerate(self.hours):
            mid = plot.left() + slot * (i + 0.5)
            rects = []
            for value, x in ((h.issued, mid - width - 1), (h.served, mid + 1)):
                height = plot.height() * value / top
                rects.append(QRectF(x, plot.bottom() - height, width, height))
            bars.append(Bar(h.hour, h.issued, h.served, rects[0], rects[1]))
        return bars

    def paintEvent(self, event: Any) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(theme.CARD))
        plot, top = self.plot(), self.top
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        p.setFont(small)
        muted = QColor(theme.MUTED)
        for k in range(5):  # grid lines at 0, 1/4 ... the top
            y = plot.bottom() - plot.height() * k / 4
            p.setPen(QPen(QColor(theme.LINE if k else "#aab3bf"), 1))
            p.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            p.setPen(muted)
            label = f"{top * k / 4:g}" if top % 4 == 0 or k in (0, 4) else ""
            p.drawText(
                QRectF(0, y - 8, LEFT - 6, 16),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
        p.setPen(Qt.PenStyle.NoPen)
        for bar in self.bars():
            p.setBrush(ISSUED)
            p.drawRect(bar.issued_rect)
            p.setBrush(SERVED)
            p.drawRect(bar.served_rect)
            p.setPen(muted)
            centre = (bar.issued_rect.right() + bar.served_rect.left()) / 2
            label = QRectF(centre - 20, plot.bottom() + 4, 40, 16)
            p.drawText(label, int(Qt.AlignmentFlag.AlignCenter), f"{bar.hour}h")
            p.setPen(Qt.PenStyle.NoPen)
        x = plot.left()
        for colour, text in ((ISSUED, self.tr("Lấy số")), (SERVED, self.tr("Đã phục vụ"))):
            p.setBrush(colour)
            p.drawRect(QRectF(x, 9, 12, 12))
            p.setPen(QColor(theme.INK))
            width = p.fontMetrics().horizontalAdvance(text)
            p.drawText(QRectF(x + 17, 4, width + 4, 22), int(Qt.AlignmentFlag.AlignVCenter), text)
            p.setPen(Qt.PenStyle.NoPen)
            x += 17 + width + 18
        if not any(h.issued or h.served for h in self.hours):
            p.setPen(muted)
            p.drawText(
                plot,
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self.tr("Chưa có lượt nào hôm nay"),
            )
        p.end()
