"""Tests of the working calendar and due-time engine (DOMAIN.md "Due time")."""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.domain.calendar import (
    DEFAULT_SESSIONS,
    CalendarEntry,
    CalendarEntryKind,
    WorkingCalendar,
    parse_sessions,
)
from counter_app.domain.catalog import Duration, DurationUnit
from counter_app.domain.errors import InvalidInput

VN = ZoneInfo("Asia/Ho_Chi_Minh")
CAL = WorkingCalendar()

WD = DurationUnit.WORKING_DAYS
WH = DurationUnit.WORKING_HOURS
CD = DurationUnit.CALENDAR_DAYS


def at(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=VN)


def due(received: datetime, unit: DurationUnit, amount: float, cal: WorkingCalendar = CAL):
    return cal.due_time(received, Duration(unit, amount))


def same_day(received: datetime, cutoff: time = time(15, 0), cal: WorkingCalendar = CAL):
    return cal.due_time(received, Duration(WD, 0, same_day_cutoff=cutoff))


# ------------------------------------------------------------------ DOMAIN.md examples


def test_domain_example_one_working_day():
    assert due(at(2025, 3, 12, 10), WD, 1) == at(2025, 3, 13, 10)


def test_domain_example_four_hours_over_weekend():
    assert due(at(2025, 3, 14, 16), WH, 4) == at(2025, 3, 17, 10)


def test_domain_example_saturday_reception_ends_at_session_end():
    assert due(at(2025, 3, 15, 8), WD, 2) == at(2025, 3, 18, 17, 30)


# ------------------------------------------------------------------ clock start and boundaries


@pytest.mark.parametrize(
    ("received", "hours", "expected"),
    [
        (at(2025, 3, 12, 7, 30), 4, at(2025, 3, 12, 11, 30)),  # a session exactly
        (at(2025, 3, 12, 7, 30), 8, at(2025, 3, 12, 17, 30)),  # a day exactly, same day
        (at(2025, 3, 12, 11, 30), 1, at(2025, 3, 12, 14, 30)),  # at the morning's end
        (at(2025, 3, 12, 13, 30), 1, at(2025, 3, 12, 14, 30)),  # at the afternoon's start
        (at(2025, 3, 12, 17, 30), 1, at(2025, 3, 13, 8, 30)),  # at closing
        (at(2025, 3, 12, 12, 0), 1, at(2025, 3, 12, 14, 30)),  # lunch break
        (at(2025, 3, 12, 6, 0), 1, at(2025, 3, 12, 8, 30)),  # before opening
        (at(2025, 3, 12, 19, 0), 1, at(2025, 3, 13, 8, 30)),  # after closing
        (at(2025, 3, 16, 10, 0), 1, at(2025, 3, 17, 8, 30)),  # Sunday
        (at(2025, 3, 12, 10, 0), 3, at(2025, 3, 12, 15, 0)),  # crossing lunch
        (at(2025, 3, 12, 10, 0), 1.5, at(2025, 3, 12, 11, 30)),  # landing on lunch: 11:30
        (at(2025, 3, 10, 16, 0), 10, at(2025, 3, 12, 8, 0)),  # crossing two nights
        (at(2025, 3, 12, 11, 0), 0.5, at(2025, 3, 12, 11, 30)),
        (at(2025, 3, 12, 11, 0), 0.75, at(2025, 3, 12, 13, 45)),
    ],
)
def test_working_hours(received: datetime, hours: float, expected: datetime):
    assert due(received, WH, hours) == expected


