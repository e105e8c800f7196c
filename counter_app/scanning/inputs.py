"""Reading scanner output: JPEG, PNG, BMP, (multi-page) TIFF and PDF, one page at a time.

A PDF page is rendered at the asked resolution with PDFium, never taken from the JPEG a scanner
embedded in it (LESSONS.md: decoders fail on those). The kind of a file is told by its first
bytes, not its name: scan-to-folder devices name files as they like.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from PIL import Image, UnidentifiedImageError

from counter_app.scanning.errors import UnreadableInput

Kind = Literal["pdf", "image"]
SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp")
# A page smaller than this on its short side at its stated resolution is no scan (a thumbnail).
MIN_INCHES = 1.0
# A stated resolution making the short side longer than A3's is a default some devices write
# (72 dpi) whatever they scanned at: the page size then tells the resolution better.
MAX_INCHES = 12.0
A4_SHORT_INCHES = 8.27


@dataclass(frozen=True, slots=True)
class PageRef:
    """One page of one input file: its path, its number in the file (1-based) and the kind."""

    source: str
    page: int
    kind: Kind


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A file that could not be opened at all: it goes to the review tray with the reason."""

    source: str
    reason: str


def file_kind(path: Path) -> Kind:
    """Return "pdf" or "image" from the file's first bytes; raise UnreadableInput otherwise."""
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise UnreadableInput(
            f"Không đọc được tệp {path.name}: {exc.strerror} / Cannot read the file"
        ) from None
    if not head:
        raise UnreadableInput(f"Tệp rỗng: {path.name} / The file is empty")
    if head.startswith(b"%PDF"):
        return "pdf"
    return "image"


def expand_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Return the files to read: files as given, folders replaced by their scan files in
    natural order (scan_2 before scan_10). Raises UnreadableInput for a path that does not
    exist (bad input: the officer named it)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = [p for p in path.iterdir() if p.is_file() and not p.name.startswith(".")]
            found = [p for p in found if p.suffix.lower() in SUFFIXES]
            out += sorted(found, key=natural_key)
        elif path.exists():
            out.append(path)
        else:
            raise UnreadableInput(f"Không có tệp {raw} / No such file: {raw}")
    return out


def natural_key(path: Path) -> list[Any]:
    """Sort key putting scan_2 before scan_10."""
    return [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", path.name)]


def page_refs(paths: Iterable[Path]) -> Iterator[PageRef | InputProblem]:
    """Yield every page of every file in order, or an InputProblem for a file that cannot be
    opened (only its header is read here; a damaged page is found when it is loaded)."""
    for path in paths:
        try:
            kind = file_kind(path)
            count = count_pages(path, kind)
        except UnreadableInput as exc:
            yield InputProblem(str(path), exc.message)
            continue
        for n in range(1, count + 1):
            yield PageRef(str(path), n, kind)


def count_pages(path: Path, kind: Kind) -> int:
    """Return how many pages the file holds. Raises UnreadableInput."""
    if kind == "pdf":
        doc = _open_pdf(path)
        try:
            return len(doc)
        finally:
            doc.close()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # see load_page
            with Image.open(path) as img:
                return int(getattr(img, "n_frames", 1))
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise _unreadable(path, exc) from None


def load_page(ref: PageRef, render_dpi: int) -> tuple[Image.Image, float]:
    """Return the page's image and its resolution in dpi. A PDF page is rendered at
    `render_dpi` in grayscale; an image keeps its own pixels. Raises UnreadableInput."""
    path = Path(ref.source)
    if ref.kind == "pdf":
        return _render_pdf_page(path, ref.page, render_dpi), float(render_dpi)
    try:
        with warnings.catch_warnings():
            # Pillow warns about damaged EXIF or odd tags and reads on; the page is judged by
            # whether its pixels load, and a warning on the console helps no officer.
            warnings.simplefilter("ignore")
            img = _open_image(path)
            img.seek(ref.page - 1)
            img.load()
            frame = img.copy()
        if getattr(img, "n_frames", 1) == 1:
            _forget(path)  # nothing more to read from it: do not keep its pixels
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        _forget(path)
        raise _unreadable(path, exc, ref.page) from None
    except Image.DecompressionBombError as exc:
        _forget(path)
        raise _unreadable(path, exc, ref.page) from None
    return frame, image_dpi(frame)


def image_dpi(img: Image.Image) -> float:
    """Return the image's resolution: the one it states if plausible (a page between 1 and 12
    inches on its short side), else the one an A4 page of its size would have (scanners that
    write no resolution, or a wrong one, scan whole pages)."""
    stated = img.info.get("dpi")
    if stated:
        try:
            value = float(stated[0])
        except (TypeError, ValueError, IndexError):
            value = 0.0
        if 72 <= value <= 1200 and MIN_INCHES <= min(img.size) / value <= MAX_INCHES:
            return value
    return max(50.0, round(min(img.size) / A4_SHORT_INCHES))


# One open file per worker process: the pages of a 500-page PDF or TIFF come in order, and
# opening the file for each of them would read its page tree or IFD chain 500 times.
_open: dict[str, Any] = {}


def _open_pdf(path: Path) -> Any:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise _unreadable(path, exc) from None


def _cached(path: Path, kind: str, opener: Any) -> Any:
    key = f"{kind}:{path}"
    if key not in _open:
        close_cached()
        _open[key] = opener(path)
    return _open[key]


def _open_image(path: Path) -> Image.Image:
    img: Image.Image = _cached(path, "image", Image.open)
    return img


def _forget(path: Path) -> None:
    for key in [k for k in _open if k.endswith(f":{path}")]:
        try:
            _open.pop(key).close()
        except Exception:  # closing a broken file must not hide why it broke
            pass


def close_cached() -> None:
    """Close the file kept open by `load_page` (end of a batch)."""
    while _open:
        _, handle = _open.popitem()
        try:
            handle.close()
        except Exception:  # a handle of a damaged file; the batch is over anyway
            pass


def _render_pdf_page(path: Path, page: int, dpi: int) -> Image.Image:
    import pypdfium2 as pdfium

    try:
        doc = _cached(path, "pdf", _open_pdf)
        pdf_page = doc[page - 1]
        try:
            bitmap = pdf_page.render(scale=dpi / 72, grayscale=True, rotation=0)
            img = bitmap.to_pil()
        finally:
            pdf_page.close()
    except (pdfium.PdfiumError, IndexError, OSError, ValueError) as exc:
        _forget(path)
        raise _unreadable(path, exc, page) from None
    return img if img.mode == "L" else img.convert("L")


def _unreadable(path: Path, exc: BaseException, page: int | None = None) -> UnreadableInput:
    where = f"{path.name}, trang {page} / page {page}" if page else path.name
    detail = str(exc).strip() or type(exc).__name__
    return UnreadableInput(f"Tệp hỏng hoặc không đọc được ({where}): {detail} / Unreadable file")
