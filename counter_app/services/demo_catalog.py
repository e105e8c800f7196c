"""The demo center: Lạng Sơn's 19 units and 1,335 procedures, the same on every run (DOMAIN.md).

Pure data, no database. Titles come from `demo_words`; durations, fees, checklists and the
Saturday and "4 tại chỗ" marks are drawn from a fixed-seed generator so that the published
counts hold exactly: 1,303 procedures of 17 departments (31 same-day, 22 in 2 days, 1,250 in
3 days or more), 19 of the electricity company, 13 of the notary office, 266 on Saturday.
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass
from datetime import time

from counter_app.domain.catalog import (
    ChecklistItemSpec,
    DepartmentSpec,
    DocumentKind,
    Duration,
    DurationUnit,
    ProcedureSpec,
)
from counter_app.services import demo_words as words

__all__ = ["SEED", "demo_departments", "demo_procedures", "synthetic_catalog"]

SEED = 20190117  # the center opened on 17/01/2019


@dataclass(frozen=True, slots=True)
class _Unit:
    spec: DepartmentSpec
    procedures: int  # how many procedures it has in the demo
    saturday: int = 0  # how many of them are received on Saturday morning


def _unit(code: str, name: str, short: str, procedures: int, saturday: int = 0) -> _Unit:
    return _Unit(DepartmentSpec(code, name, short, saturday > 0), procedures, saturday)


# The 8 departments that receive on Saturday morning come first (DOMAIN.md); the volumes follow
# the center's figures: Social Insurance, Industry and Trade and Transport have the most.
_UNITS = (
    _unit("SKHDT", "Sở Kế hoạch và Đầu tư", "KH&ĐT", 100, 60),
    _unit("STP", "Sở Tư pháp", "Tư pháp", 105, 50),
    _unit("SGTVT", "Sở Giao thông Vận tải", "GTVT", 125, 55),
    _unit("BQLKKT", "Ban Quản lý Khu Kinh tế cửa khẩu Đồng Đăng – Lạng Sơn", "BQL KKT", 23, 10),
    _unit("SNV", "Sở Nội vụ", "Nội vụ", 55, 20),
    _unit("STTTT", "Sở Thông tin và Truyền thông", "TT&TT", 35, 15),
    _unit("STNMT", "Sở Tài nguyên và Môi trường", "TN&MT", 70, 36),
    _unit("SXD", "Sở Xây dựng", "Xây dựng", 50, 20),
    _unit("BHXH", "Bảo hiểm xã hội tỉnh Lạng Sơn", "BHXH", 120),
    _unit("SCT", "Sở Công Thương", "Công Thương", 130),
    _unit("STC", "Sở Tài chính", "Tài chính", 20),
    _unit("SYT", "Sở Y tế", "Y tế", 100),
    _unit("SGDDT", "Sở Giáo dục và Đào tạo", "GD&ĐT", 60),
    _unit("SLDTBXH", "Sở Lao động – Thương binh và Xã hội", "LĐ-TB&XH", 80),
    _unit("SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn", "NN&PTNT", 90),
    _unit("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "VHTT&DL", 95),
    _unit("SKHCN", "Sở Khoa học và Công nghệ", "KH&CN", 45),
    _unit("PC-LS", "Công ty Điện lực Lạng Sơn", "Điện lực", 19),
    _unit("PCC1", "Phòng Công chứng số 1", "Công chứng số 1", 13),
)
_OUTSIDE = {"PC-LS", "PCC1"}  # not departments: outside the 1,303 and their duration counts
_SAME_DAY, _TWO_DAYS = 31, 22  # of the departments' procedures; all others take 3 days or more
_ON_THE_SPOT = {"same": 18, "two": 8}  # "4 tại chỗ" among the departments' quick procedures

# Titles starting with these are the quick ones; same-day and 2-day procedures come from them.
_QUICK = (
    "Cấp lại",
    "Cấp đổi",
    "Cấp bản sao",
    "Xác nhận",
    "Chứng thực",
    "Thông báo",
    "Điều chỉnh nội dung",
    "Đăng ký đóng",
    "Điều chỉnh đóng",
    "Khai báo",
)
_CUTOFFS = (time(15), time(15), time(15), time(10), time(10), time(16))
_SIZES, _SIZE_WEIGHTS = range(2, 9), (12, 22, 24, 18, 12, 7, 5)  # checklist lengths 2–8
_FREE_SHARE = {"BHXH": 1.0, "SNV": 0.9, "SLDTBXH": 0.85, "PC-LS": 0.8, "STC": 0.8}
_FEE_NOTE = {
    "TD": "Phí thẩm định: {} đồng/hồ sơ",
    "GP": "Lệ phí cấp giấy phép: {} đồng/giấy phép",
    "GCN": "Lệ phí cấp giấy chứng nhận: {} đồng/lần cấp",
    "PCC1": "Phí công chứng: {} đồng/trường hợp",
}
_KINDS = {"o": DocumentKind.ORIGINAL, "c": DocumentKind.CERTIFIED_COPY, "p": DocumentKind.PHOTOCOPY}


@dataclass(frozen=True, slots=True)
class _Title:
    department: str
    field: str
    kind: str  # a key of words.ACTIONS, or "=" for a whole title
    text: str


def demo_departments() -> list[DepartmentSpec]:
    """Return the 19 units of the demo center: 17 departments, the electricity company and
    Notary Office No. 1; the 8 Saturday-morning departments have `saturday_reception`."""
    return [u.spec for u in _UNITS]


def demo_procedures() -> list[ProcedureSpec]:
    """Return the demo center's 1,335 procedures, grouped by unit in `demo_departments` order.

    Deterministic: the same list on every call and every run.
    """
    rng = random.Random(SEED)
    titles: list[_Title] = []
    seen: set[str] = set()
    for unit in _UNITS:
        pool = [t for t in _titles(unit.spec.code) if t.text not in seen]
        famous = [i for i, t in enumerate(pool) if t.text in words.FAMOUS]
        others = [i for i, t in enumerate(pool) if t.text not in words.FAMOUS]
        picked = sorted(famous + rng.sample(others, unit.procedures - len(famous)))
        titles += (pool[i] for i in picked)
        seen.update(pool[i].text for i in picked)
    speeds = _speeds(rng, titles)
    on_the_spot = _on_the_spot(rng, titles, speeds)
    saturday = _saturday(rng, titles)
    codes = _codes(rng, len(titles))
    return [
        _procedure(rng, t, codes[i], speeds[i], i in saturday, i in on_the_spot)
        for i, t in enumerate(titles)
    ]


def synthetic_catalog(n: int, seed: int = 1) -> list[ProcedureSpec]:
    """Return `n` procedures in the demo's style for benchmarks, spread over the demo units.

    Codes and names are unique; deterministic for a given `seed`. Raises ValueError if `n` is
    negative or larger than the 9,000,000 codes of the national pattern.
    """
    if n < 0:
        raise ValueError(f"n must not be negative: {n}")
    rng = random.Random(seed)
    pools = [(unit, _titles(unit.spec.code)) for unit in _UNITS]
    weights = [unit.procedures for unit in _UNITS]
    seen: set[str] = set()
    out = []
    for serial, code in enumerate(_codes(rng, n), start=1):
        unit, titles = rng.choices(pools, weights)[0]
        title = rng.choice(titles)
        name = title.text
        attempts = 0
        while name in seen:
            attempts += 1
            name = _variant(rng, title) if attempts <= 8 else f"{title.text} (mẫu {serial})"
        seen.add(name)
        speed = rng.choices(("same", "two", "long"), (_SAME_DAY, _TWO_DAYS, 1250))[0]
        saturday = unit.spec.saturday_reception and rng.random() < 0.46
        spot = speed != "long" and rng.random() < 0.5
        title = _Title(title.department, title.field, title.kind, name)
        out.append(_procedure(rng, title, code, speed, saturday, spot))
    return out


@functools.cache
def _titles(department: str) -> tuple[_Title, ...]:
    """Every title the word lists give for a department, in list order."""
    out = []
    for field, entries in words.FIELDS[department]:
        for entry in entries:
            kind, _, text = entry.partition(" ")
            if kind == "=":
                out.append(_Title(department, field, kind, text))
            else:
                out += (_Title(department, field, kind, f"{a} {text}") for a in words.ACTIONS[kind])
    return tuple(out)


def _variant(rng: random.Random, title: _Title) -> str:
    """A synthetic title: the base with a qualifier (not for whole titles) and/or a locality."""
    name = title.text
    if title.kind != "=" and rng.random() < 0.6:
        name += " " + rng.choice(words.QUALIFIERS)
    if name == title.text or rng.random() < 0.5:
        name += " tại " + rng.choice(words.LOCALITIES)
    return name


def _speed_of(d: Duration) -> str:
    if d.is_same_day:
        return "same"
    return "two" if d.unit is DurationUnit.WORKING_DAYS and d.amount == 2 else "long"


def _speeds(rng: random.Random, titles: list[_Title]) -> list[str]:
    """How fast each procedure is settled: exactly 31 same-day and 22 two-day department ones."""
    speeds = ["long"] * len(titles)
    quota = {"same": _SAME_DAY, "two": _TWO_DAYS, "long": 0}
    quick: list[int] = []
    slow: list[int] = []
    for i, t in enumerate(titles):
        if t.department in _OUTSIDE:
            speeds[i] = rng.choices(("same", "two", "long"), (4, 3, 3))[0]
        elif t.text in words.FAMOUS:
            speeds[i] = _speed_of(_duration_of(words.FAMOUS[t.text][0]))
            quota[speeds[i]] -= 1
        else:
            (quick if t.text.startswith(_QUICK) else slow).append(i)
    rng.shuffle(quick)
    rng.shuffle(slow)
    order = iter(quick + slow)
    for speed in ("same", "two"):
        for _ in range(quota[speed]):
            speeds[next(order)] = speed
    return speeds


def _on_the_spot(rng: random.Random, titles: list[_Title], speeds: list[str]) -> set[int]:
    """Mark "4 tại chỗ": some departments' quick procedures, half the other units' same-day."""
    marked = set()
    for speed, count in _ON_THE_SPOT.items():
        candidates = [
            i
            for i, t in enumerate(titles)
            if speeds[i] == speed and t.department not in _OUTSIDE and t.text not in words.FAMOUS
        ]
        marked.update(rng.sample(candidates, count))
    for i, t in enumerate(titles):
        if t.department in _OUTSIDE and speeds[i] == "same" and rng.random() < 0.5:
            marked.add(i)
    return marked


def _saturday(rng: random.Random, titles: list[_Title]) -> set[int]:
    """Pick each Saturday department's quota of Saturday-morning procedures (266 in all)."""
    marked: set[int] = set()
    for unit in _UNITS:
        mine = [i for i, t in enumerate(titles) if t.department == unit.spec.code]
        marked.update(rng.sample(mine, unit.saturday))
    return marked


