"""The returns page: result → return → rating end to end, the ID check (the applicant, or another
person with an authorization), dossiers that cannot be returned, the rating's reason, skipping
it, the citizen's window on a second screen, and scanned codes and ID cards."""

from __future__ import annotations

from datetime import datetime

import pytest
from gui_helpers import VN
from sqlalchemy import func, select

from counter_app.models import Rating
from counter_app.services.catalog import search_procedures
from counter_app.services.dossiers import change_status, get_dossier
from counter_app.services.intake import Applicant, IntakeRequest, create_dossier
from counter_app.services.print_queue import list_jobs
from counter_app.services.recording import Actor
from counter_app.ui.qt import QApplication, Qt

ACTOR = Actor(None, "Nguyễn Thị Hương")
offscreen_window = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
RECEIVED = datetime(2025, 3, 12, 10, 0, tzinfo=VN)
APPLICANT_ID = "020095001234"
OTHER_ID = "020196007777"
# A CCCD QR payload: id|old id|name|birth|gender|address|issued.
PROXY_CARD = f"{OTHER_ID}||Hoàng Văn Nam|01021990|Nam|Phường Tam Thanh, Lạng Sơn|05062021"


@pytest.fixture
def received(demo_db) -> str:
    """A dossier of Trần Văn An received on Wed 12 March 2025 (status 2); its code."""
    proc = search_procedures(demo_db, "chứng thực", limit=1)[0].code
    applicant = Applicant("Trần Văn An", APPLICANT_ID, "0912345678", "Phường Vĩnh Trại")
    return create_dossier(demo_db, IntakeRequest(proc, applicant), ACTOR, now=RECEIVED).code


@pytest.fixture
def ready(demo_db, received) -> str:
    """The same dossier with its result back from the department (status 9)."""
    change_status(demo_db, received, 9, ACTOR, at=datetime(2025, 3, 12, 16, 0, tzinfo=VN))
    return received


@pytest.fixture
def active(qtbot):
    """Activate a window (keys reach its shortcuts) and show its returns page."""

    def go(window):
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window.shell.show_page("returns")

    return go


