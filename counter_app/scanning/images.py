"""Page image analysis: paper level, blank pages, skew, upside-down text; and the fixes.

The analysis runs on a copy reduced to about 100 dpi (a box filter, which also averages scanner
noise away); only the final rotation and scaling touch the full-resolution image, in one pass.
"""

from __future__ import annotations

import io
import math
from typing import Any

import numpy as np
from PIL import Image

ANALYSIS_DPI = 150
MARGIN = 0.04  # share of each edge ignored by the analysis: scanner shadows, punch holes
INK = 0.6  # a pixel darker than this share of the paper's brightness is ink


def to_gray(img: Image.Image) -> Image.Image:
    """Return `img` as 8-bit grayscale ("L"); transparency is laid on white paper."""
    if img.mode == "L":
        return img
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):  # 16-bit scans: keep the top 8 bits
        arr = np.asarray(img.convert("I"), dtype=np.int64)
        top = 65535 if arr.max() > 255 else 255
        return Image.fromarray((arr * 255 // top).clip(0, 255).astype(np.uint8), "L")
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(paper, rgba).convert("L")
    if img.mode == "CMYK":
        return img.convert("RGB").convert("L")
    return img.convert("L")


def reduce_for_analysis(gray: Image.Image, dpi: float) -> tuple[np.ndarray, int]:
    """Return the page reduced to about ANALYSIS_DPI as a uint8 array, and the factor used."""
    factor = max(1, int(dpi // ANALYSIS_DPI))
    small = gray.reduce(factor) if factor > 1 else gray
    return np.asarray(small, dtype=np.uint8), factor


def paper_level(a: np.ndarray) -> float:
    """Return the brightness of the paper: the 90th percentile of the page (at least 64)."""
    hist = np.bincount(a.ravel(), minlength=256)
    cumulative = np.cumsum(hist)
    level = int(np.searchsorted(cumulative, 0.9 * cumulative[-1]))
    return float(max(level, 64))


def ink_mask(a: np.ndarray, paper: float) -> np.ndarray:
    """Return where there is ink, inside the margins, without lone specks of dust or noise.

    A dark pixel counts when one of its four neighbours is dark too: a stroke of text survives
    (it is at least two pixels long), an isolated speck does not."""
    dark = a < paper * INK
    h, w = dark.shape
    my, mx = int(h * MARGIN), int(w * MARGIN)
    inner = np.zeros_like(dark)
    inner[my : h - my, mx : w - mx] = True
    dark &= inner
    near = np.zeros_like(dark)
    near[1:, :] |= dark[:-1, :]
    near[:-1, :] |= dark[1:, :]
    near[:, 1:] |= dark[:, :-1]
    near[:, :-1] |= dark[:, 1:]
    return dark & near


def coverage(mask: np.ndarray) -> float:
    """Return the share of the page inside the margins that is ink (0 to 1)."""
    h, w = mask.shape
    area = max(1, (h - 2 * int(h * MARGIN)) * (w - 2 * int(w * MARGIN)))
    return float(mask.sum()) / area


def estimate_skew(mask: np.ndarray, max_angle: float = 5.0) -> float:
    """Return the angle (degrees, counter-clockwise as `Image.rotate` takes it) that makes the
    page's lines horizontal, within ±max_angle; 0 when there is too little to tell.

    Projection profiles: the rows of a page whose lines are level are either full or empty, so
    the sum of squared row counts peaks at the right angle (coarse 0.5° steps, then 0.05°)."""
    ys, xs = np.nonzero(mask)
    if len(ys) < 300:
        return 0.0
    rng = np.random.default_rng(0)  # a fixed seed: the same page always gives the same angle
    if len(ys) > 60_000:  # enough points for a sharp profile
        pick = rng.choice(len(ys), 60_000, replace=False)
        ys, xs = ys[pick], xs[pick]
    h, w = mask.shape
    # Each pixel is spread over its square (jitter): on the integer grid, angle 0 would score
    # higher than any other for no reason but that it alone puts every pixel on a row.
    yc = ys + rng.uniform(-0.5, 0.5, len(ys)) - h / 2
    xc = xs + rng.uniform(-0.5, 0.5, len(xs)) - w / 2
    diag = int(math.hypot(h, w)) + 2

    def score(angle: float) -> float:
        t = math.radians(angle)
        rows = np.floor(yc * math.cos(t) - xc * math.sin(t)).astype(np.int64) + diag
        counts = np.bincount(rows, minlength=2 * diag + 1).astype(np.float64)
        return float(np.dot(counts, counts))

    coarse = np.arange(-max_angle, max_angle + 1e-9, 0.5)
    scores = [score(a) for a in coarse]
    best = float(coarse[int(np.argmax(scores))])
    fine = np.arange(best - 0.5, best + 0.5 + 1e-9, 0.05)
    fine = fine[np.abs(fine) <= max_angle + 1e-9]
    fine_scores = [score(a) for a in fine]
    angle = float(fine[int(np.argmax(fine_scores))])
    if max(fine_scores) < score(0.0) * 1.02:  # no clear gain: not text, or already level
        return 0.0
    return round(angle, 2)


def text_orientation(mask: np.ndarray) -> tuple[float, int]:
    """Return (score, lines): score > 0 when the text stands upright, < 0 when it is upside
    down, near 0 when the page does not tell; `lines` is how many text lines were measured.
    The page must be level (deskewed) first.

    In Latin script, and more so in Vietnamese with its marks above the vowels, the part of a
    line above its x-height band holds more ink (ascenders, capitals, diacritics) than the part
    below its baseline (descenders, dots below). Turned over, the two swap. Each line is found
    between empty rows; its x-height band is where its rows are densest."""
    m = mask.copy()
    h, w = m.shape
    m[:, m.sum(axis=0) > 0.4 * h] = False  # vertical rules of tables and frames
    m[m.sum(axis=1) > 0.4 * w, :] = False  # horizontal rules
    p = m.sum(axis=1).astype(np.float64)
    if p.sum() < 200:
        return 0.0, 0
    window = 21
    local_max = np.lib.stride_tricks.sliding_window_view(np.pad(p, window // 2), window)
    in_line = p > np.maximum(0.03 * local_max.max(axis=1), 1.0)
    above = below = 0.0
    lines = 0
    y = 0
    while y < h:
        if not in_line[y]:
            y += 1
            continue
        start = y
        while y < h and in_line[y]:
            y += 1
        rows = p[start:y]
        if rows.max() < max(3.0, 0.01 * w):
            continue
        top, bottom = _longest_run(rows >= 0.35 * rows.max())
        if bottom - top < 2 or len(rows) > 3 * (bottom - top) + 4:
            continue  # a dot, a rule, or lines run together: no verdict from it
        # The row on each side of the band is shared by the band and the zone (the page's
        # grid cuts through the x-height and the baseline): it counts for neither.
        above += rows[: max(0, top - 1)].sum()
        below += rows[bottom + 1 :].sum()
        lines += 1
    if above + below == 0:
        return 0.0, lines
    return float((above - below) / (above + below)), lines


def _longest_run(flags: np.ndarray) -> tuple[int, int]:
    """Return (start, end) of the longest run of True in `flags` ((0, 0) if none)."""
    best = (0, 0)
    start = None
    for i, flag in enumerate([*flags.tolist(), False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            if i - start > best[1] - best[0]:
                best = (start, i)
            start = None
    return best


def otsu_threshold(gray: Image.Image) -> int:
    """Return the grey level that best separates ink from paper (Otsu's method)."""
    hist = np.asarray(gray.histogram()[:256], dtype=np.float64)
    levels = np.arange(256, dtype=np.float64)
    weight = np.cumsum(hist)
    total = weight[-1]
    mean = np.cumsum(hist * levels)
    between = (mean[-1] * weight / total - mean) ** 2 / np.maximum(weight * (total - weight), 1)
    return int(np.argmax(between))


def straighten(gray: Image.Image, turn: int, skew: float, scale: float) -> Image.Image:
    """Return `gray` scaled by `scale`, turned counter-clockwise by `turn` (0, 90, 180, 270)
    and by `skew` degrees about its centre. A deskewed page keeps its size (A4 stays A4), the
    uncovered corners white; a quarter turn swaps width and height."""
    out = gray
    if abs(scale - 1.0) > 0.005:
        size = (max(1, round(gray.width * scale)), max(1, round(gray.height * scale)))
        resample = Image.Resampling.BILINEAR if scale < 1 else Image.Resampling.BICUBIC
        out = out.resize(size, resample)
    turn %= 360
    if turn in (90, 270):
        out = out.transpose(Image.Transpose.ROTATE_90 if turn == 90 else Image.Transpose.ROTATE_270)
        turn = 0
    if skew == 0:
        if turn == 180:
            return out.transpose(Image.Transpose.ROTATE_180)
        return out
    return out.rotate(turn + skew, resample=Image.Resampling.BILINEAR, fillcolor=255)


def whiten(gray: Image.Image, paper: float) -> Image.Image:
    """Return `gray` with the paper made pure white and the ink stretched to match: noise and
    show-through vanish and the page compresses several times smaller."""
    white = max(64.0, paper * 0.88)
    lut = [min(255, round(v * 255 / white)) for v in range(256)]
    return gray.point(lut)


def encode_jpeg(gray: Image.Image, quality: int, dpi: int) -> bytes:
    buf = io.BytesIO()
    gray.save(buf, "JPEG", quality=quality, optimize=True, dpi=(dpi, dpi))
    return buf.getvalue()


def encode_g4(bilevel: Image.Image) -> bytes | None:
    """Return the CCITT Group 4 data of a 1-bit image (one strip), or None without libtiff."""
    from PIL import features

    if not features.check("libtiff"):
        return None
    buf = io.BytesIO()
    bilevel.save(buf, "TIFF", compression="group4", strip_size=2**31 - 1)
    tiff: Any = Image.open(io.BytesIO(buf.getvalue()))
    offsets = tiff.tag_v2.get(273)  # StripOffsets
    counts = tiff.tag_v2.get(279)  # StripByteCounts
    if not offsets or not counts or len(offsets) != 1:
        return None
    data = buf.getvalue()
    return data[offsets[0] : offsets[0] + counts[0]]
