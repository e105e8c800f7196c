"""Settings: defaults, the TOML file, environment overrides, the database URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter_app.config import (
    Settings,
    config_file,
    default_db_url,
    load_settings,
    resolve_db_url,
    save_settings,
)
from counter_app.domain.errors import InvalidInput


def test_defaults_when_no_file(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.toml", environ={}) == Settings()


def test_save_then_load_round_trips_vietnamese_text(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    s = Settings(
        desk=3, user="canbo1", receipt_printer="tcp://10.0.0.5:9100", scan_folder='C:\\Quét "A"'
    )
    save_settings(s, path)
    assert load_settings(path, environ={}) == s
    assert path.read_text(encoding="utf-8").startswith("settings_version = 1")


def test_environment_overrides_the_file(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    save_settings(Settings(desk=3, language="vi"), path)
    s = load_settings(path, environ={"COUNTER_APP_DESK": "7", "COUNTER_APP_LANGUAGE": "en"})
    assert (s.desk, s.language) == (7, "en")


def test_bad_values_are_clear_errors(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("desk = [1,\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="Tệp cấu hình hỏng"):
        load_settings(path, environ={})
    with pytest.raises(InvalidInput, match="desk"):
        load_settings(tmp_path / "none.toml", environ={"COUNTER_APP_DESK": "ba"})


def test_database_url_resolution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert (
        default_db_url() == f"sqlite:///{tmp_path / 'xdg' / 'counter-app' / 'counter-app.sqlite3'}"
    )
    assert resolve_db_url(None) == default_db_url()
    monkeypatch.setenv("COUNTER_APP_DB", "postgresql+psycopg://u@h/db")
    assert resolve_db_url(None) == "postgresql+psycopg://u@h/db"
    assert resolve_db_url(str(tmp_path / "x.sqlite3")) == f"sqlite:///{tmp_path / 'x.sqlite3'}"
    monkeypatch.setenv("COUNTER_APP_CONFIG", str(tmp_path / "my.toml"))
    assert config_file() == tmp_path / "my.toml"


def test_scan_settings_round_trip_and_reach_the_pipeline(tmp_path: Path) -> None:
    from counter_app.scanning.settings import page_settings

    path = tmp_path / "c.toml"
    save_settings(Settings(scan_engine="zbar", scan_dpi=250, scan_color="bilevel"), path)
    s = load_settings(path, environ={"COUNTER_APP_SCAN_BLANK_THRESHOLD": "0.002"})
    assert (s.scan_engine, s.scan_dpi, s.scan_color, s.scan_blank_threshold) == (
        "zbar",
        250,
        "bilevel",
        0.002,
    )
    p = page_settings(s)
    assert (p.engine, p.dpi, p.color, p.blank_threshold) == ("zbar", 250, "bilevel", 0.002)
    with pytest.raises(InvalidInput, match="scan_blank_threshold"):
        load_settings(path, environ={"COUNTER_APP_SCAN_BLANK_THRESHOLD": "ít"})
    with pytest.raises(InvalidInput, match="200 đến 300"):
        page_settings(Settings(scan_dpi=600))
