"""ESC/POS bytes for a receipt, made with python-escpos: the rendered image as raster fragments
(the default), or, for a printer verified to print Vietnamese, its own text mode with a
Windows-1258 or TCVN-3 code table.

The bytes go to the printer connection unchanged; `raster_chunks` keeps the fragments apart so
that a connection can pause between them (cheap USB printers time out on large images:
python-escpos#628, #325; Odoo sends 100-dot fragments).
"""

from __future__ import annotations

import contextlib
import io
import math
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from escpos.printer import Dummy
from PIL import Image

from counter_app.printing.errors import PrintingError
from counter_app.printing.raster import (
    PAPER_58MM,
    PAPER_80MM,
    PAPER_80MM_180DPI,
    FontPair,
    Paper,
    render,
)
from counter_app.printing.receipt_layout import (
    Align,
    Barcode,
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

TEXT_MODES = ("cp1258", "tcvn3")
# ESC t n of the code tables where the python-escpos profile does not list them: Epson's
# numbers (TM-T20II, TM-T88V, TM-L90...): page 52 WPC1258, pages 30 and 31 TCVN-3 lower
# case and capitals. Other brands differ (POS-5890: CP1258 = 27 or 94): set `code_pages`.
_PROFILE_TABLES = {"cp1258": ("CP1258",), "tcvn3": ("TCVN-3-1", "TCVN-3-2")}


@dataclass(frozen=True, slots=True)
class PrinterProfile:
    """What the byte stream must suit: the paper, whether the printer cuts, the python-escpos
    profile (capabilities.json name), and the text mode (None = raster image, the default).

    `code_pages`: ESC t n for the text mode, one number for cp1258, two (lower case, capitals)
    for tcvn3; empty = from the python-escpos profile. `fragment_height`: raster fragments at
    most this many dots high. `feed_lines`: lines fed at the end of a job without a cutter so
    the print clears the tear bar.

    Raises PrintingError when the values do not fit together.
    """

    name: str
    paper: Paper
    has_cutter: bool
    escpos_profile: str
    text_mode: str | None = None
    code_pages: tuple[int, ...] = ()
    fragment_height: int = 100
    feed_lines: int = 4

    def __post_init__(self) -> None:
        try:
            printer = Dummy(profile=self.escpos_profile)
        except KeyError:
            raise PrintingError(
                f"Không có mẫu máy in «{self.escpos_profile}» trong python-escpos / Unknown "
                f"python-escpos printer profile {self.escpos_profile!r} (e.g. TM-T20II, "
                "TM-T88V, POS-5890)"
            ) from None
        pixels = printer.profile.profile_data.get("media", {}).get("width", {}).get("pixels")
        if isinstance(pixels, int) and pixels < self.paper.width_dots:
            raise PrintingError(
                f"Mẫu máy in {self.escpos_profile} chỉ in được {pixels} điểm, khổ giấy "
                f"{self.paper.name} cần {self.paper.width_dots} / The printer profile prints "
                f"{pixels} dots, the paper needs {self.paper.width_dots}"
            )
        if self.has_cutter and not (
            printer.profile.supports("paperFullCut") or printer.profile.supports("paperPartCut")
        ):
            raise PrintingError(
                f"Mẫu máy in {self.escpos_profile} không có dao cắt; chọn mẫu khác hoặc bỏ "
                f"'có dao cắt' / Profile {self.escpos_profile} has no cutter (python-escpos "
                "would silently skip the cut)"
            )
        if self.text_mode is not None and self.text_mode not in TEXT_MODES:
            raise PrintingError(
                f"Chế độ chữ «{self.text_mode}» không hỗ trợ; dùng cp1258 hoặc tcvn3 / "
                "Unknown text mode; use cp1258 or tcvn3"
            )
        if not 8 <= self.fragment_height <= 1024 or not 0 <= self.feed_lines <= 255:
            raise PrintingError(
                "Chiều cao mảnh ảnh phải từ 8 đến 1024 điểm, số dòng đẩy giấy từ 0 đến 255 / "
                "fragment_height must be 8-1024 dots, feed_lines 0-255"
            )
        self.tables()  # a text mode needs its code table numbers

    def tables(self) -> tuple[int, ...]:
        """Return the ESC t n numbers of the text mode's code tables (empty in raster mode).

        Raises PrintingError when neither `code_pages` nor the python-escpos profile give them.
        """
        if self.text_mode is None:
            return ()
        wanted = _PROFILE_TABLES[self.text_mode]
        if self.code_pages:
            if len(self.code_pages) != len(wanted) or not all(
                0 <= n <= 255 for n in self.code_pages
            ):
                raise PrintingError(
                    f"Chế độ {self.text_mode} cần {len(wanted)} số bảng mã (0–255) / "
                    f"{self.text_mode} needs {len(wanted)} code table numbers (0-255)"
                )
            return self.code_pages
        listed = Dummy(profile=self.escpos_profile).profile.profile_data.get("codePages", {})
        found = []
        for name in wanted:
            numbers = sorted(int(n) for n, page in listed.items() if page == name)
            if not numbers:
                raise PrintingError(
                    f"Mẫu máy in {self.escpos_profile} không có bảng mã {name}; hãy nhập số "
                    f"bảng mã (ESC t n) theo tài liệu máy in / The profile lists no {name} "
                    "code table: set code_pages from the printer's manual"
                )
            found.append(numbers[0])
        return tuple(found)


PROFILE_80MM = PrinterProfile("Máy in nhiệt 80 mm", PAPER_80MM, True, "TM-T20II")
PROFILE_58MM = PrinterProfile("Máy in nhiệt 58 mm", PAPER_58MM, False, "POS-5890")
PROFILE_TM_T88 = PrinterProfile("Epson TM-T88 (80 mm, 180 dpi)", PAPER_80MM_180DPI, True, "TM-T88V")


def _printer(profile: PrinterProfile) -> Dummy:
    return Dummy(profile=profile.escpos_profile)


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    # python-escpos prints a notice to stdout when a profile has no known paper width.
    with contextlib.redirect_stdout(io.StringIO()):
        yield


def _finish(printer: Dummy, profile: PrinterProfile) -> None:
    """Feed the paper out and cut it where the printer has a cutter."""
    if profile.has_cutter:
        printer.cut(mode="PART")  # feeds 6 lines to the blade, then cuts (full if no partial)
    else:
        printer.print_and_feed(profile.feed_lines)


def raster_chunks(image: Image.Image, profile: PrinterProfile) -> list[bytes]:
    """Return the job as chunks: ESC @ (initialise), then one GS v 0 raster block per fragment
    of at most `profile.fragment_height` dots, then the feed and, with a cutter, the cut.

    Raises PrintingError when the image is wider than the paper.
    """
    if image.width > profile.paper.width_dots:
        raise PrintingError(
            f"Ảnh rộng {image.width} điểm, khổ giấy {profile.paper.name} chỉ "
            f"{profile.paper.width_dots} / The image is wider than the paper"
        )
    image = image if image.mode == "1" else image.convert("1", dither=Image.Dither.NONE)
    printer = _printer(profile)
    printer.hw("INIT")
    chunks = [printer.output]
    step = profile.fragment_height
    with _quiet():
        for top in range(0, image.height, step):
            printer.clear()
            fragment = image.crop((0, top, image.width, min(top + step, image.height)))
            printer.image(fragment, impl="bitImageRaster", fragment_height=step)
            chunks.append(printer.output)
    printer.clear()
    _finish(printer, profile)
    chunks.append(printer.output)
    return chunks


def raster_bytes(image: Image.Image, profile: PrinterProfile) -> bytes:
    """Return the ESC/POS bytes printing `image` (see `raster_chunks`)."""
    return b"".join(raster_chunks(image, profile))


# --- Vietnamese code tables for the text mode ---------------------------------------------------

# TCVN 5712:1993 VN3 ("TCVN3", the ABC fonts), lower case: byte of each letter. Printers hold it
# as two tables (Epson pages 30 and 31): this one with the lower case, the other with the
# capitals at the bytes of their lower-case letters (as the ABC capital fonts .VnTimeH do).
TCVN3_LOWER: dict[str, int] = {
    **dict(zip("ăâêôơưđ", range(0xA8, 0xAF), strict=True)),
    **dict(zip("àảãáạ", range(0xB5, 0xBA), strict=True)),
    **dict(zip("ằẳẵắ", range(0xBB, 0xBF), strict=True)),
    **dict(zip("ặầẩẫấậè", range(0xC6, 0xCD), strict=True)),
    **dict(zip("ẻẽéẹềểễếệìỉ", range(0xCE, 0xD9), strict=True)),
    **dict(zip("ĩíịò", range(0xDC, 0xE0), strict=True)),
    **dict(zip("ỏõóọồổỗốộờởỡớợù", range(0xE1, 0xF0), strict=True)),
    **dict(zip("ủũúụừửữứựỳỷỹýỵ", range(0xF1, 0xFF), strict=True)),
}
# The capitals table: Ă, Â and Đ at their TCVN3 bytes 0xA1, 0xA2, 0xA7; Ê, Ô, Ơ, Ư and every
# toned capital at the byte of its lower-case letter (escpos-printer-db "TCVN-3-2").
TCVN3_UPPER: dict[str, int] = {
    **{c.upper(): b for c, b in TCVN3_LOWER.items() if c not in "ăâđ"},
    "Ă": 0xA1,
    "Â": 0xA2,
    "Đ": 0xA7,
}
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
# Typography with a plain equivalent, used only where the code table lacks the character.
_PLAIN = {
    "\u00a0": " ",
    "\u2013": "-",
    "\u2014": "-",
    "\u2192": "->",
    "\u2022": "*",
    "\u201c": '"',
    "\u201d": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u2026": "...",
}


def _unencodable(ch: str, mode: str) -> PrintingError:
    return PrintingError(
        f"Không in được ký tự «{ch}» (U+{ord(ch):04X}) ở chế độ chữ {mode} của máy in; hãy in "
        f"dạng ảnh / Character U+{ord(ch):04X} cannot be printed in {mode} text mode: use "
        "raster printing"
    )


def _cp1258_char(ch: str) -> bytes:
    try:
        return ch.encode("cp1258")
    except UnicodeEncodeError:
        pass
    # Python's codec has no precomposed toned letters: base letter (with its circumflex, breve
    # or horn, which cp1258 has) followed by the combining tone mark, as Windows writes them.
    decomposed = unicodedata.normalize("NFD", ch)
    tones = [m for m in decomposed if m in _TONES]
    base = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in _TONES))
    if len(tones) == 1 and base:
        try:
            return base.encode("cp1258") + tones[0].encode("cp1258")
        except UnicodeEncodeError:
            pass
    if ch in _PLAIN:
        return _PLAIN[ch].encode("ascii")
    raise _unencodable(ch, "cp1258")


