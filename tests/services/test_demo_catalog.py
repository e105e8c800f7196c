"""The demo Lạng Sơn center holds every count DOMAIN.md gives, the same on every run."""

from __future__ import annotations

import re
import time
import unicodedata
from collections import Counter

import pytest

from counter_app.domain.catalog import DepartmentSpec, DurationUnit, ProcedureSpec
from counter_app.services.demo_catalog import (
    demo_departments,
    demo_procedures,
    synthetic_catalog,
)

SATURDAY_DEPARTMENTS = {
    "Sở Kế hoạch và Đầu tư",
    "Sở Tư pháp",
    "Sở Giao thông Vận tải",
    "Ban Quản lý Khu Kinh tế cửa khẩu Đồng Đăng – Lạng Sơn",
    "Sở Nội vụ",
    "Sở Thông tin và Truyền thông",
    "Sở Tài nguyên và Môi trường",
    "Sở Xây dựng",
}
ELECTRICITY, NOTARY = "Công ty Điện lực Lạng Sơn", "Phòng Công chứng số 1"
CODE = re.compile(r"\d\.\d{6}")


@pytest.fixture(scope="module")
def departments() -> list[DepartmentSpec]:
    return demo_departments()


@pytest.fixture(scope="module")
def procedures() -> list[ProcedureSpec]:
    return demo_procedures()


def _by_name(departments: list[DepartmentSpec]) -> dict[str, DepartmentSpec]:
    return {d.name: d for d in departments}


def _speed(p: ProcedureSpec) -> str:
    d = p.duration
    if d.is_same_day:
        return "same day"
    if d.unit is DurationUnit.WORKING_DAYS and d.amount == 2:
        return "2 days"
    days = d.amount / 8 if d.unit is DurationUnit.WORKING_HOURS else d.amount
    assert days >= 3, p
    return "3 days or more"


def _texts(p: ProcedureSpec) -> list[str]:
    return [p.code, p.name, p.field, p.fee_note, *(item.name for item in p.checklist)]


def test_units(departments: list[DepartmentSpec]) -> None:
    names = _by_name(departments)
    assert len(departments) == 19
    assert len({d.code for d in departments}) == 19
    assert {d.name for d in departments if d.saturday_reception} == SATURDAY_DEPARTMENTS
    for name in ("Bảo hiểm xã hội tỉnh Lạng Sơn", "Sở Công Thương", ELECTRICITY, NOTARY):
        assert name in names
    assert names["Sở Giao thông Vận tải"].short_name == "GTVT"
    assert {names[ELECTRICITY].code, names[NOTARY].code} == {"PC-LS", "PCC1"}
    assert all(d.short_name and d.name.strip() == d.name for d in departments)


def test_counts_per_kind_of_unit(
    departments: list[DepartmentSpec], procedures: list[ProcedureSpec]
) -> None:
    names = {d.code: d.name for d in departments}
    per_unit = Counter(names[p.department_code] for p in procedures)
    assert len(procedures) == 1335
    assert per_unit.pop(ELECTRICITY) == 19
    assert per_unit.pop(NOTARY) == 13
    assert len(per_unit) == 17
    assert sum(per_unit.values()) == 1303
    busiest = {name for name, _count in per_unit.most_common(5)}
    assert {"Bảo hiểm xã hội tỉnh Lạng Sơn", "Sở Công Thương", "Sở Giao thông Vận tải"} <= busiest
    assert len(set(per_unit.values())) > 10  # volumes differ


def test_durations_of_the_departments(procedures: list[ProcedureSpec]) -> None:
    of_departments = [p for p in procedures if p.department_code not in ("PC-LS", "PCC1")]
    assert Counter(_speed(p) for p in of_departments) == {
        "same day": 31,
        "2 days": 22,
        "3 days or more": 1250,
    }
    long = [p.duration for p in of_departments if _speed(p) == "3 days or more"]
    units = Counter(d.unit for d in long)
    assert units[DurationUnit.WORKING_DAYS] > units[DurationUnit.CALENDAR_DAYS] > 0
    assert units[DurationUnit.WORKING_HOURS] > 0
    assert all(3 <= d.amount <= 30 for d in long if d.unit is DurationUnit.WORKING_DAYS)


