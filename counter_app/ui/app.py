"""Starting the window: the QApplication (font, look, translations), the worker, the window.

`counter-app gui` (and `counter-app` alone, where there is a display) comes here, through
`run_gui`; the command line imports this module only then, so it never imports Qt otherwise.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from types import TracebackType

from counter_app.domain.errors import InvalidInput
from counter_app.ui.errors import BUG_MESSAGE, is_known, log_bug
from counter_app.ui.i18n import install_translators
from counter_app.ui.qt import QApplication
from counter_app.ui.theme import apply_theme

APP_NAME = "counter-app"


def parse_size(text: str) -> tuple[int, int]:
    """Return (width, height) from "1366x768"; InvalidInput otherwise."""
    w, sep, h = text.lower().partition("x")
    if (
        not sep
        or not w.isdigit()
        or not h.isdigit()
        or not (320 <= int(w) <= 7680)
        or not (240 <= int(h) <= 4320)
    ):
        raise InvalidInput(f"--size phải dạng RỘNGxCAO, ví dụ 1366x768: {text!r} / Invalid size")
    return int(w), int(h)


def create_application(language: str) -> QApplication:
    """Return the QApplication (made here unless one exists, as in tests), themed, translated."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Quầy một cửa")
    apply_theme(app)
    install_translators(app, language)
    return app


def _install_excepthook(show: Callable[[BaseException], None]) -> None:
    """An exception escaping a slot: a bug is logged and reported calmly, the window stays."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if not is_known(exc):
            log_bug(exc, "slot")
        try:
            show(exc)
        except Exception:  # the report itself failed: the log has it
            print(BUG_MESSAGE, file=sys.stderr)

    sys.excepthook = hook


def run_gui(args: argparse.Namespace) -> int:
    """Open the window (sign-in first) and run until it closes; or take a screenshot."""
    from counter_app.config import load_settings, resolve_db_url

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    settings = load_settings()
    language = getattr(args, "lang", None)
    if language:
        settings.language = language  # for this run only
    screenshot = getattr(args, "screenshot", None)
    size = parse_size(getattr(args, "size", None) or "1366x768")
    if screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from counter_app.ui.screenshot import take_screenshot

        app = create_application(settings.language)
        take_screenshot(
            resolve_db_url(args.db),
            screenshot,
            getattr(args, "page", None) or "login",
            size,
            settings=settings,
            username=getattr(args, "user", None),
            find=getattr(args, "find", None) or "",
        )
        return 0

    from counter_app.ui.window import CounterWindow
    from counter_app.ui.worker import Worker

    app = create_application(settings.language)
    worker = Worker()
    window = CounterWindow(
        db_url=resolve_db_url(args.db),
        settings=settings,
        worker=worker,
        username=getattr(args, "user", None) or "",
    )

    _install_excepthook(window.report_error)
    window.resize(*size)
    window.start()
    if getattr(args, "size", None):
        window.show()
    else:
        window.showMaximized()
    try:
        return int(app.exec())
    finally:
        worker.shutdown()
        if window.db is not None:
            window.db.dispose()
