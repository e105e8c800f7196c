"""One PDF per document, written page by page: each page one image (JPEG for grayscale, CCITT
Group 4 for bilevel), with the document's metadata in the Info dictionary and in XMP.

Written by hand (about a hundred lines of PDF syntax) rather than with a library, because
a) pages are streamed to the file as they come, so a 500-page batch never sits in memory, and
b) the output is a pure function of pages and metadata: scanning the same paper twice into the
same file gives the same bytes, the same SHA-256, and storage keeps one copy.

Metadata (custom Info keys and the `ca:` XMP namespace, `urn:counter-app:scan:1`):
DossierCode, ChecklistItem, PageCount, ContentSHA256 — the SHA-256 of the concatenated SHA-256
digests of the pages' image streams in order (a file cannot hold its own hash: the file's hash
is its storage address) — and PageSHA256, one digest per page.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol
from xml.sax.saxutils import escape

from PIL import Image

Encoding = Literal["jpeg", "g4", "flate1"]
XMP_NS = "urn:counter-app:scan:1"
PRODUCER = "counter-app scanning"


class Sink(Protocol):
    """Where a PDF is written: a binary file, a BytesIO, or a wrapper that hashes as it goes."""

    def write(self, data: bytes, /) -> object: ...


@dataclass(frozen=True, slots=True)
class EncodedPage:
    """A cleaned page ready for the PDF: compressed image data and its size in pixels at dpi."""

    data: bytes
    width: int
    height: int
    dpi: int
    encoding: Encoding
    rotate: int = 0  # degrees clockwise the viewer turns the page (/Rotate): lossless

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True, slots=True)
class PdfMeta:
    """What a document's PDF says about itself."""

    dossier_code: str = ""
    item: int | None = None  # the document's number in the dossier's list (checklist item)
    title: str = ""
    created: datetime | None = None  # None: no date, so equal scans give equal files


@dataclass(frozen=True, slots=True)
class PdfSummary:
    pages: int
    content_sha256: str
    page_sha256: tuple[str, ...] = field(default=())


class PdfWriter:
    """Write a PDF to a binary stream one page at a time; `close()` finishes it."""

    # Object numbers: 1 catalog, 2 page tree, 3 info, 4 XMP; pages take three each from 5.
    def __init__(self, out: Sink, meta: PdfMeta) -> None:
        self._out = out
        self._meta = meta
        self._pos = 0
        self._offsets: dict[int, int] = {}
        self._kids: list[int] = []
        self._digests: list[str] = []
        self._next = 5
        self._closed = False
        self._write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    @property
    def pages(self) -> int:
        return len(self._kids)

    def add_page(self, page: EncodedPage) -> None:
        if self._closed:
            raise ValueError("the PDF is closed")
        image, content, page_obj = self._next, self._next + 1, self._next + 2
        self._next += 3
        self._object(image, _image_dict(page), page.data)
        w_pt = page.width * 72 / page.dpi
        h_pt = page.height * 72 / page.dpi
        draw = f"q {w_pt:.3f} 0 0 {h_pt:.3f} 0 0 cm /Im0 Do Q".encode()
        self._object(content, b"<< /Length %d >>" % len(draw), draw)
        rotate = f"/Rotate {page.rotate % 360} " if page.rotate % 360 else ""
        self._object(
            page_obj,
            (
                f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w_pt:.3f} {h_pt:.3f}] {rotate}"
                f"/Resources << /XObject << /Im0 {image} 0 R >> >> /Contents {content} 0 R >>"
            ).encode(),
        )
        self._kids.append(page_obj)
        self._digests.append(page.sha256)

    def close(self) -> PdfSummary:
        """Write the page tree, metadata, cross-reference table and trailer; return a summary.
        Raises ValueError for a PDF without pages."""
        if not self._kids:
            raise ValueError("a PDF needs at least one page")
        self._closed = True
        content = content_sha256(self._digests)
        kids = " ".join(f"{k} 0 R" for k in self._kids)
        self._object(2, f"<< /Type /Pages /Kids [{kids}] /Count {len(self._kids)} >>".encode())
        self._object(3, _info(self._meta, len(self._kids), content))
        xmp = _xmp(self._meta, len(self._kids), content, self._digests)
        self._object(4, b"<< /Type /Metadata /Subtype /XML /Length %d >>" % len(xmp), xmp)
        self._object(1, b"<< /Type /Catalog /Pages 2 0 R /Metadata 4 0 R >>")
        xref = self._pos
        size = self._next
        lines = [b"xref\n", b"0 %d\n" % size, b"0000000000 65535 f \n"]
        for n in range(1, size):
            lines.append(b"%010d 00000 n \n" % self._offsets[n])
        file_id = content[:32]
        lines.append(
            (
                f"trailer\n<< /Size {size} /Root 1 0 R /Info 3 0 R "
                f"/ID [<{file_id}> <{file_id}>] >>\nstartxref\n{xref}\n%%EOF\n"
            ).encode()
        )
        self._write(b"".join(lines))
        return PdfSummary(len(self._kids), content, tuple(self._digests))

    def _write(self, data: bytes) -> None:
        self._out.write(data)
        self._pos += len(data)

    def _object(self, number: int, head: bytes, stream: bytes | None = None) -> None:
        self._offsets[number] = self._pos
        parts = [b"%d 0 obj\n" % number, head]
        if stream is not None:
            parts += [b"\nstream\n", stream, b"\nendstream"]
        parts.append(b"\nendobj\n")
        self._write(b"".join(parts))


