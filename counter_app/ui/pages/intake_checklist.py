"""The intake page's document card: the procedure's checklist as a table (received, name, form,
count), required documents marked and checked, extra documents added by name.

Keys in the table: Space ticks or unticks the row, 1/2/3 set the form (original, certified
copy, photocopy), + and - change the count, Enter or F2 edits the cell, Delete removes an
added document. Required documents are ticked when the procedure is chosen: the officer unticks
what the applicant did not bring (and the page then offers a supplement request).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

from counter_app.domain.catalog import ChecklistItemSpec, DocumentKind
from counter_app.ui import theme
from counter_app.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QAbstractTableModel,
    QBrush,
    QColor,
    QCoreApplication,
    QEvent,
    QFont,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from counter_app.ui.widgets import ComboBox

KINDS = (DocumentKind.ORIGINAL, DocumentKind.CERTIFIED_COPY, DocumentKind.PHOTOCOPY)
KIND_LABELS = {
    DocumentKind.ORIGINAL.value: QT_TRANSLATE_NOOP("intake", "Bản chính"),
    DocumentKind.CERTIFIED_COPY.value: QT_TRANSLATE_NOOP("intake", "Bản sao chứng thực"),
    DocumentKind.PHOTOCOPY.value: QT_TRANSLATE_NOOP("intake", "Bản photo"),
}
COL_RECEIVED, COL_NAME, COL_KIND, COL_COUNT = range(4)
Index = QModelIndex | QPersistentModelIndex


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("intake", str(KIND_LABELS.get(kind, kind)))


@dataclass(frozen=True, slots=True)
class DocRow:
    """One document of the intake: from the checklist, or added by the officer (`extra`)."""

    name: str
    required: bool = False
    kind: str = DocumentKind.ORIGINAL.value
    count: int = 1
    received: bool = False
    extra: bool = False

    @classmethod
    def from_spec(cls, spec: ChecklistItemSpec) -> DocRow:
        return cls(spec.name, spec.required, spec.kind.value, spec.count, received=spec.required)

    @classmethod
    def from_json(cls, data: Any) -> DocRow | None:
        """A row from a draft; None for anything that is not one."""
        if not isinstance(data, dict) or not isinstance(data.get("name"), str) or not data["name"]:
            return None
        kind = data.get("kind")
        count = data.get("count")
        return cls(
            data["name"],
            bool(data.get("required")),
            kind if kind in KIND_LABELS else DocumentKind.ORIGINAL.value,
            count if isinstance(count, int) and 1 <= count <= 999 else 1,
            bool(data.get("received")),
            bool(data.get("extra")),
        )

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class ChecklistModel(QAbstractTableModel):
    # Texts are looked up with QCoreApplication.translate("ChecklistModel", ...) written out:
    # self.tr() would use the subclass's name (MissingModel) at run time.
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[DocRow] = []

    def set_rows(self, rows: list[DocRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()
        self.changed.emit()

    def missing_required(self) -> list[DocRow]:
        return [r for r in self.rows if r.required and not r.received]

    def received(self) -> list[DocRow]:
        return [r for r in self.rows if r.received]

    def update(self, row: int, **values: Any) -> None:
        if not 0 <= row < len(self.rows):
            return
        self.rows[row] = replace(self.rows[row], **values)
        self.dataChanged.emit(self.index(row, 0), self.index(row, COL_COUNT))
        self.changed.emit()

    def add(self, name: str) -> int:
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append(DocRow(name, received=True, extra=True))
        self.endInsertRows()
        self.changed.emit()
        return row

    def remove(self, row: int) -> bool:
        if not 0 <= row < len(self.rows) or not self.rows[row].extra:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        self.endRemoveRows()
        self.changed.emit()
        return True

    def tick_required(self) -> None:
        for i, r in enumerate(self.rows):
            if r.required and not r.received:
                self.update(i, received=True)

    # --- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("ChecklistModel", "Nhận"),
            QCoreApplication.translate("ChecklistModel", "Giấy tờ (* bắt buộc)"),
            QCoreApplication.translate("ChecklistModel", "Hình thức"),
            QCoreApplication.translate("ChecklistModel", "Số bản"),
        )[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COL_RECEIVED:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in (COL_KIND, COL_COUNT):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == COL_RECEIVED:
            return Qt.CheckState.Checked if r.received else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NAME:
                return f"{r.name} *" if r.required else r.name
            if col == COL_KIND:
                return kind_label(r.kind)
            if col == COL_COUNT:
                return str(r.count)
        if role == Qt.ItemDataRole.EditRole:
            return r.kind if col == COL_KIND else r.count if col == COL_COUNT else None
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_NAME:
            what = (
                QCoreApplication.translate("ChecklistModel", "Bắt buộc")
                if r.required
                else (
                    QCoreApplication.translate("ChecklistModel", "Giấy tờ thêm")
                    if r.extra
                    else QCoreApplication.translate("ChecklistModel", "Không bắt buộc")
                )
            )
            return f"{r.name}\n{what}"
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and col == COL_NAME
            and r.required
            and not r.received
        ):
            return QBrush(QColor(theme.DANGER))
        if role == Qt.ItemDataRole.FontRole and col == COL_NAME and r.required:
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        col, row = index.column(), index.row()
        if role == Qt.ItemDataRole.CheckStateRole and col == COL_RECEIVED:
            self.update(row, received=Qt.CheckState(value) == Qt.CheckState.Checked)
            return True
        if role == Qt.ItemDataRole.EditRole and col == COL_KIND and value in KIND_LABELS:
            self.update(row, kind=value)
            return True
        if role == Qt.ItemDataRole.EditRole and col == COL_COUNT and isinstance(value, int):
            self.update(row, count=max(1, min(999, value)))
            return True
        return False


class KindDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = ComboBox(parent)
        for kind in KINDS:
            combo.addItem(kind_label(kind.value), kind.value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, ComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, ComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class CountDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(1, 999)
        return spin

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or 1))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class ChecklistPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.model = ChecklistModel(self)
        title = QLabel(self.tr("3. Giấy tờ nộp"), objectName="sectionTitle")
        self.all_button = QPushButton(self.tr("Đủ giấy tờ bắt buộc (Ctrl+D)"), objectName="link")
        self.all_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.all_button.clicked.connect(self.model.tick_required)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.all_button)

        self.table = QTableView(objectName="checklistTable")
        self.table.setStyleSheet("QTableView { outline: 0; }")  # the selected row is enough
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COL_KIND, KindDelegate(self.table))
        self.table.setItemDelegateForColumn(COL_COUNT, CountDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setTabKeyNavigation(False)
        self.table.setShowGrid(False)
        self.table.setWordWrap(True)  # long document names wrap rather than being cut
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setMinimumSectionSize(32)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSectionResizeMode(COL_RECEIVED, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_COUNT, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(COL_KIND, 150)
        self.table.setColumnWidth(COL_COUNT, 64)
        self.table.installEventFilter(self)
        self.table.setMinimumHeight(100)

        self.empty = QLabel(
            self.tr(
                "Chọn thủ tục để hiện danh mục giấy tờ. Giấy tờ bắt buộc được đánh dấu sẵn là "
                "đã nhận: bỏ dấu (Space) giấy tờ người nộp chưa mang."
            ),
            objectName="muted",
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setContentsMargins(2, 6, 2, 2)
        self.table_or_empty = QStackedWidget()
        self.table_or_empty.addWidget(self.empty)
        self.table_or_empty.addWidget(self.table)
        self.extra = QLineEdit(objectName="extraDocument")
        self.extra.setPlaceholderText(self.tr("Thêm giấy tờ khác: gõ tên rồi Enter (Alt+K)"))
        self.extra.returnPressed.connect(self._add_extra)
        self.state = QLabel("", objectName="muted")
        self.state.setWordWrap(True)
        self.model.changed.connect(self._show_state)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 12, 18, 12)
        lay.setSpacing(6)
        lay.addLayout(head)
        lay.addWidget(self.table_or_empty, 1)
        lay.addWidget(self.extra)
        lay.addWidget(self.state)
        self._show_state()

    def _add_extra(self) -> None:
        name = " ".join(self.extra.text().split())
        if not name:
            return
        row = self.model.add(name)
        self.extra.clear()
        self.table.selectRow(row)

    def _show_state(self) -> None:
        rows = self.model.rows
        self.table_or_empty.setCurrentWidget(self.table if rows else self.empty)
        if not rows:
            self.state.setText("")
            self.state.setObjectName("muted")
        else:
            missing = self.model.missing_required()
            required = sum(r.required for r in rows)
            if missing:
                text = self.tr("Thiếu giấy tờ bắt buộc: %1").replace(
                    "%1", "; ".join(r.name for r in missing)
                )
                self.state.setObjectName("formError")
            else:
                text = self.tr("Đã nhận đủ %1 giấy tờ bắt buộc; tổng %2 giấy tờ.")
                text = text.replace("%1", str(required)).replace(
                    "%2", str(len(self.model.received()))
                )
                self.state.setObjectName("muted")
            self.state.setText(text)
        self.state.setVisible(bool(rows))
        self.state.style().unpolish(self.state)
        self.state.style().polish(self.state)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is not self.table or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if self.table.state() == QAbstractItemView.State.EditingState or event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False
        row = self.table.currentIndex().row()
        if not 0 <= row < len(self.model.rows):
            return False
        r = self.model.rows[row]
        key, text = event.key(), event.text()
        if key == Qt.Key.Key_Space:
            self.model.update(row, received=not r.received)
        elif text in ("1", "2", "3"):
            self.model.update(row, kind=KINDS[int(text) - 1].value)
        elif text == "+":
            self.model.update(row, count=min(999, r.count + 1))
        elif text == "-":
            self.model.update(row, count=max(1, r.count - 1))
        elif key == Qt.Key.Key_Delete:
            self.model.remove(row)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            index = self.table.currentIndex()
            column = index.column() if index.column() in (COL_KIND, COL_COUNT) else COL_KIND
            self.table.edit(self.model.index(row, column))
        else:
            return False
        return True
