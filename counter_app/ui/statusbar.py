"""The status bar: who is signed in, at which desk, the link to the center, the printer, the clock.

The sync worker reports through `set_sync_state(SyncIndicator(...))`; the print queue's worker
through the session's `ctx.print_job_changed`, which the bar follows by itself (`show_print_job`)
once its window shows a signed-in shell. Until a job has changed, it says what the settings say.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from counter_app.ui.context import LOCAL_TZ, utcnow
from counter_app.ui.qt import (
    QLabel,
    QMenu,
    QMessageBox,
    QStatusBar,
    QTimer,
    QToolButton,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from counter_app.services.print_queue import JobView
    from counter_app.ui.context import AppContext

CLOCK_MS = 30_000


@dataclass(frozen=True, slots=True)
class SyncIndicator:
    """What the status bar shows about the link to the central database."""

    configured: bool  # a central database is set up for this desk
    online: bool = False
    waiting: int = 0  # changes not yet sent
    last_success: datetime | None = None  # aware
    detail: str = ""  # a tooltip: the last error, the clock skew...
    problem: bool = False  # something to look at although online (refused ops, clock skew)
    checking: bool = False  # the first round has not answered yet


class StatusBar(QStatusBar):
    sync_requested = Signal()  # the operator asked for a sync round now

    def __init__(
        self, parent: QWidget | None = None, clock: Callable[[], datetime] = utcnow
    ) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.clock_source = clock
        self.user = QLabel(objectName="statusUser")
        self.desk = QLabel(objectName="statusItem")
        self.sync = QLabel(objectName="statusItem")
        self.printer = QLabel(objectName="statusItem")
        self.clock = QLabel(objectName="statusClock")
        self.sync_button = QToolButton(objectName="statusButton")
        self.sync_button.setText(self.tr("Đồng bộ"))
        self.sync_button.setToolTip(self.tr("Đồng bộ ngay (Ctrl+Shift+S) hoặc xem lỗi gần nhất"))
        self.sync_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.sync_button)
        menu.addAction(self.tr("Đồng bộ ngay (Ctrl+Shift+S)"), self.sync_requested.emit)
        menu.addAction(self.tr("Xem lỗi đồng bộ gần nhất…"), self.show_sync_detail)
        self.sync_button.setMenu(menu)
        self.addWidget(self.user)
        self.addWidget(self.desk)
        for widget in (self.sync, self.sync_button, self.printer, self.clock):
            self.addPermanentWidget(widget)
        self.set_user("")
        self.set_desk("")
        self.set_sync_state(SyncIndicator(configured=False))
        self.set_printer_state("")
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._timer.start(CLOCK_MS)
        self.tick()
        self._session: weakref.ref[AppContext] | None = None
        self._printers: dict[str, tuple[bool | None, str]] = {}  # uri -> (ok, why not)
        # The window (CounterWindow) announces each screen it shows; when it is a new signed-in
        # session, follow that session's print jobs.
        shown = getattr(parent, "screen_shown", None)
        if shown is not None:
            shown.connect(self._follow_session)

    def set_user(self, full_name: str) -> None:
        self.user.setText(full_name or self.tr("Chưa đăng nhập"))

    def set_desk(self, name: str) -> None:
        self.desk.setText(name or self.tr("Chưa chọn quầy"))

    def set_sync_state(self, state: SyncIndicator) -> None:
        """Show the state of the link to the center (called by the sync worker)."""
        if not state.configured:
            text = self.tr("Chưa kết nối trung tâm")
        elif state.checking:
            text = self.tr("Đang kết nối trung tâm…")
        elif state.online and not state.waiting:
            text = self.tr("Đã đồng bộ với trung tâm")
        elif state.online:
            text = self.tr("Đang gửi %n thay đổi", "", state.waiting)
        elif state.waiting:
            text = self.tr("Mất kết nối trung tâm · %n thay đổi chờ gửi", "", state.waiting)
        else:
            text = self.tr("Mất kết nối trung tâm")
        if state.last_success is not None:
            when = state.last_success.astimezone(LOCAL_TZ).strftime("%H:%M %d/%m")
            text += " · " + self.tr("lần cuối %1").replace("%1", when)
        if state.problem:
            text = "⚠ " + text
        self.sync.setText(text)
        self.sync.setToolTip(state.detail)
        self.sync_button.setVisible(state.configured)
        warn = state.configured and not state.checking and (state.problem or not state.online)
        self.sync.setProperty("tone", "warn" if warn else "")
        self.sync.style().unpolish(self.sync)
        self.sync.style().polish(self.sync)
        self.sync_state = state

    def show_sync_detail(self) -> None:
        """Show the last sync error (or that there is none) in a dialog the operator can read."""
        detail = self.sync_state.detail or self.tr("Không có lỗi đồng bộ.")
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Đồng bộ"), detail, parent=self)
        box.open()
        self.sync_box = box

    def set_printer_state(self, uri: str, ok: bool | None = None, detail: str = "") -> None:
        """Show the receipt printer: its URI, and whether it answered (None: not checked)."""
        if not uri:
            text = self.tr("Máy in: chưa cấu hình")
        elif ok is False:
            text = self.tr("Máy in lỗi: %1").replace("%1", uri)
        else:
            text = self.tr("Máy in: %1").replace("%1", uri)
        self.printer.setText(text)
        self.printer.setToolTip(detail)

    def show_print_job(self, job: JobView) -> None:
        """A print job changed: show its printer's state; a failing printer stays shown (with
        its reason in the tooltip) until one of its jobs is printed."""
        if job.state == "done":
            state: tuple[bool | None, str] = (True, "")
        elif job.state == "failed" or job.last_error:
            state = (False, job.last_error)
        else:
            state = (self._printers.get(job.printer_uri, (None, ""))[0], "")
        self._printers[job.printer_uri] = state
        failing = [(uri, why) for uri, (ok, why) in self._printers.items() if ok is False]
        if failing:
            uri, why = failing[-1]
            self.set_printer_state(uri, False, why)
        else:
            self.set_printer_state(job.printer_uri, state[0])

    def _follow_session(self, _screen: str = "") -> None:
        ctx: Any = getattr(self.parent(), "ctx", None)
        signal = getattr(ctx, "print_job_changed", None)
        if signal is None or (self._session is not None and self._session() is ctx):
            return
        self._session = weakref.ref(ctx)
        self._printers.clear()
        signal.connect(self.show_print_job)
        for job in list(ctx.print_jobs.values()):
            self.show_print_job(job)

    def tick(self) -> None:
        now = self.clock_source().astimezone(LOCAL_TZ)
        self.clock.setText(now.strftime("%H:%M, %d/%m/%Y"))
