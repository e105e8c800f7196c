"""Handover batches (biên bản bàn giao): open one, scan dossiers' control sheets into it, take a
dossier out, close it with the names of both sides (one handoff event per dossier)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.db import Database
from counter_app.domain.errors import InvalidInput
from counter_app.domain.status import Status
from counter_app.domain.text import nfc
from counter_app.models import Dossier, DossierEvent, Procedure, Unit
from counter_app.models.base import utcnow
from counter_app.models.postal import BATCH_STATES, PostalBatch, PostalBatchItem, PostalDelivery
from counter_app.services.counters import next_value
from counter_app.services.postal_common import (
    DIRECTION_VI,
    LOCAL_TZ,
    BatchView,
    batch_view,
    current_delivery,
    find_batch,
    find_unit,
    legs_of,
    normalize_code,
    open_batch_of,
    parse_direction,
    vn_short,
)
from counter_app.services.postal_tracking import take_from_pool
from counter_app.services.recording import Actor, add_outbox, audit

# Which dossiers may travel in which direction (docs/postal.md, "Which dossier fits a batch").
TO_DEPARTMENT_STATUSES = frozenset({Status.RECEIVED, Status.PROCESSING})
SCAN_REASONS = ("added", "duplicate", "unknown", "status", "direction", "closed", "other_batch")


@dataclass(frozen=True, slots=True)
class ScanOutcome:
    added: bool
    code: str
    reason: str  # one of SCAN_REASONS
    message: str  # Vietnamese / English, shown as is to the postal officer
    batch: BatchView  # the batch after the scan (unchanged when not added)


def create_batch(
    db: Database,
    actor: Actor,
    direction: str,
    department: str | None = None,
    *,
    at: datetime | None = None,
) -> BatchView:
    """Open a new batch numbered BG-yyMMdd-NNN and return it. A department (code) is required
    for to_department / from_department and refused for to_post; raises InvalidInput."""
    direction = parse_direction(direction)
    at = at or utcnow()
    with db.write() as session:
        unit = None
        if direction == "to_post":
            if department:
                raise InvalidInput(
                    "Lô gửi bưu điện không ghi Sở/ngành / A to_post batch has no department"
                )
        elif not department or not nfc(department).strip():
            raise InvalidInput(
                f"Lô “{DIRECTION_VI[direction]}” cần mã Sở/ngành (--department) / "
                "This direction needs a department"
            )
        else:
            unit = find_unit(session, department)
        day = at.astimezone(LOCAL_TZ)
        seq = next_value(session, f"postal_batch|{day:%y%m%d}")
        batch = PostalBatch(
            number=f"BG-{day:%y%m%d}-{seq:03d}",
            direction=direction,
            unit_id=unit.id if unit else None,
            state="open",
            opened_at=at,
            created_by_user_id=actor.user_id,
            desk_id=actor.desk_id,
            origin_desk_id=actor.desk_id,
        )
        session.add(batch)
        session.flush()
        add_outbox(session, batch, "insert")
        audit(
            session,
            actor,
            "postal.batch_open",
            entity="postal_batches",
            entity_id=batch.id,
            details={
                "number": batch.number,
                "direction": direction,
                "department": unit.code if unit else "",
            },
            at=at,
        )
        return batch_view(session, batch, count=0)


def _refusal(session: Session, batch: PostalBatch, d: Dossier) -> tuple[str, str] | None:
    """Return (reason, message) when dossier `d` does not fit `batch`, else None."""
    code = d.code
    other = open_batch_of(session, d.id)
    if other is not None and other.id != batch.id:
        return "other_batch", (
            f"Hồ sơ {code} đang nằm trong lô {other.number} chưa chốt; bỏ ra khỏi lô đó trước / "
            f"Already in open batch {other.number}"
        )
    status = Status(d.status)
    legs = legs_of(session, d.id)
    last = legs[-1] if legs else None
    unit = session.get(Unit, batch.unit_id) if batch.unit_id else None
    unit_name = unit.name if unit else ""
    if batch.direction == "to_department":
        if status not in TO_DEPARTMENT_STATUSES:
            return "status", (
                f"Hồ sơ {code} đang “{status.label_vi}”: chỉ chuyển Sở/ngành hồ sơ “Được tiếp "
                f"nhận” hoặc “Đang xử lý” / Status {status.label_en}: only received or "
                "processing dossiers go to a department"
            )
        dept_id = session.scalar(
            select(Procedure.department_id).where(Procedure.id == d.procedure_id)
        )
        if dept_id != batch.unit_id:
            owner = session.get(Unit, dept_id) if dept_id else None
            return "direction", (
                f"Hồ sơ {code} thuộc {owner.name if owner else '?'}, không phải {unit_name} / "
                "The dossier belongs to another department"
            )
        if last is not None and last.direction != "from_department":
            return "direction", (
                f"Giấy tờ hồ sơ {code} không ở Trung tâm: đã giao theo biên bản "
                f"{last.batch_number} lúc {vn_short(last.at)} / The paper is not at the center"
            )
    elif batch.direction == "from_department":
        if last is None or last.direction != "to_department":
            return "direction", (
                f"Giấy tờ hồ sơ {code} đang ở Trung tâm, chưa từng chuyển đến {unit_name} / "
                "The paper is at the center, not at this department"
            )
        if last.unit_id != batch.unit_id:
            return "direction", (
                f"Giấy tờ hồ sơ {code} đang ở {last.unit_name} (biên bản {last.batch_number}), "
                f"không phải {unit_name} / The paper is at another department"
            )
    else:  # to_post
        if status != Status.RESULT_READY:
            return "status", (
                f"Hồ sơ {code} đang “{status.label_vi}”: chỉ gửi bưu điện kết quả “Đã xử lý "
                f"xong” / Status {status.label_en}: only ready results go to the post"
            )
        if not d.return_by_post:
            return "direction", (
                f"Hồ sơ {code} không đăng ký nhận kết quả qua bưu điện (nhận tại quầy) / "
                "The citizen collects this result at the desk"
            )
        if last is not None and last.direction == "to_department":
            return "direction", (
                f"Kết quả hồ sơ {code} còn ở {last.unit_name} (biên bản {last.batch_number}), "
                "chưa về Trung tâm / The paper is still at the department"
            )
        sent = current_delivery(session, d.id)
        if sent is not None and sent.handed_at is not None and sent.status != "returned_to_center":
            return "direction", (
                f"Kết quả hồ sơ {code} đã giao bưu điện lúc {vn_short(sent.handed_at)} / "
                "Already handed to the post"
            )
    return None


def add_to_batch(
    db: Database, actor: Actor, batch: str, code: str, *, at: datetime | None = None
) -> ScanOutcome:
    """Add the dossier whose control sheet was scanned (or code typed) to an open batch.

    A bad scan never raises: it returns added=False, a reason and a clear message, and writes
    nothing. Raises NotFound only when the batch itself does not exist."""
    at = at or utcnow()
    scanned = normalize_code(code)
    with db.write() as session:
        b = find_batch(session, batch)

        def refused(reason: str, message: str) -> ScanOutcome:
            return ScanOutcome(False, scanned, reason, message, batch_view(session, b))

        if b.state != "open":
            return refused(
                "closed",
                (
                    f"Lô {b.number} đã chốt lúc {vn_short(b.closed_at or b.opened_at)}, không thêm "
                    f"được; mở lô mới / Batch {b.number} is closed"
                ),
            )
        d = session.scalar(select(Dossier).where(Dossier.code == scanned)) if scanned else None
        if d is None:
            return refused(
                "unknown",
                (
                    f"Không có hồ sơ mã “{scanned}”: kiểm tra lại mã vạch hoặc mã gõ vào / "
                    f"No dossier with code “{scanned}”"
                ),
            )
        item = session.scalar(
            select(PostalBatchItem).where(
                PostalBatchItem.batch_id == b.id, PostalBatchItem.dossier_id == d.id
            )
        )
        if item is not None and item.removed_at is None:
            return refused(
                "duplicate",
                (
                    f"Hồ sơ {d.code} đã có trong lô {b.number}, không thêm lần nữa / "
                    "Already in this batch"
                ),
            )
        problem = _refusal(session, b, d)
        if problem is not None:
            return refused(*problem)
        if item is None:
            item = PostalBatchItem(
                batch_id=b.id, dossier_id=d.id, added_at=at, origin_desk_id=actor.desk_id
            )
            session.add(item)
            session.flush()
            add_outbox(session, item, "insert")
        else:  # taken out earlier and scanned again: the same row comes back
            base = item.server_version
            item.removed_at = None
            item.added_at = at
            session.flush()
            add_outbox(
                session, item, "update", fields={"removed_at", "added_at"}, base_version=base
            )
        audit(
            session,
            actor,
            "postal.batch_add",
            entity="postal_batches",
            entity_id=b.id,
            details={"number": b.number, "code": d.code},
            at=at,
        )
        view = batch_view(session, b)
        return ScanOutcome(
            True,
            d.code,
            "added",
            f"Đã thêm hồ sơ {d.code} vào lô {b.number} ({view.count} hồ sơ) / Added",
            view,
        )


def _open_batch(session: Session, batch: str) -> PostalBatch:
    b = find_batch(session, batch)
    if b.state != "open":
        raise InvalidInput(f"Lô {b.number} đã chốt, không sửa được / Batch {b.number} is closed")
    return b


def remove_from_batch(
    db: Database, actor: Actor, batch: str, code: str, *, at: datetime | None = None
) -> BatchView:
    """Take a dossier out of an open batch; return the batch. InvalidInput for a closed batch
    or a dossier not in it; NotFound for an unknown batch."""
    at = at or utcnow()
    with db.write() as session:
        b = _open_batch(session, batch)
        item = session.scalar(
            select(PostalBatchItem)
            .join(Dossier, Dossier.id == PostalBatchItem.dossier_id)
            .where(
                PostalBatchItem.batch_id == b.id,
                Dossier.code == normalize_code(code),
                PostalBatchItem.removed_at.is_(None),
            )
        )
        if item is None:
            raise InvalidInput(f"Hồ sơ {code} không có trong lô {b.number} / Not in this batch")
        base = item.server_version
        item.removed_at = at
        session.flush()
        add_outbox(session, item, "update", fields={"removed_at"}, base_version=base)
        audit(
            session,
            actor,
            "postal.batch_remove",
            entity="postal_batches",
            entity_id=b.id,
            details={"number": b.number, "code": normalize_code(code)},
            at=at,
        )
        return batch_view(session, b)


def close_batch(
    db: Database,
    actor: Actor,
    batch: str,
    *,
    handed_by: str,
    received_by: str,
    at: datetime | None = None,
) -> BatchView:
    """Close an open batch with the names of the person handing over and the one receiving;
    return it. Each dossier gets a "handoff" event (the leg); a to_post batch also records the
    time handed to the post on each dossier's delivery (created from the dossier's postal
    address, with the next pool number when there is one). Raises InvalidInput (empty batch,
    missing names, closed batch, a dossier that no longer fits since its scan: nothing is
    closed) or NotFound."""
    handed_by, received_by = nfc(handed_by).strip(), nfc(received_by).strip()
    if not handed_by or not received_by:
        raise InvalidInput(
            "Cần họ tên người giao và người nhận / The names of both sides are required"
        )
    at = at or utcnow()
    with db.write() as session:
        b = _open_batch(session, batch)
        dossiers = list(
            session.scalars(
                select(Dossier)
                .join(PostalBatchItem, PostalBatchItem.dossier_id == Dossier.id)
                .where(PostalBatchItem.batch_id == b.id, PostalBatchItem.removed_at.is_(None))
                .order_by(PostalBatchItem.added_at)
            )
        )
        if not dossiers:
            raise InvalidInput(f"Lô {b.number} chưa có hồ sơ nào / Batch {b.number} is empty")
        # A dossier may have moved on since it was scanned (withdrawn, settled, sent another
        # way): the record must not say its paper went where it no longer should.
        moved = [(d.code, found[1]) for d in dossiers if (found := _refusal(session, b, d))]
        if moved:
            lines = "; ".join(message for _code, message in moved[:5])
            raise InvalidInput(
                f"Chưa chốt được lô {b.number}: {len(moved)} hồ sơ không còn phù hợp, bỏ ra khỏi "
                f"lô rồi chốt lại ({lines}) / {len(moved)} dossiers no longer fit this batch: "
                "take them out, then close"
            )
        base = b.server_version
        b.state, b.closed_at = "closed", at
        b.handed_by_name, b.received_by_name = handed_by, received_by
        session.flush()
        add_outbox(
            session,
            b,
            "update",
            base_version=base,
            fields={"state", "closed_at", "handed_by_name", "received_by_name"},
        )
        unit = session.get(Unit, b.unit_id) if b.unit_id else None
        data = {
            "batch": b.number,
            "batch_id": b.id,
            "direction": b.direction,
            "department_code": unit.code if unit else "",
            "department": unit.name if unit else "",
            "handed_by": handed_by,
            "received_by": received_by,
        }
        for d in dossiers:
            event = DossierEvent(
                dossier_id=d.id,
                kind="handoff",
                at=at,
                actor_user_id=actor.user_id,
                actor_name=actor.name,
                desk_id=actor.desk_id,
                reason=f"{DIRECTION_VI[b.direction]}: biên bản {b.number}",
                data=dict(data),
                origin_desk_id=actor.desk_id,
            )
            session.add(event)
            session.flush()
            add_outbox(session, event, "append")
            if b.direction == "to_post":
                _hand_to_post(session, d, actor, at)
        audit(
            session,
            actor,
            "postal.batch_close",
            entity="postal_batches",
            entity_id=b.id,
            details={**data, "count": len(dossiers)},
            at=at,
        )
        return batch_view(session, b)


def _hand_to_post(session: Session, d: Dossier, actor: Actor, at: datetime) -> None:
    """Record that the dossier's result was handed to the post at `at`."""
    delivery = current_delivery(session, d.id)
    if delivery is None or delivery.status == "returned_to_center":
        try:
            number = take_from_pool(session, d.id, at)
        except InvalidInput:  # an empty pool: the number is added later (postal track)
            number = ""
        delivery = PostalDelivery(
            dossier_id=d.id,
            receiver_name=d.post_receiver_name or d.applicant_name,
            phone=d.post_phone or d.applicant_phone,
            address=d.post_address or d.applicant_address,
            tracking_number=number,
            handed_at=at,
            status="handed_to_post",
            status_at=at,
            origin_desk_id=actor.desk_id,
        )
        session.add(delivery)
        session.flush()
        add_outbox(session, delivery, "insert")
        return
    base = delivery.server_version
    delivery.handed_at, delivery.status, delivery.status_at = at, "handed_to_post", at
    session.flush()
    add_outbox(
        session, delivery, "update", fields={"handed_at", "status", "status_at"}, base_version=base
    )


