"""What a sheet's barcodes mean: a control sheet naming a dossier, or a separator sheet naming
a checklist item; and the separator sheet itself, ready to print.

Formats (both printed as Code 128 and as QR, so either one read is enough):
- control sheet (form 5): the dossier code, e.g. `000.00.06.H56-231027-0361`;
- separator sheet: `ITEM:<n>`, n = 1–999 the document's number in the dossier's list of
  received documents (as on the receipt), e.g. `ITEM:2`. The pages after it, up to the next
  separator or control sheet, are that document.

A page is a control sheet when its Code 128 and QR carry the same text (form 5 prints both),
when a code on it is a dossier code the caller knows, or when a code has the shape of the desk's
dossier-code pattern. A lone code of another shape (a CCCD QR on a photocopy, an invoice's
barcode) is content, never a sheet.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from PIL import Image, ImageDraw

from counter_app.scanning.barcodes import CODE128, QR, Barcode

SEPARATOR_PREFIX = "ITEM:"
_SEPARATOR = re.compile(r"^ITEM:(\d{1,3})$", re.IGNORECASE)
# The tokens of domain.codes.CodePattern, as a reader must accept them.
_TOKEN = re.compile(r"\{([A-Za-z]+)(?::(\d{1,2}))?\}")
_DATE_WIDTH = {"yyyyMMdd": 8, "yyMMdd": 6, "yyyyMM": 6, "yyMM": 4, "yyyy": 4, "yy": 2, "MM": 2}
_DATE_WIDTH["dd"] = 2

KnownCode = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class Sheet:
    """A page that divides the stack: `kind` "control" (with `code`, and whether the caller
    knows it) or "separator" (with `item`)."""

    kind: Literal["control", "separator"]
    code: str = ""
    item: int | None = None
    known: bool = True


def separator_text(item: int) -> str:
    """Return the barcode text of the separator sheet for checklist item `item` (1–999)."""
    if not 1 <= item <= 999:
        raise ValueError("a checklist item number is 1 to 999")
    return f"{SEPARATOR_PREFIX}{item}"


def parse_separator(text: str) -> int | None:
    """Return the item number of a separator sheet's barcode text, or None."""
    m = _SEPARATOR.match(text.strip())
    if m is None or not 1 <= int(m.group(1)) <= 999:
        return None
    return int(m.group(1))


def code_shape(pattern: str) -> re.Pattern[str]:
    """Return a regular expression matching the dossier codes of a code pattern such as
    `{unit}-{yyMMdd}-{seq:4}` (see domain.codes): how a sheet whose code is unknown is told
    apart from another barcode."""
    out = []
    pos = 0
    for m in _TOKEN.finditer(pattern):
        out.append(re.escape(pattern[pos : m.start()]))
        name, width = m.group(1), m.group(2)
        if name in _DATE_WIDTH:
            out.append(rf"\d{{{_DATE_WIDTH[name]}}}")
        elif name == "seq":
            out.append(rf"\d{{{int(width or 1)},}}")
        else:  # unit, procedure, desk: identifiers with dots, e.g. 000.00.06.H56, 1.002809
            out.append(r"[A-Za-z0-9.]+")
        pos = m.end()
    out.append(re.escape(pattern[pos:]))
    return re.compile("".join(out))


def classify(
    barcodes: Sequence[Barcode],
    known_code: KnownCode | None = None,
    shape: re.Pattern[str] | None = None,
) -> Sheet | None:
    """Return what the barcodes of one page make of it: a separator, a control sheet, or None
    for a page of content (see the module docstring for the rules)."""
    for b in barcodes:
        item = parse_separator(b.text)
        if item is not None:
            return Sheet("separator", item=item)
    bars = [b.text for b in barcodes if b.format == CODE128]
    qrs = {b.text for b in barcodes if b.format == QR}
    texts = list(dict.fromkeys([*bars, *qrs]))
    both = [t for t in bars if t in qrs]
    if both:
        t = both[0]
        return Sheet("control", code=t, known=known_code(t) if known_code else True)
    if known_code is not None:
        for t in texts:
            if known_code(t):
                return Sheet("control", code=t, known=True)
    if shape is not None:
        for t in texts:
            if shape.fullmatch(t):
                return Sheet("control", code=t, known=False)
    return None


def separator_sheet(item: int, *, dpi: int = 300, title: str = "") -> Image.Image:
    """Return an A4 separator sheet for checklist item `item` as a 1-bit image at `dpi`: the
    Code 128 and QR of `ITEM:<n>` in the sheet's top band, the number large below them."""
    import zxingcpp

    text = separator_text(item)
    width, height = round(8.27 * dpi), round(11.69 * dpi)
    page = Image.new("L", (width, height), 255)
    module = max(2, round(dpi / 100))  # ~0.25 mm per module, far above any scanner's limit
    bar = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.Code128)
    bar_img = Image.fromarray(_array(bar.to_image(scale=module))).convert("L")
    bar_img = bar_img.resize((bar_img.width, dpi * 6 // 10))
    qr = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode)
    qr_img = Image.fromarray(_array(qr.to_image(scale=module * 3))).convert("L")
    top = dpi // 2
    page.paste(bar_img, (dpi // 2, top))
    page.paste(qr_img, (width - dpi // 2 - qr_img.width, top))
    draw = ImageDraw.Draw(page)
    label = f"{text}  {title}".strip()
    draw.text((dpi // 2, top + max(bar_img.height, qr_img.height) + dpi // 6), label, fill=0)
    digits = str(item)
    cell = dpi * 2
    y0 = height // 3
    for i, ch in enumerate(digits):  # big block digits: no font needed, readable from afar
        _block_digit(draw, ch, (width - cell * len(digits)) // 2 + i * cell, y0, cell)
    return page.point(lambda v: 255 if v > 128 else 0, mode="1")


def _array(img: object) -> np.ndarray:
    return np.asarray(img)


_DIGITS = {  # 3×5 block digits
    "0": "111101101101111",
    "1": "010110010010111",
    "2": "111001111100111",
    "3": "111001111001111",
    "4": "101101111001001",
    "5": "111100111001111",
    "6": "111100111101111",
    "7": "111001001001001",
    "8": "111101111101111",
    "9": "111101111001111",
}


def _block_digit(draw: ImageDraw.ImageDraw, ch: str, x: int, y: int, cell: int) -> None:
    unit = cell // 4
    for n, on in enumerate(_DIGITS[ch]):
        if on == "1":
            cx, cy = x + (n % 3) * unit, y + (n // 3) * unit
            draw.rectangle((cx, cy, cx + unit - 1, cy + unit - 1), fill=0)
