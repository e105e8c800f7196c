"""The official A4 forms: text, fonts, barcodes and page layout checked on the real PDFs."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
import unicodedata
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import reportlab
import zxingcpp
from PIL import Image
from pyzbar import pyzbar
from pyzbar.pyzbar import ZBarSymbol

from counter_app.printing.documents import (
    ApologyDoc,
    ApplicantInfo,
    CenterInfo,
    ControlSheetDoc,
    DocumentLine,
    DossierInfo,
    HandOff,
    HandoverDoc,
    HandoverItem,
    IntakeReceiptDoc,
    LedgerDoc,
    LedgerRow,
    RefusalDoc,
    SupplementRequestDoc,
)
from counter_app.printing.errors import PrintingError
from counter_app.printing.fonts import VIETNAMESE_LETTERS, find_fonts, form_fonts
from counter_app.printing.forms import (
    FormInfo,
    available_forms,
    control,
    get_form,
    register,
    render_form,
    unregister,
)
from counter_app.printing.forms.vntext import number_words

VN = ZoneInfo("Asia/Ho_Chi_Minh")
CODE = "000.00.06.H56-231027-0361"
NAME = "Nguyễn Thị Thu Hường"
PROCEDURE = (
    "Cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất"
)
# A 300-character procedure title, as some land and investment procedures have.
LONG_PROCEDURE = (
    "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất trong các trường "
    "hợp chuyển đổi, chuyển nhượng, cho thuê, cho thuê lại, thừa kế, tặng cho, góp vốn bằng quyền "
    "sử dụng đất, quyền sở hữu tài sản gắn liền với đất; chuyển quyền sử dụng đất, quyền sở hữu "
    "tài sản gắn liền với đất của vợ hoặc chồng thành của chung vợ và chồng"
)[:300]
DOCS = (
    (
        "Đơn đăng ký biến động đất đai, tài sản gắn liền với đất theo Mẫu số 09/ĐK ban hành kèm "
        "theo Thông tư số 24/2014/TT-BTNMT ngày 19 tháng 5 năm 2014 của Bộ Tài nguyên và Môi trường",
        "Bản chính",
        1,
    ),
    (
        "Hợp đồng chuyển nhượng quyền sử dụng đất và tài sản gắn liền với đất đã được công chứng "
        "tại Phòng Công chứng số 1 tỉnh Lạng Sơn, có chữ ký của các bên và dấu của tổ chức hành "
        "nghề công chứng",
        "Bản chính",
        2,
    ),
    (
        "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất "
        "đã cấp (số phát hành CS 123456, số vào sổ cấp GCN CS01234)",
        "Bản chính",
        1,
    ),
    (
        "Tờ khai lệ phí trước bạ nhà, đất theo mẫu 01/LPTB ban hành kèm theo Nghị định số "
        "10/2022/NĐ-CP",
        "Bản chính",
        2,
    ),
    (
        "Tờ khai thuế thu nhập cá nhân đối với cá nhân có thu nhập từ chuyển nhượng bất động "
        "sản, nhận thừa kế và nhận quà tặng là bất động sản (Mẫu số 03/BĐS-TNCN)",
        "Bản chính",
        2,
    ),
    (
        "Căn cước công dân của bên chuyển nhượng và bên nhận chuyển nhượng, kèm theo giấy xác "
        "nhận thông tin về cư trú do Công an phường Chi Lăng cấp",
        "Bản sao chứng thực",
        2,
    ),
    (
        "Giấy chứng nhận kết hôn hoặc giấy xác nhận tình trạng hôn nhân của các bên tham gia "
        "giao dịch chuyển nhượng quyền sử dụng đất",
        "Bản sao chứng thực",
        1,
    ),
    (
        "Văn bản ủy quyền nộp hồ sơ và nhận kết quả giải quyết thủ tục hành chính (trường hợp "
        "người nộp hồ sơ không phải là người sử dụng đất)",
        "Bản photo",
        1,
    ),
)


def center() -> CenterInfo:
    return CenterInfo()


def dossier(procedure: str = PROCEDURE, name: str = NAME, code: str = CODE) -> DossierInfo:
    received = datetime(2023, 10, 27, 9, 5, tzinfo=VN)
    return DossierInfo(
        code=code,
        lookup_secret="K7QH",
        procedure_code="1.004227",
        procedure_name=procedure,
        department="Sở Tài nguyên và Môi trường tỉnh Lạng Sơn",
        applicant=ApplicantInfo(
            full_name=name,
            id_number="020188001234",
            address="Số 15, ngõ 3, đường Bà Triệu, phường Vĩnh Trại, thành phố Lạng Sơn, tỉnh Lạng Sơn",
            phone="0912 345 678",
            email="thuhuong.nguyen@gmail.com",
        ),
        received_at=received,
        due_at=datetime(2023, 11, 10, 16, 30, tzinfo=VN),
        duration="10 ngày làm việc",
        sets_count=1,
        documents=tuple(DocumentLine(n, k, q) for n, k, q in DOCS),
        return_by_post=True,
        post_address="Số 15, ngõ 3, đường Bà Triệu, phường Vĩnh Trại, thành phố Lạng Sơn",
        officer="Hoàng Văn Đức",
        officer_phone="0205 3812 888",
        desk="Quầy số 3",
        ledger_book="05/2023",
        ledger_entry=361,
        fee=100_000,
    )


PRINTED = datetime(2023, 10, 27, 9, 20, tzinfo=VN)


def receipt_doc(**kw) -> IntakeReceiptDoc:
    return IntakeReceiptDoc(center(), dossier(**kw), PRINTED)


def supplement_doc(**kw) -> SupplementRequestDoc:
    return SupplementRequestDoc(
        center(),
        dossier(**kw),
        missing=(
            DocumentLine(
                "Bản vẽ sơ đồ thửa đất có xác nhận của Văn phòng đăng ký đất đai", "Bản chính", 1
            ),
            DocumentLine(
                "Tờ khai lệ phí trước bạ (ghi sai diện tích, cần khai lại)",
                "Bản chính",
                2,
                "Khai lại theo diện tích trên bản đồ địa chính",
            ),
            DocumentLine(
                "Giấy xác nhận tình trạng hôn nhân của bên chuyển nhượng", "Bản sao chứng thực", 1
            ),
        ),
        reason="Hồ sơ thiếu bản vẽ sơ đồ thửa đất; tờ khai lệ phí trước bạ ghi diện tích không "
        "khớp với Giấy chứng nhận đã cấp.",
        rules_reference="Điều 9 Thông tư số 24/2014/TT-BTNMT; Quyết định số 1234/QĐ-UBND ngày "
        "15/6/2023 của UBND tỉnh Lạng Sơn công bố danh mục thủ tục hành chính",
        printed_at=PRINTED,
    )


def refusal_doc(**kw) -> RefusalDoc:
    return RefusalDoc(
        center(),
        dossier(**kw),
        reason="Thửa đất đang có tranh chấp, đã có đơn khiếu nại được Tòa án nhân dân thành phố "
        "Lạng Sơn thụ lý; theo khoản 1 Điều 45 Luật Đất đai, chưa đủ điều kiện thực hiện quyền "
        "chuyển nhượng.",
        printed_at=PRINTED,
    )


def apology_doc(**kw) -> ApologyDoc:
    d = dossier(**kw)
    return ApologyDoc(
        center(),
        d,
        original_due_at=d.due_at,
        new_due_at=datetime(2023, 11, 17, 16, 30, tzinfo=VN),
        reason="Cần xác minh thêm nguồn gốc sử dụng đất với Ủy ban nhân dân phường Vĩnh Trại.",
        responsible_unit="Văn phòng Đăng ký đất đai tỉnh Lạng Sơn",
        printed_at=datetime(2023, 11, 9, 8, 0, tzinfo=VN),
    )


def control_doc(handoffs: tuple[HandOff, ...] | None = None, **kw) -> ControlSheetDoc:
    d = dossier(**kw)
    if handoffs is None:
        handoffs = (
            HandOff(
                "Bộ phận tiếp nhận và trả kết quả",
                "Sở Tài nguyên và Môi trường",
                datetime(2023, 10, 27, 14, 0, tzinfo=VN),
            ),
            HandOff(
                "Sở Tài nguyên và Môi trường",
                "Văn phòng Đăng ký đất đai",
                datetime(2023, 10, 30, 8, 30, tzinfo=VN),
                "Đúng hạn",
            ),
        )
    return ControlSheetDoc(center(), d, handoffs, PRINTED)


def ledger_doc(rows: int = 120) -> LedgerDoc:
    start = datetime(2023, 10, 2, 7, 40, tzinfo=VN)
    items = []
    for i in range(rows):
        t = start + timedelta(days=i // 10, minutes=22 * (i % 10))  # ten a morning
        items.append(
            LedgerRow(
                number=i + 1,
                code=f"000.00.06.H56-{t:%y%m%d}-{i + 1:04d}",
                procedure=(LONG_PROCEDURE if i % 7 == 0 else PROCEDURE),
                sets_count=1 + i % 3,
                applicant=NAME if i % 2 == 0 else "Công ty TNHH Thương mại và Dịch vụ Đồng Đăng",
                address="Phường Vĩnh Trại, TP. Lạng Sơn",
                phone="0912 345 678",
                received_at=t,
                due_at=t + timedelta(days=10),
                returned_at=(t + timedelta(days=9)) if i % 3 == 0 else None,
                handed_over_by="Hoàng Văn Đức",
                taken_by=NAME if i % 3 == 0 else "",
                note="Qua bưu điện" if i % 5 == 0 else "",
            )
        )
    return LedgerDoc(center(), date(2023, 10, 1), date(2023, 10, 31), tuple(items), PRINTED)


def handover_doc(items: int = 14) -> HandoverDoc:
    return HandoverDoc(
        center=center(),
        batch_number="BG-231027-02",
        direction="Trung tâm → Sở Tài nguyên và Môi trường",
        department="Sở Tài nguyên và Môi trường tỉnh Lạng Sơn",
        items=tuple(
            HandoverItem(
                i,
                f"000.00.06.H56-231027-{i:04d}",
                PROCEDURE if i % 2 else LONG_PROCEDURE,
                NAME if i % 2 else "Lộc Văn Thắng",
                "Hồ sơ gốc" if i == 3 else "",
            )
            for i in range(1, items + 1)
        ),
        handed_by="Hoàng Văn Đức",
        received_by="Vi Thị Ngọc Ánh (Bưu điện tỉnh Lạng Sơn)",
        at=datetime(2023, 10, 27, 15, 45, tzinfo=VN),
        printed_at=PRINTED,
        notes="Hồ sơ được niêm phong trong 02 túi, có chữ ký của hai bên trên niêm phong.",
    )


# ---------------------------------------------------------------------------------------------
# Helpers: the real PDF tools of poppler-utils, as a reader of the printed page would use them.


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def text(pdf: Path, *opts: str) -> str:
    return run("pdftotext", "-enc", "UTF-8", *opts, str(pdf), "-")


def flat(s: str) -> str:
    """Whitespace runs made one space, and no break after a hyphen (a code split in a narrow
    column, "000.00.06.H56-" / "231027-0361"): applied to both sides of a comparison."""
    return re.sub(r"-\s+", "-", " ".join(s.split()))


def pages(pdf: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", str(pdf)), re.M).group(1))


def to_nfd(obj):
    """Return a copy of a document with every string decomposed (NFD), as some keyboards and
    old databases give it."""
    if isinstance(obj, str):
        return unicodedata.normalize("NFD", obj)
    if dataclasses.is_dataclass(obj):
        return dataclasses.replace(
            obj, **{f.name: to_nfd(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        )
    if isinstance(obj, tuple):
        return tuple(to_nfd(x) for x in obj)
    if isinstance(obj, dict):
        return {to_nfd(k): to_nfd(v) for k, v in obj.items()}
    return obj


def long_docs():
    """Every form with the hardest realistic content: a 300-character procedure title, eight
    documents with very long names, long names and addresses."""
    return {
        "receipt": receipt_doc(procedure=LONG_PROCEDURE),
        "supplement": supplement_doc(procedure=LONG_PROCEDURE),
        "refusal": refusal_doc(procedure=LONG_PROCEDURE),
        "apology": apology_doc(procedure=LONG_PROCEDURE),
        "control": control_doc(procedure=LONG_PROCEDURE),
        "ledger": ledger_doc(rows=30),
        "handover": handover_doc(),
    }


TITLES = {
    "receipt": "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
    "supplement": "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
    "refusal": "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
    "apology": "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
    "control": "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
    "ledger": "SỔ THEO DÕI HỒ SƠ",
    "handover": "BIÊN BẢN BÀN GIAO HỒ SƠ",
}
FORM_IDS = list(TITLES)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each form rendered once from the long documents (module-wide: rendering is the slow
    part, the checks only read)."""
    out = tmp_path_factory.mktemp("forms")
    paths = {}
    for form_id, doc in long_docs().items():
        paths[form_id] = out / f"{form_id}.pdf"
        render_form(form_id, doc, paths[form_id])
    return paths


