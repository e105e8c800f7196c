"""Splitting a scanned stack of many dossiers by their control sheets: choose the files or
folder, split it (`services.scans.split_stack`, off the database lane) with a progress bar and
a Cancel that stops it between pages (nothing is attached then), attach each dossier's pages
(`attach_stack`, on the database lane), then the summary (dossier → pages) and the review
tray."""

from __future__ import annotations

import threading
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.scanning.errors import ScanCancelled
from counter_app.scanning.settings import page_settings
from counter_app.services.scans import SplitStack, attach_stack, split_stack
from counter_app.ui.context import Changes
from counter_app.ui.pages.scan_review import ReviewTray
from counter_app.ui.qt import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QObject,
    QProgressBar,
    QPushButton,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from counter_app.scanning.split import SplitProgress
    from counter_app.services.scans import BatchResult
    from counter_app.ui.context import AppContext

SCAN_FILTER = "*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp"


class _Relay(QObject):
    """Progress from the database thread, delivered on the GUI thread (queued)."""

    step = Signal(int, int)


class BatchPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.inputs: list[str] = []
        self.workers: int | None = None  # worker processes (None: one per core); tests: 0
        self.running = False
        self._cancel = threading.Event()
        self._relay = _Relay(self)
        self._relay.step.connect(self._progress)

        self.files_button = QPushButton(self.tr("Chọn tệp…"))
        self.files_button.clicked.connect(lambda: self.choose(folder=False))
        self.folder_button = QPushButton(self.tr("Chọn thư mục…"))
        self.folder_button.clicked.connect(lambda: self.choose(folder=True))
        self.chosen = QLabel(self.tr("Chưa chọn tệp nào"), objectName="muted")
        self.chosen.setWordWrap(True)
        self.start_button = QPushButton(
            self.tr("Tách và đính kèm (Ctrl+Enter)"), objectName="primary"
        )
        self.start_button.clicked.connect(self.start)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.files_button)
        top.addWidget(self.folder_button)
        top.addWidget(self.chosen, 1)
        top.addWidget(self.start_button)

        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("%v/%m trang"))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.cancel_button = QPushButton(self.tr("Hủy (Esc)"))
        self.cancel_button.clicked.connect(self.cancel)
        self.state = QLabel("", objectName="muted")
        self.state.setWordWrap(True)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.cancel_button)

        self.summary_title = QLabel(self.tr("Kết quả tách lô"), objectName="sectionTitle")
        self.summary = QListWidget(objectName="batchSummary")
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self.summary_title)
        left_lay.addWidget(self.summary, 1)
        self.review = ReviewTray(ctx)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.review)
        split.setChildrenCollapsible(False)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 10, 12, 10)
        lay.setSpacing(8)
        help_text = QLabel(
            self.tr(
                "Quét cả chồng hồ sơ một lượt, mỗi hồ sơ có phiếu kiểm soát (mẫu 05) ở đầu: các "
                "trang được tách theo mã vạch trên phiếu và đính kèm vào đúng hồ sơ. Trang không "
                "xếp được vào hồ sơ nào nằm ở khay chờ xem xét."
            ),
            objectName="muted",
        )
        help_text.setWordWrap(True)
        lay.addWidget(help_text)
        lay.addLayout(top)
        lay.addLayout(bar)
        lay.addWidget(self.state)
        lay.addWidget(split, 1)
        self._set_running(False)

    def choose(self, folder: bool) -> None:
        if folder:
            path = QFileDialog.getExistingDirectory(self, self.tr("Thư mục chứa các trang quét"))
            self.set_inputs([path] if path else [])
        else:
            files, _ = QFileDialog.getOpenFileNames(
                self, self.tr("Các tệp quét"), "", self.tr("Ảnh quét và PDF") + f" ({SCAN_FILTER})"
            )
            self.set_inputs(files)

    def set_inputs(self, paths: list[str]) -> None:
        if not paths:
            return
        self.inputs = paths
        names = ", ".join(Path(p).name for p in paths[:3]) + ("…" if len(paths) > 3 else "")
        self.chosen.setText(self.tr("%n mục: ", "", len(paths)) + names)
        self._set_running(False)

    def start(self) -> None:
        """Split the chosen stack off the GUI thread and attach every dossier's pages."""
        if self.running or not self.inputs:
            return
        try:
            settings = page_settings(self.ctx.settings)
        except Exception as exc:  # a setting out of range: say which
            self.ctx.show_error(exc)
            return
        self._cancel.clear()
        self._set_running(True)
        self.progress.setRange(0, 0)  # counting pages
        self.state.setText(self.tr("Đang đọc các trang…"))
        # The long part (reading and cleaning every page) runs on the general pool, so the
        # window's database lane stays free for the officer's other pages; the attach after it
        # is a few short writes on that lane.
        self.ctx.background(
            partial(
                split_stack,
                self.ctx.db,
                list(self.inputs),
                settings=settings,
                workers=self.workers,
                progress=self._report,
                cancel=self._cancel.is_set,
            ),
            on_success=self._split,
            on_error=self._failed,
            owner=self,
        )

    def _split(self, stack: SplitStack) -> None:
        self.state.setText(self.tr("Đang đính kèm vào hồ sơ…"))
        self.ctx.write(
            partial(attach_stack, stack=stack, actor=self.ctx.actor(), now=self.ctx.now()),
            changes=lambda r: Changes(
                dossiers=frozenset(d.dossier_code for d in r.documents), source=self
            ),
            on_success=self._done,
            on_error=self._failed,
            owner=self,
        )

    def cancel(self) -> None:
        if self.running:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.state.setText(self.tr("Đang dừng sau trang hiện tại…"))

    def _report(self, p: SplitProgress) -> None:  # on a pool thread
        self._relay.step.emit(p.done, p.total)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.cancel_button.setEnabled(running)
        for w in (self.files_button, self.folder_button):
            w.setEnabled(not running)
        self.start_button.setEnabled(not running and bool(self.inputs))

    def _failed(self, exc: BaseException) -> None:
        self._set_running(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(exc, ScanCancelled):
            self.state.setText(self.tr("Đã hủy: không hồ sơ nào được thay đổi."))
            self.ctx.show_message(self.state.text(), "warning")
            return
        self.state.setText("")
        self.ctx.show_error(exc)

    def _done(self, result: BatchResult) -> None:
        self._set_running(False)
        self.progress.setRange(0, max(result.total_pages, 1))
        self.progress.setValue(result.total_pages)
        self.summary.clear()
        pages: dict[str, int] = {}
        for d in result.documents:
            pages[d.dossier_code] = pages.get(d.dossier_code, 0) + d.pages
        for code, count in pages.items():
            self.summary.addItem(f"{code} → " + self.tr("%n trang", "", count))
        for warning in result.warnings:
            self.summary.addItem(warning)
        self.review.add_pages(result.review)
        text = self.tr("Xong: %n trang", "", result.total_pages)
        text += ", " + self.tr("%n hồ sơ", "", len(pages))
        text += ", " + self.tr("%n trang trắng đã bỏ", "", len(result.blank))
        text += ", " + self.tr("%n trang chờ xem xét", "", len(result.review)) + "."
        self.state.setText(text)
        self.ctx.show_message(text, "warning" if result.review else "success")
