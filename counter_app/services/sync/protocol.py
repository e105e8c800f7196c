"""What desk and center agree on: versions, which tables sync how, columns that stay local.

The center's copy of the table policies is the SQL function `center_entity_policy` (migration
0002); a test checks the two agree.
"""

from __future__ import annotations

from counter_app.services.recording import OUTBOX_SCHEMA_VERSION

PROTOCOL_VERSION = 1
SCHEMA_VERSION = OUTBOX_SCHEMA_VERSION

# Tables a desk writes and pushes: "mutable" rows merge field by field, "append" rows are
# inserted once and never change, "private" rows go to the center and are not pulled back.
PUSHED = {
    "dossiers": "mutable",
    "dossier_items": "mutable",
    "postal_batches": "mutable",
    "postal_batch_items": "mutable",
    "postal_deliveries": "mutable",
    "queue_tickets": "mutable",
    "dossier_events": "append",
    "dossier_files": "append",
    "files": "append",
    "ratings": "append",
    "audit_log": "private",
}
PULLED = {name for name, policy in PUSHED.items() if policy != "private"}

# Reference data: authored at the center, pulled whole; parents before children.
REFERENCE_TABLES = (
    "units",
    "procedures",
    "checklist_items",
    "desks",
    "users",
    "user_roles",
    "calendar_entries",
    "printers",
    "queue_services",
    "queue_service_units",
    "desk_services",
)

# Columns that describe this desk only and are never overwritten by what the center sends.
LOCAL_COLUMNS = {
    "users": frozenset({"failed_logins", "locked_until"}),
    "files": frozenset({"uploaded"}),
}


CHANNEL_CHANGES = "counter_changes"
CHANNEL_REFERENCE = "counter_reference"
