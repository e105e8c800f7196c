"""`AppContext`: what every page is given (STYLE.md: pass dependencies in, no global app object).

A page reads the database only through `ctx.read(...)` and writes through `ctx.write(...)`,
both on the worker's database thread. A write says what it changed (`Changes`); the context
announces it on `ctx.changed`, and each page decides whether that concerns it (Anki's OpChanges).
No page polls another page's state.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from counter_app.ui.errors import user_message
from counter_app.ui.qt import QCoreApplication, QObject, Qt, QWidget, Signal, isValid
from counter_app.ui.worker import Callback, ErrorCallback, Worker

if TYPE_CHECKING:
    from counter_app.config import Settings
    from counter_app.services.auth import SignedIn
    from counter_app.services.desks import DeskView
    from counter_app.services.print_queue import JobView, PrintWorker
    from counter_app.services.recording import Actor
    from counter_app.services.setup import Database

# How long signing out may wait for the print worker to finish the job it is sending; past it
# the (daemon) thread finishes on its own and the window goes on.
PRINT_STOP_WAIT_S = 1.0

# = counter_app.domain.calendar.CENTER_TZ; not imported from there because that module brings
# the `holidays` package (~90 ms) onto the path to the sign-in screen.
LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
IDLE_LOCK_MINUTES = 10


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Changes:
    """What a write changed, announced to every page.

    `dossiers`: the codes of the dossiers created or changed; `queue`: tickets or the queue;
    `prints`: print jobs; `catalog`: procedures, departments; `everything`: reload all (after a
    sync pull or a change of user). `source` is the page that made the change (it may skip its
    own reload); it does not take part in comparisons."""

    dossiers: frozenset[str] = frozenset()
    queue: bool = False
    prints: bool = False
    catalog: bool = False
    everything: bool = False
    source: object | None = field(default=None, compare=False)

    def touches(self, code: str) -> bool:
        """Return whether the dossier `code` may have changed."""
        return self.everything or code in self.dossiers

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.dossiers | other.dossiers,
            self.queue or other.queue,
            self.prints or other.prints,
            self.catalog or other.catalog,
            self.everything or other.everything,
            self.source if self.source is other.source else None,
        )


class AppContext(QObject):
    """The signed-in session at this desk: database, settings, user, desk, worker, signals."""

    changed = Signal(object)  # Changes
    message = Signal(str, str)  # text, kind ("info", "success", "warning", "error")
    cccd_scanned = Signal(str)  # a CCCD QR payload the barcode wedge read (for the intake page)
    # A page asks for another page (page id, dossier code or ""); the shell shows it. Pages are
    # not given the shell, and never look for it among their parents.
    page_requested = Signal(str, str)
    print_job_changed = Signal(object)  # a print JobView whose state changed (GUI thread)
    _job_from_worker = Signal(object)  # the same, emitted on the print worker's thread

    def __init__(
        self,
        *,
        db: Database,
        settings: Settings,
        user: SignedIn,
        desk: DeskView | None,
        worker: Worker,
        center_name: str = "",
        clock: Callable[[], datetime] = utcnow,
        idle_minutes: float = IDLE_LOCK_MINUTES,
    ) -> None:
        super().__init__()
        self.db = db
        self.settings = settings
        self.user = user
        self.desk = desk
        self.worker = worker
        self.center_name = center_name
        self.clock = clock
        self.idle_minutes = idle_minutes
        self.printer: PrintWorker | None = None
        self.print_jobs: dict[str, JobView] = {}  # the last change of each printer's jobs
        # Queued: the print worker calls from its own thread; pages hear it on the GUI thread.
        self._job_from_worker.connect(self._job_changed, Qt.ConnectionType.QueuedConnection)
        if settings.receipt_printer or settings.a4_printer:
            self.start_printing()  # jobs left from before (printer off, crash) go out now

    # --- who and when ----------------------------------------------------------------------

    @property
    def language(self) -> str:
        return self.settings.language if self.settings.language in ("vi", "en") else "vi"

    def actor(self) -> Actor:
        """Return the actor recorded on events and audit rows: this user at this desk."""
        return self.user.actor(self.desk.id if self.desk else None)

    def now(self) -> datetime:
        """Return the current time, aware, in UTC (a test may fix the clock)."""
        return self.clock()

    def now_local(self) -> datetime:
        return self.clock().astimezone(LOCAL_TZ)

    # --- work ------------------------------------------------------------------------------

    def read(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_success: Callback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QWidget | None = None,
    ) -> None:
        """Run `fn(db, *args)` on the database thread; `on_success(result)` on the GUI thread.

        Errors go to `on_error`, else to the message bar (a bug also to the log file)."""
        self.worker.db(fn, self.db, *args, on_success=on_success, on_error=on_error, owner=owner)

    def write(
        self,
        fn: Callable[..., Any],
        *args: Any,
        changes: Changes | Callable[[Any], Changes],
        on_success: Callback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QWidget | None = None,
    ) -> None:
        """Like `read`, then announce `changes` (or `changes(result)`) before `on_success`."""

        def done(result: Any) -> None:
            self.announce(changes(result) if callable(changes) else changes)
            if on_success is not None:
                on_success(result)

        self.worker.db(fn, self.db, *args, on_success=done, on_error=on_error, owner=owner)

    def background(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_success: Callback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QWidget | None = None,
    ) -> None:
        """Run `fn(*args)` (no database) on the general pool."""
        self.worker.background(fn, *args, on_success=on_success, on_error=on_error, owner=owner)

    # --- printing --------------------------------------------------------------------------

    def start_printing(self) -> None:
        """Start the session's one print worker thread (DESIGN.md: printing never blocks the
        window), if it is not running. It stops when this context is deleted (sign-out) or the
        application quits."""
        if self.printer is not None:
            return
        from counter_app.services.print_queue import PrintWorker

        ref = weakref.ref(self)

        def changed(job: JobView) -> None:  # on the print worker's thread
            ctx = ref()
            if ctx is not None and isValid(ctx):
                ctx._job_from_worker.emit(job)

        self.printer = PrintWorker(self.db, on_change=changed)
        self.printer.start()
        stop = partial(_stop_printer, self.printer)
        self.destroyed.connect(stop)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(stop)

    def wake_printing(self) -> None:
        """Jobs were queued: have the print worker send them now (starting it if needed)."""
        self.start_printing()
        assert self.printer is not None
        self.printer.wake()

    def stop_printing(self) -> None:
        """Stop the print worker (waiting at most PRINT_STOP_WAIT_S for the job being sent)."""
        if self.printer is not None:
            _stop_printer(self.printer)
            self.printer = None

    def _job_changed(self, job: JobView) -> None:
        self.print_jobs[job.printer_uri] = job
        self.print_job_changed.emit(job)

    def announce(self, changes: Changes) -> None:
        """Tell every page what changed."""
        self.changed.emit(changes)

    # --- navigation ------------------------------------------------------------------------

    def open_page(self, page_id: str, code: str = "") -> None:
        """Ask the shell to show page `page_id`, and on it the dossier `code` if one is given.

        A page the user does not have is a message in the message bar, not an error."""
        self.page_requested.emit(page_id, code)

    def open_dossier(self, code: str) -> None:
        """Ask the shell to show dossier `code` on the dossiers page."""
        self.open_page("dossiers", code)

    # --- telling the officer ---------------------------------------------------------------

    def show_message(self, text: str, kind: str = "info") -> None:
        """Show `text` in the window's message bar (non-modal)."""
        self.message.emit(text, kind)

    def show_error(self, exc: BaseException) -> None:
        """Show an error: a known condition's own message, a bug as "an error occurred"."""
        self.message.emit(user_message(exc), "error")


def _stop_printer(printer: PrintWorker, *_args: object) -> None:
    printer.stop(timeout=PRINT_STOP_WAIT_S)
