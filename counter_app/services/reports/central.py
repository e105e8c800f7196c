"""The monthly report read from the central PostgreSQL database (the same tables), read-only."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from counter_app.db.engine import storage_error
from counter_app.domain.errors import InvalidInput
from counter_app.services.reports.model import MonthlyReport, Period
from counter_app.services.reports.monthly import monthly_report
from counter_app.services.sync.central import sqlalchemy_url


def central_report(url: str, period: Period, *, now: datetime | None = None) -> MonthlyReport:
    """Return the report of `period` over every desk's dossiers in the central database at `url`.

    The connection is opened with read-only transactions: a report never writes to the center.
    Raises InvalidInput for a URL that is not PostgreSQL, StorageError when the center cannot
    be reached or read."""
    try:
        target = make_url(sqlalchemy_url(url))
    except ArgumentError:
        raise InvalidInput(f"--central không hợp lệ: {url!r} / invalid URL") from None
    if target.get_backend_name() != "postgresql":
        raise InvalidInput("Trung tâm phải là PostgreSQL / The center must be PostgreSQL")
    engine = create_engine(
        target,
        connect_args={"options": "-c default_transaction_read_only=on", "connect_timeout": 10},
    )
    try:
        return monthly_report(engine, period, now=now, source_name="central")
    except DBAPIError as exc:
        raise storage_error(exc) from exc
    finally:
        engine.dispose()
