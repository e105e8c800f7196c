"""Báo cáo (F8): the month computed from a year of imported history, its charts, the tables, the
live list opening a dossier, and the PDF and Excel written off the GUI thread."""

from __future__ import annotations

import csv
import random
import subprocess
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from openpyxl import load_workbook
from sqlalchemy import select

from counter_app.models import Procedure
from counter_app.printing.forms.report_charts import num, pct
from counter_app.services.reports.history_import import import_history
from counter_app.services.reports.model import Period, report_json
from counter_app.services.reports.monthly import monthly_report
from counter_app.ui.pages.reports import ReportsPage
from counter_app.ui.qt import QImage, Qt

VN = ZoneInfo("Asia/Ho_Chi_Minh")
AT = datetime(2026, 11, 24, 9, 0, tzinfo=VN)  # a Tuesday; the report of November 2026


def write_history(db, path: Path, at: datetime = AT, seed: int = 9) -> Path:
    """Write a year of made-up history (received Dec 2025 – Nov 2026) as the import's CSV."""
    with db.read() as s:
        procedures = list(s.scalars(select(Procedure.code).order_by(Procedure.code)))[:12]
    rnd = random.Random(seed)
    rows = []
    for back in range(12):
        first = (at.replace(day=1) - timedelta(days=31 * back)).replace(day=1, hour=8)
        for i in range(rnd.randint(35, 60)):
            received = first + timedelta(days=rnd.randint(0, 27), hours=rnd.randint(0, 8))
            if received >= at:
                continue
            due = received + timedelta(days=rnd.randint(3, 12))
            channel = rnd.choices(("direct", "online", "postal"), (6, 3, 1))[0]
            row = {
                "code": f"000.00.06.H56-{received:%y%m%d}-{i:04d}",
                "procedure_code": rnd.choice(procedures),
                "channel": channel,
                "received_at": f"{received:%Y-%m-%dT%H:%M}",
                "due_at": f"{due:%Y-%m-%dT%H:%M}",
            }
            fate = rnd.random()
            if back == 0 and fate < 0.35:  # still being settled, some already late
                row["status"] = "4"
            elif fate < 0.04:
                row |= {
                    "status": "3",
                    "finished_at": f"{received + timedelta(hours=1):%Y-%m-%dT%H:%M}",
                }
            elif fate < 0.07:
                row |= {
                    "status": "7",
                    "finished_at": f"{received + timedelta(days=1):%Y-%m-%dT%H:%M}",
                }
            else:
                done = received + (due - received) * rnd.uniform(0.3, 1.25)
                if done >= at:
                    row["status"] = "4"
                else:
                    back_at = min(done + timedelta(days=1), at - timedelta(minutes=5))
                    row |= {
                        "status": "10",
                        "finished_at": f"{done:%Y-%m-%dT%H:%M}",
                        "returned_at": f"{back_at:%Y-%m-%dT%H:%M}",
                        "returned_via_post": "1" if channel == "postal" else "0",
                    }
                    level = rnd.choices(
                        ("", "very_satisfied", "satisfied", "unsatisfied"), (4, 8, 3, 1)
                    )[0]
                    if level:
                        row["rating"] = level
                        row["rating_reason"] = "Chờ lâu" if level == "unsatisfied" else ""
            rows.append(row)
    columns = (
        "code", "procedure_code", "channel", "received_at", "due_at", "finished_at",
        "returned_at", "returned_via_post", "status", "rating", "rating_reason",
    )  # fmt: skip
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.DictWriter(f, columns)
        out.writeheader()
        out.writerows(rows)
    return path


def _page(signed_in, tmp_path: Path) -> ReportsPage:
    window = signed_in("lanhdao", clock=lambda: AT)
    ctx = window.shell.ctx
    import_history(ctx.db, write_history(ctx.db, tmp_path / "history.csv"), ctx.actor())
    page = window.shell.show_page("reports")
    assert isinstance(page, ReportsPage)
    page.refresh()
    return page


