"""Trả kết quả (F4): open a dossier (scan or type its code), check the ID of the person who takes
the result, hand it over (status 10, the result slip on the thermal printer), then the citizen's
rating: on a second screen facing the citizen when one is attached, else on this panel. The
citizen may decline to rate: nothing is recorded then.

Steps: "find" (no dossier) → "check" (a dossier ready, status 9; "not_ready" for any other) →
"rate" (returned) → back to "find" once rated or skipped."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from counter_app.domain.cccd import parse_cccd
from counter_app.domain.errors import CounterError
from counter_app.domain.status import Status
from counter_app.services.dossiers import find_dossiers, get_dossier
from counter_app.services.result_handover import hand_over_result
from counter_app.services.returns import rate
from counter_app.ui.context import AppContext, Changes
from counter_app.ui.errors import user_message
from counter_app.ui.pages.base import Page
from counter_app.ui.pages.returns_handover import HandoverForm
from counter_app.ui.pages.returns_summary import NotReadyCard, ReturnIntro, ReturnSummary
from counter_app.ui.qt import (
    QGuiApplication,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from counter_app.ui.rating import LEVELS, RatingPanel, level
from counter_app.ui.rating_window import CitizenRatingWindow
from counter_app.ui.scans import ScanKind, classify_scan
from counter_app.ui.widgets import centered

if TYPE_CHECKING:
    from counter_app.domain.cccd import CccdData
    from counter_app.services.dossiers import DossierView
    from counter_app.services.result_handover import HandedOver
    from counter_app.services.returns import RatingView


class ReturnsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.step = "find"
        self.view: DossierView | None = None
        self.taken_by = ""
        self._card: CccdData | None = None  # a scanned card waiting for its dossier to open
        self.citizen: CitizenRatingWindow | None = None
        # Which screens there are; a test injects two to see the citizen's window.
        self.screens: Callable[[], list[Any]] = QGuiApplication.screens

        self.code = QLineEdit(objectName="returnsCode")
        self.code.setPlaceholderText(
            self.tr("Quét mã vạch trên giấy hẹn trả kết quả, hoặc gõ mã hồ sơ rồi nhấn Enter")
        )
        self.code.setClearButtonEnabled(True)
        self.code.setMinimumHeight(38)
        self.code.returnPressed.connect(self.open_typed)
        open_button = QPushButton(self.tr("Mở hồ sơ"), objectName="primary")
        open_button.setMinimumHeight(38)
        open_button.clicked.connect(self.open_typed)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.code, 1)
        top.addWidget(open_button)

        self.intro = ReturnIntro()
        self.summary = ReturnSummary(ctx.language)
        self.form = HandoverForm()
        self.form.submitted.connect(self.hand_over)
        self.rating = RatingPanel()
        self.rating.rated.connect(self.record_rating)
        self.rating.skipped.connect(self.skip_rating)
        self.not_ready = NotReadyCard()
        self.not_ready.open_dossier.clicked.connect(self.open_in_dossiers)

        # Step 1 shows the intro alone; then the dossier on the left and the step on the right,
        # each card as tall as its content (hidden cards take no room).
        intro_page = QWidget()
        intro_lay = QVBoxLayout(intro_page)
        intro_lay.setContentsMargins(0, 12, 0, 0)
        intro_lay.addLayout(centered(self.intro))
        intro_lay.addStretch(1)
        work_page = QWidget()
        left = QVBoxLayout()
        left.addWidget(self.summary)
        left.addStretch(1)
        right = QVBoxLayout()
        for card in (self.form, self.rating, self.not_ready):
            right.addWidget(card)
        right.addStretch(1)
        work = QHBoxLayout(work_page)
        work.setContentsMargins(0, 0, 0, 0)
        work.setSpacing(16)
        work.addLayout(left, 5)
        work.addLayout(right, 6)
        self.modes = QStackedWidget()
        self.modes.addWidget(intro_page)
        self.modes.addWidget(work_page)
        self.work_page = work_page

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(14)
        lay.addLayout(top)
        lay.addWidget(self.modes, 1)

        self.confirm_action = self.add_page_action(
            self.tr("Xác nhận trả kết quả"), "Ctrl+Return", self.form.submit
        )
        self.level_actions = [
            self.add_page_action(lv.display_title(), lv.key, lambda i=lv.id: self.rating.choose(i))
            for lv in LEVELS
        ]
        self.add_page_action(
            self.tr("Bỏ qua đánh giá; khi chưa trả: làm lại từ đầu"), "Esc", self.escape
        )
        self._set_step("find")

    # --- hooks -----------------------------------------------------------------------------

    def on_shown(self) -> None:
        if self.step == "find":
            self.code.setFocus()

    def focus_search(self) -> bool:
        self.code.setFocus()
        self.code.selectAll()
        return True

    def handle_scan(self, text: str) -> bool:
        """A dossier code opens that dossier here. A CCCD fills the ID of the person taking
        the result; before a dossier is open, it finds the results waiting for that person."""
        kind = classify_scan(text)
        if kind is ScanKind.DOSSIER_CODE:
            self.open_code(text)
            return True
        if kind is not ScanKind.CCCD:
            return False
        try:
            card = parse_cccd(text, today=self.ctx.now_local().date())
        except CounterError as exc:
            self.ctx.show_message(exc.message, "warning")
            return True
        if self.step == "check":
            self.form.fill_from_card(card)
        else:
            if self.step == "rate":  # the next citizen's card: the last one did not rate
                self._finish(self.tr("Chưa đánh giá: công dân trước đã rời quầy."))
            self.ctx.read(
                find_dossiers,
                card.id_number,
                on_success=lambda found, c=card: self._found_for(c, found),
                owner=self,
            )
        return True

    def _found_for(self, card: CccdData, found: list[DossierView]) -> None:
        """The dossiers of the person whose card was scanned: open the one ready, or offer
        the choice; the card then fills the ID check."""
        ready = [d for d in found if d.status == Status.RESULT_READY]
        if not ready:
            self.ctx.show_message(
                self.tr("Không có hồ sơ nào của %1 (CCCD %2) đang chờ trả kết quả.")
                .replace("%1", card.full_name)
                .replace("%2", card.id_number),
                "warning",
            )
            return
        self._card = card
        if len(ready) == 1:
            self.open_code(ready[0].code)
            return
        self.view = None
        self._set_step("find")
        self.intro.show_choices(
            self.tr(
                "%1 có %n hồ sơ đang chờ trả kết quả: chọn hồ sơ cần trả.", "", len(ready)
            ).replace("%1", card.full_name),
            [(d.code, d.procedure_name) for d in ready],
            self.open_code,
        )

    def on_changes(self, changes: Changes) -> None:
        view = self.view
        if changes.source is self or view is None or self.step != "check":
            return
        if changes.touches(view.code):  # changed elsewhere while the citizen waits here
            self.open_code(view.code)

    def flush(self) -> None:
        if self.citizen is not None:
            self.citizen.hide()  # the screen locks: the citizen's screen must not stay up

    # --- step 1: the dossier ---------------------------------------------------------------

    def open_typed(self) -> None:
        self._card = None  # a typed code: no scanned card is meant for it
        text = self.code.text().strip()
        if text:
            self.open_code(text)

    def open_code(self, code: str) -> None:
        """Open the dossier `code` for returning (a scan, the dossier view, or typed)."""
        self.intro.show_choices("", [], None)
        if self.step == "rate":
            self._finish(self.tr("Chưa đánh giá: công dân trước đã rời quầy."))
        self.code.setText(code)
        self.ctx.read(
            get_dossier, code, on_success=self._opened, on_error=self._not_found, owner=self
        )

    def _opened(self, d: DossierView) -> None:
        card, self._card = self._card, None
        self.view = d
        self.code.setText(d.code)
        self.summary.show_dossier(d)
        if d.status == Status.RESULT_READY:
            self.form.start(d)
            self._set_step("check")
            self.form.id_number.setFocus()
            if card is not None:  # found from the scanned card: it is the taker's
                self.form.fill_from_card(card)
        else:
            self.not_ready.show_for(d, self.ctx.language)
            self._set_step("not_ready")
            self.code.setFocus()
            self.code.selectAll()

    def open_in_dossiers(self) -> None:
        """Show the open dossier on the dossiers page (where a result is recorded: Alt+K)."""
        if self.view is None:
            return
        self.ctx.open_dossier(self.view.code)

    def _not_found(self, exc: BaseException) -> None:
        self.view = None
        self._set_step("find")
        self.ctx.show_error(exc)
        self.code.setFocus()
        self.code.selectAll()

    # --- step 2: the ID check and the return -----------------------------------------------

    def hand_over(self, id_number: str, received_by: str, authorization: str) -> None:
        d = self.view
        if d is None or self.step != "check":
            return
        self.form.set_busy(True)
        self.ctx.write(
            partial(
                hand_over_result,
                code=d.code,
                actor=self.ctx.actor(),
                id_number=id_number,
                received_by=received_by,
                authorization=authorization,
                receipt_printer=self.ctx.settings.receipt_printer,
                at=self.ctx.now(),
            ),
            changes=lambda r: Changes(
                dossiers=frozenset({d.code}), prints=r.slip is not None, source=self
            ),
            on_success=self._handed_over,
            on_error=self._not_handed_over,
            owner=self,
        )

    def _not_handed_over(self, exc: BaseException) -> None:
        self.form.set_busy(False)
        self.form.show_error(user_message(exc))
        self.form.id_number.setFocus()

    def _handed_over(self, done: HandedOver) -> None:
        code = done.change.code
        self.taken_by = done.taken_by
        if done.slip is not None:
            self.ctx.wake_printing()
        text = self.tr("Đã trả kết quả hồ sơ %1 cho %2.").replace("%1", code)
        text = text.replace("%2", done.taken_by)
        if done.slip is not None:
            text += " " + self.tr("Phiếu trả kết quả đang được in.")
        if done.problem:
            self.ctx.show_message(
                text + " " + self.tr("Chưa in được phiếu: %1").replace("%1", done.problem),
                "warning",
            )
        else:
            self.ctx.show_message(text, "success")
        self.ctx.read(get_dossier, code, on_success=self._show_returned, owner=self)
        self._start_rating(text)

    def _show_returned(self, d: DossierView) -> None:
        if self.view is not None and d.code == self.view.code:
            self.view = d
            self.summary.show_dossier(d)

    # --- step 3: the rating ----------------------------------------------------------------

    def _start_rating(self, note: str) -> None:
        self._set_step("rate")
        self.rating.start(note)
        screen = self._citizen_screen()
        if screen is not None:
            if self.citizen is None:
                desk = self.ctx.desk.name if self.ctx.desk else ""
                self.citizen = CitizenRatingWindow(
                    self.ctx.user.full_name, desk, self.ctx.center_name, self
                )
                self.citizen.rated.connect(self.record_rating)
                self.citizen.declined.connect(self.skip_rating)
            self.citizen.show_on(screen)
        self.rating.set_second_screen(screen is not None)

    def _citizen_screen(self) -> Any:
        """Return the screen facing the citizen: one the window is not on (None if one only)."""
        screens = list(self.screens())
        if len(screens) < 2:
            return None
        own = self.window().screen()
        others = [s for s in screens if s is not own]
        return others[0] if others else screens[-1]

    def record_rating(self, level_id: str, reason: str) -> None:
        d = self.view
        if d is None or self.step != "rate":
            return
        self.rating.set_busy(True)
        self.ctx.write(
            partial(
                rate,
                actor=self.ctx.actor(),
                level=level_id,
                reason=reason,
                code=d.code,
                at=self.ctx.now(),
            ),
            changes=Changes(dossiers=frozenset({d.code}), source=self),
            on_success=self._rated,
            on_error=self._not_rated,
            owner=self,
        )

    def _not_rated(self, exc: BaseException) -> None:
        self.rating.set_busy(False)
        self.rating.show_error(user_message(exc))
        if self.citizen is not None and self.citizen.isVisible():
            self.citizen.reset()

    def _rated(self, rating: RatingView) -> None:
        if self.citizen is not None and self.citizen.isVisible():
            self.citizen.thank()
        name = level(rating.level).display_title()
        self._finish(self.tr("Đã ghi nhận đánh giá: %1.").replace("%1", name), thank=True)

    def skip_rating(self) -> None:
        if self.step == "rate":
            self._finish(self.tr("Công dân không đánh giá; không ghi nhận gì."))

    def _finish(self, outcome: str, thank: bool = False) -> None:
        """The visit is over: back to step 1 for the next citizen."""
        d = self.view
        if self.citizen is not None and not thank:
            self.citizen.hide()
        if self.citizen is not None:
            self.window().activateWindow()  # the keyboard back to the officer's window
        last = ""
        if d is not None:
            last = self.tr("Vừa trả: %1 cho %2. %3").replace("%1", d.code)
            last = last.replace("%2", self.taken_by or d.applicant_name).replace("%3", outcome)
        self.ctx.show_message(last or outcome, "success")
        self.view = None
        self.intro.show_last(last)
        self.code.clear()
        self._set_step("find")
        self.code.setFocus()

    # --- keys and steps --------------------------------------------------------------------

    def escape(self) -> None:
        if self.step == "rate":
            self.skip_rating()
        else:
            self.view = None
            self.code.clear()
            self.intro.show_last("")
            self._set_step("find")
            self.code.setFocus()

    def _set_step(self, step: str) -> None:
        """Show step `step`: find (the intro), not_ready, check or rate."""
        self.step = step
        self.modes.setCurrentIndex(0 if step == "find" else 1)
        self.form.setVisible(step == "check")
        self.rating.setVisible(step == "rate")
        self.not_ready.setVisible(step == "not_ready")
        self.confirm_action.setEnabled(step == "check")
        for action in self.level_actions:
            action.setEnabled(step == "rate")
