"""`counter-app gui --screenshot`: every page renders to a PNG of the size asked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from counter_app.config import Settings
from counter_app.domain.errors import InvalidInput
from counter_app.ui.qt import QPixmap
from counter_app.ui.screenshot import page_names, take_screenshot


def _is_png(path: Path, size: tuple[int, int]) -> bool:
    data = path.read_bytes()
    image = QPixmap(str(path))
    return data[:8] == b"\x89PNG\r\n\x1a\n" and (image.width(), image.height()) == size


def test_page_names_cover_the_registry() -> None:
    assert page_names() == [
        "login", "intake", "dossiers", "returns", "scan", "postal", "supervisor", "reports", "admin"
    ]  # fmt: skip


@pytest.mark.parametrize("page", page_names())
def test_every_page_renders(demo_path: Path, tmp_path: Path, page: str) -> None:
    out = take_screenshot(
        f"sqlite:///{demo_path}", tmp_path / f"{page}.png", page, (1366, 768), settings=Settings()
    )
    assert out.stat().st_size > 10_000
    assert _is_png(out, (1366, 768))


def test_a_user_who_does_not_see_the_page_is_refused(demo_path: Path, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        take_screenshot(
            f"sqlite:///{demo_path}",
            tmp_path / "x.png",
            "admin",
            (1366, 768),
            settings=Settings(),
            username="canbo1",
        )
    with pytest.raises(InvalidInput):
        take_screenshot(
            f"sqlite:///{demo_path}", tmp_path / "x.png", "nope", (800, 600), settings=Settings()
        )


def test_the_command_in_a_subprocess(demo_path: Path, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for page, size in (("login", "1366x768"), ("dossier", "1920x1080")):
        out = tmp_path / f"{page}.png"
        proc = subprocess.run(
            [sys.executable, "-m", "counter_app", "gui", "--db", str(demo_path),
             "--screenshot", str(out), "--page", page, "--size", size],
            capture_output=True, text=True, env=env, timeout=120,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        w, h = (int(v) for v in size.split("x"))
        assert _is_png(out, (w, h))
    bad = subprocess.run(
        [sys.executable, "-m", "counter_app", "gui", "--db", str(demo_path), "--screenshot",
         str(tmp_path / "x.png"), "--page", "nope"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert bad.returncode == 2 and "Không có trang" in bad.stderr


def test_no_subcommand_prints_the_summary_where_nothing_can_be_seen(monkeypatch) -> None:
    from counter_app import cli

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert not cli._has_display()
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert cli._has_display()
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert not cli._has_display()
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert cli._has_display()
