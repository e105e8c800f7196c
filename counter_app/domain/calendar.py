"""The working calendar and due-time engine of DOMAIN.md "Due time": sessions, holidays, entries."""

from __future__ import annotations

import enum
import hashlib
import json
import math
import numbers
import re
import threading
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays

from counter_app.domain.catalog import Duration, DurationUnit
from counter_app.domain.errors import InvalidInput

__all__ = [
    "CENTER_TZ",
    "DEFAULT_SESSIONS",
    "CalendarEntry",
    "CalendarEntryKind",
    "WorkingCalendar",
    "parse_sessions",
]

CENTER_TZ = "Asia/Ho_Chi_Minh"
DEFAULT_SESSIONS: tuple[tuple[time, time], ...] = (
    (time(7, 30), time(11, 30)),
    (time(13, 30), time(17, 30)),
)
# Bump when the computation itself changes, so that stored rule versions stay honest.
_ALGORITHM = "wc1"
_COUNTRY = "VN"
_US_PER_HOUR = 3_600_000_000
_WORKING_DAY_US = 8 * _US_PER_HOUR
_DAY_US = 24 * _US_PER_HOUR
# "Absurd" means longer than ten years: 10 × 261 weekdays, 10 × 365.25 days.
_MAX_WORKING_DAYS = 2610
_MAX_CALENDAR_DAYS = 3653
_MAX_DELTA_US = _MAX_WORKING_DAYS * _WORKING_DAY_US
# Years the calendar answers for; outside them an instant is a typing error, not a date.
MIN_YEAR = 1970
MAX_YEAR = 2200
# The package records a government-ordered swap only as the day off, named
# "Ngày nghỉ (thay cho ngày dd/mm/yyyy)"; the day named there is the make-up working day.
_SUBSTITUTED = re.compile(r"thay cho ngày (\d{1,2})/(\d{1,2})/(\d{4})")
_DEFAULT_DAY_OFF_NAME = "Ngày nghỉ theo lịch của Trung tâm"


class CalendarEntryKind(enum.StrEnum):
    """What a calendar entry makes of its day."""

    DAY_OFF = "day_off"  # ngày nghỉ thêm
    WORKING_DAY = "working_day"  # ngày làm bù


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One day of the center's own calendar (data synced from the central DB)."""

    day: date
    kind: CalendarEntryKind
    note: str = ""


@dataclass(frozen=True, slots=True)
class _YearTable:
    start: int  # ordinal of 1 January
    flags: bytes  # 1 = working day, indexed by day of year from 0
    cum: list[int]  # cum[i] = working days among the year's first i days; len(flags) + 1 items


def _us_of(t: time) -> int:
    return ((t.hour * 60 + t.minute) * 60 + t.second) * 1_000_000 + t.microsecond


def _sessions_error(detail: str) -> InvalidInput:
    return InvalidInput(f"Giờ làm việc không hợp lệ / Invalid working sessions: {detail}")


def _check_sessions(sessions: Sequence[tuple[time, time]]) -> tuple[tuple[int, int], ...]:
    result: list[tuple[int, int]] = []
    for pair in sessions:
        if len(pair) != 2 or not all(isinstance(t, time) for t in pair):
            raise _sessions_error(f"{pair!r} is not a (start, end) pair of times")
        start, end = _us_of(pair[0]), _us_of(pair[1])
        if start >= end:
            raise _sessions_error(f"{pair[0]}–{pair[1]} ends before it starts")
        if result and start < result[-1][1]:
            raise _sessions_error(f"{pair[0]}–{pair[1]} overlaps or precedes the session before")
        result.append((start, end))
    total = sum(end - start for start, end in result)
    if total != _WORKING_DAY_US:
        hours = total / _US_PER_HOUR
        raise _sessions_error(f"the sessions add up to {hours:g} h, not 8 h")
    return tuple(result)


