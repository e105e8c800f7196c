"""Real scanned files for the scan page's tests: pages of Vietnamese text and control sheets
rendered by the project's own form code (the scanning tests' generators), written as the
formats a scanner gives (PNG, JPEG, multi-page TIFF, PDF), and dossiers to put them in."""

from __future__ import annotations

import io
import sys
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageDraw

from counter_app.scanning import simulate
from counter_app.services.catalog import search_procedures
from counter_app.services.intake import Applicant, IntakeRequest, create_dossier
from counter_app.services.recording import Actor

sys.path.insert(0, str(Path(__file__).parents[1] / "scanning"))
from scan_stacks import control_sheet, text_page

DPI = 200
ACTOR = Actor(None, "Nguyễn Thị Hương")


def new_dossier(db, now: datetime, name: str = "Trần Văn An") -> str:
    """Return the code of a new dossier with three checklist items."""
    proc = search_procedures(db, "chứng thực", limit=1)[0].code
    applicant = Applicant(name, "020095001234", "0912345678", "Phường Vĩnh Trại")
    return create_dossier(db, IntakeRequest(proc, applicant), ACTOR, now=now).code


def marked_page(seed: int) -> Image.Image:
    """A text page with a black square in its top-left corner: where the square is tells how
    the page was turned."""
    page = text_page(seed, DPI).copy()
    ImageDraw.Draw(page).rectangle((60, 60, 260, 260), fill=0)
    return page


def write_jpeg(path: Path, img: Image.Image, seed: int = 0) -> Path:
    path.write_bytes(simulate.jpeg_bytes(simulate.scanned(img, seed=seed, noise=4), DPI))
    return path


def write_png(path: Path, img: Image.Image) -> Path:
    img.save(path, dpi=(DPI, DPI))
    return path


def write_tiff(path: Path, images: list[Image.Image]) -> Path:
    first, *rest = images
    first.save(path, save_all=True, append_images=rest, dpi=(DPI, DPI), compression="tiff_lzw")
    return path


def write_pdf(path: Path, img: Image.Image) -> Path:
    buf = io.BytesIO()
    img.convert("L").save(buf, "PDF", resolution=DPI)
    path.write_bytes(buf.getvalue())
    return path


def write_stack(folder: Path, codes: list[str], pages_each: int) -> list[Path]:
    """Write a stack: an orphan page, then each dossier's control sheet and pages, then a
    corrupt file; return the files in stack order."""
    folder.mkdir(parents=True, exist_ok=True)
    files = [write_jpeg(folder / "scan_000.jpg", text_page(90, DPI), 90)]
    n = 1
    for k, code in enumerate(codes):
        files.append(write_jpeg(folder / f"scan_{n:03d}.jpg", control_sheet(code, DPI), n))
        n += 1
        for p in range(pages_each):
            page = text_page(10 * k + p + 1, DPI)
            files.append(write_jpeg(folder / f"scan_{n:03d}.jpg", page, n))
            n += 1
    corrupt = folder / f"scan_{n:03d}.jpg"
    corrupt.write_bytes(b"\xff\xd8\xff\xe0" + b"not a picture" * 50)
    files.append(corrupt)
    return files
