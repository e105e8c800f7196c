"""Desk ⇄ center sync (SYNC.md): the desk's side (push, pull, join, the worker) and the center's
administration (schema, desks with their roles, accounts)."""

from counter_app.services.sync.client import CenterClient, ChangeListener, redact
from counter_app.services.sync.errors import (
    CenterRefused,
    CenterUnreachable,
    NotJoined,
    VersionMismatch,
)
from counter_app.services.sync.join import Joined, client_for, join_center
from counter_app.services.sync.runner import SyncReport, SyncStatus, sync_once, sync_status

__all__ = [
    "CenterClient",
    "CenterRefused",
    "CenterUnreachable",
    "ChangeListener",
    "Joined",
    "NotJoined",
    "SyncReport",
    "SyncStatus",
    "VersionMismatch",
    "client_for",
    "join_center",
    "redact",
    "sync_once",
    "sync_status",
]
