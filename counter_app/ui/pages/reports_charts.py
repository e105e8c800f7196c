"""The report page's charts, drawn with QPainter: received by channel (pie), timeliness (stacked
bars), satisfaction (bars) and the 12-month trend (bars and a line)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from counter_app.printing.forms.report_charts import figure, pct
from counter_app.ui import theme
from counter_app.ui.pages.supervisor_chart import nice_top
from counter_app.ui.qt import QColor, QFont, QPainter, QPen, QRectF, Qt, QWidget

Item = tuple[str, int, float | None]  # label, count, share in percent (None: no share)
BLUE, LIGHT, TEAL = QColor("#2f6db5"), QColor("#9dbbe3"), QColor("#2a9d8f")
GREEN, AMBER, RED, GREY = QColor("#3a9a4f"), QColor("#e0a526"), QColor("#c8412f"), QColor("#d5dbe3")
LEFT_ALIGN = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT_ALIGN = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTER_ALIGN = int(Qt.AlignmentFlag.AlignCenter)


class Chart(QWidget):
    """A titled card-coloured chart; subclasses draw into `body` (the rect under the title)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setMinimumSize(260, 170)

    def paintEvent(self, event: Any) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(theme.CARD))
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(QColor(theme.INK))
        p.drawText(QRectF(8, 4, self.width() - 16, 22), LEFT_ALIGN, self.title)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        p.setFont(small)
        self.draw(p, QRectF(8, 30, self.width() - 16, self.height() - 36))
        p.end()

    def draw(self, p: QPainter, body: QRectF) -> None:
        raise NotImplementedError

    def legend_row(self, p: QPainter, x: float, y: float, colour: QColor, text: str) -> float:
        """Draw a colour square and `text` at (x, y); return the x after it."""
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawRect(QRectF(x, y + 4, 10, 10))
        p.setPen(QColor(theme.INK))
        width = p.fontMetrics().horizontalAdvance(text) + 4
        p.drawText(QRectF(x + 14, y, width, 18), LEFT_ALIGN, text)
        return x + 14 + width + 12


class ItemsChart(Chart):
    """A chart of (label, count, share) items, each in its own colour."""

    def __init__(self, title: str, colours: Sequence[QColor], parent: QWidget | None = None):
        super().__init__(title, parent)
        self.colours = list(colours)
        self.items: list[Item] = []

    def set_items(self, items: Sequence[Item]) -> None:
        self.items = list(items)
        self.update()


class PieChart(ItemsChart):
    """Shares of a whole (received by channel)."""

    def draw(self, p: QPainter, body: QRectF) -> None:
        # The legend is what people read: the disc gets what its longest line leaves.
        texts = [f"{label}: {figure(count, share)}" for label, count, share in self.items]
        legend_w = max((p.fontMetrics().horizontalAdvance(t) for t in texts), default=0) + 28
        size = max(20.0, min(body.height(), body.width() * 0.45, body.width() - legend_w))
        disc = QRectF(body.left(), body.top() + (body.height() - size) / 2, size, size)
        total = sum(c for _, c, _ in self.items)
        p.setPen(QPen(QColor(theme.CARD), 1.5))
        if total == 0:
            p.setBrush(GREY)
            p.drawEllipse(disc)
        start = 90 * 16
        for (_, count, _), colour in zip(self.items, self.colours, strict=False):
            if total and count:
                span = -round(360 * 16 * count / total)
                p.setBrush(colour)
                p.drawPie(disc, start, span)
                start += span
        y = body.top() + (body.height() - 22 * len(self.items)) / 2
        for (label, count, share), colour in zip(self.items, self.colours, strict=False):
            self.legend_row(p, disc.right() + 14, y, colour, f"{label}: {figure(count, share)}")
            y += 22


