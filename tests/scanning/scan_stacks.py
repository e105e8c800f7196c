"""Realistic scanner stacks built from the project's own control sheet (form 5), pages of
Vietnamese text, separator sheets, duplex blank backs, skew, upside-down feeds, noise and JPEG.

`write_stack` writes a stack as scan-to-folder files and returns, for every page, where it must
land; `landing` says where each page of a split went, to compare.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from PIL import Image

from counter_app.printing.documents import (
    ApplicantInfo,
    CenterInfo,
    ControlSheetDoc,
    DossierInfo,
    HandOff,
)
from counter_app.printing.forms import render_form
from counter_app.scanning import simulate
from counter_app.scanning.inputs import PageRef
from counter_app.scanning.pages import PageResult, PageSettings, process_page
from counter_app.scanning.separators import separator_sheet

VN = ZoneInfo("Asia/Ho_Chi_Minh")
AT = datetime(2025, 3, 12, 9, 30, tzinfo=VN)
CODES = ("000.00.06.H56-250312-0001", "000.00.06.H56-250312-0002", "000.00.07.H56-250312-0003")
UNKNOWN = "000.00.06.H56-250312-0999"


def control_sheet_pdf(code: str) -> bytes:
    """Return form 5 for dossier `code` as the printing layer renders it."""
    dossier = DossierInfo(
        code=code,
        lookup_secret="K7M2QX",
        procedure_code="1.002809",
        procedure_name="Cấp đổi giấy phép lái xe do ngành Giao thông vận tải cấp",
        department="Sở Giao thông Vận tải",
        applicant=ApplicantInfo("Nguyễn Thị Thu Hường", "020195001234", "Phường Vĩnh Trại"),
        received_at=AT,
        due_at=AT,
        duration="5 ngày làm việc",
    )
    doc = ControlSheetDoc(
        CenterInfo(), dossier, (HandOff("Bộ phận tiếp nhận", "Sở Giao thông Vận tải"),), AT
    )
    buf = io.BytesIO()
    render_form("control", doc, buf)
    return buf.getvalue()


@cache
def control_sheet(code: str, dpi: int) -> Image.Image:
    return simulate.rasterize_pdf(control_sheet_pdf(code), dpi)


@cache
def text_page(seed: int, dpi: int, size_pt: float = 12.0) -> Image.Image:
    return simulate.text_page(seed, dpi=dpi, size_pt=size_pt)


@cache
def separator(item: int, dpi: int) -> Image.Image:
    return separator_sheet(item, dpi=dpi).convert("L")


@dataclass(frozen=True)
class Expect:
    """Where a page must land: ("doc", code, item), ("sheet",), ("blank",) or
    ("review", reason_code)."""

    where: tuple[object, ...]


Page = tuple[str, Image.Image, Expect]


def standard_pages(dpi: int) -> list[Page]:
    """Return the stack of the issue: an orphan page, three dossiers (control sheet, blank
    back, general pages, a separator and item pages; pages upside down and 3° skewed), a sheet
    with an unknown code and its page."""
    pages: list[Page] = [("orphan", text_page(90, dpi), Expect(("review", "before_first_sheet")))]
    for n, code in enumerate(CODES):
        pages.append((f"sheet-{n}", control_sheet(code, dpi), Expect(("sheet",))))
        back = simulate.blank_back(n, dpi=dpi, front=control_sheet(code, dpi))
        pages.append((f"back-{n}", back, Expect(("blank",))))
        pages.append((f"{n}-general", text_page(10 * n + 1, dpi), Expect(("doc", code, None))))
        if n != 1:  # the second dossier has no separator: all its pages are general
            pages.append((f"{n}-sep", separator(2, dpi), Expect(("sheet",))))
        item = None if n == 1 else 2
        pages.append((f"{n}-item-a", text_page(10 * n + 2, dpi), Expect(("doc", code, item))))
        pages.append((f"{n}-item-b", text_page(10 * n + 3, dpi, 11), Expect(("doc", code, item))))
    pages.append(("unknown-sheet", control_sheet(UNKNOWN, dpi), Expect(("review", "unknown_code"))))
    pages.append(("unknown-page", text_page(99, dpi), Expect(("review", "unknown_code"))))
    return pages


def write_stack(
    folder: Path, pages: list[Page], dpi: int, *, quality: int = 75
) -> dict[str, tuple[str, Expect]]:
    """Write each page as a scanned JPEG (every third one 3° skewed one way or the other, every
    fourth upside down, all with noise and dust); return {file name: (page name, expect)}."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for n, (name, img, expect) in enumerate(pages):
        skew = (3.0, 0.0, -3.0)[n % 3]
        scanned = simulate.scanned(img, seed=n, skew=skew, upside_down=n % 4 == 1, noise=8)
        file = f"scan_{n:03d}.jpg"
        (folder / file).write_bytes(simulate.jpeg_bytes(scanned, dpi, quality))
        out[file] = (name, expect)
    return out


def landing(result, expectations: dict[str, tuple[str, Expect]]) -> dict[str, tuple]:
    """Return {page name: where it landed} from a SplitResult, in Expect's terms."""
    got: dict[str, tuple] = {}

    def name(source: str) -> str:
        return expectations[Path(source).name][0]

    for d in result.documents:
        for o in d.origins:
            got[name(o.source)] = ("doc", d.dossier_code, d.item)
    for s in result.sheets:
        got[name(s.source)] = ("sheet",)
    for b in result.blank:
        got[name(b.source)] = ("blank",)
    for r in result.review:
        if Path(r.source).name in expectations:
            got[name(r.source)] = ("review", r.reason_code)
    return got


def crashing_process_page(ref: PageRef, settings: PageSettings) -> PageResult:
    """`process_page`, except that a page whose file name says "crash" kills the process, as
    a decoder crashing on a malicious file would."""
    if "crash" in Path(ref.source).name:
        os._exit(3)
    return process_page(ref, settings)
