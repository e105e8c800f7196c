"""Batch split: a stack of many dossiers, each led by its control sheet, scanned in one go,
becomes one PDF per dossier document; what cannot be placed goes to the review tray.

Rules, page by page in stack order (sheet formats in `separators`):
- a control sheet with a known code opens that dossier; its pages follow it. The sheet itself
  is not part of the scan (it is listed under `sheets`);
- a separator sheet `ITEM:<n>` inside a dossier starts document n of that dossier (pages before
  any separator are the dossier's general document, item None);
- a control sheet whose code is not known, and the pages after it, go to review (reason
  `unknown_code`), as do pages before the first control sheet (`before_first_sheet`);
- a page that cannot be read goes to review (`unreadable`) and the dossier goes on;
- a control sheet followed by no page goes to review (`empty_dossier`);
- blank pages (duplex backs) are dropped and listed under `blank`.
Every input page is accounted for exactly once: in a document, in `sheets`, in `blank` or in
`review`. Review pages that have an image are gathered in review PDFs, one per run of pages.

Pages stream through: each one is written to its PDF as soon as it is decoded, so memory does
not grow with the batch. Cancelling removes every file the batch wrote.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from counter_app.scanning.inputs import InputProblem, PageRef, expand_inputs, page_refs
from counter_app.scanning.pages import PageResult, PageSettings
from counter_app.scanning.pdf import PdfMeta, PdfWriter
from counter_app.scanning.pool import Cancel, process_pages
from counter_app.scanning.separators import KnownCode, Sheet, classify

BEFORE_FIRST_SHEET = "before_first_sheet"
UNKNOWN_CODE = "unknown_code"
UNREADABLE = "unreadable"
EMPTY_DOSSIER = "empty_dossier"
REASONS = {
    BEFORE_FIRST_SHEET: "Trang trước phiếu kiểm soát đầu tiên / Page before the first control "
    "sheet",
    UNKNOWN_CODE: "Mã hồ sơ không có trong hệ thống: {code} / Unknown dossier code: {code}",
    EMPTY_DOSSIER: "Phiếu kiểm soát {code} không có trang nào theo sau / Control sheet {code} "
    "followed by no page",
}


@dataclass(frozen=True, slots=True)
class PageOrigin:
    """Where a page came from: the input file and the page's number in it (1-based)."""

    source: str
    page: int


@dataclass(frozen=True, slots=True)
class SplitDocument:
    """One document of one dossier: its PDF (file SHA-256 `sha256`), its page count and the
    input pages it holds, in order; `item` is the checklist item number of its separator."""

    dossier_code: str
    item: int | None
    pdf: Path
    pages: int
    origins: tuple[PageOrigin, ...]
    sha256: str
    content_sha256: str


@dataclass(frozen=True, slots=True)
class ReviewPage:
    """A page for the review tray, with why (`reason_code` and a bilingual `reason`); `pdf`
    and `pdf_page` show where its image is (None when it could not be read at all)."""

    source: str
    page: int | None
    reason_code: str
    reason: str
    code: str = ""
    pdf: Path | None = None
    pdf_page: int | None = None


@dataclass(frozen=True, slots=True)
class SheetPage:
    source: str
    page: int
    kind: str  # "control" or "separator"
    code: str = ""
    item: int | None = None


@dataclass(frozen=True, slots=True)
class SplitProgress:
    """Reported after each page: `done` of `total` pages, the last one's file and number."""

    done: int
    total: int
    source: str
    page: int


@dataclass(frozen=True, slots=True)
class SplitResult:
    documents: tuple[SplitDocument, ...]
    review: tuple[ReviewPage, ...]
    blank: tuple[PageOrigin, ...]
    sheets: tuple[SheetPage, ...]
    total_pages: int

    def dossier_codes(self) -> list[str]:
        """Return the codes of the dossiers with documents, in stack order."""
        return list(dict.fromkeys(d.dossier_code for d in self.documents))


Progress = Callable[[SplitProgress], None]


