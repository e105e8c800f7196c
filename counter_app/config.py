"""Site settings: declared once with type, default and title; TOML file, env and CLI overrides.

The file lives in the platform's config folder (platformdirs); each `COUNTER_APP_<NAME>`
environment variable overrides the setting of that name; command-line options override both.
Saved files carry `settings_version`; numbered upgrade functions bring old files forward.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

from counter_app.domain.errors import InvalidInput

APP_NAME = "counter-app"
SETTINGS_VERSION = 1
ENV_PREFIX = "COUNTER_APP_"


def data_dir() -> Path:
    """Return the user data folder (XDG_DATA_HOME on Linux moves it)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def config_file() -> Path:
    """Return the settings file path; `COUNTER_APP_CONFIG` overrides it."""
    override = os.environ.get(ENV_PREFIX + "CONFIG")
    if override:
        return Path(override)
    return platformdirs.user_config_path(APP_NAME, appauthor=False) / "config.toml"


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'counter-app.sqlite3'}"


def resolve_db_url(option: str | None = None) -> str:
    """Return the database URL: the `--db` option, else `COUNTER_APP_DB`, else the data folder."""
    if option:
        return _expand_sqlite(option)
    env = os.environ.get(ENV_PREFIX + "DB")
    if env:
        return _expand_sqlite(env)
    return default_db_url()


def _expand_sqlite(url: str) -> str:
    """Accept a bare file path as a SQLite database."""
    if "://" in url:
        return url
    return f"sqlite:///{Path(url).expanduser().resolve()}"


@dataclass
class Settings:
    """The settings of this desk. Shared data (catalog, users, calendar) lives in the database."""

    desk: int | None = field(default=None, metadata={"title": "Số quầy của máy này / Desk number"})
    user: str = field(default="", metadata={"title": "Người dùng mặc định / Default user"})
    language: str = field(default="vi", metadata={"title": "Ngôn ngữ / Language"})
    central_url: str = field(default="", metadata={"title": "CSDL trung tâm / Central database"})
    receipt_printer: str = field(
        default="", metadata={"title": "Máy in nhiệt (URI) / Receipt printer URI"}
    )
    a4_printer: str = field(default="", metadata={"title": "Máy in A4 / A4 printer"})
    scan_folder: str = field(default="", metadata={"title": "Thư mục quét / Scan folder"})
    scan_engine: str = field(
        default="zxing", metadata={"title": "Bộ đọc mã vạch (zxing/zbar) / Barcode engine"}
    )
    scan_dpi: int = field(
        default=300, metadata={"title": "Độ phân giải bản quét (200–300 dpi) / Scan resolution"}
    )
    scan_color: str = field(
        default="gray", metadata={"title": "Chế độ màu (gray/bilevel) / Scan color mode"}
    )
    scan_blank_threshold: float = field(
        default=0.001,
        metadata={"title": "Ngưỡng trang trắng (tỉ lệ mực) / Blank page threshold (ink share)"},
    )
    idle_lock_minutes: int = field(
        default=10, metadata={"title": "Khóa màn hình sau (phút) / Lock after idle minutes"}
    )
    queue_wait_alert_minutes: int = field(
        default=20,
        metadata={"title": "Cảnh báo khi chờ quá (phút) / Alert when a wait passes (minutes)"},
    )


# Upgrades from version N to N+1 (Picard's config_upgrade pattern); none yet beyond version 1.
UPGRADES: dict[int, Callable[[dict[str, Any]], None]] = {}


def _coerce(name: str, kind: Any, value: Any) -> Any:
    if value is None or value == "":
        return None if "None" in str(kind) else ""
    if "float" in str(kind):
        try:
            return float(value)
        except (TypeError, ValueError):
            raise InvalidInput(
                f"Cấu hình {name}: phải là số / Setting {name}: must be a number"
            ) from None
    if "int" in str(kind):
        try:
            return int(value)
        except (TypeError, ValueError):
            raise InvalidInput(
                f"Cấu hình {name}: phải là số nguyên / Setting {name}: must be an integer"
            ) from None
    return str(value)


def load_settings(path: Path | None = None, environ: dict[str, str] | None = None) -> Settings:
    """Read the settings file (missing: defaults), upgrade it, and apply env overrides."""
    path = path or config_file()
    environ = dict(os.environ) if environ is None else environ
    raw: dict[str, Any] = {}
    if path.exists():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InvalidInput(
                f"Tệp cấu hình hỏng: {path}: {exc} / Broken settings file: {path}"
            ) from None
    version = int(raw.pop("settings_version", SETTINGS_VERSION))
    while version < SETTINGS_VERSION:
        UPGRADES[version](raw)
        version += 1
    values: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name in raw:
            values[f.name] = _coerce(f.name, f.type, raw[f.name])
        env = environ.get(ENV_PREFIX + f.name.upper())
        if env is not None:
            values[f.name] = _coerce(f.name, f.type, env)
    return Settings(**values)


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the settings file atomically; return its path."""
    path = path or config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"settings_version = {SETTINGS_VERSION}"]
    for f in fields(Settings):
        value = getattr(settings, f.name)
        if value is None:
            continue
        if isinstance(value, int | float):
            lines.append(f"{f.name} = {value}")
        else:
            escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
            lines.append(f'{f.name} = "{escaped}"')
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path
