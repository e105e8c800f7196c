"""The monthly report's charts as reportlab drawings (channel pie, timeliness and in-progress
stacked bars, satisfaction bars, the 12-month trend), and how its figures are written."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from counter_app.printing.fonts import form_fonts

# One palette for the report: blues for the ordinary, amber and red for what went wrong.
BLUE = colors.HexColor("#2f6db5")
LIGHT_BLUE = colors.HexColor("#9dbbe3")
TEAL = colors.HexColor("#2a9d8f")
GREEN = colors.HexColor("#3a9a4f")
AMBER = colors.HexColor("#e0a526")
RED = colors.HexColor("#c8412f")
GREY = colors.HexColor("#b8c0ca")
INK = colors.HexColor("#222222")
MUTED = colors.HexColor("#666666")
GRID = colors.HexColor("#d9dee5")

Item = tuple[str, int, float | None]  # label, count, share in percent (None: no share shown)


def num(n: int) -> str:
    """Return a count with dots between thousands, as Vietnamese writes it: 1234 -> "1.234"."""
    return f"{n:,}".replace(",", ".")


def pct(share: float) -> str:
    """Return a share as Vietnamese writes it, with the JSON's digits: 31.25 -> "31,25 %"."""
    return f"{share:.2f}".replace(".", ",") + " %"


def figure(count: int, share: float | None) -> str:
    """Return "12 (31,25 %)", or "12" without a share."""
    return num(count) if share is None else f"{num(count)} ({pct(share)})"


def _text(x: float, y: float, text: str, size: float, **kw: object) -> String:
    fonts = form_fonts()
    face = fonts.bold if kw.pop("bold", False) else fonts.regular
    return String(x, y, text, fontName=face, fontSize=size * fonts.scale, **kw)


def _width(text: str, size: float, bold: bool = False) -> float:
    fonts = form_fonts()
    return stringWidth(text, fonts.bold if bold else fonts.regular, size * fonts.scale)


def _drawing(width: float, height: float) -> Drawing:
    """Return an empty drawing whose state starts in the form's font: else the renderer sets
    Helvetica first, a font the PDF does not embed."""
    d = Drawing(width, height)
    d.initialFontName = form_fonts().regular
    return d


def _title(d: Drawing, text: str, size: float = 10) -> None:
    d.add(_text(d.width / 2, d.height - size - 2, text, size, bold=True, textAnchor="middle"))


def _legend(
    d: Drawing, x: float, y: float, items: Sequence[Item], fills: Sequence[colors.Color]
) -> None:
    """Draw a legend downwards from (x, y): a colour square and "label: figure" per item."""
    for i, ((label, count, share), fill) in enumerate(zip(items, fills, strict=False)):
        row = y - i * 13
        d.add(Rect(x, row, 8, 8, fillColor=fill, strokeColor=None))
        d.add(_text(x + 12, row, f"{label}: {figure(count, share)}", 8.5, fillColor=INK))


def pie_chart(
    title: str, items: Sequence[Item], fills: Sequence[colors.Color], width: float, height: float
) -> Drawing:
    """Return a pie of `items` (label, count, share) with its legend on the right; a grey disc
    saying so when every count is 0."""
    d = _drawing(width, height)
    _title(d, title)
    size = min(height - 30, width * 0.36)
    x, y = 8, (height - 18 - size) / 2
    if sum(c for _, c, _ in items) == 0:
        d.add(Circle(x + size / 2, y + size / 2, size / 2, fillColor=GREY, strokeColor=None))
        d.add(_text(x + size / 2, y + size / 2 - 3, "0", 9, textAnchor="middle"))
    else:
        pie = Pie()
        pie.x, pie.y, pie.width, pie.height = x, y, size, size
        pie.data = [max(c, 0) for _, c, _ in items]
        pie.labels = None
        pie.startAngle, pie.direction = 90, "clockwise"
        pie.slices.strokeColor = colors.white
        pie.slices.strokeWidth = 0.8
        for i, fill in enumerate(fills[: len(items)]):
            pie.slices[i].fillColor = fill
        d.add(pie)
    _legend(d, x + size + 14, y + size / 2 + 6 * (len(items) - 1) - 4, items, fills)
    return d


