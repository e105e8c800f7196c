"""The supervisor's live view: desks and waits, the alert past the threshold, the day's chart,
refreshing by itself."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from gui_helpers import NOW
from sqlalchemy import select

from counter_app.models import Desk, User
from counter_app.services import queue
from counter_app.services.queue_live import HourCount
from counter_app.ui.context import Changes
from counter_app.ui.pages.supervisor import REFRESH_MS, SupervisorPage
from counter_app.ui.pages.supervisor_chart import HourChart, nice_top
from counter_app.ui.qt import QColor, QImage


class Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


def _page(window) -> SupervisorPage:
    page = window.shell.show_page("supervisor")
    assert isinstance(page, SupervisorPage)
    return page


def _actor(db, number: int):
    from counter_app.services.recording import Actor

    with db.read() as session:
        desk = session.scalar(select(Desk.id).where(Desk.number == number))
        user = session.scalar(select(User.id).where(User.username == f"canbo{number}"))
    return Actor(user, f"canbo{number}", desk)


def test_an_empty_day_shows_every_desk_closed_and_says_what_will_appear(signed_in) -> None:
    window = signed_in("lanhdao")
    page = _page(window)
    assert len(page.desks.cards) == 20
    assert page.desks.cards[1].kind == "closed"
    assert page.quiet.isVisible() and "20 phút" in page.quiet.text()
    assert page.banner.isHidden()
    assert page.services.rowCount() == 6
    assert page.timer.isActive() and page.timer.interval() == REFRESH_MS <= 2000


def test_the_grid_shows_desks_and_waits_and_an_alert_past_the_threshold(signed_in) -> None:
    clock = Clock(NOW)
    window = signed_in("lanhdao", clock=clock)
    page = _page(window)
    db = window.shell.ctx.db
    one = _actor(db, 1)
    a = queue.issue_ticket(db, "A", one, now=NOW - timedelta(minutes=12)).ticket
    queue.issue_ticket(db, "A", one, now=NOW - timedelta(minutes=10))
    queue.call_next(db, one.desk_id, one, now=NOW - timedelta(minutes=4))
    queue.start_serving(db, a.id, one, now=NOW - timedelta(minutes=3))
    window.shell.ctx.announce(Changes(queue=True))  # a write at this window

    card = page.desks.cards[1]
    assert card.kind == "serving" and card.ticket.text() == "A001"
    assert card.time.text() == "03:00" and card.officer.text() == "Nguyễn Thị Hương"
    assert page.services.index(0, 1).data() == "1"  # A002 waits
    assert page.services.index(0, 2).data() == "10 phút"
    assert page.banner.isHidden() and not page.quiet.isVisible()

    clock.at = NOW + timedelta(minutes=10)  # A002 has waited 20 minutes: the threshold
    page.refresh()  # what the timer does
    assert page.banner.isVisible()
    assert "A002" in page.banner.text() and "20 phút" in page.banner.text()
    assert page.services.index(0, 2).data() == "20 phút"
    assert card.time.text() == "13:00"


def test_the_threshold_is_a_setting(signed_in) -> None:
    clock = Clock(NOW)
    window = signed_in("lanhdao", clock=clock, queue_wait_alert_minutes=5)
    page = _page(window)
    db = window.shell.ctx.db
    queue.issue_ticket(db, "B", _actor(db, 1), now=NOW - timedelta(minutes=6))
    page.refresh()
    assert page.banner.isVisible() and "B001" in page.banner.text()


def test_the_timer_refreshes_only_while_the_page_is_shown(signed_in, qtbot) -> None:
    window = signed_in("lanhdao")
    page = _page(window)
    db = window.shell.ctx.db
    queue.issue_ticket(db, "C", _actor(db, 1), now=NOW - timedelta(minutes=1))
    qtbot.waitUntil(lambda: page.services.index(2, 1).data() == "1", timeout=REFRESH_MS + 1000)
    window.shell.show_page("reports")
    assert not page.timer.isActive()


def test_reads_never_overlap(signed_in) -> None:
    window = signed_in("lanhdao")
    page = _page(window)
    calls = []
    page.ctx.read = lambda fn, *a, **kw: calls.append(kw)  # a read that has not answered yet
    page._busy = False
    page.refresh()
    page.refresh()
    page.refresh()
    assert len(calls) == 1 and page._again
    page._loaded(page.live)  # the first read answers: one more read, not two
    assert len(calls) == 2


def test_the_chart_has_a_bar_pair_per_hour_scaled_to_the_busiest(qtbot) -> None:
    chart = HourChart()
    qtbot.addWidget(chart)
    chart.resize(500, 240)
    assert chart.bars() == []
    chart.set_hours([HourCount(7, 4, 0), HourCount(8, 12, 6), HourCount(9, 0, 3)])
    bars = chart.bars()
    assert [(b.hour, b.issued, b.served) for b in bars] == [(7, 4, 0), (8, 12, 6), (9, 0, 3)]
    assert chart.top == 20 and nice_top(0) == 5 and nice_top(51) == 100
    plot = chart.plot()
    assert bars[1].issued_rect.height() == pytest.approx(plot.height() * 12 / 20)
    assert bars[1].served_rect.height() == pytest.approx(bars[1].issued_rect.height() / 2)
    assert bars[0].served_rect.height() == 0
    assert bars[0].issued_rect.right() < bars[0].served_rect.left() < bars[1].issued_rect.left()

    image = QImage(chart.size(), QImage.Format.Format_ARGB32)
    chart.render(image)
    r = bars[1].served_rect
    assert QColor(image.pixel(int(r.center().x()), int(r.center().y()))) == QColor("#1d5fa7")
    above = QColor(image.pixel(int(r.center().x()), int(r.top()) - 3))
    assert above != QColor("#1d5fa7")
