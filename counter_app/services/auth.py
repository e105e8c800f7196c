"""Passwords (scrypt, never plain) and user accounts."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db import Database
from counter_app.domain.calendar import CENTER_TZ
from counter_app.domain.errors import InvalidInput, NotAllowed
from counter_app.domain.text import nfc
from counter_app.models import User, UserRole
from counter_app.models.base import utcnow
from counter_app.models.org import ROLES
from counter_app.services.recording import Actor, audit

# scrypt cost: ~50 ms per check on a desk PC; n=2**14, r=8 is the common interactive setting.
_N, _R, _P = 2**14, 8, 1


def hash_password(password: str) -> str:
    """Return a self-describing scrypt hash: `scrypt$n$r$p$salt$hash` (base64)."""
    if len(password) < 6:
        raise InvalidInput("Mật khẩu phải có ít nhất 6 ký tự / A password needs 6+ characters")
    salt = os.urandom(16)
    digest = hashlib.scrypt(nfc(password).encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${_N}${_R}${_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    """Return True if `password` matches the stored hash (constant-time comparison)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(
            nfc(password).encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


def new_password() -> str:
    """Return a random password that is easy to type (for demo and new accounts)."""
    return secrets.token_urlsafe(9)


def add_user(
    session: Session,
    username: str,
    full_name: str,
    password: str,
    roles: list[str],
    *,
    desk_id: str | None = None,
    phone: str = "",
) -> User:
    """Add a user with roles; raise InvalidInput for a taken username or an unknown role."""
    username = nfc(username).lower()
    if not username or not username.replace(".", "").replace("_", "").isalnum():
        raise InvalidInput(f"Tên đăng nhập không hợp lệ: {username!r} / Invalid username")
    bad = [r for r in roles if r not in ROLES]
    if bad or not roles:
        raise InvalidInput(
            f"Vai trò không hợp lệ: {bad or roles} (dùng / use: {', '.join(ROLES)}) / Invalid role"
        )
    if session.scalar(select(User.id).where(User.username == username)):
        raise InvalidInput(f"Tên đăng nhập đã có: {username} / Username taken")
    user = User(
        username=username,
        full_name=nfc(full_name),
        password_hash=hash_password(password),
        desk_id=desk_id,
        phone=phone,
        roles=[UserRole(role=r) for r in roles],
    )
    session.add(user)
    return user


MAX_FAILURES = 5
LOCK_MINUTES = 15


@dataclass(frozen=True, slots=True)
class SignedIn:
    """The person at the desk after a successful sign-in."""

    user_id: str
    username: str
    full_name: str
    roles: frozenset[str]
    desk_id: str | None

    def actor(self, desk_id: str | None = None) -> Actor:
        return Actor(self.user_id, self.full_name, desk_id or self.desk_id)


def sign_in(
    db: Database, username: str, password: str, *, desk_id: str | None = None,
    now: datetime | None = None,
) -> SignedIn:  # fmt: skip
    """Check a user's password; after MAX_FAILURES wrong ones the account locks LOCK_MINUTES.

    Raises InvalidInput (wrong name or password: one message for both, so it reveals nothing)
    or NotAllowed (locked or inactive). Failures and successes are recorded in the audit log."""
    now = now or utcnow()
    name = nfc(username).lower()
    wrong = InvalidInput("Sai tên đăng nhập hoặc mật khẩu / Wrong username or password")
    with db.write() as session:
        user = session.scalar(select(User).where(User.username == name))
        if user is None:
            audit(session, Actor(None, name, desk_id), "auth.failed", details={"user": name})
            failure: Exception = wrong
        elif not user.active:
            failure = NotAllowed("Tài khoản đã bị vô hiệu hóa / The account is disabled")
        elif user.locked_until is not None and user.locked_until > now:
            until = user.locked_until.astimezone(ZoneInfo(CENTER_TZ))
            failure = NotAllowed(
                f"Tài khoản tạm khóa đến {until:%H:%M} do nhập sai nhiều lần / "
                f"Account locked until {until:%H:%M} after repeated failures"
            )
        elif not verify_password(password, user.password_hash):
            user.failed_logins += 1
            if user.failed_logins >= MAX_FAILURES:
                user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
                user.failed_logins = 0
            audit(session, Actor(user.id, user.full_name, desk_id), "auth.failed")
            failure = wrong
        else:
            user.failed_logins = 0
            user.locked_until = None
            signed = SignedIn(
                user.id, user.username, user.full_name, frozenset(user.role_names), user.desk_id
            )
            audit(session, signed.actor(desk_id), "auth.sign_in")
            return signed
    raise failure
