"""Attaching the window's work: several documents of cleaned pages in one transaction (the scan
page's Save), and review-tray pages taken from their review PDFs."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from small_catalog import GPLX
from sqlalchemy import func, select

from counter_app.domain.errors import InvalidInput
from counter_app.models import AuditLog, DossierEvent, DossierFile, OutboxOp, StoredFile
from counter_app.scanning import simulate
from counter_app.scanning.errors import UnreadableInput
from counter_app.scanning.pages import PageSettings, clean_image
from counter_app.scanning.pdf import PdfMeta, build_pdf, read_pages
from counter_app.services.intake import Applicant, IntakeRequest, create_dossier
from counter_app.services.recording import Actor
from counter_app.services.scans import attach_documents, attach_review_pages

AT = datetime(2025, 3, 12, 10, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
ACTOR = Actor(None, "Nguyễn Thị Hương")


def _dossier(db) -> str:
    req = IntakeRequest(GPLX, Applicant("Trần Văn An", "020095001234", "0912345678"))
    return create_dossier(db, req, ACTOR, now=AT).code


def _pages(n: int):
    settings = PageSettings(dpi=200)
    return [clean_image(simulate.text_page(i, dpi=200), 200, settings).image for i in range(n)]


def _counts(db) -> dict[str, int]:
    with db.read() as s:
        return {
            m.__tablename__: int(s.scalar(select(func.count()).select_from(m)) or 0)
            for m in (DossierFile, StoredFile, DossierEvent, AuditLog, OutboxOp)
        }


def test_documents_are_attached_together_with_one_event(small_db) -> None:
    code = _dossier(small_db)
    a, b, c = _pages(3)
    before = _counts(small_db)
    docs = attach_documents(small_db, code, [(1, [a, b]), (None, [c])], actor=ACTOR)
    assert [(d.item, d.pages, d.duplicate) for d in docs] == [(1, 2, False), (None, 1, False)]
    assert read_pages(docs[0].pdf.read_bytes()) == [a, b]
    after = _counts(small_db)
    assert after["dossier_files"] - before["dossier_files"] == 2
    assert after["dossier_events"] - before["dossier_events"] == 1  # one scan event
    assert after["audit_log"] - before["audit_log"] == 1


def test_an_unknown_item_writes_nothing(small_db) -> None:
    code = _dossier(small_db)
    a, b = _pages(2)
    before = _counts(small_db)
    with pytest.raises(InvalidInput, match="thành phần số 99"):
        attach_documents(small_db, code, [(1, [a]), (99, [b])], actor=ACTOR)
    with pytest.raises(InvalidInput):
        attach_documents(small_db, code, [(1, [a]), (2, [])], actor=ACTOR)
    assert _counts(small_db) == before


def test_review_pages_come_from_their_pdf_unchanged(small_db, tmp_path: Path) -> None:
    code = _dossier(small_db)
    pages = _pages(3)
    review = tmp_path / "review.pdf"
    review.write_bytes(build_pdf(pages, PdfMeta()))
    doc = attach_review_pages(small_db, code, [(review, 3), (review, 1)], actor=ACTOR)
    assert read_pages(doc.pdf.read_bytes()) == [pages[2], pages[0]]
    with pytest.raises(UnreadableInput):
        attach_review_pages(small_db, code, [(review, 4)], actor=ACTOR)
    with pytest.raises(UnreadableInput):
        attach_review_pages(small_db, code, [(tmp_path / "gone.pdf", 1)], actor=ACTOR)
