"""Sync figures against a real PostgreSQL center (issue 6):

(a) push of N dossiers with their items, events and audit rows from one desk (target: 10,000
    in ≤ 10 s); (b) time from a local commit at desk A to the dossier being on desk B, both
    running the SyncWorker (LISTEN/NOTIFY wakes B), median/p95 (target ≤ 2 s); (c) the sync
    overhead of an intake at a joined desk (outbox ops, numbers claimed at the center) over a
    standalone desk, median difference (target ≤ 5 ms).

    .venv/bin/python bench/bench_sync.py [N]          # N dossiers for (a), default 10000
    .venv/bin/python bench/bench_sync.py kill TRIALS  # the kill tests with TRIALS trials each

The server is COUNTER_APP_TEST_PG (default postgresql://postgres@127.0.0.1:5432/postgres); a
scratch central database is created and dropped.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import psycopg
from psycopg import sql
from sqlalchemy import func, select

from counter_app.db import Database
from counter_app.domain.status import Status
from counter_app.models import Dossier, OutboxOp, Procedure
from counter_app.services.catalog import get_procedure
from counter_app.services.intake import (
    Applicant,
    IntakeRequest,
    _items,
    check_request,
    checklist_rows,
    create_dossier,
    register_dossier,
)
from counter_app.services.recording import Actor
from counter_app.services.setup import init_database
from counter_app.services.sync import join_center
from counter_app.services.sync.central import add_desk, central_init, drop_desk_roles
from counter_app.services.sync.join import client_for
from counter_app.services.sync.numbers import attach_numbers
from counter_app.services.sync.push import push_outbox
from counter_app.services.sync.worker import SyncWorker

ADMIN = os.environ.get("COUNTER_APP_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
AT = datetime(2025, 3, 12, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def figures(values: list[float], unit: str) -> str:
    return (
        f"median {statistics.median(values):.1f} {unit}, p95 {pct(values, 95):.1f} {unit}, "
        f"p99 {pct(values, 99):.1f} {unit}, max {max(values):.1f} {unit}"
    )


@contextmanager
def scratch_center() -> Iterator[str]:
    name = f"ca_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(ADMIN, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = f"{ADMIN.rpartition('/')[0]}/{name}"
    try:
        t0 = time.perf_counter()
        central_init(url, demo=True)
        print(f"central init --demo: {time.perf_counter() - t0:.1f} s")
        yield url
    finally:
        drop_desk_roles(url)
        with psycopg.connect(ADMIN, autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def joined_desk(center: str, number: int, folder: Path) -> tuple[Database, Actor]:
    account = add_desk(center, number)
    scheme, rest = center.split("://", 1)
    url = f"{scheme}://{account.role}:{account.password}@{rest.split('@', 1)[-1]}"
    path = folder / f"desk{number}.sqlite3"
    init_database(f"sqlite:///{path}")
    db = Database(f"sqlite:///{path}")
    joined = join_center(db, url, number)
    return db, Actor(None, f"Cán bộ quầy {number}", joined.desk_id)


def first_code(db: Database) -> str:
    with db.read() as session:
        code = session.scalar(select(Procedure.code).order_by(Procedure.code))
    assert code
    return code


def make_dossiers(db: Database, actor: Actor, n: int, per_transaction: int = 500) -> None:
    """N dossiers through register_dossier, the one way a dossier comes into being (with its
    items, event, audit row and outbox ops), many per transaction to save the commits."""
    code = first_code(db)
    done = 0
    while done < n:
        with db.write() as session:
            proc = get_procedure(session, code)
            checklist = checklist_rows(session, proc.id)
            for _ in range(min(per_transaction, n - done)):
                req = IntakeRequest(code, Applicant(f"Nguyễn Văn Thử {done}"), received_at=AT)
                register_dossier(
                    session,
                    check_request(req, AT),
                    proc,
                    actor,
                    status=Status.RECEIVED,
                    items=_items(None, checklist),
                    in_ledger=True,
                    action="dossier.receive",
                )
                done += 1


def bench_push(center: str, folder: Path, n: int) -> None:
    db, actor = joined_desk(center, 1, folder)
    t0 = time.perf_counter()
    make_dossiers(db, actor, n)
    with db.read() as session:
        ops = session.scalar(select(func.count(OutboxOp.op_id)))
    print(f"(a) made {n} dossiers ({ops} outbox ops) in {time.perf_counter() - t0:.1f} s")
    with client_for(db) as client:
        t0 = time.perf_counter()
        report = push_outbox(db, client)
        took = time.perf_counter() - t0
    assert report.acked == ops and not report.gap, report
    print(
        f"(a) push of {n} dossiers, {ops} ops: {took:.2f} s, {ops / took:.0f} ops/s "
        f"(target: 10,000 dossiers ≤ 10 s)"
    )
    db.dispose()


def wait_for(check: Callable[[], bool], timeout: float) -> bool:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if check():
            return True
        time.sleep(0.005)
    return False


def count_dossiers(db: Database) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count(Dossier.id))) or 0)


def bench_visibility(center: str, folder: Path, already: int, trials: int = 30) -> None:
    (a, actor_a), (b, _) = joined_desk(center, 2, folder), joined_desk(center, 3, folder)
    workers = [SyncWorker(db, interval_s=30.0) for db in (a, b)]
    t0 = time.perf_counter()
    for w in workers:
        w.start()
    # New desks first pull every dossier already at the center (those of (a)).
    assert wait_for(lambda: min(count_dossiers(a), count_dossiers(b)) >= already, 600)
    print(
        f"(b) two new desks pulled the center's {already} dossiers: "
        f"{time.perf_counter() - t0:.1f} s"
    )
    time.sleep(0.5)
    code = first_code(a)
    took = []
    try:
        for i in range(trials):
            made = create_dossier(a, IntakeRequest(code, Applicant(f"Trần Thị Xem {i}")), actor_a)
            t0 = time.perf_counter()
            workers[0].request()

            def on_b(code: str = made.code) -> bool:
                with b.read() as session:
                    return (
                        session.scalar(select(Dossier.id).where(Dossier.code == code)) is not None
                    )

            assert wait_for(on_b, 30), f"{made.code} never reached desk B"
            took.append((time.perf_counter() - t0) * 1000)
            time.sleep(0.1)
    finally:
        for w in workers:
            w.stop()
        a.dispose()
        b.dispose()
    print(f"(b) commit at desk A → on desk B, {trials} trials: {figures(took, 'ms')} (≤ 2 s)")


def time_intakes(db: Database, actor: Actor, n: int) -> list[float]:
    code = first_code(db)
    times = []
    for i in range(n):
        req = IntakeRequest(code, Applicant(f"Lê Văn Đo {i}"), received_at=AT)
        t0 = time.perf_counter()
        create_dossier(db, req, actor, now=AT)
        times.append((time.perf_counter() - t0) * 1000)
    return times[10:]  # after warm-up


def bench_overhead(center: str, folder: Path, n: int = 300) -> None:
    joined, actor = joined_desk(center, 4, folder)
    claimer = attach_numbers(joined)
    assert claimer is not None
    standalone = Database(f"sqlite:///{folder / 'standalone.sqlite3'}")
    init_database(standalone.url, demo=True)
    # Interleaved rounds, so a busy moment of the machine weighs on both alike.
    desk_times: list[float] = []
    alone_times: list[float] = []
    for _ in range(3):
        desk_times += time_intakes(joined, actor, n // 3)
        alone_times += time_intakes(standalone, Actor(None, "Cán bộ"), n // 3)
    claimer.close()
    joined.dispose()
    standalone.dispose()
    diff = statistics.median(desk_times) - statistics.median(alone_times)
    print(f"(c) intake at a joined desk (numbers from the center): {figures(desk_times, 'ms')}")
    print(f"(c) intake at a standalone desk:                       {figures(alone_times, 'ms')}")
    print(f"(c) sync overhead per intake: median {diff:+.2f} ms (target ≤ 5 ms)")


def run_kill_tests(trials: int) -> int:
    """The kill tests of tests/sync/test_sync_kill.py with `trials` trials each."""
    env = {**os.environ, "COUNTER_APP_KILL_TRIALS": str(trials)}
    root = Path(__file__).resolve().parent.parent
    t0 = time.perf_counter()
    code = subprocess.call(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-s",
         "tests/sync/test_sync_kill.py"],
        cwd=root,
        env=env,
    )  # fmt: skip
    print(f"kill tests, {trials} trials each: {time.perf_counter() - t0:.0f} s, exit {code}")
    return code


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "kill":
        sys.exit(run_kill_tests(int(sys.argv[2]) if len(sys.argv) > 2 else 2000))
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["XDG_DATA_HOME"] = str(folder / "data")  # desk passwords stay in here
        with scratch_center() as center:
            bench_push(center, folder, n)
            bench_visibility(center, folder, n)
            bench_overhead(center, folder)


if __name__ == "__main__":
    main()
