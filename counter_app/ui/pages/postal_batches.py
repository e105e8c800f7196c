"""The list of handover batches, open and closed, with the chosen one's dossiers; an open batch
is scanned on in the workspace, a closed one's record printed again."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from counter_app.services.postal import get_batch, list_batches
from counter_app.ui.context import Changes
from counter_app.ui.errors import user_message
from counter_app.ui.pages.postal_close import handover_printing, printed_text
from counter_app.ui.pages.postal_table import (
    RowsModel,
    batch_count,
    batch_where,
    card,
    local,
    rows_table,
)
from counter_app.ui.qt import (
    QDesktopServices,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)
from counter_app.ui.widgets import ComboBox

if TYPE_CHECKING:
    from counter_app.services.postal import BatchItemView, BatchView, HandoverPrinted
    from counter_app.ui.context import AppContext


class BatchesPanel(QWidget):
    """Emits `resume(batch id)` when the officer wants to scan on into an open batch."""

    resume = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shown: BatchView | None = None
        self.pdf = ""

        self.state = ComboBox(objectName="postalBatchState")
        self.state.addItem(self.tr("Đang mở"), "open")
        self.state.addItem(self.tr("Đã đóng"), "closed")
        self.state.addItem(self.tr("Tất cả"), None)
        self.state.currentIndexChanged.connect(lambda _i: self.refresh())
        self.summary = QLabel("", objectName="muted")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Biên bản"), objectName="fieldLabel"))
        top.addWidget(self.state)
        top.addWidget(self.summary, 1)

        self.model: RowsModel[BatchView] = RowsModel(
            [
                (self.tr("Biên bản"), lambda b: (b.number, b.direction_label)),
                (self.tr("Đơn vị"), lambda b: (b.department_name or self.tr("Bưu điện"), "")),
                (self.tr("Số hồ sơ"), lambda b: (str(batch_count(b)), "")),
                (self.tr("Mở / đóng"), lambda b: (local(b.opened_at), local(b.closed_at))),
                (self.tr("Giao / nhận"), lambda b: (b.handed_by, b.received_by)),
            ]
        )
        self.table = rows_table("postalBatches", self.model, 1)
        self.table.selectionModel().currentRowChanged.connect(
            lambda cur, _p: self._chosen(cur.row())
        )
        self.table.activated.connect(lambda _i: self.act())

        self.title = QLabel(self.tr("Chọn một biên bản"), objectName="cardTitle")
        self.where = QLabel("", objectName="muted")
        self.where.setWordWrap(True)
        self.items: RowsModel[BatchItemView] = RowsModel(
            [
                (self.tr("Hồ sơ"), lambda i: (i.code, i.procedure)),
                (self.tr("Người nộp"), lambda i: (i.applicant, i.status_label)),
            ]
        )
        self.items_table = rows_table("postalBatchItems", self.items, 0)
        self.scan_on = QPushButton(self.tr("Quét tiếp vào biên bản"), objectName="primary")
        self.scan_on.clicked.connect(self.act)
        self.reprint = QPushButton(self.tr("In lại biên bản"), objectName="postalReprint")
        self.reprint.clicked.connect(self.print_again)
        self.printed = QLabel("", objectName="muted")
        self.printed.setWordWrap(True)
        self.open_pdf = QPushButton(self.tr("Mở biên bản PDF"), objectName="link")
        self.open_pdf.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(self.pdf))
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_pdf)
        buttons.addStretch(1)
        buttons.addWidget(self.reprint)
        buttons.addWidget(self.scan_on)
        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.title)
        dl.addWidget(self.where)
        dl.addWidget(self.items_table, 1)
        dl.addWidget(self.printed)
        dl.addLayout(buttons)

        body = QHBoxLayout()
        body.setSpacing(12)
        body.addWidget(card("", self.table), 3)
        body.addWidget(card("", detail), 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addLayout(top)
        lay.addLayout(body, 1)
        self._show_detail(None)

    def refresh(self) -> None:
        self.ctx.read(
            partial(list_batches, state=self.state.currentData()),
            on_success=self._listed,
            owner=self,
        )

    def _listed(self, batches: list[BatchView]) -> None:
        keep = self.shown.id if self.shown is not None else ""
        self.model.set_rows(batches)
        self.summary.setText(
            self.tr("%n biên bản", "", len(batches))
            + " · "
            + self.tr("%n hồ sơ", "", sum(batch_count(b) for b in batches))
        )
        row = next((i for i, b in enumerate(batches) if b.id == keep), 0 if batches else -1)
        if row >= 0:
            self.table.selectRow(row)
            self._chosen(row)
        else:
            self._show_detail(None)

    def _chosen(self, row: int) -> None:
        b = self.model.row(row)
        if b is not None:
            self.ctx.read(get_batch, b.id, on_success=self._show_detail, owner=self)

    def _show_detail(self, b: BatchView | None) -> None:
        if self.shown is None or b is None or b.id != self.shown.id:
            self.printed.setText("")
            self.open_pdf.hide()
        self.shown = b
        self.scan_on.setVisible(b is not None and b.state == "open")
        self.reprint.setVisible(b is not None and b.state == "closed")
        if b is None:
            self.title.setText(self.tr("Chưa có biên bản nào ở đây"))
            self.where.setText("")
            self.items.set_rows([])
            return
        self.title.setText(
            self.tr("Biên bản %1 · %n hồ sơ", "", batch_count(b)).replace("%1", b.number)
        )
        lines = [batch_where(b), self.tr("Mở lúc %1").replace("%1", local(b.opened_at))]
        if b.state == "closed":
            lines.append(
                self.tr("Đóng lúc %1 · Người giao: %2 · Người nhận: %3")
                .replace("%1", local(b.closed_at))
                .replace("%2", b.handed_by)
                .replace("%3", b.received_by)
            )
        else:
            lines.append(self.tr("Đang mở: chưa bàn giao."))
        self.where.setText("\n".join(lines))
        self.items.set_rows(list(b.items))

    def act(self) -> None:
        """Enter on a batch: scan on into an open one; a closed one has nothing to do."""
        if self.shown is not None and self.shown.state == "open":
            self.resume.emit(self.shown.id)

    def print_again(self) -> None:
        b = self.shown
        if b is None or b.state != "closed":
            return
        self.printed.setText(self.tr("Đang in lại biên bản %1…").replace("%1", b.number))
        self.ctx.write(
            handover_printing(self.ctx),
            b.id,
            changes=Changes(prints=True, source=self),
            on_success=self._printed,
            on_error=lambda exc: self.printed.setText(user_message(exc)),
            owner=self,
        )

    def _printed(self, done: HandoverPrinted) -> None:
        self.pdf = str(done.record_pdf)
        self.printed.setText(printed_text(done))
        self.open_pdf.show()
        if done.a4_job is not None or done.summary_job is not None:
            self.ctx.wake_printing()

    def select_number(self, number: str) -> bool:
        """Select the batch `number` if it is listed; return whether it was."""
        row = next((i for i, b in enumerate(self.model.rows) if b.number == number), -1)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def keep_focus(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