@pytest.mark.parametrize(
    ("received", "days", "expected"),
    [
        (at(2025, 3, 12, 7, 30), 1, at(2025, 3, 12, 17, 30)),  # used up at 17:30, not tomorrow
        (at(2025, 3, 12, 13, 30), 1, at(2025, 3, 13, 11, 30)),
        (at(2025, 3, 12, 17, 30), 1, at(2025, 3, 13, 17, 30)),
        (at(2025, 3, 12, 12, 15), 1, at(2025, 3, 13, 11, 30)),
        (at(2025, 3, 12, 7, 30), 0.5, at(2025, 3, 12, 11, 30)),  # buổi = 4 h
        (at(2025, 3, 12, 10, 0), 0.5, at(2025, 3, 12, 16, 0)),
        (at(2025, 3, 12, 10, 0), 1.5, at(2025, 3, 13, 16, 0)),
        (at(2025, 3, 12, 9, 30), 0.25, at(2025, 3, 12, 11, 30)),  # 2 h → 11:30 exactly
        (at(2025, 3, 12, 10, 0), 5, at(2025, 3, 19, 10, 0)),  # a week
        (at(2025, 3, 12, 10, 0), 15, at(2025, 4, 2, 10, 0)),
        (at(2025, 3, 12, 10, 0), 0, at(2025, 3, 12, 10, 0)),
        (at(2025, 3, 12, 12, 0), 0, at(2025, 3, 12, 13, 30)),  # zero: the clock's start
    ],
)
def test_working_days(received: datetime, days: float, expected: datetime):
    assert due(received, WD, days) == expected


def test_clock_start():
    assert CAL.clock_start(at(2025, 3, 12, 9)) == at(2025, 3, 12, 9)
    assert CAL.clock_start(at(2025, 3, 12, 11, 30)) == at(2025, 3, 12, 13, 30)
    assert CAL.clock_start(at(2025, 3, 14, 17, 30)) == at(2025, 3, 17, 7, 30)
    assert CAL.clock_start(at(2025, 3, 15, 8)) == at(2025, 3, 17, 7, 30)


@pytest.mark.parametrize(
    ("instant", "working"),
    [
        (at(2025, 3, 12, 7, 29), False),
        (at(2025, 3, 12, 7, 30), True),
        (at(2025, 3, 12, 11, 29), True),
        (at(2025, 3, 12, 11, 30), False),
        (at(2025, 3, 12, 13, 29), False),
        (at(2025, 3, 12, 13, 30), True),
        (at(2025, 3, 12, 17, 29), True),
        (at(2025, 3, 12, 17, 30), False),
        (at(2025, 3, 15, 9, 0), False),  # Saturday
        (at(2025, 9, 2, 9, 0), False),  # National Day
    ],
)
def test_is_working_instant(instant: datetime, working: bool):
    assert CAL.is_working_instant(instant) is working


# ------------------------------------------------------------------ public holidays


def test_tet_2025_from_holidays_package():
    names = {d: CAL.holiday_name(d) for d in (date(2025, 1, 27) + timedelta(i) for i in range(6))}
    assert all(names.values()), names
    assert names[date(2025, 1, 29)] == "Tết Nguyên Đán"
    assert names[date(2025, 1, 28)] == "Giao thừa Tết Nguyên Đán"
    # Monday 27/01 is the package's compensation for mùng 4 falling on Saturday 01/02.
    assert names[date(2025, 1, 27)] == "29 Tết"
    off = [date(2025, 1, 25) + timedelta(i) for i in range(9)]  # Sat 25/01 to Sun 02/02
    assert not any(CAL.is_working_day(d) for d in off)
    assert CAL.is_working_day(date(2025, 1, 24))
    assert CAL.is_working_day(date(2025, 2, 3))
    assert CAL.next_working_day(date(2025, 1, 24)) == date(2025, 2, 3)
    assert due(at(2025, 1, 24, 10), WD, 1) == at(2025, 2, 3, 10)


def test_tet_2026_from_holidays_package():
    assert CAL.holiday_name(date(2026, 2, 16)) == "Giao thừa Tết Nguyên Đán"
    assert CAL.holiday_name(date(2026, 2, 17)) == "Tết Nguyên Đán"
    assert CAL.holiday_name(date(2026, 2, 20)) == "Mùng bốn Tết Nguyên Đán"
    off = [date(2026, 2, 14) + timedelta(i) for i in range(9)]  # Sat 14/02 to Sun 22/02
    assert not any(CAL.is_working_day(d) for d in off)
    assert CAL.is_working_day(date(2026, 2, 13))
    assert CAL.is_working_day(date(2026, 2, 23))
    # Fri 15:00 + 4 h: 2.5 h on Friday, 1.5 h after Tết.
    assert due(at(2026, 2, 13, 15), WH, 4) == at(2026, 2, 23, 9, 0)


