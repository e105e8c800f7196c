"""The dialog that hands one result to the post: receiver, phone, address (from the dossier),
and the tracking number: typed, scanned from the label, or the next one of the desk's pool."""

from __future__ import annotations

import re

from counter_app.domain.text import nfc
from counter_app.ui.qt import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QKeyEvent,
    QLabel,
    QLineEdit,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

TRAILING_S10 = re.compile(r"[A-Z]{2}\d{9}[A-Z]{2}$")  # a VNPost label's number (UPU S10)


class SendDialog(QDialog):
    """Emits `send(receiver, phone, address, tracking)`; tracking "" means "from the pool".

    Stays open until the page calls `accept()` (sent) or `show_error(text)` (not sent)."""

    send = Signal(str, str, str, str)

    def __init__(
        self,
        code: str,
        applicant: str,
        receiver: str,
        phone: str,
        address: str,
        pool_unused: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.code = code
        self.setObjectName("postalSendDialog")
        self.setWindowTitle(self.tr("Gửi kết quả qua bưu điện"))
        self.setMinimumWidth(560)
        head = QLabel(f"{code} · {applicant}", objectName="cardTitle")
        head.setWordWrap(True)
        self.receiver = QLineEdit(receiver, objectName="postalReceiver")
        self.phone = QLineEdit(phone, objectName="postalPhone")
        self.address = QLineEdit(address, objectName="postalAddress")
        self.tracking = QLineEdit(objectName="postalTracking")
        self.tracking.setPlaceholderText(self.tr("Quét mã vạch trên nhãn, hoặc gõ mã vận đơn"))
        # A label read by the barcode gun types into this field (the wedge drops scans under a
        # dialog); its Enter only ends the number: the officer then checks and sends.
        self.tracking.setProperty("scanPassThrough", True)
        self.from_pool = QCheckBox(
            self.tr("Lấy số từ kho (còn %n số)", "", pool_unused), objectName="postalFromPool"
        )
        self.tracking.textEdited.connect(lambda _t: self.from_pool.setChecked(False))
        self.tracking.returnPressed.connect(self._tracking_entered)
        self.from_pool.setEnabled(pool_unused > 0)
        self.from_pool.toggled.connect(self._pool_toggled)
        form = QFormLayout()
        form.addRow(self.tr("Người nhận"), self.receiver)
        form.addRow(self.tr("Điện thoại"), self.phone)
        form.addRow(self.tr("Địa chỉ"), self.address)
        form.addRow(self.tr("Mã vận đơn"), self.tracking)
        form.addRow("", self.from_pool)
        self.error = QLabel("", objectName="formError")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(
            self.tr("Giao cho bưu điện (Ctrl+Enter)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok.setObjectName("primary")
        cancel = buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        # A scanner ends with Enter: it must never send the dialog by itself. No button is
        # "auto default" (QDialog would press one on any Enter); `keyPressEvent` sends on Enter
        # only when the focus is on the button (after a scan it moves there), or Ctrl+Enter.
        for b in (self.ok, cancel):
            b.setAutoDefault(False)
            b.setDefault(False)
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.setSpacing(12)
        lay.addWidget(head)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        if pool_unused > 0:
            self.from_pool.setChecked(True)
        self.tracking.setFocus()

    def _pool_toggled(self, on: bool) -> None:
        if on:
            self.tracking.clear()
            self.tracking.setPlaceholderText(self.tr("Số tiếp theo trong kho, gán khi giao"))
        else:
            self.tracking.setPlaceholderText(self.tr("Quét mã vạch trên nhãn, hoặc gõ mã vận đơn"))

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            ctrl = e.modifiers() & Qt.KeyboardModifier.ControlModifier
            if ctrl or self.ok.hasFocus():
                self.confirm()
            e.accept()
            return
        super().keyPressEvent(e)

    def _tracking_entered(self) -> None:
        text = nfc(self.tracking.text()).strip().upper()
        # Scanned after some typing: the label's number is what ends the field.
        found = TRAILING_S10.search(text)
        self.take_scan(found.group(0) if found else text)

    def take_scan(self, text: str) -> None:
        """A label's barcode was scanned while the dialog is open: it is the tracking number."""
        self.from_pool.setChecked(False)
        self.tracking.setText(nfc(text).strip().upper())
        self.error.hide()
        # Later, not now: the Enter that brought us here is still on its way to the dialog,
        # which would press the button that has the focus.
        QTimer.singleShot(0, self.ok.setFocus)

    def confirm(self) -> None:
        tracking = nfc(self.tracking.text()).strip()
        if not tracking and not self.from_pool.isChecked():
            self.show_error(self.tr("Cần mã vận đơn: quét nhãn, gõ mã, hoặc chọn “Lấy số từ kho”."))
            self.tracking.setFocus()
            return
        self.ok.setEnabled(False)
        self.send.emit(
            nfc(self.receiver.text()).strip(),
            nfc(self.phone.text()).strip(),
            nfc(self.address.text()).strip(),
            tracking,
        )

    def show_error(self, text: str) -> None:
        self.ok.setEnabled(True)
        self.error.setText(text)
        self.error.show()
        self.tracking.setFocus()
        self.tracking.selectAll()  # the next scan replaces what was wrong
