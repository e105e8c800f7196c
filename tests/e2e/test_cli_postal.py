"""`counter-app postal …` run for real in subprocesses: each direction with every bad scan, the
handover record PDF read back with pdftotext, results by post up to "delivered"."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from counter_app.domain.status import Status
from counter_app.models import Procedure, Unit
from counter_app.services.dossiers import change_status, get_dossier
from counter_app.services.intake import Applicant, IntakeRequest, PostReturn, create_dossier
from counter_app.services.postal import add_to_batch, close_batch, create_batch
from counter_app.services.recording import Actor
from counter_app.services.setup import open_database

VN = ZoneInfo("Asia/Ho_Chi_Minh")
AT = datetime.now(VN) - timedelta(days=1)
ACTOR = Actor(None, "Lương Thị Thu Trang")
GOOD = "EB123456785VN"  # S10 check digit 5
BAD_CHECK = "EB123456789VN"


def _run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "counter_app", "--db", str(db), "postal", *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=120,
    )


def _json(db: Path, *args: str, status: int = 0) -> dict:
    proc = _run(db, *args, "--json")
    assert proc.returncode == status, proc.stderr
    return json.loads(proc.stdout)


def _bad(db: Path, *args: str, match: str) -> None:
    proc = _run(db, *args)
    assert proc.returncode == 2 and proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and match in proc.stderr, proc.stderr


@pytest.fixture
def dossiers(demo_path: Path) -> dict[str, str]:
    """Dossiers of the demo center: two for Sở GTVT, one for Sở Tư pháp, one stopped, a ready
    result going home by post, one ready to be collected at the desk."""
    db = open_database(f"sqlite:///{demo_path}")
    with db.read() as s:

        def proc(dept: str) -> str:
            return s.scalars(
                select(Procedure.code)
                .join(Unit, Unit.id == Procedure.department_id)
                .where(Unit.code == dept)
                .order_by(Procedure.code)
            ).first()

        gtvt, tp = proc("SGTVT"), proc("STP")

    def new(p: str, name: str, status: Status = Status.RECEIVED, post: bool = False) -> str:
        home = PostReturn("Số 5 Lê Lợi, TP. Lạng Sơn", "0912345678") if post else None
        req = IntakeRequest(
            p, Applicant(name, phone="0987654321"), received_at=AT, return_by_post=home
        )
        code = create_dossier(db, req, ACTOR, now=AT).code
        if status != Status.RECEIVED:
            change_status(db, code, status, ACTOR, at=AT, reason="Thử")
        return code

    out = {
        "a1": new(gtvt, "Nguyễn Văn Một"),
        "a2": new(gtvt, "Trần Thị Hai"),
        "tp": new(tp, "Hoàng Văn Ba"),
        "stopped": new(gtvt, "Vi Thị Bốn", Status.STOPPED),
        "home": new(gtvt, "Lộc Văn Năm", Status.RESULT_READY, post=True),
        "desk": new(gtvt, "Lăng Thị Sáu", Status.RESULT_READY),
    }
    db.dispose()
    return out


def test_to_department_with_every_bad_scan_and_the_record(demo_path, dossiers, tmp_path) -> None:
    d = dossiers
    batch = _json(
        demo_path, "batch", "create", "--direction", "to_department", "--department", "SGTVT"
    )
    number = batch["number"]
    assert batch["state"] == "open" and batch["department_name"] == "Sở Giao thông Vận tải"
    scans = _json(
        demo_path,
        "batch",
        "add",
        number,
        d["a1"],
        d["a2"].lower(),
        d["a1"],
        "000.00.99.H56-000000-0000",
        d["stopped"],
        d["tp"],
        status=2,
    )
    assert [s["reason"] for s in scans["scans"]] == [
        "added",
        "added",
        "duplicate",
        "unknown",
        "status",
        "direction",
    ]
    assert scans["count"] == 2
    other = _json(demo_path, "batch", "create", "--direction", "out", "--department", "SGTVT")
    refused = _json(demo_path, "batch", "add", other["number"], d["a2"], status=2)
    assert (
        refused["scans"][0]["reason"] == "other_batch" and number in refused["scans"][0]["message"]
    )
    _bad(
        demo_path,
        "batch",
        "close",
        number,
        "--from",
        "",
        "--to",
        "Hoàng Văn Nam",
        match="người giao và người nhận",
    )
    pdf = tmp_path / "record.pdf"
    closed = _json(
        demo_path,
        "batch",
        "close",
        number,
        "--from",
        "Lương Thị Thu Trang",
        "--to",
        "Hoàng Văn Nam",
        "--out",
        str(pdf),
    )
    assert closed["batch"]["state"] == "closed" and closed["record_pdf"] == str(pdf)
    record = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat, joined = " ".join(record.split()), "".join(record.split())  # codes wrap in cells
    for expected in (
        number,
        "Nguyễn Văn Một",
        "Lương Thị Thu Trang",
        "Hoàng Văn Nam",
        "Trung tâm → Sở Giao thông Vận tải",
        "Tổng số: 02",
    ):
        assert expected in flat, expected
    assert d["a1"] in joined and d["a2"] in joined
    assert d["stopped"] not in joined and d["tp"] not in joined
    text = _run(demo_path, "batch", "add", number, d["a1"])  # the officer's own words
    assert text.returncode == 2 and text.stdout.startswith("LỖI") and "đã chốt" in text.stdout


def test_from_department_refuses_paper_that_is_not_there(demo_path, dossiers) -> None:
    d = dossiers
    db = open_database(f"sqlite:///{demo_path}")  # the outbound leg, done earlier
    out = create_batch(db, ACTOR, "to_department", "SGTVT")
    add_to_batch(db, ACTOR, out.number, d["a1"])
    close_batch(db, ACTOR, out.number, handed_by="A", received_by="B")
    db.dispose()
    wrong = _json(demo_path, "batch", "create", "--direction", "in", "--department", "STP")
    refused = _json(demo_path, "batch", "add", wrong["number"], d["a1"], status=2)
    assert (
        refused["scans"][0]["reason"] == "direction"
        and "Sở Giao thông" in refused["scans"][0]["message"]
    )
    back = _json(
        demo_path, "batch", "create", "--direction", "from_department", "--department", "SGTVT"
    )
    scans = _json(
        demo_path, "batch", "add", back["number"], d["a1"], d["a2"], d["a1"], "X", status=2
    )
    assert [s["reason"] for s in scans["scans"]] == ["added", "direction", "duplicate", "unknown"]
    _json(demo_path, "batch", "close", back["number"], "--from", "B", "--to", "A", "--no-print")
    where = _json(demo_path, "where", d["a1"])
    assert where["place"] == "center" and len(where["legs"]) == 2
    _bad(demo_path, "batch", "create", "--direction", "in", match="cần mã Sở/ngành")


def test_to_post_then_delivered_returns_the_result(demo_path, dossiers, tmp_path) -> None:
    d = dossiers
    _bad(demo_path, "track", d["home"], "--tracking", BAD_CHECK, match="số kiểm tra")
    tracked = _json(demo_path, "track", d["home"], "--tracking", GOOD.lower())
    assert tracked["tracking_number"] == GOOD and tracked["status_label"] == "Chờ giao bưu điện"
    post = _json(demo_path, "batch", "create", "--direction", "to_post")
    home, desk, a1 = d["home"], d["desk"], d["a1"]
    scans = _json(demo_path, "batch", "add", post["number"], home, desk, a1, home, status=2)
    assert [s["reason"] for s in scans["scans"]] == ["added", "direction", "status", "duplicate"]
    printer = tmp_path / "thermal.bin"
    closed = _json(demo_path, "batch", "close", post["number"], "--from", "Lương Thị Thu Trang",
                   "--to", "Bưu tá Nông Văn Bảy", "--out", str(tmp_path / "p.pdf"),
                   "--printer", f"file:{printer}")  # fmt: skip
    assert closed["summary_job"] and not closed["problem"] and printer.stat().st_size > 1000
    assert _json(demo_path, "delivered", home)["status"] == "delivered"
    assert _json(demo_path, "where", home)["place"] == "citizen"
    db = open_database(f"sqlite:///{demo_path}")
    view = get_dossier(db, home)
    db.dispose()
    assert view.status == 10 and [e.kind for e in view.events][-2:] == ["handoff", "status"]
