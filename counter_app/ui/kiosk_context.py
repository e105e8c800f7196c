"""`KioskContext`: what the ticket kiosk works with (database, worker, printer, center link).

A lighter AppContext: nobody signs in at a kiosk. Every database call goes through the worker's
database lane; the print worker sends on its own thread and its news reach the GUI thread as
`job_changed`.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from counter_app.ui.qt import QObject, Qt, Signal, isValid
from counter_app.ui.worker import Callback, ErrorCallback, Worker

if TYPE_CHECKING:
    from counter_app.printing.escpos_out import PrinterProfile
    from counter_app.services.print_queue import JobView, PrintWorker
    from counter_app.services.setup import Database
    from counter_app.services.sync.link import CenterLink

ADMIN_ROLES = frozenset({"admin", "supervisor"})


def utcnow() -> datetime:
    return datetime.now(UTC)


class KioskContext(QObject):
    """The kiosk's dependencies, passed in (STYLE.md: no global application object)."""

    job_changed = Signal(object)  # a JobView, on the GUI thread
    _job_from_worker = Signal(object)  # the same, emitted on the print worker's thread

    def __init__(
        self,
        *,
        db: Database,
        worker: Worker,
        printer_uri: str = "",
        profile: PrinterProfile | None = None,
        center: CenterLink | None = None,
        clock: Callable[[], datetime] = utcnow,
        print_worker: PrintWorker | None = None,
        follow: str = "",
    ) -> None:
        super().__init__()
        from counter_app.printing.escpos_out import PROFILE_80MM

        self.db = db
        self.worker = worker
        self.printer_uri = printer_uri
        self.profile = profile or PROFILE_80MM
        self.center = center
        self.clock = clock
        self.printer = print_worker
        self.follow = follow  # the follow page's URL template for the ticket's QR ("" for none)
        self._job_from_worker.connect(self.job_changed.emit, Qt.ConnectionType.QueuedConnection)

    def start_printing(self) -> PrintWorker:
        """Start the print worker thread (jobs left from before go out now); return it."""
        if self.printer is None:
            from counter_app.services.print_queue import PrintWorker

            ref = weakref.ref(self)

            def changed(job: JobView) -> None:  # on the print worker's thread
                ctx = ref()
                if ctx is not None and isValid(ctx):
                    ctx._job_from_worker.emit(job)

            self.printer = PrintWorker(self.db, on_change=changed, poll_interval=10.0)
            self.printer.start()
        return self.printer

    def stop(self) -> None:
        """Stop the print worker (after the job it is sending) and close the center link."""
        if self.printer is not None:
            self.printer.stop(timeout=1.0)
            self.printer = None
        if self.center is not None:
            self.center.close()

    # --- work ------------------------------------------------------------------------------

    def services(self, on_success: Callback, owner: Any = None) -> None:
        """Read the services offered with their waiting counts."""
        from counter_app.services.kiosk import kiosk_services

        self.worker.db(
            kiosk_services, self.db, self.center, on_success=on_success,
            on_error=lambda exc: None, owner=owner,
        )  # fmt: skip

    def issue(
        self,
        service_code: str,
        priority: str,
        *,
        on_success: Callback,
        on_error: ErrorCallback,
        owner: Any = None,
    ) -> None:
        """Issue a ticket and queue its print; `on_success(KioskTicket)`."""
        from functools import partial

        from counter_app.services.kiosk import issue_and_print

        fn = partial(
            issue_and_print,
            self.db,
            service_code,
            priority=priority,
            center=self.center,
            printer_uri=self.printer_uri,
            profile=self.profile,
            printer=self.printer,
            follow=self.follow,
            now=self.clock(),
        )
        self.worker.db(fn, on_success=on_success, on_error=on_error, owner=owner)

    def check_admin(
        self, username: str, password: str, *, on_success: Callback, on_error: ErrorCallback,
        owner: Any = None,
    ) -> None:  # fmt: skip
        """Check an administrator's or supervisor's password; `on_success(True|False)`."""
        from counter_app.services.auth import sign_in

        def check() -> bool:
            user = sign_in(self.db, username, password, now=self.clock())
            return bool(user.roles & ADMIN_ROLES)

        self.worker.db(check, on_success=on_success, on_error=on_error, owner=owner)
