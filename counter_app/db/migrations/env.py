"""Alembic environment: runs on the connection that `counter_app.db.migrate` hands it."""

from __future__ import annotations

from alembic import context

from counter_app.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the project always passes a connection
    raise RuntimeError("run migrations through counter_app.db.migrate, which passes a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
