"""Running work off the GUI thread, with the results handed back on it (STYLE.md, Threads).

Three lanes, each a `concurrent.futures` executor:
- `db`: ONE thread for every database call of the window, so they never overlap (Anki's
  CollectionOp/QueryOp run on a single-thread executor for the same reason);
- `files`: one thread for local files whose writes must keep their order (drafts, settings);
- `pool`: a few threads for everything else (decoding an image, rendering a receipt).

`on_success(result)` and `on_error(exc)` always run on the GUI thread, through a queued Qt
signal. A callback whose `owner` widget has been deleted meanwhile is dropped. A bug (any
exception that is not a CounterError) is written to the log file before `on_error` sees it.

Tests build `Worker(inline=True)`: each function runs at once on the calling thread and its
callback right after, so a test reads the outcome on the next line (Picard's fake thread pool).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any

from counter_app.ui.errors import is_known, log_bug
from counter_app.ui.qt import (
    QCoreApplication,
    QElapsedTimer,
    QObject,
    QTimer,
    QWidget,
    Signal,
    isValid,
)

Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives in the GUI thread; a call emitted from a worker thread is queued to it."""

    call = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.call.connect(self._run)

    def _run(self, fn: Callable[[], None]) -> None:
        fn()


class Worker:
    """The window's only way to run work off the GUI thread."""

    def __init__(self, *, inline: bool = False, pool_threads: int = 3) -> None:
        self.inline = inline
        self.pending = 0  # jobs submitted whose callback has not run yet
        self.closed = False
        # What to do with an error when the caller gave no on_error (the shell sets this to
        # "show it in the message bar"); until then, only the log.
        self.default_error: ErrorCallback = lambda exc: None
        self._relay = _Relay()
        self._db = ThreadPoolExecutor(1, thread_name_prefix="counter-db")
        self._files = ThreadPoolExecutor(1, thread_name_prefix="counter-files")
        self._pool = ThreadPoolExecutor(pool_threads, thread_name_prefix="counter-work")

    # --- the three lanes -------------------------------------------------------------------

    def db(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_success: Callback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QWidget | None = None,
    ) -> None:
        """Run `fn(*args)` on the database thread (one call at a time, in submission order)."""
        self._submit(self._db, fn, args, on_success, on_error, owner)

    def files(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_success: Callback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QWidget | None = None,
    ) -> None:
        """Run `fn(*args)` on the local-files thread (in submission order)."""
        self._submit(self._files, fn, args, on_success, on_error, owner)

    def background(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_success: Callback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QWidget | None = None,
    ) -> None:
        """Run `fn(*args)` on the general pool (no order between jobs)."""
        self._submit(self._pool, fn, args, on_success, on_error, owner)

    # --- life ------------------------------------------------------------------------------

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Process Qt events until every callback has run; return False on timeout.

        For the screenshot command and tests; a screen never waits."""
        timer = QElapsedTimer()
        timer.start()
        while self.pending and timer.elapsed() < timeout_ms:
            QCoreApplication.processEvents()
            if self.pending:
                time.sleep(0.002)
        return self.pending == 0

    def shutdown(self) -> None:
        """Let running jobs finish, drop queued ones (at exit). Work asked for afterwards (a
        timer of a closing window) is dropped too."""
        self.closed = True
        for ex in (self._db, self._files, self._pool):
            ex.shutdown(wait=True, cancel_futures=True)

    # --- inside ----------------------------------------------------------------------------

    def _submit(
        self,
        executor: Executor,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        on_success: Callback | None,
        on_error: ErrorCallback | None,
        owner: QWidget | None,
    ) -> None:
        if self.inline:
            try:
                result = fn(*args)
            except Exception as exc:
                err = exc
                self._finish(lambda: self._failed(err, on_error, owner), count=False)
            else:
                self._finish(lambda: self._succeeded(result, on_success, owner), count=False)
            return

        def job() -> None:
            try:
                result = fn(*args)
            except Exception as exc:
                err = exc  # `exc` is unbound when the except block ends; the callback runs later
                self._relay.call.emit(
                    lambda: self._finish(lambda: self._failed(err, on_error, owner))
                )
            else:
                self._relay.call.emit(
                    lambda: self._finish(lambda: self._succeeded(result, on_success, owner))
                )

        if self.closed:
            log.debug("worker shut down: %s dropped", getattr(fn, "__name__", fn))
            return
        self.pending += 1
        executor.submit(job)

    def _finish(self, fn: Callable[[], None], count: bool = True) -> None:
        if count:
            self.pending -= 1
        try:
            fn()
        except Exception as exc:  # a callback's own bug: logged and shown, never lost
            log_bug(exc, "callback")
            self.default_error(exc)

    def _succeeded(self, result: Any, on_success: Callback | None, owner: QWidget | None) -> None:
        if owner is not None and not isValid(owner):
            return
        if on_success is not None:
            on_success(result)

    def _failed(
        self, exc: BaseException, on_error: ErrorCallback | None, owner: QWidget | None
    ) -> None:
        if not is_known(exc):
            log_bug(exc, "worker")
        if owner is not None and not isValid(owner):
            return
        (on_error or self.default_error)(exc)


class Debouncer(QObject):
    """Call `fn` once, `delay_ms` after the last `trigger()` (search as you type, drafts)."""

    def __init__(
        self, delay_ms: int, fn: Callable[[], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._fn = fn
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(fn)

    def trigger(self) -> None:
        self._timer.start()

    def flush(self) -> None:
        """Call now if a call is waiting."""
        if self._timer.isActive():
            self._timer.stop()
            self._fn()

    def cancel(self) -> None:
        self._timer.stop()

    @property
    def waiting(self) -> bool:
        return self._timer.isActive()
