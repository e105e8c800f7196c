"""The sync worker: a thread of its own (never the GUI thread) with its own connections.

It syncs at start, when asked (a local write, the operator's "sync now"), when the center
notifies a change (LISTEN/NOTIFY) and on a timer as the fallback; after a failure it waits with
exponential back-off and jitter, and a request still wakes it (retries that waited for the next
local write left queues stuck: powersync-swift#179).
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from pathlib import Path

from counter_app.db import Database
from counter_app.domain.errors import CounterError
from counter_app.services.sync.client import CenterClient
from counter_app.services.sync.errors import CenterUnreachable
from counter_app.services.sync.join import client_for
from counter_app.services.sync.numbers import NumberClaimer
from counter_app.services.sync.runner import SyncReport, SyncStatus, sync_once, sync_status

log = logging.getLogger(__name__)

MAX_BACKOFF_S = 300.0


def backoff_delay(failures: int, rng: random.Random) -> float:
    """Seconds to wait after `failures` failures in a row: 1, 2, 4 … 300, times 0.5–1.5."""
    return min(MAX_BACKOFF_S, 2.0 ** min(failures - 1, 9)) * rng.uniform(0.5, 1.5)


class SyncWorker:
    """Runs sync rounds in a background thread; reports each outcome through `on_status`."""

    def __init__(
        self,
        db: Database,
        *,
        central_url: str | None = None,
        interval_s: float = 30.0,
        on_status: Callable[[SyncStatus, SyncReport | None, str], None] | None = None,
        files_root: Path | None = None,
        secrets_folder: Path | None = None,
        listen: bool = True,
    ) -> None:
        self.db = db
        self.central_url = central_url
        self.interval_s = interval_s
        self.on_status = on_status
        self.files_root = files_root
        self.secrets_folder = secrets_folder
        self.listen = listen
        self.failures = 0
        self.rounds = 0
        self.last_error = ""
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._rng = random.Random()
        self.numbers: NumberClaimer | None = None  # told when the center goes away

    # --- control -------------------------------------------------------------------------

    def start(self) -> None:
        """Start the sync thread (and the listener thread)."""
        self._threads = [threading.Thread(target=self.run, name="sync", daemon=True)]
        if self.listen:
            self._threads.append(
                threading.Thread(target=self._listen, name="sync-listen", daemon=True)
            )
        for t in self._threads:
            t.start()

    def request(self) -> None:
        """Sync as soon as possible (after a local write, or the operator's request)."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        for t in self._threads:
            t.join(timeout)

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def wait_stopped(self, timeout: float) -> bool:
        """Block until stopped or `timeout` s passed; return whether it stopped."""
        return self._stop.wait(timeout)

    # --- the loop ------------------------------------------------------------------------

    def run(self) -> None:
        """Sync until stopped (in the calling thread: `counter-app sync` uses it directly)."""
        client: CenterClient | None = None
        while not self._stop.is_set():
            self._wake.clear()
            report: SyncReport | None = None
            try:
                if client is None:
                    client = client_for(
                        self.db, central_url=self.central_url, secrets_folder=self.secrets_folder
                    )
                report = sync_once(self.db, client, files_root=self.files_root)
                self.failures = 0
                self.last_error = report.push.gap
            except CounterError as exc:
                self.failures += 1
                self.last_error = exc.message
                if isinstance(exc, CenterUnreachable) and self.numbers is not None:
                    self.numbers.mark_offline()
                if client is not None:
                    client.close()
                    client = None
            except Exception:  # a bug: logged with its traceback; the worker keeps going
                log.exception("sync round failed")
                self.failures += 1
                self.last_error = "Lỗi đồng bộ, đã ghi nhật ký / Sync failed, reported"
                if client is not None:
                    client.close()
                    client = None
            self.rounds += 1
            self._report(report)
            delay = backoff_delay(self.failures, self._rng) if self.failures else self.interval_s
            self._wake.wait(delay)
        if client is not None:
            client.close()

    def _report(self, report: SyncReport | None) -> None:
        if self.on_status is None:
            return
        try:
            self.on_status(sync_status(self.db), report, self.last_error)
        except Exception:
            log.exception("sync status callback failed")

    def _listen(self) -> None:
        """Wake the sync loop when the center announces a change; reconnect with back-off."""
        failures = 0
        while not self._stop.is_set():
            try:
                client = client_for(
                    self.db, central_url=self.central_url, secrets_folder=self.secrets_folder
                )
                listener = client.listener()
            except CounterError:
                failures += 1
                self._stop.wait(backoff_delay(failures, self._rng))
                continue
            failures = 0
            try:
                while not self._stop.is_set():
                    if listener.wait(1.0):
                        self._wake.set()
            except CounterError:
                self._wake.set()  # the link broke: a round finds out whether the center is up
            finally:
                listener.close()
