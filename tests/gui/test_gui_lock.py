"""Locking: after idle time or Ctrl+L the shell is covered; the same user's password opens it,
an administrator may switch the user, nobody else may."""

from __future__ import annotations

from PySide6.QtTest import QTest

from counter_app.ui.lock import IdleWatcher
from counter_app.ui.qt import QEvent, QKeyEvent, Qt


def test_idle_time_locks_and_the_password_unlocks(qtbot, signed_in, demo_passwords) -> None:
    window = signed_in("canbo1", idle_minutes=0.4 / 60)  # 0.4 s
    assert window.idle.running
    qtbot.waitUntil(lambda: window.current_screen == "lock", timeout=5000)
    assert "Nguyễn Thị Hương" in window.lock_screen.who.text()
    assert not window.shell.isVisible()  # nothing of the page shows through

    window.lock_screen.password.setText("wrong-password")
    QTest.keyClick(window.lock_screen.password, Qt.Key.Key_Return)
    assert window.current_screen == "lock"
    assert "Sai tên đăng nhập hoặc mật khẩu" in window.lock_screen.error.text()

    window.lock_screen.password.setText(demo_passwords["canbo1"])
    QTest.keyClick(window.lock_screen.password, Qt.Key.Key_Return)
    assert window.current_screen == "shell"
    assert window.idle.running


def test_ctrl_l_locks_and_page_keys_sleep_meanwhile(qtbot, signed_in) -> None:
    window = signed_in("canbo1")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.current_screen == "lock"
    QTest.keyClick(window, Qt.Key.Key_F3)
    assert window.current_screen == "lock" and window.shell.current_id() == "intake"


def test_an_administrator_may_switch_user(signed_in, demo_passwords) -> None:
    window = signed_in("canbo1")
    window.lock()
    window.lock_screen.toggle_switch()
    window.lock_screen.username.setText("canbo2")
    window.lock_screen.password.setText(demo_passwords["canbo2"])
    window.lock_screen.submit()
    assert window.current_screen == "lock"
    assert "Chỉ quản trị viên" in window.lock_screen.error.text()

    window.lock_screen.username.setText("quantri")
    window.lock_screen.password.setText(demo_passwords["quantri"])
    window.lock_screen.submit()
    assert window.current_screen == "shell"
    assert window.ctx.user.username == "quantri"
    assert [s.id for s in window.shell.specs] == ["admin"]
    assert window.status.user.text() == "Lộc Minh Khải"


def test_idle_watcher_counts_any_input(qtbot) -> None:
    now = [0.0]
    watcher = IdleWatcher(clock=lambda: now[0])
    fired: list[bool] = []
    watcher.idle.connect(lambda: fired.append(True))
    watcher.start(1000)
    now[0] = 0.9
    watcher.eventFilter(
        watcher, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    )
    now[0] = 1.5
    watcher._check()
    assert not fired  # input at 0.9 s: idle only 0.6 s
    now[0] = 2.0
    watcher._check()
    assert fired and not watcher.running
