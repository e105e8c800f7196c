"""The citizen's rating of the officer (Rất hài lòng / Hài lòng / Không hài lòng): the three levels
with their keys and colours, the big buttons, and the panel on the officer's screen.

A reason is required for "Không hài lòng" (DOMAIN.md); the panel asks for it before emitting.
The same levels and reasons are used by the citizen-facing window (`rating_window.py`)."""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.domain.text import nfc
from counter_app.ui import theme
from counter_app.ui.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)


@dataclass(frozen=True, slots=True)
class Level:
    id: str  # services.returns: very_satisfied, satisfied, unsatisfied
    title: str  # Vietnamese, translated in the "Rating" context
    key: str  # "1", "2", "3"
    colour: str
    background: str

    def display_title(self) -> str:
        return QCoreApplication.translate("Rating", self.title)


LEVELS: tuple[Level, ...] = (
    Level(
        "very_satisfied", QT_TRANSLATE_NOOP("Rating", "Rất hài lòng"), "1", theme.OK, theme.OK_BG
    ),
    Level("satisfied", QT_TRANSLATE_NOOP("Rating", "Hài lòng"), "2", theme.INFO, theme.INFO_BG),
    Level(
        "unsatisfied",
        QT_TRANSLATE_NOOP("Rating", "Không hài lòng"),
        "3",
        theme.DANGER,
        theme.DANGER_BG,
    ),
)
# Reasons a citizen picks with one touch; any other is typed.
REASONS = (
    QT_TRANSLATE_NOOP("Rating", "Phải chờ lâu"),
    QT_TRANSLATE_NOOP("Rating", "Hướng dẫn chưa rõ ràng"),
    QT_TRANSLATE_NOOP("Rating", "Thái độ phục vụ chưa tốt"),
    QT_TRANSLATE_NOOP("Rating", "Trả kết quả trễ hẹn"),
)


def level(level_id: str) -> Level:
    return next(lv for lv in LEVELS if lv.id == level_id)


def level_style(lv: Level, font_pt: int, radius: int = 14) -> str:
    """The style sheet of a big rating button of level `lv`."""
    return (
        f"QPushButton {{ background: {lv.background}; color: {lv.colour}; "
        f"border: 2px solid {lv.colour}; border-radius: {radius}px; font-size: {font_pt}pt; "
        f"font-weight: 600; padding: 10px 6px; }}"
        f"QPushButton:hover {{ background: #ffffff; }}"
        f"QPushButton:focus {{ border: 4px solid {lv.colour}; padding: 8px 4px; }}"
    )


class LevelButton(QPushButton):
    """A big button for one level: its key above its name."""

    def __init__(
        self, lv: Level, font_pt: int, *, citizen: bool = False, parent: QWidget | None = None
    ) -> None:
        # The citizen's screen is always Vietnamese (the source text) and shows no keys.
        text = lv.title if citizen else f"{lv.key}\n{lv.display_title()}"
        super().__init__(text, parent)
        self.level = lv
        self.setObjectName(f"rate-{lv.id}")
        self.setStyleSheet(level_style(lv, font_pt))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)


class RatingPanel(QFrame):
    """The rating on the officer's screen: three big buttons (keys 1, 2, 3), the reason for
    "Không hài lòng", and "the citizen does not rate". Emits `rated(level id, reason)` or
    `skipped()`; `set_second_screen(True)` says the citizen rates on their own screen."""

    rated = Signal(str, str)
    skipped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.setSpacing(10)
        self.heading = QLabel(
            self.tr("3. Mời công dân đánh giá mức độ hài lòng"), objectName="cardTitle"
        )
        self.heading.setWordWrap(True)
        lay.addWidget(self.heading)
        self.note = QLabel("", objectName="muted")
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        self.citizen_note = QLabel("", objectName="citizenNote")
        self.citizen_note.setWordWrap(True)
        self.citizen_note.setStyleSheet(
            f"background: {theme.INFO_BG}; color: {theme.INFO}; border-radius: 8px; padding: 8px 12px;"
        )
        self.citizen_note.hide()
        lay.addWidget(self.citizen_note)

        row = QHBoxLayout()
        row.setSpacing(12)
        self.buttons: dict[str, LevelButton] = {}
        for lv in LEVELS:
            button = LevelButton(lv, 14)
            button.setMinimumHeight(104)
            button.setMinimumWidth(150)
            button.clicked.connect(lambda _c=False, i=lv.id: self.choose(i))
            self.buttons[lv.id] = button
            row.addWidget(button)
        lay.addLayout(row, 1)

        self.reason_box = QWidget()
        reason_lay = QVBoxLayout(self.reason_box)
        reason_lay.setContentsMargins(0, 4, 0, 0)
        reason_lay.setSpacing(6)
        reason_lay.addWidget(
            QLabel(self.tr("Lý do không hài lòng (bắt buộc)"), objectName="fieldLabel")
        )
        reason_row = QHBoxLayout()
        reason_row.setSpacing(8)
        self.reason = QLineEdit(objectName="ratingReason")
        self.reason.setPlaceholderText(self.tr("Ví dụ: phải chờ lâu, hướng dẫn chưa rõ"))
        self.reason.returnPressed.connect(self.send_unsatisfied)
        self.send = QPushButton(self.tr("Ghi nhận đánh giá"), objectName="primary")
        self.send.clicked.connect(self.send_unsatisfied)
        reason_row.addWidget(self.reason, 1)
        reason_row.addWidget(self.send)
        reason_lay.addLayout(reason_row)
        self.reason_box.hide()
        lay.addWidget(self.reason_box)

        self.error = QLabel("", objectName="formError")
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        skip_row = QHBoxLayout()
        self.skip = QPushButton(self.tr("Công dân không đánh giá, bỏ qua (Esc)"), objectName="link")
        self.skip.setCursor(Qt.CursorShape.PointingHandCursor)
        self.skip.clicked.connect(self.skipped.emit)
        skip_row.addWidget(self.skip)
        skip_row.addStretch(1)
        lay.addLayout(skip_row)

    def start(self, note: str) -> None:
        """Show the panel for a new rating, with `note` (what was returned, to whom)."""
        self.note.setText(note)
        self.reason.clear()
        self.reason_box.hide()
        self.error.hide()
        self.set_busy(False)
        self.buttons["very_satisfied"].setFocus()

    def set_second_screen(self, shown: bool) -> None:
        self.citizen_note.setText(
            self.tr(
                "Màn hình đánh giá đang hiện trên màn hình thứ hai, hướng về công dân. Công dân "
                "bấm chọn ở đó; hoặc bạn bấm thay theo lời công dân."
            )
        )
        self.citizen_note.setVisible(shown)

    def set_busy(self, busy: bool) -> None:
        """While a rating is being recorded, nothing else can be chosen."""
        self.busy = busy
        for button in [*self.buttons.values(), self.send, self.skip]:
            button.setEnabled(not busy)

    def choose(self, level_id: str) -> None:
        """Level `level_id` chosen (button or key): emit it, or ask the reason first."""
        if self.busy:
            return
        if level_id == "unsatisfied":
            self.reason_box.show()
            self.error.hide()
            self.reason.setFocus()
            return
        self.rated.emit(level_id, "")

    def send_unsatisfied(self) -> None:
        reason = nfc(self.reason.text()).strip()
        if not reason:
            self.show_error(self.tr("Cần ghi lý do khi công dân không hài lòng."))
            self.reason.setFocus()
            return
        self.rated.emit("unsatisfied", reason)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
