"""The review tray: pages of a batch that landed in no dossier, each with why (before the first
control sheet, unknown code, unreadable file). Pages can be put into a dossier whose code is
typed or scanned, or discarded."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.domain.text import nfc
from counter_app.services.scans import attach_review_pages, release_review_files
from counter_app.ui.context import Changes
from counter_app.ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from counter_app.scanning.split import ReviewPage
    from counter_app.services.scans import AttachedDocument
    from counter_app.ui.context import AppContext


class ReviewTray(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.heading = QLabel(self.tr("Trang chờ xem xét"), objectName="sectionTitle")
        self.list = QListWidget(objectName="reviewTray")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        self.list.itemSelectionChanged.connect(self.update_buttons)
        self.code = QLineEdit(objectName="reviewCode")
        self.code.setPlaceholderText(self.tr("Mã hồ sơ (gõ hoặc quét)"))
        self.code.setProperty("scanPassThrough", True)
        self.code.setClearButtonEnabled(True)
        self.code.textChanged.connect(lambda _t: self.update_buttons())
        self.code.returnPressed.connect(self.assign)
        self.assign_button = QPushButton(self.tr("Đưa vào hồ sơ"), objectName="primary")
        self.assign_button.clicked.connect(self.assign)
        self.discard_button = QPushButton(self.tr("Bỏ trang"))
        self.discard_button.clicked.connect(self.discard)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.code, 1)
        row.addWidget(self.assign_button)
        row.addWidget(self.discard_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        lay.addWidget(self.heading)
        lay.addWidget(self.list, 1)
        lay.addLayout(row)
        self.busy = False
        self.add_pages(())

    def add_pages(self, pages: tuple[ReviewPage, ...]) -> None:
        """Add a batch's review pages after those still waiting from earlier batches."""
        for p in pages:
            where = Path(p.source).name + (f" ({p.page})" if p.page else "")
            entry = QListWidgetItem(f"{where} — {self._reason(p)}")
            entry.setData(Qt.ItemDataRole.UserRole, p)
            entry.setToolTip(p.reason)
            self.list.addItem(entry)
        self.heading.setText(self.tr("Trang chờ xem xét (%n)", "", self.list.count()))
        self.update_buttons()

    def pages(self) -> list[ReviewPage]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def _reason(self, p: ReviewPage) -> str:
        if p.reason_code == "before_first_sheet":
            return self.tr("trang trước phiếu kiểm soát đầu tiên")
        if p.reason_code == "unknown_code":
            return self.tr("mã hồ sơ không có trong hệ thống: %1").replace("%1", p.code)
        if p.reason_code == "empty_dossier":
            return self.tr("phiếu kiểm soát %1 không có trang theo sau").replace("%1", p.code)
        if p.reason_code == "unreadable":
            return self.tr("tệp hỏng hoặc không đọc được")
        return p.reason

    def _selected(self) -> list[QListWidgetItem]:
        return sorted(self.list.selectedItems(), key=self.list.row)

    def update_buttons(self) -> None:
        chosen = [i.data(Qt.ItemDataRole.UserRole) for i in self._selected()]
        readable = bool(chosen) and all(p.pdf is not None for p in chosen)
        self.assign_button.setEnabled(readable and bool(self.code.text().strip()) and not self.busy)
        self.discard_button.setEnabled(bool(chosen) and not self.busy)

    def take_code(self, text: str) -> bool:
        """A scanned dossier code: it is where the selected pages go (if some are selected)."""
        if not self._selected():
            return False
        self.code.setText(nfc(text).strip())
        self.assign_button.setFocus()
        return True

    def assign(self) -> None:
        """Put the selected pages into the dossier typed, as one document."""
        items = self._selected()
        code = nfc(self.code.text()).strip().upper()
        if not items or not code or self.busy or not self.assign_button.isEnabled():
            return
        pages = []
        for entry in items:
            p = entry.data(Qt.ItemDataRole.UserRole)
            assert p.pdf is not None and p.pdf_page is not None
            pages.append((p.pdf, p.pdf_page))
        self.busy = True
        self.update_buttons()
        self.ctx.write(
            partial(attach_review_pages, code=code, pages=pages, actor=self.ctx.actor()),
            changes=Changes(dossiers=frozenset({code}), source=self),
            on_success=lambda doc, chosen=items: self._assigned(doc, chosen),
            on_error=self._failed,
            owner=self,
        )

    def _assigned(self, doc: AttachedDocument, items: list[QListWidgetItem]) -> None:
        self.busy = False
        self._remove(items)
        self.heading.setText(self.tr("Trang chờ xem xét (%n)", "", self.list.count()))
        self.code.clear()
        self.ctx.show_message(
            self.tr("Đã đưa %n trang vào hồ sơ %1.", "", doc.pages).replace("%1", doc.dossier_code),
            "success",
        )
        self.update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.update_buttons()
        self.ctx.show_error(exc)

    def discard(self) -> None:
        """Remove the selected pages from the tray (their review file is deleted once no page
        left in the tray comes from it)."""
        items = self._selected()
        self._remove(items)
        self.heading.setText(self.tr("Trang chờ xem xét (%n)", "", self.list.count()))
        if items:
            self.ctx.show_message(self.tr("Đã bỏ %n trang.", "", len(items)))
        self.update_buttons()

    def _remove(self, items: list[QListWidgetItem]) -> None:
        """Take `items` out of the tray and delete the review files nothing left uses."""
        done = [e.data(Qt.ItemDataRole.UserRole).pdf for e in items]
        for entry in items:
            self.list.takeItem(self.list.row(entry))
        kept = [p.pdf for p in self.pages() if p.pdf is not None]
        done = [pdf for pdf in done if pdf is not None]
        if done:
            self.ctx.background(release_review_files, done, kept)
