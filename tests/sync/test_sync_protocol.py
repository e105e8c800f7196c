"""SYNC.md failure tests 5, 6 and 7 at the center's entry points: the same batch twice (in turn
and at once on two connections), desk_seq gaps and reordering, and commits that finish out of
order while a desk pulls."""

from __future__ import annotations

import threading
import time
from typing import Any

import psycopg
import pytest
from sqlalchemy import delete, select

from counter_app.models import Dossier, OutboxOp
from counter_app.services.sync import CenterClient, sync_once
from counter_app.services.sync.pull import pull_changes
from counter_app.services.sync.push import op_message, push_outbox

pytestmark = pytest.mark.pg

LOCK_WAIT = (
    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
    "AND wait_event = 'advisory' AND datname = current_database()"
)


def _messages(db) -> list[dict[str, Any]]:
    with db.read() as session:
        ops = session.scalars(select(OutboxOp).order_by(OutboxOp.desk_seq))
        return [op_message(op, held=False) for op in ops]


def _center(center_url: str, query: str, *args: Any) -> list[tuple[Any, ...]]:
    with psycopg.connect(center_url) as conn:
        return list(conn.execute(query, args))


def _effects(center_url: str, desk_id: str) -> tuple[int, int, int, int]:
    """(applied ops, dossiers, events, change-log rows) of one desk at the center."""
    return _center(
        center_url,
        "SELECT (SELECT count(*) FROM center_applied_ops WHERE desk_id = %s),"
        " (SELECT count(*) FROM dossiers WHERE origin_desk_id = %s),"
        " (SELECT count(*) FROM dossier_events WHERE origin_desk_id = %s),"
        " (SELECT count(*) FROM center_change_log WHERE origin_desk_id = %s)",
        desk_id,
        desk_id,
        desk_id,
        desk_id,
    )[0]


def _wait_for(center_url: str, query: str, want: int, seconds: float = 10) -> int:
    deadline = time.monotonic() + seconds
    while True:
        got = _center(center_url, query)[0][0]
        if got >= want or time.monotonic() > deadline:
            return int(got)
        time.sleep(0.05)


# -- 5. the same batch twice ------------------------------------------------------------------
def test_the_same_batch_twice_in_turn_and_at_once_applies_each_op_once(
    make_desk, center_url
) -> None:
    desk = make_desk(1)
    desk.intake("Hoàng Thị Lan")
    first = _messages(desk.db)
    with desk.client() as client:
        one = client.push(first)["results"]
        two = client.push(first)["results"]
    assert [r["result"] for r in one] == ["applied"] * len(first)
    assert [(r["result"], r["first_result"]) for r in two] == [("duplicate", "applied")] * len(
        first
    )
    assert [r["server_version"] for r in two] == [r["server_version"] for r in one]
    after_first = _effects(center_url, desk.desk_id)
    assert after_first[:3] == (len(first), 1, 1)

    # At once: a transaction at the center holds the lock while both pushes queue behind it,
    # so the two really overlap.
    desk.intake("Vi Văn Nam")
    batch = [m for m in _messages(desk.db) if m["desk_seq"] > len(first)]
    replies: list[list[dict[str, Any]]] = []
    errors: list[BaseException] = []

    def push() -> None:
        try:
            with CenterClient(desk.url, desk.desk_id) as c:
                replies.append(c.push(batch)["results"])
        except BaseException as exc:
            errors.append(exc)

    with psycopg.connect(center_url) as holder:
        holder.execute("SELECT pg_advisory_xact_lock(72620001)")
        threads = [threading.Thread(target=push) for _ in range(2)]
        for t in threads:
            t.start()
        assert _wait_for(center_url, LOCK_WAIT, 2) == 2, "both pushes wait at the same time"
        holder.commit()
    for t in threads:
        t.join(30)
    assert not errors, errors
    assert len(replies) == 2
    by_op: dict[str, list[str]] = {}
    for reply in replies:
        for r in reply:
            by_op.setdefault(r["op_id"], []).append(r["result"])
    assert set(by_op) == {m["op_id"] for m in batch}
    assert all(sorted(v) == ["applied", "duplicate"] for v in by_op.values()), by_op
    n = len(first) + len(batch)
    applied, dossiers, events, logged = _effects(center_url, desk.desk_id)
    assert (applied, dossiers, events) == (n, 2, 2)
    assert logged == after_first[3] * 2  # the second intake logged as much as the first

    report = sync_once(desk.db, desk.client())  # the desk's own push: all duplicates
    assert report.push.duplicates == n and report.push.acked == n