def stacked_bars(
    title: str,
    rows: Sequence[tuple[str, Sequence[Item], Sequence[colors.Color]]],
    width: float,
    height: float,
) -> Drawing:
    """Return one horizontal 100 % bar per row (label, items, a colour per item), each part as wide as its count's
    part of the row's total, with each row's legend under its bar."""
    d = _drawing(width, height)
    _title(d, title)
    label_w = max((_width(label, 9, bold=True) for label, _, _ in rows), default=0) + 8
    bar_w = width - label_w - 4
    y = height - 34
    for label, items, fills in rows:
        total = sum(c for _, c, _ in items)
        d.add(_text(0, y + 4, label, 9, bold=True, fillColor=INK))
        x = label_w
        if total == 0:
            d.add(Rect(x, y, bar_w, 14, fillColor=GREY, strokeColor=None))
        for (_, count, _), fill in zip(items, fills, strict=False):
            part = bar_w * count / total if total else 0
            if part > 0:
                d.add(Rect(x, y, part, 14, fillColor=fill, strokeColor=colors.white))
            x += part
        # The legend of the row, in one line under its bar.
        lx = label_w
        for (name, count, share), fill in zip(items, fills, strict=False):
            text = f"{name}: {figure(count, share)}"
            d.add(Rect(lx, y - 13, 7, 7, fillColor=fill, strokeColor=None))
            d.add(_text(lx + 10, y - 13, text, 8, fillColor=INK))
            lx += 10 + _width(text, 8) + 10
        y -= 44
    return d


def hbars(
    title: str, items: Sequence[Item], fills: Sequence[colors.Color], width: float, height: float
) -> Drawing:
    """Return one horizontal bar per item, as long as its count against the largest, with the
    figure after the bar."""
    d = _drawing(width, height)
    _title(d, title)
    label_w = max((_width(label, 9) for label, _, _ in items), default=0) + 8
    value_w = max((_width(figure(c, s), 8.5) for _, c, s in items), default=0) + 6
    bar_w = max(10.0, width - label_w - value_w)
    top = max([1, *(c for _, c, _ in items)])
    step = min(24.0, (height - 26) / max(1, len(items)))
    for i, ((label, count, share), fill) in enumerate(zip(items, fills, strict=False)):
        y = height - 24 - (i + 1) * step + 4
        d.add(_text(0, y + 3, label, 9, fillColor=INK))
        length = bar_w * count / top
        d.add(Rect(label_w, y, max(length, 0.5), step - 8, fillColor=fill, strokeColor=None))
        d.add(_text(label_w + length + 4, y + 3, figure(count, share), 8.5, fillColor=INK))
    return d


def _axis_top(value: int) -> int:
    """Return the smallest 1, 2 or 5 times a power of ten at least `value` (at least 5)."""
    power = 1
    while True:
        for step in (1, 2, 5):
            if step * power >= max(value, 5):
                return step * power
        power *= 10


def trend_chart(
    title: str,
    months: Sequence[str],
    series: Sequence[tuple[str, Sequence[int], colors.Color]],
    line: tuple[str, Sequence[int], colors.Color] | None,
    width: float,
    height: float,
) -> Drawing:
    """Return grouped vertical bars per month (`series`: name, values, colour) and an optional
    line over them (`line`), with a value axis, month labels ("MM/YY") and a legend."""
    d = _drawing(width, height)
    _title(d, title)
    left, bottom, top_pad = 30.0, 28.0, 34.0
    plot_w, plot_h = width - left - 6, height - bottom - top_pad
    values = [v for _, vs, _ in series for v in vs] + (list(line[1]) if line else [])
    top = _axis_top(max([0, *values]))
    for k in range(5):
        y = bottom + plot_h * k / 4
        d.add(Line(left, y, left + plot_w, y, strokeColor=GRID if k else MUTED, strokeWidth=0.5))
        d.add(
            _text(left - 3, y - 3, num(round(top * k / 4)), 7.5, textAnchor="end", fillColor=MUTED)
        )
    slot = plot_w / max(1, len(months))
    bar = min(12.0, slot * 0.8 / max(1, len(series)))
    for i, month in enumerate(months):
        mid = left + slot * (i + 0.5)
        x = mid - bar * len(series) / 2
        for _, vs, fill in series:
            h = plot_h * vs[i] / top
            if h > 0:
                d.add(Rect(x, bottom, bar, h, fillColor=fill, strokeColor=None))
            x += bar
        label = f"{month[5:7]}/{month[2:4]}" if len(month) >= 7 else month
        d.add(_text(mid, bottom - 11, label, 7.5, textAnchor="middle", fillColor=MUTED))
    if line is not None:
        points: list[float] = []
        for i, v in enumerate(line[1]):
            points += [left + slot * (i + 0.5), bottom + plot_h * v / top]
        if len(points) >= 4:
            d.add(PolyLine(points, strokeColor=line[2], strokeWidth=1.4))
        for i in range(0, len(points), 2):
            d.add(Circle(points[i], points[i + 1], 1.8, fillColor=line[2], strokeColor=None))
    x = left
    legend = [(name, fill) for name, _, fill in series] + ([(line[0], line[2])] if line else [])
    for name, fill in legend:
        d.add(Rect(x, height - 28, 8, 8, fillColor=fill, strokeColor=None))
        d.add(_text(x + 11, height - 28, name, 8.5, fillColor=INK))
        x += 11 + _width(name, 8.5) + 14
    return d


# --- the report's rows and columns, shared by the PDF, the workbook and the window ----------