def test_reunification_and_labour_day_2025_with_swap():
    for d in (date(2025, 4, 30), date(2025, 5, 1), date(2025, 5, 2)):
        assert not CAL.is_working_day(d)
    assert CAL.holiday_name(date(2025, 4, 30)) == "Ngày Chiến thắng"
    assert CAL.holiday_name(date(2025, 5, 1)) == "Ngày Quốc tế Lao động"
    assert CAL.holiday_name(date(2025, 5, 2)) == "Ngày nghỉ (thay cho ngày 26/04/2025)"
    # The Saturday worked in exchange for Friday 02/05 is derived from the package's label.
    assert CAL.is_working_day(date(2025, 4, 26))
    assert CAL.holiday_name(date(2025, 4, 26)) is None
    assert due(at(2025, 4, 29, 10), WD, 1) == at(2025, 5, 5, 10)
    assert due(at(2025, 4, 25, 16), WH, 4) == at(2025, 4, 26, 10)


def test_swap_saturday_not_derived_when_disabled():
    cal = WorkingCalendar(derive_makeup_days=False)
    assert not cal.is_working_day(date(2025, 4, 26))
    assert not cal.is_working_day(date(2025, 5, 2))
    assert cal.rule_version != CAL.rule_version


def test_national_day():
    assert not CAL.is_working_day(date(2025, 9, 1))
    assert not CAL.is_working_day(date(2025, 9, 2))
    assert due(at(2025, 8, 29, 10), WD, 1) == at(2025, 9, 3, 10)
    # 2026: 02/09 is a Wednesday; 01/09 by the National Day rule, 31/08 swapped for 22/08.
    for d in (date(2026, 8, 31), date(2026, 9, 1), date(2026, 9, 2)):
        assert not CAL.is_working_day(d)
    assert CAL.is_working_day(date(2026, 8, 22))
    assert due(at(2026, 8, 28, 10), WD, 1) == at(2026, 9, 3, 10)


def test_swap_across_new_year():
    # 31/12/2018 was off in exchange for Saturday 05/01/2019.
    assert not CAL.is_working_day(date(2018, 12, 31))
    assert CAL.is_working_day(date(2019, 1, 5))


def test_holiday_on_weekend_is_observed_on_monday():
    # Giỗ Tổ Hùng Vương 2026 falls on Sunday 26/04; the package observes it on Monday 27/04.
    assert CAL.holiday_name(date(2026, 4, 26)) == "Ngày Giỗ Tổ Hùng Vương"
    assert not CAL.is_working_day(date(2026, 4, 27))
    assert "nghỉ bù" in (CAL.holiday_name(date(2026, 4, 27)) or "")


def test_without_public_holidays():
    cal = WorkingCalendar(use_public_holidays=False)
    assert cal.is_working_day(date(2025, 9, 2))
    assert cal.holiday_name(date(2025, 9, 2)) is None
    assert cal.rule_version != CAL.rule_version


def test_holiday_name_of_an_instant():
    local_may_day = datetime(2025, 4, 30, 17, 0, tzinfo=UTC)  # 01/05 00:00 in Hà Nội
    assert CAL.holiday_name(local_may_day) == "Ngày Quốc tế Lao động"


def test_plain_days_have_no_name():
    assert CAL.holiday_name(date(2025, 3, 12)) is None  # Wednesday
    assert CAL.holiday_name(date(2025, 3, 15)) is None  # Saturday


# ------------------------------------------------------------------ calendar entries


def test_extra_day_off():
    cal = WorkingCalendar(entries=[CalendarEntry(date(2025, 3, 12), CalendarEntryKind.DAY_OFF)])
    assert not cal.is_working_day(date(2025, 3, 12))
    assert cal.holiday_name(date(2025, 3, 12)) == "Ngày nghỉ theo lịch của Trung tâm"
    assert due(at(2025, 3, 11, 10), WD, 1, cal) == at(2025, 3, 13, 10)


def test_extra_day_off_note_is_its_name():
    entry = CalendarEntry(date(2025, 3, 12), CalendarEntryKind.DAY_OFF, "Bầu cử")
    assert WorkingCalendar(entries=[entry]).holiday_name(date(2025, 3, 12)) == "Bầu cử"


