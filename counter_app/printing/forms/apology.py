"""Form 04 (Decree 61/2018, Circular 01/2018/TT-VPCP): apology and a new date for the result."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from counter_app.printing.documents import ApologyDoc
from counter_app.printing.forms import common as c
from counter_app.printing.forms import pdf
from counter_app.printing.forms.vntext import esc, local, val, vn_date, vn_datetime

ID = "apology"
VERSION = "nd61-2018"
TITLE = "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"
NUMBER = "Mẫu số 04"
BASIS = "Nghị định 61/2018/NĐ-CP; Thông tư 01/2018/TT-VPCP, Mẫu số 04"
EFFECTIVE_FROM = date(2018, 8, 21)
DOC_TYPE = ApologyDoc


def _story(kt: c.Kit, doc: ApologyDoc) -> list[Flowable]:
    d = doc.dossier
    unit = val(doc.responsible_unit)
    received = vn_date(local(d.received_at).date())
    story: list[Flowable] = c.header(kt, doc.center, local(doc.printed_at).date())
    story += c.title(kt, TITLE)
    story += [
        kt.p(f"Kính gửi: <b>{val(d.applicant.full_name)}</b>", kt.center),
        Spacer(1, 3 * mm),
        kt.p(
            f"{received.capitalize()}, {c.TN_TKQ} tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết "
            f"thủ tục: <b>{val(d.procedure_name)}</b>.",
            kt.prose,
        ),
        kt.line("Mã hồ sơ", esc(d.code)),
        kt.line("Thời gian nhận hồ sơ", vn_datetime(d.received_at), bold=False),
        kt.line("Thời gian hẹn trả kết quả giải quyết hồ sơ", vn_datetime(doc.original_due_at)),
        kt.p(
            f"Tuy nhiên đến nay, <b>{unit}</b> chưa trả kết quả giải quyết hồ sơ của Ông/Bà. "
            f"Lý do: {val(doc.reason)}",
            kt.prose,
        ),
        kt.p(
            f"Sự chậm trễ này đã gây phiền hà cho Ông/Bà. <b>{unit}</b> xin lỗi Ông/Bà và hẹn lại "
            "thời gian trả kết quả giải quyết hồ sơ vào: "
            f"<b>{vn_datetime(doc.new_due_at)}</b>.",
            kt.prose,
        ),
        kt.p("Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.", kt.prose),
        Spacer(1, 6 * mm),
        KeepTogether(
            c.signatures(
                kt,
                [None, (f"Đại diện {doc.responsible_unit}", "(Ký, ghi rõ họ tên và đóng dấu)", "")],
                space=25 * mm,
            )
        ),
    ]
    return story


def render(doc: ApologyDoc, out: Path | BinaryIO) -> None:
    """Write the apology to `out`.

    Raises PrintingError when no Vietnamese font is installed or `out` cannot be written.
    """
    pdf.build_letter(
        out,
        lambda kt: _story(kt, doc),
        title=TITLE.capitalize(),
        dossier_code=doc.dossier.code,
        center=doc.center.name,
        form_number=NUMBER,
    )
