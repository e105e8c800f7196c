"""The print queue against real printers' stand-ins: a job is stored before a byte is sent,
printed once, retried while the printer is away, never resent after a crash mid-job, and
reprinted only on purpose."""

from __future__ import annotations

import random
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from counter_app.db import Database
from counter_app.domain.errors import InvalidInput, NotAllowed, NotFound
from counter_app.models import AuditLog, PrintJob
from counter_app.printing.errors import PrinterUnavailable, PrintingError
from counter_app.services.print_queue import (
    MAYBE_PRINTED,
    Backoff,
    JobView,
    PayloadStore,
    PrintWorker,
    enqueue,
    get_job,
    list_jobs,
    reprint,
)
from counter_app.services.recording import Actor
from counter_app.services.setup import init_database, open_database

OFFICER = Actor(user_id=None, name="Nguyễn Thị Hương", desk_id=None)
NO_JITTER = Backoff(jitter=0.0)


class FakePrinter:
    """A raw-port printer on 127.0.0.1 recording the bytes of each connection.

    Created bound but not listening, connections are refused (a printer that is off) until
    `start`. A connection whose first bytes start with `stall` is held unread, once: the
    printer stopped mid-job."""

    def __init__(self, *, listen: bool = True, stall: bytes | None = None) -> None:
        self.stall = stall
        self.jobs: list[bytes] = []
        self.held: list[tuple[socket.socket, bytes]] = []
        self.stalled = threading.Event()
        self._changed = threading.Condition()
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # stalls show soon
        self._sock.bind(("127.0.0.1", 0))
        self.port = self._sock.getsockname()[1]
        self.uri = f"tcp://127.0.0.1:{self.port}"
        if listen:
            self.start()

    def start(self) -> None:
        self._sock.listen()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        first = conn.recv(65536)
        if self.stall and first.startswith(self.stall) and not self.stalled.is_set():
            self.held.append((conn, first))
            self.stalled.set()
            return
        chunks = [first]
        while data := conn.recv(65536):
            chunks.append(data)
        conn.close()
        with self._changed:
            self.jobs.append(b"".join(chunks))
            self._changed.notify_all()

    def wait_jobs(self, n: int, timeout: float = 10.0) -> None:
        with self._changed:
            assert self._changed.wait_for(lambda: len(self.jobs) >= n, timeout), self.jobs

    def count(self, payload: bytes) -> int:
        return self.jobs.count(payload)

    def close(self) -> None:
        self._sock.close()
        for conn, _ in self.held:
            conn.close()


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2025, 3, 12, 3, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def printer() -> Iterator[FakePrinter]:
    p = FakePrinter()
    yield p
    p.close()


@pytest.fixture
def db(demo_db: Database) -> Database:
    return demo_db


def job_payload(n: int, size: int = 2000) -> bytes:
    """A unique payload per job, so the bytes a printer got tell which job they were."""
    return f"\x1b@JOB-{n:03d}|".encode() + random.Random(n).randbytes(size)


def add(
    db: Database,
    uri: str,
    payload: bytes,
    *,
    params: dict[str, object] | None = None,
    store: PayloadStore | None = None,
) -> str:
    return enqueue(
        db,
        printer_uri=uri,
        document="receipt",
        params={"code": "000.00.06.H39-250312-0001"} if params is None else params,
        payload=payload,
        actor=OFFICER,
        store=store,
    ).id


def audit_actions(db: Database) -> list[str]:
    with db.read() as s:
        query = select(AuditLog.action).where(AuditLog.entity == "print_jobs")
        return list(s.scalars(query.order_by(AuditLog.at, AuditLog.id)))


# --- enqueue ----------------------------------------------------------------------------


def test_a_job_is_committed_with_its_bytes_before_anything_is_sent(db: Database) -> None:
    payload = job_payload(1)
    job = enqueue(
        db,
        printer_uri="tcp://10.0.0.5:9100",
        document="receipt",
        params={"code": "X"},
        payload=payload,
        actor=OFFICER,
    )
    assert (job.state, job.attempts, job.maybe_printed, job.sent_at) == ("queued", 0, False, None)
    other = open_database(db.url)  # another connection sees it: it is committed
    try:
        assert get_job(other, job.id) == job
        with other.read() as s:
            row = s.get(PrintJob, job.id)
            assert row is not None
            sha = row.params["payload_sha256"]
            assert row.params["code"] == "X"
            assert row.params["payload_size"] == len(payload)
    finally:
        other.dispose()
    assert PayloadStore.for_database(db).path(sha).read_bytes() == payload
    assert audit_actions(db) == ["print.enqueue"]


