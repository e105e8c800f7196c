"""The "Số hóa" page: the open dossier's scan workspace (import or take from the watched folder,
arrange, assign to checklist items, save one PDF per item, view attached PDFs), and the batch
split of a whole stack with its review tray."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from counter_app.domain.text import nfc
from counter_app.scanning.settings import page_settings
from counter_app.services.dossier_records import list_dossier_files
from counter_app.services.dossiers import get_dossier
from counter_app.services.scans import attach_documents
from counter_app.ui.context import Changes
from counter_app.ui.pages.base import Page
from counter_app.ui.pages.scan_batch import BatchPanel
from counter_app.ui.pages.scan_jobs import load_pages, stored_pdf_pages, take_from_folder
from counter_app.ui.pages.scan_preview import PAGE_WIDTH, SHOWN_PAGES, PdfPreviewDialog
from counter_app.ui.pages.scan_workspace import ScanWorkspace
from counter_app.ui.qt import QFileDialog, QTabWidget, QVBoxLayout, QWidget
from counter_app.ui.scans import ScanKind, classify_scan

if TYPE_CHECKING:
    from counter_app.services.dossier_records import FileView
    from counter_app.services.dossiers import DossierView
    from counter_app.services.scans import AttachedDocument
    from counter_app.ui.context import AppContext

SCAN_FILTER = "*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp"


class ScanPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.settle_s = 1.0  # how long a watched-folder file must stay unchanged
        self.workers: int | None = None  # image worker processes (None: per core); tests 0
        self.busy = False  # a save is on its way
        self.dialog: PdfPreviewDialog | None = None
        self.files: list[FileView] = []

        self.workspace = ScanWorkspace(ctx)
        self.batch = BatchPanel(ctx)
        self.tabs = QTabWidget(objectName="scanTabs")
        self.tabs.addTab(self.workspace, self.tr("Hồ sơ đang số hóa"))
        self.tabs.addTab(self.batch, self.tr("Tách lô nhiều hồ sơ"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tabs)

        w = self.workspace
        w.code.returnPressed.connect(lambda: self.open_code(w.code.text()))
        w.open_button.clicked.connect(lambda: self.open_code(w.code.text()))
        w.close_button.clicked.connect(self.close_dossier)
        w.waiting.chosen.connect(self.open_code)
        self._waiting_stale = True
        w.import_button.clicked.connect(lambda: self.import_files())
        w.folder_button.clicked.connect(self.take_folder)
        w.save_button.clicked.connect(self.save)
        w.assign_button.clicked.connect(w.assign)
        w.view_pdf_button.clicked.connect(self.view_pdf)
        w.files.itemActivated.connect(lambda _i: self.view_pdf())
        on_ws = self._on_workspace
        for text, key, slot in (
            (self.tr("Nhập tệp ảnh hoặc PDF"), "Ctrl+O", lambda: self.import_files()),
            (self.tr("Lấy các tệp trong thư mục quét"), "Ctrl+T", self.take_folder),
            (self.tr("Đóng hồ sơ, về danh sách chờ số hóa"), "Ctrl+W", self.close_dossier),
            (self.tr("Làm mới danh sách chờ số hóa"), "F5", self.refresh_waiting),
            (self.tr("Lưu: đính kèm mỗi thành phần một PDF"), "Ctrl+S", self.save),
            (self.tr("Xoay phải 90°"), "R", on_ws(lambda: w.rotate(90))),
            (self.tr("Xoay trái 90°"), "Shift+R", on_ws(lambda: w.rotate(270))),
            (self.tr("Xóa trang đã chọn"), "Del", on_ws(w.delete)),
            (self.tr("Hoàn tác lần xóa trước"), "Ctrl+Z", on_ws(w.undo)),
            (self.tr("Chuyển trang sang trái"), "Ctrl+Left", on_ws(lambda: w.shift(-1))),
            (self.tr("Chuyển trang sang phải"), "Ctrl+Right", on_ws(lambda: w.shift(1))),
            (self.tr("Gán trang cho thành phần đã chọn"), "Ctrl+G", on_ws(w.assign)),
            (self.tr("Xem PDF đã đính kèm"), "Ctrl+P", self.view_pdf),
            (self.tr("Tách lô đã chọn"), "Ctrl+Return", self.batch.start),
            (self.tr("Hủy tách lô"), "Esc", self.batch.cancel),
        ):
            self.add_page_action(text, key, slot)

    def _on_workspace(self, fn: Any) -> Any:
        def run() -> None:
            if self.tabs.currentWidget() is self.workspace and self.workspace.dossier:
                fn()

        return run

    # --- hooks -----------------------------------------------------------------------------

    def handle_scan(self, text: str) -> bool:
        """A dossier code scanned: where the selected review pages go, else the dossier to
        digitize."""
        if classify_scan(text) != ScanKind.DOSSIER_CODE:
            return False
        if self.tabs.currentWidget() is self.batch and self.batch.review.take_code(text):
            return True
        self.open_code(text)
        return True

    def focus_search(self) -> bool:
        self.tabs.setCurrentWidget(self.workspace)
        self.workspace.code.setFocus()
        self.workspace.code.selectAll()
        return True

    def on_shown(self) -> None:
        if self.workspace.dossier is None:
            if self._waiting_stale:
                self.refresh_waiting()
            self.workspace.waiting.table.setFocus()

    def on_changes(self, changes: Changes) -> None:
        d = self.workspace.dossier
        if d is not None and changes.source is not self and changes.touches(d.code):
            self._load_files(d.code)
        if changes.everything or changes.dossiers:
            # A dossier received, scanned, refused... may join or leave the waiting list.
            self._waiting_stale = True
            if d is None and self.isVisible():
                self.refresh_waiting()

    def refresh_waiting(self) -> None:
        self._waiting_stale = False
        self.workspace.waiting.refresh()

    # --- the dossier -----------------------------------------------------------------------

    def open_code(self, code: str) -> None:
        """Open dossier `code` in the workspace (refused while another one's pages are not
        saved)."""
        code = nfc(code).strip().upper()
        if not code:
            return
        current = self.workspace.dossier
        self.tabs.setCurrentWidget(self.workspace)
        if current is not None and current.code == code:
            return
        if current is not None and self.workspace.model.rowCount():
            self.ctx.show_message(
                self.tr("Hồ sơ %1 còn trang chưa lưu: lưu (Ctrl+S) hoặc xóa trước.").replace(
                    "%1", current.code
                ),
                "warning",
            )
            return
        self.ctx.read(get_dossier, code, on_success=self._opened, owner=self)

    def close_dossier(self) -> None:
        """Back to the waiting list (refused while the open dossier's pages are not saved)."""
        current = self.workspace.dossier
        if current is None:
            return
        if self.workspace.model.rowCount():
            self.ctx.show_message(
                self.tr("Hồ sơ %1 còn trang chưa lưu: lưu (Ctrl+S) hoặc xóa trước.").replace(
                    "%1", current.code
                ),
                "warning",
            )
            return
        self.files = []
        self.workspace.show_dossier(None)
        self.refresh_waiting()
        self.workspace.waiting.table.setFocus()

    def _opened(self, d: DossierView) -> None:
        self.workspace.code.clear()
        self.workspace.show_dossier(d)
        self.workspace.view.setFocus()
        self._load_files(d.code)

    def _load_files(self, code: str) -> None:
        self.ctx.read(list_dossier_files, code, on_success=self._show_files, owner=self)

    def _show_files(self, files: list[FileView]) -> None:
        self.files = [f for f in files if f.media_type == "application/pdf"]
        self.workspace.show_files(self.files)

    # --- pages in ----------------------------------------------------------------------------

    def import_files(self, paths: list[str] | None = None) -> None:
        """Add the pages of `paths` (asked for when None) to the workspace, read off the GUI
        thread with the desk's scan settings."""
        if self.workspace.dossier is None:
            return
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(
                self, self.tr("Nhập tệp quét"), "", self.tr("Ảnh quét và PDF") + f" ({SCAN_FILTER})"
            )
        if not paths:
            return
        self._read(load_pages, list(paths))

    def take_folder(self) -> None:
        if self.workspace.dossier is None:
            return
        self._read(take_from_folder, self.ctx.settings.scan_folder, settle=True)

    def _read(self, fn: Any, source: Any, settle: bool = False) -> None:
        try:
            settings = page_settings(self.ctx.settings)
        except Exception as exc:  # a setting out of range: its message says which
            self.ctx.show_error(exc)
            return
        args = (source, settings, self.settle_s) if settle else (source, settings)
        self.workspace.status.setText(self.tr("Đang đọc các trang…"))
        self.ctx.background(
            fn,
            *args,
            self.workers,
            on_success=self.workspace.add_loaded,
            on_error=self._read_failed,
            owner=self,
        )

    def _read_failed(self, exc: BaseException) -> None:
        self.workspace.status.setText("")
        self.ctx.show_error(exc)

    # --- save and view -----------------------------------------------------------------------

    def save(self) -> None:
        """Attach the pages: one PDF per checklist item, in one transaction."""
        d = self.workspace.dossier
        documents = self.workspace.model.documents()
        if d is None or not documents or self.busy:
            return
        self.busy = True
        self.workspace.save_button.setEnabled(False)
        self.ctx.write(
            partial(attach_documents, code=d.code, documents=documents, actor=self.ctx.actor()),
            changes=Changes(dossiers=frozenset({d.code}), source=self),
            on_success=self._saved,
            on_error=self._save_failed,
            owner=self,
        )

    def _saved(self, docs: list[AttachedDocument]) -> None:
        self.busy = False
        d = self.workspace.dossier
        assert d is not None
        pages = sum(doc.pages for doc in docs)
        self.workspace.model.clear()
        self.workspace.show_preview()
        text = self.tr("Đã lưu %n trang vào hồ sơ %1", "", pages).replace("%1", d.code)
        text += " (" + self.tr("%n tệp PDF", "", len(docs)) + ")."
        self.workspace.status.setText(text)
        self.ctx.show_message(text, "success")
        self._load_files(d.code)

    def _save_failed(self, exc: BaseException) -> None:
        self.busy = False
        self.workspace.update_buttons()
        self.ctx.show_error(exc)

    def view_pdf(self) -> None:
        """Show the attached file chosen in the list (its first pages)."""
        row = self.workspace.files.currentRow()
        if not 0 <= row < len(self.files):
            return
        f = self.files[row]
        self.ctx.read(
            stored_pdf_pages,
            f.sha256,
            PAGE_WIDTH,
            SHOWN_PAGES,
            on_success=lambda result, f=f: self._show_pdf(f, *result),
            owner=self,
        )

    def _show_pdf(self, f: FileView, pages: list[Any], data: bytes) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = PdfPreviewDialog(f.title, pages, data, f.page_count, self)
        self.dialog.open()
