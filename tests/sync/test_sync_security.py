"""Issue 6, part 4: a desk's PostgreSQL role can run the center's entry points for its own desk
and nothing else; its password is kept out of logs, the sync state, the config file and the
desk's database; sslmode in the center's URL is honoured."""

from __future__ import annotations

import logging
import os
import stat
import uuid
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import select

from counter_app.config import data_dir
from counter_app.models import DossierEvent, SyncState
from counter_app.services.sync import CenterClient, CenterRefused, CenterUnreachable, sync_once
from counter_app.services.sync.central import FUNCTIONS
from counter_app.services.sync.client import strip_password
from counter_app.services.sync.credentials import FILE_NAME

pytestmark = pytest.mark.pg


def _denied(conn: psycopg.Connection[Any], statement: str, *args: Any) -> bool:
    try:
        conn.execute(statement, args)
    except psycopg.errors.InsufficientPrivilege:
        return True
    return False


def test_a_desk_role_may_only_run_the_center_functions(make_desk, center_url) -> None:
    desk = make_desk(1)
    desk.intake()
    sync_once(desk.db, desk.client())
    role = psycopg.conninfo.conninfo_to_dict(desk.url)["user"]
    with psycopg.connect(center_url, autocommit=True) as owner:
        tables = [
            t
            for (t,) in owner.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        ]
        granted = owner.execute(
            "SELECT t FROM unnest(%s::text[]) t WHERE has_table_privilege(%s, t, "
            "'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')",
            (tables, role),
        ).fetchall()
        sequences = owner.execute(
            "SELECT relname FROM (SELECT oid, relname FROM pg_class WHERE relkind = 'S' OFFSET 0) c "
            "WHERE has_sequence_privilege(%s, c.oid, 'USAGE, SELECT, UPDATE')",
            (role,),
        ).fetchall()
        functions = {
            f
            for (f,) in owner.execute(
                "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n "
                "ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.prosecdef AND "
                "has_function_privilege(%s, p.oid, 'EXECUTE')",
                (role,),
            )
        }
        event_id = owner.execute("SELECT id FROM dossier_events LIMIT 1").fetchone()[0]
    assert len(tables) > 30 and granted == [] and sequences == []
    # Only the entry points that check the caller; never center_apply_op or center_log_change.
    assert {f.split("(")[0] for f in functions} == {f.split("(")[0] for f in FUNCTIONS}

    with psycopg.connect(desk.url, autocommit=True) as conn:
        for table in ("dossiers", "dossier_events", "audit_log", "users", "center_applied_ops",
                      "center_change_log", "center_desk_roles", "app_meta"):  # fmt: skip
            ident = sql.Identifier(table)
            assert _denied(conn, sql.SQL("SELECT * FROM {} LIMIT 1").format(ident).as_string())
            assert _denied(conn, sql.SQL("DELETE FROM {}").format(ident).as_string())
            assert _denied(conn, sql.SQL("TRUNCATE {}").format(ident).as_string())
        assert _denied(conn, "UPDATE dossier_events SET reason = 'sửa' WHERE id = %s", event_id)
        assert _denied(conn, "INSERT INTO dossiers (id) VALUES ('x')")
        assert _denied(conn, "CREATE TABLE public.mine (i int)")
        assert _denied(conn, "CREATE SCHEMA mine")
        assert _denied(conn, "DROP TABLE dossiers")  # must be owner
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DROP FUNCTION center_push(text, int, int, jsonb)")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT center_log_change('dossiers', 'x', 'update', '[]', NULL, NULL)")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT center_apply_op(%s, '{}')", (desk.desk_id,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT nextval('center_change_log_id_seq')")


