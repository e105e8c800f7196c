"""Sync's known conditions: the center unreachable, versions that do not match, a refusal."""

from __future__ import annotations

from counter_app.domain.errors import CounterError, NotAllowed, StorageError


class CenterUnreachable(StorageError):
    """The central database could not be reached (network down, server stopped)."""


class VersionMismatch(NotAllowed):
    """Desk and center speak different schema or protocol versions; nothing was pushed.

    `code` is CLIENT_TOO_OLD (update this desk) or SERVER_TOO_OLD (upgrade the center)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class CenterRefused(CounterError):
    """The center refused the request (e.g. this desk's role may not act for that desk)."""


class NotJoined(NotAllowed):
    """This database is not a desk of a center yet (`counter-app join`)."""
