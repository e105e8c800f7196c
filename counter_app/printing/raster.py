"""Render a receipt layout to the 1-bit image a thermal printer prints and the window previews.

Most thermal printers cannot print Vietnamese text (LESSONS.md, Printing), so every receipt is a
picture: Pillow draws the NFC text with a TrueType font that has every Vietnamese letter, then
the grey edges of the anti-aliased glyphs are thresholded to black or white.
"""

from __future__ import annotations

import functools
import math
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PIL import Image, ImageDraw, ImageFont

from counter_app.domain.text import nfc
from counter_app.printing.errors import PrintingError
from counter_app.printing.receipt_layout import (
    VIETNAMESE_LETTERS,
    Align,
    Barcode,
    Block,
    Feed,
    KeyValue,
    QRCode,
    Receipt,
    Rule,
    Separator,
    Signatures,
    Size,
    Text,
    hanging_indent,
    key_value_rows,
    value_column,
    words,
    wrap,
)

if TYPE_CHECKING:
    from typing_extensions import Buffer  # collections.abc.Buffer from Python 3.12


@dataclass(frozen=True, slots=True)
class Paper:
    """A receipt roll as the printer sees it: printable width in dots, and resolution."""

    name: str
    width_dots: int
    dpi: int = 203

    def dots(self, mm: float) -> int:
        """Return `mm` millimetres in dots, rounded."""
        return round(mm * self.dpi / 25.4)


PAPER_80MM = Paper("80 mm", 576)
PAPER_58MM = Paper("58 mm", 384)
# Epson's TM-T88 series print 512 dots at 180 dpi on 80 mm rolls (python-escpos profiles).
PAPER_80MM_180DPI = Paper("80 mm, 180 dpi", 512, 180)
PAPERS = {p.name: p for p in (PAPER_80MM, PAPER_58MM, PAPER_80MM_180DPI)}

# Text sizes in millimetres of em: 3 mm is the 24-dot font A of a 203 dpi printer.
SIZE_MM = {Size.SMALL: 2.6, Size.NORMAL: 3.1, Size.LARGE: 4.2, Size.HUGE: 16.0}
MARGIN_MM = 1.0
KV_GAP_MM = 1.5  # between a key and its value
# A grey edge pixel darker than this becomes black: a little past half-way keeps thin strokes
# of small accents (dấu hỏi, dấu ngã) whole, while the glyphs do not bleed into each other.
THRESHOLD = 150
_TO_BITS = [0 if v < THRESHOLD else 255 for v in range(256)]


# --- fonts --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FontPair:
    regular: Path
    bold: Path


MISSING_FONTS_MESSAGE = (
    "Không tìm thấy phông chữ có đủ chữ tiếng Việt để in phiếu. Hãy cài gói fonts-dejavu-core "
    "(Debian/Ubuntu: sudo apt install fonts-dejavu-core; Fedora: dejavu-sans-fonts), hoặc "
    "phông Arial/Tahoma trên Windows. / No font with every Vietnamese letter was found for the "
    "receipts: install the fonts-dejavu-core package (or Arial/Tahoma on Windows)."
)


def font_candidates() -> list[FontPair]:
    """Return the regular/bold pairs tried, in order: DejaVu Sans, Liberation Sans, then Arial
    and Tahoma from the Windows fonts folder (and macOS's copies of Arial)."""
    pairs: list[tuple[str, str]] = []
    for folder in (
        "/usr/share/fonts/truetype/dejavu",  # Debian, Ubuntu
        "/usr/share/fonts/dejavu-sans-fonts",  # Fedora
        "/usr/share/fonts/dejavu",
        "/usr/share/fonts/TTF",  # Arch
    ):
        pairs.append((f"{folder}/DejaVuSans.ttf", f"{folder}/DejaVuSans-Bold.ttf"))
    for folder in (
        "/usr/share/fonts/truetype/liberation2",
        "/usr/share/fonts/truetype/liberation",
        "/usr/share/fonts/liberation-sans",
        "/usr/share/fonts/liberation",
    ):
        pairs.append((f"{folder}/LiberationSans-Regular.ttf", f"{folder}/LiberationSans-Bold.ttf"))
    windows = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    if local := os.environ.get("LOCALAPPDATA"):
        windows.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    if sys.platform == "win32":
        for folder in windows:
            pairs.append((str(folder / "arial.ttf"), str(folder / "arialbd.ttf")))
            pairs.append((str(folder / "tahoma.ttf"), str(folder / "tahomabd.ttf")))
    for folder in ("/System/Library/Fonts/Supplemental", "/Library/Fonts"):
        pairs.append((f"{folder}/Arial.ttf", f"{folder}/Arial Bold.ttf"))
    return [FontPair(Path(r), Path(b)) for r, b in pairs]


