"""Passwords are kept as scrypt hashes only; users get roles; bad accounts are refused."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from counter_app.domain.errors import InvalidInput
from counter_app.models import User
from counter_app.services.auth import add_user, hash_password, verify_password


def test_hash_and_verify() -> None:
    stored = hash_password("mật khẩu 2025")
    assert stored.startswith("scrypt$") and "mật khẩu" not in stored
    assert verify_password("mật khẩu 2025", stored)
    assert verify_password("ma\u0302\u0323t khẩu 2025", stored)  # NFD typed: same password
    assert not verify_password("mat khau 2025", stored)
    assert not verify_password("x", "garbage")
    assert hash_password("mật khẩu 2025") != stored  # salted
    with pytest.raises(InvalidInput):
        hash_password("12345")


def test_demo_users_cover_every_role_and_their_passwords_work(demo_db, demo_passwords) -> None:
    with demo_db.read() as s:
        users = {u.username: u for u in s.scalars(select(User))}
        roles = set().union(*(u.role_names for u in users.values()))
        assert roles == {"officer", "postal", "supervisor", "admin"}
        for name, password in demo_passwords.items():
            assert verify_password(password, users[name].password_hash)


def test_add_user_refuses_bad_accounts(demo_db) -> None:
    with demo_db.write() as s:
        add_user(s, "CanBo9", "Đinh Thị Mai", "bí mật 123", ["officer", "postal"])
    with demo_db.read() as s:
        user = s.scalar(select(User).where(User.username == "canbo9"))
        assert user is not None and user.role_names == {"officer", "postal"}
    for username, roles, message in [
        ("canbo9", ["officer"], "đã có"),
        ("x y", ["officer"], "không hợp lệ"),
        ("canbo10", ["king"], "Vai trò"),
        ("canbo10", [], "Vai trò"),
    ]:
        with pytest.raises(InvalidInput, match=message), demo_db.write() as s:
            add_user(s, username, "A", "secret99", roles)


def test_sign_in_locks_after_repeated_failures(demo_db, demo_passwords) -> None:
    from datetime import UTC, datetime, timedelta

    from counter_app.domain.errors import NotAllowed
    from counter_app.models import AuditLog
    from counter_app.services.auth import MAX_FAILURES, sign_in

    now = datetime(2025, 3, 12, 3, 0, tzinfo=UTC)
    user = sign_in(demo_db, "CanBo1", demo_passwords["canbo1"], now=now)
    assert user.full_name == "Nguyễn Thị Hương" and user.roles == {"officer"}
    with pytest.raises(InvalidInput, match="Sai tên đăng nhập") as unknown:
        sign_in(demo_db, "khongco", "x", now=now)
    for _ in range(MAX_FAILURES):
        with pytest.raises(InvalidInput) as wrong:
            sign_in(demo_db, "canbo1", "sai mật khẩu", now=now)
    assert str(wrong.value) == str(unknown.value)  # reveals nothing about which was wrong
    with pytest.raises(NotAllowed, match="khóa đến 10:15"):
        sign_in(demo_db, "canbo1", demo_passwords["canbo1"], now=now)
    later = now + timedelta(minutes=16)
    assert sign_in(demo_db, "canbo1", demo_passwords["canbo1"], now=later).username == "canbo1"
    with demo_db.read() as s:
        actions = s.scalars(select(AuditLog.action)).all()
    assert actions.count("auth.failed") == MAX_FAILURES + 1
    assert actions.count("auth.sign_in") == 2
