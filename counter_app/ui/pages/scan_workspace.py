"""The scan workspace of one dossier: pages as thumbnails (reorder, turn, delete and undo, assign
to the dossier's checklist items), a large preview of the page selected, the files already
attached. Saving is the page's (`ScanPage.save`); this widget holds and shows the pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter_app.ui.pages.scan_jobs import THUMB_WIDTH, Loaded, render
from counter_app.ui.pages.scan_model import PagesModel, WorkPage, to_qimage
from counter_app.ui.pages.scan_preview import PREVIEW_WIDTH, PreviewLabel
from counter_app.ui.pages.scan_waiting import WaitingPanel
from counter_app.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPixmap,
    QPushButton,
    QSize,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from counter_app.services.dossier_records import FileView
    from counter_app.services.dossiers import DossierView
    from counter_app.ui.context import AppContext

THUMB = QSize(THUMB_WIDTH, THUMB_WIDTH * 297 // 210)


class ScanWorkspace(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dossier: DossierView | None = None
        self._preview_for = 0  # the page id whose preview is wanted: older renders are dropped

        self.title = QLabel(self.tr("Chưa mở hồ sơ"), objectName="cardTitle")
        self.title.setWordWrap(True)
        self.code = QLineEdit(objectName="scanCode")
        self.code.setPlaceholderText(self.tr("Mã hồ sơ (gõ hoặc quét)"))
        self.code.setClearButtonEnabled(True)
        self.code.setMinimumWidth(300)
        self.open_button = QPushButton(self.tr("Mở hồ sơ"))
        self.close_button = QPushButton(self.tr("Đóng hồ sơ (Ctrl+W)"))
        head = QHBoxLayout()
        head.setSpacing(8)
        head.addWidget(self.title, 1)
        head.addWidget(self.code)
        head.addWidget(self.open_button)
        head.addWidget(self.close_button)
        self.hint = QLabel(
            self.tr(
                "Quét mã vạch trên phiếu kiểm soát hoặc giấy hẹn, gõ mã hồ sơ (Ctrl+F), hoặc "
                "chọn “Số hóa” ở trang Tra cứu hồ sơ, để mở hồ sơ cần số hóa. Sau đó: nhập tệp "
                "ảnh hoặc PDF, hay lấy các tệp máy quét vừa gửi vào thư mục quét; sắp xếp, xoay, "
                "bỏ trang thừa; gán trang cho từng thành phần hồ sơ; lưu: mỗi thành phần thành "
                "một tệp PDF đính kèm hồ sơ."
            ),
            objectName="muted",
        )
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.waiting = WaitingPanel(ctx)  # what to open, while no dossier is open

        self.import_button = QPushButton(self.tr("Nhập tệp… (Ctrl+O)"))
        self.folder_button = QPushButton(self.tr("Lấy từ thư mục quét (Ctrl+T)"))
        self.save_button = QPushButton(self.tr("Lưu (Ctrl+S)"), objectName="primary")
        self.status = QLabel("", objectName="muted")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.import_button)
        top.addWidget(self.folder_button)
        top.addWidget(self.status, 1)
        top.addWidget(self.save_button)

        self.model = PagesModel(self.item_label)
        self.view = QListView(objectName="scanPages")
        self.view.setModel(self.model)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setMovement(QListView.Movement.Static)  # order is the model's, not positions
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setWrapping(True)
        self.view.setIconSize(THUMB)
        self.view.setGridSize(QSize(THUMB.width() + 26, THUMB.height() + 48))
        self.view.setUniformItemSizes(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.selectionModel().currentChanged.connect(lambda _c, _p: self.show_preview())

        self.items = QComboBox(objectName="scanItem")
        self.items.setMinimumWidth(260)
        self.assign_button = QPushButton(self.tr("Gán trang đã chọn (Ctrl+G)"))
        tools = QHBoxLayout()
        tools.setSpacing(8)
        tools.addWidget(QLabel(self.tr("Thành phần hồ sơ:")))
        tools.addWidget(self.items, 1)
        tools.addWidget(self.assign_button)
        keys = QLabel(
            self.tr(
                "Kéo thả hoặc Ctrl+←/→ để đổi thứ tự · R / Shift+R xoay · Del xóa · Ctrl+Z hoàn tác"
            ),
            objectName="muted",
        )
        keys.setWordWrap(True)

        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.setSpacing(6)
        left_lay.addLayout(tools)
        left_lay.addWidget(self.view, 1)
        left_lay.addWidget(keys)

        self.preview = PreviewLabel(self.tr("Chọn một trang để xem lớn"))
        self.preview.setMinimumSize(280, 300)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.files = QListWidget(objectName="scanFiles")
        self.files.setMaximumHeight(130)
        self.files.setWordWrap(True)
        self.files.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view_pdf_button = QPushButton(self.tr("Xem PDF (Ctrl+P)"))
        files_head = QHBoxLayout()
        files_head.addWidget(QLabel(self.tr("Tệp đã đính kèm"), objectName="sectionTitle"), 1)
        files_head.addWidget(self.view_pdf_button)
        right = QWidget()
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.setSpacing(6)
        right_lay.addWidget(self.preview, 1)
        right_lay.addLayout(files_head)
        right_lay.addWidget(self.files)

        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(left)
        self.split.addWidget(right)
        self.split.setChildrenCollapsible(False)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)

        self.body = QWidget()
        body_lay = QVBoxLayout(self.body)
        body_lay.setContentsMargins(0, 0, 0, 0)
        body_lay.setSpacing(8)
        body_lay.addLayout(top)
        body_lay.addWidget(self.split, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 10, 12, 10)
        lay.setSpacing(8)
        lay.addLayout(head)
        lay.addWidget(self.hint)
        lay.addWidget(self.waiting, 1)
        lay.addWidget(self.body, 1)
        self.show_dossier(None)

    # --- the dossier -----------------------------------------------------------------------

    def show_dossier(self, d: DossierView | None) -> None:
        """Work on dossier `d` (None: none open); its pages list starts empty."""
        self.dossier = d
        self.model.clear()
        self.items.clear()
        self.files.clear()
        self.preview.page = QPixmap()
        self.preview.setPixmap(QPixmap())
        self.preview.setText(self.tr("Chọn một trang để xem lớn"))
        self.status.setText("")
        if d is None:
            self.title.setText(self.tr("Chưa mở hồ sơ"))
        else:
            self.title.setText(f"{d.code} · {d.applicant_name} · {d.procedure_name}")
            self.items.addItem(self.tr("Hồ sơ chung (không thuộc thành phần nào)"), None)
            for n, item in enumerate(d.items, start=1):
                self.items.addItem(f"{n}. {item.name}", n)
        for w in (self.import_button, self.folder_button, self.view, self.items):
            w.setEnabled(d is not None)
        self.hint.setVisible(d is None)
        self.waiting.setVisible(d is None)
        self.close_button.setVisible(d is not None)
        self.body.setVisible(d is not None)
        self.update_buttons()

    def show_files(self, files: list[FileView]) -> None:
        self.files.clear()
        for f in files:
            pages = self.tr("%n trang", "", f.page_count or 0)
            entry = QListWidgetItem(f"{f.title} · {pages} · {f.added_at:%H:%M %d/%m/%Y}")
            entry.setData(Qt.ItemDataRole.UserRole, f.sha256)
            entry.setToolTip(f.sha256)
            self.files.addItem(entry)
        if self.files.count():
            self.files.setCurrentRow(self.files.count() - 1)
        self.update_buttons()

    def item_label(self, item: int | None) -> str:
        """Return the name of checklist item `item` with its number ("" for none)."""
        if item is None or self.dossier is None or not 1 <= item <= len(self.dossier.items):
            return ""
        return f"{item}. {self.dossier.items[item - 1].name}"

    def update_buttons(self) -> None:
        has_pages = self.model.rowCount() > 0
        self.save_button.setEnabled(self.dossier is not None and has_pages)
        self.assign_button.setEnabled(has_pages)
        self.view_pdf_button.setEnabled(self.files.count() > 0)

    # --- pages -----------------------------------------------------------------------------

    def add_loaded(self, loaded: Loaded) -> None:
        """Add pages read off the GUI thread, assigned to the item chosen in the combo."""
        item = self.items.currentData()
        pages = [WorkPage(p.page, p.source, to_qimage(p.thumb), item) for p in loaded.pages]
        if pages:
            first = self.model.rowCount()
            self.model.add(pages)
            self.select([first])
        parts = [self.tr("Đã thêm %n trang", "", len(pages))]
        if loaded.blank:
            parts.append(self.tr("bỏ %n trang trắng", "", loaded.blank))
        if loaded.problems:
            parts.append(self.tr("%n trang/tệp không đọc được", "", len(loaded.problems)))
        self.status.setText(", ".join(parts) + ".")
        self.status.setToolTip("\n".join(loaded.problems))
        self.update_buttons()

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.view.selectionModel().selectedIndexes()})

    def select(self, rows: list[int]) -> None:
        sel = self.view.selectionModel()
        sel.clearSelection()
        for r in rows:
            sel.select(self.model.index(r), sel.SelectionFlag.Select)
        if rows:
            sel.setCurrentIndex(self.model.index(rows[0]), sel.SelectionFlag.NoUpdate)
            self.view.scrollTo(self.model.index(rows[0]))
        self.show_preview()

    def shift(self, step: int) -> None:
        self.select(self.model.shift(self.selected_rows(), step))

    def rotate(self, degrees: int) -> None:
        rows = self.selected_rows()
        self.model.rotate(rows, degrees)
        self.show_preview()

    def delete(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        self.model.delete(rows)
        after = min(rows[0], self.model.rowCount() - 1)
        self.select([after] if after >= 0 else [])
        self.status.setText(self.tr("Đã xóa %n trang (Ctrl+Z để hoàn tác).", "", len(rows)))
        self.update_buttons()

    def undo(self) -> None:
        rows = self.model.undo_delete()
        if rows:
            self.select(rows)
            self.status.setText(self.tr("Đã khôi phục %n trang.", "", len(rows)))
        self.update_buttons()

    def assign(self) -> None:
        rows = self.selected_rows()
        self.model.assign(rows, self.items.currentData())
        self.status.setText(
            self.tr("Đã gán %n trang cho “%1”.", "", len(rows)).replace(
                "%1", self.items.currentText()
            )
        )

    def show_preview(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            self.preview.page = QPixmap()
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("Chọn một trang để xem lớn"))
            return
        p = self.model.pages[index.row()]
        self._preview_for = p.id
        width = PREVIEW_WIDTH
        self.ctx.background(
            render,
            p.page,
            width,
            on_success=lambda image, pid=p.id: self._preview_ready(pid, image),
            owner=self,
        )

    def _preview_ready(self, page_id: int, image: object) -> None:
        if page_id != self._preview_for:
            return
        self.preview.show_page(QPixmap.fromImage(to_qimage(image)))  # type: ignore[arg-type]
