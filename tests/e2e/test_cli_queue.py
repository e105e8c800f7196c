"""`counter-app queue issue|call|status` on a standalone database, run for real in subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def _json(db: Path, *args: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "counter_app", "--db", str(db), "queue", *args, "--json"],
        capture_output=True, text=True, env=dict(os.environ), timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_issue_status_and_call_print_the_json_of_issue_7(demo_path: Path) -> None:
    issued = _json(demo_path, "issue", "d", "--priority", "elderly")
    assert (issued["ticket"], issued["service"], issued["ahead"]) == ("D001", "D", 0)
    assert issued["priority"] == "elderly" and issued["state"] == "waiting"
    status = _json(demo_path, "status")
    assert [s["code"] for s in status["services"]] == list("ABCDEF")
    assert {s["code"]: s["waiting"] for s in status["services"]}["D"] == 1
    assert set(status["services"][0]) >= {"code", "name", "waiting"}
    assert len(status["desks"]) == 20 and status["desks"][9]["ticket"] is None
    called = _json(demo_path, "call", "--desk", "10")  # desk 10 serves D in the demo center
    assert (called["ticket"], called["desk"], called["state"]) == ("D001", 10, "called")
    assert _json(demo_path, "call", "--desk", "10") == {"ticket": None}
