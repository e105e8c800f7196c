"""The hall display (issue 7, part 4): a call shows up highlighted within the refresh, waiting
counts follow, calls are announced one at a time in order, espeak-ng really speaks Vietnamese."""

from __future__ import annotations

import subprocess
import sys
import threading
import wave
from pathlib import Path

import pytest
from sqlalchemy import select

from counter_app.domain.announce import call_sentence
from counter_app.models import Desk
from counter_app.services import queue
from counter_app.services.queue_status import hall_view
from counter_app.services.recording import Actor
from counter_app.ui.announcer import Announcer
from counter_app.ui.display import HallDisplay
from counter_app.ui.display_feed import HallFeed
from counter_app.ui.qt import QTimer
from counter_app.ui.voice import espeak_exe, render_wav, wav_seconds

# The offscreen platform warns when a shown window's size hints change (README, tests/gui).
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


class FakeSound:
    """Stands in for the sound device only: each sound 'plays' for `ms`, recorded in `log`."""

    def __init__(self, ms: int = 30) -> None:
        self.ms = ms
        self.log: list[tuple[str, str]] = []
        self.playing: str | None = None
        self.overlaps = 0

    def _play(self, what: str, done) -> None:
        if self.playing is not None:
            self.overlaps += 1
        self.playing = what
        self.log.append(("start", what))

        def finish() -> None:
            self.log.append(("end", what))
            self.playing = None
            done()

        QTimer.singleShot(self.ms, finish)

    def chime(self, done) -> None:
        self._play("chime", done)

    kind = "fake"

    def speak(self, text: str, done) -> None:
        self._play(text, done)


def _actor(db, number: int) -> Actor:
    with db.read() as session:
        desk = session.scalar(select(Desk.id).where(Desk.number == number))
    return Actor(None, f"Cán bộ quầy {number}", desk)


@pytest.fixture
def hall(qtbot, demo_db, worker):
    """A display on the demo center fed by a 1 s poll, with a fake sound device."""
    sound = FakeSound()
    announcer = Announcer(sound, sound, gap_ms=10)
    display = HallDisplay("Trung tâm thử", announcer=announcer, voice_kind="espeak")
    qtbot.addWidget(display)
    feed = HallFeed(worker, lambda: hall_view(demo_db), parent=display)
    feed.view.connect(display.show_view)
    display.resize(1920, 1080)
    display.show()
    feed.start()
    yield display, sound, announcer
    feed.stop()


def _waiting(display: HallDisplay, code: str) -> str:
    return next(r.waiting.text() for r in display._rows if r.code.text() == code)


def test_a_call_appears_highlighted_within_the_refresh_and_is_announced(qtbot, demo_db, hall):
    display, sound, announcer = hall
    queue.issue_ticket(demo_db, "A", _actor(demo_db, 1))
    qtbot.waitUntil(lambda: _waiting(display, "A") == "1", timeout=2000)
    assert display.latest is None and not display.flashing

    ticket = queue.call_next(demo_db, _desk_id(demo_db, 3), _actor(demo_db, 3))  # desks 1-3: A
    assert ticket is not None
    qtbot.waitUntil(
        lambda: display.latest is not None and display.latest.ticket_id == ticket.id,
        timeout=2000,
    )
    assert display.flashing
    assert display.call_ticket.text() == ticket.display
    assert display.call_desk.text() == "→ Quầy 3"
    assert _waiting(display, "A") == "0"
    tiles = [(t.ticket.text(), t.desk.text()) for t in display._tiles if t.isVisible()]
    assert tiles == [(ticket.display, "Quầy 3")]
    qtbot.waitUntil(lambda: not announcer.busy, timeout=2000)
    assert sound.log == [
        ("start", "chime"),
        ("end", "chime"),
        ("start", call_sentence(ticket.display, 3)),
        ("end", call_sentence(ticket.display, 3)),
    ]
    assert "espeak-ng" in display.status.text()


def _desk_id(db, number: int) -> str:
    actor = _actor(db, number)
    assert actor.desk_id is not None
    return actor.desk_id


def test_waiting_counts_follow_new_tickets(qtbot, demo_db, hall) -> None:
    display, _, _ = hall
    qtbot.waitUntil(lambda: _waiting(display, "B") == "0", timeout=2000)
    for _ in range(3):
        queue.issue_ticket(demo_db, "B", _actor(demo_db, 1))
    qtbot.waitUntil(lambda: _waiting(display, "B") == "3", timeout=2000)


