"""Half-typed work kept on disk, so a crash of the window loses nothing: one JSON file per draft.

Drafts live in `config.data_dir()/drafts/NAME.json`. A write goes to a temporary file in the same
folder, is flushed to disk, then renamed over the old one (`os.replace` is atomic on the same
file system), so a crash leaves either the old draft or the new one, never half a file. The
window calls these functions off the GUI thread (`counter_app.ui.drafts.DraftKeeper`).
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from counter_app.config import data_dir
from counter_app.domain.errors import StorageError

log = logging.getLogger(__name__)

DRAFT_VERSION = 1
# A name becomes a file name: letters, digits, dot, dash, underscore; never a path.
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


def drafts_dir() -> Path:
    """Return the folder that holds the drafts (it may not exist yet)."""
    return data_dir() / "drafts"


def _path(name: str) -> Path:
    if not _NAME.fullmatch(name) or ".." in name:
        raise ValueError(f"invalid draft name: {name!r}")
    return drafts_dir() / f"{name}.json"


def save_draft(name: str, data: dict[str, Any]) -> Path:
    """Write the draft `name` atomically; return its path.

    Raises StorageError when the disk refuses (full, read-only), ValueError for a bad name and
    TypeError for data that is not JSON (both bugs of the caller)."""
    path = _path(name)
    payload = {
        "version": DRAFT_VERSION,
        "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "data": data,
    }
    text = json.dumps(payload, ensure_ascii=False, indent=1)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise StorageError(
            f"Không lưu được bản nháp vào {path.parent}: {exc.strerror} / "
            f"Cannot save the draft in {path.parent}"
        ) from exc
    return path


def load_draft(name: str) -> dict[str, Any] | None:
    """Return the data of the draft `name`, or None when there is none.

    A damaged file (not JSON, not a draft) is renamed `NAME.json.broken` and reported as none:
    the officer starts afresh rather than being stuck. Raises StorageError if the disk fails."""
    path = _path(name)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StorageError(
            f"Không đọc được bản nháp {path}: {exc.strerror} / Cannot read the draft {path}"
        ) from exc
    try:
        payload = json.loads(text)
        data = payload["data"]
        if not isinstance(data, dict):
            raise TypeError("draft data is not an object")
    except (ValueError, KeyError, TypeError) as exc:
        log.warning("damaged draft %s set aside: %s", path, exc)
        try:
            os.replace(path, path.with_name(path.name + ".broken"))
        except OSError:
            pass
        return None
    return data


def clear_draft(name: str) -> None:
    """Delete the draft `name` if there is one; StorageError if the disk refuses."""
    path = _path(name)
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise StorageError(
            f"Không xóa được bản nháp {path}: {exc.strerror} / Cannot delete the draft {path}"
        ) from exc
