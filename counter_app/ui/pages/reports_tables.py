"""The report page's tables: the summary lines, the figures by department and by procedure
(sortable; shares in the tooltips), and the live overdue / near-due list."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from counter_app.printing.forms.report_charts import COLUMNS, Row, num, pct
from counter_app.services.reports.model import LiveRow
from counter_app.ui import theme
from counter_app.ui.context import LOCAL_TZ
from counter_app.ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QBrush,
    QColor,
    QCoreApplication,
    QFont,
    QHeaderView,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTableView,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex
DISPLAY, ALIGN = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def label(text: str) -> str:
    """Return a report label (Vietnamese, shared with the PDF) in the window's language."""
    return QCoreApplication.translate("ReportLabels", text)


class _Model(QAbstractTableModel):
    """Rows of anything, columns given as (header, value of a row); sortable by value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def heads(self) -> Sequence[str]:
        raise NotImplementedError

    def value(self, row: Any, col: int) -> Any:
        raise NotImplementedError

    def text(self, row: Any, col: int) -> str:
        v = self.value(row, col)
        return num(v) if isinstance(v, int) else str(v)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.heads())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            return self.heads()[section]
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        if role == DISPLAY:
            return self.text(row, col)
        if role == ALIGN and isinstance(self.value(row, col), (int, float)):
            return RIGHT
        return self.extra(row, col, role)

    def extra(self, row: Any, col: int, role: int) -> Any:
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self.rows.sort(
            key=lambda r: (isinstance(self.value(r, column), str), self.value(r, column)),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self.layoutChanged.emit()


class SummaryModel(_Model):
    """The summary's lines: label, count, share."""

    def heads(self) -> Sequence[str]:
        return (self.tr("Chỉ tiêu"), self.tr("Số hồ sơ"), self.tr("Tỷ lệ"))

    def value(self, row: Row, col: int) -> Any:
        if col == 0:
            return label(row.label) if row.level == 0 else "    " + label(row.label)
        if col == 1:
            return row.count if row.count is not None else ""
        return pct(row.share) if row.share is not None else ""

    def extra(self, row: Row, col: int, role: int) -> Any:
        if col == 2 and role == ALIGN:
            return RIGHT
        if role == Qt.ItemDataRole.FontRole and row.level == 0:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The summary keeps its order."""


class BreakdownModel(_Model):
    """One department or procedure per row (report_json items): code, name, every figure."""

    def heads(self) -> Sequence[str]:
        return [self.tr("Mã"), self.tr("Tên")] + [
            f"{label(c.group)}\n{label(c.label)}" for c in COLUMNS
        ]

    def value(self, row: Mapping[str, Any], col: int) -> Any:
        if col < 2:
            return row["code" if col == 0 else "name"]
        return COLUMNS[col - 2].count(row)

    def extra(self, row: Mapping[str, Any], col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            if col < 2:
                return row["name"]
            share = COLUMNS[col - 2].share_of(row)
            return pct(share) if share is not None else None
        return None


class LiveModel(_Model):
    """The dossiers overdue or due soon, most overdue first."""

    def heads(self) -> Sequence[str]:
        return (
            self.tr("Mã hồ sơ"),
            self.tr("Thủ tục"),
            self.tr("Đơn vị"),
            self.tr("Người nộp"),
            self.tr("Hạn trả"),
            self.tr("Quá hạn / còn"),
            self.tr("Trạng thái"),
            self.tr("Đang giữ"),
        )

    def value(self, row: LiveRow, col: int) -> Any:
        if col == 4:
            return row.due_at.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M")
        if col == 5:
            return row.overdue_by_hours
        return (
            row.code,
            row.procedure,
            row.department,
            row.applicant,
            "",
            "",
            row.status_label,
            row.holder,
        )[col]

    def text(self, row: LiveRow, col: int) -> str:
        if col != 5:
            return str(self.value(row, col))
        hours = abs(row.overdue_by_hours)
        span = (
            self.tr("%1 giờ").replace("%1", f"{hours:.0f}")
            if hours < 24
            else self.tr("%1 ngày").replace("%1", f"{hours / 24:.1f}".replace(".", ","))
        )
        return (self.tr("quá %1") if row.overdue_by_hours > 0 else self.tr("còn %1")).replace(
            "%1", span
        )

    def extra(self, row: LiveRow, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue_by_hours > 0 and col in (0, 5):
            return QBrush(QColor(theme.DANGER))
        if role == Qt.ItemDataRole.ToolTipRole and col in (1, 7):
            return str(self.value(row, col))
        return None


def table_view(model: _Model, name: str, *, sortable: bool = True, stretch: int = 1) -> QTableView:
    """Return a read-only table on `model`, rows selected whole, column `stretch` stretched."""
    view = QTableView(objectName=name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setSortingEnabled(sortable)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(26)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setHighlightSections(False)
    return view


def on_activate(view: QTableView, model: _Model, act: Callable[[Any], None]) -> None:
    """Call `act(row)` when a row is activated (Enter, double-click)."""
    view.activated.connect(lambda index: act(model.rows[index.row()]))
