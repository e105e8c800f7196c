"""The kiosk's priority step: who may be served first (elderly, disabled, pregnant, appointment).

Tapped from the home screen's priority bar; the choice then applies to the next service tapped.
"""

from __future__ import annotations

from counter_app.ui.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

# The kinds the kiosk offers, in the order shown (domain.queue.PRIORITIES has them all).
KINDS = (
    ("elderly", QT_TRANSLATE_NOOP("KioskPriority", "Người cao tuổi")),
    ("disabled", QT_TRANSLATE_NOOP("KioskPriority", "Người khuyết tật")),
    ("pregnant", QT_TRANSLATE_NOOP("KioskPriority", "Phụ nữ mang thai")),
    ("appointment", QT_TRANSLATE_NOOP("KioskPriority", "Có lịch hẹn")),
)


def priority_label(kind: str) -> str:
    """Return the translated name of a priority kind ("" for an ordinary ticket)."""
    for key, text in KINDS:
        if key == kind:
            return QCoreApplication.translate("KioskPriority", text)
    return ""


class PriorityPanel(QWidget):
    """Four big buttons and a way back; `chosen(kind)` or `back()`."""

    chosen = Signal(str)
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Ông/Bà thuộc diện ưu tiên nào?"), objectName="kioskTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(
            self.tr("Phiếu ưu tiên được gọi trước. Cán bộ có thể đề nghị xuất trình giấy tờ."),
            objectName="kioskHint",
        )
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(28)
        for i, (kind, _text) in enumerate(KINDS):
            button = QPushButton(priority_label(kind), objectName="priorityChoice")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=kind: self.chosen.emit(k))
            grid.addWidget(button, i // 2, i % 2)
            self.buttons[kind] = button
        self.back_button = QPushButton(self.tr("Quay lại"), objectName="kioskBack")
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.clicked.connect(self.back)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(24)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(grid, 1)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignHCenter)