def test_two_quick_calls_and_a_recall_are_announced_in_order_without_overlap(
    qtbot, demo_db, hall
) -> None:
    display, sound, announcer = hall
    for _ in range(2):
        queue.issue_ticket(demo_db, "A", _actor(demo_db, 1))
    qtbot.waitUntil(lambda: _waiting(display, "A") == "2", timeout=2000)
    first = queue.call_next(demo_db, _desk_id(demo_db, 1), _actor(demo_db, 1))
    second = queue.call_next(demo_db, _desk_id(demo_db, 2), _actor(demo_db, 2))
    assert first and second
    qtbot.waitUntil(
        lambda: display.latest is not None and display.latest.ticket_id == second.id, timeout=2000
    )
    queue.recall(demo_db, first.id, _actor(demo_db, 1))  # called again: said again
    qtbot.waitUntil(
        lambda: display.latest is not None and display.latest.ticket_id == first.id, timeout=2000
    )
    qtbot.waitUntil(lambda: not announcer.busy and len(sound.log) == 12, timeout=3000)
    said = [what for kind, what in sound.log if kind == "start" and what != "chime"]
    assert said == [
        call_sentence(first.display, 1),
        call_sentence(second.display, 2),
        call_sentence(first.display, 1),
    ]
    assert sound.overlaps == 0
    # strictly start, end, start, end...: nothing began before the previous sound ended
    assert [kind for kind, _ in sound.log] == ["start", "end"] * 6


def test_the_announcer_keeps_order_and_drops_a_double_press(qtbot) -> None:
    sound = FakeSound(ms=20)
    announcer = Announcer(sound, sound, gap_ms=0)
    for text in ("một", "hai", "hai", "ba"):
        announcer.announce(text)
    assert announcer.current == "một" and announcer.waiting == ["hai", "ba"]
    qtbot.waitUntil(lambda: not announcer.busy, timeout=2000)
    said = [what for kind, what in sound.log if kind == "start" and what != "chime"]
    assert said == ["một", "hai", "ba"]
    assert sound.overlaps == 0


def test_without_a_voice_the_chime_still_plays(qtbot) -> None:
    sound = FakeSound(ms=10)
    announcer = Announcer(sound, None, gap_ms=0)
    announcer.announce("Mời số A không không một đến quầy số một")
    announcer.announce("Mời số A không không hai đến quầy số hai")
    qtbot.waitUntil(lambda: not announcer.busy, timeout=2000)
    assert sound.log == [("start", "chime"), ("end", "chime")] * 2
    display = HallDisplay("Trung tâm thử", announcer=announcer, voice_kind="chime")
    qtbot.addWidget(display)
    assert "chỉ chuông" in display.status.text()


@pytest.mark.skipif(espeak_exe() is None, reason="espeak-ng is not installed on this machine")
def test_espeak_ng_renders_the_vietnamese_sentence_to_a_wav(tmp_path: Path) -> None:
    out = render_wav(call_sentence("A023", 5), tmp_path / "call.wav")
    assert out.stat().st_size > 10_000
    with wave.open(str(out), "rb") as w:
        assert w.getnframes() > 0
    assert 1.0 < wav_seconds(out) < 15.0


def test_the_display_command_saves_a_screenshot(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "hall.png"
    done = subprocess.run(
        [sys.executable, "-m", "counter_app", "display", "--db", str(demo_path),
         "--screenshot", str(out), "--size", "1366x768"],
        capture_output=True, text=True, timeout=60,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 10_000


class FakeListener:
    """The center's notification, raised by the test."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.closed = False

    def wait(self, timeout: float) -> bool:
        got = self.event.wait(timeout)
        self.event.clear()
        return got

    def close(self) -> None:
        self.closed = True


def test_a_notification_from_the_center_refreshes_without_waiting_for_the_poll(
    qtbot, demo_db, worker
) -> None:
    listener = FakeListener()
    views = []
    feed = HallFeed(worker, lambda: hall_view(demo_db), lambda: listener, poll_ms=60_000)
    feed.view.connect(views.append)
    feed.start()
    try:
        qtbot.waitUntil(lambda: feed.listening, timeout=2000)
        assert len(views) == 1
        queue.issue_ticket(demo_db, "C", _actor(demo_db, 7))
        listener.event.set()
        qtbot.waitUntil(lambda: len(views) == 2, timeout=2000)
        assert {s.code: s.waiting for s in views[-1].status.services}["C"] == 1
    finally:
        feed.stop()
    assert listener.closed


@pytest.mark.qt_log_ignore("pa_context_connect", "not supported on the selected audio device")
def test_the_real_player_finishes_even_without_a_sound_device(qtbot, tmp_path: Path) -> None:
    from counter_app.ui.voice import ChimeSound, WavPlayer

    player = WavPlayer()
    chime = ChimeSound(player, tmp_path)
    assert 1.0 < wav_seconds(chime.path) < 1.5
    finished = []
    chime.chime(lambda: finished.append(True))
    qtbot.waitUntil(lambda: finished == [True], timeout=4000)
