"""Keeping a page's half-typed work: `DraftKeeper` saves it off the GUI thread, a moment after
the officer stops typing; the shell offers it back at the next start (`Page.restore_draft`).

In a page:
    self.draft = DraftKeeper(ctx, "intake", parent=self)
    field.textChanged.connect(lambda: self.draft.update(self.form_data()))
    ... after the dossier is saved:  self.draft.clear()
    def flush(self): self.draft.flush()     # the shell calls it before locking or signing out
"""

from __future__ import annotations

from typing import Any

from counter_app.ui.context import AppContext
from counter_app.ui.qt import QObject
from counter_app.ui.worker import Debouncer

DELAY_MS = 800


def draft_name(page_id: str, username: str) -> str:
    """Return the name of a page's draft for one user (a draft is nobody else's business)."""
    return f"{page_id}.{username}"


class DraftKeeper(QObject):
    def __init__(
        self, ctx: AppContext, page_id: str, delay_ms: int = DELAY_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.name = draft_name(page_id, ctx.user.username)
        self._data: dict[str, Any] | None = None
        self._debounce = Debouncer(delay_ms, self._save, self)

    def update(self, data: dict[str, Any]) -> None:
        """The form changed: save `data` (JSON-able) after `delay_ms` without another change."""
        self._data = data
        self._debounce.trigger()

    def flush(self) -> None:
        """Save now what is waiting (before locking, signing out, closing)."""
        self._debounce.flush()

    def clear(self) -> None:
        """The work is done (saved as a dossier, or abandoned): forget the draft."""
        from counter_app.services.drafts import clear_draft

        self._debounce.cancel()
        self._data = None
        # The files lane keeps order: a save queued before this clear cannot come back after it.
        self.ctx.worker.files(clear_draft, self.name)

    def _save(self) -> None:
        from counter_app.services.drafts import save_draft

        if self._data is not None:
            self.ctx.worker.files(save_draft, self.name, dict(self._data))
