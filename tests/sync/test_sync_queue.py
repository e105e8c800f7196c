"""The queue at the center (real PostgreSQL): numbers, the atomic call, the state machine, the
center's business date, and desks that go offline and sync (SYNC.md failure tests 10 and 11)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import uuid
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from time import sleep

import psycopg
import pytest
from sqlalchemy import func, select

from counter_app.domain.errors import InvalidInput, NotAllowed, NotFound
from counter_app.domain.queue import TICKET_STATES_SETTABLE, TRANSITIONS
from counter_app.models import OutboxOp, QueueTicket
from counter_app.services import queue
from counter_app.services.sync import CenterClient, CenterRefused, sync_once
from counter_app.services.sync.link import CenterLink

from .conftest import HCM

pytestmark = pytest.mark.pg

DEAD_URL = "postgresql://nobody@127.0.0.1:9/none"  # port 9 (discard): refused at once


def _desk_id(center_url: str, number: int) -> str:
    with psycopg.connect(center_url) as conn:
        return conn.execute("SELECT id FROM desks WHERE number = %s", (number,)).fetchone()[0]


def _center_today(center_url: str) -> date:
    with psycopg.connect(center_url) as conn:
        return conn.execute("SELECT (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date").fetchone()[0]


def _offline(desk) -> CenterLink:
    """A link whose center cannot be reached (a cable pulled out)."""
    return CenterLink(CenterClient(DEAD_URL, desk.desk_id, timeout=5))


def _sync(*desks) -> None:
    for _ in range(2):  # the second round brings each desk what the others pushed
        for desk in desks:
            with desk.client() as client:
                report = sync_once(desk.db, client)
            assert report.push.quarantined == 0 and not report.push.gap


def test_center_numbers_each_service_and_the_desk_keeps_a_copy_without_an_outbox_op(
    make_desk, center_url
) -> None:
    one, two = make_desk(1), make_desk(2)
    link = CenterLink(one.client())
    a1 = queue.issue_ticket(one.db, "A", one.actor, center=link)
    a2 = queue.issue_ticket(one.db, "a", one.actor, center=link)
    b1 = queue.issue_ticket(one.db, "B", one.actor, center=link, priority="elderly")
    assert [t.ticket.display for t in (a1, a2, b1)] == ["A001", "A002", "B001"]
    assert [t.ahead for t in (a1, a2, b1)] == [0, 1, 0]
    assert a1.ticket.online and a1.ticket.series == ""
    assert a1.ticket.business_date == _center_today(center_url)
    with one.db.read() as session:
        assert session.scalar(select(func.count(QueueTicket.id))) == 3
        assert session.scalar(select(func.count(OutboxOp.op_id))) == 0
    _sync(one, two)
    with two.db.read() as session:
        assert set(session.scalars(select(QueueTicket.display))) == {"A001", "A002", "B001"}
    with psycopg.connect(center_url) as conn:
        assert conn.execute("SELECT count(*) FROM queue_tickets").fetchone()[0] == 3
    with pytest.raises(NotFound, match="Z"):
        queue.issue_ticket(one.db, "Z", one.actor, center=link)
    with one.client() as client:
        with pytest.raises(InvalidInput):
            client.issue_ticket("A", "vip", str(uuid.uuid4()))
        ticket_id = str(uuid.uuid4())
        first = client.issue_ticket("C", "", ticket_id)
        again = client.issue_ticket("C", "", ticket_id)  # the reply of the first was "lost"
        assert again["display"] == first["display"] == "C001"
        assert client.issue_ticket("C", "", str(uuid.uuid4()))["display"] == "C002"
    link.close()

    # The command line on a joined desk goes to the center (issue 7, part 6).
    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "counter_app", "--db", str(one.path), "queue", *args],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip

    issued = json.loads(cli("issue", "C", "--priority", "disabled", "--json").stdout)
    assert (issued["ticket"], issued["service"], issued["ahead"]) == ("C003", "C", 0)
    assert issued["online"] is True
    called = json.loads(cli("call", "--desk", "1", "--json").stdout)
    assert (called["ticket"], called["desk"]) == ("A001", 1)
    with pytest.raises(NotAllowed, match="quầy của mình"):  # desk 1 cannot call for desk 2
        queue.call_next(one.db, two.desk_id, one.actor, center=CenterLink(one.client()))


def test_the_business_date_is_the_centers_date_in_ho_chi_minh_whatever_the_session_zone(
    desk_account, center_url
) -> None:
    """At any hour one of the two zones (UTC+14, UTC-12) has another date than Hồ Chí Minh
    City: a function that used current_date (the session's zone) or the UTC date fails."""
    url = desk_account(1)
    desk_id = _desk_id(center_url, 1)
    for zone in ("Etc/GMT-14", "Etc/GMT+12"):
        before = _center_today(center_url)
        with psycopg.connect(url, options=f"-c TimeZone={zone}", autocommit=True) as conn:
            row = conn.execute(
                "SELECT center_issue_ticket(%s, 'A', '', %s)", (desk_id, str(uuid.uuid4()))
            ).fetchone()[0]
        assert date.fromisoformat(row["business_date"]) in {before, _center_today(center_url)}


def test_numbers_restart_each_business_date_and_yesterday_stays(make_desk, center_url) -> None:
    one = make_desk(1)
    today = _center_today(center_url)
    with psycopg.connect(center_url) as conn:  # yesterday: 57 tickets of A, one never called
        service = conn.execute("SELECT id FROM queue_services WHERE code = 'A'").fetchone()[0]
        conn.execute(
            "INSERT INTO queue_counters VALUES (%s, %s, '', 57)", (service, today - timedelta(1))
        )
        conn.execute(
            "INSERT INTO queue_tickets (id, service_id, business_date, series, number, display, "
            "priority, state, issued_at, created_at, updated_at, version) VALUES ('old', %s, %s, "
            "'', 57, 'A057', '', 'waiting', now() - interval '1 day', now(), now(), 1)",
            (service, today - timedelta(1)),
        )
    link = CenterLink(one.client())
    issued = queue.issue_ticket(one.db, "A", one.actor, center=link)
    assert (issued.ticket.display, issued.ticket.business_date) == ("A001", today)
    assert issued.ahead == 0  # yesterday's citizen is not ahead of anyone today
    assert queue.call_next(one.db, one.desk_id, one.actor, center=link).id == issued.ticket.id
    assert queue.call_next(one.db, one.desk_id, one.actor, center=link) is None
    with psycopg.connect(center_url) as conn:
        assert conn.execute("SELECT state FROM queue_tickets WHERE id = 'old'").fetchone() == (
            "waiting",
        )
    link.close()


def test_call_next_priority_first_then_issue_order_and_the_state_machine(
    make_desk, center_url
) -> None:
    one, four = make_desk(1), make_desk(4)  # desk 1 serves A, desk 4 serves B (demo center)
    l1, l4 = CenterLink(one.client()), CenterLink(four.client())
    first = queue.issue_ticket(one.db, "A", one.actor, center=l1).ticket
    second = queue.issue_ticket(one.db, "A", one.actor, center=l1).ticket
    old = queue.issue_ticket(one.db, "A", one.actor, center=l1, priority="elderly")
    assert old.ahead == 0  # a priority ticket goes before the two ordinary ones
    b_ticket = queue.issue_ticket(one.db, "B", one.actor, center=l1).ticket
    calls = [queue.call_next(one.db, one.desk_id, one.actor, center=l1) for _ in range(3)]
    assert [c.display for c in calls] == [old.ticket.display, first.display, second.display]
    assert all(c.state == "called" and c.desk_number == 1 for c in calls)
    assert queue.call_next(one.db, one.desk_id, one.actor, center=l1) is None  # B is not desk 1's

    t = calls[0]
    assert queue.recall(one.db, t.id, one.actor, center=l1).state == "called"
    with pytest.raises(NotAllowed, match="quầy 1"):  # desk 4 cannot finish desk 1's citizen
        queue.start_serving(four.db, t.id, four.actor, center=l4)
    assert queue.start_serving(one.db, t.id, one.actor, center=l1).state == "serving"
    with pytest.raises(NotAllowed, match="serving"):
        queue.skip(one.db, t.id, one.actor, center=l1)
    assert queue.finish(one.db, t.id, one.actor, center=l1).state == "done"
    with pytest.raises(NotAllowed):
        queue.finish(one.db, t.id, one.actor, center=l1)
    assert queue.skip(one.db, calls[1].id, one.actor, center=l1).state == "no_show"

    moved = queue.transfer(one.db, calls[2].id, one.actor, service_code="B", center=l1)
    assert (moved.display, moved.service_code, moved.state) == (second.display, "B", "waiting")
    # The citizen keeps the place of the original ticket: before B's later ticket.
    got = queue.call_next(four.db, four.desk_id, four.actor, center=l4)
    assert got.id == moved.id
    assert queue.call_next(four.db, four.desk_id, four.actor, center=l4).id == b_ticket.id
    to_desk = queue.transfer(four.db, b_ticket.id, four.actor, to_desk=1, center=l4)
    assert queue.call_next(one.db, one.desk_id, one.actor, center=l1).id == to_desk.id
    status = queue.queue_status(one.db, l1)
    assert status.online
    now_at = {d.number: d.ticket for d in status.desks}
    assert (now_at[1], now_at[4], now_at[2]) == (b_ticket.display, second.display, None)
    assert {s.code: s.waiting for s in status.services} == dict.fromkeys("ABCDEF", 0)

    # Called at the center, then the link drops: served and finished offline, and the center
    # learns it at the next sync.
    queue.issue_ticket(one.db, "A", one.actor, center=l1)
    called = queue.call_next(one.db, one.desk_id, one.actor, center=l1)
    off = _offline(one)
    assert queue.start_serving(one.db, called.id, one.actor, center=off).state == "serving"
    assert not off.online  # the failure keeps the desk offline for the grace period
    assert queue.finish(one.db, called.id, one.actor, center=off).state == "done"
    _sync(one)
    with psycopg.connect(center_url) as conn:
        assert conn.execute(
            "SELECT state, serving_at IS NOT NULL, finished_at IS NOT NULL FROM queue_tickets "
            "WHERE id = %s",
            (called.id,),
        ).fetchone() == ("done", True, True)
    for link in (l1, l4):
        link.close()


def test_the_centers_state_machine_is_the_domains(desk_account, center_url) -> None:
    client = CenterClient(desk_account(1), _desk_id(center_url, 1))
    for current in TRANSITIONS:
        for new in TICKET_STATES_SETTABLE:
            ticket_id = client.issue_ticket("D", "", str(uuid.uuid4()))["id"]
            with psycopg.connect(center_url) as conn:
                conn.execute(
                    "UPDATE queue_tickets SET state = %s, desk_id = %s WHERE id = %s",
                    (current, client.desk_id, ticket_id),
                )
            try:
                client.set_ticket_state(ticket_id, new)
                allowed = True
            except NotAllowed:
                allowed = False
            assert allowed == (new in TRANSITIONS[current]), (current, new)
    client.close()
    # Desk 1's role pretending to be desk 2 is refused by every queue function.
    with CenterClient(desk_account(1), _desk_id(center_url, 2)) as client:
        for call in (
            lambda: client.call_next(["A"]),
            lambda: client.issue_ticket("A", "", str(uuid.uuid4())),
            lambda: client.set_ticket_state(ticket_id, "cancelled"),
            client.queue_status,
        ):
            with pytest.raises(CenterRefused):
                call()


def test_many_desks_calling_at_once_call_every_ticket_exactly_once(desk_account, center_url):
    """SYNC.md test 10: 20 desks claim from one service while 4 kiosks issue into it."""
    # Four desks with their own roles, sixteen through the owner's connection (admin tools may
    # act for any desk): the claim is the same function either way; roles cost time to create.
    desks = [
        (desk_account(n) if n <= 4 else center_url, _desk_id(center_url, n)) for n in range(1, 21)
    ]
    kiosk_url, kiosk_id = desks[0]
    pre, per_kiosk, kiosks = 100, 50, 4
    with CenterClient(kiosk_url, kiosk_id) as client:
        issued = [client.issue_ticket("A", "", str(uuid.uuid4()))["id"] for _ in range(pre)]
    lock = threading.Lock()
    claims: list[tuple[str, str]] = []
    errors: list[BaseException] = []
    issuing_done = threading.Event()
    start = threading.Barrier(len(desks) + kiosks)

    def kiosk() -> None:
        try:
            with CenterClient(kiosk_url, kiosk_id) as client:
                start.wait()
                for i in range(per_kiosk):
                    priority = "elderly" if i % 10 == 0 else ""
                    row = client.issue_ticket("A", priority, str(uuid.uuid4()))
                    with lock:
                        issued.append(row["id"])
        except BaseException as exc:
            errors.append(exc)

    def desk(url: str, desk_id: str) -> None:
        try:
            with CenterClient(url, desk_id) as client:
                start.wait()
                while True:
                    done = issuing_done.is_set()
                    row = client.call_next(["A"])
                    if row is None:
                        if done:
                            return
                        sleep(0.002)  # nobody waits yet: let the kiosks issue
                        continue
                    assert row["desk_id"] == desk_id and row["state"] == "called"
                    with lock:
                        claims.append((row["id"], desk_id))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=kiosk) for _ in range(kiosks)]
    callers = [threading.Thread(target=desk, args=d) for d in desks]
    for t in threads + callers:
        t.start()
    for t in threads:
        t.join(60)
    issuing_done.set()
    for t in callers:
        t.join(60)
    assert not errors, errors
    total = pre + per_kiosk * kiosks
    claimed = Counter(ticket for ticket, _ in claims)
    assert len(issued) == total and len(set(issued)) == total
    assert set(claimed) == set(issued)  # none skipped
    assert max(claimed.values()) == 1  # none called twice
    assert len({d for _, d in claims}) > 1  # the desks really competed
    with psycopg.connect(center_url) as conn:
        numbers = [r[0] for r in conn.execute("SELECT number FROM queue_tickets ORDER BY number")]
        by_center = dict(conn.execute("SELECT id, desk_id FROM queue_tickets").fetchall())
        states = conn.execute("SELECT DISTINCT state FROM queue_tickets").fetchall()
    assert numbers == list(range(1, total + 1))  # never a number twice, none lost
    assert by_center == dict(claims)  # the center agrees with what each desk was told
    assert states == [("called",)]


