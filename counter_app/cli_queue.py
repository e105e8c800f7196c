"""The command line of the queue: `queue issue|call|status` (issue 7, part 6).

On a desk joined to a center they go to the center (falling back to the desk's own series when
it cannot be reached); on a standalone database they work locally. Argument parsing and output
only; the work is in `counter_app.services.queue`."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Callable
from typing import Any

from counter_app.cli_args import whole
from counter_app.domain.errors import InvalidInput


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _ticket_json(ticket: Any) -> dict[str, Any]:
    return {
        "ticket": ticket.display,
        "id": ticket.id,
        "service": ticket.service_code,
        "number": ticket.number,
        "priority": ticket.priority,
        "state": ticket.state,
        "business_date": ticket.business_date.isoformat(),
        "issued_at": ticket.issued_at.isoformat(),
        "desk": ticket.desk_number,
        "online": ticket.online,
    }


def _run(args: argparse.Namespace, work: Callable[[Any, Any], int]) -> int:
    from counter_app.config import resolve_db_url
    from counter_app.services.setup import open_database
    from counter_app.services.sync.link import center_link

    db = open_database(resolve_db_url(args.db))
    link = center_link(db)
    try:
        return work(db, link)
    finally:
        if link is not None:
            link.close()
        db.dispose()


def cmd_queue_issue(args: argparse.Namespace) -> int:
    from counter_app.services.actors import resolve_actor
    from counter_app.services.queue import issue_ticket

    def work(db: Any, link: Any) -> int:
        issued = issue_ticket(
            db, args.service, resolve_actor(db, args.user), priority=args.priority, center=link
        )
        if args.json:
            _print_json(
                {
                    **_ticket_json(issued.ticket),
                    "service_name": issued.service_name,
                    "ahead": issued.ahead,
                }
            )
        else:
            print(
                f"Số / ticket {issued.ticket.display} — {issued.service_name}; "
                f"{issued.ahead} người đang chờ trước / ahead"
            )
        return 0

    return _run(args, work)


def cmd_queue_call(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from counter_app.domain.errors import NotFound
    from counter_app.models import Desk
    from counter_app.services.actors import resolve_actor
    from counter_app.services.queue import call_next

    def work(db: Any, link: Any) -> int:
        with db.read() as session:
            desk_id = session.scalar(select(Desk.id).where(Desk.number == args.desk))
        if desk_id is None:
            raise NotFound(f"Không có quầy số {args.desk} / No desk {args.desk}")
        actor = dataclasses.replace(resolve_actor(db, args.user), desk_id=desk_id)
        ticket = call_next(db, desk_id, actor, services=args.service or None, center=link)
        if args.json:
            _print_json(_ticket_json(ticket) if ticket else {"ticket": None})
        elif ticket is None:
            print("Không có ai đang chờ / Nobody is waiting")
        else:
            print(f"Mời số {ticket.display} đến quầy số {args.desk}")
        return 0

    return _run(args, work)


def cmd_queue_status(args: argparse.Namespace) -> int:
    from counter_app.services.queue import queue_status

    def work(db: Any, link: Any) -> int:
        status = queue_status(db, link)
        data = {
            "online": status.online,
            "business_date": status.business_date.isoformat(),
            "services": [dataclasses.asdict(s) for s in status.services],
            "desks": [
                {
                    "number": d.number,
                    "name": d.name,
                    "ticket": d.ticket,
                    "state": d.state,
                    "service": d.service_code,
                    "served": d.served,
                }
                for d in status.desks
            ],
        }
        if args.json:
            _print_json(data)
        else:
            for s in status.services:
                print(f"{s.code}  {s.waiting:4d} chờ / waiting  {s.name}")
            for d in status.desks:
                if d.ticket:
                    print(f"Quầy {d.number}: {d.ticket} ({d.state})")
        return 0

    return _run(args, work)


def cmd_follow_server(args: argparse.Namespace) -> int:
    """Serve the follow pages until interrupted; print the URL template for the kiosk."""
    import time

    from counter_app.config import resolve_db_url
    from counter_app.services.setup import open_database
    from counter_app.web.follow import FollowServer

    db = open_database(resolve_db_url(args.db))
    try:
        server = FollowServer(db, args.host, args.port).start()
    except OSError as exc:
        db.dispose()
        raise InvalidInput(f"Không mở được cổng {args.port}: {exc} / Cannot listen") from None
    url = server.base_url() or f"http://{args.host}:{server.port}/hang-cho/{{id}}"
    if args.json:
        _print_json({"url": url, "port": server.port})
    else:
        print(f"Trang theo dõi số / Follow pages: {url}", flush=True)
    sys.stdout.flush()
    try:
        while True:
            time.sleep(3600)
    finally:
        server.stop()
        db.dispose()


def cmd_kiosk(args: argparse.Namespace) -> int:
    from counter_app.ui.kiosk_app import run_kiosk  # Qt is imported only for the window

    return run_kiosk(args)


def _add_kiosk_command(add: Callable[..., argparse.ArgumentParser]) -> None:
    """`counter-app kiosk [--printer URI] [--screenshot OUT.png --size WxH]` (issue 7, part 2)."""
    from counter_app.ui.kiosk_app import STEPS

    p = add("kiosk", cmd_kiosk, "máy lấy số thứ tự / the ticket kiosk (full screen)")
    p.add_argument("--printer", metavar="URI", help="máy in phiếu / ticket printer URI")
    p.add_argument("--paper", default="80", choices=["80", "58", "tm-t88"], help="khổ giấy / paper")
    p.add_argument("--screenshot", metavar="OUT.png", help="chụp ra PNG / save a screenshot")
    p.add_argument("--size", metavar="WxH", help="kích thước / window size, e.g. 1920x1080")
    p.add_argument("--step", default="home", choices=STEPS, help="ảnh chụp / screenshot: step")
    p.add_argument(
        "--follow-port",
        type=whole(0, 65535),
        default=8088,
        metavar="PORT",
        help="cổng trang theo dõi số (mã QR trên phiếu), 0 để tắt / port of the ticket follow "
        "pages (the ticket's QR), 0 for none",
    )


def cmd_display(args: argparse.Namespace) -> int:
    from counter_app.ui.display_app import run_display  # Qt is imported only for the window

    return run_display(args)


def _add_display_command(add: Callable[..., argparse.ArgumentParser]) -> None:
    """`counter-app display [--screenshot OUT.png --size WxH] [--mute]` (issue 7, part 4)."""
    p = add("display", cmd_display, "màn hình phòng chờ / the hall display (full screen, voice)")
    p.add_argument("--screenshot", metavar="OUT.png", help="chụp ra PNG / save a screenshot")
    p.add_argument("--size", metavar="WxH", help="kích thước / window size, e.g. 1920x1080")
    p.add_argument("--mute", action="store_true", help="không đọc số / no sound")


def add_queue_commands(
    sub: Any, add: Callable[..., argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add `queue issue|call|status` to the command line."""
    from counter_app.domain.queue import PRIORITIES

    queue = sub.add_parser("queue", help="xếp hàng / the queue", parents=[common])
    qsub = queue.add_subparsers(dest="queue_command", metavar="COMMAND", required=True)
    acting = argparse.ArgumentParser(add_help=False)
    acting.add_argument("--user", metavar="USERNAME", help="người thực hiện / acting user")
    p = add("issue", cmd_queue_issue, "lấy số / issue a ticket", acting, container=qsub)
    p.add_argument("service", metavar="SERVICE", help="mã dịch vụ / service letter, e.g. A")
    p.add_argument(
        "--priority",
        default="",
        choices=PRIORITIES,
        metavar="KIND",
        help="ưu tiên / priority: " + ", ".join(p for p in PRIORITIES if p),
    )
    p = add("call", cmd_queue_call, "gọi số tiếp theo / call the next ticket", acting,
            container=qsub)  # fmt: skip
    p.add_argument("--desk", type=int, required=True, metavar="N", help="số quầy / desk number")
    p.add_argument(
        "--service", action="append", metavar="CODE", help="chỉ dịch vụ này / only this service"
    )
    add("status", cmd_queue_status, "tình trạng hàng chờ / queue status", container=qsub)
    p = add(
        "follow-server",
        cmd_follow_server,
        "phục vụ trang theo dõi số (mã QR trên phiếu) / serve the ticket follow pages",
        container=qsub,
    )
    p.add_argument("--host", default="0.0.0.0", help="địa chỉ nghe / address to listen on")
    p.add_argument("--port", type=whole(0, 65535), default=8088, help="cổng / port (default 8088)")
    _add_kiosk_command(add)
    _add_display_command(add)
