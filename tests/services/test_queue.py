"""The queue on the desk's own database: a standalone center, and a joined desk offline."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import delete, select, update

from counter_app.domain.errors import InvalidInput, NotAllowed, NotFound
from counter_app.domain.queue import business_date, check_transition
from counter_app.models import (
    Desk,
    OutboxOp,
    QueueCounter,
    QueueService,
    QueueTicket,
    SyncState,
)
from counter_app.services import queue
from counter_app.services.recording import Actor
from counter_app.services.sync import CenterClient, CenterUnreachable
from counter_app.services.sync.link import CenterLink

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
MORNING = datetime(2025, 3, 12, 8, 0, tzinfo=HCM)
DEAD_URL = "postgresql://nobody@127.0.0.1:9/none"  # port 9 (discard): refused at once


def _desk(db, number: int) -> str:
    with db.read() as session:
        return session.scalar(select(Desk.id).where(Desk.number == number))


def _actor(db, number: int) -> Actor:
    return Actor(None, f"Cán bộ quầy {number}", _desk(db, number))


def _ops(db) -> list[tuple[str, str]]:
    with db.read() as session:
        return [
            (op.kind, op.entity)
            for op in session.scalars(select(OutboxOp).order_by(OutboxOp.desk_seq))
        ]


def test_the_business_date_is_the_date_in_ho_chi_minh_city() -> None:
    assert business_date(datetime(2025, 3, 12, 16, 59, tzinfo=UTC)) == date(2025, 3, 12)
    assert business_date(datetime(2025, 3, 12, 17, 0, tzinfo=UTC)) == date(2025, 3, 13)
    with pytest.raises(ValueError):
        business_date(datetime(2025, 3, 12, 17, 0))


def test_numbers_restart_at_local_midnight_not_utc_midnight_and_history_stays(demo_db) -> None:
    actor = _actor(demo_db, 1)
    late = datetime(2025, 3, 12, 23, 30, tzinfo=HCM)  # 16:30 UTC
    early = datetime(2025, 3, 13, 0, 10, tzinfo=HCM)  # 17:10 UTC, the same UTC date
    assert late.astimezone(UTC).date() == early.astimezone(UTC).date()
    a = [queue.issue_ticket(demo_db, "A", actor, now=late).ticket for _ in range(2)]
    b = queue.issue_ticket(demo_db, "A", actor, now=early).ticket
    assert [(t.display, t.business_date) for t in [*a, b]] == [
        ("A001", date(2025, 3, 12)),
        ("A002", date(2025, 3, 12)),
        ("A001", date(2025, 3, 13)),
    ]
    assert queue.issue_ticket(demo_db, "B", actor, now=early).ticket.display == "B001"
    # After midnight desk 1 calls today's citizen; yesterday's tickets stay, uncalled.
    called = queue.call_next(demo_db, _desk(demo_db, 1), actor, now=early)
    assert called is not None and called.id == b.id
    assert queue.call_next(demo_db, _desk(demo_db, 1), actor, now=early) is None
    with demo_db.read() as session:
        assert [t.state for t in (session.get(QueueTicket, x.id) for x in a)] == ["waiting"] * 2
    status = queue.queue_status(demo_db, now=early)
    assert not status.online
    assert {s.code: s.waiting for s in status.services}["B"] == 1
    assert status.desks[0].ticket == "A001" and status.desks[0].state == "called"


def test_priority_first_then_issue_order_and_the_people_ahead(demo_db) -> None:
    actor = _actor(demo_db, 1)
    issued = [
        queue.issue_ticket(demo_db, "A", actor, priority=p, now=MORNING)
        for p in ("", "", "elderly", "", "pregnant")
    ]
    assert [i.ahead for i in issued] == [0, 1, 0, 3, 1]
    order = [queue.call_next(demo_db, _desk(demo_db, 2), actor, now=MORNING) for _ in range(5)]
    assert [t.display for t in order] == ["A003", "A005", "A001", "A002", "A004"]
    with pytest.raises(InvalidInput):
        queue.issue_ticket(demo_db, "A", actor, priority="vip")
    with pytest.raises(NotFound):
        queue.issue_ticket(demo_db, "Q", actor)


def test_the_state_machine_at_the_desk_and_a_transfer_that_keeps_the_citizens_place(
    demo_db,
) -> None:
    one, four = _actor(demo_db, 1), _actor(demo_db, 4)
    first = queue.issue_ticket(demo_db, "A", one, now=MORNING).ticket
    queue.issue_ticket(demo_db, "B", one, now=MORNING.replace(hour=9))  # B's own, later
    t = queue.call_next(demo_db, one.desk_id, one, now=MORNING)
    assert t.id == first.id and t.desk_number == 1
    assert queue.recall(demo_db, t.id, one).state == "called"
    with pytest.raises(NotAllowed, match="quầy 1"):
        queue.start_serving(demo_db, t.id, four)
    with pytest.raises(NotAllowed):
        queue.finish(demo_db, t.id, one)  # not being served yet
    assert queue.start_serving(demo_db, t.id, one).state == "serving"
    moved = queue.transfer(demo_db, t.id, one, service_code="B", now=MORNING)
    assert (moved.display, moved.service_code, moved.series, moved.state) == (
        "A001",
        "B",
        "T",
        "waiting",
    )
    got = queue.call_next(demo_db, four.desk_id, four, now=MORNING)  # desk 4 serves B
    assert got.id == moved.id  # before B001, issued later
    assert queue.start_serving(demo_db, got.id, four).state == "serving"
    assert queue.finish(demo_db, got.id, four).state == "done"
    with pytest.raises(NotAllowed):
        queue.skip(demo_db, got.id, four)
    with pytest.raises(InvalidInput):
        queue.transfer(demo_db, got.id, four)
    with demo_db.read() as session:
        old = session.get(QueueTicket, t.id)
        assert old.state == "transferred" and old.finished_at is not None
        assert session.get(QueueTicket, moved.id).transferred_from_id == t.id
    waiting_b = queue.call_next(demo_db, four.desk_id, four, now=MORNING)
    assert queue.skip(demo_db, waiting_b.id, four).state == "no_show"
    # Every change is an outbox op (a recall is not: it changes nothing the center keeps).
    kinds = [k for k, e in _ops(demo_db) if e == "queue_tickets"]
    assert kinds.count("insert") == 3 and kinds.count("update") == 8


def test_domain_transitions() -> None:
    check_transition("A001", "called", "called")
    for current, new in [("waiting", "called"), ("done", "serving"), ("no_show", "called")]:
        with pytest.raises(NotAllowed):
            check_transition("A001", current, new)
    with pytest.raises(InvalidInput):
        check_transition("A001", "called", "lost")


def _join_offline(db, number: int) -> str:
    """Make `db` look like desk `number` of a center that cannot be reached."""
    desk_id = _desk(db, number)
    with db.write() as session:
        state = session.get(SyncState, 1)
        state.desk_id = desk_id
        state.central_url = DEAD_URL
    return desk_id


def test_a_joined_desk_offline_issues_its_own_series_and_calls_only_those(demo_db) -> None:
    desk3 = _join_offline(demo_db, 3)  # desk 3 serves A
    actor = Actor(None, "Cán bộ quầy 3", desk3)
    with demo_db.write() as session:
        service_a = session.scalar(select(QueueService.id).where(QueueService.code == "A"))
        for number, version in ((1, 17), (2, None)):
            # The center's tickets, waiting since 7:00: one pulled, one this database held
            # before it joined. Neither is desk 3's to call offline.
            session.add(
                QueueTicket(
                    service_id=service_a,
                    business_date=date(2025, 3, 12),
                    series="",
                    number=number,
                    display=f"A00{number}",
                    issued_at=MORNING.replace(hour=7),
                    server_version=version,
                )
            )
    link = CenterLink(CenterClient(DEAD_URL, desk3, timeout=5))
    issued = [queue.issue_ticket(demo_db, "A", actor, center=link, now=MORNING) for _ in range(2)]
    assert [i.ticket.display for i in issued] == ["A-3·001", "A-3·002"]
    assert [i.ahead for i in issued] == [0, 1]  # the center's tickets are not this desk's
    assert not link.online
    assert _ops(demo_db) == [("insert", "queue_tickets")] * 2
    calls = [queue.call_next(demo_db, desk3, actor, center=link, now=MORNING) for _ in range(3)]
    assert [c.display if c else None for c in calls] == ["A-3·001", "A-3·002", None]
    with pytest.raises(NotAllowed):
        queue.call_next(demo_db, _desk(demo_db, 1), actor, center=link, now=MORNING)
    with demo_db.read() as session:
        op = session.scalars(select(OutboxOp).order_by(OutboxOp.desk_seq.desc())).first()
        assert op.kind == "update" and op.base_version is None
        assert {"state", "desk_id", "called_at"} <= set(op.payload)
    # Its own ticket that reached the center (the push was acknowledged, the pull has not come
    # back yet) is not called offline either: another desk may claim it at the center.
    pushed = queue.issue_ticket(demo_db, "A", actor, center=link, now=MORNING).ticket
    with demo_db.write() as session:
        session.execute(
            update(OutboxOp).where(OutboxOp.entity_id == pushed.id).values(state="acked")
        )
    assert queue.call_next(demo_db, desk3, actor, center=link, now=MORNING) is None
    pulled = queue.issue_ticket(demo_db, "A", actor, center=link, now=MORNING).ticket
    with demo_db.write() as session:  # pulled back with its version, acknowledged ops pruned
        session.execute(delete(OutboxOp).where(OutboxOp.entity_id == pulled.id))
        session.get(QueueTicket, pulled.id).server_version = 99
    assert queue.call_next(demo_db, desk3, actor, center=link, now=MORNING) is None
    # A counter lost with a reinstalled database never hands out a number the desk has.
    with demo_db.write() as session:
        session.execute(delete(QueueCounter))
    again = queue.issue_ticket(demo_db, "A", actor, center=link, now=MORNING)
    assert again.ticket.display == "A-3·005"


class _FakeClient:
    desk_id = "d"

    def __init__(self) -> None:
        self.calls = 0
        self.fail = True

    def close(self) -> None:
        pass

    def work(self) -> str:
        self.calls += 1
        if self.fail:
            raise CenterUnreachable("down")
        return "ok"


def test_the_link_goes_offline_at_once_and_stays_offline_for_the_grace_period() -> None:
    now = [0.0]
    fake = _FakeClient()
    link = CenterLink(fake, grace_s=30, clock=lambda: now[0])  # type: ignore[arg-type]
    assert link.run(lambda c: c.work()) == (False, None)
    now[0] = 29.0
    assert link.run(lambda c: c.work()) == (False, None)
    assert fake.calls == 1  # not tried again within the grace period
    fake.fail = False
    now[0] = 30.0
    assert link.run(lambda c: c.work()) == (True, "ok")

    def refuse(_c: object) -> None:
        raise NotAllowed("no")

    with pytest.raises(NotAllowed):  # a refusal is an answer, not an outage
        link.run(refuse)
    assert link.online
