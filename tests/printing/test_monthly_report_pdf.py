"""The monthly report's PDF: every figure and share of report_json is printed, on as many pages
as the procedures need, with the header row on each and "Trang x/y"."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from report_sample import sample_report

from counter_app.printing.forms.monthly_report import write_report_pdf
from counter_app.printing.forms.report_charts import COLUMNS, month_label, num, pct, summary_rows
from counter_app.services.reports.model import (
    Counts,
    MonthlyReport,
    Period,
    TrendPoint,
    report_json,
)

# The summary's lines as a reader finds them: label, where report_json has the figure, share?
EXPECTED = (
    ("Trực tiếp", "received", "direct", True),
    ("Trực tuyến", "received", "online", True),
    ("Bưu chính công ích", "received", "postal", True),
    ("Tổng số hồ sơ tiếp nhận", "received", "total", False),
    ("Kỳ trước chuyển sang", "received", "carried_over", False),
    ("Số hồ sơ đã giải quyết", "settled", "total", False),
    ("Trước hạn", "settled", "before_time", True),
    ("Đúng hạn", "settled", "on_time", True),
    ("– Quá hạn", "settled", "late", True),
    ("Trả kết quả qua bưu chính", "settled", "returned_via_post", True),
    ("đang giải quyết cuối kỳ", "in_progress", "total", False),
    ("Trong hạn", "in_progress", "within_time", False),
    ("– Quá hạn", "in_progress", "overdue", False),
    ("Rất hài lòng", "satisfaction", "very_satisfied", True),
    ("– Hài lòng", "satisfaction", "satisfied", True),
    ("Không hài lòng", "satisfaction", "unsatisfied", True),
    ("Từ chối tiếp nhận", "other", "refused", False),
    ("rút hồ sơ", "other", "withdrawn", False),
    ("Yêu cầu bổ sung", "other", "supplement_requests", False),
    ("Phiếu xin lỗi", "other", "apology_slips", False),
    ("4 tại chỗ", "other", "on_the_spot", False),
)


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def test_every_summary_figure_and_share_is_printed_as_in_the_json(tmp_path: Path) -> None:
    data = report_json(sample_report())
    out = write_report_pdf(data, tmp_path / "bao-cao.pdf")
    text = pdf_text(out)
    assert "BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH" in text
    assert "Tháng 11/2026" in text and "Lạng Sơn, ngày 01 tháng 12 năm 2026" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    lines = text.splitlines()
    for label, group, key, share in EXPECTED:
        # The label and its figures on one line: a figure printed elsewhere does not count.
        want = [num(data[group][key])]
        if share:
            want.append(pct(data[group]["share"][key]))
        found = [ln for ln in lines if label in ln and all(w in ln for w in want)]
        assert found, (label, want)
    assert len(summary_rows(data)) == len(EXPECTED) + 2  # + the ratings and "Khác" heads
    assert "1.234" in text  # thousands are written the Vietnamese way
    assert data["received"]["share"]["direct"] == 81.40
    assert "81,40 %" in text


def test_every_breakdown_and_trend_figure_is_in_the_tables(tmp_path: Path) -> None:
    data = report_json(sample_report())
    text = pdf_text(write_report_pdf(data, tmp_path / "r.pdf"))
    flat = " ".join(text.split())
    for item in data["by_department"] + data["by_procedure"]:
        for col in COLUMNS:
            assert num(col.count(item)) in flat
            share = col.share_of(item)
            if share is not None:
                assert pct(share).replace(" ", "") in flat, (item["name"], col.label, share)
    assert "Sở Tài nguyên và Môi trường" in flat
    for t in data["trend"]:
        row = [ln for ln in text.splitlines() if ln.strip().startswith(month_label(t["month"]))]
        assert row, t["month"]
        assert [int(x) for x in row[0].split()[1:]] == [
            t[k]
            for k in (
                "received",
                "settled",
                "settled_late",
                "very_satisfied",
                "satisfied",
                "unsatisfied",
            )
        ]


def test_a_long_procedure_list_runs_over_pages_with_its_header_and_page_numbers(
    tmp_path: Path,
) -> None:
    data = report_json(sample_report(procedures=60))
    out = write_report_pdf(data, tmp_path / "long.pdf")
    n = pages(out)
    assert n >= 5
    text = pdf_text(out)
    page_texts = text.split("\f")
    for i in range(1, n + 1):
        assert f"Trang {i}/{n}" in page_texts[i - 1]
    with_procs = [p for p in page_texts if "(1.0000" in p]
    assert len(with_procs) >= 2
    assert all("Tiếp nhận" in p and "Đã giải quyết" in p for p in with_procs)  # header repeated
    for i in range(1, 61):
        assert f"1.00{i:04d}" in " ".join(text.split())
    assert "NGƯỜI LẬP BIỂU" in page_texts[n - 1] and "GIÁM ĐỐC" in page_texts[n - 1]


def test_every_font_is_embedded_and_the_text_is_nfc(tmp_path: Path) -> None:
    out = write_report_pdf(report_json(sample_report()), tmp_path / "r.pdf")
    fonts = subprocess.run(["pdffonts", str(out)], check=True, capture_output=True, text=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows and all(" yes " in r for r in rows), fonts.stdout
    import unicodedata

    text = pdf_text(out)
    assert unicodedata.normalize("NFC", text) == text


def test_an_empty_month_prints_zeros_not_errors(tmp_path: Path) -> None:
    empty = MonthlyReport(
        "Trung tâm",
        Period.month(2026, 2),
        datetime(2026, 3, 1, tzinfo=UTC),
        "local",
        Counts(),
        (),
        (),
        tuple(TrendPoint(f"2025-{m:02d}", 0, 0, 0, 0, 0, 0) for m in range(3, 13)),
    )
    text = pdf_text(write_report_pdf(report_json(empty), tmp_path / "e.pdf"))
    assert "0,00 %" in text and "Tháng 02/2026" in text


def test_a_path_that_cannot_be_written_is_a_printing_error(tmp_path: Path) -> None:
    from counter_app.printing.errors import PrintingError

    with pytest.raises(PrintingError):
        write_report_pdf(report_json(sample_report()), tmp_path / "missing" / "r.pdf")