def test_two_desks_offline_for_a_day_then_sync_without_collisions(make_desk, center_url):
    """SYNC.md test 11: two desks offline issue and call one service from their own series
    across local midnight, then sync; the center and both desks end with every ticket once."""
    one, two = make_desk(1), make_desk(2)  # both serve A
    online_one = CenterLink(one.client())
    before = queue.issue_ticket(one.db, "A", one.actor, center=online_one).ticket  # A001
    _sync(one, two)  # both desks hold the center's A001 (waiting)
    off1, off2 = _offline(one), _offline(two)
    today = before.business_date  # the center's day: the offline desks live the same day
    day = datetime.combine(today, time(8, 0), HCM)
    made: dict[int, list[str]] = {1: [], 2: []}
    for i in range(6):  # interleaved: the same service, the same day, two desks
        for desk, link in ((one, off1), (two, off2)):
            at = day + timedelta(minutes=10 * i)
            t = queue.issue_ticket(desk.db, "A", desk.actor, center=link, now=at).ticket
            assert not t.online and t.business_date == today
            made[desk.number].append(t.display)
    assert made[1] == [f"A-1·{n:03d}" for n in range(1, 7)]
    assert made[2] == [f"A-2·{n:03d}" for n in range(1, 7)]
    # Offline a desk calls only its own series: never the center's A001 (issued before all of
    # them, and waiting on this desk too), never desk 2's.
    at = day + timedelta(hours=2)
    called = [
        queue.call_next(one.db, one.desk_id, one.actor, center=off1, now=at) for _ in range(2)
    ]
    assert [c.display for c in called] == ["A-1·001", "A-1·002"]
    queue.start_serving(one.db, called[0].id, one.actor, center=off1, now=at)
    queue.finish(one.db, called[0].id, one.actor, center=off1, now=at + timedelta(minutes=5))
    # Midnight, local time: 23:30 and 00:10 are one UTC date, two business dates.
    late = datetime.combine(today, time(23, 30), HCM)
    early = datetime.combine(today + timedelta(1), time(0, 10), HCM)
    assert late.astimezone(UTC).date() == early.astimezone(UTC).date()
    t_late = queue.issue_ticket(one.db, "A", one.actor, center=off1, now=late).ticket
    t_early = queue.issue_ticket(one.db, "A", one.actor, center=off1, now=early).ticket
    assert (t_late.display, t_late.business_date) == ("A-1·007", today)
    assert (t_early.display, t_early.business_date) == ("A-1·001", today + timedelta(1))

    _sync(one, two)
    with psycopg.connect(center_url) as conn:
        rows = conn.execute(
            "SELECT display, business_date, series, number, state FROM queue_tickets"
        ).fetchall()
    assert len(rows) == 1 + 6 + 6 + 2
    displays = Counter(r[0] for r in rows)
    assert displays.pop("A-1·001") == 2  # today's first and the next day's first: history kept
    assert max(displays.values()) == 1
    assert {r[2] for r in rows} == {"", "1", "2"}
    states = {(r[0], r[1]): r[4] for r in rows}
    assert states[("A-1·001", today)] == "done"
    assert states[("A-1·002", today)] == "called"
    for desk in (one, two):
        with desk.db.read() as session:
            assert session.scalar(select(func.count(QueueTicket.id))) == len(rows)
            assert set(session.scalars(select(OutboxOp.state))) <= {"acked"}
    # Desk 2's tickets reached the center: desk 2, still offline, may no longer call them
    # (another desk may claim them there) ...
    assert queue.call_next(two.db, two.desk_id, two.actor, center=off2, now=at) is None
    # ... and desk 1, back online, calls every waiting ticket of today once, whoever issued it.
    got = []
    while (t := queue.call_next(one.db, one.desk_id, one.actor, center=online_one)) is not None:
        got.append(t.display)
    assert sorted(got) == sorted([before.display, *made[1][2:], "A-1·007", *made[2]]), got
    online_one.close()


