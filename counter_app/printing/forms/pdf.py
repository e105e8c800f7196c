"""Laying forms out on pages and writing the PDF: fitting a copy on one page, page numbers,
the form number in the corner, metadata, and an all-or-nothing file write."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepInFrame, PageTemplate

from counter_app.domain.text import nfc
from counter_app.printing.errors import PrintingError
from counter_app.printing.forms.common import (
    BOTTOM,
    LEFT,
    PORTRAIT,
    RIGHT,
    TOP,
    Kit,
    kit,
    text_height,
    text_width,
)


def story_height(story: Sequence[Flowable], width: float) -> float:
    """Return the height `story` takes in a frame `width` wide (spaces included)."""
    total = 0.0
    for f in story:
        _, h = f.wrap(width, 1e6)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def fit_page(
    make: Callable[[Kit], list[Flowable]],
    sizes: Sequence[tuple[float, float]],
    pagesize: tuple[float, float] = PORTRAIT,
    *,
    shrink: bool = True,
) -> tuple[Kit, list[Flowable]]:
    """Return the styles and story of the first (body, table) font size pair in `sizes` whose
    story fits one page; if none does, the smallest, shrunk to fit the page when `shrink`, else
    as it is (it goes on to more pages). Setting smaller type keeps tables as wide as the text,
    which scaling the whole page down would not."""
    w, h = text_width(pagesize), text_height(pagesize)
    i = 0
    while True:
        kt = kit(*sizes[i])
        story = make(kt)
        need = story_height(story, w)
        if need <= h:
            return kt, story
        if i == len(sizes) - 1:
            return kt, [KeepInFrame(w, h, story, mode="shrink")] if shrink else story
        # The height grows about as the square of the type size: go straight to the estimate.
        target = sizes[i][0] * (h / need) ** 0.5
        i = next((j for j in range(i + 1, len(sizes)) if sizes[j][0] <= target + 0.01), i + 1)
        i = min(i, len(sizes) - 1)


def page_label(page: int, pages: int) -> str:
    """Return "Trang x/y"."""
    return f"Trang {page}/{pages}"


def _numbered_canvas(label: Callable[[int, int], str], font: str, size: float) -> type[Canvas]:
    """Return a canvas class that writes `label(page, pages)` (unless empty) at the foot of
    every page once the page count is known (reportlab's two-pass page-count recipe)."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                if text := label(self._pageNumber, total):
                    self.setFont(font, size)
                    self.drawCentredString(self._pagesize[0] / 2, BOTTOM / 2, text)
                super().showPage()
            super().save()

    return NumberedCanvas


def build_pdf(
    out: Path | BinaryIO,
    story: list[Flowable],
    *,
    kt: Kit,
    title: str,
    subject: str,
    author: str,
    form_number: str = "",
    pagesize: tuple[float, float] = PORTRAIT,
    page_numbers: bool | Callable[[int, int], str] = False,
) -> None:
    """Lay out `story` on A4 pages with the administrative margins, the form number in the top
    right corner of each page, optionally "Trang x/y" at the foot (or `page_numbers(page,
    pages)` when it is a function), and write the PDF to `out`
    (a path, written whole or not at all, or a binary stream).

    Raises PrintingError when the file cannot be written.
    """
    buf = io.BytesIO()
    w, h = pagesize
    frame = Frame(LEFT, BOTTOM, w - LEFT - RIGHT, h - TOP - BOTTOM, 0, 0, 0, 0, id="body")

    def on_page(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        if form_number:
            canvas.saveState()
            canvas.setFont(kt.fonts.bold, 11 * kt.fonts.scale)
            canvas.drawRightString(w - RIGHT, h - TOP + 4 * mm, form_number)
            canvas.restoreState()

    doc = BaseDocTemplate(
        buf,
        pagesize=pagesize,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=nfc(title),
        subject=nfc(subject),
        author=nfc(author),
        creator="counter-app",
        # Else every page refers to Helvetica, a font that is not embedded (pdffonts "emb no").
        initialFontName=kt.fonts.regular,
        initialFontSize=kt.body.fontSize,
        pageTemplates=[PageTemplate("page", [frame], onPage=on_page, pagesize=pagesize)],
    )
    canvasmaker: type[Canvas] = Canvas
    if page_numbers:
        label = page_numbers if callable(page_numbers) else page_label
        canvasmaker = _numbered_canvas(label, kt.fonts.italic, 10 * kt.fonts.scale)
    doc.build(story, canvasmaker=canvasmaker)
    _write(out, buf.getvalue())


def _write(out: Path | BinaryIO, data: bytes) -> None:
    if not isinstance(out, (str, Path)):
        out.write(data)
        return
    path = Path(out)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise PrintingError(
            f"Không ghi được tệp PDF {path}: {exc.strerror or exc} / "
            f"Cannot write the PDF file {path}: {exc.strerror or exc}"
        ) from exc


def build_letter(
    out: Path | BinaryIO,
    story: Callable[[Kit], list[Flowable]],
    *,
    title: str,
    dossier_code: str,
    center: str,
    form_number: str,
) -> None:
    """Write a one-dossier letter form (supplement, refusal, apology): 13 pt text, the common
    spacing, the dossier code as the PDF subject. Raises PrintingError like `build_pdf`."""
    kt = kit(13, gap=3, lead=1.3)
    build_pdf(
        out,
        story(kt),
        kt=kt,
        title=title,
        subject=dossier_code,
        author=center,
        form_number=form_number,
    )
