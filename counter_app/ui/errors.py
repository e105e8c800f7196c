"""The window's two kinds of failure (STYLE.md, Errors): a known condition, shown as its message;
anything else, a bug: its traceback goes to the log file and the officer reads one calm line."""

from __future__ import annotations

import logging
import sys
import traceback
from datetime import datetime
from pathlib import Path

from counter_app.config import data_dir
from counter_app.domain.errors import CounterError

log = logging.getLogger("counter_app.ui")

# Shown for a bug; the details are in the log file. Bilingual like the services' messages,
# so it reads the same whichever language the window is in.
BUG_MESSAGE = "Đã xảy ra lỗi, đã ghi nhật ký / An error occurred, reported"


def log_path() -> Path:
    """Return the log file: `logs/counter-app.log` in the data folder (the command line's too)."""
    return data_dir() / "logs" / "counter-app.log"


def log_bug(exc: BaseException, where: str = "") -> Path:
    """Append the exception and its traceback to the log file; return the file's path."""
    path = log_path()
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as f:
            f.write(f"--- {datetime.now().isoformat(timespec='seconds')} window {where}\n{text}")
    except OSError:  # the log itself failed: stderr is all that is left
        print(text, file=sys.stderr)
    log.error("bug%s: %s", f" in {where}" if where else "", exc)
    return path


def is_known(exc: BaseException) -> bool:
    """Return whether `exc` is a known condition of the world (not a bug)."""
    return isinstance(exc, CounterError)


def user_message(exc: BaseException) -> str:
    """Return what the officer reads for `exc`: its own message if known, else BUG_MESSAGE."""
    return exc.message if isinstance(exc, CounterError) else BUG_MESSAGE
