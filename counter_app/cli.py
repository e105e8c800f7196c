"""The `counter-app` command: argument parsing and output only; the work is in the services.

Imports of the services happen inside the handlers, so `counter-app --help` answers fast and
the command line never imports Qt.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, NoReturn

from counter_app.cli_args import whole

EXIT_BAD_INPUT = 2
EXIT_ENVIRONMENT = 1


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one clear line, exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: lỗi / error: {message} (xem / see --help)\n")


def _minute(t: datetime) -> str:
    """Local time of the center, to the minute (aware times are converted first)."""
    if t.tzinfo is not None:
        from zoneinfo import ZoneInfo

        t = t.astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))
    return t.strftime("%Y-%m-%dT%H:%M")


def _jsonable(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return _jsonable(asdict(value))
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime):
        return _minute(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _print_json(value: Any) -> None:
    json.dump(_jsonable(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _db(args: argparse.Namespace) -> Any:
    from counter_app.config import resolve_db_url
    from counter_app.services.setup import open_database

    db = open_database(resolve_db_url(args.db))
    from counter_app.services.sync.numbers import attach_numbers

    attach_numbers(db)  # a desk of a center numbers its dossiers with the center
    return db


# --- handlers ------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    from counter_app.config import resolve_db_url
    from counter_app.services.setup import init_database

    url = resolve_db_url(args.db)
    if args.history and not args.demo:
        from counter_app.domain.errors import InvalidInput

        raise InvalidInput("--history đi cùng --demo / --history goes with --demo")
    result = init_database(url, demo=args.demo, if_new=args.if_new)
    history = None
    if args.history and result.demo:
        from counter_app.services.demo_history import load_demo_history
        from counter_app.services.setup import open_database

        db = open_database(url)
        try:
            history = load_demo_history(db)
        finally:
            db.dispose()
    if args.json:
        _print_json(result)
        return 0
    verb = "Đã tạo" if result.created else "Đã nâng cấp"
    print(f"{verb} cơ sở dữ liệu / Database ready: {result.url}")
    if result.passwords:
        print("Trung tâm mẫu đã nạp. Mật khẩu người dùng mẫu (chỉ hiện một lần):")
        print("Demo center loaded. Demo users' passwords (shown once):")
        for user, password in result.passwords.items():
            print(f"  {user:10} {password}")
    if history is not None:
        print(
            f"Đã nạp {history.dossiers} hồ sơ mẫu của 12 tháng qua cho báo cáo / "
            f"{history.dossiers} demo dossiers of the past 12 months loaded for the reports"
        )
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from counter_app.services.setup import summary

    db = _db(args)
    s = summary(db)
    if args.json:
        _print_json(s)
        return 0
    print(s.center or "(chưa có trung tâm / no center)")
    print(f"  Đơn vị / units:            {s.units}")
    print(f"  Thủ tục / procedures:      {s.procedures}")
    print(f"  Quầy / desks:              {s.desks}")
    print(f"  Người dùng / users:        {s.users}")
    print(f"  Dịch vụ xếp hàng / queues: {s.queue_services}")
    print(f"  Hồ sơ / dossiers:          {s.dossiers}")
    return 0


def cmd_due_date(args: argparse.Namespace) -> int:
    from counter_app.domain.catalog import Duration, DurationUnit
    from counter_app.domain.errors import InvalidInput

    try:
        received = datetime.fromisoformat(args.received)
    except ValueError:
        raise InvalidInput(
            f"--received không hợp lệ: {args.received!r} (YYYY-MM-DDTHH:MM) / invalid time"
        ) from None
    duration: Duration | None = None
    for unit, amount in (
        (DurationUnit.WORKING_DAYS, args.working_days),
        (DurationUnit.WORKING_HOURS, args.working_hours),
        (DurationUnit.CALENDAR_DAYS, args.calendar_days),
    ):
        if amount is not None:
            duration = Duration(unit, amount)
    calendar, duration = _calendar_and_duration(args, duration)
    due = calendar.due_time(received, duration)
    out = {"received": _minute(received), "due": _minute(due)}
    if args.json:
        _print_json(out | {"rule_version": calendar.rule_version})
    else:
        print(f"Hạn trả / due: {due:%H giờ %M phút, ngày %d tháng %m năm %Y}")
    return 0


def _calendar_and_duration(args: argparse.Namespace, duration: Any) -> tuple[Any, Any]:
    """Use the database's calendar when there is a database (or a procedure is asked for)."""
    from counter_app.config import resolve_db_url
    from counter_app.db.engine import sqlite_path
    from counter_app.domain.calendar import WorkingCalendar

    url = resolve_db_url(args.db)
    path = sqlite_path(url)
    if args.procedure is None and path is not None and not path.exists():
        return WorkingCalendar(), duration
    from counter_app.services.catalog import get_procedure
    from counter_app.services.workcal import load_calendar

    db = _db(args)
    with db.read() as session:
        calendar = load_calendar(session)
        if args.procedure is not None:
            duration = get_procedure(session, args.procedure).duration
    return calendar, duration


