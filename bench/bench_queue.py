"""Call-next at 20 desks at once against a real PostgreSQL center (issue 7; target p95 ≤ 30 ms).

20 threads, one per desk, each with its own CenterClient (its own desk role and connection):
(a) one desk alone, the floor; (b) bursts: all 20 desks press "call next" at the same instant,
round after round, while a kiosk issues tickets (the hall's worst moment); (c) saturation: every
desk calls back to back, with no pause, while two kiosks issue, until thousands are called.
Prints median/p95/p99 of the calls that claimed a ticket (and of those that found nobody), of
the issues, and checks that every ticket was called exactly once and no number was handed out
twice.

    .venv/bin/python bench/bench_queue.py [TICKETS [WAITING]]

TICKETS (default 3000) are called in all; WAITING (default 300, a full hall) are issued before
the desks start, the rest while they call. The center's call reads the waiting tickets (order,
people ahead), so its time grows with how many wait: WAITING=2000 shows that.

The server is COUNTER_APP_TEST_PG (default postgresql://postgres@127.0.0.1:5432/postgres); a
scratch central database is created and dropped.
"""

from __future__ import annotations

import sys
import threading
import time
import uuid
from collections import Counter

from bench_sync import figures, pct, scratch_center

from counter_app.services.sync.central import add_desk
from counter_app.services.sync.client import CenterClient

DESKS = 20
KIOSKS = 2
SERVICES = "ABCDEF"


def desk_client(center: str, number: int) -> CenterClient:
    account = add_desk(center, number)
    scheme, rest = center.split("://", 1)
    url = f"{scheme}://{account.role}:{account.password}@{rest.split('@', 1)[-1]}"
    client = CenterClient(url, account.desk_id)
    client.queue_status()  # connect now: the figures are of calls, not of logins
    return client


def main() -> None:
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    backlog = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    live = total - backlog
    with scratch_center() as center:
        desks = [desk_client(center, n) for n in range(1, DESKS + 1)]
        kiosks = [desk_client(center, DESKS + 1 + k) for k in range(KIOSKS)]
        issued: list[str] = []
        issue_ms: list[float] = []
        lock = threading.Lock()

        def issue(client: CenterClient, n: int, offset: int) -> None:
            for i in range(n):
                code = SERVICES[(i + offset) % len(SERVICES)]
                priority = "elderly" if i % 10 == 0 else ""
                t0 = time.perf_counter()
                row = client.issue_ticket(code, priority, str(uuid.uuid4()))
                ms = (time.perf_counter() - t0) * 1000
                with lock:
                    issued.append(row["display"])
                    issue_ms.append(ms)

        t0 = time.perf_counter()
        issue(kiosks[0], backlog, 0)
        print(f"backlog: {backlog} tickets issued in {time.perf_counter() - t0:.1f} s")
        all_called: list[str] = []

        alone: list[float] = []
        issue(kiosks[0], 50, 0)
        for _ in range(50):
            t0 = time.perf_counter()
            row = desks[18].call_next(None, None)  # desk 19 serves every service
            alone.append((time.perf_counter() - t0) * 1000)
            assert row is not None
            all_called.append(row["id"])
        print(f"(a) one desk alone, {backlog} waiting, 50 calls: {figures(alone, 'ms')}")

        rounds = 50
        barrier = threading.Barrier(DESKS)
        burst_ms: list[float] = []
        burst_empty: list[float] = []

        def burst_loop(client: CenterClient, refill: bool) -> None:
            for _ in range(rounds):
                if refill:  # the hall stays as full: 4 new tickets per service per round
                    issue(kiosks[0], 4 * len(SERVICES), 0)
                barrier.wait()
                t0 = time.perf_counter()
                row = client.call_next(None, None)
                ms = (time.perf_counter() - t0) * 1000
                with lock:
                    (burst_empty if row is None else burst_ms).append(ms)
                    if row is not None:
                        all_called.append(row["id"])
                time.sleep(0.05)  # the round's calls are over before the next burst

        stop_kiosk = threading.Event()

        def kiosk_trickle() -> None:
            i = 0
            while not stop_kiosk.is_set():
                issue(kiosks[1], 1, i)
                i += 1
                time.sleep(0.02)

        trickle = threading.Thread(target=kiosk_trickle)
        trickle.start()
        threads = [
            threading.Thread(target=burst_loop, args=(c, i == 0)) for i, c in enumerate(desks)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        stop_kiosk.set()
        trickle.join()
        print(
            f"(b) bursts, {DESKS} desks calling at the same instant, {rounds} rounds, "
            f"~{backlog} waiting: "
            f"{figures(burst_ms, 'ms')}"
            + (f"; {len(burst_empty)} found nobody" if burst_empty else "")
        )
        issuing = threading.Event()
        issuing.set()
        claimed_ms: list[float] = []
        empty_ms: list[float] = []
        called: list[str] = []

        def desk_loop(client: CenterClient) -> None:
            misses = 0
            while True:
                t0 = time.perf_counter()
                row = client.call_next(None, None)
                ms = (time.perf_counter() - t0) * 1000
                with lock:
                    if row is None:
                        empty_ms.append(ms)
                    else:
                        claimed_ms.append(ms)
                        called.append(row["id"])
                if row is None:
                    misses += 1
                    if not issuing.is_set() and misses > 3:
                        return
                    time.sleep(0.01)
                else:
                    misses = 0

        threads = [threading.Thread(target=desk_loop, args=(c,)) for c in desks]
        kiosk_threads = [
            threading.Thread(target=issue, args=(k, live // KIOSKS, i))
            for i, k in enumerate(kiosks)
        ]
        issue_ms.clear()
        t0 = time.perf_counter()
        for t in threads + kiosk_threads:
            t.start()
        for t in kiosk_threads:
            t.join()
        issuing.clear()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - t0
        for c in desks + kiosks:
            c.close()

        n_issued = len(issued)
        all_called.extend(called)
        called = all_called
        print(
            f"(c) saturation, {DESKS} desks, {KIOSKS} kiosks: {len(called)} tickets called "
            f"in all; this phase {elapsed:.1f} s "
            f"({len(called) / elapsed:.0f}/s) while {live - live % KIOSKS} were issued"
        )
        print(f"(c) call-next that claimed a ticket: {figures(claimed_ms, 'ms')}")
        if empty_ms:
            print(f"call-next with nobody waiting ({len(empty_ms)}): {figures(empty_ms, 'ms')}")
        print(f"issue under the same load: {figures(issue_ms, 'ms')}")
        twice = [k for k, v in Counter(called).items() if v > 1]
        numbers = [k for k, v in Counter(issued).items() if v > 1]
        print(
            f"issued {n_issued}, called {len(called)}, called twice {len(twice)}, "
            f"numbers handed out twice {len(numbers)}"
        )
        for label, values in (("(b) bursts", burst_ms), ("(c) saturation", claimed_ms)):
            p95 = pct(values, 95)
            verdict = "OK" if p95 <= 30 and not twice and not numbers else "MISSED"
            print(f"target p95 ≤ 30 ms, {label}: {p95:.1f} ms → {verdict}")
        if len(called) != n_issued:
            print(f"NOT ALL CALLED: {n_issued - len(called)} left waiting")


if __name__ == "__main__":
    main()
