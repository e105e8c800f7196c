"""Giám sát: the supervisor's live view of today's queue (issue 7, part 5): a card per desk, a
table per service, a banner for waits past the threshold, a chart of the day by hour.

Fresh within 2 s without anyone pressing F5 (novosga#318): it reloads when a write announces
queue changes, and every REFRESH_MS while it is on screen (tickets other desks issue and call
arrive by sync, which this window does not hear). Reads run on the database thread; a read
asked for while one runs is folded into one more read after it, so reads never pile up.
"""

from __future__ import annotations

from typing import Any

from counter_app.services.queue_live import WAIT_ALERT_MINUTES, QueueLive, queue_live
from counter_app.ui.context import AppContext, Changes
from counter_app.ui.pages.base import Page
from counter_app.ui.pages.supervisor_chart import HourChart
from counter_app.ui.pages.supervisor_desks import DeskGrid
from counter_app.ui.pages.supervisor_services import AlertBanner, ServiceModel, service_table
from counter_app.ui.pages.supervisor_text import duration
from counter_app.ui.qt import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QShowEvent,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)

REFRESH_MS = 1500


def _card(title: str, body: QWidget) -> QFrame:
    card = QFrame(objectName="card")
    lay = QVBoxLayout(card)
    lay.setContentsMargins(14, 12, 14, 12)
    lay.setSpacing(8)
    lay.addWidget(QLabel(title, objectName="sectionTitle"))
    lay.addWidget(body, 1)
    return card


class SupervisorPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.live: QueueLive | None = None
        self._busy = False
        self._again = False
        self._failed = False
        self.alert_minutes = int(
            getattr(ctx.settings, "queue_wait_alert_minutes", 0) or WAIT_ALERT_MINUTES
        )

        self.summary = QLabel("", objectName="cardTitle")
        self.updated = QLabel("", objectName="muted")
        head = QHBoxLayout()
        head.addWidget(self.summary, 1)
        head.addWidget(self.updated)
        self.banner = AlertBanner()
        self.quiet = QLabel("", objectName="muted")  # what an empty day means
        self.quiet.setWordWrap(True)

        self.desks = DeskGrid()
        scroll = QScrollArea(objectName="deskScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.desks)
        self.desks.setStyleSheet(self.desks.styleSheet() + "#deskGrid { background: transparent; }")

        self.services = ServiceModel(self)
        self.table = service_table(self.services)
        self.chart = HourChart()
        bottom = QHBoxLayout()
        bottom.setSpacing(12)
        bottom.addWidget(_card(self.tr("Theo dịch vụ"), self.table), 5)
        bottom.addWidget(_card(self.tr("Trong ngày theo giờ"), self.chart), 3)
        self.bottom = QWidget()
        self.bottom.setLayout(bottom)
        bottom.setContentsMargins(0, 0, 0, 0)
        self.bottom.setFixedHeight(270)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 16, 20, 16)
        lay.setSpacing(10)
        lay.addLayout(head)
        lay.addWidget(self.banner)
        lay.addWidget(self.quiet)
        lay.addWidget(QLabel(self.tr("Các quầy"), objectName="sectionTitle"))
        lay.addWidget(scroll, 1)
        lay.addWidget(self.bottom)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.add_page_action(self.tr("Làm mới"), "F5", self.refresh)

    # --- when to read ----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        self.timer.start()

    def hideEvent(self, event: Any) -> None:
        self.timer.stop()
        super().hideEvent(event)

    def on_changes(self, changes: Changes) -> None:
        if (changes.queue or changes.everything) and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Read today's queue now, or right after the read that is running."""
        if self._busy:
            self._again = True
            return
        self._busy = True
        self.ctx.read(
            queue_live,
            self.ctx.now(),
            self.alert_minutes,
            on_success=self._loaded,
            on_error=self._error,
            owner=self,
        )

    def _done(self) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self.refresh()

    def _error(self, exc: BaseException) -> None:
        self.updated.setText(self.tr("Không đọc được hàng đợi, đang thử lại"))
        if not self._failed:  # once, not every 1.5 s
            self._failed = True
            self.ctx.show_error(exc)
        self._done()

    # --- what to show ----------------------------------------------------------------------

    def _loaded(self, live: QueueLive) -> None:
        self._failed = False
        self.live = live
        local = live.now.astimezone(self.ctx.now_local().tzinfo)
        self.updated.setText(self.tr("Cập nhật %1").replace("%1", local.strftime("%H:%M:%S")))
        avg = [s.avg_wait_s for s in live.services if s.avg_wait_s is not None]
        self.summary.setText(
            " · ".join(
                (
                    self.tr("Hôm nay %1").replace("%1", live.business_date.strftime("%d/%m/%Y")),
                    self.tr("%n đang chờ", "", live.waiting),
                    self.tr("%n đã phục vụ", "", live.served),
                    self.tr("%n lượt lấy số", "", live.issued),
                    self.tr("chờ TB %1").replace(
                        "%1", duration(round(sum(avg) / len(avg)) if avg else None)
                    ),
                )
            )
        )
        self.banner.show_alerts(live.alerts, live.alert_minutes)
        empty = live.issued == 0 and not any(d.ticket for d in live.desks)
        self.quiet.setText(
            self.tr(
                "Hôm nay chưa có ai lấy số. Trang tự cập nhật: người lấy số ở máy phát số và quầy "
                "gọi số sẽ hiện ở đây trong vòng 2 giây; cảnh báo khi có người chờ quá %1 phút."
            ).replace("%1", str(live.alert_minutes))
            if empty
            else ""
        )
        self.quiet.setVisible(empty)
        self.desks.show_desks(live.desks)
        self.services.set_rows(live.services, live.alert_minutes)
        self.chart.set_hours(live.hours)
        self._done()
