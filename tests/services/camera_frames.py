"""Pictures that look like a document camera's frames: a citizen ID card with its QR code, held
slightly askew over a desk, with the sensor's noise and a little blur. The QR is drawn by the
project's own QR writer (`counter_app.printing.raster.qr_matrix`), so the tests decode real
pixels of a real code. Importable by name (tests/gui uses it too)."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from counter_app.printing.raster import qr_matrix

FRAME = (1280, 720)  # a common camera mode
CARD = (520, 330)  # ~85.6 × 54 mm at ~6 px/mm: a card close under the camera


def card_image(payload: str, module_px: int = 4) -> Image.Image:
    """Return the front of a card: a coloured band, lines of "text", the QR at the right."""
    card = Image.new("RGB", CARD, (232, 238, 230))
    draw = ImageDraw.Draw(card)
    draw.rectangle((0, 0, CARD[0], 46), fill=(196, 48, 43))
    for n in range(6):
        y = 80 + n * 34
        draw.rectangle((24, y, 24 + 170 - (n % 3) * 30, y + 12), fill=(70, 70, 80))
    qr = qr_matrix(payload)
    side = qr.width * module_px
    qr = qr.resize((side, side), Image.Resampling.NEAREST)
    quiet = 3 * module_px
    x, y = CARD[0] - side - quiet - 12, CARD[1] - side - quiet - 10
    draw.rectangle((x - quiet, y - quiet, x + side + quiet, y + side + quiet), fill=(255, 255, 255))
    card.paste(qr.convert("RGB"), (x, y))
    return card


def camera_frame(
    payload: str | None, *, angle: float = 7.0, noise: float = 9.0, seed: int = 4
) -> np.ndarray:
    """Return an RGB uint8 frame (720, 1280, 3): a desk, the card of `payload` (none for None)
    turned by `angle` degrees, a slight blur, and Gaussian noise of `noise` grey levels."""
    rng = np.random.default_rng(seed)
    w, h = FRAME
    # A desk: a brown wood-like gradient with darker streaks.
    xs = np.linspace(0, 1, w, dtype=np.float32)[None, :]
    ys = np.linspace(0, 1, h, dtype=np.float32)[:, None]
    streaks = 12 * np.sin(ys * 90 + np.sin(xs * 7) * 3)
    base = 120 + 30 * xs - 20 * ys + streaks
    desk = np.stack([base + 25, base, base - 35], axis=2).clip(0, 255).astype(np.uint8)
    frame = Image.fromarray(desk)
    if payload is not None:
        card = card_image(payload).convert("RGBA")
        turned = card.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
        frame.paste(turned, ((w - turned.width) // 2 + 60, (h - turned.height) // 2), turned)
    frame = frame.filter(ImageFilter.GaussianBlur(0.7))
    pixels = np.asarray(frame, dtype=np.float32) + rng.normal(0, noise, (h, w, 3))
    return pixels.clip(0, 255).astype(np.uint8)