# ---------------------------------------------------------------------------------------------
# Text, fonts, pages


def expected_strings(form_id: str) -> list[str]:
    """What must come back: the applicant (or the people, for the handover), the code, and the
    procedure name."""
    if form_id == "ledger":
        return [NAME, "000.00.06.H56-231002-0001", LONG_PROCEDURE, PROCEDURE]
    if form_id == "handover":
        return [
            "Hoàng Văn Đức",
            "Vi Thị Ngọc Ánh (Bưu điện tỉnh Lạng Sơn)",
            NAME,
            "000.00.06.H56-231027-0014",
            LONG_PROCEDURE,
            "mười bốn",
        ]
    return [NAME, CODE, LONG_PROCEDURE]


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_the_vietnamese_text_comes_back_exactly(form_id: str, rendered: dict[str, Path]) -> None:
    layout = text(rendered[form_id], "-layout")
    raw = text(rendered[form_id], "-raw")
    assert unicodedata.is_normalized("NFC", layout)
    lines = [line.strip() for line in layout.splitlines()]
    assert TITLES[form_id] in lines  # the title, whole, on a line of its own
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines[3] + layout
    assert "Độc lập - Tự do - Hạnh phúc" in layout
    for s in expected_strings(form_id):
        assert flat(s) in flat(layout) or flat(s) in flat(raw), s
    if form_id not in ("ledger", "handover"):  # outside tables, -layout alone gives them back
        for s in (NAME, CODE, LONG_PROCEDURE):
            assert flat(s) in flat(layout), s


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_every_font_is_embedded(form_id: str, rendered: dict[str, Path]) -> None:
    rows = run("pdffonts", str(rendered[form_id])).splitlines()[2:]
    assert rows, "no fonts at all"
    for row in rows:
        emb, _sub, uni = row.split()[-5:-2]
        assert (emb, uni) == ("yes", "yes"), row  # embedded, with a ToUnicode map for search
        assert "Type 3" not in row, row


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_decomposed_input_prints_the_same_text(form_id: str, tmp_path: Path) -> None:
    doc = long_docs()[form_id]
    nfd = to_nfd(doc)
    assert nfd != doc
    render_form(form_id, doc, tmp_path / "nfc.pdf")
    render_form(form_id, nfd, tmp_path / "nfd.pdf")
    assert text(tmp_path / "nfd.pdf", "-layout") == text(tmp_path / "nfc.pdf", "-layout")


