"""A desk's own dossier events learn their place in the center's order (DESIGN.md: "nothing
is ordered by a desk's wall clock").

The center gives every row it takes a `server_version` (its change-log position), and the pull
brings the desk's own events back with it. Until now the desk's SQLite trigger refused every
UPDATE of `dossier_events`, so the desk kept its own events without one and could only order a
dossier's history by desk clocks. Now one UPDATE is allowed: setting `server_version` once,
from NULL, and nothing else. Any other change is still refused, as before.

The trigger names the table's other columns: a later migration that adds a column to
`dossier_events` must recreate it (tests/db/test_migrations.py tries every column).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TABLE = "dossier_events"
MESSAGE = "append-only table: rows are never changed or deleted"


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # the center sets server_version when it inserts; its trigger stays
    columns = [
        row[1]
        for row in op.get_bind().exec_driver_sql(f"PRAGMA table_info({TABLE})")
        if row[1] != "server_version"
    ]
    op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_no_update")
    op.execute(
        f"CREATE TRIGGER {TABLE}_no_update BEFORE UPDATE OF {', '.join(columns)} ON {TABLE} "
        f"BEGIN SELECT RAISE(ABORT, '{TABLE}: {MESSAGE}'); END"
    )
    op.execute(
        f"CREATE TRIGGER {TABLE}_server_version_once BEFORE UPDATE OF server_version ON {TABLE} "
        f"WHEN OLD.server_version IS NOT NULL OR NEW.server_version IS NULL "
        f"BEGIN SELECT RAISE(ABORT, '{TABLE}: {MESSAGE}'); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_server_version_once")
    op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_no_update")
    op.execute(
        f"CREATE TRIGGER {TABLE}_no_update BEFORE UPDATE ON {TABLE} "
        f"BEGIN SELECT RAISE(ABORT, '{TABLE}: {MESSAGE}'); END"
    )