def encode_cp1258(text: str) -> bytes:
    """Return `text` (NFC first) in Windows-1258: precomposed where the table has the letter,
    else base letter + combining tone mark.

    Raises PrintingError naming the first character the table cannot hold (never a '?').
    """
    return b"".join(_cp1258_char(ch) for ch in unicodedata.normalize("NFC", text))


def encode_tcvn3(text: str) -> list[tuple[int, bytes]]:
    """Return `text` (NFC first) in TCVN3 as runs of (table, bytes): table 0 is the lower-case
    table, 1 the capitals; ASCII stays in the current table.

    Raises PrintingError naming the first character neither table holds (never a '?').
    """
    runs: list[tuple[int, bytearray]] = []
    table = 0
    for ch in unicodedata.normalize("NFC", text):
        if ch.isascii() and ch.isprintable():
            data = ch.encode("ascii")
        elif ch in TCVN3_LOWER:
            table, data = 0, bytes([TCVN3_LOWER[ch]])
        elif ch in TCVN3_UPPER:
            table, data = 1, bytes([TCVN3_UPPER[ch]])
        elif ch in _PLAIN:
            data = _PLAIN[ch].encode("ascii")
        else:
            raise _unencodable(ch, "TCVN3")
        if runs and runs[-1][0] == table:
            runs[-1][1].extend(data)
        else:
            runs.append((table, bytearray(data)))
    return [(t, bytes(b)) for t, b in runs]


