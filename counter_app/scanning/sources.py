"""Where scans come from, behind one interface: a watched scan-to folder and file import here;
SANE, TWAIN and WIA drivers in `drivers`. Each source says whether it works here and, if not,
why; the app works with the folder and file import alone.

A source yields files (images or PDFs) ready for the page pipeline. Driver sources save what
the scanner delivers as PNG files in a folder of their own, so every source ends the same way.
The document camera (Qt Multimedia) belongs to the window and is not here.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from counter_app.scanning.errors import UnreadableInput
from counter_app.scanning.inputs import SUFFIXES, expand_inputs, natural_key

Cancel = Callable[[], bool]
# Names that scanners, browsers and copy tools give a file while they are still writing it.
PARTIAL_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload", ".download", ".filepart")


@dataclass(frozen=True, slots=True)
class Availability:
    """Whether a source can be used here; `reason` (bilingual) when it cannot."""

    ok: bool
    reason: str = ""


class Source(Protocol):
    """A source of scanned files."""

    name: str

    def available(self) -> Availability: ...

    def acquire(self, cancel: Cancel | None = None) -> Iterator[Path]:
        """Yield files ready to read, until the source is exhausted or `cancel()` is true."""
        ...


# --- file import ------------------------------------------------------------------------------


class FileImport:
    """Files chosen by the officer (images, PDFs, or folders of them)."""

    name = "files"

    def __init__(self, paths: Sequence[str | Path]) -> None:
        self.paths = list(paths)

    def available(self) -> Availability:
        return Availability(True)

    def acquire(self, cancel: Cancel | None = None) -> Iterator[Path]:
        """Yield the files in order. Raises UnreadableInput for a path that does not exist."""
        for path in expand_inputs(self.paths):
            if cancel is not None and cancel():
                return
            yield path


# --- watched folder ---------------------------------------------------------------------------


@dataclass
class _Seen:
    size: int
    mtime_ns: int
    since: float  # monotonic time the file was first seen with this size and time


@dataclass
class FolderSource:
    """The folder a network scanner "scans to". A file is handed over only once it has
    stopped growing for `settle_s` seconds and is complete (a PDF ends with %%EOF, a JPEG with
    its end marker), or after `give_up_s` still unchanged (it then goes to review as damaged
    instead of waiting forever). Call `done(path)` once a file is processed: it moves to the
    `done` folder, so it is never read twice."""

    folder: Path
    done_folder: Path | None = None
    settle_s: float = 2.0
    poll_s: float = 0.5
    give_up_s: float = 60.0
    clock: Callable[[], float] = time.monotonic
    name: str = "folder"
    _seen: dict[Path, _Seen] = field(default_factory=dict)
    _handed: set[Path] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.done_folder = self.done_folder or self.folder / "done"

    def available(self) -> Availability:
        if not self.folder.is_dir():
            return Availability(
                False, f"Không có thư mục quét {self.folder} / No scan folder {self.folder}"
            )
        if not os.access(self.folder, os.R_OK | os.W_OK | os.X_OK):
            return Availability(
                False,
                f"Không có quyền đọc/ghi thư mục {self.folder} / Cannot read and write the folder",
            )
        return Availability(True)

    def poll(self) -> list[Path]:
        """Return the files that became ready since the last poll, oldest first."""
        now = self.clock()
        ready = []
        present = set()
        for path in self._candidates():
            present.add(path)
            try:
                st = path.stat()
            except OSError:
                continue
            seen = self._seen.get(path)
            if seen is None or (seen.size, seen.mtime_ns) != (st.st_size, st.st_mtime_ns):
                self._seen[path] = _Seen(st.st_size, st.st_mtime_ns, now)
                continue
            still = now - seen.since
            if st.st_size == 0 or still < self.settle_s:
                continue
            if (complete(path) and _openable(path)) or still >= self.give_up_s:
                ready.append((st.st_mtime_ns, path))
        for gone in set(self._seen) - present:
            del self._seen[gone]
        out = [p for _, p in sorted(ready, key=lambda x: (x[0], natural_key(x[1])))]
        self._handed.update(out)
        for p in out:
            self._seen.pop(p, None)
        return out

    def acquire(self, cancel: Cancel | None = None, idle_s: float | None = None) -> Iterator[Path]:
        """Yield files as they become ready; stop when `cancel()` is true or, with `idle_s`,
        after that long without a new file."""
        last = self.clock()
        while cancel is None or not cancel():
            batch = self.poll()
            yield from batch
            if batch:
                last = self.clock()
            elif idle_s is not None and self.clock() - last >= idle_s:
                return
            time.sleep(self.poll_s)

    def done(self, path: Path) -> Path:
        """Move a processed file to the done folder (a new name if one is taken); return it."""
        assert self.done_folder is not None
        self.done_folder.mkdir(parents=True, exist_ok=True)
        target = self.done_folder / path.name
        n = 1
        while target.exists():
            n += 1
            target = self.done_folder / f"{path.stem}-{n}{path.suffix}"
        os.replace(path, target)
        self._handed.discard(path)
        return target

    def _candidates(self) -> list[Path]:
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return []
        out = []
        for p in entries:
            name = p.name.lower()
            if name.startswith((".", "~")) or name.endswith(PARTIAL_SUFFIXES):
                continue
            if p.suffix.lower() not in SUFFIXES or p in self._handed or not p.is_file():
                continue
            out.append(p)
        return out


def complete(path: Path) -> bool:
    """Return whether the file looks whole: a PDF with %%EOF near its end, a JPEG with its
    end-of-image marker, a PNG with its IEND chunk (other formats: yes)."""
    try:
        with path.open("rb") as f:
            head = f.read(8)
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - 1024))
            tail = f.read()
    except OSError:
        return False
    if head.startswith(b"%PDF"):
        return b"%%EOF" in tail
    if head.startswith(b"\xff\xd8"):
        return b"\xff\xd9" in tail[-32:]
    if head.startswith(b"\x89PNG"):
        return b"IEND" in tail[-16:]
    return True


def _openable(path: Path) -> bool:
    # On Windows a file still being written by the scanner service cannot be opened.
    try:
        with path.open("rb"):
            return True
    except OSError:
        return False


def import_files(paths: Sequence[str | Path]) -> list[Path]:
    """Return the scan files among `paths` (folders expanded). Raises UnreadableInput."""
    files = list(FileImport(paths).acquire())
    if not files:
        raise UnreadableInput("Không có tệp ảnh hoặc PDF nào / No image or PDF file")
    return files
