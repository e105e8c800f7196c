"""Handover batches: every kind of scan, closing (one leg event per dossier), where the paper is."""

from __future__ import annotations

from datetime import timedelta

import pytest
from small_catalog import HOURS
from sqlalchemy import func, select
from test_postal_helpers import ACTOR, AT, dossier

from counter_app.domain.errors import InvalidInput, NotFound
from counter_app.domain.status import Status
from counter_app.models import DossierEvent, OutboxOp, PostalBatchItem
from counter_app.services.dossiers import change_status, get_dossier
from counter_app.services.postal import (
    add_to_batch,
    close_batch,
    create_batch,
    get_batch,
    list_batches,
    paper_location,
    remove_from_batch,
)

LATER = AT + timedelta(hours=1)


def _rows(db, model) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)))


def test_batches_are_numbered_per_day_and_need_the_right_department(small_db) -> None:
    first = create_batch(small_db, ACTOR, "to_department", "SGTVT", at=AT)
    second = create_batch(small_db, ACTOR, "out", "STP", at=AT)
    assert (first.number, second.number) == ("BG-261123-001", "BG-261123-002")
    assert first.department_name == "Sở Giao thông Vận tải" and first.state == "open"
    assert create_batch(small_db, ACTOR, "to_post", at=AT).department_name == ""
    with pytest.raises(InvalidInput, match="cần mã Sở/ngành"):
        create_batch(small_db, ACTOR, "from_department", at=AT)
    with pytest.raises(InvalidInput, match="Không có Sở/ngành"):
        create_batch(small_db, ACTOR, "to_department", "SXX", at=AT)
    with pytest.raises(InvalidInput, match="Chiều bàn giao"):
        create_batch(small_db, ACTOR, "sideways", "SGTVT", at=AT)
    with pytest.raises(InvalidInput, match="không ghi Sở"):
        create_batch(small_db, ACTOR, "to_post", "SGTVT", at=AT)


def test_every_bad_scan_is_refused_with_a_reason_and_writes_nothing(small_db) -> None:
    ok = dossier(small_db)
    stopped = dossier(small_db, status=Status.STOPPED)
    other_dept = dossier(small_db, procedure=HOURS)
    batch = create_batch(small_db, ACTOR, "to_department", "SGTVT", at=AT)
    added = add_to_batch(small_db, ACTOR, batch.number, f"  {ok.lower()} ", at=AT)
    assert (added.added, added.reason, added.code, added.batch.count) == (True, "added", ok, 1)
    ops = _rows(small_db, OutboxOp)
    cases = {
        ok: "duplicate",
        "000.00.06.H56-261123-9999": "unknown",
        "": "unknown",
        stopped: "status",
        other_dept: "direction",
    }
    for code, reason in cases.items():
        out = add_to_batch(small_db, ACTOR, batch.number, code, at=AT)
        assert (out.added, out.reason) == (False, reason), out.message
        assert " / " in out.message and out.batch.count == 1
    other = create_batch(small_db, ACTOR, "to_department", "SGTVT", at=AT)
    out = add_to_batch(small_db, ACTOR, other.id, ok, at=AT)
    assert (out.reason, batch.number in out.message) == ("other_batch", True)
    assert _rows(small_db, OutboxOp) == ops + 2  # only the second batch's insert and audit
    close_batch(
        small_db,
        ACTOR,
        batch.number,
        handed_by="Lương Thị Thu Trang",
        received_by="Hoàng Văn Nam",
        at=LATER,
    )
    out = add_to_batch(small_db, ACTOR, batch.number, dossier(small_db), at=LATER)
    assert out.reason == "closed" and "đã chốt" in out.message
    with pytest.raises(NotFound):
        add_to_batch(small_db, ACTOR, "BG-000000-999", ok)


