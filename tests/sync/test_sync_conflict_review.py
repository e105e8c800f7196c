"""Reviewing sync conflicts in the window of a joined desk (real center, real window offscreen):
two desks change the same field of one dossier while apart; the dossier view of desk 1 shows a
banner, its dialog lists the clash with both values and both desks, and each choice is written at
the center and on the desk. Offline the dialog says the center is needed and changes nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import select

from counter_app.config import Settings
from counter_app.domain.status import Status
from counter_app.models import Dossier, Procedure, SyncState
from counter_app.services.conflicts import resolve_conflict
from counter_app.services.dossiers import change_status
from counter_app.services.intake import Applicant, IntakeRequest, create_dossier
from counter_app.services.sync import sync_once
from counter_app.services.sync.central import add_central_user
from counter_app.services.sync.link import center_link
from counter_app.ui.conflict_dialog import ConflictDialog
from counter_app.ui.pages.dossier_table import SECOND_LINE
from counter_app.ui.qt import QApplication, QLabel, Qt
from counter_app.ui.theme import apply_theme
from counter_app.ui.window import CounterWindow
from counter_app.ui.worker import Worker

from .conftest import edit_dossier

pytestmark = pytest.mark.pg
PASSWORD = "mat-khau-quay-1"
FIRST, ONE, TWO = "0912345678", "0911111111", "0922222222"


@dataclass
class Clash:
    code: str
    dossier_id: str
    one: Any  # desk 1's DeskHandle (its change is the one in use)
    two: Any  # desk 2's (its change was set aside)


def _desk_row(db, dossier_id: str) -> tuple[str, int, bool]:
    with db.read() as session:
        d = session.get(Dossier, dossier_id)
        assert d is not None
        return d.applicant_phone, d.status, d.needs_review


def _center_row(center_url: str, dossier_id: str) -> tuple[str, int, bool]:
    with psycopg.connect(center_url) as conn:
        row = conn.execute(
            "SELECT applicant_phone, status, needs_review FROM dossiers WHERE id = %s",
            (dossier_id,),
        ).fetchone()
    assert row is not None
    return row[0], row[1], row[2]


def _open_conflicts(center_url: str, dossier_id: str) -> list[str]:
    with psycopg.connect(center_url) as conn:
        return [
            r[0]
            for r in conn.execute(
                "SELECT field FROM center_conflicts WHERE entity_id = %s AND resolved_at IS NULL "
                "ORDER BY field",
                (dossier_id,),
            )
        ]


@pytest.fixture
def clash(center_url: str, make_desk) -> Callable[..., Clash]:
    """Make a dossier at desk 1, then have desks 1 and 2 change its phone (and, with
    `status=True`, its status) while apart: desk 1's values are in use, desk 2's set aside."""
    add_central_user(center_url, "dongbo1", "Đặng Thị Bộ", ["officer"], password=PASSWORD)
    add_central_user(center_url, "buudien1", "Bùi Văn Điện", ["postal"], password=PASSWORD)

    def make(*, status: bool = False) -> Clash:
        one, two = make_desk(1), make_desk(2)
        with one.db.read() as session:
            procedure = session.scalar(select(Procedure.code).order_by(Procedure.code))
        request = IntakeRequest(procedure, Applicant("Hoàng Thị Lan", phone=FIRST))
        made = create_dossier(one.db, request, one.actor)
        with one.db.read() as session:
            dossier_id = session.scalar(select(Dossier.id).where(Dossier.code == made.code))
        for desk in (one, two):
            sync_once(desk.db, desk.client())
        edit_dossier(one.db, dossier_id, applicant_phone=ONE)
        edit_dossier(two.db, dossier_id, applicant_phone=TWO)
        if status:
            change_status(one.db, made.code, Status.PROCESSING, one.actor)
            change_status(two.db, made.code, Status.FINANCIAL, two.actor)
        assert sync_once(one.db, one.client()).push.conflicts == 0
        assert sync_once(two.db, two.client()).push.conflicts == (2 if status else 1)
        sync_once(one.db, one.client())  # the flag reaches desk 1
        assert _desk_row(one.db, dossier_id)[2] is True
        return Clash(made.code, dossier_id, one, two)

    return make


@pytest.fixture
def desk_window(
    qtbot, qapp: QApplication, tmp_path: Path
) -> Iterator[Callable[..., CounterWindow]]:
    """Open desk 1's window (database and center calls on real threads) and sign in."""
    apply_theme(qapp)
    worker = Worker()
    windows: list[CounterWindow] = []

    def make(desk, user: str = "dongbo1") -> CounterWindow:
        window = CounterWindow(
            db_url=f"sqlite:///{desk.path}",
            settings=Settings(desk=desk.number),
            worker=worker,
            settings_path=tmp_path / "config.toml",
        )
        window.sync_interval_s = 60.0
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(1366, 768)
        window.start()
        window.show()
        qtbot.waitUntil(lambda: window.db is not None, timeout=10_000)
        window.signin.username.setText(user)
        window.signin.password.setText(PASSWORD)
        window.signin.submit()
        qtbot.waitUntil(lambda: window.current_screen == "shell", timeout=10_000)
        return window

    yield make
    for window in windows:
        window.close()
    worker.shutdown()