def split_batch(
    inputs: Sequence[str | Path],
    out_dir: Path,
    *,
    known_code: KnownCode | None = None,
    shape: re.Pattern[str] | None = None,
    settings: PageSettings | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    executor: Executor | None = None,
) -> SplitResult:
    """Split the pages of `inputs` (files, or folders of scan files) into PDFs in `out_dir`.

    `known_code(code)` says whether a dossier exists (None: every control sheet is accepted);
    `shape` (see `separators.code_shape`) recognises a sheet whose code is unknown when its QR
    cannot be read. Decoding runs in `workers` processes (see `pool.process_pages`);
    `progress` is called in this thread after each page; `cancel()` stops the batch between
    pages. Raises UnreadableInput for an input path that does not exist (nothing is read),
    ScanCancelled when cancelled (every file written is removed)."""
    settings = settings or PageSettings()
    paths = expand_inputs(inputs)
    items = list(page_refs(paths))
    total = sum(1 for i in items if isinstance(i, PageRef))
    out_dir.mkdir(parents=True, exist_ok=True)
    splitter = _Splitter(out_dir, _cached(known_code) if known_code else None, shape)
    done = 0
    try:
        for result in process_pages(
            items, settings, workers=workers, cancel=cancel, executor=executor
        ):
            if isinstance(result, InputProblem):
                splitter.problem(result)
                continue
            splitter.page(result)
            done += 1
            if progress is not None:
                progress(SplitProgress(done, total, result.ref.source, result.ref.page))
        splitter.finish()
    except BaseException:
        splitter.discard()
        raise
    return splitter.result(total)


def _cached(known_code: KnownCode) -> KnownCode:
    seen: dict[str, bool] = {}

    def known(code: str) -> bool:
        if code not in seen:
            seen[code] = bool(known_code(code))
        return seen[code]

    return known


