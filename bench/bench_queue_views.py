"""The screens that watch the queue, on a busy day (issue 7; LESSONS.md: FQM#51, displays that
could not keep up at ~2,000 visitors a day).

A day of 2,000 tickets over 6 services and 20 desks (most already served, some waiting, one
ticket at each desk), on top of 60 earlier days of the same (history is kept, never deleted).
Measured, 200 times each:
  (1) the center's queue status, which a joined hall display and the officers' bars read
      (one call through a desk's own role);
  (2) on a standalone database: the hall display's read (`hall_view`) and the supervisor's
      live view (`queue_live`, waits, service times, hours);
  (3) the hall display window taking a new view (layout and paint of the TV screen, offscreen).
The target for the supervisor view is a refresh within 2 s; for the display, a call on screen
well within the 1 s poll.

    .venv/bin/python bench/bench_queue_views.py [DAYS]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import psycopg
from bench_queue import desk_client
from bench_sync import figures, scratch_center
from sqlalchemy import insert, select

from counter_app.domain.queue import CENTER_ZONE
from counter_app.models import Desk, QueueService, QueueTicket
from counter_app.services.queue_live import queue_live
from counter_app.services.queue_status import hall_view
from counter_app.services.setup import init_database, open_database

PER_DAY = 2000
WAITING = 40  # still waiting at the moment measured
RUNS = 200
NOW = datetime.now(UTC)  # the center reads "today" from its own clock


def day_rows(day: date, services: list[str], desks: list[str], today: bool) -> list[dict]:
    """A day's tickets: issued 07:30–16:30 local, called, served and done; today the last
    WAITING wait and one is being served at each desk."""
    start = datetime.combine(day, datetime.min.time(), CENTER_ZONE).replace(hour=7, minute=30)
    rows = []
    for i in range(PER_DAY):
        issued = (start + timedelta(seconds=i * 9 * 3600 // PER_DAY)).astimezone(UTC)
        if today:
            issued = NOW - timedelta(seconds=(PER_DAY - i) * 12)
        state = "done"
        if today and i >= PER_DAY - WAITING:
            state = "waiting"
        elif today and i >= PER_DAY - WAITING - len(desks):
            state = "serving"
        desk = desks[i % len(desks)] if state != "waiting" else None
        called = issued + timedelta(minutes=8) if state != "waiting" else None
        rows.append(
            {
                "id": str(uuid.uuid4()),
                "service_id": services[i % len(services)],
                "business_date": day,
                "series": "",
                "number": i // len(services) + 1,
                "display": f"{'ABCDEF'[i % 6]}{i // 6 + 1:03d}",
                "priority": "elderly" if i % 15 == 0 else "",
                "state": state,
                "issued_at": issued,
                "called_at": called,
                "serving_at": called + timedelta(minutes=1) if called else None,
                "finished_at": called + timedelta(minutes=12) if state == "done" else None,
                "desk_id": desk,
                "created_at": issued,
                "updated_at": issued,
                "version": 1,
            }
        )
    return rows


def load(url: str, days: int) -> None:
    db = open_database(url)
    with db.write() as session:
        services = list(session.scalars(select(QueueService.id).order_by(QueueService.code)))[:6]
        desks = list(session.scalars(select(Desk.id).order_by(Desk.number)))[:20]
        today = NOW.astimezone(CENTER_ZONE).date()
        for back in range(days, -1, -1):
            rows = day_rows(today - timedelta(days=back), services, desks, back == 0)
            session.execute(insert(QueueTicket), rows)
    db.dispose()


def timed(fn, runs: int = RUNS) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def at_the_center(days: int) -> None:
    with scratch_center() as center:
        client = desk_client(center, 1)
        for n in range(2, 21):
            desk_client(center, n).close()
        t0 = time.perf_counter()
        load(center.replace("postgresql://", "postgresql+psycopg://", 1), days)
        with psycopg.connect(center, autocommit=True) as conn:
            conn.execute("ANALYZE queue_tickets")
        print(
            f"center: {days + 1} days × {PER_DAY} tickets loaded in {time.perf_counter() - t0:.1f} s"
        )
        status = client.queue_status()
        waiting = sum(int(s["waiting"]) for s in status["services"])
        print(
            f"  today: {waiting} waiting, {sum(1 for d in status['desks'] if d['ticket'])} desks serving"
        )
        print(
            f"(1) center queue status (display, desk bars): {figures(timed(client.queue_status), 'ms')}"
        )
        client.close()


def standalone(days: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'desk.sqlite3'}"
        init_database(url, demo=True)
        t0 = time.perf_counter()
        load(url, days)
        print(
            f"desk: {days + 1} days × {PER_DAY} tickets loaded in {time.perf_counter() - t0:.1f} s"
        )
        db = open_database(url)
        view = hall_view(db, now=NOW)
        print(f"(2) hall display read: {figures(timed(lambda: hall_view(db, now=NOW)), 'ms')}")
        live = queue_live(db, now=NOW)
        print(
            f"    supervisor live view ({len(live.desks)} desks): "
            f"{figures(timed(lambda: queue_live(db, now=NOW), 50), 'ms')}"
        )
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from counter_app.ui.app import create_application
        from counter_app.ui.display import HallDisplay

        app = create_application("vi")
        hall = HallDisplay("Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn")
        hall.resize(1920, 1080)
        hall.show()
        hall.show_view(view)
        app.processEvents()

        def paint() -> None:
            hall.show_view(hall_view(db, now=NOW))
            hall.repaint()

        print(f"(3) display read + layout + paint at 1920×1080: {figures(timed(paint, 100), 'ms')}")
        hall.close()
        db.dispose()


def main() -> None:
    days = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    standalone(days)
    at_the_center(days)


if __name__ == "__main__":
    main()
