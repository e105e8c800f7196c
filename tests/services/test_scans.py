"""Scans of dossiers: attach files to one dossier, split a stack of dossiers and attach each
part; rows, event, audit and outbox; nothing written on bad input; the command line."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
import pytest
from PIL import Image
from small_catalog import GPLX
from sqlalchemy import func, select

from counter_app.config import data_dir
from counter_app.domain.errors import InvalidInput, NotFound
from counter_app.models import (
    AuditLog,
    DossierEvent,
    DossierFile,
    DossierItem,
    OutboxOp,
    StoredFile,
)
from counter_app.printing.forms import render_form
from counter_app.scanning import simulate
from counter_app.scanning.pdf import read_pages, read_scan_metadata
from counter_app.scanning.separators import separator_sheet
from counter_app.services import documents
from counter_app.services.intake import Applicant, IntakeRequest, create_dossier
from counter_app.services.recording import Actor
from counter_app.services.scans import attach_pages, attach_scans, split_and_attach

VN = ZoneInfo("Asia/Ho_Chi_Minh")
AT = datetime(2025, 3, 12, 10, 0, tzinfo=VN)
ACTOR = Actor(None, "Nguyễn Thị Hương")
DPI = 200


def _dossier(db, name: str = "Trần Văn An") -> str:
    req = IntakeRequest(GPLX, Applicant(name, "020095001234", "0912345678"), received_at=AT)
    return create_dossier(db, req, ACTOR, now=AT).code


def _sheet(db, code: str) -> Image.Image:
    """The dossier's control sheet, gathered from the database and printed by form 5."""
    with db.read() as s:
        doc = documents.control_sheet(s, code, AT)
    buf = io.BytesIO()
    render_form("control", doc, buf)
    return simulate.rasterize_pdf(buf.getvalue(), DPI)


def _jpeg(folder: Path, name: str, img: Image.Image, **scan) -> Path:
    path = folder / name
    path.write_bytes(simulate.jpeg_bytes(simulate.scanned(img, **scan), DPI))
    return path


def _counts(db) -> dict[str, int]:
    with db.read() as s:
        return {
            m.__tablename__: int(s.scalar(select(func.count()).select_from(m)) or 0)
            for m in (DossierFile, StoredFile, DossierEvent, AuditLog, OutboxOp)
        }


def test_attach_scans_records_file_event_audit_and_outbox(small_db, tmp_path: Path) -> None:
    code = _dossier(small_db)
    pages = [
        _jpeg(tmp_path, "p1.jpg", simulate.text_page(1, dpi=DPI), skew=2.0),
        _jpeg(tmp_path, "p2.jpg", simulate.blank_back(1, dpi=DPI)),  # the duplex back
        _jpeg(tmp_path, "p3.jpg", simulate.text_page(2, dpi=DPI), upside_down=True),
    ]
    before = _counts(small_db)
    result = attach_scans(small_db, code, pages, actor=ACTOR, item=2, now=AT)
    d = result.document
    assert (d.dossier_code, d.item, d.item_name, d.pages) == (
        code,
        2,
        "Bản sao giấy phép lái xe",
        2,
    )
    assert (result.blank_pages, d.duplicate) == (1, False)
    assert [Path(o.source).name for o in d.sources] == ["p1.jpg", "p3.jpg"]
    assert d.pdf == data_dir() / "files" / d.sha256[:2] / d.sha256[2:]
    meta = read_scan_metadata(d.pdf.read_bytes())
    assert meta is not None and (meta["dossier_code"], meta["item"], meta["pages"]) == (code, 2, 2)
    with small_db.read() as s:
        row = s.scalar(select(DossierFile))
        assert row is not None
        item = s.get(DossierItem, row.dossier_item_id)
        assert item is not None and item.position == 2
        assert (row.role, row.title, row.page_count) == (
            "scan",
            "Bản quét: Bản sao giấy phép lái xe",
            2,
        )
        event = s.scalar(select(DossierEvent).where(DossierEvent.kind == "scan"))
        assert event is not None and event.actor_name == ACTOR.name
        assert event.data["documents"] == [
            {
                "sha256": d.sha256,
                "item": 2,
                "pages": 2,
                "title": "Bản quét: Bản sao giấy phép lái xe",
            }
        ]
        log = s.scalar(select(AuditLog).where(AuditLog.action == "dossier.scan"))
        assert log is not None and log.details["files"] == [d.sha256]
        ops = s.scalars(select(OutboxOp).order_by(OutboxOp.desk_seq)).all()[-4:]
        assert [(o.entity, o.kind) for o in ops] == [
            ("files", "insert"),
            ("dossier_files", "insert"),
            ("dossier_events", "append"),
            ("audit_log", "append"),
        ]
    after = _counts(small_db)
    assert {k: after[k] - before[k] for k in after} == {
        "dossier_files": 1,
        "files": 1,
        "dossier_events": 1,
        "audit_log": 1,
        "sync_outbox": 4,
    }
    # The same paper attached again: the same PDF, already there, nothing recorded twice.
    again = attach_scans(small_db, code, pages, actor=ACTOR, item=2, now=AT)
    assert again.document.duplicate and again.document.sha256 == d.sha256
    assert _counts(small_db) == after


