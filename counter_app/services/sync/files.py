"""Files to the center by SHA-256: only what it does not have yet is sent, then marked uploaded."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, update

from counter_app.db import Database
from counter_app.domain.errors import StorageError
from counter_app.models import StoredFile
from counter_app.services.files import put_bytes, read_file
from counter_app.services.sync.client import CenterClient

CHUNK = 100


def upload_files(db: Database, client: CenterClient, *, root: Path | None = None) -> int:
    """Upload this desk's files the center lacks; return how many were sent.

    A file whose bytes are missing or damaged here stays not uploaded (`files verify` says
    which); the others go on."""
    with db.read() as session:
        waiting = list(
            session.execute(
                select(StoredFile.sha256, StoredFile.media_type).where(
                    StoredFile.uploaded.is_(False)
                )
            )
        )
    sent = 0
    for start in range(0, len(waiting), CHUNK):
        part = dict(waiting[start : start + CHUNK])
        missing = set(client.missing_files(list(part)))
        done = [sha for sha in part if sha not in missing]
        for sha in missing:
            try:
                data = read_file(sha, root=root)
            except StorageError:
                continue
            client.put_file(sha, part[sha], data)
            done.append(sha)
            sent += 1
        if done:
            with db.write() as session:
                session.execute(
                    update(StoredFile).where(StoredFile.sha256.in_(done)).values(uploaded=True)
                )
    return sent


def fetch_file(db: Database, sha256: str, *, root: Path | None = None) -> bytes:
    """Return a stored file's bytes: from this desk's storage, or, for a file another desk
    made (its row came with a pull), from the center, kept here from then on.

    Raises StorageError when it is neither here nor at the center (or the center cannot be
    reached: the message says so)."""
    try:
        return read_file(sha256, root=root)
    except StorageError as missing:
        from counter_app.services.sync.join import client_for
        from counter_app.services.sync.runner import sync_status

        if not sync_status(db).joined:
            raise
        with client_for(db) as client:
            data = client.get_file(sha256)
        if data is None:
            raise missing
        put_bytes(data, root=root)  # checked against its address on the way in
        return read_file(sha256, root=root)
