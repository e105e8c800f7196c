"""The returns page's ID check: who takes the result (the applicant, or another person with an
authorization paper: their name and the paper's reference), their 12-digit CCCD number, typed or
filled by scanning their card; then "Xác nhận trả kết quả". Emits `submitted(id, name, paper)`.

The check itself (the number's form, whether it is the applicant's, whether an authorization is
needed) is `services.returns.return_result`'s: its message is shown here, under the fields."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter_app.domain.text import fold, nfc
from counter_app.ui.qt import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from counter_app.domain.cccd import CccdData
    from counter_app.services.dossiers import DossierView


def _label(text: str, name: str = "") -> QLabel:
    label = QLabel(text, objectName=name) if name else QLabel(text)
    label.setWordWrap(True)
    return label


class HandoverForm(QFrame):
    submitted = Signal(str, str, str)  # id number, received by ("" = the applicant), paper

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.applicant = ""
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.setSpacing(10)
        lay.addWidget(_label(self.tr("2. Kiểm tra người nhận, xác nhận trả"), "cardTitle"))
        lay.addWidget(
            _label(
                self.tr(
                    "Đối chiếu CCCD của người nhận. Quét mã QR trên thẻ CCCD để điền nhanh số "
                    "CCCD và họ tên."
                ),
                "muted",
            )
        )
        self.self_choice = QRadioButton(objectName="takerApplicant")
        self.proxy_choice = QRadioButton(
            self.tr("Người khác nhận thay, có giấy ủy quyền"), objectName="takerProxy"
        )
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.self_choice)
        self.choice.addButton(self.proxy_choice)
        self.self_choice.setChecked(True)
        self.proxy_choice.toggled.connect(self._proxy_toggled)
        lay.addWidget(self.self_choice)
        lay.addWidget(self.proxy_choice)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        self.id_number = QLineEdit(objectName="takerId")
        self.id_number.setPlaceholderText(self.tr("12 chữ số"))
        self.id_number.setMaxLength(16)  # spaces between digit groups are allowed
        self.id_number.setMinimumHeight(36)
        self.id_number.returnPressed.connect(self.submit)
        self.name = QLineEdit(objectName="takerName")
        self.name.setPlaceholderText(self.tr("Họ và tên người nhận thay"))
        self.name.setMinimumHeight(36)
        self.name.returnPressed.connect(self.submit)
        self.paper = QLineEdit(objectName="authorization")
        self.paper.setPlaceholderText(self.tr("Ví dụ: Giấy ủy quyền số 12/2025/UQ ngày 10/03/2025"))
        self.paper.setMinimumHeight(36)
        self.paper.returnPressed.connect(self.submit)
        self.name_label = _label(self.tr("Họ tên người nhận"), "fieldLabel")
        self.paper_label = _label(self.tr("Giấy ủy quyền"), "fieldLabel")
        grid.addWidget(_label(self.tr("Số CCCD người nhận"), "fieldLabel"), 0, 0)
        grid.addWidget(self.id_number, 0, 1)
        grid.addWidget(self.name_label, 1, 0)
        grid.addWidget(self.name, 1, 1)
        grid.addWidget(self.paper_label, 2, 0)
        grid.addWidget(self.paper, 2, 1)
        grid.setColumnStretch(1, 1)
        lay.addLayout(grid)

        self.error = _label("", "formError")
        self.error.hide()
        lay.addWidget(self.error)
        lay.addSpacing(4)
        row = QHBoxLayout()
        row.addStretch(1)
        self.button = QPushButton(
            self.tr("Xác nhận trả kết quả   Ctrl+Enter"), objectName="primary"
        )
        self.button.setMinimumHeight(42)
        self.button.clicked.connect(self.submit)
        row.addWidget(self.button)
        lay.addLayout(row)
        self._proxy_toggled(False)

    def start(self, d: DossierView) -> None:
        """A new dossier to hand over: empty fields, the applicant chosen, the cursor in the ID."""
        self.applicant = d.applicant_name
        text = self.tr("Chính người nộp hồ sơ: %1").replace("%1", d.applicant_name)
        self.self_choice.setText(text)
        self.self_choice.setChecked(True)
        for field in (self.id_number, self.name, self.paper):
            field.clear()
        self.error.hide()
        self.set_busy(False)
        self.id_number.setFocus()

    def fill_from_card(self, card: CccdData) -> None:
        """A CCCD was scanned: its number; someone other than the applicant is a proxy."""
        self.id_number.setText(card.id_number)
        if self.applicant and fold(card.full_name) != fold(self.applicant):
            self.proxy_choice.setChecked(True)
            self.name.setText(card.full_name)
            self.paper.setFocus()
        else:
            self.self_choice.setChecked(True)
            self.button.setFocus()
        self.error.hide()

    def submit(self) -> None:
        if not self.button.isEnabled():
            return
        number = nfc(self.id_number.text()).strip()
        if not number:
            self.show_error(self.tr("Nhập hoặc quét số CCCD của người nhận."))
            self.id_number.setFocus()
            return
        if self.proxy_choice.isChecked():
            name, paper = nfc(self.name.text()).strip(), nfc(self.paper.text()).strip()
            if not name or not paper:
                self.show_error(
                    self.tr("Người nhận thay: cần ghi họ tên và giấy ủy quyền (số, ngày).")
                )
                (self.name if not name else self.paper).setFocus()
                return
            self.submitted.emit(number, name, paper)
        else:
            self.submitted.emit(number, "", "")

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def set_busy(self, busy: bool) -> None:
        self.button.setEnabled(not busy)

    def _proxy_toggled(self, proxy: bool) -> None:
        for widget in (self.name, self.paper, self.name_label, self.paper_label):
            widget.setVisible(proxy)
        self.error.hide()
        if proxy:
            self.name.setFocus()
