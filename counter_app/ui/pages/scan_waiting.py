"""The scan page's list of dossiers waiting to be digitized (shown while no dossier is open):
paper dossiers still open with no scan yet, this desk's only by default; Enter or a double click
opens one."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from counter_app.domain.status import Channel
from counter_app.services.scan_waiting import WaitingList, dossiers_waiting_for_scan
from counter_app.ui.pages.dossier_table import SECOND_LINE, Index, row_table
from counter_app.ui.qt import (
    QAbstractTableModel,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QModelIndex,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

EMPTY_TEXT_WIDTH = 560  # pixels: the explanation under an empty list

if TYPE_CHECKING:
    from counter_app.services.scan_waiting import WaitingDossier
    from counter_app.ui.context import AppContext


class WaitingTableModel(QAbstractTableModel):
    COLUMNS = ("dossier", "applicant", "procedure", "received", "items")

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[WaitingDossier] = []
        self.mark_desk = False  # the list holds other desks' dossiers too: mark this desk's

    def set_rows(self, rows: list[WaitingDossier], mark_desk: bool = False) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.mark_desk = mark_desk
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Hồ sơ"),
            self.tr("Người nộp"),
            self.tr("Thủ tục"),
            self.tr("Tiếp nhận lúc"),
            self.tr("Thành phần"),
        )[section]

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        d = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "dossier": d.code,
                "applicant": d.applicant_name,
                "procedure": d.procedure_name,
                "received": d.received_at.strftime("%H:%M %d/%m/%Y"),
                "items": self.tr("%n thành phần", "", d.items),
            }[column]
        if role == SECOND_LINE:
            return {
                "dossier": self._channel(d.channel),
                "applicant": "",
                "procedure": d.department,
                "received": self._received_by(d),
                "items": "",
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{d.code}\n{d.procedure_name}\n{d.department}"
        return None

    def _channel(self, channel: int) -> str:
        if channel == Channel.POSTAL:
            return self.tr("Qua bưu chính")
        return self.tr("Trực tiếp tại quầy")

    def _received_by(self, d: WaitingDossier) -> str:
        """The officer who received it, and "this desk" where the list mixes desks."""
        if self.mark_desk and d.this_desk:
            return d.received_by + " · " + self.tr("quầy này")
        return d.received_by

    def code_at(self, row: int) -> str:
        return self.rows[row].code if 0 <= row < len(self.rows) else ""

    def row_of(self, code: str) -> int:
        return next((i for i, d in enumerate(self.rows) if d.code == code), -1)


class WaitingPanel(QFrame):
    """The waiting list in a card: `chosen(code)` when the officer opens one."""

    chosen = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="card")
        self.ctx = ctx
        self._asked = 0  # the latest request: older answers are dropped

        title = QLabel(self.tr("Hồ sơ chờ số hóa"), objectName="cardTitle")
        self.count = QLabel("", objectName="muted")
        self.only_desk = QCheckBox(self.tr("Chỉ quầy này"), objectName="scanOnlyDesk")
        self.only_desk.setChecked(True)
        self.only_desk.setVisible(ctx.desk is not None)
        self.only_desk.toggled.connect(lambda _on: self.refresh())
        head = QHBoxLayout()
        head.setSpacing(12)
        head.addWidget(title)
        head.addWidget(self.count, 1, Qt.AlignmentFlag.AlignBottom)
        head.addWidget(self.only_desk)

        self.model = WaitingTableModel()
        self.table = row_table("scanWaiting", self.model, 2)
        # Enter and a double click both "activate" the current row.
        self.table.activated.connect(lambda index: self._choose(index.row()))

        self.empty = self._empty_state()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        self.footer = QLabel(
            self.tr("Chọn một hồ sơ rồi nhấn Enter, hoặc nhấp đúp, để bắt đầu số hóa."),
            objectName="muted",
        )
        self.footer.setWordWrap(True)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 14, 16, 12)
        lay.setSpacing(10)
        lay.addLayout(head)
        lay.addWidget(self.stack, 1)
        lay.addWidget(self.footer)

    def _empty_state(self) -> QWidget:
        mark = QLabel("✓", objectName="emptyMark")
        mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mark.setFixedSize(64, 64)
        headline = QLabel(self.tr("Không có hồ sơ nào chờ số hóa"), objectName="emptyTitle")
        headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text = QLabel("", objectName="muted")
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setWordWrap(True)
        self.empty_text.setFixedWidth(EMPTY_TEXT_WIDTH)
        # Centered by stretches, not by an alignment flag: an aligned item would be given its
        # size hint, not its height for the width, and a wrapped text would be cut.
        text_row = QHBoxLayout()
        text_row.addStretch(1)
        text_row.addWidget(self.empty_text)
        text_row.addStretch(1)
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setSpacing(10)
        lay.addStretch(2)
        lay.addWidget(mark, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(headline)
        lay.addLayout(text_row)
        lay.addStretch(3)
        return box

    # --- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the list again (the officer's choice of desk filter kept)."""
        self._asked += 1
        desk = self.ctx.desk.id if self.ctx.desk is not None else None
        self.ctx.read(
            partial(dossiers_waiting_for_scan, only_desk=self.only_desk.isChecked()),
            desk,
            on_success=lambda result, n=self._asked: self._show(n, result),
            owner=self,
        )

    def _show(self, asked: int, result: WaitingList) -> None:
        if asked != self._asked:
            return
        keep = self.model.code_at(self.table.currentIndex().row())
        mixed = self.ctx.desk is not None and not self.only_desk.isChecked()
        self.model.set_rows(list(result.dossiers), mark_desk=mixed)
        n = len(result.dossiers)
        if result.more:
            self.count.setText(self.tr("%n hồ sơ mới nhất", "", n))
        else:
            self.count.setText(self.tr("%n hồ sơ", "", n) if n else "")
        self.footer.setVisible(n > 0)
        if not n:
            self.empty_text.setText(self._empty_reason())
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentWidget(self.table)
        row = max(self.model.row_of(keep), 0)
        self.table.setCurrentIndex(self.model.index(row, 0))

    def _empty_reason(self) -> str:
        text = self.tr(
            "Hồ sơ giấy tiếp nhận trực tiếp hoặc qua bưu chính sẽ hiện ở đây cho đến khi có "
            "bản số hóa. Quét mã vạch trên phiếu kiểm soát để mở một hồ sơ bất kỳ."
        )
        if self.ctx.desk is not None and self.only_desk.isChecked():
            text += "\n" + self.tr("Bỏ chọn “Chỉ quầy này” để xem hồ sơ của các quầy khác.")
        return text

    def _choose(self, row: int) -> None:
        code = self.model.code_at(row)
        if code:
            self.chosen.emit(code)
