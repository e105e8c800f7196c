"""Báo cáo (F8): the supervisors' report of a month or any period (issue 9): cards, summary,
charts, the tables by department and by procedure, the live overdue / near-due list, and the
report as PDF and Excel. Reads run on the database thread, files are written on the pool."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from counter_app.printing.forms.monthly_report import write_report_pdf
from counter_app.printing.forms.report_charts import (
    CHANNELS,
    PROGRESS,
    SATISFACTION,
    TIMELINESS,
    summary_rows,
)
from counter_app.services.reports.model import LiveRow, MonthlyReport, Period, report_json
from counter_app.services.reports.xlsx import write_report_xlsx
from counter_app.ui.context import AppContext, Changes
from counter_app.ui.pages.base import Page
from counter_app.ui.pages.reports_charts import (
    AMBER,
    BLUE,
    GREEN,
    LIGHT,
    RED,
    TEAL,
    BarsChart,
    PieChart,
    StackedChart,
    TrendChart,
)
from counter_app.ui.pages.reports_period import Cards, PeriodPicker, file_stem
from counter_app.ui.pages.reports_tables import (
    BreakdownModel,
    LiveModel,
    SummaryModel,
    label,
    on_activate,
    table_view,
)
from counter_app.ui.qt import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)


def compute(db: Any, period: Period, now: Any, source: str, central_url: str) -> MonthlyReport:
    """Return the report of `period` from this desk's database, or from the center's (on the
    database thread; the center's connection is opened for this report and closed)."""
    from counter_app.services.reports.monthly import monthly_report

    if source != "central":
        return monthly_report(db, period, now=now)
    from counter_app.services.reports.readers import report_from_center

    return report_from_center(central_url, period, now=now)


def read_live(db: Any, days: int, department: str | None, now: Any) -> list[LiveRow]:
    from counter_app.services.reports.live import live_list

    return live_list(db, within_days=days, department=department, now=now)


def save_dialog(parent: QWidget, title: str, default: str, pattern: str) -> str:
    """Ask where to save; return the path, or "" when the officer cancels."""
    path, _ = QFileDialog.getSaveFileName(parent, title, default, pattern)
    return path


class ReportsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.report: MonthlyReport | None = None
        self.data: dict[str, Any] | None = None
        self.stale = True
        self.ask_path: Callable[[QWidget, str, str, str], str] = save_dialog  # a test answers
        self.last_file: Path | None = None

        central = bool(getattr(ctx.settings, "central_url", ""))
        self.picker = PeriodPicker(ctx.now_local().date(), central)
        self.picker.changed.connect(self.refresh)
        self.pdf_button = QPushButton(self.tr("Xuất PDF"), objectName="reportPdf")
        self.xlsx_button = QPushButton(self.tr("Xuất Excel"), objectName="reportXlsx")
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.state = QLabel("", objectName="muted")
        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addStretch(1)
        top.addWidget(self.state)
        top.addWidget(self.pdf_button)
        top.addWidget(self.xlsx_button)

        self.cards = Cards()
        self.summary = SummaryModel(self)
        summary_view = table_view(self.summary, "reportSummary", sortable=False, stretch=0)
        summary_view.setMinimumWidth(440)
        self.channel = PieChart(self.tr("Tiếp nhận theo hình thức"), [BLUE, TEAL, AMBER])
        self.satisfaction = BarsChart(self.tr("Mức độ hài lòng"), [GREEN, BLUE, RED])
        self.timeliness = StackedChart(self.tr("Kết quả giải quyết"))
        self.trend = TrendChart(self.tr("Xu hướng 12 tháng"))
        charts = QGridLayout()
        charts.setSpacing(8)
        charts.addWidget(self.channel, 0, 0)
        charts.addWidget(self.satisfaction, 0, 1)
        charts.addWidget(self.timeliness, 1, 0)
        charts.addWidget(self.trend, 1, 1)
        overview = QWidget()
        over = QHBoxLayout(overview)
        over.setContentsMargins(0, 6, 0, 0)
        over.addWidget(summary_view, 5)
        over.addLayout(charts, 9)

        self.departments = BreakdownModel(self)
        self.procedures = BreakdownModel(self)
        self.department_view = self._breakdown_view(self.departments, "reportDepartments")
        self.procedure_view = self._breakdown_view(self.procedures, "reportProcedures")

        self.tabs = QTabWidget(objectName="reportTabs")
        self.tabs.addTab(overview, self.tr("Tổng hợp"))
        self.tabs.addTab(self.department_view, self.tr("Theo đơn vị"))
        self.tabs.addTab(self.procedure_view, self.tr("Theo thủ tục"))
        self.tabs.addTab(self._live_tab(), self.tr("Danh sách quá hạn / sắp đến hạn"))

        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.setSpacing(10)
        lay.addLayout(top)
        lay.addWidget(self.cards)
        lay.addWidget(self.tabs, 1)
        self.add_page_action(self.tr("Làm mới báo cáo"), "F5", self.refresh)
        self.add_page_action(self.tr("Xuất PDF"), "Ctrl+P", lambda: self.export("pdf"))
        self.add_page_action(self.tr("Xuất Excel"), "Ctrl+E", lambda: self.export("xlsx"))
        self._set_exportable(False)

    def _breakdown_view(self, model: BreakdownModel, name: str) -> Any:
        view = table_view(model, name, stretch=-1)
        view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setMinimumSectionSize(48)
        view.setColumnWidth(1, 320)
        return view

    def _live_tab(self) -> QWidget:
        self.live = LiveModel(self)
        self.live_view = table_view(self.live, "reportLive", stretch=1)
        on_activate(self.live_view, self.live, lambda row: self.ctx.open_dossier(row.code))
        self.days = QSpinBox(objectName="reportDays")
        self.days.setRange(0, 30)
        self.days.setValue(2)
        self.days.setSuffix(self.tr(" ngày làm việc"))
        self.department = QComboBox(objectName="reportDepartment")
        self.department.addItem(self.tr("Tất cả đơn vị"), "")
        self.live_count = QLabel("", objectName="muted")
        self.days.valueChanged.connect(self.refresh_live)
        self.department.currentIndexChanged.connect(self.refresh_live)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Quá hạn hoặc đến hạn trong vòng")))
        bar.addWidget(self.days)
        bar.addWidget(self.department)
        bar.addStretch(1)
        bar.addWidget(self.live_count)
        tab = QWidget()
        lay = QVBoxLayout(tab)
        lay.setContentsMargins(0, 6, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(self.live_view, 1)
        lay.addWidget(QLabel(self.tr("Enter hoặc nhấp đúp: mở hồ sơ"), objectName="muted"))
        return tab

    # --- hooks -----------------------------------------------------------------------------

    def on_shown(self) -> None:
        if self.stale:
            self.refresh()

    def on_changes(self, changes: Changes) -> None:
        if changes.dossiers or changes.everything or changes.catalog:
            self.stale = True
            if self.isVisible():
                self.refresh()

    # --- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Compute the chosen period's report (and the live list) on the database thread."""
        self.stale = False
        period, source = self.picker.period(), self.picker.source()
        self.state.setText(self.tr("Đang tính…"))
        self._set_exportable(False)
        self.ctx.read(
            compute,
            period,
            self.ctx.now(),
            source,
            str(getattr(self.ctx.settings, "central_url", "")),
            on_success=self._loaded,
            on_error=self._failed,
            owner=self,
        )
        self.refresh_live()

    def refresh_live(self, *_: Any) -> None:
        department = str(self.department.currentData() or "") or None
        self.ctx.read(
            read_live,
            self.days.value(),
            department,
            self.ctx.now(),
            on_success=self._live_loaded,
            owner=self,
        )

    def _failed(self, exc: BaseException) -> None:
        self.state.setText(self.tr("Không tính được báo cáo"))
        self.ctx.show_error(exc)

    def _loaded(self, report: MonthlyReport) -> None:
        self.report = report
        data = self.data = report_json(report)
        when = report.generated_at.astimezone(self.ctx.now_local().tzinfo)
        self.state.setText(
            self.tr("%1 · lập lúc %2")
            .replace("%1", report.period.label)
            .replace("%2", f"{when:%H:%M}")
        )
        self.cards.show_data(data)
        self.summary.set_rows(summary_rows(data))
        r, s, p, sat = data["received"], data["settled"], data["in_progress"], data["satisfaction"]
        self.channel.set_items([(label(n), r[k], r["share"][k]) for k, n in CHANNELS])
        self.satisfaction.set_items([(label(n), sat[k], sat["share"][k]) for k, n in SATISFACTION])
        self.timeliness.set_rows(
            [
                (
                    self.tr("Đã giải quyết"),
                    [(label(n), s[k], s["share"][k]) for k, n in TIMELINESS],
                    [GREEN, BLUE, RED],
                ),
                (
                    self.tr("Đang giải quyết"),
                    [(label(n), p[k], None) for k, n in PROGRESS],
                    [BLUE, RED],
                ),
            ]
        )
        trend = data["trend"]
        self.trend.set_trend(
            [t["month"] for t in trend],
            [
                (self.tr("Tiếp nhận"), [t["received"] for t in trend], LIGHT),
                (self.tr("Đã giải quyết"), [t["settled"] for t in trend], BLUE),
            ],
            (self.tr("Quá hạn"), [t["settled_late"] for t in trend], RED),
        )
        self.departments.set_rows(data["by_department"])
        self.procedures.set_rows(data["by_procedure"])
        self._fill_departments(data["by_department"])
        self._set_exportable(True)

    def _fill_departments(self, items: list[dict[str, Any]]) -> None:
        chosen = self.department.currentData()
        known = {self.department.itemData(i) for i in range(self.department.count())}
        self.department.blockSignals(True)
        for item in items:
            if item["code"] and item["code"] not in known:
                self.department.addItem(item["name"], item["code"])
        self.department.setCurrentIndex(max(0, self.department.findData(chosen)))
        self.department.blockSignals(False)

    def _live_loaded(self, rows: list[LiveRow]) -> None:
        self.live.set_rows(rows)
        overdue = sum(1 for r in rows if r.overdue_by_hours > 0)
        self.live_count.setText(
            self.tr("%1 hồ sơ quá hạn, %2 sắp đến hạn")
            .replace("%1", str(overdue))
            .replace("%2", str(len(rows) - overdue))
        )

    # --- files -----------------------------------------------------------------------------

    def _set_exportable(self, ok: bool) -> None:
        self.pdf_button.setEnabled(ok)
        self.xlsx_button.setEnabled(ok)

    def export(self, kind: str) -> None:
        """Ask where, then write the report as PDF or Excel off the GUI thread."""
        report = self.report
        if report is None or not self.pdf_button.isEnabled():
            return
        pattern = self.tr("Tệp PDF (*.pdf)") if kind == "pdf" else self.tr("Tệp Excel (*.xlsx)")
        default = str(Path.home() / f"{file_stem(report.period)}.{kind}")
        path = self.ask_path(self, self.tr("Lưu báo cáo"), default, pattern)
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != f".{kind}":
            target = target.with_name(target.name + f".{kind}")
        self._set_exportable(False)
        self.state.setText(self.tr("Đang ghi %1…").replace("%1", target.name))
        job = (
            partial(write_report_pdf, report_json(report), target)
            if kind == "pdf"
            else partial(write_report_xlsx, report, target)
        )
        self.ctx.background(job, on_success=self._written, on_error=self._not_written, owner=self)

    def _written(self, path: Path) -> None:
        self.last_file = Path(path)
        self._set_exportable(True)
        text = self.tr("Đã lưu báo cáo vào %1").replace("%1", str(path))
        self.state.setText(self.tr("Đã lưu %1").replace("%1", Path(path).name))
        self.ctx.show_message(text, "success")

    def _not_written(self, exc: BaseException) -> None:
        self._set_exportable(self.report is not None)
        self.state.setText(self.tr("Chưa lưu được báo cáo"))
        self.ctx.show_error(exc)
