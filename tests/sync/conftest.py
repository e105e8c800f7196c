"""A central PostgreSQL database with the demo center, and desk databases joined to it."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import select

from counter_app.db import Database
from counter_app.models import Dossier, Procedure
from counter_app.services.intake import Applicant, IntakeRequest, IntakeResult, create_dossier
from counter_app.services.recording import Actor, add_outbox
from counter_app.services.setup import init_database
from counter_app.services.sync import CenterClient, client_for, join_center
from counter_app.services.sync.central import add_desk, central_init, drop_desk_roles

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
AT = datetime(2025, 3, 12, 9, 0, tzinfo=HCM)


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


@pytest.fixture(scope="session")
def center_template(pg_admin_url: str) -> Iterator[str]:
    """A database with the demo center at the central schema, copied for each test."""
    name = f"ca_tpl_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    base, _, _ = pg_admin_url.rpartition("/")
    central_init(f"{base}/{name}", demo=True)
    yield name
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


@pytest.fixture
def center_url(pg_admin_url: str, center_template: str) -> Iterator[str]:
    """A libpq URL (owner's credentials) of a fresh central database with the demo center."""
    name = f"ca_center_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(center_template)
            )
        )
    base, _, _ = pg_admin_url.rpartition("/")
    url = f"{base}/{name}"
    yield url
    drop_desk_roles(url)
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def desk_url(center_url: str, role: str, password: str) -> str:
    """The center's URL with a desk role's credentials."""
    scheme, rest = center_url.split("://", 1)
    hostpart = rest.split("@", 1)[-1]
    return f"{scheme}://{role}:{password}@{hostpart}"


@pytest.fixture
def desk_account(center_url: str) -> Callable[[int], str]:
    """Add desk N at the center; return the center's URL with that desk role's credentials."""

    def make(number: int) -> str:
        account = add_desk(center_url, number)
        return desk_url(center_url, account.role, account.password)

    return make


@dataclass
class DeskHandle:
    number: int
    db: Database
    path: Path
    url: str  # the desk role's URL of the center
    desk_id: str
    actor: Actor

    def client(self) -> CenterClient:
        return client_for(self.db)

    def intake(self, name: str = "Nông Văn Dền", *, at: datetime = AT) -> IntakeResult:
        with self.db.read() as session:
            code = session.scalar(
                select(Procedure.code).where(Procedure.code.like("%")).order_by(Procedure.code)
            )
        assert code
        req = IntakeRequest(code, Applicant(name), received_at=at)
        return create_dossier(self.db, req, self.actor, now=at)


@pytest.fixture
def make_desk(
    desk_account: Callable[[int], str], tmp_path: Path
) -> Iterator[Callable[[int], DeskHandle]]:
    """Make desk N: a new SQLite database joined to the center as desk N."""
    made: list[DeskHandle] = []

    def make(number: int) -> DeskHandle:
        url = desk_account(number)
        path = tmp_path / f"desk{number}.sqlite3"
        init_database(f"sqlite:///{path}")
        db = Database(f"sqlite:///{path}")
        joined = join_center(db, url, number)
        actor = Actor(user_id=None, name=f"Cán bộ quầy {number}", desk_id=joined.desk_id)
        handle = DeskHandle(number, db, path, url, joined.desk_id, actor)
        made.append(handle)
        return handle

    yield make
    for handle in made:
        handle.db.dispose()


def edit_dossier(db: Database, dossier_id: str, **values: object) -> None:
    """Edit fields the way a service does: the row and an 'update' op in one transaction."""
    with db.write() as session:
        d = session.get(Dossier, dossier_id)
        assert d is not None
        base = d.server_version
        for name, value in values.items():
            setattr(d, name, value)
        add_outbox(session, d, "update", fields=set(values), base_version=base)