def _codes(rng: random.Random, n: int) -> list[str]:
    """`n` distinct codes in the national style "1.004227": a digit, a dot, six digits."""
    per_digit = 100_000 if n <= 100_000 else 1_000_000
    digits = 3 if per_digit == 100_000 else 9
    if n > digits * per_digit:
        raise ValueError(f"at most {digits * per_digit} codes, not {n}")
    return [
        f"{1 + k // per_digit}.{k % per_digit:06d}"
        for k in rng.sample(range(digits * per_digit), n)
    ]


def _procedure(
    rng: random.Random, t: _Title, code: str, speed: str, saturday: bool, on_the_spot: bool
) -> ProcedureSpec:
    if famous := words.FAMOUS.get(t.text):
        duration = _duration_of(famous[0])
        fee, fee_note = famous[1], famous[2]
        checklist = tuple(_doc(d) for d in famous[3])
    else:
        duration = _duration(rng, speed)
        fee, fee_note = _fee(rng, t)
        checklist = _checklist(rng, t)
    return ProcedureSpec(
        code=code,
        name=t.text,
        department_code=t.department,
        duration=duration,
        fee=fee,
        fee_note=fee_note,
        saturday_reception=saturday,
        on_the_spot=on_the_spot,
        field=t.field,
        checklist=checklist,
    )