def test_a_recall_at_the_center_is_a_new_call_on_the_hall_display(make_desk, center_url) -> None:
    from counter_app.services.queue_status import hall_view

    one, two = make_desk(1), make_desk(2)
    links = {1: CenterLink(one.client()), 2: CenterLink(two.client())}
    with psycopg.connect(center_url) as conn:  # one service both desks serve
        service = conn.execute(
            "SELECT s.code FROM queue_services s JOIN desk_services a ON a.service_id = s.id "
            "JOIN desk_services b ON b.service_id = s.id WHERE a.desk_id = %s AND b.desk_id = %s "
            "ORDER BY s.code LIMIT 1",
            (one.desk_id, two.desk_id),
        ).fetchone()
    code = service[0] if service else "A"
    for _ in range(2):
        queue.issue_ticket(one.db, code, one.actor, center=links[1])
    first = queue.call_next(one.db, one.desk_id, one.actor, center=links[1])
    sleep(0.01)
    second = queue.call_next(two.db, two.desk_id, two.actor, center=links[2])
    assert first and second
    view = hall_view(one.db, links[1])
    assert [c.display for c in view.calls[:2]] == [second.display, first.display]
    sleep(0.01)
    queue.recall(one.db, first.id, one.actor, center=links[1])
    view = hall_view(one.db, links[1])
    assert view.calls[0].display == first.display  # called again: first, with a new time
    assert view.calls[0].at > view.calls[1].at


