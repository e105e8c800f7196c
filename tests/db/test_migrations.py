"""One Alembic history for SQLite and PostgreSQL; the models match it; SQLite settings hold."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from counter_app.db import Database
from counter_app.db.migrate import current_revision, head_revision, upgrade
from counter_app.models import Base

EXPECTED_TABLES = {
    "units", "procedures", "checklist_items", "desks", "users", "user_roles",
    "calendar_entries", "printers", "dossiers", "dossier_items", "dossier_events", "files",
    "dossier_files", "ratings", "queue_services", "queue_counters", "queue_tickets",
    "queue_service_units", "desk_services", "postal_batches", "postal_batch_items",
    "postal_deliveries", "print_jobs", "audit_log", "sync_outbox", "sync_state", "app_meta",
    "code_counters", "center_applied_ops", "center_change_log", "center_conflicts",
    "center_desk_progress", "center_desk_roles", "center_files", "postal_tracking_pool",
}  # fmt: skip
SYNC_COLUMNS = {"created_at", "updated_at", "origin_desk_id", "version", "server_version"}
LOCAL_ONLY = {"app_meta", "code_counters", "print_jobs", "sync_outbox", "sync_state",
              "queue_counters", "queue_service_units", "desk_services", "center_applied_ops",
              "center_change_log", "center_conflicts", "center_desk_progress",
              "center_desk_roles", "center_files", "postal_tracking_pool"}  # fmt: skip


def _check_head(db: Database) -> None:
    upgrade(db.engine)
    assert current_revision(db.engine) == head_revision()
    with db.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
        )
    assert diff == [], f"models and migrations differ: {diff}"
    insp = inspect(db.engine)
    tables = set(insp.get_table_names()) - {"alembic_version"}
    assert tables == EXPECTED_TABLES
    for table in tables - LOCAL_ONLY:
        cols = {c["name"] for c in insp.get_columns(table)}
        assert SYNC_COLUMNS <= cols, f"{table} lacks sync columns"
        if "id" in cols:
            assert insp.get_pk_constraint(table)["constrained_columns"] in (["id"], ["sha256"])


def test_sqlite_upgrade_from_empty_to_head(sqlite_url: str) -> None:
    db = Database(sqlite_url)
    _check_head(db)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    upgrade(db.engine)  # running it again changes nothing
    assert current_revision(db.engine) == head_revision()
    db.dispose()


@pytest.mark.pg
def test_postgresql_upgrade_from_empty_to_head(pg_url: str) -> None:
    db = Database(pg_url)
    _check_head(db)
    db.dispose()


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def test_events_and_audit_are_append_only(backend: str, request: pytest.FixtureRequest) -> None:
    url = request.getfixturevalue("sqlite_url" if backend == "sqlite" else "pg_url")
    db = Database(url)
    upgrade(db.engine)
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO audit_log (id, at, actor_name, action, entity, entity_id, details, "
                "created_at, updated_at, version) VALUES ('a1', CURRENT_TIMESTAMP, 'x', 'test', "
                "'', '', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)"
            )
        )
    for statement in ("UPDATE audit_log SET action = 'changed'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as conn:
            conn.execute(text(statement))
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT action FROM audit_log")).scalar_one() == "test"
    db.dispose()


def test_a_desks_event_takes_the_centers_order_once_and_nothing_else_changes(
    sqlite_url: str,
) -> None:
    """Migration 0007: an event's server_version may be set once, from NULL; every other
    column (the list is read from the table, so a new column is tried too) stays refused."""
    db = Database(sqlite_url)
    upgrade(db.engine)
    columns = inspect(db.engine).get_columns("dossier_events")
    values = {
        c["name"]: "{}" if c["name"] == "data" else 1 if "INT" in str(c["type"]) else "x"
        for c in columns
        if c["name"] != "server_version"
    }
    raw = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"))  # no dossier: keys off
    raw.execute("PRAGMA foreign_keys = OFF")
    raw.execute(
        f"INSERT INTO dossier_events ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
        list(values.values()),
    )
    raw.commit()
    raw.close()
    for name in values:
        with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as conn:
            conn.execute(text(f"UPDATE dossier_events SET {name} = {name}"))
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE dossier_events SET server_version = 41"))
    for statement in (
        "UPDATE dossier_events SET server_version = 42",
        "UPDATE dossier_events SET server_version = NULL",
        "DELETE FROM dossier_events",
    ):
        with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as conn:
            conn.execute(text(statement))
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT server_version FROM dossier_events")).scalar_one() == 41
    db.dispose()


def test_foreign_keys_are_enforced_on_sqlite(sqlite_url: str) -> None:
    db = Database(sqlite_url)
    upgrade(db.engine)
    with pytest.raises(DBAPIError, match="FOREIGN KEY"), db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO checklist_items (id, procedure_id, position, name, required, kind, "
                "count, created_at, updated_at, version) VALUES ('c1', 'no-such-procedure', 1, "
                "'x', 1, 'original', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)"
            )
        )
    db.dispose()
