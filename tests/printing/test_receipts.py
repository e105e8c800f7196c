"""Receipt layouts rendered to 1-bit images: width, wrapping, nothing cut off, NFC, fonts.

Set COUNTER_APP_RECEIPT_PNGS to a folder to keep a PNG of every receipt for a look.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import unicodedata
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from counter_app.printing.documents import (
    ApplicantInfo,
    CenterInfo,
    DossierInfo,
    HandoverDoc,
    HandoverItem,
    IntakeReceiptDoc,
    QueueTicketDoc,
    ResultReturnedDoc,
)
from counter_app.printing.errors import PrintingError
from counter_app.printing.raster import (
    MARGIN_MM,
    PAPER_58MM,
    PAPER_80MM,
    FontPair,
    Paper,
    covers_vietnamese,
    find_fonts,
    qr_matrix,
    render,
    render_receipt,
)
from counter_app.printing.receipt_layout import (
    VIETNAMESE_LETTERS,
    Barcode,
    KeyValue,
    QRCode,
    Receipt,
    Signatures,
    Size,
    Text,
    handover_summary_layout,
    intake_receipt_layout,
    printer_test_layout,
    result_returned_layout,
    ticket_layout,
    vn_time,
    words,
    wrap,
)

VN = ZoneInfo("Asia/Ho_Chi_Minh")
PAPERS = [PAPER_80MM, PAPER_58MM]
LONG_NAME = (
    "Công ty Trách nhiệm hữu hạn Một thành viên Xuất nhập khẩu Nông sản Đồng Đăng – Lạng Sơn"
)
LONG_PROCEDURE = (
    "Cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với "
    "đất cho tổ chức, cơ sở tôn giáo, người Việt Nam định cư ở nước ngoài, doanh nghiệp có "
    "vốn đầu tư nước ngoài đã được giải quyết chuyển nhượng quyền sử dụng đất trước ngày Luật "
    "Đất đai có hiệu lực thi hành, kèm theo bản sao"
)[:300]
CODE = "000.00.06.H56-231027-0361"
NOW = datetime(2025, 3, 12, 10, 6, tzinfo=VN)


def dossier(code: str = CODE) -> DossierInfo:
    return DossierInfo(
        code=code,
        lookup_secret="K7P9QX",
        procedure_code="1.004227",
        procedure_name=LONG_PROCEDURE,
        department="Sở Tài nguyên và Môi trường",
        applicant=ApplicantInfo(
            LONG_NAME, "020304005678", "Thôn Bản Cầu, xã Đồng Đăng", "0912 345 678"
        ),
        received_at=datetime(2025, 3, 12, 10, 5, tzinfo=VN),
        due_at=datetime(2025, 3, 19, 10, 5, tzinfo=VN),
        duration="5 ngày làm việc",
        officer="Hoàng Thị Ngọc Ánh",
        officer_phone="0205 3812 346",
        desk="Quầy số 3",
        ledger_book="Sổ 02/2025",
        ledger_entry=361,
        fee=50_000,
    )


def sample_docs(code: str = CODE) -> dict[str, Any]:
    """One document of each thermal kind, with long Vietnamese names."""
    center = CenterInfo()
    items = tuple(
        HandoverItem(i + 1, f"000.00.06.H56-231027-{361 + i:04d}", "Cấp đổi giấy phép", name)
        for i, name in enumerate(["Lường Thị Mỹ Duyên", LONG_NAME, "Ngô Quốc Việt"])
    )
    return {
        "ticket": QueueTicketDoc(
            center,
            "Đất đai – Tài nguyên và Môi trường",
            "A023",
            NOW,
            5,
            "Quầy 1, 2, 3",
            "Ưu tiên: người cao tuổi",
            "https://dichvucong.langson.gov.vn/hang-doi/A023",
        ),
        "intake": IntakeReceiptDoc(center, dossier(code), NOW),
        "result": ResultReturnedDoc(
            center, dossier(code), datetime(2025, 3, 18, 15, 30, tzinfo=VN), "Nguyễn Văn Ẩn", NOW
        ),
        "handover": HandoverDoc(
            center,
            "BG-250312-03",
            "Trung tâm → Sở Tài nguyên và Môi trường",
            "Sở Tài nguyên và Môi trường",
            items,
            "Hoàng Thị Ngọc Ánh",
            "Đinh Văn Bưu",
            NOW,
            NOW,
            notes="Hồ sơ gửi qua bưu điện Đồng Đăng",
        ),
    }


LAYOUTS: dict[str, Callable[[Any], Receipt]] = {
    "ticket": ticket_layout,
    "intake": intake_receipt_layout,
    "result": result_returned_layout,
    "handover": handover_summary_layout,
}


def sample_layouts(code: str = CODE) -> dict[str, Receipt]:
    return {name: LAYOUTS[name](doc) for name, doc in sample_docs(code).items()}


def to_nfd(value: Any) -> Any:
    """Return `value` with every string inside (dataclasses, tuples, dicts) in NFD."""
    if isinstance(value, str):
        return unicodedata.normalize("NFD", value)
    if isinstance(value, tuple):
        return tuple(to_nfd(v) for v in value)
    if isinstance(value, dict):
        return {to_nfd(k): to_nfd(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: to_nfd(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


def squeeze(text: str) -> str:
    """Text without spaces, NFC: what must appear, in order, whatever the line breaks."""
    return "".join(words(text)).replace("\u00a0", "")


def expected_texts(receipt: Receipt) -> list[str]:
    """Every text a receipt prints, as one string per block (key and value together)."""
    out: list[str] = []
    for block in receipt.blocks:
        if isinstance(block, Text):
            out.append(block.text)
        elif isinstance(block, KeyValue):
            out.append(block.key + block.value)
        elif isinstance(block, Signatures):
            out += [who + block.hint + person for who, person in block.parties]
    return out


CASES = [(name, paper) for name in LAYOUTS for paper in PAPERS]
IDS = [f"{name}-{paper.width_dots}" for name, paper in CASES]


@pytest.fixture(scope="module")
def rendered() -> dict[tuple[str, int], Any]:
    layouts = sample_layouts()
    out = {}
    keep = os.environ.get("COUNTER_APP_RECEIPT_PNGS")
    for name, paper in CASES:
        result = render_receipt(layouts[name], paper)
        out[name, paper.width_dots] = result
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            result.image.save(Path(keep) / f"{name}_{paper.width_dots}.png")
    return out


@pytest.mark.parametrize(("name", "paper"), CASES, ids=IDS)
def test_receipt_is_a_1_bit_image_of_the_paper_width(name: str, paper: Paper, rendered) -> None:
    image = rendered[name, paper.width_dots].image
    assert image.mode == "1"
    assert image.width == paper.width_dots
    assert 300 < image.height < 4000
    margin = paper.dots(MARGIN_MM) - 1
    left = image.crop((0, 0, margin, image.height))
    right = image.crop((image.width - margin, 0, image.width, image.height))
    assert left.getextrema() == (255, 255), "ink in the left margin"
    assert right.getextrema() == (255, 255), "ink in the right margin: something is cut off"


@pytest.mark.parametrize(("name", "paper"), CASES, ids=IDS)
def test_every_text_line_fits_and_nothing_is_dropped(name: str, paper: Paper, rendered) -> None:
    result = rendered[name, paper.width_dots]
    margin = paper.dots(MARGIN_MM)
    for line in result.lines:
        assert line.x >= margin, line
        assert line.x + line.width <= paper.width_dots - margin, line
        assert line.top + line.height <= result.image.height
    printed = "".join(squeeze(line.text) for line in result.lines)
    position = 0
    for text in expected_texts(sample_layouts()[name]):
        found = printed.find(squeeze(text), position)
        assert found >= 0, f"not printed in full, in order: {text!r}"
        position = found


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: str(p.width_dots))
def test_long_vietnamese_names_wrap_on_word_boundaries(paper: Paper, rendered) -> None:
    for name in ("intake", "result"):
        lines = [line.text for line in rendered[name, paper.width_dots].lines]
        for long_text in (LONG_NAME, LONG_PROCEDURE):
            first = long_text.split()[0]
            start = next(i for i, t in enumerate(lines) if t.startswith(first))
            taken, count = "", 0
            while squeeze(taken) != squeeze(long_text):
                taken += " " + lines[start + count]
                count += 1
            assert count >= 2, "a long text must wrap"
            assert taken.split() == long_text.split(), "wrapped only between words"


def test_the_ticket_number_is_huge(rendered) -> None:
    for paper in PAPERS:
        line = next(li for li in rendered["ticket", paper.width_dots].lines if li.text == "A023")
        assert line.height >= paper.dots(10.0), "at least a centimetre high"
        assert line.width >= paper.width_dots * 0.5


def test_nfd_input_renders_exactly_like_nfc() -> None:
    for name, doc in sample_docs().items():
        nfd = to_nfd(doc)
        assert nfd != doc
        for paper in PAPERS:
            a = render(LAYOUTS[name](doc), paper)
            b = render(LAYOUTS[name](nfd), paper)
            assert a.size == b.size and a.tobytes() == b.tobytes(), name


def test_times_are_written_in_words_and_break_only_after_the_comma() -> None:
    t = datetime(2025, 3, 12, 3, 5, tzinfo=ZoneInfo("UTC"))
    assert vn_time(t).replace("\u00a0", " ") == "10 giờ 05 phút, ngày 12/03/2025"
    lines = wrap(vn_time(t), 16, len)
    assert lines == ["10 giờ 05 phút,", "ngày 12/03/2025"]


def test_no_grey_speckle_thin_accents_survive() -> None:
    """Every letter, thresholded: no lone dots, and each accented capital keeps its marks."""
    receipt = printer_test_layout("Máy in thử", NOW)
    image = render(receipt, PAPER_58MM).convert("L")
    data = image.load()
    assert data is not None
    lonely = 0
    for y in range(1, image.height - 1):
        for x in range(1, image.width - 1):
            if data[x, y] == 0 and all(
                data[x + dx, y + dy] == 255 for dx in (-1, 0, 1) for dy in (-1, 0, 1) if dx or dy
            ):
                lonely += 1
    assert lonely == 0


@given(st.lists(st.text("aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệ-./", max_size=30), max_size=30))
@settings(max_examples=150, deadline=None)
def test_wrap_keeps_every_word_and_each_line_fits(parts: list[str]) -> None:
    text = " ".join(parts)
    width = 12
    lines = wrap(text, width, len)
    assert all(len(line) <= width for line in lines)
    assert squeeze(" ".join(lines)) == squeeze(text)
    # a word is broken only when it alone is wider than a line
    for word in text.split():
        if len(word) <= width:
            assert any(word in line.split() for line in lines), word


def test_a_long_code_breaks_after_a_separator() -> None:
    assert wrap(CODE, 16, len) == ["000.00.06.H56-", "231027-0361"]


def test_hanging_lines_start_under_the_second_word() -> None:
    receipt = Receipt("t", (Text("• " + LONG_PROCEDURE, Size.SMALL, hanging=True),))
    lines = render_receipt(receipt, PAPER_58MM).lines
    assert len(lines) > 3
    assert len({line.x for line in lines[1:]}) == 1
    assert lines[1].x > lines[0].x


def test_codes_shrink_rather_than_break() -> None:
    receipt = Receipt("t", (Text(CODE, Size.LARGE, bold=True, shrink=True),))
    lines = render_receipt(receipt, PAPER_58MM).lines
    assert [line.text for line in lines] == [CODE]


def test_an_optional_barcode_too_long_for_the_paper_is_left_out_but_a_required_one_fails() -> None:
    result = render_receipt(sample_layouts()["intake"], PAPER_80MM)
    assert [b for b in result.omitted if isinstance(b, Barcode)]
    assert any(isinstance(b, QRCode) for b in sample_layouts()["intake"].blocks)
    with pytest.raises(PrintingError, match="Mã vạch"):
        render(Receipt("t", (Barcode(CODE * 2),)), PAPER_58MM)


def test_qr_from_zxing_and_from_the_qrcode_fallback_both_decode(monkeypatch) -> None:
    """zxing-cpp writes the QR; the `qrcode` package is the fallback where it cannot."""
    from pyzbar import pyzbar

    def decoded(matrix: Image.Image) -> list[str]:
        n = matrix.width
        framed = Image.new("L", (n + 8, n + 8), 255)
        framed.paste(matrix, (4, 4))
        big = framed.resize((framed.width * 4, framed.height * 4), Image.Resampling.NEAREST)
        return [s.data.decode() for s in pyzbar.decode(big)]

    assert decoded(qr_matrix(CODE)) == [CODE]
    monkeypatch.setitem(sys.modules, "zxingcpp", None)  # import zxingcpp -> ImportError
    assert decoded(qr_matrix(CODE)) == [CODE]


def test_no_vietnamese_font_is_a_clear_error(tmp_path: Path) -> None:
    not_a_font = tmp_path / "x.ttf"
    not_a_font.write_bytes(b"not a font")
    with pytest.raises(PrintingError) as err:
        find_fonts([FontPair(tmp_path / "missing.ttf", tmp_path / "missing-bold.ttf")])
    assert "fonts-dejavu-core" in str(err.value)
    assert str(err.value).startswith("Không tìm thấy phông chữ")
    with pytest.raises(PrintingError):
        find_fonts([FontPair(not_a_font, not_a_font)])


def test_the_font_found_has_every_vietnamese_letter() -> None:
    fonts = find_fonts()
    assert covers_vietnamese(fonts.regular) and covers_vietnamese(fonts.bold)
    assert len(VIETNAMESE_LETTERS) == 2 * 89  # 67 letters with marks + 22 plain, both cases
