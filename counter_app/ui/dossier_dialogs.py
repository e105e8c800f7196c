"""The dialogs of the dossier view's actions: a reason for a status change (supplement, stop,
withdrawal), and the apology with a new date (form 04). Both are opened with `open()` (the
window keeps running) and emit `submitted` with what was entered; they only close when it is
complete, with the missing part said in red under the fields."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from counter_app.domain.text import nfc
from counter_app.ui.qt import (
    QDateTimeEdit,
    QDialog,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from counter_app.services.dossier_records import ApologyContext

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
TIME = "%H:%M %d/%m/%Y"


def _wrap(text: str, name: str = "") -> QLabel:
    label = QLabel(text, objectName=name) if name else QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class _Dialog(QDialog):
    """A dialog with a heading, fields, a red line for what is missing, and two buttons."""

    def __init__(self, title: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(24, 20, 24, 20)
        self.body.setSpacing(8)
        self.error = _wrap("", "formError")
        self.error.hide()
        self.ok = QPushButton(ok_text, objectName="primary")
        self.ok.setDefault(True)
        self.ok.setMinimumHeight(36)
        self.ok.setToolTip("Ctrl+Enter")
        self.ok.clicked.connect(self.submit)
        self.cancel = QPushButton(self.tr("Hủy"))
        self.cancel.setMinimumHeight(36)
        self.cancel.clicked.connect(self.reject)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Ctrl+Enter sends from any field: the text boxes leave it to their dialog.
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.submit()
            return
        super().keyPressEvent(event)

    def finish_layout(self) -> None:
        self.body.addWidget(self.error)
        self.body.addSpacing(6)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel)
        row.addWidget(self.ok)
        self.body.addLayout(row)

    def fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def submit(self) -> None:
        raise NotImplementedError


class ReasonDialog(_Dialog):
    """The reason for moving a dossier to a status that needs one."""

    submitted = Signal(str)

    def __init__(
        self, title: str, code: str, explanation: str, ok_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, ok_text, parent)
        self.body.addWidget(_wrap(title, "cardTitle"))
        self.body.addWidget(_wrap(self.tr("Hồ sơ %1").replace("%1", code), "muted"))
        self.body.addWidget(_wrap(explanation))
        self.body.addSpacing(4)
        self.body.addWidget(
            _wrap(self.tr("Lý do (bắt buộc, sẽ ghi vào diễn biến hồ sơ)"), "fieldLabel")
        )
        self.reason = QPlainTextEdit(objectName="reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(90)
        self.body.addWidget(self.reason)
        self.finish_layout()
        self.reason.setFocus()

    def submit(self) -> None:
        reason = nfc(self.reason.toPlainText()).strip()
        if not reason:
            self.fail(self.tr("Cần ghi lý do trước khi ghi nhận."))
            self.reason.setFocus()
            return
        self.accept()
        self.submitted.emit(reason)


class ApologyDialog(_Dialog):
    """Form 04: the new date, the reason for the delay and the unit that caused it."""

    submitted = Signal(object, str, str)  # new date (aware, local), reason, unit

    def __init__(self, ctx: ApologyContext, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Phiếu xin lỗi và hẹn lại ngày trả kết quả"),
            self.tr("Lập phiếu (PDF)"),
            parent,
        )
        self.context = ctx
        self.now = now
        self.body.addWidget(_wrap(self.windowTitle(), "cardTitle"))
        facts = self.tr("Hồ sơ %1 · hạn trả %2").replace("%1", ctx.code)
        facts = facts.replace("%2", ctx.due_at.strftime(TIME))
        if ctx.promised_at is not None:
            facts += " · " + self.tr("đã hẹn lại %1").replace("%1", ctx.promised_at.strftime(TIME))
        self.body.addWidget(_wrap(facts, "muted"))
        self.body.addSpacing(4)

        self.body.addWidget(_wrap(self.tr("Hẹn trả kết quả lại vào"), "fieldLabel"))
        self.new_due = QDateTimeEdit(objectName="newDue")
        self.new_due.setDisplayFormat("HH:mm  dd/MM/yyyy")
        self.new_due.setCalendarPopup(True)
        self.new_due.setMinimumHeight(36)
        self.new_due.setDateTime(ctx.suggested_at.astimezone(LOCAL_TZ).replace(tzinfo=None))
        self.body.addWidget(self.new_due)

        self.body.addWidget(_wrap(self.tr("Lý do chậm trả (bắt buộc)"), "fieldLabel"))
        self.reason = QPlainTextEdit(objectName="reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(76)
        self.body.addWidget(self.reason)

        self.body.addWidget(_wrap(self.tr("Đơn vị gây chậm trễ (bắt buộc)"), "fieldLabel"))
        self.unit = QLineEdit(ctx.department, objectName="unit")
        self.body.addWidget(self.unit)
        self.body.addSpacing(2)
        self.body.addWidget(
            _wrap(
                self.tr(
                    "Hạn trả của hồ sơ không đổi: báo cáo vẫn tính trễ hạn theo hạn trả ban đầu. "
                    "Ngày hẹn lại được ghi vào diễn biến hồ sơ và in trên phiếu."
                ),
                "muted",
            )
        )
        self.finish_layout()
        self.reason.setFocus()

    def new_due_at(self) -> datetime:
        value: datetime = self.new_due.dateTime().toPython()
        return value.replace(second=0, microsecond=0, tzinfo=LOCAL_TZ)

    def submit(self) -> None:
        when = self.new_due_at()
        reason = nfc(self.reason.toPlainText()).strip()
        unit = nfc(self.unit.text()).strip()
        floor = max(t for t in (self.context.due_at, self.context.promised_at) if t is not None)
        if when <= floor:
            self.fail(self.tr("Ngày hẹn mới phải sau %1.").replace("%1", floor.strftime(TIME)))
            self.new_due.setFocus()
        elif when <= self.now:
            self.fail(self.tr("Ngày hẹn mới phải sau thời điểm hiện tại."))
            self.new_due.setFocus()
        elif not reason:
            self.fail(self.tr("Cần ghi lý do chậm trả."))
            self.reason.setFocus()
        elif not unit:
            self.fail(self.tr("Cần ghi đơn vị gây chậm trễ."))
            self.unit.setFocus()
        else:
            self.accept()
            self.submitted.emit(when, reason, unit)
