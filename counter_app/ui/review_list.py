"""The list of dossiers flagged "needs review" by sync (two desks changed the same field while
apart), for whoever cannot reach them through the dossiers page: each row opens the dossier's
ConflictDialog, and a dossier whose conflicts are all settled leaves the list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from counter_app.services.conflicts import flagged_dossiers
from counter_app.ui.conflict_dialog import ConflictDialog
from counter_app.ui.context import LOCAL_TZ, AppContext, Changes
from counter_app.ui.errors import user_message
from counter_app.ui.pages.dossier_table import SECOND_LINE, row_table, status_label
from counter_app.ui.qt import (
    QAbstractTableModel,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QVBoxLayout,
    QWidget,
    isValid,
)
from counter_app.ui.widgets import StateRow

if TYPE_CHECKING:
    from counter_app.services.dossiers import DossierView

Index = QModelIndex | QPersistentModelIndex


class ReviewModel(QAbstractTableModel):
    """The flagged dossiers: code and reception time, applicant, procedure, status."""

    def __init__(self, language: str = "vi", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.rows: list[DossierView] = []

    def set_rows(self, rows: list[DossierView]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Hồ sơ"),
            self.tr("Người nộp"),
            self.tr("Thủ tục"),
            self.tr("Trạng thái"),
        )[section]

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        d, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                d.code,
                d.applicant_name,
                d.procedure_name,
                status_label(d.status, self.language),
            )[col]
        if role == SECOND_LINE:
            received = d.received_at.astimezone(LOCAL_TZ).strftime("%H:%M %d/%m/%Y")
            return (
                self.tr("Nhận %1").replace("%1", received),
                d.applicant_id_number or d.applicant_phone,
                d.department,
                "",
            )[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == 2:
            return d.procedure_name
        return None

    def view_at(self, row: int) -> DossierView | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, code: str) -> int:
        return next((i for i, d in enumerate(self.rows) if d.code == code), -1)


class ReviewListDialog(QDialog):
    """The dossiers to review, read off the GUI thread; Enter, a double click or "Xem lại"
    opens the chosen one's conflicts, and the list is read again when that dialog closes."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewListDialog")
        self.ctx = ctx
        self.conflict_dialog: ConflictDialog | None = None
        self.reads = 0  # reads come back so far
        self._busy = False
        self._again = False
        self._keep = ("", 0)  # the row to select again after a read: its code, else its place
        self.setWindowTitle(self.tr("Hồ sơ có thay đổi trùng nhau"))
        self.setMinimumSize(640, 360)
        self.resize(900, 460)

        title = QLabel(self.tr("Hồ sơ có thay đổi trùng nhau cần xem lại"), objectName="cardTitle")
        intro = QLabel(
            self.tr(
                "Khi mất kết nối, hai quầy cùng sửa một nội dung của các hồ sơ này. Chọn một hồ "
                "sơ rồi bấm Enter (hoặc nhấp đúp, hoặc bấm “Xem lại”) để xem và giải quyết từng "
                "thay đổi."
            ),
            objectName="muted",
        )
        intro.setWordWrap(True)
        self.state = StateRow(self.load)
        self.retry_button = self.state.retry_button

        self.model = ReviewModel(ctx.language, self)
        self.table = row_table("reviewTable", self.model, 2)
        # Enter reaches "Xem lại", the dialog's default button (the table passes it on);
        # not `activated`, which would come on Enter too, and not on every platform.
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton(
            self.tr("Xem lại"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentIndex().row()))
        self.open_button.setEnabled(False)
        self.close_button = buttons.addButton(
            self.tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 18, 20, 14)
        lay.setSpacing(10)
        lay.addWidget(title)
        lay.addWidget(intro)
        lay.addWidget(self.state)
        lay.addWidget(self.table, 1)
        lay.addStretch(0)  # takes the table's room while the table is hidden (nothing left)
        self._lay, self._filler = lay, lay.count() - 1
        lay.addWidget(buttons)
        self.open_button.setDefault(True)  # once in the dialog: Qt records it there
        ctx.changed.connect(self._on_changes)
        self.load()

    # --- reading ---------------------------------------------------------------------------

    def load(self) -> None:
        """Read the flagged dossiers now, or right after the read that is running."""
        if self._busy:
            self._again = True
            return
        self._busy = True
        if not self.reads:
            self.state.say(self.tr("Đang tải…"), "")
        row = self.table.currentIndex().row()
        view = self.model.view_at(row)
        if view is not None:
            self._keep = (view.code, row)
        self.ctx.read(flagged_dossiers, on_success=self._show, on_error=self._failed, owner=self)

    def _on_changes(self, changes: Changes) -> None:
        if changes.dossiers or changes.everything:
            self.load()

    def _show(self, views: list[DossierView]) -> None:
        self.reads += 1
        had_focus = self.table.hasFocus()
        self.model.set_rows(views)
        empty = not views
        self.table.setVisible(not empty)
        self._lay.setStretch(self._filler, 1 if empty else 0)
        self.open_button.setVisible(not empty)  # nothing to open: only "Đóng" is left
        self.open_button.setEnabled(not empty)
        if empty:
            self.state.say(self.tr("Không còn hồ sơ nào cần xem lại."), "done")
            self.close_button.setFocus()
        else:
            self.state.say(self.tr("%n hồ sơ cần xem lại.", "", len(views)), "")
            code, row = self._keep
            found = self.model.row_of(code)
            row = found if found >= 0 else min(row, len(views) - 1)
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))
            if had_focus or not self.table.isVisible() or self.focusWidget() is None:
                self.table.setFocus()
        self._finish()

    def _failed(self, exc: BaseException) -> None:
        self.state.say(user_message(exc), "error")
        self._finish()

    def _finish(self) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self.load()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.open_button.setEnabled(self.model.view_at(current.row()) is not None)

    # --- opening one -----------------------------------------------------------------------

    def open_row(self, row: int) -> None:
        """Open the review of the dossier on `row` (one at a time)."""
        view = self.model.view_at(row)
        dialog = self.conflict_dialog
        if view is None or (dialog is not None and isValid(dialog) and dialog.isVisible()):
            return
        self._keep = (view.code, row)
        dialog = ConflictDialog(self.ctx, view.id, view.code, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._conflict_closed)
        self.conflict_dialog = dialog
        dialog.open()

    def _conflict_closed(self, _result: int) -> None:
        self.table.setFocus()
        self.load()  # a dossier settled meanwhile leaves the list
