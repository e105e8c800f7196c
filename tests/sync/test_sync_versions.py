"""Issue 6, part 6: a desk older than the center refuses to push and says why; a desk newer than
the center is refused without touching it; the center takes N and N−1; unknown fields are
ignored and recorded, never a reason to stop."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest
from sqlalchemy import select

from counter_app.models import Dossier, OutboxOp
from counter_app.services.sync import VersionMismatch, runner, sync_once, sync_status
from counter_app.services.sync import client as client_module
from counter_app.services.sync.push import op_message

pytestmark = pytest.mark.pg


def _owner(center_url: str, statement: str, *args: Any) -> list[tuple[Any, ...]]:
    with psycopg.connect(center_url) as conn:
        cur = conn.execute(statement, args)
        return list(cur) if cur.description else []


def _center_counts(center_url: str) -> tuple[int, int, int]:
    return _owner(
        center_url,
        "SELECT (SELECT count(*) FROM center_applied_ops), (SELECT count(*) FROM dossiers), "
        "(SELECT count(*) FROM center_change_log)",
    )[0]


def _outbox(db) -> set[str]:
    with db.read() as session:
        return set(session.scalars(select(OutboxOp.state)))


def test_a_desk_older_than_the_center_refuses_to_push_and_says_why(make_desk, center_url) -> None:
    desk = make_desk(1)
    desk.intake()
    newer_centers = [  # a schema revision this program does not know; outbox schema N+2
        ("UPDATE alembic_version SET version_num = '0099_future'",
         "UPDATE alembic_version SET version_num = '0002'"),
        ("UPDATE app_meta SET value = '3' WHERE key = 'sync_schema'",
         "UPDATE app_meta SET value = '1' WHERE key = 'sync_schema'"),
    ]  # fmt: skip
    for upgrade, undo in newer_centers:
        _owner(center_url, upgrade)
        with pytest.raises(VersionMismatch) as refused:
            sync_once(desk.db, desk.client())
        assert refused.value.code == "CLIENT_TOO_OLD"
        assert "update the app" in refused.value.message
        assert _center_counts(center_url) == (0, 0, 0)
        assert _outbox(desk.db) == {"pending"}
        status = sync_status(desk.db)
        assert "update the app" in status.last_error and status.last_success_at is None
        _owner(center_url, undo)

    # The center takes N and N−1: at outbox schema 2 it still takes this desk's 1.
    _owner(center_url, "UPDATE app_meta SET value = '2' WHERE key = 'sync_schema'")
    report = sync_once(desk.db, desk.client())
    assert report.push.acked > 0 and _outbox(desk.db) == {"acked"}
    assert sync_status(desk.db).last_error == ""


def test_a_desk_newer_than_the_center_does_not_touch_it(make_desk, center_url, monkeypatch) -> None:
    desk = make_desk(1)
    desk.intake()
    messages = _pending(desk.db)
    with monkeypatch.context() as m:  # this desk's program speaks schema 2, the center 1
        m.setattr(client_module, "SCHEMA_VERSION", 2)
        m.setattr(runner, "SCHEMA_VERSION", 2)
        with pytest.raises(VersionMismatch) as refused:
            sync_once(desk.db, desk.client())
        assert refused.value.code == "SERVER_TOO_OLD"
        # Past the desk's own check, the center's functions refuse too, before any write.
        with desk.client() as client:
            for call in (lambda: client.push(messages), lambda: client.pull(0, 10)):
                with pytest.raises(VersionMismatch, match="upgrade the center"):
                    call()
    with monkeypatch.context() as m:
        m.setattr(client_module, "PROTOCOL_VERSION", 2)
        with desk.client() as client, pytest.raises(VersionMismatch) as refused:
            client.push(messages)
        assert refused.value.code == "SERVER_TOO_OLD"
    assert _center_counts(center_url) == (0, 0, 0)
    assert _outbox(desk.db) == {"pending"}
    assert sync_once(desk.db, desk.client()).push.acked == len(messages)  # same versions


def _pending(db) -> list[dict[str, Any]]:
    with db.read() as session:
        ops = session.scalars(
            select(OutboxOp).where(OutboxOp.state == "pending").order_by(OutboxOp.desk_seq)
        )
        return [op_message(op, held=False) for op in ops]


def test_unknown_fields_are_ignored_and_recorded_both_ways(make_desk, center_url) -> None:
    one, two = make_desk(1), make_desk(2)
    made = one.intake()
    with one.db.write() as session:  # a newer desk's payload with a field the center lacks
        op = session.scalar(
            select(OutboxOp).where(OutboxOp.entity == "dossiers", OutboxOp.kind == "insert")
        )
        assert op is not None
        op.payload = {**op.payload, "future_field": "x"}
        op_id = op.op_id
    report = sync_once(one.db, one.client())
    assert report.push.quarantined == 0 and _outbox(one.db) == {"acked"}
    detail = _owner(
        center_url, "SELECT result, detail FROM center_applied_ops WHERE op_id = %s", op_id
    )[0]
    assert detail == ("applied", {"unknown_fields": ["future_field"]})

    # A center that grew a column (expand) still feeds older desks: the column is dropped.
    _owner(center_url, "ALTER TABLE dossiers ADD COLUMN future_column text DEFAULT 'y'")
    report = sync_once(two.db, two.client())
    assert report.pull.applied >= 1
    with two.db.read() as session:
        assert session.scalar(select(Dossier.code)) == made.code
