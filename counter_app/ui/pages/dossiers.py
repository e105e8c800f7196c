"""Tra cứu hồ sơ: search dossiers by code, applicant name (with or without diacritics), ID number
or phone; the list with due-time badges; the detail of the chosen one, and above it the actions
its status allows (each with its key; see `counter_app.ui.dossier_actions`).

The shell calls `open_code(code)` when a dossier's barcode is scanned anywhere."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from counter_app.services.desks import due_states
from counter_app.services.dossier_records import dossier_records
from counter_app.services.dossiers import find_dossiers, get_dossier
from counter_app.services.postal import paper_location
from counter_app.ui.context import AppContext, Changes
from counter_app.ui.dossier_actions import ACTIONS, ActionPanel
from counter_app.ui.dossier_flows import DossierActionRunner
from counter_app.ui.pages.base import Page
from counter_app.ui.pages.dossier_detail import DossierDetail
from counter_app.ui.pages.dossier_table import DossierTableModel, row_table
from counter_app.ui.qt import (
    QGuiApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
)
from counter_app.ui.worker import Debouncer

if TYPE_CHECKING:
    from counter_app.services.dossiers import DossierView
    from counter_app.services.setup import Database

SEARCH_DELAY_MS = 300
LIMIT = 100


def _search(db: Database, text: str, now: datetime) -> tuple[list[DossierView], dict[str, str]]:
    found = find_dossiers(db, text, limit=LIMIT)
    return found, {k: v.value for k, v in due_states(db, found, now).items()}


def _one(db: Database, code: str, now: datetime) -> tuple[list[DossierView], dict[str, str]]:
    view = get_dossier(db, code)
    return [view], {k: v.value for k, v in due_states(db, [view], now).items()}


class DossiersPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._asked = ""  # the text of the latest request: older answers are dropped
        self._stale = False

        self.search = QLineEdit(objectName="dossierSearch")
        self.search.setPlaceholderText(
            self.tr("Mã hồ sơ, tên người nộp (có dấu hoặc không dấu), số CCCD, số điện thoại")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(38)
        self.search.textEdited.connect(lambda _t: self._debounce.trigger())
        self.search.returnPressed.connect(self.run_search)
        button = QPushButton(self.tr("Tìm"), objectName="primary")
        button.setMinimumHeight(38)
        button.clicked.connect(self.run_search)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.search, 1)
        top.addWidget(button)
        self.count = QLabel("", objectName="muted")

        self.model = DossierTableModel(ctx.language)
        self.table = row_table("dossierTable", self.model, 0)
        self.table.selectionModel().currentRowChanged.connect(
            lambda cur, _p: self._show_row(cur.row())
        )

        self.empty = QLabel("", objectName="muted")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setContentsMargins(4, 8, 4, 4)
        self.results = QStackedWidget()
        self.results.addWidget(self.empty)
        self.results.addWidget(self.table)

        self.detail = DossierDetail(ctx.language, ctx=ctx)
        self.actions_panel = ActionPanel(ctx.language)
        self.actions_panel.chosen.connect(self.run_action)
        self.runner = DossierActionRunner(ctx, self)
        right = QWidget()
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.setSpacing(10)
        right_lay.addWidget(self.actions_panel)
        right_lay.addWidget(self.detail, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.setSpacing(6)
        left_lay.addWidget(self.count)
        left_lay.addWidget(self.results, 1)
        split.addWidget(left)
        split.addWidget(right)
        split.setChildrenCollapsible(False)
        split.setHandleWidth(16)
        self.split = split
        self._sized = False

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(10)
        lay.addLayout(top)
        lay.addWidget(split, 1)

        self._debounce = Debouncer(SEARCH_DELAY_MS, self.run_search, self)
        self.add_page_action(self.tr("Tìm lại, làm mới kết quả"), "F5", self.refresh)
        self.add_page_action(self.tr("Xóa ô tìm kiếm"), "Esc", self.clear)
        self.add_page_action(self.tr("Sao chép mã hồ sơ đang xem"), "Ctrl+Shift+C", self.copy_code)
        self.action_keys = {
            spec.id: self.add_page_action(
                spec.display_title(), spec.shortcut, lambda i=spec.id: self.run_action(i)
            )
            for spec in ACTIONS
        }
        self._enable_actions(None)
        ctx.print_job_changed.connect(self._job_changed)
        self._show_hint()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._sized and self.width() > 0:
            self._sized = True  # the list and the detail (with its actions) share it, once
            total = max(self.split.width(), 600)
            self.split.setSizes([total * 52 // 100, total * 48 // 100])

    # --- hooks -----------------------------------------------------------------------------

    def focus_search(self) -> bool:
        self.search.setFocus()
        self.search.selectAll()
        return True

    def on_shown(self) -> None:
        if self._stale:
            self.refresh()
        if not self.detail.code:
            self.search.setFocus()

    def on_changes(self, changes: Changes) -> None:
        shown = {d.code for d in self.model.rows}
        if changes.everything or changes.dossiers & (shown | {self.detail.code}):
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    # --- actions ---------------------------------------------------------------------------

    def run_search(self) -> None:
        """Search for what the box holds now."""
        self._debounce.cancel()
        text = self.search.text().strip()
        self._asked = text
        if not text:
            self._show_results([], {}, None)
            return
        self.ctx.read(
            _search,
            text,
            self.ctx.now(),
            on_success=lambda r, t=text: self._answer(t, *r),
            owner=self,
        )

    def open_code(self, code: str) -> None:
        """Open the dossier with this code (a scanned barcode); a message if there is none."""
        self._debounce.cancel()
        self.search.setText(code)
        self._asked = code
        self.ctx.read(
            _one,
            code,
            self.ctx.now(),
            on_success=lambda r, t=code: self._answer(t, *r),
            on_error=self._not_opened,
            owner=self,
        )

    def refresh(self) -> None:
        self._stale = False
        code = self.detail.code
        if self._asked:
            self.ctx.read(
                _search,
                self._asked,
                self.ctx.now(),
                on_success=lambda r, t=self._asked: self._answer(t, *r, keep=code),
                owner=self,
            )

    def clear(self) -> None:
        self.search.clear()
        self._asked = ""
        self._show_results([], {}, None)
        self._show_nothing()
        self.search.setFocus()

    def run_action(self, action_id: str) -> None:
        """Run one of the dossier actions (ACTIONS) on the dossier shown."""
        if self.detail.view is not None:
            self.runner.run(action_id, self.detail.view)

    def copy_code(self) -> None:
        if self.detail.code:
            QGuiApplication.clipboard().setText(self.detail.code)
            self.ctx.show_message(self.tr("Đã sao chép mã %1").replace("%1", self.detail.code))

    # --- answers ---------------------------------------------------------------------------

    def _answer(
        self,
        asked: str,
        rows: list[DossierView],
        states: dict[str, str],
        keep: str = "",
    ) -> None:
        if asked != self._asked:
            return  # the officer typed on since
        self._show_results(rows, states, asked)
        target = keep or (rows[0].code if rows else "")
        row = self.model.row_of(target) if target else -1
        if row >= 0:
            self.table.selectRow(row)
            self._show_row(row)
        elif not keep:
            self._show_nothing()

    def _not_opened(self, exc: BaseException) -> None:
        self._show_results([], {}, self._asked)
        self._show_nothing()
        self.ctx.show_error(exc)

    def _show_results(
        self, rows: list[DossierView], states: dict[str, str], asked: str | None
    ) -> None:
        self.model.set_rows(rows, states)
        if rows:
            self.results.setCurrentWidget(self.table)
            self.count.setText(self.tr("%n hồ sơ", "", len(rows)))
            self.count.show()
        elif asked:
            self.empty.setText(self.tr("Không tìm thấy hồ sơ nào cho “%1”.").replace("%1", asked))
            self.results.setCurrentWidget(self.empty)
            self.count.hide()
        else:
            self._show_hint()

    def _show_hint(self) -> None:
        self.empty.setText(
            self.tr(
                "Gõ mã hồ sơ, tên người nộp, số CCCD hoặc số điện thoại rồi nhấn Enter. "
                "Tên có thể gõ không dấu: “tran van an” tìm được “Trần Văn An”.\n\n"
                "Quét mã vạch trên giấy hẹn trả kết quả ở bất kỳ màn hình nào để mở ngay hồ sơ."
            )
        )
        self.results.setCurrentWidget(self.empty)
        self.count.hide()

    def _show_row(self, row: int) -> None:
        view = self.model.view_at(row)
        if view is None:
            return
        self.detail.show_dossier(view, self.model.states.get(view.code, ""))
        self.actions_panel.show_status(view.status)
        self._enable_actions(view.status)
        self._load_records(view.code)

    def _load_records(self, code: str) -> None:
        self.ctx.read(
            dossier_records,
            code,
            on_success=self.detail.show_records,
            owner=self,
        )
        self.ctx.read(
            paper_location, code, on_success=self.detail.show_paper, on_error=_quiet, owner=self
        )

    def _show_nothing(self) -> None:
        self.detail.show_empty()
        self.actions_panel.show_status(None)
        self._enable_actions(None)

    def _enable_actions(self, status: int | None) -> None:
        for spec in ACTIONS:
            self.action_keys[spec.id].setEnabled(status is not None and spec.allowed(status))

    def _job_changed(self, job: Any) -> None:
        view = self.detail.view
        if view is not None and job.dossier_id == view.id and self.isVisible():
            self._load_records(view.code)

    def current(self) -> Any:
        return self.model.view_at(self.table.currentIndex().row())


def _quiet(_exc: BaseException) -> None:
    """Where the paper is adds to the view; the view stands without it."""
