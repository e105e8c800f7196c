"""The ticket just issued, shown big for a few seconds while it prints; if the printer cannot
print, a calm note to photograph or remember the number (the print stays queued)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter_app.ui.kiosk_priority import priority_label
from counter_app.ui.qt import (
    QFrame,
    QHBoxLayout,
    QImage,
    QLabel,
    QPixmap,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from counter_app.services.kiosk import KioskTicket
    from counter_app.services.print_queue import JobView

LOCAL_ZONE = "Asia/Ho_Chi_Minh"


def qr_pixmap(data: str, size: int) -> QPixmap:
    """Return the QR code of `data` as a square pixmap about `size` pixels wide."""
    from PIL import Image, ImageOps

    from counter_app.printing.raster import qr_matrix

    matrix = ImageOps.expand(qr_matrix(data).convert("L"), border=2, fill=255)
    scale = max(2, size // matrix.width)
    big = matrix.resize((matrix.width * scale, matrix.height * scale), Image.Resampling.NEAREST)
    raw = big.tobytes()
    image = QImage(raw, big.width, big.height, big.width, QImage.Format.Format_Grayscale8).copy()
    return QPixmap.fromImage(image)


class TicketView(QWidget):
    """The ticket on screen; `done()` when the citizen taps "Xong"."""

    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ticket: KioskTicket | None = None
        self.job_id = ""
        card = QFrame(objectName="ticketCard")
        self.caption = QLabel(self.tr("SỐ THỨ TỰ CỦA ÔNG/BÀ"), objectName="ticketCaption")
        self.number = QLabel(objectName="ticketNumber")
        self.service = QLabel(objectName="ticketService")
        self.service.setWordWrap(True)
        self.priority = QLabel(objectName="ticketPriority")
        self.ahead = QLabel(objectName="ticketAhead")
        self.time = QLabel(objectName="ticketTime")
        self.qr = QLabel()
        self.qr_hint = QLabel(self.tr("Quét mã để theo dõi lượt"), objectName="ticketQrHint")
        self.print_state = QLabel(objectName="ticketPrint")
        self.print_state.setWordWrap(True)
        self.done_button = QPushButton(self.tr("Xong"), objectName="kioskDone")
        self.done_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.done_button.clicked.connect(self.done)
        for label in (self.caption, self.number, self.service, self.ahead, self.time,
                      self.qr, self.qr_hint, self.print_state):  # fmt: skip
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QVBoxLayout()
        text.setSpacing(6)
        text.addWidget(self.caption)
        text.addWidget(self.number)
        text.addWidget(self.service)
        text.addWidget(self.priority, 0, Qt.AlignmentFlag.AlignHCenter)
        text.addSpacing(12)
        text.addWidget(self.ahead)
        text.addWidget(self.time)
        side = QVBoxLayout()
        side.addStretch(1)
        side.addWidget(self.qr)
        side.addWidget(self.qr_hint)
        side.addStretch(1)
        inner = QHBoxLayout(card)
        inner.setContentsMargins(48, 32, 48, 32)
        inner.addLayout(text, 3)
        inner.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(20)
        layout.addWidget(card, 1)
        layout.addWidget(self.print_state)
        layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignHCenter)

    def show_ticket(self, ticket: KioskTicket, qr_size: int = 240) -> None:
        """Show `ticket` and what is known of its print so far."""
        from zoneinfo import ZoneInfo

        self.ticket = ticket
        self.job_id = ticket.job.id if ticket.job else ""
        t = ticket.ticket
        self.number.setText(t.display)
        self.service.setText(ticket.service_name)
        label = priority_label(t.priority)
        self.priority.setText(self.tr("Ưu tiên: %1").replace("%1", label) if label else "")
        self.priority.setVisible(bool(label))
        if ticket.ahead == 0:
            self.ahead.setText(self.tr("Không có ai chờ trước Ông/Bà"))
        else:
            self.ahead.setText(self.tr("Trước Ông/Bà còn %n người chờ", "", ticket.ahead))
        at = t.issued_at.astimezone(ZoneInfo(LOCAL_ZONE))
        self.time.setText(
            self.tr("Lấy số lúc %1, ngày %2")
            .replace("%1", f"{at:%H:%M}")
            .replace("%2", f"{at:%d/%m/%Y}")
        )
        if ticket.follow_url:
            self.qr.setPixmap(qr_pixmap(ticket.follow_url, qr_size))
        self.qr.setVisible(bool(ticket.follow_url))
        self.qr_hint.setVisible(bool(ticket.follow_url))
        if ticket.job is None:
            self._printer_off()
        else:
            self.show_printing()

    def job_changed(self, job: JobView) -> None:
        """The print worker's news about a job (ignored unless it is this ticket's)."""
        if not self.job_id or job.id != self.job_id:
            return
        if job.state == "done":
            self._set_print(self.tr("Mời Ông/Bà nhận phiếu ở khe bên dưới."), "done")
        elif job.last_error or job.state == "failed":
            self._printer_off()

    def show_printing(self) -> None:
        self._set_print(self.tr("Đang in phiếu…"), "printing")

    @property
    def printer_off(self) -> bool:
        return self.print_state.property("state") == "off"

    def _printer_off(self) -> None:
        assert self.ticket is not None
        self._set_print(
            self.tr(
                "Máy in tạm thời chưa in được phiếu. Số của Ông/Bà đã được ghi nhận: xin chụp "
                "ảnh màn hình này hoặc ghi nhớ số %1, rồi chờ được gọi như bình thường."
            ).replace("%1", self.ticket.ticket.display),
            "off",
        )

    def _set_print(self, text: str, state: str) -> None:
        self.print_state.setText(text)
        self.print_state.setProperty("state", state)
        style = self.print_state.style()
        style.unpolish(self.print_state)
        style.polish(self.print_state)
