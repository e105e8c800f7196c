"""The `counter-app` command, run for real in a subprocess against real SQLite files."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

EXE = [sys.executable, "-m", "counter_app"]


def run(*args: str, env: dict[str, str] | None = None, check: bool = True):
    proc = subprocess.run(
        [*EXE, *args], capture_output=True, text=True, env={**os.environ, **(env or {})},
        timeout=120,
    )  # fmt: skip
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}: {proc.stderr}")
    return proc


def run_json(*args: str, **kw):
    return json.loads(run(*args, "--json", **kw).stdout)


def _table_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def test_help_is_fast_and_lists_the_commands() -> None:
    start = time.perf_counter()
    out = run("--help").stdout
    elapsed = time.perf_counter() - start
    for command in ("init", "due-date", "cccd", "catalog", "intake", "dossier"):
        assert command in out
    # interpreter start-up included; the command itself imports nothing heavy
    assert elapsed < 2.0


def test_due_date_examples_of_the_domain() -> None:
    assert (
        run_json("due-date", "--received", "2025-03-14T16:00", "--working-hours", "4")["due"]
        == "2025-03-17T10:00"
    )
    assert (
        run_json("due-date", "--received", "2025-03-12T10:00", "--working-days", "1")["due"]
        == "2025-03-13T10:00"
    )
    out = run_json("due-date", "--received", "2025-03-15T08:00", "--working-days", "2")
    assert out == {"received": "2025-03-15T08:00", "due": "2025-03-18T17:30",
                   "rule_version": out["rule_version"]}  # fmt: skip


@pytest.mark.parametrize(
    "args",
    [
        ["due-date", "--received", "hôm nay", "--working-days", "1"],
        ["due-date", "--received", "2025-03-14T16:00"],
        ["due-date", "--received", "2025-03-14T16:00", "--working-days", "-1"],
        ["cccd", "123|x"],
        ["no-such-command"],
    ],
)
def test_bad_input_exits_2_with_one_line(args: list[str]) -> None:
    proc = run(*args, check=False)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert proc.stdout == ""


def test_cccd_prints_the_applicant_fields() -> None:
    payload = "020095001234|123456789|Trần Văn An|01021995|Nam|Phường Vĩnh Trại, Lạng Sơn|15082021"
    assert run_json("cccd", payload) == {
        "id_number": "020095001234",
        "old_id_number": "123456789",
        "full_name": "Trần Văn An",
        "birth_date": "1995-02-01",
        "gender": "Nam",
        "address": "Phường Vĩnh Trại, Lạng Sơn",
        "issue_date": "2021-08-15",
    }


def test_missing_database_says_how_to_create_one(tmp_path: Path) -> None:
    proc = run("summary", "--db", str(tmp_path / "none.sqlite3"), check=False)
    assert proc.returncode == 1
    assert "counter-app init" in proc.stderr
    assert not (tmp_path / "none.sqlite3").exists()


def test_database_from_env_and_from_the_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "xdg"
    run("init", env={"XDG_DATA_HOME": str(data)})
    assert (data / "counter-app" / "counter-app.sqlite3").exists()
    env_db = tmp_path / "env.sqlite3"
    run("init", env={"COUNTER_APP_DB": str(env_db)})
    assert env_db.exists()
    summary = run_json("summary", env={"COUNTER_APP_DB": str(env_db)})
    assert summary["procedures"] == 0


def test_init_demo_twice_is_refused_and_if_new_is_quiet(demo_path: Path) -> None:
    proc = run("init", "--demo", "--db", str(demo_path), check=False)
    assert proc.returncode == 2 and "đã có dữ liệu" in proc.stderr
    run("init", "--demo", "--if-new", "--db", str(demo_path))


def test_demo_center_summary(demo_path: Path) -> None:
    s = run_json("summary", "--db", str(demo_path))
    assert s["center"] == "Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn"
    assert (s["units"], s["procedures"], s["desks"]) == (19, 1335, 20)
    assert s["users"] >= 4 and s["queue_services"] >= 4


def test_catalog_search_ranks_the_driving_licence_first(demo_path: Path) -> None:
    for query in ("cấp giấy phép lái xe", "cap giay phep lai xe", "CAP GIAY PHEP LAI XE"):
        hits = run_json("catalog", "search", query, "--limit", "5", "--db", str(demo_path))
        assert hits, query
        assert hits[0]["name"].lower().startswith("cấp giấy phép lái xe"), hits[0]
        assert set(hits[0]) == {"code", "name", "department", "duration"}


def _intake_file(tmp_path: Path, db: Path, **extra) -> Path:
    hit = run_json("catalog", "search", "giấy phép lái xe", "--limit", "1", "--db", str(db))[0]
    data = {
        "procedure": hit["code"],
        "channel": "direct",
        "received_at": "2025-03-12T10:00",
        "applicant": {
            "full_name": "Trần Văn An",
            "id_number": "020095001234",
            "phone": "0912345678",
            "address": "Phường Vĩnh Trại, TP Lạng Sơn",
            "email": "an.tran@example.vn",
        },
    } | extra
    path = tmp_path / "dossier.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_intake_then_show_and_status(demo_path: Path, tmp_path: Path) -> None:
    file = _intake_file(tmp_path, demo_path)
    out = run_json("intake", "--file", str(file), "--db", str(demo_path))
    assert set(out) == {"code", "due", "lookup_secret"}
    assert "-250312-0001" in out["code"]
    shown = run_json("dossier", "show", out["code"], "--db", str(demo_path))
    assert shown["code"] == out["code"] and shown["status"] == 2
    assert shown["due_at"] == out["due"]
    assert shown["applicant_name"] == "Trần Văn An"
    assert [e["to_status"] for e in shown["events"]] == [2]
    assert shown["items"], "the default items are the required checklist documents"
    run("dossier", "status", out["code"], "9", "--db", str(demo_path), "--user", "canbo1")
    shown = run_json("dossier", "show", out["code"], "--db", str(demo_path))
    assert shown["status"] == 9
    assert shown["events"][-1]["actor"] == "Nguyễn Thị Hương"
    found = run_json("dossier", "find", "tran van an", "--db", str(demo_path))
    assert [d["code"] for d in found] == [out["code"]]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "JSON"),
        ('{"procedure": "9.999999", "applicant": {"full_name": "A"}}', "9.999999"),
        ('{"procedure": "1.000001"}', "applicant"),
    ],
)
def test_bad_intake_file_writes_nothing(demo_path: Path, tmp_path: Path, content, message) -> None:
    before = _table_counts(demo_path)
    file = tmp_path / "bad.json"
    file.write_text(content, encoding="utf-8")
    proc = run("intake", "--file", str(file), "--db", str(demo_path), check=False)
    assert proc.returncode == 2
    assert message in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert _table_counts(demo_path) == before


def test_bad_status_change_exits_2(demo_path: Path, tmp_path: Path) -> None:
    code = run_json("intake", "--file", str(_intake_file(tmp_path, demo_path)), "--db",
                    str(demo_path))["code"]  # fmt: skip
    proc = run("dossier", "status", code, "10", "--db", str(demo_path), check=False)
    assert proc.returncode == 2 and "Không thể chuyển" in proc.stderr
    proc = run("dossier", "show", "KHONG-CO-MA", "--db", str(demo_path), check=False)
    assert proc.returncode == 2 and "KHONG-CO-MA" in proc.stderr


def test_catalog_import_all_or_nothing(demo_path: Path, tmp_path: Path) -> None:
    sample = Path(__file__).parents[2] / "resources" / "samples" / "catalog-sample.csv"
    out = run_json("catalog", "import", str(sample), "--db", str(demo_path))
    assert out["procedures_added"] + out["procedures_updated"] + out["procedures_unchanged"] > 0
    again = run_json("catalog", "import", str(sample), "--db", str(demo_path))
    assert again["procedures_added"] == again["procedures_updated"] == 0
    bad = tmp_path / "bad.csv"
    lines = sample.read_text(encoding="utf-8").splitlines()
    bad.write_text("\n".join([*lines, lines[1].replace(lines[1].split(",")[2], "", 1)]) + "\n",
                   encoding="utf-8")  # fmt: skip
    before = _table_counts(demo_path)
    proc = run("catalog", "import", str(bad), "--db", str(demo_path), check=False)
    assert proc.returncode == 2
    assert f"{len(lines) + 1}" in proc.stderr
    assert _table_counts(demo_path) == before


def test_make_run_style_first_start(tmp_path: Path) -> None:
    db = tmp_path / "first.sqlite3"
    out = run("init", "--demo", "--if-new", "--db", str(db)).stdout
    assert "canbo1" in out  # the demo passwords are printed once
    out = run("init", "--demo", "--if-new", "--db", str(db)).stdout
    assert "canbo1" not in out
    assert "1335" in run("--db", str(db)).stdout.replace(" ", "")
    shutil.copy(db, tmp_path / "copy.sqlite3")


def test_administrator_settings_without_code(demo_path: Path) -> None:
    db = ["--db", str(demo_path)]
    shown = run_json("code-pattern", *db)
    assert shown["pattern"] == "{unit}-{yyMMdd}-{seq:4}"
    assert shown["example"] == "000.00.06.H39-250312-0361"
    assert run_json("code-pattern", "{unit}/{yyyy}/{seq:6}", *db)["reset"] == "year"
    proc = run("code-pattern", "{unit}-{ngay}-{seq:4}", *db, check=False)
    assert proc.returncode == 2 and "ngay" in proc.stderr
    assert run_json("code-pattern", *db)["pattern"] == "{unit}/{yyyy}/{seq:6}"
    # an extra day off moves due times; removing it moves them back
    args = ["due-date", "--received", "2025-03-13T16:00", "--working-hours", "4", *db]
    assert run_json(*args)["due"] == "2025-03-14T10:00"
    run("calendar", "set", "2025-03-14", "day_off", "--note", "Nghỉ đột xuất", *db)
    assert run_json(*args)["due"] == "2025-03-17T10:00"
    assert {"day": "2025-03-14", "kind": "day_off", "note": "Nghỉ đột xuất"} in run_json(
        "calendar", "list", "--year", "2025", *db
    )
    run("calendar", "remove", "2025-03-14", *db)
    assert run_json(*args)["due"] == "2025-03-14T10:00"
    assert run("calendar", "remove", "2025-03-14", *db, check=False).returncode == 2
