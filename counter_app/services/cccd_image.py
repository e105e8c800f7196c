"""Reading a CCCD QR code from a picture (a photo or scan of the card, a PDF page, a camera
frame saved to a file), for the desk that has no QR scanner at hand. No database."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from counter_app.domain.errors import InvalidInput
from counter_app.scanning.barcodes import QR, read_barcodes
from counter_app.scanning.inputs import PageRef, file_kind, load_page

RENDER_DPI = 300  # a PDF page is rendered, never its embedded JPEG (LESSONS.md)
# A photo from a phone is often 4000 px wide; the QR is found as well at half that, faster.
MAX_SIDE = 2400
# A camera frame is decoded a few times a second while the preview runs: 1920×1080 is read as it
# is (a card held up fills a good part of it), larger frames are scaled down to this.
FRAME_MAX_SIDE = 1920


def read_cccd_image(path: str | Path) -> str:
    """Return the text of the CCCD QR code on the first page of the image or PDF at `path`.

    Only a QR whose text has the card's '|'-separated fields is taken; the caller parses it.
    Raises InvalidInput (UnreadableInput) for a file that cannot be read, one without a QR code,
    or one whose QR is not a card's; EngineUnavailable if no barcode engine works here."""
    path = Path(path)
    image, _dpi = load_page(PageRef(str(path), 1, file_kind(path)), RENDER_DPI)
    return read_cccd_qr(image, path.name)


def read_cccd_qr(image: Image.Image, what: str = "ảnh") -> str:
    """Return the CCCD QR payload found on `image` (see `read_cccd_image`)."""
    side = max(image.size)
    if side > MAX_SIDE:
        scale = MAX_SIDE / side
        image = image.resize((round(image.width * scale), round(image.height * scale)))
    found = read_barcodes(image, formats=(QR,))
    if not found:
        raise InvalidInput(
            f"Không thấy mã QR trong {what}: chụp lại rõ hơn, mã QR chiếm phần lớn ảnh / "
            f"No QR code found in {what}: take a sharper picture, closer to the QR code"
        )
    for code in found:
        if "|" in code.text:
            return code.text
    raise InvalidInput(
        f"Mã QR trong {what} không phải mã QR của thẻ căn cước / "
        f"The QR code in {what} is not an ID card's"
    )


def read_cccd_frame(frame: np.ndarray | Image.Image) -> str | None:
    """Return the CCCD QR payload seen in one camera frame, or None when there is none (yet).

    `frame`: a picture, or a uint8 array of shape (h, w) (gray), (h, w, 3) (RGB or BGR) or
    (h, w, 4) (alpha or padding last: RGBA, BGRA, a little-endian QImage RGB32). Only a QR
    with the card's '|'-separated fields is returned; the caller parses it. A live preview calls
    this again on the next frame, so no QR is an answer, not an error. Raises ValueError for an
    array of another shape or type, EngineUnavailable if no barcode engine works here."""
    image = frame if isinstance(frame, Image.Image) else _frame_image(frame)
    side = max(image.size)
    if side > FRAME_MAX_SIDE:
        scale = FRAME_MAX_SIDE / side
        image = image.resize((round(image.width * scale), round(image.height * scale)))
    for code in read_barcodes(image, formats=(QR,)):
        if "|" in code.text:
            return code.text
    return None


def _frame_image(frame: np.ndarray) -> Image.Image:
    if frame.dtype != np.uint8 or frame.ndim not in (2, 3):
        raise ValueError(
            f"a camera frame is a uint8 array (h, w[, c]), not {frame.dtype} {frame.shape}"
        )
    if frame.ndim == 2:
        return Image.fromarray(np.ascontiguousarray(frame))
    channels = frame.shape[2]
    if channels not in (3, 4):
        raise ValueError(f"a camera frame has 1, 3 or 4 channels, not {channels}")
    # The mean of the colour channels: whichever their order, black stays black and white white.
    gray = frame[:, :, :3].mean(axis=2, dtype=np.float32).astype(np.uint8)
    return Image.fromarray(gray)
