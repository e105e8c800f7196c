"""What the hall display says aloud when a ticket is called: one Vietnamese sentence whose
number a speech engine cannot mangle (issue 7, part 4; LESSONS.md, Queue).

Engines read "A023" as "a hai mươi ba" or spell it in English; the sentence spells the ticket
character by character in Vietnamese words instead ("A không hai ba"), and reads the desk number
as a number ("quầy số mười lăm"), which is how a hall says it.
"""

from __future__ import annotations

from counter_app.domain.text import nfc

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")

# How a Vietnamese speaker names each letter of a ticket prefix (the names taught in school).
LETTERS = {
    "A": "A",
    "B": "bê",
    "C": "xê",
    "D": "dê",
    "Đ": "đê",
    "E": "e",
    "F": "ép",
    "G": "giê",
    "H": "hát",
    "I": "i",
    "J": "gi",
    "K": "ca",
    "L": "e lờ",
    "M": "em mờ",
    "N": "en nờ",
    "O": "o",
    "P": "pê",
    "Q": "quy",
    "R": "e rờ",
    "S": "ét xì",
    "T": "tê",
    "U": "u",
    "V": "vê",
    "W": "vê kép",
    "X": "ích xì",
    "Y": "i dài",
    "Z": "dét",
}


def spell_ticket(display: str) -> str:
    """Return the ticket `display` spelled in Vietnamese words, one per character: "A023" →
    "A không hai ba"; "A-3·017" (an offline desk's ticket) → "A, ba, không một bảy".

    Separators become a pause (a comma); other characters are left out."""
    words: list[str] = []
    for ch in nfc(display).strip().upper():
        if ch.isdigit() and ch.isascii():
            words.append(DIGITS[int(ch)])
        elif ch in LETTERS:
            words.append(LETTERS[ch])
        elif words and not words[-1].endswith(","):
            words[-1] += ","
    return " ".join(words).rstrip(",")


def number_words(n: int) -> str:
    """Return the whole number `n` (0 ≤ n < 1000) in Vietnamese words as spoken: 5 → "năm",
    15 → "mười lăm", 21 → "hai mươi mốt", 24 → "hai mươi tư", 105 → "một trăm linh năm".

    Raises ValueError outside that range."""
    if not 0 <= n < 1000:
        raise ValueError(f"number out of range: {n}")
    if n < 10:
        return DIGITS[n]
    hundreds, rest = divmod(n, 100)
    if hundreds:
        head = f"{DIGITS[hundreds]} trăm"
        if rest == 0:
            return head
        if rest < 10:
            return f"{head} linh {DIGITS[rest]}"
        return f"{head} {number_words(rest)}"
    tens, units = divmod(n, 10)
    head = "mười" if tens == 1 else f"{DIGITS[tens]} mươi"
    if units == 0:
        return head
    if units == 5:
        unit = "lăm"
    elif units == 1 and tens > 1:
        unit = "mốt"
    elif units == 4 and tens > 1:
        unit = "tư"
    else:
        unit = DIGITS[units]
    return f"{head} {unit}"


def call_sentence(display: str, desk_number: int) -> str:
    """Return what the hall hears for ticket `display` called to desk `desk_number`:
    "Mời số A không hai ba đến quầy số năm"."""
    return f"Mời số {spell_ticket(display)} đến quầy số {number_words(desk_number)}"


def call_caption(display: str, desk_number: int) -> str:
    """Return the same call as written on the screen: "Mời số A023 đến quầy số 5"."""
    return f"Mời số {nfc(display).strip()} đến quầy số {desk_number}"
