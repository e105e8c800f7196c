"""Signing in: the right password opens the shell, a wrong one says so, a locked account says
until when; the first run on a machine asks which desk it is and remembers it."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import sign_in

from counter_app.config import load_settings
from counter_app.services.auth import MAX_FAILURES
from counter_app.services.auth import sign_in as service_sign_in
from counter_app.services.setup import open_database
from counter_app.ui.worker import Worker


def test_good_password_opens_the_shell(make_window, demo_passwords) -> None:
    window = make_window()
    assert window.current_screen == "signin"
    sign_in(window, "canbo1", demo_passwords["canbo1"])
    assert window.current_screen == "shell"
    assert window.ctx is not None and window.ctx.user.username == "canbo1"
    assert window.ctx.desk is not None and window.ctx.desk.number == 1
    assert window.status.user.text() == "Nguyễn Thị Hương"


def test_wrong_password_says_so_and_stays(make_window) -> None:
    window = make_window()
    sign_in(window, "canbo1", "not-the-password")
    assert window.current_screen == "signin"
    assert window.signin.error.isVisibleTo(window)
    assert "Sai tên đăng nhập hoặc mật khẩu" in window.signin.error.text()
    assert window.signin.password.text() == ""  # typed again, never kept
    assert window.signin.username.text() == "canbo1"


def test_empty_fields_are_asked_for_without_a_check(make_window) -> None:
    window = make_window()
    window.signin.submit()
    assert window.signin.error.text() == "Nhập tên đăng nhập"
    window.signin.username.setText("canbo1")
    window.signin.submit()
    assert window.signin.error.text() == "Nhập mật khẩu"


def test_locked_account_gives_the_service_message(make_window, demo_path, demo_passwords) -> None:
    db = open_database(f"sqlite:///{demo_path}")
    try:
        for _ in range(MAX_FAILURES):
            try:
                service_sign_in(db, "canbo2", "wrong-password")
            except Exception:
                pass
    finally:
        db.dispose()
    window = make_window()
    sign_in(window, "canbo2", demo_passwords["canbo2"])  # even the right password
    assert window.current_screen == "signin"
    assert "Tài khoản tạm khóa" in window.signin.error.text()


def test_sign_in_typed_before_the_database_is_open_waits_for_it(
    qtbot, make_window, demo_passwords
) -> None:
    """With the real threads: the sign-in screen shows at once; Enter waits for the database."""
    real = Worker()
    try:
        window = make_window(threads=real)
        assert window.current_screen == "signin"
        sign_in(window, "canbo1", demo_passwords["canbo1"])  # the database may not be open yet
        assert window.current_screen == "signin"
        qtbot.waitUntil(lambda: window.current_screen == "shell", timeout=10_000)
        assert window.status.desk.text() == "Quầy số 1"
    finally:
        real.wait_idle()
        real.shutdown()


def test_first_run_asks_the_desk_and_saves_it(make_window, settings_path: Path) -> None:
    window = make_window(desk=None)
    assert window.current_screen == "desk"
    combo = window.desk_screen.desks
    assert combo.count() == 20 and combo.itemText(0) == "Quầy số 1"
    combo.setCurrentIndex(2)
    window.desk_screen.button.click()
    assert window.current_screen == "signin"
    assert load_settings(settings_path, environ={}).desk == 3
    assert window.status.desk.text() == "Quầy số 3"
    assert "Quầy số 3" in window.signin.desk.text()


def test_a_desk_number_the_database_lacks_is_asked_again(make_window) -> None:
    window = make_window(desk=99)
    assert window.current_screen == "desk"
    assert "Không có quầy số 99" in window.desk_screen.note.text()


def test_a_missing_database_says_how_to_create_one(qtbot, worker, tmp_path) -> None:
    from counter_app.config import Settings
    from counter_app.ui.window import CounterWindow

    window = CounterWindow(
        db_url=f"sqlite:///{tmp_path / 'none.sqlite3'}",
        settings=Settings(desk=1),
        worker=worker,
        settings_path=tmp_path / "c.toml",
    )
    qtbot.addWidget(window)
    window.start()
    assert window.current_screen == "start"
    assert "counter-app init" in window.start_screen.detail.text()
    assert window.start_screen.retry_button.isVisibleTo(window)
