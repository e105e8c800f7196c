"""Report percentages: two decimals, shares of a group adding up to 100.00."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from counter_app.domain.errors import InvalidInput
from counter_app.domain.percent import share, shares


def d(*values: str) -> list[Decimal]:
    return [Decimal(v) for v in values]


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([1, 1, 1], d("33.34", "33.33", "33.33")),
        ([2, 1], d("66.67", "33.33")),
        ([1, 2], d("33.33", "66.67")),
        ([1], d("100.00")),
        ([5, 0], d("100.00", "0.00")),
        ([0, 0, 0], d("0.00", "0.00", "0.00")),
        ([], []),
        ([1, 1, 1, 1, 1, 1], d("16.67", "16.67", "16.67", "16.67", "16.66", "16.66")),
        ([1, 3, 3], d("14.28", "42.86", "42.86")),
        ([1, 3, 28], d("3.12", "9.38", "87.50")),  # equal remainders: the larger count wins
        ([1843, 4012, 18], d("31.38", "68.31", "0.31")),  # direct / online / postal
        ([50, 50], d("50.00", "50.00")),
        ([1, 0, 0, 0], d("100.00", "0.00", "0.00", "0.00")),
        ([3258, 1045, 373], d("69.67", "22.35", "7.98")),
    ],
)
def test_shares(counts: list[int], expected: list[Decimal]) -> None:
    result = shares(counts)
    assert result == expected
    assert [str(x) for x in result] == [str(x) for x in expected]  # always two places


def test_shares_tie_on_count_goes_to_earlier_position() -> None:
    assert shares([1, 1, 1]) == d("33.34", "33.33", "33.33")
    assert shares([0, 1, 1, 1]) == d("0.00", "33.34", "33.33", "33.33")


def test_shares_of_tuple() -> None:
    assert shares((7, 3)) == d("70.00", "30.00")


def test_shares_rejects_negative() -> None:
    with pytest.raises(InvalidInput, match="không được âm"):
        shares([3, -1])


@given(st.lists(st.integers(0, 10**9), min_size=1, max_size=12).filter(lambda c: sum(c) > 0))
def test_shares_sum_to_100_and_stay_within_a_hundredth(counts: list[int]) -> None:
    result = shares(counts)
    assert sum(result) == Decimal("100.00")
    total = sum(counts)
    for count, value in zip(counts, result, strict=True):
        assert value.as_tuple().exponent == -2
        assert abs(Fraction(value) - Fraction(count * 100, total)) < Fraction(1, 100)
        if count == 0:
            assert value == 0


@given(st.lists(st.just(0), max_size=5))
def test_shares_of_zero_total(counts: list[int]) -> None:
    assert shares(counts) == [Decimal("0.00")] * len(counts)


@pytest.mark.parametrize(
    ("part", "total", "expected"),
    [
        (1, 3, "33.33"),
        (2, 3, "66.67"),
        (1, 8, "12.50"),
        (1, 800, "0.13"),  # 0.125 → half up
        (1, 1600, "0.06"),  # 0.0625
        (3, 1600, "0.19"),  # 0.1875
        (0, 5, "0.00"),
        (5, 5, "100.00"),
        (0, 0, "0.00"),
        (7, 0, "0.00"),
        (5, 4, "125.00"),
        (2900, 7000, "41.43"),
    ],
)
def test_share(part: int, total: int, expected: str) -> None:
    result = share(part, total)
    assert str(result) == expected


@pytest.mark.parametrize(("part", "total"), [(-1, 5), (1, -5)])
def test_share_rejects_negative(part: int, total: int) -> None:
    with pytest.raises(InvalidInput):
        share(part, total)


@example(1, 32)  # 3.125 → 3.13
@example(1, 1600)  # 0.0625 → 0.06
@given(st.integers(0, 10**12), st.integers(1, 10**12))
def test_share_is_half_up_of_exact(part: int, total: int) -> None:
    result = Fraction(share(part, total))
    exact = Fraction(part * 100, total)
    assert -Fraction(1, 200) <= exact - result < Fraction(1, 200)  # ties (x.xx5) go up
