"""Bưu chính (F6): the postal officer's page. Tabs: the handover scan workspace, the list of
batches, results sent to homes by post, and the follow-up views. A barcode scanned anywhere on
the page goes where it makes sense: a dossier code to the open batch, or on the delivery tab to
its result; a label's tracking number to its delivery."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from counter_app.domain.text import nfc
from counter_app.ui.context import Changes
from counter_app.ui.pages.base import Page
from counter_app.ui.pages.postal_batch import BatchWorkspace
from counter_app.ui.pages.postal_batches import BatchesPanel
from counter_app.ui.pages.postal_delivery import DeliveryPanel
from counter_app.ui.pages.postal_views import ViewsPanel
from counter_app.ui.qt import QTabWidget, QVBoxLayout, QWidget
from counter_app.ui.scans import ScanKind, classify_scan

if TYPE_CHECKING:
    from counter_app.ui.context import AppContext

# A VNPost label (UPU S10): two letters, nine digits, two letters ("EB123456785VN").
TRACKING = re.compile(r"[A-Z]{2}\d{9}[A-Z]{2}")


class PostalPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.workspace = BatchWorkspace(ctx)
        self.batches = BatchesPanel(ctx)
        self.delivery = DeliveryPanel(ctx)
        self.views = ViewsPanel(ctx)
        self.tabs = QTabWidget(objectName="postalTabs")
        self.tabs.addTab(self.workspace, self.tr("Quét bàn giao"))
        self.tabs.addTab(self.batches, self.tr("Biên bản"))
        self.tabs.addTab(self.delivery, self.tr("Chuyển phát kết quả"))
        self.tabs.addTab(self.views, self.tr("Theo dõi"))
        self.tabs.currentChanged.connect(lambda _i: self._tab_shown())
        self.stale: set[QWidget] = {self.batches, self.delivery, self.views}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tabs)
        self.batches.resume.connect(self.resume)

        w = self.workspace
        for text, key, slot in (
            (self.tr("Tạo biên bản mới"), "Ctrl+N", self._on_workspace(w.new_batch)),
            (self.tr("Đóng biên bản, ghi tên người giao, người nhận"), "Ctrl+Return", self._on_workspace(w.ask_close)),
            (self.tr("Bỏ mã vừa quét"), "Ctrl+Z", self._on_workspace(w.undo_last)),
            (self.tr("Về ô quét mã"), "Alt+Q", self.focus_scan),
            (self.tr("Giao kết quả đã chọn cho bưu điện"), "Ctrl+G", self._on_delivery(self.delivery.ask_send)),
            (self.tr("Đánh dấu đã phát"), "Ctrl+D", self._on_delivery(lambda: self.delivery.mark("delivered"))),
            (self.tr("Làm mới"), "F5", self.refresh),
            (self.tr("Thẻ Quét bàn giao"), "Alt+1", lambda: self.tabs.setCurrentIndex(0)),
            (self.tr("Thẻ Biên bản"), "Alt+2", lambda: self.tabs.setCurrentIndex(1)),
            (self.tr("Thẻ Chuyển phát kết quả"), "Alt+3", lambda: self.tabs.setCurrentIndex(2)),
            (self.tr("Thẻ Theo dõi"), "Alt+4", lambda: self.tabs.setCurrentIndex(3)),
        ):  # fmt: skip
            self.add_page_action(text, key, slot)

    def _on_workspace(self, fn: Callable[[], object]) -> Callable[[], None]:
        def run() -> None:
            self.tabs.setCurrentWidget(self.workspace)
            fn()

        return run

    def _on_delivery(self, fn: Callable[[], object]) -> Callable[[], None]:
        def run() -> None:
            if self.tabs.currentWidget() is self.delivery:
                fn()

        return run

    # --- hooks -----------------------------------------------------------------------------

    def on_shown(self) -> None:
        self.workspace.load_departments()
        self._tab_shown()

    def focus_search(self) -> bool:
        self.focus_scan()
        return True

    def focus_scan(self) -> None:
        self.tabs.setCurrentWidget(self.workspace)
        self.workspace.focus_scan()

    def handle_scan(self, text: str) -> bool:
        """On the delivery tab, a label's tracking number or a dossier code chooses that
        delivery (or opens the send dialog of a waiting result); elsewhere a dossier code goes
        into the open batch. (Under the send dialog the wedge is off: the label types into its
        field.)"""
        text = nfc(text).strip().upper()
        if self.tabs.currentWidget() is self.delivery and TRACKING.fullmatch(text):
            if not self.delivery.select_code(text):
                self.ctx.show_message(
                    self.tr("Không có bưu gửi mã vận đơn %1 trong danh sách.").replace("%1", text),
                    "warning",
                )
            return True
        if classify_scan(text) is not ScanKind.DOSSIER_CODE:
            return False
        if self.tabs.currentWidget() is self.delivery:
            if any(r.code == text for r in self.delivery.waiting.rows):
                self.delivery.ask_send(text)
            elif not self.delivery.select_code(text):
                self.ctx.show_message(
                    self.tr("Hồ sơ %1 không có trong danh sách chờ gửi hay đã gửi.").replace(
                        "%1", text
                    ),
                    "warning",
                )
            return True
        self.tabs.setCurrentWidget(self.workspace)
        self.workspace.take(text)
        return True

    def on_changes(self, changes: Changes) -> None:
        if not (changes.everything or changes.dossiers or changes.source in self._panels()):
            return
        self.stale = {self.batches, self.delivery, self.views}
        if changes.source is not self.workspace:
            self.workspace.reload()
        if self.isVisible():
            self._tab_shown()

    def refresh(self) -> None:
        self.stale = {self.batches, self.delivery, self.views}
        self.workspace.reload()
        self._tab_shown()

    def resume(self, batch_id: str) -> None:
        """Scan on into the open batch chosen in the batches list."""
        self.tabs.setCurrentWidget(self.workspace)
        self.workspace.resume(batch_id)

    # --- inside ----------------------------------------------------------------------------

    def _panels(self) -> tuple[QWidget, ...]:
        return (self.workspace, self.batches, self.delivery, self.views)

    def _tab_shown(self) -> None:
        current = self.tabs.currentWidget()
        if current in self.stale:
            self.stale.discard(current)
            current.refresh()  # type: ignore[attr-defined]  # each panel but the workspace has one
        if current is self.workspace:
            self.workspace.focus_scan()
        elif current is self.delivery:
            self.delivery.waiting_table.setFocus()
        elif current is self.batches:
            self.batches.table.setFocus()
