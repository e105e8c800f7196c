"""Content-addressed file storage: scanned documents and generated PDFs kept under the desk's
data folder by SHA-256 (`files/ab/cdef…`), one `StoredFile` row each.

A file is written to a temporary name in its final folder, flushed to the disk (fsync) and then
renamed over its address, so a crash leaves either the whole file or none; the folder is synced
too so the rename itself survives. Bytes are written before the row is committed: a rolled-back
transaction can leave an unreferenced file (harmless, listed by `verify_files`), never a row
without its file. The same content is stored once; an existing copy that no longer matches its
address is rewritten.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.config import data_dir
from counter_app.db import Database
from counter_app.domain.errors import InvalidInput, StorageError
from counter_app.models import StoredFile
from counter_app.services.recording import Actor, add_outbox

log = logging.getLogger(__name__)

CHUNK = 1 << 20
TEMP_PREFIX = ".tmp-"


@dataclass(frozen=True, slots=True)
class StoredFileInfo:
    """A file in storage: its address, size and type, where it is, and whether this call
    wrote the bytes (`written`) and added the row (`new_row`)."""

    sha256: str
    size: int
    media_type: str
    path: Path
    written: bool
    new_row: bool


@dataclass(frozen=True, slots=True)
class DamagedFile:
    sha256: str
    path: str
    expected_size: int
    actual_size: int
    actual_sha256: str


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """What `verify_files` found: rows checked, their files missing or damaged, and files on
    disk that no row names (`unknown`) or left over from an interrupted write (`temporary`)."""

    root: str
    checked: int
    ok: int
    missing: list[str] = field(default_factory=list)
    damaged: list[DamagedFile] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    temporary: list[str] = field(default_factory=list)
    # Files of other desks (pulled rows) kept at the center, not here: nothing is wrong.
    at_center: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.missing and not self.damaged


def files_root(root: Path | None = None) -> Path:
    """Return the storage folder: `root`, or `files` in the user data folder."""
    return root if root is not None else data_dir() / "files"


def path_for(sha256: str, root: Path | None = None) -> Path:
    """Return where the file with this SHA-256 (64 hex digits) lives. Raises InvalidInput."""
    digest = sha256.lower()
    if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise InvalidInput(f"Mã SHA-256 không hợp lệ: {sha256!r} / Invalid SHA-256")
    return files_root(root) / digest[:2] / digest[2:]


def hash_file(path: Path) -> tuple[str, int]:
    """Return the SHA-256 (hex) and size of a file, read in 1 MiB chunks."""
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def put_file(src: Path, *, root: Path | None = None) -> tuple[str, int, Path, bool]:
    """Copy `src` into storage; return (sha256, size, path, written). Nothing is written when
    a sound copy is there already. Raises StorageError when the disk fails."""
    try:
        sha, size = hash_file(src)
    except OSError as exc:
        raise InvalidInput(f"Không đọc được {src}: {exc.strerror} / Cannot read the file") from None
    target = path_for(sha, root)
    if _sound(target, sha):
        return sha, size, target, False

    def write(f: _HashingWriter) -> None:
        with src.open("rb") as s:
            shutil.copyfileobj(s, f, CHUNK)

    _atomic_write(target, write, sha)
    return sha, size, target, True


def put_bytes(data: bytes, *, root: Path | None = None) -> tuple[str, int, Path, bool]:
    """Store `data`; return (sha256, size, path, written). See `put_file`."""
    sha = hashlib.sha256(data).hexdigest()
    target = path_for(sha, root)
    if _sound(target, sha):
        return sha, len(data), target, False
    _atomic_write(target, lambda f: f.write(data), sha)
    return sha, len(data), target, True


def store_file(
    session: Session,
    src: Path,
    media_type: str,
    actor: Actor,
    *,
    root: Path | None = None,
) -> StoredFileInfo:
    """Store `src` and make sure its `StoredFile` row exists (with its outbox op), in the
    caller's transaction. Raises StorageError when the disk fails."""
    sha, size, path, written = put_file(src, root=root)
    return _row(session, sha, size, media_type, path, written, actor)


def store_bytes(
    session: Session,
    data: bytes,
    media_type: str,
    actor: Actor,
    *,
    root: Path | None = None,
) -> StoredFileInfo:
    """Store `data` and its row, in the caller's transaction (see `store_file`)."""
    sha, size, path, written = put_bytes(data, root=root)
    return _row(session, sha, size, media_type, path, written, actor)


