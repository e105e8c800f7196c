"""Hand-built history for the report tests: November 2026 (Nov 24 is a public holiday), every
figure of the report known (the expected values are in test_report_monthly.py)."""

from __future__ import annotations

from pathlib import Path

from small_catalog import GPLX, HOURS, SAME_DAY

HEADER = (
    "code,procedure_code,channel,received_at,due_at,finished_at,returned_at,"
    "returned_via_post,status,rating,rating_reason"
)
# code, procedure, channel, received, due, finished, returned, post, status, rating, reason
NOVEMBER = [
    # received in November
    ("A1", GPLX, "direct", "2026-11-02T08:00", "2026-11-03T08:00", "2026-11-02T15:00",
     "2026-11-02T16:00", "0", "10", "very_satisfied", ""),  # before time (Mon < Tue)
    ("A2", GPLX, "direct", "2026-11-03T09:00", "2026-11-04T09:00", "2026-11-04T08:30",
     "2026-12-01T08:00", "0", "10", "satisfied", ""),  # on time; rated in December
    ("A3", GPLX, "online", "2026-11-05T10:00", "2026-11-06T10:00", "2026-11-09T10:00",
     "2026-11-09T11:00", "1", "10", "unsatisfied", "Trả chậm"),  # late, by post
    ("A4", HOURS, "postal", "2026-11-06T16:00", "2026-11-09T10:00", "2026-11-07T09:00",
     "", "0", "9", "", ""),  # ready on Saturday, due Monday: on time, not before
    ("A5", HOURS, "direct", "2026-11-13T15:00", "2026-11-16T09:00", "2026-11-13T16:00",
     "2026-11-16T08:00", "0", "10", "satisfied", ""),  # ready Friday, due Monday: before
    ("A6", SAME_DAY, "direct", "2026-11-10T08:00", "2026-11-10T17:30", "2026-11-10T10:00",
     "2026-11-10T10:30", "0", "10", "very_satisfied", ""),  # on time, "4 tại chỗ"
    ("A7", GPLX, "direct", "2026-11-30T23:59", "2026-12-01T17:30", "", "", "0", "2", "",
     ""),  # the last minute of November: received in November, in progress within time
    ("A8", GPLX, "direct", "2026-12-01T00:00", "2026-12-02T08:00", "", "", "0", "2", "",
     ""),  # the first minute of December: not November's
    ("A9", GPLX, "direct", "2026-11-20T09:00", "2026-11-23T09:00", "", "", "0", "4", "",
     ""),  # in progress, overdue
    ("A10", GPLX, "direct", "2026-11-25T08:00", "2026-11-26T08:00", "2026-11-25T08:10",
     "", "0", "3", "", ""),  # refused at the counter (settled, before time)
    ("A11", GPLX, "online", "2026-11-26T08:00", "2026-11-27T08:00", "2026-11-27T08:00",
     "", "0", "7", "", ""),  # withdrawn
    ("A12", GPLX, "direct", "2026-11-16T08:00", "2026-11-17T08:00", "2026-12-01T00:00",
     "", "0", "9", "", ""),  # settled in December, late: in progress (overdue) at November's end
    # received before November
    ("B1", GPLX, "direct", "2026-10-29T09:00", "2026-10-30T09:00", "2026-11-02T09:00",
     "", "0", "9", "", ""),  # carried over, settled late
    ("B2", GPLX, "direct", "2026-10-30T09:00", "2026-11-02T09:00", "", "", "0", "4", "",
     ""),  # carried over, still in progress, overdue
    ("B3", GPLX, "direct", "2026-10-20T09:00", "2026-10-21T09:00", "2026-10-21T08:00",
     "", "0", "9", "", ""),  # settled before November
    ("B4", GPLX, "direct", "2026-10-20T09:00", "2026-10-21T09:00", "2026-10-22T08:00",
     "", "0", "7", "", ""),  # withdrawn before November
    ("B5", GPLX, "direct", "2026-10-31T23:30", "2026-11-03T07:30", "2026-11-30T23:59",
     "", "0", "9", "", ""),  # carried over, settled in the last minute of November, late
]  # fmt: skip


def write_csv(path: Path, rows: list[tuple[str, ...]], header: str = HEADER) -> Path:
    """Write `rows` as a history CSV at `path` (header on line 1)."""
    lines = [header, *(",".join(r) for r in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
