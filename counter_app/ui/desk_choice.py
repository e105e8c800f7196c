"""First run on a machine: which desk is this? The list comes from the database; the choice goes
to the settings file (`Settings.desk`), so it is asked once per machine."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from counter_app.ui.qt import QLabel, QPushButton, Qt, QWidget, Signal
from counter_app.ui.widgets import CardScreen, ComboBox

if TYPE_CHECKING:
    from counter_app.services.desks import DeskView


class DeskChoiceScreen(CardScreen):
    chosen = Signal(object)  # DeskView

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(460, parent)
        self.heading(self.tr("Máy này là quầy nào?"))
        intro = QLabel(
            self.tr(
                "Chọn một lần cho máy tính này; lựa chọn được lưu vào tệp cấu hình. "
                "Người dùng vẫn đăng nhập bằng tài khoản của mình."
            ),
            objectName="muted",
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        self.note = QLabel("", objectName="formError")
        self.note.setWordWrap(True)
        self.note.hide()
        self.body.addWidget(self.note)
        self.body.addSpacing(6)
        self.body.addWidget(QLabel(self.tr("Quầy"), objectName="fieldLabel"))
        self.desks = ComboBox(objectName="deskCombo")
        self.desks.setMaxVisibleItems(12)
        self.body.addWidget(self.desks)
        self.body.addSpacing(6)
        self.button = QPushButton(self.tr("Dùng quầy này"), objectName="primary")
        self.button.clicked.connect(self.choose)
        self.body.addWidget(self.button)
        self._views: list[DeskView] = []

    def set_desks(self, desks: list[DeskView], note: str = "") -> None:
        self._views = list(desks)
        self.desks.clear()
        for d in desks:
            self.desks.addItem(d.name, d.number)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.button.setEnabled(bool(desks))
        if not desks:
            self.note.setText(
                self.tr("Cơ sở dữ liệu chưa có quầy nào. Quản trị viên cần tạo danh sách quầy.")
            )
            self.note.show()
        self.desks.setFocus()

    def choose(self) -> None:
        i = self.desks.currentIndex()
        if 0 <= i < len(self._views):
            self.button.setEnabled(False)
            self.chosen.emit(self._views[i])

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.choose()
            return
        super().keyPressEvent(event)
