"""`counter-app display [--db URL] [--screenshot OUT.png --size WxH] [--mute]`: the hall display
assembled: database and center link, the feed, the sounds, the announcer and the window."""

from __future__ import annotations

import argparse
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from counter_app.domain.errors import StorageError
from counter_app.ui.announcer import Announcer
from counter_app.ui.display import HallDisplay
from counter_app.ui.display_feed import HallFeed, Listener
from counter_app.ui.worker import Worker


def listen_to(link: Any) -> Listener | None:
    """Return a listener on the center's change notifications, None when it does not answer."""
    ok, listener = link.run(lambda c: c.listener())
    return listener if ok else None


def build_display(
    db: Any, link: Any, worker: Worker, sound_folder: Path, *, mute: bool = False
) -> tuple[HallDisplay, HallFeed]:
    """Return the window and its feed (not started), with the best sounds this machine has."""
    from counter_app.services.desks import center_name
    from counter_app.services.queue_status import hall_view
    from counter_app.ui.voice import has_sound_output, make_sounds

    chime, speech, kind = make_sounds(worker.background, sound_folder, mute=mute)
    announcer = Announcer(chime, speech) if kind != "muted" else None
    speakers = kind == "muted" or has_sound_output()
    window = HallDisplay(center_name(db), announcer=announcer, voice_kind=kind, speakers=speakers)
    feed = HallFeed(
        worker,
        lambda: hall_view(db, link),
        (lambda: listen_to(link)) if link is not None else None,
        parent=window,
    )
    feed.view.connect(window.show_view)
    feed.failed.connect(window.show_error)
    return window, feed


def run_display(args: argparse.Namespace) -> int:
    """Show the hall display full screen until it is closed, or save one screenshot."""
    from counter_app.config import load_settings, resolve_db_url
    from counter_app.services.setup import open_database
    from counter_app.services.sync.link import center_link
    from counter_app.ui.app import create_application, parse_size

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    settings = load_settings()
    size = parse_size(args.size) if args.size else None
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = create_application(settings.language)
    db = open_database(resolve_db_url(args.db))
    link = center_link(db)
    worker = Worker(inline=bool(args.screenshot))
    folder = tempfile.TemporaryDirectory(prefix="counter-display-")
    try:
        window, feed = build_display(
            db, link, worker, Path(folder.name), mute=args.mute or bool(args.screenshot)
        )
        window.resize(*(size or (1920, 1080)))
        if args.screenshot:
            return _screenshot(window, feed, Path(args.screenshot))
        feed.start()
        if size:
            window.show()
        else:
            window.showFullScreen()
        try:
            return int(app.exec())
        finally:
            feed.stop()
    finally:
        worker.shutdown()
        if link is not None:
            link.close()
        db.dispose()
        folder.cleanup()


def _screenshot(window: HallDisplay, feed: HallFeed, out: Path) -> int:
    from counter_app.ui.qt import QApplication

    window.show()
    feed.refresh()  # the inline worker answers at once
    QApplication.processEvents()
    if not window.grab().save(str(out)):
        raise StorageError(f"Không ghi được ảnh {out} / Cannot write the screenshot")
    print(out)
    return 0
