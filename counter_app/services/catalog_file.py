"""The catalog import file: one row per procedure, CSV (UTF-8) or XLSX (docs/catalog-import.md).

`parse_catalog_file` takes all rows or none: every problem of every row is collected and raised
together in one `CatalogFileError`, with the line numbers a user sees in the file. The writers
produce the same format, so an export parses back to the same specs and serves as a template.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import zipfile
from collections.abc import Generator, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, replace
from datetime import datetime, time
from pathlib import Path

from counter_app.domain.catalog import (
    ChecklistItemSpec,
    DepartmentSpec,
    DocumentKind,
    Duration,
    DurationUnit,
    ProcedureSpec,
)
from counter_app.domain.errors import InvalidInput
from counter_app.domain.text import fold, nfc

__all__ = [
    "COLUMNS",
    "CatalogFile",
    "CatalogFileError",
    "parse_catalog_file",
    "write_catalog_csv",
    "write_catalog_xlsx",
]

# Columns in file order. Each canonical name also matches its aliases: any spelling whose folded
# form (no diacritics, case or punctuation; a trailing "(...)" dropped) is the same.
_COLUMNS: dict[str, tuple[str, ...]] = {
    "department_code": ("Mã đơn vị", "Mã cơ quan", "Mã sở ngành"),
    "department_name": ("Tên đơn vị", "Tên cơ quan", "Cơ quan thực hiện", "Đơn vị"),
    "department_short_name": ("Tên viết tắt", "Tên viết tắt đơn vị", "Tên ngắn"),
    "department_ident_code": ("Mã định danh", "Mã định danh điện tử", "Mã định danh đơn vị"),
    "procedure_code": ("Mã thủ tục", "Mã TTHC", "Mã số thủ tục"),
    "procedure_name": ("Tên thủ tục", "Tên TTHC", "Thủ tục"),
    "field": ("Lĩnh vực",),
    "duration_unit": ("Đơn vị thời hạn", "Đơn vị thời gian", "Loại thời hạn"),
    "duration_amount": ("Thời hạn", "Thời hạn giải quyết", "Số ngày", "Thời gian giải quyết"),
    "same_day_cutoff": ("Giờ chốt", "Giờ chốt trong ngày", "Giờ tiếp nhận trước"),
    "fee": ("Lệ phí", "Phí", "Phí, lệ phí", "Mức phí"),
    "fee_note": ("Ghi chú lệ phí", "Ghi chú phí", "Mô tả phí, lệ phí", "Mô tả phí"),
    "saturday_reception": ("Tiếp nhận thứ Bảy", "Thứ Bảy", "Làm việc thứ Bảy"),
    "on_the_spot": ("4 tại chỗ", "Bốn tại chỗ"),
    "checklist": ("Thành phần hồ sơ", "Hồ sơ gồm", "Giấy tờ"),
}
COLUMNS = tuple(_COLUMNS)
_REQUIRED = (
    "department_code",
    "department_name",
    "procedure_code",
    "procedure_name",
    "duration_unit",
    "duration_amount",
    "checklist",
)
_UNITS = {
    DurationUnit.WORKING_DAYS: ("working days", "ngay lam viec", "ngay lv"),
    DurationUnit.WORKING_HOURS: ("working hours", "gio lam viec", "gio"),
    DurationUnit.CALENDAR_DAYS: ("calendar days", "ngay", "ngay lich", "ngay theo lich"),
    None: ("same day", "trong ngay"),  # same-day: 0 working days and a cut-off
}
_UNIT_BY_FOLD = {alias: unit for unit, aliases in _UNITS.items() for alias in aliases}
# Sane upper bounds: a working year, the same in hours, a calendar year.
_MAX_AMOUNT = {
    DurationUnit.WORKING_DAYS: 250,
    DurationUnit.WORKING_HOURS: 2000,
    DurationUnit.CALENDAR_DAYS: 365,
}
_KIND_BY_FOLD = {
    "original": DocumentKind.ORIGINAL,
    "ban chinh": DocumentKind.ORIGINAL,
    "certified copy": DocumentKind.CERTIFIED_COPY,
    "ban sao chung thuc": DocumentKind.CERTIFIED_COPY,
    "ban sao co chung thuc": DocumentKind.CERTIFIED_COPY,
    "photocopy": DocumentKind.PHOTOCOPY,
    "ban photo": DocumentKind.PHOTOCOPY,
    "ban chup": DocumentKind.PHOTOCOPY,
    "ban sao": DocumentKind.PHOTOCOPY,
}
_TRUE = {"1", "co", "yes", "y", "true", "x"}
_FALSE = {"", "0", "khong", "no", "n", "false"}
_FEE = re.compile(r"\d{1,3}(?:[.,  ]\d{3})+|\d+")
_FEE_UNIT = re.compile(r"\s*(?:đồng|đ|vnđ|vnd)\.?$", re.IGNORECASE)
_AMOUNT = re.compile(r"\d+(?:[.,]\d+)?")
_CUTOFF = re.compile(r"(\d{1,2})\s*[:hH]\s*(\d{2})?(?::\d{2})?")
_BRACKET = re.compile(r"^(.*?)\s*\[([^\[\]]*)\]$")
_KIND_COUNT = re.compile(r"(.*?)\s*(?:[×xX*]\s*(\d+))?\s*")
_MAX_FEE = 2_000_000_000  # fits the database's 32-bit integer column
_MAX_CODE = 40  # this and the lengths below are those of the database columns
_SHOWN = 20  # problems listed in the message; all of them are in `.errors`


class CatalogFileError(InvalidInput):
    """The file cannot be imported; nothing was. `.errors` lists (line, message) pairs.

    Line numbers are the file's own (the header is line 1); 0 means the whole file.
    """

    def __init__(self, problems: Sequence[tuple[int, str, str]]) -> None:
        self.errors = [(line, f"{vi} / {en}") for line, vi, en in problems]
        shown = [
            f"Dòng {line}: {vi} / Line {line}: {en}" if line else f"{vi} / {en}"
            for line, vi, en in problems[:_SHOWN]
        ]
        if len(problems) > _SHOWN:
            rest = len(problems) - _SHOWN
            shown.append(f"… và {rest} lỗi khác / … and {rest} more")
        super().__init__(
            f"Tệp danh mục có {len(problems)} lỗi, chưa nhập gì / "
            f"The catalog file has {len(problems)} error(s); nothing was imported:\n"
            + "\n".join(shown)
        )


@dataclass(frozen=True, slots=True)
class CatalogFile:
    """What a catalog file holds: its departments (in order of first use) and procedures."""

    departments: list[DepartmentSpec]
    procedures: list[ProcedureSpec]


class _Problem(Exception):
    """One problem, Vietnamese and English; `line` is set where the row is not known."""

    def __init__(self, vi: str, en: str, line: int = 0) -> None:
        super().__init__(en)
        self.vi, self.en, self.line = vi, en, line


def parse_catalog_file(path: Path) -> CatalogFile:
    """Read a catalog file (.xlsx: its first sheet; anything else: CSV in UTF-8).

    Returns the departments and procedures, all text NFC-normalized. A department receives on
    Saturday when any of its procedures does. Raises CatalogFileError listing every problem.
    """
    try:
        with path.open("rb") as f:
            head = f.read(8)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise _Problem(
                "tệp Excel cũ (.xls) không được hỗ trợ, hãy lưu thành .xlsx hoặc CSV UTF-8",
                "old Excel files (.xls) are not supported; save as .xlsx or CSV UTF-8",
            )
        rows = _xlsx_rows(path) if head.startswith(b"PK\x03\x04") else _csv_rows(path)
        with closing(rows):  # closes the workbook even when the header is wrong
            return _parse_rows(rows)
    except OSError as exc:
        vi, en = f"không đọc được tệp {path}: {exc.strerror}", f"cannot read {path}"
        raise CatalogFileError([(0, vi, en)]) from None
    except _Problem as p:
        raise CatalogFileError([(p.line, p.vi, p.en)]) from None


def _csv_rows(path: Path) -> Generator[tuple[int, list[str]]]:
    """Yield (line of the row's start, cells) of a CSV file whose delimiter is , ; or tab."""
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _Problem("tệp ở mã UTF-16, hãy lưu lại dạng CSV UTF-8", "UTF-16: save as CSV UTF-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, byte = data.count(b"\n", 0, exc.start) + 1, f"0x{data[exc.start]:02X}"
        raise _Problem(
            f"tệp không phải mã UTF-8 (byte {byte}), hãy lưu lại dạng CSV UTF-8",
            f"the file is not UTF-8 (byte {byte}); save it as CSV UTF-8",
            line,
        ) from None
    sample = "\n".join([ln for ln in text.splitlines() if ln.strip()][:10])
    delimiter = max(",;\t", key=sample.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    try:
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1
    except csv.Error as exc:
        raise _Problem(f"tệp CSV hỏng: {exc}", f"broken CSV: {exc}", start) from None


def _xlsx_rows(path: Path) -> Generator[tuple[int, list[str]]]:
    """Yield (sheet row number, cells as text) of the workbook's first sheet."""
    import openpyxl  # only import files need it: keep it off the start-up path
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError) as exc:
        raise _Problem(f"không mở được tệp Excel: {exc}", "cannot open the workbook") from None
    try:
        for number, row in enumerate(book.worksheets[0].iter_rows(values_only=True), start=1):
            yield number, [_cell_text(v) for v in row]
    finally:
        book.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float) and 1 <= value < 10:
        # A national code typed as a number ("1.004220" became 1.00422): six decimals restore
        # it, and any other number in this range (a duration such as 2.5) reads the same.
        return f"{value:.6f}"
    if isinstance(value, datetime) and value.year < 1901:  # a time typed into a date-time cell
        return f"{value:%H:%M}"
    if isinstance(value, time):
        return f"{value:%H:%M}"
    return str(value)


def _header_key(text: str) -> str:
    return fold(re.sub(r"\([^)]*\)\s*$", "", nfc(text)))


_KEY_TO_COLUMN = {
    _header_key(alias): column
    for column, aliases in _COLUMNS.items()
    for alias in (column, *aliases)
}


def _parse_rows(rows: Iterator[tuple[int, list[str]]]) -> CatalogFile:
    header_line, columns = _find_header(rows)
    problems: list[tuple[int, str, str]] = []
    departments: dict[str, tuple[DepartmentSpec, int]] = {}
    code_lines: dict[str, int] = {}
    procedures: list[ProcedureSpec] = []
    for line, cells in rows:
        if not any(c.strip() for c in cells):
            continue
        raw = {col: cells[i] if i < len(cells) else "" for col, i in columns.items()}
        before = len(problems)
        spec = _parse_row(line, raw, problems)
        _check(problems, line, _department, raw, departments, line)
        _check(problems, line, _unique_code, nfc(raw["procedure_code"]), code_lines, line)
        if spec and len(problems) == before:
            procedures.append(spec)
    if not problems and not procedures:
        problems.append((header_line, "tệp không có thủ tục nào", "the file has no procedure"))
    if problems:
        raise CatalogFileError(problems)
    saturday = {p.department_code for p in procedures if p.saturday_reception}
    return CatalogFile(
        [
            replace(d, short_name=d.short_name or d.code, saturday_reception=d.code in saturday)
            for d, _line in departments.values()
        ],
        procedures,
    )


def _check(problems, line, parse, *args):  # untyped on purpose: parsers have their own types
    """Return `parse(*args)`, or None after adding the problem it raised to `problems`."""
    try:
        return parse(*args)
    except _Problem as p:
        problems.append((line, p.vi, p.en))
        return None


def _find_header(rows: Iterator[tuple[int, list[str]]]) -> tuple[int, dict[str, int]]:
    """Find the header among the first 10 rows (titles above it are skipped); map its columns."""
    for line, cells in rows:
        columns: dict[str, int] = {}
        for i, cell in enumerate(cells):
            column = _KEY_TO_COLUMN.get(_header_key(cell))
            if column and column in columns:
                raise _Problem(f"cột {cell!r} lặp lại", f"column {cell!r} repeats", line)
            if column:
                columns[column] = i
        if len(columns) >= 3:
            if missing := [c for c in _REQUIRED if c not in columns]:
                raise CatalogFileError(
                    [
                        (line, f"thiếu cột {c} ({_COLUMNS[c][0].lower()})", f"missing column {c}")
                        for c in missing
                    ]
                )
            return line, columns
        if line >= 10:
            break
    needed = ", ".join(_REQUIRED)
    raise _Problem(
        f"không tìm thấy dòng tiêu đề (cần các cột {needed})", f"no header row ({needed})", 1
    )


def _parse_row(
    line: int, raw: dict[str, str], problems: list[tuple[int, str, str]]
) -> ProcedureSpec | None:
    """Return the row's procedure, or None after adding each of its problems to `problems`."""
    before = len(problems)
    check = functools.partial(_check, problems, line)
    cutoff = raw.get("same_day_cutoff", "")
    got = {
        "code": check(_code, raw["procedure_code"], "mã thủ tục", "procedure code"),
        "name": check(_text, raw["procedure_name"], "tên thủ tục", "procedure name", 1000, True),
        "field": check(_text, raw.get("field", ""), "lĩnh vực", "field", 200),
        "duration": check(_duration, raw["duration_unit"], raw["duration_amount"], cutoff),
        "fee": check(_fee, raw.get("fee", "")),
        "saturday_reception": check(
            _flag, raw.get("saturday_reception", ""), "thứ Bảy", "Saturday"
        ),
        "on_the_spot": check(_flag, raw.get("on_the_spot", ""), "4 tại chỗ", "on the spot"),
        "checklist": check(_checklist, raw["checklist"]),
    }
    if len(problems) > before:
        return None
    department, fee_note = nfc(raw["department_code"]), nfc(raw.get("fee_note", ""))
    return ProcedureSpec(department_code=department, fee_note=fee_note, **got)


def _department(
    raw: dict[str, str], seen: dict[str, tuple[DepartmentSpec, int]], line: int
) -> None:
    """Record the row's department; a code already seen must not come with other names."""
    code = _code(raw["department_code"], "mã đơn vị", "department code")
    dept = DepartmentSpec(
        code,
        _text(raw["department_name"], "tên đơn vị", "department name", 300, True),
        _text(raw.get("department_short_name", ""), "tên viết tắt", "short name", 80),
        ident_code=_text(raw.get("department_ident_code", ""), "mã định danh", "ident code", 40),
    )
    if code not in seen:
        seen[code] = (dept, line)
        return
    known, first = seen[code]
    for what_vi, what_en, old, new in (
        ("tên", "name", known.name, dept.name),
        ("tên viết tắt", "short name", known.short_name, dept.short_name),
        ("mã định danh", "identification code", known.ident_code, dept.ident_code),
    ):
        if old and new and old != new:
            raise _Problem(
                f"đơn vị {code} đã có {what_vi} khác ở dòng {first}: {old!r}",
                f"department {code} has another {what_en} on line {first}",
            )
    short, ident = known.short_name or dept.short_name, known.ident_code or dept.ident_code
    seen[code] = (replace(known, short_name=short, ident_code=ident), first)


def _unique_code(code: str, seen: dict[str, int], line: int) -> None:
    if code in seen:
        raise _Problem(
            f"mã thủ tục {code} trùng với dòng {seen[code]}",
            f"procedure code {code} repeats line {seen[code]}",
        )
    if code:
        seen[code] = line


def _code(raw: str, what_vi: str, what_en: str) -> str:
    code = nfc(raw)
    if not code:
        raise _Problem(f"thiếu {what_vi}", f"missing {what_en}")
    if " " in code or len(code) > _MAX_CODE:
        raise _Problem(
            f"{what_vi} {code!r} không hợp lệ (không có dấu cách, tối đa 40 ký tự)",
            f"invalid {what_en} {code!r} (no spaces, at most 40 characters)",
        )
    return code


def _text(raw: str, what_vi: str, what_en: str, max_len: int, required: bool = False) -> str:
    text = nfc(raw)
    if required and not text:
        raise _Problem(f"thiếu {what_vi}", f"missing {what_en}")
    if len(text) > max_len:
        raise _Problem(f"{what_vi} dài quá {max_len} ký tự", f"{what_en} longer than {max_len}")
    return text


def _duration(raw_unit: str, raw_amount: str, raw_cutoff: str) -> Duration:
    key = fold(raw_unit)
    if key not in _UNIT_BY_FOLD:
        raise _Problem(
            f"đơn vị thời hạn {nfc(raw_unit)!r} không hợp lệ (working_days, "
            "working_hours, calendar_days, same_day)",
            f"unknown duration unit {nfc(raw_unit)!r}",
        )
    unit = _UNIT_BY_FOLD[key]
    amount = nfc(raw_amount)
    cutoff = nfc(raw_cutoff)
    if unit is None:
        if amount not in ("", "0"):
            raise _Problem(
                "thủ tục trong ngày không ghi thời hạn",
                "a same-day procedure has no duration amount",
            )
        if not cutoff:
            raise _Problem(
                "thủ tục trong ngày thiếu giờ chốt (same_day_cutoff)",
                "same-day procedure without a cut-off time",
            )
        return Duration(DurationUnit.WORKING_DAYS, 0.0, _cutoff(cutoff))
    if cutoff:
        raise _Problem(
            "chỉ thủ tục trong ngày mới có giờ chốt", "only same-day procedures have a cut-off time"
        )
    if not amount:
        raise _Problem("thiếu thời hạn", "missing duration amount")
    if not _AMOUNT.fullmatch(amount):
        raise _Problem(
            f"thời hạn {amount!r} không phải là số", f"duration {amount!r} is not a number"
        )
    value = float(amount.replace(",", "."))
    if not 0 < value <= _MAX_AMOUNT[unit]:
        raise _Problem(
            f"thời hạn phải lớn hơn 0 và không quá {_MAX_AMOUNT[unit]}",
            f"duration must be above 0 and at most {_MAX_AMOUNT[unit]}",
        )
    return Duration(unit, value)


def _cutoff(text: str) -> time:
    match = _CUTOFF.fullmatch(text)
    hour, minute = (int(match[1]), int(match[2] or 0)) if match else (99, 0)
    if hour > 23 or minute > 59:
        raise _Problem(
            f"giờ chốt {text!r} không hợp lệ (HH:MM)", f"invalid cut-off {text!r} (HH:MM)"
        )
    return time(hour, minute)


def _fee(raw: str) -> int:
    text = _FEE_UNIT.sub("", nfc(raw))
    if not text or fold(text) == "mien phi":
        return 0
    if not _FEE.fullmatch(text):
        raise _Problem(
            f"lệ phí {text!r} phải là số nguyên đồng không âm",
            f"fee {text!r} must be a non-negative whole number of đồng",
        )
    fee = int(re.sub(r"\D", "", text))
    if fee > _MAX_FEE:
        raise _Problem(f"lệ phí {text} quá lớn", f"fee {text} is too large")
    return fee


def _flag(raw: str, what_vi: str, what_en: str) -> bool:
    key = fold(raw)
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise _Problem(
        f"{what_vi}: {nfc(raw)!r} phải là 1/0, có/không",
        f"{what_en}: {nfc(raw)!r} must be 1/0, yes/no",
    )


def _checklist(raw: str) -> tuple[ChecklistItemSpec, ...]:
    items = []
    names: set[str] = set()
    for part in re.split(r"[;\n\r]+", raw):
        text = nfc(part)
        if not text:
            continue
        item = _document(text)
        if item.name in names:
            raise _Problem(f"giấy tờ {item.name!r} lặp lại", f"document {item.name!r} repeats")
        names.add(item.name)
        items.append(item)
    if not items:
        raise _Problem(
            "thiếu thành phần hồ sơ (cần ít nhất một giấy tờ)",
            "empty checklist (at least one document is needed)",
        )
    return tuple(items)


def _document(text: str) -> ChecklistItemSpec:
    """Read "?Name [kind×count]": "?" optional; kind and count may be left out."""
    required = not text.startswith("?")
    text = text.lstrip("?").strip()
    kind, count = DocumentKind.ORIGINAL, 1
    if match := _BRACKET.match(text):
        text = match[1]
        found = _KIND_COUNT.fullmatch(match[2].strip())
        kind_word, number = (fold(found[1]), found[2]) if found else ("", None)
        if kind_word.isdigit() and number is None:
            kind_word, number = "", kind_word
        if (kind_word and kind_word not in _KIND_BY_FOLD) or (number and not 0 < int(number) < 100):
            raise _Problem(
                f"giấy tờ {text!r}: không hiểu [{match[2]}] (vd. [bản chính×1])",
                f"document {text!r}: cannot read [{match[2]}] (e.g. [original×1])",
            )
        kind = _KIND_BY_FOLD.get(kind_word, kind)
        count = int(number) if number else 1
    if not text:
        raise _Problem("giấy tờ không có tên", "a document without a name")
    return ChecklistItemSpec(text, required, kind, count)


# --- writing -----------------------------------------------------------------------------------


def write_catalog_csv(
    path: Path, departments: Iterable[DepartmentSpec], procedures: Iterable[ProcedureSpec]
) -> None:
    """Write the catalog as CSV in UTF-8 with a BOM (so that Excel reads it), comma-separated.

    Raises InvalidInput if a document name cannot be written (it holds ; [ ] or a line break)
    and ValueError if a procedure's department is not among `departments`.
    """
    rows = _rows(departments, procedures)
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        writer.writerows(["" if v is None else str(v) for v in row] for row in rows)


def write_catalog_xlsx(
    path: Path, departments: Iterable[DepartmentSpec], procedures: Iterable[ProcedureSpec]
) -> None:
    """Write the catalog as an XLSX workbook: the catalog sheet, then a sheet of help.

    Raises as `write_catalog_csv` does.
    """
    import openpyxl
    from openpyxl.utils import get_column_letter

    rows = _rows(departments, procedures)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Danh mục TTHC")
    widths = {"department_name": 40, "procedure_name": 60, "field": 30, "fee_note": 30}
    for number, column in enumerate(COLUMNS, start=1):
        width = 80 if column == "checklist" else widths.get(column, 14)
        sheet.column_dimensions[get_column_letter(number)].width = width
    sheet.freeze_panes = "A2"
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append(row)
    help_sheet = book.create_sheet("Hướng dẫn")
    help_sheet.column_dimensions["A"].width = 24
    help_sheet.column_dimensions["B"].width = 100
    help_sheet.append(
        ("Cột / Column", "Tên cột tiếng Việt cũng nhận / Vietnamese headers accepted")
    )
    for column in COLUMNS:
        help_sheet.append((column, ", ".join(_COLUMNS[column])))
    book.save(path)


def _rows(
    departments: Iterable[DepartmentSpec], procedures: Iterable[ProcedureSpec]
) -> list[list[str | int | float | None]]:
    by_code = {d.code: d for d in departments}
    rows: list[list[str | int | float | None]] = []
    for p in procedures:
        dept = by_code.get(p.department_code)
        if dept is None:
            raise ValueError(f"procedure {p.code}: unknown department {p.department_code}")
        d = p.duration
        amount = (
            None if d.is_same_day else int(d.amount) if float(d.amount).is_integer() else d.amount
        )
        rows.append(
            [
                dept.code,
                dept.name,
                dept.short_name,
                dept.ident_code,
                p.code,
                p.name,
                p.field,
                "same_day" if d.is_same_day else d.unit.value,
                amount,
                f"{d.same_day_cutoff:%H:%M}" if d.same_day_cutoff else None,
                p.fee,
                p.fee_note,
                int(p.saturday_reception),
                int(p.on_the_spot),
                "; ".join(_document_text(p.code, item) for item in p.checklist),
            ]
        )
    return rows


def _document_text(code: str, item: ChecklistItemSpec) -> str:
    if re.search(r"[;\[\]\n\r]", item.name) or item.name.startswith("?"):
        raise InvalidInput(
            f"Thủ tục {code}: tên giấy tờ {item.name!r} có ký tự ; [ ] hoặc xuống dòng, không ghi "
            f"được vào tệp / Procedure {code}: document name {item.name!r} cannot be written"
        )
    optional = "" if item.required else "?"
    return f"{optional}{item.name} [{item.kind.value}×{item.count}]"
