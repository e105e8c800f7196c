"""The postal handover record (biên bản bàn giao hồ sơ qua dịch vụ bưu chính công ích): a batch
of paper dossiers leaving the center for a department, or coming back."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from counter_app.printing.documents import HandoverDoc
from counter_app.printing.forms import common as c
from counter_app.printing.forms import pdf
from counter_app.printing.forms.vntext import esc, local, number_words, val, vn_datetime

ID = "handover"
VERSION = "nd61-2018"
TITLE = "BIÊN BẢN BÀN GIAO HỒ SƠ"
NUMBER = ""
BASIS = "Quyết định 45/2016/QĐ-TTg (dịch vụ bưu chính công ích); mẫu của Trung tâm"
EFFECTIVE_FROM = date(2018, 8, 21)
DOC_TYPE = HandoverDoc

TABLE_SIZE = 11.5
CODE_MAX = 55 * mm


def _items(kt: c.Kit, doc: HandoverDoc) -> tuple[list[Flowable], list[Flowable]]:
    """Return the table of dossiers as (all rows but the last, the last row): the last row goes
    with the signatures, so that they never stand alone on a page."""
    w = c.text_width()
    # A code on one line reads like the barcode scanned (and like pdftotext reads it back);
    # it is broken after a hyphen only when it cannot fit the widest code column.
    whole = c.column_width(kt, [i.code for i in doc.items], TABLE_SIZE, 25 * mm, w)
    split = whole > CODE_MAX

    def lines(code: str) -> list[str]:
        return c.split_code(kt, code, TABLE_SIZE) if split else [code]

    parts = [p for i in doc.items for p in lines(i.code)]
    code_w = c.column_width(kt, parts, TABLE_SIZE, 25 * mm, CODE_MAX)
    widths = [11 * mm, code_w, 0.0, 36 * mm, 22 * mm]
    widths[2] = w - sum(widths)
    rows = [
        [
            kt.p(str(i.number), kt.cell_center),
            "<br/>".join(esc(p) for p in lines(i.code)),
            esc(i.procedure),
            esc(i.applicant),
            esc(i.note),
        ]
        for i in doc.items
    ]
    head = ["STT", "Mã hồ sơ", "Thủ tục", "Người nộp", "Ghi chú"]
    if len(rows) < 2:
        return [c.grid(kt, head, rows, widths)], []
    return [c.grid(kt, head, rows[:-1], widths)], [c.grid(kt, [], rows[-1:], widths)]


def _story(kt: c.Kit, doc: HandoverDoc) -> list[Flowable]:
    n = len(doc.items)
    table, last_row = _items(kt, doc)
    story: list[Flowable] = c.header(kt, doc.center, local(doc.at).date(), number=doc.batch_number)
    story += c.title(kt, TITLE, "<i>(Hồ sơ chuyển qua dịch vụ bưu chính công ích)</i>")
    story += [
        kt.p(
            f"Hôm nay, vào hồi {vn_datetime(doc.at)}, tại {val(doc.center.address)}, "
            "chúng tôi gồm:",
            kt.prose,
        ),
        kt.line("Bên giao", val(doc.handed_by)),
        kt.line("Bên nhận", val(doc.received_by)),
        kt.line("Chiều bàn giao", val(doc.direction), bold=False),
        kt.line("Cơ quan giải quyết", val(doc.department), bold=False),
        kt.line("Số lượng", f"{len(doc.items)} hồ sơ", bold=False),
    ]
    story += [kt.line(esc(k), esc(v), bold=False) for k, v in doc.extra.items()]
    story += [
        kt.p("Hai bên thống nhất bàn giao các hồ sơ sau:", kt.prose),
        Spacer(1, 1 * mm),
        *table,
    ]
    # The total, the closing words and the signatures stay together: a page with only the
    # signatures on it could be swapped.
    closing: list[Flowable] = [
        *last_row,
        Spacer(1, 2 * mm),
        kt.p(f"Tổng số: <b>{n:02d}</b> ({number_words(n)}) hồ sơ.", kt.body),
    ]
    if esc(doc.notes):
        closing.append(kt.p(f"Ghi chú: {esc(doc.notes)}", kt.justify))
    closing += [
        kt.p(
            "Biên bản được lập thành 02 bản có giá trị như nhau, mỗi bên giữ 01 bản./.",
            kt.prose,
        ),
        Spacer(1, 4 * mm),
        c.signatures(
            kt,
            [
                ("Bên giao", c.SIGN_HINT, doc.handed_by),
                ("Bên nhận", c.SIGN_HINT, doc.received_by),
            ],
        ),
    ]
    story.append(KeepTogether(closing))
    return story


def render(doc: HandoverDoc, out: Path | BinaryIO) -> None:
    """Write the record to `out`, with "Trang x/y" when it takes more than one page.

    Raises PrintingError when no Vietnamese font is installed or `out` cannot be written.
    """
    kt = c.kit(13, TABLE_SIZE, gap=2.5, lead=1.25)
    pdf.build_pdf(
        out,
        _story(kt, doc),
        kt=kt,
        title=f"Biên bản bàn giao hồ sơ {doc.batch_number}",
        subject=doc.direction,
        author=doc.center.name,
        page_numbers=lambda page, pages: pdf.page_label(page, pages) if pages > 1 else "",
    )
