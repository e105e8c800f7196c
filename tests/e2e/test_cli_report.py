"""`counter-app history import`, `report monthly` and `report live`, run for real in subprocesses
against a SQLite file and a PostgreSQL database standing in for the center."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from counter_app.services.setup import init_database

HEADER = (
    "code,procedure_code,channel,received_at,due_at,finished_at,returned_at,"
    "returned_via_post,status,rating,rating_reason"
)
# The demo catalog's procedures; every figure of March 2026 below is known.
ROWS = [
    "C1,{p},direct,2026-03-02T08:00,2026-03-10T17:30,2026-03-04T10:00,2026-03-05T09:00,0,10,"
    "very_satisfied,",
    "C2,{p},online,2026-03-03T08:00,2026-03-04T08:00,2026-03-06T10:00,2026-03-06T11:00,1,10,"
    "unsatisfied,Trả chậm",
    "C3,{p},postal,2026-03-31T23:59,2026-04-02T08:00,,,0,2,,",
    "C4,{p},direct,2026-04-01T00:00,2026-04-02T08:00,,,0,2,,",
]


def _run(*args: str, db: Path | None = None) -> subprocess.CompletedProcess[str]:
    prefix = ["--db", str(db)] if db else []
    return subprocess.run(
        [sys.executable, "-m", "counter_app", *prefix, *args],
        capture_output=True, text=True, env=dict(os.environ), timeout=180,
    )  # fmt: skip


def _procedure(db: Path) -> str:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return str(conn.execute("SELECT code FROM procedures ORDER BY code LIMIT 1").fetchone()[0])


@pytest.fixture
def history(demo_path: Path, tmp_path: Path) -> Path:
    proc = _procedure(demo_path)
    path = tmp_path / "history.csv"
    path.write_text("\n".join([HEADER, *(r.format(p=proc) for r in ROWS)]) + "\n", "utf-8")
    done = _run("history", "import", str(path), "--json", db=demo_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["dossiers"] == 4
    return path


def test_monthly_json_has_exactly_the_shape_of_the_issue(demo_path: Path, history: Path) -> None:
    done = _run("report", "monthly", "--month", "2026-03", "--format", "json", db=demo_path)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["period"]["from"] == "2026-03-01" and data["period"]["to"] == "2026-03-31"
    assert data["received"] == {
        "total": 3, "direct": 1, "online": 1, "postal": 1, "carried_over": 0,
        "share": {"direct": 33.34, "online": 33.33, "postal": 33.33},
    }  # fmt: skip
    assert data["settled"] == {
        "total": 2, "before_time": 1, "on_time": 0, "late": 1, "returned_via_post": 1,
        "share": {"before_time": 50.0, "on_time": 0.0, "late": 50.0, "returned_via_post": 50.0},
    }  # fmt: skip
    assert data["in_progress"] == {"total": 1, "within_time": 1, "overdue": 0}
    assert data["satisfaction"] == {
        "very_satisfied": 1, "satisfied": 0, "unsatisfied": 1,
        "share": {"very_satisfied": 50.0, "satisfied": 0.0, "unsatisfied": 50.0},
    }  # fmt: skip
    assert len(data["by_department"]) == 1
    dep = data["by_department"][0]
    assert {"code", "name", "received", "settled", "in_progress", "satisfaction"} <= set(dep)
    assert dep["received"]["total"] == 3


def test_pdf_and_xlsx_are_written(demo_path: Path, history: Path, tmp_path: Path) -> None:
    for fmt in ("pdf", "xlsx"):
        out = tmp_path / f"report.{fmt}"
        done = _run("report", "monthly", "--month", "2026-03", "--format", fmt, "--out",
                    str(out), db=demo_path)  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert out.stat().st_size > 1000


def test_bad_input_exits_2_with_one_line(demo_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "\nZ1,nope,fax,2026-03-02T08:00,,,,0,2,,\n", "utf-8")
    for args in (
        ("report", "monthly", "--month", "2026-3x"),
        ("report", "monthly", "--month", "2026-03", "--format", "pdf"),  # no --out
        ("report", "monthly", "--month", "2026-03", "--format", "doc"),
        ("report", "live", "--days", "-1"),
        ("history", "import", str(bad)),
        ("history", "import", str(tmp_path / "missing.csv")),
    ):
        done = _run(*args, db=demo_path)
        assert done.returncode == 2, (args, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    done = _run("history", "import", str(bad), db=demo_path)
    assert "dòng 2" in done.stderr


def test_live_lists_the_open_dossiers(demo_path: Path, history: Path) -> None:
    done = _run("report", "live", "--days", "3", "--json", db=demo_path)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert [r["code"] for r in rows] == ["C3", "C4"]  # long overdue by now
    assert rows[0]["overdue_by_hours"] > 0 and rows[0]["holder"]


@pytest.mark.pg
def test_central_runs_the_same_report_read_only(
    demo_path: Path, history: Path, pg_url: str
) -> None:
    from counter_app.services.reports.history_import import import_history
    from counter_app.services.setup import open_database

    init_database(pg_url, demo=True)
    center = open_database(pg_url)
    from counter_app.services.recording import SYSTEM

    import_history(center, history, SYSTEM)
    center.dispose()
    local = json.loads(_run("report", "monthly", "--month", "2026-03", db=demo_path).stdout)
    done = _run("report", "monthly", "--month", "2026-03", "--central", pg_url, db=demo_path)
    assert done.returncode == 0, done.stderr
    central = json.loads(done.stdout)
    assert central["source"] == "central"
    for key in ("received", "settled", "in_progress", "satisfaction", "by_department"):
        assert central[key] == local[key]


@pytest.mark.pg
def test_a_read_only_account_reads_the_center_for_reports_and_nothing_else(
    demo_path: Path, history: Path, pg_url: str
) -> None:
    import psycopg

    from counter_app.services.recording import SYSTEM
    from counter_app.services.reports.history_import import import_history
    from counter_app.services.setup import open_database
    from counter_app.services.sync.client import libpq_url, strip_password

    init_database(pg_url, demo=True)
    center = open_database(pg_url)
    import_history(center, history, SYSTEM)
    center.dispose()
    made = _run("central", "add-reader", "--url", pg_url, "--json")
    assert made.returncode == 0, made.stderr
    account = json.loads(made.stdout)
    try:
        assert account["password"] in account["url"]
        kept = _run("report", "connect", account["url"], "--json", db=demo_path)
        assert kept.returncode == 0, kept.stderr
        plain = json.loads(kept.stdout)["central"]
        assert account["password"] not in plain  # the password went to the keyring or file
        done = _run("report", "monthly", "--month", "2026-03", "--central", plain, db=demo_path)
        assert done.returncode == 0, done.stderr
        report = json.loads(done.stdout)
        assert report["source"] == "central" and report["received"]["total"] == 3

        with psycopg.connect(libpq_url(account["url"]), autocommit=True) as conn:
            for statement in (
                "SELECT password_hash FROM users",
                "SELECT * FROM center_desk_roles",
                "SELECT * FROM sync_outbox",
            ):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(statement)
            with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
                conn.execute("UPDATE dossiers SET status = 10")
    finally:
        with psycopg.connect(libpq_url(strip_password(pg_url)[0]), autocommit=True) as conn:
            role = psycopg.sql.Identifier(account["role"])
            conn.execute(psycopg.sql.SQL("DROP OWNED BY {}").format(role))
            conn.execute(psycopg.sql.SQL("DROP ROLE {}").format(role))