CORNER = {"Mẫu", "số", "01", "02", "03", "04", "05", "06"}


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_text_stays_inside_the_margins(form_id: str, rendered: dict[str, Path]) -> None:
    """Nothing runs into the margins (20/20/30/15 mm) but the form number above the text and
    the page number under it: a sign of text that would be cut off or overlap."""
    mm = 72 / 25.4
    html = text(rendered[form_id], "-bbox")
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        width, height = float(page.group(1)), float(page.group(2))
        for m in re.finditer(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
            r"([^<]*)<",
            page.group(3),
        ):
            x0, y0, x1, y1 = map(float, m.groups()[:4])
            word = m.group(5)
            assert x0 >= 30 * mm - 0.5 and x1 <= width - 15 * mm + 0.5, word
            if y1 <= 20 * mm:  # above the text: only the form number, "Mẫu số 0x"
                assert word in CORNER, word
            elif y0 >= height - 20 * mm:  # under the text: only "Trang x/y"
                assert re.fullmatch(r"Trang|\d+/\d+", word), word
            else:
                assert 20 * mm - 1 <= y0 and y1 <= height - 20 * mm + 1, word


def test_the_receipt_is_two_copies_of_one_page_each(rendered: dict[str, Path]) -> None:
    pdf = rendered["receipt"]
    assert pages(pdf) == 2
    first, second = text(pdf, "-f", "1", "-l", "1"), text(pdf, "-f", "2", "-l", "2")
    assert "Liên 1: Lưu tại bộ phận tiếp nhận" in first and "Liên 2" not in first
    assert "Liên 2: Giao người nộp hồ sơ" in second and "Liên 1" not in second
    for page in (first, second):
        assert "NGƯỜI NỘP HỒ SƠ" in page and "NGƯỜI TIẾP NHẬN HỒ SƠ" in page
        assert "Hoàng Văn Đức" in page and "Mã tra cứu: K7QH" in page
        assert "dichvucong.langson.gov.vn" in page
        assert "Vào Sổ theo dõi hồ sơ, Quyển số: 05/2023, Số thứ tự: 361" in page
        assert "16 giờ 30 phút, ngày 10 tháng 11 năm 2023" in page
        assert flat(DOCS[7][0]) in flat(page)  # the eighth document, whole