def test_same_day_procedures_have_a_cutoff(procedures: list[ProcedureSpec]) -> None:
    for p in procedures:
        d = p.duration
        if d.is_same_day:
            assert d.amount == 0 and d.unit is DurationUnit.WORKING_DAYS
            assert d.same_day_cutoff is not None and 8 <= d.same_day_cutoff.hour <= 16
        else:
            assert d.amount > 0


def test_saturday_procedures(
    departments: list[DepartmentSpec], procedures: list[ProcedureSpec]
) -> None:
    names = {d.code: d.name for d in departments}
    saturday = [p for p in procedures if p.saturday_reception]
    assert len(saturday) == 266
    assert {names[p.department_code] for p in saturday} == SATURDAY_DEPARTMENTS


def test_codes_and_names_are_unique_and_well_formed(procedures: list[ProcedureSpec]) -> None:
    assert len({p.code for p in procedures}) == 1335
    assert len({p.name for p in procedures}) == 1335
    assert all(CODE.fullmatch(p.code) for p in procedures)
    assert all(p.name[0].isupper() and "  " not in p.name for p in procedures)
    assert all(p.field for p in procedures)


def test_well_known_procedures(procedures: list[ProcedureSpec]) -> None:
    by_name = {p.name: p for p in procedures}
    for name in (
        "Đăng ký thành lập doanh nghiệp tư nhân",
        "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam",
        "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ",
        "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp",
    ):
        assert name in by_name
    assert by_name["Đổi giấy phép lái xe do ngành Giao thông vận tải cấp"].fee == 135_000
    actions = Counter(p.name.split()[0] for p in procedures)
    assert {"Cấp", "Đăng", "Thẩm", "Công", "Chấp", "Gia", "Thu", "Xác"} <= set(actions)


def test_checklists(procedures: list[ProcedureSpec]) -> None:
    sizes = Counter(len(p.checklist) for p in procedures)
    assert set(sizes) == set(range(2, 9))
    items = [item for p in procedures for item in p.checklist]
    assert all(item.count >= 1 and item.name for item in items)
    assert 0 < sum(not item.required for item in items) < len(items) / 4
    assert len({item.kind for item in items}) == 3
    for p in procedures:
        names = [item.name for item in p.checklist]
        assert len(set(names)) == len(names), p.code
        assert not any(c in n for n in names for c in ";[]")  # the import file format allows it


def test_fees_and_marks(procedures: list[ProcedureSpec]) -> None:
    assert all(p.fee >= 0 for p in procedures)
    assert all(p.fee_note for p in procedures if p.fee > 0)
    paid = [p.fee for p in procedures if p.fee]
    assert 0.2 < len(paid) / len(procedures) < 0.6
    assert {30_000, 100_000, 135_000, 500_000} <= set(paid)
    on_the_spot = sum(p.on_the_spot for p in procedures)
    assert 0 < on_the_spot < len(procedures) / 10


def test_every_text_is_nfc(
    departments: list[DepartmentSpec], procedures: list[ProcedureSpec]
) -> None:
    texts = [t for d in departments for t in (d.code, d.name, d.short_name)]
    texts += [t for p in procedures for t in _texts(p)]
    assert [t for t in texts if unicodedata.normalize("NFC", t) != t] == []


def test_deterministic_and_fast(procedures: list[ProcedureSpec]) -> None:
    started = time.perf_counter()
    again = demo_procedures()
    assert time.perf_counter() - started < 0.5
    assert again == procedures
    assert demo_departments() == demo_departments()


def test_synthetic_catalog(departments: list[DepartmentSpec]) -> None:
    big = synthetic_catalog(20_000)
    assert len(big) == 20_000
    assert len({p.code for p in big}) == 20_000
    assert len({p.name for p in big}) == 20_000
    assert all(CODE.fullmatch(p.code) for p in big)
    assert {p.department_code for p in big} == {d.code for d in departments}
    assert all(2 <= len(p.checklist) <= 8 for p in big)
    saturday_codes = {d.code for d in departments if d.saturday_reception}
    assert all(p.department_code in saturday_codes for p in big if p.saturday_reception)
    assert all(unicodedata.is_normalized("NFC", t) for p in big[:2000] for t in _texts(p))
    assert synthetic_catalog(300, seed=7) == synthetic_catalog(300, seed=7)
    assert synthetic_catalog(300, seed=7) != synthetic_catalog(300, seed=8)
    assert synthetic_catalog(0) == []
    with pytest.raises(ValueError):
        synthetic_catalog(-1)