def cmd_cccd(args: argparse.Namespace) -> int:
    from counter_app.domain.cccd import parse_cccd

    data = parse_cccd(args.payload)
    if args.json:
        _print_json(data.to_json())
    else:
        for key, value in data.to_json().items():
            print(f"{key:14} {value if value is not None else ''}")
    return 0


def cmd_catalog_search(args: argparse.Namespace) -> int:
    from counter_app.services.catalog import search_procedures

    hits = search_procedures(_db(args), args.text, limit=args.limit, department=args.department)
    if args.json:
        _print_json(
            [
                {"code": h.code, "name": h.name, "department": h.department, "duration": h.duration}
                for h in hits
            ]
        )
    else:
        for h in hits:
            print(f"{h.code:10} {h.name}  [{h.department}; {h.duration}]")
        if not hits:
            print("Không tìm thấy thủ tục / No procedure found")
    return 0


def cmd_catalog_import(args: argparse.Namespace) -> int:
    from counter_app.services.catalog import load_catalog
    from counter_app.services.catalog_file import parse_catalog_file
    from counter_app.services.recording import SYSTEM

    db = _db(args)
    parsed = parse_catalog_file(Path(args.file))
    with db.write() as session:
        result = load_catalog(
            session, parsed.departments, parsed.procedures, SYSTEM, source=str(args.file)
        )
    if args.json:
        _print_json(result)
    else:
        print(
            f"Đã nhập / imported: {result.procedures_added} thủ tục mới / new, "
            f"{result.procedures_updated} cập nhật / updated, "
            f"{result.procedures_unchanged} không đổi / unchanged; "
            f"{result.departments_added} đơn vị mới / new departments"
        )
    return 0


def cmd_intake(args: argparse.Namespace) -> int:
    from counter_app.domain.errors import InvalidInput
    from counter_app.services.actors import resolve_actor
    from counter_app.services.intake import create_dossier, request_from_json

    try:
        text = Path(args.file).read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidInput(
            f"Không đọc được tệp {args.file}: {exc.strerror} / Cannot read"
        ) from None
    except UnicodeDecodeError:
        raise InvalidInput(f"Tệp {args.file} không phải UTF-8 / Not UTF-8") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            f"Tệp {args.file} không phải JSON hợp lệ (dòng {exc.lineno}): {exc.msg} / Invalid JSON"
        ) from None
    request = request_from_json(data)
    db = _db(args)
    result = create_dossier(db, request, resolve_actor(db, args.user))
    if args.json:
        _print_json(
            {"code": result.code, "due": result.due_at, "lookup_secret": result.lookup_secret}
        )
    else:
        print(f"Mã hồ sơ / code: {result.code}")
        print(f"Hẹn trả / due:   {result.due_at:%H giờ %M phút, ngày %d tháng %m năm %Y}")
        print(f"Mã tra cứu / look-up secret: {result.lookup_secret}")
    return 0


def cmd_dossier_show(args: argparse.Namespace) -> int:
    from counter_app.services.dossiers import get_dossier

    view = get_dossier(_db(args), args.code)
    if args.json:
        _print_json(view)
        return 0
    print(f"{view.code}  [{view.status} {view.status_label}]")
    print(f"  {view.procedure_code} {view.procedure_name}")
    print(f"  Người nộp / applicant: {view.applicant_name} {view.applicant_id_number}")
    print(f"  Tiếp nhận / received:  {view.received_at:%d/%m/%Y %H:%M}")
    print(f"  Hẹn trả / due:         {view.due_at:%d/%m/%Y %H:%M}")
    for e in view.events:
        change = f"{e.from_status or '-'} → {e.to_status}" if e.kind == "status" else e.kind
        print(f"  {e.at:%d/%m/%Y %H:%M}  {change}  {e.actor}  {e.reason}")
    return 0


def cmd_dossier_status(args: argparse.Namespace) -> int:
    from counter_app.domain.status import parse_status
    from counter_app.services.actors import resolve_actor
    from counter_app.services.dossiers import change_status

    db = _db(args)
    change = change_status(
        db, args.code, parse_status(args.status), resolve_actor(db, args.user), reason=args.reason
    )
    if args.json:
        _print_json(change)
    else:
        print(f"{change.code}: {change.from_status} → {change.to_status}")
    return 0


