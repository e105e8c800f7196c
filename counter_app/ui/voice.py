"""The hall display's sounds, offline only (FQM#5, #249 failed with online voices): a chime, and
a Vietnamese voice from (1) espeak-ng's `vi` voice rendered to a WAV file, else (2) Qt's
text-to-speech with a Vietnamese voice (speech-dispatcher on Linux, the system's on Windows),
else (3) none: the chime and the highlight only (LESSONS.md, Queue).
"""

from __future__ import annotations

import logging
import math
import shutil
import struct
import subprocess
import wave
from collections.abc import Callable
from itertools import count
from pathlib import Path
from typing import Any

from counter_app.domain.errors import CounterError
from counter_app.ui.announcer import Done
from counter_app.ui.qt import QLocale, QObject, QTimer, QUrl, multimedia, text_to_speech

log = logging.getLogger(__name__)

RATE = 22050
Background = Callable[..., None]  # Worker.background(fn, *args, on_success=, on_error=)


class VoiceUnavailable(CounterError):
    """The voice could not say this (engine missing or failing): the chime still plays."""


# --- espeak-ng -----------------------------------------------------------------------------


def espeak_exe() -> str | None:
    """Return the espeak-ng program (espeak-ng.exe on Windows), or None when not installed."""
    return shutil.which("espeak-ng")


