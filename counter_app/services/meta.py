"""Facts about this database kept in `app_meta`: its desk, its center unit, the code pattern."""

from __future__ import annotations

from sqlalchemy.orm import Session

from counter_app.domain.codes import DEFAULT_PATTERN, CodePattern
from counter_app.models import AppMeta

DESK_ID = "desk_id"
CENTER_UNIT_ID = "center_unit_id"
CODE_PATTERN = "code_pattern"
CODE_RESET = "code_reset"
CODE_PER = "code_per"


def get_meta(session: Session, key: str, default: str = "") -> str:
    row = session.get(AppMeta, key)
    return row.value if row is not None else default


def set_meta(session: Session, key: str, value: str) -> None:
    row = session.get(AppMeta, key)
    if row is None:
        session.add(AppMeta(key=key, value=value))
    else:
        row.value = value


def code_pattern(session: Session) -> CodePattern:
    """Return the configured dossier-code pattern (DOMAIN.md default if none is set)."""
    return CodePattern(
        get_meta(session, CODE_PATTERN, DEFAULT_PATTERN),
        reset=get_meta(session, CODE_RESET),
        per=get_meta(session, CODE_PER),
    )
