"""The texts of the dossier view's lower sections: the timeline of events (what, who, at which
desk, why), the prints made and the files attached. Plain functions returning strings, so that
the detail widget only lays them out."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from counter_app.ui.pages.dossier_table import status_label
from counter_app.ui.qt import QCoreApplication

if TYPE_CHECKING:
    from counter_app.services.dossier_records import FileView, PrintJobView
    from counter_app.services.dossiers import DossierView, EventView
    from counter_app.services.postal import PaperLocation

TIME = "%H:%M %d/%m/%Y"


translate = QCoreApplication.translate  # lupdate reads `translate("context", "text")` calls


def _time(value: object) -> str:
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value).strftime(TIME)
        except ValueError:
            return value
    return ""


def promised_at(d: DossierView) -> datetime | None:
    """Return the new date the latest apology promised (local), or None."""
    dates = [
        datetime.fromisoformat(str(e.data["new_due_at"]))
        for e in d.events
        if e.kind == "apology" and e.data.get("new_due_at")
    ]
    return max(dates) if dates else None


def document_name(document: str) -> str:
    """Return what a printed document is, for people ("form:apology" -> "Phiếu xin lỗi...")."""
    names = {
        "receipt": translate("DossierSections", "Giấy tiếp nhận và hẹn trả (phiếu nhiệt)"),
        "result": translate("DossierSections", "Phiếu trả kết quả (phiếu nhiệt)"),
        "form:receipt": translate("DossierSections", "Giấy tiếp nhận và hẹn trả kết quả (mẫu 01)"),
        "form:supplement": translate(
            "DossierSections", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02)"
        ),
        "form:refusal": translate("DossierSections", "Phiếu từ chối tiếp nhận (mẫu 03)"),
        "form:apology": translate(
            "DossierSections", "Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)"
        ),
        "form:control": translate(
            "DossierSections", "Phiếu kiểm soát quá trình giải quyết (mẫu 05)"
        ),
    }
    return names.get(document, document)


def job_state(job: PrintJobView) -> str:
    if job.state == "done":
        return translate("DossierSections", "đã in")
    if job.state == "failed":
        why = f": {job.last_error}" if job.last_error else ""
        maybe = translate("DossierSections", " (có thể đã in)") if job.maybe_printed else ""
        return translate("DossierSections", "in lỗi") + maybe + why
    if job.state == "sending":
        return translate("DossierSections", "đang gửi tới máy in")
    return translate("DossierSections", "đang chờ in")


def event_title(e: EventView, language: str) -> str:
    """Return the first line of a timeline row: what happened · who · at which desk."""
    if e.kind == "status" and e.to_status is not None:
        what = status_label(e.to_status, language)
    else:
        what = {
            "rating": translate("DossierSections", "Đánh giá hài lòng"),
            "print": translate("DossierSections", "In giấy tờ"),
            "scan": translate("DossierSections", "Số hóa"),
            "handoff": translate("DossierSections", "Bàn giao"),
            "handover": translate("DossierSections", "Bàn giao"),
            "apology": translate("DossierSections", "Phiếu xin lỗi, hẹn lại"),
            "note": translate("DossierSections", "Ghi chú"),
        }.get(e.kind, e.kind)
    return what


def event_who(e: EventView, desks: dict[str, str]) -> str:
    """Return who recorded the event and at which desk ("Nguyễn Thị Hương · Quầy số 1")."""
    return " · ".join(x for x in (e.actor, desks.get(e.desk_id or "", "")) if x)


def event_details(e: EventView) -> list[str]:
    """Return the lines under a timeline row's title: why, and what the event carries."""
    lines = []
    if e.reason:
        lines.append(translate("DossierSections", "Lý do: %1").replace("%1", e.reason))
    data = e.data
    if e.kind == "status" and data.get("received_by"):
        line = translate("DossierSections", "Người nhận: %1").replace(
            "%1", str(data["received_by"])
        )
        if data.get("authorization"):
            line += " · " + translate("DossierSections", "giấy ủy quyền %1").replace(
                "%1", str(data["authorization"])
            )
        lines.append(line)
    missing = data.get("missing") if e.kind == "status" else None
    if isinstance(missing, list) and missing:
        names = ", ".join(str(m.get("name", "")) for m in missing if isinstance(m, dict))
        lines.append(translate("DossierSections", "Cần bổ sung: %1").replace("%1", names))
    if e.kind == "status" and data.get("due_after"):
        lines.append(
            translate("DossierSections", "Hạn trả dời đến %1 (thời gian chờ bổ sung)").replace(
                "%1", _time(data["due_after"])
            )
        )
    if e.kind == "apology":
        lines.append(
            translate("DossierSections", "Hẹn trả lại: %1").replace(
                "%1", _time(data.get("new_due_at"))
            )
        )
        if data.get("responsible_unit"):
            lines.append(
                translate("DossierSections", "Đơn vị gây chậm: %1").replace(
                    "%1", str(data["responsible_unit"])
                )
            )
    if e.kind == "rating":
        level = str(data.get("level", ""))
        lines.append(rating_name(level))
    if e.kind == "print":
        lines.append(document_name(str(data.get("document", ""))))
    return lines


