"""Results delivered to citizens' homes by post: sending, tracking numbers, delivery status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.db import Database
from counter_app.domain.cccd import validate_phone
from counter_app.domain.errors import InvalidInput, NotAllowed, NotFound
from counter_app.domain.status import Status
from counter_app.domain.text import nfc
from counter_app.models import Dossier, DossierEvent, Procedure
from counter_app.models.base import utcnow
from counter_app.models.postal import DELIVERY_STATES, PostalDelivery
from counter_app.services.dossiers import apply_status_change, dossier_by_code
from counter_app.services.postal_common import current_delivery, local, open_batch_of, vn_short
from counter_app.services.postal_tracking import mark_used, take_from_pool, validate_tracking
from counter_app.services.recording import Actor, add_outbox, audit

DELIVERY_VI = {
    "handed_to_post": "Đã giao bưu điện",
    "in_transit": "Đang chuyển phát",
    "delivered": "Đã phát thành công",
    "returned_to_center": "Chuyển hoàn về Trung tâm",
}
NOT_HANDED_VI = "Chờ giao bưu điện"
# Delivery news only moves forward; delivered and returned are final (a returned result may be
# sent again as a new delivery).
_RANK = {"handed_to_post": 0, "in_transit": 1, "delivered": 2, "returned_to_center": 2}


@dataclass(frozen=True, slots=True)
class DeliveryView:
    code: str
    applicant: str
    receiver_name: str
    phone: str
    address: str
    tracking_number: str
    handed_at: datetime | None  # local; None while the envelope waits at the center
    status: str  # handed_to_post, in_transit, delivered, returned_to_center
    status_label: str
    status_at: datetime | None  # local
    note: str


@dataclass(frozen=True, slots=True)
class WaitingRow:
    """A result ready (9) to go home by post and not handed to the post yet."""

    code: str
    applicant: str
    procedure: str
    receiver_name: str
    phone: str
    address: str
    ready_at: datetime | None  # local
    tracking_number: str  # "" until one is set
    open_batch: str  # the open to_post batch it was scanned into, or ""


def delivery_view(d: PostalDelivery, code: str, applicant: str) -> DeliveryView:
    label = DELIVERY_VI[d.status] if d.handed_at is not None else NOT_HANDED_VI
    return DeliveryView(
        code,
        applicant,
        d.receiver_name,
        d.phone,
        d.address,
        d.tracking_number,
        local(d.handed_at),
        d.status,
        label,
        local(d.status_at),
        d.note,
    )


def _check_number_free(session: Session, number: str, dossier_id: str) -> None:
    used_by = session.scalar(
        select(Dossier.code)
        .join(PostalDelivery, PostalDelivery.dossier_id == Dossier.id)
        .where(PostalDelivery.tracking_number == number, Dossier.id != dossier_id)
        .limit(1)
    )
    if used_by is not None:
        raise InvalidInput(
            f"Mã vận đơn {number} đã dùng cho hồ sơ {used_by} / {number} is already used"
        )


def _event(
    session: Session,
    d: Dossier,
    actor: Actor,
    kind: str,
    at: datetime,
    reason: str,
    data: dict[str, object],
) -> None:
    event = DossierEvent(
        dossier_id=d.id,
        kind=kind,
        at=at,
        actor_user_id=actor.user_id,
        actor_name=actor.name,
        desk_id=actor.desk_id,
        reason=reason,
        data=data,
        origin_desk_id=actor.desk_id,
    )
    session.add(event)
    session.flush()
    add_outbox(session, event, "append")


def _new_delivery(
    session: Session,
    d: Dossier,
    actor: Actor,
    *,
    receiver_name: str = "",
    phone: str = "",
    address: str = "",
) -> PostalDelivery:
    """A delivery not yet added to the session, from the given fields or the dossier's own."""
    address = nfc(address) or d.post_address or d.applicant_address
    phone_raw = phone or d.post_phone or d.applicant_phone
    if not address:
        raise InvalidInput(f"Hồ sơ {d.code}: thiếu địa chỉ nhận / The address is missing")
    if not phone_raw.strip():
        raise InvalidInput(f"Hồ sơ {d.code}: thiếu số điện thoại / The phone is missing")
    return PostalDelivery(
        dossier_id=d.id,
        receiver_name=nfc(receiver_name) or d.post_receiver_name or d.applicant_name,
        phone=validate_phone(phone_raw),
        address=address,
        origin_desk_id=actor.desk_id,
    )


