"""The scan page's work off the GUI thread (no Qt here): reading files into cleaned pages with
their thumbnails, taking what the watched folder holds, rendering a page or a stored PDF."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image

from counter_app.domain.errors import InvalidInput
from counter_app.scanning.inputs import InputProblem, PageRef, expand_inputs, page_refs
from counter_app.scanning.pages import PageSettings
from counter_app.scanning.pdf import EncodedPage, PdfMeta, build_pdf, thumbnails
from counter_app.scanning.pool import process_pages
from counter_app.scanning.sources import FolderSource
from counter_app.services.sync.files import fetch_file

if TYPE_CHECKING:
    from counter_app.services.setup import Database

THUMB_WIDTH = 150
# Below this many pages a pool of processes costs more to start than it saves.
INLINE_PAGES = 4


@dataclass(frozen=True, slots=True)
class LoadedPage:
    """A cleaned page for the workspace: the page, where it came from, its thumbnail (as
    scanned, before any turn the officer makes)."""

    page: EncodedPage
    source: str  # file name and page number
    thumb: Image.Image


@dataclass(frozen=True, slots=True)
class Loaded:
    pages: tuple[LoadedPage, ...]
    blank: int  # pages dropped as blank (duplex backs)
    problems: tuple[str, ...]  # files or pages that could not be read, with why
    taken: tuple[Path, ...] = ()  # files taken from the watched folder


def render(page: EncodedPage, width: int) -> Image.Image:
    """Return `page` as an image `width` pixels wide, turned as the PDF will show it."""
    return thumbnails(build_pdf([page], PdfMeta()), width)[0]


def load_pages(
    paths: Sequence[str | Path], settings: PageSettings, workers: int | None = None
) -> Loaded:
    """Clean every page of `paths` (images, multi-page TIFF, PDF, folders) with the desk's
    settings; blank pages are dropped, unreadable ones reported. Raises UnreadableInput for
    a path that does not exist."""
    items = list(page_refs(expand_inputs(paths)))
    refs = [i for i in items if isinstance(i, PageRef)]
    problems = [i.reason for i in items if isinstance(i, InputProblem)]
    count = 0 if workers is None and len(refs) <= INLINE_PAGES else workers
    pages: list[LoadedPage] = []
    blank = 0
    for result in process_pages(refs, settings, workers=count):
        assert not isinstance(result, InputProblem)
        if result.status == "error":
            problems.append(result.error)
        elif result.status == "blank":
            blank += 1
        else:
            assert result.image is not None
            source = f"{Path(result.ref.source).name} ({result.ref.page})"
            thumb = render(result.image, THUMB_WIDTH)
            pages.append(LoadedPage(result.image, source, thumb))
    return Loaded(tuple(pages), blank, tuple(problems))


def take_from_folder(
    folder: str, settings: PageSettings, settle_s: float = 1.0, workers: int | None = None
) -> Loaded:
    """Take the complete files of the watched scan folder (each unchanged for `settle_s`),
    clean their pages, and move the files to the folder's `done` folder so that they are never
    taken twice. Raises InvalidInput when no folder is set or it cannot be used."""
    if not folder:
        raise InvalidInput(
            "Chưa đặt thư mục quét (scan_folder) trong cấu hình / No scan folder is set"
        )
    source = FolderSource(Path(folder), settle_s=settle_s)
    state = source.available()
    if not state.ok:
        raise InvalidInput(state.reason)
    source.poll()  # first look: sizes and times; the second tells what stopped changing
    time.sleep(settle_s)
    ready = source.poll()
    if not ready:
        return Loaded((), 0, ())
    loaded = load_pages(ready, settings, workers)
    for path in ready:  # read (or found damaged and reported): never again
        source.done(path)
    return Loaded(loaded.pages, loaded.blank, loaded.problems, tuple(ready))


def stored_pdf_pages(
    db: Database, sha256: str, width: int, limit: int
) -> tuple[list[Image.Image], bytes]:
    """Return the first `limit` pages of a stored PDF as images and the file's bytes; a file
    another desk scanned is fetched from the center once. Raises StorageError when the file
    is missing or damaged (runs on the database thread: it may ask the center)."""
    data = fetch_file(db, sha256)
    return thumbnails(data, width, limit), data
