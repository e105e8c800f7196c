"""Intake service commit on the desk's SQLite file (target: median ≤ 20 ms).

Builds the demo center in a temporary folder, then receives N dossiers one by one through
`create_dossier` (validation, code counter, due time, dossier + items + event + audit + outbox,
commit with WAL and synchronous=NORMAL) and prints median, p95, p99 and max in milliseconds.

    .venv/bin/python bench/bench_intake.py [N]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

from counter_app.models import Procedure
from counter_app.services.intake import Applicant, IntakeRequest, create_dossier
from counter_app.services.recording import Actor
from counter_app.services.setup import init_database, open_database


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        t0 = time.perf_counter()
        init_database(url, demo=True)
        print(f"init --demo: {time.perf_counter() - t0:.2f} s")
        db = open_database(url)
        with db.read() as s:
            codes = s.scalars(select(Procedure.code).order_by(Procedure.code)).all()
        actor = Actor(None, "bench")
        at = datetime(2025, 3, 12, 10, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
        times = []
        for i in range(n):
            req = IntakeRequest(
                codes[(i * 7) % len(codes)],
                Applicant(f"Nguyễn Văn Thử {i}", id_number="020095001234", phone="0912345678"),
                received_at=at,
            )
            start = time.perf_counter()
            create_dossier(db, req, actor, now=at)
            times.append((time.perf_counter() - start) * 1000)
        warm = times[10:]
        print(
            f"intake commit over {len(warm)} dossiers (after 10 warm-up): "
            f"median {statistics.median(warm):.2f} ms, p95 {pct(warm, 95):.2f} ms, "
            f"p99 {pct(warm, 99):.2f} ms, max {max(warm):.2f} ms (target: median ≤ 20 ms)"
        )
        db.dispose()


if __name__ == "__main__":
    main()
