"""Postal work (issue 8): batch items can be taken out of an open batch (a mark, since synced
rows are never deleted), and the desk's pool of tracking numbers from the post's list.

The pool is local to the desk (no sync columns, no outbox): the center's table policies and
`center_push_fast` are unchanged. The new column of `postal_batch_items` reaches the center
through `center_apply_op`, which reads a table's columns from the catalog.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("postal_batch_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "postal_tracking_pool",
        sa.Column("number", sa.String(length=13), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("dossier_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossiers.id"],
            name=op.f("fk_postal_tracking_pool_dossier_id_dossiers"),
        ),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_postal_tracking_pool")),
    )


def downgrade() -> None:
    op.drop_table("postal_tracking_pool")
    with op.batch_alter_table("postal_batch_items", schema=None) as batch_op:
        batch_op.drop_column("removed_at")
