"""SYNC.md failure test 4: a TCP proxy on 127.0.0.1 cuts the desk's connection mid-request,
loses the reply after the center committed, or swallows everything; the desk never marks an op
acknowledged that it did not hear about, the resend is a duplicate, no call hangs."""

from __future__ import annotations

import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import psycopg
import pytest
from sqlalchemy import select

from counter_app.models import OutboxOp
from counter_app.services.sync import CenterClient, CenterUnreachable, sync_once
from counter_app.services.sync import client as client_module
from counter_app.services.sync.push import push_outbox

from .tcp_proxy import TcpProxy

pytestmark = pytest.mark.pg


@pytest.fixture
def proxy(center_url: str) -> Iterator[TcpProxy]:
    parts = urlsplit(center_url)
    p = TcpProxy(parts.hostname or "127.0.0.1", parts.port or 5432)
    yield p
    p.close()


def _states(db) -> dict[str, str]:
    with db.read() as session:
        return dict(session.execute(select(OutboxOp.op_id, OutboxOp.state)).all())


def _center_effects(center_url: str, desk_id: str) -> tuple[list[str], int, int, list[str]]:
    """(applied op ids, dossiers, events, op ids of change-log rows) of one desk at the center."""
    with psycopg.connect(center_url) as conn:
        applied = [
            r[0]
            for r in conn.execute(
                "SELECT op_id FROM center_applied_ops WHERE desk_id = %s ORDER BY desk_seq",
                (desk_id,),
            )
        ]
        dossiers = conn.execute(
            "SELECT count(*) FROM dossiers WHERE origin_desk_id = %s", (desk_id,)
        ).fetchone()[0]
        events = conn.execute(
            "SELECT count(*) FROM dossier_events WHERE origin_desk_id = %s", (desk_id,)
        ).fetchone()[0]
        logged = [
            r[0]
            for r in conn.execute(
                "SELECT op_id FROM center_change_log WHERE origin_desk_id = %s", (desk_id,)
            )
        ]
    return applied, dossiers, events, logged


def test_a_reply_lost_after_the_commit_is_resent_as_duplicates(
    make_desk, center_url, proxy
) -> None:
    desk = make_desk(1)
    total: set[str] = set()
    # The whole answer lost, then an answer cut after a few bytes (a half-read message).
    for round_, (reply_bytes, name) in enumerate([(0, "Hoàng Thị Lan"), (7, "Vi Văn Nam")]):
        desk.intake(name)
        ops = {k: v for k, v in _states(desk.db).items() if v == "pending"}
        total |= set(ops)
        with CenterClient(proxy.url(desk.url), desk.desk_id) as client:
            client.info()  # connected; the next bytes from the center are the push's answer
            proxy.cut_reply_after(reply_bytes)
            with pytest.raises(CenterUnreachable, match="Lost the connection"):
                push_outbox(desk.db, client)
        assert proxy.cuts == round_ + 1
        assert {k: v for k, v in _states(desk.db).items() if k in ops} == ops, (
            "nothing may be marked without the center's answer"
        )
        applied = _center_effects(center_url, desk.desk_id)[0]
        assert sorted(applied) == sorted(total), "the center committed before the reply was lost"

        with desk.client() as client:  # a healthy path
            report = sync_once(desk.db, client)
        assert report.push.duplicates == len(ops) and report.push.acked == len(ops)
        assert set(_states(desk.db).values()) == {"acked"}
    applied, dossiers, events, logged = _center_effects(center_url, desk.desk_id)
    assert sorted(applied) == sorted(total)
    assert (dossiers, events) == (2, 2)
    assert len(logged) == len(set(logged)), "one change-log row per op at most"


def test_a_request_cut_midway_applies_nothing_and_the_client_reconnects(
    make_desk, center_url, proxy
) -> None:
    desk = make_desk(1)
    desk.intake()
    ops = _states(desk.db)
    with CenterClient(proxy.url(desk.url), desk.desk_id) as client:
        client.info()
        proxy.cut_request_after(40)  # the center gets part of the push's request, then EOF
        with pytest.raises(CenterUnreachable):
            push_outbox(desk.db, client)
        assert _states(desk.db) == ops
        assert _center_effects(center_url, desk.desk_id)[0] == []

        client.info()  # the same client reconnects for its next call
        proxy.cut_all()  # and when the link is cut while idle
        with pytest.raises(CenterUnreachable, match="Lost the connection"):
            client.info()
        report = push_outbox(desk.db, client)
    assert report.acked == len(ops) and report.duplicates == 0
    applied, dossiers, events, _ = _center_effects(center_url, desk.desk_id)
    assert sorted(applied) == sorted(ops) and (dossiers, events) == (1, 1)


def test_a_black_hole_does_not_hang_the_desk(make_desk, proxy, monkeypatch) -> None:
    # Whatever swallows the traffic, no call waits longer than the client's deadline, and the
    # default deadlines are short enough for an officer (≤ 30 s).
    assert client_module.CALL_TIMEOUT_S <= 30
    assert client_module.CONNECT_TIMEOUT_S <= 30
    assert client_module.STATEMENT_TIMEOUT_MS <= client_module.CALL_TIMEOUT_S * 1000
    desk = make_desk(1)
    desk.intake()
    ops = _states(desk.db)
    with CenterClient(proxy.url(desk.url), desk.desk_id, timeout=1) as client:
        client.info()
        proxy.black_hole()
        started = time.monotonic()
        with pytest.raises(CenterUnreachable, match="did not answer within 1 s"):
            push_outbox(desk.db, client)
        assert time.monotonic() - started < 5
        # A new connection into the hole gives up after the connect timeout.
        monkeypatch.setattr(client_module, "CONNECT_TIMEOUT_S", 1)
        started = time.monotonic()
        with pytest.raises(CenterUnreachable, match="Cannot reach the center"):
            client.info()
        assert time.monotonic() - started < 5
        proxy.black_hole(False)
        assert push_outbox(desk.db, client).acked == len(ops)


def test_the_server_stops_a_call_stuck_behind_a_lock(make_desk, center_url, monkeypatch) -> None:
    # A transaction at the center holding the change-log lock: the desk's push waits for it,
    # and the center's statement timeout ends the wait with a known error, nothing applied.
    desk = make_desk(1)
    desk.intake()
    ops = _states(desk.db)
    monkeypatch.setattr(client_module, "STATEMENT_TIMEOUT_MS", 500)  # for new connections
    with psycopg.connect(center_url) as holder, desk.client() as client:
        holder.execute("SELECT pg_advisory_xact_lock(72620001)")
        with pytest.raises(CenterUnreachable, match="busy"):
            push_outbox(desk.db, client)
        holder.rollback()
        monkeypatch.undo()  # the failed call closed its connection; the next one is normal
        assert _states(desk.db) == ops
        assert push_outbox(desk.db, client).acked == len(ops)
