"""The chip ID card (CCCD) QR payload, and the ID number and phone rules of applicant intake."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from counter_app.domain.errors import InvalidInput
from counter_app.domain.text import fold, nfc

_QR_VI = "Mã QR CCCD không hợp lệ"
_QR_EN = "Invalid CCCD QR"
_MAX_PAYLOAD = 2000  # a real payload is ~150 characters; anything far longer is not a card

_ID_RE = re.compile(r"[0-9]{12}")
_OLD_ID_RE = re.compile(r"[0-9]{9}|[0-9]{12}")
_DATE_RE = re.compile(r"[0-9]{8}")
_ID_SEPARATORS = re.compile(r"\s+")
_PHONE_SEPARATORS = re.compile(r"[\s.\-()]+")
_MOBILE_RE = re.compile(r"0[35789][0-9]{8}")
_LANDLINE_RE = re.compile(r"02[0-9]{8,9}")
_GENDERS = {"nam": "Nam", "nu": "Nữ"}
_BIRTH_YEAR_MIN = 1900
_PROVINCE_MAX = 96  # the first three digits are the province of birth registration, 001–096


@dataclass(frozen=True, slots=True)
class CccdData:
    """The applicant fields read from a CCCD QR; every text is NFC."""

    id_number: str
    old_id_number: str | None
    full_name: str
    birth_date: date
    gender: str  # exactly "Nam" or "Nữ"
    address: str
    issue_date: date

    def to_json(self) -> dict[str, str | None]:
        """Return the fields as a JSON-ready dict, dates as YYYY-MM-DD."""
        return {
            "id_number": self.id_number,
            "old_id_number": self.old_id_number,
            "full_name": self.full_name,
            "birth_date": self.birth_date.isoformat(),
            "gender": self.gender,
            "address": self.address,
            "issue_date": self.issue_date.isoformat(),
        }


def _qr_error(vi: str, en: str) -> InvalidInput:
    return InvalidInput(f"{_QR_VI}: {vi} / {_QR_EN}: {en}")


def _province_ok(number: str) -> bool:
    return 1 <= int(number[:3]) <= _PROVINCE_MAX


def validate_id_number(s: str) -> str:
    """Return the 12-digit CCCD number in `s` (spaces allowed between digit groups).

    Raises InvalidInput unless it is 12 digits whose first three are a province code 001–096.
    """
    number = _ID_SEPARATORS.sub("", nfc(s))
    if not _ID_RE.fullmatch(number):
        raise InvalidInput("Số CCCD phải có 12 chữ số / The CCCD number must have 12 digits")
    if not _province_ok(number):
        raise InvalidInput(
            f"Số CCCD không hợp lệ: mã tỉnh {number[:3]} phải từ 001 đến 096"
            f" / Invalid CCCD number: province code {number[:3]} must be 001 to 096"
        )
    return number


def validate_phone(s: str) -> str:
    """Return a Vietnamese phone number as digits starting with 0 ("+84 912.345.678" → 0912345678).

    Accepts a +84/84/0084 prefix and spaces, dots, dashes and parentheses. Mobiles are 10 digits
    starting 03, 05, 07, 08 or 09; landlines 10–11 digits starting 02. Raises InvalidInput else.
    """
    number = _PHONE_SEPARATORS.sub("", nfc(s))
    for prefix in ("+84", "0084", "84"):
        if number.startswith(prefix):
            number = number[len(prefix) :]
            number = number if number.startswith("0") else "0" + number  # "+84 (0)912…"
            break
    if _MOBILE_RE.fullmatch(number) or _LANDLINE_RE.fullmatch(number):
        return number
    raise InvalidInput(
        "Số điện thoại không hợp lệ: di động 10 số bắt đầu bằng 03, 05, 07, 08, 09;"
        " cố định 10–11 số bắt đầu bằng 02"
        " / Invalid phone number: mobiles have 10 digits starting 03, 05, 07, 08 or 09;"
        " landlines 10–11 digits starting 02"
    )


def _parse_date(value: str, what_vi: str, what_en: str) -> date:
    if _DATE_RE.fullmatch(value):
        try:
            return date(int(value[4:]), int(value[2:4]), int(value[:2]))
        except ValueError:
            pass
    raise _qr_error(
        f"{what_vi} phải là ngày có thật, viết ddMMyyyy, nhận được {value!r}",
        f"the {what_en} must be a real date written ddMMyyyy, got {value!r}",
    )


def _text(value: str, what_vi: str, what_en: str) -> str:
    if not value:
        raise _qr_error(f"thiếu {what_vi}", f"the {what_en} is missing")
    if any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in value):
        raise _qr_error(
            f"{what_vi} chứa ký tự điều khiển", f"the {what_en} contains control characters"
        )
    return value


def _split_fields(payload: str) -> list[str]:
    """Return the fields of the 7-field layout, with "" as old id for 6-field cards."""
    if len(payload) > _MAX_PAYLOAD:
        raise _qr_error("dữ liệu quá dài", "the payload is too long")
    # Scanners add a BOM and a trailing CR/LF; nfc removes both.
    fields = [nfc(f) for f in payload.split("|")]
    if fields == [""]:
        raise _qr_error("không có dữ liệu", "the payload is empty")
    if len(fields) < 6:
        raise _qr_error(
            f"cần ít nhất 6 trường ngăn cách bởi '|', nhận được {len(fields)}",
            f"expected at least 6 fields separated by '|', got {len(fields)}",
        )
    # 6-field cards have no old id: the birth date is then the third field, not the fourth.
    # Fields past the seventh (newer cards) are ignored.
    if len(fields) == 6 or (_DATE_RE.fullmatch(fields[2]) and not _DATE_RE.fullmatch(fields[3])):
        fields.insert(1, "")
    return fields[:7]


def parse_cccd(payload: str, *, today: date | None = None) -> CccdData:
    """Parse the text of a CCCD QR code: `id|old_id|name|ddMMyyyy|gender|address|ddMMyyyy`.

    `today` (default: the local date) bounds the birth and issue dates. Returns every field or
    raises InvalidInput naming the first wrong one; never partial data.
    """
    today = today or date.today()
    id_raw, old_raw, name, birth_raw, gender_raw, address, issue_raw = _split_fields(payload)

    if not _ID_RE.fullmatch(id_raw):
        raise _qr_error("số CCCD phải có 12 chữ số", "the ID number must have 12 digits")
    if not _province_ok(id_raw):
        raise _qr_error(
            f"mã tỉnh {id_raw[:3]} của số CCCD phải từ 001 đến 096",
            f"the ID number's province code {id_raw[:3]} must be 001 to 096",
        )
    if old_raw and not _OLD_ID_RE.fullmatch(old_raw):
        raise _qr_error(
            "số CMND cũ phải có 9 (hoặc 12) chữ số", "the old ID number must have 9 (or 12) digits"
        )

    full_name = _text(name, "họ và tên", "full name")
    if any(c.isdigit() for c in full_name):
        raise _qr_error("họ và tên không được chứa chữ số", "the full name must not contain digits")
    gender = _GENDERS.get(fold(gender_raw))
    if gender is None:
        raise _qr_error(
            f"giới tính phải là 'Nam' hoặc 'Nữ', nhận được {gender_raw!r}",
            f"the gender must be 'Nam' or 'Nữ', got {gender_raw!r}",
        )
    address = _text(address, "nơi thường trú", "address")

    birth = _parse_date(birth_raw, "ngày sinh", "birth date")
    if birth > today:
        raise _qr_error("ngày sinh ở tương lai", "the birth date is in the future")
    if birth.year < _BIRTH_YEAR_MIN:
        raise _qr_error(
            f"năm sinh {birth.year} không hợp lý", f"the birth year {birth.year} is implausible"
        )
    issue = _parse_date(issue_raw, "ngày cấp", "issue date")
    if issue < birth:
        raise _qr_error("ngày cấp trước ngày sinh", "the issue date is before the birth date")
    if issue > today:
        raise _qr_error("ngày cấp ở tương lai", "the issue date is in the future")

    return CccdData(
        id_number=id_raw,
        old_id_number=old_raw or None,
        full_name=full_name,
        birth_date=birth,
        gender=gender,
        address=address,
        issue_date=issue,
    )
