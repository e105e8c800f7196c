"""What a scanned barcode is: a CCCD QR payload, a dossier code, or text garbled by a Vietnamese
input method. Plain Python (no Qt), so the rules are tested on their own."""

from __future__ import annotations

import enum
import re
import unicodedata

from counter_app.domain.text import nfc


class ScanKind(enum.Enum):
    CCCD = "cccd"  # the chip ID card's QR: fields separated by "|"
    DOSSIER_CODE = "dossier_code"
    GARBLED = "garbled"  # a code that went through Unikey/Telex: Vietnamese letters in it
    OTHER = "other"


# Any pattern of codes.py gives letters, digits and separators, at least a few digits
# ("000.00.06.H56-250312-0001", "H39/2025/000123").
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9./_-]{4,79}")


def _has_vietnamese_letter(text: str) -> bool:
    """True if a letter carries a mark or is đ/Đ: what Telex/VNI make of ASCII keystrokes."""
    for ch in text:
        if ch.isascii():
            continue
        if ch in "đĐ" or (ch.isalpha() and unicodedata.decomposition(ch)):
            return True
        if unicodedata.category(ch) == "Mn":  # a lone combining tone mark
            return True
    return False


def classify_scan(text: str) -> ScanKind:
    """Return what the scanned `text` looks like (NFC-normalized first)."""
    t = nfc(text)
    if "|" in t:
        return ScanKind.CCCD
    if _has_vietnamese_letter(t):
        return ScanKind.GARBLED
    if _CODE.fullmatch(t) and sum(ch.isdigit() for ch in t) >= 3:
        return ScanKind.DOSSIER_CODE
    return ScanKind.OTHER