def test_a_desk_cannot_act_for_another_desk_or_rewrite_its_events(make_desk, center_url) -> None:
    one, two = make_desk(1), make_desk(2)
    two.intake("Vi Văn Nam")
    sync_once(two.db, two.client())
    with one.db.read() as session:
        assert session.scalar(select(DossierEvent.id)) is None
    with two.db.read() as session:
        event = session.scalar(select(DossierEvent))
        assert event is not None
        event_id, reason = event.id, event.reason
    # Desk 1's credentials, desk 2's id: every entry point refuses.
    with CenterClient(one.url, two.desk_id) as as_two:
        for call in (as_two.info, lambda: as_two.pull(0, 10), lambda: as_two.push([])):
            with pytest.raises(CenterRefused, match="FORBIDDEN"):
                call()
        with pytest.raises(CenterRefused):
            as_two.claim_number("dossier")
    # Through its own entry point desk 1 cannot replace or change desk 2's event either.
    with psycopg.connect(center_url) as owner:
        forged = owner.execute(
            "SELECT to_jsonb(e) FROM dossier_events e WHERE id = %s", (event_id,)
        ).fetchone()[0]
    forged |= {"reason": "viết lại", "origin_desk_id": one.desk_id}
    with one.client() as client:
        res = client.push(
            [
                {"op_id": str(uuid.uuid4()), "desk_seq": seq, "entity": "dossier_events",
                 "entity_id": event_id, "kind": kind, "payload": forged,
                 "base_version": None, "schema_version": 1}
                for seq, kind in ((1, "append"), (2, "update"))
            ]
        )["results"]  # fmt: skip
    assert [r["result"] for r in res] == ["applied", "rejected"]
    assert res[0]["detail"]["existing"] is True  # the center's row stays as it was
    with psycopg.connect(center_url) as owner:
        assert owner.execute(
            "SELECT reason, origin_desk_id FROM dossier_events WHERE id = %s", (event_id,)
        ).fetchone() == (reason, two.desk_id)
        # Even the owner's UPDATE meets the append-only trigger.
        with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
            owner.execute("UPDATE dossier_events SET reason = 'x' WHERE id = %s", (event_id,))


def test_the_password_stays_out_of_logs_sync_state_config_and_the_database(
    make_desk, caplog, tmp_path
) -> None:
    caplog.set_level(logging.DEBUG)
    desk = make_desk(1)
    _, password = strip_password(desk.url)
    assert password
    desk.intake()
    sync_once(desk.db, desk.client())
    bad = desk.url.rsplit("/", 1)[0].replace("5432", "1") + "/nowhere"  # a refused connection
    with pytest.raises(CenterUnreachable) as refused:
        CenterClient(bad, desk.desk_id).info()
    assert password not in str(refused.value) and "***" in str(refused.value)
    with pytest.raises(CenterUnreachable):
        sync_once(desk.db, CenterClient(bad, desk.desk_id))

    with desk.db.read() as session:
        state = session.get(SyncState, 1)
        assert state is not None
        columns = {c.name: getattr(state, c.name) for c in SyncState.__table__.columns}
    assert columns["last_error"] and all(password not in str(v) for v in columns.values())
    assert password not in caplog.text
    desk.db.dispose()
    for path in desk.path.parent.glob(desk.path.name + "*"):  # the database, its WAL
        assert password.encode() not in path.read_bytes(), path
    config_home = Path(os.environ["XDG_CONFIG_HOME"])  # the config file, the test's files
    for path in [*config_home.rglob("*"), *tmp_path.rglob("*")]:
        if path.is_file():
            assert password.encode() not in path.read_bytes(), path
    # No keyring here: the password is in a file only this user can read.
    kept = data_dir() / FILE_NAME
    assert kept.exists()
    assert stat.S_IMODE(os.stat(kept).st_mode) == 0o600


def test_sslmode_in_the_url_is_passed_through(make_desk) -> None:
    desk = make_desk(1)  # this test server has no TLS
    sep = "&" if "?" in desk.url else "?"
    with pytest.raises(CenterUnreachable, match="SSL") as refused:
        CenterClient(desk.url + sep + "sslmode=require", desk.desk_id).info()
    assert "Cannot reach the center" in str(refused.value)
    with CenterClient(desk.url + sep + "sslmode=prefer", desk.desk_id) as client:
        assert client.info()["server_time"]
