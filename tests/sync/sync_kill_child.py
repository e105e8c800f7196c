"""A fork server for the kill tests: imports the app once, then forks one worker per trial.

Spawning Python and importing the app costs about a second; forking a warm process costs
milliseconds, so a test can kill hundreds of real processes (SIGKILL) in a few seconds.

Protocol: one JSON object per line. The test writes commands on stdin:
  {"op": "warm", "db": PATH}  → {"warm": true} (an intake on a copy: loads what workers use)
  {"op": "fork", "mode": "intake" | "push" | "pull", "db": PATH, ...}  → {"pid": N}
  {"op": "reap", "pid": N}  → {"reaped": N, "signal": S | null, "code": C | null}
Workers write their own lines on the same stdout (one os.write per line, so lines never mix):
{"ready": pid} when they start working, progress lines, {"done": ...} or {"error": ...}.

A worker dies by SIGKILL: sent by the test at a random moment, or sent to itself at a named
step (`point`, at the `nth` time it is reached) — a real kill -9 at a known place, not an
exception that cleanup code could see.

    python tests/sync/sync_kill_child.py
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import sys
import tempfile
import traceback
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from counter_app.db import Database
from counter_app.domain.errors import CounterError
from counter_app.models import Procedure
from counter_app.services.dossiers import change_status
from counter_app.services.intake import Applicant, IntakeRequest, create_dossier
from counter_app.services.recording import Actor
from counter_app.services.sync import client_for, sync_once
from counter_app.services.sync.pull import pull_changes
from counter_app.services.sync.push import push_outbox

AT = datetime(2025, 3, 12, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def emit(**fields: Any) -> None:
    os.write(1, (json.dumps(fields) + "\n").encode())


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def intake_loop(job: dict[str, Any]) -> None:
    """Receive dossiers and move every second one to status 4, until killed."""
    db = Database(f"sqlite:///{job['db']}")
    with db.read() as session:
        code = session.scalar(select(Procedure.code).order_by(Procedure.code))
    assert code
    actor = Actor(None, "Cán bộ thử", job.get("desk_id"))
    emit(ready=os.getpid())
    i = 0
    while True:
        emit(begin=i)
        result = create_dossier(db, IntakeRequest(code, Applicant(f"Người thử {i}")), actor, now=AT)
        emit(committed=i, code=result.code)
        if i % 2:
            emit(begin_status=i)
            change_status(db, result.code, 4, actor, at=AT)
            emit(status=i, code=result.code)
        i += 1


class Points:
    """Kill this process the `nth` time a named step is reached."""

    def __init__(self, point: str, nth: int) -> None:
        self.point = point
        self.nth = nth
        self.seen: dict[str, int] = {}
        self.armed = False

    def reach(self, name: str) -> None:
        self.seen[name] = self.seen.get(name, 0) + 1
        if name == self.point and self.seen[name] == self.nth:
            die()


def push_job(job: dict[str, Any]) -> None:
    """One sync round (or push + pull in small batches), killed at `point`:

    before_send: ops read, the center not called; after_commit: the center committed the
    batch, its reply is here, nothing acknowledged locally; during_ack: the acknowledgements
    are written (flushed) in the local transaction, not committed."""
    db = Database(f"sqlite:///{job['db']}")
    client = client_for(db, central_url=job["central"])
    points = Points(job.get("point", ""), int(job.get("nth", 1)))
    real_push = client.push

    def push(ops: list[dict[str, Any]]) -> dict[str, Any]:
        points.reach("before_send")
        reply = real_push(ops)
        points.reach("after_commit")
        points.armed = True
        return reply

    def after_flush(session: Session, _context: Any) -> None:
        if points.armed:
            points.armed = False
            points.reach("during_ack")

    client.push = push  # type: ignore[method-assign]
    event.listen(Session, "after_flush", after_flush)
    emit(ready=os.getpid())
    batch = job.get("batch")
    if batch:
        report = push_outbox(db, client, batch=int(batch))
        pull_changes(db, client)
        emit(done=True, sent=report.sent, acked=report.acked)
    else:
        full = sync_once(db, client)
        emit(done=True, sent=full.push.sent, acked=full.push.acked)


def pull_job(job: dict[str, Any]) -> None:
    """Pull in small pages, killed at `point` of the `nth` page:

    applied: the page's rows are written in the local transaction, the cursor not yet;
    cursor: rows and the new cursor are written (flushed), the transaction not committed."""
    db = Database(f"sqlite:///{job['db']}")
    client = client_for(db, central_url=job["central"])
    points = Points(job.get("point", ""), int(job.get("nth", 1)))
    real_pull = client.pull
    state = {"page": 0, "inserted": False}

    def pull(after: int, limit: int) -> dict[str, Any]:
        state["page"] += 1
        state["inserted"] = False
        return real_pull(after, limit)

    def after_execute(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT") and not state["inserted"]:
            state["inserted"] = True
            points.reach("applied")

    def after_flush(session: Session, _context: Any) -> None:
        points.reach("cursor")

    client.pull = pull  # type: ignore[method-assign]
    event.listen(db.engine, "after_cursor_execute", after_execute)
    event.listen(Session, "after_flush", after_flush)
    emit(ready=os.getpid())
    report = pull_changes(db, client, page=int(job.get("page", 500)))
    emit(done=True, pages=report.pages, changes=report.changes)


JOBS = {"intake": intake_loop, "push": push_job, "pull": pull_job}


def run_worker(job: dict[str, Any]) -> None:
    code = 0
    try:
        JOBS[job["mode"]](job)
    except CounterError as exc:
        emit(error=exc.message)
        code = 2
    except BaseException:
        emit(error=traceback.format_exc())
        code = 3
    os._exit(code)


def warm(path: str) -> None:
    """Do one intake and status change on a copy of `path`, so that forked workers start with
    mappers configured and modules loaded (the first intake of a process costs ~100 ms)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "warm.sqlite3"
        with sqlite3.connect(path) as src, sqlite3.connect(copy) as dst:
            src.backup(dst)  # the file alone may lack what its WAL holds
        src.close()
        dst.close()
        db = Database(f"sqlite:///{copy}")
        try:
            with db.read() as session:
                code = session.scalar(select(Procedure.code).order_by(Procedure.code))
            assert code
            actor = Actor(None, "khởi động / warm-up")
            made = create_dossier(db, IntakeRequest(code, Applicant("Khởi Động")), actor, now=AT)
            change_status(db, made.code, 4, actor, at=AT)
        finally:
            db.dispose()  # no connection may cross a fork


def main() -> None:
    for line in sys.stdin:
        cmd = json.loads(line)
        if cmd["op"] == "warm":
            warm(cmd["db"])
            emit(warm=True)
        elif cmd["op"] == "fork":
            pid = os.fork()
            if pid == 0:
                run_worker(cmd)
            emit(pid=pid)
        elif cmd["op"] == "reap":
            _, status = os.waitpid(int(cmd["pid"]), 0)
            emit(
                reaped=int(cmd["pid"]),
                signal=os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
                code=os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
            )
        elif cmd["op"] == "quit":
            return


if __name__ == "__main__":
    main()
