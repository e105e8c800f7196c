"""What the hall display reads: today's status and the latest calls, recalls included."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from counter_app.models import Desk
from counter_app.services import queue
from counter_app.services.queue_status import hall_view
from counter_app.services.recording import Actor

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
T0 = datetime(2025, 3, 13, 8, 0, tzinfo=HCM)


def _actor(db, number: int) -> Actor:
    with db.read() as session:
        return Actor(
            None, f"quầy {number}", session.scalar(select(Desk.id).where(Desk.number == number))
        )


def test_latest_calls_first_and_a_recall_counts_as_a_new_call(demo_db) -> None:
    a1, a2 = _actor(demo_db, 1), _actor(demo_db, 2)
    for i in range(3):
        queue.issue_ticket(demo_db, "A", a1, now=T0 + timedelta(seconds=i))
    first = queue.call_next(demo_db, a1.desk_id, a1, now=T0 + timedelta(minutes=1))
    second = queue.call_next(demo_db, a2.desk_id, a2, now=T0 + timedelta(minutes=2))
    assert first and second
    view = hall_view(demo_db, now=T0 + timedelta(minutes=3))
    assert [(c.display, c.desk_number) for c in view.calls] == [("A002", 2), ("A001", 1)]
    assert {s.code: s.waiting for s in view.status.services}["A"] == 1
    queue.recall(demo_db, first.id, a1, now=T0 + timedelta(minutes=4))
    view = hall_view(demo_db, now=T0 + timedelta(minutes=5))
    assert view.calls[0].ticket_id == first.id
    assert view.calls[0].at == T0 + timedelta(minutes=4)
    queue.start_serving(demo_db, first.id, a1, now=T0 + timedelta(minutes=6))
    view = hall_view(demo_db, now=T0 + timedelta(minutes=7))  # serving: back to its call time
    assert [c.display for c in view.calls] == ["A002", "A001"]


class _Center:
    """A CenterLink that answers with the center's status (migration 0003's JSON)."""

    def run(self, call):
        return True, {
            "business_date": "2025-03-13",
            "services": [{"code": "A", "name": "Đất đai", "waiting": 4}],
            "desks": [
                {"number": 1, "name": "Quầy số 1", "served": 2, "ticket": {
                    "id": "t1", "display": "A010", "state": "serving", "service": "A",
                    "called_at": "2025-03-13T01:00:00+00:00"}},
                {"number": 2, "name": "Quầy số 2", "served": 0, "ticket": None},
                {"number": 3, "name": "Quầy số 3", "served": 1, "ticket": {
                    "id": "t2", "display": "A011", "state": "called", "service": "A",
                    "called_at": "2025-03-13T01:05:00+00:00"}},
            ],
        }  # fmt: skip


def test_from_the_center_its_current_tickets_are_the_calls(demo_db) -> None:
    view = hall_view(demo_db, _Center())  # type: ignore[arg-type]
    assert view.status.online
    assert [(c.display, c.desk_number) for c in view.calls] == [("A011", 3), ("A010", 1)]
    assert view.status.services[0].waiting == 4