def rating_name(level: str) -> str:
    return {
        "very_satisfied": translate("DossierSections", "Rất hài lòng"),
        "satisfied": translate("DossierSections", "Hài lòng"),
        "unsatisfied": translate("DossierSections", "Không hài lòng"),
    }.get(level, level)


class PrintRow(NamedTuple):
    at: datetime
    what: str  # the document
    state: str  # the job's state ("" for a PDF written to a file)
    file: str  # the PDF ("" for a job)


def print_rows(d: DossierView, jobs: tuple[PrintJobView, ...]) -> list[PrintRow]:
    """Return the prints made, newest first.

    A print event names its job (thermal slips) or its file (A4 forms as PDF); jobs that no event
    names (A4 forms sent to a printer) are listed too."""
    by_id = {j.id: j for j in jobs}
    named: set[str] = set()
    rows: list[PrintRow] = []
    for e in d.events:
        if e.kind != "print":
            continue
        what = document_name(str(e.data.get("document")))
        job = by_id.get(str(e.data.get("job") or ""))
        if job is not None:
            named.add(job.id)
            rows.append(PrintRow(e.at, what, job_state(job), ""))
        else:
            file = str(e.data.get("file") or "")
            state = "" if file else translate("DossierSections", "đã in")
            rows.append(PrintRow(e.at, what, state, file))
    for job in jobs:
        if job.id not in named:
            what = document_name(job.document) + translate("DossierSections", " → máy in")
            rows.append(PrintRow(job.created_at, what, job_state(job), ""))
    rows.sort(key=lambda r: r.at, reverse=True)
    return rows


def file_row(f: FileView) -> str:
    role = {
        "scan": translate("DossierSections", "Bản số hóa"),
        "form": translate("DossierSections", "Phiếu"),
        "result": translate("DossierSections", "Kết quả"),
    }.get(f.role, f.role)
    parts = [f.title or f.sha256[:12], role]
    if f.page_count:
        parts.append(translate("DossierSections", "số trang: %1").replace("%1", str(f.page_count)))
    parts.append(_size(f.size))
    parts.append(f.added_at.strftime(TIME))
    return " · ".join(parts)


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{max(1, round(n / 1024))} KB"


def paper_lines(paper: PaperLocation) -> tuple[str, list[tuple[datetime, str]]]:
    """Return where the dossier's paper is ("Hồ sơ giấy: …"), and its legs, newest first, each
    its time and "Trung tâm → Sở/ngành · Sở Tư pháp · BG-261123-003 · giao: …, nhận: …"."""
    head = translate("DossierSections", "Hồ sơ giấy: %1").replace("%1", paper.where)
    legs = []
    for leg in sorted(paper.legs, key=lambda g: g.at, reverse=True):
        names = translate("DossierSections", "giao: %1, nhận: %2")
        names = names.replace("%1", leg.handed_by or "—").replace("%2", leg.received_by or "—")
        parts = (leg.direction_label, leg.department_name, leg.batch_number, names)
        legs.append((leg.at, " · ".join(x for x in parts if x)))
    return head, legs
