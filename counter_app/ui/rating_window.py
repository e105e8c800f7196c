"""The rating window facing the citizen, full screen on a second screen: three very big buttons,
the reason for "Không hài lòng" (one touch on a common reason, or typed), then a thank-you.

Always Vietnamese: it speaks to the citizen, whatever language the officer's window uses. It
records nothing itself: it emits `rated(level id, reason)` or `declined()`, and the returns page
records the rating and calls `thank()`."""

from __future__ import annotations

from typing import Any

from counter_app.domain.text import nfc
from counter_app.ui import theme
from counter_app.ui.qt import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from counter_app.ui.rating import LEVELS, REASONS, LevelButton, level

THANKS_MS = 4000  # the thank-you stays this long, then the window closes

# Vietnamese on purpose (see the module's docstring): no tr() here.
TITLE = "Xin Ông/Bà vui lòng đánh giá mức độ hài lòng"
SERVED_BY = "về việc giải quyết hồ sơ và thái độ phục vụ của cán bộ {officer}"
WHY = "Xin Ông/Bà cho biết lý do chưa hài lòng"
OTHER = "Lý do khác (Ông/Bà có thể gõ vào đây):"
SEND = "Gửi đánh giá"
BACK = "Quay lại"
DECLINE = "Không đánh giá"
THANKS = "Cảm ơn Ông/Bà đã đánh giá!"
THANKS_NOTE = "Ý kiến của Ông/Bà giúp Trung tâm phục vụ tốt hơn."
NEED_REASON = "Xin chọn hoặc ghi một lý do."
STYLE = f"""
#citizenRating {{ background: {theme.GROUND}; }}
#citizenCenter {{ font-size: 14pt; font-weight: 600; color: {theme.MUTED}; }}
#citizenTitle {{ font-size: 30pt; font-weight: 700; color: {theme.FRAME}; }}
#citizenSub {{ font-size: 16pt; color: {theme.MUTED}; }}
#citizenWhy {{ font-size: 24pt; font-weight: 600; color: {theme.FRAME}; }}
#citizenThanks {{ font-size: 36pt; font-weight: 700; color: {theme.OK}; }}
#citizenError {{ font-size: 15pt; color: {theme.DANGER}; }}
#citizenRating QLineEdit {{ font-size: 16pt; padding: 10px 12px; }}
#reasonChoice {{
    font-size: 16pt; padding: 16px; background: {theme.CARD}; border: 2px solid {theme.LINE};
    border-radius: 12px;
}}
#reasonChoice:checked {{ border: 3px solid {theme.DANGER}; background: {theme.DANGER_BG}; }}
#citizenSend {{
    font-size: 16pt; font-weight: 600; padding: 14px 36px; color: #ffffff;
    background: {theme.ACCENT}; border: none; border-radius: 10px;
}}
#citizenQuiet {{
    font-size: 13pt; padding: 10px 24px; color: {theme.MUTED}; background: transparent;
    border: 1px solid {theme.LINE}; border-radius: 10px;
}}
"""


