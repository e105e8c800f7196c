"""Form 03 (Decree 61/2018, Circular 01/2018/TT-VPCP): refusal to receive a dossier."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from counter_app.printing.documents import RefusalDoc
from counter_app.printing.forms import common as c
from counter_app.printing.forms import pdf
from counter_app.printing.forms.vntext import esc, local, val

ID = "refusal"
VERSION = "nd61-2018"
TITLE = "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"
NUMBER = "Mẫu số 03"
BASIS = "Nghị định 61/2018/NĐ-CP; Thông tư 01/2018/TT-VPCP, Mẫu số 03"
EFFECTIVE_FROM = date(2018, 8, 21)
DOC_TYPE = RefusalDoc


def _story(kt: c.Kit, doc: RefusalDoc) -> list[Flowable]:
    d = doc.dossier
    story: list[Flowable] = c.header(kt, doc.center, local(doc.printed_at).date())
    sub = [f"Mã hồ sơ: <b>{esc(d.code)}</b>"] if esc(d.code) else []
    story += c.title(kt, TITLE, *sub)
    story += c.applicant_block(kt, d, f"{c.TN_TKQ} tiếp nhận hồ sơ của")
    story += [
        Spacer(1, 2 * mm),
        kt.p(
            f"Qua xem xét, {c.TN_TKQ.lower()} thông báo không tiếp nhận, giải quyết hồ sơ này "
            "với lý do cụ thể như sau:",
            kt.prose,
        ),
        kt.p(val(doc.reason), kt.prose),
        Spacer(1, 2 * mm),
        kt.p(
            "Xin thông báo cho Ông/Bà được biết và thực hiện. Rất mong Ông/Bà thông cảm về sự "
            "bất tiện này./.",
            kt.prose,
        ),
        Spacer(1, 6 * mm),
        KeepTogether(c.signatures(kt, [None, ("Người tiếp nhận hồ sơ", c.SIGN_HINT, d.officer)])),
    ]
    return story


def render(doc: RefusalDoc, out: Path | BinaryIO) -> None:
    """Write the refusal to `out`.

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
