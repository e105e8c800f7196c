"""What the postal desk and supervisors read: where a dossier's paper is, dossiers away too
long, and postal volumes by direction, department and month."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from counter_app.db import Database
from counter_app.domain.status import Channel, Status
from counter_app.models import Dossier, Procedure, Unit
from counter_app.models.base import utcnow
from counter_app.models.postal import PostalBatch, PostalBatchItem, PostalDelivery
from counter_app.services.dossiers import dossier_by_code
from counter_app.services.postal_common import (
    DIRECTION_VI,
    LOCAL_TZ,
    current_delivery,
    legs_of,
    local,
    open_batch_of,
    vn_short,
)
from counter_app.services.postal_delivery import DELIVERY_VI

# Volumes also count dossiers that arrived by post (channel 3), by the month received.
VOLUME_DIRECTION_VI = {**DIRECTION_VI, "received_by_post": "Bưu điện → Trung tâm (hồ sơ nộp)"}
POST_VI = "Bưu điện"


@dataclass(frozen=True, slots=True)
class PaperLeg:
    at: datetime  # local
    direction_label: str
    department_name: str
    batch_number: str
    handed_by: str
    received_by: str


@dataclass(frozen=True, slots=True)
class PaperLocation:
    code: str
    where: str  # a Vietnamese sentence
    place: str  # center, department, in_batch, post, citizen
    since: datetime | None  # local
    legs: tuple[PaperLeg, ...]


def paper_location(db: Database, code: str) -> PaperLocation:
    """Return where the dossier's paper is now, and the legs it travelled; NotFound."""
    with db.read() as session:
        d = dossier_by_code(session, code)
        legs = legs_of(session, d.id)
        views = tuple(
            PaperLeg(
                leg.at.astimezone(LOCAL_TZ),
                DIRECTION_VI[leg.direction],
                leg.unit_name,
                leg.batch_number,
                leg.handed_by,
                leg.received_by,
            )
            for leg in legs
        )
        last = legs[-1] if legs else None
        batch = open_batch_of(session, d.id)
        delivery = current_delivery(session, d.id)

        def at(where: str, place: str, since: datetime | None) -> PaperLocation:
            return PaperLocation(d.code, where, place, local(since), views)

        if batch is not None:
            return at(
                f"Đang xếp vào lô {batch.number} ({DIRECTION_VI[batch.direction]}), chưa bàn "
                "giao; giấy tờ còn ở Trung tâm",
                "in_batch",
                batch.opened_at,
            )
        handed_at = delivery.handed_at if delivery is not None else None
        if (
            delivery is not None
            and handed_at is not None
            and (last is None or handed_at >= last.at)
        ):
            handed = delivery
            news = handed.status_at or handed_at
            number = f" (mã vận đơn {handed.tracking_number})" if handed.tracking_number else ""
            if handed.status == "delivered":
                return at(
                    f"Bưu điện đã phát đến {handed.receiver_name} lúc {vn_short(news)}{number}",
                    "citizen",
                    news,
                )
            if handed.status == "returned_to_center":
                return at(
                    f"Tại Trung tâm: bưu điện chuyển hoàn lúc {vn_short(news)}{number}",
                    "center",
                    news,
                )
            return at(
                f"Tại bưu điện từ {vn_short(handed_at)}{number}: "
                f"{DELIVERY_VI[handed.status].lower()}",
                "post",
                handed_at,
            )
        if last is not None and last.direction == "to_department":
            return at(
                f"Tại {last.unit_name} từ {vn_short(last.at)} (biên bản {last.batch_number})",
                "department",
                last.at,
            )
        if last is not None and last.direction == "to_post":
            return at(
                f"Tại bưu điện từ {vn_short(last.at)} (biên bản {last.batch_number})",
                "post",
                last.at,
            )
        if d.status == Status.RETURNED and d.returned_at is not None:
            return at(
                f"Đã trả kết quả cho công dân lúc {vn_short(d.returned_at)}",
                "citizen",
                d.returned_at,
            )
        if last is not None:
            return at(
                f"Tại Trung tâm từ {vn_short(last.at)} (nhận về theo biên bản {last.batch_number})",
                "center",
                last.at,
            )
        return at(
            f"Tại Trung tâm từ khi tiếp nhận, {vn_short(d.received_at)}", "center", d.received_at
        )


@dataclass(frozen=True, slots=True)
class TransitRow:
    code: str
    procedure: str
    applicant: str
    department_name: str  # the department, or "Bưu điện"
    batch_number: str  # "" for a result handed to the post directly
    since: datetime  # local
    days: int
    place: str = "department"  # department or post
    tracking_number: str = ""


