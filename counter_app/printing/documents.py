"""The content of every printed document, as plain data (filled by the services from the
database; rendered by the receipt and A4 renderers). Times are aware, in local time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class CenterInfo:
    """Who prints: the header of every form and slip."""

    agency: str = "UBND TỈNH LẠNG SƠN"  # the managing agency (cơ quan chủ quản)
    name: str = "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH LẠNG SƠN"
    place: str = "Lạng Sơn"  # "Lạng Sơn, ngày … tháng … năm …"
    address: str = "Số 2 Hùng Vương, phường Chi Lăng, TP. Lạng Sơn"
    phone: str = "0205 3812 345"
    lookup_url: str = "dichvucong.langson.gov.vn"  # where citizens look dossiers up
    hotline: str = "0205 3812 345"


@dataclass(frozen=True, slots=True)
class ApplicantInfo:
    full_name: str
    id_number: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True)
class DocumentLine:
    """One document received or asked for: name, form (Bản chính / Bản sao chứng thực /
    Bản photo, already in Vietnamese), count, and an optional note."""

    name: str
    kind: str = ""
    count: int = 1
    note: str = ""


@dataclass(frozen=True, slots=True)
class DossierInfo:
    """What every dossier document shows about the dossier."""

    code: str
    lookup_secret: str
    procedure_code: str
    procedure_name: str
    department: str
    applicant: ApplicantInfo
    received_at: datetime
    due_at: datetime
    duration: str  # statutory duration, e.g. "5 ngày làm việc"
    sets_count: int = 1
    documents: tuple[DocumentLine, ...] = ()
    return_by_post: bool = False
    post_address: str = ""
    officer: str = ""
    officer_phone: str = ""
    desk: str = ""  # "Quầy số 3"
    ledger_book: str = ""
    ledger_entry: int | None = None
    fee: int = 0  # integer đồng


@dataclass(frozen=True, slots=True)
class QueueTicketDoc:
    """A queue ticket (receipt printer)."""

    center: CenterInfo
    service_name: str
    number: str  # "A023"
    issued_at: datetime
    ahead: int  # people waiting ahead
    desk_hint: str = ""  # "Quầy 1, 2, 3"
    priority: str = ""  # "Ưu tiên: người cao tuổi"
    follow_url: str = ""  # QR to follow the queue, if any


@dataclass(frozen=True, slots=True)
class IntakeReceiptDoc:
    """Giấy tiếp nhận hồ sơ và hẹn trả kết quả (form 1; also the thermal receipt)."""

    center: CenterInfo
    dossier: DossierInfo
    printed_at: datetime


@dataclass(frozen=True, slots=True)
class ResultReturnedDoc:
    """Slip given when the result is returned (thermal)."""

    center: CenterInfo
    dossier: DossierInfo
    returned_at: datetime
    received_by: str  # who took the result
    printed_at: datetime


@dataclass(frozen=True, slots=True)
class SupplementRequestDoc:
    """Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (form 2)."""

    center: CenterInfo
    dossier: DossierInfo
    missing: tuple[DocumentLine, ...]  # what to add or fix, with counts
    reason: str
    rules_reference: str  # where to find the rules (văn bản quy định)
    printed_at: datetime


@dataclass(frozen=True, slots=True)
class RefusalDoc:
    """Phiếu từ chối tiếp nhận giải quyết hồ sơ (form 3)."""

    center: CenterInfo
    dossier: DossierInfo
    reason: str
    printed_at: datetime


@dataclass(frozen=True, slots=True)
class ApologyDoc:
    """Phiếu xin lỗi và hẹn lại ngày trả kết quả (form 4)."""

    center: CenterInfo
    dossier: DossierInfo
    original_due_at: datetime
    new_due_at: datetime
    reason: str
    responsible_unit: str  # which unit caused the delay
    printed_at: datetime


@dataclass(frozen=True, slots=True)
class HandOff:
    """One row of the control sheet: a hand-over between units."""

    from_unit: str
    to_unit: str
    at: datetime | None = None
    result: str = ""  # "Trước hạn" / "Đúng hạn" / "Quá hạn" or empty
    note: str = ""


@dataclass(frozen=True, slots=True)
class ControlSheetDoc:
    """Phiếu kiểm soát quá trình giải quyết hồ sơ (form 5): barcode + QR of the code."""

    center: CenterInfo
    dossier: DossierInfo
    handoffs: tuple[HandOff, ...]
    printed_at: datetime


@dataclass(frozen=True, slots=True)
class LedgerRow:
    number: int
    code: str
    procedure: str
    sets_count: int
    applicant: str
    address: str
    phone: str
    received_at: datetime
    due_at: datetime
    returned_at: datetime | None = None
    handed_over_by: str = ""
    taken_by: str = ""
    note: str = ""
    department: str = ""  # the unit that settles it (cơ quan chủ trì giải quyết)


@dataclass(frozen=True, slots=True)
class LedgerDoc:
    """Sổ theo dõi hồ sơ (form 6) for a date range."""

    center: CenterInfo
    date_from: date
    date_to: date
    rows: tuple[LedgerRow, ...]
    printed_at: datetime


@dataclass(frozen=True, slots=True)
class HandoverItem:
    number: int
    code: str
    procedure: str
    applicant: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class HandoverDoc:
    """Biên bản bàn giao hồ sơ (postal handover record, A4; summary on the thermal printer)."""

    center: CenterInfo
    batch_number: str
    direction: str  # Vietnamese text: "Trung tâm → Sở GTVT", ...
    department: str
    items: tuple[HandoverItem, ...]
    handed_by: str
    received_by: str
    at: datetime
    printed_at: datetime
    notes: str = ""
    extra: dict[str, str] = field(default_factory=dict)