def build_pdf(pages: Iterable[EncodedPage], meta: PdfMeta) -> bytes:
    """Return the PDF of `pages` (at least one) with `meta`. Raises ValueError without pages."""
    buf = io.BytesIO()
    writer = PdfWriter(buf, meta)
    for page in pages:
        writer.add_page(page)
    writer.close()
    return buf.getvalue()


def content_sha256(page_digests: Iterable[str]) -> str:
    """Return the ContentSHA256 of pages with these image-stream digests (hex)."""
    h = hashlib.sha256()
    for d in page_digests:
        h.update(bytes.fromhex(d))
    return h.hexdigest()


def default_title(meta: PdfMeta) -> str:
    if meta.title:
        return meta.title
    title = f"Bản quét hồ sơ {meta.dossier_code}".strip() if meta.dossier_code else "Bản quét"
    if meta.item is not None:
        title += f", thành phần số {meta.item}"
    return title


def _image_dict(page: EncodedPage) -> bytes:
    common = f"/Type /XObject /Subtype /Image /Width {page.width} /Height {page.height} "
    if page.encoding == "jpeg":
        spec = "/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode"
    elif page.encoding == "g4":
        spec = (
            "/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode "
            f"/DecodeParms << /K -1 /Columns {page.width} /Rows {page.height} /BlackIs1 true >>"
        )
    else:
        spec = "/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode"
    return f"<< {common}{spec} /Length {len(page.data)} >>".encode()


def _pdf_text(text: str) -> str:
    """Return `text` as a PDF string: literal when plain ASCII, else UTF-16BE with a BOM."""
    if all(32 <= ord(c) < 127 for c in text):
        return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def _pdf_date(t: datetime) -> str:
    offset = t.strftime("%z") or "+0000"
    return t.strftime("D:%Y%m%d%H%M%S") + f"{offset[:3]}'{offset[3:]}'"


def _info(meta: PdfMeta, pages: int, content: str) -> bytes:
    entries = {
        "Title": _pdf_text(default_title(meta)),
        "Creator": _pdf_text("counter-app"),
        "Producer": _pdf_text(PRODUCER),
        "PageCount": _pdf_text(str(pages)),
        "ContentSHA256": _pdf_text(content),
    }
    if meta.dossier_code:
        entries["Subject"] = _pdf_text(meta.dossier_code)
        entries["DossierCode"] = _pdf_text(meta.dossier_code)
    if meta.item is not None:
        entries["ChecklistItem"] = _pdf_text(str(meta.item))
    if meta.created is not None:
        entries["CreationDate"] = _pdf_text(_pdf_date(meta.created))
    return ("<< " + " ".join(f"/{k} {v}" for k, v in entries.items()) + " >>").encode()


