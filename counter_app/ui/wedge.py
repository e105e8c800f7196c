"""The barcode wedge: a USB scanner "types" its code, fast, and ends with Enter. An application-wide
event filter tells it from a person typing and emits `scanned(text)`, whichever widget has focus.

Recognized: at least MIN_LENGTH characters, each less than MAX_GAP_MS after the previous one,
then Enter, with no modifier held. A person does not keep that pace for six keys; a scanner
types a character every 2–20 ms. The Enter of a scan is eaten (it must not press a default
button), and what the scan typed into a line edit is taken back out, so the code does not end
up in whatever field the officer was in. Not watched: password fields, and any widget with the
Qt property `scanPassThrough` set to True (a field meant to receive a scanner's text as typing).

A Vietnamese input method (Unikey, ibus-unikey) in Telex/VNI mode rewrites a scanner's keys
("dd" → "đ"); its backspaces inside a burst are followed, so the text emitted is what the
field would show, and the shell can explain what happened (`counter_app.ui.scans`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from counter_app.ui.qt import (
    QEvent,
    QInputMethodEvent,
    QKeyEvent,
    QLineEdit,
    QObject,
    Qt,
    QWidget,
    Signal,
    isValid,
)

MAX_GAP_MS = 30
MIN_LENGTH = 6
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_WATCHED_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.InputMethod)
_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


@dataclass
class ScanDetector:
    """Keystrokes in, a completed scan out. Plain Python: times are given in milliseconds."""

    max_gap_ms: float = MAX_GAP_MS
    min_length: int = MIN_LENGTH

    def __post_init__(self) -> None:
        self.chars: list[str] = []
        self.last_ms: float | None = None

    def _fast(self, t_ms: float) -> bool:
        return self.last_ms is not None and t_ms - self.last_ms < self.max_gap_ms

    def text(self, chars: str, t_ms: float) -> bool:
        """Feed typed text; return True if it starts a new burst (a pause came before it)."""
        fresh = not self._fast(t_ms)
        if fresh:
            self.chars = []
        self.chars.extend(chars)
        self.last_ms = t_ms
        return fresh

    def backspace(self, t_ms: float) -> None:
        """An input method's correction inside a burst; a slow one ends the burst."""
        if self._fast(t_ms) and self.chars:
            self.chars.pop()
            self.last_ms = t_ms
        else:
            self.reset()

    def enter(self, t_ms: float) -> str | None:
        """Enter pressed: return the scanned text if the burst was a scan, else None."""
        scanned = "".join(self.chars) if self._fast(t_ms) else ""
        self.reset()
        return scanned if len(scanned) >= self.min_length else None

    def reset(self) -> None:
        self.chars = []
        self.last_ms = None


def _watched(widget: QWidget) -> bool:
    if widget.property("scanPassThrough"):
        return False
    return not (isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal)


class BarcodeWedge(QObject):
    """Install with `QApplication.instance().installEventFilter(wedge)`; connect `scanned`."""

    scanned = Signal(str)

    def __init__(
        self, parent: QObject | None = None, clock: Callable[[], float] | None = None
    ) -> None:
        super().__init__(parent)
        self.detector = ScanDetector()
        # Milliseconds. A key event's own timestamp (when the key was pressed) is used when the
        # platform gives one: a slot that keeps the GUI thread busy between two keys of a scan
        # must not split it. Input-method commits and synthetic events have none: they get
        # this clock, moved to the key events' time base by the last offset seen.
        self.clock = clock or (lambda: time.monotonic() * 1000)
        self._offset = 0.0
        self.enabled = True
        self._last: tuple[QObject, int, int, str] | None = None
        self._field: tuple[QLineEdit, str, int] | None = None  # a line edit before the burst

    def _time(self, event: QKeyEvent | None) -> float:
        now = self.clock()
        stamp = event.timestamp() if event is not None else 0
        if stamp:
            self._offset = now - stamp
            return float(stamp)
        return now - self._offset

    def _first_delivery(self, obj: QObject, event: QKeyEvent) -> bool:
        """A key event not accepted by a widget is sent again to its parent: count it once."""
        key = (obj, event.key(), int(event.timestamp()), event.text())
        last, self._last = self._last, key
        if last is None or last[1:] != key[1:]:
            return True
        prev = last[0]
        # Qt's isAncestorOf(w) is true for w itself: the same widget twice is two key presses.
        return not (
            isinstance(prev, QWidget)
            and isinstance(obj, QWidget)
            and obj is not prev
            and obj.isAncestorOf(prev)
        )

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _WATCHED_EVENTS or not self.enabled or not isinstance(obj, QWidget):
            return False
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if not self._first_delivery(obj, event):
                return False
            return self._key(obj, event)
        if kind == QEvent.Type.InputMethod and isinstance(event, QInputMethodEvent):
            if event.commitString() and _watched(obj):
                self._typed(obj, event.commitString(), self._time(None))
        return False

    def _key(self, obj: QWidget, event: QKeyEvent) -> bool:
        if not _watched(obj):  # the first receiver of a key event is the focus widget
            return False
        t = self._time(event)
        if event.modifiers() & _MODIFIERS or event.isAutoRepeat():
            self.detector.reset()
            return False
        if event.key() in _ENTER:
            text = self.detector.enter(t)
            if text is None:
                return False
            self._take_back()
            self.scanned.emit(text)
            return True  # the scanner's Enter must not submit anything
        if event.key() == Qt.Key.Key_Backspace:
            self.detector.backspace(t)
            return False
        text = event.text()
        if text and text.isprintable():
            self._typed(obj, text, t)
        elif text:  # Tab, Escape...: not part of a code (Shift alone has no text: scanners use it)
            self.detector.reset()
        return False

    def _typed(self, obj: QWidget, text: str, t: float) -> None:
        if self.detector.text(text, t):
            self._field = (
                (obj, obj.text(), obj.cursorPosition()) if isinstance(obj, QLineEdit) else None
            )

    def _take_back(self) -> None:
        """Restore the line edit the scan typed into to what it held before the burst."""
        if self._field is None:
            return
        field, text, cursor = self._field
        self._field = None
        if isValid(field):
            field.setText(text)
            field.setCursorPosition(cursor)
