"""The monthly report as an Excel workbook (openpyxl): the summary with a chart, the tables by
department and by procedure, and the 12-month trend, every figure taken from report_json."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from counter_app.domain.errors import StorageError
from counter_app.printing.forms import report_charts as rc
from counter_app.services.reports.model import MonthlyReport, report_json

SHARE_FORMAT = "0.00"  # shares are percent numbers (31.25), as in report_json
COUNT_FORMAT = "#,##0"
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
HEAD_FILL = PatternFill("solid", fgColor="E8EDF3")
GROUP_FILL = PatternFill("solid", fgColor="F4F6F9")
THIN = Side(style="thin", color="B8C0CA")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
SHEETS = ("Tổng hợp", "Theo đơn vị", "Theo thủ tục", "Xu hướng 12 tháng")


def _head(ws: Worksheet, row: int, values: Sequence[str]) -> None:
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row, col, value)
        cell.font, cell.fill, cell.alignment, cell.border = BOLD, HEAD_FILL, CENTER, BOX


def _widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width


def _put(ws: Worksheet, row: int, col: int, value: Any, fmt: str = "", bold: bool = False) -> None:
    cell = ws.cell(row, col, value)
    cell.border = BOX
    if fmt:
        cell.number_format = fmt
    if bold:
        cell.font = BOLD


def _summary(ws: Worksheet, data: Mapping[str, Any]) -> None:
    ws.title = SHEETS[0]
    ws["A1"] = "BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"
    ws["A1"].font = TITLE
    ws["A2"] = f"{data.get('center', '')} · {data['period']['label']}"
    ws["A3"] = (
        f"Từ ngày {data['period']['from']} đến ngày {data['period']['to']}; nguồn: {data.get('source', '')}"
    )
    _head(ws, 5, ("Chỉ tiêu", "Số hồ sơ", "Tỷ lệ (%)"))
    row = 6
    for r in rc.summary_rows(data):
        label = r.label if r.level == 0 else f"   – {r.label}"
        _put(ws, row, 1, label, bold=r.level == 0)
        _put(ws, row, 2, r.count, COUNT_FORMAT, bold=r.level == 0)
        _put(ws, row, 3, r.share, SHARE_FORMAT)
        if r.level == 0:
            for col in (1, 2, 3):
                ws.cell(row, col).fill = GROUP_FILL
        row += 1
    _widths(ws, (46, 12, 12))
    ws.freeze_panes = "A6"
    _summary_charts(ws)


def _summary_charts(ws: Worksheet) -> None:
    """Native Excel charts over the summary's own cells: channels (pie) and timeliness (bars)."""
    pie = PieChart()
    pie.title = "Tiếp nhận theo hình thức"
    pie.add_data(Reference(ws, min_col=2, min_row=7, max_row=9), titles_from_data=False)
    pie.set_categories(Reference(ws, min_col=1, min_row=7, max_row=9))
    pie.height, pie.width = 7, 11
    ws.add_chart(pie, "E5")
    bars = BarChart()
    bars.type = "bar"
    bars.title = "Kết quả giải quyết"
    bars.legend = None
    bars.add_data(Reference(ws, min_col=2, min_row=12, max_row=14), titles_from_data=False)
    bars.set_categories(Reference(ws, min_col=1, min_row=12, max_row=14))
    bars.height, bars.width = 7, 11
    ws.add_chart(bars, "E20")


def _breakdown(
    ws: Worksheet, items: Sequence[Mapping[str, Any]], first: str, totals: Mapping[str, Any]
) -> None:
    """Two header rows (group, then count and share columns), one row per item, a total row."""
    heads = ["STT", "Mã", first]
    groups = ["", "", ""]
    for col in rc.COLUMNS:
        heads.append(col.label)
        groups.append(col.group)
        if col.share:
            heads.append(f"{col.label} (%)")
            groups.append(col.group)
    _head(ws, 1, groups)
    _head(ws, 2, heads)
    # Merge each group's header over its columns.
    start = 4
    for i in range(4, len(groups) + 2):
        if i == len(groups) + 1 or groups[i - 1] != groups[start - 1]:
            if i - 1 > start:
                ws.merge_cells(start_row=1, start_column=start, end_row=1, end_column=i - 1)
            start = i
    for n, item in enumerate([*items, None], start=1):
        row = n + 2
        source = item if item is not None else totals
        total = item is None
        _put(ws, row, 1, None if total else n, bold=total)
        _put(ws, row, 2, "" if item is None else item["code"], bold=total)
        _put(ws, row, 3, "Tổng cộng" if item is None else item["name"], bold=total)
        ws.cell(row, 3).alignment = WRAP
        col_no = 4
        for col in rc.COLUMNS:
            _put(ws, row, col_no, col.count(source), COUNT_FORMAT, bold=total)
            col_no += 1
            if col.share:
                _put(ws, row, col_no, col.share_of(source), SHARE_FORMAT, bold=total)
                col_no += 1
    _widths(ws, [6, 16, 48] + [11] * (len(heads) - 3))
    ws.row_dimensions[2].height = 45
    ws.freeze_panes = "D3"


def _trend(ws: Worksheet, trend: Sequence[Mapping[str, Any]]) -> None:
    _head(ws, 1, ("Tháng", *(label for _, label in rc.TREND_COLUMNS)))
    for i, t in enumerate(trend, start=2):
        _put(ws, i, 1, t["month"])
        for j, (key, _) in enumerate(rc.TREND_COLUMNS, start=2):
            _put(ws, i, j, t[key], COUNT_FORMAT)
    _widths(ws, [12] + [16] * len(rc.TREND_COLUMNS))
    ws.freeze_panes = "A2"
    if trend:
        chart = BarChart()
        chart.title = "Xu hướng 12 tháng"
        chart.add_data(
            Reference(ws, min_col=2, max_col=3, min_row=1, max_row=len(trend) + 1),
            titles_from_data=True,
        )
        chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=len(trend) + 1))
        chart.height, chart.width = 8, 18
        ws.add_chart(chart, "I2")


def write_report_xlsx(report: MonthlyReport, path: Path) -> Path:
    """Write `report` as an .xlsx workbook at `path` (whole or not at all) with the sheets
    "Tổng hợp", "Theo đơn vị", "Theo thủ tục" and "Xu hướng 12 tháng": counts and shares as
    numbers (shares in percent, format 0.00), exactly those of `report_json(report)`.
    Return `path`.

    Raises StorageError when the file cannot be written.
    """
    data = report_json(report)
    wb = Workbook()
    _summary(wb.active, data)
    _breakdown(wb.create_sheet(SHEETS[1]), data["by_department"], "Cơ quan, đơn vị", data)
    _breakdown(wb.create_sheet(SHEETS[2]), data["by_procedure"], "Thủ tục hành chính", data)
    _trend(wb.create_sheet(SHEETS[3]), data["trend"])
    wb.properties.title = f"Báo cáo kết quả giải quyết TTHC - {data['period']['label']}"
    wb.properties.creator = "counter-app"
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(
            f"Không ghi được tệp Excel {path}: {exc.strerror or exc} / "
            f"Cannot write the Excel file {path}: {exc.strerror or exc}"
        ) from exc
    return path
