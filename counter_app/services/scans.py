"""Scans of a dossier's papers: attaching scanned files to one dossier, and splitting a stack of
many dossiers by their control sheets and attaching each part.

Image work (the page pipeline, in worker processes) happens before any transaction, so the
database is never held while pages are decoded. Then one transaction per dossier stores its
PDFs (content-addressed), adds a `DossierFile` row per document (role "scan", linked to the
checklist item a separator named), one "scan" event, the audit row and the outbox ops.
Attaching the same document twice changes nothing: the scans are deterministic, so the same
paper in the same file gives the same PDF, already attached.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.config import data_dir
from counter_app.db import Database
from counter_app.domain.errors import InvalidInput, NotFound
from counter_app.domain.text import nfc
from counter_app.models import Dossier, DossierEvent, DossierFile, DossierItem
from counter_app.models.base import utcnow
from counter_app.scanning.errors import UnreadableInput
from counter_app.scanning.inputs import InputProblem, PageRef, expand_inputs, page_refs
from counter_app.scanning.pages import PageSettings
from counter_app.scanning.pdf import EncodedPage, PdfMeta, PdfWriter, read_pages
from counter_app.scanning.pool import Cancel, process_pages
from counter_app.scanning.separators import classify, code_shape
from counter_app.scanning.split import (
    PageOrigin,
    Progress,
    ReviewPage,
    SheetPage,
    SplitDocument,
    SplitProgress,
    SplitResult,
    split_batch,
)
from counter_app.services.files import store_file
from counter_app.services.meta import code_pattern
from counter_app.services.recording import Actor, add_outbox, audit

log = logging.getLogger(__name__)

PDF = "application/pdf"
ROLE = "scan"
# Below this many pages a worker pool costs more to start than it saves.
INLINE_PAGES = 4


@dataclass(frozen=True, slots=True)
class AttachedDocument:
    """A scanned document of a dossier as stored: `duplicate` when the same PDF was attached
    already (nothing was recorded for it again)."""

    dossier_code: str
    item: int | None
    item_name: str
    pages: int
    sha256: str
    pdf: Path
    duplicate: bool
    sources: tuple[PageOrigin, ...] = ()


@dataclass(frozen=True, slots=True)
class AttachResult:
    document: AttachedDocument
    blank_pages: int  # dropped as blank
    sheet_pages: int  # the dossier's own control sheet or separators, left out


@dataclass(frozen=True, slots=True)
class BatchResult:
    """A split stack: documents attached, pages for review (their PDFs in `review_dir`),
    blank pages dropped, sheets found, and warnings (e.g. a separator naming an item the
    dossier does not have: the document is attached without an item)."""

    documents: tuple[AttachedDocument, ...]
    review: tuple[ReviewPage, ...]
    blank: tuple[PageOrigin, ...]
    sheets: tuple[SheetPage, ...]
    total_pages: int
    review_dir: Path | None
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class _Target:
    dossier_id: str
    code: str
    item_id: str | None
    item_name: str


def attach_scans(
    db: Database,
    code: str,
    paths: Sequence[str | Path],
    *,
    actor: Actor,
    item: int | None = None,
    settings: PageSettings | None = None,
    root: Path | None = None,
    workers: int | None = None,
    progress: Callable[[SplitProgress], None] | None = None,
    cancel: Cancel | None = None,
    now: datetime | None = None,
) -> AttachResult:
    """Clean the pages of `paths` (images, PDFs, folders) into one PDF and attach it to the
    dossier `code` as its document number `item` (None: the dossier as a whole).

    Blank pages and the dossier's own control sheet are left out. Raises NotFound for an
    unknown dossier, InvalidInput for an item it does not have, an unreadable file or page, or
    nothing but blank pages (nothing is written), ScanCancelled when cancelled."""
    settings = settings or PageSettings()
    with db.read() as session:
        target = _target(session, code, item)
    items = list(page_refs(expand_inputs(paths)))
    refs = [i for i in items if isinstance(i, PageRef)]
    for problem in items:
        if isinstance(problem, InputProblem):
            raise InvalidInput(problem.reason)
    if not refs:
        raise InvalidInput("Không có trang nào để đính kèm / No page to attach")
    count = 0 if workers is None and len(refs) <= INLINE_PAGES else workers
    blank = sheets = 0
    origins: list[PageOrigin] = []
    with tempfile.TemporaryDirectory(prefix="counter-app-scan-") as tmp:
        pdf_path = Path(tmp) / "scan.pdf"
        with pdf_path.open("wb") as out:
            writer = PdfWriter(out, PdfMeta(dossier_code=target.code, item=item))
            for done, result in enumerate(
                process_pages(refs, settings, workers=count, cancel=cancel), start=1
            ):
                assert not isinstance(result, InputProblem)
                if progress is not None:
                    progress(SplitProgress(done, len(refs), result.ref.source, result.ref.page))
                if result.status == "error":
                    raise UnreadableInput(result.error)
                if result.status == "blank":
                    blank += 1
                    continue
                sheet = classify(result.barcodes)
                if sheet is not None and (sheet.kind == "separator" or sheet.code == target.code):
                    sheets += 1
                    continue
                assert result.image is not None
                writer.add_page(result.image)
                origins.append(PageOrigin(result.ref.source, result.ref.page))
            if not origins:
                raise InvalidInput(
                    "Chỉ có trang trắng, không có gì để đính kèm / Only blank pages: nothing "
                    "to attach"
                )
            summary = writer.close()
        doc = SplitDocument(
            target.code, item, pdf_path, summary.pages, tuple(origins), "", summary.content_sha256
        )
        with db.write() as session:
            (attached,) = _record(session, target, [(doc, target)], actor, now, root, "attach")
    return AttachResult(attached, blank, sheets)


def attach_pages(
    db: Database,
    code: str,
    pages: Sequence[EncodedPage],
    *,
    actor: Actor,
    item: int | None = None,
    root: Path | None = None,
    now: datetime | None = None,
) -> AttachedDocument:
    """Attach pages already cleaned (chosen in the review tray, or reordered, turned or moved
    in the window: see `scanning.pdf.read_pages`) as one document of the dossier `code`, with
    no re-encoding. Raises NotFound, or InvalidInput for no pages or an unknown item."""
    if not pages:
        raise InvalidInput("Không có trang nào để đính kèm / No page to attach")
    with db.read() as session:
        target = _target(session, code, item)
    with tempfile.TemporaryDirectory(prefix="counter-app-scan-") as tmp:
        path = Path(tmp) / "scan.pdf"
        with path.open("wb") as out:
            writer = PdfWriter(out, PdfMeta(dossier_code=target.code, item=item))
            for page in pages:
                writer.add_page(page)
            summary = writer.close()
        doc = SplitDocument(target.code, item, path, summary.pages, (), "", summary.content_sha256)
        with db.write() as session:
            (attached,) = _record(session, target, [(doc, target)], actor, now, root, "pages")
    return attached


def attach_documents(
    db: Database,
    code: str,
    documents: Sequence[tuple[int | None, Sequence[EncodedPage]]],
    *,
    actor: Actor,
    root: Path | None = None,
    now: datetime | None = None,
) -> list[AttachedDocument]:
    """Attach several documents of pages already cleaned (the window's scan page: one PDF per
    checklist item number, None for the dossier as a whole) in ONE transaction with one scan
    event, so a save is whole or nothing. Raises NotFound, or InvalidInput for an unknown item
    or a document without pages (nothing is written)."""
    if not documents or any(not pages for _, pages in documents):
        raise InvalidInput("Không có trang nào để đính kèm / No page to attach")
    with db.read() as session:
        dossier = _target(session, code, None)
        targets = [_target(session, code, item) for item, _ in documents]
    with tempfile.TemporaryDirectory(prefix="counter-app-scan-") as tmp:
        docs: list[tuple[SplitDocument, _Target]] = []
        for n, ((item, pages), target) in enumerate(zip(documents, targets, strict=True)):
            path = Path(tmp) / f"scan-{n}.pdf"
            with path.open("wb") as out:
                writer = PdfWriter(out, PdfMeta(dossier_code=dossier.code, item=item))
                for page in pages:
                    writer.add_page(page)
                summary = writer.close()
            doc = SplitDocument(
                dossier.code, item, path, summary.pages, (), "", summary.content_sha256
            )
            docs.append((doc, target))
        with db.write() as session:
            return _record(session, dossier, docs, actor, now, root, "pages")


def attach_review_pages(
    db: Database,
    code: str,
    pages: Sequence[tuple[Path, int]],
    *,
    actor: Actor,
    root: Path | None = None,
    now: datetime | None = None,
) -> AttachedDocument:
    """Attach pages of the review tray (each its review PDF and page number there, as
    `ReviewPage.pdf` and `.pdf_page` say) to the dossier `code` as one document, unchanged.
    Raises NotFound, InvalidInput for no pages, UnreadableInput for a review PDF gone or
    damaged."""
    chosen: list[EncodedPage] = []
    read: dict[Path, list[EncodedPage]] = {}
    for pdf, number in pages:
        if pdf not in read:
            try:
                read[pdf] = read_pages(pdf.read_bytes())
            except (OSError, ValueError) as exc:
                raise UnreadableInput(
                    f"Không đọc được tệp chờ xem xét {pdf.name}: {exc} / Cannot read the "
                    "review file"
                ) from None
        if not 1 <= number <= len(read[pdf]):
            raise UnreadableInput(f"Tệp {pdf.name} không có trang {number} / No such page")
        chosen.append(read[pdf][number - 1])
    return attach_pages(db, code, chosen, actor=actor, root=root, now=now)


def split_scans(
    db: Database,
    inputs: Sequence[str | Path],
    out_dir: Path,
    *,
    settings: PageSettings | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> SplitResult:
    """Split a stack into PDFs in `out_dir` without attaching them: control sheets are
    checked against this database's dossiers. See `scanning.split.split_batch`."""
    with db.read() as session:
        shape = code_shape(code_pattern(session).pattern)

    def known(code: str) -> bool:
        with db.read() as session:
            found = session.scalar(select(Dossier.id).where(Dossier.code == nfc(code).upper()))
            return found is not None

    return split_batch(
        inputs,
        out_dir,
        known_code=known,
        shape=shape,
        settings=settings,
        workers=workers,
        progress=progress,
        cancel=cancel,
    )