def cmd_dossier_find(args: argparse.Namespace) -> int:
    from counter_app.services.dossiers import find_dossiers

    found = find_dossiers(_db(args), args.text, limit=args.limit)
    if args.json:
        _print_json(
            [
                {
                    "code": d.code,
                    "applicant": d.applicant_name,
                    "procedure": d.procedure_name,
                    "status": d.status,
                    "received": d.received_at,
                    "due": d.due_at,
                }
                for d in found
            ]
        )
    else:
        for d in found:
            print(f"{d.code}  {d.applicant_name}  [{d.status} {d.status_label}]")
    return 0


def cmd_code_pattern(args: argparse.Namespace) -> int:
    from counter_app.services.actors import resolve_actor
    from counter_app.services.admin import get_code_pattern, set_code_pattern

    db = _db(args)
    if args.pattern is None:
        view = get_code_pattern(db)
    else:
        view = set_code_pattern(
            db, args.pattern, resolve_actor(db, args.user), reset=args.reset, per=args.per
        )
    if args.json:
        _print_json(view)
    else:
        print(f"Mẫu mã hồ sơ / code pattern: {view.pattern}")
        print(f"  đánh số lại / restarts: {view.reset}; theo / per: {view.per}")
        print(f"  ví dụ / example: {view.example}")
    return 0


def cmd_calendar_list(args: argparse.Namespace) -> int:
    from counter_app.services.admin import list_calendar

    entries = list_calendar(_db(args), args.year)
    if args.json:
        _print_json(entries)
    else:
        for e in entries:
            kind = "Nghỉ / day off" if e.kind == "day_off" else "Làm bù / make-up working day"
            print(f"{e.day:%d/%m/%Y}  {kind}  {e.note}")
    return 0


def cmd_calendar_set(args: argparse.Namespace) -> int:
    from counter_app.services.actors import resolve_actor
    from counter_app.services.admin import set_calendar_entry

    db = _db(args)
    set_calendar_entry(db, _date(args.day), args.kind, args.note, resolve_actor(db, args.user))
    return 0


def cmd_calendar_remove(args: argparse.Namespace) -> int:
    from counter_app.services.actors import resolve_actor
    from counter_app.services.admin import remove_calendar_entry

    db = _db(args)
    remove_calendar_entry(db, _date(args.day), resolve_actor(db, args.user))
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from counter_app.ui.app import run_gui  # the only place the command line imports Qt

    return run_gui(args)


