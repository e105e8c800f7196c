"""The supervisor's way to sync conflicts (real center, desk 1's window offscreen): the page a
supervisor starts on shows a banner while dossiers are flagged "needs review"; it opens the list
of them, each row opens the dossier's conflict review, and a settled dossier leaves the list
and the banner."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from counter_app.domain.status import Status
from counter_app.models import Dossier, Procedure
from counter_app.services.intake import Applicant, IntakeRequest, create_dossier
from counter_app.services.sync import sync_once
from counter_app.services.sync.central import add_central_user
from counter_app.ui.conflict_dialog import ConflictDialog
from counter_app.ui.pages.supervisor import SupervisorPage
from counter_app.ui.qt import QApplication, Qt
from counter_app.ui.review_list import ReviewListDialog

from . import test_sync_conflict_review as review
from .conftest import edit_dossier
from .test_sync_conflict_review import (
    FIRST,
    ONE,
    PASSWORD,
    TWO,
    _center_row,
    _desk_row,
    _open_conflicts,
)

pytestmark = pytest.mark.pg
clash = review.clash  # the conflict and the signed-in window of the dossier view's tests
desk_window = review.desk_window
SUPERVISOR = "giamsat1"


@pytest.fixture
def supervisor(center_url: str) -> str:
    """A supervisor's account at the center (desks made after this get it when they join)."""
    add_central_user(center_url, SUPERVISOR, "Trịnh Văn Sát", ["supervisor"], password=PASSWORD)
    return SUPERVISOR


def _start_page(qtbot, window) -> SupervisorPage:
    page = window.shell.current_page()
    assert isinstance(page, SupervisorPage), "a supervisor starts on the supervisor page"
    qtbot.waitUntil(lambda: page.review_count is not None, timeout=10_000)
    return page


def _open_list(qtbot, page: SupervisorPage) -> ReviewListDialog:
    qtbot.mouseClick(page.review_button, Qt.MouseButton.LeftButton)
    dialog = page.review_list
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.reads > 0, timeout=10_000)
    return dialog


