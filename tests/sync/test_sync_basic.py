"""Two desks and a center (real PostgreSQL): dossiers made on each appear everywhere, once."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import func, select

from counter_app.models import Dossier, DossierEvent, OutboxOp, Procedure
from counter_app.services.sync import sync_once, sync_status
from counter_app.services.sync.push import op_message

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


def test_online_desks_number_dossiers_at_the_center_offline_from_their_own_series(
    make_desk,
) -> None:
    from counter_app.services.sync.numbers import attach_numbers

    one, two = make_desk(1), make_desk(2)
    claim_one, claim_two = attach_numbers(one.db), attach_numbers(two.db)
    assert claim_one and claim_two
    codes = [one.intake().code, two.intake().code, one.intake().code]
    assert [c.rsplit("-", 1)[1] for c in codes] == ["0001", "0002", "0003"]
    claim_two.mark_offline()  # the center cannot be reached: desk 2's own series
    offline = two.intake().code
    assert offline.rsplit("-", 1)[1] == "2000001"
    claim_one.close()
    claim_two.close()


def test_join_refuses_a_database_of_another_desk_or_with_dossiers_of_its_own(
    make_desk, desk_account, demo_db
) -> None:
    from counter_app.domain.errors import NotAllowed
    from counter_app.services.sync import join_center

    desk = make_desk(1)
    desk.intake()
    url = desk_account(7)
    with pytest.raises(NotAllowed, match="đã là một quầy"):
        join_center(desk.db, url, 7)
    with pytest.raises(NotAllowed, match="hồ sơ riêng"):
        from counter_app.services.intake import Applicant, IntakeRequest, create_dossier
        from counter_app.services.recording import SYSTEM

        with demo_db.read() as session:
            code = session.scalar(select(Procedure.code).order_by(Procedure.code))
        create_dossier(demo_db, IntakeRequest(code, Applicant("Lý Thị Mai")), SYSTEM)
        join_center(demo_db, url, 7)
    with demo_db.read() as session:  # nothing changed
        from counter_app.models import SyncState

        assert session.get(SyncState, 1).central_url == ""


def test_files_go_to_the_center_once_and_other_desks_know_where_they_are(
    make_desk, center_url, tmp_path
) -> None:
    from counter_app.services.files import store_bytes, verify_files
    from counter_app.services.sync.files import fetch_file, upload_files

    one, two = make_desk(1), make_desk(2)
    data = "Trang quét hồ sơ · scanned page".encode() * 1000
    roots = {1: tmp_path / "files1", 2: tmp_path / "files2"}  # each desk its own storage
    with one.db.write() as session:
        sha = store_bytes(session, data, "application/pdf", one.actor, root=roots[1]).sha256
    for desk in (one, two):
        with desk.client() as client:
            sync_once(desk.db, client, files_root=roots[desk.number])
    with one.client() as client:
        assert upload_files(one.db, client, root=roots[1]) == 0  # nothing sent twice
        assert client.get_file(sha) == data
    with psycopg.connect(center_url) as conn:
        assert conn.execute("SELECT count(*) FROM center_files").fetchone()[0] == 1
    report = verify_files(two.db, root=roots[2])  # desk 2: the row; the bytes at the center
    assert report.healthy and report.at_center == [sha]
    assert fetch_file(two.db, sha, root=roots[2]) == data  # asked for: fetched once, kept
    assert verify_files(two.db, root=roots[2]).at_center == []
    three = make_desk(3)  # scans the same page itself: the center has it, nothing is sent
    with three.db.write() as session:
        store_bytes(session, data, "application/pdf", three.actor, root=tmp_path / "files3")
    with three.client() as client:
        assert upload_files(three.db, client, root=tmp_path / "files3") == 0


@pytest.mark.parametrize("plain_batch", [True, False], ids=["set-based", "op-by-op"])
def test_the_center_records_who_sent_a_row_whatever_the_row_says(
    make_desk, center_url, plain_batch
) -> None:
    one, two = make_desk(1), make_desk(2)
    made = one.intake()
    with one.db.write() as session:  # desk 1 claims its rows were desk 2's
        for op in session.scalars(select(OutboxOp)):
            op.payload = {**op.payload, "origin_desk_id": two.desk_id}
    if not plain_batch:  # a batch the center takes op by op: one op already seen
        with one.db.read() as session:
            first = session.scalars(select(OutboxOp).order_by(OutboxOp.desk_seq)).first()
            message = op_message(first, False)
        with one.client() as client:
            client.push([message])
    with one.client() as client:
        sync_once(one.db, client)
    with psycopg.connect(center_url) as conn:
        origins = {
            r[0]
            for r in conn.execute(
                "SELECT origin_desk_id FROM dossiers WHERE code = %s UNION "
                "SELECT origin_desk_id FROM dossier_events UNION "
                "SELECT origin_desk_id FROM audit_log WHERE id IN "
                "(SELECT entity_id FROM center_applied_ops WHERE entity = 'audit_log')",
                (made.code,),
            )
        }
    assert origins == {one.desk_id}
