"""Scanning dossiers into a handover batch (issue 8; target: each scan acknowledged ≤ 100 ms).

A demo-sized desk database (the demo center, ~10,000 dossiers already received, on a SQLite
file); one to_department batch; N control sheets scanned one after another, each scan a full
`add_to_batch` (its checks, the row, the outbox op and the audit row, committed, and the batch
view returned for the screen). Then bad scans (duplicate, unknown), which write nothing, and
the close with its 200 leg events. Prints median/p95/p99/max per scan.

    .venv/bin/python bench/bench_postal.py [SCANS [DOSSIERS]]   # default 200 10000
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bench_sync import AT, figures, make_dossiers
from sqlalchemy import select

from counter_app.db import Database
from counter_app.models import Dossier, Procedure, Unit
from counter_app.services.postal import add_to_batch, close_batch, create_batch
from counter_app.services.recording import Actor
from counter_app.services.setup import init_database

ACTOR = Actor(None, "Lương Thị Thu Trang")


def main() -> None:
    scans = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    total = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'desk.sqlite3'}"
        init_database(url, demo=True)
        db = Database(url)
        t0 = time.perf_counter()
        make_dossiers(db, ACTOR, total)
        print(f"{total} dossiers made in {time.perf_counter() - t0:.1f} s")
        with db.read() as session:
            dept = session.scalar(
                select(Unit.code)
                .join(Procedure, Procedure.department_id == Unit.id)
                .order_by(Procedure.code)
                .limit(1)
            )
            codes = list(session.scalars(select(Dossier.code).order_by(Dossier.code).limit(scans)))
        assert dept and len(codes) == scans
        batch = create_batch(db, ACTOR, "to_department", dept, at=AT)
        ms: list[float] = []
        for code in codes:
            t0 = time.perf_counter()
            out = add_to_batch(db, ACTOR, batch.number, code, at=AT)
            ms.append((time.perf_counter() - t0) * 1000)
            assert out.added, out.message
        print(f"{scans} scans into one batch: {figures(ms, 'ms')} (target: each ≤ 100 ms)")
        bad: list[float] = []
        for code in [*codes[:50], *(f"000.00.99.H56-000000-{n:04d}" for n in range(50))]:
            t0 = time.perf_counter()
            assert not add_to_batch(db, ACTOR, batch.number, code, at=AT).added
            bad.append((time.perf_counter() - t0) * 1000)
        print(f"100 refused scans (duplicate, unknown): {figures(bad, 'ms')}")
        t0 = time.perf_counter()
        closed = close_batch(db, ACTOR, batch.number, handed_by="A", received_by="B", at=AT)
        print(f"close with {closed.count} leg events: {(time.perf_counter() - t0) * 1000:.0f} ms")
        db.dispose()


if __name__ == "__main__":
    main()
