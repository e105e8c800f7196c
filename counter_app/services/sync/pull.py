"""Pull: the center's changes after this desk's cursor, and its reference data.

A page of changes and the new cursor are stored in one local transaction (pouchdb#1240 saved
the cursor first and lost data); a row with ops not yet acknowledged is not overwritten (its
merged state comes back with the change its push makes). Reference data is swapped whole, in
one transaction, when the center's reference version moved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, text, tuple_

from counter_app.db import Database
from counter_app.models import SyncState
from counter_app.models.base import utcnow
from counter_app.services.recording import sync_state
from counter_app.services.sync.client import CenterClient
from counter_app.services.sync.protocol import PUSHED, REFERENCE_TABLES
from counter_app.services.sync.rows import entities_with_local_ops, table_of, typed, upsert

PAGE = 500


@dataclass
class PullReport:
    pages: int = 0
    changes: int = 0
    applied: int = 0
    kept_local: int = 0
    reference_version: int | None = None  # set when reference data was replaced
    server_times: list[tuple[datetime, datetime, datetime]] = field(default_factory=list)


def pull_changes(db: Database, client: CenterClient, *, page: int = PAGE) -> PullReport:
    """Apply every change after the cursor, a page per local transaction."""
    report = PullReport()
    while True:
        with db.read() as session:
            state = session.get(SyncState, 1)
            cursor = state.pull_cursor_id if state else 0
        sent_at = utcnow()
        reply = client.pull(cursor, page)
        report.server_times.append(
            (sent_at, datetime.fromisoformat(reply["server_time"]), utcnow())
        )
        report.pages += 1
        report.changes += len(reply["changes"])
        _apply_page(db, cursor, int(reply["last_id"]), reply["changes"], report)
        if not reply["more"]:
            return report


def _apply_page(
    db: Database, cursor: int, last_id: int, changes: list[dict[str, Any]], report: PullReport
) -> None:
    latest: dict[tuple[str, str], dict[str, Any]] = {}
    for change in changes:  # the latest data of each row is what counts
        if change["entity"] in PUSHED:
            latest[(change["entity"], change["entity_id"])] = change["data"]
    by_entity: dict[str, dict[str, dict[str, Any]]] = {}
    for (entity, entity_id), data in latest.items():
        by_entity.setdefault(entity, {})[entity_id] = data
    with db.write() as session:
        state = sync_state(session)
        if state.pull_cursor_id != cursor:
            return  # another process of this desk applied this page meanwhile
        # Rows of one page may refer to each other in any order; check keys at commit.
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
        for entity, rows in by_entity.items():
            mutable = PUSHED[entity] == "mutable"
            keep = entities_with_local_ops(session, entity, rows) if mutable else set()
            report.kept_local += len(keep)
            table = table_of(entity)
            typed_rows = []
            for entity_id, data in rows.items():
                if entity_id in keep:
                    continue
                row = typed(table, data)
                if entity == "files":
                    row["uploaded"] = True  # the center has its bytes
                typed_rows.append(row)
            upsert(session, entity, typed_rows, replace=mutable)
            report.applied += len(typed_rows)
        state.pull_cursor_id = last_id
        state.last_pull_at = utcnow()


def pull_reference(db: Database, client: CenterClient) -> PullReport:
    """Replace the reference data if the center's version moved; report the new version."""
    report = PullReport()
    with db.read() as session:
        state = session.get(SyncState, 1)
        since = state.catalog_version if state else 0
    sent_at = utcnow()
    reply = client.reference(since)
    if reply.get("unchanged"):
        return report
    report.server_times.append((sent_at, datetime.fromisoformat(reply["server_time"]), utcnow()))
    replace_reference(db, reply["tables"], int(reply["version"]))
    report.reference_version = int(reply["version"])
    return report


def replace_reference(db: Database, tables: dict[str, list[dict[str, Any]]], version: int) -> None:
    """Make this desk's reference tables exactly the center's, in one transaction."""
    with db.write() as session:
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
        for name in REFERENCE_TABLES:
            table = table_of(name)
            rows = [typed(table, r) for r in tables.get(name, [])]
            upsert(session, name, rows, replace=True)
        for name in reversed(REFERENCE_TABLES):
            table = table_of(name)
            keys = list(table.primary_key.columns)
            wanted = {tuple(r[k.name] for k in keys) for r in tables.get(name, [])}
            present = {
                tuple(row) for row in session.execute(table.select().with_only_columns(*keys))
            }
            gone = list(present - wanted)
            for start in range(0, len(gone), 400):
                part = gone[start : start + 400]
                if len(keys) == 1:
                    session.execute(delete(table).where(keys[0].in_([g[0] for g in part])))
                else:
                    session.execute(delete(table).where(tuple_(*keys).in_(part)))
        state = sync_state(session)
        state.catalog_version = version
