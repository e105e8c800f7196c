"""Numbers of code scopes for a desk joined to a center: claimed at the center when it can be
reached, else from the desk's own series (services/counters.py), never the same twice."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from counter_app.db import Database
from counter_app.domain.errors import CounterError
from counter_app.models import SyncState
from counter_app.services.sync.client import CenterClient
from counter_app.services.sync.join import client_for

OFFLINE_GRACE_S = 30.0  # after a failure, numbers come from the desk series this long


class NumberClaimer:
    """`Database.number_source` of a joined desk: one connection, thread-safe, fails fast."""

    def __init__(self, db: Database, *, secrets_folder: Path | None = None) -> None:
        self.db = db
        self.secrets_folder = secrets_folder
        self._lock = threading.Lock()
        self._client: CenterClient | None = None
        self._offline_until = 0.0

    def __call__(self, scope: str) -> int | None:
        """Return the center's next number of `scope`, or None when it cannot be reached."""
        if time.monotonic() < self._offline_until:
            return None
        with self._lock:
            try:
                if self._client is None:
                    self._client = client_for(self.db, secrets_folder=self.secrets_folder)
                return self._client.claim_number(scope)
            except CounterError:
                self.mark_offline()
                return None

    def mark_offline(self) -> None:
        """Use the desk series for a while (the sync worker saw the center go away)."""
        self._offline_until = time.monotonic() + OFFLINE_GRACE_S
        if self._client is not None:
            self._client.close()
            self._client = None

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None


def attach_numbers(db: Database, *, secrets_folder: Path | None = None) -> NumberClaimer | None:
    """Give `db` a number source if it is a desk joined to a center; return it (or None)."""
    with db.read() as session:
        state = session.get(SyncState, 1)
        joined = bool(state and state.desk_id and state.central_url)
    if not joined:
        return None
    claimer = NumberClaimer(db, secrets_folder=secrets_folder)
    db.number_source = claimer
    return claimer
