"""Making this database desk N of a center: remember the center, pull its reference data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from counter_app.db import Database
from counter_app.domain.errors import NotAllowed, NotFound
from counter_app.models import Dossier, SyncState
from counter_app.services.recording import SYSTEM, audit, sync_state
from counter_app.services.sync.client import CenterClient, redact, strip_password
from counter_app.services.sync.credentials import load_password, save_password
from counter_app.services.sync.errors import NotJoined
from counter_app.services.sync.pull import pull_reference
from counter_app.services.sync.runner import check_compatible


@dataclass(frozen=True, slots=True)
class Joined:
    desk_id: str
    desk_number: int
    central_url: str  # without the password
    reference_version: int | None
    password_kept_in: str


def join_center(
    db: Database,
    central_url: str,
    desk_number: int,
    *,
    password: str | None = None,
    secrets_folder: Path | None = None,
) -> Joined:
    """Make `db` desk `desk_number` of the center at `central_url` and pull reference data.

    Refuses (NotAllowed) when this database is already another desk or holds dossiers of its
    own: their procedures and users would not be the center's."""
    url, url_password = strip_password(central_url)
    password = password or url_password
    with db.read() as session:
        state = session.get(SyncState, 1)
        current = (state.desk_id, state.central_url) if state else (None, "")
        dossiers = int(session.scalar(select(func.count(Dossier.id))) or 0)
    probe = CenterClient(url, "", password=password)
    try:
        desk = probe.find_desk(desk_number)
    finally:
        probe.close()
    if desk is None:
        raise NotFound(
            f"Trung tâm không có quầy số {desk_number} (thêm bằng counter-app central add-desk) "
            f"/ The center has no desk {desk_number}"
        )
    if current[1] and (current[0] != desk["id"] or current[1] != url):
        raise NotAllowed(
            f"Cơ sở dữ liệu này đã là một quầy của {redact(current[1])} / This database is "
            f"already a desk of {redact(current[1])}"
        )
    if dossiers and not current[1]:
        raise NotAllowed(
            f"Cơ sở dữ liệu này đã có {dossiers} hồ sơ riêng, không gia nhập trung tâm được; dùng "
            "một cơ sở dữ liệu mới / This database holds dossiers of its own; join with a new one"
        )
    client = CenterClient(url, desk["id"], password=password)
    try:
        check_compatible(client.info())
        with db.write() as session:
            state_row = sync_state(session)
            if state_row.desk_id != desk["id"]:
                state_row.pull_cursor_id = 0
                state_row.pull_cursor_txid = 0
                state_row.catalog_version = 0
            state_row.desk_id = desk["id"]
            state_row.central_url = url
            audit(
                session,
                SYSTEM,
                "sync.join",
                details={"desk": desk_number, "center": redact(url)},
                outbox=False,
            )
        ref = pull_reference(db, client)
    finally:
        client.close()
    kept = save_password(url, password, folder=secrets_folder) if password else "libpq"
    return Joined(desk["id"], desk_number, url, ref.reference_version, kept)


def client_for(
    db: Database, *, central_url: str | None = None, secrets_folder: Path | None = None
) -> CenterClient:
    """Return a client for the center this desk joined (or `central_url`, overriding it)."""
    with db.read() as session:
        state = session.get(SyncState, 1)
        desk_id = state.desk_id if state else None
        joined_url = state.central_url if state else ""
    if not desk_id or not (central_url or joined_url):
        raise NotJoined(
            "Máy này chưa là quầy của trung tâm nào: chạy counter-app join --central URL --desk N "
            "/ This database has not joined a center: run `counter-app join`"
        )
    url, password = strip_password(central_url or joined_url)
    if password is None:
        password = load_password(url, folder=secrets_folder)
    return CenterClient(url, desk_id, password=password)