def test_even_thirty_documents_keep_each_copy_on_one_page(tmp_path: Path) -> None:
    doc = receipt_doc(procedure=LONG_PROCEDURE)
    many = tuple(DocumentLine(f"{n} ({i})", k, q) for i in range(4) for n, k, q in DOCS)[:30]
    doc = dataclasses.replace(doc, dossier=dataclasses.replace(doc.dossier, documents=many))
    render_form("receipt", doc, tmp_path / "r.pdf")
    assert pages(tmp_path / "r.pdf") == 2
    assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in text(tmp_path / "r.pdf", "-f", "2", "-l", "2")


def test_the_ledger_repeats_its_header_and_numbers_its_pages(tmp_path: Path) -> None:
    pdf = tmp_path / "ledger.pdf"
    render_form("ledger", ledger_doc(rows=120), pdf)
    n = pages(pdf)
    assert n >= 3
    assert "Từ ngày 01/10/2023 đến ngày 31/10/2023" in text(pdf, "-f", "1", "-l", "1")
    seen = set()
    for i in range(1, n + 1):
        page = text(pdf, "-raw", "-f", str(i), "-l", str(i))
        for head in ("STT", "Mã hồ sơ", "Tên TTHC", "Hẹn trả", "Ngày trả", "(12)"):
            assert head in page, (i, head)
        assert f"Trang {i}/{n}" in page
        seen |= set(re.findall(r"H56-\s*\d{6}-(\d{4})", page))
    assert seen == {f"{i:04d}" for i in range(1, 121)}  # every row, none lost at a page break


