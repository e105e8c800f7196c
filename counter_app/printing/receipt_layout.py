"""Thermal receipts as device-independent layouts: blocks of text, rows, rules, QR and barcodes.

A layout says what is printed and how it is emphasised; `raster.py` decides the pixels for a
paper width and `escpos_out.py` the bytes. Line breaking is here (`wrap`, `key_value_rows`) so
that the raster renderer (pixels) and the printer's text mode (character cells) break alike:
on word boundaries, a word broken only when it alone is wider than the line.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from counter_app.domain.calendar import CENTER_TZ
from counter_app.domain.text import nfc
from counter_app.printing.documents import (
    CenterInfo,
    DossierInfo,
    HandoverDoc,
    IntakeReceiptDoc,
    QueueTicketDoc,
    ResultReturnedDoc,
)

LOCAL_TZ = ZoneInfo(CENTER_TZ)


class Size(enum.Enum):
    SMALL = "small"
    NORMAL = "normal"
    LARGE = "large"
    HUGE = "huge"  # the ticket number: shrunk to fit rather than broken


class Align(enum.Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


class Rule(enum.Enum):
    LINE = "line"
    DASHED = "dashed"
    SPACE = "space"


@dataclass(frozen=True, slots=True)
class Text:
    """A paragraph. `shrink`: made smaller (to 3/4 of SMALL at most) rather than break a word
    wider than the line, for codes people read; HUGE text always shrinks. `hanging`: the lines
    after the first start under its second word (bullets, numbered items). `indent_mm`: a left
    indent for every line."""

    text: str
    size: Size = Size.NORMAL
    bold: bool = False
    align: Align = Align.LEFT
    shrink: bool = False
    hanging: bool = False
    indent_mm: float = 0.0


@dataclass(frozen=True, slots=True)
class KeyValue:
    """A "label: value" row. The rows of a receipt share one value column; the value wraps
    under itself, or goes under the label when the label column would leave it too little
    room."""

    key: str
    value: str
    size: Size = Size.NORMAL
    bold_value: bool = False


@dataclass(frozen=True, slots=True)
class Separator:
    style: Rule = Rule.LINE


@dataclass(frozen=True, slots=True)
class QRCode:
    """A QR code, centered; the module size is chosen so it is about `size_mm` wide and fits."""

    data: str
    size_mm: float = 24.0


@dataclass(frozen=True, slots=True)
class Barcode:
    """A Code 128 barcode, centered, at least 2 dots per module. An `optional` one is left out
    when it does not fit the paper at that size (the same data must be printed otherwise)."""

    data: str
    height_mm: float = 10.0
    optional: bool = False


@dataclass(frozen=True, slots=True)
class Signatures:
    """Side-by-side signature boxes: (title, name) per party, with room to sign between."""

    parties: tuple[tuple[str, str], ...]
    space_mm: float = 16.0
    hint: str = "(Ký, ghi rõ họ\u00a0tên)"


@dataclass(frozen=True, slots=True)
class Feed:
    """Blank paper, e.g. before the tear bar."""

    mm: float = 4.0


Block = Text | KeyValue | Separator | QRCode | Barcode | Signatures | Feed


@dataclass(frozen=True, slots=True)
class Receipt:
    """A receipt: what it is (for job lists and previews) and its blocks, top to bottom."""

    title: str
    blocks: tuple[Block, ...]


# --- line breaking, shared by pixels and character cells ------------------------------------

Measure = Callable[[str], float]
NBSP = "\u00a0"
_BREAK_AFTER = "-/.,;:_)"
_SPACES = re.compile(r"[^\S\u00a0]+")
# A scanner's BOM and zero-width spaces are not text (as in domain.text.nfc).
_INVISIBLE = {0xFEFF: None, 0x200B: None}


def _break_word(word: str, width: float, measure: Measure) -> list[str]:
    """Split one word wider than `width` into pieces that fit, preferring to break after a
    hyphen, slash or dot (codes) and never between a letter and its combining marks."""
    pieces: list[str] = []
    while word and measure(word) > width:
        fit = 1
        while fit < len(word) and measure(word[: fit + 1]) <= width:
            fit += 1
        while fit < len(word) and unicodedata.combining(word[fit]):
            fit += 1  # keep the marks with their letter, even if a hair too wide
        nicer = max((i + 1 for i in range(fit) if word[i] in _BREAK_AFTER), default=0)
        cut = nicer if nicer * 2 >= fit else fit
        pieces.append(word[:cut])
        word = word[cut:]
    if word:
        pieces.append(word)
    return pieces


def words(text: str) -> list[str]:
    """Return the words of `text`: NFC, split at whitespace runs except the no-break space
    (U+00A0), which glues words that must stay on one line ("05 giờ", "ngày 12/03")."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return [w for w in _SPACES.split(text) if w]


