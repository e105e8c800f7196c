"""Synthetic scanner output for tests, the benchmark and demonstrations: pages of Vietnamese
text, duplex backs with show-through, skew, upside-down feeds, noise, dust and JPEG artefacts.

Printed forms (the control sheet) come from the printing layer as PDF; `rasterize_pdf` turns
them into what a scanner would see.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

A4_MM = (210, 297)
FONT_CANDIDATES = (
    "DejaVuSerif.ttf",
    "LiberationSerif-Regular.ttf",
    "times.ttf",
    "DejaVuSans.ttf",
    "LiberationSans-Regular.ttf",
    "arial.ttf",
)
FONT_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "C:/Windows/Fonts",
    "/Library/Fonts",
    "/System/Library/Fonts",
)

SENTENCES = (
    "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về thực hiện "
    "cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính.",
    "Tôi xin cam đoan những lời khai trên là đúng sự thật và chịu trách nhiệm trước pháp luật "
    "về tính chính xác của các thông tin đã kê khai.",
    "Người đề nghị cấp đổi giấy phép lái xe phải nộp bản sao giấy chứng minh nhân dân hoặc "
    "căn cước công dân còn thời hạn sử dụng kèm bản chính để đối chiếu.",
    "Ủy ban nhân dân phường Vĩnh Trại xác nhận ông Nguyễn Văn Hưởng hiện đang cư trú tại số "
    "15, ngõ 3, đường Bà Triệu, thành phố Lạng Sơn, tỉnh Lạng Sơn.",
    "Giấy khám sức khỏe của người lái xe do cơ sở y tế có thẩm quyền cấp, còn giá trị sử "
    "dụng trong thời hạn sáu tháng kể từ ngày ký.",
    "Thửa đất số 127, tờ bản đồ số 18, diện tích 135,6 mét vuông, mục đích sử dụng đất ở tại "
    "đô thị, thời hạn sử dụng lâu dài, nguồn gốc nhận chuyển nhượng.",
    "Hồ sơ được tiếp nhận tại Bộ phận Một cửa và chuyển đến cơ quan chuyên môn để thẩm định, "
    "trình lãnh đạo phê duyệt theo đúng quy trình nội bộ.",
    "Đề nghị quý cơ quan xem xét, giải quyết và trả kết quả qua dịch vụ bưu chính công ích "
    "theo địa chỉ đã đăng ký trong tờ khai.",
)


def find_font(names: tuple[str, ...] = FONT_CANDIDATES) -> Path | None:
    """Return the path of the first installed TrueType font among `names`, or None."""
    for name in names:
        for folder in FONT_DIRS:
            root = Path(folder)
            if not root.is_dir():
                continue
            for path in root.rglob(name):
                return path
    return None


def page_size(dpi: int) -> tuple[int, int]:
    return round(A4_MM[0] / 25.4 * dpi), round(A4_MM[1] / 25.4 * dpi)


def text_page(
    seed: int,
    *,
    dpi: int = 300,
    font: Path | None = None,
    size_pt: float = 12.0,
    lines: int | None = None,
    heading: str = "",
) -> Image.Image:
    """Return an A4 grayscale page of Vietnamese prose (a heading, then justified-looking
    paragraphs), different for each seed."""
    rng = random.Random(seed)
    width, height = page_size(dpi)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    path = font or find_font()
    px = round(size_pt / 72 * dpi)
    face = ImageFont.truetype(str(path), px) if path else ImageFont.load_default(px)
    margin_x, y = round(0.9 * dpi), round(0.9 * dpi)
    if heading:
        big = ImageFont.truetype(str(path), round(px * 1.4)) if path else face
        draw.text((margin_x, y), heading, font=big, fill=0)
        y += round(px * 2.6)
    pitch = round(px * 1.45)
    limit = width - 2 * margin_x
    count = 0
    words: list[str] = []
    while y < height - round(1.0 * dpi) and (lines is None or count < lines):
        if not words:
            words = rng.choice(SENTENCES).split()
        line: list[str] = []
        while words and draw.textlength(" ".join([*line, words[0]]), font=face) < limit:
            line.append(words.pop(0))
        if not line:
            line.append(words.pop(0))
        draw.text((margin_x, y), " ".join(line), font=face, fill=rng.randint(0, 40))
        y += pitch + (pitch // 2 if not words and rng.random() < 0.3 else 0)
        count += 1
    return page


def signature_page(seed: int, *, dpi: int = 300, font: Path | None = None) -> Image.Image:
    """Return a nearly empty page: a date line and a signature scrawl at the bottom right."""
    rng = random.Random(seed)
    width, height = page_size(dpi)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    path = font or find_font()
    px = round(12 / 72 * dpi)
    face = ImageFont.truetype(str(path), px) if path else ImageFont.load_default(px)
    x, y = width // 2, height // 2
    draw.text((x, y), "Lạng Sơn, ngày 27 tháng 10 năm 2023", font=face, fill=0)
    draw.text((x + dpi // 2, y + px * 2), "Người làm đơn", font=face, fill=0)
    base = y + px * 4
    points = [
        (x + dpi // 2 + i * dpi // 20, base + rng.randint(-dpi // 8, dpi // 8)) for i in range(24)
    ]
    draw.line(points, fill=20, width=max(2, dpi // 100))
    return page


def blank_back(seed: int, *, dpi: int = 300, front: Image.Image | None = None) -> Image.Image:
    """Return the back of a one-sided page: paper, faint mirrored show-through of `front`."""
    width, height = page_size(dpi)
    page = Image.new("L", (width, height), 250)
    if front is not None:
        ghost = front.resize((width, height)).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        faint = ghost.point(lambda v: 250 - (255 - v) * 30 // 255)  # about 12% contrast
        page = Image.fromarray(np.minimum(np.asarray(page), np.asarray(faint)))
    return page


def scanned(
    page: Image.Image,
    *,
    seed: int = 0,
    skew: float = 0.0,
    upside_down: bool = False,
    noise: float = 6.0,
    specks: int = 30,
    paper: int = 246,
) -> Image.Image:
    """Return `page` as a scanner delivers it: on slightly grey paper, turned by `skew` degrees
    (counter-clockwise) and upside down if asked, with sensor noise and dust specks."""
    rng = np.random.default_rng(seed)
    img = page.convert("L")
    if upside_down:
        img = img.transpose(Image.Transpose.ROTATE_180)
    if skew:
        img = img.rotate(skew, resample=Image.Resampling.BILINEAR, fillcolor=255)
    arr = np.asarray(img, dtype=np.float32) * (paper / 255.0)
    if noise:
        arr += rng.normal(0.0, noise, size=arr.shape).astype(np.float32)
    h, w = arr.shape
    for _ in range(specks):
        y, x = int(rng.integers(0, h - 3)), int(rng.integers(0, w - 3))
        arr[y : y + 2, x : x + 2] = float(rng.integers(20, 90))
    return Image.fromarray(arr.clip(0, 255).astype(np.uint8), "L")


def jpeg_bytes(img: Image.Image, dpi: int, quality: int = 75) -> bytes:
    """Return `img` as a JPEG file stating its resolution, as scan-to-folder devices write."""
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, dpi=(dpi, dpi))
    return buf.getvalue()


def rasterize_pdf(pdf: bytes | Path, dpi: int, page: int = 0) -> Image.Image:
    """Return page `page` (0-based) of a PDF rendered in grayscale at `dpi`."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
    try:
        return doc[page].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        doc.close()