def _rows(dialog: ReviewListDialog) -> list[tuple[str, ...]]:
    model = dialog.model
    return [
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def test_the_supervisor_reaches_a_conflict_from_the_start_page_and_settles_it(
    qtbot, supervisor, clash, desk_window, center_url
) -> None:
    c = clash()
    window = desk_window(c.one, supervisor)
    page = _start_page(qtbot, window)
    assert page.review_count == 1
    assert page.review_banner.isVisible()
    assert page.review_text.text() == "⚠ 1 hồ sơ có thay đổi trùng nhau cần xem lại"
    assert page.review_button.text() == "Xem lại…"
    assert page.review_banner.geometry().bottom() < page.summary.geometry().top()  # on top

    dialog = _open_list(qtbot, page)
    with c.one.db.read() as session:
        procedure = session.scalar(
            select(Procedure.name).join(Dossier, Dossier.procedure_id == Procedure.id)
        )
    assert _rows(dialog) == [(c.code, "Hoàng Thị Lan", procedure, "Được tiếp nhận")]
    assert dialog.state.text() == "1 hồ sơ cần xem lại."
    assert dialog.table.isVisible() and dialog.open_button.isEnabled()
    assert dialog.focusWidget() is dialog.table and dialog.table.currentIndex().row() == 0

    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # the keyboard's way in
    conflicts = dialog.conflict_dialog
    assert isinstance(conflicts, ConflictDialog) and conflicts.isVisible()
    assert conflicts.code == c.code
    qtbot.waitUntil(lambda: len(conflicts.cards) == 1, timeout=10_000)
    assert conflicts.cards[0].center_value.text() == f"{ONE} (quầy 1)"
    assert conflicts.cards[0].keep_button.isEnabled()  # a supervisor may settle it
    qtbot.mouseClick(conflicts.cards[0].keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã xem lại xong" in conflicts.state.text(), timeout=10_000)
    qtbot.mouseClick(conflicts.close_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=10_000)
    assert dialog.state.text() == "Không còn hồ sơ nào cần xem lại."
    assert not dialog.table.isVisible() and not dialog.open_button.isVisible()
    assert dialog.focusWidget() is dialog.close_button
    qtbot.waitUntil(lambda: page.review_banner.isHidden(), timeout=10_000)
    assert page.review_count == 0
    assert _desk_row(c.one.db, c.dossier_id) == (ONE, Status.RECEIVED, False)
    assert _center_row(center_url, c.dossier_id) == (ONE, Status.RECEIVED, False)
    assert _open_conflicts(center_url, c.dossier_id) == []
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_a_row_opens_by_double_click_or_the_button_and_stays_until_all_is_settled(
    qtbot, supervisor, clash, desk_window
) -> None:
    c = clash(status=True)  # two conflicts: the dossier stays until both are settled
    window = desk_window(c.one, supervisor)
    page = _start_page(qtbot, window)
    assert page.review_text.text() == "⚠ 1 hồ sơ có thay đổi trùng nhau cần xem lại"
    dialog = _open_list(qtbot, page)
    assert _rows(dialog)[0][3] == "Đang xử lý"  # the status in use, desk 1's

    index = dialog.model.index(0, 1)
    rect = dialog.table.visualRect(index)
    # A real double click starts with a click: QTest's double click alone is not one.
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    conflicts = dialog.conflict_dialog
    assert conflicts is not None and conflicts.isVisible()
    qtbot.waitUntil(lambda: len(conflicts.cards) == 2, timeout=10_000)
    phone = next(k for k in conflicts.cards if k.conflict.field == "applicant_phone")
    qtbot.mouseClick(phone.keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(conflicts.cards) == 1, timeout=10_000)
    reads = dialog.reads
    conflicts.reject()
    qtbot.waitUntil(lambda: dialog.reads > reads, timeout=10_000)  # read again on closing
    assert [r[0] for r in _rows(dialog)] == [c.code]  # one conflict left: still listed
    assert page.review_banner.isVisible()

    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    conflicts = dialog.conflict_dialog
    assert conflicts is not None and conflicts.isVisible()
    qtbot.waitUntil(lambda: len(conflicts.cards) == 1, timeout=10_000)
    qtbot.mouseClick(conflicts.cards[0].keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã xem lại xong" in conflicts.state.text(), timeout=10_000)
    conflicts.reject()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=10_000)
    assert dialog.state.text() == "Không còn hồ sơ nào cần xem lại."
    qtbot.waitUntil(lambda: page.review_banner.isHidden(), timeout=10_000)


def test_no_banner_until_a_sync_brings_a_flag_then_it_shows_without_reopening_the_page(
    qtbot, supervisor, make_desk, desk_window
) -> None:
    one, two = make_desk(1), make_desk(2)
    with one.db.read() as session:
        procedure = session.scalar(select(Procedure.code).order_by(Procedure.code))
    made = create_dossier(
        one.db, IntakeRequest(procedure, Applicant("Hoàng Thị Lan", phone=FIRST)), one.actor
    )
    one.intake("Lý Văn Bình")  # and one nobody changes twice
    with one.db.read() as session:
        dossier_id = session.scalar(select(Dossier.id).where(Dossier.code == made.code))
    for desk in (one, two):
        sync_once(desk.db, desk.client())
    edit_dossier(one.db, dossier_id, applicant_phone=ONE)
    edit_dossier(two.db, dossier_id, applicant_phone=TWO)
    sync_once(one.db, one.client())  # desk 1's value reaches the center first

    window = desk_window(one, supervisor)
    page = _start_page(qtbot, window)
    assert page.review_count == 0
    assert page.review_banner.isHidden()

    assert sync_once(two.db, two.client()).push.conflicts == 1  # the clash, at the center
    window.sync_now()  # desk 1's next round pulls the flag; the page hears of it
    qtbot.waitUntil(lambda: page.review_banner.isVisible(), timeout=15_000)
    assert page.review_count == 1
    assert page.review_text.text() == "⚠ 1 hồ sơ có thay đổi trùng nhau cần xem lại"
    assert QApplication.activeModalWidget() is None  # nothing opened by itself
