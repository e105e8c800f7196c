"""Benchmark of the monthly report: 100,000 dossiers on SQLite (target ≤ 1 s) and 1,000,000 on
PostgreSQL (target ≤ 2 s), with their status events, apologies and ratings.

Run: .venv/bin/python bench/bench_report.py [--sqlite-n 100000] [--pg-n 1000000] [--runs 7]
     [--pg postgresql://postgres@127.0.0.1:5432/postgres] [--skip-pg] [--skip-sqlite]

The data sets are generated fresh on every run (nothing cached) with set-based inserts:
executemany on SQLite, COPY on PostgreSQL (a scratch database, dropped at the end). Two years of
dossiers ending with the reported month (October 2026) over the demo catalog's procedures: all
settled but the recent and the paused (3 % refused, 2 % stopped), 2 % withdrawn, 6 % with a supplement pause, 1 % with an
apology, ratings for half the returned ones. Prints the median and p95 of --runs reports (the
first, cold, run is reported apart).
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
from psycopg import sql

from counter_app.services.reports.model import Period
from counter_app.services.reports.monthly import monthly_report
from counter_app.services.setup import init_database, open_database

PERIOD = Period.month(2026, 10)
END = datetime(2026, 11, 1, tzinfo=UTC) - timedelta(hours=7)
SPAN = timedelta(days=730)
D_COLS = ("id", "code", "lookup_secret", "procedure_id", "unit_id", "channel", "status",
          "sets_count", "applicant_name", "applicant_id_number", "applicant_phone",
          "applicant_address", "applicant_email", "applicant_gender", "applicant_name_folded",
          "received_at", "due_at", "original_due_at", "due_rule_version", "paused_at",
          "finished_at", "returned_at", "return_by_post", "post_receiver_name", "post_address",
          "post_phone", "received_by_name", "ledger_book", "needs_review", "notes",
          "created_at", "updated_at", "version")  # fmt: skip
E_COLS = ("id", "dossier_id", "kind", "from_status", "to_status", "at", "actor_name", "reason",
          "data", "created_at", "updated_at", "version")  # fmt: skip
R_COLS = ("id", "dossier_id", "level", "reason", "at", "created_at", "updated_at", "version")
LEVELS = ("very_satisfied", "satisfied", "unsatisfied")


def _catalog(url: str) -> list[tuple[str, str]]:
    from sqlalchemy import select

    from counter_app.models import Procedure

    db = open_database(url)
    with db.read() as s:
        rows = [(p, u) for p, u in s.execute(select(Procedure.id, Procedure.department_id))]
    db.dispose()
    return rows


def generate(n: int, procs: list[tuple[str, str]], seed: int = 1) -> Iterator[tuple[str, ...]]:
    """Yield ("d", row) / ("e", row) / ("r", row) tuples; times aware UTC."""
    rng = random.Random(seed)
    start = END - SPAN
    step = SPAN / n
    for i in range(n):
        did = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        proc, unit = procs[rng.randrange(len(procs))]
        received = start + step * i + timedelta(seconds=rng.randrange(3600))
        due = received + timedelta(hours=rng.choice((4, 8, 24, 72, 120, 240)))
        age = END - received
        roll = rng.random()
        finished = returned = paused = None
        status = 4
        by_post = rng.random() < 0.1
        events: list[tuple[int | None, int, datetime, str]] = []
        if roll < 0.03:
            status, finished = 3, received + timedelta(minutes=10)
            events.append((None, 3, finished, "status"))
        else:
            events.append((None, 2, received, "status"))
            spent = timedelta(hours=rng.uniform(0, 1.3) * (due - received).total_seconds() / 3600)
            if rng.random() < 0.06:
                p_at = received + spent / 3
                events.append((2, 5, p_at, "status"))
                if age > spent:
                    events.append((5, 4, p_at + timedelta(hours=30), "status"))
                    due += timedelta(hours=30)
                    spent += timedelta(hours=30)
                else:
                    status, paused = 5, p_at
            if rng.random() < 0.01 and age > spent / 2:
                events.append((None, 0, received + spent / 2, "apology"))
            if status != 5 and roll < 0.05 and age > spent:
                status, finished = 8, received + spent
                events.append((2, 8, finished, "status"))
            elif status != 5 and roll < 0.07 and age > spent:
                status = 7
                events.append((2, 7, received + spent, "status"))
            elif status != 5 and age > spent:
                status, finished = 9, received + spent
                events.append((2, 9, finished, "status"))
                back = finished + timedelta(hours=rng.uniform(1, 72))
                if back < END + timedelta(days=20):
                    status, returned = 10, back
                    events.append((9, 10, back, "status"))
        code = f"B{i:07d}"
        yield "d", (
            did, code, "ABCDEF", proc, unit, rng.choice((1, 1, 1, 2, 2, 3)), status, 1,
            "Nguyễn Văn A", "", "", "", "", "", "nguyen van a", received, due, due, "bench",
            paused, finished, returned, by_post, "", "", "", "bench", "", False, "",
            received, received, 1,
        )  # fmt: skip
        for from_s, to_s, at, kind in events:
            yield "e", (
                str(uuid.UUID(int=rng.getrandbits(128), version=4)), did, kind, from_s,
                to_s if kind == "status" else None, at, "bench", "", "{}", at, at, 1,
            )  # fmt: skip
        if returned is not None and rng.random() < 0.5:
            level = rng.choices(LEVELS, (6, 3, 1))[0]
            yield "r", (
                str(uuid.UUID(int=rng.getrandbits(128), version=4)), did, level,
                "Chờ lâu" if level == "unsatisfied" else "", returned, returned, returned, 1,
            )  # fmt: skip


def _sqlite_value(v: object) -> object:
    if isinstance(v, datetime):  # as SQLAlchemy stores it: naive UTC text
        return v.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    return v


def load_sqlite(path: Path, n: int) -> str:
    url = f"sqlite:///{path}"
    init_database(url, demo=True)
    procs = _catalog(url)
    conn = sqlite3.connect(path)
    tables = {"d": ("dossiers", D_COLS), "e": ("dossier_events", E_COLS), "r": ("ratings", R_COLS)}
    buffers: dict[str, list[tuple[object, ...]]] = {k: [] for k in tables}

    def flush(kind: str) -> None:
        name, cols = tables[kind]
        marks = ",".join("?" * len(cols))
        conn.executemany(f"INSERT INTO {name} ({','.join(cols)}) VALUES ({marks})",
                         [tuple(_sqlite_value(v) for v in row) for row in buffers[kind]])  # fmt: skip
        buffers[kind].clear()

    for kind, row in generate(n, procs):
        buffers[kind].append(row)
        if len(buffers[kind]) >= 20_000:
            flush("d")  # dossiers first: events and ratings refer to them
            flush(kind)
    for kind in ("d", "e", "r"):
        flush(kind)
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()
    return url


def load_pg(admin: str, n: int) -> tuple[str, str]:
    name = f"bench_report_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    base = admin.rpartition("/")[0]
    libpq = f"{base}/{name}"
    url = libpq.replace("postgresql://", "postgresql+psycopg://", 1)
    init_database(url, demo=True)
    procs = _catalog(url)
    tables = {"d": ("dossiers", D_COLS), "e": ("dossier_events", E_COLS), "r": ("ratings", R_COLS)}
    with psycopg.connect(libpq) as conn:
        # One pass of the (seeded, so identical) generator per table: dossiers before the rows
        # that refer to them, and nothing held in memory.
        for kind in ("d", "e", "r"):
            table, cols = tables[kind]
            with conn.cursor().copy(
                sql.SQL("COPY {} ({}) FROM STDIN").format(
                    sql.Identifier(table), sql.SQL(",").join(map(sql.Identifier, cols))
                )
            ) as copy:
                for k, row in generate(n, procs):
                    if k == kind:
                        copy.write_row(row)
        conn.commit()
    with psycopg.connect(libpq, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    return url, name


def measure(label: str, url: str, runs: int) -> dict[str, float]:
    db = open_database(url)
    now = datetime(2027, 1, 15, tzinfo=UTC)
    t0 = time.perf_counter()
    report = monthly_report(db, PERIOD, now=now)
    cold = time.perf_counter() - t0
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        monthly_report(db, PERIOD, now=now)
        times.append(time.perf_counter() - t0)
    db.dispose()
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    result = {"cold_s": round(cold, 3), "median_s": round(statistics.median(times), 3),
              "p95_s": round(p95, 3)}  # fmt: skip
    t = report.totals
    print(f"{label}: {json.dumps(result)}  (received {t.received_total}, settled "
          f"{t.settled_total}, in progress {t.in_progress_total}, carried over {t.carried_over})")  # fmt: skip
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sqlite-n", type=int, default=100_000)
    ap.add_argument("--pg-n", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres")
    ap.add_argument("--skip-pg", action="store_true")
    ap.add_argument("--skip-sqlite", action="store_true")
    ap.add_argument("--keep-pg", action="store_true", help="keep the PostgreSQL data set")
    args = ap.parse_args(argv)
    if not args.skip_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            url = load_sqlite(Path(tmp) / "bench.sqlite3", args.sqlite_n)
            print(f"SQLite: {args.sqlite_n} dossiers generated in {time.perf_counter() - t0:.1f} s")
            measure(f"SQLite {args.sqlite_n}", url, args.runs)
    if not args.skip_pg:
        t0 = time.perf_counter()
        url, name = load_pg(args.pg, args.pg_n)
        print(f"PostgreSQL: {args.pg_n} dossiers generated in {time.perf_counter() - t0:.1f} s")
        try:
            measure(f"PostgreSQL {args.pg_n}", url, args.runs)
        finally:
            if args.keep_pg:
                print(f"kept: {url}")
            else:
                with psycopg.connect(args.pg, autocommit=True) as conn:
                    conn.execute(
                        sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                            sql.Identifier(name)
                        )
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
