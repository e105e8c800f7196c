"""The supervisor report's data: period, counts, breakdowns, trend, live rows and the JSON shape."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, fields
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from counter_app.domain.percent import shares


@dataclass(frozen=True, slots=True)
class Period:
    """Inclusive local (Asia/Ho_Chi_Minh) dates."""

    date_from: date
    date_to: date

    @property
    def is_whole_month(self) -> bool:
        """True when the period is exactly one calendar month."""
        last = calendar.monthrange(self.date_from.year, self.date_from.month)[1]
        return (
            self.date_from.day == 1
            and self.date_to.year == self.date_from.year
            and self.date_to.month == self.date_from.month
            and self.date_to.day == last
        )

    @property
    def label(self) -> str:
        """Return "Tháng 11/2026" for a whole month, else "01/11/2026 – 15/11/2026"."""
        if self.is_whole_month:
            return f"Tháng {self.date_from.month:02d}/{self.date_from.year}"
        return f"{self.date_from:%d/%m/%Y} – {self.date_to:%d/%m/%Y}"

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """Return the whole calendar month `year`-`month`."""
        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last))


@dataclass(frozen=True, slots=True)
class Counts:
    """Every figure of the report for one scope (center, department or procedure).

    `settled_on_time` is "on time but not before time":
    settled_before_time + settled_on_time + settled_late == settled_total."""

    received_total: int = 0
    received_direct: int = 0
    received_online: int = 0
    received_postal: int = 0
    carried_over: int = 0
    settled_total: int = 0
    settled_before_time: int = 0
    settled_on_time: int = 0
    settled_late: int = 0
    returned_via_post: int = 0
    in_progress_total: int = 0
    in_progress_within_time: int = 0
    in_progress_overdue: int = 0
    very_satisfied: int = 0
    satisfied: int = 0
    unsatisfied: int = 0
    refused: int = 0
    withdrawn: int = 0
    supplement_requests: int = 0
    apology_slips: int = 0
    on_the_spot: int = 0


COUNT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Counts))


@dataclass(frozen=True, slots=True)
class Breakdown:
    """A department (unit code/name) or a procedure (code/name) with its counts."""

    code: str
    name: str
    counts: Counts


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """One month of the 12-month trend."""

    month: str  # "YYYY-MM"
    received: int
    settled: int
    settled_late: int
    very_satisfied: int
    satisfied: int
    unsatisfied: int


@dataclass(frozen=True, slots=True)
class MonthlyReport:
    """The whole report for a period; `generated_at` is aware UTC; `source` "local" | "central"."""

    center_name: str
    period: Period
    generated_at: datetime
    source: str
    totals: Counts
    by_department: tuple[Breakdown, ...]
    by_procedure: tuple[Breakdown, ...]
    trend: tuple[TrendPoint, ...]  # the 12 months ending with the period's last month, oldest first


@dataclass(frozen=True, slots=True)
class LiveRow:
    """A dossier of the live overdue / near-due list."""

    code: str
    procedure: str
    department: str
    applicant: str
    received_at: datetime
    due_at: datetime
    status: int
    status_label: str
    holder: str  # who holds the dossier now (department via handover, officer ...)
    overdue_by_hours: float  # negative = still within time (hours left)


def _num(value: Decimal) -> float:
    """A share as a JSON number with two decimals (31.25)."""
    return float(value.quantize(Decimal("0.01")))


def _share_map(names: tuple[str, ...], counts: list[int]) -> dict[str, float]:
    return {n: _num(s) for n, s in zip(names, shares(counts), strict=True)}


def counts_json(c: Counts) -> dict[str, Any]:
    """Return the issue's JSON groups for one Counts (shares are numbers with two decimals).

    Each share group adds up to exactly 100.00 (or is all 0.00 when its total is 0). The
    returned-via-post share is of all settled dossiers, on its own (not a group member)."""
    settled_groups = _share_map(
        ("before_time", "on_time", "late"),
        [c.settled_before_time, c.settled_on_time, c.settled_late],
    )
    post_share = shares([c.returned_via_post, c.settled_total - c.returned_via_post])[0]
    settled_groups["returned_via_post"] = _num(post_share)
    return {
        "received": {
            "total": c.received_total,
            "direct": c.received_direct,
            "online": c.received_online,
            "postal": c.received_postal,
            "carried_over": c.carried_over,
            "share": _share_map(
                ("direct", "online", "postal"),
                [c.received_direct, c.received_online, c.received_postal],
            ),
        },
        "settled": {
            "total": c.settled_total,
            "before_time": c.settled_before_time,
            "on_time": c.settled_on_time,
            "late": c.settled_late,
            "returned_via_post": c.returned_via_post,
            "share": settled_groups,
        },
        "in_progress": {
            "total": c.in_progress_total,
            "within_time": c.in_progress_within_time,
            "overdue": c.in_progress_overdue,
        },
        "satisfaction": {
            "very_satisfied": c.very_satisfied,
            "satisfied": c.satisfied,
            "unsatisfied": c.unsatisfied,
            "share": _share_map(
                ("very_satisfied", "satisfied", "unsatisfied"),
                [c.very_satisfied, c.satisfied, c.unsatisfied],
            ),
        },
        "other": {
            "refused": c.refused,
            "withdrawn": c.withdrawn,
            "supplement_requests": c.supplement_requests,
            "apology_slips": c.apology_slips,
            "on_the_spot": c.on_the_spot,
        },
    }


def _breakdown_json(b: Breakdown) -> dict[str, Any]:
    return {"code": b.code, "name": b.name, **counts_json(b.counts)}


def report_json(report: MonthlyReport) -> dict[str, Any]:
    """Return the report as the issue's JSON shape (plus by_procedure, trend and other).

    Shares are numbers with two decimals computed with `domain.percent.shares`, so each group
    adds up to exactly 100.00; Excel and PDF take their figures from here or from the Counts."""
    p = report.period
    return {
        "center": report.center_name,
        "source": report.source,
        "generated_at": report.generated_at.isoformat(),
        "period": {"from": p.date_from.isoformat(), "to": p.date_to.isoformat(), "label": p.label},
        **counts_json(report.totals),
        "by_department": [_breakdown_json(b) for b in report.by_department],
        "by_procedure": [_breakdown_json(b) for b in report.by_procedure],
        "trend": [
            {
                "month": t.month,
                "received": t.received,
                "settled": t.settled,
                "settled_late": t.settled_late,
                "very_satisfied": t.very_satisfied,
                "satisfied": t.satisfied,
                "unsatisfied": t.unsatisfied,
            }
            for t in report.trend
        ],
    }