def _dossier_page(qtbot, window: CounterWindow, code: str):
    page = window.shell.show_page("dossiers")
    page.open_code(code)
    qtbot.waitUntil(lambda: page.detail.code == code, timeout=10_000)
    return page


def _review(qtbot, page) -> ConflictDialog:
    assert page.detail.review_button is not None, "no review banner"
    qtbot.mouseClick(page.detail.review_button, Qt.MouseButton.LeftButton)
    dialog = page.detail.review_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _card(dialog: ConflictDialog, field: str):
    return next(c for c in dialog.cards if c.conflict.field == field)


def _status_badge(page) -> str:
    return page.model.index(0, 2).data(SECOND_LINE) or ""


def test_a_flagged_dossier_has_a_banner_and_the_dialog_shows_both_values(
    qtbot, clash, desk_window
) -> None:
    c = clash()
    window = desk_window(c.one)
    page = _dossier_page(qtbot, window, c.code)
    banner = page.detail.review_banner
    assert banner is not None
    qtbot.waitUntil(banner.isVisible, timeout=5_000)  # shown once laid out
    assert "Hai quầy cùng sửa hồ sơ này khi mất kết nối" in " ".join(
        w.text() for w in banner.findChildren(QLabel)
    )
    assert page.detail.review_button.text() == "Xem lại thay đổi…"
    assert "Cần xem lại" in _status_badge(page)  # the list marks it too
    assert "trùng nhau" in page.model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)

    dialog = _review(qtbot, page)  # loaded off the GUI thread: the card arrives when it came
    qtbot.waitUntil(lambda: len(dialog.cards) == 1, timeout=10_000)
    card = dialog.cards[0]
    assert card.field.text() == "Số điện thoại người nộp"
    assert card.center_value.text() == f"{ONE} (quầy 1)"
    assert card.desk_value.text().startswith(f"{TWO} (quầy 2, đến trung tâm lúc ")
    assert card.keep_button.text() == "Giữ giá trị đang dùng"
    assert card.use_button.text() == "Dùng giá trị của quầy 2"
    assert card.keep_button.isEnabled() and card.use_button.isEnabled()
    assert dialog.focusWidget() is card.keep_button  # Space settles the first one from the keyboard


def test_an_unflagged_dossier_has_no_banner(qtbot, clash, desk_window) -> None:
    c = clash()
    made = c.one.intake("Lý Văn Bình")  # another dossier, never in conflict
    window = desk_window(c.one)
    page = _dossier_page(qtbot, window, made.code)
    assert page.detail.review_banner is None and page.detail.review_button is None
    assert _status_badge(page) == ""


