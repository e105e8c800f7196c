"""SYNC.md failure test 8: a desk whose clock is 2 h slow, a day fast, or jumps back. Its wall
clock orders nothing: ops go in desk_seq order, the center orders changes by its own log, the
desk keeps syncing and records the offset, and the status bar warns beyond 2 minutes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import psycopg
import pytest
from sqlalchemy import select, update

from counter_app.domain.status import Status
from counter_app.models import Dossier, OutboxOp
from counter_app.services import dossiers, intake, recording
from counter_app.services.sync import pull as pull_module
from counter_app.services.sync import push as push_module
from counter_app.services.sync import runner, sync_once, sync_status

pytestmark = pytest.mark.pg

MODULES = (runner, push_module, pull_module, recording, dossiers, intake)


class DeskClock:
    """The desk's wall clock: the real time shifted by `offset` (what its programs read)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.offset = timedelta(0)
        for module in MODULES:
            monkeypatch.setattr(module, "utcnow", self.now)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset


def _status(db, dossier_id: str) -> tuple[int, bool]:
    with db.read() as session:
        d = session.get(Dossier, dossier_id)
        assert d is not None
        return d.status, d.needs_review


def test_a_desk_with_a_wrong_clock_syncs_and_its_clock_orders_nothing(
    make_desk, center_url, monkeypatch
) -> None:
    one, two = make_desk(1), make_desk(2)
    clock = DeskClock(monkeypatch)  # desk 1's programs; desk 2 acts through the same code
    started = datetime.now(UTC)

    clock.offset = timedelta(hours=-2)
    made = one.intake("Hoàng Thị Lan", at=clock.now())
    report = sync_once(one.db, one.client())
    assert report.push.acked > 0
    assert abs(report.clock_offset_ms - 2 * 3600 * 1000) < 60_000
    status = sync_status(one.db)
    assert status.skewed and status.last_error == "" and status.waiting == 0
    with one.db.read() as session:
        dossier_id = session.scalar(select(Dossier.id).where(Dossier.code == made.code))
    assert dossier_id

    clock.offset = timedelta(days=1)  # a day fast: the first change is stamped tomorrow
    dossiers.change_status(one.db, made.code, Status.PROCESSING, one.actor)
    report = sync_once(one.db, one.client())
    assert abs(report.clock_offset_ms + 24 * 3600 * 1000) < 60_000
    assert sync_status(one.db).skewed

    clock.offset = timedelta(hours=-3)  # jumps back: the later change is stamped earlier
    dossiers.change_status(one.db, made.code, Status.FINANCIAL, one.actor)
    # Even ops whose local creation times run backwards go in desk_seq order.
    with one.db.write() as session:
        pending = list(session.scalars(select(OutboxOp).where(OutboxOp.state == "pending")))
        assert len(pending) >= 2
        for n, op in enumerate(sorted(pending, key=lambda o: o.desk_seq)):
            session.execute(
                update(OutboxOp)
                .where(OutboxOp.op_id == op.op_id)
                .values(created_at=clock.now() - timedelta(minutes=n))
            )
    report = sync_once(one.db, one.client())
    assert not report.push.gap and report.push.acked == len(pending)

    clock.offset = timedelta(0)
    sync_once(two.db, two.client())
    # The last change applied wins, not the one with the latest desk time.
    assert _status(two.db, dossier_id) == (Status.FINANCIAL, False)
    assert _status(one.db, dossier_id)[0] == Status.FINANCIAL
    report = sync_once(one.db, one.client())
    assert abs(report.clock_offset_ms) < 60_000
    assert not sync_status(one.db).skewed
    with one.db.read() as session:  # the offset is kept in the desk's sync state
        from counter_app.models import SyncState

        assert abs(session.get(SyncState, 1).clock_offset_ms) < 60_000

    ended = datetime.now(UTC)
    with psycopg.connect(center_url) as conn:
        log = list(conn.execute("SELECT id, at FROM center_change_log ORDER BY id"))
        applied = [
            s
            for (s,) in conn.execute(
                "SELECT desk_seq FROM center_applied_ops WHERE desk_id = %s ORDER BY applied_at, "
                "desk_seq",
                (one.desk_id,),
            )
        ]
        center_status = conn.execute(
            "SELECT status FROM dossiers WHERE id = %s", (dossier_id,)
        ).fetchone()[0]
    assert center_status == Status.FINANCIAL
    # The center's log is stamped and ordered by the center's clock only.
    times = [at for _, at in log]
    assert times == sorted(times)
    assert all(started - timedelta(minutes=1) <= at <= ended + timedelta(minutes=1) for at in times)
    assert applied == sorted(applied) == list(range(1, len(applied) + 1))
    # A dossier's history is in the center's order on both desks, whatever the stamps say:
    # desk 1's own events took the center's order when the pull brought them back.
    for desk in (one, two):
        history = dossiers.get_dossier(desk.db, made.code).events
        assert [e.to_status for e in history if e.to_status is not None] == [
            Status.RECEIVED,
            Status.PROCESSING,
            Status.FINANCIAL,
        ]
    stamps = [e.at for e in dossiers.get_dossier(one.db, made.code).events]
    assert stamps != sorted(stamps)  # the desk clock would have put them in another order
