"""Drafts: atomic JSON files in the data folder, saved off the GUI thread after a pause in
typing, and offered back when the same user signs in again."""

from __future__ import annotations

import json

import pytest

from counter_app.config import data_dir
from counter_app.services.drafts import clear_draft, drafts_dir, load_draft, save_draft
from counter_app.ui.drafts import DraftKeeper, draft_name
from counter_app.ui.qt import QMessageBox

# A QMessageBox fixes its own size; Qt's offscreen platform warns that it cannot pass size hints
# on (a limit of the test platform, not of the window).
offscreen_box = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

DATA = {"procedure": "1.002809", "applicant": {"full_name": "Trần Văn An"}, "items": [1, 2]}


def test_round_trip_is_atomic_and_in_the_data_folder() -> None:
    path = save_draft("intake.canbo1", DATA)
    assert path.parent == data_dir() / "drafts" == drafts_dir()
    assert load_draft("intake.canbo1") == DATA
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1
    save_draft("intake.canbo1", {"step": 2})
    assert load_draft("intake.canbo1") == {"step": 2}
    assert [p.name for p in drafts_dir().iterdir()] == ["intake.canbo1.json"]  # no temp left
    clear_draft("intake.canbo1")
    clear_draft("intake.canbo1")  # twice is fine
    assert load_draft("intake.canbo1") is None


def test_a_damaged_draft_is_set_aside() -> None:
    drafts_dir().mkdir(parents=True)
    (drafts_dir() / "intake.x.json").write_text("{not json", encoding="utf-8")
    assert load_draft("intake.x") is None
    assert (drafts_dir() / "intake.x.json.broken").exists()


@pytest.mark.parametrize("name", ["../etc/passwd", "", "a/b", ".hidden", "a..b"])
def test_a_name_is_never_a_path(name: str) -> None:
    with pytest.raises(ValueError):
        save_draft(name, {})


def test_data_that_is_not_json_is_a_bug_and_writes_nothing() -> None:
    with pytest.raises(TypeError):
        save_draft("intake.y", {"when": object()})
    assert load_draft("intake.y") is None


def test_keeper_saves_after_a_pause_and_clears(qtbot, signed_in) -> None:
    window = signed_in("canbo1")
    keeper = DraftKeeper(window.ctx, "intake", delay_ms=30, parent=window.shell)
    keeper.update({"name": "Trần"})
    keeper.update({"name": "Trần Văn"})
    assert load_draft("intake.canbo1") is None  # not yet: the officer is typing
    qtbot.waitUntil(lambda: load_draft("intake.canbo1") == {"name": "Trần Văn"}, timeout=2000)
    keeper.update({"name": "Trần Văn An"})
    keeper.flush()
    assert load_draft("intake.canbo1") == {"name": "Trần Văn An"}
    keeper.clear()
    assert load_draft("intake.canbo1") is None


def _answer(window, qtbot, button_text: str) -> None:
    qtbot.waitUntil(lambda: window.shell.draft_question is not None, timeout=2000)
    box: QMessageBox = window.shell.draft_question
    assert box.text() == "Có một hồ sơ đang nhập dở, tiếp tục?"
    button = next(b for b in box.buttons() if b.text() == button_text)
    button.click()


@offscreen_box
def test_a_draft_is_offered_back_at_sign_in(qtbot, signed_in) -> None:
    save_draft(draft_name("intake", "canbo1"), DATA)
    window = signed_in("canbo1")
    window.shell.show_page("dossiers")
    _answer(window, qtbot, "Tiếp tục nhập")
    assert window.shell.current_id() == "intake"
    assert window.shell.current_page().restored == DATA


@offscreen_box
def test_a_dropped_draft_is_deleted(qtbot, signed_in) -> None:
    save_draft(draft_name("intake", "canbo1"), DATA)
    window = signed_in("canbo1")
    _answer(window, qtbot, "Bỏ bản nháp")
    assert load_draft("intake.canbo1") is None


def test_another_users_draft_is_not_offered(qtbot, signed_in) -> None:
    save_draft(draft_name("intake", "canbo2"), DATA)
    window = signed_in("canbo1")
    qtbot.wait(50)
    assert window.shell.draft_question is None