def _encoder(mode: str) -> Callable[[str], list[tuple[int, bytes]]]:
    if mode == "cp1258":
        return lambda text: [(0, encode_cp1258(text))]
    return encode_tcvn3


# --- text mode ------------------------------------------------------------------------------------

FONT_A_DOTS = 12  # font A is 12 x 24 dots: 48 columns on 576 dots, 32 on 384
_MULTIPLIER = {Size.SMALL: (1, 1), Size.NORMAL: (1, 1), Size.LARGE: (1, 2), Size.HUGE: (3, 3)}


class _TextWriter:
    """Writes a layout as printer text, wrapped in character cells."""

    def __init__(self, profile: PrinterProfile, fonts: FontPair | None) -> None:
        assert profile.text_mode is not None
        self.profile = profile
        self.fonts = fonts
        self.printer = _printer(profile)
        self.columns = profile.paper.width_dots // FONT_A_DOTS
        self.tables = profile.tables()
        self.encode = _encoder(profile.text_mode)
        self.table = -1

    def select(self, table: int) -> None:
        if table != self.table:
            self.printer._raw(b"\x1bt" + bytes([self.tables[table]]))  # ESC t n
            self.table = table

    def line(self, text: str) -> None:
        for table, data in self.encode(text):
            self.select(table)
            self.printer._raw(data)
        self.printer._raw(b"\n")

    def style(self, size: Size, bold: bool, align: Align, width: int = 0) -> int:
        """Set size, emphasis and alignment; return the columns of a line at that size."""
        mult_w, mult_h = _MULTIPLIER[size]
        if width:
            mult_w = mult_h = width
        self.printer.set(
            align=align.value, bold=bold, custom_size=True, width=mult_w, height=mult_h
        )
        return self.columns // mult_w

    def text(self, block: Text) -> None:
        width = 0
        if block.size is Size.HUGE:  # as large as fits, down to double size
            longest = max((len(w) for w in words(block.text)), default=0)
            width = next((k for k in (4, 3, 2) if longest * k <= self.columns), 1)
        columns = self.style(block.size, block.bold, block.align, width)
        indent = math.ceil(self.profile.paper.dots(block.indent_mm) / FONT_A_DOTS)
        hang = round(hanging_indent(block.text, len)) if block.hanging else 0
        lines = wrap(block.text, columns - indent, len, columns - indent - hang if hang else None)
        for i, line in enumerate(lines):
            self.line(" " * (indent + (hang if i else 0)) + line)

    def key_value(self, row: KeyValue, column: int) -> None:
        self.style(row.size, False, Align.LEFT)
        laid = key_value_rows(row.key, row.value, self.columns, column, len, len, 2, 1)
        value_x = round(laid.value_x)
        out = list(laid.key_lines)
        first = 0 if laid.beside else len(out)
        for i, value in enumerate(laid.value_lines):
            if first + i < len(out):
                out[first + i] = out[first + i].ljust(value_x) + value
            else:
                out.append(" " * value_x + value)
        for text in out:
            self.line(text)

    def signatures(self, block: Signatures) -> None:
        self.style(Size.NORMAL, False, Align.LEFT)
        count = max(1, len(block.parties))
        cell = self.columns // count
        blank = max(1, round(self.profile.paper.dots(block.space_mm) / 30))
        columns = []
        for who, person in block.parties:
            lines = [*wrap(who, cell - 1, len), *wrap(block.hint, cell - 1, len)]
            columns.append(lines + [""] * blank + wrap(person, cell - 1, len))
        for row in range(max(len(c) for c in columns)):
            self.line("".join((c[row] if row < len(c) else "").center(cell) for c in columns))

    def image(self, block: QRCode | Barcode) -> None:
        picture = render(Receipt("", (block,)), self.profile.paper, self.fonts)
        step = self.profile.fragment_height
        with _quiet():
            self.printer.image(picture, impl="bitImageRaster", fragment_height=step)

    def write(self, receipt: Receipt) -> bytes:
        self.printer.hw("INIT")
        self.select(0)
        keys = [b.key for b in receipt.blocks if isinstance(b, KeyValue)]
        column = round(value_column(keys, len, 1, min(0.45 * self.columns, 18)))
        for block in receipt.blocks:
            if isinstance(block, Text):
                self.text(block)
            elif isinstance(block, KeyValue):
                self.key_value(block, column)
            elif isinstance(block, Separator):
                self.style(Size.NORMAL, False, Align.LEFT)
                rule = {Rule.LINE: "-" * self.columns, Rule.DASHED: "- " * (self.columns // 2)}
                self.line(rule.get(block.style, ""))
            elif isinstance(block, QRCode | Barcode):
                self.image(block)
            elif isinstance(block, Signatures):
                self.signatures(block)
            elif isinstance(block, Feed):
                self.printer.print_and_feed(max(1, round(block.mm / 4.23)))  # 1/6" lines
        self.style(Size.NORMAL, False, Align.LEFT)
        _finish(self.printer, self.profile)
        return self.printer.output


def text_mode_bytes(
    receipt: Receipt, profile: PrinterProfile, fonts: FontPair | None = None
) -> bytes:
    """Return `receipt` as printer text in the profile's code table (ESC t n right after
    ESC @, never the printer's default table); QR codes and barcodes go as raster images.

    Raises PrintingError for a profile without a text mode, or a character the table lacks.
    """
    if profile.text_mode is None:
        raise PrintingError(
            f"Máy in {profile.name} không được cấu hình in chữ tiếng Việt / The printer has "
            "no Vietnamese text mode configured"
        )
    return _TextWriter(profile, fonts).write(receipt)


def receipt_bytes(
    receipt: Receipt, profile: PrinterProfile, fonts: FontPair | None = None
) -> bytes:
    """Return the bytes printing `receipt` on a printer of `profile`: the rendered image
    (default), or the printer's text mode where the profile has one.

    Raises PrintingError (no Vietnamese font, a code too long for the paper, a character the
    text mode cannot print).
    """
    if profile.text_mode is not None:
        return text_mode_bytes(receipt, profile, fonts)
    return raster_bytes(render(receipt, profile.paper, fonts), profile)
