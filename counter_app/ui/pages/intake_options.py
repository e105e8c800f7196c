"""The intake page's card for how the dossier came and how its result goes back: number of sets,
channel (for a dossier received by post, the tracking number on its envelope), and "return the
result by post" with the address and phone (taken from the applicant until the officer types
others)."""

from __future__ import annotations

from typing import Any

from counter_app.domain.cccd import validate_phone
from counter_app.domain.errors import InvalidInput
from counter_app.domain.status import Channel
from counter_app.domain.text import nfc
from counter_app.services.intake import PostReturn
from counter_app.services.postal_tracking import validate_tracking
from counter_app.ui.qt import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from counter_app.ui.widgets import ComboBox


class OptionsPanel(QFrame):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None, default_channel: Channel = Channel.DIRECT):
        super().__init__(parent)
        self.setObjectName("card")
        # Postal staff receive what comes by post: their new forms start on that channel.
        self.default_channel = default_channel
        self._applicant_address = ""
        self._applicant_phone = ""
        title = QLabel(self.tr("4. Nộp và trả kết quả"), objectName="sectionTitle")
        self.sets = QSpinBox(objectName="setsCount")
        self.sets.setRange(1, 99)
        self.sets.setMinimumHeight(34)
        self.sets.valueChanged.connect(lambda _v: self.changed.emit())
        self.channel = ComboBox(objectName="channel")
        for text, value in (
            (self.tr("Trực tiếp"), Channel.DIRECT),
            (self.tr("Bưu chính công ích"), Channel.POSTAL),
            (self.tr("Trực tuyến"), Channel.ONLINE),
        ):
            self.channel.addItem(text, int(value))
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self.tracking = QLineEdit(objectName="postalTracking")
        self.tracking.setPlaceholderText(self.tr("Mã vận đơn trên bì thư, ví dụ EB123456785VN"))
        self.tracking.textEdited.connect(lambda _t: self.changed.emit())
        self.tracking_label = QLabel(self.tr("Mã vận đơn đến"), objectName="fieldLabel")
        self.by_post = QCheckBox(self.tr("Trả kết quả qua bưu điện (Alt+B)"), objectName="byPost")
        self.by_post.toggled.connect(self._toggled)
        self.post_address = QLineEdit(objectName="postAddress")
        self.post_address.setPlaceholderText(self.tr("Địa chỉ nhận kết quả"))
        self.post_phone = QLineEdit(objectName="postPhone")
        self.post_phone.setPlaceholderText(self.tr("Điện thoại người nhận"))
        for edit in (self.post_address, self.post_phone):
            edit.textEdited.connect(lambda _t: self.changed.emit())
        self.post_labels = [
            QLabel(self.tr("Địa chỉ nhận"), objectName="fieldLabel"),
            QLabel(self.tr("Điện thoại"), objectName="fieldLabel"),
        ]
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        grid.addWidget(QLabel(self.tr("Số bộ"), objectName="fieldLabel"), 0, 0)
        grid.addWidget(self.sets, 0, 1)
        grid.addWidget(QLabel(self.tr("Hình thức nộp"), objectName="fieldLabel"), 0, 2)
        grid.addWidget(self.channel, 0, 3)
        grid.addWidget(self.tracking_label, 1, 0)
        grid.addWidget(self.tracking, 1, 1, 1, 3)
        grid.addWidget(self.by_post, 2, 0, 1, 4)
        grid.addWidget(self.post_labels[0], 3, 0)
        grid.addWidget(self.post_address, 3, 1, 1, 3)
        grid.addWidget(self.post_labels[1], 4, 0)
        grid.addWidget(self.post_phone, 4, 1, 1, 3)
        grid.setColumnStretch(3, 1)
        self.notes = QPlainTextEdit(objectName="intakeNotes")
        self.notes.setPlaceholderText(self.tr("Ghi chú của cán bộ tiếp nhận (không bắt buộc)"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(34)
        self.notes.textChanged.connect(self.changed.emit)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 12, 18, 12)
        lay.setSpacing(6)
        lay.addWidget(title)
        lay.addLayout(grid)
        lay.addWidget(self.notes, 1)
        self._toggled(False)
        self.set_values({})

    def edits(self) -> list[QWidget]:
        return [
            self.sets,
            self.channel,
            self.tracking,
            self.by_post,
            self.post_address,
            self.post_phone,
            self.notes,
        ]

    def follow_applicant(self, address: str, phone: str) -> None:
        """The applicant's address or phone changed: so do the post fields still showing them."""
        if self.post_address.text() == self._applicant_address:
            self.post_address.setText(address)
            self.post_address.setCursorPosition(0)
        if self.post_phone.text() == self._applicant_phone:
            self.post_phone.setText(phone)
        self._applicant_address, self._applicant_phone = address, phone

    def _toggled(self, on: bool) -> None:
        for w in (self.post_address, self.post_phone, *self.post_labels):
            w.setVisible(on)
        if on and not self.post_address.text().strip():
            self.post_address.setText(self._applicant_address)
            self.post_address.setCursorPosition(0)
        if on and not self.post_phone.text().strip():
            self.post_phone.setText(self._applicant_phone)
        self.changed.emit()

    def _channel_changed(self, _index: int = 0) -> None:
        postal = self.channel_value() == Channel.POSTAL
        for w in (self.tracking, self.tracking_label):
            w.setVisible(postal)
        self.changed.emit()

    def toggle_post(self) -> None:
        self.by_post.toggle()
        if self.by_post.isChecked():
            self.post_address.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def channel_value(self) -> Channel:
        return Channel(int(self.channel.currentData() or Channel.DIRECT))

    def post_return(self, receiver: str) -> PostReturn | None:
        if not self.by_post.isChecked():
            return None
        return PostReturn(nfc(self.post_address.text()), self.post_phone.text().strip(), receiver)

    def postal_tracking(self) -> str:
        """The incoming tracking number ("" unless received by post, or none typed)."""
        postal = self.channel_value() == Channel.POSTAL
        return self.tracking.text().strip() if postal else ""

    def problem(self) -> tuple[QWidget, str] | None:
        if self.postal_tracking():
            try:
                validate_tracking(self.postal_tracking())
            except InvalidInput:
                return self.tracking, self.tr(
                    "Mã vận đơn không đúng: 2 chữ, 9 số, VN (ví dụ EB123456785VN)."
                )
        if not self.by_post.isChecked():
            return None
        if not self.post_address.text().strip():
            return self.post_address, self.tr("Trả kết quả qua bưu điện cần địa chỉ nhận.")
        try:
            validate_phone(self.post_phone.text())
        except InvalidInput:
            return self.post_phone, self.tr(
                "Trả kết quả qua bưu điện cần số điện thoại người nhận hợp lệ."
            )
        return None

    def values(self) -> dict[str, Any]:
        return {
            "sets": self.sets.value(),
            "channel": int(self.channel_value()),
            "by_post": self.by_post.isChecked(),
            "post_address": self.post_address.text(),
            "post_phone": self.post_phone.text(),
            "postal_tracking": self.tracking.text(),
            "notes": self.notes.toPlainText(),
        }

    def is_default(self) -> bool:
        """Nothing chosen or typed here yet."""
        v = self.values()
        start = (1, int(self.default_channel), False)
        return (v["sets"], v["channel"], v["by_post"]) == start and not (
            v["post_address"].strip()
            or v["post_phone"].strip()
            or v["notes"].strip()
            or v["postal_tracking"].strip()
        )

    def set_values(self, values: dict[str, Any]) -> None:
        sets = values.get("sets")
        self.sets.setValue(sets if isinstance(sets, int) and 1 <= sets <= 99 else 1)
        index = self.channel.findData(values.get("channel", int(self.default_channel)))
        self.channel.setCurrentIndex(max(0, index))
        self._channel_changed()
        for edit, key in (
            (self.post_address, "post_address"),
            (self.post_phone, "post_phone"),
            (self.tracking, "postal_tracking"),
        ):
            value = values.get(key)
            edit.setText(value if isinstance(value, str) else "")
        notes = values.get("notes")
        self.notes.setPlainText(notes if isinstance(notes, str) else "")
        self.by_post.setChecked(bool(values.get("by_post")))
        self._toggled(self.by_post.isChecked())
