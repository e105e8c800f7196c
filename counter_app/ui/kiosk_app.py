"""`counter-app kiosk`: the ticket kiosk full screen, or one screenshot of it.

The kiosk speaks to citizens, so it starts in Vietnamese whatever the desk's language setting.
"""

from __future__ import annotations

import argparse
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.domain.errors import StorageError

if TYPE_CHECKING:
    from counter_app.services.kiosk import KioskTicket
    from counter_app.services.setup import Database
    from counter_app.services.sync.worker import SyncWorker
    from counter_app.web.follow import FollowServer

STEPS = ("home", "priority", "ticket", "printer-off", "exit")

log = logging.getLogger(__name__)


def run_kiosk(args: argparse.Namespace) -> int:
    """Open the kiosk full screen until an administrator leaves it; or save a screenshot."""
    from counter_app.config import load_settings, resolve_db_url
    from counter_app.services.print_docs import printer_profile
    from counter_app.services.setup import open_database
    from counter_app.services.sync.link import center_link
    from counter_app.ui.app import create_application, parse_size

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    settings = load_settings()
    size = parse_size(args.size or "1920x1080")
    screenshot = args.screenshot
    if screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = create_application("vi")
    from counter_app.ui.kiosk import KioskWindow
    from counter_app.ui.kiosk_context import KioskContext
    from counter_app.ui.worker import Worker

    db = open_database(resolve_db_url(args.db))
    worker = Worker(inline=bool(screenshot))
    center = None if screenshot else center_link(db)
    follow = None if screenshot else _start_follow(db, args.follow_port)
    sync = _start_sync(db) if center is not None else None
    ctx = KioskContext(
        db=db,
        worker=worker,
        printer_uri="" if screenshot else (args.printer or settings.receipt_printer),
        profile=printer_profile(args.paper),
        center=center,
        follow=_follow_template(db, follow),
    )
    window = KioskWindow(ctx)
    try:
        if screenshot:
            return _screenshot(window, Path(screenshot), size, args.step)
        window.start()
        if args.size:
            window.resize(*size)
            window.show()
        else:
            window.showFullScreen()
        return int(app.exec())
    finally:
        window.may_close = True
        window.close()
        worker.shutdown()
        if follow is not None:
            follow.stop()
        if sync is not None:
            sync.stop()
        db.dispose()


def _start_follow(db: Database, port: int) -> FollowServer | None:
    """Serve the tickets' follow pages on `port` (0: not at all). A port already taken costs
    the QR, never the kiosk."""
    if not port:
        return None
    from counter_app.web.follow import FollowServer

    try:
        return FollowServer(db, port=port).start()
    except OSError as exc:
        log.warning("follow pages not served on port %s: %s", port, exc)
        return None


def _follow_template(db: Database, server: FollowServer | None) -> str:
    """The administrator's URL (queue_follow_url) first, else this kiosk's own server's."""
    from counter_app.services.queue_follow import follow_template

    return follow_template(db) or (server.base_url() if server is not None else "")


def _start_sync(db: Database) -> SyncWorker:
    """A joined kiosk pulls every desk's calls, so that the follow pages are current, and
    pushes the tickets it issued from its own series while the center was away."""
    from counter_app.services.sync.worker import SyncWorker

    worker = SyncWorker(db, interval_s=30.0)
    worker.start()
    return worker


def _screenshot(window: object, out: Path, size: tuple[int, int], step: str) -> int:
    """Render the kiosk at `size` on `step` WITHOUT issuing anything (a sample ticket)."""
    from dataclasses import replace

    from counter_app.ui.kiosk import KioskWindow
    from counter_app.ui.qt import QApplication

    assert isinstance(window, KioskWindow)
    window.resize(*size)
    window.start()
    window.show()
    if step == "priority":
        window.priority_toggle.click()
    elif step == "exit":
        window.ask_exit()
    elif step in ("ticket", "printer-off"):
        ticket = _sample_ticket()
        if step == "ticket":
            ticket = replace(ticket, print_error="")
        window._issued(ticket)
        if step == "ticket":
            window.ticket_view.show_printing()
    for _ in range(3):
        QApplication.processEvents()
    window.ctx.worker.wait_idle()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out), "PNG"):
        raise StorageError(f"Không ghi được ảnh {out} / Cannot write the image {out}")
    return 0


def _sample_ticket() -> KioskTicket:
    from datetime import UTC, datetime

    from counter_app.domain.queue import business_date
    from counter_app.services.kiosk import NO_PRINTER, KioskTicket
    from counter_app.services.queue import Ticket

    now = datetime.now(UTC)
    ticket = Ticket("sample", "A024", "A", 24, "", "", "waiting", business_date(now), now,
                    None, None, True)  # fmt: skip
    url = "http://192.168.1.20:8088/hang-cho/0190a3c2-5f1e-7c00-8a11-3b9d2e4f5a6b"
    return KioskTicket(ticket, "Đất đai, xây dựng, tài nguyên", 7, url, None, NO_PRINTER)
