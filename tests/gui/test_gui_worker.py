"""The worker: work off the GUI thread, answers on it; the database lane keeps order; errors
are split into known conditions (shown) and bugs (logged, then shown as "an error occurred")."""

from __future__ import annotations

import threading
import time

from counter_app.domain.errors import InvalidInput
from counter_app.ui.errors import log_path
from counter_app.ui.qt import QWidget
from counter_app.ui.worker import Debouncer, Worker


def test_callbacks_run_on_the_gui_thread_in_order(qtbot) -> None:
    worker = Worker()
    try:
        seen: list[tuple[int, str, bool]] = []
        ran_on: list[str] = []

        def job(n: int) -> int:
            ran_on.append(threading.current_thread().name)
            time.sleep(0.01 if n == 0 else 0)
            return n

        for n in range(5):
            worker.db(job, n, on_success=lambda r: seen.append(
                (r, threading.current_thread().name, threading.current_thread() is threading.main_thread())
            ))  # fmt: skip
        assert worker.wait_idle(5000)
        assert [s[0] for s in seen] == [0, 1, 2, 3, 4]  # one database thread: in order
        assert all(s[2] for s in seen)
        assert set(ran_on) == {"counter-db_0"}
    finally:
        worker.shutdown()


def test_known_errors_go_to_on_error_and_bugs_to_the_log(qtbot) -> None:
    worker = Worker()
    try:
        errors: list[BaseException] = []
        worker.db(_raise_known, on_error=errors.append)
        worker.background(_raise_bug, on_error=errors.append)
        assert worker.wait_idle(5000)
        # two lanes, two threads: either may answer first
        assert sorted(type(e).__name__ for e in errors) == ["InvalidInput", "KeyError"]
        text = log_path().read_text(encoding="utf-8")
        assert "KeyError" in text and "_raise_bug" in text and "InvalidInput" not in text
    finally:
        worker.shutdown()


def test_a_callback_for_a_deleted_widget_is_dropped(qtbot) -> None:
    worker = Worker()
    try:
        widget = QWidget()
        got: list[int] = []
        release = threading.Event()
        worker.db(lambda: release.wait(5) and 1, on_success=got.append, owner=widget)
        widget.deleteLater()
        qtbot.wait(20)
        release.set()
        assert worker.wait_idle(5000)
        assert got == []
    finally:
        worker.shutdown()


def test_inline_worker_answers_at_once() -> None:
    worker = Worker(inline=True)
    got: list[int] = []
    worker.db(lambda a, b: a + b, 2, 3, on_success=got.append)
    assert got == [5] and worker.pending == 0


def test_debouncer_calls_once_after_the_last_trigger(qtbot) -> None:
    calls: list[int] = []
    d = Debouncer(20, lambda: calls.append(1))
    for _ in range(5):
        d.trigger()
    qtbot.waitUntil(lambda: calls == [1], timeout=1000)
    d.trigger()
    d.flush()
    assert calls == [1, 1] and not d.waiting


def _raise_known() -> None:
    raise InvalidInput("Sai / Wrong")


def _raise_bug() -> None:
    raise KeyError("missing")
