"""The CCCD QR payload, ID numbers and phone numbers."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.domain.cccd import CccdData, parse_cccd, validate_id_number, validate_phone
from counter_app.domain.errors import InvalidInput

TODAY = date(2025, 3, 12)
GOOD = "020199001234|082123456|Hoàng Thị Mỹ Linh|15041999|Nữ|Thôn Bản Chắt, xã Hoàng Đồng, TP Lạng Sơn, Lạng Sơn|20072021"
EXPECTED = CccdData(
    id_number="020199001234",
    old_id_number="082123456",
    full_name="Hoàng Thị Mỹ Linh",
    birth_date=date(1999, 4, 15),
    gender="Nữ",
    address="Thôn Bản Chắt, xã Hoàng Đồng, TP Lạng Sơn, Lạng Sơn",
    issue_date=date(2021, 7, 20),
)


def parse(payload: str) -> CccdData:
    return parse_cccd(payload, today=TODAY)


def with_field(index: int, value: str) -> str:
    fields = GOOD.split("|")
    fields[index] = value
    return "|".join(fields)


def test_parse_full_payload() -> None:
    assert parse(GOOD) == EXPECTED


def test_to_json() -> None:
    assert EXPECTED.to_json() == {
        "id_number": "020199001234",
        "old_id_number": "082123456",
        "full_name": "Hoàng Thị Mỹ Linh",
        "birth_date": "1999-04-15",
        "gender": "Nữ",
        "address": "Thôn Bản Chắt, xã Hoàng Đồng, TP Lạng Sơn, Lạng Sơn",
        "issue_date": "2021-07-20",
    }


@pytest.mark.parametrize(
    "payload",
    [
        "\ufeff" + GOOD,
        GOOD + "\r\n",
        GOOD + "\n",
        "\ufeff" + GOOD + "\r",
        "  " + GOOD + " \t",
        unicodedata.normalize("NFD", GOOD),
        GOOD.replace("|Hoàng Thị Mỹ Linh|", "| Hoàng  Thị Mỹ   Linh |"),
    ],
)
def test_scanner_noise_and_nfd(payload: str) -> None:
    data = parse(payload)
    assert data == EXPECTED
    assert unicodedata.is_normalized("NFC", data.full_name)
    assert unicodedata.is_normalized("NFC", data.address)


def test_empty_old_id() -> None:
    assert parse(with_field(1, "")).old_id_number is None
    assert parse(with_field(1, "  ")).old_id_number is None


def test_twelve_digit_old_id_tolerated() -> None:
    assert parse(with_field(1, "020199001111")).old_id_number == "020199001111"


def test_six_fields_without_old_id() -> None:
    fields = GOOD.split("|")
    payload = "|".join(fields[:1] + fields[2:])
    data = parse(payload)
    assert data.old_id_number is None
    assert data.full_name == EXPECTED.full_name
    assert data.issue_date == EXPECTED.issue_date


def test_trailing_fields_ignored() -> None:
    assert parse(GOOD + "|Nguyễn Văn Bố|Trần Thị Mẹ|") == EXPECTED
    fields = GOOD.split("|")
    six_plus = "|".join([*fields[:1], *fields[2:], "extra"])
    assert parse(six_plus).old_id_number is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Nam", "Nam"),
        ("nam", "Nam"),
        ("NAM", "Nam"),
        (" Nam ", "Nam"),
        ("Nữ", "Nữ"),
        ("nữ", "Nữ"),
        ("NỮ", "Nữ"),
        ("nu", "Nữ"),
        ("Nu", "Nữ"),
        (unicodedata.normalize("NFD", "Nữ"), "Nữ"),
    ],
)
def test_gender_forms(raw: str, expected: str) -> None:
    assert parse(with_field(4, raw)).gender == expected


@pytest.mark.parametrize(
    ("payload", "fragment"),
    [
        ("", "không có dữ liệu"),
        ("\ufeff\r\n", "không có dữ liệu"),
        ("020199001234|082123456|Hoàng Thị Mỹ Linh", "ít nhất 6 trường"),
        ("https://example.vn/?q=1", "ít nhất 6 trường"),
        (with_field(0, "02019900123"), "số CCCD phải có 12 chữ số"),
        (with_field(0, "0201990012345"), "số CCCD phải có 12 chữ số"),
        (with_field(0, "02019900123A"), "số CCCD phải có 12 chữ số"),
        (with_field(0, ""), "số CCCD phải có 12 chữ số"),
        (with_field(0, "０２０１９９００１２３４"), "số CCCD phải có 12 chữ số"),
        (with_field(0, "000199001234"), "mã tỉnh 000"),
        (with_field(0, "097199001234"), "mã tỉnh 097"),
        (with_field(1, "12345"), "số CMND cũ"),
        (with_field(1, "08212345X"), "số CMND cũ"),
        (with_field(2, ""), "thiếu họ và tên"),
        (with_field(2, "Linh 2"), "không được chứa chữ số"),
        (with_field(2, "Linh\x00"), "ký tự điều khiển"),
        (with_field(3, "31021999"), "ngày sinh"),
        (with_field(3, "1504199"), "ngày sinh"),
        (with_field(3, "1999-04-15"), "ngày sinh"),
        (with_field(3, "15041899"), "năm sinh 1899"),
        (with_field(3, "13032025"), "ngày sinh ở tương lai"),
        (with_field(4, "Khác"), "giới tính"),
        (with_field(4, ""), "giới tính"),
        (with_field(5, ""), "thiếu nơi thường trú"),
        (with_field(6, "32072021"), "ngày cấp"),
        (with_field(6, "14041999"), "ngày cấp trước ngày sinh"),
        (with_field(6, "13032025"), "ngày cấp ở tương lai"),
        ("x" * 3000, "quá dài"),
    ],
)
def test_invalid_payloads(payload: str, fragment: str) -> None:
    with pytest.raises(InvalidInput) as excinfo:
        parse(payload)
    message = str(excinfo.value)
    assert message.startswith("Mã QR CCCD không hợp lệ: ")
    assert " / Invalid CCCD QR: " in message
    assert fragment in message


def test_issue_on_birth_day_and_today_accepted() -> None:
    assert parse(with_field(6, "15041999")).issue_date == date(1999, 4, 15)
    assert parse(with_field(6, "12032025")).issue_date == TODAY


def test_default_today_is_local_date() -> None:
    assert parse_cccd(GOOD) == EXPECTED


@settings(max_examples=300)
@given(st.text(max_size=200) | st.lists(st.text(max_size=20), max_size=9).map("|".join))
def test_parse_raises_only_invalid_input(payload: str) -> None:
    try:
        data = parse(payload)
    except InvalidInput as e:
        assert e.message.startswith("Mã QR CCCD không hợp lệ")
    else:
        assert len(data.id_number) == 12


digits = st.text(alphabet="0123456789", min_size=8, max_size=8)


@settings(max_examples=200)
@given(st.lists(digits | st.sampled_from(["Nam", "nu", "", "x"]), min_size=6, max_size=8))
def test_parse_field_shaped_noise(fields: list[str]) -> None:
    payload = "|".join(["001099012345", *fields])
    try:
        data = parse(payload)
    except InvalidInput:
        return
    assert data.gender in {"Nam", "Nữ"}
    assert data.birth_date <= data.issue_date <= TODAY


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("001099012345", "001099012345"),
        (" 020 199 001 234 ", "020199001234"),
        ("096000000001", "096000000001"),
    ],
)
def test_validate_id_number(raw: str, expected: str) -> None:
    assert validate_id_number(raw) == expected


@pytest.mark.parametrize(
    "raw", ["", "12345678901", "0010990123456", "00109901234a", "000099012345", "097099012345"]
)
def test_validate_id_number_rejects(raw: str) -> None:
    with pytest.raises(InvalidInput, match="Số CCCD"):
        validate_id_number(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0912345678", "0912345678"),
        ("091 234 5678", "0912345678"),
        ("091.234.5678", "0912345678"),
        ("091-234-5678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("84912345678", "0912345678"),
        ("0084912345678", "0912345678"),
        ("+84 (0) 912 345 678", "0912345678"),
        ("0352345678", "0352345678"),
        ("0562345678", "0562345678"),
        ("0702345678", "0702345678"),
        ("0812345678", "0812345678"),
        ("0983456789", "0983456789"),
        ("(0205) 3812345", "02053812345"),
        ("024 3825 1234", "02438251234"),
        ("+84 24 3825 1234", "02438251234"),
        ("0253812345", "0253812345"),
    ],
)
def test_validate_phone(raw: str, expected: str) -> None:
    assert validate_phone(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "091234567",  # mobile too short
        "09123456789",  # mobile too long
        "0112345678",
        "0412345678",
        "0612345678",
        "1900123456",  # hotline, not a personal number
        "021234567",  # landline too short
        "020123456789",  # landline too long
        "+85512345678",  # not Vietnam
        "09l2345678",
        "abc",
    ],
)
def test_validate_phone_rejects(raw: str) -> None:
    with pytest.raises(InvalidInput, match="Số điện thoại không hợp lệ"):
        validate_phone(raw)
