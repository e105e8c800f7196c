"""Barcode reading through one small interface, with two engines: zxing-cpp (the default) and
pyzbar (libzbar).

Formats are restricted (Code 128 and QR unless asked otherwise) because an unrestricted search
is many times slower and, with libzbar, floods stderr with warnings on text pages (LESSONS.md,
Scanning and barcodes). Page regions, given as fractions of the page, are searched before the
whole page: the control sheet's codes sit in its top band, or its bottom band upside down.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal

from PIL import Image

from counter_app.domain.text import nfc
from counter_app.scanning.errors import EngineUnavailable

Engine = Literal["zxing", "zbar"]
ENGINES: tuple[Engine, ...] = ("zxing", "zbar")
CODE128 = "Code128"
QR = "QRCode"
CODE39 = "Code39"
FORMATS = (CODE128, QR, CODE39)
DEFAULT_FORMATS = (CODE128, QR)


@dataclass(frozen=True, slots=True)
class Barcode:
    """A decoded symbol: its text (NFC), format (`CODE128`, `QR`, `CODE39`), bounding box in
    pixels of the whole image (left, top, right, bottom), and how far it is turned clockwise
    (0, 90, 180 or 270 degrees: 180 on a page fed upside down)."""

    text: str
    format: str
    box: tuple[int, int, int, int]
    orientation: int = 0


@dataclass(frozen=True, slots=True)
class Region:
    """A part of the page as fractions of its width and height (0 to 1)."""

    left: float
    top: float
    right: float
    bottom: float

    def crop_box(self, width: int, height: int) -> tuple[int, int, int, int]:
        return (
            max(0, int(self.left * width)),
            max(0, int(self.top * height)),
            min(width, round(self.right * width)),
            min(height, round(self.bottom * height)),
        )


# Where the control sheet (form 5) prints its Code 128 and QR: the top band when the page is
# upright, the bottom band when it was fed upside down. Separator sheets follow the same rule.
SHEET_REGIONS = (Region(0.0, 0.0, 1.0, 0.38), Region(0.0, 0.62, 1.0, 1.0))


def read_barcodes(
    image: Image.Image,
    *,
    formats: Sequence[str] = DEFAULT_FORMATS,
    region: Region | Sequence[Region] | None = None,
    engine: Engine = "zxing",
) -> list[Barcode]:
    """Return the barcodes of `formats` found on `image`, each text once per format.

    The regions (if any) are searched in order, and the search stops as soon as a code of
    every format asked for is found (the control sheet's Code 128 and QR in its top band);
    otherwise the whole page is searched too. Raises EngineUnavailable when the engine's
    library is missing, ValueError for an unknown engine or format."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"unsupported barcode formats: {unknown}")
    decode = _ENGINES.get(engine)
    if decode is None:
        raise ValueError(f"unknown barcode engine {engine!r}; use one of {ENGINES}")
    gray = image if image.mode == "L" else image.convert("L")
    regions = [region] if isinstance(region, Region) else list(region or ())
    found: list[Barcode] = []
    for r in regions:
        box = r.crop_box(gray.width, gray.height)
        if box[2] - box[0] < 8 or box[3] - box[1] < 8:
            continue
        found += [_shift(b, box[0], box[1]) for b in decode(gray.crop(box), tuple(formats))]
        if {b.format for b in found} >= set(formats):
            return _unique(found)
    return _unique([*found, *decode(gray, tuple(formats))])


def available_engines() -> dict[str, str]:
    """Return each engine's name mapped to "" when it works here, else the reason it does not."""
    out: dict[str, str] = {}
    for name in ENGINES:
        try:
            _ENGINE_MODULES[name]()
            out[name] = ""
        except EngineUnavailable as exc:
            out[name] = exc.message
    return out


def _shift(b: Barcode, dx: int, dy: int) -> Barcode:
    left, top, right, bottom = b.box
    return Barcode(b.text, b.format, (left + dx, top + dy, right + dx, bottom + dy), b.orientation)


def _unique(found: list[Barcode]) -> list[Barcode]:
    seen: set[tuple[str, str]] = set()
    out = []
    for b in found:
        if (b.text, b.format) not in seen:
            seen.add((b.text, b.format))
            out.append(b)
    return out


def _text(raw: str) -> str:
    return nfc(raw).strip()


# --- zxing-cpp --------------------------------------------------------------------------------


def _zxing_module() -> Any:
    try:
        import zxingcpp
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise EngineUnavailable(f"Chưa cài zxing-cpp / zxing-cpp is not installed: {exc}") from None
    return zxingcpp


def _zxing(image: Image.Image, formats: tuple[str, ...]) -> list[Barcode]:
    zx = _zxing_module()
    names = {CODE128: zx.BarcodeFormat.Code128, QR: zx.BarcodeFormat.QRCode}
    names[CODE39] = zx.BarcodeFormat.Code39
    wanted = [names[f] for f in formats]
    back = {v: k for k, v in names.items()}
    out = []
    for r in zx.read_barcodes(image, formats=wanted):
        fmt = back.get(r.format)
        if fmt is None or not r.valid:
            continue
        p = r.position
        xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
        ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
        turn = round(r.orientation / 90) * 90 % 360
        out.append(Barcode(_text(r.text), fmt, (min(xs), min(ys), max(xs), max(ys)), turn))
    return out


# --- pyzbar (libzbar) -------------------------------------------------------------------------

_ZBAR_TURN = {"UP": 0, "RIGHT": 90, "DOWN": 180, "LEFT": 270}
_stderr_lock = threading.Lock()


def _zbar_module() -> Any:
    try:
        from pyzbar import pyzbar
    except (ImportError, OSError) as exc:  # the wheel finds no libzbar shared library
        raise EngineUnavailable(
            "Không dùng được libzbar (cài gói libzbar0) / libzbar is not available "
            f"(install libzbar0): {exc}"
        ) from None
    return pyzbar


@contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Send the C library's writes to stderr (fd 2) to the null device for the duration.

    libzbar prints assertion warnings straight to fd 2 (LESSONS.md), where Python cannot catch
    them. The redirection is process-wide, hence the lock; batch decoding runs in worker
    processes, so the window's own stderr is never silenced for long."""
    with _stderr_lock:
        try:
            sys.stderr.flush()
        except (AttributeError, OSError, ValueError):
            pass
        try:
            saved = os.dup(2)
        except OSError:  # no fd 2 at all (a GUI started without a console)
            yield
            return
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, 2)
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            os.close(devnull)


def _zbar(image: Image.Image, formats: tuple[str, ...]) -> list[Barcode]:
    pyzbar = _zbar_module()
    symbols = {CODE128: pyzbar.ZBarSymbol.CODE128, QR: pyzbar.ZBarSymbol.QRCODE}
    symbols[CODE39] = pyzbar.ZBarSymbol.CODE39
    back = {"CODE128": CODE128, "QRCODE": QR, "CODE39": CODE39}
    with _quiet_stderr():
        found = pyzbar.decode(image, symbols=[symbols[f] for f in formats])
    out = []
    for r in found:
        fmt = back.get(r.type)
        if fmt is None:
            continue
        try:
            text = r.data.decode("utf-8")
        except UnicodeDecodeError:
            text = r.data.decode("latin-1")
        left, top, width, height = r.rect
        turn = _ZBAR_TURN.get(getattr(r, "orientation", None) or "UP", 0)
        out.append(Barcode(_text(text), fmt, (left, top, left + width, top + height), turn))
    return out


_ENGINES = {"zxing": _zxing, "zbar": _zbar}
_ENGINE_MODULES = {"zxing": _zxing_module, "zbar": _zbar_module}
