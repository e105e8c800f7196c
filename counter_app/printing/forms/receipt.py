"""Form 01 (Decree 61/2018, Circular 01/2018/TT-VPCP): receipt and appointment slip, 2 copies."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from counter_app.printing.documents import IntakeReceiptDoc
from counter_app.printing.forms import barcodes, pdf
from counter_app.printing.forms import common as c
from counter_app.printing.forms.vntext import esc, local, money, val, vn_datetime

ID = "receipt"
VERSION = "nd61-2018"
TITLE = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
NUMBER = "Mẫu số 01"
BASIS = "Nghị định 61/2018/NĐ-CP; Thông tư 01/2018/TT-VPCP, Mẫu số 01"
EFFECTIVE_FROM = date(2018, 8, 21)
DOC_TYPE = IntakeReceiptDoc

COPIES = ("Liên 1: Lưu tại bộ phận tiếp nhận", "Liên 2: Giao người nộp hồ sơ")
QR_SIZE = 27 * mm
# Body and table type sizes tried in turn until a copy fits its page (13 pt is the norm).
SIZES: tuple[tuple[float, float], ...] = (
    (13, 12),
    (12.5, 11.5),
    (12, 11),
    (11.5, 10.5),
    (11, 10),
    (10.5, 9.5),
    (10, 9),
)


def _documents(kt: c.Kit, doc: IntakeReceiptDoc) -> list[Flowable]:
    lines = doc.dossier.documents
    if not lines:
        return [kt.p("1. Thành phần hồ sơ nộp gồm: " + val(""))]
    table = c.documents_table(kt, lines, "Tên giấy tờ")
    return [kt.p("1. Thành phần hồ sơ nộp gồm:"), Spacer(1, 1 * mm), table, Spacer(1, 1 * mm)]


def _copy(kt: c.Kit, doc: IntakeReceiptDoc, copy: str) -> list[Flowable]:
    d = doc.dossier
    w = c.text_width()
    story: list[Flowable] = c.header(kt, doc.center, local(d.received_at).date())
    story += c.title(kt, TITLE, f"Mã hồ sơ: <b>{esc(d.code)}</b>", f"<i>({esc(copy)})</i>")
    left = w - QR_SIZE - 4 * mm
    who = c.applicant_block(kt, d, "Tiếp nhận hồ sơ của", left)
    # The QR stands alone beside the applicant: a caption there would be interleaved with the
    # applicant's lines when the text is extracted (pdftotext -layout, copy and paste).
    qr_cell = barcodes.qr(d.code, QR_SIZE)
    story.append(
        c.plain_table(
            [[who, qr_cell]], [left, QR_SIZE + 4 * mm], extra=[("ALIGN", (1, 0), (1, 0), "RIGHT")]
        )
    )
    story += _documents(kt, doc)
    if d.return_by_post:
        where = f"nhận qua dịch vụ bưu chính công ích tại địa chỉ: <b>{val(d.post_address)}</b>"
    else:
        where = "<b>" + esc(c.TN_TKQ) + (f", {esc(d.desk)}" if esc(d.desk) else "") + "</b>"
    story += [
        kt.p(f"2. Số lượng hồ sơ: <b>{d.sets_count:02d}</b> bộ."),
        kt.p(f"3. Thời hạn giải quyết hồ sơ theo quy định: <b>{val(d.duration)}</b>."),
        kt.p(f"4. Thời gian nhận hồ sơ: <b>{vn_datetime(d.received_at)}</b>."),
        kt.p(f"5. Thời gian trả kết quả giải quyết hồ sơ: <b>{vn_datetime(d.due_at)}</b>."),
        kt.p(f"6. Đăng ký nhận kết quả tại: {where}.", kt.justify),
    ]
    if d.fee:
        story.append(kt.p(f"7. Phí, lệ phí: <b>{money(d.fee)}</b>."))
    entry = str(d.ledger_entry) if d.ledger_entry is not None else ""
    story += [
        kt.p(
            f"Vào Sổ theo dõi hồ sơ, Quyển số: <b>{val(d.ledger_book, '……')}</b>, "
            f"Số thứ tự: <b>{val(entry, '……')}</b>."
        ),
        kt.p(
            f"Mã tra cứu: <b>{val(d.lookup_secret)}</b> <i>(tra cứu hồ sơ tại "
            f"<b>{esc(doc.center.lookup_url)}</b> hoặc quét mã QR; đường dây nóng: "
            f"{esc(doc.center.hotline)})</i>.",
            kt.justify,
        ),
        Spacer(1, 3 * mm),
        c.signatures(
            kt,
            [
                ("Người nộp hồ sơ", c.SIGN_HINT, d.applicant.full_name),
                ("Người tiếp nhận hồ sơ", c.SIGN_HINT, d.officer),
            ],
            space=16 * mm,
        ),
    ]
    return story


def render(doc: IntakeReceiptDoc, out: Path | BinaryIO) -> None:
    """Write the two copies to `out`, one page each: very long content is set in smaller type
    (down to 10 pt), and only beyond that shrunk.

    Raises PrintingError when no Vietnamese font is installed or `out` cannot be written.
    """
    story: list[Flowable] = []
    sizes = SIZES
    for i, copy in enumerate(COPIES):
        if i:
            story.append(PageBreak())

        def make(kt: c.Kit, copy: str = copy) -> list[Flowable]:
            return _copy(kt, doc, copy)

        # One page per copy, whatever the length: a copy split over two sheets gets separated.
        kt, page = pdf.fit_page(make, sizes)
        story += page
        sizes = SIZES[SIZES.index((kt.base, kt.table)) :]  # the next copy starts from here
    pdf.build_pdf(
        out,
        story,
        kt=kt,
        title=TITLE.capitalize(),
        subject=doc.dossier.code,
        author=doc.center.name,
        form_number=NUMBER,
    )