def wrap(text: str, width: float, measure: Measure, rest_width: float | None = None) -> list[str]:
    """Return `text` broken into lines no wider than `width` by `measure` (the lines after the
    first no wider than `rest_width`, if given), on word boundaries; a word alone wider than a
    line is broken. Lines are NFC, their spaces plain. An empty text gives one empty line.
    Nothing is dropped: the words of the lines, in order, are the words of the text."""
    parts = words(text)
    # Fast path: add up word widths (one measure per word), then check each line as drawn;
    # kerning across a space could make a line a hair wider than the sum.
    lines = _wrap(parts, width, rest_width, measure, _summing(measure))
    limits = [width] + [width if rest_width is None else rest_width] * (len(lines) - 1)
    if any(measure(line) > limit for line, limit in zip(lines, limits, strict=True)):
        lines = _wrap(parts, width, rest_width, measure, None)
    return [line.replace(NBSP, " ") for line in lines]


def _summing(measure: Measure) -> Callable[[float, str], float]:
    space = measure(" ")
    return lambda current, word: current + space + measure(word) if current else measure(word)


def _wrap(
    parts: list[str],
    width: float,
    rest_width: float | None,
    measure: Measure,
    extend: Callable[[float, str], float] | None,
) -> list[str]:
    lines: list[str] = []
    current, current_width = "", 0.0
    for word in parts:
        limit = width if not lines or rest_width is None else rest_width
        candidate = f"{current} {word}" if current else word
        if extend is None:
            candidate_width = measure(candidate)
        else:
            candidate_width = extend(current_width if current else 0.0, word)
        if candidate_width <= limit:
            current, current_width = candidate, candidate_width
            continue
        if current:
            lines.append(current)
            limit = width if rest_width is None else rest_width
        pieces = [word] if measure(word) <= limit else _break_word(word, limit, measure)
        lines.extend(pieces[:-1])
        current = pieces[-1]
        current_width = measure(current)
    lines.append(current)
    return lines


def hanging_indent(text: str, measure: Measure) -> float:
    """Return the width of the first word of `text` and a space: where hanging lines start."""
    first = next(iter(words(text)), "")
    return measure(first.replace(NBSP, " ") + " ")


@dataclass(frozen=True, slots=True)
class KeyValueLines:
    """How one key-value row is laid out: key lines at x 0; value lines start at `value_x`,
    on the key's first line when `beside`, else on the lines below the key."""

    key_lines: list[str]
    value_lines: list[str]
    value_x: float
    beside: bool


def value_column(keys: Sequence[str], measure: Measure, gap: float, cap: float) -> float:
    """Return where the values of a receipt's rows start, so that they line up: after the
    widest key and `gap`, but never past `cap` (a longer key has its value after it or below)."""
    widths = [measure(" ".join(words(k))) + gap for k in keys]
    return max((w for w in widths if w <= cap), default=cap)


def key_value_rows(
    key: str,
    value: str,
    width: float,
    column: float,
    measure_key: Measure,
    measure_value: Measure,
    indent: float,
    gap: float,
) -> KeyValueLines:
    """Lay out one row, the first of these that applies:
    - the value beside the key, in the shared column, when the key and `gap` fit before the
      column, no word of the value is wider than the column, and that takes no more lines
      than stacking;
    - the value right after a longer key, when both fit on one line;
    - stacked: the key on its own line(s), the value below, indented by `indent`."""
    key_lines = wrap(key, width, measure_key)
    stacked = wrap(value, width - indent, measure_value)
    key_width = measure_key(" ".join(key_lines))
    room = width - column
    if key_width + gap <= column and all(
        measure_value(w.replace(NBSP, " ")) <= room for w in words(value)
    ):
        beside = wrap(value, room, measure_value)
        if len(beside) <= len(key_lines) + len(stacked):
            return KeyValueLines(key_lines, beside, column, True)
    if len(key_lines) == 1 and len(stacked) == 1:
        after = key_width + gap
        if after + measure_value(stacked[0]) <= width:
            return KeyValueLines(key_lines, stacked, after, True)
    return KeyValueLines(key_lines, stacked, indent, False)