def send_by_post(
    db: Database,
    actor: Actor,
    code: str,
    *,
    receiver_name: str = "",
    phone: str = "",
    address: str = "",
    tracking_number: str | None = None,
    at: datetime | None = None,
) -> DeliveryView:
    """Hand a ready result (9) to the post for home delivery at `at` (default now); return the
    delivery. Receiver, phone and address default to the dossier's postal fields; without a
    tracking number the next one of the pool is used. Raises InvalidInput (bad or used
    number, empty pool, already sent, in an open batch), NotAllowed (not ready) or NotFound."""
    at = at or utcnow()
    number = validate_tracking(tracking_number) if tracking_number else ""
    with db.write() as session:
        d = dossier_by_code(session, code)
        if d.status != Status.RESULT_READY:
            raise NotAllowed(
                f"Hồ sơ {d.code} đang “{Status(d.status).label_vi}”: chỉ gửi kết quả “Đã xử lý "
                "xong” / Only a ready result can be sent"
            )
        batch = open_batch_of(session, d.id)
        if batch is not None:
            raise InvalidInput(
                f"Hồ sơ {d.code} đang trong lô {batch.number}: chốt lô đó để giao bưu điện, "
                "hoặc bỏ ra khỏi lô / The dossier is in an open batch"
            )
        delivery = current_delivery(session, d.id)
        if delivery is not None and delivery.handed_at is not None:
            if delivery.status != "returned_to_center":
                raise InvalidInput(
                    f"Kết quả hồ sơ {d.code} đã giao bưu điện lúc {vn_short(delivery.handed_at)}"
                    " / Already handed to the post"
                )
            delivery = None  # sent again after a return: a new delivery
        fresh = _new_delivery(
            session, d, actor, receiver_name=receiver_name, phone=phone, address=address
        )
        if number:
            _check_number_free(session, number, d.id)
            mark_used(session, number, d.id, at)
        elif delivery is not None and delivery.tracking_number:
            number = delivery.tracking_number
        else:
            number = take_from_pool(session, d.id, at)
        if delivery is None:
            delivery = fresh
            session.add(delivery)
            kind = "insert"
            base = None
        else:
            kind, base = "update", delivery.server_version
            delivery.receiver_name = fresh.receiver_name
            delivery.phone, delivery.address = fresh.phone, fresh.address
        delivery.tracking_number = number
        delivery.handed_at, delivery.status, delivery.status_at = at, "handed_to_post", at
        session.flush()
        if kind == "insert":
            add_outbox(session, delivery, "insert")
        else:
            add_outbox(
                session,
                delivery,
                "update",
                base_version=base,
                fields={
                    "receiver_name",
                    "phone",
                    "address",
                    "tracking_number",
                    "handed_at",
                    "status",
                    "status_at",
                },
            )
        _event(
            session,
            d,
            actor,
            "handoff",
            at,
            "Trung tâm → Bưu điện: gửi kết quả về nhà",
            {
                "direction": "to_post",
                "tracking_number": number,
                "receiver": delivery.receiver_name,
                "address": delivery.address,
            },
        )
        audit(
            session,
            actor,
            "postal.send",
            entity="postal_deliveries",
            entity_id=delivery.id,
            details={"code": d.code, "tracking_number": number},
            at=at,
        )
        return delivery_view(delivery, d.code, d.applicant_name)


