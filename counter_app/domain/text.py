"""Vietnamese text: NFC at input boundaries, and diacritic folding for search."""

from __future__ import annotations

import re
import unicodedata

# A dot survives folding only between two digits, as in procedure codes ("1.004227").
_LONE_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")
# Anything that is not a letter or digit (nor a dot, handled above) separates words.
_NON_WORD = re.compile(r"[^\w.]|_")

# Stroke letters have no Unicode decomposition, so NFD leaves them alone. U+00D0/U+00F0
# (Icelandic eth) is a common mistype of Đ/đ in legacy Vietnamese text.
_STROKES = str.maketrans({"đ": "d", "ð": "d", "ɖ": "d"})
# A scanner's BOM and zero-width spaces are not text: dropped, never a word break.
_INVISIBLE = {0xFEFF: None, 0x200B: None}


def nfc(s: str) -> str:
    """Return `s` NFC-normalized, without BOM/zero-width spaces, whitespace runs made one space.

    Use at every boundary where text enters (keyboard, scanner, QR, file, database).
    """
    if "\ufeff" in s or "\u200b" in s:
        s = s.translate(_INVISIBLE)
    return " ".join(unicodedata.normalize("NFC", s).split())


def _fold_slow(s: str) -> str:
    """Fold any text: the reference for `fold`, used when the fast table does not cover `s`.

    NFD first, so that canonically equivalent inputs (NFC or NFD) give the same result.
    """
    t = unicodedata.normalize("NFD", unicodedata.normalize("NFD", s).lower())
    t = "".join(c for c in t if unicodedata.category(c) != "Mn")
    t = t.translate(_STROKES).translate(_INVISIBLE)
    t = _NON_WORD.sub(" ", t)
    if "." in t:
        t = _LONE_DOT.sub(" ", t)
    return " ".join(t.split())


def _build_table() -> dict[int, str | None]:
    """Map each Latin letter with marks, each combining mark and each punctuation mark below
    U+2070 to its folded ASCII form; `fold` then needs one `str.translate` for Vietnamese."""
    table: dict[int, str | None] = {}
    ranges = [range(0x250), range(0x300, 0x370), range(0x1E00, 0x1F00), range(0x2000, 0x2070)]
    for cp in (cp for r in ranges for cp in r):
        c = chr(cp)
        if c == "." or (c.isascii() and c.isalnum()):
            continue  # dots need their neighbours; ASCII letters are lowered before translating
        if unicodedata.category(c) == "Mn":
            table[cp] = None
            continue
        folded = _fold_slow(c) or " "
        if folded.isascii() and len(folded) == 1:
            table[cp] = folded
    table.update(_INVISIBLE)
    return table


_TABLE = _build_table()


def fold(s: str) -> str:
    """Return `s` folded for search: lowercase ASCII words without Vietnamese diacritics.

    "Cấp Giấy phép (lái xe)" → "cap giay phep lai xe"; đ/Đ → d; punctuation becomes a word break
    except a dot between digits ("1.004227" stays). NFD and NFC input fold alike; idempotent.
    """
    t = s.lower().translate(_TABLE)
    if not t.isascii():
        return _fold_slow(s)  # letters outside Vietnamese/Latin: rare, so the slow path is fine
    if "." in t:
        t = _LONE_DOT.sub(" ", t)
    return " ".join(t.split())


def initials(s: str) -> str:
    """Return the first letter of each folded word: "cấp giấy phép lái xe" → "cgplx"."""
    return "".join(w[0] for w in fold(s).split())


def lower_words(s: str) -> list[str]:
    """Return the words of `s` lowercased with their diacritics kept, split as `fold` splits.

    Used to reward matches that respect the diacritics a user typed ("lái" vs "lãi").
    """
    t = _NON_WORD.sub(" ", nfc(s).lower())
    if "." in t:
        t = _LONE_DOT.sub(" ", t)
    return t.split()
