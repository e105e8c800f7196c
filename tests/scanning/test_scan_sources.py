"""Scan sources: the watched folder hands over a file only once complete and moves it away when
done; file import; drivers say why they are not available; SANE through a stand-in module."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
from PIL import Image

from counter_app.scanning import sources
from counter_app.scanning.drivers import SaneSource, TwainSource, WiaSource, scanner_sources
from counter_app.scanning.errors import UnreadableInput
from counter_app.scanning.sources import FileImport, FolderSource, complete, import_files


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def test_a_file_is_handed_over_once_it_stopped_growing(tmp_path: Path) -> None:
    clock = Clock()
    src = FolderSource(tmp_path, settle_s=2.0, clock=clock)
    assert src.available().ok
    growing = tmp_path / "scan_0001.pdf"
    growing.write_bytes(PDF[:20])  # the scanner is still writing
    assert src.poll() == []
    clock.now += 5
    assert src.poll() == []  # stable, but no %%EOF yet: not complete
    with growing.open("ab") as f:
        f.write(PDF[20:])
    assert src.poll() == []  # it changed: the wait starts again
    clock.now += 1
    assert src.poll() == []
    clock.now += 1.5
    assert src.poll() == [growing]
    clock.now += 5
    assert src.poll() == []  # handed over once only
    moved = src.done(growing)
    assert moved == tmp_path / "done" / "scan_0001.pdf" and moved.exists() and not growing.exists()
    growing.write_bytes(PDF)  # the scanner reuses the name: a new file, and a new done name
    clock.now += 1
    src.poll()
    clock.now += 3
    assert src.done(src.poll()[0]).name == "scan_0001-2.pdf"


def test_incomplete_files_are_given_up_on_and_others_ignored(tmp_path: Path) -> None:
    clock = Clock()
    src = FolderSource(tmp_path, settle_s=2.0, give_up_s=60, clock=clock)
    (tmp_path / "cut.jpg").write_bytes(b"\xff\xd8\xff\xe0 half a jpeg")
    for name in (".hidden.jpg", "~lock.pdf", "scan.pdf.part", "notes.txt", "empty.png"):
        (tmp_path / name).write_bytes(b"" if name == "empty.png" else PDF)
    src.poll()
    clock.now += 10
    assert src.poll() == []
    clock.now += 60
    assert src.poll() == [tmp_path / "cut.jpg"]  # to the review tray as damaged, not forever


def test_files_are_handed_in_the_order_they_were_written(tmp_path: Path) -> None:
    import os

    clock = Clock()
    src = FolderSource(tmp_path, clock=clock)
    for n, name in enumerate(["b.png", "a.png", "c.png"]):
        path = tmp_path / name
        Image.new("L", (10, 10)).save(path)
        os.utime(path, ns=(n * 10**9, n * 10**9))
    src.poll()
    clock.now += 3
    assert [p.name for p in src.poll()] == ["b.png", "a.png", "c.png"]


def test_acquire_stops_when_idle_or_cancelled(tmp_path: Path, monkeypatch) -> None:
    clock = Clock()
    monkeypatch.setattr(sources.time, "sleep", lambda s: setattr(clock, "now", clock.now + s))
    (tmp_path / "a.pdf").write_bytes(PDF)
    src = FolderSource(tmp_path, settle_s=1, poll_s=0.5, clock=clock)
    assert list(src.acquire(idle_s=5)) == [tmp_path / "a.pdf"]
    assert list(FolderSource(tmp_path, clock=clock).acquire(cancel=lambda: True)) == []


def test_completeness_by_format(tmp_path: Path) -> None:
    png = tmp_path / "a.png"
    Image.new("L", (4, 4)).save(png)
    png_cut = tmp_path / "b.png"
    png_cut.write_bytes(png.read_bytes()[:-12])
    assert complete(png) and not complete(png_cut)
    assert not complete(tmp_path / "missing.pdf")


def test_file_import(tmp_path: Path) -> None:
    (tmp_path / "scan_10.png").write_bytes(b"x")
    (tmp_path / "scan_9.png").write_bytes(b"x")
    assert [p.name for p in FileImport([tmp_path]).acquire()] == ["scan_9.png", "scan_10.png"]
    with pytest.raises(UnreadableInput):
        import_files([tmp_path / "nope"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(UnreadableInput, match="No image or PDF"):
        import_files([tmp_path / "empty"])


def test_drivers_say_why_they_cannot_be_used() -> None:
    found = dict(scanner_sources())
    assert set(found) == {"sane", "twain", "wia"}
    if sys.platform != "win32":
        assert "Windows" in found["twain"].reason and "Windows" in found["wia"].reason
        assert not TwainSource().available().ok and not WiaSource().available().ok
    if sys.platform.startswith("linux") and "sane" not in sys.modules:
        try:
            import sane  # noqa: F401
        except ImportError:
            assert "python-sane" in found["sane"].reason
    assert not FolderSource(Path("/nonexistent/scan")).available().ok


class _FakeDevice:
    def __init__(self) -> None:
        option = types.SimpleNamespace
        self.opt = {
            "mode": option(constraint=["Lineart", "Gray", "Color"]),
            "resolution": option(constraint=(75, 600, 1)),
            "source": option(constraint=["Flatbed", "ADF Front", "ADF Duplex"]),
        }
        self.closed = False

    def multi_scan(self):
        for n in range(3):
            yield Image.new("L", (200, 280), 255 - n)

    def close(self) -> None:
        self.closed = True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SANE is for Linux")
def test_sane_scans_the_feeder_into_files(tmp_path: Path, monkeypatch) -> None:
    device = _FakeDevice()
    fake = types.SimpleNamespace(
        init=lambda: None,
        exit=lambda: None,
        get_devices=lambda: [("fujitsu:fi-7160:1", "Fujitsu", "fi-7160", "scanner")],
        open=lambda name: device,
    )
    monkeypatch.setitem(sys.modules, "sane", fake)
    src = SaneSource(dpi=300, out_dir=tmp_path)
    assert src.available().ok
    files = list(src.acquire())
    assert [f.name for f in files] == ["page-0001.png", "page-0002.png", "page-0003.png"]
    assert (device.mode, device.resolution, device.source) == ("Gray", 300, "ADF Duplex")
    assert device.closed
    assert Image.open(files[0]).info["dpi"] == pytest.approx((300, 300), abs=0.01)
    fake.get_devices = lambda: []
    assert SaneSource().available() == sources.Availability(
        False, "Không tìm thấy máy quét / No scanner found"
    )
