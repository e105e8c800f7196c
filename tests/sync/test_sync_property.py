"""Failure test 12 of SYNC.md: random work on two or three desks with random drops, duplicate
batches and deaths mid-way, then sync until quiet: every database holds the same dossiers and
events, no op is lost and none is applied twice (real PostgreSQL, real SQLite files).

Each example starts from the same three freshly joined desks (their files copied back) and an
emptied center. Deaths are simulated in-process at the places a kill -9 can hit (the process
kill itself is test_sync_kill.py): a BaseException after the center committed, or raised from
the flush of the local acknowledgement / pulled page, so that transaction never commits.
COUNTER_APP_SYNC_EXAMPLES sets how many examples run (default 20).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, event, select
from sqlalchemy.orm import Session

from counter_app.domain.errors import CounterError
from counter_app.models import Dossier
from counter_app.services.dossiers import change_status
from counter_app.services.sync import CenterClient, CenterUnreachable, sync_once
from counter_app.services.sync.pull import pull_changes
from counter_app.services.sync.push import push_outbox

pytestmark = pytest.mark.pg

EXAMPLES = int(os.environ.get("COUNTER_APP_SYNC_EXAMPLES", "20"))
CENTER_TABLES = (
    "dossiers", "dossier_items", "dossier_events", "audit_log", "center_applied_ops",
    "center_change_log", "center_desk_progress", "center_conflicts",
)  # fmt: skip


class Died(BaseException):
    """The desk's process 'died' here: nothing after this point ran, nothing uncommitted stays."""


@dataclass
class Cluster:
    center_url: str
    desks: list[Any]  # DeskHandle
    baselines: list[Path]
    clients: list[CenterClient] = field(default_factory=list)
    dying: set[Engine] = field(default_factory=set)  # the next flush on these engines dies

    def reset(self) -> None:
        """Back to three desks just joined and a center without dossiers."""
        for desk, baseline in zip(self.desks, self.baselines, strict=True):
            desk.db.dispose()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{desk.path}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(baseline, desk.path)
        with psycopg.connect(self.center_url, autocommit=True) as conn:
            conn.execute(f"TRUNCATE {', '.join(CENTER_TABLES)} CASCADE")
        self.dying.clear()


def _die_on_flush(cluster: Cluster) -> Callable[[Session, Any], None]:
    def after_flush(session: Session, _context: Any) -> None:
        bind = session.get_bind()
        if bind in cluster.dying:
            cluster.dying.discard(bind)  # type: ignore[arg-type]
            raise Died

    return after_flush


@pytest.fixture
def cluster(make_desk, center_url: str, tmp_path: Path) -> Iterator[Cluster]:
    desks = [make_desk(n) for n in (1, 2, 3)]
    baselines = []
    for desk in desks:
        baseline = tmp_path / f"baseline-{desk.number}.sqlite3"
        with sqlite3.connect(desk.path) as src, sqlite3.connect(baseline) as dst:
            src.backup(dst)
        src.close()
        dst.close()
        baselines.append(baseline)
    made = Cluster(center_url, desks, baselines)
    made.clients = [desk.client() for desk in desks]
    listener = _die_on_flush(made)
    event.listen(Session, "after_flush", listener)
    yield made
    event.remove(Session, "after_flush", listener)
    for client in made.clients:
        client.close()


PUSH_FAULTS = ("ok", "drop", "lost_reply", "duplicate", "die_before_ack", "die_in_ack")
PULL_FAULTS = ("ok", "drop", "die_in_apply")
DESK = st.integers(0, 2)
STEP = st.one_of(
    st.tuples(st.just("intake"), DESK),
    st.tuples(st.just("status"), DESK, st.integers(0, 30), st.sampled_from([4, 9])),
    st.tuples(st.just("push"), DESK, st.sampled_from(PUSH_FAULTS), st.sampled_from([2, 200])),
    st.tuples(st.just("pull"), DESK, st.sampled_from(PULL_FAULTS)),
)


class FaultyPush:
    """`client.push` with one fault; the real call goes through the real client."""

    def __init__(self, cluster: Cluster, index: int, fault: str) -> None:
        self.client = cluster.clients[index]
        self.engine = cluster.desks[index].db.engine
        self.cluster = cluster
        self.fault = fault

    def __call__(self, ops: list[dict[str, Any]]) -> dict[str, Any]:
        if self.fault == "drop":
            self.client.close()
            raise CenterUnreachable("drop: the connection closed before the request")
        reply = CenterClient.push(self.client, ops)
        if self.fault == "duplicate":  # the same batch again: every op a duplicate
            reply = CenterClient.push(self.client, ops)
        elif self.fault == "lost_reply":
            self.client.close()
            raise CenterUnreachable("lost: the center committed, the reply never came")
        elif self.fault == "die_before_ack":
            raise Died
        elif self.fault == "die_in_ack":
            self.cluster.dying.add(self.engine)
        return reply


