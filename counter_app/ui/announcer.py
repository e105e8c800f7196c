"""Calls said aloud in the hall one at a time: chime, then the sentence, and only then the next
(FQM#138 and novosga#78 let a new announcement cut off the one playing; LESSONS.md, Queue).

The sound itself is passed in (`voice.py` makes the real ones), so a test can record what would
have been played, in which order, and that nothing overlapped.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Protocol

from counter_app.ui.qt import QTimer

Done = Callable[[], None]


class Chime(Protocol):
    def chime(self, done: Done) -> None:
        """Play the chime; call `done` once it has finished (or failed)."""


class Speech(Protocol):
    kind: str  # "espeak", "qt": what the display's status line names

    def speak(self, text: str, done: Done) -> None:
        """Say `text`; call `done` once it has been said (or could not be)."""


def _later(ms: int, fn: Done) -> None:
    QTimer.singleShot(ms, fn)


class Announcer:
    """A queue of sentences, said one at a time, each after a chime.

    Without `speech` only the chime plays (the display's highlight does the rest); without
    either, announcing does nothing audible but still keeps the order."""

    def __init__(
        self,
        chime: Chime | None,
        speech: Speech | None,
        *,
        gap_ms: int = 500,
        max_waiting: int = 40,
        later: Callable[[int, Done], None] = _later,
    ) -> None:
        self.chime = chime
        self.speech = speech
        self.gap_ms = gap_ms  # silence between two announcements, so the hall hears two calls
        self.max_waiting = max_waiting
        self._later = later
        self._queue: deque[str] = deque()
        self._token = 0  # each step's `done` is valid once; a late or repeated one is ignored
        self.busy = False
        self.current: str | None = None

    @property
    def waiting(self) -> list[str]:
        return list(self._queue)

    def announce(self, sentence: str) -> None:
        """Queue `sentence`; it is said after every one queued before it has finished.

        The same sentence already waiting is not queued twice (a double press of recall)."""
        if sentence in self._queue:
            return
        if len(self._queue) >= self.max_waiting:
            self._queue.popleft()  # a hall can only hear so much; the oldest call is on screen
        self._queue.append(sentence)
        if not self.busy:
            self._next()

    def clear(self) -> None:
        """Drop what waits (the one being said finishes)."""
        self._queue.clear()

    # --- inside ----------------------------------------------------------------------------

    def _step(self, then: Callable[[], None]) -> Done:
        self._token += 1
        token = self._token

        def done() -> None:
            if token == self._token:
                self._token += 1
                then()

        return done

    def _next(self) -> None:
        if not self._queue:
            self.busy = False
            self.current = None
            return
        self.busy = True
        text = self._queue.popleft()
        self.current = text
        if self.chime is not None:
            self.chime.chime(self._step(lambda: self._speak(text)))
        else:
            self._speak(text)

    def _speak(self, text: str) -> None:
        if self.speech is not None:
            self.speech.speak(text, self._step(self._finished))
        else:
            self._finished()

    def _finished(self) -> None:
        self.current = None
        if self.gap_ms > 0 and self._queue:
            self._later(self.gap_ms, self._next)
        else:
            self._next()
