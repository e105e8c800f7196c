"""The supervisor's live picture of the day, from tickets issued and called at fixed times."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from counter_app.models import Desk, User
from counter_app.services import queue
from counter_app.services.queue_live import queue_live
from counter_app.services.recording import Actor

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
T0 = datetime(2025, 3, 13, 7, 40, tzinfo=HCM)


def _at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def _officer(db, number: int) -> Actor:
    with db.read() as session:
        desk = session.scalar(select(Desk.id).where(Desk.number == number))
        user = session.scalar(select(User.id).where(User.username == f"canbo{number}"))
    return Actor(user, f"canbo{number}", desk)


def test_an_empty_day_has_every_desk_and_service_and_the_reception_hours(demo_db) -> None:
    live = queue_live(demo_db, _at(0))
    assert [d.number for d in live.desks] == list(range(1, 21))
    assert all(d.ticket is None and d.served == 0 and d.idle_s is None for d in live.desks)
    assert [s.code for s in live.services] == list("ABCDEF")
    assert all(s.waiting == 0 and s.avg_wait_s is None for s in live.services)
    assert live.alerts == []
    assert [h.hour for h in live.hours] == list(range(7, 17))
    assert live.waiting == live.served == live.issued == 0


def test_desks_services_waits_and_service_times(demo_db) -> None:
    one, two = _officer(demo_db, 1), _officer(demo_db, 2)
    a1 = queue.issue_ticket(demo_db, "A", one, now=_at(0)).ticket
    a2 = queue.issue_ticket(demo_db, "A", one, now=_at(2)).ticket
    queue.issue_ticket(demo_db, "A", one, now=_at(4))
    queue.issue_ticket(demo_db, "B", one, now=_at(5))
    # Desk 1 (service A) calls A001 after 10 minutes, serves it 6 minutes, then calls A002.
    assert queue.call_next(demo_db, one.desk_id, one, now=_at(10)).id == a1.id
    queue.start_serving(demo_db, a1.id, one, now=_at(11))
    queue.finish(demo_db, a1.id, one, now=_at(17))
    assert queue.call_next(demo_db, one.desk_id, one, now=_at(18)).id == a2.id
    queue.start_serving(demo_db, a2.id, one, now=_at(19))
    # Desk 2 calls A003 for service A and the citizen does not come.
    a3 = queue.call_next(demo_db, two.desk_id, two, services=["A"], now=_at(20))
    queue.skip(demo_db, a3.id, two, now=_at(22))

    live = queue_live(demo_db, _at(25))
    d1, d2 = live.desks[0], live.desks[1]
    assert (d1.ticket, d1.state, d1.service_code, d1.current_s) == ("A002", "serving", "A", 360)
    assert d1.officer == "Nguyễn Thị Hương" and d1.served == 1 and d1.idle_s is None
    assert (d2.ticket, d2.officer, d2.served, d2.idle_s) == (None, "Hoàng Văn Đức", 0, 180)
    assert live.desks[2].officer is None and live.desks[2].idle_s is None

    a, b = live.services[0], live.services[1]
    assert (a.waiting, a.longest_wait_s, a.served, a.no_shows) == (0, None, 1, 1)
    assert a.avg_wait_s == round((10 + 16 + 16) * 60 / 3)  # called_at - issued_at
    assert a.avg_service_s == 6 * 60  # finished_at - serving_at
    assert (b.waiting, b.longest_wait_s, b.avg_wait_s, b.served) == (1, 20 * 60, None, 0)
    assert live.alerts[0].ticket == "B001" and live.alerts[0].wait_s == 20 * 60
    assert live.waiting == 1 and live.served == 1 and live.issued == 4


def test_an_alert_only_from_the_threshold_on_longest_first(demo_db) -> None:
    one = _officer(demo_db, 1)
    queue.issue_ticket(demo_db, "C", one, now=_at(0))
    queue.issue_ticket(demo_db, "D", one, now=_at(5))
    assert queue_live(demo_db, _at(19.9)).alerts == []
    live = queue_live(demo_db, _at(30))
    assert [(a.ticket, a.service_code, a.wait_s) for a in live.alerts] == [
        ("C001", "C", 30 * 60),
        ("D001", "D", 25 * 60),
    ]
    assert [a.ticket for a in queue_live(demo_db, _at(30), alert_minutes=28).alerts] == ["C001"]
    assert live.alert_minutes == 20


def test_a_transferred_citizen_waits_again_from_the_transfer_and_counts_once(demo_db) -> None:
    one = _officer(demo_db, 1)
    a1 = queue.issue_ticket(demo_db, "A", one, now=_at(0)).ticket
    queue.call_next(demo_db, one.desk_id, one, now=_at(5))
    queue.start_serving(demo_db, a1.id, one, now=_at(6))
    moved = queue.transfer(demo_db, a1.id, one, service_code="E", now=_at(10))
    live = queue_live(demo_db, _at(14))
    e = next(s for s in live.services if s.code == "E")
    assert (e.waiting, e.longest_wait_s) == (1, 4 * 60)  # from the transfer, not from 07:40
    assert live.issued == 1 and moved.display == "A001"
    assert live.desks[0].idle_s == 4 * 60  # the transfer ended desk 1's work on it


def test_hours_count_issued_and_served_in_local_time_and_widen_past_reception(demo_db) -> None:
    one = _officer(demo_db, 1)
    for minutes in (0, 30, 60, 61):  # 07:40, 08:10, 08:40, 08:41
        queue.issue_ticket(demo_db, "A", one, now=_at(minutes))
    t = queue.call_next(demo_db, one.desk_id, one, now=_at(62))
    queue.start_serving(demo_db, t.id, one, now=_at(63))
    queue.finish(demo_db, t.id, one, now=_at(85))  # 09:05
    late = datetime(2025, 3, 13, 17, 45, tzinfo=HCM)
    queue.issue_ticket(demo_db, "B", one, now=late)
    live = queue_live(demo_db, late)
    counts = {h.hour: (h.issued, h.served) for h in live.hours}
    assert counts[7] == (1, 0) and counts[8] == (3, 0) and counts[9] == (0, 1)
    assert counts[17] == (1, 0) and [h.hour for h in live.hours] == list(range(7, 18))


def test_yesterdays_tickets_are_not_today(demo_db) -> None:
    one = _officer(demo_db, 1)
    queue.issue_ticket(demo_db, "A", one, now=_at(-60 * 24))
    live = queue_live(demo_db, _at(0))
    assert live.waiting == 0 and live.issued == 0 and live.alerts == []