def read_file(sha256: str, *, root: Path | None = None) -> bytes:
    """Return a stored file's bytes after checking them against the address.

    Raises StorageError when it is missing, unreadable or damaged."""
    path = path_for(sha256, root)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise StorageError(f"Thiếu tệp {sha256} trong kho / File missing from storage") from None
    except OSError as exc:
        raise StorageError(f"Không đọc được tệp {sha256}: {exc.strerror} / Cannot read") from None
    if hashlib.sha256(data).hexdigest() != sha256.lower():
        raise StorageError(f"Tệp {sha256} đã hỏng / The stored file is damaged")
    return data


def verify_files(
    db: Database,
    *,
    root: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> VerifyReport:
    """Re-hash every stored file that has a row; return what is missing, damaged or unknown.

    `progress(done, total)` is called after each file. Nothing is changed: a damaged file is
    reported, to be fetched again from the center or re-scanned."""
    base = files_root(root)
    with db.read() as session:
        rows = [
            (r.sha256, r.size, r.uploaded)
            for r in session.execute(
                select(StoredFile.sha256, StoredFile.size, StoredFile.uploaded)
            )
        ]
    missing: list[str] = []
    at_center: list[str] = []
    damaged: list[DamagedFile] = []
    known: set[str] = set()
    for n, (sha, size, uploaded) in enumerate(rows, start=1):
        path = path_for(sha, base)
        known.add(sha.lower())
        try:
            actual, actual_size = hash_file(path)
        except FileNotFoundError:
            (at_center if uploaded else missing).append(sha)
        except OSError as exc:
            damaged.append(DamagedFile(sha, str(path), size, -1, f"unreadable: {exc.strerror}"))
        else:
            if actual != sha.lower() or actual_size != size:
                damaged.append(DamagedFile(sha, str(path), size, actual_size, actual))
        if progress is not None:
            progress(n, len(rows))
    unknown, temporary = [], []
    for path in _disk_files(base):
        if path.name.startswith(TEMP_PREFIX):
            temporary.append(str(path))
        elif path.parent.name + path.name not in known:
            unknown.append(str(path))
    ok = len(rows) - len(missing) - len(damaged) - len(at_center)
    return VerifyReport(str(base), len(rows), ok, missing, damaged, unknown, temporary, at_center)


# --- internals -------------------------------------------------------------------------------


def _row(
    session: Session,
    sha: str,
    size: int,
    media_type: str,
    path: Path,
    written: bool,
    actor: Actor,
) -> StoredFileInfo:
    row = session.get(StoredFile, sha)
    if row is not None:
        return StoredFileInfo(sha, row.size, row.media_type, path, written, False)
    row = StoredFile(sha256=sha, size=size, media_type=media_type, origin_desk_id=actor.desk_id)
    session.add(row)
    session.flush()
    add_outbox(session, row, "insert")
    return StoredFileInfo(sha, size, media_type, path, written, True)


def _sound(target: Path, sha: str) -> bool:
    """Return whether `target` exists with the right content (a damaged copy is logged)."""
    if not target.exists():
        return False
    try:
        actual, _ = hash_file(target)
    except OSError:
        return False
    if actual == sha:
        return True
    log.warning("stored file %s is damaged (content %s): rewriting it", target, actual)
    return False


def _atomic_write(target: Path, write: Callable[[_HashingWriter], object], sha: str) -> None:
    """Write via a temporary file in the target's folder, fsync, rename, fsync the folder."""
    tmp = target.parent / f"{TEMP_PREFIX}{uuid.uuid4().hex}"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        h = _HashingWriter(tmp.open("xb"))
        try:
            write(h)
            h.file.flush()
            os.fsync(h.file.fileno())
        finally:
            h.file.close()
        if h.sha.hexdigest() != sha:  # the source changed while we copied it
            raise StorageError(
                "Tệp thay đổi trong khi sao chép, hãy thử lại / The file changed while it was "
                "being stored, try again"
            )
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except OSError as exc:
        raise StorageError(
            f"Không ghi được vào kho tệp {target.parent}: {exc.strerror} / Cannot write to "
            "file storage (disk full or read-only?)"
        ) from None
    finally:
        tmp.unlink(missing_ok=True)


class _HashingWriter:
    """A file being written, hashed on the way: what reaches the disk is what is checked."""

    def __init__(self, file: BinaryIO) -> None:
        self.file = file
        self.sha = hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.sha.update(data)
        return self.file.write(data)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # Windows cannot open a folder for fsync; NTFS journals renames
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _disk_files(base: Path) -> Iterator[Path]:
    if not base.is_dir():
        return
    for sub in sorted(base.iterdir()):
        if sub.is_dir() and len(sub.name) == 2:
            yield from sorted(p for p in sub.iterdir() if p.is_file())
