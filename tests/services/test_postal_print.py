"""The handover record on A4 (read back with pdftotext) and its thermal summary (real ESC/POS
bytes read back); and the batch flow on PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import zxingcpp
from test_postal_helpers import ACTOR, AT, dossier

from counter_app.domain.status import Status
from counter_app.services.catalog import load_catalog
from counter_app.services.postal import (
    add_to_batch,
    close_batch,
    create_batch,
    handover_doc,
    paper_location,
    print_handover,
    track,
)
from counter_app.services.print_queue import PrintWorker, get_job
from counter_app.services.setup import init_database, open_database

sys.path.insert(0, str(Path(__file__).parents[1] / "printing"))
from escpos_reader import read_escpos

N1 = "EB123456785VN"


def test_to_post_record_and_thermal_summary(small_db, tmp_path) -> None:
    codes = [
        dossier(small_db, post=True, status=Status.RESULT_READY, name=f"Người {i}")
        for i in range(3)
    ]
    track(small_db, ACTOR, codes[0], N1)
    batch = create_batch(small_db, ACTOR, "to_post", at=AT)
    for code in codes:
        add_to_batch(small_db, ACTOR, batch.number, code, at=AT)
    close_batch(
        small_db,
        ACTOR,
        batch.number,
        handed_by="Lương Thị Thu Trang",
        received_by="Bưu tá Nông Văn Bảy",
        at=AT + timedelta(hours=1),
    )
    thermal = tmp_path / "thermal.bin"
    printed = print_handover(
        small_db,
        batch.number,
        actor=ACTOR,
        out=tmp_path / "r.pdf",
        receipt_printer=f"file:{thermal}",
        a4_printer="bad://x",
    )
    assert printed.summary_job is not None and printed.a4_job is None and printed.problem
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(printed.record_pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    flat, joined = " ".join(text.split()), "".join(text.split())
    for expected in (
        batch.number,
        "Trung tâm → Bưu điện",
        "Tổng số: 03",
        "Người 0",
        "Lương Thị Thu Trang",
        "Bưu tá Nông Văn Bảy",
        "Số lượng: 3 hồ sơ",
    ):
        assert expected in flat, expected
    assert all(c in joined for c in codes) and N1 in joined
    PrintWorker(small_db).run_once()
    assert get_job(small_db, printed.summary_job.id).state == "done"
    out = read_escpos(thermal.read_bytes())
    image = out.image
    assert image is not None and out.named("cut")
    found = [r.text for r in zxingcpp.read_barcodes(image.convert("L"))]
    assert batch.number in found
    doc = handover_doc(small_db, batch.number)
    assert [i.code for i in doc.items] == codes and doc.items[0].note.startswith(N1)


def test_the_batch_flow_on_postgresql(pg_url: str) -> None:
    from small_catalog import GPLX

    from counter_app.domain.catalog import (
        ChecklistItemSpec,
        DepartmentSpec,
        Duration,
        DurationUnit,
        ProcedureSpec,
    )

    departments = [DepartmentSpec("SGTVT", "Sở Giao thông Vận tải", "GTVT", True, "000.00.06.H56")]
    procedures = [
        ProcedureSpec(
            GPLX,
            "Cấp đổi giấy phép lái xe",
            "SGTVT",
            Duration(DurationUnit.WORKING_DAYS, 1),
            checklist=(ChecklistItemSpec("Đơn"),),
        )
    ]
    init_database(pg_url)
    db = open_database(pg_url)
    try:
        with db.write() as session:
            load_catalog(session, departments, procedures, source="test")
        code = dossier(db)
        batch = create_batch(db, ACTOR, "to_department", "SGTVT", at=AT)
        assert add_to_batch(db, ACTOR, batch.number, code, at=AT).added
        assert add_to_batch(db, ACTOR, batch.number, code, at=AT).reason == "duplicate"
        assert add_to_batch(db, ACTOR, batch.number, "KHONG-CO", at=AT).reason == "unknown"
        close_batch(db, ACTOR, batch.number, handed_by="A", received_by="B", at=AT)
        where = paper_location(db, code)
        assert where.place == "department" and where.legs[0].batch_number == batch.number
    finally:
        db.dispose()
