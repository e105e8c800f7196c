"""Percentages with two decimals for reports; the shares of a group add up to exactly 100.00."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from counter_app.domain.errors import InvalidInput

_HUNDREDTHS = 10_000  # 100.00 % counted in units of 0.01 %


def _units(units: int) -> Decimal:
    """Return `units` hundredths of a percent as a Decimal with two places (1234 → 12.34)."""
    return Decimal(units).scaleb(-2)


def _check(counts: Sequence[int]) -> None:
    if any(c < 0 for c in counts):
        raise InvalidInput("Số lượng không được âm / Counts must not be negative")


def shares(counts: Sequence[int]) -> list[Decimal]:
    """Return each count's share of the total in percent, two decimals, adding up to 100.00.

    Largest-remainder method: each share is the exact value rounded down to 0.01, and the
    hundredths still missing go to the largest remainders (ties: larger count, then earlier
    position). Every share is thus within 0.01 of the exact value. All 0.00 when the total is 0.
    Raises InvalidInput if a count is negative.
    """
    _check(counts)
    total = sum(counts)
    if total == 0:
        return [_units(0) for _ in counts]
    floors = [c * _HUNDREDTHS // total for c in counts]
    missing = _HUNDREDTHS - sum(floors)
    order = sorted(
        range(len(counts)), key=lambda i: (-(counts[i] * _HUNDREDTHS % total), -counts[i], i)
    )
    for i in order[:missing]:
        floors[i] += 1
    return [_units(u) for u in floors]


def share(part: int, total: int) -> Decimal:
    """Return `part` as a percentage of `total`, two decimals rounded half up; 0.00 if total is 0.

    Computed on integers, so there is no double rounding. Raises InvalidInput if either is
    negative. A part larger than the total gives more than 100.00.
    """
    _check((part, total))
    if total == 0:
        return _units(0)
    return _units((part * _HUNDREDTHS * 2 + total) // (2 * total))