def _glyph(font: ImageFont.FreeTypeFont, ch: str) -> bytes:
    im = Image.new("L", (40, 40))
    ImageDraw.Draw(im).text((4, 30), ch, font=font, fill=255, anchor="ls")
    return im.tobytes()


def covers_vietnamese(path: Path) -> bool:
    """Return whether the font at `path` draws every Vietnamese letter (not its "missing glyph"
    box). Debian's old fonts-liberation 1.07, for one, lacks ơ, ư and the dot-below letters."""
    try:
        font = ImageFont.truetype(str(path), 24, layout_engine=ImageFont.Layout.BASIC)
    except OSError:
        return False
    missing = _glyph(font, "\U0010fffd")  # a private-use code point no text font maps
    return all(_glyph(font, ch) != missing for ch in VIETNAMESE_LETTERS)


def find_fonts(candidates: Sequence[FontPair] | None = None) -> FontPair:
    """Return the first pair of `candidates` (default `font_candidates()`) whose two files exist
    and have every Vietnamese letter.

    Raises PrintingError naming the package to install when none qualifies.
    """
    if candidates is None:
        return _default_fonts()
    for pair in candidates:
        if pair.regular.is_file() and pair.bold.is_file():
            if covers_vietnamese(pair.regular) and covers_vietnamese(pair.bold):
                return pair
    raise PrintingError(MISSING_FONTS_MESSAGE)


@functools.cache
def _default_fonts() -> FontPair:
    return find_fonts(font_candidates())


@dataclass(frozen=True, slots=True)
class _Face:
    font: ImageFont.FreeTypeFont
    above: int  # dots from the top of a line to the baseline: room for Ẫ, Ỗ, Ự...
    height: int  # dots from one baseline to the next
    measure: Callable[[str], float]  # the drawn width of a text, memoized (words repeat)


# The tallest and deepest letters: stacked marks on capitals, dot below under descenders.
_TALL = "ẪẴỖỮỠẤẨỄỂẼĨỸÃÕŨÂĂÊÔƠƯĐÁÉÍÓÚÝ|()[]{}đbdfhklt"
_DEEP = "gjpqyỵạặậẹệịọộợụựỵ|()[]{},;"


