"""The intake page's procedure card: search as you type (code, name, initials, any diacritics),
a department filter, the results, and the chosen procedure's duration, fee and Saturday rule.

Keys: Enter in the search picks the first result (or waits for the search under way); Down
goes into the list, Enter there picks, Esc or Up from the top row goes back to the search.
Searches run on the database thread; at most one is under way, the newest text is sent when it
answers, and two keystrokes closer than SEARCH_SPACING_MS share one search.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from counter_app.services.catalog import ProcedureSummary, search_procedures
from counter_app.ui import theme
from counter_app.ui.qt import (
    QAbstractItemView,
    QApplication,
    QColor,
    QEvent,
    QFont,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QModelIndex,
    QObject,
    QPainter,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from counter_app.ui.widgets import ComboBox

if TYPE_CHECKING:
    from counter_app.services.catalog import ProcedureDetail
    from counter_app.services.intake_preview import DepartmentOption
    from counter_app.ui.context import AppContext

SEARCH_SPACING_MS = 80
LIMIT = 30
POPUP_ROWS = 7
ROW_HEIGHT = 46
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1


def money(amount: int) -> str:
    """Return integer đồng written the Vietnamese way: 135000 -> "135.000"."""
    return f"{amount:,}".replace(",", ".")


class ProcedureDelegate(QStyledItemDelegate):
    """Two lines per result: the name, then code · department · duration, muted."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:
        return QSize(option.rect.width(), ROW_HEIGHT)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        summary: ProcedureSummary | None = index.data(SUMMARY_ROLE)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if summary is None:
            return
        rect = option.rect.adjusted(10, 4, -10, -4)
        half = rect.height() // 2
        painter.save()
        font = QFont(option.font)
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(QColor(theme.INK))
        top = QRect(rect.left(), rect.top(), rect.width(), half)
        name = painter.fontMetrics().elidedText(
            summary.name, Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        painter.setFont(option.font)
        painter.setPen(QColor(theme.MUTED))
        bottom = QRect(rect.left(), rect.top() + half, rect.width(), rect.height() - half)
        line = f"{summary.code}  ·  {summary.department}  ·  {summary.duration}"
        if summary.fee:
            line += f"  ·  {money(summary.fee)} đ"
        line = painter.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
        painter.restore()


def _value(text: str, name: str = "") -> QLabel:
    label = QLabel(text, objectName=name) if name else QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ProcedureSummaryView(QWidget):
    """The chosen procedure: name, code and department, duration, fee, Saturday reception."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("#procName { font-size: 11pt; font-weight: 600; }")
        self.name = _value("", "procName")
        self.where = _value("", "muted")
        self.duration = _value("")
        self.fee = _value("")
        self.saturday = _value("")
        grid = QGridLayout()
        grid.setContentsMargins(0, 4, 0, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        for row, (title, value) in enumerate(
            (
                (self.tr("Thời hạn"), self.duration),
                (self.tr("Phí, lệ phí"), self.fee),
                (self.tr("Thứ Bảy"), self.saturday),
            )
        ):
            grid.addWidget(
                QLabel(title, objectName="fieldLabel"), row, 0, Qt.AlignmentFlag.AlignTop
            )
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(1, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 6, 2, 2)
        lay.setSpacing(4)
        lay.addWidget(self.name)
        lay.addWidget(self.where)
        lay.addLayout(grid)
        lay.addStretch(1)

    def show_detail(self, d: ProcedureDetail) -> None:
        self.name.setText(d.name)
        parts = [d.code, d.department] + ([d.field] if d.field else [])
        self.where.setText("  ·  ".join(parts))
        duration = d.duration.label_vi()
        if d.on_the_spot:
            duration += " · " + self.tr("4 tại chỗ")
        self.duration.setText(duration)
        fee = (
            self.tr("Không thu phí")
            if not d.fee
            else self.tr("%1 đồng").replace("%1", money(d.fee))
        )
        self.fee.setText(fee + (f" ({d.fee_note})" if d.fee_note and d.fee else ""))
        self.saturday.setText(
            self.tr("Nhận hồ sơ sáng thứ Bảy")
            if d.saturday_reception
            else self.tr("Không nhận hồ sơ thứ Bảy")
        )


class ProcedurePanel(QFrame):
    """Search, filter, results and the chosen procedure. `picked(code)` when one is chosen.

    The results float below the search box over the page (`set_host`), so that typing does not
    move the cards below."""

    picked = Signal(str)
    results_shown = Signal(int)  # a search's answer is on screen (count); for benchmarks, tests

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.ctx = ctx
        self.rows: list[ProcedureSummary] = []
        self.shown_for: tuple[str, str] | None = None  # the (text, department) of the rows
        self.chosen: ProcedureDetail | None = None
        self._dirty = False
        self._in_flight = False
        self._pick_when_answered = False
        self._spacing = QTimer(self)
        self._spacing.setSingleShot(True)
        self._spacing.setInterval(SEARCH_SPACING_MS)
        self._spacing.timeout.connect(self._spacing_over)

        title = QLabel(self.tr("1. Thủ tục"), objectName="sectionTitle")
        hint = QLabel(self.tr("Alt+T"), objectName="muted")
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(hint)

        self.search = QLineEdit(objectName="procedureSearch")
        self.search.setPlaceholderText(self.tr("Tên, mã hoặc chữ đầu của thủ tục (ví dụ: gplx)"))
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(lambda _t: self._request())
        self.search.returnPressed.connect(self.pick_first)
        self.search.installEventFilter(self)
        self.department = ComboBox(objectName="departmentFilter")
        self.department.addItem(self.tr("Mọi cơ quan"), "")
        self.department.setMinimumWidth(150)
        self.department.currentIndexChanged.connect(lambda _i: self._request())
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.search, 1)
        row.addWidget(self.department)

        self.popup = QFrame(self, objectName="resultsPopup")
        self.popup.setStyleSheet(
            f"#resultsPopup {{ background: {theme.CARD}; border: 1px solid #b9c3cf; "
            "border-radius: 8px; } #resultsPopup QListWidget { border: none; "
            "selection-background-color: #dbe8f7; }"
        )
        self.list = QListWidget(objectName="procedureList")
        self.list.setItemDelegate(ProcedureDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # reached with Down, not Tab
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemClicked.connect(lambda item: self._pick_row(self.list.row(item)))
        self.list.installEventFilter(self)
        self.empty = QLabel("", objectName="muted")
        self.empty.setWordWrap(True)
        self.empty.setContentsMargins(10, 8, 10, 8)
        self.results = QStackedWidget()
        self.results.addWidget(self.list)
        self.results.addWidget(self.empty)
        pop = QVBoxLayout(self.popup)
        pop.setContentsMargins(1, 4, 1, 4)
        pop.addWidget(self.results)
        self.popup.hide()

        self.hint = QLabel(
            self.tr(
                "Gõ vài chữ của tên thủ tục, mã thủ tục, hoặc chữ đầu các từ (gplx: Cấp giấy "
                "phép lái xe), rồi Enter để chọn thủ tục đầu danh sách; mũi tên xuống để chọn "
                "thủ tục khác."
            ),
            objectName="muted",
        )
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary = ProcedureSummaryView()
        self.body = QStackedWidget()
        self.body.addWidget(self.hint)
        self.body.addWidget(self.summary)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 12, 18, 12)
        lay.setSpacing(6)
        lay.addLayout(head)
        lay.addLayout(row)
        lay.addWidget(self.body)

    # --- what the card shows -----------------------------------------------------------------

    def set_host(self, host: QWidget) -> None:
        """Float the results over `host` (the page), below the search box."""
        self.popup.setParent(host)
        self.popup.hide()
        host.installEventFilter(self)

    def popup_visible(self) -> bool:
        return self.popup.isVisible()

    def _show_popup(self) -> None:
        host = self.popup.parentWidget()
        if host is None:
            return
        top_left = self.search.mapTo(host, QPoint(0, self.search.height() + 4))
        right = self.department.mapTo(host, QPoint(self.department.width(), 0)).x()
        if self.results.currentWidget() is self.list:
            height = min(len(self.rows), POPUP_ROWS) * ROW_HEIGHT + 10
        else:
            height = self.empty.heightForWidth(right - top_left.x()) + 12
        height = max(40, min(height, host.height() - top_left.y() - 8))
        self.popup.setGeometry(top_left.x(), top_left.y(), right - top_left.x(), height)
        self.popup.show()
        self.popup.raise_()

    def hide_popup(self) -> None:
        self.popup.hide()

    def show_chosen(self) -> None:
        """Back to the chosen procedure (after a search that picked nothing)."""
        self.hide_popup()

    def set_departments(self, options: list[DepartmentOption]) -> None:
        current = self.department.currentData()
        self.department.blockSignals(True)
        while self.department.count() > 1:
            self.department.removeItem(1)
        for o in options:
            self.department.addItem(o.short_name, o.code)
            self.department.setItemData(
                self.department.count() - 1, o.name, Qt.ItemDataRole.ToolTipRole
            )
        index = self.department.findData(current)
        self.department.setCurrentIndex(max(0, index))
        self.department.blockSignals(False)

    def set_chosen(self, detail: ProcedureDetail | None) -> None:
        self.chosen = detail
        self.hide_popup()
        if detail is None:
            self.search.clear()
            self.rows, self.shown_for = [], None
            self.list.clear()
            self.body.setCurrentWidget(self.hint)
            return
        self.summary.show_detail(detail)
        self.body.setCurrentWidget(self.summary)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def settled(self) -> bool:
        """Whether the results on screen are those of the text and filter now."""
        return self.shown_for == self.current_query() and not (self._dirty or self._in_flight)

    def current_query(self) -> tuple[str, str]:
        return self.search.text().strip(), str(self.department.currentData() or "")

    # --- searching ---------------------------------------------------------------------------

    def _request(self) -> None:
        self._dirty = True
        if not self._in_flight and not self._spacing.isActive():
            self._send()

    def _send(self) -> None:
        self._dirty = False
        text, department = self.current_query()
        if not text:
            self.rows, self.shown_for = [], (text, department)
            self.list.clear()
            self.hide_popup()
            self.results_shown.emit(0)
            self._answered_pick()
            return
        self._in_flight = True
        self._spacing.start()
        self.ctx.read(
            search_procedures,
            text,
            LIMIT,
            department or None,
            on_success=partial(self._answer, (text, department)),
            on_error=self._search_failed,
            owner=self,
        )

    def _spacing_over(self) -> None:
        if self._dirty and not self._in_flight:
            self._send()

    def _search_failed(self, exc: BaseException) -> None:
        self._in_flight = False
        self._pick_when_answered = False
        self.ctx.show_error(exc)

    def _answer(self, asked: tuple[str, str], rows: list[ProcedureSummary]) -> None:
        self._in_flight = False
        if asked == self.current_query():
            self._show_rows(asked, rows)
            self._answered_pick()
        if self._dirty and not self._spacing.isActive():
            self._send()

    def _show_rows(self, asked: tuple[str, str], rows: list[ProcedureSummary]) -> None:
        self.rows, self.shown_for = rows, asked
        self.list.clear()
        for r in rows:
            item = QListWidgetItem(r.name)
            item.setData(SUMMARY_ROLE, r)
            item.setToolTip(f"{r.code} · {r.name}")
            self.list.addItem(item)
        if rows:
            self.list.setCurrentRow(0)
            self.results.setCurrentWidget(self.list)
        else:
            self.empty.setText(
                self.tr(
                    "Không tìm thấy thủ tục nào khớp “%1”. Thử tên khác, mã thủ tục, hoặc bỏ "
                    "lọc cơ quan."
                ).replace("%1", asked[0])
            )
            self.results.setCurrentWidget(self.empty)
        self._show_popup()
        self.results_shown.emit(len(rows))

    # --- picking -----------------------------------------------------------------------------

    def pick_first(self) -> None:
        """Enter in the search: pick the first result of the text on screen (once it is)."""
        query = self.current_query()
        if not query[0]:
            return
        if self.shown_for != query or self._dirty or self._in_flight:
            self._pick_when_answered = True
            if not self._in_flight:
                self._send()
            return
        self._pick_row(0)

    def _answered_pick(self) -> None:
        if self._pick_when_answered and self.shown_for == self.current_query() and not self._dirty:
            self._pick_when_answered = False
            self._pick_row(0)

    def _pick_row(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            text = self.current_query()[0]
            if text:
                self.ctx.show_message(
                    self.tr("Không tìm thấy thủ tục nào khớp “%1”.").replace("%1", text), "warning"
                )
            return
        self.picked.emit(self.rows[row].code)

    # --- keys --------------------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if obj is self.search and key == Qt.Key.Key_Down and self.rows:
                self._show_popup()
                self.list.setFocus(Qt.FocusReason.OtherFocusReason)
                self.list.setCurrentRow(max(0, self.list.currentRow()))
                return True
            if obj is self.search and key == Qt.Key.Key_Escape and self.popup.isVisible():
                self.hide_popup()
                return True
            if obj is self.list and (
                key == Qt.Key.Key_Escape or (key == Qt.Key.Key_Up and self.list.currentRow() <= 0)
            ):
                self.search.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if obj is self.list and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._pick_row(self.list.currentRow())
                return True
        elif kind == QEvent.Type.FocusOut and obj in (self.search, self.list):
            QTimer.singleShot(0, self._focus_left)
        elif kind == QEvent.Type.Resize and obj is self.popup.parentWidget():
            if self.popup.isVisible():
                self._show_popup()
        return False

    def _focus_left(self) -> None:
        focus = QApplication.focusWidget()
        if focus is not None and focus not in (self.search, self.list):
            self.hide_popup()