# --- wording ----------------------------------------------------------------------------------


def local(t: datetime) -> datetime:
    """Return `t` in the center's zone; a naive `t` is taken as local wall time already."""
    return t.astimezone(LOCAL_TZ) if t.tzinfo is not None else t


def vn_time(t: datetime) -> str:
    """Return "HH giờ mm phút, ngày dd/MM/yyyy" in the center's local time, with no-break
    spaces so that a line breaks only after the comma."""
    t = local(t)
    return f"{t:%H} giờ {t:%M} phút, ngày {t:%d/%m/%Y}".replace(" ", NBSP).replace(",\u00a0", ", ")


def vn_money(amount: int) -> str:
    """Return integer đồng with dots between thousands: 1500000 -> "1.500.000 đồng"."""
    return f"{amount:,}".replace(",", ".") + " đồng"


def _header(center: CenterInfo) -> list[Block]:
    return [
        Text(center.agency, Size.SMALL, align=Align.CENTER),
        Text(center.name, Size.NORMAL, bold=True, align=Align.CENTER),
        Text(center.address, Size.SMALL, align=Align.CENTER),
        Separator(Rule.LINE),
    ]


def _title(text: str) -> list[Block]:
    return [Text(text, Size.LARGE, bold=True, align=Align.CENTER), Separator(Rule.SPACE)]


def _code_blocks(dossier: DossierInfo) -> list[Block]:
    return [
        Text("Mã hồ sơ", Size.SMALL, align=Align.CENTER),
        Text(dossier.code, Size.LARGE, bold=True, align=Align.CENTER, shrink=True),
        QRCode(dossier.code),
        Barcode(dossier.code, optional=True),
    ]


def _glued(text: str) -> str:
    """Return `text` that must not be broken across lines (phone numbers)."""
    return nfc(text).replace(" ", NBSP)


def _bullet(text: str) -> Text:
    return Text(f"• {text}", Size.SMALL, hanging=True)


def _lookup_help(center: CenterInfo, dossier: DossierInfo) -> list[Block]:
    blocks: list[Block] = [Text("Hỏi về hồ sơ:", Size.NORMAL, bold=True)]
    phone = center.hotline or center.phone
    if phone:
        blocks.append(_bullet(f"Gọi số {_glued(phone)}, đọc mã hồ sơ và mã tra cứu;"))
    if center.lookup_url:
        blocks.append(
            _bullet(
                f"Hoặc vào trang {center.lookup_url}, nhập mã hồ sơ {dossier.code} "
                f"và mã tra cứu {dossier.lookup_secret}."
            )
        )
    return blocks


def _printed(at: datetime) -> list[Block]:
    return [
        Separator(Rule.DASHED),
        Text(f"In lúc {vn_time(at)}", Size.SMALL, align=Align.CENTER),
    ]


def ticket_layout(doc: QueueTicketDoc) -> Receipt:
    """Return the queue ticket: service, the number very large, time, people ahead, desks."""
    blocks: list[Block] = [
        Text(doc.center.name, Size.SMALL, bold=True, align=Align.CENTER),
        Separator(Rule.LINE),
        Text("PHIẾU SỐ THỨ TỰ", Size.NORMAL, bold=True, align=Align.CENTER),
        Text(doc.service_name, Size.NORMAL, align=Align.CENTER),
        Text(doc.number, Size.HUGE, bold=True, align=Align.CENTER),
    ]
    if doc.priority:
        blocks.append(Text(doc.priority, Size.NORMAL, bold=True, align=Align.CENTER))
    if doc.ahead == 0:
        ahead = "Không có ai chờ trước bạn"
    else:
        ahead = f"Trước bạn còn {doc.ahead}{NBSP}người chờ"
    blocks += [Separator(Rule.SPACE), Text(ahead, Size.NORMAL, align=Align.CENTER)]
    if doc.desk_hint:
        blocks.append(Text(f"Mời đến: {doc.desk_hint}", Size.NORMAL, True, Align.CENTER))
    blocks.append(Text(f"Lấy số lúc {vn_time(doc.issued_at)}", Size.SMALL, align=Align.CENTER))
    if doc.follow_url:
        blocks += [
            QRCode(doc.follow_url, size_mm=20.0),
            Text("Quét mã để theo dõi lượt của bạn", Size.SMALL, align=Align.CENTER),
        ]
    blocks += [
        Separator(Rule.DASHED),
        Text(
            "Xin vui lòng chờ đến khi số của bạn được gọi. Quá lượt, xin lấy số mới.",
            Size.SMALL,
            align=Align.CENTER,
        ),
        Feed(),
    ]
    return Receipt(f"Phiếu số thứ tự {nfc(doc.number)}", tuple(blocks))