class _HashingFile:
    """A file being written, hashed on the way (the PDF's SHA-256 without reading it back)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file: BinaryIO = path.open("wb")
        self.sha = hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.sha.update(data)
        return self.file.write(data)


@dataclass
class _Open:
    """The PDF being written: a dossier document or a review run."""

    sink: _HashingFile
    writer: PdfWriter
    final: Path
    origins: list[PageOrigin] = field(default_factory=list)
    meta: PdfMeta = field(default_factory=PdfMeta)


@dataclass
class _Group:
    """The stretch of the stack since the last control sheet (or the start)."""

    kind: str  # "dossier" or "review"
    code: str = ""
    reason_code: str = ""
    sheet: PageResult | None = None  # a dossier's control sheet, until a page follows it
    item: int | None = None
    pages: int = 0


class _Splitter:
    def __init__(
        self, out_dir: Path, known_code: KnownCode | None, shape: re.Pattern[str] | None
    ) -> None:
        self.out_dir = out_dir
        self.known_code = known_code
        self.shape = shape
        self.group: _Group | None = None
        self.open: _Open | None = None
        self.review_open: list[tuple[int, ReviewPage]] = []
        self.documents: list[SplitDocument] = []
        self.review: list[tuple[int, ReviewPage]] = []
        self.blank: list[PageOrigin] = []
        self.sheets: list[SheetPage] = []
        self.written: list[Path] = []
        self.names: set[str] = set()
        self.seq = 0

    # --- the rules -----------------------------------------------------------------------

    def problem(self, p: InputProblem) -> None:
        self.seq += 1
        self.review.append((self.seq, ReviewPage(p.source, None, UNREADABLE, p.reason)))

    def page(self, r: PageResult) -> None:
        self.seq += 1
        origin = PageOrigin(r.ref.source, r.ref.page)
        if r.status == "error":
            self.review.append(
                (self.seq, ReviewPage(origin.source, origin.page, UNREADABLE, r.error))
            )
            return
        if r.status == "blank":
            self.blank.append(origin)
            return
        sheet = classify(r.barcodes, self.known_code, self.shape)
        g = self.group
        if sheet is not None and sheet.kind == "control":
            self._control(r, sheet)
        elif sheet is not None and g is not None and g.kind == "dossier":
            self._close_open()
            g.item = sheet.item
            self.sheets.append(SheetPage(origin.source, origin.page, "separator", item=sheet.item))
        else:  # content, or a separator outside any known dossier
            if g is None:
                g = self.group = _Group("review", reason_code=BEFORE_FIRST_SHEET)
            self._content(r, g)

    def _control(self, r: PageResult, sheet: Sheet) -> None:
        g = self.group
        origin = PageOrigin(r.ref.source, r.ref.page)
        if g is not None and g.kind == "dossier" and g.code == sheet.code and sheet.known:
            self._close_open()  # the same dossier's sheet again: it goes on, general part
            g.item = None
            self.sheets.append(SheetPage(origin.source, origin.page, "control", code=sheet.code))
            return
        self._close_group()
        if sheet.known:
            self.group = _Group("dossier", code=sheet.code, sheet=r)
            return
        self.group = _Group("review", code=sheet.code, reason_code=UNKNOWN_CODE)
        self._content(r, self.group)

    def _content(self, r: PageResult, g: _Group) -> None:
        assert r.image is not None
        if g.kind == "dossier":
            if g.sheet is not None:
                sheet = g.sheet.ref
                self.sheets.append(SheetPage(sheet.source, sheet.page, "control", code=g.code))
                g.sheet = None
            self._write(r, PdfMeta(dossier_code=g.code, item=g.item), self._doc_name(g))
        else:
            reason = REASONS[g.reason_code].format(code=g.code)
            self._write(r, PdfMeta(title="Chờ xem xét / For review"), "review")
            entry = ReviewPage(r.ref.source, r.ref.page, g.reason_code, reason, g.code)
            self.review_open.append((self.seq, entry))
        g.pages += 1

    # --- files ---------------------------------------------------------------------------

    def _doc_name(self, g: _Group) -> str:
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", g.code)[:80] or "dossier"
        return safe if g.item is None else f"{safe}-item{g.item}"

    def _write(self, r: PageResult, meta: PdfMeta, name: str) -> None:
        assert r.image is not None
        if self.open is not None and self.open.meta != meta:
            self._close_open()
        if self.open is None:
            final = self._unique(name)
            part = final.with_name(final.name + ".part")
            sink = _HashingFile(part)
            self.written += [part, final]
            self.open = _Open(sink, PdfWriter(sink, meta), final, meta=meta)
        self.open.writer.add_page(r.image)
        self.open.origins.append(PageOrigin(r.ref.source, r.ref.page))

    def _unique(self, name: str) -> Path:
        candidate, n = name, 1
        while candidate in self.names or (self.out_dir / f"{candidate}.pdf").exists():
            n += 1
            candidate = f"{name}-{n}"
        self.names.add(candidate)
        return self.out_dir / f"{candidate}.pdf"

    def _close_open(self) -> None:
        o, self.open = self.open, None
        if o is None:
            return
        summary = o.writer.close()
        o.sink.file.flush()
        os.fsync(o.sink.file.fileno())
        o.sink.file.close()
        os.replace(o.sink.path, o.final)
        if o.meta.dossier_code:
            self.documents.append(
                SplitDocument(
                    o.meta.dossier_code,
                    o.meta.item,
                    o.final,
                    summary.pages,
                    tuple(o.origins),
                    o.sink.sha.hexdigest(),
                    summary.content_sha256,
                )
            )
            return
        for n, (seq, entry) in enumerate(self.review_open, start=1):
            self.review.append((seq, _with_pdf(entry, o.final, n)))
        self.review_open = []

    def _close_group(self) -> None:
        self._close_open()
        g, self.group = self.group, None
        if g is None or g.kind != "dossier" or g.sheet is None:
            return
        # A control sheet and nothing after it: to review, with its own image.
        empty = _Group("review", code=g.code, reason_code=EMPTY_DOSSIER)
        self._content(g.sheet, empty)
        self._close_open()

    def finish(self) -> None:
        self._close_group()

    def discard(self) -> None:
        """Close and remove everything written (cancel or failure)."""
        if self.open is not None:
            try:
                self.open.sink.file.close()
            except OSError:
                pass
            self.open = None
        for path in self.written:
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass

    def result(self, total: int) -> SplitResult:
        return SplitResult(
            tuple(self.documents),
            tuple(entry for _, entry in sorted(self.review, key=lambda x: x[0])),
            tuple(self.blank),
            tuple(self.sheets),
            total,
        )


def _with_pdf(entry: ReviewPage, pdf: Path, page: int) -> ReviewPage:
    return ReviewPage(
        entry.source, entry.page, entry.reason_code, entry.reason, entry.code, pdf, page
    )


def review_reason(code: str, dossier_code: str = "") -> str:
    """Return the bilingual text of a review reason code."""
    return REASONS.get(code, code).format(code=dossier_code)
