"""`counter-app print …` end to end: a real dossier, real bytes and PDFs, read back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import zxingcpp
from escpos_reader import read_escpos
from PIL import Image
from test_connections import FakePrinter, closed_port

EXE = [sys.executable, "-m", "counter_app"]


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([*EXE, *args], capture_output=True, text=True, timeout=120,
                          env=os.environ.copy())  # fmt: skip
    if check and proc.returncode != 0:
        raise AssertionError(proc.stderr)
    return proc


def run_json(*args: str) -> object:
    return json.loads(run(*args, "--json").stdout)


@pytest.fixture
def dossier(demo_path: Path, tmp_path: Path) -> tuple[list[str], str]:
    db = ["--db", str(demo_path)]
    code = run_json("catalog", "search", "giấy phép lái xe", "--limit", "1", *db)[0]["code"]  # type: ignore[index]
    file = tmp_path / "d.json"
    file.write_text(json.dumps({
        "procedure": code, "received_at": "2025-03-12T10:00",
        "applicant": {"full_name": "Hoàng Thị Ánh Tuyết", "id_number": "020195004321",
                      "phone": "0912345678", "address": "Xã Mai Pha, TP Lạng Sơn"},
    }, ensure_ascii=False), encoding="utf-8")  # fmt: skip
    out = run_json("intake", "--file", str(file), *db)
    return db, out["code"]  # type: ignore[index]


def _decode(image: Image.Image) -> set[str]:
    image = image.convert("L").resize((image.width * 2, image.height * 2))
    return {r.text for r in zxingcpp.read_barcodes(image)}


def test_thermal_receipt_bytes_carry_the_code_as_qr(dossier, tmp_path: Path) -> None:
    db, code = dossier
    out = tmp_path / "printer.bin"
    for paper in ("80", "58"):
        out.unlink(missing_ok=True)
        job = run_json("print", "receipt", code, "--printer", f"file:{out}", "--paper", paper, *db)
        assert job["state"] == "done"  # type: ignore[index]
        printout = read_escpos(out.read_bytes())
        assert printout.image.width <= (576 if paper == "80" else 384)
        assert code in _decode(printout.image)
    shown = run_json("dossier", "show", code, *db)
    prints = [e for e in shown["events"] if e["kind"] == "print"]  # type: ignore[index]
    assert [e["data"]["document"] for e in prints] == ["receipt", "receipt"]


def test_a_printer_that_is_off_keeps_the_job_until_it_answers(dossier, tmp_path: Path) -> None:
    db, code = dossier
    port = closed_port()
    job = run_json("print", "receipt", code, "--printer", f"tcp://127.0.0.1:{port}", *db)
    assert job["state"] == "queued" and "không phản hồi" in job["error"]  # type: ignore[index]
    jobs = run_json("print", "jobs", "--state", "queued", *db)
    assert [j["id"] for j in jobs] == [job["job"]]  # type: ignore[index]
    # a queued job is still pending: a reprint now would print it twice
    refused = run("print", "reprint", job["job"], *db, check=False)  # type: ignore[index]
    assert refused.returncode == 2
    # once it has failed for good it can be printed again, deliberately, on another printer
    printer = FakePrinter()
    try:
        done = run_json("print", "receipt", code, "--printer", f"tcp://127.0.0.1:{printer.port}",
                        *db)  # fmt: skip
        assert done["state"] == "done"  # type: ignore[index]
        printer.wait_job()
        assert code in _decode(read_escpos(printer.jobs[0]).image)
    finally:
        printer.close()


def test_a4_forms_and_ledger(dossier, tmp_path: Path) -> None:
    db, code = dossier
    receipt = tmp_path / "receipt.pdf"
    run("print", "form", "receipt", code, "--out", str(receipt), *db)
    text = subprocess.run(["pdftotext", "-layout", str(receipt), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    assert code in text and "Hoàng Thị Ánh Tuyết" in text
    control = tmp_path / "control.pdf"
    run("print", "form", "control", code, "--out", str(control), *db)
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-f", "1", "-l", "1",
                    str(control), str(tmp_path / "page")], check=True)  # fmt: skip
    page = Image.open(next(tmp_path.glob("page*.png")))
    found = {(r.format.name, r.text) for r in zxingcpp.read_barcodes(page)}
    assert ("Code128", code) in found
    ledger = tmp_path / "ledger.pdf"
    run("print", "ledger", "--from", "2025-03-01", "--to", "2025-03-31", "--out", str(ledger), *db)
    assert (
        "SỔ THEO DÕI HỒ SƠ"
        in subprocess.run(
            ["pdftotext", str(ledger), "-"], capture_output=True, text=True, check=True
        ).stdout
    )
    bad = run("print", "form", "refusal", code, "--out", str(tmp_path / "x.pdf"), *db, check=False)
    assert bad.returncode == 2 and "từ chối" in bad.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_printer_test_page_and_bad_uris(tmp_path: Path) -> None:
    out = tmp_path / "test.bin"
    run("printers", "test", f"file:{out}")
    assert read_escpos(out.read_bytes()).image.height > 200
    bad = run("printers", "test", "lpt://1", check=False)
    assert bad.returncode == 2 and "tcp://" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