def test_makeup_working_saturday():
    cal = WorkingCalendar(
        entries=[CalendarEntry(date(2025, 3, 15), CalendarEntryKind.WORKING_DAY, "Làm bù")]
    )
    assert cal.is_working_day(date(2025, 3, 15))
    assert cal.next_working_day(date(2025, 3, 14)) == date(2025, 3, 15)
    assert due(at(2025, 3, 14, 16), WH, 4, cal) == at(2025, 3, 15, 10)
    # Saturday 7.5 h (from 08:00), Monday 8 h, Tuesday 0.5 h.
    assert due(at(2025, 3, 15, 8), WD, 2, cal) == at(2025, 3, 18, 8, 0)


def test_working_day_entry_overrides_holiday():
    entry = CalendarEntry(date(2025, 9, 2), CalendarEntryKind.WORKING_DAY)
    cal = WorkingCalendar(entries=[entry])
    assert cal.is_working_day(date(2025, 9, 2))
    assert cal.holiday_name(date(2025, 9, 2)) is None


def test_entry_kind_given_as_text():
    cal = WorkingCalendar(entries=[CalendarEntry(date(2025, 3, 15), "working_day")])  # type: ignore[arg-type]
    assert cal.is_working_day(date(2025, 3, 15))


def test_conflicting_entries_are_refused():
    with pytest.raises(InvalidInput):
        WorkingCalendar(
            entries=[
                CalendarEntry(date(2025, 3, 15), CalendarEntryKind.WORKING_DAY),
                CalendarEntry(date(2025, 3, 15), CalendarEntryKind.DAY_OFF),
            ]
        )


def test_bad_entry_kind_is_refused():
    with pytest.raises(InvalidInput):
        WorkingCalendar(entries=[CalendarEntry(date(2025, 3, 15), "holiday")])  # type: ignore[arg-type]


# ------------------------------------------------------------------ calendar days


@pytest.mark.parametrize(
    ("received", "days", "expected"),
    [
        (at(2025, 3, 12, 10), 5, at(2025, 3, 17, 10)),  # Mon: same clock time
        (at(2025, 3, 12, 10), 3, at(2025, 3, 17, 7, 30)),  # Sat → Monday's first session
        (at(2025, 3, 12, 10), 4, at(2025, 3, 17, 7, 30)),  # Sun
        (at(2025, 4, 20, 10), 10, at(2025, 5, 5, 7, 30)),  # 30/04 → after the holidays
        (at(2025, 3, 15, 8), 3, at(2025, 3, 18, 8)),  # counted from the receipt, not the clock
        (at(2025, 3, 12, 20), 1, at(2025, 3, 13, 20)),  # literal rule: 20:00 stays 20:00
        (at(2025, 3, 12, 12), 0, at(2025, 3, 12, 12)),
        (at(2025, 3, 15, 12), 0, at(2025, 3, 17, 7, 30)),
        (at(2025, 1, 10, 9), 15, at(2025, 2, 3, 7, 30)),  # 25/01 is in Tết
    ],
)
def test_calendar_days(received: datetime, days: int, expected: datetime):
    assert due(received, CD, days) == expected


def test_calendar_days_early_receipt_is_not_monotone():
    # Literal DOMAIN.md rule: received before 07:30, a longer duration may land earlier.
    assert due(at(2025, 3, 14, 6), CD, 1) == at(2025, 3, 17, 7, 30)
    assert due(at(2025, 3, 14, 6), CD, 3) == at(2025, 3, 17, 6, 0)


# ------------------------------------------------------------------ same-day procedures


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (at(2025, 3, 12, 10), at(2025, 3, 12, 17, 30)),
        (at(2025, 3, 12, 6), at(2025, 3, 12, 17, 30)),  # before opening
        (at(2025, 3, 12, 12), at(2025, 3, 12, 17, 30)),  # lunch
        (at(2025, 3, 12, 15), at(2025, 3, 12, 17, 30)),  # at the cut-off itself
        (at(2025, 3, 12, 15, 1), at(2025, 3, 13, 17, 30)),  # after the cut-off
        (at(2025, 3, 14, 16), at(2025, 3, 17, 17, 30)),  # Friday after the cut-off
        (at(2025, 3, 15, 8), at(2025, 3, 17, 17, 30)),  # Saturday reception
        (at(2025, 3, 16, 10), at(2025, 3, 17, 17, 30)),  # Sunday
        (at(2025, 4, 29, 16), at(2025, 5, 5, 17, 30)),  # before 30/04–02/05
        (at(2025, 9, 2, 9), at(2025, 9, 3, 17, 30)),  # on a holiday
    ],
)
def test_same_day(received: datetime, expected: datetime):
    assert same_day(received) == expected