def test_the_control_sheet_has_the_standard_route_to_fill_in(rendered: dict[str, Path]) -> None:
    page = flat(text(rendered["control"], "-raw"))
    assert "1. Giao: Bộ phận tiếp nhận và trả kết quả Nhận: Sở Tài nguyên và Môi trường" in page
    assert "2. Giao: Sở Tài nguyên và Môi trường Nhận: Văn phòng Đăng ký đất đai" in page
    assert "Nhận: Bộ phận tiếp nhận và trả kết quả" in page
    assert "4. Giao: Bộ phận tiếp nhận và trả kết quả Nhận: Tổ chức, cá nhân" in page
    assert "Đúng hạn" in page and "Người giao" in page and "Người nhận" in page
    assert "Kết quả giải quyết hồ sơ (Trước hạn/đúng hạn/quá hạn)" in page


def test_the_control_sheet_route_when_nothing_or_everything_is_recorded() -> None:
    empty = control.route(control_doc(handoffs=()))
    assert [(h.from_unit, h.to_unit) for h in empty] == [
        ("Bộ phận tiếp nhận và trả kết quả", "Sở Tài nguyên và Môi trường tỉnh Lạng Sơn"),
        ("Sở Tài nguyên và Môi trường tỉnh Lạng Sơn", ""),
        ("", "Bộ phận tiếp nhận và trả kết quả"),
        ("Bộ phận tiếp nhận và trả kết quả", "Tổ chức, cá nhân"),
    ]
    done = (
        HandOff("Bộ phận tiếp nhận và trả kết quả", "Sở Xây dựng"),
        HandOff("Sở Xây dựng", "Bộ phận tiếp nhận và trả kết quả"),
        HandOff("Bộ phận tiếp nhận và trả kết quả", NAME),
    )
    assert control.route(control_doc(handoffs=done)) == list(done)
    back = done[:2]
    assert control.route(control_doc(handoffs=back)) == [
        *back,
        HandOff("Bộ phận tiếp nhận và trả kết quả", "Tổ chức, cá nhân"),
    ]


