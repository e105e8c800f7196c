"""Two (or more) processes receiving dossiers on one database file at the same instant never
share a code, and the sequence has no holes."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from small_catalog import GPLX
from sqlalchemy import select

from counter_app.models import Dossier

WORKER = """
import sys, time
from datetime import datetime
from zoneinfo import ZoneInfo
from counter_app.services.setup import open_database
from counter_app.services.intake import Applicant, IntakeRequest, create_dossier
from counter_app.services.recording import Actor

url, start_at, n, who = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
db = open_database(url)
at = datetime(2025, 3, 12, 10, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
req = IntakeRequest(%r, Applicant("Người nộp " + who), received_at=at)
while time.time() < start_at:
    time.sleep(0.001)
for _ in range(n):
    print(create_dossier(db, req, Actor(None, who), now=at).code, flush=True)
"""


def test_processes_sharing_one_file_never_share_a_code(small_db, tmp_path: Path) -> None:
    small_db.dispose()
    per_process, processes = 40, 3
    start_at = time.time() + 2.0  # all start together, after their imports
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER % GPLX, small_db.url, str(start_at), str(per_process),
             f"p{i}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(processes)
    ]  # fmt: skip
    printed = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        printed += out.split()
    assert len(printed) == len(set(printed)) == per_process * processes
    with small_db.read() as s:
        codes = s.scalars(select(Dossier.code)).all()
    assert sorted(codes) == sorted(printed)
    seqs = sorted(int(c.rsplit("-", 1)[1]) for c in codes)
    assert seqs == list(range(1, per_process * processes + 1))