def test_same_day_after_last_session_with_late_cutoff():
    assert same_day(at(2025, 3, 12, 18), time(23, 0)) == at(2025, 3, 13, 17, 30)
    assert same_day(at(2025, 3, 12, 17, 30), time(23, 0)) == at(2025, 3, 13, 17, 30)
    assert same_day(at(2025, 3, 12, 17, 29), time(23, 0)) == at(2025, 3, 12, 17, 30)


def test_same_day_on_makeup_saturday():
    cal = WorkingCalendar(entries=[CalendarEntry(date(2025, 3, 15), CalendarEntryKind.WORKING_DAY)])
    assert same_day(at(2025, 3, 15, 8), cal=cal) == at(2025, 3, 15, 17, 30)


# ------------------------------------------------------------------ pauses (status 5)


def test_pause_inside_a_day():
    d = at(2025, 3, 19, 10)
    assert CAL.extend_for_pause(d, at(2025, 3, 12, 8), at(2025, 3, 12, 9)) == at(2025, 3, 19, 11)


def test_pause_over_night():
    d = at(2025, 3, 19, 10)
    # Mon 16:00 → Tue 09:00 = 1.5 h + 1.5 h of work.
    got = CAL.extend_for_pause(d, at(2025, 3, 10, 16), at(2025, 3, 11, 9))
    assert got == at(2025, 3, 19, 15, 0)


def test_pause_over_weekend():
    d = at(2025, 3, 26, 10)
    # Fri 16:00 → Mon 08:00 = 1.5 h + 0.5 h.
    got = CAL.extend_for_pause(d, at(2025, 3, 14, 16), at(2025, 3, 17, 8))
    assert got == at(2025, 3, 26, 13, 30) + timedelta(minutes=30)


def test_pause_moves_a_session_end_due_to_next_morning():
    d = at(2025, 3, 18, 17, 30)
    assert CAL.extend_for_pause(d, at(2025, 3, 12, 9), at(2025, 3, 12, 10)) == at(
        2025, 3, 19, 8, 30
    )


def test_pause_outside_working_time_changes_nothing():
    d = at(2025, 3, 18, 17, 30)
    assert CAL.extend_for_pause(d, at(2025, 3, 14, 18), at(2025, 3, 17, 7, 0)) == d
    assert CAL.extend_for_pause(d, at(2025, 3, 12, 9), at(2025, 3, 12, 9)) == d


def test_pause_ending_before_it_starts_is_refused():
    with pytest.raises(InvalidInput):
        CAL.extend_for_pause(at(2025, 3, 18), at(2025, 3, 12, 10), at(2025, 3, 12, 9))


# ------------------------------------------------------------------ working time between


def test_working_time_between():
    assert CAL.working_time_between(at(2025, 3, 12, 10), at(2025, 3, 12, 15)) == timedelta(hours=3)
    assert CAL.working_time_between(at(2025, 3, 12, 15), at(2025, 3, 12, 10)) == timedelta(0)
    assert CAL.working_time_between(at(2025, 3, 14, 16), at(2025, 3, 17, 10)) == timedelta(hours=4)
    # Wed 31/12/2025 16:00 → Fri 02/01/2026 08:00 over New Year's Day.
    got = CAL.working_time_between(at(2025, 12, 31, 16), at(2026, 1, 2, 8))
    assert got == timedelta(hours=2)


# Working days per year with the installed `holidays` data (and its derived make-up Saturdays
# 04/05/2024, 26/04/2025, 22/08/2026); a package upgrade that moves a day shows up here.
WORKING_DAYS_PER_YEAR = {2024: 251, 2025: 250, 2026: 249, 2027: 249}


