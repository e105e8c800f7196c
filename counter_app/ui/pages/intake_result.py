"""What the officer sees once a visit is recorded: the dossier code, due time and look-up secret
(to read out to the citizen), and what became of the papers: the receipt on the thermal printer
(followed live as the print queue sends it), the PDFs written, the A4 printer jobs."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.ui.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDesktopServices,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)
from counter_app.ui.widgets import Badge, centered

if TYPE_CHECKING:
    from counter_app.services.intake_documents import ProducedDocuments
    from counter_app.services.print_queue import JobView

FORM_TITLES = {
    "receipt": QT_TRANSLATE_NOOP("intake", "Giấy tiếp nhận và hẹn trả (mẫu 01, 2 liên)"),
    "control": QT_TRANSLATE_NOOP("intake", "Phiếu kiểm soát quá trình (mẫu 05)"),
    "supplement": QT_TRANSLATE_NOOP("intake", "Phiếu yêu cầu bổ sung (mẫu 02)"),
    "refusal": QT_TRANSLATE_NOOP("intake", "Phiếu từ chối tiếp nhận (mẫu 03)"),
}


def vn_time(when: datetime) -> str:
    """ "10 giờ 00 phút, ngày 19/03/2025" (the way the forms write a time)."""
    return (
        QCoreApplication.translate("intake", "%1 giờ %2 phút, ngày %3")
        .replace("%1", f"{when:%H}")
        .replace("%2", f"{when:%M}")
        .replace("%3", f"{when:%d/%m/%Y}")
    )


def _label(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text, objectName=name) if name else QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ResultPanel(QWidget):
    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = ""
        self.folder: Path | None = None
        self.jobs: dict[str, str] = {}  # job id -> its line
        self._titles: dict[str, str] = {}  # line -> what it prints
        card = QFrame(objectName="card")
        card.setFixedWidth(760)
        self.title = _label("", "cardTitle")
        self.badge = Badge("", "on_time")
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        self.code_label = _label("", "bigCode")
        self.code_label.setObjectName("bigCode")
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(6)
        self.values: dict[str, QLabel] = {}
        for row, (key, title) in enumerate(
            (
                ("applicant", self.tr("Người nộp")),
                ("procedure", self.tr("Thủ tục")),
                ("due", self.tr("Hẹn trả kết quả")),
                ("secret", self.tr("Mã tra cứu")),
                ("reason", self.tr("Lý do")),
            )
        ):
            label = QLabel(title, objectName="fieldLabel")
            value = _label()
            if key in ("due", "secret"):  # read out to the citizen
                value.setStyleSheet("font-weight: 600; font-size: 12pt;")
            self.grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignVCenter)
            self.grid.addWidget(value, row, 1)
            self.values[key] = value
            self.values[key + "_title"] = label
        self.grid.setColumnStretch(1, 1)
        self.papers_title = QLabel(self.tr("Giấy tờ in"), objectName="sectionTitle")
        self.papers = _label("", "")
        self.papers.setTextFormat(Qt.TextFormat.PlainText)
        self.new_button = QPushButton(self.tr("Tiếp nhận hồ sơ mới (Ctrl+N)"), objectName="primary")
        self.new_button.clicked.connect(self.new_requested.emit)
        self.folder_button = QPushButton(self.tr("Mở thư mục phiếu"))
        self.folder_button.clicked.connect(self.open_folder)
        buttons = QHBoxLayout()
        buttons.addWidget(
            QLabel(self.tr("Quét CCCD của người kế tiếp để bắt đầu ngay."), objectName="muted"), 1
        )
        buttons.addWidget(self.folder_button)
        buttons.addWidget(self.new_button)
        lay = QVBoxLayout(card)
        lay.setContentsMargins(32, 26, 32, 26)
        lay.setSpacing(10)
        lay.addLayout(head)
        lay.addWidget(self.code_label)
        lay.addLayout(self.grid)
        lay.addSpacing(6)
        lay.addWidget(self.papers_title)
        lay.addWidget(self.papers)
        lay.addSpacing(8)
        lay.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addStretch(1)
        outer.addLayout(centered(card))
        outer.addStretch(2)
        self._lines: dict[str, str] = {}

    def show_result(
        self,
        *,
        title: str,
        kind: str,
        badge: str,
        code: str,
        applicant: str,
        procedure: str,
        due: datetime | None,
        secret: str = "",
        reason: str = "",
    ) -> None:
        self.code = code
        self.jobs.clear()
        self._titles.clear()
        self._lines = {"_": self.tr("Đang tạo phiếu…")}
        self.title.setText(title)
        self.badge.setText(badge)
        self.badge.set_kind(kind)
        self.code_label.setText(code)
        for key, value in (
            ("applicant", applicant),
            ("procedure", procedure),
            ("due", vn_time(due) if due else ""),
            ("secret", secret),
            ("reason", reason),
        ):
            self.values[key].setText(value)
            self.values[key].setVisible(bool(value))
            self.values[key + "_title"].setVisible(bool(value))
        self.folder = None
        self.folder_button.setEnabled(False)
        self._show_lines()

    def show_documents(self, produced: ProducedDocuments) -> None:
        if produced.code != self.code:
            return
        lines: dict[str, str] = {}
        if produced.receipt_job is not None:
            job = produced.receipt_job
            self.jobs[job.id] = "receipt_job"
            self._titles["receipt_job"] = self.tr("Giấy hẹn (máy in nhiệt)")
            lines["receipt_job"] = self._job_line(self._titles["receipt_job"], job)
        for name, path in produced.files.items():
            title = QCoreApplication.translate("intake", str(FORM_TITLES.get(name, name)))
            lines[f"file:{name}"] = f"{title}: {path.name}"
            self.folder = path.parent
        for name, job in produced.a4_jobs.items():
            self.jobs[job.id] = f"a4:{name}"
            title = QCoreApplication.translate("intake", str(FORM_TITLES.get(name, name)))
            self._titles[f"a4:{name}"] = self.tr("%1 (máy in A4)").replace("%1", title)
            lines[f"a4:{name}"] = self._job_line(self._titles[f"a4:{name}"], job)
        for n, problem in enumerate(produced.problems):
            lines[f"problem:{n}"] = "⚠ " + problem
        if self.folder is not None:
            lines["folder"] = self.tr("Thư mục phiếu: %1").replace("%1", str(self.folder))
        if not lines:
            lines["_"] = self.tr("Không có phiếu nào được tạo.")
        self._lines = lines
        self.folder_button.setEnabled(self.folder is not None)
        self._show_lines()

    def job_changed(self, job: JobView) -> None:
        key = self.jobs.get(job.id)
        if key is None:
            return
        self._lines[key] = self._job_line(self._titles.get(key, ""), job)
        self._show_lines()

    def _job_line(self, title: str, job: JobView) -> str:
        if job.state == "done":
            state = self.tr("đã in")
        elif job.state == "failed":
            state = self.tr("lỗi: %1").replace("%1", job.last_error)
        elif job.last_error:
            state = self.tr("chưa in được, sẽ thử lại: %1").replace("%1", job.last_error)
        else:
            state = self.tr("đang gửi tới %1").replace("%1", job.printer_uri)
        return f"{title}: {state}"

    def _show_lines(self) -> None:
        self.papers.setText("\n".join(f"• {line}" for line in self._lines.values()))

    def open_folder(self) -> None:
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
