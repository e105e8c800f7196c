"""English: the Linguist file covers every text of the window, and switching shows it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from counter_app.ui.i18n import compiled, install_translators, remove_translators, ts_file
from counter_app.ui.qt import QApplication


@pytest.fixture
def english(qapp: QApplication):
    translators = install_translators(qapp, "en")
    assert translators, "the English translation did not load"
    yield
    remove_translators(qapp, translators)


def test_every_message_is_translated() -> None:
    root = ET.parse(ts_file("en")).getroot()
    assert root.get("sourcelanguage") == "vi"
    unfinished = [
        m.findtext("source")
        for m in root.iter("message")
        if m.find("translation").get("type") == "unfinished"
    ]
    assert unfinished == []


def test_the_compiled_file_is_made_in_the_data_folder() -> None:
    qm = compiled("en")
    assert qm is not None and qm.stat().st_size > 0


def test_english_switches_visible_labels(english, signed_in) -> None:
    window = signed_in("canbo1")
    nav = [b.text() for b in window.shell.nav_buttons.values()]
    assert nav == ["Intake", "Dossiers", "Returns", "Digitization"]
    assert window.shell.title.text() == "Intake"
    assert window.status.sync.text() == "Not connected to a center"
    assert window.status.printer.text() == "Printer: not configured"
    page = window.shell.show_page("dossiers")
    assert page.search.placeholderText().startswith("Dossier code, applicant name")


def test_vietnamese_is_the_source(signed_in) -> None:
    window = signed_in("canbo1")
    assert window.signin.button.text() == "Đăng nhập"
    assert window.shell.title.text() == "Tiếp nhận"
