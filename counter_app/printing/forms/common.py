"""What every A4 form shares: margins, paragraph styles, the national header, ruled tables,
signature blocks and the applicant's block."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from counter_app.domain.text import nfc
from counter_app.printing.documents import CenterInfo, DocumentLine, DossierInfo
from counter_app.printing.fonts import FormFonts, form_fonts
from counter_app.printing.forms.vntext import esc, val, vn_date

# Margins of administrative documents (Decree 30/2020/NĐ-CP, Appendix I; Circular 01/2011).
TOP, BOTTOM, LEFT, RIGHT = 20 * mm, 20 * mm, 30 * mm, 15 * mm
PORTRAIT = A4
LANDSCAPE = landscape(A4)
TN_TKQ = "Bộ phận tiếp nhận và trả kết quả"
SIGN_HINT = "(Ký và ghi rõ họ tên)"


def text_width(pagesize: tuple[float, float] = PORTRAIT) -> float:
    """Return the width between the margins, in points."""
    return pagesize[0] - LEFT - RIGHT


def text_height(pagesize: tuple[float, float] = PORTRAIT) -> float:
    """Return the height between the margins, in points."""
    return pagesize[1] - TOP - BOTTOM


class _Table(Table):
    """A table whose cells start in the form's font: reportlab's default, Helvetica, would be
    set for every cell and end up in the PDF as a font that is not embedded."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setStyle([("FONTNAME", (0, 0), (-1, -1), form_fonts().regular)])


@dataclass(frozen=True, slots=True)
class Kit:
    """Paragraph styles of one form, sized from `base` points of Times (scaled for the font)."""

    fonts: FormFonts
    base: float  # body size in points of Times
    table: float  # table text size in points of Times
    body: ParagraphStyle
    justify: ParagraphStyle
    prose: ParagraphStyle  # justified, first line indented: running text
    center: ParagraphStyle
    title: ParagraphStyle
    head_left: ParagraphStyle
    head_right: ParagraphStyle
    head_date: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle
    sign_title: ParagraphStyle
    sign_hint: ParagraphStyle
    sign_name: ParagraphStyle

    def size(self, points: float) -> float:
        """Return `points` of Times in the form's font."""
        return points * self.fonts.scale

    def p(self, markup: str, style: ParagraphStyle | None = None) -> Paragraph:
        """Return a paragraph of markup (values already escaped with `esc`)."""
        return Paragraph(markup, style or self.body)

    def line(self, label: str, value: str, *, bold: bool = True) -> Paragraph:
        """Return "Label: value" with the value bold (value already escaped)."""
        return self.p(f"{label}: <b>{value}</b>" if bold else f"{label}: {value}")


@lru_cache(maxsize=8)
def kit(
    base: float = 13, table: float | None = None, *, gap: float = 1.5, lead: float = 1.22
) -> Kit:
    """Return the styles for body text of `base` points and table text of `table` points
    (default base - 2), `gap` points before and after body paragraphs and line spacing `lead`.

    Raises PrintingError when no Vietnamese font is installed."""
    fonts = form_fonts()
    k = fonts.scale
    b = base * k
    table = table if table is not None else base - 2
    t = table * k

    def style(name: str, size: float, **kw: Any) -> ParagraphStyle:
        kw.setdefault("fontName", fonts.regular)
        kw.setdefault("leading", size * lead)
        return ParagraphStyle(name, fontSize=size, **kw)

    return Kit(
        fonts=fonts,
        base=base,
        table=table,
        body=style("body", b, spaceBefore=gap, spaceAfter=gap),
        justify=style("justify", b, alignment=TA_JUSTIFY, spaceBefore=gap, spaceAfter=gap),
        prose=style(
            "prose",
            b,
            alignment=TA_JUSTIFY,
            firstLineIndent=10 * mm,
            spaceBefore=gap,
            spaceAfter=gap,
        ),
        center=style("center", b, alignment=TA_CENTER),
        title=style(
            "title", max(base + 1, 14) * k, alignment=TA_CENTER, fontName=fonts.bold, spaceBefore=6
        ),
        head_left=style("head_left", 12 * k, alignment=TA_CENTER, leading=12 * k * 1.15),
        head_right=style(
            "head_right", 12 * k, alignment=TA_CENTER, fontName=fonts.bold, leading=12 * k * 1.15
        ),
        head_date=style("head_date", 13 * k, alignment=TA_CENTER, fontName=fonts.italic),
        cell=style("cell", t, alignment=TA_LEFT, leading=t * 1.18),
        cell_center=style("cell_center", t, alignment=TA_CENTER, leading=t * 1.18),
        cell_head=style("cell_head", t, alignment=TA_CENTER, fontName=fonts.bold, leading=t * 1.18),
        sign_title=style("sign_title", b, alignment=TA_CENTER, fontName=fonts.bold),
        sign_hint=style("sign_hint", b * 0.92, alignment=TA_CENTER, fontName=fonts.italic),
        sign_name=style("sign_name", b, alignment=TA_CENTER, fontName=fonts.bold),
    )