def test_attach_scans_refuses_bad_input_and_writes_nothing(small_db, tmp_path: Path) -> None:
    code = _dossier(small_db)
    page = _jpeg(tmp_path, "p1.jpg", simulate.text_page(1, dpi=DPI))
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(page.read_bytes()[:3000])
    blank = _jpeg(tmp_path, "blank.jpg", simulate.blank_back(2, dpi=DPI))
    before = _counts(small_db)
    with pytest.raises(NotFound):
        attach_scans(small_db, "000.00.06.H56-250312-9999", [page], actor=ACTOR)
    with pytest.raises(InvalidInput, match="no item 9"):
        attach_scans(small_db, code, [page], actor=ACTOR, item=9)
    with pytest.raises(InvalidInput, match="Unreadable"):
        attach_scans(small_db, code, [page, broken], actor=ACTOR)
    with pytest.raises(InvalidInput, match="Only blank"):
        attach_scans(small_db, code, [blank], actor=ACTOR)
    with pytest.raises(InvalidInput, match="No such file"):
        attach_scans(small_db, code, [tmp_path / "nope.jpg"], actor=ACTOR)
    assert _counts(small_db) == before
    assert not (data_dir() / "files").exists()


def _stack(db, folder: Path) -> tuple[str, str]:
    """Write a stack: an orphan page, dossier A (sheet, page, separator 2, page, separator 7,
    page), dossier B (sheet upside down, blank back, two pages), a sheet of an unknown code."""
    a, b = _dossier(db, "Trần Văn An"), _dossier(db, "Lê Thị Bình")
    unknown = a[:-4] + "9999"
    folder.mkdir()
    text = simulate.text_page
    stack = [
        (text(1, dpi=DPI), {}),
        (_sheet(db, a), {"skew": 2.0}),
        (text(2, dpi=DPI), {}),
        (separator_sheet(2, dpi=DPI), {}),
        (text(3, dpi=DPI), {"upside_down": True}),
        (separator_sheet(7, dpi=DPI), {}),
        (text(4, dpi=DPI), {}),
        (_sheet(db, b), {"upside_down": True, "skew": -3.0}),
        (simulate.blank_back(3, dpi=DPI), {}),
        (text(5, dpi=DPI), {"skew": 3.0}),
        (text(6, dpi=DPI), {}),
    ]
    for n, (img, scan) in enumerate(stack):
        _jpeg(folder, f"scan_{n:02d}.jpg", img, seed=n, **scan)
    # The unknown dossier's sheet: the same form, another code (e.g. not synced here yet).
    with db.read() as s:
        doc = documents.control_sheet(s, a, AT)
    other = doc.__class__(
        doc.center,
        doc.dossier.__class__(**{**_fields(doc.dossier), "code": unknown}),
        doc.handoffs,
        doc.printed_at,
    )
    buf = io.BytesIO()
    render_form("control", other, buf)
    _jpeg(folder, "scan_11.jpg", simulate.rasterize_pdf(buf.getvalue(), DPI), seed=11)
    _jpeg(folder, "scan_12.jpg", text(7, dpi=DPI), seed=12)
    return a, b


def _fields(obj: object) -> dict[str, object]:
    return {f: getattr(obj, f) for f in obj.__dataclass_fields__}  # type: ignore[attr-defined]


