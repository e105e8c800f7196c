"""SQLAlchemy 2 mapped classes, one module per aggregate; importing this package maps them all."""

from counter_app.models.base import Base
from counter_app.models.catalog import ChecklistItem, Procedure, Unit
from counter_app.models.central import (
    CenterAppliedOp,
    CenterChange,
    CenterConflict,
    CenterDeskProgress,
    CenterDeskRole,
    CenterFile,
)
from counter_app.models.dossier import (
    Dossier,
    DossierEvent,
    DossierFile,
    DossierItem,
    Rating,
    StoredFile,
)
from counter_app.models.local import AppMeta, CodeCounter, PrintJob
from counter_app.models.org import CalendarEntry, Desk, Printer, User, UserRole
from counter_app.models.postal import PostalBatch, PostalBatchItem, PostalDelivery
from counter_app.models.queue import QueueCounter, QueueService, QueueTicket
from counter_app.models.sync import AuditLog, OutboxOp, SyncState

__all__ = [
    "AppMeta",
    "AuditLog",
    "Base",
    "CalendarEntry",
    "CenterAppliedOp",
    "CenterChange",
    "CenterConflict",
    "CenterDeskProgress",
    "CenterDeskRole",
    "CenterFile",
    "ChecklistItem",
    "CodeCounter",
    "Desk",
    "Dossier",
    "DossierEvent",
    "DossierFile",
    "DossierItem",
    "OutboxOp",
    "PostalBatch",
    "PostalBatchItem",
    "PostalDelivery",
    "PrintJob",
    "Printer",
    "Procedure",
    "QueueCounter",
    "QueueService",
    "QueueTicket",
    "Rating",
    "StoredFile",
    "SyncState",
    "Unit",
    "User",
    "UserRole",
]
