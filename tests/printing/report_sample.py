"""A hand-made monthly report for the tests of its outputs (PDF, Excel): every figure differs
from the others, and the figures add up as a real month's do."""

from __future__ import annotations

from datetime import UTC, datetime

from counter_app.services.reports.model import (
    Breakdown,
    Counts,
    MonthlyReport,
    Period,
    TrendPoint,
)

LONG = (
    "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất trong các trường "
    "hợp chuyển đổi, chuyển nhượng, cho thuê, thừa kế, tặng cho"
)


def counts(direct: int, online: int, postal: int, *, seed: int = 0) -> Counts:
    """Counts that add up as a real month's do (received = the channels, settled = the three
    timeliness kinds), with figures that differ from one another."""
    settled = direct + online + postal - 3 + seed
    before, late = settled // 3, settled // 7
    return Counts(
        received_total=direct + online + postal,
        received_direct=direct,
        received_online=online,
        received_postal=postal,
        carried_over=17 + seed,
        settled_total=settled,
        settled_before_time=before,
        settled_on_time=settled - before - late,
        settled_late=late,
        returned_via_post=postal // 2,
        in_progress_total=29 + seed,
        in_progress_within_time=23 + seed,
        in_progress_overdue=6,
        very_satisfied=41 + seed,
        satisfied=13,
        unsatisfied=2,
        refused=3,
        withdrawn=1 + seed,
        supplement_requests=8,
        apology_slips=5,
        on_the_spot=19 + seed,
    )


def sample_report(
    procedures: int = 4, totals: tuple[int, int, int] = (1234, 250, 32)
) -> MonthlyReport:
    """A hand-made November 2026 with three departments, `procedures` procedures and a trend;
    `totals`: the center's received (direct, online, postal)."""
    departments = (
        Breakdown("000.00.11.H56", "Sở Tài nguyên và Môi trường", counts(40, 25, 7, seed=1)),
        Breakdown("000.00.12.H56", "Sở Kế hoạch và Đầu tư", counts(12, 30, 2, seed=2)),
        Breakdown("000.00.13.H56", "Sở Tư pháp", counts(9, 4, 1, seed=3)),
    )
    procs = tuple(
        Breakdown(
            f"1.00{i:04d}",
            f"{LONG} (số {i})" if i % 2 else f"Thủ tục số {i}",
            counts(5 + i, i % 4, i % 3, seed=i),
        )
        for i in range(1, procedures + 1)
    )
    months = ["2025-12"] + [f"2026-{m:02d}" for m in range(1, 12)]
    trend = tuple(
        TrendPoint(month, 100 + 7 * m, 90 + 5 * m, m, 60 + m, 20 + m, m % 3)
        for m, month in enumerate(months, start=1)
    )
    return MonthlyReport(
        center_name="Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn",
        period=Period.month(2026, 11),
        generated_at=datetime(2026, 12, 1, 2, 30, tzinfo=UTC),
        source="central",
        totals=counts(*totals),
        by_department=departments,
        by_procedure=procs,
        trend=trend,
    )
