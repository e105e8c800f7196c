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

STEPS = ("home", "priority", "ticket", "printer-off", "exit")


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
    ctx = KioskContext(
        db=db,
        worker=worker,
        printer_uri="" if screenshot else (args.printer or settings.receipt_printer),
        profile=printer_profile(args.paper),
        center=None if screenshot else center_link(db),
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
        db.dispose()


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
    from counter_app.services.kiosk import FOLLOW_URL, NO_PRINTER, KioskTicket
    from counter_app.services.queue import Ticket

    now = datetime.now(UTC)
    ticket = Ticket("sample", "A024", "A", 24, "", "", "waiting", business_date(now), now,
                    None, None, True)  # fmt: skip
    url = FOLLOW_URL.format(lookup_url="dichvucong.langson.gov.vn", ticket="A024", date="")
    return KioskTicket(ticket, "Đất đai, xây dựng, tài nguyên", 7, url, None, NO_PRINTER)
