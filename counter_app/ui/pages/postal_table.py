"""Pieces the postal page's tabs share: a table model over plain rows, local times, a banner."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Generic, TypeVar

from counter_app.ui import theme
from counter_app.ui.context import LOCAL_TZ
from counter_app.ui.pages.dossier_table import SECOND_LINE, Index, row_table
from counter_app.ui.qt import (
    QAbstractTableModel,
    QBrush,
    QColor,
    QFrame,
    QLabel,
    QModelIndex,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)

T = TypeVar("T")
TIME = "%H:%M %d/%m/%Y"
# Cell text: the main line, and the muted line under it ("" for none).
Cell = Callable[[Any], tuple[str, str]]

# A banner's colours by kind: text, ground, border (theme's green, amber, red).
BANNER = {
    "ok": (theme.OK, theme.OK_BG, "#a6dfbd"),
    "warning": (theme.WARN, theme.WARN_BG, "#ecd08a"),
    "error": (theme.DANGER, theme.DANGER_BG, "#f4b4ad"),
    "info": (theme.INFO, theme.INFO_BG, "#b6cbeb"),
}
FRESH = QColor(theme.OK_BG)


def local(at: datetime | None) -> str:
    """Return `at` as local time for people ("09:15 23/11/2026"), "" for None."""
    if at is None:
        return ""
    if at.tzinfo is not None:
        at = at.astimezone(LOCAL_TZ)
    return at.strftime(TIME)


class RowsModel(QAbstractTableModel, Generic[T]):
    """A read-only table of `rows`; each column is a header and a function giving the cell's
    two lines. Row `fresh` (the one just added) is painted green."""

    def __init__(self, columns: Sequence[tuple[str, Cell]]) -> None:
        super().__init__()
        self.columns = list(columns)
        self.rows: list[T] = []
        self.fresh = -1

    def set_rows(self, rows: Sequence[T], fresh: int = -1) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.fresh = fresh
        self.endResetModel()

    def row(self, i: int) -> T | None:
        return self.rows[i] if 0 <= i < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section][0]
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(FRESH) if index.row() == self.fresh else None
        if role not in (Qt.ItemDataRole.DisplayRole, SECOND_LINE, Qt.ItemDataRole.ToolTipRole):
            return None
        first, second = self.columns[index.column()][1](self.rows[index.row()])
        if role == Qt.ItemDataRole.DisplayRole:
            return first
        if role == SECOND_LINE:
            return second
        return "\n".join(x for x in (first, second) if x)


def rows_table(name: str, model: RowsModel[Any], stretch: int) -> QTableView:
    """Return the app's two-line row table over `model` (see dossier_table.row_table)."""
    return row_table(name, model, stretch)


class Banner(QLabel):
    """A coloured line that says what just happened (green: done; amber, red: look here)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.kind = ""
        self.hide()

    def say(self, text: str, kind: str = "info") -> None:
        fg, bg, border = BANNER[kind]
        self.kind = kind
        self.setStyleSheet(
            f"#{self.objectName()} {{ background: {bg}; color: {fg}; border: 1px solid {border};"
            " border-radius: 8px; padding: 10px 14px; font-size: 12pt; font-weight: 600; }"
        )
        self.setText(text)
        self.show()

    def clear_banner(self) -> None:
        self.kind = ""
        self.clear()
        self.hide()


def card(title: str, *widgets: QWidget, stretch_last: bool = True) -> QFrame:
    """Return a white card with a section title over `widgets`."""
    box = QFrame(objectName="card")
    lay = QVBoxLayout(box)
    lay.setContentsMargins(14, 12, 14, 12)
    lay.setSpacing(8)
    if title:
        lay.addWidget(QLabel(title, objectName="sectionTitle"))
    for i, w in enumerate(widgets):
        lay.addWidget(w, 1 if stretch_last and i == len(widgets) - 1 else 0)
    return box


def batch_count(batch: Any) -> int:
    """Return how many dossiers a batch holds (lists carry `item_count` and no items)."""
    return len(batch.items) or int(getattr(batch, "item_count", 0))


def batch_where(batch: Any) -> str:
    """Return a batch's direction and department ("Trung tâm → Sở/ngành · Sở Tư pháp")."""
    return " · ".join(x for x in (batch.direction_label, batch.department_name) if x)