def intake_receipt_layout(doc: IntakeReceiptDoc) -> Receipt:
    """Return the intake receipt and appointment slip: the dossier code as text and QR, the
    look-up secret, applicant, procedure, received and due times, officer, how to ask."""
    d = doc.dossier
    blocks: list[Block] = [
        *_header(doc.center),
        *_title("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
        *_code_blocks(d),
        Text("Mã tra cứu (giữ kín, dùng khi hỏi về hồ sơ)", Size.SMALL, align=Align.CENTER),
        Text(d.lookup_secret, Size.LARGE, bold=True, align=Align.CENTER, shrink=True),
        Separator(Rule.DASHED),
        KeyValue("Người nộp:", d.applicant.full_name, bold_value=True),
    ]
    if d.applicant.phone:
        blocks.append(KeyValue("Điện thoại:", _glued(d.applicant.phone)))
    blocks += [
        KeyValue("Thủ tục:", d.procedure_name),
        KeyValue("Số bộ hồ sơ:", str(d.sets_count)),
        KeyValue("Thời hạn:", d.duration),
    ]
    if d.fee:
        blocks.append(KeyValue("Phí, lệ phí:", vn_money(d.fee)))
    blocks += [
        Separator(Rule.DASHED),
        KeyValue("Nhận lúc:", vn_time(d.received_at)),
        KeyValue("Hẹn trả:", vn_time(d.due_at), bold_value=True),
    ]
    if d.return_by_post:
        where = "Qua bưu chính" + (f": {d.post_address}" if d.post_address else "")
    else:
        where = f"Tại {d.desk}" if d.desk else "Tại Trung tâm"
    blocks.append(KeyValue("Nơi trả:", where))
    blocks.append(Separator(Rule.DASHED))
    if d.officer:
        phone = f" (ĐT{NBSP}{_glued(d.officer_phone)})" if d.officer_phone else ""
        officer = d.officer + phone
        blocks.append(KeyValue("Cán bộ tiếp nhận:", officer))
    if d.desk:
        blocks.append(KeyValue("Quầy:", d.desk))
    if d.ledger_book or d.ledger_entry is not None:
        parts = [d.ledger_book, f"số {d.ledger_entry}" if d.ledger_entry is not None else ""]
        blocks.append(KeyValue("Sổ theo dõi:", " – ".join(p for p in parts if p)))
    blocks += [
        Separator(Rule.DASHED),
        *_lookup_help(doc.center, d),
        Separator(Rule.SPACE),
        Text("Khi đến nhận kết quả, xin mang theo giấy này.", Size.SMALL, bold=True),
        *_printed(doc.printed_at),
        Feed(),
    ]
    return Receipt(f"Giấy tiếp nhận hồ sơ {nfc(d.code)}", tuple(blocks))


def result_returned_layout(doc: ResultReturnedDoc) -> Receipt:
    """Return the slip given with the result: code, procedure, times, who took the result."""
    d = doc.dossier
    on_time = "Đúng hẹn" if doc.returned_at <= d.due_at else "Quá hẹn"
    blocks: list[Block] = [
        *_header(doc.center),
        *_title("PHIẾU XÁC NHẬN ĐÃ TRẢ KẾT QUẢ"),
        *_code_blocks(d),
        Separator(Rule.DASHED),
        KeyValue("Người nộp:", d.applicant.full_name),
        KeyValue("Thủ tục:", d.procedure_name),
        KeyValue("Nhận hồ sơ:", vn_time(d.received_at)),
        KeyValue("Hẹn trả:", vn_time(d.due_at)),
        KeyValue("Đã trả lúc:", vn_time(doc.returned_at), bold_value=True),
        KeyValue("So với hẹn:", on_time),
        KeyValue("Người nhận:", doc.received_by, bold_value=True),
    ]
    if d.desk:
        blocks.append(KeyValue("Quầy:", d.desk))
    blocks += [
        Separator(Rule.DASHED),
        Text("Cảm ơn ông/bà đã sử dụng dịch vụ của Trung tâm.", Size.SMALL, align=Align.CENTER),
        Text(
            f"Góp ý, phản ánh: {_glued(doc.center.hotline or doc.center.phone)}",
            Size.SMALL,
            align=Align.CENTER,
        ),
        *_printed(doc.printed_at),
        Feed(),
    ]
    return Receipt(f"Phiếu trả kết quả {nfc(d.code)}", tuple(blocks))


def handover_summary_layout(doc: HandoverDoc) -> Receipt:
    """Return the postal handover summary: batch, direction, count, every code, signatures."""
    blocks: list[Block] = [
        *_header(doc.center),
        *_title("BIÊN BẢN BÀN GIAO HỒ SƠ"),
        Text(f"Số: {doc.batch_number}", Size.NORMAL, bold=True, align=Align.CENTER, shrink=True),
        Barcode(doc.batch_number, height_mm=8.0),
        Separator(Rule.SPACE),
        KeyValue("Chiều giao:", doc.direction, bold_value=True),
        KeyValue("Đơn vị:", doc.department),
        KeyValue("Thời gian:", vn_time(doc.at)),
        KeyValue("Số lượng:", f"{len(doc.items)} hồ sơ", bold_value=True),
    ]
    blocks += [KeyValue(f"{k}:", v) for k, v in doc.extra.items()]
    blocks += [Separator(Rule.DASHED), Text("Danh sách hồ sơ:", Size.NORMAL, bold=True)]
    for item in doc.items:
        blocks.append(Text(f"{item.number}.{NBSP}{item.code}", bold=True, shrink=True))
        detail = " – ".join(p for p in (item.applicant, item.procedure, item.note) if p)
        if detail:
            blocks.append(Text(detail, Size.SMALL, indent_mm=3.0))
    if doc.notes:
        blocks += [Separator(Rule.DASHED), KeyValue("Ghi chú:", doc.notes, size=Size.SMALL)]
    blocks += [
        Separator(Rule.DASHED),
        Signatures((("Bên giao", doc.handed_by), ("Bên nhận", doc.received_by))),
        *_printed(doc.printed_at),
        Feed(),
    ]
    return Receipt(f"Bàn giao hồ sơ {nfc(doc.batch_number)}", tuple(blocks))


# Every Vietnamese letter in both cases, for printer test pages and font checks.
_VI_LOWER = (
    "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
)
VIETNAMESE_LETTERS = _VI_LOWER + _VI_LOWER.upper()


def printer_test_layout(printer_name: str, now: datetime) -> Receipt:
    """Return a printer test page: every Vietnamese letter in each size, rules and a QR."""
    blocks: list[Block] = [
        Text("TRANG IN THỬ", Size.LARGE, bold=True, align=Align.CENTER),
        Text(printer_name, Size.NORMAL, align=Align.CENTER),
        Separator(Rule.LINE),
    ]
    for size in (Size.SMALL, Size.NORMAL, Size.LARGE):
        blocks += [
            Text(" ".join([_VI_LOWER[i : i + 10] for i in range(0, len(_VI_LOWER), 10)]), size),
            Text(
                " ".join(_VI_LOWER.upper()[i : i + 10] for i in range(0, len(_VI_LOWER), 10)),
                size,
                bold=True,
            ),
            Separator(Rule.DASHED),
        ]
    blocks += [
        Text("Tiếng Việt có dấu: Đồng Đăng – Lạng Sơn", Size.NORMAL, align=Align.CENTER),
        QRCode("Trang in thử / test page", size_mm=18.0),
        Text(f"In lúc {vn_time(now)}", Size.SMALL, align=Align.CENTER),
        Feed(),
    ]
    return Receipt("Trang in thử", tuple(blocks))
