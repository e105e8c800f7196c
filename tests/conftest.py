"""Shared fixtures: temporary SQLite files, a demo database, and real PostgreSQL databases.

PostgreSQL: the server at COUNTER_APP_TEST_PG (default postgresql://postgres@127.0.0.1:5432/
postgres). Where none answers there (a user's own machine) a private throwaway server is started
from the installed PostgreSQL binaries with pytest-postgresql; tests never skip silently.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen here: Qt draws offscreen
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from counter_app.db import Database
from counter_app.services.setup import init_database, open_database

DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/postgres"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep every test away from the user's real data and config folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("COUNTER_APP_DB", raising=False)
    monkeypatch.delenv("COUNTER_APP_CONFIG", raising=False)


def _answers(url: str) -> bool:
    try:
        with psycopg.connect(url, connect_timeout=3):
            return True
    except psycopg.OperationalError:
        return False


@pytest.fixture(scope="session")
def pg_admin_url(request: pytest.FixtureRequest) -> str:
    """A libpq URL of a PostgreSQL server where tests may create and drop databases."""
    url = os.environ.get("COUNTER_APP_TEST_PG", DEFAULT_PG)
    if _answers(url):
        return url
    proc = request.getfixturevalue("_private_pg")
    return f"postgresql://{proc.user}@{proc.host}:{proc.port}/postgres"


try:  # pytest-postgresql starts a throwaway server from the installed binaries
    from pytest_postgresql import factories

    _private_pg = factories.postgresql_proc(port=None)
except ImportError:  # pragma: no cover - it is a dev dependency
    pass


@pytest.fixture
def pg_url(pg_admin_url: str) -> Iterator[str]:
    """A new, empty PostgreSQL database (SQLAlchemy URL), dropped after the test."""
    name = f"ca_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    base, _, _ = pg_admin_url.rpartition("/")
    yield f"{base.replace('postgresql://', 'postgresql+psycopg://', 1)}/{name}"
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """The URL of a SQLite file that does not exist yet."""
    return f"sqlite:///{tmp_path / 'desk.sqlite3'}"


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    result = init_database(f"sqlite:///{path}", demo=True)
    return path, result.passwords


@pytest.fixture
def demo_path(_demo_template: tuple[Path, dict[str, str]], tmp_path: Path) -> Path:
    """A private copy of the demo center database (built once per test session)."""
    src, _ = _demo_template
    dst = tmp_path / "demo.sqlite3"
    shutil.copyfile(src, dst)
    return dst


@pytest.fixture
def demo_passwords(_demo_template: tuple[Path, dict[str, str]]) -> dict[str, str]:
    return _demo_template[1]


@pytest.fixture
def demo_db(demo_path: Path) -> Iterator[Database]:
    db = open_database(f"sqlite:///{demo_path}")
    yield db
    db.dispose()
