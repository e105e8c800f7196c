"""Database access: engines, sessions, SQLite pragmas and the Alembic migrations."""

from counter_app.db.engine import Database

__all__ = ["Database"]