@functools.lru_cache(maxsize=64)
def _face(path: Path, px: int) -> _Face:
    font = ImageFont.truetype(str(path), px, layout_engine=ImageFont.Layout.BASIC)
    top = math.floor(font.getbbox(_TALL, anchor="ls")[1])
    bottom = math.ceil(font.getbbox(_DEEP, anchor="ls")[3])
    gap = max(2, round(px * 0.10))
    measure = functools.lru_cache(maxsize=4096)(font.getlength)
    return _Face(font, -top + gap // 2, -top + bottom + gap, measure)


def _tight(face: _Face, text: str) -> _Face:
    """Return `face` with a line box fitted to the letters of `text` only."""
    _, top, _, bottom = face.font.getbbox(text, anchor="ls")
    above, below = -math.floor(top), math.ceil(bottom)
    gap = max(2, round(face.font.size * 0.12))
    return _Face(face.font, above + gap, above + below + 2 * gap, face.measure)


# --- layout to draw operations ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlacedLine:
    """One printed line of text: where it is (dots) and how wide it is drawn."""

    text: str
    x: int
    top: int
    width: int
    height: int


@dataclass(slots=True)
class Rendered:
    """A rendered receipt: the 1-bit image (black = printed), its text lines, and the optional
    blocks left out because they did not fit the paper."""

    image: Image.Image
    lines: list[PlacedLine] = field(default_factory=list)
    omitted: list[Block] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _TextOp:
    x: int
    baseline: int
    text: str
    font: ImageFont.FreeTypeFont


@dataclass(frozen=True, slots=True)
class _BoxOp:
    box: tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class _ImageOp:
    x: int
    y: int
    image: Image.Image  # mode "L"


_Op = _TextOp | _BoxOp | _ImageOp


class _Layout:
    """Places the blocks of one receipt on a paper, top to bottom."""

    def __init__(self, paper: Paper, fonts: FontPair | None) -> None:
        self.paper = paper
        self._fonts = fonts  # looked up on first use: a QR alone needs no font
        self.margin = paper.dots(MARGIN_MM)
        self.width = paper.width_dots - 2 * self.margin
        self.y = paper.dots(1.0)
        self.ops: list[_Op] = []
        self.lines: list[PlacedLine] = []
        self.omitted: list[Block] = []
        self.columns: dict[Size, int] = {}

    def face(self, size: Size, bold: bool, px: int | None = None) -> _Face:
        if self._fonts is None:
            self._fonts = find_fonts()
        path = self._fonts.bold if bold else self._fonts.regular
        return _face(path, px or self.paper.dots(SIZE_MM[size]))

    def text_line(self, text: str, face: _Face, x: int, top: int) -> None:
        width = round(face.measure(text))
        self.ops.append(_TextOp(x, top + face.above, text, face.font))
        self.lines.append(PlacedLine(text, x, top, width, face.height))

    def aligned(self, text: str, face: _Face, align: Align, left: int, width: int) -> None:
        drawn = face.measure(text)
        if align is Align.CENTER:
            x = left + round((width - drawn) / 2)
        elif align is Align.RIGHT:
            x = left + round(width - drawn)
        else:
            x = left
        self.text_line(text, face, x, self.y)
        self.y += face.height

    # blocks

    def add_text(self, block: Text) -> None:
        indent = self.paper.dots(block.indent_mm)
        left, width = self.margin + indent, self.width - indent
        face = self.face(block.size, block.bold)
        if block.size is Size.HUGE or block.shrink:
            face = self._shrunk(block, face, width)
        measure = face.measure
        hang = round(hanging_indent(block.text, measure)) if block.hanging else 0
        lines = wrap(block.text, width, measure, width - hang if hang else None)
        for i, line in enumerate(lines):
            x = left + (hang if i else 0)
            self.aligned(line, face, block.align, x, width - (hang if i else 0))

    def _shrunk(self, block: Text, face: _Face, width: int) -> _Face:
        """Return `face` made smaller until the widest word of `block` fits `width`; HUGE
        text (the ticket number) down to LARGE, other text down to 3/4 of SMALL. HUGE text
        gets a line box as tall as its own letters, not room for every accent."""
        if block.size is Size.HUGE:
            smallest = self.paper.dots(SIZE_MM[Size.LARGE])
        else:
            smallest = round(self.paper.dots(SIZE_MM[Size.SMALL]) * 0.75)
        bold = block.bold
        px = int(face.font.size)
        widest = max((face.measure(w) for w in words(block.text)), default=0.0)
        while px > smallest and widest > width:
            px = max(smallest, int(px * 0.92))
            face = self.face(block.size, bold, px)
            widest = max(face.measure(w) for w in words(block.text))
        if block.size is Size.HUGE:
            face = _tight(face, " ".join(words(block.text)))
        return face

    def add_key_value(self, row: KeyValue) -> None:
        key_face = self.face(row.size, False)
        value_face = self.face(row.size, row.bold_value)
        laid = key_value_rows(
            row.key,
            row.value,
            self.width,
            self.columns[row.size],
            key_face.measure,
            value_face.measure,
            indent=self.paper.dots(3.0),
            gap=self.paper.dots(KV_GAP_MM),
        )
        line_height = max(key_face.height, value_face.height)
        for i, key in enumerate(laid.key_lines):
            self.text_line(key, key_face, self.margin, self.y + i * line_height)
        first = 0 if laid.beside else len(laid.key_lines)
        x = self.margin + round(laid.value_x)
        for i, value in enumerate(laid.value_lines):
            self.text_line(value, value_face, x, self.y + (first + i) * line_height)
        rows_used = max(len(laid.key_lines), first + len(laid.value_lines))
        self.y += rows_used * line_height + self.paper.dots(0.3)

    def add_separator(self, block: Separator) -> None:
        pad = self.paper.dots(1.0)
        if block.style is Rule.SPACE:
            self.y += 2 * pad
            return
        self.y += pad
        thick = 2
        left, right = self.margin, self.margin + self.width
        if block.style is Rule.LINE:
            self.ops.append(_BoxOp((left, self.y, right - 1, self.y + thick - 1)))
        else:
            dash, space = self.paper.dots(1.2), self.paper.dots(0.8)
            for x in range(left, right, dash + space):
                self.ops.append(_BoxOp((x, self.y, min(x + dash, right) - 1, self.y + thick - 1)))
        self.y += thick + pad

    def add_qr(self, block: QRCode) -> None:
        matrix = qr_matrix(block.data)
        n = matrix.width
        module = max(2, round(self.paper.dots(block.size_mm) / n))
        module = min(module, self.paper.width_dots // (n + 8))  # 4 modules of quiet zone
        if module < 2:  # a one-dot module does not survive thermal printing
            raise PrintingError(
                "Mã QR quá dài cho khổ giấy này / The QR code is too long for this paper"
            )
        image = matrix.resize((n * module, n * module), Image.Resampling.NEAREST)
        self.y += 2 * module
        x = (self.paper.width_dots - image.width) // 2
        self.ops.append(_ImageOp(x, self.y, image))
        self.y += image.height + 2 * module

    def add_barcode(self, block: Barcode) -> None:
        modules = code128_modules(block.data)
        # The quiet zone (10 modules, 2.5 mm at 2 dots) lies in the side margin and the roll's
        # unprintable edges (4-5 mm each side of 80 and 58 mm rolls), which are blank paper.
        module = min(3, self.width // len(modules))
        if module < 2:
            if block.optional:
                self.omitted.append(block)
                return
            raise PrintingError(
                f"Mã vạch {block.data} quá dài cho khổ giấy {self.paper.name} / "
                f"The barcode is too long for {self.paper.name} paper"
            )
        row = bytes(0 if bar else 255 for bar in modules for _ in range(module))
        height = self.paper.dots(block.height_mm)
        strip = Image.frombytes("L", (len(row), 1), row)
        image = strip.resize((len(row), height), Image.Resampling.NEAREST)
        self.y += self.paper.dots(1.0)
        self.ops.append(_ImageOp((self.paper.width_dots - image.width) // 2, self.y, image))
        self.y += height + self.paper.dots(1.0)

    def add_signatures(self, block: Signatures) -> None:
        count = max(1, len(block.parties))
        column = self.width // count
        top, bottom = self.y, self.y
        title, hint, name = (
            self.face(Size.NORMAL, True),
            self.face(Size.SMALL, False),
            self.face(Size.NORMAL, True),
        )
        for i, (who, person) in enumerate(block.parties):
            self.y = top
            left = self.margin + i * column
            for face, text in ((title, who), (hint, block.hint)):
                for line in wrap(text, column - 4, face.measure):
                    self.aligned(line, face, Align.CENTER, left, column)
            self.y += self.paper.dots(block.space_mm)
            for line in wrap(person, column - 4, name.measure):
                self.aligned(line, name, Align.CENTER, left, column)
            bottom = max(bottom, self.y)
        self.y = bottom + self.paper.dots(1.0)

    def add_all(self, blocks: Sequence[Block]) -> None:
        keys: dict[Size, list[str]] = {}
        for block in blocks:
            if isinstance(block, KeyValue):
                keys.setdefault(block.size, []).append(block.key)
        gap = self.paper.dots(KV_GAP_MM)
        for size, names in keys.items():
            face = self.face(size, False)
            # Keys up to about 9 em line up; a longer one ("Cán bộ tiếp nhận:") would push
            # every value right on 80 mm paper.
            cap = min(0.45 * self.width, 9 * face.font.size)
            column = value_column(names, face.measure, gap, cap)
            self.columns[size] = round(column)
        for block in blocks:
            if isinstance(block, KeyValue):
                self.add_key_value(block)
            elif isinstance(block, Text):
                self.add_text(block)
            elif isinstance(block, Separator):
                self.add_separator(block)
            elif isinstance(block, QRCode):
                self.add_qr(block)
            elif isinstance(block, Barcode):
                self.add_barcode(block)
            elif isinstance(block, Signatures):
                self.add_signatures(block)
            elif isinstance(block, Feed):
                self.y += self.paper.dots(block.mm)


# --- codes ----------------------------------------------------------------------------------------


def _pixel_bytes(image: object) -> bytes:
    """Return the pixels of a zxing-cpp image (a buffer its type stubs do not declare)."""
    return bytes(memoryview(cast("Buffer", image)))


def qr_matrix(data: str) -> Image.Image:
    """Return the QR code of `data` (error correction M) as an "L" image, one pixel per
    module, no quiet zone. zxing-cpp's writer (a declared dependency, ~0.1 ms) is used; the
    `qrcode` package (python-escpos's dependency) where an older zxing-cpp has no writer."""
    try:
        import zxingcpp

        code = zxingcpp.create_barcode(nfc(data), zxingcpp.BarcodeFormat.QRCode, ec_level="M")
        pixels = code.to_image(scale=1, add_quiet_zones=False)
        height, width = pixels.shape
        return Image.frombytes("L", (width, height), _pixel_bytes(pixels))
    except (ImportError, AttributeError):
        return _qr_matrix_qrcode(data)


def _qr_matrix_qrcode(data: str) -> Image.Image:
    import qrcode

    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0, box_size=1)
    qr.add_data(nfc(data).encode("utf-8"))
    qr.make(fit=True)
    matrix = qr.get_matrix()
    n = len(matrix)
    return Image.frombytes("L", (n, n), bytes(0 if dark else 255 for r in matrix for dark in r))


def code128_modules(data: str) -> list[bool]:
    """Return the bars (True) and spaces of the Code 128 symbol of `data`, one per module.

    Raises PrintingError when `data` cannot be written as Code 128 (non-ASCII).
    """
    import zxingcpp

    if not nfc(data).isascii():
        raise PrintingError(
            f"Mã vạch Code 128 chỉ nhận chữ không dấu: {data} / Code 128 takes ASCII only"
        )
    code = zxingcpp.create_barcode(nfc(data), zxingcpp.BarcodeFormat.Code128)
    pixels = code.to_image(scale=1, add_quiet_zones=False)
    width = pixels.shape[1]
    return [v == 0 for v in _pixel_bytes(pixels)[:width]]


# --- public --------------------------------------------------------------------------------------


def render_receipt(receipt: Receipt, paper: Paper, fonts: FontPair | None = None) -> Rendered:
    """Return `receipt` drawn for `paper`: a "1" image exactly `paper.width_dots` wide (black =
    printed), with the text lines placed and the optional blocks left out.

    Raises PrintingError when no Vietnamese font is installed or a code cannot fit the paper.
    """
    layout = _Layout(paper, fonts)
    layout.add_all(receipt.blocks)
    height = layout.y + paper.dots(1.0)
    canvas = Image.new("L", (paper.width_dots, height), 255)
    draw = ImageDraw.Draw(canvas)
    for op in layout.ops:
        if isinstance(op, _TextOp):
            draw.text((op.x, op.baseline), op.text, font=op.font, fill=0, anchor="ls")
        elif isinstance(op, _BoxOp):
            draw.rectangle(op.box, fill=0)
        else:
            canvas.paste(op.image, (op.x, op.y))
    image = canvas.point(_TO_BITS, "1")
    return Rendered(image, layout.lines, layout.omitted)


def render(receipt: Receipt, paper: Paper, fonts: FontPair | None = None) -> Image.Image:
    """Return `receipt` as the 1-bit image to print and preview (see `render_receipt`)."""
    return render_receipt(receipt, paper, fonts).image