def _has_display() -> bool:
    """Return whether a window can be seen here (a desktop session, or a chosen Qt platform).

    QT_QPA_PLATFORM=offscreen or minimal shows nothing: there the summary is printed instead
    (the test environment sets offscreen)."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0] not in ("offscreen", "minimal")
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _date(text: str) -> date:
    from counter_app.domain.errors import InvalidInput

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"Ngày không hợp lệ: {text!r} (YYYY-MM-DD) / Invalid date") from None


# --- printing -------------------------------------------------------------------------------


def _printer_uri(args: argparse.Namespace) -> str:
    from counter_app.config import load_settings
    from counter_app.domain.errors import InvalidInput

    uri = args.printer or load_settings().receipt_printer
    if not uri:
        raise InvalidInput(
            "Chưa chọn máy in: dùng --printer URI hoặc đặt receipt_printer trong cấu hình / "
            "No printer: give --printer URI or set receipt_printer"
        )
    return str(uri)


def _print_job(args: argparse.Namespace, queue: Callable[..., Any]) -> int:
    """Queue a thermal job, try to send it once (bounded by the printer timeout), report."""
    from counter_app.services.actors import resolve_actor
    from counter_app.services.print_docs import printer_profile
    from counter_app.services.print_queue import PrintWorker, get_job

    db = _db(args)
    printed = queue(
        db,
        args.key,
        printer_uri=_printer_uri(args),
        profile=printer_profile(args.paper, args.text_mode),
        actor=resolve_actor(db, args.user),
    )
    if not args.queue_only:
        PrintWorker(db).run_once()
    job = get_job(db, printed.job.id)
    if args.json:
        _print_json({"job": job.id, "state": job.state, "error": job.last_error})
    elif job.state == "done":
        print(f"Đã in / printed: {printed.document} (job {job.id})")
    else:
        print(f"Đang chờ in / queued: {printed.document} (job {job.id}) {job.last_error}")
    return 0


def cmd_print_receipt(args: argparse.Namespace) -> int:
    from counter_app.services.print_docs import print_intake_receipt

    return _print_job(args, print_intake_receipt)


def cmd_print_result(args: argparse.Namespace) -> int:
    from counter_app.services.print_docs import print_result_slip

    return _print_job(args, print_result_slip)


def cmd_print_ticket(args: argparse.Namespace) -> int:
    from counter_app.services.print_docs import print_ticket

    return _print_job(args, print_ticket)


def cmd_print_form(args: argparse.Namespace) -> int:
    from counter_app.services.actors import resolve_actor
    from counter_app.services.print_docs import form_pdf

    db = _db(args)
    new_due = None
    if args.new_due:
        try:
            new_due = datetime.fromisoformat(args.new_due)
        except ValueError:
            from counter_app.domain.errors import InvalidInput

            raise InvalidInput(
                f"--new-due không hợp lệ: {args.new_due!r} (YYYY-MM-DDTHH:MM) / invalid time"
            ) from None
    out = form_pdf(db, args.name, args.key, Path(args.out), resolve_actor(db, args.user),
                   new_due_at=new_due, reason=args.reason, responsible_unit=args.unit)  # fmt: skip
    if args.json:
        _print_json({"form": args.name, "pdf": str(out)})
    else:
        print(f"Đã ghi / written: {out}")
    return 0


def cmd_print_ledger(args: argparse.Namespace) -> int:
    from counter_app.services.print_docs import ledger_pdf

    out = ledger_pdf(_db(args), _date(args.date_from), _date(args.date_to), Path(args.out))
    if args.json:
        _print_json({"form": "ledger", "pdf": str(out)})
    else:
        print(f"Đã ghi / written: {out}")
    return 0


def cmd_print_jobs(args: argparse.Namespace) -> int:
    from counter_app.services.print_queue import list_jobs

    jobs = list_jobs(_db(args), state=args.state, limit=args.limit)
    if args.json:
        _print_json(jobs)
    else:
        for j in jobs:
            mark = " (có thể đã in / maybe printed)" if j.maybe_printed else ""
            print(f"{j.id}  {_minute(j.created_at)}  {j.document:10} {j.state:8}{mark}  "
                  f"{j.printer_uri}  {j.last_error}")  # fmt: skip
    return 0


def cmd_print_reprint(args: argparse.Namespace) -> int:
    from counter_app.services.actors import resolve_actor
    from counter_app.services.print_queue import PrintWorker, get_job, reprint

    db = _db(args)
    job = reprint(db, args.job, resolve_actor(db, args.user), printer_uri=args.printer)
    PrintWorker(db).run_once()
    job = get_job(db, job.id)
    if args.json:
        _print_json({"job": job.id, "state": job.state, "error": job.last_error})
    else:
        print(f"In lại / reprint: job {job.id} {job.state} {job.last_error}")
    return 0


def cmd_print_worker(args: argparse.Namespace) -> int:
    from counter_app.services.print_queue import PrintWorker

    worker = PrintWorker(_db(args))
    if args.once:
        sent = worker.run_once()
        if args.json:
            _print_json({"printed": sent})
        else:
            print(f"Đã in / printed: {sent}")
        return 0
    worker.start()
    try:
        while True:
            import time

            time.sleep(3600)
    finally:
        worker.stop()


def cmd_printers_test(args: argparse.Namespace) -> int:
    from counter_app.services.print_docs import printer_profile, send_test_page

    size = send_test_page(args.uri, printer_profile(args.paper, args.text_mode))
    if args.json:
        _print_json({"printer": args.uri, "bytes": size})
    else:
        print(f"Đã gửi trang in thử / test page sent: {args.uri} ({size} bytes)")
    return 0


def _add_print_commands(
    sub: Any,
    add: Callable[..., argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    acting: argparse.ArgumentParser,
) -> None:
    paper = argparse.ArgumentParser(add_help=False)
    paper.add_argument(
        "--paper",
        default="80",
        choices=["80", "58", "tm-t88"],
        help="khổ giấy / paper (80 mm, 58 mm, Epson TM-T88)",
    )
    paper.add_argument(
        "--text-mode",
        choices=["cp1258", "tcvn3"],
        help="chế độ chữ của máy in (mặc định: in ảnh) / printer text mode",
    )
    thermal = argparse.ArgumentParser(add_help=False, parents=[paper])
    thermal.add_argument(
        "--printer",
        metavar="URI",
        help="tcp://host:9100, usb://VID:PID, serial://…, win32://…, cups://…, "
        "file:/path (default: receipt_printer setting)",
    )
    thermal.add_argument(
        "--queue-only",
        action="store_true",
        help="chỉ xếp hàng, không gửi ngay / only queue, do not send now",
    )

    prt = sub.add_parser("print", help="in / print", parents=[common])
    prt_sub = prt.add_subparsers(dest="print_command", metavar="COMMAND", parser_class=_Parser,
                                 required=True)  # fmt: skip
    for name, handler, text, key in (
        (
            "receipt",
            cmd_print_receipt,
            "in giấy tiếp nhận (máy in nhiệt) / thermal receipt",
            "CODE",
        ),
        ("result", cmd_print_result, "in phiếu trả kết quả / result-returned slip", "CODE"),
        ("ticket", cmd_print_ticket, "in vé xếp hàng / queue ticket", "TICKET"),
    ):
        p = add(name, handler, text, acting, thermal, container=prt_sub)
        p.add_argument("key", metavar=key)
    p = add("form", cmd_print_form, "phiếu A4 ra PDF / an A4 form as PDF", acting,
            container=prt_sub)  # fmt: skip
    p.add_argument("name", choices=["receipt", "supplement", "refusal", "apology", "control",
                                    "handover"])  # fmt: skip
    p.add_argument("key", metavar="CODE", help="mã hồ sơ (handover: số lô) / code (batch)")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.add_argument("--new-due", metavar="YYYY-MM-DDTHH:MM", help="apology: hẹn mới / new date")
    p.add_argument("--reason", default="", help="apology: lý do chậm / reason for the delay")
    p.add_argument("--unit", default="", help="apology: đơn vị gây chậm / unit that caused it")
    p = add("ledger", cmd_print_ledger, "sổ theo dõi hồ sơ ra PDF / the ledger as PDF",
            container=prt_sub)  # fmt: skip
    p.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p = add("jobs", cmd_print_jobs, "hàng đợi in / print jobs", container=prt_sub)
    p.add_argument("--state", choices=["queued", "sending", "done", "failed"])
    p.add_argument("--limit", type=whole(1), default=50)
    p = add("reprint", cmd_print_reprint, "in lại một lệnh in / print a job again", acting,
            container=prt_sub)  # fmt: skip
    p.add_argument("job")
    p.add_argument("--printer", metavar="URI", help="máy in khác / another printer")
    p = add("worker", cmd_print_worker, "gửi hàng đợi in / run the print queue",
            container=prt_sub)  # fmt: skip
    p.add_argument("--once", action="store_true", help="một lượt rồi thoát / one round")

    pr = sub.add_parser("printers", help="máy in / printers", parents=[common])
    pr_sub = pr.add_subparsers(dest="printers_command", metavar="COMMAND", parser_class=_Parser,
                               required=True)  # fmt: skip
    p = add("test", cmd_printers_test, "in trang thử mọi chữ tiếng Việt / print a test page",
            paper, container=pr_sub)  # fmt: skip
    p.add_argument("uri")


# --- parser ---------------------------------------------------------------------------------


# --- scanning and file storage ----------------------------------------------------------------


def _scan_settings(args: argparse.Namespace) -> Any:
    """The desk's scan settings (as the window uses them), with what the options override."""
    from dataclasses import replace

    from counter_app.config import load_settings
    from counter_app.scanning.settings import page_settings

    given = {
        "dpi": args.dpi,
        "color": "bilevel" if args.bilevel else None,
        "blank_threshold": args.blank_threshold,
        "engine": args.engine,
    }
    return replace(
        page_settings(load_settings()), **{k: v for k, v in given.items() if v is not None}
    )