def test_the_page_shows_the_month_as_the_computation_gives_it(signed_in, tmp_path) -> None:
    page = _page(signed_in, tmp_path)
    data = report_json(monthly_report(page.ctx.db, Period.month(2026, 11), now=AT))
    assert page.data == data and data["received"]["total"] > 20
    assert page.picker.period() == Period.month(2026, 11)
    assert page.cards.received.value.text() == num(data["received"]["total"])
    assert page.cards.settled.value.text() == num(data["settled"]["total"])
    assert pct(data["settled"]["share"]["late"]) in page.cards.settled.note.text()
    lines = {page.summary.index(r, 0).data().strip(): r for r in range(page.summary.rowCount())}
    row = lines["Trực tuyến"]
    assert page.summary.index(row, 1).data() == num(data["received"]["online"])
    assert page.summary.index(row, 2).data() == pct(data["received"]["share"]["online"])
    assert page.channel.items[0][1:] == (
        data["received"]["direct"],
        data["received"]["share"]["direct"],
    )
    assert [m for m in page.trend.months] == [t["month"] for t in data["trend"]]
    assert page.trend.months[-1] == "2026-11" and sum(page.trend.series[0][1]) > 300
    assert page.departments.rowCount() == len(data["by_department"]) >= 1
    assert page.procedures.rowCount() == len(data["by_procedure"]) >= 5
    assert "Tháng 11/2026" in page.state.text()


def test_the_charts_paint_without_warnings(signed_in, tmp_path) -> None:
    page = _page(signed_in, tmp_path)
    for chart in (page.channel, page.satisfaction, page.timeliness, page.trend):
        chart.resize(420, 230)
        image = QImage(chart.size(), QImage.Format.Format_ARGB32)
        chart.render(image)
        colours = {image.pixel(x, y) for x in range(0, 420, 7) for y in range(30, 230, 7)}
        assert len(colours) > 3, chart.title  # more than the card's ground and the text


def test_the_tables_sort_by_figure(signed_in, tmp_path) -> None:
    page = _page(signed_in, tmp_path)
    view = page.procedure_view
    view.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # received, total
    totals = [
        page.procedures.rows[i]["received"]["total"] for i in range(page.procedures.rowCount())
    ]
    assert totals == sorted(totals, reverse=True)


def test_a_range_of_days_is_a_report_of_its_own(signed_in, tmp_path) -> None:
    page = _page(signed_in, tmp_path)
    month_total = page.data["received"]["total"]
    start, end = AT.date().replace(day=1), AT.date().replace(day=15)
    page.picker.set_range(start, end)
    assert page.report is not None and page.report.period == Period(start, end)
    assert 0 < page.data["received"]["total"] < month_total
    assert page.cards.received.value.text() == num(page.data["received"]["total"])
    assert "01/11/2026 – 15/11/2026" in page.state.text()


def test_enter_on_the_live_list_opens_the_dossier(signed_in, tmp_path, qtbot) -> None:
    page = _page(signed_in, tmp_path)
    page.days.setValue(5)
    assert page.live.rowCount() >= 1
    first = page.live.rows[0]
    assert first.holder and first.overdue_by_hours > 0  # the most overdue first
    assert page.live.index(0, 5).data().startswith("quá")
    asked = []
    page.ctx.page_requested.connect(lambda pid, code: asked.append((pid, code)))
    page.tabs.setCurrentIndex(3)
    page.live_view.setFocus()
    page.live_view.setCurrentIndex(page.live.index(0, 0))
    qtbot.keyClick(page.live_view, Qt.Key.Key_Return)
    assert asked == [("dossiers", first.code)]


def test_the_export_buttons_write_the_pdf_and_the_workbook(signed_in, tmp_path) -> None:
    page = _page(signed_in, tmp_path)
    data = page.data
    asked = []

    def answer(_parent, _title, default, _pattern):
        asked.append(Path(default).name)
        return str(tmp_path / Path(default).name)

    page.ask_path = answer
    page.pdf_button.click()
    page.ctx.worker.wait_idle()
    page.xlsx_button.click()
    page.ctx.worker.wait_idle()
    assert asked == ["bao-cao-2026-11.pdf", "bao-cao-2026-11.xlsx"]
    pdf = tmp_path / "bao-cao-2026-11.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    for share in (data["received"]["share"]["direct"], data["settled"]["share"]["on_time"]):
        assert pct(share) in text
    ws = load_workbook(tmp_path / "bao-cao-2026-11.xlsx")["Tổng hợp"]
    values = {
        str(r[0].value).strip(" –"): r[1].value for r in ws.iter_rows(min_row=6) if r[0].value
    }
    assert values["Trực tiếp"] == data["received"]["direct"]
    assert values["Số hồ sơ đã giải quyết"] == data["settled"]["total"]
    assert "bao-cao-2026-11.xlsx" in page.state.text()
    assert page.last_file == tmp_path / "bao-cao-2026-11.xlsx"
