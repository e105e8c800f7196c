"""Giám sát: the supervisor's live view of today's queue (issue 7, part 5): a card per desk, a
table per service, a banner for waits past the threshold, a chart of the day by hour.

Fresh within 2 s without anyone pressing F5 (novosga#318): it reloads when a write announces
queue changes, and every REFRESH_MS while it is on screen (tickets other desks issue and call
arrive by sync, which this window does not hear). Reads run on the database thread; a read
asked for while one runs is folded into one more read after it, so reads never pile up.

Above it all, a banner while dossiers are flagged "needs review" by sync: the dossiers page is
for officers, so this is the supervisor's way to those conflicts (ReviewListDialog).
"""

from __future__ import annotations

from typing import Any

from counter_app.services.conflicts import review_codes
from counter_app.services.queue_live import WAIT_ALERT_MINUTES, QueueLive, queue_live
from counter_app.ui import theme
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
    QPushButton,
    QScrollArea,
    QShowEvent,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    isValid,
)
from counter_app.ui.review_list import ReviewListDialog

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
        self.review_count: int | None = None  # flagged dossiers, None until first read
        self._review_busy = False
        self._review_again = False
        self.review_list: ReviewListDialog | None = None
        self.review_banner, self.review_text, self.review_button = self._review_banner()

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
        lay.addWidget(self.review_banner)
        lay.addLayout(head)
        lay.addWidget(self.banner)
        lay.addWidget(self.quiet)
        lay.addWidget(QLabel(self.tr("Các quầy"), objectName="sectionTitle"))
        lay.addWidget(scroll, 1)
        lay.addWidget(self.bottom)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        # The timer reads the queue only: the review flag changes by a write at this window or
        # a sync pull, both announced (on_changes), and needs_review has no index to poll.
        self.timer.timeout.connect(self.refresh)
        self.add_page_action(self.tr("Làm mới"), "F5", self.reload)

    # --- when to read ----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()
        self.timer.start()

    def hideEvent(self, event: Any) -> None:
        self.timer.stop()
        super().hideEvent(event)

    def on_changes(self, changes: Changes) -> None:
        if not self.isVisible():
            return  # showEvent reads both
        if changes.queue or changes.everything:
            self.refresh()
        if changes.dossiers or changes.everything:
            self.refresh_review()

    def reload(self) -> None:
        """Read today's queue and the count of dossiers to review (F5, the page shown)."""
        self.refresh()
        self.refresh_review()

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

    # --- dossiers to review ----------------------------------------------------------------

    def _review_banner(self) -> tuple[QFrame, QLabel, QPushButton]:
        banner = QFrame(objectName="supervisorReview")
        banner.setStyleSheet(
            f"#supervisorReview {{ background: {theme.WARN_BG}; border: 1px solid #ecd08a;"
            " border-radius: 8px; }"
            f"#supervisorReview QLabel {{ color: {theme.WARN}; font-weight: 600; }}"
        )
        row = QHBoxLayout(banner)
        row.setContentsMargins(14, 6, 8, 6)
        row.setSpacing(12)
        text = QLabel("")
        text.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(text, 1)
        button = QPushButton(self.tr("Xem lại…"))
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(self.open_review_list)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        banner.hide()
        return banner, text, button

    def refresh_review(self) -> None:
        """Count the dossiers flagged "needs review" now, or right after the running count."""
        if self._review_busy:
            self._review_again = True
            return
        self._review_busy = True
        self.ctx.read(
            review_codes, on_success=self._review_loaded, on_error=self._review_failed, owner=self
        )

    def _review_loaded(self, codes: list[str]) -> None:
        self.review_count = len(codes)
        self.review_text.setText(
            "⚠ " + self.tr("%n hồ sơ có thay đổi trùng nhau cần xem lại", "", len(codes))
        )
        self.review_banner.setVisible(bool(codes))
        self._review_done()

    def _review_failed(self, _exc: BaseException) -> None:
        # The banner stays as it was: the queue's read says the database cannot be read, and
        # a bug is in the log already (the worker wrote it).
        self._review_done()

    def _review_done(self) -> None:
        self._review_busy = False
        if self._review_again:
            self._review_again = False
            self.refresh_review()

    def open_review_list(self) -> None:
        """Open the list of dossiers to review (one at a time)."""
        dialog = self.review_list
        if dialog is not None and isValid(dialog) and dialog.isVisible():
            dialog.raise_()
            dialog.activateWindow()
            return
        dialog = ReviewListDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.review_list = dialog
        dialog.open()