def track(
    db: Database, actor: Actor, code: str, tracking_number: str, *, at: datetime | None = None
) -> DeliveryView:
    """Set or replace the tracking number of the dossier's delivery (created from the dossier's
    postal fields if there is none yet); return it. Raises InvalidInput (bad or used number,
    delivery already delivered), NotAllowed (result not ready) or NotFound."""
    number = validate_tracking(tracking_number)
    at = at or utcnow()
    with db.write() as session:
        d = dossier_by_code(session, code)
        delivery = current_delivery(session, d.id)
        if delivery is not None and delivery.status in ("delivered", "returned_to_center"):
            if delivery.status == "delivered":
                raise InvalidInput(
                    f"Kết quả hồ sơ {d.code} đã phát thành công, không đổi mã vận đơn / "
                    "Already delivered"
                )
            delivery = None
        if delivery is None and d.status != Status.RESULT_READY:
            raise NotAllowed(
                f"Hồ sơ {d.code} đang “{Status(d.status).label_vi}”: chưa có kết quả để gửi / "
                "No result to send yet"
            )
        _check_number_free(session, number, d.id)
        mark_used(session, number, d.id, at)
        before = delivery.tracking_number if delivery is not None else ""
        if delivery is None:
            delivery = _new_delivery(session, d, actor)
            delivery.tracking_number = number
            session.add(delivery)
            session.flush()
            add_outbox(session, delivery, "insert")
        else:
            base = delivery.server_version
            delivery.tracking_number = number
            session.flush()
            add_outbox(session, delivery, "update", fields={"tracking_number"}, base_version=base)
        _event(
            session,
            d,
            actor,
            "note",
            at,
            f"Mã vận đơn {number}",
            {"tracking_number": number, "before": before},
        )
        audit(
            session,
            actor,
            "postal.track",
            entity="postal_deliveries",
            entity_id=delivery.id,
            details={"code": d.code, "tracking_number": number, "before": before},
            at=at,
        )
        return delivery_view(delivery, d.code, d.applicant_name)


def parse_delivery_status(value: str) -> str:
    """Return the delivery status named by `value`; InvalidInput."""
    v = nfc(value).strip().lower().replace("-", "_")
    v = {"returned": "returned_to_center", "handed": "handed_to_post"}.get(v, v)
    if v not in DELIVERY_STATES:
        raise InvalidInput(
            f"Trạng thái phát không hợp lệ: {value!r} ({', '.join(DELIVERY_STATES)}) / "
            "Invalid delivery status"
        )
    return v


def apply_delivery_status(
    session: Session,
    actor: Actor,
    d: Dossier,
    delivery: PostalDelivery,
    status: str,
    at: datetime,
    note: str = "",
    *,
    stale_ok: bool = False,
) -> bool:
    """Move a delivery to `status` in the caller's transaction; return False if nothing changed.

    Delivered returns the result (status 10, returned at the delivery time) through the status
    rules; returned to the center keeps 9. News older than the current state is NotAllowed, or
    nothing (False) with `stale_ok` (an import that repeats earlier lines)."""
    current = delivery.status if delivery.handed_at is not None else ""
    if status == current:
        return False
    if current and _RANK[status] <= _RANK[current]:
        if stale_ok:
            return False
        raise NotAllowed(
            f"Kết quả hồ sơ {d.code} đã “{DELIVERY_VI[current]}”, không chuyển sang "
            f"“{DELIVERY_VI[status]}” / Cannot go from {current} to {status}"
        )
    if status == "delivered" and d.status != Status.RETURNED:
        if d.status != Status.RESULT_READY:
            raise NotAllowed(
                f"Hồ sơ {d.code} đang “{Status(d.status).label_vi}”, không ghi nhận đã phát được"
                " / The dossier is not waiting for its result to be returned"
            )
        apply_status_change(
            session,
            d.code,
            Status.RETURNED,
            actor,
            reason="",
            at=at,
            details={
                "by_post": True,
                "tracking_number": delivery.tracking_number,
                "received_by": delivery.receiver_name,
            },
        )
    base = delivery.server_version
    fields = {"status", "status_at", "note"}
    if delivery.handed_at is None:  # the post's news proves it was handed
        delivery.handed_at = at
        fields.add("handed_at")
    if status == "returned_to_center" and not note:
        note = "Bưu điện chuyển hoàn; kết quả về lại Trung tâm, hồ sơ vẫn “Đã xử lý xong”"
    delivery.status, delivery.status_at, delivery.note = status, at, nfc(note) or delivery.note
    session.flush()
    add_outbox(session, delivery, "update", fields=fields, base_version=base)
    if status == "returned_to_center":
        _event(
            session,
            d,
            actor,
            "handoff",
            at,
            "Bưu điện → Trung tâm: chuyển hoàn",
            {"direction": "returned_by_post", "tracking_number": delivery.tracking_number},
        )
    audit(
        session,
        actor,
        "postal.delivery_status",
        entity="postal_deliveries",
        entity_id=delivery.id,
        details={"code": d.code, "status": status},
        at=at,
    )
    return True


