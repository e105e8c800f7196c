"""Form 06 (Decree 61/2018, Circular 01/2018/TT-VPCP): the dossier ledger for a date range,
landscape, its header row repeated on every page."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from counter_app.printing.documents import LedgerDoc, LedgerRow
from counter_app.printing.forms import common as c
from counter_app.printing.forms import pdf
from counter_app.printing.forms.vntext import esc, local

ID = "ledger"
VERSION = "nd61-2018"
TITLE = "SỔ THEO DÕI HỒ SƠ"
NUMBER = "Mẫu số 06"
BASIS = "Nghị định 61/2018/NĐ-CP; Thông tư 01/2018/TT-VPCP, Mẫu số 06"
EFFECTIVE_FROM = date(2018, 8, 21)
DOC_TYPE = LedgerDoc

TABLE_SIZE = 9  # points of Times in the table
HEAD = (
    "STT",
    "Mã hồ sơ",
    "Tên TTHC",
    "Số lượng hồ sơ (bộ)",
    "Tên cá nhân, tổ chức",
    "Địa chỉ, số điện thoại",
    "Cơ quan chủ trì giải quyết",
    "Ngày nhận",
    "Hẹn trả",
    "Ngày trả",
    "Người giao/ nhận",
    "Ghi chú",
)
# Column widths in mm; the code and date columns fit their text, "Tên TTHC" takes the rest.
FIXED = {0: 10, 3: 12, 4: 24, 5: 26, 6: 22, 10: 20, 11: 14}


def _when(t: datetime | None) -> str:
    if t is None:
        return ""
    lt = local(t)
    return f"{lt:%H:%M}<br/>{lt:%d/%m/%Y}"


def _row(kt: c.Kit, r: LedgerRow) -> list[Flowable | str]:
    people = "<br/>".join(
        f"{label}: {esc(v)}"
        for label, v in (("Giao", r.handed_over_by), ("Nhận", r.taken_by))
        if esc(v)
    )
    contact = "<br/>".join(esc(v) for v in (r.address, r.phone) if esc(v))
    department = r.department
    return [
        kt.p(str(r.number), kt.cell_center),
        "<br/>".join(esc(p) for p in c.split_code(kt, r.code, TABLE_SIZE)),
        esc(r.procedure),
        kt.p(str(r.sets_count), kt.cell_center),
        esc(r.applicant),
        contact,
        esc(department),
        kt.p(_when(r.received_at), kt.cell_center),
        kt.p(_when(r.due_at), kt.cell_center),
        kt.p(_when(r.returned_at), kt.cell_center),
        people,
        esc(r.note),
    ]


def _story(kt: c.Kit, doc: LedgerDoc) -> list[Flowable]:
    w = c.text_width(c.LANDSCAPE)
    widths = [FIXED.get(i, 0) * mm for i in range(len(HEAD))]
    parts = [p for r in doc.rows for p in c.split_code(kt, r.code, TABLE_SIZE)]
    widths[1] = c.column_width(kt, parts, TABLE_SIZE, 18 * mm, 45 * mm)
    widths[7] = widths[8] = widths[9] = c.column_width(kt, ["00/00/0000"], TABLE_SIZE, 0, 25 * mm)
    widths[2] = w - sum(widths)
    span = (
        f"Từ ngày {doc.date_from:%d/%m/%Y} đến ngày {doc.date_to:%d/%m/%Y}"
        if doc.date_from != doc.date_to
        else f"Ngày {doc.date_from:%d/%m/%Y}"
    )
    story: list[Flowable] = c.header(kt, doc.center, None, width=w)
    story += c.title(kt, TITLE, f"<i>({span})</i>")
    story.append(c.grid(kt, HEAD, [_row(kt, r) for r in doc.rows], widths, numbered_head=True))
    if not doc.rows:
        story.append(kt.p("<i>Không có hồ sơ nào trong thời gian này.</i>", kt.center))
    return story


def render(doc: LedgerDoc, out: Path | BinaryIO) -> None:
    """Write the ledger, landscape A4, "Trang x/y" on every page, to `out`.

    Raises PrintingError when no Vietnamese font is installed or `out` cannot be written.
    """
    kt = c.kit(13, TABLE_SIZE)
    pdf.build_pdf(
        out,
        _story(kt, doc),
        kt=kt,
        title=f"Sổ theo dõi hồ sơ {doc.date_from:%d/%m/%Y} - {doc.date_to:%d/%m/%Y}",
        subject="Sổ theo dõi hồ sơ",
        author=doc.center.name,
        form_number=NUMBER,
        pagesize=c.LANDSCAPE,
        page_numbers=True,
    )
