"""The barcode wedge: a scanner typing fast anywhere opens the dossier; a person typing is left
alone; a code garbled by Unikey/Telex is explained; a CCCD payload goes to the intake page."""

from __future__ import annotations

import pytest
from gui_helpers import FakeClock, type_keys
from PySide6.QtTest import QTest

from counter_app.services.catalog import search_procedures
from counter_app.services.intake import Applicant, IntakeRequest, create_dossier
from counter_app.services.recording import Actor
from counter_app.ui.qt import QLineEdit, Qt
from counter_app.ui.scans import ScanKind, classify_scan
from counter_app.ui.wedge import BarcodeWedge, ScanDetector

CCCD = "020095001234|123456789|Trần Văn An|01021995|Nam|Phường Vĩnh Trại, Lạng Sơn|15082021"


@pytest.fixture
def code(demo_db) -> str:
    proc = search_procedures(demo_db, "chứng thực", limit=1)[0].code
    return create_dossier(
        demo_db, IntakeRequest(proc, Applicant("Trần Văn An")), Actor(None, "Nguyễn Thị Hương")
    ).code


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def _window(signed_in, clock):
    window = signed_in("canbo1")
    window.wedge.clock = clock
    return window


# --- the rules, without Qt -------------------------------------------------------------------


def test_detector_takes_a_fast_burst_ending_in_enter() -> None:
    d = ScanDetector()
    for i, ch in enumerate("ABC-123456"):
        d.text(ch, 1000 + 5 * i)
    assert d.enter(1000 + 5 * 10) == "ABC-123456"


def test_detector_ignores_slow_typing_short_bursts_and_a_late_enter() -> None:
    d = ScanDetector()
    for i, ch in enumerate("ABC-123456"):
        d.text(ch, 1000 + 80 * i)
    assert d.enter(1000 + 80 * 10) is None
    for i, ch in enumerate("12345"):
        d.text(ch, 5000 + 5 * i)
    assert d.enter(5025) is None  # 5 characters: too short
    for i, ch in enumerate("1234567"):
        d.text(ch, 9000 + 5 * i)
    assert d.enter(9500) is None  # Enter long after the burst: a person pressed it


def test_a_pause_restarts_the_burst_and_backspace_follows_an_input_method() -> None:
    d = ScanDetector()
    d.text("x", 0)  # a key long before: not part of the scan
    # Unikey in Telex mode: the scanner types "dd"; Unikey swallows the second "d", sends a
    # Backspace and types "đ" instead.
    d.text("d", 500)
    d.backspace(505)
    d.text("đ", 507)
    for i, ch in enumerate("H-250312"):
        d.text(ch, 510 + 5 * i)
    assert d.enter(560) == "đH-250312"
    d.text("a", 1000)
    d.backspace(1200)  # a person's correction: the burst is over
    assert d.chars == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("000.00.06.H56-250312-0001", ScanKind.DOSSIER_CODE),
        ("H39/2025/000123", ScanKind.DOSSIER_CODE),
        (CCCD, ScanKind.CCCD),
        ("000.00.06.Hâ56-250312-0001", ScanKind.GARBLED),
        ("đơn-250312-0001", ScanKind.GARBLED),
        ("HELLO-WORLD", ScanKind.OTHER),
        ("8934567890123 4", ScanKind.OTHER),
    ],
)
def test_classify_scan(text: str, kind: ScanKind) -> None:
    assert classify_scan(text) is kind


# --- in the window ---------------------------------------------------------------------------


def test_a_fast_scan_anywhere_opens_the_dossier(signed_in, code, clock) -> None:
    window = _window(signed_in, clock)
    assert window.shell.current_id() == "intake"
    type_keys(window.shell.current_page(), code, clock, gap_ms=8)
    assert window.shell.current_id() == "dossiers"
    page = window.shell.current_page()
    assert page.detail.code == code


def test_a_real_fast_scan_with_qtest(qtbot, signed_in, code) -> None:
    window = signed_in("canbo1")  # the real clock
    # The real event path; the timing rule itself is tested above with a fake clock (a loaded
    # test machine may pause QTest's 1 ms between keys well past 30 ms).
    window.wedge.detector.max_gap_ms = 500
    target = window.shell.current_page()
    with qtbot.waitSignal(window.wedge.scanned, timeout=3000) as got:
        QTest.keyClicks(target, code, delay=1)
        QTest.keyClick(target, Qt.Key.Key_Return, delay=1)
    assert got.args == [code]
    assert window.shell.current_page().detail.code == code


def test_a_slow_typist_is_not_a_scanner(signed_in, code, clock) -> None:
    window = _window(signed_in, clock)
    page = window.shell.show_page("dossiers")
    fired: list[str] = []
    window.wedge.scanned.connect(fired.append)
    type_keys(page.search, code, clock, gap_ms=90)  # ~110 words a minute: a fast person
    assert fired == []
    assert page.search.text() == code  # the text stays where it was typed
    assert page.detail.code == code  # and Enter did what Enter does there: search


def test_a_scan_into_a_field_is_taken_back_out(qtbot, clock) -> None:
    from counter_app.ui.qt import QApplication

    wedge = BarcodeWedge(clock=clock)
    QApplication.instance().installEventFilter(wedge)
    try:
        edit = QLineEdit("Nguyễn ")
        qtbot.addWidget(edit)
        edit.setCursorPosition(len(edit.text()))
        got: list[str] = []
        wedge.scanned.connect(got.append)
        type_keys(edit, "000.00.06.H56-250312-0001", clock, gap_ms=5)
        assert got == ["000.00.06.H56-250312-0001"]
        assert edit.text() == "Nguyễn "
        password = QLineEdit()
        password.setEchoMode(QLineEdit.EchoMode.Password)
        qtbot.addWidget(password)
        type_keys(password, "secret-password", clock, gap_ms=5)
        assert len(got) == 1  # a password field is never watched
    finally:
        QApplication.instance().removeEventFilter(wedge)


def test_a_telex_garbled_scan_is_explained(signed_in, clock) -> None:
    window = _window(signed_in, clock)
    type_keys(window.shell.current_page(), "000.00.06.Hâ56-250312-0001", clock, gap_ms=6)
    text = window.shell.bar.text()
    assert window.shell.bar.kind == "warning"
    assert "bộ gõ tiếng Việt" in text and "Unikey" in text and "tiếng Anh" in text
    assert window.shell.current_id() == "intake"  # nothing was opened


def test_a_cccd_payload_is_offered_to_the_intake_page(qtbot, signed_in, clock) -> None:
    window = _window(signed_in, clock)
    window.shell.show_page("dossiers")
    with qtbot.waitSignal(window.ctx.cccd_scanned) as got:
        window.wedge.scanned.emit(CCCD)
    assert got.args == [CCCD]
    assert window.shell.current_id() == "intake"
    assert window.shell.current_page().last_cccd == CCCD


def test_scans_are_ignored_while_locked(signed_in, code, clock) -> None:
    window = _window(signed_in, clock)
    window.lock()
    type_keys(window.lock_screen, code, clock, gap_ms=5)
    assert window.current_screen == "lock"
    assert "dossiers" not in window.shell.pages