@dataclass(frozen=True, slots=True)
class SplitStack:
    """A stack split into PDFs in a folder of its own, not attached yet (`attach_stack`)."""

    split: SplitResult
    folder: Path


def split_stack(
    db: Database,
    inputs: Sequence[str | Path],
    *,
    settings: PageSettings | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> SplitStack:
    """Split a stack by its control sheets into a new temporary folder; write nothing to the
    database (it is only read, for the codes on the sheets). The long part of a batch: the
    window runs it away from its database lane. Raises as `split_scans`; the folder is
    removed when it does."""
    folder = Path(tempfile.mkdtemp(prefix="counter-app-split-"))
    try:
        split = split_scans(
            db, inputs, folder, settings=settings, workers=workers, progress=progress,
            cancel=cancel,
        )  # fmt: skip
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return SplitStack(split, folder)


def attach_stack(
    db: Database,
    stack: SplitStack,
    *,
    actor: Actor,
    review_dir: Path | None = None,
    root: Path | None = None,
    now: datetime | None = None,
) -> BatchResult:
    """Attach each dossier's documents of a split stack (one transaction per dossier) and
    keep its review pages in `review_dir` (default: a new folder under the data folder's
    `scans/review`); the stack's folder is removed afterwards, whatever happens."""
    now = now or utcnow()
    split = stack.split
    try:
        review, kept = _keep_review(split.review, review_dir, now)
        documents: list[AttachedDocument] = []
        warnings: list[str] = []
        for code in split.dossier_codes():
            docs = [d for d in split.documents if d.dossier_code == code]
            with db.write() as session:
                targets = []
                for d in docs:
                    try:
                        targets.append((d, _target(session, code, d.item)))
                    except InvalidInput as exc:  # the separator names an item it lacks
                        warnings.append(f"{code}: {exc.message}")
                        targets.append((d, _target(session, code, None)))
                documents += _record(session, targets[0][1], targets, actor, now, root, "batch")
    finally:
        shutil.rmtree(stack.folder, ignore_errors=True)
    return BatchResult(
        tuple(documents),
        review,
        split.blank,
        split.sheets,
        split.total_pages,
        kept,
        tuple(warnings),
    )


def split_and_attach(
    db: Database,
    inputs: Sequence[str | Path],
    *,
    actor: Actor,
    settings: PageSettings | None = None,
    review_dir: Path | None = None,
    root: Path | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    now: datetime | None = None,
) -> BatchResult:
    """`split_stack` then `attach_stack`: split a stack of dossiers by their control sheets
    and attach each dossier's documents (one transaction per dossier).

    Raises UnreadableInput for an input path that does not exist, ScanCancelled when
    cancelled during the split (nothing is attached)."""
    stack = split_stack(
        db, inputs, settings=settings, workers=workers, progress=progress, cancel=cancel
    )
    return attach_stack(db, stack, actor=actor, review_dir=review_dir, root=root, now=now)


def _keep_review(
    review: tuple[ReviewPage, ...], review_dir: Path | None, now: datetime
) -> tuple[tuple[ReviewPage, ...], Path | None]:
    """Move the review PDFs out of the temporary folder; return the entries pointing there."""
    pdfs = list(dict.fromkeys(r.pdf for r in review if r.pdf is not None))
    if not pdfs:
        return review, None
    folder = review_dir or data_dir() / "scans" / "review" / now.strftime("%Y%m%d-%H%M%S-%f")
    folder.mkdir(parents=True, exist_ok=True)
    moved = {}
    for pdf in pdfs:
        target = folder / pdf.name
        n = 1
        while target.exists():
            n += 1
            target = folder / f"{pdf.stem}-{n}{pdf.suffix}"
        target.write_bytes(pdf.read_bytes())
        moved[pdf] = target
    out = tuple(
        ReviewPage(
            r.source,
            r.page,
            r.reason_code,
            r.reason,
            r.code,
            moved[r.pdf] if r.pdf is not None else None,
            r.pdf_page,
        )
        for r in review
    )
    return out, folder


def release_review_files(done: Sequence[Path], kept: Sequence[Path]) -> int:
    """Delete the review PDFs in `done` that no page still in the tray (`kept`) comes from, and
    their folders once empty: scanned pages of citizens' papers do not stay on the desk after
    they went into a dossier or were discarded. Return how many files were deleted.

    A file that cannot be deleted is logged and left (the officer's action has succeeded)."""
    in_use = {Path(k) for k in kept}
    deleted = 0
    for pdf in dict.fromkeys(Path(d) for d in done):
        if pdf in in_use:
            continue
        try:
            pdf.unlink(missing_ok=True)
            deleted += 1
            if pdf.parent.name != "review" and not any(pdf.parent.iterdir()):
                pdf.parent.rmdir()
        except OSError as exc:
            log.warning("review file %s not deleted: %s", pdf, exc)
    return deleted


def _target(session: Session, code: str, item: int | None) -> _Target:
    dossier = session.scalar(select(Dossier).where(Dossier.code == nfc(code).upper()))
    if dossier is None:
        raise NotFound(f"Không có hồ sơ mã {code} / No dossier with code {code}")
    if item is None:
        return _Target(dossier.id, dossier.code, None, "")
    row = session.scalar(
        select(DossierItem).where(
            DossierItem.dossier_id == dossier.id, DossierItem.position == item
        )
    )
    if row is None:
        raise InvalidInput(
            f"Hồ sơ {dossier.code} không có thành phần số {item} / The dossier has no item {item}"
        )
    return _Target(dossier.id, dossier.code, row.id, row.name)


def _record(
    session: Session,
    dossier: _Target,
    docs: list[tuple[SplitDocument, _Target]],
    actor: Actor,
    now: datetime | None,
    root: Path | None,
    source: str,
) -> list[AttachedDocument]:
    """Store the PDFs and record them on the dossier, in the caller's transaction."""
    at = now or utcnow()
    out: list[AttachedDocument] = []
    new: list[dict[str, object]] = []
    pages = 0
    for doc, target in docs:
        stored = store_file(session, doc.pdf, PDF, actor, root=root)
        exists = session.scalar(
            select(DossierFile.id).where(
                DossierFile.dossier_id == dossier.dossier_id,
                DossierFile.sha256 == stored.sha256,
                DossierFile.role == ROLE,
            )
        )
        title = _title(target)
        if exists is None:
            row = DossierFile(
                dossier_id=dossier.dossier_id,
                sha256=stored.sha256,
                dossier_item_id=target.item_id,
                role=ROLE,
                title=title,
                page_count=doc.pages,
                origin_desk_id=actor.desk_id,
            )
            session.add(row)
            session.flush()
            add_outbox(session, row, "insert")
            new.append(
                {"sha256": stored.sha256, "item": doc.item, "pages": doc.pages, "title": title}
            )
            pages += doc.pages
        out.append(
            AttachedDocument(
                dossier.code,
                doc.item if target.item_id else None,
                target.item_name,
                doc.pages,
                stored.sha256,
                stored.path,
                exists is not None,
                doc.origins,
            )
        )
    if new:
        event = DossierEvent(
            dossier_id=dossier.dossier_id,
            kind="scan",
            at=at,
            actor_user_id=actor.user_id,
            actor_name=actor.name,
            desk_id=actor.desk_id,
            data={"source": source, "documents": new},
            origin_desk_id=actor.desk_id,
        )
        session.add(event)
        session.flush()
        add_outbox(session, event, "append")
        audit(
            session,
            actor,
            "dossier.scan",
            entity="dossiers",
            entity_id=dossier.dossier_id,
            details={
                "code": dossier.code,
                "files": [d["sha256"] for d in new],
                "pages": pages,
                "source": source,
            },
            at=at,
        )
    return out


def _title(target: _Target) -> str:
    if target.item_name:
        return f"Bản quét: {target.item_name}"
    return "Bản quét hồ sơ"
