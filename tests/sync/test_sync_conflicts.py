"""SYNC.md failure test 9: two desks edit one dossier. Different fields merge; the same field
keeps the center's (first applied) value, records a conflict row with both values and both
desks, and flags the dossier "needs review" at the center and on both desks."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest
from sqlalchemy import select

from counter_app.domain.status import Status
from counter_app.models import Dossier
from counter_app.services.dossiers import change_status
from counter_app.services.sync import sync_once

from .conftest import edit_dossier

pytestmark = pytest.mark.pg


def _row(db, dossier_id: str) -> tuple[int, str, bool]:
    with db.read() as session:
        d = session.get(Dossier, dossier_id)
        assert d is not None
        return d.status, d.notes, d.needs_review


def _center_row(center_url: str, dossier_id: str) -> tuple[Any, ...]:
    with psycopg.connect(center_url) as conn:
        return conn.execute(
            "SELECT status, notes, needs_review FROM dossiers WHERE id = %s", (dossier_id,)
        ).fetchone()


def _conflicts(center_url: str, dossier_id: str) -> list[tuple[Any, ...]]:
    with psycopg.connect(center_url) as conn:
        return list(
            conn.execute(
                "SELECT field, center_value, desk_value, center_origin_desk_id, desk_id "
                "FROM center_conflicts WHERE entity_id = %s ORDER BY at",
                (dossier_id,),
            )
        )


def test_edits_from_two_desks_merge_by_field_and_a_clash_needs_review(
    make_desk, center_url
) -> None:
    one, two = make_desk(1), make_desk(2)
    made = one.intake("Hoàng Thị Lan")
    sync_once(one.db, one.client())
    sync_once(two.db, two.client())
    with two.db.read() as session:
        dossier_id = session.scalar(select(Dossier.id).where(Dossier.code == made.code))
    assert dossier_id and _row(two.db, dossier_id) == (Status.RECEIVED, "", False)

    # Different fields, both desks offline from each other: both changes survive.
    change_status(one.db, made.code, Status.PROCESSING, one.actor)
    edit_dossier(two.db, dossier_id, notes="Công dân hẹn bổ sung bản sao")
    for desk in (one, two, one, two):
        report = sync_once(desk.db, desk.client())
        assert report.push.conflicts == 0 and report.push.quarantined == 0
    merged = (Status.PROCESSING, "Công dân hẹn bổ sung bản sao", False)
    assert tuple(_center_row(center_url, dossier_id)) == merged
    assert _row(one.db, dossier_id) == _row(two.db, dossier_id) == merged
    assert _conflicts(center_url, dossier_id) == []

    # The same field on both sides: the first applied stays, the second is a conflict.
    change_status(one.db, made.code, Status.FINANCIAL, one.actor)
    change_status(two.db, made.code, Status.RESULT_READY, two.actor)
    assert sync_once(one.db, one.client()).push.conflicts == 0
    report = sync_once(two.db, two.client())
    assert report.push.conflicts == 1 and report.push.quarantined == 0
    assert sync_once(one.db, one.client()).pull.applied >= 1

    center = _center_row(center_url, dossier_id)
    assert tuple(center) == (Status.FINANCIAL, merged[1], True)
    conflicts = _conflicts(center_url, dossier_id)
    assert [c[0] for c in conflicts] == ["status"]
    _, center_value, desk_value, center_desk, desk = conflicts[0]
    assert center_value == {"value": int(Status.FINANCIAL)}
    assert desk_value == {"value": int(Status.RESULT_READY)}
    assert (center_desk, desk) == (one.desk_id, two.desk_id)
    # Both desks show the center's value and the flag; desk 2's other field changes stayed.
    assert _row(one.db, dossier_id) == _row(two.db, dossier_id) == tuple(center)
    with two.db.read() as session:
        finished = session.scalar(select(Dossier.finished_at).where(Dossier.id == dossier_id))
    assert finished is not None  # desk 2's finish time merged: only desk 2 changed it
