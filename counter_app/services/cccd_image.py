"""Reading a CCCD QR code from a picture (a photo or scan of the card, a PDF page, a camera
frame saved to a file), for the desk that has no QR scanner at hand. No database."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from counter_app.domain.errors import InvalidInput
from counter_app.scanning.barcodes import QR, read_barcodes
from counter_app.scanning.inputs import PageRef, file_kind, load_page

RENDER_DPI = 300  # a PDF page is rendered, never its embedded JPEG (LESSONS.md)
# A photo from a phone is often 4000 px wide; the QR is found as well at half that, faster.
MAX_SIDE = 2400


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
