"""Reviewing one dossier's sync conflicts: the same field changed on two desks while they could
not see each other. The center kept the first value; for each clash the officer keeps it or puts
the other desk's value back (services/conflicts.py). The conflicts live at the center only, so
offline the dialog says so and offers to try again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter_app.services.conflicts import NeedsCenter, list_conflicts, resolve_conflict, shown
from counter_app.ui import theme
from counter_app.ui.center_link import LinkBox
from counter_app.ui.context import LOCAL_TZ, AppContext, Changes
from counter_app.ui.errors import user_message
from counter_app.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
    isValid,
)
from counter_app.ui.widgets import StateRow

if TYPE_CHECKING:
    from counter_app.services.conflicts import Conflict, ConflictResolution

# Who may settle a conflict: officers and supervisors.
RESOLVER_ROLES = frozenset({"officer", "supervisor"})

STYLE = f"""
#conflictCard {{ background: {theme.CARD}; border: 1px solid {theme.LINE}; border-radius: 8px; }}
#conflictField {{ font-size: 11pt; font-weight: 600; }}
#conflictInUse, #conflictSetAside {{ border-radius: 9px; padding: 2px 9px; font-weight: 600; }}
#conflictInUse {{ background: {theme.OK_BG}; color: {theme.OK}; }}
#conflictSetAside {{ background: {theme.WARN_BG}; color: {theme.WARN}; }}
#conflictValue {{ font-weight: 600; }}
#conflictDialog QPushButton:disabled {{ color: #9aa4b1; background: #f2f4f7; }}
"""


def _label(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ConflictCard(QFrame):
    """One conflict: the field, the value in use, the value set aside, and the two choices."""

    def __init__(self, conflict: Conflict, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conflictCard")
        self.conflict = conflict
        c = conflict
        self.field = _label(c.label_en if language == "en" else c.label_vi, "conflictField")
        in_use = _label(self.tr("Đang dùng"), "conflictInUse")
        set_aside = _label(self.tr("Bị giữ lại"), "conflictSetAside")
        for tag in (in_use, set_aside):
            tag.setWordWrap(False)
        at = c.at.astimezone(LOCAL_TZ).strftime("%H:%M %d/%m")
        # The value goes in last, so that a "%2" typed in it stays as typed.
        if c.kept_desk is not None:
            center = self.tr("%1 (quầy %2)").replace("%2", str(c.kept_desk))
        else:
            center = "%1"
        if c.other_desk is not None:
            desk = self.tr("%1 (quầy %2, đến trung tâm lúc %3)").replace("%2", str(c.other_desk))
            desk = desk.replace("%3", at)
        else:
            desk = self.tr("%1 (đến trung tâm lúc %2)").replace("%2", at)
        english = language == "en"
        in_use_text = shown(c.entity, c.field, c.center_value, english=english)
        set_aside_text = shown(c.entity, c.field, c.desk_value, english=english)
        self.center_value = _label(center.replace("%1", in_use_text), "conflictValue")
        self.desk_value = _label(desk.replace("%1", set_aside_text), "conflictValue")
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        for row, (tag, value) in enumerate(
            ((in_use, self.center_value), (set_aside, self.desk_value))
        ):
            grid.addWidget(tag, row, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(value, row, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)

        self.keep_button = QPushButton(self.tr("Giữ giá trị đang dùng"))
        if c.other_desk is not None:
            use = self.tr("Dùng giá trị của quầy %1").replace("%1", str(c.other_desk))
        else:
            use = self.tr("Dùng giá trị bị giữ lại")
        self.use_button = QPushButton(use)
        self.why_not = _label("", "muted")
        self.why_not.hide()
        if not c.choosable:
            reason = self.tr(
                "Giá trị này do thao tác chuyển trạng thái đặt, không đặt lại ở đây được. "
                "Nếu cần, dùng các thao tác chuyển trạng thái thường của hồ sơ."
            )
            self.use_button.setToolTip(reason)
            self.why_not.setText(reason)
            self.why_not.show()
        for button in (self.keep_button, self.use_button):
            button.setMinimumHeight(34)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addStretch(1)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.use_button)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.setSpacing(8)
        lay.addWidget(self.field)
        lay.addLayout(grid)
        lay.addWidget(self.why_not)
        lay.addLayout(buttons)
        self.set_enabled(True, allowed=True)

    def set_enabled(self, enabled: bool, *, allowed: bool) -> None:
        """Enable the choices (`allowed`: the user may settle conflicts at all)."""
        self.keep_button.setEnabled(enabled and allowed)
        self.use_button.setEnabled(enabled and allowed and self.conflict.choosable)


class ConflictDialog(QDialog):
    """The conflicts of one dossier, loaded from the center, each settled with one button."""

    def __init__(
        self,
        ctx: AppContext,
        dossier_id: str,
        dossier_code: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setStyleSheet(STYLE)
        self.ctx = ctx
        self.dossier_id = dossier_id
        self.code = dossier_code
        self.box = LinkBox()
        self.cards: list[ConflictCard] = []
        self.busy = False
        self.allowed = bool(ctx.user.roles & RESOLVER_ROLES)
        self.setWindowTitle(self.tr("Xem lại thay đổi trùng nhau – %1").replace("%1", dossier_code))
        self.setMinimumSize(560, 360)
        self.resize(680, 520)

        title = _label(self.tr("Hồ sơ %1: thay đổi trùng nhau").replace("%1", dossier_code))
        title.setObjectName("cardTitle")
        intro = _label(
            self.tr(
                "Khi mất kết nối, hai quầy cùng sửa một nội dung của hồ sơ này. Trung tâm đang "
                "dùng giá trị đến trước; giá trị kia được giữ lại. Với mỗi nội dung, chọn giữ "
                "giá trị đang dùng hoặc dùng giá trị bị giữ lại."
            ),
            "muted",
        )
        self.not_allowed = _label(
            self.tr("Chỉ cán bộ một cửa hoặc lãnh đạo mới được giải quyết thay đổi trùng nhau."),
            "muted",
        )
        self.not_allowed.setVisible(not self.allowed)

        self.state = StateRow(self.load)
        self.retry_button = self.state.retry_button

        self.list_box = QWidget()
        self.list_lay = QVBoxLayout(self.list_box)
        self.list_lay.setContentsMargins(0, 0, 4, 0)
        self.list_lay.setSpacing(10)
        self.list_lay.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setWidget(self.list_box)

        buttons = QDialogButtonBox()
        self.close_button = buttons.addButton(
            self.tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.close_button.setAutoDefault(False)
        buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 18, 20, 14)
        lay.setSpacing(10)
        lay.addWidget(title)
        lay.addWidget(intro)
        lay.addWidget(self.not_allowed)
        lay.addWidget(self.state)
        lay.addWidget(self.scroller, 1)
        lay.addWidget(buttons)
        self.finished.connect(self._release)
        self.load()

    # --- loading ---------------------------------------------------------------------------

    def load(self) -> None:
        """Ask the center for the dossier's unsettled conflicts (off the GUI thread)."""
        self.state.say(self.tr("Đang tải các thay đổi trùng nhau từ trung tâm…"), "")
        self._set_cards_enabled(False)
        box, dossier_id = self.box, self.dossier_id
        self.ctx.read(
            lambda db: list_conflicts(db, box.get(db), dossier_id=dossier_id),
            on_success=self._show,
            on_error=self._failed,
            owner=self,
        )

    def _show(self, conflicts: list[Conflict]) -> None:
        self.busy = False
        self._drop_cards()
        if not conflicts:
            self._done(self.tr("Hồ sơ không còn thay đổi trùng nhau nào cần xem lại."))
            return
        self.state.say(self.tr("%n thay đổi trùng nhau cần xem lại.", "", len(conflicts)), "")
        for conflict in conflicts:
            card = ConflictCard(conflict, self.ctx.language, self.list_box)
            card.keep_button.clicked.connect(
                lambda _c=False, i=conflict.id: self.resolve(i, "center")
            )
            card.use_button.clicked.connect(lambda _c=False, i=conflict.id: self.resolve(i, "desk"))
            card.set_enabled(True, allowed=self.allowed)
            self.list_lay.insertWidget(self.list_lay.count() - 1, card)
            card.show()  # now, not when the layout gets to it: the focus below needs it shown
            self.cards.append(card)
        # Tab goes down the cards, each "keep" before "use", then to Close.
        chain = [b for c in self.cards for b in (c.keep_button, c.use_button)]
        for first, second in zip(chain, [*chain[1:], self.close_button], strict=True):
            QWidget.setTabOrder(first, second)
        if self.allowed:
            self.cards[0].keep_button.setFocus()
        else:
            self.close_button.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        if isinstance(exc, NeedsCenter):
            text = self.tr(
                "Cần kết nối với trung tâm để xem và giải quyết thay đổi trùng nhau. Kiểm tra "
                "kết nối mạng rồi bấm “Thử lại”."
            )
        else:
            text = user_message(exc)
        self.state.say(text, "error")
        self._drop_cards()
        self.retry_button.setFocus()

    # --- settling --------------------------------------------------------------------------

    def resolve(self, conflict_id: str, choice: str) -> None:
        """Settle one conflict: `choice` "center" keeps the value in use, "desk" uses the other
        desk's value; then the list is loaded again."""
        if self.busy or not self.allowed:
            return
        self.busy = True
        self._set_cards_enabled(False)
        self.state.say(self.tr("Đang lưu lựa chọn ở trung tâm…"), "")
        box, actor, ctx = self.box, self.ctx.actor(), self.ctx
        done = self.tr("Hồ sơ %1: đã xem lại xong các thay đổi trùng nhau.").replace(
            "%1", self.code
        )

        # No owner: the change is announced (and the message bar told) even if the dialog
        # was closed meanwhile; only the dialog's own update needs the dialog.
        def settled(result: ConflictResolution) -> None:
            if result.remaining == 0:
                ctx.show_message(done, "success")
            if isValid(self):
                self._resolved()

        def failed(exc: BaseException) -> None:
            if isValid(self):
                self._not_resolved(exc)
            else:
                ctx.show_error(exc)

        self.ctx.write(
            lambda db: resolve_conflict(db, box.get(db), conflict_id, choice, actor),
            changes=Changes(dossiers=frozenset({self.code})),
            on_success=settled,
            on_error=failed,
        )

    def _resolved(self) -> None:
        self.busy = False
        self.load()

    def _not_resolved(self, exc: BaseException) -> None:
        self.busy = False
        if isinstance(exc, NeedsCenter):
            self._failed(exc)
            return
        self.ctx.show_error(exc)
        self.load()  # settled meanwhile at another desk, or refused: show what is left now

    # --- state -----------------------------------------------------------------------------

    def _done(self, text: str) -> None:
        self.state.say(self.tr("Đã xem lại xong.") + " " + text, "done")
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def _drop_cards(self) -> None:
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []

    def _set_cards_enabled(self, enabled: bool) -> None:
        for card in self.cards:
            card.set_enabled(enabled, allowed=self.allowed)

    def _release(self, _result: int = 0) -> None:
        # Closed on the database thread, after any call still using the link.
        self.ctx.read(self.box.close)
