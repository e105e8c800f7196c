"""Pages processed on every core, results handed back in page order, a few pages ahead.

Worker processes are started with "spawn" on every platform: the window has threads, and a
forked copy of a process with threads (Qt's among them) can deadlock. Only a page reference
goes to a worker and only the compressed page comes back, so memory stays flat however long the
batch. A worker that dies (a C library crashing on a malicious file) breaks the pool; the pool is
started again, the page is retried alone, and if it kills a worker again it comes back as an
error for the review tray: nothing else in the batch is lost.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from counter_app.domain.errors import CounterError
from counter_app.scanning.errors import ScanCancelled
from counter_app.scanning.inputs import InputProblem, PageRef, close_cached
from counter_app.scanning.pages import PageResult, PageSettings, process_page

Cancel = Callable[[], bool]
POLL_S = 0.2  # how often a wait looks at the cancel flag
MAX_CRASHES = 3


class WorkersFailed(CounterError):
    """Worker processes die whatever page they get: the environment, not a page, is broken."""

    def __init__(self) -> None:
        super().__init__(
            "Không chạy được tiến trình xử lý ảnh (thiếu bộ nhớ?) / The image worker processes "
            "keep failing (out of memory?)"
        )


def default_workers() -> int:
    """Return how many worker processes a batch uses: one per core, at most four."""
    return max(1, min(os.cpu_count() or 1, 4))


def _init_worker() -> None:
    # Ctrl+C is the parent's to handle; workers stopped by it would print tracebacks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def new_executor(workers: int) -> ProcessPoolExecutor:
    """Return a pool of `workers` spawned processes ready for `process_page`."""
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker,
    )


def process_pages(
    items: Iterable[PageRef | InputProblem],
    settings: PageSettings,
    *,
    workers: int | None = None,
    cancel: Cancel | None = None,
    executor: Executor | None = None,
) -> Iterator[PageResult | InputProblem]:
    """Yield each page's `PageResult` (and each InputProblem as it comes) in input order.

    `workers` = 0 processes in this process (tests, a single page); None uses
    `default_workers()`. A given `executor` is used and left running (a window may keep one
    warm). Raises ScanCancelled, between pages, once `cancel()` is true."""
    cancelled = cancel or (lambda: False)
    count = default_workers() if workers is None else workers
    if count == 0 and executor is None:
        yield from _inline(items, settings, cancelled)
        return
    runner = _Runner(settings, count, executor)
    try:
        yield from runner.run(items, cancelled)
    finally:
        runner.close()


def _inline(
    items: Iterable[PageRef | InputProblem], settings: PageSettings, cancelled: Cancel
) -> Iterator[PageResult | InputProblem]:
    try:
        for item in items:
            if cancelled():
                raise ScanCancelled()
            yield process_page(item, settings) if isinstance(item, PageRef) else item
    finally:
        close_cached()


class _Runner:
    def __init__(self, settings: PageSettings, workers: int, executor: Executor | None) -> None:
        self.settings = settings
        self.workers = max(1, workers)
        self.own = executor is None
        self.executor: Executor = executor or new_executor(self.workers)
        self.crashes = 0  # pages in a row that broke the pool

    def close(self) -> None:
        if self.own:
            self.executor.shutdown(wait=True, cancel_futures=True)

    def _submit(self, ref: PageRef) -> Future[PageResult]:
        return self.executor.submit(process_page, ref, self.settings)

    def run(
        self, items: Iterable[PageRef | InputProblem], cancelled: Cancel
    ) -> Iterator[PageResult | InputProblem]:
        source = iter(items)
        ahead = 2 * self.workers + 1
        pending: deque[tuple[PageRef | InputProblem, Future[PageResult] | None]] = deque()

        def fill() -> None:
            while len(pending) < ahead:
                item = next(source, None)
                if item is None:
                    return
                pending.append((item, self._submit(item) if isinstance(item, PageRef) else None))

        fill()
        try:
            while pending:
                item, future = pending.popleft()
                if future is None:
                    assert isinstance(item, InputProblem)
                    yield item
                    fill()
                    continue
                assert isinstance(item, PageRef)
                result = self._wait(item, future, cancelled, pending)
                fill()
                yield result
        finally:
            for _, future in pending:
                if future is not None:
                    future.cancel()

    def _wait(
        self,
        ref: PageRef,
        future: Future[PageResult],
        cancelled: Cancel,
        pending: deque[tuple[PageRef | InputProblem, Future[PageResult] | None]],
    ) -> PageResult:
        while True:
            if cancelled():
                raise ScanCancelled()
            try:
                result = future.result(timeout=POLL_S)
                self.crashes = 0
                return result
            except FutureTimeout:
                continue
            except BrokenProcessPool:
                return self._recover(ref, pending)

    def _recover(
        self,
        ref: PageRef,
        pending: deque[tuple[PageRef | InputProblem, Future[PageResult] | None]],
    ) -> PageResult:
        """Start a new pool, retry `ref` alone, then resubmit the pages waiting behind it."""
        if not self.own:
            raise BrokenProcessPool("the caller's process pool broke")
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = new_executor(self.workers)
        try:
            result = self._submit(ref).result()
        except BrokenProcessPool:
            self.crashes += 1
            if self.crashes >= MAX_CRASHES:  # not a page: the workers cannot run at all
                raise WorkersFailed() from None
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = new_executor(self.workers)
            result = PageResult(
                ref,
                "error",
                error="Trang làm hỏng bộ giải mã (tệp hỏng?) / The page crashed the decoder "
                "(a damaged file?)",
            )
        waiting = list(pending)
        pending.clear()
        for item, _ in waiting:
            pending.append((item, self._submit(item) if isinstance(item, PageRef) else None))
        return result