def _scan_progress(args: argparse.Namespace) -> Any:
    """Show `done/total` on a terminal's stderr; nothing when piped or printing JSON."""
    if args.json or not sys.stderr.isatty():
        return None

    def show(p: Any) -> None:
        sys.stderr.write(f"\r{p.done}/{p.total} trang / pages")
        if p.done == p.total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def _origins(origins: Any) -> list[dict[str, Any]]:
    return [{"source": o.source, "page": o.page} for o in origins]


def _scan_document(d: Any, attached: bool) -> dict[str, Any]:
    return {
        "dossier_code": d.dossier_code,
        "item": d.item,
        "item_name": getattr(d, "item_name", ""),
        "pages": d.pages,
        "pdf": str(d.pdf),
        "sha256": d.sha256,
        "attached": attached,
        "duplicate": getattr(d, "duplicate", False),
        "sources": _origins(getattr(d, "sources", None) or getattr(d, "origins", ())),
    }


def cmd_scan_split(args: argparse.Namespace) -> int:
    from counter_app.services.actors import resolve_actor
    from counter_app.services.scans import split_and_attach, split_scans

    settings = _scan_settings(args)
    db = _db(args)
    progress = _scan_progress(args)
    out = Path(args.out) if args.out else None
    batch: Any
    if args.no_attach:
        folder = out or Path.cwd() / f"scan-split-{datetime.now():%Y%m%d-%H%M%S}"
        batch = split_scans(
            db, args.inputs, folder, settings=settings, workers=args.workers, progress=progress
        )
        review_dir, warnings = folder, ()
    else:
        batch = split_and_attach(
            db,
            args.inputs,
            actor=resolve_actor(db, args.user),
            settings=settings,
            review_dir=out,
            workers=args.workers,
            progress=progress,
        )
        review_dir, warnings = batch.review_dir, batch.warnings
    payload = {
        "dossiers": [_scan_document(d, not args.no_attach) for d in batch.documents],
        "review": [
            {
                "source": r.source,
                "page": r.page,
                "reason_code": r.reason_code,
                "reason": r.reason,
                "code": r.code,
                "pdf": str(r.pdf) if r.pdf else None,
                "pdf_page": r.pdf_page,
            }
            for r in batch.review
        ],
        "blank": _origins(batch.blank),
        "sheets": [
            {"source": s.source, "page": s.page, "kind": s.kind, "code": s.code, "item": s.item}
            for s in batch.sheets
        ],
        "total_pages": batch.total_pages,
        "review_dir": str(review_dir) if review_dir else None,
        "warnings": list(warnings),
    }
    if args.json:
        _print_json(payload)
        return 0
    for d in payload["dossiers"]:
        item = f" [thành phần / item {d['item']}]" if d["item"] is not None else ""
        state = " (đã có / already attached)" if d["duplicate"] else ""
        print(f"{d['dossier_code']}{item}: {d['pages']} trang / pages  {d['pdf']}{state}")
    for r in payload["review"]:
        where = f"{r['source']} #{r['page']}" if r["page"] else r["source"]
        print(f"CHỜ XEM / REVIEW  {where}: {r['reason']}")
    for w in warnings:
        print(f"Lưu ý / Note: {w}")
    filed = sum(d["pages"] for d in payload["dossiers"])
    print(
        f"{batch.total_pages} trang / pages: {filed} vào hồ sơ / filed, {len(batch.blank)} trắng "
        f"/ blank, {len(batch.sheets)} phiếu / sheets, {len(batch.review)} chờ xem / for review"
    )
    return 0


