"""Settling the conflicts of SYNC.md failure test 9 (real PostgreSQL center, two desks): each is
listed with both values and both desks, settled once at the center (keep the value in use, or
put the set-aside one back), the dossier's flag clears when none remain, and every desk gets
the settled row by the ordinary pull."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import psycopg
import pytest
from sqlalchemy import select

from counter_app.domain.errors import InvalidInput, NotAllowed, NotFound
from counter_app.domain.status import Status
from counter_app.models import AuditLog, Dossier
from counter_app.services.conflicts import (
    NeedsCenter,
    list_conflicts,
    resolve_conflict,
    review_codes,
)
from counter_app.services.dossiers import change_status
from counter_app.services.sync import CenterClient, sync_once
from counter_app.services.sync.link import CenterLink

from .conftest import edit_dossier

pytestmark = pytest.mark.pg


def _local(db, dossier_id: str) -> Dossier:
    with db.read() as session:
        d = session.get(Dossier, dossier_id)
        assert d is not None
        session.expunge(d)
        return d


def _center(center_url: str, dossier_id: str, *columns: str) -> tuple[Any, ...]:
    with psycopg.connect(center_url) as conn:
        return conn.execute(
            f"SELECT {', '.join(columns)} FROM dossiers WHERE id = %s", (dossier_id,)
        ).fetchone()


def _sync(*desks) -> None:
    for desk in desks:
        sync_once(desk.db, desk.client())


@pytest.fixture
def clash(make_desk):
    """Desks 1 and 2 both change a dossier's notes and phone, then sync (1 first): the center
    keeps desk 1's values and sets desk 2's aside."""
    one, two = make_desk(1), make_desk(2)
    made = one.intake("Hoàng Thị Lan")
    _sync(one, two)
    with two.db.read() as session:
        dossier_id = session.scalar(select(Dossier.id).where(Dossier.code == made.code))
    edit_dossier(one.db, dossier_id, notes="Hẹn bổ sung bản sao", applicant_phone="0912000111")
    edit_dossier(two.db, dossier_id, notes="Đã nhận đủ bản sao", applicant_phone="0987000222")
    _sync(one, two, one)
    return one, two, made.code, dossier_id


def test_a_conflict_is_listed_with_both_values_and_both_desks(clash) -> None:
    one, two, code, dossier_id = clash
    assert review_codes(one.db) == review_codes(two.db) == [code]
    found = list_conflicts(two.db, CenterLink(two.client()), dossier_id=dossier_id)
    assert [(c.field, c.center_value, c.desk_value) for c in found] == [
        ("applicant_phone", "0912000111", "0987000222"),
        ("notes", "Hẹn bổ sung bản sao", "Đã nhận đủ bản sao"),
    ]
    notes = found[1]
    assert (notes.label_vi, notes.kept_desk, notes.other_desk) == ("Ghi chú", 1, 2)
    assert notes.dossier_code == code and notes.choosable
    assert notes.center_text == "Hẹn bổ sung bản sao"
    # Every dossier's conflicts, from any desk of the center.
    assert len(list_conflicts(one.db, CenterLink(one.client()))) == 2


def test_putting_the_set_aside_value_back_reaches_every_desk_and_the_flag_clears_last(
    clash, center_url
) -> None:
    one, two, code, dossier_id = clash
    link = CenterLink(one.client())
    phone, notes = list_conflicts(one.db, link, dossier_id=dossier_id)
    done = resolve_conflict(one.db, link, notes.id, "desk", one.actor)
    assert (done.dossier_code, done.remaining) == (code, 1)
    # Written at the center and kept on this desk at once; still flagged: one more to settle.
    assert _center(center_url, dossier_id, "notes", "needs_review") == ("Đã nhận đủ bản sao", True)
    assert _local(one.db, dossier_id).notes == "Đã nhận đủ bản sao"
    done = resolve_conflict(one.db, link, phone.id, "center", one.actor)
    assert done.remaining == 0
    assert _center(center_url, dossier_id, "notes", "applicant_phone", "needs_review") == (
        "Đã nhận đủ bản sao",
        "0912000111",
        False,
    )
    assert not _local(one.db, dossier_id).needs_review and review_codes(one.db) == []
    _sync(two)  # the other desk learns it by the ordinary pull
    d = _local(two.db, dossier_id)
    assert (d.notes, d.applicant_phone, d.needs_review) == (
        "Đã nhận đủ bản sao",
        "0912000111",
        False,
    )
    assert list_conflicts(two.db, CenterLink(two.client()), dossier_id=dossier_id) == []
    with psycopg.connect(center_url) as conn:
        settled = conn.execute(
            "SELECT field, resolution::jsonb->>'choice', resolution::jsonb->'by'->>'name' "
            "FROM center_conflicts WHERE entity_id = %s ORDER BY field",
            (dossier_id,),
        ).fetchall()
    assert settled == [
        ("applicant_phone", "center", "Cán bộ quầy 1"),
        ("notes", "desk", "Cán bộ quầy 1"),
    ]
    with one.db.read() as session:
        assert (
            session.scalar(
                select(AuditLog.details).where(AuditLog.action == "sync.conflict_resolved").limit(1)
            )["code"]
            == code
        )


def test_a_conflict_is_settled_once_even_from_two_desks(clash) -> None:
    one, two, _code, dossier_id = clash
    first = list_conflicts(one.db, CenterLink(one.client()), dossier_id=dossier_id)[0]
    resolve_conflict(one.db, CenterLink(one.client()), first.id, "center", one.actor)
    with pytest.raises(NotAllowed, match="đã được xem lại"):
        resolve_conflict(two.db, CenterLink(two.client()), first.id, "desk", two.actor)
    with pytest.raises(NotFound):
        resolve_conflict(two.db, CenterLink(two.client()), "khong-co", "center", two.actor)
    with pytest.raises(InvalidInput):
        resolve_conflict(two.db, CenterLink(two.client()), first.id, "ca-hai", two.actor)


def test_the_applicants_name_put_back_is_found_by_search_under_it(make_desk) -> None:
    from counter_app.services.dossiers import find_dossiers

    one, two = make_desk(1), make_desk(2)
    made = one.intake("Hoàng Thị Lan")
    _sync(one, two)
    with two.db.read() as session:
        dossier_id = session.scalar(select(Dossier.id).where(Dossier.code == made.code))
    edit_dossier(
        one.db, dossier_id, applicant_name="Hoàng Thị Lam", applicant_name_folded="hoang thi lam"
    )
    edit_dossier(
        two.db, dossier_id, applicant_name="Hoàng Thị Lân", applicant_name_folded="hoang thi lan"
    )
    _sync(one, two)
    link = CenterLink(two.client())
    name = next(c for c in list_conflicts(two.db, link) if c.field == "applicant_name")
    resolve_conflict(two.db, link, name.id, "desk", two.actor)
    assert [v.code for v in find_dossiers(two.db, "hoang thi lan")] == [made.code]
    assert find_dossiers(two.db, "thi lam") == []


def test_a_status_clash_is_settled_by_keeping_the_status_in_use(make_desk, center_url) -> None:
    one, two = make_desk(1), make_desk(2)
    made = one.intake("Hoàng Thị Lan")
    _sync(one, two)
    change_status(one.db, made.code, Status.FINANCIAL, one.actor)
    change_status(two.db, made.code, Status.RESULT_READY, two.actor)
    _sync(one, two)
    link = CenterLink(two.client())
    (status,) = [c for c in list_conflicts(two.db, link) if c.field == "status"]
    assert not status.choosable
    assert status.center_text == "6 – Yêu cầu thực hiện nghĩa vụ tài chính"
    assert status.desk_text == "9 – Đã xử lý xong"
    with pytest.raises(InvalidInput, match="chuyển trạng thái"):
        resolve_conflict(two.db, link, status.id, "desk", two.actor)
    assert [c.id for c in list_conflicts(two.db, link) if c.field == "status"] == [status.id]
    resolve_conflict(two.db, link, status.id, "center", two.actor)
    dossier_id = status.dossier_id
    assert _center(center_url, dossier_id, "status", "needs_review") == (Status.FINANCIAL, False)


def test_without_the_center_nothing_is_listed_or_settled(clash) -> None:
    one, _two, _code, dossier_id = clash
    dead = CenterLink(CenterClient("postgresql://nobody@127.0.0.1:9/none", one.desk_id, timeout=5))
    with pytest.raises(NeedsCenter, match="trung tâm"):
        list_conflicts(one.db, dead, dossier_id=dossier_id)
    with pytest.raises(NeedsCenter):
        resolve_conflict(one.db, None, "any", "center", one.actor)
    assert _local(one.db, dossier_id).needs_review


def test_the_command_line_lists_and_settles_conflicts(clash, center_url) -> None:
    one, _two, code, dossier_id = clash

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "counter_app", "--db", str(one.path), "conflicts", *args],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip

    listed = json.loads(cli("list", "--code", code, "--json").stdout)
    assert [(c["field"], c["in_use_desk"], c["set_aside_desk"]) for c in listed] == [
        ("applicant_phone", 1, 2),
        ("notes", 1, 2),
    ]
    text = cli("list").stdout
    assert (
        "Ghi chú" in text and "bị giữ lại / set aside (quầy / desk 2): Đã nhận đủ bản sao" in text
    )
    bad = cli("resolve", listed[0]["id"])  # neither --keep nor --use-set-aside
    assert bad.returncode == 2 and _center(center_url, dossier_id, "needs_review") == (True,)
    done = cli("resolve", listed[1]["id"], "--use-set-aside", "--json")
    assert json.loads(done.stdout) == {"id": listed[1]["id"], "dossier_code": code, "remaining": 1}
    again = cli("resolve", listed[1]["id"], "--keep")
    assert again.returncode == 2 and "đã được xem lại" in again.stderr
    assert cli("resolve", listed[0]["id"], "--keep").returncode == 0
    assert "Không có thay đổi trùng nhau" in cli("list").stdout
    assert _center(center_url, dossier_id, "notes", "needs_review") == ("Đã nhận đủ bản sao", False)


def test_each_conflict_names_the_last_writer_of_its_own_field(make_desk) -> None:
    """Desk 2's first op clashes (and flags the row); its second op clashes on another field.
    The value in use of both is desk 1's, although desk 2 wrote the row last."""
    one, two = make_desk(1), make_desk(2)
    made = one.intake("Hoàng Thị Lan")
    _sync(one, two)
    with two.db.read() as session:
        dossier_id = session.scalar(select(Dossier.id).where(Dossier.code == made.code))
    edit_dossier(one.db, dossier_id, notes="Hẹn bổ sung bản sao", applicant_phone="0912000111")
    edit_dossier(two.db, dossier_id, applicant_phone="0987000222")
    edit_dossier(two.db, dossier_id, notes="Đã nhận đủ bản sao")
    _sync(one, two)
    found = list_conflicts(two.db, CenterLink(two.client()), dossier_id=dossier_id)
    assert [(c.field, c.kept_desk, c.other_desk) for c in found] == [
        ("applicant_phone", 1, 2),
        ("notes", 1, 2),
    ]
