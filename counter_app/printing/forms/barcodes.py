"""The dossier code as vector barcodes on the forms: QR (drawn from a cached module matrix) and
Code 128 (reportlab's own widget)."""

from __future__ import annotations

from functools import lru_cache
from itertools import groupby

from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from counter_app.domain.text import nfc


@lru_cache(maxsize=64)
def qr_modules(value: str, level: str = "M") -> tuple[tuple[bool, ...], ...]:
    """Return the QR code of `value` as rows of dark (True) / light modules, cached: a receipt
    draws the same code twice and fitting a page may lay it out several times."""
    code = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, level))
    code.addData(value)
    code.make()
    return tuple(tuple(bool(m) for m in row) for row in code.modules)


class QrFlowable(Flowable):
    """A vector QR code `size` points square, its 4-module quiet zone included, drawn as one
    filled path (reportlab's widget makes a shape per module, ten times slower)."""

    def __init__(self, value: str, size: float, level: str = "M", border: int = 4) -> None:
        super().__init__()
        self.value, self.size, self.level, self.border = nfc(value), size, level, border
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        modules = qr_modules(self.value, self.level)
        box = self.size / (len(modules) + 2 * self.border)
        path = self.canv.beginPath()
        for r, row in enumerate(modules):
            y = self.size - (r + self.border + 1) * box
            col = 0
            for dark, run in groupby(row):
                n = len(list(run))
                if dark:
                    path.rect((col + self.border) * box, y, n * box, box)
                col += n
        self.canv.setFillColor(colors.black)
        self.canv.drawPath(path, stroke=0, fill=1)


def qr(value: str, size: float) -> QrFlowable:
    """Return a vector QR code of `value` (NFC), `size` points square, quiet zone included."""
    return QrFlowable(value, size)


def code128(value: str, max_width: float, height: float) -> Code128:
    """Return a Code 128 barcode of `value` (vector, no text under it) with its 10-module quiet
    zones, bars as wide as fits `max_width` between 0.25 mm and 0.4 mm per module."""
    probe = Code128(nfc(value), barWidth=1, barHeight=height, humanReadable=False, quiet=1)
    modules = probe.width  # with barWidth 1 the width is the module count, quiet zones included
    bar = max(0.25 * mm, min(0.4 * mm, max_width / modules))
    return Code128(nfc(value), barWidth=bar, barHeight=height, humanReadable=False, quiet=1)
