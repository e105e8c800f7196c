"""Fixtures of the window's tests: a themed QApplication, an inline worker, a window on a copy of
the demo center, a signed-in window. Helpers (clock, keys) are in gui_helpers.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from gui_helpers import NOW, sign_in

from counter_app.config import Settings, load_settings, save_settings
from counter_app.ui.qt import QApplication
from counter_app.ui.theme import apply_theme
from counter_app.ui.window import CounterWindow
from counter_app.ui.worker import Worker


@pytest.fixture(scope="session", autouse=True)
def _themed(qapp: QApplication) -> None:
    apply_theme(qapp)


@pytest.fixture
def worker() -> Iterator[Worker]:
    w = Worker(inline=True)
    yield w
    w.shutdown()


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "config.toml"


@pytest.fixture
def make_window(
    qtbot, demo_path: Path, worker: Worker, settings_path: Path
) -> Callable[..., CounterWindow]:
    """Build, start and show the window on the demo center; desk 1 unless `desk=None`.

    The inline worker unless `threads` gives a real one. The windows live until the test ends
    (qtbot holds them weakly: a window no test variable holds would be collected, and its
    pages deleted under the test's feet)."""
    alive: list[CounterWindow] = []

    def make(
        desk: int | None = 1,
        clock: Callable[[], datetime] = lambda: NOW,
        idle_minutes: float = 0,
        threads: Worker | None = None,
        **settings: object,
    ) -> CounterWindow:
        save_settings(Settings(desk=desk, **settings), settings_path)  # type: ignore[arg-type]
        window = CounterWindow(
            db_url=f"sqlite:///{demo_path}",
            settings=load_settings(settings_path, environ={}),
            worker=threads or worker,
            settings_path=settings_path,
            clock=clock,
            idle_minutes=idle_minutes,
        )
        qtbot.addWidget(window)
        alive.append(window)
        window.resize(1366, 768)
        window.start()
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def signed_in(
    make_window: Callable[..., CounterWindow], demo_passwords: dict[str, str]
) -> Callable[..., CounterWindow]:
    """A window with `username` signed in (the inline worker answers at once)."""

    def make(username: str = "canbo1", **kw: object) -> CounterWindow:
        window = make_window(**kw)
        sign_in(window, username, demo_passwords[username])
        assert window.current_screen == "shell", window.signin.error.text()
        return window

    return make
