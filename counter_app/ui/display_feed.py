"""What keeps the hall display current within 2 s of a call (novosga#318: screens must not wait
for someone to press F5).

Joined to a center, a background thread waits on the center's notification (channel
`counter_changes`, sent by its queue functions, migration 0003) and wakes a refresh at once; a
slow poll stays as a safety net. Standalone, or while the center does not answer, the local
database is read every second. The reading itself runs on the worker's database thread, never
on the GUI thread; the view comes back on it as the `view` signal.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol

from counter_app.services.queue_status import HallView
from counter_app.ui.qt import QObject, QTimer, Signal
from counter_app.ui.worker import Worker

log = logging.getLogger(__name__)

POLL_MS = 1000  # standalone or offline: the local database, every second
SAFETY_MS = 5000  # listening to the center: a poll in case a notification was lost
RETRY_S = 5.0  # a broken listener is opened again after this


class Listener(Protocol):
    def wait(self, timeout: float) -> bool: ...
    def close(self) -> None: ...


class HallFeed(QObject):
    """Emits `view(HallView)` after each read; `refresh()` asks for one now."""

    view = Signal(object)
    failed = Signal(object)
    _wake = Signal()  # from the listener thread; queued to the GUI thread
    _listening = Signal(bool)

    def __init__(
        self,
        worker: Worker,
        fetch: Callable[[], HallView],
        listen: Callable[[], Listener | None] | None = None,
        *,
        poll_ms: int = POLL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.fetch = fetch
        self.listen = listen
        self.poll_ms = poll_ms
        self.listening = False
        self._busy = False
        self._again = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.refresh)
        self._wake.connect(self.refresh)
        self._listening.connect(self._set_listening)

    def start(self) -> None:
        """Read now, then keep reading (and listening, when there is a center)."""
        self.refresh()
        self._timer.start()
        if self.listen is not None and self._thread is None:
            self._thread = threading.Thread(
                target=self._listen_loop, name="display-listener", daemon=True
            )
            self._thread.start()

    def stop(self) -> None:
        self._timer.stop()
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2.0)
            self._thread = None

    def refresh(self) -> None:
        """Read the hall view on the database thread (one read at a time; a request during a
        read makes one more read after it)."""
        if self._busy:
            self._again = True
            return
        self._busy = True
        self.worker.db(self.fetch, on_success=self._got, on_error=self._error)

    # --- inside ----------------------------------------------------------------------------

    def _got(self, view: HallView) -> None:
        self._busy = False
        self.view.emit(view)
        self._after()

    def _error(self, exc: BaseException) -> None:
        self._busy = False
        self.failed.emit(exc)
        self._after()

    def _after(self) -> None:
        if self._again:
            self._again = False
            self.refresh()

    def _set_listening(self, on: bool) -> None:
        self.listening = on
        self._timer.setInterval(SAFETY_MS if on else self.poll_ms)

    def _listen_loop(self) -> None:
        assert self.listen is not None
        while not self._stop.is_set():
            listener: Any = None
            try:
                listener = self.listen()
                if listener is None:  # the center does not answer now
                    self._stop.wait(RETRY_S)
                    continue
                self._listening.emit(True)
                while not self._stop.is_set():
                    if listener.wait(0.5):
                        self._wake.emit()
            except Exception as exc:  # a lost connection: poll, and listen again later
                log.info("hall display listener: %s", exc)
            finally:
                if listener is not None:
                    self._listening.emit(False)
                    try:
                        listener.close()
                    except Exception:  # closing a broken connection may fail too
                        pass
            self._stop.wait(RETRY_S)