@pytest.mark.parametrize(("year", "count"), WORKING_DAYS_PER_YEAR.items())
def test_working_time_of_whole_years(year: int, count: int):
    days = (date(year, 1, 1) + timedelta(i) for i in range(366))
    assert sum(1 for d in days if d.year == year and CAL.is_working_day(d)) == count
    total = CAL.working_time_between(at(year, 1, 1), at(year + 1, 1, 1))
    assert total == timedelta(hours=8 * count)


def test_next_working_day():
    assert CAL.next_working_day(date(2025, 3, 14)) == date(2025, 3, 17)
    assert CAL.next_working_day(date(2025, 3, 12)) == date(2025, 3, 13)
    assert CAL.next_working_day(date(2025, 12, 31)) == date(2026, 1, 2)


def test_add_working_time_zero_returns_start():
    t = at(2025, 3, 12, 17, 30)
    assert CAL.add_working_time(t, timedelta(0)) == t
    assert CAL.add_working_time(t, timedelta(minutes=1)) == at(2025, 3, 13, 7, 31)


def test_add_working_time_negative_is_refused():
    with pytest.raises(InvalidInput):
        CAL.add_working_time(at(2025, 3, 12, 10), timedelta(seconds=-1))


# ------------------------------------------------------------------ time zones


def test_aware_utc_input_and_center_zone_output():
    received = datetime(2025, 3, 12, 3, 0, tzinfo=UTC)  # 10:00 in Hà Nội
    got = CAL.due_time(received, Duration(WD, 1))
    assert got == datetime(2025, 3, 13, 3, 0, tzinfo=UTC)
    assert got.tzinfo == VN
    assert got.hour == 10


def test_utc_input_on_previous_utc_date():
    # 2025-03-16 23:30 UTC is Monday 06:30 in Hà Nội, not Sunday.
    received = datetime(2025, 3, 16, 23, 30, tzinfo=UTC)
    assert CAL.due_time(received, Duration(WH, 1)) == at(2025, 3, 17, 8, 30)
    assert CAL.is_working_day(received)


def test_naive_input_is_center_local():
    got = CAL.due_time(datetime(2025, 3, 12, 10), Duration(WD, 1))
    assert got == at(2025, 3, 13, 10)
    assert got.utcoffset() == timedelta(hours=7)


def test_unknown_time_zone_is_refused():
    with pytest.raises(InvalidInput):
        WorkingCalendar(tz="Asia/Nowhere")


# ------------------------------------------------------------------ validation


@pytest.mark.parametrize(
    "sessions",
    [
        [],
        [(time(13, 30), time(17, 30)), (time(7, 30), time(11, 30))],  # unordered
        [(time(7, 30), time(12, 0)), (time(11, 30), time(15, 0))],  # overlapping
        [(time(7, 30), time(11, 30)), (time(13, 30), time(17, 0))],  # 7.5 h
        [(time(7, 30), time(11, 30)), (time(13, 30), time(18, 0))],  # 8.5 h
        [(time(11, 30), time(7, 30)), (time(8, 0), time(20, 0))],  # ends before start
        [(time(7, 30), time(7, 30)), (time(8, 0), time(16, 0))],  # empty session
        [(time(7, 30),)],
        [("07:30", "15:30")],
    ],
)
def test_invalid_sessions(sessions):
    with pytest.raises(InvalidInput, match="Invalid working sessions"):
        WorkingCalendar(sessions)


def test_custom_sessions():
    cal = WorkingCalendar([(time(8, 0), time(12, 0)), (time(13, 0), time(17, 0))])
    assert due(at(2025, 3, 12, 11), WH, 2, cal) == at(2025, 3, 12, 14, 0)
    assert due(at(2025, 3, 12, 8), WD, 1, cal) == at(2025, 3, 12, 17, 0)
    assert cal.rule_version != CAL.rule_version


def test_touching_sessions_are_allowed():
    cal = WorkingCalendar([(time(8, 0), time(12, 0)), (time(12, 0), time(16, 0))])
    assert due(at(2025, 3, 12, 11), WH, 2, cal) == at(2025, 3, 12, 13, 0)


def test_parse_sessions():
    assert parse_sessions("07:30-11:30, 13:30–17:30") == DEFAULT_SESSIONS
    for text in ("07:30-11:30", "7h30-11h30, 13:30-17:30", "07:30-11:30-12:00, 13:30-17:30", ""):
        with pytest.raises(InvalidInput, match="Invalid working sessions"):
            parse_sessions(text)


