"""The bar under the intake form: the due time as it would be if saved now, what is still
missing (or that all is ready), and the three outcomes of the visit as buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter_app.ui.pages.intake_result import vn_time
from counter_app.ui.qt import QFrame, QHBoxLayout, QLabel, QPushButton, Qt, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from counter_app.services.intake_preview import DuePreview


class ActionBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.due_label = QLabel("", objectName="cardTitle")
        self.due_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QLabel("", objectName="muted")  # the duration and the start of the clock
        self.hint = QLabel("", objectName="muted")  # what is missing, or that all is ready
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        below = QHBoxLayout()
        below.setSpacing(10)
        below.addWidget(self.note, 0, Qt.AlignmentFlag.AlignTop)
        below.addWidget(self.hint, 1)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.due_label)
        texts.addLayout(below)
        self.refuse_button = QPushButton(self.tr("Từ chối (Ctrl+R)"))
        self.supplement_button = QPushButton(self.tr("Yêu cầu bổ sung (Ctrl+B)"))
        self.save_button = QPushButton(self.tr("Lưu, in giấy hẹn (Ctrl+S)"), objectName="primary")
        self.save_button.setMinimumHeight(40)
        for b in (self.refuse_button, self.supplement_button):  # the theme greys only #primary
            b.setStyleSheet("QPushButton:disabled { color: #9aa4b1; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(18, 10, 14, 10)
        row.setSpacing(10)
        row.addLayout(texts, 1)
        for b in (self.refuse_button, self.supplement_button, self.save_button):
            row.addWidget(b, 0, Qt.AlignmentFlag.AlignVCenter)

    def show_state(
        self,
        due: DuePreview | None,
        problem: str | None,
        *,
        busy: bool,
        alarm: bool,
        outcome_ready: bool,
    ) -> None:
        """Show the due time and the first `problem` (red once a save was refused: `alarm`);
        enable Save when there is none, the other outcomes when `outcome_ready`."""
        if due is not None:
            self.due_label.setText(self.tr("Hẹn trả: %1").replace("%1", vn_time(due.due_at)))
            note = self.tr("%1, tính từ %2").replace("%1", due.duration)
            note = note.replace("%2", f"{due.received_at:%H:%M %d/%m/%Y}")
        else:
            self.due_label.setText(self.tr("Hẹn trả: chọn thủ tục để tính"))
            note = ""
        if busy:
            text, name = self.tr("Đang ghi…"), "muted"
        elif problem is not None:
            text, name = problem, "formError" if alarm else "muted"
        else:
            text, name = self.tr("Đủ thông tin: Ctrl+S để lưu và in giấy hẹn."), "muted"
        self.note.setText(note + " ·" if note else "")
        self.note.setVisible(bool(note))
        self.hint.setText(text)
        if self.hint.objectName() != name:
            self.hint.setObjectName(name)
            self.hint.style().unpolish(self.hint)
            self.hint.style().polish(self.hint)
        self.save_button.setEnabled(problem is None and not busy)
        self.supplement_button.setEnabled(outcome_ready and not busy)
        self.refuse_button.setEnabled(outcome_ready and not busy)
