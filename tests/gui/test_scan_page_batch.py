"""The scan page's batch split: a real stack (control sheets rendered by the form code, text
pages, an orphan page, a corrupt file) split into the right dossiers, the review tray with its
reasons, assigning a page by a scanned code and discarding one; Cancel during a batch stops it
and nothing is attached."""

from __future__ import annotations

from datetime import datetime

import pytest
from gui_helpers import VN, sign_in
from scan_gui_helpers import new_dossier, write_stack

from counter_app.config import data_dir
from counter_app.services.dossier_records import list_dossier_files
from counter_app.ui.worker import Worker

RECEIVED = datetime(2025, 3, 12, 10, 0, tzinfo=VN)


def _scans(db, code: str) -> list[int | None]:
    return [f.page_count for f in list_dossier_files(db, code) if f.role == "scan"]


def _batch(window):
    page = window.shell.show_page("scan")
    page.tabs.setCurrentWidget(page.batch)
    page.batch.workers = 0
    return page


def test_a_stack_lands_in_its_dossiers_and_the_rest_in_review(signed_in, demo_db, tmp_path):
    window = signed_in("canbo1", scan_dpi=200)
    first, second = new_dossier(demo_db, RECEIVED), new_dossier(demo_db, RECEIVED, "Lê Thị Bình")
    write_stack(tmp_path / "stack", [first, second], pages_each=2)
    page = _batch(window)
    page.batch.set_inputs([str(tmp_path / "stack")])
    page.batch.start()

    assert _scans(demo_db, first) == [2] and _scans(demo_db, second) == [2]
    summary = [page.batch.summary.item(i).text() for i in range(page.batch.summary.count())]
    assert summary == [f"{first} → 2 trang", f"{second} → 2 trang"]
    assert page.batch.progress.value() == page.batch.progress.maximum() == 7
    tray = page.batch.review
    texts = [tray.list.item(i).text() for i in range(tray.list.count())]
    assert texts[0] == "scan_000.jpg (1) — trang trước phiếu kiểm soát đầu tiên"
    assert texts[1] == "scan_007.jpg — tệp hỏng hoặc không đọc được"
    assert "(2 )" not in tray.heading.text() and tray.heading.text().endswith("(2)")

    tray.list.item(1).setSelected(True)  # the corrupt file cannot go into a dossier
    assert page.handle_scan(second)
    assert not tray.assign_button.isEnabled() and tray.discard_button.isEnabled()
    tray.discard()
    assert tray.list.count() == 1

    review = data_dir() / "scans" / "review"
    assert len(list(review.rglob("*.pdf"))) == 1  # the orphan's page, waiting in the tray
    tray.list.item(0).setSelected(True)  # the orphan: the officer scans its dossier's code
    assert page.handle_scan(second)
    assert tray.code.text() == second and tray.assign_button.isEnabled()
    tray.assign_button.click()
    assert tray.list.count() == 0
    assert _scans(demo_db, second) == [2, 1]
    assert _scans(demo_db, first) == [2]
    # In its dossier now: no copy of the citizen's page stays behind in the review folder.
    assert list(review.rglob("*")) == []


def test_review_pages_wait_across_batches_and_discarded_ones_leave_no_file(
    signed_in, demo_db, tmp_path
):
    window = signed_in("canbo1", scan_dpi=200)
    code = new_dossier(demo_db, RECEIVED)
    page = _batch(window)
    for n in (1, 2):  # two stacks, each with one page before its first control sheet
        write_stack(tmp_path / f"stack{n}", [code], pages_each=1)
        page.batch.set_inputs([str(tmp_path / f"stack{n}")])
        page.batch.start()
    tray = page.batch.review
    assert tray.list.count() == 4 and tray.heading.text().endswith("(4)")  # nothing dropped
    review = data_dir() / "scans" / "review"
    readable = [i for i in range(tray.list.count()) if tray.pages()[i].pdf is not None]
    pdfs = {tray.pages()[i].pdf for i in readable}
    assert pdfs and all(pdf.exists() for pdf in pdfs)
    for i in readable:
        tray.list.item(i).setSelected(True)
    tray.discard()
    assert not any(pdf.exists() for pdf in pdfs)
    assert [p for p in review.rglob("*") if p.is_file()] == []


def test_a_review_page_for_an_unknown_code_says_so(signed_in, demo_db, tmp_path):
    window = signed_in("canbo1", scan_dpi=200)
    known = new_dossier(demo_db, RECEIVED)
    unknown = known[:-4] + "0999"
    write_stack(tmp_path / "stack", [known, unknown], pages_each=1)
    page = _batch(window)
    page.batch.set_inputs([str(tmp_path / "stack")])
    page.batch.start()
    texts = [page.batch.review.list.item(i).text() for i in range(page.batch.review.list.count())]
    assert f"mã hồ sơ không có trong hệ thống: {unknown}" in texts[1]
    assert _scans(demo_db, known) == [1]


@pytest.fixture
def threads():
    w = Worker()
    yield w
    w.shutdown()


def test_cancel_stops_the_batch_and_attaches_nothing(
    threads, qtbot, make_window, demo_passwords, demo_db, tmp_path
):
    window = make_window(scan_dpi=200, threads=threads)
    sign_in(window, "canbo1", demo_passwords["canbo1"])
    qtbot.waitUntil(lambda: window.current_screen == "shell", timeout=10_000)
    codes = [new_dossier(demo_db, RECEIVED), new_dossier(demo_db, RECEIVED, "Lê Thị Bình")]
    write_stack(tmp_path / "stack", codes, pages_each=5)
    page = _batch(window)
    page.batch.set_inputs([str(tmp_path / "stack")])
    page.batch.start()
    assert page.batch.running and not page.batch.start_button.isEnabled()
    qtbot.waitUntil(lambda: page.batch.progress.value() >= 2, timeout=60_000)
    page.batch.cancel_button.click()
    qtbot.waitUntil(lambda: not page.batch.running, timeout=60_000)

    assert page.batch.state.text() == "Đã hủy: không hồ sơ nào được thay đổi."
    assert all(_scans(demo_db, code) == [] for code in codes)
    assert not (data_dir() / "scans" / "review").exists()  # no review files left either
    assert page.batch.start_button.isEnabled()


def test_the_window_reads_the_database_while_a_batch_is_being_read(
    threads, qtbot, make_window, demo_passwords, demo_db, tmp_path
):
    """A long stack does not hold the window's database lane: another page's read answers
    while the pages are still being cleaned, and the batch still lands."""
    window = make_window(scan_dpi=200, threads=threads)
    sign_in(window, "canbo1", demo_passwords["canbo1"])
    qtbot.waitUntil(lambda: window.current_screen == "shell", timeout=10_000)
    codes = [new_dossier(demo_db, RECEIVED), new_dossier(demo_db, RECEIVED, "Lê Thị Bình")]
    write_stack(tmp_path / "stack", codes, pages_each=5)
    page = _batch(window)
    page.batch.set_inputs([str(tmp_path / "stack")])
    page.batch.start()
    qtbot.waitUntil(lambda: page.batch.progress.value() >= 1, timeout=60_000)
    answered: list[int] = []
    window.ctx.read(
        lambda db: len(list_dossier_files(db, codes[0])),
        on_success=answered.append,
        owner=page,
    )
    qtbot.waitUntil(lambda: answered != [], timeout=10_000)
    assert page.batch.running  # the read came back while the stack was still being read
    qtbot.waitUntil(lambda: not page.batch.running, timeout=120_000)
    assert _scans(demo_db, codes[0]) == [5] and _scans(demo_db, codes[1]) == [5]
