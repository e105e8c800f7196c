"""`Page`: the base of every page of the shell, and the hooks the shell calls on it.

A page is a QWidget built with the AppContext. Everything else is optional: override the hooks
that concern the page. The shell builds a page the first time it is opened, and keeps it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from counter_app.ui.context import AppContext, Changes
from counter_app.ui.qt import QAction, QKeySequence, Qt, QWidget


class Page(QWidget):
    """One page of the shell (intake, dossiers, returns...)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._page_actions: list[QAction] = []
        ctx.changed.connect(self.on_changes)

    # --- hooks the shell calls -------------------------------------------------------------

    def on_shown(self) -> None:
        """The page became the current page (each time). Load or refresh here if needed."""

    def on_changes(self, changes: Changes) -> None:
        """Something was written (by any page, or a sync). Reload what `changes` touches.

        Called even while the page is hidden: a page may just mark itself stale and reload in
        `on_shown`."""

    def handle_scan(self, text: str) -> bool:
        """A barcode was scanned while this page is current; return True if the page took it.

        If not taken, the shell routes it: a CCCD payload to the intake page
        (`ctx.cccd_scanned`), a dossier code to the dossiers page."""
        return False

    def open_code(self, code: str) -> None:
        """Show the dossier `code` (a scanned barcode, or another page's `ctx.open_page`).

        Pages that show one dossier override it; the others ignore it."""

    def focus_search(self) -> bool:
        """Ctrl+F: put the cursor in the page's search box; return False if there is none."""
        return False

    def restore_draft(self, data: dict[str, Any]) -> bool:
        """Offered a draft saved by this page's DraftKeeper; return True if the page took it."""
        return False

    def flush(self) -> None:
        """The session is about to lock or end: save what must be saved (e.g. a draft) now."""

    # --- actions ---------------------------------------------------------------------------

    def add_page_action(
        self, text: str, shortcut: str | QKeySequence, slot: Callable[[], Any]
    ) -> QAction:
        """Add one of the page's main actions with its keyboard shortcut.

        Active while the focus is in the page (the shell puts it there); listed in the F1 overlay under the page's title."""
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        self._page_actions.append(action)
        return action

    def page_actions(self) -> list[QAction]:
        return list(self._page_actions)
