"""Who is acting: a signed-in user, or the command line on this desk."""

from __future__ import annotations

import getpass

from sqlalchemy import select

from counter_app.db import Database
from counter_app.domain.errors import NotFound
from counter_app.domain.text import nfc
from counter_app.models import User
from counter_app.services.meta import DESK_ID, get_meta
from counter_app.services.recording import Actor


def resolve_actor(db: Database, username: str | None) -> Actor:
    """Return the actor for `username` at this desk; without one, the command line's own actor.

    Raises NotFound for an unknown or inactive username."""
    with db.read() as session:
        desk_id = get_meta(session, DESK_ID) or None
        if not username:
            try:
                who = getpass.getuser()
            except (KeyError, OSError):
                who = "?"
            return Actor(user_id=None, name=f"dòng lệnh / command line ({who})", desk_id=desk_id)
        user = session.scalar(select(User).where(User.username == nfc(username).lower()))
        if user is None or not user.active:
            raise NotFound(f"Không có người dùng {username} / No such user: {username}")
        return Actor(user_id=user.id, name=user.full_name, desk_id=user.desk_id or desk_id)
