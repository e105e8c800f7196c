"""The actions of the dossier view: which ones a status allows (from the status table), their
keys, and the panel of buttons above the dossier's detail."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from counter_app.domain.status import TRANSITIONS, Status
from counter_app.services.apology import APOLOGY_STATUSES
from counter_app.ui import theme
from counter_app.ui.qt import (
    QT_TRANSLATE_NOOP,
    QColor,
    QCoreApplication,
    QFrame,
    QGridLayout,
    QLabel,
    QPainter,
    QPushButton,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)


@dataclass(frozen=True, slots=True)
class ActionSpec:
    id: str
    title: str  # Vietnamese, translated in the "DossierActions" context
    shortcut: str
    tip: str  # what it does, one sentence (the button's tooltip)
    target: Status | None = None  # the status it moves to; None: a flow of its own
    needs_reason: bool = False
    confirm: bool = False  # asks "are you sure" before writing

    def display_title(self) -> str:
        return QCoreApplication.translate("DossierActions", self.title)

    def display_tip(self) -> str:
        return QCoreApplication.translate("DossierActions", self.tip)

    def allowed(self, status: int) -> bool:
        """Return whether a dossier in `status` may take this action."""
        current = Status(status)
        if self.id == "return":
            return Status.RETURNED in TRANSITIONS[current]
        if self.id == "apology":
            return current in APOLOGY_STATUSES
        if self.id == "scan":  # papers come in until the dossier is settled
            return bool(TRANSITIONS[current]) and current != Status.RESULT_READY
        return self.target is not None and self.target in TRANSITIONS[current]


# In the order of the buttons; the first allowed one of PRIMARY is the highlighted next step.
ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "result_ready",
        QT_TRANSLATE_NOOP("DossierActions", "Nhận kết quả từ cơ quan giải quyết"),
        "Alt+K",
        QT_TRANSLATE_NOOP(
            "DossierActions",
            "Kết quả đã về từ cơ quan giải quyết: hồ sơ chuyển sang "
            "“Đã xử lý xong”, chờ trả cho công dân.",
        ),
        Status.RESULT_READY,
    ),
    ActionSpec(
        "return",
        QT_TRANSLATE_NOOP("DossierActions", "Trả kết quả"),
        "Alt+T",
        QT_TRANSLATE_NOOP(
            "DossierActions",
            "Mở trang Trả kết quả với hồ sơ này: kiểm tra CCCD người nhận, trả, rồi mời đánh giá.",
        ),
    ),
    ActionSpec(
        "processing",
        QT_TRANSLATE_NOOP("DossierActions", "Đang xử lý"),
        "Alt+X",
        QT_TRANSLATE_NOOP(
            "DossierActions",
            "Hồ sơ đang được cơ quan giải quyết xử lý (cũng dùng khi công dân đã bổ sung xong).",
        ),
        Status.PROCESSING,
    ),
    ActionSpec(
        "supplement",
        QT_TRANSLATE_NOOP("DossierActions", "Yêu cầu bổ sung"),
        "Alt+B",
        QT_TRANSLATE_NOOP(
            "DossierActions",
            "Công dân phải bổ sung, hoàn thiện hồ sơ: ghi giấy tờ cần bổ sung và lý do, lập "
            "phiếu yêu cầu bổ sung (mẫu 02); thời hạn tạm dừng cho đến khi bổ sung xong.",
        ),
        Status.SUPPLEMENT,
    ),
    ActionSpec(
        "stop",
        QT_TRANSLATE_NOOP("DossierActions", "Dừng xử lý"),
        "Alt+D",
        QT_TRANSLATE_NOOP("DossierActions", "Dừng giải quyết hồ sơ, ghi rõ lý do."),
        Status.STOPPED,
        needs_reason=True,
    ),
    ActionSpec(
        "withdraw",
        QT_TRANSLATE_NOOP("DossierActions", "Công dân rút hồ sơ"),
        "Alt+R",
        QT_TRANSLATE_NOOP(
            "DossierActions", "Công dân xin rút hồ sơ: hồ sơ kết thúc, không hoàn tác được."
        ),
        Status.WITHDRAWN,
        needs_reason=True,
        confirm=True,
    ),
    ActionSpec(
        "apology",
        QT_TRANSLATE_NOOP("DossierActions", "Phiếu xin lỗi, hẹn lại"),
        "Alt+H",
        QT_TRANSLATE_NOOP(
            "DossierActions", "Lập phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04), in PDF."
        ),
    ),
    ActionSpec(
        "scan",
        QT_TRANSLATE_NOOP("DossierActions", "Số hóa"),
        "Alt+S",
        QT_TRANSLATE_NOOP(
            "DossierActions", "Mở trang Số hóa với hồ sơ này: quét, sắp xếp, đính kèm giấy tờ."
        ),
    ),
)
PRIMARY = ("result_ready", "return", "processing")


def action(action_id: str) -> ActionSpec:
    return next(a for a in ACTIONS if a.id == action_id)


def allowed_actions(status: int) -> list[ActionSpec]:
    """Return the actions a dossier in `status` allows, in button order."""
    return [a for a in ACTIONS if a.allowed(status)]


class ActionButton(QPushButton):
    """A button with its title on the left and its key, muted, on the right."""

    GAP = 18

    def __init__(self, spec: ActionSpec, primary: bool, parent: QWidget | None = None) -> None:
        super().__init__(spec.display_title(), parent)
        self.spec = spec
        self.setObjectName("primary" if primary else "dossierAction")
        self.setToolTip(f"{spec.display_tip()} ({spec.shortcut})")
        self.setMinimumHeight(38)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def _key_width(self) -> int:
        return self.fontMetrics().horizontalAdvance(self.spec.shortcut)

    def sizeHint(self) -> QSize:
        base = super().sizeHint()
        return QSize(base.width() + self._key_width() + self.GAP, base.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        colour = "#d6e4f5" if self.objectName() == "primary" else theme.MUTED
        painter.setPen(QColor(colour))
        rect = self.rect().adjusted(0, 0, -14, 0)
        painter.drawText(
            rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self.spec.shortcut
        )
        painter.end()


class ActionPanel(QFrame):
    """The card of the actions the shown dossier's status allows. Emits `chosen(action id)`."""

    chosen = Signal(str)

    def __init__(self, language: str = "vi", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.setObjectName("card")
        self.setStyleSheet("QPushButton#dossierAction, QPushButton#primary { text-align: left; }")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 14)
        lay.setSpacing(8)
        self.heading = QLabel(self.tr("Thao tác với hồ sơ"), objectName="sectionTitle")
        lay.addWidget(self.heading)
        self.note = QLabel("", objectName="muted")
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(8)
        lay.addLayout(self.grid)
        self.buttons: dict[str, ActionButton] = {}
        self.show_status(None)

    def next_step(self, status: int) -> str:
        """Return what usually comes next for a dossier in `status`, in one sentence."""
        current = Status(status)
        if not TRANSITIONS[current]:
            label = current.label_en if self.language == "en" else current.label_vi
            return self.tr("Hồ sơ đã kết thúc (“%1”): không còn thao tác nào.").replace("%1", label)
        if current == Status.RESULT_READY:
            return self.tr("Kết quả đã sẵn sàng: trả cho công dân sau khi kiểm tra CCCD.")
        if current == Status.SUPPLEMENT:
            return self.tr(
                "Đang chờ công dân bổ sung, thời hạn tạm dừng. Đã bổ sung: chọn “Đang xử lý”."
            )
        if Status.RESULT_READY in TRANSITIONS[current]:
            return self.tr("Khi kết quả về từ cơ quan giải quyết, chọn “Nhận kết quả”.")
        return ""

    def show_status(self, status: int | None) -> None:
        """Show the buttons for a dossier in `status` (None: no dossier shown)."""
        for button in self.buttons.values():
            self.grid.removeWidget(button)
            button.hide()  # until deleted it would still paint, over the heading
            button.deleteLater()
        self.buttons = {}
        if status is None:
            self.hide()
            return
        self.show()
        specs = allowed_actions(status)
        primary = next((a.id for a in specs if a.id in PRIMARY), "")
        self.note.setText(self.next_step(status))
        self.note.setVisible(bool(self.note.text()))
        if not specs:
            return
        ordered = sorted(specs, key=lambda a: a.id != primary)
        col = 0
        row = 0
        for spec in ordered:
            button = ActionButton(spec, spec.id == primary)
            button.clicked.connect(lambda _c=False, i=spec.id: self.chosen.emit(i))
            self.buttons[spec.id] = button
            if spec.id == primary:
                self.grid.addWidget(button, row, 0, 1, 2)
                row += 1
                continue
            self.grid.addWidget(button, row, col)
            col += 1
            if col == 2:
                col, row = 0, row + 1
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