def _key(key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    from PySide6.QtTest import QTest

    QTest.keyClick(QApplication.focusWidget(), key, modifier)


def _ratings(db) -> list[tuple[str, str, str | None]]:
    with db.read() as session:
        return [(r.level, r.reason, r.dossier_id) for r in session.scalars(select(Rating))]


def _status(db, code) -> int:
    return get_dossier(db, code).status


def test_result_return_rating_end_to_end(active, signed_in, received, demo_db) -> None:
    window = signed_in("canbo1")
    dossiers = window.shell.show_page("dossiers")
    dossiers.open_code(received)
    dossiers.run_action("result_ready")  # the result is back from the department
    assert _status(demo_db, received) == 9
    dossiers.run_action("return")  # → the returns page, this dossier open
    page = window.shell.current_page()
    assert window.shell.current_id() == "returns" and page.step == "check"
    assert page.summary.banner_kind == "ok"
    active(window)

    page.form.id_number.setText(APPLICANT_ID)
    _key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Xác nhận trả kết quả
    view = get_dossier(demo_db, received)
    assert view.status == 10 and view.returned_at is not None
    returned = view.events[-1]
    assert returned.data["received_by"] == "Trần Văn An"
    assert returned.data["id_number"] == APPLICANT_ID
    assert page.step == "rate" and page.citizen is None  # one screen: the officer's panel
    assert "Đã trả kết quả hồ sơ" in window.shell.bar.text()

    _key(Qt.Key.Key_2)  # Hài lòng
    ((level, reason, dossier_id),) = _ratings(demo_db)
    assert (level, reason, dossier_id) == ("satisfied", "", view.id)
    assert get_dossier(demo_db, received).events[-1].data == {"level": "satisfied"}
    assert page.step == "find"
    assert "Đã ghi nhận đánh giá: Hài lòng." in page.intro.last.text()


def test_a_dossier_not_ready_cannot_be_returned(signed_in, received, demo_db) -> None:
    window = signed_in("canbo1")
    page = window.shell.show_page("returns")
    page.code.setText(received)
    page.open_typed()
    assert page.step == "not_ready"
    assert "Chưa trả được: hồ sơ đang ở trạng thái “Được tiếp nhận”" in page.not_ready.text.text()
    assert page.summary.banner_kind == "warning"
    assert not page.form.isVisible() and not page.confirm_action.isEnabled()
    page.hand_over(APPLICANT_ID, "", "")  # even if asked: nothing is written
    assert _status(demo_db, received) == 2
    assert len(get_dossier(demo_db, received).events) == 1

    page.not_ready.open_dossier.click()  # the way to record the result
    assert window.shell.current_id() == "dossiers"
    assert window.shell.current_page().detail.code == received


def test_returned_and_unknown_dossiers(signed_in, ready, demo_db) -> None:
    change_status(demo_db, ready, 10, ACTOR)
    window = signed_in("canbo1")
    page = window.shell.show_page("returns")
    page.open_code(ready)
    assert page.step == "not_ready"
    assert "Chỉ trả được hồ sơ “Đã xử lý xong”" in page.not_ready.text.text()
    page.open_code("000.00.02.H39-250312-9999")
    assert page.step == "find"
    assert "Không có hồ sơ mã 000.00.02.H39-250312-9999" in window.shell.bar.text()


def test_wrong_id_without_authorization_writes_nothing(signed_in, ready, demo_db) -> None:
    page = signed_in("canbo1").shell.show_page("returns")
    page.open_code(ready)
    page.form.id_number.setText("0200950012")  # 10 digits
    page.form.submit()
    assert "12 chữ số" in page.form.error.text()
    page.form.id_number.setText(OTHER_ID)  # valid, but not the applicant's
    page.form.submit()
    assert "Số CCCD không khớp người nộp hồ sơ" in page.form.error.text()
    assert page.step == "check" and page.form.button.isEnabled()
    assert _status(demo_db, ready) == 9
    page.form.proxy_choice.setChecked(True)
    page.form.submit()  # a proxy needs a name and an authorization
    assert "cần ghi họ tên và giấy ủy quyền" in page.form.error.text()
    assert _status(demo_db, ready) == 9


def test_another_person_with_authorization(signed_in, ready, demo_db) -> None:
    page = signed_in("canbo1").shell.show_page("returns")
    page.open_code(ready)
    page.form.proxy_choice.setChecked(True)
    page.form.id_number.setText(OTHER_ID)
    page.form.name.setText("Hoàng Văn Nam")
    page.form.paper.setText("Giấy ủy quyền số 12/2025/UQ")
    page.form.submit()
    view = get_dossier(demo_db, ready)
    assert view.status == 10
    assert view.events[-1].data == {
        "received_by": "Hoàng Văn Nam",
        "id_number": OTHER_ID,
        "authorization": "Giấy ủy quyền số 12/2025/UQ",
    }
    assert "cho Hoàng Văn Nam" in page.rating.note.text()


def test_unsatisfied_needs_a_reason(active, signed_in, ready, demo_db) -> None:
    window = signed_in("canbo1")
    page = active(window)
    page.open_code(ready)
    page.form.id_number.setText(APPLICANT_ID)
    page.form.submit()
    _key(Qt.Key.Key_3)  # Không hài lòng: the reason is asked first
    assert page.rating.reason_box.isVisible() and page.rating.reason.hasFocus()
    page.rating.send.click()
    assert "Cần ghi lý do" in page.rating.error.text()
    assert _ratings(demo_db) == []
    page.rating.reason.setText("Phải chờ lâu")
    _key(Qt.Key.Key_Return)
    assert [(lv, why) for lv, why, _d in _ratings(demo_db)] == [("unsatisfied", "Phải chờ lâu")]


def test_skipping_the_rating_records_nothing(active, signed_in, ready, demo_db) -> None:
    window = signed_in("canbo1")
    page = active(window)
    page.open_code(ready)
    page.form.id_number.setText(APPLICANT_ID)
    page.form.submit()
    with demo_db.read() as session:
        events = len(get_dossier(demo_db, ready).events)
        assert session.scalar(select(func.count()).select_from(Rating)) == 0
    _key(Qt.Key.Key_Escape)
    assert page.step == "find"
    assert _ratings(demo_db) == []
    assert len(get_dossier(demo_db, ready).events) == events
    assert "Công dân không đánh giá" in window.shell.bar.text()


@offscreen_window
def test_the_citizen_rates_on_a_second_screen(qtbot, signed_in, ready, demo_db) -> None:
    window = signed_in("canbo1")
    page = window.shell.show_page("returns")
    screen = QApplication.primaryScreen()
    page.screens = lambda: [screen, screen]  # two screens attached (offscreen has one)
    page.open_code(ready)
    page.form.id_number.setText(APPLICANT_ID)
    page.form.submit()
    citizen = page.citizen
    assert citizen is not None and citizen.isVisible()
    qtbot.waitUntil(citizen.isFullScreen)
    assert citizen.screen() is screen
    assert page.rating.citizen_note.isVisibleTo(page.rating)
    assert citizen.buttons["very_satisfied"].text() == "Rất hài lòng"

    citizen.buttons["unsatisfied"].click()  # the reason page, on the citizen's screen
    assert citizen.pages.currentIndex() == 1
    citizen.send.click()
    assert citizen.error.text() == "Xin chọn hoặc ghi một lý do."
    assert _ratings(demo_db) == []
    citizen.reasons[0].click()  # "Phải chờ lâu", one touch
    citizen.send.click()
    assert [(lv, why) for lv, why, _d in _ratings(demo_db)] == [("unsatisfied", "Phải chờ lâu")]
    assert citizen.pages.currentIndex() == 2  # thanks, then it closes by itself
    assert page.step == "find"


def test_one_screen_shows_no_citizen_window(signed_in, ready) -> None:
    page = signed_in("canbo1").shell.show_page("returns")
    page.screens = lambda: [QApplication.primaryScreen()]
    page.open_code(ready)
    page.form.id_number.setText(APPLICANT_ID)
    page.form.submit()
    assert page.citizen is None and not page.rating.citizen_note.isVisibleTo(page.rating)


@offscreen_window
def test_citizen_window_declined(qtbot, signed_in, ready, demo_db) -> None:
    page = signed_in("canbo1").shell.show_page("returns")
    screen = QApplication.primaryScreen()
    page.screens = lambda: [screen, screen]
    page.open_code(ready)
    page.form.id_number.setText(APPLICANT_ID)
    page.form.submit()
    page.citizen.decline.click()
    assert not page.citizen.isVisible() and page.step == "find"
    assert _ratings(demo_db) == []


def test_a_scanned_code_opens_the_dossier_here(signed_in, ready) -> None:
    window = signed_in("canbo1")
    window.shell.show_page("returns")
    window.shell.route_scan(ready)
    page = window.shell.current_page()
    assert window.shell.current_id() == "returns"  # not sent to the dossiers page
    assert page.view.code == ready and page.step == "check"


def test_a_scanned_id_card_fills_the_taker(signed_in, ready, demo_db) -> None:
    window = signed_in("canbo1")
    page = window.shell.show_page("returns")
    page.open_code(ready)
    window.shell.route_scan(PROXY_CARD)
    assert window.shell.current_id() == "returns"
    assert page.form.id_number.text() == OTHER_ID
    assert page.form.proxy_choice.isChecked() and page.form.name.text() == "Hoàng Văn Nam"
    page.form.paper.setText("Giấy ủy quyền số 3/UQ")
    page.form.submit()
    assert _status(demo_db, ready) == 10


def test_the_result_slip_goes_to_the_receipt_printer(signed_in, ready, demo_db, tmp_path) -> None:
    printer = tmp_path / "slips.bin"
    window = signed_in("canbo1", receipt_printer=f"file:{printer}")
    page = window.shell.show_page("returns")
    page.open_code(ready)
    page.form.id_number.setText(APPLICANT_ID)
    page.form.submit()
    view = get_dossier(demo_db, ready)
    assert [j.document for j in list_jobs(demo_db) if j.dossier_id == view.id] == ["result"]
    assert any(e.kind == "print" and e.data["document"] == "result" for e in view.events)
    window.ctx.stop_printing()


def test_an_id_card_scanned_first_finds_the_result_waiting(signed_in, ready, demo_db) -> None:
    window = signed_in("canbo1")
    page = window.shell.show_page("returns")
    card = f"{APPLICANT_ID}||Trần Văn An|01021990|Nam|Phường Vĩnh Trại, Lạng Sơn|05062021"
    window.shell.route_scan(card)
    assert window.shell.current_id() == "returns"
    assert page.view.code == ready and page.step == "check"
    assert page.form.id_number.text() == APPLICANT_ID and page.form.self_choice.isChecked()
    page.form.submit()
    assert _status(demo_db, ready) == 10

    window.shell.route_scan(card)  # nothing more waits for this person
    assert page.step == "find"
    assert "Không có hồ sơ nào của Trần Văn An" in window.shell.bar.text()


def test_an_id_card_with_several_results_offers_the_choice(signed_in, ready, demo_db) -> None:
    proc = search_procedures(demo_db, "chứng thực", limit=2)[1].code
    applicant = Applicant("Trần Văn An", APPLICANT_ID, "0912345678", "Phường Vĩnh Trại")
    second = create_dossier(demo_db, IntakeRequest(proc, applicant), ACTOR, now=RECEIVED).code
    change_status(demo_db, second, 9, ACTOR, at=datetime(2025, 3, 12, 17, 0, tzinfo=VN))
    window = signed_in("canbo1")
    page = window.shell.show_page("returns")
    window.shell.route_scan(
        f"{APPLICANT_ID}||Trần Văn An|01021990|Nam|Phường Vĩnh Trại, Lạng Sơn|05062021"
    )
    assert page.step == "find"
    assert "Trần Văn An có 2 hồ sơ đang chờ trả kết quả" in page.intro.choices_text.text()
    choice = next(b for b in page.intro.choice_buttons if b.text().startswith(second))
    choice.click()
    assert page.view.code == second and page.step == "check"
    assert page.form.id_number.text() == APPLICANT_ID  # the card scanned fills the ID check
    assert page.intro.choice_buttons == []
