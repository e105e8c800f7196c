"""The supervisors' monthly report as an A4 PDF: the summary and its charts (portrait), then the
tables by department, by procedure and by month (landscape), every figure from report_json."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from counter_app.domain.text import nfc
from counter_app.printing.documents import CenterInfo
from counter_app.printing.forms import common as c
from counter_app.printing.forms import pdf
from counter_app.printing.forms import report_charts as rc
from counter_app.printing.forms.vntext import esc, local

TITLE = "BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"
NUMBER = "…/BC-TTPVHCC"  # the document number is given when the report is sent
TABLE_SIZE = 11  # points of Times: the summary table
WIDE_SIZE = 7.5  # points of Times: the tables by department and by procedure
SOURCES = {"local": "số liệu tại quầy này", "central": "số liệu toàn Trung tâm"}


def _period_line(period: Mapping[str, Any]) -> str:
    start, end = date.fromisoformat(period["from"]), date.fromisoformat(period["to"])
    label = esc(period.get("label", ""))
    if label.startswith("Tháng"):
        return f"{label} (từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y})"
    return f"Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"


def _table(data: list[list[Any]], widths: Sequence[float], cmds: list[Any], repeat: int) -> Table:
    """Return a ruled table in the form's font (reportlab's default, Helvetica, is not
    embedded), header rows repeated on each page."""
    table = Table(data, colWidths=list(widths), repeatRows=repeat, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), c.form_fonts().regular),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                *cmds,
            ]
        )
    )
    return table


def _summary(kt: c.Kit, data: Mapping[str, Any]) -> Table:
    w = c.text_width()
    rows: list[list[Any]] = [
        [kt.p(h, kt.cell_head) for h in ("STT", "Chỉ tiêu", "Số hồ sơ", "Tỷ lệ")]
    ]
    cmds: list[Any] = [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf3"))]
    group = 0
    for r in rc.summary_rows(data):
        if r.level == 0:
            group += 1
            roman = ("I", "II", "III", "IV", "V", "VI")[group - 1]
            bold = kt.cell_head
            rows.append(
                [
                    kt.p(f"<b>{roman}</b>", kt.cell_center),
                    kt.p(f"<b>{esc(r.label)}</b>", kt.cell),
                    kt.p(f"<b>{rc.num(r.count)}</b>" if r.count is not None else "", _right(kt)),
                    kt.p("", bold),
                ]
            )
            cmds.append(
                ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), colors.HexColor("#f4f6f9"))
            )
        else:
            rows.append(
                [
                    kt.p("", kt.cell_center),
                    kt.p(f"– {esc(r.label)}", kt.cell),
                    kt.p(rc.num(r.count or 0), _right(kt)),
                    kt.p(rc.pct(r.share) if r.share is not None else "", _right(kt)),
                ]
            )
    return _table(rows, [12 * mm, w - 12 * mm - 52 * mm, 26 * mm, 26 * mm], cmds, 1)


def _right(kt: c.Kit) -> Any:
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle("cell_right", parent=kt.cell, alignment=TA_RIGHT)


def _charts(data: Mapping[str, Any]) -> list[Flowable]:
    w = c.text_width()
    r, s, p, sat = data["received"], data["settled"], data["in_progress"], data["satisfaction"]
    channel = rc.pie_chart(
        "Tiếp nhận theo hình thức",
        [(label, r[k], r["share"][k]) for k, label in rc.CHANNELS],
        [rc.BLUE, rc.TEAL, rc.AMBER],
        w * 0.5 - 3 * mm,
        48 * mm,
    )
    satisfaction = rc.hbars(
        "Mức độ hài lòng",
        [(label, sat[k], sat["share"][k]) for k, label in rc.SATISFACTION],
        [rc.GREEN, rc.BLUE, rc.RED],
        w * 0.5 - 3 * mm,
        48 * mm,
    )
    timeliness = rc.stacked_bars(
        "Kết quả giải quyết",
        [
            (
                "Đã giải quyết",
                [(label, s[k], s["share"][k]) for k, label in rc.TIMELINESS],
                [rc.GREEN, rc.BLUE, rc.RED],
            ),
            (
                "Đang giải quyết",
                [(label, p[k], None) for k, label in rc.PROGRESS],
                [rc.BLUE, rc.RED],
            ),
        ],
        w,
        36 * mm,
    )
    trend = data["trend"]
    trend_chart = rc.trend_chart(
        "Xu hướng 12 tháng",
        [t["month"] for t in trend],
        [
            ("Tiếp nhận", [t["received"] for t in trend], rc.LIGHT_BLUE),
            ("Đã giải quyết", [t["settled"] for t in trend], rc.BLUE),
        ],
        ("Giải quyết quá hạn", [t["settled_late"] for t in trend], rc.RED),
        w,
        62 * mm,
    )
    pair = c.plain_table([[channel, satisfaction]], [w * 0.5, w * 0.5])
    return [pair, Spacer(1, 3 * mm), timeliness, Spacer(1, 2 * mm), trend_chart]


def _wide_head(kt: c.Kit, first: str) -> tuple[list[list[Any]], list[Any]]:
    """Return the two header rows of a breakdown table and their span commands."""
    style = kt.cell_head
    top: list[Any] = [kt.p("STT", style), kt.p(first, style)]
    second: list[Any] = ["", ""]
    cmds: list[Any] = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1))]
    start = 2
    for i, col in enumerate(rc.COLUMNS, start=2):
        if i == 2 or rc.COLUMNS[i - 3].group != col.group:
            start = i
            top.append(kt.p(col.group, style))
        else:
            top.append("")
        last = i == len(rc.COLUMNS) + 1 or rc.COLUMNS[i - 1].group != col.group
        if last and i > start:
            cmds.append(("SPAN", (start, 0), (i, 0)))
        second.append(kt.p(col.label, style))
    cmds.append(("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#e8edf3")))
    return [top, second], cmds


def _wide_cell(kt: c.Kit, col: rc.Column, item: Mapping[str, Any], bold: bool = False) -> Paragraph:
    count = rc.num(col.count(item))
    text = f"<b>{count}</b>" if bold else count
    share = col.share_of(item)
    if share is not None:
        text += (
            f"<br/><font size={kt.size(WIDE_SIZE - 1):.1f}>{rc.pct(share).replace(' ', '')}</font>"
        )
    return kt.p(text, kt.cell_center)


def _breakdown(
    kt: c.Kit, items: Sequence[Mapping[str, Any]], first: str, totals: Mapping[str, Any]
) -> Table:
    w = c.text_width(c.LANDSCAPE)
    # Share columns hold "100,00%"; the in-progress ones their header, "Trong hạn", unbroken.
    figure_w = [
        (11 if col.share else 9.4 if col.path[0] == "in_progress" else 7.6) * mm
        for col in rc.COLUMNS
    ]
    name_w = w - 8 * mm - sum(figure_w)
    rows, cmds = _wide_head(kt, first)
    for n, item in enumerate(items, start=1):
        name = esc(item["name"])
        if esc(item.get("code", "")):
            name += f" <font color='#555555'>({esc(item['code'])})</font>"
        rows.append(
            [kt.p(str(n), kt.cell_center), kt.p(name, kt.cell)]
            + [_wide_cell(kt, col, item) for col in rc.COLUMNS]
        )
    rows.append(
        [kt.p("", kt.cell_center), kt.p("<b>Tổng cộng</b>", kt.cell)]
        + [_wide_cell(kt, col, totals, bold=True) for col in rc.COLUMNS]
    )
    cmds.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), colors.HexColor("#f4f6f9")))
    return _table(rows, [8 * mm, name_w, *figure_w], cmds, 2)


def _trend_table(kt: c.Kit, trend: Sequence[Mapping[str, Any]]) -> Table:
    head = [kt.p(h, kt.cell_head) for h in ("Tháng", *(label for _, label in rc.TREND_COLUMNS))]
    rows = [head] + [
        [kt.p(rc.month_label(t["month"]), kt.cell_center)]
        + [kt.p(rc.num(t[k]), _right(kt)) for k, _ in rc.TREND_COLUMNS]
        for t in trend
    ]
    w = c.text_width(c.LANDSCAPE)
    cmds = [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf3"))]
    return _table(rows, [w / 7] * 7, cmds, 1)


def _story(kt: c.Kit, data: Mapping[str, Any], center: CenterInfo, day: date) -> list[Flowable]:
    wide = c.kit(13, WIDE_SIZE)
    source = SOURCES.get(str(data.get("source", "")), "")
    story: list[Flowable] = c.header(kt, center, day, number=NUMBER)
    story += c.title(
        kt,
        TITLE,
        f"<b>{_period_line(data['period'])}</b>",
        f"<i>({source})</i>" if source else "",
    )
    story += [kt.p("<b>1. Kết quả tiếp nhận và giải quyết hồ sơ</b>", kt.body), _summary(kt, data)]
    story += [CondPageBreak(70 * mm), kt.p("<b>2. Biểu đồ</b>", kt.body), *_charts(data)]
    story += [NextPageTemplate("landscape"), PageBreak()]
    story += [
        kt.p("<b>3. Kết quả theo cơ quan, đơn vị giải quyết</b>", kt.body),
        _breakdown(wide, data["by_department"], "Cơ quan, đơn vị", data),
        Spacer(1, 5 * mm),
        CondPageBreak(40 * mm),
        kt.p("<b>4. Kết quả theo thủ tục hành chính</b>", kt.body),
        _breakdown(wide, data["by_procedure"], "Thủ tục hành chính", data),
        Spacer(1, 5 * mm),
    ]
    w = c.text_width(c.LANDSCAPE)
    # The last table, the note and the signatures stay on one page: signatures alone on a
    # page could be put under other figures.
    story.append(
        KeepTogether(
            [
                kt.p("<b>5. Số liệu 12 tháng</b>", kt.body),
                _trend_table(c.kit(13, 10), data["trend"]),
                Spacer(1, 4 * mm),
                kt.p(
                    f"<i>Ghi chú: tỷ lệ (%) tính trên tổng của từng nhóm; tỷ lệ trả kết quả qua "
                    f"bưu chính tính trên số hồ sơ đã giải quyết. Số liệu lập lúc "
                    f"{_generated(data)}.</i>",
                    kt.justify,
                ),
                Spacer(1, 3 * mm),
                c.signatures(
                    kt,
                    [
                        ("Người lập biểu", c.SIGN_HINT, ""),
                        ("Giám đốc", "(Ký, ghi rõ họ tên và đóng dấu)", ""),
                    ],
                    width=w,
                ),
            ]
        )
    )
    return story


def _generated(data: Mapping[str, Any]) -> str:
    try:
        t = local(datetime.fromisoformat(str(data.get("generated_at", ""))))
    except ValueError:
        return ""
    return f"{t:%H:%M} ngày {t:%d/%m/%Y}"


def write_report_pdf(report: Mapping[str, Any], path: Path) -> Path:
    """Write the report `report` (the dict of `services.reports.model.report_json`: printing
    sits below services, and printing from the JSON is what makes the PDF equal it) as an A4
    PDF at `path` (whole or not at all): summary and charts on portrait pages, the tables by
    department, procedure and month on landscape pages, "Trang x/y" on each. Return `path`.

    Raises PrintingError when no Vietnamese font is installed or the file cannot be written;
    KeyError when `report` is not in the report_json shape.
    """
    import io

    kt = c.kit(13, TABLE_SIZE, gap=2, lead=1.25)
    name = nfc(str(report.get("center") or ""))
    center = CenterInfo(name=name) if name else CenterInfo()
    try:
        day = local(datetime.fromisoformat(str(report["generated_at"]))).date()
    except (KeyError, ValueError):
        day = date.today()
    story = _story(kt, report, center, day)
    buf = io.BytesIO()
    frames = {}
    for name, size in (("portrait", c.PORTRAIT), ("landscape", c.LANDSCAPE)):
        frames[name] = PageTemplate(
            name,
            [
                Frame(
                    c.LEFT,
                    c.BOTTOM,
                    size[0] - c.LEFT - c.RIGHT,
                    size[1] - c.TOP - c.BOTTOM,
                    0,
                    0,
                    0,
                    0,
                )
            ],
            pagesize=size,
        )
    doc = BaseDocTemplate(
        buf,
        pagesize=c.PORTRAIT,
        leftMargin=c.LEFT,
        rightMargin=c.RIGHT,
        topMargin=c.TOP,
        bottomMargin=c.BOTTOM,
        title=f"Báo cáo kết quả giải quyết TTHC - {nfc(str(report['period'].get('label', '')))}",
        subject=TITLE,
        author=center.name,
        creator="counter-app",
        initialFontName=kt.fonts.regular,
        initialFontSize=kt.body.fontSize,
        pageTemplates=[frames["portrait"], frames["landscape"]],
    )
    # reportlab's two-pass page count (pdf.py) gives "Trang x/y" at each page's foot.
    canvas = pdf._numbered_canvas(pdf.page_label, kt.fonts.italic, 10 * kt.fonts.scale)
    doc.build(story, canvasmaker=canvas)
    pdf._write(path, buf.getvalue())
    return Path(path)
