"""The page pipeline: load a page, drop it if blank, read its barcodes, turn it upright, deskew
it, bring it to the configured resolution and compress it (grayscale JPEG or bilevel G4);
`build_pdf` then makes one PDF per document.

`process_page` is the unit of work of a batch: it takes a page reference (not pixels) and gives
back a small result (the compressed page), so it runs in a worker process and a batch streams
through memory one page per worker.

Orientation: a page with a barcode is turned by the barcode's own orientation (exact: the
control sheet's Code 128 and QR, or any QR on a photocopy). A page of text alone is judged by
its lines (`images.text_orientation`: ink above the x-height versus below the baseline), and is
turned only when the verdict is clear; pages that do not tell (photos, a few words) are left as
they are, and a 90° turn is never guessed from text (landscape pages exist). Reliability,
measured on 900 generated Vietnamese pages (10 faces with bold, italic and monospace, 9–16 pt,
4 lines to full pages, 150–300 dpi, skew to 4.5°, noise, JPEG; `bench/bench_scan_split.py
--orientation`): regular-weight text, every page right; bold body text, 1 of 450 upright pages
turned over (5 lines) and 15 of 450 upside-down pages left as they were; 98.2% overall.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Literal

import numpy as np
from PIL import Image

from counter_app.domain.errors import InvalidInput
from counter_app.scanning import images
from counter_app.scanning.barcodes import (
    DEFAULT_FORMATS,
    ENGINES,
    SHEET_REGIONS,
    Barcode,
    Engine,
    read_barcodes,
)
from counter_app.scanning.errors import UnreadableInput
from counter_app.scanning.inputs import PageRef, load_page
from counter_app.scanning.pdf import EncodedPage, build_pdf

__all__ = ["PageResult", "PageSettings", "build_pdf", "clean_image", "process_page"]

log = logging.getLogger(__name__)

ColorMode = Literal["gray", "bilevel"]
MIN_DPI, MAX_DPI = 200, 300
# PDF pages are rendered at least this fine (LESSONS.md: ~300 dpi, never the embedded JPEG).
RENDER_DPI = 300
REGIONS_ABOVE_DPI = 200
# Turning an upright page over is worse than leaving an upside-down one: a page is turned
# only on clear evidence, stronger when it has few lines (see `upside_down`).
FLIP_MIN_LINES = 4
FLIP_SCORE_FEW_LINES = -0.2  # under 10 lines
FLIP_SCORE = -0.12


@dataclass(frozen=True, slots=True)
class PageSettings:
    """How pages are cleaned; the defaults suit a desk scanner's 300 dpi grayscale output.

    `decode_dpi`: barcodes are read on the page reduced to about this resolution (never
    enlarged). The control sheet's and separator sheet's codes (modules of 0.3 mm and more) read
    at 150 dpi as well as at 300, skewed and noisy too, four times faster; raise it for pages
    whose own small codes matter (above 200 dpi the sheet's bands are searched first).

    `blank_threshold`: a page whose ink covers less than this share of its area (margins
    excluded, specks ignored) is blank and dropped; 0 keeps every page. The default, 0.1%, is
    half of a page holding only a date line and a signature (about 0.2%), and several times a
    duplex back with show-through, sensor noise and dust (under 0.01% at 300 dpi)."""

    dpi: int = 300
    color: ColorMode = "gray"
    blank_threshold: float = 0.001
    deskew: bool = True
    max_skew: float = 5.0
    fix_orientation: bool = True
    jpeg_quality: int = 50
    engine: Engine = "zxing"
    decode_dpi: int = 150
    formats: tuple[str, ...] = DEFAULT_FORMATS
    read_codes: bool = True

    def __post_init__(self) -> None:
        if not MIN_DPI <= self.dpi <= MAX_DPI:
            raise InvalidInput(
                f"Độ phân giải phải từ {MIN_DPI} đến {MAX_DPI} dpi / "
                f"The resolution must be {MIN_DPI} to {MAX_DPI} dpi"
            )
        if self.color not in ("gray", "bilevel"):
            raise InvalidInput("Chế độ màu: gray hoặc bilevel / Color mode: gray or bilevel")
        if not 0 <= self.blank_threshold < 0.2:
            raise InvalidInput("Ngưỡng trang trắng: 0 đến 0.2 / Blank threshold: 0 to 0.2")
        if self.engine not in ENGINES:
            raise InvalidInput(f"Bộ đọc mã: {' / '.join(ENGINES)} / Barcode engine: zxing or zbar")
        if not 20 <= self.jpeg_quality <= 95:
            raise InvalidInput("Chất lượng JPEG: 20 đến 95 / JPEG quality: 20 to 95")
        if not 100 <= self.decode_dpi <= 600:
            raise InvalidInput("Độ phân giải đọc mã: 100 đến 600 dpi / Decode resolution: 100–600")
        if not 0 <= self.max_skew <= 10:
            raise InvalidInput("Góc nghiêng tối đa: 0 đến 10° / Maximum skew: 0 to 10°")


@dataclass(frozen=True, slots=True)
class PageResult:
    """What became of one page: `status` "page" (with `image`), "blank" (dropped) or "error"
    (with `error`, for the review tray). `turned` is the rotation applied (degrees
    counter-clockwise, 180 for an upside-down feed), `skew` the deskew angle, and
    `orientation_by` what decided the orientation: "barcode", "text" or "" (left as is)."""

    ref: PageRef
    status: Literal["page", "blank", "error"]
    barcodes: tuple[Barcode, ...] = ()
    image: EncodedPage | None = None
    error: str = ""
    coverage: float = 0.0
    turned: int = 0
    skew: float = 0.0
    orientation_by: str = ""


def process_page(ref: PageRef, settings: PageSettings) -> PageResult:
    """Load and clean one page. Never raises for a bad page: an unreadable one comes back with
    status "error" and the reason (an unexpected failure is logged with its traceback too)."""
    try:
        image, dpi = load_page(ref, max(settings.dpi, RENDER_DPI))
        return clean_image(image, dpi, settings, ref)
    except UnreadableInput as exc:
        return PageResult(ref, "error", error=exc.message)
    except MemoryError:
        return PageResult(ref, "error", error="Trang quá lớn / The page is too large")
    except Exception as exc:  # a bug, but one page must not sink the batch: log, then review
        log.exception("processing %s page %s", ref.source, ref.page)
        return PageResult(
            ref,
            "error",
            error=f"Lỗi xử lý trang (đã ghi nhật ký) / Processing error (logged): {exc!r}",
        )


def clean_image(
    image: Image.Image, dpi: float, settings: PageSettings, ref: PageRef | None = None
) -> PageResult:
    """Clean one page image of resolution `dpi` (see the module docstring) and return it."""
    ref = ref or PageRef("", 1, "image")
    gray = images.to_gray(image)
    small, _ = images.reduce_for_analysis(gray, dpi)
    paper = images.paper_level(small)
    mask = images.ink_mask(small, paper)
    cover = images.coverage(mask)
    if settings.blank_threshold > 0 and cover < settings.blank_threshold:
        return PageResult(ref, "blank", coverage=cover)
    codes = _read_codes(gray, dpi, settings) if settings.read_codes else ()
    turned, by = (_barcode_turn(codes), "barcode") if codes else (0, "")
    if not settings.fix_orientation:
        turned, by = 0, ""
    skew = 0.0
    if settings.deskew and settings.max_skew > 0:
        # A line's slope is the same upside down; only a quarter turn changes what is level.
        upright = _turn_mask(mask, turned) if turned in (90, 270) else mask
        skew = images.estimate_skew(upright, settings.max_skew)
        if abs(skew) < 0.1:
            skew = 0.0
    if settings.fix_orientation and not by:
        score, lines = images.text_orientation(_turn_mask(mask, skew) if skew else mask)
        if upside_down(score, lines):
            turned, by = 180, "text"
        elif lines >= FLIP_MIN_LINES and score >= -FLIP_SCORE:
            by = "text"  # the text says it stands upright
    out = images.straighten(gray, turned, skew, settings.dpi / dpi)
    del gray
    encoded = _encode(out, paper, settings)
    return PageResult(
        ref,
        "page",
        barcodes=codes,
        image=encoded,
        coverage=cover,
        turned=turned,
        skew=skew,
        orientation_by=by,
    )


def _read_codes(gray: Image.Image, dpi: float, settings: PageSettings) -> tuple[Barcode, ...]:
    """Return the page's barcodes, read at about `decode_dpi` (boxes in full-size pixels)."""
    factor = max(1, int(dpi // settings.decode_dpi))
    small = gray.reduce(factor) if factor > 1 else gray
    # The sheet's bands first only where a whole page is dear to search: at about 150 dpi it
    # costs less than the bands plus the whole page that most pages (no code) need anyway.
    regions = SHEET_REGIONS if dpi / factor > REGIONS_ABOVE_DPI else None
    found = read_barcodes(small, formats=settings.formats, region=regions, engine=settings.engine)
    out = []
    for b in found:
        left, top, right, bottom = (v * factor for v in b.box)
        out.append(Barcode(b.text, b.format, (left, top, right, bottom), b.orientation))
    return tuple(out)


def upside_down(score: float, lines: int) -> bool:
    """Return whether a text page with this `images.text_orientation` verdict is turned."""
    if lines < FLIP_MIN_LINES:
        return False
    return score <= (FLIP_SCORE if lines >= 10 else FLIP_SCORE_FEW_LINES)


def _barcode_turn(codes: tuple[Barcode, ...]) -> int:
    """Return the turn (degrees counter-clockwise) most of the page's barcodes ask for."""
    votes: dict[int, int] = {}
    for b in codes:
        votes[b.orientation] = votes.get(b.orientation, 0) + 1
    return max(votes, key=lambda k: (votes[k], -k))


def _turn_mask(mask: np.ndarray, angle: float) -> np.ndarray:
    if angle % 360 == 0:
        return mask
    if angle % 360 == 180:
        return mask[::-1, ::-1]
    img = Image.fromarray(mask.astype(np.uint8) * 255, "L")
    turned = img.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=0)
    return np.asarray(turned) > 127


def _encode(page: Image.Image, paper: float, settings: PageSettings) -> EncodedPage:
    if settings.color == "bilevel":
        threshold = images.otsu_threshold(page)
        threshold = int(min(max(threshold, paper * 0.45), paper * 0.8))
        bilevel = page.point(lambda v: 255 if v > threshold else 0, mode="1")
        g4 = images.encode_g4(bilevel)
        if g4 is not None:
            return EncodedPage(g4, page.width, page.height, settings.dpi, "g4")
        import zlib

        data = zlib.compress(bilevel.tobytes(), 9)
        return EncodedPage(data, page.width, page.height, settings.dpi, "flate1")
    clean = images.whiten(page, paper)
    data = images.encode_jpeg(clean, settings.jpeg_quality, settings.dpi)
    return EncodedPage(data, page.width, page.height, settings.dpi, "jpeg")
