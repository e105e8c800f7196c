"""What the postal services share: direction labels, where a dossier's paper is, batch views."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from counter_app.domain.calendar import CENTER_TZ
from counter_app.domain.errors import InvalidInput, NotFound
from counter_app.domain.status import Status
from counter_app.domain.text import nfc
from counter_app.models import Dossier, Procedure, Unit
from counter_app.models.postal import DIRECTIONS, PostalBatch, PostalBatchItem, PostalDelivery

LOCAL_TZ = ZoneInfo(CENTER_TZ)

DIRECTION_VI = {
    "to_department": "Trung tâm → Sở/ngành",
    "from_department": "Sở/ngành → Trung tâm",
    "to_post": "Trung tâm → Bưu điện (trả kết quả tại nhà)",
}
# Ordering and labels of directions in the command line's --direction (short English names).
DIRECTION_ALIASES = {"out": "to_department", "in": "from_department", "post": "to_post"}


def local(t: datetime | None) -> datetime | None:
    """Return an aware time in the center's zone (None stays None)."""
    return t.astimezone(LOCAL_TZ) if t is not None else None


def vn_short(t: datetime) -> str:
    """Return "09 giờ 15, 23/11/2026" in the center's zone."""
    lt = t.astimezone(LOCAL_TZ)
    return f"{lt:%H} giờ {lt:%M}, {lt:%d/%m/%Y}"


def parse_direction(value: str) -> str:
    """Return the direction named by `value` (or its alias in, out, post); InvalidInput."""
    v = nfc(value).strip().lower().replace("-", "_")
    v = DIRECTION_ALIASES.get(v, v)
    if v not in DIRECTIONS:
        raise InvalidInput(
            f"Chiều bàn giao không hợp lệ: {value!r} (dùng {', '.join(DIRECTIONS)}) / "
            f"Invalid direction"
        )
    return v


def normalize_code(text: str) -> str:
    """Return a scanned or typed dossier code as stored: NFC, no spaces, capitals."""
    return "".join(nfc(text).split()).upper()


def find_unit(session: Session, key: str) -> Unit:
    """Return the department (not the center) with this code, id or short name; InvalidInput."""
    k = nfc(key).strip()
    unit = session.scalar(
        select(Unit).where(
            Unit.kind != "center",
            or_(Unit.code == k, Unit.id == k, Unit.code == k.upper(), Unit.short_name == k),
        )
    )
    if unit is None:
        raise InvalidInput(f"Không có Sở/ngành mã {key} / No department with code {key}")
    return unit


def find_batch(session: Session, key: str) -> PostalBatch:
    """Return the batch with this number (any case, spaces ignored) or id; NotFound."""
    k = nfc(key).strip()
    batch = session.scalar(
        select(PostalBatch).where(or_(PostalBatch.number == normalize_code(k), PostalBatch.id == k))
    )
    if batch is None:
        raise NotFound(f"Không có lô bàn giao {key} / No handover batch {key}")
    return batch


@dataclass(frozen=True, slots=True)
class Leg:
    """A closed batch the dossier travelled in: one leg of its paper's journey."""

    batch_number: str
    direction: str
    unit_id: str | None
    unit_name: str
    at: datetime  # UTC, the batch's closing time
    handed_by: str
    received_by: str


def legs_of(session: Session, dossier_id: str) -> list[Leg]:
    """Return the closed legs of a dossier, oldest first."""
    rows = session.execute(
        select(PostalBatch, Unit.name)
        .join(PostalBatchItem, PostalBatchItem.batch_id == PostalBatch.id)
        .outerjoin(Unit, Unit.id == PostalBatch.unit_id)
        .where(
            PostalBatchItem.dossier_id == dossier_id,
            PostalBatchItem.removed_at.is_(None),
            PostalBatch.state == "closed",
        )
        .order_by(PostalBatch.closed_at, PostalBatch.number)
    ).all()
    return [
        Leg(
            b.number,
            b.direction,
            b.unit_id,
            name or "",
            b.closed_at or b.opened_at,
            b.handed_by_name,
            b.received_by_name,
        )
        for b, name in rows
    ]


