"""One barcode interface, two engines: the control sheet's code read the same way by both,
turned, skewed, noisy, at 150 and 300 dpi; regions first; libzbar kept off the console."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PIL import Image
from scan_stacks import CODES, control_sheet, separator, text_page

from counter_app.scanning import simulate
from counter_app.scanning.barcodes import (
    CODE128,
    QR,
    SHEET_REGIONS,
    Region,
    available_engines,
    read_barcodes,
)
from counter_app.scanning.separators import (
    Sheet,
    classify,
    code_shape,
    parse_separator,
    separator_text,
)

CODE = CODES[0]


@pytest.mark.parametrize("engine", ["zxing", "zbar"])
@pytest.mark.parametrize("dpi", [150, 300])
@pytest.mark.parametrize(("turn", "skew"), [(0, 0.0), (180, 3.0), (90, -2.0), (270, 0.0)])
def test_both_engines_read_the_control_sheet(engine: str, dpi: int, turn: int, skew: float) -> None:
    page = simulate.scanned(control_sheet(CODE, dpi), seed=dpi + turn, skew=skew, noise=10)
    page = page.rotate(turn, expand=True, fillcolor=255)  # counter-clockwise
    found = read_barcodes(page, engine=engine, region=SHEET_REGIONS)
    read = {(b.text, b.format) for b in found}
    if engine == "zxing" or skew == 0:
        assert read == {(CODE, CODE128), (CODE, QR)}
    else:  # libzbar misses skewed Code 128 (LESSONS.md); the QR is enough with known codes
        assert (CODE, QR) in read
    # The symbols say how far they are turned clockwise: turning the page back fixes it.
    assert {b.orientation for b in found} == {(360 - turn) % 360}
    assert classify(found, lambda c: c == CODE) == Sheet("control", code=CODE)


@pytest.mark.parametrize("engine", ["zxing", "zbar"])
def test_boxes_are_in_page_pixels_whichever_region_answered(engine: str) -> None:
    page = control_sheet(CODE, 200)
    whole = read_barcodes(page, engine=engine)
    top = read_barcodes(page, engine=engine, region=Region(0, 0, 1, 0.4))
    bottom_first = read_barcodes(page, engine=engine, region=[Region(0, 0.6, 1, 1), *SHEET_REGIONS])
    for found in (top, bottom_first):
        assert [b.format for b in sorted(found, key=_fmt)] == [
            b.format for b in sorted(whole, key=_fmt)
        ]
        for a, b in zip(sorted(found, key=_fmt), sorted(whole, key=_fmt), strict=True):
            assert all(abs(x - y) <= 3 for x, y in zip(a.box, b.box, strict=True)), (a, b)
    w, h = page.size
    assert all(b.box[3] < 0.4 * h and 0 <= b.box[0] < b.box[2] <= w for b in whole)


@pytest.mark.parametrize("engine", ["zxing", "zbar"])
def test_formats_are_restricted(engine: str) -> None:
    page = control_sheet(CODE, 200)
    assert {b.format for b in read_barcodes(page, engine=engine, formats=(QR,))} == {QR}
    assert read_barcodes(text_page(1, 150), engine=engine) == []
    with pytest.raises(ValueError, match="unsupported"):
        read_barcodes(page, formats=("EAN13",))
    with pytest.raises(ValueError, match="unknown barcode engine"):
        read_barcodes(page, engine="tesseract")  # type: ignore[arg-type]


def test_separator_sheets() -> None:
    assert separator_text(7) == "ITEM:7"
    assert [parse_separator(t) for t in ("ITEM:7", "item:12", " ITEM:3 ", "ITEM:0", "ITEM:x")] == [
        7,
        12,
        3,
        None,
        None,
    ]
    with pytest.raises(ValueError):
        separator_text(1000)
    for engine in ("zxing", "zbar"):
        found = read_barcodes(simulate.scanned(separator(3, 150), skew=2), engine=engine)  # type: ignore[arg-type]
        assert classify(found) == Sheet("separator", item=3)


def test_what_makes_a_page_a_control_sheet() -> None:
    from counter_app.scanning.barcodes import Barcode

    box = (0, 0, 1, 1)
    cccd = Barcode("020195001234|123456789|Nguyễn Văn A|01011995|Nam|Lạng Sơn|01012021", QR, box)
    invoice = Barcode("8935049500971", CODE128, box)
    shape = code_shape("{unit}-{yyMMdd}-{seq:4}")
    # A photocopied CCCD or an invoice's barcode is content, never a sheet.
    assert classify([cccd]) is None and classify([invoice], lambda c: False, shape) is None
    # Code 128 and QR with the same text: form 5, known or not.
    both = [Barcode(CODE, CODE128, box), Barcode(CODE, QR, box)]
    assert classify(both, lambda c: False) == Sheet("control", code=CODE, known=False)
    # One code read: a known code, or an unknown one of the desk's code shape.
    lone = [Barcode(CODE, CODE128, box)]
    assert classify(lone) is None
    assert classify(lone, lambda c: c == CODE) == Sheet("control", code=CODE)
    assert classify(lone, lambda c: False, shape) == Sheet("control", code=CODE, known=False)
    assert shape.fullmatch("1.002809-2025-000017") is None
    assert code_shape("{procedure}-{yyyy}-{seq:6}").fullmatch("1.002809-2025-000017")


def test_engines_are_reported_available() -> None:
    assert available_engines() == {"zxing": "", "zbar": ""}


def test_libzbar_never_writes_to_the_console() -> None:
    """libzbar prints warnings to file descriptor 2 from C: the reader sends them to the null
    device while it decodes (checked with a write to fd 2 inside, as libzbar would do)."""
    code = (
        "import os\n"
        "from counter_app.scanning import barcodes\n"
        "from PIL import Image\n"
        "with barcodes._quiet_stderr():\n"
        "    os.write(2, b'zbar warning\\n')\n"
        "img = Image.effect_noise((1200, 1600), 90).convert('L')\n"
        "barcodes.read_barcodes(img, engine='zbar')\n"
        "os.write(2, b'after\\n')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stderr == b"after\n"


def test_images_of_any_mode_are_read() -> None:
    page = control_sheet(CODE, 200)
    for mode in ("RGB", "1", "P"):
        img: Image.Image = page.convert(mode)
        assert {b.format for b in read_barcodes(img)} == {CODE128, QR}


def _fmt(b: object) -> str:
    return str(getattr(b, "format", ""))
