"""The command line of the postal desk (issue 8): `postal batch create|add|remove|close|show|
list`, `postal track|send|delivered|status|where|waiting`, `postal pool import|status`,
`postal import-status`, `postal transit`, `postal volumes`. Argument parsing and output only;
the work is in `counter_app.services.postal`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from counter_app.cli_args import whole

BATCH_ADD_HELP = (
    "quét/gõ mã hồ sơ vào lô; mỗi mã là một lần quét riêng: mã bị từ chối không làm mất các mã "
    "đã thêm; thoát mã 2 nếu có mã bị từ chối / add dossiers by code; each code is its own "
    "scan: the accepted ones stay added, and the exit status is 2 if any code was refused"
)


def _db(args: argparse.Namespace) -> Any:
    from counter_app.cli import _db as open_db

    return open_db(args)


def _out(args: argparse.Namespace, data: Any, text: Callable[[], object]) -> int:
    from counter_app.cli import _print_json

    if args.json:
        _print_json(data)
    else:
        text()
    return 0


def _actor(db: Any, args: argparse.Namespace) -> Any:
    from counter_app.services.actors import resolve_actor

    return resolve_actor(db, args.user)


def _when(text: str | None) -> datetime | None:
    """A time typed on the command line (local unless it says); None for now."""
    if not text:
        return None
    from zoneinfo import ZoneInfo

    from counter_app.domain.errors import InvalidInput

    try:
        t = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInput(
            f"Thời gian không hợp lệ: {text!r} (YYYY-MM-DDTHH:MM) / Bad time"
        ) from None
    return t if t.tzinfo else t.replace(tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def _batch_line(b: Any) -> str:
    dept = f" — {b.department_name}" if b.department_name else ""
    return f"{b.number}  {b.state:6}  {b.direction_label}{dept}  ({b.count} hồ sơ)"


def _show_batch(b: Any) -> None:
    print(_batch_line(b))
    if b.state == "closed":
        print(f"  Bên giao / from: {b.handed_by}; bên nhận / to: {b.received_by}")
    for n, i in enumerate(b.items, start=1):
        extra = f"  {i.tracking_number}" if i.tracking_number else ""
        print(f"  {n:3}. {i.code}  {i.applicant} — {i.status_label}{extra}")


def cmd_batch_create(args: argparse.Namespace) -> int:
    from counter_app.services.postal import create_batch

    db = _db(args)
    b = create_batch(db, _actor(db, args), args.direction, args.department, at=_when(args.at))
    return _out(args, b, lambda: print(f"Đã mở lô / opened: {_batch_line(b)}"))


def cmd_batch_add(args: argparse.Namespace) -> int:
    from counter_app.cli import _print_json
    from counter_app.services.postal import add_to_batch

    db = _db(args)
    actor = _actor(db, args)
    outcomes = [add_to_batch(db, actor, args.batch, code) for code in args.codes]
    if args.json:
        _print_json(
            {
                "batch": outcomes[-1].batch.number,
                "count": outcomes[-1].batch.count,
                "scans": [
                    {"code": o.code, "added": o.added, "reason": o.reason, "message": o.message}
                    for o in outcomes
                ],
            }
        )
    else:
        for o in outcomes:
            print(f"{'OK ' if o.added else 'LỖI'} {o.code}: {o.message}")
    refused = [o for o in outcomes if not o.added]
    if refused:
        print(
            f"counter-app: {len(refused)}/{len(outcomes)} mã bị từ chối / codes refused",
            file=sys.stderr,
        )
        return 2
    return 0


def cmd_batch_remove(args: argparse.Namespace) -> int:
    from counter_app.services.postal import remove_from_batch

    db = _db(args)
    b = remove_from_batch(db, _actor(db, args), args.batch, args.code)
    return _out(args, b, lambda: print(f"Đã bỏ / removed {args.code}: {_batch_line(b)}"))


def cmd_batch_close(args: argparse.Namespace) -> int:
    from counter_app.config import load_settings
    from counter_app.services.postal import close_batch, print_handover
    from counter_app.services.print_queue import PrintWorker

    db = _db(args)
    actor = _actor(db, args)
    b = close_batch(
        db, actor, args.batch, handed_by=args.from_name, received_by=args.to_name, at=_when(args.at)
    )
    settings = load_settings()
    printed = print_handover(
        db,
        b.number,
        actor=actor,
        out=Path(args.out) if args.out else None,
        a4_printer="" if args.no_print else args.a4_printer or settings.a4_printer,
        receipt_printer="" if args.no_print else args.printer or settings.receipt_printer,
        paper=args.paper,
    )
    if printed.a4_job or printed.summary_job:
        PrintWorker(db).run_once()
    data = {
        "batch": b,
        "record_pdf": str(printed.record_pdf),
        "a4_job": printed.a4_job.id if printed.a4_job else None,
        "summary_job": printed.summary_job.id if printed.summary_job else None,
        "problem": printed.problem,
    }

    def text() -> None:
        print(f"Đã chốt / closed: {_batch_line(b)}")
        print(f"Biên bản / record: {printed.record_pdf}")
        if printed.problem:
            print(f"Chưa in được / not printed: {printed.problem}")

    return _out(args, data, text)


def cmd_batch_show(args: argparse.Namespace) -> int:
    from counter_app.services.postal import get_batch

    b = get_batch(_db(args), args.batch)
    return _out(args, b, lambda: _show_batch(b))


def cmd_batch_list(args: argparse.Namespace) -> int:
    from counter_app.services.postal import list_batches

    batches = list_batches(_db(args), state=args.state, limit=args.limit)
    return _out(args, batches, lambda: [print(_batch_line(b)) for b in batches] and None)


def _delivery_line(d: Any) -> str:
    number = d.tracking_number or "(chưa có mã vận đơn)"
    return f"{d.code}  {number}  {d.status_label}  → {d.receiver_name}, {d.address}"


def cmd_track(args: argparse.Namespace) -> int:
    from counter_app.services.postal import track

    db = _db(args)
    d = track(db, _actor(db, args), args.code, args.tracking)
    return _out(args, d, lambda: print(_delivery_line(d)))


def cmd_send(args: argparse.Namespace) -> int:
    from counter_app.services.postal import send_by_post

    db = _db(args)
    d = send_by_post(
        db,
        _actor(db, args),
        args.code,
        receiver_name=args.receiver,
        phone=args.phone,
        address=args.address,
        tracking_number=args.tracking,
        at=_when(args.at),
    )
    return _out(args, d, lambda: print(f"Đã giao bưu điện / handed: {_delivery_line(d)}"))


def cmd_status(args: argparse.Namespace) -> int:
    from counter_app.services.postal import set_delivery_status

    db = _db(args)
    status = getattr(args, "status", "delivered")
    d = set_delivery_status(
        db, _actor(db, args), args.code, status, at=_when(args.at), note=args.note
    )
    return _out(args, d, lambda: print(_delivery_line(d)))


def cmd_where(args: argparse.Namespace) -> int:
    from counter_app.services.postal import paper_location

    w = paper_location(_db(args), args.code)

    def text() -> None:
        print(f"{w.code}: {w.where}")
        for leg in w.legs:
            print(
                f"  {leg.at:%d/%m/%Y %H:%M}  {leg.direction_label}  {leg.department_name}  "
                f"{leg.batch_number}  {leg.handed_by} → {leg.received_by}"
            )

    return _out(args, w, text)


def cmd_waiting(args: argparse.Namespace) -> int:
    from counter_app.services.postal import waiting_for_post

    rows = waiting_for_post(_db(args))
    return _out(
        args,
        rows,
        lambda: (
            [
                print(
                    f"{r.code}  {r.receiver_name}, {r.address}  {r.tracking_number} {r.open_batch}"
                )
                for r in rows
            ]
            and None
        ),
    )


def cmd_pool_import(args: argparse.Namespace) -> int:
    from counter_app.services.postal import import_tracking_pool

    db = _db(args)
    r = import_tracking_pool(db, _actor(db, args), Path(args.file))
    return _out(
        args,
        r,
        lambda: print(f"Đã nhập / added {r.added} mã; trùng / duplicates {r.skipped_duplicates}"),
    )


def cmd_pool_status(args: argparse.Namespace) -> int:
    from counter_app.services.postal import pool_status

    s = pool_status(_db(args))
    return _out(args, s, lambda: print(f"Còn / unused {s.unused}; đã dùng / used {s.used}"))


def cmd_import_status(args: argparse.Namespace) -> int:
    from counter_app.cli import _print_json
    from counter_app.services.postal import import_status_csv

    db = _db(args)
    r = import_status_csv(db, _actor(db, args), Path(args.file))
    if args.json:
        _print_json(r)
    else:
        print(f"Cập nhật / updated {r.updated}; không đổi / unchanged {r.unchanged}")
        for number in r.unknown:
            print(f"Không rõ mã vận đơn / unknown: {number}")
    if r.errors:
        print(
            "counter-app: không áp dụng gì / nothing applied: " + "; ".join(r.errors),
            file=sys.stderr,
        )
        return 2
    return 0


def cmd_transit(args: argparse.Namespace) -> int:
    from counter_app.services.postal import in_transit

    rows = in_transit(_db(args), older_than_days=args.days)
    return _out(
        args,
        rows,
        lambda: (
            [
                print(
                    f"{r.code}  {r.days} ngày  {r.department_name}  "
                    f"{r.batch_number or r.tracking_number}"
                )
                for r in rows
            ]
            and None
        ),
    )


def cmd_volumes(args: argparse.Namespace) -> int:
    from counter_app.services.postal import postal_volumes

    rows = postal_volumes(_db(args), months=args.months)
    return _out(
        args,
        rows,
        lambda: (
            [
                print(f"{r.month}  {r.count:5}  {r.direction_label}  {r.department_name}")
                for r in rows
            ]
            and None
        ),
    )


def add_postal_commands(
    sub: Any, add: Callable[..., argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add `postal …` to the command line."""
    from counter_app.models.postal import BATCH_STATES, DELIVERY_STATES, DIRECTIONS

    acting = argparse.ArgumentParser(add_help=False)
    acting.add_argument("--user", metavar="USERNAME", help="người thực hiện / acting user")
    when = argparse.ArgumentParser(add_help=False)
    when.add_argument("--at", metavar="YYYY-MM-DDTHH:MM", help="thời điểm / time (default now)")
    postal = sub.add_parser("postal", help="bưu chính công ích / postal desk", parents=[common])
    psub = postal.add_subparsers(dest="postal_command", metavar="COMMAND", required=True)

    batch = psub.add_parser("batch", help="lô bàn giao / handover batches", parents=[common])
    bsub = batch.add_subparsers(dest="batch_command", metavar="COMMAND", required=True)
    p = add(
        "create", cmd_batch_create, "mở lô bàn giao / open a batch", acting, when, container=bsub
    )
    p.add_argument(
        "--direction",
        required=True,
        choices=[*DIRECTIONS, "out", "in", "post"],
        help="to_department (out), from_department (in), to_post (post)",
    )
    p.add_argument("--department", metavar="CODE", help="mã Sở/ngành / department code")
    p = add("add", cmd_batch_add, BATCH_ADD_HELP, acting, container=bsub)
    p.add_argument("batch", metavar="BATCH", help="số lô / batch number, e.g. BG-261123-001")
    p.add_argument("codes", metavar="CODE", nargs="+", help="mã hồ sơ / dossier codes")
    p = add(
        "remove",
        cmd_batch_remove,
        "bỏ hồ sơ khỏi lô chưa chốt / take a dossier out",
        acting,
        container=bsub,
    )
    p.add_argument("batch", metavar="BATCH")
    p.add_argument("code", metavar="CODE")
    p = add(
        "close",
        cmd_batch_close,
        "chốt lô, in biên bản / close the batch, print the record",
        acting,
        when,
        container=bsub,
    )
    p.add_argument("batch", metavar="BATCH")
    p.add_argument(
        "--from",
        dest="from_name",
        required=True,
        metavar="NAME",
        help="họ tên người giao / person handing over",
    )
    p.add_argument(
        "--to",
        dest="to_name",
        required=True,
        metavar="NAME",
        help="họ tên người nhận / person receiving",
    )
    p.add_argument("--out", metavar="FILE.pdf", help="nơi ghi biên bản A4 / where the PDF goes")
    p.add_argument("--printer", metavar="URI", help="máy in nhiệt / receipt printer (summary)")
    p.add_argument("--a4-printer", metavar="URI", help="máy in A4 / A4 printer (record)")
    p.add_argument("--paper", default="80", choices=["80", "58", "tm-t88"])
    p.add_argument("--no-print", action="store_true", help="chỉ ghi PDF / only write the PDF")
    p = add("show", cmd_batch_show, "xem lô / show a batch", container=bsub)
    p.add_argument("batch", metavar="BATCH")
    p = add("list", cmd_batch_list, "các lô / list batches", container=bsub)
    p.add_argument("--state", choices=BATCH_STATES)
    p.add_argument("--limit", type=int, default=200)

    p = add("track", cmd_track, "ghi mã vận đơn / set the tracking number", acting, container=psub)
    p.add_argument("code", metavar="CODE")
    p.add_argument("--tracking", required=True, metavar="NUMBER", help="ví dụ / e.g. EB123456785VN")
    p = add(
        "send",
        cmd_send,
        "giao kết quả cho bưu điện / hand a result to the post",
        acting,
        when,
        container=psub,
    )
    p.add_argument("code", metavar="CODE")
    p.add_argument("--receiver", default="", metavar="NAME")
    p.add_argument("--phone", default="")
    p.add_argument("--address", default="")
    p.add_argument("--tracking", metavar="NUMBER", help="mặc định: lấy từ kho mã / default: pool")
    p = add(
        "delivered",
        cmd_status,
        "bưu điện đã phát / delivered (result returned, 10)",
        acting,
        when,
        container=psub,
    )
    p.add_argument("code", metavar="CODE")
    p.add_argument("--note", default="")
    p = add(
        "status",
        cmd_status,
        "trạng thái phát / set the delivery status",
        acting,
        when,
        container=psub,
    )
    p.add_argument("code", metavar="CODE")
    p.add_argument("status", choices=DELIVERY_STATES)
    p.add_argument("--note", default="")
    p = add("where", cmd_where, "giấy tờ hồ sơ đang ở đâu / where the paper is", container=psub)
    p.add_argument("code", metavar="CODE")
    add(
        "waiting",
        cmd_waiting,
        "kết quả chờ gửi bưu điện / results waiting for the post",
        container=psub,
    )

    pool = psub.add_parser("pool", help="kho mã vận đơn / tracking-number pool", parents=[common])
    pool_sub = pool.add_subparsers(dest="pool_command", metavar="COMMAND", required=True)
    p = add(
        "import",
        cmd_pool_import,
        "nhập danh sách mã của bưu điện / import the post's list",
        acting,
        container=pool_sub,
    )
    p.add_argument("file", metavar="FILE", help="một mã mỗi dòng, hoặc CSV cột đầu / one per line")
    add("status", cmd_pool_status, "số mã còn lại / numbers left", container=pool_sub)
    p = add(
        "import-status",
        cmd_import_status,
        "nhập trạng thái phát từ CSV của bưu điện (docs/postal.md) / import delivery news",
        acting,
        container=psub,
    )
    p.add_argument("file", metavar="FILE.csv")
    p = add("transit", cmd_transit, "hồ sơ đi lâu chưa về / dossiers away too long", container=psub)
    p.add_argument("--days", type=whole(0), default=3, metavar="N")
    p = add("volumes", cmd_volumes, "sản lượng bưu chính / postal volumes", container=psub)
    p.add_argument("--months", type=whole(1), default=12, metavar="N")
