"""Catalog import files: round trips, every kind of bad row with its line, encodings, headers."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import time
from pathlib import Path

import openpyxl
import pytest

from counter_app.domain.catalog import (
    ChecklistItemSpec,
    DepartmentSpec,
    DocumentKind,
    Duration,
    DurationUnit,
    ProcedureSpec,
)
from counter_app.domain.errors import InvalidInput
from counter_app.services.catalog_file import (
    COLUMNS,
    CatalogFileError,
    parse_catalog_file,
    write_catalog_csv,
    write_catalog_xlsx,
)
from counter_app.services.demo_catalog import demo_departments, demo_procedures

ROOT = Path(__file__).resolve().parents[2]
Catalog = tuple[list[DepartmentSpec], list[ProcedureSpec]]
Writer = Callable[[Path, list[DepartmentSpec], list[ProcedureSpec]], None]
GOOD = {
    "department_code": "SGTVT",
    "department_name": "Sở Giao thông Vận tải",
    "department_short_name": "GTVT",
    "procedure_code": "1.002809",
    "procedure_name": "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp",
    "field": "Đường bộ",
    "duration_unit": "working_days",
    "duration_amount": "5",
    "same_day_cutoff": "",
    "fee": "135.000",
    "fee_note": "Lệ phí: 135.000 đồng/lần",
    "saturday_reception": "1",
    "on_the_spot": "0",
    "checklist": "Đơn đề nghị [original×1]; ?Bản sao giấy phép lái xe [photocopy×1]",
}


def _row(n: int, **changes: str) -> dict[str, str]:
    """A valid row with its own procedure code, then `changes`."""
    return {**GOOD, "procedure_code": f"1.{n:06d}", "procedure_name": f"Thủ tục số {n}", **changes}


def _write(
    path: Path,
    rows: list[dict[str, str]],
    columns: tuple[str, ...] = COLUMNS,
    delimiter: str = ",",
    encoding: str = "utf-8",
) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([row.get(c, "") for c in columns] for row in rows)
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def _errors(path: Path) -> list[tuple[int, str]]:
    with pytest.raises(CatalogFileError) as info:
        parse_catalog_file(path)
    return info.value.errors


# --- round trips -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo() -> Catalog:
    # ident codes set too, so that the optional column takes part in the round trip
    departments = [
        replace(d, ident_code=f"000.00.{n:02d}.H39") for n, d in enumerate(demo_departments(), 1)
    ]
    return departments, demo_procedures()


@pytest.mark.parametrize("writer", [write_catalog_csv, write_catalog_xlsx])
def test_the_demo_catalog_round_trips(writer: Writer, demo: Catalog, tmp_path: Path) -> None:
    departments, procedures = demo
    path = tmp_path / ("catalog.csv" if writer is write_catalog_csv else "catalog.xlsx")
    writer(path, departments, procedures)
    parsed = parse_catalog_file(path)
    assert parsed.departments == departments
    assert parsed.procedures == procedures


def test_csv_export_is_utf8_with_bom(demo: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "catalog.csv"
    write_catalog_csv(path, *demo)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfdepartment_code,")
    assert "Sở Giao thông Vận tải".encode() in data


def test_writer_refuses_what_it_cannot_write(tmp_path: Path) -> None:
    dept = DepartmentSpec("STP", "Sở Tư pháp", "TP")
    spec = ProcedureSpec(
        "1.000001",
        "Thủ tục",
        "STP",
        Duration(DurationUnit.WORKING_DAYS, 3),
        checklist=(ChecklistItemSpec("Đơn; tờ khai"),),
    )
    with pytest.raises(InvalidInput, match="Đơn; tờ khai"):
        write_catalog_csv(tmp_path / "x.csv", [dept], [spec])
    with pytest.raises(ValueError, match="unknown department"):
        write_catalog_csv(tmp_path / "x.csv", [], [replace(spec, checklist=())])


# --- what a good file may look like ------------------------------------------------------------


def test_sample_file_parses() -> None:
    parsed = parse_catalog_file(ROOT / "resources" / "samples" / "catalog-sample.csv")
    assert 10 <= len(parsed.procedures) <= 12
    same_day = [p for p in parsed.procedures if p.duration.is_same_day]
    assert same_day and all(p.duration.same_day_cutoff for p in same_day)


def test_examples_of_the_documentation_parse(tmp_path: Path) -> None:
    text = (ROOT / "docs" / "catalog-import.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```csv\n(.*?)```", text, re.DOTALL)
    assert len(blocks) == 2
    for n, block in enumerate(blocks):
        path = tmp_path / f"example{n}.csv"
        path.write_text(block, encoding="utf-8")
        assert parse_catalog_file(path).procedures


def test_fields_are_read(tmp_path: Path) -> None:
    rows = [
        _row(1),
        _row(2, duration_unit="same_day", duration_amount="", same_day_cutoff="15:00", fee=""),
        _row(3, duration_unit="working_hours", duration_amount="4,5", fee="30 000 đ"),
        _row(
            4,
            duration_unit="calendar_days",
            duration_amount="30",
            fee="miễn phí",
            saturday_reception="có",
            on_the_spot="không",
        ),
    ]
    one, two, three, four = parse_catalog_file(_write(tmp_path / "c.csv", rows)).procedures
    assert one == ProcedureSpec(
        code="1.000001",
        name="Thủ tục số 1",
        department_code="SGTVT",
        duration=Duration(DurationUnit.WORKING_DAYS, 5),
        fee=135_000,
        fee_note="Lệ phí: 135.000 đồng/lần",
        saturday_reception=True,
        on_the_spot=False,
        field="Đường bộ",
        checklist=(
            ChecklistItemSpec("Đơn đề nghị", True, DocumentKind.ORIGINAL, 1),
            ChecklistItemSpec("Bản sao giấy phép lái xe", False, DocumentKind.PHOTOCOPY, 1),
        ),
    )
    assert two.duration == Duration(DurationUnit.WORKING_DAYS, 0, time(15, 0))
    assert two.fee == 0
    assert three.duration == Duration(DurationUnit.WORKING_HOURS, 4.5)
    assert three.fee == 30_000
    assert four.duration == Duration(DurationUnit.CALENDAR_DAYS, 30)
    assert (four.fee, four.saturday_reception, four.on_the_spot) == (0, True, False)


def test_checklist_spellings(tmp_path: Path) -> None:
    checklist = (
        "Tờ khai;  ?Ảnh 3x4 [bản chính x 2] ;Bản sao CCCD [bản sao chứng thực×1];"
        "Giấy phép cũ [Bản Photo];Bản vẽ [3]\nSơ đồ vị trí [certified_copy*2];"
    )
    (spec,) = parse_catalog_file(
        _write(tmp_path / "c.csv", [_row(1, checklist=checklist)])
    ).procedures
    assert spec.checklist == (
        ChecklistItemSpec("Tờ khai", True, DocumentKind.ORIGINAL, 1),
        ChecklistItemSpec("Ảnh 3x4", False, DocumentKind.ORIGINAL, 2),
        ChecklistItemSpec("Bản sao CCCD", True, DocumentKind.CERTIFIED_COPY, 1),
        ChecklistItemSpec("Giấy phép cũ", True, DocumentKind.PHOTOCOPY, 1),
        ChecklistItemSpec("Bản vẽ", True, DocumentKind.ORIGINAL, 3),
        ChecklistItemSpec("Sơ đồ vị trí", True, DocumentKind.CERTIFIED_COPY, 2),
    )


def test_departments_come_from_the_rows(tmp_path: Path) -> None:
    rows = [
        _row(1, saturday_reception="0"),
        _row(
            2,
            department_code="BHXH",
            department_name="Bảo hiểm xã hội tỉnh",
            department_short_name="",
            saturday_reception="0",
        ),
        _row(3, saturday_reception="1"),
    ]
    parsed = parse_catalog_file(_write(tmp_path / "c.csv", rows))
    assert parsed.departments == [
        DepartmentSpec("SGTVT", "Sở Giao thông Vận tải", "GTVT", True),
        DepartmentSpec("BHXH", "Bảo hiểm xã hội tỉnh", "BHXH", False),  # short name: the code
    ]


def test_bom_and_semicolons(tmp_path: Path) -> None:
    rows = [_row(1), _row(2, checklist="Đơn [original×1]; Tờ khai")]
    path = _write(tmp_path / "c.csv", rows, delimiter=";", encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    parsed = parse_catalog_file(path)
    assert [len(p.checklist) for p in parsed.procedures] == [2, 2]
    assert parsed.departments[0].code == "SGTVT"


def test_vietnamese_headers(tmp_path: Path) -> None:
    headers = {
        "department_code": "Mã đơn vị",
        "department_name": "TÊN ĐƠN VỊ",
        "procedure_code": "Ma thu tuc",
        "procedure_name": "Tên thủ tục",
        "field": "Lĩnh vực",
        "duration_unit": "Đơn vị thời hạn",
        "duration_amount": "Thời hạn giải quyết (ngày)",
        "fee": "Lệ phí (đồng)",
        "checklist": "Thành phần hồ sơ",
    }
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["STT", *headers.values()])
    writer.writerow(["1", *(GOOD[c] for c in headers)])
    (tmp_path / "c.csv").write_text(out.getvalue(), encoding="utf-8")
    (spec,) = parse_catalog_file(tmp_path / "c.csv").procedures
    assert (spec.code, spec.fee, spec.field) == ("1.002809", 135_000, "Đường bộ")


def test_title_rows_above_the_header_keep_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    _write(path, [_row(1), _row(2, procedure_code="")])
    path.write_text("DANH MỤC THỦ TỤC HÀNH CHÍNH\n\n" + path.read_text(encoding="utf-8"), "utf-8")
    assert [line for line, _ in _errors(path)] == [5]


def test_nfd_input_is_normalized(tmp_path: Path) -> None:
    row = _row(1, procedure_name="Cấp   giấy phép  lái xe", checklist="Đơn đề nghị; Ảnh 3x4")
    nfd = {k: unicodedata.normalize("NFD", v) for k, v in row.items()}
    assert nfd["department_name"] != row["department_name"]
    parsed = parse_catalog_file(_write(tmp_path / "c.csv", [nfd]))
    (spec,) = parsed.procedures
    assert spec.name == "Cấp giấy phép lái xe"
    assert parsed.departments[0].name == "Sở Giao thông Vận tải"
    assert [c.name for c in spec.checklist] == ["Đơn đề nghị", "Ảnh 3x4"]


def test_xlsx_cells_of_any_type(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Danh mục"])  # a title row
    sheet.append(list(COLUMNS))
    values = {
        **GOOD,
        "procedure_code": 1.00422,
        "duration_amount": 2.5,
        "fee": 30000.0,
        "saturday_reception": True,
        "on_the_spot": None,
    }
    sheet.append([values.get(c) for c in COLUMNS])
    same_day = {
        **GOOD,
        "procedure_code": "1.000002",
        "duration_unit": "trong ngày",
        "duration_amount": None,
        "same_day_cutoff": time(10, 0),
        "fee": 0,
    }
    sheet.append([same_day.get(c) for c in COLUMNS])
    sheet.append([])
    sheet.append([{**GOOD, "procedure_code": ""}.get(c) for c in COLUMNS])  # row 6: bad
    book.save(tmp_path / "c.xlsx")
    assert _errors(tmp_path / "c.xlsx") == [(6, "thiếu mã thủ tục / missing procedure code")]
    book.worksheets[0].delete_rows(6)
    book.save(tmp_path / "c.xlsx")
    first, second = parse_catalog_file(tmp_path / "c.xlsx").procedures
    assert first.code == "1.004220"  # the number Excel made of it, read back as the code
    assert (first.duration.amount, first.fee, first.saturday_reception) == (2.5, 30_000, True)
    assert second.duration == Duration(DurationUnit.WORKING_DAYS, 0, time(10, 0))


# --- bad rows ----------------------------------------------------------------------------------

BAD = [
    ({"procedure_code": ""}, "thiếu mã thủ tục / missing procedure code"),
    ({"procedure_code": "1 004227"}, "không hợp lệ"),
    ({"procedure_name": "  "}, "thiếu tên thủ tục / missing procedure name"),
    ({"department_code": ""}, "thiếu mã đơn vị / missing department code"),
    ({"department_name": ""}, "thiếu tên đơn vị / missing department name"),
    ({"department_name": "Sở GTVT"}, "đơn vị SGTVT đã có tên khác ở dòng 2"),
    ({"department_short_name": "GT"}, "đã có tên viết tắt khác ở dòng 2"),
    ({"procedure_code": "1.000001"}, "mã thủ tục 1.000001 trùng với dòng 2"),
    ({"duration_unit": "tuần"}, "đơn vị thời hạn 'tuần' không hợp lệ"),
    ({"duration_unit": ""}, "đơn vị thời hạn '' không hợp lệ"),
    ({"duration_amount": "ba"}, "thời hạn 'ba' không phải là số"),
    ({"duration_amount": "-3"}, "không phải là số"),
    ({"duration_amount": "0"}, "thời hạn phải lớn hơn 0"),
    ({"duration_amount": "400"}, "không quá 250"),
    ({"duration_amount": ""}, "thiếu thời hạn / missing duration amount"),
    ({"same_day_cutoff": "15:00"}, "chỉ thủ tục trong ngày mới có giờ chốt"),
    ({"duration_unit": "same_day", "duration_amount": ""}, "thiếu giờ chốt"),
    (
        {"duration_unit": "same_day", "duration_amount": "", "same_day_cutoff": "25:00"},
        "giờ chốt '25:00' không hợp lệ",
    ),
    (
        {"duration_unit": "same_day", "duration_amount": "", "same_day_cutoff": "chiều"},
        "giờ chốt 'chiều' không hợp lệ",
    ),
    ({"duration_unit": "same_day", "same_day_cutoff": "15:00"}, "trong ngày không ghi thời hạn"),
    ({"fee": "-30000"}, "lệ phí '-30000' phải là số nguyên đồng không âm"),
    ({"fee": "30.5"}, "phải là số nguyên"),
    ({"fee": "ba mươi nghìn"}, "phải là số nguyên"),
    ({"fee": "3000000000"}, "quá lớn"),
    ({"saturday_reception": "thỉnh thoảng"}, "thứ Bảy: 'thỉnh thoảng' phải là 1/0"),
    ({"on_the_spot": "2"}, "4 tại chỗ: '2' phải là 1/0"),
    ({"checklist": " ; ;"}, "thiếu thành phần hồ sơ"),
    ({"checklist": "Đơn [bản gốc×1]"}, "không hiểu [bản gốc×1]"),
    ({"checklist": "Đơn [original×0]"}, "không hiểu [original×0]"),
    ({"checklist": "Đơn; Đơn [photocopy]"}, "giấy tờ 'Đơn' lặp lại"),
    ({"checklist": "? [original×1]"}, "giấy tờ không có tên"),
    ({"field": "x" * 201}, "lĩnh vực dài quá 200 ký tự"),
]


@pytest.mark.parametrize(("changes", "message"), BAD, ids=[m[:30] for _, m in BAD])
def test_each_bad_row_is_reported_with_its_line(
    changes: dict[str, str], message: str, tmp_path: Path
) -> None:
    path = _write(tmp_path / "c.csv", [_row(1), _row(2), _row(3, **changes)])
    errors = _errors(path)
    assert len(errors) == 1, errors
    line, text = errors[0]
    assert line == 4
    assert message in text
    assert " / " in text  # Vietnamese, then English


def test_all_or_nothing_with_every_problem_listed(tmp_path: Path) -> None:
    rows = [_row(n) for n in range(1, 31)]
    rows[4] = _row(5, procedure_code="", fee="-1")  # line 6: two problems
    for n in range(10, 30):
        rows[n] = _row(n + 1, duration_unit="tuần")  # lines 12..31
    with pytest.raises(CatalogFileError) as info:
        parse_catalog_file(_write(tmp_path / "c.csv", rows))
    error = info.value
    assert isinstance(error, InvalidInput)
    assert [line for line, _ in error.errors] == [6, 6, *range(12, 32)]
    assert "Dòng 6: thiếu mã thủ tục / Line 6: missing procedure code" in error.message
    assert error.message.count("\n") == 21  # the summary, 20 problems and the rest
    assert error.message.endswith("… và 2 lỗi khác / … and 2 more")


def test_line_numbers_count_line_breaks_inside_cells(tmp_path: Path) -> None:
    rows = [_row(1, checklist="Đơn đề nghị\nẢnh 3x4\nTờ khai"), _row(2, fee="x")]
    assert [line for line, _ in _errors(_write(tmp_path / "c.csv", rows))] == [5]


def test_missing_and_repeated_columns(tmp_path: Path) -> None:
    columns = tuple(c for c in COLUMNS if c not in ("checklist", "duration_unit"))
    errors = _errors(_write(tmp_path / "c.csv", [_row(1)], columns=columns))
    assert errors == [
        (1, "thiếu cột duration_unit (đơn vị thời hạn) / missing column duration_unit"),
        (1, "thiếu cột checklist (thành phần hồ sơ) / missing column checklist"),
    ]
    twice = (*COLUMNS, "Lệ phí")
    assert "lặp lại" in _errors(_write(tmp_path / "d.csv", [_row(1)], columns=twice))[0][1]


def test_files_that_are_not_catalogs(tmp_path: Path) -> None:
    empty = _write(tmp_path / "empty.csv", [])
    assert _errors(empty) == [(1, "tệp không có thủ tục nào / the file has no procedure")]
    (tmp_path / "other.csv").write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    assert "không tìm thấy dòng tiêu đề" in _errors(tmp_path / "other.csv")[0][1]
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    assert ".xls" in _errors(tmp_path / "old.xls")[0][1]
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    assert "Excel" in _errors(tmp_path / "broken.xlsx")[0][1]
    assert _errors(tmp_path / "missing.csv")[0][0] == 0


def test_encodings_other_than_utf8_are_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.csv", [_row(1), _row(2, procedure_name="Cấp giấy phép")])
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("cp1258", errors="replace"))
    ((line, message),) = _errors(path)
    assert line == 2  # the first row with a Vietnamese letter ("Sở")
    assert "UTF-8" in message
    path.write_bytes(text.encode("utf-16"))
    assert "UTF-16" in _errors(path)[0][1]
