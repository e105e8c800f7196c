"""The scan page's waiting list: a new paper dossier shows up (when the page is shown and when a
write announces it), this desk's only by default; Enter or a double click opens it in the
workspace, Ctrl+W goes back to the list; the empty list explains itself."""

from __future__ import annotations

from datetime import datetime

from gui_helpers import VN
from PySide6.QtTest import QTest

from counter_app.services.catalog import search_procedures
from counter_app.services.desks import get_desk
from counter_app.services.intake import Applicant, IntakeRequest, create_dossier
from counter_app.services.recording import Actor
from counter_app.ui.context import Changes
from counter_app.ui.qt import Qt

RECEIVED = datetime(2025, 3, 12, 10, 0, tzinfo=VN)


def _receive(db, name: str, desk: int | None, minutes: int = 0) -> str:
    proc = search_procedures(db, "chứng thực", limit=1)[0].code
    desk_id = get_desk(db, desk).id if desk else None
    at = RECEIVED.replace(minute=minutes)
    req = IntakeRequest(proc, Applicant(name, "020095001234", "0912345678"), received_at=at)
    return create_dossier(db, req, Actor(None, "Nguyễn Thị Hương", desk_id), now=at).code


def _codes(page) -> list[str]:
    return [d.code for d in page.workspace.waiting.model.rows]


def test_a_new_dossier_is_listed_and_enter_opens_it(qtbot, signed_in, demo_db) -> None:
    window = signed_in("canbo1")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # the page's shortcuts (Ctrl+W) need it
    mine = _receive(demo_db, "Trần Văn An", desk=1)
    elsewhere = _receive(demo_db, "Lê Thị Bình", desk=2, minutes=5)
    page = window.shell.show_page("scan")
    waiting = page.workspace.waiting
    assert waiting.isVisible() and not page.workspace.body.isVisible()
    assert _codes(page) == [mine]  # "Chỉ quầy này" is on
    assert waiting.stack.currentWidget() is waiting.table

    waiting.only_desk.setChecked(False)
    assert _codes(page) == [mine, elsewhere]  # this desk's first

    # A dossier received meanwhile (another page's write) joins the list at once.
    newer = _receive(demo_db, "Phạm Văn Cường", desk=1, minutes=10)
    page.ctx.changed.emit(Changes(dossiers=frozenset({newer})))
    assert _codes(page) == [newer, mine, elsewhere]

    waiting.table.setFocus()
    waiting.table.setCurrentIndex(waiting.model.index(_codes(page).index(mine), 0))
    QTest.keyClick(waiting.table, Qt.Key.Key_Return)
    assert page.workspace.dossier is not None and page.workspace.dossier.code == mine
    assert not waiting.isVisible() and page.workspace.body.isVisible()

    QTest.keyClick(page.workspace.view, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert page.workspace.dossier is None and waiting.isVisible()
    assert _codes(page) == [newer, mine, elsewhere]

    cell = waiting.table.visualRect(waiting.model.index(0, 1)).center()
    # QTest's double click on a widget is the double-click event alone; a view acts on it
    # only after the press of the same click (QAbstractItemView::mouseDoubleClickEvent).
    QTest.mouseClick(waiting.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    QTest.mouseDClick(waiting.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert page.workspace.dossier is not None and page.workspace.dossier.code == newer


def test_the_empty_list_explains_itself(signed_in) -> None:
    window = signed_in("canbo1")
    page = window.shell.show_page("scan")
    waiting = page.workspace.waiting
    assert waiting.model.rows == []
    assert waiting.stack.currentWidget() is waiting.empty
    assert "Chỉ quầy này" in waiting.empty_text.text()
    assert not waiting.footer.isVisible()