def header(
    kt: Kit,
    center: CenterInfo,
    day: date | None,
    *,
    number: str = "",
    width: float | None = None,
) -> list[Flowable]:
    """Return the national header: agency and center (left), national name and motto (right),
    "Số: …" under the center when `number` is given, and "<place>, ngày … tháng … năm …"
    centered under the motto when `day` is given (Decree 30/2020, Appendix I)."""
    width = width or text_width()
    left_w = min(0.44 * width, 80 * mm)
    right_w = width - left_w
    f = kt.fonts
    motto = "Độc lập - Tự do - Hạnh phúc"
    motto_style = ParagraphStyle(
        "motto", parent=kt.head_right, fontSize=13 * f.scale, leading=13 * f.scale * 1.2
    )
    motto_w = stringWidth(motto, f.bold, motto_style.fontSize)
    left: list[Flowable] = [
        kt.p(esc(center.agency).upper(), kt.head_left),
        kt.p(f"<b>{esc(center.name).upper()}</b>", kt.head_left),
        HRFlowable(
            width=min(30 * mm, left_w * 0.4),
            thickness=0.6,
            color=colors.black,
            spaceBefore=3.5,
            spaceAfter=2,
            hAlign="CENTER",
        ),
    ]
    if number:
        left.append(kt.p(f"Số: {esc(number)}", kt.head_left))
    right: list[Flowable] = [
        kt.p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", kt.head_right),
        kt.p(motto, motto_style),
        HRFlowable(
            width=motto_w,
            thickness=0.6,
            color=colors.black,
            spaceBefore=3.5,
            spaceAfter=2,
            hAlign="CENTER",
        ),
    ]
    if day is not None:
        right += [Spacer(1, 3), kt.p(f"{esc(center.place)}, {vn_date(day)}", kt.head_date)]
    table = _Table([[left, right]], colWidths=[left_w, right_w], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),  # centers the rules under the lines
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [table, Spacer(1, 4 * mm)]


def title(kt: Kit, text: str, *sub: str) -> list[Flowable]:
    """Return the form title (bold capitals) and optional lines under it (markup)."""
    out: list[Flowable] = [kt.p(esc(text).upper(), kt.title)]
    out += [kt.p(s, kt.center) for s in sub]
    out.append(Spacer(1, 3 * mm))
    return out


def grid(
    kt: Kit,
    head: Sequence[str],
    rows: Sequence[Sequence[Flowable | str]],
    widths: Sequence[float],
    *,
    repeat: bool = True,
    numbered_head: bool = False,
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """Return a ruled table: a bold centered header row (repeated on each page when `repeat`;
    none if `head` is empty), optionally a row "(1) (2) …" under it, then `rows` (strings become
    left-aligned cells, already escaped). `widths` are in points; `extra` adds TableStyle
    commands."""
    data: list[list[Flowable | str]] = [[kt.p(h, kt.cell_head) for h in head]] if head else []
    if numbered_head:
        data.append([kt.p(f"({i})", kt.cell_center) for i in range(1, len(head) + 1)])
    data += [[kt.p(c, kt.cell) if isinstance(c, str) else c for c in row] for row in rows]
    head_rows = (2 if numbered_head else 1) if head else 0
    table = _Table(
        data, colWidths=list(widths), repeatRows=head_rows if repeat else 0, hAlign="LEFT"
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *([("VALIGN", (0, 0), (-1, head_rows - 1), "MIDDLE")] if head_rows else []),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                *extra,
            ]
        )
    )
    return table


