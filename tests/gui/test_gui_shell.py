"""The shell: pages by role, keys, the F1 overlay, the status bar, the message bar."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtTest import QTest

from counter_app.ui.pages import PAGES, pages_for
from counter_app.ui.qt import Qt
from counter_app.ui.statusbar import StatusBar, SyncIndicator


def _nav(window) -> list[str]:
    return [b.text() for b in window.shell.nav_buttons.values()]


def test_registry_gives_each_role_its_pages() -> None:
    ids = lambda roles: [p.id for p in pages_for(roles)]  # noqa: E731
    assert ids({"officer"}) == ["intake", "dossiers", "returns", "scan"]
    assert ids({"postal"}) == ["intake", "postal"]
    assert ids({"supervisor"}) == ["supervisor", "reports"]
    assert ids({"admin"}) == ["admin"]
    assert ids({"officer", "admin"}) == ["intake", "dossiers", "returns", "scan", "admin"]
    keys = [p.shortcut for p in PAGES if p.shortcut]
    assert len(keys) == len(set(keys)), "two pages share a key"


def test_officer_sees_officer_pages_only(signed_in) -> None:
    window = signed_in("canbo1")
    assert _nav(window) == ["Tiếp nhận", "Tra cứu hồ sơ", "Trả kết quả", "Số hóa"]
    assert "Giám sát" not in _nav(window)
    assert window.shell.current_id() == "intake"
    assert window.shell.title.text() == "Tiếp nhận"


def test_supervisor_does_not_see_intake(signed_in) -> None:
    window = signed_in("lanhdao")
    assert _nav(window) == ["Giám sát", "Báo cáo"]
    assert window.shell.show_page("intake") is None


@pytest.mark.parametrize(
    ("user", "pages", "home"),
    [("buudien", ["Tiếp nhận", "Bưu chính"], "postal"), ("quantri", ["Quản trị"], "admin")],
)
def test_postal_and_admin(signed_in, user, pages, home) -> None:
    window = signed_in(user)
    assert _nav(window) == pages
    assert window.shell.current_id() == home  # postal staff start on their own page


def test_function_keys_open_pages_and_ctrl_f_finds(qtbot, signed_in) -> None:
    window = signed_in("canbo1")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F3)
    assert window.shell.current_id() == "dossiers"
    QTest.keyClick(window, Qt.Key.Key_F4)
    assert window.shell.current_id() == "returns"
    QTest.keyClick(window, Qt.Key.Key_F2)
    assert window.shell.current_id() == "intake"
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.shell.current_id() == "intake"  # the intake page searches procedures
    assert window.shell.pages["intake"].procedure.search.hasFocus()
    QTest.keyClick(window, Qt.Key.Key_F3)
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.shell.current_id() == "dossiers"
    assert window.shell.pages["dossiers"].search.hasFocus()


def test_f1_lists_every_shortcut(qtbot, signed_in) -> None:
    window = signed_in("canbo1")
    window.shell.show_page("dossiers")
    window.shell.toggle_help()
    assert window.shell.help.isVisible()
    shown = " ".join(
        label.text() for label in window.shell.help.findChildren(type(window.status.user))
    )
    for key in ("F1", "F2", "F3", "F4", "Ctrl+F", "Ctrl+L", "F5", "Ctrl+Shift+C"):
        assert key in shown, key
    assert "Khóa màn hình" in shown and "Tìm lại, làm mới kết quả" in shown
    QTest.keyClick(window.shell.help, Qt.Key.Key_Escape)
    assert not window.shell.help.isVisible()


def test_status_bar_texts(signed_in) -> None:
    window = signed_in("canbo1")
    bar = window.status
    assert bar.user.text() == "Nguyễn Thị Hương"
    assert bar.desk.text() == "Quầy số 1"
    assert bar.sync.text() == "Chưa kết nối trung tâm"
    assert bar.printer.text() == "Máy in: chưa cấu hình"
    assert bar.clock.text() == "09:00, 13/03/2025"  # the fixed clock, in Lạng Sơn


def test_status_bar_follows_the_settings_and_the_setters(make_window, qtbot) -> None:
    window = make_window(
        central_url="postgresql://center/db", receipt_printer="tcp://10.0.0.5:9100"
    )
    assert window.status.printer.text() == "Máy in: tcp://10.0.0.5:9100"
    assert window.status.sync.text() != "Chưa kết nối trung tâm"
    bar = StatusBar(clock=lambda: datetime(2025, 3, 13, 1, 5, tzinfo=UTC))
    qtbot.addWidget(bar)
    assert bar.clock.text() == "08:05, 13/03/2025"
    bar.set_sync_state(SyncIndicator(configured=True, online=False, waiting=3))
    assert bar.sync.text() == "Mất kết nối trung tâm · 3 thay đổi chờ gửi"
    bar.set_sync_state(SyncIndicator(configured=True, online=True))
    assert bar.sync.text() == "Đã đồng bộ với trung tâm"
    bar.set_printer_state("usb://0x0416:0x5011", ok=False)
    assert bar.printer.text() == "Máy in lỗi: usb://0x0416:0x5011"
    assert window.status.user.text() == "Chưa đăng nhập"


def test_sign_out_returns_to_sign_in(signed_in) -> None:
    window = signed_in("canbo1")
    window.shell.sign_out_requested.emit()
    assert window.current_screen == "signin" and window.shell is None
    assert window.status.user.text() == "Chưa đăng nhập"


def test_known_errors_and_bugs_in_the_message_bar(signed_in) -> None:
    from counter_app.domain.errors import NotFound
    from counter_app.ui.errors import log_path

    window = signed_in("canbo1")
    ctx = window.ctx

    def missing(db):
        raise NotFound("Không có hồ sơ mã X / No dossier with code X")

    def bug(db):
        return 1 / 0

    ctx.read(missing)
    assert window.shell.bar.text() == "Không có hồ sơ mã X / No dossier with code X"
    assert window.shell.bar.kind == "error"
    ctx.read(bug)
    assert window.shell.bar.text() == "Đã xảy ra lỗi, đã ghi nhật ký / An error occurred, reported"
    assert "ZeroDivisionError" in log_path().read_text(encoding="utf-8")


def test_language_choice_is_saved_for_the_next_start(signed_in, settings_path) -> None:
    from counter_app.config import load_settings

    window = signed_in("canbo1")
    window.shell.language_requested.emit("en")
    assert load_settings(settings_path, environ={}).language == "en"
    assert "next start" in window.shell.bar.text()


def test_another_user_after_signing_out(signed_in, demo_passwords) -> None:
    from gui_helpers import sign_in

    window = signed_in("canbo1")
    window.shell.sign_out_requested.emit()
    assert window.signin.password.text() == ""
    sign_in(window, "lanhdao", demo_passwords["lanhdao"])
    assert [s.id for s in window.shell.specs] == ["supervisor", "reports"]
    assert window.status.user.text() == "Vi Văn Thắng"
