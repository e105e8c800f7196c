"""Read-only accounts on the center for the supervisors' reports, and where a desk keeps one.

A desk's own role may only EXECUTE the center's sync functions (docs/sync.md), so it cannot
read the center's tables. A supervisor's report over every desk needs a separate role that can
SELECT exactly what the reports read, and nothing else: no accounts or password hashes, no
file store, no sync bookkeeping, and every transaction read-only.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

from counter_app.config import load_settings, save_settings
from counter_app.domain.errors import InvalidInput
from counter_app.services.reports.central import central_report
from counter_app.services.reports.model import MonthlyReport, Period
from counter_app.services.sync.central import sqlalchemy_url
from counter_app.services.sync.client import libpq_url, strip_password
from counter_app.services.sync.credentials import load_password, save_password

# What the monthly report and the live lists read (services/reports, services/workcal).
REPORT_TABLES = (
    "dossiers",
    "dossier_events",
    "ratings",
    "procedures",
    "units",
    "calendar_entries",
)


@dataclass(frozen=True, slots=True)
class ReaderAccount:
    role: str
    password: str
    url: str  # the center's URL for this role, with the password (shown once, to be kept)


def reader_role_name(database: str, name: str) -> str:
    base = "".join(c if c.isalnum() else "_" for c in database.lower())
    tail = "".join(c if c.isalnum() else "_" for c in name.lower()) or "reports"
    return f"{base[:30]}_reader_{tail[:20]}"


def add_reader(url: str, name: str = "reports", *, password: str | None = None) -> ReaderAccount:
    """Create (or give a new password to) a read-only role on the center at `url` (the owner's
    URL) that can read the report tables only; return it with its URL.

    Raises InvalidInput for a URL that is not PostgreSQL; psycopg errors when the center
    refuses (not the owner)."""
    target = make_url(sqlalchemy_url(url))
    if target.get_backend_name() != "postgresql":
        raise InvalidInput("Trung tâm phải là PostgreSQL / The center must be PostgreSQL")
    database = target.database or "counter"
    role = reader_role_name(database, name)
    password = password or secrets.token_urlsafe(18)
    ident = sql.Identifier(role)
    with psycopg.connect(libpq_url(url), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
        verb = "ALTER" if exists else "CREATE"
        conn.execute(
            sql.SQL(
                verb + " ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD {}"
            ).format(ident, sql.Literal(password))
        )
        conn.execute(sql.SQL("ALTER ROLE {} SET default_transaction_read_only = on").format(ident))
        conn.execute(
            sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(sql.Identifier(database), ident)
        )
        conn.execute(sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(ident))
        tables = sql.SQL(", ").join(sql.Identifier(t) for t in REPORT_TABLES)
        conn.execute(sql.SQL("GRANT SELECT ON {} TO {}").format(tables, ident))
    host = target.set(username=role, password=password, drivername="postgresql")
    return ReaderAccount(role, password, host.render_as_string(hide_password=False))


def connect_reports(url: str) -> str:
    """Keep the center's report account for this desk: the URL without its password in the
    settings, the password in the keyring (or the private file); return the kept URL.

    Raises InvalidInput for a URL without a password or not PostgreSQL."""
    plain, password = strip_password(url)
    if not password:
        raise InvalidInput(
            "URL cần có mật khẩu của tài khoản báo cáo (counter-app central add-reader) / "
            "The URL needs the report account's password"
        )
    if make_url(sqlalchemy_url(plain)).get_backend_name() != "postgresql":
        raise InvalidInput("Trung tâm phải là PostgreSQL / The center must be PostgreSQL")
    save_password(plain, password)
    settings = load_settings()
    settings.central_url = plain
    save_settings(settings)
    return plain


def saved_report_url(plain: str) -> str:
    """Return `plain` (a URL without password) with the password kept for it; `plain` itself
    when none is kept (libpq's own means apply then: .pgpass, a trusted host)."""
    password = load_password(plain)
    if not password:
        return plain
    parts = make_url(sqlalchemy_url(plain)).set(password=password, drivername="postgresql")
    return parts.render_as_string(hide_password=False)


def report_from_center(
    plain_or_full: str, period: Period, *, now: datetime | None = None
) -> MonthlyReport:
    """Return the center's report of `period`, with the kept password when the URL has none."""
    _plain, password = strip_password(plain_or_full)
    url = plain_or_full if password else saved_report_url(plain_or_full)
    return central_report(url, period, now=now)