def test_invalid_weekend():
    with pytest.raises(InvalidInput):
        WorkingCalendar(weekend=frozenset(range(7)))
    with pytest.raises(InvalidInput):
        WorkingCalendar(weekend=frozenset({7}))


def test_six_day_week():
    cal = WorkingCalendar(weekend=frozenset({6}))
    assert due(at(2025, 3, 14, 16), WH, 4, cal) == at(2025, 3, 15, 10)


@pytest.mark.parametrize(
    "duration",
    [
        Duration(WD, -1),
        Duration(WH, -0.5),
        Duration(CD, -3),
        Duration(WD, math.nan),
        Duration(WD, math.inf),
        Duration(WD, 2611),
        Duration(WH, 20881),
        Duration(CD, 3654),
        Duration(CD, 1.5),
        Duration("fortnights", 1),  # type: ignore[arg-type]
        Duration(WD, "3"),  # type: ignore[arg-type]
        Duration(WD, -1, same_day_cutoff=time(15)),
    ],
)
def test_invalid_durations(duration: Duration):
    with pytest.raises(InvalidInput, match=r"^Thời hạn không hợp lệ / Invalid duration: "):
        CAL.due_time(at(2025, 3, 12, 10), duration)


def test_decimal_amount_from_the_database():
    assert CAL.due_time(at(2025, 3, 12, 10), Duration(WD, Decimal("1.5"))) == at(2025, 3, 13, 16)  # type: ignore[arg-type]


def test_long_durations_are_allowed():
    got = due(at(2025, 3, 12, 10), WD, 2000)
    assert CAL.working_time_between(at(2025, 3, 12, 10), got) == timedelta(hours=16000)
    assert due(at(2025, 3, 12, 10), CD, 3652) == at(2035, 3, 12, 10)  # 2028, 2032 leap


def test_dates_outside_the_calendar_are_refused():
    with pytest.raises(InvalidInput):
        CAL.is_working_day(date(1900, 1, 1))
    with pytest.raises(InvalidInput):
        due(datetime(2199, 6, 1, 10, tzinfo=VN), WD, 2000)


# ------------------------------------------------------------------ rule version


def test_rule_version_is_stable_and_short():
    assert re.fullmatch(r"wc1-[0-9a-f]{10}", CAL.rule_version)
    assert WorkingCalendar().rule_version == CAL.rule_version
    assert WorkingCalendar(DEFAULT_SESSIONS).rule_version == CAL.rule_version


def test_rule_version_follows_entries_not_notes_or_order():
    a = CalendarEntry(date(2025, 3, 15), CalendarEntryKind.WORKING_DAY, "Làm bù")
    b = CalendarEntry(date(2025, 3, 12), CalendarEntryKind.DAY_OFF)
    v1 = WorkingCalendar(entries=[a, b]).rule_version
    v2 = WorkingCalendar(
        entries=[b, CalendarEntry(date(2025, 3, 15), CalendarEntryKind.WORKING_DAY)]
    ).rule_version
    assert v1 == v2
    assert v1 != CAL.rule_version
    assert WorkingCalendar(entries=[a]).rule_version not in (v1, CAL.rule_version)
    assert WorkingCalendar(weekend=frozenset({6})).rule_version != CAL.rule_version
    assert WorkingCalendar(tz="Asia/Bangkok").rule_version != CAL.rule_version


# ------------------------------------------------------------------ properties

SESSION_ENDS = {e for _, e in DEFAULT_SESSIONS}
UNIT_US = {WD: 8 * 3_600_000_000, WH: 3_600_000_000}

receipts = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2027, 12, 31, 23, 59)
).map(lambda t: t.replace(tzinfo=VN))
working_amounts = st.one_of(
    st.integers(0, 30).map(float),
    st.integers(0, 80).map(lambda n: n / 2),
    st.floats(0, 40, allow_nan=False),
)
working_units = st.sampled_from([WD, WH])
cutoffs = st.times(min_value=time(8, 0), max_value=time(23, 0))


def is_session_end(t: datetime) -> bool:
    return CAL.is_working_day(t) and t.time() in SESSION_ENDS