def open_batch_of(session: Session, dossier_id: str) -> PostalBatch | None:
    """Return the open batch the dossier has been scanned into, if any."""
    return session.scalar(
        select(PostalBatch)
        .join(PostalBatchItem, PostalBatchItem.batch_id == PostalBatch.id)
        .where(
            PostalBatchItem.dossier_id == dossier_id,
            PostalBatchItem.removed_at.is_(None),
            PostalBatch.state == "open",
        )
        .limit(1)
    )


def current_delivery(session: Session, dossier_id: str) -> PostalDelivery | None:
    """Return the dossier's latest delivery by post (a returned one may be followed by another)."""
    return session.scalar(
        select(PostalDelivery)
        .where(PostalDelivery.dossier_id == dossier_id)
        .order_by(PostalDelivery.created_at.desc(), PostalDelivery.id.desc())
        .limit(1)
    )


@dataclass(frozen=True, slots=True)
class BatchItemView:
    code: str
    procedure: str
    applicant: str
    status: int
    status_label: str
    added_at: datetime  # local
    tracking_number: str = ""  # to_post batches: the delivery's number, once known


@dataclass(frozen=True, slots=True)
class BatchView:
    id: str
    number: str
    direction: str
    direction_label: str
    department_code: str
    department_name: str  # "" for to_post
    state: str  # open, closed
    opened_at: datetime  # local
    closed_at: datetime | None  # local
    handed_by: str
    received_by: str
    items: tuple[BatchItemView, ...]
    item_count: int

    @property
    def count(self) -> int:
        return self.item_count


def batch_items(session: Session, batch: PostalBatch) -> tuple[BatchItemView, ...]:
    """Return the dossiers of a batch in scanning order."""
    rows = session.execute(
        select(
            Dossier.id,
            Dossier.code,
            Procedure.name,
            Dossier.applicant_name,
            Dossier.status,
            PostalBatchItem.added_at,
        )
        .join(PostalBatchItem, PostalBatchItem.dossier_id == Dossier.id)
        .join(Procedure, Procedure.id == Dossier.procedure_id)
        .where(PostalBatchItem.batch_id == batch.id, PostalBatchItem.removed_at.is_(None))
        .order_by(PostalBatchItem.added_at, PostalBatchItem.id)
    ).all()
    tracking: dict[str, str] = {}
    if batch.direction == "to_post" and rows:
        for dossier_id, number in session.execute(
            select(PostalDelivery.dossier_id, PostalDelivery.tracking_number)
            .where(PostalDelivery.dossier_id.in_([r[0] for r in rows]))
            .order_by(PostalDelivery.created_at, PostalDelivery.id)
        ):
            tracking[dossier_id] = number  # the latest delivery wins
    return tuple(
        BatchItemView(
            code,
            proc,
            applicant,
            status,
            Status(status).label_vi,
            added.astimezone(LOCAL_TZ),
            tracking.get(did, ""),
        )
        for did, code, proc, applicant, status, added in rows
    )


def batch_view(
    session: Session, batch: PostalBatch, *, items: bool = True, count: int | None = None
) -> BatchView:
    """Return the view of a batch; without `items`, only their `count` (given or counted)."""
    unit = session.get(Unit, batch.unit_id) if batch.unit_id else None
    listed = batch_items(session, batch) if items else ()
    if count is None:
        count = len(listed) if items else _count(session, batch.id)
    return BatchView(
        id=batch.id,
        number=batch.number,
        direction=batch.direction,
        direction_label=DIRECTION_VI[batch.direction],
        department_code=unit.code if unit else "",
        department_name=unit.name if unit else "",
        state=batch.state,
        opened_at=batch.opened_at.astimezone(LOCAL_TZ),
        closed_at=local(batch.closed_at),
        handed_by=batch.handed_by_name,
        received_by=batch.received_by_name,
        items=listed,
        item_count=count,
    )


def _count(session: Session, batch_id: str) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(PostalBatchItem)
            .where(PostalBatchItem.batch_id == batch_id, PostalBatchItem.removed_at.is_(None))
        )
        or 0
    )
