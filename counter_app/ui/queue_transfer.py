"""The small dialog of "Chuyển": send the called citizen to another service or another desk."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter_app.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from counter_app.services.queue_desk import TransferTargets


class TransferDialog(QDialog):
    """Pick a service (the citizen waits there, keeping the number and the place) or a desk."""

    def __init__(
        self,
        ticket: str,
        service_code: str,
        targets: TransferTargets,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("transferDialog")
        self.setWindowTitle(self.tr("Chuyển số %1").replace("%1", ticket))
        self.to_service = QRadioButton(self.tr("Sang dịch vụ khác"))
        self.to_desk = QRadioButton(self.tr("Sang quầy khác"))
        self.service = QComboBox()
        for code, name in targets.services:
            if code != service_code:
                self.service.addItem(f"{code} – {name}", code)
        self.desk = QComboBox()
        for number, name in targets.desks:
            self.desk.addItem(name, number)
        self.to_service.setChecked(self.service.count() > 0)
        self.to_desk.setChecked(self.service.count() == 0)
        self.to_service.setEnabled(self.service.count() > 0)
        self.to_desk.setEnabled(self.desk.count() > 0)
        self.to_service.toggled.connect(self._sync)
        self.to_desk.toggled.connect(self._sync)
        note = QLabel(self.tr("Công dân giữ nguyên số và thứ tự đã lấy."), objectName="muted")
        form = QFormLayout()
        form.addRow(self.to_service, self.service)
        form.addRow(self.to_desk, self.desk)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(self.tr("Chuyển"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(buttons)
        self._sync()

    def _sync(self) -> None:
        self.service.setEnabled(self.to_service.isChecked())
        self.desk.setEnabled(self.to_desk.isChecked())
        self.ok.setEnabled(self.to_service.isChecked() or self.to_desk.isChecked())

    def choice(self) -> tuple[str | None, int | None]:
        """Return (service code, None) or (None, desk number)."""
        if self.to_desk.isChecked():
            return None, self.desk.currentData()
        return self.service.currentData(), None
