"""The results of a dossier search as a Qt table model: two lines per cell, a due-time badge,
and under the status an amber "needs review" badge for a dossier two desks changed in the same
field while apart (sync conflicts)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from counter_app.ui import theme
from counter_app.ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QBrush,
    QColor,
    QCoreApplication,
    QHeaderView,
    QModelIndex,
    QPainter,
    QPersistentModelIndex,
    QRectF,
    QSize,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTableView,
)

if TYPE_CHECKING:
    from counter_app.services.dossiers import DossierView

Index = QModelIndex | QPersistentModelIndex
SECOND_LINE = Qt.ItemDataRole.UserRole + 1  # the muted line under the main one
DUE_STATE = Qt.ItemDataRole.UserRole + 2  # a badge's kind: a DueState value, or NEEDS_REVIEW
NEEDS_REVIEW = "needs_review"  # the status cell's badge of a dossier flagged by sync

# Due states (counter_app.services.desks.DueState values) that get a coloured badge.
DUE_COLOURS = {
    "overdue": (theme.DANGER, theme.DANGER_BG),
    "due_soon": (theme.WARN, theme.WARN_BG),
    NEEDS_REVIEW: (theme.WARN, theme.WARN_BG),
}


def due_label(state: str) -> str:
    """Return the badge text of a due state ("" for a finished dossier: no badge)."""
    return {
        "overdue": QCoreApplication.translate("due", "Quá hạn"),
        "due_soon": QCoreApplication.translate("due", "Sắp đến hạn"),
        "on_time": QCoreApplication.translate("due", "Còn hạn"),
        "paused": QCoreApplication.translate("due", "Tạm dừng, chờ bổ sung"),
    }.get(state, "")


def review_label() -> str:
    """Return the badge text of a dossier flagged "needs review" by sync."""
    return "⚠ " + QCoreApplication.translate("DossierTable", "Cần xem lại")


def status_label(status: int, language: str) -> str:
    from counter_app.domain.status import Status

    s = Status(status)
    return s.label_en if language == "en" else s.label_vi


class DossierTableModel(QAbstractTableModel):
    COLUMNS = ("dossier", "applicant", "status", "due")

    def __init__(self, language: str = "vi") -> None:
        super().__init__()
        self.language = language
        self.rows: list[DossierView] = []
        self.states: dict[str, str] = {}

    def set_rows(self, rows: list[DossierView], states: dict[str, str]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.states = dict(states)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("DossierTable", "Hồ sơ"),
            QCoreApplication.translate("DossierTable", "Người nộp"),
            QCoreApplication.translate("DossierTable", "Trạng thái"),
            QCoreApplication.translate("DossierTable", "Hẹn trả"),
        )[section]

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        d = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        state = self.states.get(d.code, "")
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "dossier": d.code,
                "applicant": d.applicant_name,
                "status": status_label(d.status, self.language),
                "due": d.due_at.strftime("%H:%M %d/%m/%Y"),
            }[column]
        if role == SECOND_LINE:
            return {
                "dossier": d.procedure_name,
                "applicant": d.applicant_id_number or d.applicant_phone,
                "status": review_label() if d.needs_review else "",
                "due": due_label(state),
            }[column]
        if role == DUE_STATE and column == "due":
            return state
        if role == DUE_STATE and column == "status" and d.needs_review:
            return NEEDS_REVIEW
        if role == Qt.ItemDataRole.ToolTipRole and column == "dossier":
            return f"{d.code}\n{d.procedure_name}"
        if role == Qt.ItemDataRole.ToolTipRole and column == "status" and d.needs_review:
            return QCoreApplication.translate("DossierTable", "Cần xem lại thay đổi trùng nhau")
        return None

    def view_at(self, row: int) -> DossierView | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, code: str) -> int:
        return next((i for i, d in enumerate(self.rows) if d.code == code), -1)


class TwoLineDelegate(QStyledItemDelegate):
    """Paints a cell as a main line and a muted second line; a due state as a coloured badge."""

    PAD = 10

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        first, second = opt.text, index.data(SECOND_LINE) or ""
        state = index.data(DUE_STATE) or ""
        opt.text = ""
        if opt.widget is not None:
            opt.widget.style().drawControl(
                QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget
            )
        metrics = opt.fontMetrics
        line = metrics.height()
        rect = opt.rect.adjusted(self.PAD, 0, -self.PAD, 0)
        top = rect.top() + (rect.height() - (2 * line + 4 if second else line)) // 2
        painter.save()
        font = opt.font
        font.setBold(index.column() == 0)
        painter.setFont(font)
        painter.setPen(QColor(theme.INK))
        main = metrics.elidedText(first, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(
            QRectF(rect.left(), top, rect.width(), line), Qt.AlignmentFlag.AlignLeft, main
        )
        font.setBold(False)
        painter.setFont(font)
        if second and state in DUE_COLOURS:
            fg, bg = DUE_COLOURS[state]
            width = metrics.horizontalAdvance(second) + 16
            badge = QRectF(rect.left(), top + line + 3, width, line + 2)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor(bg)))
            painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor(fg))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, second)
        elif second:
            painter.setPen(QColor(theme.MUTED))
            muted = metrics.elidedText(second, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(
                QRectF(rect.left(), top + line + 4, rect.width(), line),
                Qt.AlignmentFlag.AlignLeft,
                muted,
            )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = option.fontMetrics
        first = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        second = str(index.data(SECOND_LINE) or "")
        bold = 1.08 if index.column() == 0 else 1.0
        width = int(max(metrics.horizontalAdvance(first) * bold, metrics.horizontalAdvance(second)))
        extra = 16 if index.data(DUE_STATE) in DUE_COLOURS else 0
        return QSize(width + 2 * self.PAD + extra + 12, 2 * metrics.height() + 18)


def row_table(name: str, model: QAbstractTableModel, stretch: int) -> QTableView:
    """Return a read-only table of two-line rows, one selected row at a time, no grid, column
    `stretch` taking the width left (the dossier lists of the window)."""
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setItemDelegate(TwoLineDelegate(table))
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(54)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setHighlightSections(False)
    return table
