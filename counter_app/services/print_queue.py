"""The print queue: a job is committed (row and bytes) before a byte is sent; a worker sends it,
retries with back-off while the printer is away, and marks it done or failed with the reason.

Nothing is printed twice behind the officer's back (LESSONS.md, odoo#244076): a job whose
bytes may have left but were not confirmed (a crash while sending, a printer that stopped
mid-job) becomes failed and "maybe printed", offered for a deliberate `reprint`.

The job's bytes are files named by their SHA-256 (DESIGN.md, Data), written and synced before
the row commits; `params` holds the hash and the queue's own bookkeeping (the table has no
columns for it): the next-attempt time, the maybe-printed flag and the current claim.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import random
import socket
import sys
import threading
import uuid
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from counter_app.config import data_dir
from counter_app.db import Database
from counter_app.db.engine import sqlite_path
from counter_app.domain.errors import InvalidInput, NotAllowed, NotFound, StorageError
from counter_app.models import PrintJob
from counter_app.models.base import utcnow
from counter_app.models.local import PRINT_JOB_STATES
from counter_app.printing.connections import ensure_usable, parse_printer_uri, send_to_printer
from counter_app.printing.errors import PrinterUnavailable, PrintingError
from counter_app.services.recording import SYSTEM, Actor, audit

log = logging.getLogger(__name__)

MAYBE_PRINTED = "Có thể đã in, chưa xác nhận / Maybe printed: sent but not confirmed"

# Keys of PrintJob.params that belong to the queue, not to the document.
P_SHA = "payload_sha256"
P_SIZE = "payload_size"
P_NEXT = "next_attempt_at"
P_MAYBE = "maybe_printed"
P_CLAIM = "claim"
P_EXPIRES = "expires_at"  # a job worth nothing after this (a queue ticket printed too late)
RESERVED = frozenset({P_SHA, P_SIZE, P_NEXT, P_MAYBE, P_CLAIM, P_EXPIRES})
EXPIRED = (
    "Quá hạn, không in nữa (người lấy số đã không còn đứng chờ phiếu) / Expired, not printed: "
    "nobody is waiting at the printer for it any more"
)

HOST = socket.gethostname()
# Tokens of the workers alive in this process: their jobs in 'sending' are not abandoned.
_LIVE_WORKERS: set[str] = set()


@dataclass(frozen=True, slots=True)
class JobView:
    """A print job as the window and the command line see it."""

    id: str
    printer_uri: str
    document: str
    dossier_id: str | None
    state: str  # queued, sending, done, failed
    attempts: int
    last_error: str
    created_at: datetime
    sent_at: datetime | None
    reprint_of: str | None
    maybe_printed: bool
    next_attempt_at: datetime | None = None


def _view(job: PrintJob) -> JobView:
    params = job.params or {}
    return JobView(
        id=job.id,
        printer_uri=job.printer_uri,
        document=job.document,
        dossier_id=job.dossier_id,
        state=job.state,
        attempts=job.attempts,
        last_error=job.last_error,
        created_at=job.created_at,
        sent_at=job.sent_at,
        reprint_of=job.reprint_of,
        maybe_printed=bool(params.get(P_MAYBE)),
        next_attempt_at=_time(params.get(P_NEXT)) if job.state == "queued" else None,
    )


def _time(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else None


class PayloadStore:
    """The exact bytes of jobs, as files named by their SHA-256 under one folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def for_database(cls, db: Database) -> PayloadStore:
        """The store beside a SQLite file (the desk's data folder), else in the data folder."""
        path = sqlite_path(db.url)
        if path is not None:
            return cls(path.parent / "print-jobs" / path.name)
        return cls(data_dir() / "print-jobs")

    def path(self, sha: str) -> Path:
        return self.root / sha[:2] / sha

    def put(self, data: bytes) -> str:
        """Store `data` durably (synced to disk) and return its SHA-256; StorageError if the
        disk refuses."""
        sha = hashlib.sha256(data).hexdigest()
        target = self.path(sha)
        try:
            if target.exists() and hashlib.sha256(target.read_bytes()).hexdigest() == sha:
                return sha
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{sha}.{uuid.uuid4().hex}.tmp")
            with open(tmp, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
            _fsync_dir(target.parent)
            _fsync_dir(self.root)
        except OSError as exc:
            raise StorageError(
                f"Không lưu được lệnh in vào {self.root}: {exc} / Cannot store the print job "
                f"in {self.root}: {exc}"
            ) from exc
        return sha

    def get(self, sha: str) -> bytes:
        """Return the bytes stored under `sha`; PrintingError if missing or damaged."""
        try:
            data = self.path(sha).read_bytes()
        except OSError as exc:
            raise PrintingError(
                f"Mất dữ liệu của lệnh in ({self.path(sha)}): hãy in lại từ hồ sơ / The job's "
                f"bytes are missing ({exc}): print the document again from its dossier"
            ) from exc
        if hashlib.sha256(data).hexdigest() != sha:
            raise PrintingError(
                f"Dữ liệu lệnh in bị hỏng ({self.path(sha)}): hãy in lại từ hồ sơ / The job's "
                "bytes are damaged: print the document again from its dossier"
            )
        return data


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder; NTFS journals the rename itself
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _check_uri(printer_uri: str) -> str:
    """Return the normalized URI; PrintingError if bad or not drivable on this computer."""
    target = parse_printer_uri(printer_uri)
    if len(target.uri) > 300:
        raise PrintingError(
            "Địa chỉ máy in dài quá 300 ký tự / The printer URI is longer than 300 characters"
        )
    ensure_usable(target)
    return target.uri


def enqueue(
    db: Database,
    *,
    printer_uri: str,
    document: str,
    params: dict[str, Any],
    payload: bytes,
    dossier_id: str | None = None,
    actor: Actor,
    store: PayloadStore | None = None,
    expires_at: datetime | None = None,
) -> JobView:
    """Commit a job (its row, its bytes and an audit row) and return it, without sending.
    A job with `expires_at` that could not be sent by then fails instead of printing late.

    Raises PrintingError for a bad printer URI (nothing written), StorageError when the disk or
    database refuses; ValueError/TypeError for a caller's bug (empty payload, params that are
    not JSON or use the queue's own keys)."""
    uri = _check_uri(printer_uri)
    if not payload:
        raise ValueError("empty print job")
    if not 0 < len(document) <= 40:
        raise ValueError(f"document name {document!r}: 1 to 40 characters")
    taken = RESERVED & params.keys()
    if taken:
        raise ValueError(f"params keys {sorted(taken)} belong to the print queue")
    json.dumps(params)  # a TypeError here, not at commit
    sha = (store or PayloadStore.for_database(db)).put(payload)
    with db.write() as session:
        job = PrintJob(
            printer_uri=uri,
            document=document,
            params={
                **params,
                P_SHA: sha,
                P_SIZE: len(payload),
                **({P_EXPIRES: expires_at.isoformat()} if expires_at else {}),
            },
            dossier_id=dossier_id,
            state="queued",
            attempts=0,
            last_error="",
        )
        session.add(job)
        session.flush()
        audit(
            session,
            actor,
            "print.enqueue",
            entity="print_jobs",
            entity_id=job.id,
            details={"document": document, "printer": uri, "dossier_id": dossier_id},
            outbox=False,
        )
        return _view(job)


def reprint(
    db: Database,
    job_id: str,
    actor: Actor,
    *,
    printer_uri: str | None = None,
    store: PayloadStore | None = None,
) -> JobView:
    """Queue the same bytes again as a new job (`reprint_of` the old one), on the same printer
    or on `printer_uri`, and record it in the audit log; return the new job.

    Raises NotFound, NotAllowed while the old job is still queued or sending, PrintingError for
    a bad printer URI or bytes that are missing or damaged."""
    store = store or PayloadStore.for_database(db)
    with db.write() as session:
        old = session.get(PrintJob, job_id)
        if old is None:
            raise _not_found(job_id)
        if old.state in ("queued", "sending"):
            raise NotAllowed(
                "Lệnh in này chưa xong (đang chờ hoặc đang in): chưa in lại được / This job is "
                "still waiting or printing; reprint it once it is done or failed"
            )
        uri = _check_uri(printer_uri or old.printer_uri)
        sha = str(old.params.get(P_SHA, ""))
        payload = store.get(sha)
        params = {k: v for k, v in old.params.items() if k not in RESERVED}
        job = PrintJob(
            printer_uri=uri,
            document=old.document,
            params={**params, P_SHA: sha, P_SIZE: len(payload)},  # a reprint is asked for now
            dossier_id=old.dossier_id,
            state="queued",
            attempts=0,
            last_error="",
            reprint_of=old.id,
        )
        session.add(job)
        session.flush()
        audit(
            session,
            actor,
            "print.reprint",
            entity="print_jobs",
            entity_id=job.id,
            details={
                "reprint_of": old.id,
                "document": old.document,
                "printer": uri,
                "old_state": old.state,
                "maybe_printed": bool(old.params.get(P_MAYBE)),
            },
            outbox=False,
        )
        return _view(job)


def get_job(db: Database, job_id: str) -> JobView:
    """Return one job; NotFound if there is none with that id."""
    with db.read() as session:
        job = session.get(PrintJob, job_id)
        if job is None:
            raise _not_found(job_id)
        return _view(job)


def list_jobs(db: Database, state: str | None = None, limit: int = 50) -> list[JobView]:
    """Return the newest jobs first, optionally only those in `state`; InvalidInput for an
    unknown state."""
    if state is not None and state not in PRINT_JOB_STATES:
        raise InvalidInput(
            f"Trạng thái lệnh in không hợp lệ: {state!r} (dùng {', '.join(PRINT_JOB_STATES)}) / "
            f"Unknown print job state {state!r}"
        )
    query = select(PrintJob).order_by(PrintJob.created_at.desc(), PrintJob.id.desc())
    if state is not None:
        query = query.where(PrintJob.state == state)
    with db.read() as session:
        return [_view(job) for job in session.scalars(query.limit(max(1, limit)))]


def _not_found(job_id: str) -> NotFound:
    return NotFound(f"Không có lệnh in {job_id} / No print job {job_id}")


@dataclass(frozen=True, slots=True)
class Backoff:
    """The waits between tries of a job: `first` seconds, times `factor` after each failure,
    at most `cap`, each spread by ±`jitter` (so jobs and desks do not retry in step); the job
    fails after `max_attempts` tries."""

    first: float = 2.0
    factor: float = 2.0
    cap: float = 300.0
    jitter: float = 0.2
    max_attempts: int = 10

    def delay(self, attempts: int, rng: random.Random) -> float:
        """Return the seconds to wait after the `attempts`-th failed try (1 for the first)."""
        base = self.first * self.factor ** min(max(attempts - 1, 0), 64)
        return min(self.cap, min(self.cap, base) * (1 + self.jitter * rng.uniform(-1.0, 1.0)))


@dataclass(frozen=True, slots=True)
class _Queued:
    id: str
    printer_uri: str
    attempts: int
    params: dict[str, Any]

    def due(self, now: datetime) -> bool:
        at = _time(self.params.get(P_NEXT))
        return at is None or at <= now


def _pid_alive(pid: int) -> bool:
    if sys.platform == "win32":
        # os.kill(pid, 0) would terminate the process on Windows: ask the kernel instead.
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() == 5  # access denied: it exists
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class PrintWorker:
    """Sends queued jobs, one printer at a time in the order they were queued.

    `run_once` does one round; `start` runs rounds on a background thread (never the GUI's),
    woken by `wake` (or `enqueue`) and by a timer for retries. Several workers, in one process
    or many, may share a database: a job is claimed by a conditional UPDATE before it is sent.
    `on_change` gets each job whose state changed, on the worker's thread (the window posts it
    to the GUI thread); `send`, `clock`, `rng` are injectable for tests.
    """

    def __init__(
        self,
        db: Database,
        *,
        send: Callable[[str, bytes], None] = send_to_printer,
        clock: Callable[[], datetime] = utcnow,
        backoff: Backoff | None = None,
        store: PayloadStore | None = None,
        rng: random.Random | None = None,
        poll_interval: float = 30.0,
        stale_after: timedelta = timedelta(minutes=30),
        on_change: Callable[[JobView], None] | None = None,
    ) -> None:
        self.db = db
        self.store = store or PayloadStore.for_database(db)
        self.backoff = backoff or Backoff()
        self.token = uuid.uuid4().hex
        self._send = send
        self._clock = clock
        self._rng = rng or random.Random()
        self._poll = poll_interval
        self._stale_after = stale_after
        self._on_change = on_change
        self._round = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self.next_due: datetime | None = None
        _LIVE_WORKERS.add(self.token)
        weakref.finalize(self, _LIVE_WORKERS.discard, self.token)

    # --- the background thread ------------------------------------------------------------

    def start(self) -> None:
        """Run rounds on a background thread until `stop`."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._stopping.clear()
        self._thread = threading.Thread(target=self._loop, name="print-worker", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the thread after the job it is sending (at most one printer timeout)."""
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def wake(self) -> None:
        """Make the thread do a round now (a job was queued)."""
        self._wake.set()

    def enqueue(self, **kwargs: Any) -> JobView:
        """`enqueue(self.db, ...)` with this worker's store, then wake the worker."""
        job = enqueue(self.db, store=self.store, **kwargs)
        self.wake()
        return job

    def _loop(self) -> None:
        while not self._stopping.is_set():
            self._wake.clear()
            try:
                self.run_once()
                pause = self._pause()
            except Exception:  # the thread must outlive a locked database or a bug
                log.exception("print worker round failed")
                pause = self._poll
            self._wake.wait(pause)

    def _pause(self) -> float:
        if self.next_due is None:
            return self._poll
        wait = (self.next_due - self._clock()).total_seconds()
        return min(self._poll, max(0.25, wait))

    # --- one round ------------------------------------------------------------------------

    def run_once(self) -> int:
        """Recover abandoned jobs, then send every printer's jobs if one of them is due.

        Returns the number of jobs printed (marked done) in this round."""
        with self._round:
            self.recover()
            printed = 0
            groups: dict[str, list[_Queued]] = {}
            for job in self._queued():
                groups.setdefault(job.printer_uri, []).append(job)
            now = self._clock()
            for jobs in groups.values():
                if any(job.due(now) for job in jobs):
                    printed += self._run_printer(jobs, now)
            due = [_time(job.params.get(P_NEXT)) or now for job in self._queued()]
            self.next_due = min(due) if due else None
            return printed

    def _queued(self) -> list[_Queued]:
        with self.db.read() as session:
            rows = session.execute(
                select(PrintJob.id, PrintJob.printer_uri, PrintJob.attempts, PrintJob.params)
                .where(PrintJob.state == "queued")
                .order_by(PrintJob.created_at, PrintJob.id)
            ).all()
        return [_Queued(r.id, r.printer_uri, r.attempts, dict(r.params or {})) for r in rows]

    def _run_printer(self, jobs: list[_Queued], now: datetime) -> int:
        """Send one printer's jobs in order (the not-yet-due too: the printer is being tried
        anyway, and order matters); stop at the first sign the printer is away."""
        printed = 0
        for i, job in enumerate(jobs):
            expires = _time(job.params.get(P_EXPIRES))
            if expires is not None and now > expires:
                self._update(job, "queued", state="failed", last_error=EXPIRED)
                continue
            if not self._claim(job):
                return printed  # another worker is sending to this printer now
            try:
                self._send(job.printer_uri, self.store.get(str(job.params.get(P_SHA))))
            except PrinterUnavailable as exc:
                if exc.partial:
                    self._finish(job, "failed", str(exc), maybe_printed=True)
                else:
                    self._retry(job, str(exc), claimed=True)
                for later in jobs[i + 1 :]:
                    if later.due(now):
                        self._retry(later, str(exc), claimed=False)
                return printed
            except PrintingError as exc:  # will not get better by waiting
                self._finish(job, "failed", str(exc))
                continue
            except Exception as exc:  # a bug: what left is unknown, so never resend it
                log.exception("print job %s", job.id)
                error = f"Lỗi phần mềm khi in (đã ghi nhật ký) / Internal error: {exc!r}"
                self._finish(job, "failed", error, maybe_printed=True)
                return printed
            self._finish(job, "done", "")
            printed += 1
        return printed

    def _claim(self, job: _Queued) -> bool:
        claim = {"token": self.token, "pid": os.getpid(), "host": HOST}
        claim["at"] = self._clock().isoformat()
        params = {**job.params, P_CLAIM: claim}
        with self.db.write() as session:
            # `attempts` changes on every requeue, so it also proves `params` is the one read.
            result = session.execute(
                update(PrintJob)
                .where(
                    PrintJob.id == job.id,
                    PrintJob.state == "queued",
                    PrintJob.attempts == job.attempts,
                )
                .values(state="sending", params=params)
                .execution_options(synchronize_session=False)
            )
            claimed = result.rowcount == 1  # type: ignore[attr-defined]
        if claimed:
            self._changed(job.id)
        return claimed

    def _retry(self, job: _Queued, error: str, *, claimed: bool) -> None:
        attempts = job.attempts + 1
        params = {k: v for k, v in job.params.items() if k != P_CLAIM}
        if attempts >= self.backoff.max_attempts:
            state = "failed"
            error = f"{error} (đã thử {attempts} lần / gave up after {attempts} tries)"
            params.pop(P_NEXT, None)
        else:
            state = "queued"
            wait = self.backoff.delay(attempts, self._rng)
            # From now, not from the round's start: the failed try may have taken a timeout.
            params[P_NEXT] = (self._clock() + timedelta(seconds=wait)).isoformat()
        self._update(
            job,
            "sending" if claimed else "queued",
            state=state,
            attempts=attempts,
            last_error=error,
            params=params,
        )

    def _finish(self, job: _Queued, state: str, error: str, *, maybe_printed: bool = False) -> None:
        params = {k: v for k, v in job.params.items() if k not in (P_CLAIM, P_NEXT)}
        if maybe_printed:
            params[P_MAYBE] = True
        values: dict[str, Any] = {"state": state, "params": params}
        if state == "done":
            values["sent_at"] = self._clock()
        else:
            values |= {"attempts": job.attempts + 1, "last_error": error}
        if not self._update(job, "sending", **values) and state == "done":
            # Another worker took it for abandoned and marked it maybe-printed; it was printed.
            log.warning("print job %s was printed after being marked maybe-printed", job.id)
            self._update(job, "failed", **values)

    def _update(self, job: _Queued, from_state: str, **values: Any) -> bool:
        with self.db.write() as session:
            result = session.execute(
                update(PrintJob)
                .where(
                    PrintJob.id == job.id,
                    PrintJob.state == from_state,
                    PrintJob.attempts == job.attempts,
                )
                .values(**values)
                .execution_options(synchronize_session=False)
            )
            ok = result.rowcount == 1  # type: ignore[attr-defined]
        if ok:
            self._changed(job.id)
        return ok

    def _changed(self, job_id: str) -> None:
        if self._on_change is not None:
            self._on_change(get_job(self.db, job_id))

    # --- crash recovery -------------------------------------------------------------------

    def recover(self) -> int:
        """Mark jobs left in 'sending' by a worker that is gone as failed and maybe printed:
        their bytes may be on paper, so they are offered for reprint, never resent. Jobs of
        live workers are left alone. Returns the number of jobs marked."""
        with self.db.read() as session:
            rows = session.execute(
                select(PrintJob.id, PrintJob.attempts, PrintJob.params).where(
                    PrintJob.state == "sending"
                )
            ).all()
        now = self._clock()
        marked = 0
        for row in rows:
            params = dict(row.params or {})
            if not self._abandoned(params.get(P_CLAIM), now):
                continue
            with self.db.write() as session:
                result = session.execute(
                    update(PrintJob)
                    .where(
                        PrintJob.id == row.id,
                        PrintJob.state == "sending",
                        PrintJob.attempts == row.attempts,
                    )
                    .values(
                        state="failed",
                        last_error=MAYBE_PRINTED,
                        params={**params, P_MAYBE: True},
                    )
                    .execution_options(synchronize_session=False)
                )
                if result.rowcount != 1:  # type: ignore[attr-defined]
                    continue
                audit(
                    session,
                    SYSTEM,
                    "print.maybe_printed",
                    entity="print_jobs",
                    entity_id=row.id,
                    details={"claim": params.get(P_CLAIM)},
                    outbox=False,
                )
            marked += 1
            self._changed(row.id)
        return marked

    def _abandoned(self, claim: Any, now: datetime) -> bool:
        if not isinstance(claim, dict):
            return True
        token = claim.get("token")
        if token == self.token:
            return True  # ours, yet we are not sending: a round was cut short
        if token in _LIVE_WORKERS:
            return False  # another worker of this process is sending it right now
        at = _time(claim.get("at"))
        old = at is None or now - at > self._stale_after
        if claim.get("host") != HOST:
            return old
        pid = claim.get("pid")
        if not isinstance(pid, int) or pid == os.getpid():
            return True  # the worker of this process that claimed it is gone
        # A live process of that id may be a new one reusing it: trust it only for a while.
        return old or not _pid_alive(pid)