def run_step(cluster: Cluster, n_desks: int, step: tuple[Any, ...], model: dict[str, int]) -> None:
    kind, index = step[0], step[1] % n_desks
    desk, client = cluster.desks[index], cluster.clients[index]
    if kind == "intake":
        desk.intake(f"Người nộp {model['dossiers']}")
        model["dossiers"] += 1
        model["events"] += 1
    elif kind == "status":
        with desk.db.read() as session:
            codes = list(session.scalars(select(Dossier.code).order_by(Dossier.code)))
        if not codes:
            return
        try:
            change_status(desk.db, codes[step[2] % len(codes)], step[3], desk.actor)
        except CounterError:  # not allowed from its current status
            return
        model["events"] += 1
    elif kind == "push":
        client.push = FaultyPush(cluster, index, step[2])  # type: ignore[method-assign]
        try:
            push_outbox(desk.db, client, batch=step[3])
        except (CenterUnreachable, Died):
            pass
        finally:
            del client.push
            cluster.dying.clear()
    elif kind == "pull":
        fault = step[2]
        try:
            if fault == "drop":
                client.close()
                raise CenterUnreachable("drop")
            if fault == "die_in_apply":
                cluster.dying.add(desk.db.engine)
            pull_changes(desk.db, client, page=3)
        except (CenterUnreachable, Died):
            pass
        finally:
            cluster.dying.clear()


def sync_until_quiet(cluster: Cluster, n_desks: int) -> None:
    for _ in range(10):
        busy = False
        for desk, client in list(zip(cluster.desks, cluster.clients, strict=True))[:n_desks]:
            report = sync_once(desk.db, client)
            assert not report.push.gap, report.push.gap
            busy |= report.push.sent > 0 or report.pull.changes > 0
        if not busy:
            return
    raise AssertionError("sync did not go quiet in 10 rounds")


def _desk_rows(path: Path) -> dict[str, Any]:
    con = sqlite3.connect(path)
    try:
        return {
            "dossiers": set(con.execute("SELECT id, code, status, needs_review FROM dossiers")),
            "events": {r[0] for r in con.execute("SELECT id FROM dossier_events")},
            "items": {r[0] for r in con.execute("SELECT id FROM dossier_items")},
            "ops": {r[0] for r in con.execute("SELECT op_id FROM sync_outbox")},
            "waiting": con.execute(
                "SELECT count(*) FROM sync_outbox WHERE state <> 'acked'"
            ).fetchone()[0],
        }
    finally:
        con.close()


def check_converged(cluster: Cluster, n_desks: int, model: dict[str, int]) -> None:
    with psycopg.connect(cluster.center_url) as conn:
        center = {
            "dossiers": {
                (i, c, s, int(r))
                for i, c, s, r in conn.execute(
                    "SELECT id, code, status, needs_review FROM dossiers"
                )
            },
            "events": {r[0] for r in conn.execute("SELECT id FROM dossier_events")},
            "items": {r[0] for r in conn.execute("SELECT id FROM dossier_items")},
        }
        applied = conn.execute("SELECT op_id, result FROM center_applied_ops").fetchall()
        twice = conn.execute(
            "SELECT op_id FROM center_change_log WHERE op_id IS NOT NULL "
            "GROUP BY op_id HAVING count(*) > 1"
        ).fetchall()
    assert len(center["dossiers"]) == model["dossiers"], "a dossier was lost or doubled"
    assert len(center["events"]) == model["events"], "an event was lost or doubled"
    assert twice == [], f"ops applied twice: {twice}"
    assert {r for _, r in applied} <= {"applied", "conflict"}, applied
    all_ops: set[str] = set()
    for desk in cluster.desks[:n_desks]:
        rows = _desk_rows(desk.path)
        assert rows["waiting"] == 0, f"desk {desk.number}: ops not acknowledged"
        for key in ("dossiers", "events", "items"):
            assert rows[key] == center[key], f"desk {desk.number} differs in {key}"
        all_ops |= rows["ops"]
    assert {op for op, _ in applied} == all_ops, "an op was lost (or came from nowhere)"
    assert len(applied) == len(all_ops)


# A reply lost after the center committed, while another desk changes the same dossier: the
# desk pulls the other desk's change while its own op still waits (its row is kept), then
# resends and hears "duplicate". It must still end with the center's row.
LOST_REPLY_THEN_OTHER_EDIT = [
    ("intake", 0), ("push", 0, "ok", 200), ("pull", 1, "ok"), ("status", 0, 0, 4),
    ("push", 0, "lost_reply", 200), ("pull", 1, "ok"), ("status", 1, 0, 9),
    ("push", 1, "ok", 200), ("pull", 0, "ok"),
]  # fmt: skip


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(n_desks=st.integers(2, 3), steps=st.lists(STEP, min_size=1, max_size=24))
@example(n_desks=2, steps=LOST_REPLY_THEN_OTHER_EDIT)
def test_random_work_with_drops_duplicates_and_deaths_converges(
    cluster: Cluster, n_desks: int, steps: list[tuple[Any, ...]]
) -> None:
    cluster.reset()
    model = {"dossiers": 0, "events": 0}
    for step in steps:
        run_step(cluster, n_desks, step, model)
    sync_until_quiet(cluster, n_desks)
    check_converged(cluster, n_desks, model)