def signatures(
    kt: Kit,
    blocks: Sequence[tuple[str, str, str] | None],
    *,
    width: float | None = None,
    space: float = 22 * mm,
) -> Table:
    """Return side-by-side signature blocks, each (title, hint, printed name) or None for an
    empty column; room for the signature is `space` high."""
    width = width or text_width()
    cells: list[list[Flowable]] = []
    for block in blocks:
        if block is None:
            cells.append([])
            continue
        head, hint, name = block
        cells.append(
            [
                kt.p(esc(head).upper(), kt.sign_title),
                kt.p(esc(hint), kt.sign_hint),
                Spacer(1, space),
                kt.p(esc(name), kt.sign_name),
            ]
        )
    n = max(1, len(cells))
    table = _Table([cells], colWidths=[width / n] * n, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def plain_table(rows: list[list[Any]], widths: Sequence[float], **style: Any) -> Table:
    """Return a table without rules (for layout), cells aligned to the top."""
    table = _Table(rows, colWidths=list(widths), hAlign="LEFT")
    cmds: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), style.get("valign", "TOP")),
        ("LEFTPADDING", (0, 0), (-1, -1), style.get("pad", 0)),
        ("RIGHTPADDING", (0, 0), (-1, -1), style.get("pad", 0)),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]
    table.setStyle(TableStyle(cmds + list(style.get("extra", ()))))
    return table


def column_width(kt: Kit, texts: Sequence[str], size: float, low: float, high: float) -> float:
    """Return the width (points) a table column needs to show the longest of `texts` in the
    regular face at `size` points of Times on one line, kept within [low, high]."""
    longest = max((stringWidth(nfc(t), kt.fonts.regular, kt.size(size)) for t in texts), default=0)
    return max(low, min(high, longest + 7))


def split_code(kt: Kit, code: str, size: float) -> list[str]:
    """Return `code` as one line, or as two lines broken after the hyphen that makes the
    longer line shortest ("000.00.06.H56-" / "231027-0361"), for narrow table columns."""
    code = nfc(code)
    font, pts = kt.fonts.regular, kt.size(size)
    best = [code]
    best_w = stringWidth(code, font, pts)
    for i, ch in enumerate(code[:-1]):
        if ch == "-":
            parts = [code[: i + 1], code[i + 1 :]]
            w = max(stringWidth(p, font, pts) for p in parts)
            if w < best_w:
                best, best_w = parts, w
    return best


def contact_lines(kt: Kit, phone: str, email: str, width: float | None = None) -> Table:
    """Return "Số điện thoại: … Email: …" on one line in two columns (values bold)."""
    w = width or text_width()
    return plain_table(
        [[kt.line("Số điện thoại", val(phone)), kt.line("Email", val(email))]],
        [0.4 * w, 0.6 * w],
    )


def applicant_block(
    kt: Kit, dossier: DossierInfo, lead: str, width: float | None = None
) -> list[Flowable]:
    """Return the applicant and the request: "<lead>: NAME", address, phone and email, the
    procedure with its code, and the department that settles it, `width` wide."""
    a = dossier.applicant
    proc = f"<b>{val(dossier.procedure_name)}</b>"
    if nfc(dossier.procedure_code):
        proc += f" (mã thủ tục: {esc(dossier.procedure_code)})"
    out: list[Flowable] = [
        kt.line(lead, val(a.full_name)),
        kt.line("Địa chỉ", val(a.address), bold=False),
        contact_lines(kt, a.phone, a.email, width),
        kt.p(f"Nội dung yêu cầu giải quyết: {proc}", kt.justify),
    ]
    if nfc(dossier.department):
        out.append(kt.line("Cơ quan giải quyết", esc(dossier.department), bold=False))
    return out


def documents_table(kt: Kit, lines: Sequence[DocumentLine], name_head: str) -> Table:
    """Return the numbered table of documents: STT, name (with its note in italics), form
    (bản chính / bản sao chứng thực / bản chụp) and count."""
    w = text_width()
    rows = [
        [
            kt.p(str(i), kt.cell_center),
            esc(line.name) + (f" <i>({esc(line.note)})</i>" if esc(line.note) else ""),
            kt.p(esc(line.kind), kt.cell_center),
            kt.p(f"{line.count:02d}", kt.cell_center),
        ]
        for i, line in enumerate(lines, start=1)
    ]
    return grid(
        kt,
        ["STT", esc(name_head), "Hình thức", "Số lượng"],
        rows,
        [10 * mm, w - 10 * mm - 34 * mm - 14 * mm, 34 * mm, 14 * mm],
    )
