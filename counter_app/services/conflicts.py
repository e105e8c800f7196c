"""Settling sync conflicts: the same field changed on two desks while they could not see each
other's change. The center kept the first value it applied, set the other aside in
`center_conflicts` and flagged the dossier "needs review" (SYNC.md, failure test 9). Here a
desk lists those conflicts and settles each: keep the value in use, or put the set-aside value
back. Both happen at the center in one transaction (migration 0006), so two desks cannot settle
one conflict twice; the desk then keeps the center's new row, as a pull would.

The conflicts live only at the center, so this needs the center: offline, NeedsCenter.

Fields that status changes set (the status and its times) are not put back by hand: the
history holds both desks' events, and an officer moves the status with the ordinary actions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from counter_app.db import Database
from counter_app.domain.calendar import CENTER_TZ
from counter_app.domain.errors import CounterError, InvalidInput, NotFound
from counter_app.domain.status import Channel, Status
from counter_app.domain.text import fold, nfc
from counter_app.models import Dossier
from counter_app.services.dossiers import DossierView, get_dossier
from counter_app.services.recording import Actor, audit
from counter_app.services.sync.client import CenterClient
from counter_app.services.sync.link import CenterLink
from counter_app.services.sync.rows import entities_with_local_ops, table_of, typed, upsert

LOCAL_TZ = ZoneInfo(CENTER_TZ)


class NeedsCenter(CounterError):
    """The conflicts are kept at the center, and the center cannot be reached now."""


# (entity, field) → Vietnamese, English. Fields not named here show their column name.
LABELS: dict[tuple[str, str], tuple[str, str]] = {
    ("dossiers", "applicant_name"): ("Họ tên người nộp", "Applicant's name"),
    ("dossiers", "applicant_id_number"): ("Số CCCD/định danh", "ID number"),
    ("dossiers", "applicant_phone"): ("Số điện thoại người nộp", "Applicant's phone"),
    ("dossiers", "applicant_address"): ("Địa chỉ người nộp", "Applicant's address"),
    ("dossiers", "applicant_email"): ("Thư điện tử", "Email"),
    ("dossiers", "applicant_birth_date"): ("Ngày sinh", "Date of birth"),
    ("dossiers", "applicant_gender"): ("Giới tính", "Gender"),
    ("dossiers", "sets_count"): ("Số bộ hồ sơ", "Number of sets"),
    ("dossiers", "return_by_post"): ("Trả kết quả qua bưu chính", "Result returned by post"),
    ("dossiers", "post_receiver_name"): ("Người nhận (bưu chính)", "Post receiver"),
    ("dossiers", "post_address"): ("Địa chỉ nhận (bưu chính)", "Post address"),
    ("dossiers", "post_phone"): ("Điện thoại nhận (bưu chính)", "Post phone"),
    ("dossiers", "ledger_book"): ("Sổ theo dõi", "Ledger book"),
    ("dossiers", "ledger_entry"): ("Số thứ tự trong sổ", "Ledger entry"),
    ("dossiers", "notes"): ("Ghi chú", "Notes"),
    ("dossiers", "status"): ("Trạng thái", "Status"),
    ("dossiers", "due_at"): ("Hạn trả kết quả", "Due time"),
    ("dossiers", "paused_at"): ("Bắt đầu chờ bổ sung", "Supplement wait since"),
    ("dossiers", "finished_at"): ("Thời điểm có kết quả", "Finished at"),
    ("dossiers", "returned_at"): ("Thời điểm trả kết quả", "Returned at"),
    ("dossiers", "channel"): ("Kênh tiếp nhận", "Channel"),
    ("dossier_items", "name"): ("Tên giấy tờ", "Document name"),
    ("dossier_items", "kind"): ("Loại bản giấy tờ", "Document form"),
    ("dossier_items", "count"): ("Số lượng giấy tờ", "Document count"),
    ("queue_tickets", "state"): ("Trạng thái số thứ tự", "Ticket state"),
    ("queue_tickets", "dossier_id"): ("Hồ sơ của lượt phục vụ", "Ticket's dossier"),
}

# The fields whose set-aside value may be put back: plain data an officer types. The others are
# set by status changes, the queue's or the post's state machines, or derived from other fields.
CHOOSABLE: dict[str, frozenset[str]] = {
    "dossiers": frozenset(
        {
            "applicant_name",
            "applicant_id_number",
            "applicant_phone",
            "applicant_address",
            "applicant_email",
            "applicant_birth_date",
            "applicant_gender",
            "sets_count",
            "return_by_post",
            "post_receiver_name",
            "post_address",
            "post_phone",
            "ledger_book",
            "ledger_entry",
            "notes",
        }
    ),
    "dossier_items": frozenset({"name", "kind", "count"}),
}
# Fields written together with a chosen one (the search form of the applicant's name).
DERIVED = {("dossiers", "applicant_name"): lambda v: {"applicant_name_folded": fold(str(v))}}

EMPTY = "(trống)"


@dataclass(frozen=True, slots=True)
class Conflict:
    id: str
    entity: str
    entity_id: str
    dossier_id: str | None
    dossier_code: str
    field: str
    label_vi: str
    label_en: str
    center_value: Any  # the value in use
    desk_value: Any  # the value set aside
    center_text: str
    desk_text: str
    kept_desk: int | None  # the desk whose change is in use (None: not known)
    other_desk: int | None  # the desk whose change was set aside
    at: datetime  # when the center found the clash (UTC)
    choosable: bool


@dataclass(frozen=True, slots=True)
class ConflictResolution:
    conflict_id: str
    dossier_code: str
    remaining: int  # conflicts of that dossier still to settle


def shown(entity: str, field: str, value: Any, *, english: bool = False) -> str:
    """A stored value as people read it (in Vietnamese, or English)."""
    if value is None or value == "":
        return "(empty)" if english else EMPTY
    if isinstance(value, bool):
        return ("Yes" if value else "No") if english else ("Có" if value else "Không")
    if entity == "dossiers" and field in ("status", "channel") and isinstance(value, int):
        kind = Status if field == "status" else Channel
        try:
            named = kind(value)
        except ValueError:
            return str(value)
        return f"{value} – {named.label_en if english else named.label_vi}"
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] == "T":
        try:
            t = datetime.fromisoformat(value)
        except ValueError:
            return value
        if t.tzinfo is not None:
            t = t.astimezone(LOCAL_TZ)
        return t.strftime("%H:%M %d/%m/%Y")
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        try:
            return date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    return str(value)


def _conflict(row: dict[str, Any]) -> Conflict:
    entity, field = row["entity"], row["field"]
    vi, en = LABELS.get((entity, field), (field, field))
    return Conflict(
        id=row["id"],
        entity=entity,
        entity_id=row["entity_id"],
        dossier_id=row.get("dossier_id"),
        dossier_code=row.get("dossier_code") or "",
        field=field,
        label_vi=vi,
        label_en=en,
        center_value=row.get("center_value"),
        desk_value=row.get("desk_value"),
        center_text=shown(entity, field, row.get("center_value")),
        desk_text=shown(entity, field, row.get("desk_value")),
        kept_desk=row.get("kept_desk"),
        other_desk=row.get("other_desk"),
        at=datetime.fromisoformat(row["at"]),
        choosable=field in CHOOSABLE.get(entity, frozenset()),
    )


def _at_center(center: CenterLink | None, call: Any) -> Any:
    if center is not None:
        ok, result = center.run(call)
        if ok:
            return result
    raise NeedsCenter(
        "Cần kết nối với máy chủ trung tâm để xem và giải quyết thay đổi trùng nhau; thử lại "
        "khi có mạng / Conflicts are kept at the center: try again when the center is reachable"
    )


def list_conflicts(
    db: Database, center: CenterLink | None, *, dossier_id: str | None = None
) -> list[Conflict]:
    """Return the unresolved conflicts of one dossier (of all when None), oldest first.

    Raises NeedsCenter when the center cannot be reached."""
    del db  # the conflicts are the center's; the signature matches the other desk calls
    rows = _at_center(center, lambda c: c.list_conflicts(dossier_id))
    return [_conflict(r) for r in rows]


def resolve_conflict(
    db: Database, center: CenterLink | None, conflict_id: str, choice: str, actor: Actor
) -> ConflictResolution:
    """Settle one conflict: `choice` "center" keeps the value in use, "desk" puts the set-aside
    value back. The center writes it, marks the conflict settled by `actor` and clears the
    dossier's flag once none remain; this desk keeps the row the center returns.

    Raises InvalidInput for a choice that is not allowed, NotFound / NotAllowed (the center's)
    for an unknown or already settled conflict, NeedsCenter offline."""
    if choice not in ("center", "desk"):
        raise InvalidInput(
            f"Chọn 'center' (giữ giá trị đang dùng) hoặc 'desk' (dùng giá trị bị giữ lại), "
            f"không phải {choice!r} / Choose 'center' or 'desk', not {choice!r}"
        )

    def settle(c: CenterClient) -> dict[str, Any]:
        payload: dict[str, Any] = {}
        if choice == "desk":
            found = c.list_conflicts(None, conflict_id)
            if found:
                payload = _payload(_conflict(found[0]))
        by = {"user_id": actor.user_id, "name": actor.name}
        return c.resolve_conflict(conflict_id, choice, payload, by)

    result = _at_center(center, settle)
    entity, row = result["entity"], result["row"]
    with db.write() as session:
        if entity_id := str(result["entity_id"]):
            if entity_id not in entities_with_local_ops(session, entity, [entity_id]):
                upsert(session, entity, [typed(table_of(entity), row)], replace=True)
        dossier_id = entity_id if entity == "dossiers" else row.get("dossier_id")
        d = session.get(Dossier, dossier_id) if dossier_id else None
        code = d.code if d is not None else ""
        audit(
            session,
            actor,
            "sync.conflict_resolved",
            entity=entity,
            entity_id=entity_id,
            details={"conflict_id": conflict_id, "choice": choice, "code": code},
        )
    return ConflictResolution(conflict_id, code, int(result["remaining"]))


def _payload(conflict: Conflict) -> dict[str, Any]:
    """The fields to write to put the set-aside value back (with what is derived from it)."""
    if not conflict.choosable:
        raise InvalidInput(
            f"{conflict.label_vi}: giá trị này do thao tác chuyển trạng thái đặt; dùng các thao "
            f"tác thường của hồ sơ để đổi / {conflict.label_en} is set by status changes: use "
            f"the dossier's ordinary actions"
        )
    value = conflict.desk_value
    if isinstance(value, str):
        value = nfc(value)
    payload = {conflict.field: value}
    derive = DERIVED.get((conflict.entity, conflict.field))
    if derive is not None:
        payload.update(derive(value))
    return payload


def review_codes(db: Database) -> list[str]:
    """Return the codes of this desk's dossiers flagged "needs review", oldest first."""
    with db.read() as session:
        return list(
            session.scalars(
                select(Dossier.code)
                .where(Dossier.needs_review.is_(True))
                .order_by(Dossier.received_at)
            )
        )


def flagged_dossiers(db: Database) -> list[DossierView]:
    """Return this desk's dossiers flagged "needs review", oldest first (one read per dossier:
    there are a handful at most; one settled or gone between the two reads is left out)."""
    views = []
    for code in review_codes(db):
        try:
            view = get_dossier(db, code)
        except NotFound:
            continue
        if view.needs_review:
            views.append(view)
    return views
