"""A year of made-up dossiers for the demo center (`counter-app init --demo --history`, which
`make run` uses), so that a supervisor opening the reports sees months of figures.

The year goes in the way a real center's would: as a history file through `history import`,
so the demo also exercises that path. It is seeded, so every demo has the same year relative
to the day it was made; volumes and shares follow DOMAIN.md (31 % at the desk, 68 % online,
a few by post; most settled on time; three levels of satisfaction).
"""

from __future__ import annotations

import csv
import random
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from counter_app.db import Database
from counter_app.domain.queue import CENTER_ZONE as CENTER_TZ
from counter_app.models import Procedure
from counter_app.models.base import utcnow
from counter_app.services.recording import SYSTEM
from counter_app.services.reports.history_csv import COLUMNS
from counter_app.services.reports.history_import import HistoryImported, import_history

PER_MONTH = 180  # a demo, not the 5,900 of a real month: `make run` stays quick
REASONS = (
    "Chờ lâu, hướng dẫn chưa rõ",
    "Hẹn trả nhưng phải đi lại nhiều lần",
    "Thái độ tiếp đón chưa niềm nở",
)


def _local(t: datetime) -> str:
    return t.astimezone(CENTER_TZ).strftime("%Y-%m-%dT%H:%M")


def _work_time(rng: random.Random, day: datetime) -> datetime:
    """A reception moment of `day` (local): mornings 07:30–11:00, afternoons 14:00–16:30."""
    if rng.random() < 0.65:
        minute = rng.randrange(7 * 60 + 30, 11 * 60)
    else:
        minute = rng.randrange(14 * 60, 16 * 60 + 30)
    return day.replace(hour=minute // 60, minute=minute % 60)


def history_rows(procedures: list[str], now: datetime, months: int = 12) -> list[list[str]]:
    """Return the rows of a history file covering the `months` months before `now` and this
    month up to now (local working days only)."""
    rng = random.Random(20190117)  # the center opened on 17/01/2019
    today = now.astimezone(CENTER_TZ).replace(hour=0, minute=0, second=0, microsecond=0)
    start = (today.replace(day=1) - timedelta(days=months * 31)).replace(day=1)
    days = [
        start + timedelta(days=i)
        for i in range((today - start).days + 1)
        if (start + timedelta(days=i)).weekday() < 5
    ]
    rows: list[list[str]] = []
    per_day = PER_MONTH / 21
    for day in days:
        for _ in range(int(per_day) + (rng.random() < per_day % 1)):
            received = _work_time(rng, day)
            if received >= now:
                continue
            rows.append(_row(rng, len(rows) + 1, rng.choice(procedures), received, now))
    return rows


def _row(
    rng: random.Random, n: int, procedure: str, received: datetime, now: datetime
) -> list[str]:
    channel = rng.choices(("direct", "online", "postal"), (31, 68, 1))[0]
    due = (received + timedelta(days=rng.choice((3, 5, 7, 10, 15)))).replace(hour=17, minute=30)
    if rng.random() < 0.09:  # late
        finished = due + timedelta(hours=rng.randrange(4, 72))
    else:
        finished = received + (due - received) * rng.uniform(0.2, 0.98)
    by_post = rng.random() < 0.03
    code = f"LS.CU-{received:%y%m%d}-{n:05d}"  # the center's earlier system numbered so
    cells = {"code": code, "procedure_code": procedure, "channel": channel,
             "received_at": _local(received), "due_at": _local(due), "finished_at": "",
             "returned_at": "", "returned_via_post": "1" if by_post else "0", "status": "4",
             "rating": "empty", "rating_reason": ""}  # fmt: skip
    fate = rng.random()
    if fate < 0.03:
        cells |= {"status": "3", "finished_at": _local(received + timedelta(minutes=20)),
                  "returned_via_post": "0"}  # fmt: skip
    elif fate < 0.05:
        cells |= {"status": "7", "finished_at": _local(received + timedelta(days=1))}
    elif finished < now:
        returned = finished + timedelta(hours=rng.randrange(1, 48))
        if returned >= now:
            cells |= {"status": "9", "finished_at": _local(finished)}
        else:
            cells |= {"status": "10", "finished_at": _local(finished),
                      "returned_at": _local(returned)}  # fmt: skip
            if rng.random() < 0.6:
                level = rng.choices(("very_satisfied", "satisfied", "unsatisfied"), (75, 22, 3))[0]
                cells["rating"] = level
                cells["rating_reason"] = rng.choice(REASONS) if level == "unsatisfied" else ""
    if cells["status"] != "10":
        cells["returned_via_post"] = "0"
    return [cells[c] for c in COLUMNS]


def load_demo_history(db: Database, *, now: datetime | None = None) -> HistoryImported:
    """Import the demo year into `db` (the demo center); return what was written."""
    with db.read() as session:
        procedures = list(session.scalars(select(Procedure.code).order_by(Procedure.code)))
    # About 60 procedures spread over the catalog: a month of a few hundred dossiers fills
    # them, as the busy ones fill a real month.
    pool = procedures[:: max(1, len(procedures) // 60)]
    rows = history_rows(pool, now or utcnow())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo-history.csv"
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(COLUMNS)
            writer.writerows(rows)
        return import_history(db, path, SYSTEM)
