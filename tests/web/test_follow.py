"""The ticket's QR leads somewhere real: the printed QR decodes to a follow page that a phone
can open, and the page follows the ticket from waiting to called at a desk."""

from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from sqlalchemy import select

from counter_app.models import Desk
from counter_app.printing.escpos_out import PROFILE_80MM
from counter_app.services import queue
from counter_app.services.kiosk import issue_and_print
from counter_app.services.print_queue import PrintWorker, list_jobs
from counter_app.services.queue_follow import follow_ticket
from counter_app.services.recording import Actor
from counter_app.web.follow import FollowServer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "printing"))
from escpos_reader import read_escpos

NOON = datetime(2026, 11, 23, 5, 0, tzinfo=UTC)  # 12:00 in Lạng Sơn


@pytest.fixture
def server(demo_db) -> Iterator[FollowServer]:
    s = FollowServer(demo_db, host="127.0.0.1", port=0).start()
    yield s
    s.stop()


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


def _printed_qrs(db, out: Path) -> list[str]:
    """Send the queued jobs to the file printer `out`; return the QR texts of the last ticket."""
    PrintWorker(db).run_once()
    assert {j.state for j in list_jobs(db)} == {"done"}
    image = read_escpos(out.read_bytes()).image
    assert image is not None
    grey = image.convert("L")
    found = zxingcpp.read_barcodes(grey) or zxingcpp.read_barcodes(
        grey.resize((grey.width * 2, grey.height * 2), Image.Resampling.NEAREST)
    )
    return [r.text for r in found]


def test_the_printed_qr_opens_a_page_that_follows_the_ticket(demo_db, server, tmp_path) -> None:
    template = f"http://127.0.0.1:{server.port}/hang-cho/{{id}}"
    now = datetime.now(UTC)  # a ticket's print expires 5 minutes after it is issued
    first = issue_and_print(demo_db, "A", now=now, follow=template)
    out = tmp_path / "kiosk.bin"
    mine = issue_and_print(
        demo_db, "A", now=now + timedelta(seconds=1), printer_uri=f"file:{out}",
        profile=PROFILE_80MM, follow=template,
    )  # fmt: skip
    (url,) = _printed_qrs(demo_db, out)
    assert url == f"http://127.0.0.1:{server.port}/hang-cho/{mine.ticket.id}"

    status, page = _get(url)
    assert status == 200
    assert mine.ticket.display in page
    assert "Trước bạn còn 1 người chờ" in page

    with demo_db.read() as session:
        desk3 = session.scalar(select(Desk.id).where(Desk.number == 3))
    officer = Actor(None, "Cán bộ quầy 3", desk3)
    assert queue.call_next(demo_db, desk3, officer).id == first.ticket.id
    assert "Không có ai chờ trước bạn" in _get(url)[1]
    assert queue.call_next(demo_db, desk3, officer).id == mine.ticket.id
    status, data = _get(url + ".json")
    assert status == 200
    assert json.loads(data) | {"as_of": None, "issued_at": None} == {
        "ticket": mine.ticket.display,
        "service": mine.service_name,
        "state": "called",
        "headline": "Mời bạn đến quầy số 3 / Please go to desk 3",
        "ahead": None,
        "desk": 3,
        "today": True,
        "issued_at": None,
        "as_of": None,
    }


def test_an_unknown_or_malformed_id_is_a_plain_not_found(server) -> None:
    base = f"http://127.0.0.1:{server.port}"
    for path in (
        "/hang-cho/0190a3c2-5f1e-7c00-8a11-3b9d2e4f5a6b",
        "/hang-cho/../../etc/passwd",
        "/hang-cho/A023",
        "/",
    ):
        status, page = _get(base + path)
        assert status == 404, path
        assert "Không tìm thấy" in page


def test_no_follow_page_means_no_qr_on_the_ticket(demo_db, tmp_path) -> None:
    out = tmp_path / "kiosk.bin"
    issued = issue_and_print(demo_db, "A", now=datetime.now(UTC), printer_uri=f"file:{out}")
    assert issued.follow_url == "" and issued.job is not None
    assert _printed_qrs(demo_db, out) == []


def test_a_ticket_of_yesterday_says_so(demo_db) -> None:
    issued = issue_and_print(demo_db, "B", now=NOON)
    view = follow_ticket(demo_db, issued.ticket.id, now=NOON + timedelta(days=1))
    assert not view.today and view.ahead is None
    today = follow_ticket(demo_db, issued.ticket.id.upper(), now=NOON)
    assert today.today and today.ahead == 0 and today.state == "waiting"
