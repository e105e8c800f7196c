"""The pages of the scan workspace as a list model: order (drag and drop, or moves), turns,
deletes with undo, and the checklist item each page belongs to."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from typing import Any

from PIL import Image

from counter_app.scanning.pdf import EncodedPage
from counter_app.ui.qt import (
    QAbstractListModel,
    QByteArray,
    QImage,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPixmap,
    Qt,
    QTransform,
)

MIME = "application/x-counter-app-scan-rows"
Index = QModelIndex | QPersistentModelIndex
_ids = itertools.count(1)


@dataclass(frozen=True, slots=True)
class WorkPage:
    """One page in the workspace; `item` the checklist item number (None: the whole dossier)."""

    page: EncodedPage
    source: str
    thumb: QImage  # as scanned; the turn is applied when shown
    item: int | None = None
    id: int = 0


def to_qimage(image: Image.Image) -> QImage:
    """Return a grayscale copy of a PIL image as a QImage (safe to keep after `image` goes)."""
    gray = image.convert("L")
    data = gray.tobytes()
    return QImage(data, gray.width, gray.height, gray.width, QImage.Format.Format_Grayscale8).copy()


class PagesModel(QAbstractListModel):
    """Rows are pages in document order. Deleted pages are kept for undo (Ctrl+Z)."""

    def __init__(self, item_name: Any = None) -> None:
        super().__init__()
        self.pages: list[WorkPage] = []
        self.deleted: list[list[tuple[int, WorkPage]]] = []  # undo stack: rows and pages
        self._item_name = item_name or (lambda item: "" if item is None else str(item))
        self._pixmaps: dict[tuple[int, int], QPixmap] = {}

    # --- Qt's model interface --------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.pages)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.pages):
            return None
        p = self.pages[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            number = self.tr("Trang %1").replace("%1", str(index.row() + 1))
            if p.item is None:
                return number
            return number + " · " + self.tr("TP %1").replace("%1", str(p.item))
        if role == Qt.ItemDataRole.DecorationRole:
            return self._pixmap(p)
        if role == Qt.ItemDataRole.ToolTipRole:
            name = self._item_name(p.item)
            return f"{p.source}\n{name}" if name else p.source
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Any) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime = QMimeData()
        mime.setData(MIME, QByteArray(",".join(map(str, rows)).encode()))
        return mime

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Move the dragged rows before `row` (the end when -1). Returns False so that the
        view removes nothing afterwards: the rows were moved here, not copied."""
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME):
            return False
        raw = bytes(data.data(MIME).data()).decode()
        rows = [int(r) for r in raw.split(",") if r]
        target = parent.row() if row < 0 and parent.isValid() else row
        self.move_rows(rows, len(self.pages) if target < 0 else target)
        return False

    # --- edits ---------------------------------------------------------------------------

    def add(self, pages: list[WorkPage]) -> None:
        first = len(self.pages)
        self.beginInsertRows(QModelIndex(), first, first + len(pages) - 1)
        self.pages += [replace(p, id=next(_ids)) for p in pages]
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self.pages = []
        self.deleted = []
        self._pixmaps.clear()
        self.endResetModel()

    def move_rows(self, rows: list[int], before: int) -> list[int]:
        """Move `rows` (kept in their order) to stand before row `before`; return their new
        rows."""
        rows = sorted(r for r in set(rows) if 0 <= r < len(self.pages))
        if not rows:
            return []
        moving = [self.pages[r] for r in rows]
        rest = [p for r, p in enumerate(self.pages) if r not in rows]
        at = before - sum(1 for r in rows if r < before)
        at = max(0, min(at, len(rest)))
        self.layoutAboutToBeChanged.emit()
        old = self.pages
        self.pages = rest[:at] + moving + rest[at:]
        new = {p.id: r for r, p in enumerate(self.pages)}
        for persistent in self.persistentIndexList():
            if 0 <= persistent.row() < len(old):
                moved = self.index(new[old[persistent.row()].id])
                self.changePersistentIndex(persistent, moved)
        self.layoutChanged.emit()
        return list(range(at, at + len(moving)))

    def shift(self, rows: list[int], step: int) -> list[int]:
        """Move `rows` one place left (-1) or right (+1); return their new rows."""
        rows = sorted(rows)
        if not rows or rows[0] + step < 0 or rows[-1] + step >= len(self.pages):
            return rows
        before = rows[0] - 1 if step < 0 else rows[-1] + 2
        return self.move_rows(rows, before)

    def rotate(self, rows: list[int], degrees: int) -> None:
        """Turn pages by `degrees` clockwise (lossless: the PDF's /Rotate)."""
        for r in rows:
            p = self.pages[r]
            turned = replace(p.page, rotate=(p.page.rotate + degrees) % 360)
            self.pages[r] = replace(p, page=turned)
            self.dataChanged.emit(self.index(r), self.index(r))

    def assign(self, rows: list[int], item: int | None) -> None:
        for r in rows:
            self.pages[r] = replace(self.pages[r], item=item)
            self.dataChanged.emit(self.index(r), self.index(r))

    def delete(self, rows: list[int]) -> None:
        rows = sorted(set(rows))
        if not rows:
            return
        self.deleted.append([(r, self.pages[r]) for r in rows])
        for r in reversed(rows):
            self.beginRemoveRows(QModelIndex(), r, r)
            del self.pages[r]
            self.endRemoveRows()

    def undo_delete(self) -> list[int]:
        """Put back the pages of the last delete where they were; return their rows."""
        if not self.deleted:
            return []
        batch = self.deleted.pop()
        for r, page in batch:
            r = min(r, len(self.pages))
            self.beginInsertRows(QModelIndex(), r, r)
            self.pages.insert(r, page)
            self.endInsertRows()
        return [r for r, _ in batch]

    def documents(self) -> list[tuple[int | None, list[EncodedPage]]]:
        """Return the pages grouped by checklist item (in order of first appearance), each
        group in workspace order: one PDF each."""
        groups: dict[int | None, list[EncodedPage]] = {}
        for p in self.pages:
            groups.setdefault(p.item, []).append(p.page)
        return list(groups.items())

    def _pixmap(self, p: WorkPage) -> QPixmap:
        key = (p.id, p.page.rotate)
        if key not in self._pixmaps:
            image = p.thumb
            if p.page.rotate:
                image = image.transformed(QTransform().rotate(p.page.rotate))
            self._pixmaps[key] = QPixmap.fromImage(image)
        return self._pixmaps[key]