def reference_due(received: datetime, total_us: int) -> datetime:
    """A plain day-by-day walk, to check the table arithmetic against."""
    local = received.astimezone(VN).replace(tzinfo=None)
    day = local.date()
    clock = local.time()
    rem = timedelta(microseconds=total_us)
    start = CAL.clock_start(received).replace(tzinfo=None)
    if rem == timedelta(0):
        return start.replace(tzinfo=VN)
    while True:
        if CAL.is_working_day(day):
            for s, e in DEFAULT_SESSIONS:
                begin = max(datetime.combine(day, s), datetime.combine(day, clock))
                end = datetime.combine(day, e)
                if begin < end:
                    if rem <= end - begin:
                        return (begin + rem).replace(tzinfo=VN)
                    rem -= end - begin
        day += timedelta(days=1)
        clock = time(0)


@settings(max_examples=200, deadline=None)
@given(receipts, working_units, working_amounts)
def test_working_due_properties(received: datetime, unit: DurationUnit, amount: float):
    got = due(received, unit, amount)
    assert got >= received
    assert got.tzinfo == VN
    assert CAL.is_working_instant(got) or is_session_end(got)
    total = round(amount * UNIT_US[unit])
    assert CAL.working_time_between(CAL.clock_start(received), got) == timedelta(microseconds=total)
    assert got == reference_due(received, total)
    assert CAL.extend_for_pause(got, received, received) == got


@settings(max_examples=200, deadline=None)
@given(receipts, working_units, working_amounts, working_amounts)
def test_due_grows_with_duration(received: datetime, unit: DurationUnit, a: float, b: float):
    small, large = sorted((a, b))
    assert due(received, unit, small) <= due(received, unit, large)


@settings(max_examples=200, deadline=None)
@given(receipts, st.integers(0, 60), st.integers(0, 60))
def test_calendar_days_properties(received: datetime, a: int, b: int):
    got = due(received, CD, a)
    assert got >= received
    same_time = received + timedelta(days=a)
    if CAL.is_working_day(same_time.date()):
        assert got == same_time
    else:
        next_day = CAL.next_working_day(same_time.date())
        assert got == datetime.combine(next_day, DEFAULT_SESSIONS[0][0], tzinfo=VN)
    if received.time() >= DEFAULT_SESSIONS[0][0]:  # see test_calendar_days_early_receipt...
        small, large = sorted((a, b))
        assert due(received, CD, small) <= due(received, CD, large)


@settings(max_examples=200, deadline=None)
@given(receipts, cutoffs)
def test_same_day_properties(received: datetime, cutoff: time):
    got = same_day(received, cutoff)
    assert got > received
    assert is_session_end(got)
    assert got.time() == DEFAULT_SESSIONS[-1][1]
    assert (got.date() - received.date()).days <= 10


@settings(max_examples=200, deadline=None)
@given(receipts, receipts, receipts)
def test_working_time_between_is_additive(a: datetime, b: datetime, c: datetime):
    a, b, c = sorted((a, b, c))
    ab = CAL.working_time_between(a, b)
    bc = CAL.working_time_between(b, c)
    assert CAL.working_time_between(a, c) == ab + bc
    assert CAL.working_time_between(c, a) == timedelta(0)


@settings(max_examples=200, deadline=None)
@given(receipts, st.integers(0, 400 * 3_600_000_000))
def test_add_working_time_inverts_working_time_between(start: datetime, us: int):
    delta = timedelta(microseconds=us)
    end = CAL.add_working_time(start, delta)
    assert CAL.working_time_between(start, end) == delta
    if us:
        # The earliest such instant: a moment earlier, the time is not yet used up.
        before = end - timedelta(microseconds=1)
        assert CAL.working_time_between(start, before) < delta


@settings(max_examples=200, deadline=None)
@given(receipts, receipts, st.integers(0, 30))
def test_pause_extends_by_working_time(a: datetime, b: datetime, days: int):
    paused_from, paused_until = sorted((a, b))
    d = due(paused_from, WD, days)
    got = CAL.extend_for_pause(d, paused_from, paused_until)
    waited = CAL.working_time_between(paused_from, paused_until)
    assert got >= d
    assert CAL.working_time_between(d, got) == waited
