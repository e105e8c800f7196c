"""The dossiers page: search by code, name with or without diacritics, ID number, phone; the
detail with its due-time badge; a scanned code opens the dossier."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from gui_helpers import NOW, VN

from counter_app.services.catalog import search_procedures
from counter_app.services.desks import DueState, due_states
from counter_app.services.dossiers import change_status, get_dossier
from counter_app.services.intake import Applicant, IntakeRequest, create_dossier
from counter_app.services.recording import Actor

ACTOR = Actor(None, "Nguyễn Thị Hương")
RECEIVED = datetime(2025, 3, 12, 10, 0, tzinfo=VN)


@pytest.fixture
def dossier(demo_db) -> str:
    """A dossier of Trần Văn An received on Wed 12 March 2025 at 10:00; returns its code."""
    proc = search_procedures(demo_db, "chứng thực", limit=1)[0].code
    result = create_dossier(
        demo_db,
        IntakeRequest(
            proc, Applicant("Trần Văn An", "020095001234", "0912345678", "Phường Vĩnh Trại")
        ),
        ACTOR,
        now=RECEIVED,
    )
    return result.code


def _page(window):
    return window.shell.show_page("dossiers")


@pytest.mark.parametrize("text", ["Trần Văn An", "tran van an", "TRAN VAN", "020095001234",
                                  "0912345678"])  # fmt: skip
def test_search_finds_with_and_without_diacritics(signed_in, dossier, text) -> None:
    page = _page(signed_in("canbo1"))
    page.search.setText(text)
    page.run_search()
    assert [d.code for d in page.model.rows] == [dossier]
    assert page.detail.code == dossier  # the first result is shown
    assert page.count.text() == "1 hồ sơ"


def test_search_as_you_type_and_nothing_found(qtbot, signed_in, dossier) -> None:
    page = _page(signed_in("canbo1"))
    qtbot.keyClicks(page.search, "van an")
    qtbot.waitUntil(lambda: len(page.model.rows) == 1, timeout=3000)
    page.search.setText("không có ai")
    page.run_search()
    assert page.model.rows == []
    assert "Không tìm thấy hồ sơ nào" in page.empty.text()


def test_overdue_and_due_soon_badges(signed_in, dossier, demo_db) -> None:
    view = get_dossier(demo_db, dossier)
    soon = view.due_at - timedelta(minutes=30)
    late = view.due_at + timedelta(days=1)
    assert due_states(demo_db, [view], soon)[dossier] is DueState.DUE_SOON
    assert due_states(demo_db, [view], late)[dossier] is DueState.OVERDUE

    page = _page(signed_in("canbo1", clock=lambda: late))
    page.open_code(dossier)
    assert page.detail.due_badge.kind == "overdue"
    assert page.detail.due_badge.text() == "Quá hạn"
    assert page.model.data(page.model.index(0, 3), 258) == "overdue"  # DUE_STATE role

    page2 = _page(signed_in("canbo1", clock=lambda: soon))
    page2.open_code(dossier)
    assert page2.detail.due_badge.kind == "due_soon"
    assert page2.detail.due_badge.text() == "Sắp đến hạn"


def test_finished_dossier_has_no_badge(signed_in, dossier, demo_db) -> None:
    change_status(demo_db, dossier, 9, ACTOR, at=RECEIVED + timedelta(hours=1))
    page = _page(signed_in("canbo1", clock=lambda: NOW + timedelta(days=30)))
    page.open_code(dossier)
    assert page.detail.status_badge.text() == "Đã xử lý xong"
    assert not page.detail.due_badge.isVisibleTo(page.detail)


def test_detail_shows_items_and_timeline(signed_in, dossier) -> None:
    from counter_app.ui.qt import QLabel

    page = _page(signed_in("canbo1"))
    page.open_code(dossier)
    texts = [label.text() for label in page.detail.widget().findChildren(QLabel)]
    assert dossier in texts and "Trần Văn An" in texts
    assert "Giấy tờ đã nhận" in texts and "Diễn biến" in texts
    assert any(t.startswith("Được tiếp nhận · Nguyễn Thị Hương") for t in texts)


def test_an_unknown_code_is_a_message(signed_in) -> None:
    window = signed_in("canbo1")
    _page(window).open_code("000.00.03.H39-250312-9999")
    assert "Không có hồ sơ mã 000.00.03.H39-250312-9999" in window.shell.bar.text()


def test_the_page_reloads_a_dossier_another_page_changed(signed_in, dossier, demo_db) -> None:
    from counter_app.ui.context import Changes

    window = signed_in("canbo1")
    page = _page(window)
    page.open_code(dossier)
    assert page.detail.status_badge.text() == "Được tiếp nhận"
    window.ctx.write(
        change_status, dossier, 4, ACTOR, changes=Changes(dossiers=frozenset({dossier}))
    )
    assert page.detail.status_badge.text() == "Đang xử lý"


def test_a_page_opens_a_dossier_through_the_context(signed_in, dossier) -> None:
    window = signed_in("canbo1")
    assert window.shell.current_id() == "intake"
    window.ctx.open_dossier(dossier)  # what a page does; no page looks for the shell
    assert window.shell.current_id() == "dossiers"
    assert window.shell.pages["dossiers"].detail.code == dossier
    window.ctx.open_page("returns")
    assert window.shell.current_id() == "returns"


def test_opening_a_page_the_user_lacks_is_a_message(signed_in, dossier) -> None:
    window = signed_in("lanhdao")
    window.ctx.open_dossier(dossier)
    assert "dossiers" not in window.shell.pages
    assert "trang “Tra cứu hồ sơ” không dành cho bạn" in window.shell.bar.text()
