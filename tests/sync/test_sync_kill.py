"""Failure tests 1–3 of SYNC.md: real processes killed with SIGKILL while they write a desk's
SQLite file, push its outbox, or apply a pulled page; then the desk and the center agree,
nothing lost, nothing doubled.

Each test kills a worker forked from a warm fork server (sync_kill_child.py) many times; the
number of trials is COUNTER_APP_KILL_TRIALS (default: enough for 200+ kills in `make test`;
`bench/bench_sync.py kill N` runs thousands). The random seed is printed; set
COUNTER_APP_KILL_SEED to replay a run.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from counter_app.services.dossiers import change_status
from counter_app.services.sync import sync_once
from counter_app.services.sync.pull import pull_changes

from .sync_kill_helpers import ForkServer, assert_desk_drained, check_desk_file, kill_trials


@pytest.fixture
def fork_server() -> Iterator[ForkServer]:
    server = ForkServer()
    yield server
    server.close()


@pytest.fixture
def rng() -> random.Random:
    seed = int(os.environ.get("COUNTER_APP_KILL_SEED", time.time_ns() % 1_000_000_007))
    print(f"COUNTER_APP_KILL_SEED={seed}")
    return random.Random(seed)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:  # it ended on its own first
        pass


# --- 1. kill -9 during a local write ---------------------------------------------------------


def test_kill_during_local_writes_keeps_each_row_with_its_outbox_ops(
    demo_path: Path, fork_server: ForkServer, rng: random.Random
) -> None:
    """A worker receives dossiers (and moves every second one to 4) in a loop on a real file
    and is killed at a random moment, over and over. After each kill: integrity_check ok,
    every row has its outbox ops and every op its row, desk_seq 1..N, and every write the
    worker saw committed is there."""
    trials = kill_trials(120)
    fork_server.warm(demo_path)
    where: Counter[str] = Counter()
    reported: set[str] = set()
    for _ in range(trials):
        pid = fork_server.fork("intake", db=str(demo_path))
        time.sleep(rng.uniform(0, 0.1))
        _kill(pid)
        assert fork_server.reap(pid) == signal.SIGKILL
        last = fork_server.lines[-1] if fork_server.lines else {}
        where["inside a write" if {"begin", "begin_status"} & set(last) else "between"] += 1
        reported |= {line["code"] for line in fork_server.lines if "committed" in line}
        check_desk_file(demo_path)
    con = sqlite3.connect(demo_path)
    try:
        codes = {r[0] for r in con.execute("SELECT code FROM dossiers")}
    finally:
        con.close()
    assert reported <= codes, "a dossier the worker saw committed is gone"
    print(dict(where), f"{len(codes)} dossiers")
    # The test means something only if most kills hit a write in progress.
    assert where["inside a write"] >= trials // 2, where


# --- 2. kill at each step of a push ----------------------------------------------------------

PUSH_POINTS = ("before_send", "after_commit", "during_ack", "random")


@pytest.mark.pg
def test_kill_at_each_step_of_a_push_then_resync_applies_each_op_once(
    make_desk, center_url: str, fork_server: ForkServer, rng: random.Random
) -> None:
    """A worker syncs the desk (sync_once, or push in batches of 3–5 then pull) and is killed
    before sending, after the center committed but before the local ack, or in the middle of
    the ack transaction (or at a random moment). Then a normal sync drains the outbox and the
    center holds every op exactly once."""
    desk = make_desk(1)
    fork_server.warm(desk.path)
    trials = kill_trials(60)
    killed: Counter[str] = Counter()
    duplicates: Counter[str] = Counter()
    ahead: Counter[str] = Counter()  # the center had ops the desk had not marked acked
    with desk.client() as client:
        for trial in range(trials):
            point = PUSH_POINTS[trial % len(PUSH_POINTS)]
            for _ in range(rng.randint(1, 2)):
                desk.intake(f"Người nộp {trial}")
            batch = rng.choice([None, 3, 5])
            nth = 1 if batch is None else rng.randint(1, 3)
            pid = fork_server.fork(
                "push",
                db=str(desk.path),
                central=desk.url,
                point="" if point == "random" else point,
                nth=nth,
                batch=batch,
            )
            if point == "random":
                time.sleep(rng.uniform(0, 0.15))
                _kill(pid)
            if fork_server.reap(pid) == signal.SIGKILL:
                killed[point] += 1
            ahead[point] += _applied_not_acked(center_url, desk.path)
            report = sync_once(desk.db, client)
            assert not report.push.gap, report.push.gap
            duplicates[point] += report.push.duplicates
            assert_desk_drained(center_url, desk.path, desk.desk_id)
    print(f"kills {dict(killed)}, resent duplicates {dict(duplicates)}, ahead {dict(ahead)}")
    per_point = trials // len(PUSH_POINTS)
    for point in ("before_send", "after_commit", "during_ack"):
        assert killed[point] >= per_point // 2, (point, killed)
    # The dangerous states were really reached: the center applied ops whose ack was lost,
    # and the resend found them as duplicates.
    assert ahead["after_commit"] > 0 and duplicates["after_commit"] > 0
    assert ahead["during_ack"] > 0 and duplicates["during_ack"] > 0
    assert ahead["before_send"] == 0


def _applied_not_acked(center_url: str, path: Path) -> int:
    con = sqlite3.connect(path, timeout=30)
    try:
        waiting = [
            r[0] for r in con.execute("SELECT op_id FROM sync_outbox WHERE state <> 'acked'")
        ]
    finally:
        con.close()
    if not waiting:
        return 0
    with psycopg.connect(center_url) as conn:
        row = conn.execute(
            "SELECT count(*) FROM center_applied_ops WHERE op_id = ANY(%s)", (waiting,)
        ).fetchone()
    return int(row[0]) if row else 0


# --- 3. kill between applying pulled rows and saving the cursor ------------------------------

PULL_POINTS = ("applied", "cursor", "random")


@pytest.mark.pg
def test_kill_while_applying_a_pulled_page_keeps_cursor_and_rows_together(
    make_desk, center_url: str, fork_server: ForkServer, rng: random.Random
) -> None:
    """Desk 1 receives dossiers and changes statuses and syncs; a worker pulls them into desk 2
    in small pages and is killed after a page's rows are written but before its cursor, or
    after both are written but before the commit (or at random). Right after each kill the
    cursor is never ahead of the rows; after a normal pull desk 2 equals the center, and
    pulling again from an older cursor changes nothing."""
    source, victim = make_desk(1), make_desk(2)
    fork_server.warm(victim.path)
    trials = kill_trials(30)
    killed: Counter[str] = Counter()
    with source.client() as source_client, victim.client() as victim_client:
        for trial in range(trials):
            point = PULL_POINTS[trial % len(PULL_POINTS)]
            for _ in range(rng.randint(1, 2)):
                made = source.intake(f"Người nộp {trial}")
                if rng.random() < 0.5:
                    change_status(source.db, made.code, 4, source.actor)
            sync_once(source.db, source_client)
            pid = fork_server.fork(
                "pull",
                db=str(victim.path),
                central=victim.url,
                point="" if point == "random" else point,
                nth=rng.randint(1, 2),
                page=rng.choice([2, 3, 5]),
            )
            if point == "random":
                time.sleep(rng.uniform(0, 0.06))
                _kill(pid)
            if fork_server.reap(pid) == signal.SIGKILL:
                killed[point] += 1
            check_cursor_not_ahead(center_url, victim.path)
            pull_changes(victim.db, victim_client)
            check_same_as_center(center_url, victim.path)
            if trial % 5 == 4:  # re-applying what was applied already changes nothing
                set_cursor(victim.path, rng.randint(0, cursor_of(victim.path)))
                pull_changes(victim.db, victim_client, page=rng.choice([3, 50]))
                check_same_as_center(center_url, victim.path)
    print(f"kills {dict(killed)}")
    for point in ("applied", "cursor"):
        assert killed[point] >= trials // len(PULL_POINTS) // 2, (point, killed)


def cursor_of(path: Path) -> int:
    con = sqlite3.connect(path, timeout=30)
    try:
        return int(con.execute("SELECT pull_cursor_id FROM sync_state").fetchone()[0])
    finally:
        con.close()


def set_cursor(path: Path, value: int) -> None:
    con = sqlite3.connect(path, timeout=30)
    try:
        with con:
            con.execute("UPDATE sync_state SET pull_cursor_id = ?", (value,))
    finally:
        con.close()


def check_cursor_not_ahead(center_url: str, path: Path) -> None:
    """Every dossier change at or before the desk's cursor is on the desk (pouchdb#1240)."""
    cursor = cursor_of(path)
    with psycopg.connect(center_url) as conn:
        changes = conn.execute(
            "SELECT entity, entity_id, max(id) FROM center_change_log WHERE id <= %s AND entity "
            "IN ('dossiers', 'dossier_items', 'dossier_events') GROUP BY entity, entity_id",
            (cursor,),
        ).fetchall()
    con = sqlite3.connect(path, timeout=30)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        for entity, entity_id, change_id in changes:
            row = con.execute(
                f"SELECT server_version FROM {entity} WHERE id = ?", (entity_id,)
            ).fetchone()
            assert row is not None, f"cursor {cursor} passed {entity} {entity_id}, not here"
            assert row[0] >= change_id, f"{entity} {entity_id} older than the cursor says"
    finally:
        con.close()


def check_same_as_center(center_url: str, path: Path) -> None:
    with psycopg.connect(center_url) as conn:
        center = _rows(lambda q: conn.execute(q).fetchall())
        last = conn.execute("SELECT coalesce(max(id), 0) FROM center_change_log").fetchone()
    con = sqlite3.connect(path, timeout=30)
    try:
        desk = _rows(lambda q: con.execute(q).fetchall())
    finally:
        con.close()
    assert desk == center
    assert last and cursor_of(path) == last[0]


def _rows(run) -> dict[str, set[tuple]]:
    return {
        "dossiers": set(run("SELECT id, code, status, server_version FROM dossiers")),
        "items": set(run("SELECT id, dossier_id, server_version FROM dossier_items")),
        "events": set(run("SELECT id, dossier_id, to_status FROM dossier_events")),
    }
