"""Known conditions of the world, with messages an officer can act on (Vietnamese first)."""

from __future__ import annotations


class CounterError(Exception):
    """A known condition (bad input, missing database, printer off...), not a bug.

    `message` is what the user reads: Vietnamese first, then English after " / ".
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InvalidInput(CounterError):
    """Input that does not follow the rules; nothing was written."""


class NotFound(CounterError):
    """A code, user or record that does not exist."""


class NotAllowed(CounterError):
    """An action the current state or role does not allow (e.g. a status change)."""


class StorageError(CounterError):
    """The environment failed: database missing, locked, disk full."""
