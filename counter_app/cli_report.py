"""The command line of the supervisor reports (issue 9): `report monthly`, `report live` and
`history import`. Argument parsing and output only; the work is in `services.reports`."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from counter_app.cli_args import whole

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _open(args: argparse.Namespace) -> Any:
    from counter_app.config import resolve_db_url
    from counter_app.services.setup import open_database

    return open_database(resolve_db_url(args.db))


def _period(text: str) -> Any:
    from counter_app.domain.errors import InvalidInput
    from counter_app.services.reports.model import Period

    m = _MONTH.match(text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise InvalidInput(f"--month không hợp lệ: {text!r} (YYYY-MM) / invalid month")
    return Period.month(int(m.group(1)), int(m.group(2)))


def _report(args: argparse.Namespace) -> Any:
    from counter_app.services.reports.monthly import monthly_report
    from counter_app.services.reports.readers import report_from_center

    period = _period(args.month)
    if args.central:
        return report_from_center(args.central, period)
    db = _open(args)
    try:
        return monthly_report(db, period)
    finally:
        db.dispose()


def cmd_report_connect(args: argparse.Namespace) -> int:
    """Keep the report account: the URL in the settings, the password in the keyring."""
    from counter_app.services.reports.readers import connect_reports

    kept = connect_reports(args.url)
    if args.json:
        _print_json({"central": kept})
    else:
        print(f"Báo cáo toàn Trung tâm sẽ đọc từ {kept} / Center-wide reports read from {kept}")
    return 0


def cmd_report_monthly(args: argparse.Namespace) -> int:
    from counter_app.domain.errors import InvalidInput
    from counter_app.services.reports.model import report_json

    fmt = "json" if args.json and not args.format else (args.format or "json")
    if fmt != "json" and not args.out:
        raise InvalidInput(f"--format {fmt} cần --out FILE / --format {fmt} needs --out FILE")
    report = _report(args)
    if fmt == "json":
        data = report_json(report)
        if args.out:
            Path(args.out).write_text(
                json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            print(f"Đã ghi / written: {args.out}")
        else:
            _print_json(data)
        return 0
    if fmt == "pdf":
        from counter_app.printing.forms.monthly_report import write_report_pdf

        # printing sits below services (layers): it takes the report as its JSON dict
        path = write_report_pdf(report_json(report), Path(args.out))
    else:
        from counter_app.services.reports.xlsx import write_report_xlsx

        path = write_report_xlsx(report, Path(args.out))
    print(f"Đã ghi / written: {path}")
    return 0


def _live_json(row: Any) -> dict[str, Any]:
    return {
        "code": row.code,
        "procedure": row.procedure,
        "department": row.department,
        "applicant": row.applicant,
        "received_at": row.received_at.isoformat(),
        "due_at": row.due_at.isoformat(),
        "status": row.status,
        "status_label": row.status_label,
        "holder": row.holder,
        "overdue_by_hours": row.overdue_by_hours,
    }


def cmd_report_live(args: argparse.Namespace) -> int:
    from counter_app.services.reports.live import live_list
    from counter_app.services.reports.timeline import LOCAL_TZ

    db = _open(args)
    try:
        rows = live_list(db, within_days=args.days, department=args.department)
    finally:
        db.dispose()
    if args.json:
        _print_json([_live_json(r) for r in rows])
        return 0
    if not rows:
        print("Không có hồ sơ quá hạn hay sắp đến hạn / No overdue or near-due dossiers")
    for r in rows:
        due = r.due_at.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M")
        state = (
            f"quá hạn {r.overdue_by_hours:g} giờ"
            if r.overdue_by_hours > 0
            else f"còn {-r.overdue_by_hours:g} giờ"
        )
        print(f"{r.code}  hẹn {due}  {state}  {r.department}  đang giữ: {r.holder}")
    return 0


def cmd_history_import(args: argparse.Namespace) -> int:
    from counter_app.services.actors import resolve_actor
    from counter_app.services.reports.history_import import import_history

    db = _open(args)
    try:
        done = import_history(db, Path(args.file), resolve_actor(db, args.user))
    finally:
        db.dispose()
    if args.json:
        _print_json(
            {
                "dossiers": done.dossiers,
                "events": done.events,
                "ratings": done.ratings,
                "first_received": done.first_received.isoformat() if done.first_received else None,
                "last_received": done.last_received.isoformat() if done.last_received else None,
            }
        )
    else:
        print(f"Đã nhập {done.dossiers} hồ sơ, {done.ratings} đánh giá / imported")
    return 0


def add_report_commands(
    sub: Any, add: Callable[..., argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add `report monthly|live` and `history import` to the command line."""
    report = sub.add_parser("report", help="báo cáo / supervisor reports", parents=[common])
    rsub = report.add_subparsers(dest="report_command", metavar="COMMAND", required=True)
    p = add("monthly", cmd_report_monthly, "báo cáo tháng / the monthly report", container=rsub)
    p.add_argument("--month", required=True, metavar="YYYY-MM", help="tháng / month")
    p.add_argument(
        "--central", metavar="URL", default="", help="CSDL trung tâm / the central PostgreSQL"
    )
    p.add_argument("--format", choices=("json", "pdf", "xlsx"), default="", help="json|pdf|xlsx")
    p.add_argument("--out", metavar="FILE", default="", help="tệp kết quả / output file")
    p = add(
        "connect",
        cmd_report_connect,
        "giữ tài khoản báo cáo của trung tâm cho máy này / keep the center's report account",
        container=rsub,
    )
    p.add_argument("url", metavar="URL", help="từ / from `counter-app central add-reader`")
    p = add("live", cmd_report_live, "hồ sơ quá hạn, sắp đến hạn / overdue and near-due",
            container=rsub)  # fmt: skip
    p.add_argument(
        "--days", type=whole(0), default=2, metavar="N", help="đến hạn trong N ngày làm việc"
    )
    p.add_argument("--department", metavar="CODE", default=None, help="mã đơn vị / unit code")
    history = sub.add_parser("history", help="lịch sử hồ sơ / dossier history", parents=[common])
    hsub = history.add_subparsers(dest="history_command", metavar="COMMAND", required=True)
    acting = argparse.ArgumentParser(add_help=False)
    acting.add_argument("--user", metavar="USERNAME", help="người thực hiện / acting user")
    p = add("import", cmd_history_import, "nhập lịch sử từ CSV / import history", acting,
            container=hsub)  # fmt: skip
    p.add_argument("file", metavar="FILE.csv", help="tệp CSV / the CSV file")
