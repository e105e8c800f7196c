"""The ticket kiosk (issue 7, part 2): full screen, touch only. A citizen taps a service (after
the priority step if they are entitled to it), and the ticket is shown big while it prints.

Issuing runs on the worker's database lane; printing on the print worker's thread. Taps are
ignored while a ticket is being issued, so a double tap never makes two tickets. The kiosk
cannot be left without an administrator's password (kiosk_exit.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter_app.ui.errors import user_message
from counter_app.ui.kiosk_exit import EXIT_SHORTCUT, AdminPanel, CornerHotspot
from counter_app.ui.kiosk_priority import PriorityPanel, priority_label
from counter_app.ui.kiosk_services import ServiceGrid
from counter_app.ui.kiosk_style import kiosk_style, px, scale_for
from counter_app.ui.kiosk_ticket import TicketView
from counter_app.ui.qt import (
    QCloseEvent,
    QFrame,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QPushButton,
    QResizeEvent,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from counter_app.services.kiosk import KioskService, KioskTicket
    from counter_app.services.print_queue import JobView
    from counter_app.ui.kiosk_context import KioskContext

TICKET_MS = 8000  # the ticket stays on screen this long
TICKET_OFF_MS = 20000  # longer when the printer did not print: time to take a photo
IDLE_MS = 30000  # a priority chosen and left: back to the ordinary home screen
REFRESH_MS = 15000  # waiting counts on the cards


class KioskWindow(QWidget):
    """The kiosk's one window. `start()` loads the services; `ctx` does all the work."""

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="kiosk")
        self.ctx = ctx
        self.priority = ""
        self.busy = False
        self.may_close = False
        self.last_ticket: KioskTicket | None = None
        # The print worker's latest news per job: it may print a ticket before the database
        # lane's answer has shown it (both reach the GUI thread as queued events).
        self.jobs: dict[str, JobView] = {}
        self._scale = 0.0
        self.setWindowTitle(self.tr("Máy lấy số thứ tự"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._build()
        self.back_timer = self._timer(TICKET_MS, self.show_home)
        self.idle_timer = self._timer(IDLE_MS, self.show_home)
        self.refresh_timer = self._timer(REFRESH_MS, self.refresh, single=False)
        self.clock_timer = self._timer(1000, self._tick, single=False)
        ctx.job_changed.connect(self._job_changed)

    def _timer(self, ms: int, slot: object, single: bool = True) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    def _build(self) -> None:
        header = QFrame(objectName="kioskHeader")
        self.center = QLabel(objectName="kioskCenter")
        self.subtitle = QLabel(self.tr("Máy lấy số thứ tự"), objectName="kioskAgency")
        self.clock = QLabel(objectName="kioskClock")
        self.date = QLabel(objectName="kioskDate")
        left = QVBoxLayout()
        left.addWidget(self.center)
        left.addWidget(self.subtitle)
        right = QVBoxLayout()
        for label in (self.clock, self.date):
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
            right.addWidget(label)
        self.header_layout = QHBoxLayout(header)
        self.header_layout.addLayout(left, 1)
        self.header_layout.addLayout(right)

        self.home = QWidget()
        self.title = QLabel(objectName="kioskTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error = QLabel(objectName="kioskError")
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.setWordWrap(True)
        self.error.hide()
        self.grid = ServiceGrid()
        self.grid.chosen.connect(self.tap)
        self.priority_toggle = QPushButton(objectName="priorityToggle")
        self.priority_toggle.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.priority_toggle.clicked.connect(self._toggle_priority)
        footer = QLabel(
            self.tr("Chạm vào dịch vụ cần giải quyết để nhận phiếu số thứ tự."),
            objectName="kioskFooter",
        )
        footer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.home_layout = QVBoxLayout(self.home)
        self.home_layout.setContentsMargins(0, 0, 0, 0)
        self.home_layout.addWidget(self.title)
        self.home_layout.addWidget(self.error)
        self.home_layout.addWidget(self.grid, 1)
        self.home_layout.addWidget(self.priority_toggle)
        self.home_layout.addWidget(footer)

        self.priority_panel = PriorityPanel()
        self.priority_panel.chosen.connect(self._priority_chosen)
        self.priority_panel.back.connect(self.show_home)
        self.ticket_view = TicketView()
        self.ticket_view.done.connect(self.show_home)
        self.admin = AdminPanel()
        self.admin.submitted.connect(self._check_admin)
        self.admin.cancelled.connect(self.show_home)
        self.pages = QStackedWidget()
        for page in (self.home, self.priority_panel, self.ticket_view, self.admin):
            self.pages.addWidget(page)
        self.body = QVBoxLayout()
        self.body.addWidget(self.pages)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addLayout(self.body, 1)
        self.corner = CornerHotspot(self)
        self.corner.long_pressed.connect(self.ask_exit)
        self._show_priority()

    # --- life ------------------------------------------------------------------------------

    def start(self) -> None:
        """Load the center's name and the services, start the printer and the timers."""
        from counter_app.services.desks import center_name

        self.ctx.worker.db(center_name, self.ctx.db, on_success=self.center.setText, owner=self)
        if self.ctx.printer_uri:
            self.ctx.start_printing()
        self.refresh()
        self.refresh_timer.start()
        self.clock_timer.start()
        self._tick()

    def refresh(self) -> None:
        self.ctx.services(self._services, owner=self)

    def _services(self, services: list[KioskService]) -> None:
        self.grid.set_services(services)
        self.grid.set_enabled(not self.busy)

    def _tick(self) -> None:
        from zoneinfo import ZoneInfo

        now = self.ctx.clock().astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))
        self.clock.setText(f"{now:%H:%M}")
        self.date.setText(f"{now:%d/%m/%Y}")

    # --- a citizen's touch -----------------------------------------------------------------

    def tap(self, code: str) -> None:
        """Issue a ticket of service `code` (with the priority chosen, if any)."""
        if self.busy:
            return
        self.busy = True
        self.grid.set_enabled(False)
        self.error.hide()
        self.idle_timer.stop()
        self.ctx.issue(code, self.priority, on_success=self._issued, on_error=self._failed,
                       owner=self)  # fmt: skip

    def _issued(self, ticket: KioskTicket) -> None:
        self.busy = False
        self.grid.set_enabled(True)
        self.last_ticket = ticket
        self.ticket_view.show_ticket(ticket, qr_size=px(300, self._scale or 1.0))
        if ticket.job is not None and ticket.job.id in self.jobs:
            self.ticket_view.job_changed(self.jobs[ticket.job.id])
        self.pages.setCurrentWidget(self.ticket_view)
        self.back_timer.start(TICKET_OFF_MS if self.ticket_view.printer_off else TICKET_MS)
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.grid.set_enabled(True)
        self.show_home()
        self.error.setText(
            self.tr("Chưa lấy được số, xin Ông/Bà thử lại hoặc hỏi cán bộ hướng dẫn.")
            + "\n"
            + user_message(exc)
        )
        self.error.show()

    def _job_changed(self, job: JobView) -> None:
        self.jobs[job.id] = job
        while len(self.jobs) > 50:
            del self.jobs[next(iter(self.jobs))]
        was_off = self.ticket_view.printer_off
        self.ticket_view.job_changed(job)
        if self.ticket_view.printer_off and not was_off and self.back_timer.isActive():
            self.back_timer.start(TICKET_OFF_MS)

    def _toggle_priority(self) -> None:
        if self.priority:
            self.priority = ""
            self._show_priority()
        else:
            self.pages.setCurrentWidget(self.priority_panel)
            self.idle_timer.start()

    def _priority_chosen(self, kind: str) -> None:
        self.priority = kind
        self._show_priority()
        self.pages.setCurrentWidget(self.home)
        self.idle_timer.start()

    def _show_priority(self) -> None:
        label = priority_label(self.priority)
        if label:
            self.title.setText(self.tr("Chọn dịch vụ cho phiếu ưu tiên"))
            self.priority_toggle.setText(
                self.tr("Phiếu ưu tiên: %1  —  chạm để bỏ chọn").replace("%1", label)
            )
        else:
            self.title.setText(self.tr("Xin mời chọn dịch vụ để lấy số thứ tự"))
            self.priority_toggle.setText(
                self.tr(
                    "Người cao tuổi, người khuyết tật, phụ nữ mang thai, có lịch hẹn: "
                    "chạm vào đây để lấy số ưu tiên"
                )
            )
        self.priority_toggle.setProperty("chosen", "true" if label else "false")
        style = self.priority_toggle.style()
        style.unpolish(self.priority_toggle)
        style.polish(self.priority_toggle)

    def show_home(self) -> None:
        """Back to the services, as an ordinary ticket (a priority is asked for each time)."""
        self.back_timer.stop()
        self.idle_timer.stop()
        self.priority = ""
        self._show_priority()
        self.error.hide()
        self.pages.setCurrentWidget(self.home)

    # --- leaving ---------------------------------------------------------------------------

    def ask_exit(self) -> None:
        self.back_timer.stop()
        self.idle_timer.stop()
        self.admin.open()
        self.pages.setCurrentWidget(self.admin)
        self.idle_timer.start(IDLE_MS * 2)  # a panel left open goes back to the citizens

    def _check_admin(self, user: str, password: str) -> None:
        self.idle_timer.start(IDLE_MS * 2)
        self.ctx.check_admin(user, password, on_success=self._admin_answer,
                             on_error=lambda exc: self.admin.refuse(user_message(exc)),
                             owner=self)  # fmt: skip

    def _admin_answer(self, allowed: bool) -> None:
        if not allowed:
            self.admin.refuse(self.tr("Chỉ quản trị viên hoặc lãnh đạo mới thoát được."))
            return
        self.may_close = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.may_close:  # Alt+F4 and the like: a kiosk stays open
            event.ignore()
            return
        for timer in (self.back_timer, self.idle_timer, self.refresh_timer, self.clock_timer):
            timer.stop()
        self.ctx.stop()
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()  # Esc does not leave full screen or close anything
            return
        # Handled here rather than as a shortcut: a kiosk window may never be the active one
        # (no window manager), and shortcuts need that.
        if QKeySequence(event.keyCombination()) == QKeySequence(EXIT_SHORTCUT):
            event.accept()
            self.ask_exit()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        scale = scale_for(self.width(), self.height())
        if scale != self._scale:
            self._apply_scale(scale)
        self.corner.move(0, 0)
        self.corner.raise_()

    def _apply_scale(self, scale: float) -> None:
        self._scale = scale
        self.setStyleSheet(kiosk_style(scale))
        margin = px(48, scale)
        self.body.setContentsMargins(margin, px(28, scale), margin, px(24, scale))
        self.header_layout.setContentsMargins(margin, px(18, scale), margin, px(18, scale))
        self.home_layout.setSpacing(px(24, scale))
        self.grid.set_scale(scale)
