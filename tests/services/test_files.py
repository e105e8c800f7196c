"""Content-addressed storage: one copy per content, atomic writes, and a verification that
finds a flipped byte, a missing file and strays."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from counter_app.config import data_dir
from counter_app.domain.errors import InvalidInput, StorageError
from counter_app.models import OutboxOp, StoredFile
from counter_app.services import files
from counter_app.services.recording import Actor

ACTOR = Actor(None, "Nguyễn Thị Hương", desk_id=None)
DATA = b"%PDF-1.7\n" + bytes(range(256)) * 100


def _count(db, model) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_files_live_under_their_sha256_once(small_db) -> None:
    sha = hashlib.sha256(DATA).hexdigest()
    with small_db.write() as s:
        first = files.store_bytes(s, DATA, "application/pdf", ACTOR)
    with small_db.write() as s:
        again = files.store_bytes(s, DATA, "application/pdf", ACTOR)
    assert first.path == data_dir() / "files" / sha[:2] / sha[2:]
    assert first.path.read_bytes() == DATA
    assert (first.written, first.new_row) == (True, True)
    assert (again.written, again.new_row) == (False, False)
    assert _count(small_db, StoredFile) == 1
    with small_db.read() as s:
        row = s.get(StoredFile, sha)
        assert row is not None and (row.size, row.media_type, row.uploaded) == (
            len(DATA),
            "application/pdf",
            False,
        )
        ops = s.scalars(select(OutboxOp).where(OutboxOp.entity == "files")).all()
        assert [(o.entity_id, o.kind) for o in ops] == [(sha, "insert")]
    assert files.read_file(sha) == DATA
    assert [p.name for p in first.path.parent.iterdir()] == [sha[2:]]  # no temporary left


def test_a_file_is_copied_in_chunks_and_checked(tmp_path: Path, small_db) -> None:
    src = tmp_path / "big.pdf"
    src.write_bytes(os.urandom(3 * files.CHUNK + 17))
    with small_db.write() as s:
        info = files.store_file(s, src, "application/pdf", ACTOR, root=tmp_path / "store")
    assert info.path.read_bytes() == src.read_bytes()
    assert info.sha256 == hashlib.sha256(src.read_bytes()).hexdigest()


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path, monkeypatch, small_db) -> None:
    root = tmp_path / "store"

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", full_disk)
    with pytest.raises(StorageError, match="Cannot write"), small_db.write() as s:
        files.store_bytes(s, DATA, "application/pdf", ACTOR, root=root)
    assert [p for p in root.rglob("*") if p.is_file()] == []  # no half file, no temporary
    assert _count(small_db, StoredFile) == 0  # and no row: the transaction rolled back


def test_a_damaged_copy_is_rewritten_when_the_content_comes_again(tmp_path: Path) -> None:
    sha, _, path, _ = files.put_bytes(DATA, root=tmp_path)
    data = bytearray(path.read_bytes())
    data[100] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(StorageError, match="damaged"):
        files.read_file(sha, root=tmp_path)
    assert files.put_bytes(DATA, root=tmp_path)[3] is True
    assert files.read_file(sha, root=tmp_path) == DATA


def test_verify_finds_a_flipped_byte_a_missing_file_and_strays(tmp_path: Path, small_db) -> None:
    root = tmp_path / "store"
    contents = [DATA, b"second file", b"third file"]
    with small_db.write() as s:
        stored = [files.store_bytes(s, c, "application/pdf", ACTOR, root=root) for c in contents]
    clean = files.verify_files(small_db, root=root)
    assert (clean.checked, clean.ok, clean.healthy) == (3, 3, True)
    flipped = bytearray(stored[0].path.read_bytes())
    flipped[len(flipped) // 2] ^= 0x80  # one bit of one byte
    stored[0].path.write_bytes(bytes(flipped))
    stored[1].path.unlink()
    stray = root / "ab" / ("c" * 62)
    stray.parent.mkdir(exist_ok=True)
    stray.write_bytes(b"nobody's")
    (root / "ab" / ".tmp-123").write_bytes(b"interrupted")
    seen = []
    report = files.verify_files(small_db, root=root, progress=lambda d, t: seen.append((d, t)))
    assert not report.healthy
    assert (report.checked, report.ok) == (3, 1)
    assert report.missing == [stored[1].sha256]
    assert [(d.sha256, d.actual_size) for d in report.damaged] == [(stored[0].sha256, len(DATA))]
    assert report.damaged[0].actual_sha256 == hashlib.sha256(flipped).hexdigest()
    assert report.unknown == [str(stray)]
    assert report.temporary == [str(root / "ab" / ".tmp-123")]
    assert seen[-1] == (3, 3)


def test_addresses_are_checked() -> None:
    with pytest.raises(InvalidInput):
        files.path_for("../../etc/passwd")
    with pytest.raises(InvalidInput):
        files.path_for("g" * 64)
    assert files.path_for("A" * 64).name == "a" * 62