def cmd_scan_attach(args: argparse.Namespace) -> int:
    from counter_app.services.actors import resolve_actor
    from counter_app.services.scans import attach_scans

    db = _db(args)
    result = attach_scans(
        db,
        args.code,
        args.files,
        actor=resolve_actor(db, args.user),
        item=args.item,
        settings=_scan_settings(args),
        workers=args.workers,
        progress=_scan_progress(args),
    )
    d = result.document
    out = _scan_document(d, True) | {
        "blank_pages": result.blank_pages,
        "sheet_pages": result.sheet_pages,
    }
    if args.json:
        _print_json(out)
    elif d.duplicate:
        print(f"{d.dossier_code}: tệp này đã được đính kèm / already attached ({d.sha256[:12]})")
    else:
        print(f"{d.dossier_code}: đã đính kèm {d.pages} trang / attached {d.pages} pages")
        print(f"  {d.pdf}")
    return 0


def cmd_files_verify(args: argparse.Namespace) -> int:
    """Exit status 0 when every stored file is sound, 1 when one is missing or damaged."""
    from counter_app.services.files import verify_files

    report = verify_files(_db(args))
    if args.json:
        _print_json(asdict(report) | {"healthy": report.healthy})
    else:
        print(f"Kho tệp / file storage: {report.root}")
        print(f"  {report.checked} tệp kiểm tra / checked, {report.ok} tốt / sound")
        for sha in report.missing:
            print(f"  THIẾU / MISSING  {sha}")
        for bad in report.damaged:
            print(f"  HỎNG / DAMAGED   {bad.sha256}  {bad.path}")
        if report.unknown:
            print(f"  {len(report.unknown)} tệp không có trong CSDL / files not in the database")
        if report.temporary:
            print(f"  {len(report.temporary)} tệp tạm còn sót / leftover temporary files")
        if report.at_center:
            print(f"  {len(report.at_center)} tệp chỉ có ở trung tâm / files kept at the center")
    return 0 if report.healthy else EXIT_ENVIRONMENT


