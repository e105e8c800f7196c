"""The center link of a window part that calls the center (the queue bar, the conflict review)."""

from __future__ import annotations

from typing import Any

from counter_app.services.queue_desk import desk_link
from counter_app.services.sync.link import CenterLink


class LinkBox:
    """The center link, found on the database thread at the first call and kept (it reads the
    database, so it cannot be found on the GUI thread; and no call may go out before it).

    A link of its own (not the one the desk's number claimer holds) is closed by `close`."""

    def __init__(self) -> None:
        self.link: CenterLink | None = None
        self.owned = False
        self._found = False

    def get(self, db: Any) -> CenterLink | None:
        if not self._found:
            self.link = desk_link(db)
            self.owned = self.link is not None and self.link is not getattr(
                db.number_source, "link", None
            )
            self._found = True
        return self.link

    def close(self, _db: Any = None) -> None:
        if self.owned and self.link is not None:
            self.link.close()
