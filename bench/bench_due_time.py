"""Time WorkingCalendar.due_time per call over random receipts (2024–2027) and durations.

Run: .venv/bin/python bench/bench_due_time.py [--calls N] [--seed S]
Prints median, p95 and p99 in µs per call, per duration type and overall; the holiday tables
are built once before timing (the cold first call of a year is shown apart).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time as clock
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from counter_app.domain.calendar import WorkingCalendar
from counter_app.domain.catalog import Duration, DurationUnit

VN = ZoneInfo("Asia/Ho_Chi_Minh")
START = datetime(2024, 1, 1, tzinfo=VN)
SPAN_MINUTES = 4 * 365 * 24 * 60


def random_durations(rng: random.Random) -> dict[str, list[Duration]]:
    cutoffs = [time(11, 0), time(15, 0), time(16, 30)]
    return {
        "working days 1–30": [
            Duration(DurationUnit.WORKING_DAYS, rng.randint(1, 30)) for _ in range(200)
        ],
        "working hours 1–40": [
            Duration(DurationUnit.WORKING_HOURS, rng.randint(1, 40)) for _ in range(200)
        ],
        "calendar days 1–60": [
            Duration(DurationUnit.CALENDAR_DAYS, rng.randint(1, 60)) for _ in range(200)
        ],
        "same day": [
            Duration(DurationUnit.WORKING_DAYS, 0, same_day_cutoff=rng.choice(cutoffs))
            for _ in range(200)
        ],
    }


def percentile(sorted_values: list[float], q: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, round(q * (len(sorted_values) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=50_000, help="timed calls per duration type")
    parser.add_argument("--seed", type=int, default=20250312)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    cal = WorkingCalendar()
    t0 = clock.perf_counter_ns()
    cal.due_time(START, Duration(DurationUnit.WORKING_DAYS, 1))
    cold_us = (clock.perf_counter_ns() - t0) / 1000
    for year in range(2023, 2030):  # warm every table a due time can reach
        cal.is_working_day(datetime(year, 6, 1).date())

    receipts = [START + timedelta(minutes=rng.randrange(SPAN_MINUTES)) for _ in range(args.calls)]
    print(
        f"rule version {cal.rule_version}; first call (builds 2023–2025 tables): {cold_us:.0f} µs"
    )
    print(f"{args.calls} calls per type, µs per call (timer overhead included)")
    print(f"{'duration type':<22}{'median':>9}{'p95':>9}{'p99':>9}{'max':>10}")
    everything: list[float] = []
    due_time = cal.due_time
    timer = clock.perf_counter_ns
    for label, durations in random_durations(rng).items():
        samples: list[float] = []
        for i, received in enumerate(receipts):
            duration = durations[i % len(durations)]
            t0 = timer()
            due_time(received, duration)
            samples.append((timer() - t0) / 1000)
        samples.sort()
        everything.extend(samples)
        print(
            f"{label:<22}{statistics.median(samples):>9.2f}{percentile(samples, 0.95):>9.2f}"
            f"{percentile(samples, 0.99):>9.2f}{samples[-1]:>10.1f}"
        )
    everything.sort()
    print(
        f"{'all':<22}{statistics.median(everything):>9.2f}{percentile(everything, 0.95):>9.2f}"
        f"{percentile(everything, 0.99):>9.2f}{everything[-1]:>10.1f}"
    )
    empty_t0 = timer()
    for _ in range(10_000):
        timer()
    print(f"timer overhead ≈ {(timer() - empty_t0) / 10_000 / 1000:.2f} µs per reading")


if __name__ == "__main__":
    main()