def _label(text: str, name: str) -> QLabel:
    label = QLabel(text, objectName=name)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class CitizenRatingWindow(QWidget):
    """The citizen's screen. `show_on(screen)` shows it full screen there."""

    rated = Signal(str, str)
    declined = Signal()

    def __init__(
        self, officer: str, desk: str, center: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("citizenRating")
        self.setWindowTitle(TITLE)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # Shown without taking the keyboard from the officer's window (keys 1, 2, 3, Esc there);
        # it becomes active when the citizen touches it.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setStyleSheet(STYLE)
        self._closing = QTimer(self)
        self._closing.setSingleShot(True)
        self._closing.timeout.connect(self.close)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._choice_page(officer, desk))
        self.pages.addWidget(self._reason_page())
        self.pages.addWidget(self._thanks_page())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(64, 36, 64, 48)
        self.center = _label(center.upper(), "citizenCenter")
        self.center.setVisible(bool(center))
        outer.addWidget(self.center)
        outer.addWidget(self.pages, 1)

    # --- building --------------------------------------------------------------------------

    def _choice_page(self, officer: str, desk: str) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setSpacing(18)
        lay.addStretch(1)
        lay.addWidget(_label(TITLE, "citizenTitle"))
        served = SERVED_BY.format(officer=officer) + (f" · {desk}" if desk else "")
        lay.addWidget(_label(served, "citizenSub"))
        lay.addSpacing(24)
        row = QHBoxLayout()
        row.setSpacing(32)
        self.buttons: dict[str, LevelButton] = {}
        for lv in LEVELS:
            button = LevelButton(lv, 30, citizen=True)
            button.setMinimumSize(260, 220)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # touched, not typed
            button.clicked.connect(lambda _c=False, i=lv.id: self.choose(i))
            self.buttons[lv.id] = button
            row.addWidget(button)
        lay.addLayout(row, 3)
        lay.addStretch(1)
        self.decline = QPushButton(DECLINE, objectName="citizenQuiet")
        self.decline.clicked.connect(self.declined.emit)
        lay.addWidget(self.decline, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _reason_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setSpacing(18)
        lay.addStretch(1)
        lay.addWidget(_label(WHY, "citizenWhy"))
        lay.addSpacing(12)
        grid = QGridLayout()
        grid.setSpacing(16)
        self.reasons: list[QPushButton] = []
        for i, reason in enumerate(REASONS):
            button = QPushButton(reason, objectName="reasonChoice")  # the Vietnamese source
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.setMinimumHeight(72)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.reasons.append(button)
            grid.addWidget(button, i // 2, i % 2)
        lay.addLayout(grid)
        lay.addSpacing(8)
        other = QLabel(OTHER, objectName="citizenSub")
        lay.addWidget(other)
        self.other = QLineEdit(objectName="citizenReason")
        self.other.setMinimumHeight(52)
        self.other.textEdited.connect(lambda _t: self._uncheck())
        lay.addWidget(self.other)
        self.error = _label("", "citizenError")
        self.error.hide()
        lay.addWidget(self.error)
        row = QHBoxLayout()
        back = QPushButton(BACK, objectName="citizenQuiet")
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.send = QPushButton(SEND, objectName="citizenSend")
        self.send.clicked.connect(self.send_unsatisfied)
        row.addWidget(back)
        row.addStretch(1)
        row.addWidget(self.send)
        lay.addLayout(row)
        lay.addStretch(1)
        return page

    def _thanks_page(self) -> QWidget:
        page = QFrame()
        lay = QVBoxLayout(page)
        lay.addStretch(1)
        lay.addWidget(_label(THANKS, "citizenThanks"))
        lay.addSpacing(12)
        lay.addWidget(_label(THANKS_NOTE, "citizenSub"))
        lay.addStretch(1)
        return page

    # --- use -------------------------------------------------------------------------------

    def show_on(self, screen: Any) -> None:
        """Show the choice full screen on `screen` (a QScreen)."""
        self.reset()
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    def reset(self) -> None:
        self._closing.stop()
        self._uncheck()
        self.other.clear()
        self.error.hide()
        self.setEnabled(True)
        self.pages.setCurrentIndex(0)

    def choose(self, level_id: str) -> None:
        if level(level_id).id == "unsatisfied":
            self.pages.setCurrentIndex(1)
            return
        self.setEnabled(False)  # one rating: no second touch while it is recorded
        self.rated.emit(level_id, "")

    def chosen_reason(self) -> str:
        checked = next((b.text() for b in self.reasons if b.isChecked()), "")
        return nfc(self.other.text()).strip() or checked

    def send_unsatisfied(self) -> None:
        reason = self.chosen_reason()
        if not reason:
            self.error.setText(NEED_REASON)
            self.error.show()
            return
        self.setEnabled(False)
        self.rated.emit("unsatisfied", reason)

    def thank(self) -> None:
        """The rating is recorded: thank the citizen, then close after a while."""
        self.setEnabled(True)
        self.pages.setCurrentIndex(2)
        self._closing.start(THANKS_MS)

    def _uncheck(self) -> None:
        for button in self.reasons:
            button.setAutoExclusive(False)
            button.setChecked(False)
            button.setAutoExclusive(True)