def _add_scan_commands(
    sub: Any,
    add: Callable[..., argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    acting: argparse.ArgumentParser,
) -> None:
    scanning = argparse.ArgumentParser(add_help=False)
    # Defaults: the desk's scan settings (scan_engine, scan_dpi, scan_color,
    # scan_blank_threshold), the same the window uses.
    scanning.add_argument(
        "--engine", choices=["zxing", "zbar"], default=None, help="bộ đọc mã / barcode engine"
    )
    scanning.add_argument(
        "--dpi", type=int, default=None, help="độ phân giải lưu / stored resolution, 200–300"
    )
    scanning.add_argument(
        "--bilevel", action="store_true", help="đen trắng / black and white (CCITT G4)"
    )
    scanning.add_argument(
        "--blank-threshold",
        type=_amount,
        default=None,
        metavar="SHARE",
        help="trang có ít mực hơn là trang trắng / a page with less ink is blank (0 keeps all)",
    )
    scanning.add_argument(
        "--workers",
        type=whole(0, 64),
        default=None,
        metavar="N",
        help="số tiến trình / worker processes (0: none; default: one per core)",
    )
    scan = sub.add_parser("scan", help="quét hồ sơ / scanning", parents=[common])
    scan_sub = scan.add_subparsers(
        dest="scan_command", metavar="COMMAND", parser_class=_Parser, required=True
    )
    p = add(
        "split",
        cmd_scan_split,
        "tách chồng hồ sơ theo phiếu kiểm soát / split a stack by its control sheets",
        acting,
        scanning,
        container=scan_sub,
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="ảnh, PDF, thư mục / files")
    p.add_argument(
        "--no-attach",
        action="store_true",
        help="chỉ tách ra PDF, không đính kèm / only split into PDFs, attach nothing",
    )
    p.add_argument(
        "--out", metavar="DIR", help="thư mục PDF và trang chờ xem / folder for PDFs and review"
    )
    p = add(
        "attach",
        cmd_scan_attach,
        "đính kèm bản quét vào hồ sơ / attach scans to a dossier",
        acting,
        scanning,
        container=scan_sub,
    )
    p.add_argument("code")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument(
        "--item", type=whole(1), metavar="N", help="giấy tờ số N của hồ sơ / document number N"
    )
    files = sub.add_parser("files", help="kho tệp / file storage", parents=[common])
    files_sub = files.add_subparsers(
        dest="files_command", metavar="COMMAND", parser_class=_Parser, required=True
    )
    add(
        "verify",
        cmd_files_verify,
        "kiểm tra kho tệp / re-hash every stored file, report damage",
        container=files_sub,
    )


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="cơ sở dữ liệu / database (SQLAlchemy URL or SQLite file; env COUNTER_APP_DB)",
    )
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="in JSON / print JSON"
    )
    acting = argparse.ArgumentParser(add_help=False)
    acting.add_argument("--user", metavar="USERNAME", help="người thực hiện / acting user")

    parser = _Parser(
        prog="counter-app",
        description="Ứng dụng quầy một cửa / The one-stop counter desk app",
        parents=[common],
    )
    from counter_app import __version__

    parser.add_argument("--version", action="version", version=f"counter-app {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def add(
        name: str,
        handler: Callable[[argparse.Namespace], int],
        help_: str,
        *parents: argparse.ArgumentParser,
        container: Any = sub,
    ) -> argparse.ArgumentParser:
        p = container.add_parser(name, help=help_, description=help_, parents=[common, *parents])
        p.set_defaults(handler=handler)
        return p

    p = add("init", cmd_init, "tạo/nâng cấp cơ sở dữ liệu / create or upgrade the database")
    p.add_argument("--demo", action="store_true", help="nạp trung tâm mẫu / load the demo center")
    p.add_argument(
        "--if-new",
        action="store_true",
        help="chỉ nạp mẫu vào CSDL mới, không báo lỗi / load the demo only into a new database",
    )
    p.add_argument(
        "--history",
        action="store_true",
        help="kèm 12 tháng hồ sơ mẫu cho báo cáo / with 12 months of demo dossiers for reports",
    )

    add("summary", cmd_summary, "tóm tắt trung tâm / summary of the center")

    p = add("due-date", cmd_due_date, "tính hạn trả / compute a due time")
    p.add_argument("--received", required=True, metavar="YYYY-MM-DDTHH:MM")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--working-days", type=_amount, metavar="N")
    g.add_argument("--working-hours", type=_amount, metavar="N")
    g.add_argument("--calendar-days", type=_amount, metavar="N")
    g.add_argument("--procedure", metavar="CODE")

    p = add("cccd", cmd_cccd, "đọc mã QR CCCD / parse a CCCD QR payload")
    p.add_argument("payload")

    cat = sub.add_parser("catalog", help="danh mục thủ tục / procedure catalog", parents=[common])
    cat_sub = cat.add_subparsers(
        dest="catalog_command", metavar="COMMAND", parser_class=_Parser, required=True
    )
    p = add("search", cmd_catalog_search, "tìm thủ tục / search procedures", container=cat_sub)
    p.add_argument("text")
    p.add_argument("--limit", type=whole(1), default=20)
    p.add_argument("--department", metavar="CODE")
    p = add(
        "import",
        cmd_catalog_import,
        "nhập danh mục CSV/XLSX / import a catalog file",
        container=cat_sub,
    )
    p.add_argument("file")

    p = add("intake", cmd_intake, "tiếp nhận hồ sơ từ tệp JSON / receive a dossier", acting)
    p.add_argument("--file", required=True, metavar="dossier.json")

    dos = sub.add_parser("dossier", help="hồ sơ / dossiers", parents=[common])
    dos_sub = dos.add_subparsers(
        dest="dossier_command", metavar="COMMAND", parser_class=_Parser, required=True
    )
    p = add("show", cmd_dossier_show, "xem hồ sơ / show a dossier", container=dos_sub)
    p.add_argument("code")
    p = add(
        "status", cmd_dossier_status, "chuyển trạng thái / change status", acting, container=dos_sub
    )
    p.add_argument("code")
    p.add_argument("status", help="1–10")
    p.add_argument("--reason", default="", help="lý do / reason")
    p = add("find", cmd_dossier_find, "tìm hồ sơ / find dossiers", container=dos_sub)
    p.add_argument("text")
    p.add_argument("--limit", type=whole(1), default=50)

    p = add(
        "code-pattern",
        cmd_code_pattern,
        "xem/đặt mẫu mã hồ sơ / show or set the dossier-code pattern",
        acting,
    )
    p.add_argument("pattern", nargs="?", help="ví dụ / e.g. {unit}-{yyMMdd}-{seq:4}")
    p.add_argument("--reset", default="", choices=["", "day", "month", "year", "never"])
    p.add_argument("--per", default="", choices=["", "unit", "procedure", "center"])

    cal = sub.add_parser("calendar", help="lịch làm việc / working calendar", parents=[common])
    cal_sub = cal.add_subparsers(
        dest="calendar_command", metavar="COMMAND", parser_class=_Parser, required=True
    )
    p = add(
        "list", cmd_calendar_list, "các ngày nghỉ, làm bù / calendar entries", container=cal_sub
    )
    p.add_argument("--year", type=int)
    p = add(
        "set",
        cmd_calendar_set,
        "đặt ngày nghỉ hoặc làm bù / set a day off or make-up working day",
        acting,
        container=cal_sub,
    )
    p.add_argument("day", metavar="YYYY-MM-DD")
    p.add_argument("kind", choices=["day_off", "working_day"])
    p.add_argument("--note", default="")
    p = add(
        "remove", cmd_calendar_remove, "bỏ một ngày / remove an entry", acting, container=cal_sub
    )
    p.add_argument("day", metavar="YYYY-MM-DD")

    p = add("gui", cmd_gui, "mở cửa sổ quầy / open the desk window")
    p.add_argument(
        "--screenshot", metavar="OUT.png", help="chụp một trang ra PNG / save one page as PNG"
    )
    p.add_argument(
        "--page",
        metavar="NAME",
        default="login",
        help="trang để chụp / page to render: login, intake, dossiers, returns, postal, "
        "supervisor, reports, admin",
    )
    p.add_argument("--size", metavar="WxH", help="kích thước / window size, e.g. 1366x768")
    p.add_argument(
        "--user", metavar="USERNAME", help="tên đăng nhập / user (screenshot: shown as this user)"
    )
    p.add_argument("--lang", choices=["vi", "en"], help="ngôn ngữ lần này / language this time")
    p.add_argument(
        "--find", metavar="TEXT", default="", help="ảnh chụp: gõ vào ô tìm / screenshot: search"
    )
    _add_print_commands(sub, add, common, acting)
    _add_scan_commands(sub, add, common, acting)
    from counter_app.cli_postal import add_postal_commands
    from counter_app.cli_queue import add_queue_commands
    from counter_app.cli_report import add_report_commands
    from counter_app.cli_sync import add_sync_commands

    add_sync_commands(sub, add, common)
    add_queue_commands(sub, add, common)
    add_postal_commands(sub, add, common)
    add_report_commands(sub, add, common)
    return parser


