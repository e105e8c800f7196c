"""The two other outcomes of a visit, asked in a dialog before anything is written:
a supplement request (form 02: what to add or fix, the reason, where the rules are) and a
refusal (form 03: the reason). Ctrl+Enter records, Esc goes back to the form."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from counter_app.services.intake_outcomes import MissingItem
from counter_app.ui.pages.intake_checklist import (
    COL_COUNT,
    COL_KIND,
    COL_NAME,
    COL_RECEIVED,
    ChecklistModel,
    CountDelegate,
    DocRow,
    Index,
    KindDelegate,
)
from counter_app.ui.qt import (
    QAbstractItemView,
    QAction,
    QCoreApplication,
    QDialog,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)

COL_NOTE = 4
DEFAULT_RULES = "Bộ thủ tục hành chính công bố trên Cổng Dịch vụ công quốc gia, mã thủ tục {code}"


class MissingModel(ChecklistModel):
    """The documents of the intake, ticked when they must be added or fixed, with a note each."""

    def __init__(self, rows: list[DocRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # `received` here means "ask for it": the required documents not handed in, at first.
        self.rows = [replace(r, received=r.required and not r.received) for r in rows]
        self.notes = ["" for _ in rows]

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Bổ sung"),
            self.tr("Giấy tờ (* bắt buộc)"),
            self.tr("Hình thức"),
            self.tr("Số bản"),
            self.tr("Ghi chú (cần sửa gì)"),
        )[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.column() == COL_NOTE:
            return (
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable
            )
        return super().flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == COL_NOTE:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return self.notes[index.row()]
            return None
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole):
            return None
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.isValid() and index.column() == COL_NOTE and role == Qt.ItemDataRole.EditRole:
            self.notes[index.row()] = " ".join(str(value).split())
            self.update(index.row(), received=True)
            return True
        return super().setData(index, value, role)

    def add(self, name: str) -> int:
        self.notes.append("")
        return super().add(name)

    def missing(self) -> list[MissingItem]:
        return [
            MissingItem(r.name, r.kind, r.count, note)
            for r, note in zip(self.rows, self.notes, strict=True)
            if r.received
        ]


class OutcomeDialog(QDialog):
    """The frame both dialogs share: a title, what it is about, the body, an error line, and the
    buttons (Ctrl+Enter records, Esc cancels)."""

    def __init__(self, title: str, about: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.body = QVBoxLayout()
        self.body.setSpacing(8)
        heading = QLabel(title, objectName="cardTitle")
        heading.setWordWrap(True)
        about_label = QLabel(about, objectName="muted")
        about_label.setWordWrap(True)
        self.error = QLabel("", objectName="formError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.ok = QPushButton(ok_text, objectName="primary")
        self.ok.setAutoDefault(False)
        # Written out: self.tr() would look the text up under the subclass's name.
        cancel = QPushButton(QCoreApplication.translate("OutcomeDialog", "Quay lại (Esc)"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.ok.clicked.connect(self.submit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok)
        submit = QAction(self)
        submit.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        submit.triggered.connect(self.submit)
        self.addAction(submit)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.setSpacing(10)
        lay.addWidget(heading)
        lay.addWidget(about_label)
        lay.addLayout(self.body, 1)
        lay.addWidget(self.error)
        lay.addLayout(buttons)

    def reason_edit(self, placeholder: str, text: str = "") -> QPlainTextEdit:
        edit = QPlainTextEdit(text, objectName="outcomeReason")
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(76)
        return edit

    def problem(self) -> str:
        """What keeps the dialog from being accepted ("" for nothing)."""
        return ""

    def submit(self) -> None:
        problem = self.problem()
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        if not problem:
            self.accept()


class SupplementDialog(OutcomeDialog):
    def __init__(
        self, rows: list[DocRow], procedure_code: str, about: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("Yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02)"),
            about,
            self.tr("Ghi và in phiếu (Ctrl+Enter)"),
            parent,
        )
        self.model = MissingModel(rows, self)
        self.table = QTableView(objectName="missingTable")
        self.table.setStyleSheet("QTableView { outline: 0; }")  # the selected row is enough
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COL_KIND, KindDelegate(self.table))
        self.table.setItemDelegateForColumn(COL_COUNT, CountDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setTabKeyNavigation(False)
        self.table.setShowGrid(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setMinimumSectionSize(32)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(COL_RECEIVED, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_KIND, 160), (COL_COUNT, 64), (COL_NOTE, 190)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(col, width)
        self.extra = QLineEdit(objectName="missingExtra")
        self.extra.setPlaceholderText(self.tr("Giấy tờ khác cần bổ sung: gõ tên rồi Enter"))
        self.extra.returnPressed.connect(self._add)
        self.reason = self.reason_edit(
            self.tr("Lý do"), self.tr("Hồ sơ chưa đầy đủ, chưa đúng thành phần theo quy định.")
        )
        self.rules = QLineEdit(
            DEFAULT_RULES.format(code=procedure_code), objectName="rulesReference"
        )
        self.body.addWidget(
            QLabel(self.tr("Giấy tờ cần bổ sung hoặc sửa (Space: chọn)"), objectName="fieldLabel")
        )
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.extra)
        self.body.addWidget(QLabel(self.tr("Lý do"), objectName="fieldLabel"))
        self.body.addWidget(self.reason)
        self.body.addWidget(
            QLabel(self.tr("Quy định về thành phần hồ sơ tại"), objectName="fieldLabel")
        )
        self.body.addWidget(self.rules)
        self.table.installEventFilter(self)
        self.resize(920, 620)
        first = next((i for i, r in enumerate(self.model.rows) if r.received), 0)
        self.table.setCurrentIndex(self.model.index(first, COL_NAME))
        self.table.setFocus()

    def eventFilter(self, obj: Any, event: Any) -> bool:
        if (
            obj is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Space
        ):
            row = self.table.currentIndex().row()
            if 0 <= row < len(self.model.rows):
                self.model.update(row, received=not self.model.rows[row].received)
                return True
        return False

    def _add(self) -> None:
        name = " ".join(self.extra.text().split())
        if name:
            self.model.add(name)
            self.extra.clear()

    def missing(self) -> list[MissingItem]:
        return self.model.missing()

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def rules_text(self) -> str:
        return self.rules.text().strip()

    def problem(self) -> str:
        if not self.missing():
            return self.tr(
                "Chọn ít nhất một giấy tờ cần bổ sung (Space), hoặc gõ tên giấy tờ khác."
            )
        if not self.reason_text():
            return self.tr("Cần ghi lý do yêu cầu bổ sung.")
        return ""


class RefusalDialog(OutcomeDialog):
    def __init__(self, about: str, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Từ chối tiếp nhận hồ sơ (mẫu 03)"),
            about,
            self.tr("Ghi và in phiếu (Ctrl+Enter)"),
            parent,
        )
        self.reason = self.reason_edit(
            self.tr(
                "Ví dụ: Thủ tục không thuộc thẩm quyền giải quyết của các cơ quan tiếp nhận tại Trung tâm."
            )
        )
        self.reason.setFixedHeight(110)
        self.body.addWidget(
            QLabel(self.tr("Lý do từ chối (bắt buộc, in trên phiếu)"), objectName="fieldLabel")
        )
        self.body.addWidget(self.reason)
        self.body.addStretch(1)
        self.resize(640, 340)
        self.reason.setFocus()

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def problem(self) -> str:
        return "" if self.reason_text() else self.tr("Cần ghi lý do từ chối tiếp nhận.")
