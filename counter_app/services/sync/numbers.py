"""Numbers of code scopes for a desk joined to a center: claimed at the center when it can be
reached, else from the desk's own series (services/counters.py), never the same twice."""

from __future__ import annotations

from pathlib import Path

from counter_app.db import Database
from counter_app.domain.errors import CounterError
from counter_app.services.sync.link import CenterLink, center_link


class NumberClaimer:
    """`Database.number_source` of a joined desk: one shared link to the center, which fails
    fast for a while after the center did not answer (link.py)."""

    def __init__(self, link: CenterLink) -> None:
        self.link = link

    def __call__(self, scope: str) -> int | None:
        """Return the center's next number of `scope`, or None when it cannot be had now: an
        intake never waits for the center, it takes the desk's own series instead."""
        try:
            ok, value = self.link.run(lambda client: client.claim_number(scope))
        except CounterError:  # refused (e.g. the desk's role): the desk series still works
            self.link.mark_offline()
            return None
        return value if ok else None

    def mark_offline(self) -> None:
        """Use the desk series for a while (the sync worker saw the center go away)."""
        self.link.mark_offline()

    def close(self) -> None:
        self.link.close()


def attach_numbers(db: Database, *, secrets_folder: Path | None = None) -> NumberClaimer | None:
    """Give `db` a number source if it is a desk joined to a center; return it (or None)."""
    link = center_link(db, secrets_folder=secrets_folder)
    if link is None:
        return None
    claimer = NumberClaimer(link)
    db.number_source = claimer
    return claimer
