"""A small bar chart of postal volumes: one bar per month, stacked by direction, drawn with
QPainter like the supervisor's chart of the day (whose axis rule it reuses)."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from counter_app.ui import theme
from counter_app.ui.pages.supervisor_chart import nice_top
from counter_app.ui.qt import QColor, QFont, QPainter, QPen, QRectF, Qt, QWidget

if TYPE_CHECKING:
    from counter_app.services.postal import VolumeRow

DIRECTION_COLOURS = {
    "to_department": QColor(theme.ACCENT),
    "from_department": QColor("#9dbbe3"),
    "to_post": QColor("#e0a43a"),
    "received_by_post": QColor("#7cc4a0"),
}
LEFT, RIGHT, BOTTOM = 34, 10, 24


class VolumeChart(QWidget):
    """Feed it `set_rows(volumes)`; `totals` is what is drawn (month -> direction -> count)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("postalVolumeChart")
        self.setMinimumSize(320, 200)
        self.totals: dict[str, dict[str, int]] = {}
        # Short names: the legend has room for four (the table says them in full).
        self.labels = {
            "to_department": self.tr("Đi Sở/ngành"),
            "from_department": self.tr("Sở/ngành trả về"),
            "to_post": self.tr("Gửi kết quả"),
            "received_by_post": self.tr("Nộp qua bưu điện"),
        }

    def set_rows(self, rows: list[VolumeRow]) -> None:
        totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for r in rows:
            totals[r.month][r.direction] += r.count
        self.totals = {m: dict(totals[m]) for m in sorted(totals)}
        self.update()

    def paintEvent(self, event: Any) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(theme.CARD))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        p.setFont(small)
        legend_bottom = self._legend(p)
        plot = QRectF(
            LEFT,
            legend_bottom + 10,
            max(1, self.width() - LEFT - RIGHT),
            max(1, self.height() - legend_bottom - 10 - BOTTOM),
        )
        top = nice_top(max([0, *(sum(d.values()) for d in self.totals.values())]))
        muted = QColor(theme.MUTED)
        for k in range(5):
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
        months = list(self.totals)
        slot = plot.width() / max(1, len(months))
        width = max(4.0, min(34.0, slot * 0.6))
        for i, month in enumerate(months):
            mid = plot.left() + slot * (i + 0.5)
            y = plot.bottom()
            p.setPen(Qt.PenStyle.NoPen)
            for direction, colour in DIRECTION_COLOURS.items():
                value = self.totals[month].get(direction, 0)
                height = plot.height() * value / top
                p.setBrush(colour)
                p.drawRect(QRectF(mid - width / 2, y - height, width, height))
                y -= height
            p.setPen(muted)
            name = f"{month[5:]}/{month[2:4]}" if len(month) == 7 else month
            p.drawText(
                QRectF(mid - 30, plot.bottom() + 4, 60, 16), int(Qt.AlignmentFlag.AlignCenter), name
            )
        if not months:
            p.setPen(muted)
            p.drawText(plot, int(Qt.AlignmentFlag.AlignCenter), self.tr("Chưa có bàn giao nào"))
        p.end()

    def _legend(self, p: QPainter) -> float:
        """Draw the legend, on as many rows as the width needs; return its bottom."""
        x, y = float(LEFT), 4.0
        for direction, colour in DIRECTION_COLOURS.items():
            text = self.labels[direction]
            w = p.fontMetrics().horizontalAdvance(text)
            if x > LEFT and x + 17 + w > self.width() - RIGHT:
                x, y = float(LEFT), y + 20
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawRect(QRectF(x, y + 5, 12, 12))
            p.setPen(QColor(theme.INK))
            p.drawText(QRectF(x + 17, y, w + 4, 22), int(Qt.AlignmentFlag.AlignVCenter), text)
            x += 17 + w + 18
        return y + 22