def parse_sessions(text: str) -> tuple[tuple[time, time], ...]:
    """Return the sessions written as "07:30-11:30, 13:30-17:30" (an administrator's setting).

    Raise InvalidInput if the text does not read so or the sessions break the rules.
    """
    sessions: list[tuple[time, time]] = []
    for part in text.split(","):
        bounds = part.replace("–", "-").split("-")
        try:
            start, end = (time.fromisoformat(b.strip()) for b in bounds)
        except ValueError:
            raise _sessions_error(f"{part.strip()!r} is not like 07:30-11:30") from None
        sessions.append((start, end))
    _check_sessions(sessions)
    return tuple(sessions)


def _check_weekend(weekend: Iterable[int]) -> frozenset[int]:
    days = frozenset(weekend)
    if not all(isinstance(d, int) and 0 <= d <= 6 for d in days) or len(days) == 7:
        raise InvalidInput(
            f"Ngày nghỉ hằng tuần không hợp lệ / Invalid weekend: {sorted(days)!r} "
            "(weekday numbers 0–6, at least one working weekday)"
        )
    return days


def _check_entries(entries: Iterable[CalendarEntry]) -> dict[date, CalendarEntry]:
    by_day: dict[date, CalendarEntry] = {}
    for entry in entries:
        if not isinstance(entry.day, date) or isinstance(entry.day, datetime):
            raise InvalidInput(f"Ngày không hợp lệ / Invalid calendar day: {entry.day!r}")
        try:
            kind = CalendarEntryKind(entry.kind)
        except ValueError:
            raise InvalidInput(
                f"Loại ngày không hợp lệ / Invalid calendar entry kind: {entry.kind!r}"
            ) from None
        entry = CalendarEntry(entry.day, kind, entry.note)
        other = by_day.get(entry.day)
        if other is not None and other.kind != kind:
            raise InvalidInput(
                f"Ngày {entry.day:%d/%m/%Y} vừa là ngày nghỉ vừa là ngày làm bù / "
                f"Calendar day {entry.day.isoformat()} is both a day off and a working day"
            )
        if other is None or not other.note:
            by_day[entry.day] = entry
    return by_day


def _duration_error(duration: Duration, why: str) -> InvalidInput:
    return InvalidInput(
        f"Thời hạn không hợp lệ / Invalid duration: {duration.amount!r} {duration.unit} ({why})"
    )


