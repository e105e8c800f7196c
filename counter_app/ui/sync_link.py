"""The window's link to the sync worker: starts it for a desk joined to a center, turns its
reports (from the sync thread) into status-bar states on the GUI thread, asks for a round after
each local write, and lets the operator force one or read the last error."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from counter_app.ui.qt import QObject, Signal
from counter_app.ui.statusbar import SyncIndicator

if TYPE_CHECKING:
    from counter_app.services.setup import Database
    from counter_app.services.sync.runner import SyncReport, SyncStatus


@dataclass(frozen=True, slots=True)
class SyncNews:
    """One report of the sync worker, as the window shows it."""

    status: SyncStatus
    online: bool
    error: str
    at: datetime | None = None
    pulled: int = 0  # rows from other desks (or new reference data) this round brought


def indicator(news: SyncNews, tr: object = None) -> SyncIndicator:
    """Return the status-bar state for a report: online, waiting, last success, the detail
    (last error, quarantined ops, clock skew) in the tooltip."""
    s = news.status
    detail: list[str] = []
    if news.error:
        detail.append(news.error)
    if s.quarantined:
        detail.append(
            f"{s.quarantined} thao tác bị trung tâm từ chối, cần xem lại (counter-app sync "
            f"--status) / {s.quarantined} ops refused by the center, to review"
        )
    if s.skewed:
        minutes = round(s.clock_offset_ms / 60_000)
        detail.append(
            f"Đồng hồ máy này lệch {minutes:+d} phút so với trung tâm / This machine's clock is "
            f"{minutes:+d} min off the center's"
        )
    return SyncIndicator(
        configured=s.joined,
        online=news.online,
        waiting=s.waiting,
        last_success=s.last_success_at,
        detail="\n".join(detail) or s.central_url,
        problem=bool(s.quarantined or s.skewed),
    )


class SyncLink(QObject):
    """Owns the SyncWorker of a joined desk for the window's lifetime."""

    news = Signal(object)  # SyncNews, delivered on the GUI thread

    def __init__(self, db: Database, parent: QObject | None = None, *, interval_s: float = 30.0):
        super().__init__(parent)
        from counter_app.services.sync.numbers import NumberClaimer
        from counter_app.services.sync.worker import SyncWorker

        self.db = db
        self.last: SyncNews | None = None
        self.worker = SyncWorker(db, interval_s=interval_s, on_status=self._from_worker)
        # open_desk_database gave the database its number source, on the database thread.
        source = db.number_source
        self.worker.numbers = source if isinstance(source, NumberClaimer) else None
        self.news.connect(self._remember)

    def start(self) -> None:
        self.worker.start()

    def request(self, *args: object) -> None:
        """Sync soon: a local write happened, or the operator asked. The changes this link
        announces itself (after a pull) ask for nothing."""
        if args and getattr(args[0], "source", None) is self:
            return
        self.worker.request()

    def stop(self) -> None:
        self.worker.stop(timeout=5.0)
        if self.worker.numbers is not None:
            self.worker.numbers.close()

    def _from_worker(self, status: SyncStatus, report: SyncReport | None, error: str) -> None:
        # Runs on the sync thread: a queued signal carries it to the GUI thread.
        pulled = 0
        if report is not None:
            pulled = report.pull.applied + (report.reference_version is not None)
        self.news.emit(SyncNews(status, online=report is not None, error=error, pulled=pulled))

    def _remember(self, news: SyncNews) -> None:
        self.last = news


def is_joined(db: Database) -> bool:
    """Whether `db` is a desk joined to a center (runs on the database thread)."""
    from counter_app.services.sync import sync_status

    return sync_status(db).joined
