"""`counter-app central|join|sync`, run for real in subprocesses against real PostgreSQL."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from counter_app.services.sync.central import drop_desk_roles

pytestmark = pytest.mark.pg
EXE = [sys.executable, "-m", "counter_app"]


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([*EXE, *args], capture_output=True, text=True, timeout=180)
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}: {proc.stderr}")
    return proc


@pytest.fixture
def empty_center(pg_admin_url: str) -> Iterator[str]:
    name = f"ca_cli_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = f"{pg_admin_url.rpartition('/')[0]}/{name}"
    yield url
    drop_desk_roles(url)
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


def test_a_center_a_desk_an_intake_and_a_sync_from_the_command_line(
    empty_center: str, tmp_path: Path
) -> None:
    init = json.loads(run("central", "init", "--url", empty_center, "--demo", "--json").stdout)
    assert init["created"] and init["procedures"] == 1335
    again = json.loads(run("central", "init", "--url", empty_center, "--json").stdout)
    assert not again["created"] and again["procedures"] == 1335  # only upgraded, nothing doubled

    account = json.loads(
        run("central", "add-desk", "--url", empty_center, "--number", "3", "--json").stdout
    )
    scheme, rest = empty_center.split("://", 1)
    desk_url = f"{scheme}://{account['role']}:{account['password']}@{rest.split('@', 1)[-1]}"
    desk_db = tmp_path / "desk3.sqlite3"
    joined = json.loads(
        run("join", "--central", desk_url, "--desk", "3", "--db", str(desk_db), "--json").stdout
    )
    assert joined["desk"] == 3 and account["password"] not in json.dumps(joined)

    hit = json.loads(run("catalog", "search", "lái xe", "--limit", "1", "--db", str(desk_db),
                         "--json").stdout)[0]  # fmt: skip
    request = tmp_path / "dossier.json"
    request.write_text(
        json.dumps({"procedure": hit["code"], "applicant": {"full_name": "Lương Văn Hải"}}),
        encoding="utf-8",
    )
    made = json.loads(run("intake", "--file", str(request), "--db", str(desk_db), "--json").stdout)
    assert made["code"].endswith("-0001")  # numbered by the center

    report = json.loads(run("sync", "--once", "--db", str(desk_db), "--json").stdout)
    assert report["ok"] and report["pushed"] >= 3 and report["quarantined"] == 0
    status = json.loads(run("sync", "--status", "--db", str(desk_db), "--json").stdout)
    assert status["waiting"] == 0 and status["last_error"] == ""
    with psycopg.connect(empty_center) as conn:
        assert [r[0] for r in conn.execute("SELECT code FROM dossiers")] == [made["code"]]

    # The password is nowhere in the desk's database, and its file is private to the user.
    with sqlite3.connect(desk_db) as conn:
        dump = "\n".join(conn.iterdump())
    assert account["password"] not in dump
    secret = Path(os.environ["XDG_DATA_HOME"]) / "counter-app" / "central-credentials.json"
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600


def test_bad_requests_get_one_clear_line_and_change_nothing(
    empty_center: str, tmp_path: Path
) -> None:
    run("central", "init", "--url", empty_center, "--demo")
    account = json.loads(
        run("central", "add-desk", "--url", empty_center, "--number", "4", "--json").stdout
    )
    scheme, rest = empty_center.split("://", 1)
    desk_url = f"{scheme}://{account['role']}:{account['password']}@{rest.split('@', 1)[-1]}"
    desk_db = tmp_path / "desk.sqlite3"
    proc = run("join", "--central", desk_url, "--desk", "99", "--db", str(desk_db), check=False)
    assert proc.returncode == 2 and "không có quầy số 99" in proc.stderr
    assert account["password"] not in proc.stderr
    assert not desk_db.exists()  # the refused join left no database behind
    run("init", "--db", str(desk_db))
    proc = run("sync", "--once", "--db", str(desk_db), check=False)
    assert proc.returncode == 2 and "counter-app join" in proc.stderr
    proc = run("central", "add-desk", "--url", empty_center, "--number", "0", check=False)
    assert proc.returncode == 2 and "1 đến 999" in proc.stderr
