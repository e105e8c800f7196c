"""The dossiers waiting to be digitized: paper channels, open statuses, no scan yet; this desk's
first or only; newest first; the limit; a scan attached takes a dossier off the list."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from counter_app.domain.status import Channel, Status
from counter_app.scanning import simulate
from counter_app.services.catalog import search_procedures
from counter_app.services.desks import get_desk
from counter_app.services.dossiers import change_status
from counter_app.services.intake import Applicant, IntakeRequest, create_dossier
from counter_app.services.recording import Actor
from counter_app.services.scan_waiting import dossiers_waiting_for_scan
from counter_app.services.scans import attach_scans

VN = ZoneInfo("Asia/Ho_Chi_Minh")
AT = datetime(2025, 3, 12, 8, 0, tzinfo=VN)
DPI = 150


def _receive(db, at: datetime, name: str, desk_id: str | None, channel=Channel.DIRECT) -> str:
    proc = search_procedures(db, "chứng thực", limit=1)[0].code
    applicant = Applicant(name, "020095001234", "0912345678", "Phường Vĩnh Trại")
    req = IntakeRequest(proc, applicant, channel=channel, received_at=at)
    return create_dossier(db, req, Actor(None, "Nguyễn Thị Hương", desk_id), now=at).code


def _codes(db, desk_id=None, **kw) -> list[str]:
    return [d.code for d in dossiers_waiting_for_scan(db, desk_id, **kw).dossiers]


def test_lists_open_paper_dossiers_without_a_scan_newest_first(demo_db) -> None:
    desk1, desk2 = get_desk(demo_db, 1).id, get_desk(demo_db, 2).id
    first = _receive(demo_db, AT, "Trần Văn An", desk1)
    postal = _receive(demo_db, AT + timedelta(minutes=10), "Lê Thị Bình", None, Channel.POSTAL)
    other = _receive(demo_db, AT + timedelta(minutes=20), "Phạm Văn Cường", desk2)
    newest = _receive(demo_db, AT + timedelta(minutes=30), "Hoàng Thị Dung", desk1)
    _receive(demo_db, AT + timedelta(minutes=40), "Online", None, Channel.ONLINE)
    withdrawn = _receive(demo_db, AT + timedelta(minutes=50), "Vũ Văn Em", desk1)
    change_status(demo_db, withdrawn, Status.WITHDRAWN, Actor(None, "x"), reason="Rút")

    assert _codes(demo_db) == [newest, other, postal, first]
    # This desk's first, then the others; only this desk's when asked.
    assert _codes(demo_db, desk1) == [newest, first, other, postal]
    assert _codes(demo_db, desk1, only_desk=True) == [newest, first]

    listed = dossiers_waiting_for_scan(demo_db, desk1)
    top = listed.dossiers[0]
    assert not listed.more
    assert (top.applicant_name, top.channel, top.status) == ("Hoàng Thị Dung", 1, 2)
    assert top.this_desk and not listed.dossiers[2].this_desk
    assert top.received_at == AT + timedelta(minutes=30)
    assert top.received_at.utcoffset() == timedelta(hours=7)  # shown in local time
    assert top.items >= 1 and top.procedure_name and top.department
    assert top.received_by == "Nguyễn Thị Hương"


def test_the_limit_says_there_are_more(demo_db) -> None:
    codes = [_receive(demo_db, AT + timedelta(minutes=n), f"Người {n}", None) for n in range(3)]
    listed = dossiers_waiting_for_scan(demo_db, limit=2)
    assert [d.code for d in listed.dossiers] == codes[:0:-1] and listed.more


def test_a_scanned_dossier_leaves_the_list(demo_db, tmp_path: Path) -> None:
    desk1 = get_desk(demo_db, 1).id
    kept = _receive(demo_db, AT, "Trần Văn An", desk1)
    scanned = _receive(demo_db, AT + timedelta(minutes=5), "Lê Thị Bình", desk1)
    assert _codes(demo_db, desk1, only_desk=True) == [scanned, kept]

    page = tmp_path / "p1.jpg"
    page.write_bytes(simulate.jpeg_bytes(simulate.scanned(simulate.text_page(1, dpi=DPI)), DPI))
    attach_scans(demo_db, scanned, [page], actor=Actor(None, "Nguyễn Thị Hương", desk1), item=1)

    assert _codes(demo_db, desk1, only_desk=True) == [kept]