# ---------------------------------------------------------------------------------------------
# Barcodes, read from the page rendered at 300 dpi as a scanner would see it


def page_image(pdf: Path, tmp_path: Path, page: int = 1) -> Image.Image:
    prefix = tmp_path / "page"
    run("pdftoppm", "-r", "300", "-png", "-f", str(page), "-l", str(page), str(pdf), str(prefix))
    (png,) = tmp_path.glob("page*.png")
    return Image.open(png)


def test_the_control_sheet_barcode_scans_to_the_code(
    rendered: dict[str, Path], tmp_path: Path
) -> None:
    image = page_image(rendered["control"], tmp_path)
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.Code128)
    assert [r.text for r in found] == [CODE]
    zbar = pyzbar.decode(image.convert("L"), symbols=[ZBarSymbol.CODE128])
    assert [r.data.decode() for r in zbar] == [CODE]
    qr = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [r.text for r in qr] == [CODE]


def test_the_receipt_qr_scans_to_the_code(rendered: dict[str, Path], tmp_path: Path) -> None:
    image = page_image(rendered["receipt"], tmp_path, page=2)  # the applicant's copy
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [r.text for r in found] == [CODE]
    zbar = pyzbar.decode(image.convert("L"), symbols=[ZBarSymbol.QRCODE])
    assert [r.data.decode() for r in zbar] == [CODE]


# ---------------------------------------------------------------------------------------------
# The registry of versioned templates


def test_every_form_is_registered_with_its_regime() -> None:
    forms = available_forms()
    assert [f.id for f in forms] == FORM_IDS
    assert {f.version for f in forms} == {"nd61-2018"}
    assert [f.number for f in forms][:6] == [f"Mẫu số 0{i}" for i in range(1, 7)]
    assert all(f.title == TITLES[f.id] for f in forms)


def test_an_unknown_form_or_version_names_the_available_ones() -> None:
    with pytest.raises(PrintingError) as err:
        render_form("stop-notice", receipt_doc(), io.BytesIO())
    assert all(form_id in str(err.value) for form_id in FORM_IDS)
    with pytest.raises(PrintingError) as err:
        render_form("receipt", receipt_doc(), io.BytesIO(), version="nd118-2025")
    assert "nd118-2025" in str(err.value) and "nd61-2018" in str(err.value)


def test_the_wrong_document_for_a_form_is_a_bug_not_a_user_error() -> None:
    with pytest.raises(TypeError):
        render_form("receipt", refusal_doc(), io.BytesIO())


