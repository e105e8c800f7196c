"""Push: this desk's outbox to the center, in desk_seq order, in batches; resending is harmless.

The center answers per op (SYNC.md): applied / duplicate / conflict → acknowledged; rejected /
held → quarantined with the reason, shown, never dropped; a gap stops the push.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Table, select, update

from counter_app.db import Database
from counter_app.models import OutboxOp
from counter_app.models.base import utcnow
from counter_app.services.recording import sync_state
from counter_app.services.sync.client import CenterClient

BATCH = 200
WIRE_COLUMNS = (
    OutboxOp.op_id,
    OutboxOp.desk_seq,
    OutboxOp.entity,
    OutboxOp.entity_id,
    OutboxOp.kind,
    OutboxOp.payload,
    OutboxOp.base_version,
    OutboxOp.schema_version,
)
HELD_REASON = "đợi thao tác bị từ chối trước đó / waits behind a refused op of the same record"


@dataclass
class PushReport:
    sent: int = 0
    acked: int = 0
    duplicates: int = 0
    conflicts: int = 0
    quarantined: int = 0
    gap: str = ""
    server_times: list[tuple[datetime, datetime, datetime]] = field(default_factory=list)


def op_message(op: OutboxOp | Any, held: bool) -> dict[str, Any]:
    """Return the wire form of an outbox op (an OutboxOp or a row of its columns)."""
    msg: dict[str, Any] = {
        "op_id": op.op_id,
        "desk_seq": op.desk_seq,
        "entity": op.entity,
        "entity_id": op.entity_id,
        "kind": op.kind,
        "payload": op.payload,
        "base_version": op.base_version,
        "schema_version": op.schema_version,
    }
    if held:
        msg["held"] = True
        msg["held_reason"] = HELD_REASON
    return msg


def push_outbox(db: Database, client: CenterClient, *, batch: int = BATCH) -> PushReport:
    """Send every pending op; return what the center answered. CenterUnreachable and
    VersionMismatch propagate (nothing is marked: the next push resends)."""
    report = PushReport()
    while True:
        with db.read() as session:
            # Plain rows, not ORM objects: a push of thousands of ops is mostly this read.
            ops = session.execute(
                select(*WIRE_COLUMNS)
                .where(OutboxOp.state == "pending")
                .order_by(OutboxOp.desk_seq)
                .limit(batch)
            ).all()
            blocked = set(
                session.scalars(select(OutboxOp.entity_id).where(OutboxOp.state == "quarantined"))
            )
            messages = [op_message(op, op.entity_id in blocked) for op in ops]
        if not messages:
            return report
        sent_at = utcnow()
        reply = client.push(messages)
        received_at = utcnow()
        report.sent += len(messages)
        server_time = datetime.fromisoformat(reply["server_time"])
        report.server_times.append((sent_at, server_time, received_at))
        _record(db, reply["results"], report, received_at)
        if report.gap or len(reply["results"]) < len(messages):
            return report


def _record(
    db: Database,
    results: list[dict[str, Any]],
    report: PushReport,
    now: datetime,
) -> None:
    """Store the center's answers in one local transaction.

    A pull that ran while an op waited kept this desk's row and skipped the center's version
    of it; when that op's own change (or, for an op that changed nothing, the row's last
    change) is behind the pull cursor — a reply lost after the center committed, then a
    resend that is a duplicate — the cursor moves back so the next pull reads the center's
    row again (re-applying a change is harmless)."""
    reread: int | None = None
    acked: list[str] = []
    refused: dict[str, str] = {}
    for res in results:
        result = res["result"]
        if result == "gap":
            report.gap = str(res.get("detail", {}).get("reason", "gap"))
            break
        first = res.get("first_result", result)
        report.duplicates += result == "duplicate"
        if first in ("applied", "conflict"):
            acked.append(res["op_id"])
            report.conflicts += first == "conflict"
            seen = res.get("server_version") or (res.get("detail") or {}).get("row_version")
            if seen is not None:
                reread = int(seen) if reread is None else min(reread, int(seen))
        else:
            refused[res["op_id"]] = str(res.get("detail", {}).get("reason", first))[:2000]
    table = cast(Table, OutboxOp.__table__)
    with db.write() as session:
        # One statement for the acknowledged ops (nearly all of them); an op acked before
        # (a reply that arrived twice) is left as it is.
        for start in range(0, len(acked), 500):
            done = session.execute(
                update(table)
                .where(table.c.op_id.in_(acked[start : start + 500]), table.c.state != "acked")
                .values(
                    state="acked",
                    acked_at=now,
                    sent_at=now,
                    last_error="",
                    attempts=table.c.attempts + 1,
                )
            )
            report.acked += cast(CursorResult[Any], done).rowcount
        for op_id, reason in refused.items():
            done = session.execute(
                update(table)
                .where(table.c.op_id == op_id, table.c.state != "acked")
                .values(
                    state="quarantined",
                    sent_at=now,
                    last_error=reason,
                    attempts=table.c.attempts + 1,
                )
            )
            report.quarantined += cast(CursorResult[Any], done).rowcount
        state = sync_state(session)
        state.last_push_at = now
        if reread is not None and reread <= state.pull_cursor_id:
            state.pull_cursor_id = reread - 1
        if report.gap:
            state.last_error = (
                f"Trung tâm báo thiếu thao tác / The center reports a gap: {report.gap}"
            )