def _amount(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"không phải số / not a number: {text!r}") from None
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"phải ≥ 0 / must be ≥ 0: {text!r}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return the exit status (0 ok, 2 bad input, 1 environment/bug)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    args.db = getattr(args, "db", None)
    args.json = getattr(args, "json", False)
    handler = getattr(args, "handler", None)
    if handler is None:
        # No subcommand: the window where one can be seen, else the summary of the center.
        handler = cmd_summary if args.json or not _has_display() else cmd_gui
    from counter_app.domain.errors import CounterError, InvalidInput, NotAllowed, NotFound

    try:
        return int(handler(args))
    except (InvalidInput, NotFound, NotAllowed) as exc:
        print(f"counter-app: {exc.message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except CounterError as exc:
        print(f"counter-app: {exc.message}", file=sys.stderr)
        return EXIT_ENVIRONMENT
    except KeyboardInterrupt:
        return 130
    except Exception:  # a bug: keep the traceback, tell the user where it is
        log = _log_bug()
        print(
            f"counter-app: đã xảy ra lỗi, chi tiết ghi tại {log} / "
            f"an error occurred, details written to {log}",
            file=sys.stderr,
        )
        if os.environ.get("COUNTER_APP_DEBUG"):
            raise
        return EXIT_ENVIRONMENT


def _log_bug() -> Path:
    """Append the current exception's traceback to the log file; return its path."""
    import traceback

    from counter_app.config import data_dir

    path = data_dir() / "logs" / "counter-app.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as f:
            f.write(f"--- {datetime.now().isoformat()} {sys.argv!r}\n")
            f.write(traceback.format_exc())
    except OSError:
        traceback.print_exc()
    return path


if __name__ == "__main__":
    raise SystemExit(main())
