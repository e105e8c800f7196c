"""Managing the center: its schema and reference data, desks with their own database roles,
accounts. Run with the center owner's credentials (`counter-app central ...`)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from counter_app.db import Database
from counter_app.domain.errors import InvalidInput, NotFound
from counter_app.domain.text import nfc
from counter_app.models import CenterDeskRole, Desk, Procedure
from counter_app.services.auth import add_user
from counter_app.services.catalog import load_catalog
from counter_app.services.catalog_file import parse_catalog_file
from counter_app.services.recording import SYSTEM
from counter_app.services.sync.client import libpq_url

FUNCTIONS = (
    "center_push(text, int, int, jsonb)", "center_pull(text, int, int, bigint, int)",
    "center_info(text)", "center_find_desk(int)", "center_reference(text, bigint)",
    "center_claim_number(text, text)", "center_missing_files(text, text[])",
    "center_put_file(text, text, text, bytea)", "center_get_file(text, text)",
    # the queue (migration 0003)
    "center_issue_ticket(text, text, text, text)", "center_call_next(text, text[], text)",
    "center_set_ticket_state(text, text, text)",
    "center_transfer_ticket(text, text, text, int, text)", "center_queue_status(text)",
    # conflict review (migration 0006)
    "center_list_conflicts(text, text, text)",
    "center_resolve_conflict(text, text, text, jsonb, jsonb)",
)  # fmt: skip


def sqlalchemy_url(url: str) -> str:
    """Return a PostgreSQL URL for SQLAlchemy with the psycopg 3 driver."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


@dataclass(frozen=True, slots=True)
class CentralInit:
    url: str
    created: bool
    demo: bool
    procedures: int
    passwords: dict[str, str] = field(default_factory=dict)


def central_init(url: str, *, demo: bool = False, catalog: Path | None = None) -> CentralInit:
    """Create or upgrade the central schema (the same Alembic history) and load reference data:
    the demo center's with `demo`, or a catalog file. Re-running only upgrades."""
    from counter_app.services.setup import init_database

    if make_url(sqlalchemy_url(url)).get_backend_name() != "postgresql":
        raise InvalidInput("Trung tâm phải là PostgreSQL / The center must be PostgreSQL")
    result = init_database(sqlalchemy_url(url), demo=demo, if_new=True)
    db = Database(sqlalchemy_url(url))
    try:
        if catalog is not None:
            parsed = parse_catalog_file(catalog)
            with db.write() as session:
                load_catalog(
                    session, parsed.departments, parsed.procedures, SYSTEM, source=str(catalog)
                )
        with db.read() as session:
            count = int(session.scalar(select(func.count(Procedure.id))) or 0)
    finally:
        db.dispose()
    return CentralInit(url, result.created, result.demo, count, result.passwords)


@dataclass(frozen=True, slots=True)
class DeskAccount:
    desk_id: str
    number: int
    role: str
    password: str  # shown once; the desk keeps it with `join`


def desk_role_name(database: str, number: int) -> str:
    """Return the PostgreSQL role of desk `number` of the center database `database`."""
    base = "".join(c if c.isalnum() else "_" for c in database.lower())
    return f"{base[:40]}_desk_{number}"


def add_desk(url: str, number: int, name: str = "", *, password: str | None = None) -> DeskAccount:
    """Create desk `number` (if new) and its database role with only EXECUTE on the center's
    functions; an existing role gets a new password."""
    if number < 1 or number > 999:
        raise InvalidInput(f"Số quầy phải từ 1 đến 999 / Desk number must be 1-999: {number}")
    db = Database(sqlalchemy_url(url))
    try:
        with db.write() as session:
            desk = session.scalar(select(Desk).where(Desk.number == number))
            if desk is None:
                desk = Desk(number=number, name=nfc(name) or f"Quầy {number}")
                session.add(desk)
                session.flush()
            elif name:
                desk.name = nfc(name)
            desk_id = desk.id
        database = make_url(sqlalchemy_url(url)).database or "counter"
        role = desk_role_name(database, number)
        password = password or secrets.token_urlsafe(18)
        with psycopg.connect(libpq_url(url), autocommit=True) as conn:
            _ensure_role(conn, role, password, database)
            conn.execute(
                "INSERT INTO center_desk_roles (role_name, desk_id, created_at) "
                "VALUES (%s, %s, now()) ON CONFLICT (role_name) DO UPDATE SET desk_id = "
                "EXCLUDED.desk_id",
                (role, desk_id),
            )
        return DeskAccount(desk_id, number, role, password)
    finally:
        db.dispose()


def _ensure_role(conn: psycopg.Connection[Any], role: str, password: str, database: str) -> None:
    ident = sql.Identifier(role)
    exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
    verb = "ALTER" if exists else "CREATE"
    conn.execute(
        sql.SQL(
            verb + " ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD {}"
        ).format(ident, sql.Literal(password))
    )
    conn.execute(
        sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(sql.Identifier(database), ident)
    )
    conn.execute(sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(ident))
    for fn in FUNCTIONS:
        conn.execute(sql.SQL("GRANT EXECUTE ON FUNCTION " + fn + " TO {}").format(ident))


def drop_desk_roles(url: str) -> list[str]:
    """Drop every desk role of this center database (used when a center is torn down)."""
    database = make_url(sqlalchemy_url(url)).database or "counter"
    prefix = desk_role_name(database, 0).removesuffix("0")
    with psycopg.connect(libpq_url(url), autocommit=True) as conn:
        roles = [
            r[0]
            for r in conn.execute(
                "SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s)", (prefix,)
            )
        ]
        for role in roles:
            conn.execute(sql.SQL("DROP OWNED BY {}").format(sql.Identifier(role)))
            conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))
    return roles


def add_central_user(
    url: str,
    username: str,
    full_name: str,
    roles: list[str],
    *,
    desk_number: int | None = None,
    password: str | None = None,
) -> tuple[str, str]:
    """Add an account at the center (desks get it with their next reference pull); return
    (user id, password)."""
    password = password or secrets.token_urlsafe(9)
    db = Database(sqlalchemy_url(url))
    try:
        with db.write() as session:
            desk_id = None
            if desk_number is not None:
                desk_id = session.scalar(select(Desk.id).where(Desk.number == desk_number))
                if desk_id is None:
                    raise NotFound(f"Không có quầy số {desk_number} / No desk {desk_number}")
            user = add_user(session, username, full_name, password, roles, desk_id=desk_id)
            session.flush()
            return user.id, password
    finally:
        db.dispose()


def desk_roles(url: str) -> list[tuple[str, int]]:
    """Return (role, desk number) of every desk role of the center."""
    db = Database(sqlalchemy_url(url))
    try:
        with db.read() as session:
            return [
                (role, number)
                for role, number in session.execute(
                    select(CenterDeskRole.role_name, Desk.number).join(
                        Desk, Desk.id == CenterDeskRole.desk_id
                    )
                )
            ]
    finally:
        db.dispose()