def get_batch(db: Database, batch: str) -> BatchView:
    """Return the batch (by number or id) with its dossiers; NotFound."""
    with db.read() as session:
        return batch_view(session, find_batch(session, batch))


def latest_open_batch(db: Database, desk_id: str | None) -> BatchView | None:
    """Return the batch this desk opened last and has not closed (what its postal officer was
    scanning before a restart), or None."""
    if desk_id is None:
        return None
    with db.read() as session:
        b = session.scalar(
            select(PostalBatch)
            .where(PostalBatch.state == "open", PostalBatch.desk_id == desk_id)
            .order_by(PostalBatch.opened_at.desc(), PostalBatch.id.desc())
            .limit(1)
        )
        return batch_view(session, b) if b is not None else None


def list_batches(db: Database, *, state: str | None = None, limit: int = 200) -> list[BatchView]:
    """Return batches newest first (open ones first), without their items but with their
    count; `state` "open" or "closed" filters. InvalidInput for another state."""
    if state is not None and state not in BATCH_STATES:
        raise InvalidInput(f"Trạng thái lô không hợp lệ: {state} (open, closed) / Invalid state")
    with db.read() as session:
        counts = (
            select(PostalBatchItem.batch_id, func.count().label("n"))
            .where(PostalBatchItem.removed_at.is_(None))
            .group_by(PostalBatchItem.batch_id)
            .subquery()
        )
        q = select(PostalBatch, func.coalesce(counts.c.n, 0)).outerjoin(
            counts, counts.c.batch_id == PostalBatch.id
        )
        if state is not None:
            q = q.where(PostalBatch.state == state)
        q = q.order_by(
            (PostalBatch.state == "open").desc(),
            PostalBatch.opened_at.desc(),
            PostalBatch.number.desc(),
        ).limit(limit)
        return [batch_view(session, b, items=False, count=int(n)) for b, n in session.execute(q)]
