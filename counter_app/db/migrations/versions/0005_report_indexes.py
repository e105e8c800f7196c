"""Indexes for the supervisor reports (issue 9): dossiers by finish time (settled in a period,
still open at an instant) and dossier events by time (refusals, withdrawals, supplement requests
and apologies in a period). Without them the monthly report reads every row.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_dossiers_finished_at", "dossiers", ["finished_at"])
    op.create_index("ix_dossier_events_at", "dossier_events", ["at"])


def downgrade() -> None:
    op.drop_index("ix_dossier_events_at", table_name="dossier_events")
    op.drop_index("ix_dossiers_finished_at", table_name="dossiers")