def set_delivery_status(
    db: Database,
    actor: Actor,
    code: str,
    status: str,
    *,
    at: datetime | None = None,
    note: str = "",
) -> DeliveryView:
    """Record the post's news about a dossier's delivery; return it. "delivered" returns the
    result (status 10); "returned_to_center" keeps 9 and says so in the note. Raises
    InvalidInput (unknown status), NotFound (no delivery) or NotAllowed (backwards)."""
    status = parse_delivery_status(status)
    at = at or utcnow()
    with db.write() as session:
        d = dossier_by_code(session, code)
        delivery = current_delivery(session, d.id)
        if delivery is None:
            raise NotFound(f"Hồ sơ {d.code} chưa gửi qua bưu điện / Not sent by post")
        apply_delivery_status(session, actor, d, delivery, status, at, note)
        return delivery_view(delivery, d.code, d.applicant_name)


def list_deliveries(
    db: Database, *, status: str | None = None, limit: int = 500
) -> list[DeliveryView]:
    """Return deliveries, latest news first; `status` filters (InvalidInput if unknown)."""
    with db.read() as session:
        q = select(PostalDelivery, Dossier.code, Dossier.applicant_name).join(
            Dossier, Dossier.id == PostalDelivery.dossier_id
        )
        if status is not None:
            q = q.where(PostalDelivery.status == parse_delivery_status(status))
        q = q.order_by(
            func.coalesce(PostalDelivery.status_at, PostalDelivery.created_at).desc()
        ).limit(limit)
        return [delivery_view(p, code, name) for p, code, name in session.execute(q)]


def get_delivery(db: Database, code: str) -> DeliveryView | None:
    """Return the dossier's current delivery, or None; NotFound for an unknown dossier."""
    with db.read() as session:
        d = dossier_by_code(session, code)
        delivery = current_delivery(session, d.id)
        return delivery_view(delivery, d.code, d.applicant_name) if delivery else None


def waiting_for_post(db: Database) -> list[WaitingRow]:
    """Return results ready (9) to go home by post and not handed to the post, oldest first."""
    with db.read() as session:
        rows = session.execute(
            select(Dossier, Procedure.name)
            .join(Procedure, Procedure.id == Dossier.procedure_id)
            .where(Dossier.status == int(Status.RESULT_READY), Dossier.return_by_post.is_(True))
            .order_by(Dossier.finished_at, Dossier.code)
        ).all()
        out = []
        for d, proc in rows:
            delivery = current_delivery(session, d.id)
            if delivery is not None and delivery.handed_at is not None:
                if delivery.status != "returned_to_center":
                    continue
                delivery = None
            batch = open_batch_of(session, d.id)
            out.append(
                WaitingRow(
                    d.code,
                    d.applicant_name,
                    proc,
                    d.post_receiver_name or d.applicant_name,
                    d.post_phone or d.applicant_phone,
                    d.post_address or d.applicant_address,
                    local(d.finished_at),
                    delivery.tracking_number if delivery else "",
                    batch.number if batch else "",
                )
            )
        return out