def test_a_pull_page_read_before_a_no_show_does_not_bring_the_call_back(make_desk) -> None:
    """The desk's sync round and the officer's keys run side by side: a page of changes the
    round read while the ticket was still "called" may be applied after the no-show's answer
    was stored. The desk keeps the newer state, and the officer can call the next number."""
    from counter_app.models import SyncState
    from counter_app.services.queue_desk import desk_queue
    from counter_app.services.sync.pull import PullReport, _apply_page

    one = make_desk(1)
    link = CenterLink(one.client())
    issued = queue.issue_ticket(one.db, "A", one.actor, center=link)
    called = queue.call_next(one.db, one.desk_id, one.actor, center=link)
    assert called is not None and called.id == issued.ticket.id
    with one.db.read() as session:
        cursor = session.get(SyncState, 1).pull_cursor_id
    with one.client() as client:
        stale = client.pull(cursor, 500)  # read by the round: the ticket is "called"
    assert any(c["data"].get("state") == "called" for c in stale["changes"])
    queue.skip(one.db, called.id, one.actor, center=link)
    assert desk_queue(one.db, one.desk_id, link).current is None
    _apply_page(one.db, cursor, int(stale["last_id"]), stale["changes"], PullReport())
    with one.db.read() as session:
        assert session.get(QueueTicket, called.id).state == "no_show"
    assert desk_queue(one.db, one.desk_id, link).current is None
