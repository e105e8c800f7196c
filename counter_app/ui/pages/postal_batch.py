"""The handover scan workspace: pick the direction and the department, open a batch, scan each
dossier's control sheet into it (each scan answered at once: a green row, or an amber/red banner
with the service's reason), undo the last scan, close with the two names, print the record."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from counter_app.domain.text import nfc
from counter_app.services.intake_preview import list_departments
from counter_app.services.postal import (
    DIRECTION_VI,
    add_to_batch,
    close_batch,
    create_batch,
    get_batch,
    latest_open_batch,
    remove_from_batch,
)
from counter_app.ui.context import Changes
from counter_app.ui.errors import user_message
from counter_app.ui.pages.postal_close import CloseBatchDialog, handover_printing, printed_text
from counter_app.ui.pages.postal_table import (
    Banner,
    RowsModel,
    batch_count,
    batch_where,
    card,
    local,
    rows_table,
)
from counter_app.ui.qt import (
    QDesktopServices,
    QEvent,
    QFont,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QUrl,
    QVBoxLayout,
    QWidget,
)
from counter_app.ui.widgets import ComboBox

if TYPE_CHECKING:
    from counter_app.services.intake_preview import DepartmentOption
    from counter_app.services.postal import BatchItemView, BatchView, HandoverPrinted, ScanOutcome
    from counter_app.ui.context import AppContext

# A wrong scan that may just be a second pass of the same sheet is amber; the rest are red.
AMBER_REASONS = frozenset({"duplicate"})


class BatchWorkspace(QWidget):
    """The open batch (`batch`) and the scans made into it during this session."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.batch: BatchView | None = None
        self.scanned: list[str] = []  # codes added in this session, for "undo last scan"
        self.last_handed_by = ""  # remembered for the next batch of this session
        self.printed: HandoverPrinted | None = None
        self.dialog: CloseBatchDialog | None = None
        self._departments_loaded = False

        self.direction = ComboBox(objectName="postalDirection")
        for key, label in DIRECTION_VI.items():
            self.direction.addItem(label, key)
        self.direction.currentIndexChanged.connect(self._direction_changed)
        self.department = ComboBox(objectName="postalDepartment")
        self.department.setMinimumWidth(320)
        self.new_button = QPushButton(self.tr("Tạo biên bản mới"), objectName="primary")
        self.new_button.clicked.connect(self.new_batch)
        pick = QHBoxLayout()
        pick.setSpacing(8)
        pick.addWidget(QLabel(self.tr("Chiều"), objectName="fieldLabel"))
        pick.addWidget(self.direction)
        pick.addWidget(QLabel(self.tr("Đơn vị"), objectName="fieldLabel"))
        pick.addWidget(self.department, 1)
        pick.addWidget(self.new_button)

        self.title = QLabel("", objectName="bigCode")
        self.where = QLabel("", objectName="muted")
        self.count = QLabel("", objectName="postalCount")
        self.count.setStyleSheet("#postalCount { font-size: 22pt; font-weight: 700; }")
        head = QHBoxLayout()
        names = QVBoxLayout()
        names.addWidget(self.title)
        names.addWidget(self.where)
        head.addLayout(names, 1)
        head.addWidget(self.count, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.scan = ScanField(objectName="postalScan")
        self.scan.setPlaceholderText(
            self.tr("Quét mã vạch trên phiếu kiểm soát (hoặc gõ mã hồ sơ rồi nhấn Enter)")
        )
        self.scan.setMinimumHeight(52)
        big = QFont(self.scan.font())
        big.setPointSize(15)
        self.scan.setFont(big)
        self.scan.returnPressed.connect(self.scan_typed)
        self.banner = Banner("postalBanner")

        self.items: RowsModel[BatchItemView] = RowsModel(
            [
                (self.tr("Hồ sơ"), lambda i: (i.code, i.procedure)),
                (self.tr("Người nộp"), lambda i: (i.applicant, "")),
                (self.tr("Trạng thái"), lambda i: (i.status_label, "")),
                (self.tr("Quét lúc"), lambda i: (local(i.added_at), "")),
            ]
        )
        self.table = rows_table("postalItems", self.items, 0)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus

        self.undo_button = QPushButton(self.tr("Bỏ mã vừa quét"), objectName="postalUndo")
        self.undo_button.clicked.connect(self.undo_last)
        self.close_button = QPushButton(self.tr("Đóng biên bản…"), objectName="primary")
        self.close_button.clicked.connect(self.ask_close)
        for b, key in ((self.undo_button, "Ctrl+Z"), (self.close_button, "Ctrl+Enter"),
                       (self.new_button, "Ctrl+N")):  # fmt: skip
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
            b.setToolTip(key)
        self.printed_label = QLabel("", objectName="postalPrinted")
        self.printed_label.setWordWrap(True)
        self.open_pdf = QPushButton(self.tr("Mở biên bản PDF"), objectName="link")
        self.open_pdf.clicked.connect(self.open_record)
        self.open_pdf.hide()
        actions = QHBoxLayout()
        actions.addWidget(self.printed_label, 1)
        actions.addWidget(self.open_pdf)
        actions.addWidget(self.undo_button)
        actions.addWidget(self.close_button)

        body = QVBoxLayout()
        body.setSpacing(10)
        body.addLayout(head)
        body.addWidget(self.scan)
        body.addWidget(self.banner)
        body.addWidget(self.table, 1)
        body.addLayout(actions)
        holder = QWidget()
        holder.setLayout(body)
        body.setContentsMargins(0, 0, 0, 0)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.setSpacing(12)
        lay.addWidget(card(self.tr("Biên bản mới"), _wrap(pick), stretch_last=False))
        lay.addWidget(card("", holder), 1)
        self._show()

    # --- the batch -------------------------------------------------------------------------

    def load_departments(self) -> None:
        if not self._departments_loaded:
            self._departments_loaded = True
            self.ctx.read(list_departments, on_success=self._departments, owner=self)
            desk_id = self.ctx.desk.id if self.ctx.desk is not None else None
            self.ctx.read(latest_open_batch, desk_id, on_success=self._left_open, owner=self)

    def _left_open(self, batch: BatchView | None) -> None:
        """A batch this desk left open (a restart, a lunch break) is taken up again."""
        if batch is None or self.batch is not None:
            return
        self._opened(batch)
        self.banner.say(
            self.tr("Biên bản %1 chưa chốt (%2 hồ sơ): quét tiếp, hoặc chốt khi đủ.")
            .replace("%1", batch.number)
            .replace("%2", str(batch.count)),
            "info",
        )

    def _departments(self, options: list[DepartmentOption]) -> None:
        self.department.clear()
        for d in options:
            self.department.addItem(d.name, d.code)
        self._direction_changed()

    def _direction_changed(self) -> None:
        self.department.setEnabled(self.direction.currentData() != "to_post")

    def new_batch(self) -> None:
        """Open a new batch for the chosen direction and department."""
        direction = str(self.direction.currentData())
        department = None if direction == "to_post" else self.department.currentData()
        self.ctx.write(
            partial(create_batch, at=self.ctx.now()),
            self.ctx.actor(),
            direction,
            department,
            changes=Changes(source=self),
            on_success=self._opened,
            owner=self,
        )

    def resume(self, batch: str) -> None:
        """Scan on into the open batch `batch` (its number or id)."""
        self.ctx.read(get_batch, batch, on_success=self._opened, owner=self)

    def _opened(self, batch: BatchView) -> None:
        self.batch = batch
        self.scanned = []
        self.printed = None
        self.banner.say(
            self.tr("Biên bản %1 đã mở: quét phiếu kiểm soát của từng hồ sơ.").replace(
                "%1", batch.number
            ),
            "info",
        )
        self._show()
        self.focus_scan()

    def reload(self) -> None:
        """Read the open batch again (another desk or page may have changed it)."""
        if self.batch is not None:
            self.ctx.read(get_batch, self.batch.id, on_success=self._reloaded, owner=self)

    def _reloaded(self, batch: BatchView) -> None:
        if self.batch is not None and batch.id == self.batch.id:
            self.batch = batch if batch.state == "open" else None
            self._show()

    # --- scans -----------------------------------------------------------------------------

    def scan_typed(self) -> None:
        text = self.scan.text()
        self.scan.setText("")  # not clear(): setText also empties Ctrl+Z's history
        self.take(text)

    def take(self, text: str) -> None:
        """A scanned (or typed) code: add it to the open batch; the answer shows at once."""
        code = nfc(text).strip().upper()
        if not code:
            return
        self.focus_scan()
        batch = self.batch
        if batch is None:
            self.banner.say(
                self.tr(
                    "Chưa có biên bản đang mở: chọn chiều và đơn vị rồi bấm “Tạo biên bản mới” "
                    "(Ctrl+N), hoặc mở tiếp một biên bản ở thẻ “Biên bản”. Mã %1 chưa được thêm."
                ).replace("%1", code),
                "warning",
            )
            return
        self.ctx.write(
            partial(add_to_batch, at=self.ctx.now()),
            self.ctx.actor(),
            batch.id,
            code,
            changes=lambda o: Changes(
                dossiers=frozenset({o.code}) if o.added else frozenset(), source=self
            ),
            on_success=self._scanned,
            on_error=self._failed,
            owner=self,
        )

    def _scanned(self, outcome: ScanOutcome) -> None:
        if self.batch is None or outcome.batch.id != self.batch.id:
            return
        self.batch = outcome.batch
        if outcome.added:
            self.scanned.append(outcome.code)
            item = next((i for i in outcome.batch.items if i.code == outcome.code), None)
            what = f"{outcome.code} · {item.applicant}" if item else outcome.code
            self.banner.say(
                self.tr(
                    "✓ Đã thêm %1. Biên bản có %n hồ sơ.", "", batch_count(outcome.batch)
                ).replace("%1", what),
                "ok",
            )
        else:
            kind = "warning" if outcome.reason in AMBER_REASONS else "error"
            self.banner.say(
                self.tr("✗ Không thêm %1: %2")
                .replace("%1", outcome.code)
                .replace("%2", outcome.message),
                kind,
            )
        self._show(fresh=outcome.code if outcome.added else "")

    def _failed(self, exc: BaseException) -> None:
        self.banner.say(user_message(exc), "error")
        self.focus_scan()

    def undo_last(self) -> None:
        """Take the last scanned dossier out of the open batch."""
        batch = self.batch
        if batch is None or not batch.items:
            return
        code = self.scanned[-1] if self.scanned else batch.items[-1].code  # in scanning order
        self.ctx.write(
            remove_from_batch,
            self.ctx.actor(),
            batch.id,
            code,
            changes=Changes(dossiers=frozenset({code}), source=self),
            on_success=partial(self._removed, code=code),
            on_error=self._failed,
            owner=self,
        )

    def _removed(self, batch: BatchView, *, code: str) -> None:
        if code in self.scanned:
            self.scanned.remove(code)
        self.batch = batch
        self.banner.say(
            self.tr("Đã bỏ %1 khỏi biên bản. Còn %n hồ sơ.", "", batch_count(batch)).replace(
                "%1", code
            ),
            "info",
        )
        self._show()
        self.focus_scan()

    # --- closing and printing --------------------------------------------------------------

    def ask_close(self) -> None:
        """Ask for the two names, then close the batch and print its record."""
        batch = self.batch
        if batch is None:
            return
        if not batch_count(batch):
            self.banner.say(
                self.tr("Biên bản chưa có hồ sơ nào: quét ít nhất một hồ sơ."), "warning"
            )
            return
        self.dialog = CloseBatchDialog(batch, self.last_handed_by or self.ctx.user.full_name, self)
        self.dialog.names.connect(self.close_with)
        self.dialog.finished.connect(lambda _r: self.focus_scan())
        self.dialog.open()

    def close_with(self, handed_by: str, received_by: str) -> None:
        batch = self.batch
        if batch is None:
            return
        self.last_handed_by = handed_by
        codes = frozenset(i.code for i in batch.items)
        self.ctx.write(
            partial(close_batch, handed_by=handed_by, received_by=received_by, at=self.ctx.now()),
            self.ctx.actor(),
            batch.id,
            changes=Changes(dossiers=codes, source=self),
            on_success=self._closed,
            on_error=self._failed,
            owner=self,
        )

    def _closed(self, batch: BatchView) -> None:
        self.batch = None
        self.scanned = []
        self.banner.say(
            self.tr(
                "Đã đóng biên bản %1 (%n hồ sơ): đang in biên bản.", "", batch_count(batch)
            ).replace("%1", batch.number),
            "ok",
        )
        self._show()
        self.print_record(batch.id)

    def print_record(self, batch: str) -> None:
        """Write the A4 record and queue it with the thermal summary, off the GUI thread."""
        self.printed_label.setText(self.tr("Đang in biên bản…"))
        self.ctx.write(
            handover_printing(self.ctx),
            batch,
            changes=Changes(prints=True, source=self),
            on_success=self._printed,
            on_error=self._print_failed,
            owner=self,
        )

    def _printed(self, done: HandoverPrinted) -> None:
        self.printed = done
        self.printed_label.setText(printed_text(done))
        self.open_pdf.setVisible(bool(done.record_pdf))
        if done.a4_job is not None or done.summary_job is not None:
            self.ctx.wake_printing()
        self.ctx.show_message(self.printed_label.text(), "warning" if done.problem else "success")

    def _print_failed(self, exc: BaseException) -> None:
        self.printed_label.setText(self.tr("Chưa in được: %1").replace("%1", user_message(exc)))

    def open_record(self) -> None:
        if self.printed is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.printed.record_pdf)))

    # --- showing ---------------------------------------------------------------------------

    def focus_scan(self) -> None:
        self.scan.setFocus()

    def _show(self, fresh: str = "") -> None:
        batch = self.batch
        is_open = batch is not None
        self.undo_button.setEnabled(is_open and bool(batch and batch.items))
        self.close_button.setEnabled(is_open)
        if batch is None:
            self.title.setText(self.tr("Chưa có biên bản đang mở"))
            self.where.setText(
                self.tr("Chọn chiều bàn giao và đơn vị ở trên rồi tạo biên bản mới (Ctrl+N).")
            )
            self.count.setText("")
            self.items.set_rows([])
            return
        self.title.setText(self.tr("Biên bản %1").replace("%1", batch.number))
        self.where.setText(
            batch_where(batch) + " · " + self.tr("mở lúc %1").replace("%1", local(batch.opened_at))
        )
        self.count.setText(self.tr("%n hồ sơ", "", batch_count(batch)))
        rows = list(reversed(batch.items))  # the service gives scanning order: newest first
        self.items.set_rows(rows, fresh=0 if fresh and rows and rows[0].code == fresh else -1)


class ScanField(QLineEdit):
    """The big scan field. Ctrl+Z here takes the last scan out of the batch (the page's action):
    the field empties after each scan, so its own undo of typing has nothing to give back."""

    def event(self, e: QEvent) -> bool:
        if (
            e.type() == QEvent.Type.ShortcutOverride
            and isinstance(e, QKeyEvent)
            and e.matches(QKeySequence.StandardKey.Undo)
        ):
            e.ignore()  # not taken as typing: the shortcut goes to the page's action
            return False
        return super().event(e)


def _wrap(layout: QHBoxLayout) -> QWidget:
    w = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    w.setLayout(layout)
    return w
