"""Form 02 (Decree 61/2018, Circular 01/2018/TT-VPCP): request to add to or complete a dossier."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from counter_app.printing.documents import SupplementRequestDoc
from counter_app.printing.forms import common as c
from counter_app.printing.forms import pdf
from counter_app.printing.forms.vntext import esc, local, val, vn_datetime

ID = "supplement"
VERSION = "nd61-2018"
TITLE = "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"
NUMBER = "Mẫu số 02"
BASIS = "Nghị định 61/2018/NĐ-CP; Thông tư 01/2018/TT-VPCP, Mẫu số 02"
EFFECTIVE_FROM = date(2018, 8, 21)
DOC_TYPE = SupplementRequestDoc


def _story(kt: c.Kit, doc: SupplementRequestDoc) -> list[Flowable]:
    d = doc.dossier
    story: list[Flowable] = c.header(kt, doc.center, local(doc.printed_at).date())
    story += c.title(kt, TITLE, f"Mã hồ sơ: <b>{esc(d.code)}</b>")
    story += c.applicant_block(kt, d, "Hồ sơ của")
    story += [
        kt.line("Thời gian nhận hồ sơ", vn_datetime(d.received_at), bold=False),
        Spacer(1, 2 * mm),
        kt.p(
            "Sau khi xem xét, kiểm tra thành phần hồ sơ, đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ "
            "gồm những nội dung sau:",
            kt.prose,
        ),
        Spacer(1, 1 * mm),
    ]
    if doc.missing:
        story.append(c.documents_table(kt, doc.missing, "Nội dung cần bổ sung, hoàn thiện"))
    else:
        story.append(kt.p(val("")))
    story += [
        Spacer(1, 2 * mm),
        kt.p(f"<b>Lý do:</b> {val(doc.reason)}", kt.justify),
        kt.p(f"<b>Căn cứ quy định tại:</b> {val(doc.rules_reference)}", kt.justify),
        kt.p(
            "Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với "
            f"<b>{val(d.officer)}</b>, số điện thoại <b>{val(d.officer_phone or doc.center.phone)}"
            "</b> để được hướng dẫn.",
            kt.prose,
        ),
        kt.p(
            "Thời gian bổ sung, hoàn thiện hồ sơ không tính vào thời hạn giải quyết hồ sơ.",
            kt.prose,
        ),
        Spacer(1, 4 * mm),
        KeepTogether(
            c.signatures(
                kt,
                [
                    ("Người nộp hồ sơ", c.SIGN_HINT, d.applicant.full_name),
                    ("Người hướng dẫn", c.SIGN_HINT, d.officer),
                ],
            )
        ),
    ]
    return story


def render(doc: SupplementRequestDoc, out: Path | BinaryIO) -> None:
    """Write the request to `out`.

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
