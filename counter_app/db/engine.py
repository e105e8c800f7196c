"""Engines and sessions for the desk's SQLite file and the central PostgreSQL database.

SQLite runs in WAL mode with foreign keys on. pysqlite's own transaction handling is turned
off and BEGIN is emitted by us (the recipe of SQLAlchemy's SQLite dialect documentation,
"Serializable isolation / Savepoints / Transactional DDL"), so that a write use case starts
with BEGIN IMMEDIATE: it takes the write lock before reading, and two processes that both
read-then-write (a code counter) are serialized instead of failing with "database is locked"
half way through.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from counter_app.domain.errors import StorageError

BUSY_TIMEOUT_S = 30
_WRITE_OPTION = "counter_app_write"


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see module docstring)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")  # safe with WAL: a crash loses no commit
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        write = conn.get_execution_options().get(_WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def sqlite_path(url: str) -> Path | None:
    """Return the file path of a SQLite URL, or None for other databases and in-memory ones."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


class Database:
    """One database (the desk's SQLite file or a PostgreSQL server) and its session factory."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        backend = make_url(url).get_backend_name()
        self.is_sqlite = backend == "sqlite"
        kwargs: dict[str, Any] = {"echo": echo}
        if self.is_sqlite:
            kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_S, "check_same_thread": False}
        else:
            kwargs["pool_pre_ping"] = True
        self.engine: Engine = create_engine(url, **kwargs)
        if self.is_sqlite:
            _install_sqlite_hooks(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # Set by sync on a desk joined to a center: claims a number of a code scope at the
        # center (None when it cannot be reached). Write sessions carry it in `session.info`.
        self.number_source: Callable[[str], int | None] | None = None

    def dispose(self) -> None:
        self.engine.dispose()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; rolled back at the end."""
        with self._sessions() as session:
            try:
                yield session
            except DBAPIError as exc:
                raise storage_error(exc) from exc
            finally:
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session for one use case: one transaction, committed at the end or rolled back.

        On SQLite it begins with BEGIN IMMEDIATE, so it holds the write lock from the start."""
        with self._sessions() as session:
            if self.is_sqlite:
                session.connection(execution_options={_WRITE_OPTION: True})
            session.info["number_source"] = self.number_source
            try:
                yield session
                session.commit()
            except DBAPIError as exc:
                session.rollback()
                raise storage_error(exc) from exc
            except BaseException:
                session.rollback()
                raise


def storage_error(exc: DBAPIError) -> Exception:
    """Map a database failure of the environment to a StorageError; return a bug unchanged."""
    text = str(exc.orig) if exc.orig is not None else str(exc)
    if isinstance(exc, OperationalError):
        lowered = text.lower()
        if "locked" in lowered or "busy" in lowered:
            return StorageError(
                "Cơ sở dữ liệu đang bận, vui lòng thử lại / The database is busy, try again"
            )
        if "disk" in lowered or "full" in lowered:
            return StorageError("Ổ đĩa đầy hoặc lỗi ghi / The disk is full or failing: " + text)
        if "unable to open" in lowered or "connection" in lowered or "could not" in lowered:
            return StorageError("Không mở được cơ sở dữ liệu / Cannot open the database: " + text)
    return exc