def test_a_bad_uri_writes_nothing(db: Database, tmp_path: Path) -> None:
    store = PayloadStore(tmp_path / "store")
    for uri in ("lpt://1", "tcp://", "usb://0416:5011", "serial:///dev/ttyS0?baudrate=1"):
        with pytest.raises(PrintingError, match="Địa chỉ máy in không hợp lệ"):
            add(db, uri, b"x", store=store)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(PrintJob)) == 0
    assert audit_actions(db) == []
    assert not (tmp_path / "store").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="the spooler exists there")
def test_a_printer_this_computer_cannot_drive_is_refused_at_enqueue(db: Database) -> None:
    with pytest.raises(PrintingError, match="chỉ dùng được trên Windows"):
        add(db, "win32://EPSON TM-T82", b"x")
    assert list_jobs(db) == []


def test_params_that_are_the_queues_own_are_a_bug(db: Database) -> None:
    with pytest.raises(ValueError, match="belong to the print queue"):
        add(db, "tcp://h", b"x", params={"maybe_printed": False})
    with pytest.raises(ValueError, match="empty"):
        add(db, "tcp://h", b"")


# --- sending ----------------------------------------------------------------------------


def test_a_job_reaches_the_network_printer_exactly_once(db: Database, printer) -> None:
    payload = job_payload(1, size=200_000)
    job_id = add(db, printer.uri, payload)
    worker = PrintWorker(db)
    assert worker.run_once() == 1
    printer.wait_jobs(1)
    assert printer.jobs == [payload]
    job = get_job(db, job_id)
    assert job.state == "done" and job.sent_at is not None and job.attempts == 0
    assert worker.run_once() == 0  # nothing is sent again
    time.sleep(0.05)
    assert printer.jobs == [payload]


