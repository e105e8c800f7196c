"""A desk's live link to the center for calls that must be answered now (the queue): used while
the center answers, given up at once when it does not, and not tried again for a while.

The pattern of numbers.py: after CenterUnreachable the desk works from its own data for
OFFLINE_GRACE_S, so an officer never waits on a dead network twice in a row."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from counter_app.db import Database
from counter_app.models import SyncState
from counter_app.services.sync.client import CenterClient
from counter_app.services.sync.errors import CenterUnreachable
from counter_app.services.sync.join import client_for

OFFLINE_GRACE_S = 30.0
T = TypeVar("T")


class CenterLink:
    """One connection to the center, shared by threads; `run` returns (False, None) offline.

    Only CenterUnreachable counts as offline; the center's refusals (NotAllowed, NotFound...)
    propagate to the caller."""

    def __init__(
        self,
        client: CenterClient | Callable[[], CenterClient],
        *,
        grace_s: float = OFFLINE_GRACE_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._make = client if callable(client) else None
        self._client = None if callable(client) else client
        self.grace_s = grace_s
        self._clock = clock
        self._lock = threading.Lock()
        self._offline_until = 0.0

    @property
    def online(self) -> bool:
        """False while the grace period after a failure lasts."""
        return self._clock() >= self._offline_until

    def run(self, call: Callable[[CenterClient], T]) -> tuple[bool, T | None]:
        """Return (True, what `call` returned) when the center answered, (False, None) when it
        cannot be reached now (or failed within the grace period)."""
        if not self.online:
            return False, None
        with self._lock:
            try:
                if self._client is None:
                    assert self._make is not None
                    self._client = self._make()
                return True, call(self._client)
            except CenterUnreachable:
                self.mark_offline()
                return False, None

    def mark_offline(self) -> None:
        """Work offline for the grace period (also when the sync worker saw the center go)."""
        self._offline_until = self._clock() + self.grace_s
        if self._client is not None and self._make is not None:
            self._client.close()
            self._client = None

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                if self._make is not None:
                    self._client = None


def center_link(db: Database, *, secrets_folder: Path | None = None) -> CenterLink | None:
    """Return a link to the center `db` joined as a desk, or None for a standalone database."""
    with db.read() as session:
        state = session.get(SyncState, 1)
        joined = bool(state and state.desk_id and state.central_url)
    if not joined:
        return None
    return CenterLink(lambda: client_for(db, secrets_folder=secrets_folder))