# -- 6. desk_seq gaps and reordering ----------------------------------------------------------
def test_the_center_applies_nothing_past_a_gap_and_takes_the_ops_once_it_is_filled(
    make_desk, center_url
) -> None:
    desk = make_desk(1)
    desk.intake("Hoàng Thị Lan")
    desk.intake("Vi Văn Nam")
    msgs = _messages(desk.db)
    assert len(msgs) >= 6
    with desk.client() as client:
        # A batch starting past the center's next seq: a gap at the first op, nothing applied.
        res = client.push(msgs[2:5])["results"]
        assert [(r["result"], r["expected"]) for r in res] == [("gap", 1)]
        # Reordered: 1, 3, 2 → 1 applied, 3 is a gap, the batch stops there.
        res = client.push([msgs[0], msgs[2], msgs[1]])["results"]
        assert [r["result"] for r in res] == ["applied", "gap"]
        assert res[1]["expected"] == 2
        assert _center(
            center_url, "SELECT desk_seq FROM center_applied_ops WHERE desk_id = %s", desk.desk_id
        ) == [(1,)]
        # A whole batch in reverse: the first op is the gap.
        res = client.push(list(reversed(msgs[1:4])))["results"]
        assert [r["result"] for r in res] == ["gap"]
        # Resent in order once the gap is filled: everything goes through, once.
        res = client.push(msgs)["results"]
        assert [r["result"] for r in res] == ["duplicate"] + ["applied"] * (len(msgs) - 1)
    assert _effects(center_url, desk.desk_id)[:3] == (len(msgs), 2, 2)


def test_a_desk_missing_an_op_stops_at_the_gap_and_says_so(make_desk, center_url) -> None:
    desk = make_desk(1)
    desk.intake("Hoàng Thị Lan")
    desk.intake("Vi Văn Nam")
    msgs = _messages(desk.db)
    lost = msgs[2]
    with desk.db.write() as session:  # an op lost from the outbox (e.g. a restored backup)
        session.execute(delete(OutboxOp).where(OutboxOp.op_id == lost["op_id"]))
    with desk.client() as client:
        report = push_outbox(desk.db, client)
    assert report.gap and "expects 3" in report.gap
    with desk.db.read() as session:
        states = dict(session.execute(select(OutboxOp.desk_seq, OutboxOp.state)).all())
    assert states == {
        m["desk_seq"]: ("acked" if m["desk_seq"] < 3 else "pending") for m in msgs[:2] + msgs[3:]
    }
    assert sorted(
        s
        for (s,) in _center(
            center_url, "SELECT desk_seq FROM center_applied_ops WHERE desk_id = %s", desk.desk_id
        )
    ) == [1, 2]
    from counter_app.services.sync import sync_status

    assert "gap" in sync_status(desk.db).last_error

    with desk.db.write() as session:  # the op is back
        session.add(
            OutboxOp(
                op_id=lost["op_id"],
                desk_seq=lost["desk_seq"],
                entity=lost["entity"],
                entity_id=lost["entity_id"],
                kind=lost["kind"],
                payload=lost["payload"],
                base_version=lost["base_version"],
                schema_version=lost["schema_version"],
            )
        )
    report = sync_once(desk.db, desk.client())
    assert not report.push.gap and report.push.acked == len(msgs) - 2
    assert sync_status(desk.db).last_error == ""
    assert _effects(center_url, desk.desk_id)[:3] == (len(msgs), 2, 2)


# -- 7. out-of-order commits at the center ----------------------------------------------------
def test_a_change_committed_late_is_not_skipped_by_a_desk_that_pulled_meanwhile(
    make_desk, center_url
) -> None:
    reader, writer_a, writer_b = make_desk(1), make_desk(2), make_desk(3)
    a = writer_a.intake("Hoàng Thị Lan")
    sync_once(writer_a.db, writer_a.client())
    sync_once(reader.db, reader.client())  # the reader has A's dossier, notes empty
    with reader.db.read() as session:
        dossier_a = session.scalar(select(Dossier).where(Dossier.code == a.code))
        assert dossier_a is not None and dossier_a.notes == ""
        dossier_a_id = dossier_a.id
    b = writer_b.intake("Vi Văn Nam")

    b_done = threading.Event()
    b_errors: list[BaseException] = []

    def push_b() -> None:
        try:
            with writer_b.client() as client:
                push_outbox(writer_b.db, client)
        except BaseException as exc:
            b_errors.append(exc)
        finally:
            b_done.set()

    with psycopg.connect(center_url) as tx_a:
        # A writes a change and its change-log row, and stays open.
        tx_a.execute("UPDATE dossiers SET notes = 'ghi chú A' WHERE id = %s", (dossier_a_id,))
        id_a = tx_a.execute(
            "SELECT center_log_change('dossiers', %s, 'update', '[\"notes\"]', NULL, NULL)",
            (dossier_a_id,),
        ).fetchone()[0]
        # B writes and tries to commit: with the change-log lock it waits for A.
        thread = threading.Thread(target=push_b)
        thread.start()
        waiting = _wait_for(center_url, LOCK_WAIT, 1, seconds=3)
        b_waited = waiting == 1 and not b_done.is_set()
        pull_changes(reader.db, reader.client())  # the reader pulls in between
        tx_a.commit()
    thread.join(30)
    assert b_done.is_set() and not b_errors, b_errors
    pull_changes(reader.db, reader.client())

    with reader.db.read() as session:
        notes_a = session.scalar(select(Dossier.notes).where(Dossier.id == dossier_a_id))
        codes = set(session.scalars(select(Dossier.code)))
    assert notes_a == "ghi chú A", "the reader skipped A's change"
    assert b.code in codes
    assert b_waited, "B committed while A's change-log row was still open"
    ids_b = [
        i
        for (i,) in _center(
            center_url,
            "SELECT id FROM center_change_log WHERE origin_desk_id = %s",
            writer_b.desk_id,
        )
    ]
    assert ids_b and min(ids_b) > id_a, "id order is commit order"
