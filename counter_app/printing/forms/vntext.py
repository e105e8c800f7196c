"""Vietnamese wording for the forms: dates and times, amounts, numbers in words, markup escaping."""

from __future__ import annotations

from datetime import date, datetime
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from counter_app.domain.calendar import CENTER_TZ
from counter_app.domain.text import nfc

LOCAL_TZ = ZoneInfo(CENTER_TZ)
BLANK = "…………………"  # a dotted space left to be filled in by hand
BLANK_TIME = "…… giờ …… phút, ngày …… tháng …… năm ………"


def esc(text: object) -> str:
    """Return `text` NFC-normalized (whitespace runs made one space) and escaped for markup."""
    return escape(nfc(str(text)))


def val(text: object, blank: str = BLANK) -> str:
    """Return `esc(text)`, or a dotted blank to fill in by hand when the text is empty."""
    s = esc(text)
    return s if s else blank


def local(t: datetime) -> datetime:
    """Return `t` in the center's zone; a naive `t` is taken as local wall time already."""
    return t.astimezone(LOCAL_TZ) if t.tzinfo is not None else t


def vn_date(d: date) -> str:
    """Return "ngày dd tháng MM năm yyyy" (the date line of administrative documents)."""
    return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def vn_datetime(t: datetime | None) -> str:
    """Return "HH giờ mm phút, ngày dd tháng MM năm yyyy" in local time, or a blank to fill."""
    if t is None:
        return BLANK_TIME
    t = local(t)
    return f"{t.hour:02d} giờ {t.minute:02d} phút, {vn_date(t.date())}"


def short_datetime(t: datetime | None) -> str:
    """Return "HH:mm dd/MM/yyyy" in local time for table cells, or "" for None."""
    if t is None:
        return ""
    t = local(t)
    return f"{t:%H:%M %d/%m/%Y}"


def money(amount: int) -> str:
    """Return integer đồng with dots between thousands: 1500000 -> "1.500.000 đồng"."""
    return f"{amount:,}".replace(",", ".") + " đồng"


_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_SCALES = ("", "nghìn", "triệu", "tỷ")


def _below_thousand(n: int, full: bool) -> str:
    """Words for 0 < n < 1000; `full` writes the hundreds even when zero ("không trăm")."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [_DIGITS[tens], "mươi"]
    if units:
        if units == 1 and tens > 1:
            words.append("mốt")
        elif units == 5 and tens > 0:
            words.append("lăm")
        elif units == 4 and tens > 1:
            words.append("tư")
        else:
            words.append(_DIGITS[units])
    return " ".join(words)


def number_words(n: int) -> str:
    """Return `n` (0 ≤ n < 10^12) in Vietnamese words: 21 -> "hai mươi mốt", 105 -> "một trăm
    linh năm". Raises ValueError outside that range."""
    if not 0 <= n < 10**12:
        raise ValueError(f"number out of range: {n}")
    if n == 0:
        return _DIGITS[0]
    groups: list[int] = []
    while n:
        groups.append(n % 1000)
        n //= 1000
    words: list[str] = []
    for i in range(len(groups) - 1, -1, -1):
        if groups[i]:
            # Inner groups read in full: 1005 is "một nghìn không trăm linh năm".
            words.append(_below_thousand(groups[i], full=i < len(groups) - 1))
            words.append(_SCALES[i])
    return " ".join(w for w in words if w)
