"""Dossier-code patterns, their counter scopes, look-up secrets; statuses; UUIDv7 keys."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.codes import (
    SECRET_ALPHABET,
    CodePattern,
    ledger_scope,
    new_lookup_secret,
)
from counter_app.domain.errors import InvalidInput, NotAllowed
from counter_app.domain.ids import uuid7
from counter_app.domain.status import (
    FINISHING,
    TRANSITIONS,
    Channel,
    Status,
    check_transition,
    parse_status,
)

DAY = date(2023, 10, 27)
UNIT = "000.00.06.H56"


def test_default_pattern_is_the_national_style() -> None:
    p = CodePattern()
    assert (
        p.format(unit=UNIT, procedure="1.004227", day=DAY, seq=361) == "000.00.06.H56-231027-0361"
    )
    assert p.effective_reset() == "day" and p.effective_per() == "unit"


def test_numbers_past_the_padding_grow_wider_never_cut() -> None:
    assert CodePattern().format(unit="U", procedure="P", day=DAY, seq=12345) == "U-231027-12345"


def test_scope_restarts_per_day_and_per_unit_by_default() -> None:
    p = CodePattern()
    a = p.scope(unit=UNIT, procedure="1.1", day=DAY)
    assert a == p.scope(unit=UNIT, procedure="9.9", day=DAY)  # same unit, same day: one counter
    assert a != p.scope(unit=UNIT, procedure="1.1", day=date(2023, 10, 28))
    assert a != p.scope(unit="000.00.07.H56", procedure="1.1", day=DAY)


@pytest.mark.parametrize(
    ("pattern", "reset", "per", "same", "different"),
    [
        # monthly counter per procedure
        ("{procedure}/{yyyyMM}/{seq:5}", "", "", date(2023, 10, 1), date(2023, 11, 1)),
        # yearly counter for the whole center although the code shows the day
        ("TT-{yyMMdd}-{seq:6}", "year", "center", date(2023, 1, 1), date(2024, 1, 1)),
    ],
)
def test_configurable_scopes(pattern, reset, per, same, different) -> None:
    p = CodePattern(pattern, reset=reset, per=per)
    base = p.scope(unit="U1", procedure="1.1", day=DAY)
    assert base == p.scope(unit="U2" if per == "center" else "U1", procedure="1.1", day=same)
    assert base != p.scope(unit="U1", procedure="1.1", day=different)
    if per != "center":
        assert base != p.scope(unit="U1", procedure="2.2", day=DAY)


@pytest.mark.parametrize(
    ("pattern", "reset", "message"),
    [
        ("{unit}-{yyMMdd}", "", "seq"),
        ("{unit}-{seq:4}-{seq:2}", "", "seq"),
        ("{unit}-{ngay}-{seq:4}", "", "ngay"),
        ("{unit}-{seq:4}", "day", "never"),  # a daily restart without a date repeats codes
        ("{unit}-{yy}-{seq:4}", "weekly", "reset"),
    ],
)
def test_bad_patterns_are_refused(pattern, reset, message) -> None:
    with pytest.raises(InvalidInput, match=message):
        CodePattern(pattern, reset=reset)


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    st.integers(1, 10**7),
    st.integers(1, 10**7),
)
def test_distinct_numbers_in_one_scope_give_distinct_codes(day, a, b) -> None:
    p = CodePattern()
    ca = p.format(unit=UNIT, procedure="x", day=day, seq=a)
    cb = p.format(unit=UNIT, procedure="x", day=day, seq=b)
    assert (ca == cb) == (a == b)


def test_lookup_secret_is_readable_aloud() -> None:
    secrets = {new_lookup_secret() for _ in range(200)}
    assert len(secrets) > 190
    for s in secrets:
        assert len(s) == 6 and set(s) <= set(SECRET_ALPHABET)
        assert not set(s) & set("01OIL")
    with pytest.raises(ValueError):
        new_lookup_secret(3)
    assert ledger_scope("SGTVT", DAY) == "ledger|SGTVT|2023"


def test_status_rules() -> None:
    assert parse_status("9") is Status.RESULT_READY
    with pytest.raises(InvalidInput):
        parse_status(11)
    check_transition(Status.RECEIVED, Status.PROCESSING, "")
    with pytest.raises(NotAllowed, match="Đã trả kết quả"):
        check_transition(Status.RECEIVED, Status.RETURNED, "")
    with pytest.raises(InvalidInput, match="lý do"):
        check_transition(Status.PROCESSING, Status.SUPPLEMENT, " ")
    for final in (Status.RETURNED, Status.REFUSED, Status.WITHDRAWN, Status.STOPPED):
        assert not TRANSITIONS[final]
    assert Status.RESULT_READY in FINISHING and Status.WITHDRAWN not in FINISHING
    assert {s.label_vi for s in Status} and all(s in TRANSITIONS for s in Status)
    assert Channel.parse("postal") is Channel.POSTAL and Channel.parse(2) is Channel.ONLINE
    with pytest.raises(InvalidInput, match="Kênh"):
        Channel.parse("fax")


def test_uuid7_keys_are_version_7_and_time_ordered() -> None:
    keys = [uuid7() for _ in range(5000)]
    assert all(k.version == 7 and k.variant == uuid.RFC_4122 for k in keys)
    assert keys == sorted(keys)  # strictly increasing, also within one millisecond
    assert len(set(keys)) == len(keys)