class WorkingCalendar:
    """Working days and sessions of the center, and the due times computed from them.

    Instants given aware (any zone) are converted to the center's zone, naive ones are read as
    center-local wall time; every instant returned is aware, in the center's zone. Arithmetic is
    done on local wall time (Asia/Ho_Chi_Minh has had no daylight saving since 1975).
    Non-working days are computed per year on first use and cached; instances are safe to share
    between threads.
    """

    def __init__(
        self,
        sessions: Sequence[tuple[time, time]] = DEFAULT_SESSIONS,
        entries: Iterable[CalendarEntry] = (),
        *,
        weekend: frozenset[int] = frozenset({5, 6}),
        tz: str = CENTER_TZ,
        use_public_holidays: bool = True,
        derive_makeup_days: bool = True,
    ) -> None:
        """Raise InvalidInput for sessions that are unordered, overlap or do not add up to 8 h,
        a bad weekend, a day both off and working, or an unknown time zone.

        `derive_makeup_days`: the `holidays` package lists a swapped day off ("Ngày nghỉ (thay
        cho ngày 26/04/2025)") but not the Saturday worked in exchange; when true that Saturday
        is a working day, as if the center had entered it.
        """
        self._sessions = _check_sessions(sessions)
        self.sessions: tuple[tuple[time, time], ...] = tuple((s, e) for s, e in sessions)
        self.weekend = _check_weekend(weekend)
        try:
            self._tz = ZoneInfo(tz)
        except (KeyError, ValueError) as exc:  # ZoneInfoNotFoundError is a KeyError
            raise InvalidInput(f"Múi giờ không hợp lệ / Unknown time zone: {tz!r}") from exc
        self.tz_name = tz
        self._entries = _check_entries(entries)
        self.use_public_holidays = use_public_holidays
        self.derive_makeup_days = derive_makeup_days
        self._first_start = self._sessions[0][0]
        self._last_end = self._sessions[-1][1]
        self._tables: dict[int, _YearTable] = {}
        self._holiday_years: set[int] = set()
        self._holidays: dict[date, str] = {}
        self._makeup_days: set[date] = set()
        self._lock = threading.Lock()
        self.rule_version: str = self._rule_version()

    def __repr__(self) -> str:
        return f"WorkingCalendar(rule_version={self.rule_version!r})"

    # ---------------------------------------------------------------- days

    def is_working_day(self, d: date) -> bool:
        """Return whether `d` (a datetime is first taken to the center's zone) is a working day."""
        if isinstance(d, datetime):
            d = self._local(d).date()
        return self._is_working(d.toordinal())

    def next_working_day(self, d: date) -> date:
        """Return the first working day strictly after `d`."""
        if isinstance(d, datetime):
            d = self._local(d).date()
        return date.fromordinal(self._nth_working_day_after(d.toordinal(), 1))

    def holiday_name(self, d: date) -> str | None:
        """Return the name of the holiday or day off that makes `d` non-working, for display.

        None for a working day (a make-up day included) and for an ordinary weekend day.
        """
        if isinstance(d, datetime):
            d = self._local(d).date()
        entry = self._entries.get(d)
        if entry is not None:
            if entry.kind is CalendarEntryKind.DAY_OFF:
                return entry.note or _DEFAULT_DAY_OFF_NAME
            return None
        if not self.use_public_holidays:
            return None
        self._table(d.year)
        return self._holidays.get(d)

    # ---------------------------------------------------------------- instants

    def is_working_instant(self, t: datetime) -> bool:
        """Return whether `t` lies in a session (start included, end excluded) of a working day."""
        o, us = self._split(t)
        return self._is_working(o) and any(s <= us < e for s, e in self._sessions)

    def clock_start(self, t: datetime) -> datetime:
        """Return when a clock started at `t` starts running: `t` if it is in a session, else
        the start of the next session."""
        return self._aware(*self._clock_start(*self._split(t)))

    def add_working_time(self, start: datetime, delta: timedelta) -> datetime:
        """Return the earliest instant at which `delta` of working time has elapsed since `start`.

        It may be exactly a session end; a zero `delta` returns `start` itself (in the center's
        zone). Raise InvalidInput for a negative or absurd (> 10 years) `delta`.
        """
        o, us = self._split(start)
        return self._aware(*self._advance(o, us, self._delta_us(delta)))

    def working_time_between(self, a: datetime, b: datetime) -> timedelta:
        """Return the working time inside [a, b); zero if `b` is not after `a`."""
        o1, us1 = self._split(a)
        o2, us2 = self._split(b)
        if (o2, us2) <= (o1, us1):
            return timedelta(0)
        if o1 == o2:
            return timedelta(microseconds=self._day_overlap(o1, us1, us2))
        total = self._day_overlap(o1, us1, _DAY_US) + self._day_overlap(o2, 0, us2)
        if o2 - o1 > 1:
            total += self._count_working_days(o1, o2 - 1) * _WORKING_DAY_US
        return timedelta(microseconds=total)

    def due_time(self, received: datetime, duration: Duration) -> datetime:
        """Return the due time of a dossier received at `received` (DOMAIN.md "Due time").

        Working days/hours: the instant the working time since the clock start equals the
        duration. Calendar days: the same clock time N days later, or the start of the next
        working day's first session when that date is not a working day. Same-day procedures
        (a `same_day_cutoff`): the end of the day's last session if received on a working day
        at or before the cut-off and before that end, else the end of the next working day.
        Raise InvalidInput for a negative, non-finite or absurd (> 10 years) duration.
        """
        unit, amount = self._check_duration(duration)
        o, us = self._split(received)
        cutoff = duration.same_day_cutoff
        if cutoff is not None:
            if not isinstance(cutoff, time):
                raise _duration_error(duration, f"cut-off {cutoff!r} is not a time")
            if self._is_working(o) and us <= _us_of(cutoff) and us < self._last_end:
                return self._aware(o, self._last_end)
            return self._aware(self._nth_working_day_after(o, 1), self._last_end)
        if unit is DurationUnit.CALENDAR_DAYS:
            o += int(amount)
            if self._is_working(o):
                return self._aware(o, us)
            return self._aware(self._nth_working_day_after(o, 1), self._first_start)
        per_unit = _WORKING_DAY_US if unit is DurationUnit.WORKING_DAYS else _US_PER_HOUR
        o, us = self._clock_start(o, us)
        return self._aware(*self._advance(o, us, round(amount * per_unit)))

    def extend_for_pause(
        self, due: datetime, paused_from: datetime, paused_until: datetime
    ) -> datetime:
        """Return `due` moved later by the working time between `paused_from` and `paused_until`
        (a supplement request, status 5). Raise InvalidInput if the pause ends before it starts.
        """
        if self._split(paused_until) < self._split(paused_from):
            raise InvalidInput(
                "Thời gian tạm dừng không hợp lệ / Invalid pause: it ends before it starts"
            )
        return self.add_working_time(due, self.working_time_between(paused_from, paused_until))

    # ---------------------------------------------------------------- internals: instants

    def _local(self, t: datetime) -> datetime:
        if not isinstance(t, datetime):
            raise InvalidInput(f"Thời điểm không hợp lệ / Invalid instant: {t!r}")
        if t.tzinfo is not None and t.utcoffset() is not None:
            t = t.astimezone(self._tz)
        return t.replace(tzinfo=None)

    def _split(self, t: datetime) -> tuple[int, int]:
        t = self._local(t)
        return t.toordinal(), ((t.hour * 60 + t.minute) * 60 + t.second) * 1_000_000 + (
            t.microsecond
        )

    def _aware(self, o: int, us: int) -> datetime:
        naive = datetime.fromordinal(o) + timedelta(microseconds=us)
        return naive.replace(tzinfo=self._tz)

    def _delta_us(self, delta: timedelta) -> int:
        if not isinstance(delta, timedelta):
            raise InvalidInput(f"Thời lượng không hợp lệ / Invalid duration: {delta!r}")
        us = (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
        if us < 0 or us > _MAX_DELTA_US:
            raise InvalidInput(
                f"Thời lượng không hợp lệ / Invalid duration: {delta} (0 to 10 years of work)"
            )
        return us

    def _check_duration(self, duration: Duration) -> tuple[DurationUnit, float]:
        raw = duration.amount
        if isinstance(raw, bool) or not isinstance(raw, numbers.Number):
            raise _duration_error(duration, "the amount is not a number")
        try:
            unit = DurationUnit(duration.unit)
            amount = float(raw)  # a Decimal from the database is fine
        except (TypeError, ValueError):
            raise _duration_error(duration, "unknown unit or amount") from None
        if not math.isfinite(amount) or amount < 0:
            raise _duration_error(duration, "must be a finite number, zero or more")
        limit = {
            DurationUnit.WORKING_DAYS: _MAX_WORKING_DAYS,
            DurationUnit.WORKING_HOURS: _MAX_WORKING_DAYS * 8,
            DurationUnit.CALENDAR_DAYS: _MAX_CALENDAR_DAYS,
        }[unit]
        if amount > limit:
            raise _duration_error(duration, "longer than 10 years")
        if unit is DurationUnit.CALENDAR_DAYS and not amount.is_integer():
            raise _duration_error(duration, "calendar days must be a whole number")
        return unit, amount

    def _clock_start(self, o: int, us: int) -> tuple[int, int]:
        if self._is_working(o):
            for s, e in self._sessions:
                if us < e:
                    return o, s if s > us else us
        return self._nth_working_day_after(o, 1), self._first_start

    def _advance(self, o: int, us: int, rem: int) -> tuple[int, int]:
        """Return the earliest (ordinal, µs of day) at which `rem` µs of work have elapsed."""
        if rem <= 0:
            return o, us
        if self._is_working(o):
            for s, e in self._sessions:
                if us < e:
                    begin = s if s > us else us
                    if rem <= e - begin:
                        return o, begin + rem
                    rem -= e - begin
        # What is left fills whole days, then 0 < left <= one day on the last of them.
        full, left = divmod(rem - 1, _WORKING_DAY_US)
        left += 1
        o = self._nth_working_day_after(o, full + 1)
        for s, e in self._sessions:
            if left <= e - s:
                return o, s + left
            left -= e - s
        raise AssertionError("sessions add up to one working day")  # pragma: no cover

    def _day_overlap(self, o: int, a: int, b: int) -> int:
        if not self._is_working(o):
            return 0
        total = 0
        for s, e in self._sessions:
            lo = s if s > a else a
            hi = e if e < b else b
            if hi > lo:
                total += hi - lo
        return total

    # ---------------------------------------------------------------- internals: days

    def _is_working(self, o: int) -> bool:
        tab = self._table(date.fromordinal(o).year)
        return tab.flags[o - tab.start] == 1

    def _nth_working_day_after(self, o: int, n: int) -> int:
        """Return the ordinal of the n-th (n >= 1) working day strictly after ordinal `o`."""
        year = date.fromordinal(o).year
        tab = self._table(year)
        target = tab.cum[o - tab.start + 1] + n
        while target > tab.cum[-1]:
            target -= tab.cum[-1]
            year += 1
            tab = self._table(year)
        return tab.start + bisect_left(tab.cum, target) - 1

    def _count_working_days(self, o1: int, o2: int) -> int:
        """Return the number of working days in the ordinals (o1, o2]."""
        y1, y2 = date.fromordinal(o1).year, date.fromordinal(o2).year
        t1 = self._table(y1)
        if y1 == y2:
            return t1.cum[o2 - t1.start + 1] - t1.cum[o1 - t1.start + 1]
        count = t1.cum[-1] - t1.cum[o1 - t1.start + 1]
        for year in range(y1 + 1, y2):
            count += self._table(year).cum[-1]
        t2 = self._table(y2)
        return count + t2.cum[o2 - t2.start + 1]

    def _table(self, year: int) -> _YearTable:
        tab = self._tables.get(year)
        if tab is not None:
            return tab
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise InvalidInput(
                f"Ngày nằm ngoài phạm vi lịch / Date outside the calendar ({MIN_YEAR}–{MAX_YEAR}):"
                f" year {year}"
            )
        with self._lock:
            tab = self._tables.get(year)
            if tab is None:
                tab = self._tables[year] = self._build_table(year)
        return tab

    def _build_table(self, year: int) -> _YearTable:
        if self.use_public_holidays:
            # A swap can cross New Year (31/12/2018 off for Saturday 05/01/2019 worked).
            for y in (year - 1, year, year + 1):
                self._load_holidays(y)
        start = date(year, 1, 1).toordinal()
        flags = bytearray(
            0 if (start + i - 1) % 7 in self.weekend else 1
            for i in range(date(year + 1, 1, 1).toordinal() - start)
        )
        for d in self._makeup_days:
            if d.year == year:
                flags[d.toordinal() - start] = 1
        for d in self._holidays:
            if d.year == year:
                flags[d.toordinal() - start] = 0
        for d, entry in self._entries.items():
            if d.year == year:
                flags[d.toordinal() - start] = entry.kind is CalendarEntryKind.WORKING_DAY
        cum = [0]
        for flag in flags:
            cum.append(cum[-1] + flag)
        return _YearTable(start, bytes(flags), cum)

    def _load_holidays(self, year: int) -> None:
        if year in self._holiday_years:
            return
        for d, name in holidays.country_holidays(_COUNTRY, years=year, language="vi").items():
            self._holidays[d] = name
            match = _SUBSTITUTED.search(name) if self.derive_makeup_days else None
            if match:
                day, month, y = (int(g) for g in match.groups())
                self._makeup_days.add(date(y, month, day))
        self._holiday_years.add(year)

    def _rule_version(self) -> str:
        rules = {
            "algorithm": _ALGORITHM,
            "sessions": [[s.isoformat(), e.isoformat()] for s, e in self.sessions],
            "weekend": sorted(self.weekend),
            "tz": self.tz_name,
            "entries": sorted([d.isoformat(), e.kind.value] for d, e in self._entries.items()),
            "holidays": (
                [_COUNTRY, holidays.__version__, self.derive_makeup_days]
                if self.use_public_holidays
                else None
            ),
        }
        blob = json.dumps(rules, sort_keys=True, separators=(",", ":")).encode()
        return f"{_ALGORITHM}-{hashlib.sha256(blob).hexdigest()[:10]}"
