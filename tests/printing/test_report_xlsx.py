"""The monthly report's workbook: the cells read back with openpyxl equal report_json's numbers,
as numbers, on the four sheets."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from report_sample import sample_report

from counter_app.domain.errors import StorageError
from counter_app.services.reports.model import MonthlyReport, report_json
from counter_app.services.reports.xlsx import write_report_xlsx


def report() -> MonthlyReport:
    return sample_report(procedures=7, totals=(345, 120, 7))


def test_the_summary_sheet_holds_every_figure_and_share_as_numbers(tmp_path: Path) -> None:
    r = report()
    data = report_json(r)
    wb = load_workbook(write_report_xlsx(r, tmp_path / "bao-cao-2026-11.xlsx"))
    assert wb.sheetnames == ["Tổng hợp", "Theo đơn vị", "Theo thủ tục", "Xu hướng 12 tháng"]
    ws = wb["Tổng hợp"]
    rows = {
        str(row[0].value).strip(" –"): (row[1].value, row[2].value, row[2].number_format)
        for row in ws.iter_rows(min_row=6)
        if row[0].value
    }
    assert rows["Trực tiếp"] == (345, data["received"]["share"]["direct"], "0.00")
    assert rows["Trực tuyến"][:2] == (120, data["received"]["share"]["online"])
    assert rows["Bưu chính công ích"][:2] == (7, data["received"]["share"]["postal"])
    assert rows["Tổng số hồ sơ tiếp nhận trong kỳ"][0] == data["received"]["total"] == 472
    assert rows["Kỳ trước chuyển sang"][0] == data["received"]["carried_over"]
    s = data["settled"]
    assert rows["Số hồ sơ đã giải quyết"][0] == s["total"]
    for label, key in (("Trước hạn", "before_time"), ("Đúng hạn", "on_time")):
        assert rows[label][:2] == (s[key], s["share"][key])
    assert rows["Trả kết quả qua bưu chính công ích"][:2] == (3, s["share"]["returned_via_post"])
    sat = data["satisfaction"]
    assert rows["Không hài lòng"][:2] == (sat["unsatisfied"], sat["share"]["unsatisfied"])
    assert rows["Rất hài lòng"][:2] == (sat["very_satisfied"], sat["share"]["very_satisfied"])
    assert rows["Hồ sơ “4 tại chỗ”"][0] == data["other"]["on_the_spot"] == 19
    assert rows["Từ chối tiếp nhận"][0] == 3 and rows["Phiếu xin lỗi, hẹn lại"][0] == 5
    assert all(isinstance(v[0], int) for k, v in rows.items() if k != "Khác")
    assert ws.freeze_panes == "A6" and ws["A5"].font.bold
    assert ws.column_dimensions["A"].width >= 40
    assert len(ws._charts) == 2  # channel pie and timeliness bars


def test_the_breakdown_sheets_equal_the_json_row_by_row(tmp_path: Path) -> None:
    r = report()
    data = report_json(r)
    wb = load_workbook(write_report_xlsx(r, tmp_path / "r.xlsx"))
    for sheet, items in (("Theo đơn vị", "by_department"), ("Theo thủ tục", "by_procedure")):
        ws = wb[sheet]
        # Columns named (group, label): the group's header is merged over its columns.
        groups, group = [], ""
        for c in ws[1]:
            group = c.value or (group if c.column > 3 else "")
            groups.append(group)
        heads = [(g, c.value) if g else c.value for g, c in zip(groups, ws[2], strict=True)]
        assert ws.freeze_panes == "D3" and ws["A2"].font.bold
        for n, item in enumerate(data[items], start=3):
            row = {h: c.value for h, c in zip(heads, ws[n], strict=True)}
            assert row["Mã"] == item["code"]
            assert row["Tiếp nhận", "Trực tiếp"] == item["received"]["direct"]
            assert row["Tiếp nhận", "Trực tiếp (%)"] == item["received"]["share"]["direct"]
            assert row["Đã giải quyết", "Quá hạn (%)"] == item["settled"]["share"]["late"]
            assert (
                row["Đã giải quyết", "Qua bưu chính (%)"]
                == item["settled"]["share"]["returned_via_post"]
            )
            assert (
                row["Hài lòng", "Không hài lòng (%)"]
                == item["satisfaction"]["share"]["unsatisfied"]
            )
            assert row["Đang giải quyết", "Trong hạn"] == item["in_progress"]["within_time"]
            assert row["Khác", "4 tại chỗ"] == item["other"]["on_the_spot"]
            assert row["Khác", "Rút"] == item["other"]["withdrawn"]
        total = {h: c.value for h, c in zip(heads, ws[len(data[items]) + 3], strict=True)}
        assert total[heads[2]] == "Tổng cộng"
        assert total["Tiếp nhận", "Tổng"] == data["received"]["total"]
        assert total["Đã giải quyết", "Tổng"] == data["settled"]["total"]
        assert total["Đang giải quyết", "Quá hạn"] == data["in_progress"]["overdue"]
        assert total["Đã giải quyết", "Đúng hạn (%)"] == data["settled"]["share"]["on_time"]


def test_the_trend_sheet_has_twelve_months_of_numbers(tmp_path: Path) -> None:
    r = report()
    data = report_json(r)
    ws = load_workbook(write_report_xlsx(r, tmp_path / "r.xlsx"))["Xu hướng 12 tháng"]
    got = [[c.value for c in row] for row in ws.iter_rows(min_row=2, max_row=13)]
    want = [
        [t[k] for k in ("month", "received", "settled", "settled_late")]
        + [t[k] for k in ("very_satisfied", "satisfied", "unsatisfied")]
        for t in data["trend"]
    ]
    assert got == want and got[-1][0] == "2026-11"


def test_a_folder_that_does_not_exist_is_a_storage_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="Excel"):
        write_report_xlsx(report(), tmp_path / "none" / "r.xlsx")
    assert not list(tmp_path.iterdir())
