"""One sync round (reference, files, push, pull) and what the window shows of sync."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from alembic.script import ScriptDirectory
from sqlalchemy import func, select

from counter_app.db import Database
from counter_app.db.migrate import alembic_config, head_revision
from counter_app.domain.errors import CounterError
from counter_app.models import OutboxOp, SyncState
from counter_app.models.base import utcnow
from counter_app.services.recording import sync_state
from counter_app.services.sync.client import CenterClient
from counter_app.services.sync.errors import VersionMismatch
from counter_app.services.sync.files import upload_files
from counter_app.services.sync.protocol import PROTOCOL_VERSION, SCHEMA_VERSION
from counter_app.services.sync.pull import PullReport, pull_changes, pull_reference
from counter_app.services.sync.push import PushReport, push_outbox

SKEW_WARNING_MS = 2 * 60 * 1000


@dataclass
class SyncReport:
    """What one round did."""

    push: PushReport = field(default_factory=PushReport)
    pull: PullReport = field(default_factory=PullReport)
    reference_version: int | None = None
    files_uploaded: int = 0
    clock_offset_ms: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": not self.push.gap,
            "pushed": self.push.sent,
            "acked": self.push.acked,
            "duplicates": self.push.duplicates,
            "conflicts": self.push.conflicts,
            "quarantined": self.push.quarantined,
            "gap": self.push.gap or None,
            "pulled": self.pull.changes,
            "applied": self.pull.applied,
            "reference_version": self.reference_version,
            "files_uploaded": self.files_uploaded,
            "clock_offset_ms": self.clock_offset_ms,
        }


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """The sync state the status bar shows."""

    joined: bool
    central_url: str
    waiting: int  # ops not yet acknowledged
    quarantined: int
    last_success_at: datetime | None
    last_error: str
    clock_offset_ms: int

    @property
    def skewed(self) -> bool:
        return abs(self.clock_offset_ms) > SKEW_WARNING_MS


def check_compatible(info: dict[str, Any]) -> None:
    """Refuse to sync with a center this desk cannot speak to (SYNC.md, versions).

    A center at a schema revision this program does not know is newer than the desk: pushing
    could write rows in a shape the center no longer expects, so the desk refuses and says to
    update. A center older than the desk is checked by the center's functions (N and N-1)."""
    revision = info.get("revision")
    if revision and revision != head_revision():
        script = ScriptDirectory.from_config(alembic_config())
        try:
            known = script.get_revision(revision) is not None
        except Exception:
            known = False
        if not known:
            raise VersionMismatch(
                "CLIENT_TOO_OLD",
                f"Cơ sở dữ liệu trung tâm ở phiên bản {revision}, mới hơn phần mềm của quầy "
                f"({head_revision()}): cần cập nhật phần mềm, chưa gửi dữ liệu / The center's "
                f"schema {revision} is newer than this desk's; update the app",
            )
    if (
        int(info.get("protocol", PROTOCOL_VERSION)) < PROTOCOL_VERSION
        or int(info.get("schema", SCHEMA_VERSION)) < SCHEMA_VERSION
    ):
        raise VersionMismatch(
            "SERVER_TOO_OLD",
            "Máy chủ trung tâm cũ hơn phần mềm của quầy: cần nâng cấp trung tâm (counter-app "
            "central init) / The center is older than this desk; upgrade it",
        )


def sync_once(db: Database, client: CenterClient, *, files_root: Path | None = None) -> SyncReport:
    """Run one full round: reference data, files, push, pull. Records success or the error in
    the desk's sync state; a CounterError (center unreachable, versions) propagates."""
    report = SyncReport()
    try:
        started = utcnow()
        info = client.info()
        times = [(started, datetime.fromisoformat(info["server_time"]), utcnow())]
        check_compatible(info)
        ref = pull_reference(db, client)
        report.reference_version = ref.reference_version
        report.files_uploaded = upload_files(db, client, root=files_root)
        report.push = push_outbox(db, client)
        report.pull = pull_changes(db, client)
        times += ref.server_times + report.push.server_times + report.pull.server_times
        report.clock_offset_ms = clock_offset_ms(times)
    except CounterError as exc:
        record_error(db, exc.message)
        raise
    with db.write() as session:
        state = sync_state(session)
        if not report.push.gap:  # a gap keeps its error shown; the round did not succeed
            state.last_success_at = utcnow()
            state.last_error = ""
        state.clock_offset_ms = report.clock_offset_ms
    return report


def clock_offset_ms(samples: list[tuple[datetime, datetime, datetime]]) -> int:
    """Estimate center time − desk time from (sent, server, received) samples (median)."""
    offsets = [
        (server - (sent + (received - sent) / 2)).total_seconds() * 1000
        for sent, server, received in samples
    ]
    return round(statistics.median(offsets)) if offsets else 0


def record_error(db: Database, message: str) -> None:
    """Store the last sync error for the status bar (never a password: messages are redacted)."""
    with db.write() as session:
        sync_state(session).last_error = message[:2000]


def sync_status(db: Database) -> SyncStatus:
    """Return what the status bar shows about sync."""
    with db.read() as session:
        state = session.get(SyncState, 1)
        counts = dict(
            session.execute(select(OutboxOp.state, func.count()).group_by(OutboxOp.state)).all()
        )
        return SyncStatus(
            joined=bool(state and state.desk_id and state.central_url),
            central_url=state.central_url if state else "",
            waiting=int(counts.get("pending", 0)) + int(counts.get("sent", 0)),
            quarantined=int(counts.get("quarantined", 0)),
            last_success_at=state.last_success_at if state else None,
            last_error=state.last_error if state else "",
            clock_offset_ms=state.clock_offset_ms if state else 0,
        )


def requeue_quarantined(db: Database) -> int:
    """Send the quarantined ops again as new ops (new ids, at the end of the sequence), after
    the cause was fixed; the old ones are recorded in the audit log. Return how many."""
    from counter_app.services.recording import SYSTEM, audit, next_desk_seq

    with db.write() as session:
        old = list(
            session.scalars(
                select(OutboxOp).where(OutboxOp.state == "quarantined").order_by(OutboxOp.desk_seq)
            )
        )
        for op in old:
            seq = next_desk_seq(session)
            session.add(
                OutboxOp(
                    desk_seq=seq,
                    entity=op.entity,
                    entity_id=op.entity_id,
                    kind=op.kind,
                    payload=op.payload,
                    base_version=op.base_version,
                    schema_version=op.schema_version,
                )
            )
            audit(
                session,
                SYSTEM,
                "sync.requeue",
                entity=op.entity,
                entity_id=op.entity_id,
                details={
                    "op_id": op.op_id,
                    "desk_seq": op.desk_seq,
                    "error": op.last_error,
                    "new_seq": seq,
                },
                outbox=False,
            )
            session.delete(op)
        return len(old)
