"""Two desks and a center (real PostgreSQL): dossiers made on each appear everywhere, once."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import func, select

from counter_app.models import Dossier, DossierEvent, OutboxOp, Procedure
from counter_app.services.sync import sync_once, sync_status

pytestmark = pytest.mark.pg


def _codes(db) -> set[str]:
    with db.read() as session:
        return set(session.scalars(select(Dossier.code)))


def test_join_pulls_the_centers_reference_data(make_desk) -> None:
    desk = make_desk(1)
    with desk.db.read() as session:
        assert session.scalar(select(func.count(Procedure.id))) == 1335
    status = sync_status(desk.db)
    assert status.joined and status.waiting == 0


def test_dossiers_from_two_desks_reach_both_and_the_center_once(make_desk, center_url) -> None:
    one, two = make_desk(1), make_desk(2)
    a = one.intake("Hoàng Thị Lan")
    b = two.intake("Vi Văn Nam")
    assert a.code != b.code
    for _ in range(2):  # the second round brings each desk the other's dossier
        for desk in (one, two):
            with desk.client() as client:
                sync_once(desk.db, client)
    assert _codes(one.db) == _codes(two.db) == {a.code, b.code}
    with psycopg.connect(center_url) as conn:
        codes = [r[0] for r in conn.execute("SELECT code FROM dossiers ORDER BY code")]
        events = conn.execute("SELECT count(*) FROM dossier_events").fetchone()[0]
    assert sorted(codes) == sorted([a.code, b.code])
    assert events == 2
    with one.db.read() as session:
        assert session.scalar(select(func.count(DossierEvent.id))) == 2
        assert set(session.scalars(select(OutboxOp.state))) == {"acked"}
    assert sync_status(one.db).waiting == 0
