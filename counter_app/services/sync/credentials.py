"""Where a desk keeps its password for the center: the platform keyring when it has one, else a
file only its user can read in the data folder; never the config file, never a log."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from counter_app.config import data_dir

log = logging.getLogger(__name__)
SERVICE = "counter-app central"
FILE_NAME = "central-credentials.json"


def _keyring() -> object | None:
    """Return the keyring module when a real backend is available (not the fail/null one)."""
    try:
        import keyring
        from keyring.backends import fail
    except Exception:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:
        return None
    if isinstance(backend, fail.Keyring) or backend.priority <= 0:
        return None
    return keyring


def save_password(url: str, password: str, *, folder: Path | None = None) -> str:
    """Keep `password` for the center at `url`; return where ("keyring" or the file path)."""
    kr = _keyring()
    if kr is not None:
        try:
            kr.set_password(SERVICE, url, password)  # type: ignore[attr-defined]
            return "keyring"
        except Exception as exc:  # a locked or broken keyring: fall back to the file
            log.warning("keyring refused the password (%s); using a private file", type(exc))
    path = (folder or data_dir()) / FILE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    stored = _read(path)
    stored[url] = password
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(stored, f)
    os.replace(tmp, path)
    return str(path)


def load_password(url: str, *, folder: Path | None = None) -> str | None:
    """Return the password kept for `url`, or None (then libpq's own means apply: .pgpass)."""
    kr = _keyring()
    if kr is not None:
        try:
            found = kr.get_password(SERVICE, url)  # type: ignore[attr-defined]
        except Exception:
            found = None
        if found:
            return str(found)
    return _read((folder or data_dir()) / FILE_NAME).get(url)


def _read(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
