"""Scanner drivers behind the `sources.Source` interface: SANE on Linux (python-sane), TWAIN
(pytwain) and WIA (pywin32) on Windows. Each is optional: `available()` says why it cannot be
used here, and the app works without any of them (scan-to-folder and file import).

Untested against real hardware in CI: SANE is exercised through a stand-in module; the Windows
drivers follow their libraries' documented calls.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from counter_app.scanning.errors import EngineUnavailable
from counter_app.scanning.sources import Availability, Cancel, Source

# --- SANE (Linux) -----------------------------------------------------------------------------


class SaneSource:
    """A scanner through SANE with python-sane. `source` names the feeder ("ADF Duplex",
    "ADF", "Flatbed"...): option names vary between backends (LESSONS.md), so what the device
    offers is matched loosely and what is not offered is left at the device's default."""

    name = "sane"

    def __init__(
        self,
        device: str | None = None,
        *,
        dpi: int = 300,
        mode: str = "gray",
        source: str = "ADF Duplex",
        out_dir: Path | None = None,
    ) -> None:
        self.device = device
        self.dpi = dpi
        self.mode = mode
        self.source = source
        self.out_dir = out_dir

    def _module(self) -> Any:
        if not sys.platform.startswith("linux"):
            raise EngineUnavailable("SANE chỉ có trên Linux / SANE is for Linux")
        try:
            import sane
        except ImportError:
            raise EngineUnavailable(
                "Chưa cài python-sane (pip install python-sane, cần libsane-dev) / "
                "python-sane is not installed"
            ) from None
        return sane

    def available(self) -> Availability:
        try:
            sane = self._module()
            sane.init()
            try:
                devices = sane.get_devices()
            finally:
                sane.exit()
        except EngineUnavailable as exc:
            return Availability(False, exc.message)
        except Exception as exc:  # a driver's own error is the reason to show
            return Availability(False, f"SANE lỗi / SANE failed: {exc}")
        if not devices:
            return Availability(False, "Không tìm thấy máy quét / No scanner found")
        return Availability(True)

    def acquire(self, cancel: Cancel | None = None) -> Iterator[Path]:
        """Scan every sheet in the feeder; yield each page as a PNG file."""
        sane = self._module()
        sane.init()
        try:
            name = self.device or _first_device(sane.get_devices())
            dev = sane.open(name)
            try:
                _set_option(dev, "mode", self.mode, ("gray", "grayscale", "lineart"))
                _set_option(dev, "resolution", self.dpi, ())
                _set_option(dev, "source", self.source, ("adf", "flatbed"))
                folder = _out_dir(self.out_dir)
                for n, image in enumerate(dev.multi_scan(), start=1):
                    if cancel is not None and cancel():
                        return
                    yield _save(image, folder, n, self.dpi)
            finally:
                dev.close()
        finally:
            sane.exit()


def _first_device(devices: Sequence[Any]) -> str:
    if not devices:
        raise EngineUnavailable("Không tìm thấy máy quét / No scanner found")
    return str(devices[0][0])


def _set_option(dev: Any, option: str, wanted: object, fallbacks: Sequence[str]) -> None:
    """Set a SANE option if the device has it, to `wanted` or the closest value it offers."""
    opts = getattr(dev, "opt", {}) or {}
    if option not in opts:
        return
    allowed = getattr(opts[option], "constraint", None)
    value = wanted
    if isinstance(allowed, list | tuple) and allowed and isinstance(wanted, str):
        lowered = {str(v).lower(): v for v in allowed}
        value = lowered.get(wanted.lower())
        for fb in (wanted.lower(), *fallbacks):
            if value is not None:
                break
            value = next((v for k, v in lowered.items() if fb in k), None)
        if value is None:
            return
    try:
        setattr(dev, option, value)
    except Exception:  # an option a backend refuses keeps its default
        pass


def _out_dir(out_dir: Path | None) -> Path:
    folder = out_dir or Path(tempfile.mkdtemp(prefix="counter-app-scanner-"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _save(image: Any, folder: Path, n: int, dpi: int) -> Path:
    path = folder / f"page-{n:04d}.png"
    image.save(path, "PNG", dpi=(dpi, dpi))
    return path


# --- TWAIN and WIA (Windows) ------------------------------------------------------------------


class TwainSource:
    """A scanner through TWAIN with pytwain (Windows). `parent` is the window handle the
    driver's dialogs belong to (the window passes its own)."""

    name = "twain"

    def __init__(self, parent: Any = None, *, show_ui: bool = False, out_dir: Path | None = None):
        self.parent = parent
        self.show_ui = show_ui
        self.out_dir = out_dir

    def _module(self) -> Any:
        if sys.platform != "win32":
            raise EngineUnavailable("TWAIN chỉ có trên Windows / TWAIN is for Windows")
        try:
            import twain
        except ImportError:
            raise EngineUnavailable(
                "Chưa cài pytwain (pip install pytwain) / pytwain is not installed"
            ) from None
        return twain

    def available(self) -> Availability:
        try:
            self._module()
        except EngineUnavailable as exc:
            return Availability(False, exc.message)
        return Availability(True)

    def acquire(self, cancel: Cancel | None = None) -> Iterator[Path]:
        """Scan with the chosen TWAIN source until its feeder is empty."""
        import io

        from PIL import Image

        twain = self._module()
        folder = _out_dir(self.out_dir)
        with twain.SourceManager(self.parent) as sm:
            src = sm.open_source()
            if not src:
                return  # the officer closed the source chooser
            try:
                src.request_acquire(show_ui=self.show_ui, modal_ui=False)
                n, more = 0, True
                while more and (cancel is None or not cancel()):
                    handle, remaining = src.xfer_image_natively()
                    n += 1
                    image = Image.open(io.BytesIO(twain.dib_to_bm_file(handle)), formats=["BMP"])
                    yield _save(image, folder, n, int(image.info.get("dpi", (300, 300))[0]))
                    more = remaining != 0
            finally:
                src.close()


class WiaSource:
    """A scanner through Windows Image Acquisition (pywin32's COM client): the driver's own
    dialog, one page per call."""

    name = "wia"
    FORMAT_PNG = "{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}"

    def __init__(self, out_dir: Path | None = None) -> None:
        self.out_dir = out_dir

    def _module(self) -> Any:
        if sys.platform != "win32":
            raise EngineUnavailable("WIA chỉ có trên Windows / WIA is for Windows")
        try:
            import win32com.client
        except ImportError:
            raise EngineUnavailable(
                "Chưa cài pywin32 (pip install pywin32) / pywin32 is not installed"
            ) from None
        return win32com.client

    def available(self) -> Availability:
        try:
            self._module()
        except EngineUnavailable as exc:
            return Availability(False, exc.message)
        return Availability(True)

    def acquire(self, cancel: Cancel | None = None) -> Iterator[Path]:
        client = self._module()
        dialog = client.Dispatch("WIA.CommonDialog")
        image = dialog.ShowAcquireImage(1, 0, 0, self.FORMAT_PNG, False, True, False)
        if image is None:
            return
        path = _out_dir(self.out_dir) / "page-0001.png"
        image.SaveFile(str(path))
        yield path


def scanner_sources() -> list[tuple[str, Availability]]:
    """Return each driver source's name and whether it can be used on this machine."""
    sources: list[Source] = [SaneSource(), TwainSource(), WiaSource()]
    return [(s.name, s.available()) for s in sources]
