"""The status bar: who is signed in, at which desk, the link to the center, the printer, the clock.

The sync worker reports through `set_sync_state(SyncIndicator(...))` and the printing service
through `set_printer_state(...)`; until they exist the bar says what the settings say.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from counter_app.ui.context import LOCAL_TZ, utcnow
from counter_app.ui.qt import QLabel, QStatusBar, QTimer, QWidget

CLOCK_MS = 30_000


@dataclass(frozen=True, slots=True)
class SyncIndicator:
    """What the status bar shows about the link to the central database."""

    configured: bool  # a central database is set up for this desk
    online: bool = False
    waiting: int = 0  # changes not yet sent
    last_success: datetime | None = None  # aware
    detail: str = ""  # a tooltip: the last error, the clock skew...


class StatusBar(QStatusBar):
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
        self.addWidget(self.user)
        self.addWidget(self.desk)
        for label in (self.sync, self.printer, self.clock):
            self.addPermanentWidget(label)
        self.set_user("")
        self.set_desk("")
        self.set_sync_state(SyncIndicator(configured=False))
        self.set_printer_state("")
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._timer.start(CLOCK_MS)
        self.tick()

    def set_user(self, full_name: str) -> None:
        self.user.setText(full_name or self.tr("Chưa đăng nhập"))

    def set_desk(self, name: str) -> None:
        self.desk.setText(name or self.tr("Chưa chọn quầy"))

    def set_sync_state(self, state: SyncIndicator) -> None:
        """Show the state of the link to the center (called by the sync worker)."""
        if not state.configured:
            text = self.tr("Chưa kết nối trung tâm")
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
        self.sync.setText(text)
        self.sync.setToolTip(state.detail)

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

    def tick(self) -> None:
        now = self.clock_source().astimezone(LOCAL_TZ)
        self.clock.setText(now.strftime("%H:%M, %d/%m/%Y"))