def test_a_file_printer_gets_exactly_the_bytes(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "printer.bin"
    payloads = [job_payload(n) for n in range(3)]
    for p in payloads:
        add(db, f"file:{out}", p)
    assert PrintWorker(db).run_once() == 3
    assert out.read_bytes() == b"".join(payloads)  # each job appended, in order


def test_a_refused_printer_keeps_the_job_queued_until_it_comes_back(db: Database) -> None:
    off = FakePrinter(listen=False)  # bound, not listening: connections are refused
    clock = Clock()
    try:
        job_id = add(db, off.uri, job_payload(7))
        worker = PrintWorker(db, clock=clock, backoff=NO_JITTER)
        assert worker.run_once() == 0
        job = get_job(db, job_id)
        assert (job.state, job.attempts) == ("queued", 1)
        assert "không phản hồi: kiểm tra nguồn và cáp mạng" in job.last_error
        assert job.next_attempt_at == clock.now + timedelta(seconds=2)
        assert worker.next_due == job.next_attempt_at

        off.start()  # the printer is switched on, but the job waits for its time
        assert worker.run_once() == 0
        assert get_job(db, job_id).attempts == 1

        clock.advance(2)
        assert worker.run_once() == 1
        off.wait_jobs(1)
        assert off.jobs == [job_payload(7)]
        job = get_job(db, job_id)
        assert (job.state, job.attempts, job.next_attempt_at) == ("done", 1, None)
    finally:
        off.close()


def test_a_ticket_not_printed_in_time_is_dropped_not_printed_late(db: Database) -> None:
    off = FakePrinter(listen=False)
    clock = Clock()
    try:
        late = enqueue(
            db, printer_uri=off.uri, document="ticket", params={"ticket": "A001"},
            payload=job_payload(1), actor=OFFICER, expires_at=clock.now + timedelta(minutes=5),
        ).id  # fmt: skip
        kept = add(db, off.uri, job_payload(2))  # a dossier receipt waits as long as it takes
        worker = PrintWorker(db, clock=clock, backoff=NO_JITTER)
        assert worker.run_once() == 0
        off.start()  # the printer comes back long after the citizen left the kiosk
        clock.advance(600)
        assert worker.run_once() == 1
        off.wait_jobs(1)
        assert off.jobs == [job_payload(2)]
        job = get_job(db, late)
        assert job.state == "failed" and job.last_error.startswith("Quá hạn, không in nữa")
        assert get_job(db, kept).state == "done"
    finally:
        off.close()


def test_back_off_doubles_up_to_five_minutes_then_gives_up(db: Database) -> None:
    clock = Clock()
    calls: list[datetime] = []

    def refused(uri: str, data: bytes) -> None:
        calls.append(clock.now)
        raise PrinterUnavailable("Máy in tắt / Printer off")

    job_id = add(db, "tcp://10.0.0.5", b"x")
    worker = PrintWorker(db, send=refused, clock=clock, backoff=NO_JITTER)
    waits = []
    for _ in range(NO_JITTER.max_attempts):
        worker.run_once()
        job = get_job(db, job_id)
        if job.state == "failed":
            break
        assert job.next_attempt_at is not None
        waits.append((job.next_attempt_at - clock.now).total_seconds())
        clock.advance(1)
        worker.run_once()  # not due yet: no try
        clock.now = job.next_attempt_at
    assert waits == [2, 4, 8, 16, 32, 64, 128, 256, 300]
    assert len(calls) == NO_JITTER.max_attempts
    job = get_job(db, job_id)
    assert job.state == "failed" and job.attempts == 10 and not job.maybe_printed
    assert "gave up after 10 tries" in job.last_error


@given(attempts=st.integers(1, 200), seed=st.integers(0, 2**32))
def test_back_off_jitter_stays_within_bounds(attempts: int, seed: int) -> None:
    b = Backoff()
    base = min(b.cap, b.first * b.factor ** (attempts - 1))
    delay = b.delay(attempts, random.Random(seed))
    assert base * (1 - b.jitter) <= delay <= min(b.cap, base * (1 + b.jitter))


def test_a_printer_that_is_away_is_tried_once_per_round_and_others_still_print(
    db: Database, tmp_path: Path
) -> None:
    clock = Clock()
    tries: list[str] = []
    out = tmp_path / "a4.bin"

    def send(uri: str, data: bytes) -> None:
        tries.append(uri)
        if uri.startswith("tcp:"):
            raise PrinterUnavailable("Máy in tắt / Printer off")
        out.write_bytes(out.read_bytes() + data if out.exists() else data)

    dead = [add(db, "tcp://10.0.0.5", job_payload(n)) for n in range(3)]
    alive = add(db, f"file:{out}", job_payload(9))
    worker = PrintWorker(db, send=send, clock=clock, backoff=NO_JITTER)
    assert worker.run_once() == 1
    assert tries == ["tcp://10.0.0.5", f"file:{out}"]  # one try for the three dead jobs
    assert [get_job(db, j).attempts for j in dead] == [1, 1, 1]
    assert get_job(db, alive).state == "done"


def test_jobs_of_one_printer_print_in_the_order_they_were_queued(db: Database) -> None:
    clock = Clock()
    printed: list[bytes] = []
    up = False

    def send(uri: str, data: bytes) -> None:
        if not up:
            raise PrinterUnavailable("Máy in tắt / Printer off")
        printed.append(data)

    worker = PrintWorker(db, send=send, clock=clock, backoff=NO_JITTER)
    first = add(db, "tcp://10.0.0.5", job_payload(1))
    worker.run_once()
    clock.advance(1)
    worker.run_once()  # the first job is waiting for its retry time
    up = True
    add(db, "tcp://10.0.0.5", job_payload(2))  # a new job: the printer is tried now
    assert worker.run_once() == 2
    assert printed == [job_payload(1), job_payload(2)]
    assert get_job(db, first).state == "done"


def test_a_permanent_error_fails_the_job_and_the_next_one_still_prints(db: Database) -> None:
    sent: list[bytes] = []

    def send(uri: str, data: bytes) -> None:
        if data == job_payload(1):
            raise PrintingError("Máy in win32:// chỉ dùng được trên Windows / Windows only")
        sent.append(data)

    bad, good = add(db, "tcp://h", job_payload(1)), add(db, "tcp://h", job_payload(2))
    assert PrintWorker(db, send=send).run_once() == 1
    job = get_job(db, bad)
    assert job.state == "failed" and "Windows only" in job.last_error and not job.maybe_printed
    assert get_job(db, good).state == "done" and sent == [job_payload(2)]


def test_a_printer_that_stops_mid_job_is_maybe_printed_not_resent(db: Database) -> None:
    stuck = FakePrinter(stall=b"\x1b@JOB-005")
    try:
        job_id = add(db, stuck.uri + "?timeout=0.3", job_payload(5, size=4 << 20))
        worker = PrintWorker(db)
        started = time.monotonic()
        assert worker.run_once() == 0
        assert time.monotonic() - started < 3.0  # the timeout, not python-escpos's 60 s
        job = get_job(db, job_id)
        assert job.state == "failed" and job.maybe_printed
        assert "ngừng nhận dữ liệu" in job.last_error
        assert worker.run_once() == 0
        assert stuck.jobs == []
    finally:
        stuck.close()


def test_missing_bytes_fail_the_job_with_a_reason(db: Database) -> None:
    job_id = add(db, "tcp://h", b"\x1b@lost")
    store = PayloadStore.for_database(db)
    with db.read() as s:
        row = s.get(PrintJob, job_id)
        assert row is not None
        store.path(row.params["payload_sha256"]).unlink()
    assert PrintWorker(db, send=lambda uri, data: None).run_once() == 0
    job = get_job(db, job_id)
    assert job.state == "failed" and "Mất dữ liệu của lệnh in" in job.last_error


# --- crash safety -----------------------------------------------------------------------

CRASHING_WORKER = """
import sys, time
from counter_app.services.print_queue import PrintWorker
from counter_app.services.setup import open_database

worker = PrintWorker(open_database(sys.argv[1]), poll_interval=0.2)
worker.start()
time.sleep(120)
"""


def test_a_worker_killed_mid_job_loses_nothing_and_resends_nothing(db: Database) -> None:
    printer = FakePrinter(stall=b"\x1b@JOB-003")
    try:
        uri = printer.uri + "?timeout=30"  # the stall outlasts the test unless killed
        payloads = {n: job_payload(n, size=(2 << 20) if n == 3 else 5000) for n in range(1, 6)}
        ids = {n: add(db, uri, p) for n, p in payloads.items()}
        proc = subprocess.Popen(
            [sys.executable, "-c", CRASHING_WORKER, db.url],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            assert printer.stalled.wait(20), "the worker never reached job 3"
            deadline = time.monotonic() + 10
            while get_job(db, ids[3]).state != "sending":
                assert time.monotonic() < deadline
                time.sleep(0.02)
            states = [get_job(db, ids[n]).state for n in range(1, 6)]
            assert states == ["done", "done", "sending", "queued", "queued"]
        finally:
            proc.kill()  # SIGKILL: no clean-up runs
            proc.wait(10)
        printer.wait_jobs(2)

        worker = PrintWorker(db)  # the desk starts again
        assert worker.run_once() == 2
        printer.wait_jobs(4)
        for n in (1, 2, 4, 5):
            assert printer.count(payloads[n]) == 1, n
            assert get_job(db, ids[n]).state == "done"
        interrupted = get_job(db, ids[3])
        assert interrupted.state == "failed" and interrupted.maybe_printed
        assert interrupted.last_error == MAYBE_PRINTED
        assert printer.count(payloads[3]) == 0 and len(printer.jobs) == 4
        assert worker.run_once() == 0  # and it is never resent by itself
        assert "print.maybe_printed" in audit_actions(db)

        again = reprint(db, ids[3], OFFICER)  # the officer decides to print it again
        assert again.reprint_of == ids[3] and again.state == "queued"
        assert worker.run_once() == 1
        printer.wait_jobs(5)
        assert printer.count(payloads[3]) == 1
        final = [j.state for j in list_jobs(db)]
        assert sorted(final) == ["done"] * 5 + ["failed"]  # nothing lost
    finally:
        printer.close()


def test_a_live_workers_job_is_not_taken_for_abandoned(db: Database) -> None:
    release = threading.Event()
    entered = threading.Event()

    def slow(uri: str, data: bytes) -> None:
        entered.set()
        assert release.wait(10)

    job_id = add(db, "tcp://h", b"x")
    busy = PrintWorker(db, send=slow)
    t = threading.Thread(target=busy.run_once)
    t.start()
    try:
        assert entered.wait(10)
        assert PrintWorker(db).recover() == 0  # a second worker starting meanwhile
        assert get_job(db, job_id).state == "sending"
    finally:
        release.set()
        t.join(10)
    assert get_job(db, job_id).state == "done"


def test_two_workers_never_send_the_same_job_twice(db: Database, printer) -> None:
    payloads = [job_payload(n) for n in range(30)]
    for p in payloads:
        add(db, printer.uri, p)
    printer2 = FakePrinter()
    other_payloads = [job_payload(100 + n) for n in range(10)]
    for p in other_payloads:
        add(db, printer2.uri, p)
    dbs = [open_database(db.url) for _ in range(2)]
    printed = [0, 0]

    def run(i: int) -> None:
        worker = PrintWorker(dbs[i])
        while list_jobs(dbs[i], "queued", limit=1) or list_jobs(dbs[i], "sending", limit=1):
            printed[i] += worker.run_once()

    try:
        threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        printer.wait_jobs(30)
        printer2.wait_jobs(10)
    finally:
        printer2.close()
        for d in dbs:
            d.dispose()
    assert sum(printed) == 40
    assert sorted(printer.jobs) == sorted(payloads)
    assert sorted(printer2.jobs) == sorted(other_payloads)
    assert {j.state for j in list_jobs(db, limit=100)} == {"done"}


# --- reprint, listing, the thread -------------------------------------------------------


def test_reprint_is_a_new_audited_job_with_the_same_bytes(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "out.bin"
    first = add(db, f"file:{out}", b"\x1b@receipt")
    with pytest.raises(NotAllowed):
        reprint(db, first, OFFICER)  # still queued: printing it twice is not a reprint
    PrintWorker(db).run_once()
    other = tmp_path / "other.bin"
    again = reprint(db, first, OFFICER, printer_uri=f"file:{other}")
    assert (again.reprint_of, again.state, again.document) == (first, "queued", "receipt")
    PrintWorker(db).run_once()
    assert out.read_bytes() == other.read_bytes() == b"\x1b@receipt"
    assert audit_actions(db) == ["print.enqueue", "print.reprint"]
    with pytest.raises(NotFound):
        reprint(db, "no-such-job", OFFICER)


def test_list_and_get_jobs(db: Database) -> None:
    ids = [add(db, "tcp://h", job_payload(n)) for n in range(3)]
    assert [j.id for j in list_jobs(db)] == ids[::-1]  # newest first
    assert [j.id for j in list_jobs(db, "queued", limit=2)] == ids[:0:-1]
    assert list_jobs(db, "done") == []
    with pytest.raises(InvalidInput):
        list_jobs(db, "printed")
    with pytest.raises(NotFound, match="Không có lệnh in"):
        get_job(db, "nope")


def test_the_background_worker_is_woken_by_a_new_job(db: Database, printer) -> None:
    changes: list[JobView] = []
    worker = PrintWorker(db, poll_interval=60, on_change=changes.append)
    worker.start()
    try:
        time.sleep(0.1)  # idle, sleeping for a minute
        started = time.monotonic()
        job = worker.enqueue(
            printer_uri=printer.uri, document="ticket", params={}, payload=b"A023", actor=OFFICER
        )
        printer.wait_jobs(1, timeout=5)
        assert time.monotonic() - started < 5
    finally:
        worker.stop()
    assert printer.jobs == [b"A023"]
    assert get_job(db, job.id).state == "done"
    assert [c.state for c in changes if c.id == job.id] == ["sending", "done"]


def test_the_background_worker_retries_on_its_own(db: Database) -> None:
    off = FakePrinter(listen=False)
    try:
        worker = PrintWorker(db, backoff=Backoff(first=0.3, jitter=0.0))
        worker.start()
        try:
            job = worker.enqueue(
                printer_uri=off.uri, document="ticket", params={}, payload=b"B7", actor=OFFICER
            )
            deadline = time.monotonic() + 5
            while get_job(db, job.id).attempts == 0:
                assert time.monotonic() < deadline
                time.sleep(0.02)
            off.start()
            off.wait_jobs(1, timeout=5)  # no wake: the retry timer did it
        finally:
            worker.stop()
        assert off.jobs == [b"B7"]
    finally:
        off.close()


@pytest.mark.pg
def test_the_queue_on_postgresql(pg_url: str, printer) -> None:
    init_database(pg_url)
    pg = open_database(pg_url)
    try:
        job_id = add(pg, printer.uri, job_payload(1))
        assert PrintWorker(pg).run_once() == 1
        printer.wait_jobs(1)
        again = reprint(pg, job_id, OFFICER)
        assert PrintWorker(pg).run_once() == 1
        printer.wait_jobs(2)
        assert printer.jobs == [job_payload(1)] * 2
        assert get_job(pg, again.id).state == "done"
    finally:
        pg.dispose()
