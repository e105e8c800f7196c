"""The hall display (issue 7, part 4): a full-screen TV window with the latest call big and
flashing, the ticket each desk serves ("A023 → Quầy 5"), the waiting count per service, the
center's name and a clock; each new call is announced aloud, one at a time.

It only shows what it is given (`show_view`, fed by display_feed.HallFeed) and hands sentences to
the Announcer; `display_app.py` assembles database, feed, sounds and window.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from counter_app.domain.announce import call_sentence
from counter_app.services.queue_status import CallMade, HallView
from counter_app.ui.announcer import Announcer
from counter_app.ui.display_parts import DeskTile, ServiceRow, repolish, style_sheet
from counter_app.ui.qt import (
    QElapsedTimer,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QResizeEvent,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
FLASH_MS = 8000  # how long a new call flashes
RECENT = 4  # earlier calls listed beside the latest


def _now() -> datetime:
    return datetime.now(LOCAL_TZ)


def _label(text: str, name: str, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
    return label


class HallDisplay(QWidget):
    """The TV window. `seen` calls are not announced again; the first view announces none
    (a display started mid-morning must not read out the morning's history)."""

    def __init__(
        self,
        center_name: str,
        *,
        announcer: Announcer | None = None,
        voice_kind: str = "muted",
        speakers: bool = True,
        clock: Callable[[], datetime] = _now,
        flash_ms: int = FLASH_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("hall")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(self.tr("Màn hình phòng chờ"))
        self.announcer = announcer
        self.voice_kind = voice_kind
        self.speakers = speakers
        self.clock = clock
        self.flash_ms = flash_ms
        self.flashing = False
        self.latest: CallMade | None = None
        self._seen: set[tuple[str, datetime]] | None = None
        self._source = ""
        self._build(center_name)
        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(500)
        self._flash_timer.timeout.connect(self._blink)
        self._flash_age = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_clock)
        self._tick.start()
        self._show_clock()
        self._show_status()

    def _build(self, center_name: str) -> None:
        header = QFrame()
        header.setObjectName("hallHeader")
        top = QHBoxLayout(header)
        self.center = _label(center_name.upper(), "hallCenter")
        self.center.setWordWrap(True)
        clock_box = QVBoxLayout()
        self.time = _label("", "hallClock", Qt.AlignmentFlag.AlignRight)
        self.date = _label("", "hallDate", Qt.AlignmentFlag.AlignRight)
        clock_box.addWidget(self.time)
        clock_box.addWidget(self.date)
        top.addWidget(self.center, 1)
        top.addLayout(clock_box)

        self.call = QFrame()
        self.call.setObjectName("hallCall")
        call_box = QVBoxLayout(self.call)
        center = Qt.AlignmentFlag.AlignHCenter
        self.call_lead = _label(self.tr("Mời số"), "callLead", center)
        self.call_ticket = _label("", "callTicket", center)
        self.call_desk = _label("", "callDesk", center)
        for w in (self.call_lead, self.call_ticket, self.call_desk):
            call_box.addWidget(w)
        self.serving_title = _label(self.tr("Các quầy đang phục vụ"), "hallTitle")
        self.tiles_box = QWidget()
        self.tiles = QGridLayout(self.tiles_box)
        self.tiles.setContentsMargins(0, 0, 0, 0)
        self._tiles: list[DeskTile] = []
        left = QVBoxLayout()
        left.addWidget(self.call, 5)
        left.addWidget(self.serving_title)
        self.no_desks = _label(self.tr("Chưa có quầy nào đang phục vụ"), "recent")
        left.addWidget(self.no_desks)
        left.addWidget(self.tiles_box, 4)

        self.side = QWidget()  # a fixed share of the width (resizeEvent): tiles must not eat it
        right = QVBoxLayout(self.side)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(_label(self.tr("Số người đang chờ"), "hallTitle"))
        self.services_box = QVBoxLayout()
        self._rows: list[ServiceRow] = []
        right.addLayout(self.services_box)
        right.addSpacing(12)
        right.addWidget(_label(self.tr("Vừa gọi"), "hallTitle"))
        self.recent = [_label("", "recent") for _ in range(RECENT)]
        for label in self.recent:
            right.addWidget(label)
        right.addStretch(1)

        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(self.side)
        body.setSpacing(32)
        self.status = _label("", "hallStatus")
        outer = QVBoxLayout(self)
        # The screen's size decides, never the content's: a long name must not grow the window.
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        outer.setContentsMargins(0, 0, 0, 8)
        outer.addWidget(header)
        inner = QVBoxLayout()
        inner.setContentsMargins(32, 16, 32, 0)
        inner.addLayout(body, 1)
        inner.addWidget(self.status)
        outer.addLayout(inner, 1)
        self._show_latest(None)

    # --- what the feed brings ------------------------------------------------------------

    def show_view(self, view: HallView) -> None:
        """Show `view`; announce and highlight the calls not seen before, oldest first."""
        keys = {(c.ticket_id, c.at) for c in view.calls}
        if self._seen is None:
            new: list[CallMade] = []
            self._seen = keys
        else:
            new = [c for c in reversed(view.calls) if (c.ticket_id, c.at) not in self._seen]
            self._seen = (self._seen | keys) if len(self._seen) < 500 else keys
        self._show_latest(view.calls[0] if view.calls else None)
        if new:
            self._start_flash()
            if self.announcer is not None:
                for c in new:
                    self.announcer.announce(call_sentence(c.display, c.desk_number))
        self._show_desks(view)
        self._show_services(view)
        for label, c in zip(self.recent, [*view.calls[1:], *[None] * RECENT], strict=False):
            label.setText(self._desk_text(c.display, c.desk_number) if c else "")
        if len(view.calls) <= 1:  # an empty column would look broken on a TV
            self.recent[0].setText(self.tr("Chưa có lượt gọi trước"))
        self._source = (
            self.tr("Dữ liệu: trung tâm (trực tuyến)")
            if view.status.online
            else self.tr("Dữ liệu: máy này")
        )
        self._show_status(self.clock().astimezone(LOCAL_TZ).strftime("%H:%M:%S"))

    def show_error(self, exc: BaseException) -> None:
        self._source = self.tr("Chưa đọc được dữ liệu, đang thử lại")
        self._show_status()

    def _desk_text(self, ticket: str, desk: int) -> str:
        return self.tr("{0} → Quầy {1}").format(ticket, desk)

    def _show_latest(self, call: CallMade | None) -> None:
        self.latest = call
        self.call_lead.setVisible(call is not None)
        self.call_desk.setVisible(call is not None)
        if call is None:
            self.call_ticket.setText(self.tr("Chưa có số được gọi"))
            self.call_ticket.setObjectName("callNone")
        else:
            self.call_ticket.setText(call.display)
            self.call_ticket.setObjectName("callTicket")
            self.call_desk.setText(self.tr("→ Quầy {0}").format(call.desk_number))
        repolish(self.call)

    def _show_desks(self, view: HallView) -> None:
        busy = [d for d in view.status.desks if d.ticket]
        while len(self._tiles) < len(busy):
            self._tiles.append(DeskTile(self.tiles_box))
        columns = 2 if len(busy) <= 6 else 3 if len(busy) <= 12 else 4
        for i, tile in enumerate(self._tiles):
            self.tiles.removeWidget(tile)
            if i < len(busy):
                d = busy[i]
                fresh = self.latest is not None and self.latest.desk_number == d.number
                tile.show_desk(d.ticket or "", self.tr("Quầy {0}").format(d.number), fresh, columns)
                self.tiles.addWidget(tile, i // columns, i % columns)
            tile.setVisible(i < len(busy))
        self.no_desks.setVisible(not busy)

    def _show_services(self, view: HallView) -> None:
        while len(self._rows) < len(view.status.services):
            row = ServiceRow(self)
            self._rows.append(row)
            self.services_box.addWidget(row)
        for i, row in enumerate(self._rows):
            row.setVisible(i < len(view.status.services))
            if i < len(view.status.services):
                s = view.status.services[i]
                row.show_service(s.code, s.name, s.waiting)

    # --- flashing, clock, status ---------------------------------------------------------

    def _start_flash(self) -> None:
        self.flashing = True
        self._flash_age.start()
        self._set_flash(True)
        self._flash_timer.start()

    def _blink(self) -> None:
        if self._flash_age.elapsed() >= self.flash_ms:
            self._flash_timer.stop()
            self.flashing = False
            self._set_flash(False)
        else:
            self._set_flash(not bool(self.call.property("flash")))

    def _set_flash(self, on: bool) -> None:
        self.call.setProperty("flash", on)
        repolish(self.call)

    def _show_clock(self) -> None:
        now = self.clock().astimezone(LOCAL_TZ)
        days = [
            self.tr("Thứ Hai"), self.tr("Thứ Ba"), self.tr("Thứ Tư"), self.tr("Thứ Năm"),
            self.tr("Thứ Sáu"), self.tr("Thứ Bảy"), self.tr("Chủ Nhật"),
        ]  # fmt: skip
        self.time.setText(now.strftime("%H:%M"))
        self.date.setText(f"{days[now.weekday()]}, {now:%d/%m/%Y}")

    def _show_status(self, updated: str = "") -> None:
        voice = {
            "espeak": self.tr("Giọng đọc: espeak-ng tiếng Việt"),
            "qt": self.tr("Giọng đọc: Qt Text-to-Speech tiếng Việt"),
            "chime": self.tr("Không có giọng đọc tiếng Việt: chỉ chuông và hiển thị"),
        }.get(self.voice_kind, self.tr("Tắt tiếng"))
        parts = [voice, self._source]
        if not self.speakers and self.voice_kind != "muted":
            parts.insert(1, self.tr("không tìm thấy loa"))
        if updated:
            parts.append(self.tr("cập nhật {0}").format(updated))
        self.status.setText("   ·   ".join(p for p in parts if p))

    def resizeEvent(self, event: QResizeEvent) -> None:
        width, height = max(640, self.width()), max(360, self.height())
        self.side.setFixedWidth(int(width * 0.31))
        self.setStyleSheet(style_sheet(width, height))
        super().resizeEvent(event)
