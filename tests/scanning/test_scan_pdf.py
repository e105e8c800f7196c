"""One PDF per document: pages, sizes, metadata in Info and XMP, the content SHA-256 that
anyone can check, and the same bytes for the same scan."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import subprocess
from datetime import datetime
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
import pytest
from PIL import Image
from scan_stacks import text_page

from counter_app.scanning.pages import PageSettings, clean_image
from counter_app.scanning.pdf import (
    EncodedPage,
    PdfMeta,
    PdfWriter,
    build_pdf,
    read_pages,
    read_scan_metadata,
    thumbnails,
)

CODE = "000.00.06.H56-250312-0001"


@pytest.fixture(scope="module")
def pages() -> list[EncodedPage]:
    gray = clean_image(text_page(1, 200), 200, PageSettings(dpi=200)).image
    bilevel = clean_image(text_page(2, 200), 200, PageSettings(dpi=200, color="bilevel")).image
    assert gray is not None and bilevel is not None
    return [gray, bilevel]


def test_pages_sizes_and_metadata(pages: list[EncodedPage]) -> None:
    data = build_pdf(pages, PdfMeta(dossier_code=CODE, item=2))
    doc = pdfium.PdfDocument(data)
    assert len(doc) == 2
    assert doc[0].get_size() == pytest.approx((595.44, 841.92), abs=0.5)
    info = doc.get_metadata_dict()
    assert info["Title"] == f"Bản quét hồ sơ {CODE}, thành phần số 2"
    assert info["Subject"] == CODE and info["Creator"] == "counter-app"
    meta = read_scan_metadata(data)
    assert meta is not None
    assert (meta["dossier_code"], meta["item"], meta["pages"]) == (CODE, 2, 2)
    # Each page's image stream, as stored, has the digest the metadata lists.
    streams = []
    for n in range(len(doc)):
        (image,) = [o for o in doc[n].get_objects() if isinstance(o, pdfium.PdfImage)]
        streams.append(bytes(image.get_data(decode_simple=False)))
    assert meta["page_sha256"] == [hashlib.sha256(s).hexdigest() for s in streams]
    joined = b"".join(hashlib.sha256(s).digest() for s in streams)
    assert meta["content_sha256"] == hashlib.sha256(joined).hexdigest()


def test_poppler_reads_the_info_and_xmp(pages: list[EncodedPage], tmp_path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(build_pdf(pages, PdfMeta(dossier_code=CODE, item=3)))
    custom = subprocess.run(["pdfinfo", "-custom", str(path)], capture_output=True, text=True)
    assert custom.returncode == 0 and custom.stderr == ""
    fields = dict(line.split(":", 1) for line in custom.stdout.splitlines() if ":" in line)
    fields = {k.strip(): v.strip() for k, v in fields.items()}
    assert fields["DossierCode"] == CODE
    assert fields["ChecklistItem"] == "3" and fields["PageCount"] == "2"
    assert len(fields["ContentSHA256"]) == 64
    xmp = subprocess.run(["pdfinfo", "-meta", str(path)], capture_output=True, text=True).stdout
    assert f"<ca:DossierCode>{CODE}</ca:DossierCode>" in xmp


def test_the_same_scan_gives_the_same_bytes(pages: list[EncodedPage]) -> None:
    meta = PdfMeta(dossier_code=CODE)
    assert build_pdf(pages, meta) == build_pdf(list(pages), meta)
    assert build_pdf(pages, meta) != build_pdf(pages[:1], meta)
    dated = PdfMeta(
        dossier_code=CODE, created=datetime(2025, 3, 12, 9, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    )
    data = build_pdf(pages, dated)
    assert pdfium.PdfDocument(data).get_metadata_dict()["CreationDate"] == "D:20250312093000+07'00'"


def test_streaming_writer_and_errors(pages: list[EncodedPage]) -> None:
    buf = io.BytesIO()
    writer = PdfWriter(buf, PdfMeta(title="Chờ xem xét / For review"))
    for page in pages * 3:
        writer.add_page(page)
    summary = writer.close()
    assert summary.pages == 6 == len(pdfium.PdfDocument(buf.getvalue()))
    with pytest.raises(ValueError):
        writer.add_page(pages[0])
    with pytest.raises(ValueError, match="at least one page"):
        build_pdf([], PdfMeta())
    assert read_scan_metadata(b"%PDF-1.4 not ours") is None


def test_page_images_survive_the_round_trip(pages: list[EncodedPage]) -> None:
    doc = pdfium.PdfDocument(build_pdf(pages[:1], PdfMeta()))
    rendered = doc[0].render(scale=200 / 72, grayscale=True).to_pil().convert("L")
    original = Image.open(io.BytesIO(pages[0].data)).convert("L")
    assert abs(rendered.width - original.width) <= 2
    diff = sum(
        abs(a - b)
        for a, b in zip(
            rendered.resize((100, 140)).tobytes(),
            original.resize((100, 140)).tobytes(),
            strict=True,
        )
    )
    assert diff / (100 * 140) < 6


def test_pages_are_read_back_losslessly_for_the_window(pages: list[EncodedPage]) -> None:
    """The window reorders, turns and deletes pages: read back, rearranged, written again,
    the images are the very same bytes; a turn is the page's /Rotate, no re-encoding."""
    meta = PdfMeta(dossier_code=CODE)
    data = build_pdf(pages, meta)
    back = read_pages(data)
    assert back == pages
    assert build_pdf(back, meta) == data
    turned = [dataclasses.replace(back[1], rotate=90), back[0]]
    data2 = build_pdf(turned, meta)
    doc = pdfium.PdfDocument(data2)
    assert [doc[n].get_rotation() for n in range(2)] == [90, 0]
    assert read_pages(data2) == turned
    thumbs = thumbnails(data2, width=120)
    assert [t.width for t in thumbs] == [120, 120]
    assert thumbs[0].height < thumbs[0].width < thumbs[1].height  # the turned page is landscape
    with pytest.raises(ValueError):
        read_pages(_foreign_pdf())


def _foreign_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(100, 700, "not a scan")
    c.save()
    return buf.getvalue()