CHANNELS = (("direct", "Trực tiếp"), ("online", "Trực tuyến"), ("postal", "Bưu chính công ích"))
TIMELINESS = (("before_time", "Trước hạn"), ("on_time", "Đúng hạn"), ("late", "Quá hạn"))
PROGRESS = (("within_time", "Trong hạn"), ("overdue", "Quá hạn"))
SATISFACTION = (
    ("very_satisfied", "Rất hài lòng"),
    ("satisfied", "Hài lòng"),
    ("unsatisfied", "Không hài lòng"),
)
OTHER = (
    ("refused", "Từ chối tiếp nhận"),
    ("withdrawn", "Công dân rút hồ sơ"),
    ("supplement_requests", "Yêu cầu bổ sung hồ sơ"),
    ("apology_slips", "Phiếu xin lỗi, hẹn lại"),
    ("on_the_spot", "Hồ sơ “4 tại chỗ”"),
)


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the summary: a group's head (`level` 0) or one of its items (1)."""

    level: int
    label: str
    count: int | None  # None for a group whose items are of different kinds ("Khác")
    share: float | None  # percent, as report_json gives it; None where there is none


def summary_rows(data: Mapping[str, Any]) -> list[Row]:
    """Return the summary of `data` (a report_json dict, or one breakdown of it) line by line:
    received by channel, carried over, settled by timeliness and via post, in progress,
    satisfaction, and the other counts; every figure and share taken from `data`."""
    r, s, p, sat, o = (
        data[k] for k in ("received", "settled", "in_progress", "satisfaction", "other")
    )
    rows = [Row(0, "Tổng số hồ sơ tiếp nhận trong kỳ", r["total"], None)]
    rows += [Row(1, label, r[k], r["share"][k]) for k, label in CHANNELS]
    rows.append(Row(1, "Kỳ trước chuyển sang", r["carried_over"], None))
    rows.append(Row(0, "Số hồ sơ đã giải quyết", s["total"], None))
    rows += [Row(1, label, s[k], s["share"][k]) for k, label in TIMELINESS]
    rows.append(
        Row(
            1,
            "Trả kết quả qua bưu chính công ích",
            s["returned_via_post"],
            s["share"]["returned_via_post"],
        )
    )
    rows.append(Row(0, "Số hồ sơ đang giải quyết cuối kỳ", p["total"], None))
    rows += [Row(1, label, p[k], None) for k, label in PROGRESS]
    rows.append(
        Row(0, "Mức độ hài lòng (số lượt đánh giá)", sum(sat[k] for k, _ in SATISFACTION), None)
    )
    rows += [Row(1, label, sat[k], sat["share"][k]) for k, label in SATISFACTION]
    rows.append(Row(0, "Khác", None, None))
    rows += [Row(1, label, o[k], None) for k, label in OTHER]
    return rows


@dataclass(frozen=True, slots=True)
class Column:
    """One figure column of the by-department and by-procedure tables."""

    group: str  # the header over several columns
    label: str
    path: tuple[str, str]  # where the count is in a breakdown: ("received", "direct")
    share: bool  # whether the group has a share for it (data[path[0]]["share"][path[1]])

    def count(self, data: Mapping[str, Any]) -> int:
        return int(data[self.path[0]][self.path[1]])

    def share_of(self, data: Mapping[str, Any]) -> float | None:
        return float(data[self.path[0]]["share"][self.path[1]]) if self.share else None


COLUMNS: tuple[Column, ...] = (
    Column("Tiếp nhận", "Tổng", ("received", "total"), False),
    *(Column("Tiếp nhận", label, ("received", k), True) for k, label in CHANNELS),
    Column("Tiếp nhận", "Kỳ trước", ("received", "carried_over"), False),
    Column("Đã giải quyết", "Tổng", ("settled", "total"), False),
    *(Column("Đã giải quyết", label, ("settled", k), True) for k, label in TIMELINESS),
    Column("Đã giải quyết", "Qua bưu chính", ("settled", "returned_via_post"), True),
    *(Column("Đang giải quyết", label, ("in_progress", k), False) for k, label in PROGRESS),
    *(Column("Hài lòng", label, ("satisfaction", k), True) for k, label in SATISFACTION),
    Column("Khác", "Từ chối", ("other", "refused"), False),
    Column("Khác", "Rút", ("other", "withdrawn"), False),
    Column("Khác", "Bổ sung", ("other", "supplement_requests"), False),
    Column("Khác", "Xin lỗi", ("other", "apology_slips"), False),
    Column("Khác", "4 tại chỗ", ("other", "on_the_spot"), False),
)

TREND_COLUMNS = (
    ("received", "Tiếp nhận"),
    ("settled", "Đã giải quyết"),
    ("settled_late", "Giải quyết quá hạn"),
    ("very_satisfied", "Rất hài lòng"),
    ("satisfied", "Hài lòng"),
    ("unsatisfied", "Không hài lòng"),
)


def month_label(month: str) -> str:
    """Return "11/2026" for the JSON's "2026-11"."""
    return f"{month[5:7]}/{month[:4]}" if len(month) >= 7 else month