def test_split_and_attach_files_each_dossier_in_one_transaction(small_db, tmp_path: Path) -> None:
    a, b = _stack(small_db, tmp_path / "stack")
    seen = []
    result = split_and_attach(
        small_db,
        [tmp_path / "stack"],
        actor=ACTOR,
        review_dir=tmp_path / "review",
        workers=0,
        progress=seen.append,
        now=AT,
    )
    docs = [
        (d.dossier_code, d.item, d.pages, [Path(o.source).name for o in d.sources])
        for d in result.documents
    ]
    assert docs == [
        (a, None, 1, ["scan_02.jpg"]),
        (a, 2, 1, ["scan_04.jpg"]),
        (a, None, 1, ["scan_06.jpg"]),  # ITEM:7: the dossier has no 7th document
        (b, None, 2, ["scan_09.jpg", "scan_10.jpg"]),
    ]
    assert result.warnings == (
        f"{a}: Hồ sơ {a} không có thành phần số 7 / The dossier has no item 7",
    )
    assert [(Path(r.source).name, r.reason_code) for r in result.review] == [
        ("scan_00.jpg", "before_first_sheet"),
        ("scan_11.jpg", "unknown_code"),
        ("scan_12.jpg", "unknown_code"),
    ]
    assert result.review_dir == tmp_path / "review"
    assert all(r.pdf is not None and r.pdf.parent == tmp_path / "review" for r in result.review)
    assert len(pdfium.PdfDocument(str(result.review[1].pdf))) == 2
    assert [Path(p.source).name for p in result.blank] == ["scan_08.jpg"]
    assert seen[-1].done == seen[-1].total == 13
    with small_db.read() as s:
        events = s.execute(
            select(DossierEvent.dossier_id, func.count())
            .where(DossierEvent.kind == "scan")
            .group_by(DossierEvent.dossier_id)
        ).all()
        assert sorted(n for _, n in events) == [1, 1]  # one scan event per dossier
        assert s.scalar(select(func.count()).select_from(DossierFile)) == 4
    again = split_and_attach(
        small_db, [tmp_path / "stack"], actor=ACTOR, review_dir=tmp_path / "r2", workers=0
    )
    assert all(d.duplicate for d in again.documents)
    # From the review tray: the unknown sheet's page belongs to B after all (no re-encoding).
    review_pdf = result.review[2].pdf
    assert review_pdf is not None
    pages = read_pages(review_pdf.read_bytes())
    filed = attach_pages(small_db, b, [pages[1]], actor=ACTOR, item=1)
    assert (filed.dossier_code, filed.item, filed.pages, filed.duplicate) == (b, 1, 1, False)
    assert read_pages(filed.pdf.read_bytes()) == [pages[1]]


def test_the_command_line_splits_attaches_and_verifies(small_db, tmp_path: Path) -> None:
    a, b = _stack(small_db, tmp_path / "stack")
    db = small_db.url.removeprefix("sqlite:///")
    env = {**os.environ}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "counter_app", *args, "--db", db],
            capture_output=True,
            text=True,
            env=env,
            timeout=180,
        )

    done = run("scan", "split", str(tmp_path / "stack"), "--engine", "zbar", "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert set(out) == {
        "dossiers",
        "review",
        "blank",
        "sheets",
        "total_pages",
        "review_dir",
        "warnings",
    }
    assert [(d["dossier_code"], d["item"], d["pages"], d["attached"]) for d in out["dossiers"]] == [
        (a, None, 1, True),
        (a, 2, 1, True),
        (a, None, 1, True),
        (b, None, 2, True),
    ]
    assert all(Path(d["pdf"]).exists() for d in out["dossiers"])
    assert [(r["page"], r["reason_code"]) for r in out["review"]] == [
        (1, "before_first_sheet"),
        (1, "unknown_code"),
        (1, "unknown_code"),
    ]
    assert out["total_pages"] == 13 and len(out["blank"]) == 1 and len(out["sheets"]) == 4

    page = _jpeg(tmp_path, "extra.jpg", simulate.text_page(9, dpi=DPI))
    done = run("scan", "attach", b, str(page), "--item", "1", "--json")
    assert done.returncode == 0, done.stderr
    attached = json.loads(done.stdout)
    assert (attached["dossier_code"], attached["item"], attached["pages"]) == (b, 1, 1)

    done = run("files", "verify", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["checked"], report["healthy"]) == (5, True)
    path = Path(attached["pdf"])
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x04
    path.write_bytes(bytes(data))
    done = run("files", "verify", "--json")
    assert done.returncode == 1
    assert [d["sha256"] for d in json.loads(done.stdout)["damaged"]] == [attached["sha256"]]

    # Bad input: one clear line, exit status 2, nothing written.
    for args in (
        ("scan", "attach", b, str(tmp_path / "missing.jpg")),
        ("scan", "attach", "NO-SUCH-CODE", str(page)),
        ("scan", "split", str(tmp_path / "stack"), "--dpi", "150"),
        ("scan", "attach", b, str(page), "--item", "0"),
    ):
        done = run(*args)
        assert done.returncode == 2, (args, done.stderr)
        assert done.stdout == "" and len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_the_command_line_takes_the_desks_scan_settings(small_db, tmp_path: Path) -> None:
    """`scan split` cleans pages as the window does at this desk; an option overrides."""
    _stack(small_db, tmp_path / "stack")
    db = small_db.url.removeprefix("sqlite:///")

    runs = iter(range(10))

    def blank_pages(*options: str, **setting: str) -> list[str]:
        env = {**os.environ, **{f"COUNTER_APP_{k.upper()}": v for k, v in setting.items()}}
        out = tmp_path / f"split-{next(runs)}"
        done = subprocess.run(
            [sys.executable, "-m", "counter_app", "scan", "split", str(tmp_path / "stack"),
             "--no-attach", "--out", str(out), "--workers", "0", "--json", "--db", db, *options],
            capture_output=True, text=True, env=env, timeout=180,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)["blank"]

    assert len(blank_pages()) == 1  # the default threshold drops the blank back
    assert blank_pages(scan_blank_threshold="0") == []  # this desk keeps every page
    assert len(blank_pages("--blank-threshold", "0.001", scan_blank_threshold="0")) == 1
