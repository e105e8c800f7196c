"""Form 05 (Decree 61/2018, Circular 01/2018/TT-VPCP): the control sheet that travels with the
paper dossier, its code as Code 128 and QR for staff and postal staff to scan."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from counter_app.domain.text import nfc
from counter_app.printing.documents import ControlSheetDoc, HandOff
from counter_app.printing.forms import barcodes, pdf
from counter_app.printing.forms import common as c
from counter_app.printing.forms.vntext import esc, local, val, vn_datetime

ID = "control"
VERSION = "nd61-2018"
TITLE = "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"
NUMBER = "Mẫu số 05"
BASIS = "Nghị định 61/2018/NĐ-CP; Thông tư 01/2018/TT-VPCP, Mẫu số 05"
EFFECTIVE_FROM = date(2018, 8, 21)
DOC_TYPE = ControlSheetDoc

APPLICANT = "Tổ chức, cá nhân"
MIN_ROWS = 4  # the standard route: center → department → … → center → applicant
QR_SIZE = 26 * mm
BAR_HEIGHT = 15 * mm
# Type sizes tried in turn to keep the sheet on one page; a long route goes on to a second page.
SIZES: tuple[tuple[float, float], ...] = ((13, 11), (12.5, 10.5), (12, 10), (11.5, 10))


def route(doc: ControlSheetDoc) -> list[HandOff]:
    """Return the hand-offs to print: those recorded, then blank rows to fill in by hand so the
    sheet always holds the standard route (at least 4 rows, the last two back to the center and
    from the center to the applicant), unless the recorded ones already end with the return."""
    rows = list(doc.handoffs)

    def center(unit: str) -> bool:
        return nfc(unit).casefold() == nfc(c.TN_TKQ).casefold()

    if len(rows) >= 2 and center(rows[-2].to_unit) and center(rows[-1].from_unit):
        return rows  # back at the center and handed to the applicant: complete
    if rows and center(rows[-1].to_unit):
        return [*rows, HandOff(c.TN_TKQ, APPLICANT)]  # back at the center: only the return left
    needed = max(MIN_ROWS - len(rows), 2)
    middle: list[HandOff] = []
    last_to = rows[-1].to_unit if rows else ""
    for _ in range(needed - 2):
        if not rows and not middle:
            middle.append(HandOff(c.TN_TKQ, doc.dossier.department))
        else:
            middle.append(HandOff(middle[-1].to_unit if middle else last_to, ""))
    return [*rows, *middle, HandOff("", c.TN_TKQ), HandOff(c.TN_TKQ, APPLICANT)]


def _codes(kt: c.Kit, doc: ControlSheetDoc) -> list[Flowable]:
    code = doc.dossier.code
    w = c.text_width()
    bar_w = w - QR_SIZE - 6 * mm
    code_style = kt.sign_name.clone("code", fontSize=kt.size(14), leading=kt.size(17))
    bars = [barcodes.code128(code, bar_w - 4 * mm, BAR_HEIGHT), kt.p(esc(code), code_style)]
    return [
        c.plain_table(
            [[bars, barcodes.qr(code, QR_SIZE)]],
            [bar_w, w - bar_w],
            valign="MIDDLE",
            extra=[("ALIGN", (0, 0), (-1, -1), "CENTER")],
        ),
        Spacer(1, 2 * mm),
    ]


def _handoff_rows(kt: c.Kit, doc: ControlSheetDoc, time_w: float) -> list[list[Flowable | str]]:
    rows: list[list[Flowable | str]] = []
    sign_head = kt.cell_center.clone("sign_head", fontName=kt.fonts.italic)
    for n, h in enumerate(route(doc), start=1):
        signs = c.plain_table(
            [[kt.p("Người giao", sign_head), kt.p("Người nhận", sign_head)], ["", ""]],
            [time_w / 2 - 3, time_w / 2 - 3],
        )
        signs.setStyle([("BOTTOMPADDING", (0, 1), (-1, 1), 12 * mm)])
        when = (
            f"{local(h.at):%H} giờ {local(h.at):%M} phút<br/>ngày {local(h.at):%d/%m/%Y}"
            if h.at
            else "…… giờ …… phút<br/>ngày ……/……/………"
        )
        rows.append(
            [
                kt.p(
                    f"{n}. Giao: <b>{val(h.from_unit, '……………')}</b><br/>"
                    f"Nhận: <b>{val(h.to_unit, '……………')}</b>",
                    kt.cell,
                ),
                [kt.p(when, kt.cell_center), Spacer(1, 1.5 * mm), signs],
                kt.p(esc(h.result), kt.cell_center),
                esc(h.note),
            ]
        )
    return rows


def _story(kt: c.Kit, doc: ControlSheetDoc) -> list[Flowable]:
    d = doc.dossier
    w = c.text_width()
    story: list[Flowable] = c.header(kt, doc.center, local(d.received_at).date())
    story += c.title(kt, TITLE)
    story += _codes(kt, doc)
    story += c.applicant_block(kt, d, "Kèm theo hồ sơ của")
    story += [
        kt.line("Thời gian nhận hồ sơ", vn_datetime(d.received_at)),
        kt.line("Thời gian hẹn trả kết quả", vn_datetime(d.due_at)),
        Spacer(1, 2 * mm),
    ]
    widths = [48 * mm, 56 * mm, 36 * mm, w - 140 * mm]
    story.append(
        c.grid(
            kt,
            [
                "Tên cơ quan, tổ chức",
                "Thời gian giao, nhận hồ sơ",
                "Kết quả giải quyết hồ sơ<br/>(Trước hạn/đúng hạn/quá hạn)",
                "Ghi chú",
            ],
            _handoff_rows(kt, doc, widths[1] - 6),
            widths,
        )
    )
    return story


def render(doc: ControlSheetDoc, out: Path | BinaryIO) -> None:
    """Write the control sheet to `out` (one page for the standard route; a long route goes on
    with the table header repeated).

    Raises PrintingError when no Vietnamese font is installed or `out` cannot be written.
    """
    kt, story = pdf.fit_page(lambda kt: _story(kt, doc), SIZES, shrink=False)
    pdf.build_pdf(
        out,
        story,
        kt=kt,
        title=TITLE.capitalize(),
        subject=doc.dossier.code,
        author=doc.center.name,
        form_number=NUMBER,
    )