def _duration(rng: random.Random, speed: str) -> Duration:
    if speed == "same":
        return Duration(DurationUnit.WORKING_DAYS, 0, rng.choice(_CUTOFFS))
    if speed == "two":
        return Duration(DurationUnit.WORKING_DAYS, 2)
    draw = rng.random()
    if draw < 0.75:
        return Duration(
            DurationUnit.WORKING_DAYS,
            rng.choice((3, 3, 5, 5, 5, 7, 7, 10, 10, 12, 15, 15, 20, 20, 25, 30)),
        )
    if draw < 0.85:
        return Duration(DurationUnit.WORKING_HOURS, rng.choice((24, 32, 40, 48, 56, 64, 80)))
    return Duration(DurationUnit.CALENDAR_DAYS, rng.choice((5, 7, 10, 15, 20, 30, 45, 60)))


def _duration_of(text: str) -> Duration:
    """Read "wd:5" (5 working days) or "sd:15:00" (same day, cut-off 15:00) from FAMOUS."""
    unit, _, value = text.partition(":")
    if unit == "sd":
        hh, mm = value.split(":")
        return Duration(DurationUnit.WORKING_DAYS, 0, time(int(hh), int(mm)))
    units = {"wd": DurationUnit.WORKING_DAYS, "wh": DurationUnit.WORKING_HOURS}
    return Duration(units.get(unit, DurationUnit.CALENDAR_DAYS), int(value))


def _fee(rng: random.Random, t: _Title) -> tuple[int, str]:
    if rng.random() < _FREE_SHARE.get(t.department, 0.5) or t.text.startswith("Thu hồi"):
        return 0, ""
    fee = rng.choice(words.FEES)
    note = _FEE_NOTE.get(t.department) or _FEE_NOTE.get(t.kind) or "Phí, lệ phí: {} đồng/hồ sơ"
    return fee, note.format(f"{fee:,}".replace(",", "."))


def _checklist(rng: random.Random, t: _Title) -> tuple[ChecklistItemSpec, ...]:
    """The application form named after the procedure, then documents of the unit's pool."""
    lead = words.LEAD_BY_DEPARTMENT.get(t.department) or words.LEAD[t.kind]
    size = rng.choices(_SIZES, _SIZE_WEIGHTS)[0]
    extras = rng.sample(words.DOCS[t.department] + words.COMMON_DOCS, size - 1)
    extras.sort(key=lambda d: d.startswith("?"))  # optional documents last
    first = ChecklistItemSpec(f"{lead} {t.text[0].lower()}{t.text[1:]}")
    return (first, *(_doc(d) for d in extras))


@functools.cache
def _doc(entry: str) -> ChecklistItemSpec:
    """Read a document entry "[?]{o|c|p}{count} name" of the word lists."""
    optional = entry.startswith("?")
    body = entry[1:] if optional else entry
    return ChecklistItemSpec(body[3:], not optional, _KINDS[body[0]], int(body[1]))