class StackedChart(Chart):
    """One 100 % bar per row, split by counts (settled by timeliness; in progress)."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.rows: list[tuple[str, list[Item], list[QColor]]] = []

    def set_rows(self, rows: Sequence[tuple[str, Sequence[Item], Sequence[QColor]]]) -> None:
        """Show `rows`: (label, items, a colour per item)."""
        self.rows = [(label, list(items), list(colours)) for label, items, colours in rows]
        self.update()

    def draw(self, p: QPainter, body: QRectF) -> None:
        fm = p.fontMetrics()
        label_w = max((fm.horizontalAdvance(label) for label, _, _ in self.rows), default=0) + 10
        y = body.top()
        step = max(44.0, body.height() / max(1, len(self.rows)))
        for label, items, colours in self.rows:
            p.setPen(QColor(theme.INK))
            p.drawText(QRectF(body.left(), y, label_w, 20), LEFT_ALIGN, label)
            bar = QRectF(body.left() + label_w, y + 2, body.width() - label_w, 16)
            total = sum(c for _, c, _ in items)
            p.setPen(Qt.PenStyle.NoPen)
            if total == 0:
                p.setBrush(GREY)
                p.drawRect(bar)
            x = bar.left()
            for (_, count, _), colour in zip(items, colours, strict=False):
                part = bar.width() * count / total if total else 0
                p.setBrush(colour)
                p.drawRect(QRectF(x, bar.top(), part, bar.height()))
                x += part
            lx, ly = bar.left(), y + 20
            for (name, count, share), colour in zip(items, colours, strict=False):
                text = f"{name}: {figure(count, share)}"
                if lx > bar.left() and lx + fm.horizontalAdvance(text) + 20 > body.right():
                    lx, ly = bar.left(), ly + 18  # the legend goes on in the next line
                lx = self.legend_row(p, lx, ly, colour, text)
            y += step


class BarsChart(ItemsChart):
    """One horizontal bar per item, scaled to the largest (satisfaction levels)."""

    def draw(self, p: QPainter, body: QRectF) -> None:
        fm = p.fontMetrics()
        label_w = max((fm.horizontalAdvance(label) for label, _, _ in self.items), default=0) + 10
        value_w = max((fm.horizontalAdvance(figure(c, s)) for _, c, s in self.items), default=0)
        bar_w = max(10.0, body.width() - label_w - value_w - 10)
        top = max([1, *(c for _, c, _ in self.items)])
        step = min(34.0, body.height() / max(1, len(self.items)))
        for i, ((label, count, share), colour) in enumerate(
            zip(self.items, self.colours, strict=False)
        ):
            y = body.top() + i * step
            p.setPen(QColor(theme.INK))
            p.drawText(QRectF(body.left(), y, label_w, step - 6), LEFT_ALIGN, label)
            length = bar_w * count / top
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawRect(QRectF(body.left() + label_w, y + 3, max(length, 1.0), step - 12))
            p.setPen(QColor(theme.INK))
            text_x = body.left() + label_w + length + 6
            p.drawText(QRectF(text_x, y, value_w + 8, step - 6), LEFT_ALIGN, figure(count, share))


class TrendChart(Chart):
    """Received and settled bars per month, and settled late as a line over them."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.months: list[str] = []
        self.series: list[tuple[str, list[int], QColor]] = []
        self.line: tuple[str, list[int], QColor] | None = None

    def set_trend(
        self,
        months: Sequence[str],
        series: Sequence[tuple[str, Sequence[int], QColor]],
        line: tuple[str, Sequence[int], QColor] | None,
    ) -> None:
        self.months = list(months)
        self.series = [(n, list(v), c) for n, v, c in series]
        self.line = (line[0], list(line[1]), line[2]) if line else None
        self.update()

    def draw(self, p: QPainter, body: QRectF) -> None:
        x = body.left() + 30
        legend = [(n, c) for n, _, c in self.series] + ([self.line[::2]] if self.line else [])
        for name, colour in legend:
            x = self.legend_row(p, x, body.top() - 2, colour, name)
        plot = QRectF(body.left() + 34, body.top() + 24, body.width() - 38, body.height() - 44)
        values = [v for _, vs, _ in self.series for v in vs] + (self.line[1] if self.line else [])
        top = nice_top(max([0, *values]))
        for k in range(5):
            y = plot.bottom() - plot.height() * k / 4
            p.setPen(QPen(QColor(theme.LINE if k else "#aab3bf"), 1))
            p.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            p.setPen(QColor(theme.MUTED))
            tick = f"{top * k / 4:g}" if top % 4 == 0 or k in (0, 4) else ""
            p.drawText(QRectF(body.left(), y - 8, 30, 16), RIGHT_ALIGN, tick)
        if not self.months:
            return
        slot = plot.width() / len(self.months)
        bar = max(2.0, min(14.0, slot * 0.8 / max(1, len(self.series))))
        for i, month in enumerate(self.months):
            mid = plot.left() + slot * (i + 0.5)
            bx = mid - bar * len(self.series) / 2
            p.setPen(Qt.PenStyle.NoPen)
            for _, vs, colour in self.series:
                h = plot.height() * vs[i] / top
                p.setBrush(colour)
                p.drawRect(QRectF(bx, plot.bottom() - h, bar, h))
                bx += bar
            p.setPen(QColor(theme.MUTED))
            label = f"{month[5:7]}/{month[2:4]}"
            if (
                slot < p.fontMetrics().horizontalAdvance(label) + 4
                and (len(self.months) - 1 - i) % 2
            ):
                continue  # too narrow for every month: every other one, the last one kept
            p.drawText(
                QRectF(mid - slot, plot.bottom() + 3, 2 * slot, 16),
                CENTER_ALIGN | int(Qt.TextFlag.TextDontClip),
                label,
            )
        if self.line is not None:
            p.setPen(QPen(self.line[2], 2))
            points = [
                (plot.left() + slot * (i + 0.5), plot.bottom() - plot.height() * v / top)
                for i, v in enumerate(self.line[1])
            ]
            for (x1, y1), (x2, y2) in pairwise(points):
                p.drawLine(int(x1), int(y1), int(x2), int(y2))


def share_text(share: float) -> str:
    """Return a share as on paper: 31.25 -> "31,25 %"."""
    return pct(share)