def in_transit(
    db: Database, *, older_than_days: int = 3, now: datetime | None = None
) -> list[TransitRow]:
    """Return the dossiers whose paper has been away from the center (at a department, or at
    the post without news of delivery or return) for more than `older_than_days` days,
    longest first."""
    now = now or utcnow()
    cutoff = now - timedelta(days=older_than_days)
    with db.read() as session:
        last: dict[str, tuple[datetime, str, str, str]] = {}
        for dossier_id, closed, direction, number, unit_name in session.execute(
            select(
                PostalBatchItem.dossier_id,
                PostalBatch.closed_at,
                PostalBatch.direction,
                PostalBatch.number,
                Unit.name,
            )
            .join(PostalBatch, PostalBatch.id == PostalBatchItem.batch_id)
            .outerjoin(Unit, Unit.id == PostalBatch.unit_id)
            .where(
                PostalBatch.state == "closed",
                PostalBatchItem.removed_at.is_(None),
                PostalBatch.direction != "to_post",
            )
            .order_by(PostalBatch.closed_at, PostalBatch.number)
        ):
            last[dossier_id] = (closed or cutoff, direction, number, unit_name or "")
        away = {k: v for k, v in last.items() if v[1] == "to_department" and v[0] < cutoff}
        post = {
            p.dossier_id: p
            for p in session.scalars(
                select(PostalDelivery).where(
                    PostalDelivery.handed_at.is_not(None),
                    PostalDelivery.handed_at < cutoff,
                    PostalDelivery.status.in_(("handed_to_post", "in_transit")),
                )
            )
        }
        ids = set(away) | set(post)
        info = {
            did: (code, proc, name)
            for did, code, proc, name in session.execute(
                select(Dossier.id, Dossier.code, Procedure.name, Dossier.applicant_name)
                .join(Procedure, Procedure.id == Dossier.procedure_id)
                .where(Dossier.id.in_(ids))
            )
        }
        rows = []
        for did, (closed, _, number, unit_name) in away.items():
            code, proc, name = info[did]
            rows.append(
                TransitRow(
                    code,
                    proc,
                    name,
                    unit_name or "",
                    number,
                    closed.astimezone(LOCAL_TZ),
                    (now - closed).days,
                )
            )
        for did, p in post.items():
            if current_delivery(session, did) is not p or p.handed_at is None:
                continue
            code, proc, name = info[did]
            rows.append(
                TransitRow(
                    code,
                    proc,
                    name,
                    POST_VI,
                    "",
                    p.handed_at.astimezone(LOCAL_TZ),
                    (now - p.handed_at).days,
                    "post",
                    p.tracking_number,
                )
            )
        return sorted(rows, key=lambda r: (r.since, r.code))


@dataclass(frozen=True, slots=True)
class VolumeRow:
    month: str  # YYYY-MM, local
    direction: str  # to_department, from_department, to_post, received_by_post
    direction_label: str
    department_name: str  # "" for to_post
    count: int


def _month_start(now: datetime, months: int) -> datetime:
    lt = now.astimezone(LOCAL_TZ)
    y, m = lt.year, lt.month - (months - 1)
    while m < 1:
        y, m = y - 1, m + 12
    return lt.replace(year=y, month=m, day=1, hour=0, minute=0, second=0, microsecond=0)


def postal_volumes(
    db: Database, *, months: int = 12, now: datetime | None = None
) -> list[VolumeRow]:
    """Return how many dossiers went each way in each of the last `months` months (this one
    included): batches by closing month, results handed to the post by month handed, and
    dossiers received by post (channel 3) by month received; by month, direction, department."""
    start = _month_start(now or utcnow(), max(1, months))
    counts: Counter[tuple[str, str, str]] = Counter()
    with db.read() as session:
        for closed, direction, unit_name in session.execute(
            select(PostalBatch.closed_at, PostalBatch.direction, Unit.name)
            .join(PostalBatchItem, PostalBatchItem.batch_id == PostalBatch.id)
            .outerjoin(Unit, Unit.id == PostalBatch.unit_id)
            .where(
                PostalBatch.state == "closed",
                PostalBatch.closed_at >= start,
                PostalBatch.direction != "to_post",
                PostalBatchItem.removed_at.is_(None),
            )
        ):
            if closed is not None:
                counts[(f"{closed.astimezone(LOCAL_TZ):%Y-%m}", direction, unit_name or "")] += 1
        for handed in session.scalars(
            select(PostalDelivery.handed_at).where(PostalDelivery.handed_at >= start)
        ):
            if handed is None:
                continue
            counts[(f"{handed.astimezone(LOCAL_TZ):%Y-%m}", "to_post", "")] += 1
        for received, unit_name in session.execute(
            select(Dossier.received_at, Unit.name)
            .join(Procedure, Procedure.id == Dossier.procedure_id)
            .join(Unit, Unit.id == Procedure.department_id)
            .where(Dossier.channel == int(Channel.POSTAL), Dossier.received_at >= start)
        ):
            counts[(f"{received.astimezone(LOCAL_TZ):%Y-%m}", "received_by_post", unit_name)] += 1
    order = list(VOLUME_DIRECTION_VI)
    return [
        VolumeRow(month, direction, VOLUME_DIRECTION_VI[direction], dept, n)
        for (month, direction, dept), n in sorted(
            counts.items(), key=lambda kv: (kv[0][0], order.index(kv[0][1]), kv[0][2])
        )
    ]