def render_wav(text: str, out: Path, *, voice: str = "vi", exe: str | None = None) -> Path:
    """Render `text` with espeak-ng's `voice` into the WAV file `out`; return `out`.

    Raises VoiceUnavailable when espeak-ng is missing, fails, or writes nothing."""
    program = exe or espeak_exe()
    if program is None:
        raise VoiceUnavailable("Chưa cài espeak-ng / espeak-ng is not installed")
    try:
        subprocess.run(
            [program, "-v", voice, "-s", "140", "-w", str(out), text],
            check=True,
            capture_output=True,
            timeout=20,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise VoiceUnavailable(f"espeak-ng không đọc được / espeak-ng failed: {exc}") from exc
    if not out.exists() or out.stat().st_size <= 44:  # a bare WAV header says nothing
        raise VoiceUnavailable("espeak-ng không tạo ra âm thanh / espeak-ng wrote no sound")
    return out


def wav_seconds(path: Path) -> float:
    """Return how long the WAV file at `path` plays (0 when it cannot be read)."""
    try:
        with wave.open(str(path), "rb") as w:
            return w.getnframes() / float(w.getframerate() or 1)
    except (OSError, wave.Error, EOFError):
        return 0.0


def write_chime(path: Path) -> Path:
    """Write the call chime (a two-note "ding-dong", 1.1 s) as a WAV file at `path`."""
    frames = bytearray()
    for freq, seconds in ((880.0, 0.45), (660.0, 0.65)):
        n = int(RATE * seconds)
        for i in range(n):
            t = i / RATE
            envelope = math.exp(-3.2 * t) * min(1.0, i / 200)
            sample = 0.55 * envelope * (math.sin(2 * math.pi * freq * t) + 0.3 * math.sin(
                4 * math.pi * freq * t))  # fmt: skip
            frames += struct.pack("<h", int(max(-1.0, min(1.0, sample)) * 32000))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(bytes(frames))
    return path


# --- playing -------------------------------------------------------------------------------


class WavPlayer(QObject):
    """Plays one WAV file at a time with QSoundEffect and says when it is over: when playing
    stops, when it fails (no sound device), or at the latest its length plus a second."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._qm = multimedia()  # ImportError here: no sound on this machine
        self._effect: Any = None

    def play(self, path: Path, done: Done) -> None:
        qm = self._qm
        effect = qm.QSoundEffect(self)
        finished = False

        def finish(*_: object) -> None:
            nonlocal finished
            if finished:
                return
            finished = True
            effect.stop()
            effect.deleteLater()
            if self._effect is effect:
                self._effect = None
            done()

        started = False

        def playing() -> None:
            nonlocal started
            if effect.isPlaying():
                started = True
            elif started:
                finish()

        def status() -> None:
            if effect.status() == qm.QSoundEffect.Status.Error:
                finish()

        effect.playingChanged.connect(playing)
        effect.statusChanged.connect(status)
        QTimer.singleShot(int((wav_seconds(path) + 1.0) * 1000), effect, finish)
        self._effect = effect
        effect.setSource(QUrl.fromLocalFile(str(path)))
        effect.play()


class ChimeSound:
    """The chime, written once to a temporary WAV file."""

    def __init__(self, player: WavPlayer, folder: Path) -> None:
        self.player = player
        self.path = write_chime(folder / "chime.wav")

    def chime(self, done: Done) -> None:
        self.player.play(self.path, done)


class EspeakSpeech:
    """espeak-ng's Vietnamese voice: rendered to a WAV file off the GUI thread, then played."""

    kind = "espeak"

    def __init__(self, player: WavPlayer, folder: Path, background: Background) -> None:
        self.player = player
        self.folder = folder
        self.background = background
        self._n = count(1)

    def speak(self, text: str, done: Done) -> None:
        out = self.folder / f"call-{next(self._n) % 8}.wav"  # a few names, reused in turn

        def failed(exc: BaseException) -> None:
            log.warning("espeak-ng: %s", exc)
            done()

        self.background(
            render_wav, text, out, on_success=lambda p: self.player.play(p, done), on_error=failed
        )


class QtSpeech(QObject):
    """Qt's text-to-speech with a Vietnamese voice; `create()` finds one or returns None."""

    kind = "qt"

    def __init__(self, tts: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tts = tts
        self._done: Done | None = None
        self._spoke = False
        tts.stateChanged.connect(self._state)

    @classmethod
    def create(cls, parent: QObject | None = None) -> QtSpeech | None:
        try:
            qtts = text_to_speech()
        except ImportError as exc:
            log.info("QtTextToSpeech: %s", exc)
            return None
        for engine in qtts.QTextToSpeech.availableEngines():
            if engine == "mock":
                continue
            tts = qtts.QTextToSpeech(engine, parent)
            if tts.state() == qtts.QTextToSpeech.State.Error:
                tts.deleteLater()
                continue
            vietnamese = [
                loc
                for loc in tts.availableLocales()
                if loc.language() == QLocale.Language.Vietnamese
            ]
            if vietnamese:
                tts.setLocale(vietnamese[0])
                return cls(tts, parent)
            tts.deleteLater()
        return None

    def speak(self, text: str, done: Done) -> None:
        self._done, self._spoke = done, False
        QTimer.singleShot(20_000, self, self._finish)  # a voice that never says "ready"
        self.tts.say(text)

    def _state(self, state: Any) -> None:
        name = getattr(state, "name", str(state))
        if name == "Speaking":
            self._spoke = True
        elif name == "Error" or (name == "Ready" and self._spoke):
            self._finish()

    def _finish(self) -> None:
        done, self._done = self._done, None
        if done is not None:
            done()


def has_sound_output() -> bool:
    """Return whether this machine has an audio output Qt can play to now."""
    try:
        return bool(multimedia().QMediaDevices.audioOutputs())
    except ImportError:
        return False


def make_sounds(
    background: Background, folder: Path, *, mute: bool = False, parent: QObject | None = None
) -> tuple[ChimeSound | None, EspeakSpeech | QtSpeech | None, str]:
    """Return (chime, speech, kind) for this machine, with its WAV files in `folder`: kind is
    "espeak", "qt", "chime" (no Vietnamese voice: chime only) or "muted" (`mute`, or no sound
    at all)."""
    if mute:
        return None, None, "muted"
    try:
        player = WavPlayer(parent)
    except ImportError as exc:  # QtMultimedia cannot load (libpulse0 missing on Linux)
        log.warning("QtMultimedia: %s", exc)
        return None, None, "muted"
    chime = ChimeSound(player, folder)
    if espeak_exe() is not None:
        return chime, EspeakSpeech(player, folder, background), "espeak"
    qt = QtSpeech.create(parent)
    if qt is not None:
        return chime, qt, "qt"
    return chime, None, "chime"