def _xmp(meta: PdfMeta, pages: int, content: str, digests: list[str]) -> bytes:
    fields = [
        "<dc:format>application/pdf</dc:format>",
        '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">'
        f"{escape(default_title(meta))}</rdf:li></rdf:Alt></dc:title>",
        f"<pdf:Producer>{PRODUCER}</pdf:Producer>",
        "<xmp:CreatorTool>counter-app</xmp:CreatorTool>",
        f"<ca:DossierCode>{escape(meta.dossier_code)}</ca:DossierCode>",
        f"<ca:ChecklistItem>{'' if meta.item is None else meta.item}</ca:ChecklistItem>",
        f"<ca:PageCount>{pages}</ca:PageCount>",
        f"<ca:ContentSHA256>{content}</ca:ContentSHA256>",
        "<ca:PageSHA256><rdf:Seq>"
        + "".join(f"<rdf:li>{d}</rdf:li>" for d in digests)
        + "</rdf:Seq></ca:PageSHA256>",
    ]
    if meta.created is not None:
        fields.append(f"<xmp:CreateDate>{meta.created.isoformat()}</xmp:CreateDate>")
    body = "\n   ".join(fields)
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about=""\n'
        '    xmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"\n'
        '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"\n'
        f'    xmlns:ca="{XMP_NS}">\n'
        f"   {body}\n"
        "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n"
        '<?xpacket end="r"?>'
    ).encode()


_CA_FIELD = re.compile(rb"<ca:(DossierCode|ChecklistItem|PageCount|ContentSHA256)>([^<]*)</ca:")
_PAGE_DIGESTS = re.compile(rb"<ca:PageSHA256><rdf:Seq>(.*?)</rdf:Seq>", re.DOTALL)


def read_scan_metadata(data: bytes) -> dict[str, object] | None:
    """Return the `ca:` metadata of a PDF written here (dossier_code, item, pages,
    content_sha256, page_sha256), or None for another PDF."""
    found = {k.decode(): v.decode("utf-8") for k, v in _CA_FIELD.findall(data)}
    if "ContentSHA256" not in found:
        return None
    digests = _PAGE_DIGESTS.search(data)
    items = re.findall(rb"<rdf:li>([0-9a-f]{64})</rdf:li>", digests.group(1)) if digests else []
    return {
        "dossier_code": found.get("DossierCode", ""),
        "item": int(found["ChecklistItem"]) if found.get("ChecklistItem") else None,
        "pages": int(found.get("PageCount", "0")),
        "content_sha256": found["ContentSHA256"],
        "page_sha256": [d.decode() for d in items],
    }


_FILTERS: dict[str, Encoding] = {
    "DCTDecode": "jpeg",
    "CCITTFaxDecode": "g4",
    "FlateDecode": "flate1",
}


def read_pages(data: bytes) -> list[EncodedPage]:
    """Return the pages of a PDF written here, without decoding them: the window reorders,
    turns, deletes or moves pages between documents, and `build_pdf` writes the result with
    no loss. Raises ValueError for a PDF whose pages are not one image each."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    out = []
    try:
        for n in range(len(doc)):
            page = doc[n]
            found = [o for o in page.get_objects() if isinstance(o, pdfium.PdfImage)]
            if len(found) != 1:
                raise ValueError(f"page {n + 1} is not one image")
            image = found[0]
            filters = image.get_filters()
            if len(filters) != 1 or filters[0] not in _FILTERS:
                raise ValueError(f"page {n + 1}: unsupported image encoding {filters}")
            width, height = image.get_px_size()
            left, _, right, _ = page.get_mediabox()  # as written, before /Rotate
            dpi = round(width / ((right - left) / 72))
            raw = bytes(image.get_data(decode_simple=False))
            out.append(
                EncodedPage(raw, width, height, dpi, _FILTERS[filters[0]], page.get_rotation())
            )
    finally:
        doc.close()
    return out


def thumbnails(data: bytes, width: int = 160, limit: int | None = None) -> list[Image.Image]:
    """Return each page of a PDF (the first `limit` ones) as a PIL image `width` pixels wide
    (turned as shown)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        out: list[Image.Image] = []
        for n in range(len(doc) if limit is None else min(limit, len(doc))):
            page = doc[n]
            w_pt, _ = page.get_size()  # as shown, /Rotate applied
            bitmap = page.render(scale=width / w_pt, grayscale=True, may_draw_forms=False)
            out.append(bitmap.to_pil())
        return out
    finally:
        doc.close()