def test_a_round_trip_writes_one_leg_per_dossier_and_tracks_the_paper(small_db) -> None:
    codes = [dossier(small_db, name=f"Người nộp {i}") for i in range(3)]
    assert paper_location(small_db, codes[0]).place == "center"
    out = create_batch(small_db, ACTOR, "to_department", "SGTVT", at=AT)
    for code in codes:
        assert add_to_batch(small_db, ACTOR, out.number, code, at=AT).added
    assert paper_location(small_db, codes[0]).place == "in_batch"
    with pytest.raises(InvalidInput, match="người giao và người nhận"):
        close_batch(small_db, ACTOR, out.number, handed_by="Trang", received_by=" ")
    closed = close_batch(
        small_db,
        ACTOR,
        out.number,
        handed_by="Lương Thị Thu Trang",
        received_by="Hoàng Văn Nam",
        at=LATER,
    )
    assert (closed.state, closed.count, closed.received_by) == ("closed", 3, "Hoàng Văn Nam")
    where = paper_location(small_db, codes[0])
    assert where.place == "department"
    assert (
        where.where == f"Tại Sở Giao thông Vận tải từ 10 giờ 15, 23/11/2026 (biên bản {out.number})"
    )
    event = get_dossier(small_db, codes[0]).events[-1]
    assert event.kind == "handoff"
    assert event.data["batch"] == out.number and event.data["direction"] == "to_department"
    assert (event.data["handed_by"], event.data["received_by"]) == (
        "Lương Thị Thu Trang",
        "Hoàng Văn Nam",
    )
    # Sent again while at the department: refused; brought back from the wrong one: refused.
    again = create_batch(small_db, ACTOR, "to_department", "SGTVT", at=LATER)
    assert add_to_batch(small_db, ACTOR, again.number, codes[0], at=LATER).reason == "direction"
    wrong = create_batch(small_db, ACTOR, "from_department", "STP", at=LATER)
    assert add_to_batch(small_db, ACTOR, wrong.number, codes[0], at=LATER).reason == "direction"
    back = create_batch(small_db, ACTOR, "from_department", "SGTVT", at=LATER)
    at_center = dossier(small_db)
    assert add_to_batch(small_db, ACTOR, back.number, at_center, at=LATER).reason == "direction"
    for code in codes:
        assert add_to_batch(small_db, ACTOR, back.number, code, at=LATER).added
    close_batch(
        small_db,
        ACTOR,
        back.number,
        handed_by="Hoàng Văn Nam",
        received_by="Lương Thị Thu Trang",
        at=LATER + timedelta(days=2),
    )
    where = paper_location(small_db, codes[1])
    assert where.place == "center" and len(where.legs) == 2
    assert [leg.batch_number for leg in where.legs] == [out.number, back.number]
    with small_db.read() as s:
        legs = s.scalar(select(func.count()).where(DossierEvent.kind == "handoff"))
    assert legs == 6


def test_taking_a_dossier_out_and_scanning_it_again(small_db) -> None:
    code, other = dossier(small_db), dossier(small_db)
    batch = create_batch(small_db, ACTOR, "to_department", "SGTVT", at=AT)
    add_to_batch(small_db, ACTOR, batch.number, code, at=AT)
    add_to_batch(small_db, ACTOR, batch.number, other, at=AT)
    assert remove_from_batch(small_db, ACTOR, batch.number, code).count == 1
    with pytest.raises(InvalidInput, match="không có trong lô"):
        remove_from_batch(small_db, ACTOR, batch.number, code)
    # Out of this batch, it may go into another one; and back again into the first.
    second = create_batch(small_db, ACTOR, "to_department", "SGTVT", at=AT)
    assert add_to_batch(small_db, ACTOR, second.number, code, at=AT).added
    remove_from_batch(small_db, ACTOR, second.number, code)
    assert add_to_batch(small_db, ACTOR, batch.number, code, at=AT).batch.count == 2
    assert _rows(small_db, PostalBatchItem) == 3  # rows are marked, never deleted (sync)
    close_batch(small_db, ACTOR, batch.number, handed_by="A", received_by="B", at=LATER)
    with pytest.raises(InvalidInput, match="đã chốt"):
        remove_from_batch(small_db, ACTOR, batch.number, code)
    with pytest.raises(InvalidInput, match="chưa có hồ sơ"):
        close_batch(small_db, ACTOR, second.number, handed_by="A", received_by="B")


def test_a_dossier_withdrawn_after_its_scan_stops_the_close_until_taken_out(small_db) -> None:
    kept, withdrawn = dossier(small_db), dossier(small_db)
    batch = create_batch(small_db, ACTOR, "to_department", "SGTVT", at=AT)
    for code in (kept, withdrawn):
        assert add_to_batch(small_db, ACTOR, batch.number, code, at=AT).added
    change_status(small_db, withdrawn, Status.WITHDRAWN, ACTOR, at=AT, reason="Công dân rút")
    events = _rows(small_db, DossierEvent)
    with pytest.raises(InvalidInput, match=f"1 hồ sơ không còn phù hợp.*{withdrawn}"):
        close_batch(small_db, ACTOR, batch.number, handed_by="A", received_by="B", at=LATER)
    assert get_batch(small_db, batch.number).state == "open"
    assert _rows(small_db, DossierEvent) == events  # no leg written for anyone
    remove_from_batch(small_db, ACTOR, batch.number, withdrawn)
    closed = close_batch(small_db, ACTOR, batch.number, handed_by="A", received_by="B", at=LATER)
    assert closed.state == "closed" and [i.code for i in closed.items] == [kept]


def test_lists_show_open_batches_first_with_their_counts(small_db) -> None:
    a = create_batch(small_db, ACTOR, "to_department", "SGTVT", at=AT)
    b = create_batch(small_db, ACTOR, "to_department", "STP", at=AT)
    add_to_batch(small_db, ACTOR, a.number, dossier(small_db), at=AT)
    add_to_batch(small_db, ACTOR, a.number, dossier(small_db), at=AT)
    close_batch(small_db, ACTOR, a.number, handed_by="A", received_by="B", at=LATER)
    listed = list_batches(small_db)
    assert [(x.number, x.state, x.count) for x in listed] == [
        (b.number, "open", 0),
        (a.number, "closed", 2),
    ]
    assert [x.number for x in list_batches(small_db, state="closed")] == [a.number]
    assert get_batch(small_db, a.number.lower()).items[0].status_label == "Được tiếp nhận"
    with pytest.raises(InvalidInput):
        list_batches(small_db, state="lost")
