"""Initial schema: catalog, organisation, dossiers and their events, queue, postal, printing,
audit log and sync outbox. Events and audit rows are append-only, enforced by triggers.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "app_meta",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_meta")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("actor_name", sa.String(length=200), nullable=False),
        sa.Column("desk_id", sa.String(length=36), nullable=True),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin_desk_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)

    op.create_table(
        "calendar_entries",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin_desk_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.BigInteger(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('day_off', 'working_day')", name=op.f("ck_calendar_entries_kind")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_entries")),
        sa.UniqueConstraint("day", name=op.f("uq_calendar_entries_day")),
    )
    op.create_table(
        "code_counters",
        sa.Column("scope", sa.String(length=200), nullable=False),
        sa.Column("last_value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("scope", name=op.f("pk_code_counters")),
    )
    op.create_table(
        "files",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("uploaded", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin_desk_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_files")),
    )
    op.create_table(
        "queue_services",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=4), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin_desk_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_queue_services")),
        sa.UniqueConstraint("code", name=op.f("uq_queue_services_code")),
    )
    op.create_table(
        "sync_outbox",
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("desk_seq", sa.BigInteger(), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("base_version", sa.BigInteger(), nullable=True),
        sa.Column("schema_version", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("acked_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "state IN ('pending', 'sent', 'acked', 'quarantined')",
            name=op.f("ck_sync_outbox_state"),
        ),
        sa.PrimaryKeyConstraint("op_id", name=op.f("pk_sync_outbox")),
        sa.UniqueConstraint("desk_seq", name=op.f("uq_sync_outbox_desk_seq")),
    )
    with op.batch_alter_table("sync_outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_outbox_entity_id"), ["entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_outbox_state"), ["state"], unique=False)

    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("desk_id", sa.String(length=36), nullable=True),
        sa.Column("central_url", sa.Text(), nullable=False),
        sa.Column("last_desk_seq", sa.BigInteger(), nullable=False),
        sa.Column("pull_cursor_txid", sa.BigInteger(), nullable=False),
        sa.Column("pull_cursor_id", sa.BigInteger(), nullable=False),
        sa.Column("catalog_version", sa.BigInteger(), nullable=False),
        sa.Column("last_push_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_pull_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_success_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("clock_offset_ms", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_sync_state_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "units",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("short_name", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("ident_code", sa.String(length=40), nullable=False),
        sa.Column("saturday_reception", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin_desk_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.BigInteger(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('center', 'department', 'company', 'notary', 'other')",
            name=op.f("ck_units_kind"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_units")),
        sa.UniqueConstraint("code", name=op.f("uq_units_code")),
    )
    op.create_table(
        "desks",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin_desk_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_desks_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desks")),
        sa.UniqueConstraint("number", name=op.f("uq_desks_number")),
    )
    op.create_table(
        "procedures",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("department_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=200), nullable=False),
        sa.Column("duration_unit", sa.String(length=20), nullable=False),
        sa.Column("duration_amount", sa.Float(), nullable=False),
        sa.Column("same_day_cutoff", sa.String(length=5), nullable=True),
        sa.Column("fee", sa.Integer(), nullable=False),
        sa.Column("fee_note", sa.Text(), nullable=False),
        sa.Column("saturday_reception", sa.Boolean(), nullable=False),
        sa.Column("on_the_spot", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin_desk_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.BigInteger(), nullable=True),
        sa.CheckConstraint(
            "duration_unit IN ('working_days', 'working_hours', 'calendar_days')",
            name=op.f("ck_procedures_duration_unit"),
        ),
        sa.CheckConstraint("duration_amount >= 0", name=op.f("ck_procedures_duration_amount")),
        sa.CheckConstraint("fee >= 0", name=op.f("ck_procedures_fee")),
        sa.ForeignKeyConstraint(
            ["department_id"], ["units.id"], name=op.f("fk_procedures_department_id_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_procedures")),
        sa.UniqueConstraint("code", name=op.f("uq_procedures_code")),
    )
    with op.batch_alter_table("procedures", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_procedures_department_id"), ["department_id"], unique=False
        )

    op.create_table(
        "queue_counters",
        sa.Column("service_id", sa.String(length=36), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("series", sa.String(length=8), nullable=False),
        sa.Column("last_no", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["queue_services.id"],
            name=op.f("fk_queue_counters_service_id_queue_services"),
        ),
        sa.PrimaryKeyConstraint(
            "service_id", "business_date", "series", name=op.f("pk_queue_counters")
        ),
    )
    op.create_table(
        "queue_service_units",
        sa.Column("service_id", sa.String(length=36), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["queue_services.id"],
            name=op.f("fk_queue_service_units_service_id_queue_services"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["units.id"],
            name=op.f("fk_queue_service_units_unit_id_units"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("service_id", "unit_id", name=op.f("pk_queue_service_units")),
    )
    op.create_table(
        "checklist_items",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("procedure_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin_desk_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.BigInteger(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('original', 'certified_copy', 'photocopy')",
            name=op.f("ck_checklist_items_kind"),
        ),
        sa.CheckConstraint("count >= 1", name=op.f("ck_checklist_items_count")),
        sa.ForeignKeyConstraint(
            ["procedure_id"],
            ["procedures.id"],
            name=op.f("fk_checklist_items_procedure_id_procedures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_items")),
    )
    with op.batch_alter_table("checklist_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_checklist_items_procedure_id"), ["procedure_id"], unique=False
        )

    op.create_table(
        "desk_services",
        sa.Column("desk_id", sa.String(length=36), nullable=False),
        sa.Column("service_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["desk_id"],
            ["desks.id"],
            name=op.f("fk_desk_services_desk_id_desks"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["queue_services.id"],
            name=op.f("fk_desk_services_service_id_queue_services"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("desk_id", "service_id", name=op.f("pk_desk_services")),
    )
    op.create_table(
        "printers",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("uri", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("paper_width_mm", sa.Integer(), nullable=True),
        sa.Column("desk_id", sa.String(length=36), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin_desk_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.BigInteger(), nullable=True),
        sa.CheckConstraint("kind IN ('receipt', 'a4')", name=op.f("ck_printers_kind")),
        sa.ForeignKeyConstraint(["desk_id"], ["desks.id"], name=op.f("fk_printers_desk_id_desks")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_printers")),
        sa.UniqueConstraint("name", name=op.f("uq_printers_name")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("password_hash", sa.String(length=300), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("desk_id", sa.String(length=36), nullable=True),
        sa.Column("unit_id", sa.String(length=36), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin_desk_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(["desk_id"], ["desks.id"], name=op.f("fk_users_desk_id_desks")),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_users_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "dossiers",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("lookup_secret", sa.String(length=16), nullable=False),
        sa.Column("procedure_id", sa.String(length=36), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("channel", sa.Integer(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("sets_count", sa.Integer(), nullable=False),
        sa.Column("applicant_name", sa.String(length=200), nullable=False),
        sa.Column("applicant_id_number", sa.String(length=20), nullable=False),
        sa.Column("applicant_phone", sa.String(length=20), nullable=False),
        sa.Column("applicant_address", sa.Text(), nullable=False),
        sa.Column("applicant_email", sa.String(length=200), nullable=False),
        sa.Column("applicant_birth_date", sa.Date(), nullable=True),
        sa.Column("applicant_gender", sa.String(length=10), nullable=False),
        sa.Column("applicant_name_folded", sa.String(length=200), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("original_due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_rule_version", sa.String(length=40), nullable=False),
        sa.Column("paused_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("returned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("return_by_post", sa.Boolean(), nullable=False),
        sa.Column("post_receiver_name", sa.String(length=200), nullable=False),
        sa.Column("post_address", sa.Text(), nullable=False),
        sa.Column("post_phone", sa.String(length=20), nullable=False),
        sa.Column("received_by_user_id", sa.String(length=36), nullable=True),
        sa.Column("received_by_name", sa.String(length=200), nullable=False),
        sa.Column("desk_id", sa.String(length=36), nullable=True),
        sa.Column("ledger_book", sa.String(length=40), nullable=False),
        sa.Column("ledger_entry", sa.Integer(), nullable=True),
        sa.Column("needs_review", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin_desk_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.BigInteger(), nullable=True),
        sa.CheckConstraint("channel IN (1, 2, 3)", name=op.f("ck_dossiers_channel")),
        sa.CheckConstraint("sets_count >= 1", name=op.f("ck_dossiers_sets_count")),
        sa.CheckConstraint("status BETWEEN 1 AND 10", name=op.f("ck_dossiers_status")),
        sa.ForeignKeyConstraint(["desk_id"], ["desks.id"], name=op.f("fk_dossiers_desk_id_desks")),
        sa.ForeignKeyConstraint(
            ["procedure_id"], ["procedures.id"], name=op.f("fk_dossiers_procedure_id_procedures")
        ),
        sa.ForeignKeyConstraint(
            ["received_by_user_id"],
            ["users.id"],
            name=op.f("fk_dossiers_received_by_user_id_users"),
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_dossiers_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossiers")),
        sa.UniqueConstraint("code", name=op.f("uq_dossiers_code")),
    )
    with op.batch_alter_table("dossiers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_dossiers_applicant_id_number"), ["applicant_id_number"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_dossiers_applicant_name_folded"), ["applicant_name_folded"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_dossiers_applicant_phone"), ["applicant_phone"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_dossiers_due_at"), ["due_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_dossiers_procedure_id"), ["procedure_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_dossiers_received_at"), ["received_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_dossiers_status"), ["status"], unique=False)

    op.create_table(
        "postal_batches",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("direction", sa.String(length=20), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=True),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("handed_by_name", sa.String(length=200), nullable=False),
        sa.Column("received_by_name", sa.String(length=200), nullable=False),
        sa.Column("created_by_user_id", sa.String(length=36), nullable=True),
        sa.Column("desk_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin_desk_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.BigInteger(), nullable=True),
        sa.CheckConstraint(
            "direction IN ('to_department', 'from_department', 'to_post')",
            name=op.f("ck_postal_batches_direction"),
        ),
        sa.CheckConstraint("state IN ('open', 'closed')", name=op.f("ck_postal_batches_state")),
        sa.ForeignKeyConstraint(
            ["created_by_user_id"],
            ["users.id"],
            name=op.f("fk_postal_batches_created_by_user_id_users"),
        ),
        sa.ForeignKeyConstraint(
            ["desk_id"], ["desks.id"], name=op.f("fk_postal_batches_desk_id_desks")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_postal_batches_unit_id_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_postal_batches")),
        sa.UniqueConstraint("number", name=op.f("uq_postal_batches_number")),
    )
    op.create_table(
        "user_roles",
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin_desk_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.BigInteger(), nullable=True),
        sa.CheckConstraint(
            "role IN ('officer', 'postal', 'supervisor', 'admin')", name=op.f("ck_user_roles_role")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_user_roles_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "role", name=op.f("pk_user_roles")),
    )
    op.create_table(
        "dossier_events",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("from_status", sa.Integer(), nullable=True),
        sa.Column("to_status", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_user_id", sa.String(length=36), nullable=True),
        sa.Column("actor_name", sa.String(length=200), nullable=False),
        sa.Column("desk_id", sa.String(length=36), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin_desk_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["actor_user_id"], ["users.id"], name=op.f("fk_dossier_events_actor_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["desk_id"], ["desks.id"], name=op.f("fk_dossier_events_desk_id_desks")
        ),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_dossier_events_dossier_id_dossiers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_events")),
    )
    with op.batch_alter_table("dossier_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_dossier_events_dossier_id"), ["dossier_id"], unique=False
        )

    op.create_table(
        "dossier_items",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=False),
        sa.Column("checklist_item_id", sa.String(length=36), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin_desk_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.BigInteger(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('original', 'certified_copy', 'photocopy')",
            name=op.f("ck_dossier_items_kind"),
        ),
        sa.CheckConstraint("count >= 1", name=op.f("ck_dossier_items_count")),
        sa.ForeignKeyConstraint(
            ["checklist_item_id"],
            ["checklist_items.id"],
            name=op.f("fk_dossier_items_checklist_item_id_checklist_items"),
        ),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossiers.id"],
            name=op.f("fk_dossier_items_dossier_id_dossiers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_items")),
    )
    with op.batch_alter_table("dossier_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_dossier_items_dossier_id"), ["dossier_id"], unique=False
        )

    op.create_table(
        "postal_batch_items",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin_desk_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["postal_batches.id"],
            name=op.f("fk_postal_batch_items_batch_id_postal_batches"),
        ),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_postal_batch_items_dossier_id_dossiers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_postal_batch_items")),
        sa.UniqueConstraint(
            "batch_id", "dossier_id", name=op.f("uq_postal_batch_items_batch_id_dossier_id")
        ),
    )
    with op.batch_alter_table("postal_batch_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_postal_batch_items_batch_id"), ["batch_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_postal_batch_items_dossier_id"), ["dossier_id"], unique=False
        )

    op.create_table(
        "postal_deliveries",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=False),
        sa.Column("receiver_name", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("tracking_number", sa.String(length=40), nullable=False),
        sa.Column("handed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("status_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin_desk_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.BigInteger(), nullable=True),
        sa.CheckConstraint(
            "status IN ('handed_to_post', 'in_transit', 'delivered', 'returned_to_center')",
            name=op.f("ck_postal_deliveries_status"),
        ),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_postal_deliveries_dossier_id_dossiers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_postal_deliveries")),
    )
    with op.batch_alter_table("postal_deliveries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_postal_deliveries_dossier_id"), ["dossier_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_postal_deliveries_tracking_number"), ["tracking_number"], unique=False
        )

    op.create_table(
        "print_jobs",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("printer_uri", sa.String(length=300), nullable=False),
        sa.Column("document", sa.String(length=40), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=True),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("reprint_of", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "state IN ('queued', 'sending', 'done', 'failed')", name=op.f("ck_print_jobs_state")
        ),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_print_jobs_dossier_id_dossiers")
        ),
        sa.ForeignKeyConstraint(
            ["reprint_of"], ["print_jobs.id"], name=op.f("fk_print_jobs_reprint_of_print_jobs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_jobs")),
    )
    op.create_table(
        "queue_tickets",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("service_id", sa.String(length=36), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("series", sa.String(length=8), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("display", sa.String(length=20), nullable=False),
        sa.Column("priority", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("called_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("serving_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("issuing_desk_id", sa.String(length=36), nullable=True),
        sa.Column("desk_id", sa.String(length=36), nullable=True),
        sa.Column("officer_user_id", sa.String(length=36), nullable=True),
        sa.Column("dossier_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin_desk_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.BigInteger(), nullable=True),
        sa.CheckConstraint(
            "state IN ('waiting', 'called', 'serving', 'done', 'no_show', 'transferred', 'cancelled')",
            name=op.f("ck_queue_tickets_state"),
        ),
        sa.ForeignKeyConstraint(
            ["desk_id"], ["desks.id"], name=op.f("fk_queue_tickets_desk_id_desks")
        ),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_queue_tickets_dossier_id_dossiers")
        ),
        sa.ForeignKeyConstraint(
            ["issuing_desk_id"], ["desks.id"], name=op.f("fk_queue_tickets_issuing_desk_id_desks")
        ),
        sa.ForeignKeyConstraint(
            ["officer_user_id"], ["users.id"], name=op.f("fk_queue_tickets_officer_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["queue_services.id"],
            name=op.f("fk_queue_tickets_service_id_queue_services"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_queue_tickets")),
        sa.UniqueConstraint(
            "service_id",
            "business_date",
            "series",
            "number",
            name=op.f("uq_queue_tickets_service_id_business_date_series_number"),
        ),
    )
    with op.batch_alter_table("queue_tickets", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_queue_tickets_business_date"), ["business_date"], unique=False
        )

    op.create_table(
        "dossier_files",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("dossier_item_id", sa.String(length=36), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("page_count", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin_desk_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_dossier_files_dossier_id_dossiers")
        ),
        sa.ForeignKeyConstraint(
            ["dossier_item_id"],
            ["dossier_items.id"],
            name=op.f("fk_dossier_files_dossier_item_id_dossier_items"),
        ),
        sa.ForeignKeyConstraint(
            ["sha256"], ["files.sha256"], name=op.f("fk_dossier_files_sha256_files")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_files")),
        sa.UniqueConstraint(
            "dossier_id", "sha256", "role", name=op.f("uq_dossier_files_dossier_id_sha256_role")
        ),
    )
    with op.batch_alter_table("dossier_files", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_dossier_files_dossier_id"), ["dossier_id"], unique=False
        )

    op.create_table(
        "ratings",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=True),
        sa.Column("ticket_id", sa.String(length=36), nullable=True),
        sa.Column("officer_user_id", sa.String(length=36), nullable=True),
        sa.Column("desk_id", sa.String(length=36), nullable=True),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin_desk_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.BigInteger(), nullable=True),
        sa.CheckConstraint(
            "level <> 'unsatisfied' OR length(reason) > 0", name=op.f("ck_ratings_reason")
        ),
        sa.CheckConstraint(
            "level IN ('very_satisfied', 'satisfied', 'unsatisfied')", name=op.f("ck_ratings_level")
        ),
        sa.ForeignKeyConstraint(["desk_id"], ["desks.id"], name=op.f("fk_ratings_desk_id_desks")),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_ratings_dossier_id_dossiers")
        ),
        sa.ForeignKeyConstraint(
            ["officer_user_id"], ["users.id"], name=op.f("fk_ratings_officer_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["queue_tickets.id"], name=op.f("fk_ratings_ticket_id_queue_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ratings")),
    )
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ratings_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_ratings_dossier_id"), ["dossier_id"], unique=False)

    _append_only("dossier_events")
    _append_only("audit_log")


APPEND_ONLY_MESSAGE = "append-only table: rows are never changed or deleted"


def _append_only(table: str) -> None:
    """Refuse UPDATE and DELETE on `table`: history is kept for ever (DOMAIN.md)."""
    if op.get_bind().dialect.name == "sqlite":
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table}: {APPEND_ONLY_MESSAGE}'); END"
            )
    else:
        op.execute(
            f"""CREATE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION '{table}: {APPEND_ONLY_MESSAGE}'; END $$"""
        )
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()"
        )


def _drop_append_only(table: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        for action in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action}")
    else:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        op.execute(f"DROP FUNCTION IF EXISTS {table}_append_only()")


def downgrade() -> None:
    _drop_append_only("audit_log")
    _drop_append_only("dossier_events")

    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ratings_dossier_id"))
        batch_op.drop_index(batch_op.f("ix_ratings_at"))

    op.drop_table("ratings")
    with op.batch_alter_table("dossier_files", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dossier_files_dossier_id"))

    op.drop_table("dossier_files")
    with op.batch_alter_table("queue_tickets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_queue_tickets_business_date"))

    op.drop_table("queue_tickets")
    op.drop_table("print_jobs")
    with op.batch_alter_table("postal_deliveries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_postal_deliveries_tracking_number"))
        batch_op.drop_index(batch_op.f("ix_postal_deliveries_dossier_id"))

    op.drop_table("postal_deliveries")
    with op.batch_alter_table("postal_batch_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_postal_batch_items_dossier_id"))
        batch_op.drop_index(batch_op.f("ix_postal_batch_items_batch_id"))

    op.drop_table("postal_batch_items")
    with op.batch_alter_table("dossier_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dossier_items_dossier_id"))

    op.drop_table("dossier_items")
    with op.batch_alter_table("dossier_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dossier_events_dossier_id"))

    op.drop_table("dossier_events")
    op.drop_table("user_roles")
    op.drop_table("postal_batches")
    with op.batch_alter_table("dossiers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dossiers_status"))
        batch_op.drop_index(batch_op.f("ix_dossiers_received_at"))
        batch_op.drop_index(batch_op.f("ix_dossiers_procedure_id"))
        batch_op.drop_index(batch_op.f("ix_dossiers_due_at"))
        batch_op.drop_index(batch_op.f("ix_dossiers_applicant_phone"))
        batch_op.drop_index(batch_op.f("ix_dossiers_applicant_name_folded"))
        batch_op.drop_index(batch_op.f("ix_dossiers_applicant_id_number"))

    op.drop_table("dossiers")
    op.drop_table("users")
    op.drop_table("printers")
    op.drop_table("desk_services")
    with op.batch_alter_table("checklist_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checklist_items_procedure_id"))

    op.drop_table("checklist_items")
    op.drop_table("queue_service_units")
    op.drop_table("queue_counters")
    with op.batch_alter_table("procedures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_procedures_department_id"))

    op.drop_table("procedures")
    op.drop_table("desks")
    op.drop_table("units")
    op.drop_table("sync_state")
    with op.batch_alter_table("sync_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_outbox_state"))
        batch_op.drop_index(batch_op.f("ix_sync_outbox_entity_id"))

    op.drop_table("sync_outbox")
    op.drop_table("queue_services")
    op.drop_table("files")
    op.drop_table("code_counters")
    op.drop_table("calendar_entries")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
    op.drop_table("app_meta")
