"""The kill tests' side of the fork server (sync_kill_child.py) and the checks they share:
a desk database's own consistency and a desk's agreement with the center."""

from __future__ import annotations

import json
import os
import select
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import psycopg

CHILD = Path(__file__).with_name("sync_kill_child.py")


def kill_trials(default: int) -> int:
    """Trials of one kill test: `default` in `make test`, COUNTER_APP_KILL_TRIALS to run more
    (bench: thousands)."""
    return int(os.environ.get("COUNTER_APP_KILL_TRIALS", default))


class ForkServer:
    """The fork server process: forks workers, and tells how each one ended."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert self.proc.stdout is not None
        self._fd = self.proc.stdout.fileno()
        self._buf = b""
        self.lines: list[dict[str, Any]] = []  # worker lines since the last fork

    def close(self) -> None:
        if self.proc.poll() is None:
            self._send(op="quit")
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for pipe in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if pipe is not None:
                pipe.close()

    def _send(self, **cmd: Any) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write((json.dumps(cmd) + "\n").encode())
        self.proc.stdin.flush()

    def _line(self, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buf:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._fd], [], [], max(0.0, left))
            if not ready:
                raise AssertionError(f"the fork server said nothing for {timeout} s")
            chunk = os.read(self._fd, 65536)
            if not chunk:
                err = self.proc.stderr.read().decode() if self.proc.stderr else ""
                raise AssertionError(f"the fork server ended: {err}")
            self._buf += chunk
        line, self._buf = self._buf.split(b"\n", 1)
        return dict(json.loads(line))

    def _until(self, key: str, timeout: float) -> dict[str, Any]:
        while True:
            line = self._line(timeout)
            if key in line:
                return line
            self.lines.append(line)
            if "error" in line:
                raise AssertionError(f"worker failed: {line['error']}")

    def warm(self, db: Path) -> None:
        """Let the server do one intake on a copy of `db` before it forks workers."""
        self._send(op="warm", db=str(db))
        self._until("warm", 60)

    def fork(self, mode: str, **job: Any) -> int:
        """Start a worker; return its pid once it is ready to work."""
        self.lines = []
        self._send(op="fork", mode=mode, **job)
        pid = int(self._until("pid", 30)["pid"])
        self._until("ready", 30)
        return pid

    def reap(self, pid: int, timeout: float = 60) -> int | None:
        """Wait for the worker to end; return the signal that ended it (None: it finished)."""
        self._send(op="reap", pid=pid)
        ended = self._until("reaped", timeout)
        return int(ended["signal"]) if ended["signal"] is not None else None


# --- a desk database on its own ---------------------------------------------------------------


def check_desk_file(path: Path) -> dict[str, int]:
    """Assert a desk database is sound after a crash: integrity_check ok; every dossier, item,
    event and dossier audit row has its outbox ops and every op's row exists (both or
    neither); status matches the last status event; desk_seq is 1..N without a gap.
    Return counts."""
    con = sqlite3.connect(path, timeout=30)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        ops = con.execute("SELECT entity, entity_id, kind FROM sync_outbox").fetchall()
        by_row = Counter((entity, entity_id, kind) for entity, entity_id, kind in ops)
        for entity, entity_id, _kind in by_row:
            found = con.execute(f"SELECT 1 FROM {entity} WHERE id = ?", (entity_id,)).fetchone()
            assert found, f"outbox op for {entity} {entity_id}, but no such row"
        dossiers = con.execute("SELECT id, status FROM dossiers").fetchall()
        for dossier_id, status in dossiers:
            assert by_row[("dossiers", dossier_id, "insert")] == 1, dossier_id
            events = con.execute(
                "SELECT id, to_status FROM dossier_events WHERE dossier_id = ? ORDER BY rowid",
                (dossier_id,),
            ).fetchall()
            assert events, f"dossier {dossier_id} without its first event"
            assert events[-1][1] == status, f"dossier {dossier_id}: status without its event"
            assert by_row[("dossiers", dossier_id, "update")] == len(events) - 1
            for event_id, _ in events:
                assert by_row[("dossier_events", event_id, "append")] == 1, event_id
            for (item_id,) in con.execute(
                "SELECT id FROM dossier_items WHERE dossier_id = ?", (dossier_id,)
            ):
                assert by_row[("dossier_items", item_id, "insert")] == 1, item_id
            audits = con.execute(
                "SELECT id FROM audit_log WHERE entity = 'dossiers' AND entity_id = ?",
                (dossier_id,),
            ).fetchall()
            assert len(audits) == len(events), f"dossier {dossier_id}: audit rows ≠ events"
            for (audit_id,) in audits:
                assert by_row[("audit_log", audit_id, "append")] == 1, audit_id
        seqs = [r[0] for r in con.execute("SELECT desk_seq FROM sync_outbox ORDER BY desk_seq")]
        assert seqs == list(range(1, len(seqs) + 1)), "desk_seq has a gap"
        last = con.execute("SELECT coalesce(max(last_desk_seq), 0) FROM sync_state").fetchone()
        assert last[0] == len(seqs), "sync_state.last_desk_seq ≠ the ops written"
        return {"dossiers": len(dossiers), "ops": len(seqs)}
    finally:
        con.close()


# --- a desk against the center ----------------------------------------------------------------


def center_counts(center_url: str, desk_id: str) -> dict[str, Any]:
    """What the center holds of one desk (read with the owner's credentials)."""
    with psycopg.connect(center_url) as conn:

        def one(query: str) -> Any:
            return conn.execute(query, (desk_id,)).fetchone()[0]  # type: ignore[index]

        return {
            "applied_ops": one("SELECT count(*) FROM center_applied_ops WHERE desk_id = %s"),
            "op_ids": {
                r[0]
                for r in conn.execute(
                    "SELECT op_id FROM center_applied_ops WHERE desk_id = %s", (desk_id,)
                )
            },
            "results": dict(
                conn.execute(
                    "SELECT result, count(*) FROM center_applied_ops WHERE desk_id = %s "
                    "GROUP BY result",
                    (desk_id,),
                ).fetchall()
            ),
            "last_seq": one(
                "SELECT coalesce(max(last_seq), 0) FROM center_desk_progress WHERE desk_id = %s"
            ),
            "dossiers": one("SELECT count(*) FROM dossiers WHERE origin_desk_id = %s"),
            "events": one("SELECT count(*) FROM dossier_events WHERE origin_desk_id = %s"),
            "items": one("SELECT count(*) FROM dossier_items WHERE origin_desk_id = %s"),
            "audit": one("SELECT count(*) FROM audit_log WHERE origin_desk_id = %s"),
            # An op applied twice would have written two change-log rows.
            "twice": conn.execute(
                "SELECT count(*) FROM (SELECT op_id FROM center_change_log WHERE origin_desk_id "
                "= %s AND op_id IS NOT NULL GROUP BY op_id HAVING count(*) > 1) t",
                (desk_id,),
            ).fetchone()[0],  # type: ignore[index]
        }


def local_counts(path: Path, desk_id: str) -> dict[str, Any]:
    con = sqlite3.connect(path, timeout=30)
    try:

        def one(query: str, *params: Any) -> Any:
            return con.execute(query, params).fetchone()[0]

        return {
            "ops": one("SELECT count(*) FROM sync_outbox"),
            "op_ids": {r[0] for r in con.execute("SELECT op_id FROM sync_outbox")},
            "states": dict(
                con.execute("SELECT state, count(*) FROM sync_outbox GROUP BY state").fetchall()
            ),
            "dossiers": one("SELECT count(*) FROM dossiers WHERE origin_desk_id = ?", desk_id),
            "events": one("SELECT count(*) FROM dossier_events WHERE origin_desk_id = ?", desk_id),
            "items": one("SELECT count(*) FROM dossier_items WHERE origin_desk_id = ?", desk_id),
            "audit": one(
                "SELECT count(*) FROM sync_outbox WHERE entity = 'audit_log'",
            ),
        }
    finally:
        con.close()


def assert_desk_drained(center_url: str, path: Path, desk_id: str) -> dict[str, Any]:
    """Assert every op of the desk reached the center exactly once and is acknowledged."""
    center, local = center_counts(center_url, desk_id), local_counts(path, desk_id)
    assert local["states"] == {"acked": local["ops"]}, local["states"]
    assert center["op_ids"] == local["op_ids"], "the center's applied ops ≠ the desk's outbox"
    assert center["applied_ops"] == local["ops"] == center["last_seq"]
    assert set(center["results"]) <= {"applied", "conflict"}, center["results"]
    assert center["twice"] == 0, "an op was applied twice"
    for key in ("dossiers", "events", "items", "audit"):
        assert center[key] == local[key], (key, center[key], local[key])
    return center
