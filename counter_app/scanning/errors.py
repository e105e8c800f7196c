"""The known conditions of scanning: an unreadable input, a missing engine, a cancelled batch."""

from __future__ import annotations

from counter_app.domain.errors import CounterError, InvalidInput


class UnreadableInput(InvalidInput):
    """A file that is not an image or PDF we can read (corrupt, truncated, protected)."""


class EngineUnavailable(CounterError):
    """A barcode engine or scanner driver that is not installed on this machine."""


class ScanCancelled(CounterError):
    """The officer cancelled a batch; nothing was kept."""

    def __init__(self, message: str = "Đã hủy quét / Scanning cancelled") -> None:
        super().__init__(message)