def test_keeping_the_value_in_use_clears_the_flag_on_the_desk_and_at_the_center(
    qtbot, clash, desk_window, center_url
) -> None:
    c = clash()
    window = desk_window(c.one)
    page = _dossier_page(qtbot, window, c.code)
    dialog = _review(qtbot, page)
    qtbot.waitUntil(lambda: len(dialog.cards) == 1, timeout=10_000)
    qtbot.mouseClick(dialog.cards[0].keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã xem lại xong" in dialog.state.text(), timeout=10_000)
    assert dialog.cards == []
    assert dialog.focusWidget() is dialog.close_button

    assert _desk_row(c.one.db, c.dossier_id) == (ONE, Status.RECEIVED, False)
    assert _center_row(center_url, c.dossier_id) == (ONE, Status.RECEIVED, False)
    assert _open_conflicts(center_url, c.dossier_id) == []
    qtbot.waitUntil(lambda: page.detail.review_banner is None, timeout=10_000)
    assert "đã xem lại xong" in window.shell.bar.text()
    qtbot.waitUntil(lambda: _status_badge(page) == "", timeout=10_000)  # the list reads again
    sync_once(c.two.db, c.two.client())  # the other desk hears of it at its next pull
    assert _desk_row(c.two.db, c.dossier_id) == (ONE, Status.RECEIVED, False)


def test_using_the_set_aside_value_puts_it_in_the_dossier(
    qtbot, clash, desk_window, center_url
) -> None:
    c = clash()
    window = desk_window(c.one)
    page = _dossier_page(qtbot, window, c.code)
    dialog = _review(qtbot, page)
    qtbot.waitUntil(lambda: len(dialog.cards) == 1, timeout=10_000)
    qtbot.mouseClick(dialog.cards[0].use_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã xem lại xong" in dialog.state.text(), timeout=10_000)

    assert _desk_row(c.one.db, c.dossier_id) == (TWO, Status.RECEIVED, False)
    assert _center_row(center_url, c.dossier_id) == (TWO, Status.RECEIVED, False)
    qtbot.waitUntil(lambda: page.detail.review_banner is None, timeout=10_000)
    shown = [w.text() for w in page.detail.widget().findChildren(QLabel)]
    assert TWO in shown and ONE not in shown  # the view shows the phone now in use
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    sync_once(c.two.db, c.two.client())
    assert _desk_row(c.two.db, c.dossier_id) == (TWO, Status.RECEIVED, False)


def test_a_status_conflict_is_kept_only_and_the_flag_stays_until_all_are_settled(
    qtbot, clash, desk_window, center_url
) -> None:
    c = clash(status=True)
    window = desk_window(c.one)
    page = _dossier_page(qtbot, window, c.code)
    dialog = _review(qtbot, page)
    qtbot.waitUntil(lambda: len(dialog.cards) == 2, timeout=10_000)
    assert "2 thay đổi trùng nhau" in dialog.state.text()
    status = _card(dialog, "status")
    assert status.field.text() == "Trạng thái"
    assert status.center_value.text().startswith(f"{int(Status.PROCESSING)} – ")
    assert status.desk_value.text().startswith(f"{int(Status.FINANCIAL)} – ")
    assert status.keep_button.isEnabled()
    assert not status.use_button.isEnabled()
    assert "thao tác chuyển trạng thái" in status.use_button.toolTip()
    qtbot.waitUntil(status.why_not.isVisible, timeout=5_000)  # on the card too, for the keyboard
    assert _card(dialog, "applicant_phone").use_button.isEnabled()

    qtbot.mouseClick(_card(dialog, "applicant_phone").keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialog.cards) == 1, timeout=10_000)
    assert dialog.cards[0].conflict.field == "status"
    assert _open_conflicts(center_url, c.dossier_id) == ["status"]
    assert _center_row(center_url, c.dossier_id)[2] is True  # one left: still flagged
    assert page.detail.review_banner is not None

    qtbot.mouseClick(dialog.cards[0].keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã xem lại xong" in dialog.state.text(), timeout=10_000)
    assert _center_row(center_url, c.dossier_id) == (ONE, Status.PROCESSING, False)
    assert _desk_row(c.one.db, c.dossier_id) == (ONE, Status.PROCESSING, False)
    qtbot.waitUntil(lambda: page.detail.review_banner is None, timeout=10_000)


def test_a_conflict_settled_at_another_desk_meanwhile_is_said_and_the_list_reloads(
    qtbot, clash, desk_window, center_url
) -> None:
    c = clash()
    window = desk_window(c.one)
    page = _dossier_page(qtbot, window, c.code)
    dialog = _review(qtbot, page)
    qtbot.waitUntil(lambda: len(dialog.cards) == 1, timeout=10_000)
    link = center_link(c.two.db)  # desk 2's officer settles it first, putting desk 2's value
    assert link is not None
    resolve_conflict(c.two.db, link, dialog.cards[0].conflict.id, "desk", c.two.actor)
    link.close()
    qtbot.mouseClick(dialog.cards[0].keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã xem lại xong" in dialog.state.text(), timeout=10_000)
    assert "đã được xem lại" in window.shell.bar.text()  # why desk 1's choice did not count
    assert _center_row(center_url, c.dossier_id) == (TWO, Status.RECEIVED, False)


def test_each_clash_names_the_desk_whose_value_is_in_use(qtbot, clash, desk_window) -> None:
    c = clash(status=True)
    window = desk_window(c.one)
    dialog = ConflictDialog(window.ctx, c.dossier_id, c.code, window)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: len(dialog.cards) == 2, timeout=10_000)
    for card in dialog.cards:  # both values in use are desk 1's, both set aside desk 2's
        assert card.center_value.text().endswith("(quầy 1)"), card.conflict.field
        assert "(quầy 2, đến trung tâm lúc " in card.desk_value.text()


def test_without_the_center_the_dialog_says_so_and_changes_nothing(
    qtbot, clash, desk_window, center_url
) -> None:
    c = clash()
    with c.one.db.write() as session:  # the center moves to a port nobody listens on
        state = session.get(SyncState, 1)
        assert state is not None
        user, rest = state.central_url.split("@", 1)
        state.central_url = f"{user}@127.0.0.1:9/{rest.split('/', 1)[1]}"
    window = desk_window(c.one)
    page = _dossier_page(qtbot, window, c.code)
    assert page.detail.review_banner is not None  # the flag is the desk's own copy
    dialog = _review(qtbot, page)
    qtbot.waitUntil(lambda: dialog.retry_button.isVisible(), timeout=10_000)
    assert "Cần kết nối với trung tâm" in dialog.state.text()
    assert dialog.cards == []
    qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.retry_button.isVisible(), timeout=10_000)
    assert "Cần kết nối với trung tâm" in dialog.state.text()

    assert _open_conflicts(center_url, c.dossier_id) == ["applicant_phone"]
    assert _center_row(center_url, c.dossier_id) == (ONE, Status.RECEIVED, True)
    assert _desk_row(c.one.db, c.dossier_id) == (ONE, Status.RECEIVED, True)
    assert page.detail.review_banner is not None


def test_a_user_who_may_not_settle_sees_the_conflicts_without_the_choices(
    qtbot, clash, desk_window
) -> None:
    c = clash()
    window = desk_window(c.one, "buudien1")  # postal staff: no officer or supervisor role
    dialog = ConflictDialog(window.ctx, c.dossier_id, c.code, window)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: len(dialog.cards) == 1, timeout=10_000)
    assert dialog.not_allowed.isVisible()
    card = dialog.cards[0]
    assert not card.keep_button.isEnabled() and not card.use_button.isEnabled()
    assert card.desk_value.text().startswith(TWO)