def test_a_new_version_of_one_form_leaves_the_others_alone() -> None:
    before = {f.id: get_form(f.id, on=date(2030, 1, 1)) for f in available_forms()}
    written: list[object] = []

    def render_test(doc: object, out) -> None:
        written.append(doc)
        out.write(b"TEST")

    info = FormInfo(
        "control",
        "nd118-2025",
        "PHIẾU KIỂM SOÁT (THỬ)",
        "Mẫu số 05",
        "Nghị định 118/2025/NĐ-CP",
        date(2025, 7, 1),
        ControlSheetDoc,
        render_test,
    )
    register(info)
    try:
        with pytest.raises(PrintingError):
            register(info)
        # In force from 1 July 2025: a sheet printed then gets it, one printed before does not.
        later = dataclasses.replace(control_doc(), printed_at=datetime(2025, 8, 1, tzinfo=VN))
        buf = io.BytesIO()
        assert render_form("control", later, buf).version == "nd118-2025"
        assert buf.getvalue() == b"TEST" and written == [later]
        buf = io.BytesIO()
        assert render_form("control", control_doc(), buf).version == "nd61-2018"
        assert buf.getvalue().startswith(b"%PDF")
        buf = io.BytesIO()
        render_form("control", later, buf, version="nd61-2018")
        assert buf.getvalue().startswith(b"%PDF")
        after = {f.id: get_form(f.id, on=date(2030, 1, 1)) for f in available_forms()}
        assert {k: v for k, v in after.items() if k != "control"} == {
            k: v for k, v in before.items() if k != "control"
        }
        assert [f.version for f in available_forms() if f.id == "control"] == [
            "nd61-2018",
            "nd118-2025",
        ]
    finally:
        unregister("control", "nd118-2025")
    assert get_form("control", on=date(2030, 1, 1)) == before["control"]


# ---------------------------------------------------------------------------------------------
# Fonts and files


def test_the_fonts_found_have_every_vietnamese_letter(tmp_path: Path) -> None:
    fonts = form_fonts()
    assert form_fonts() is fonts  # found and registered once
    assert fonts.label in ("Times New Roman", "Liberation Serif", "DejaVu Serif")
    for path in fonts.files:
        shutil.copy(path, tmp_path / path.name)
    found, faces = find_fonts([tmp_path])
    assert found.label == fonts.label and len(faces) == 4
    assert all(ord(c) in faces[0].face.charToGlyph for c in VIETNAMESE_LETTERS)


def test_no_vietnamese_font_is_one_clear_message(tmp_path: Path) -> None:
    with pytest.raises(PrintingError, match="fonts-liberation2"):
        find_fonts([tmp_path])
    # A family without ơ, ư, ạ … (like Debian's fonts-liberation 1.07) does not count.
    vera = Path(reportlab.__file__).parent / "fonts"
    shutil.copy(vera / "Vera.ttf", tmp_path / "LiberationSerif-Regular.ttf")
    shutil.copy(vera / "VeraBd.ttf", tmp_path / "LiberationSerif-Bold.ttf")
    with pytest.raises(PrintingError, match="fonts-liberation2"):
        find_fonts([tmp_path])


def test_a_pdf_that_cannot_be_written_is_a_printing_error(tmp_path: Path) -> None:
    with pytest.raises(PrintingError, match="Không ghi được tệp PDF"):
        render_form("refusal", refusal_doc(), tmp_path / "no-such-folder" / "x.pdf")
    assert not list(tmp_path.iterdir())


def test_a_form_can_be_written_to_a_stream() -> None:
    buf = io.BytesIO()
    render_form("apology", apology_doc(), buf)
    assert buf.getvalue().startswith(b"%PDF") and buf.getvalue().rstrip().endswith(b"%%EOF")


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "không"),
        (5, "năm"),
        (10, "mười"),
        (14, "mười bốn"),
        (15, "mười lăm"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (105, "một trăm linh năm"),
        (120, "một trăm hai mươi"),
        (1005, "một nghìn không trăm linh năm"),
        (2_300_000, "hai triệu ba trăm nghìn"),
    ],
)
def test_numbers_in_words(n: int, words: str) -> None:
    assert number_words(n) == words
