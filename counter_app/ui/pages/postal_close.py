"""Closing a handover batch: the dialog for who hands the dossiers over and who receives them,
and printing the batch's record (A4 and the thermal summary)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.domain.text import nfc
from counter_app.services.postal import print_handover
from counter_app.ui.pages.postal_table import batch_count, batch_where
from counter_app.ui.qt import (
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from counter_app.services.postal import BatchView, HandoverPrinted
    from counter_app.ui.context import AppContext


class CloseBatchDialog(QDialog):
    """Emits `names(handed_by, received_by)` when both are given and the officer confirms."""

    names = Signal(str, str)

    def __init__(self, batch: BatchView, handed_by: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("postalCloseDialog")
        self.setWindowTitle(self.tr("Đóng biên bản bàn giao"))
        self.setMinimumWidth(480)
        head = QLabel(
            self.tr("Biên bản %1 · %2 · %n hồ sơ", "", batch_count(batch))
            .replace("%1", batch.number)
            .replace("%2", batch_where(batch)),
            objectName="cardTitle",
        )
        head.setWordWrap(True)
        self.handed_by = QLineEdit(handed_by, objectName="postalHandedBy")
        self.handed_by.setPlaceholderText(self.tr("Họ tên người giao"))
        self.received_by = QLineEdit(objectName="postalReceivedBy")
        self.received_by.setPlaceholderText(self.tr("Họ tên người nhận"))
        form = QFormLayout()
        form.addRow(self.tr("Người giao"), self.handed_by)
        form.addRow(self.tr("Người nhận"), self.received_by)
        self.error = QLabel("", objectName="formError")
        self.error.setWordWrap(True)
        self.error.hide()
        note = QLabel(
            self.tr(
                "Sau khi đóng, biên bản không thêm bớt được nữa; biên bản A4 và phiếu tóm tắt "
                "được in ngay."
            ),
            objectName="muted",
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(self.tr("Đóng và in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("primary")
        buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.setSpacing(12)
        lay.addWidget(head)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(note)
        lay.addWidget(buttons)
        (self.received_by if handed_by else self.handed_by).setFocus()

    def confirm(self) -> None:
        """Check both names are there; emit them and close."""
        handed, received = nfc(self.handed_by.text()).strip(), nfc(self.received_by.text()).strip()
        missing = self.handed_by if not handed else self.received_by if not received else None
        if missing is not None:
            self.error.setText(self.tr("Cần ghi họ tên cả người giao và người nhận."))
            self.error.show()
            missing.setFocus()
            return
        self.names.emit(handed, received)
        self.accept()


def handover_printing(ctx: AppContext) -> partial[HandoverPrinted]:
    """Return `print_handover` bound to this desk's printers and officer."""
    s = ctx.settings
    return partial(
        print_handover,
        actor=ctx.actor(),
        a4_printer=s.a4_printer,
        receipt_printer=s.receipt_printer,
    )


def printed_text(done: HandoverPrinted) -> str:
    """Return what printing a handover record did, for people."""
    translate = QCoreApplication.translate  # lupdate reads `translate("context", "text")`
    parts = [translate("PostalPrint", "Biên bản A4: %1").replace("%1", Path(done.record_pdf).name)]
    if done.a4_job is not None:
        parts.append(translate("PostalPrint", "đã gửi máy in A4"))
    if done.summary_job is not None:
        parts.append(translate("PostalPrint", "phiếu tóm tắt đã gửi máy in nhiệt"))
    if done.problem:
        parts.append(translate("PostalPrint", "chưa in được: %1").replace("%1", done.problem))
    return " · ".join(parts)
