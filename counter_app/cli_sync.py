"""The command line of sync: `central init|add-desk|add-user`, `join`, `sync`, `conflicts`.

Argument parsing and output only; the work is in `counter_app.services.sync`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _open(args: argparse.Namespace) -> Any:
    from counter_app.config import resolve_db_url
    from counter_app.services.setup import open_database

    return open_database(resolve_db_url(args.db))


def cmd_central_init(args: argparse.Namespace) -> int:
    from counter_app.services.sync.central import central_init

    result = central_init(
        args.url, demo=args.demo, catalog=Path(args.catalog) if args.catalog else None
    )
    if args.json:
        _print_json(
            {
                "created": result.created,
                "demo": result.demo,
                "procedures": result.procedures,
                "passwords": result.passwords,
            }
        )
    else:
        what = "tạo mới / created" if result.created else "nâng cấp / upgraded"
        print(f"CSDL trung tâm đã {what}: {result.procedures} thủ tục / procedures")
        for user, password in result.passwords.items():
            print(f"  {user}: {password}")
    return 0


def cmd_central_add_desk(args: argparse.Namespace) -> int:
    from counter_app.services.sync.central import add_desk

    account = add_desk(args.url, args.number, args.name or "", password=args.password)
    if args.json:
        _print_json(
            {
                "desk_id": account.desk_id,
                "number": account.number,
                "role": account.role,
                "password": account.password,
            }
        )
    else:
        print(
            f"Quầy {account.number}: vai trò / role {account.role}, mật khẩu / password "
            f"{account.password}\n(chỉ hiện một lần; dùng khi chạy counter-app join / shown "
            f"once; give it to `counter-app join`)"
        )
    return 0


def cmd_central_add_reader(args: argparse.Namespace) -> int:
    from counter_app.services.reports.readers import add_reader

    account = add_reader(args.url, args.name, password=args.password)
    if args.json:
        _print_json({"role": account.role, "password": account.password, "url": account.url})
    else:
        print(
            f"Tài khoản báo cáo (chỉ đọc) / report account (read-only): {account.role}\n"
            f"{account.url}\n(chỉ hiện một lần; trên máy giám sát chạy counter-app report "
            f"connect URL / shown once; on the supervisor's desk run `counter-app report "
            f"connect URL`)"
        )
    return 0


def cmd_central_add_user(args: argparse.Namespace) -> int:
    from counter_app.services.sync.central import add_central_user

    user_id, password = add_central_user(
        args.url,
        args.username,
        args.full_name,
        args.role,
        desk_number=args.desk,
        password=args.password,
    )
    if args.json:
        _print_json({"user_id": user_id, "username": args.username, "password": password})
    else:
        print(f"Đã thêm / added {args.username}; mật khẩu / password: {password}")
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    from counter_app.config import resolve_db_url
    from counter_app.db import Database
    from counter_app.db.engine import sqlite_path
    from counter_app.services.setup import init_database
    from counter_app.services.sync import join_center

    url = resolve_db_url(args.db)
    path = sqlite_path(url)
    new = path is not None and not path.exists()
    init_database(url)  # a new desk database is created, an older one upgraded
    db = Database(url)
    try:
        joined = join_center(db, args.central, args.desk)
    except BaseException:
        db.dispose()
        if new and path is not None:  # a refused join leaves nothing behind
            for leftover in (path, *path.parent.glob(path.name + "-*")):
                leftover.unlink(missing_ok=True)
        raise
    db.dispose()
    if args.json:
        _print_json(
            {
                "desk": joined.desk_number,
                "desk_id": joined.desk_id,
                "central": joined.central_url,
                "reference_version": joined.reference_version,
                "password_kept_in": joined.password_kept_in,
            }
        )
    else:
        print(
            f"Máy này là quầy {joined.desk_number} của {joined.central_url} / This database is "
            f"desk {joined.desk_number} of the center (mật khẩu lưu ở / password kept in "
            f"{joined.password_kept_in})"
        )
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from counter_app.services.sync import client_for, sync_once, sync_status
    from counter_app.services.sync.runner import requeue_quarantined

    db = _open(args)
    try:
        if args.status:
            status = sync_status(db)
            data = {
                "joined": status.joined,
                "central": status.central_url,
                "waiting": status.waiting,
                "quarantined": status.quarantined,
                "last_success_at": status.last_success_at,
                "last_error": status.last_error,
                "clock_offset_ms": status.clock_offset_ms,
            }
            if args.json:
                _print_json(data)
            else:
                for key, value in data.items():
                    print(f"{key}: {value}")
            return 0
        if args.retry_quarantined:
            n = requeue_quarantined(db)
            print(f"Gửi lại / requeued: {n}")
            return 0
        if args.once:
            with client_for(db, central_url=args.central) as client:
                report = sync_once(db, client)
            data = report.as_json()
            if args.json:
                _print_json(data)
            else:
                print(
                    f"Đã gửi / pushed {data['pushed']} (xác nhận / acked {data['acked']}, trùng / "
                    f"duplicates {data['duplicates']}, xung đột / conflicts {data['conflicts']}, "
                    f"cách ly / quarantined {data['quarantined']}); đã nhận / pulled "
                    f"{data['pulled']}"
                )
            return 0 if data["ok"] else 1
        return _sync_forever(db, args)
    finally:
        db.dispose()


def _link(db: Any) -> Any:
    from counter_app.services.queue_desk import desk_link

    return desk_link(db)


def cmd_conflicts_list(args: argparse.Namespace) -> int:
    from counter_app.services.conflicts import list_conflicts
    from counter_app.services.dossiers import get_dossier

    db = _open(args)
    try:
        dossier_id = get_dossier(db, args.code).id if args.code else None
        found = list_conflicts(db, _link(db), dossier_id=dossier_id)
    finally:
        db.dispose()
    if args.json:
        _print_json(
            [
                {
                    "id": c.id,
                    "dossier_code": c.dossier_code,
                    "entity": c.entity,
                    "entity_id": c.entity_id,
                    "field": c.field,
                    "label": c.label_vi,
                    "in_use": c.center_value,
                    "set_aside": c.desk_value,
                    "in_use_desk": c.kept_desk,
                    "set_aside_desk": c.other_desk,
                    "at": c.at.isoformat(),
                    "can_use_set_aside": c.choosable,
                }
                for c in found
            ]
        )
        return 0
    if not found:
        print("Không có thay đổi trùng nhau nào cần xem lại / No conflicts to review")
    for c in found:
        kept = f" (quầy / desk {c.kept_desk})" if c.kept_desk else ""
        other = f" (quầy / desk {c.other_desk})" if c.other_desk else ""
        print(f"{c.id}  {c.dossier_code or c.entity_id}  {c.label_vi}")
        print(f"    đang dùng / in use{kept}: {c.center_text}")
        print(f"    bị giữ lại / set aside{other}: {c.desk_text}")
    return 0


def cmd_conflicts_resolve(args: argparse.Namespace) -> int:
    from counter_app.services.actors import resolve_actor
    from counter_app.services.conflicts import resolve_conflict

    db = _open(args)
    try:
        actor = resolve_actor(db, args.user)
        choice = "desk" if args.use_set_aside else "center"
        done = resolve_conflict(db, _link(db), args.conflict_id, choice, actor)
    finally:
        db.dispose()
    if args.json:
        _print_json(
            {"id": done.conflict_id, "dossier_code": done.dossier_code, "remaining": done.remaining}
        )
    else:
        print(f"Đã xem lại / settled {done.dossier_code}; còn / remaining {done.remaining}")
    return 0


def _sync_forever(db: Any, args: argparse.Namespace) -> int:
    from counter_app.services.sync.worker import SyncWorker

    def show(status: Any, report: Any, error: str) -> None:
        line = (
            {"waiting": status.waiting, "error": error or None, **report.as_json()}
            if report
            else {"waiting": status.waiting, "error": error}
        )
        print(json.dumps(line, ensure_ascii=False, default=str), flush=True)

    worker = SyncWorker(db, central_url=args.central, interval_s=args.interval, on_status=show)
    try:
        worker.start()
        while True:
            worker.wait_stopped(3600)
    except KeyboardInterrupt:
        return 0
    finally:
        worker.stop()


def add_sync_commands(
    sub: Any, add: Callable[..., argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add `central`, `join`, `sync` and `conflicts` to the command line."""
    central = sub.add_parser(
        "central", help="quản trị CSDL trung tâm / manage the central database", parents=[common]
    )
    csub = central.add_subparsers(dest="central_command", metavar="COMMAND", required=True)
    url = argparse.ArgumentParser(add_help=False)
    url.add_argument(
        "--url", required=True, help="CSDL trung tâm (quyền chủ sở hữu) / central database URL"
    )
    p = add("init", cmd_central_init, "tạo/nâng cấp CSDL trung tâm / create or upgrade it", url,
            container=csub)  # fmt: skip
    g = p.add_mutually_exclusive_group()
    g.add_argument("--demo", action="store_true", help="nạp trung tâm mẫu / load the demo center")
    g.add_argument("--catalog", metavar="FILE", help="nạp danh mục / load a catalog file")
    p = add("add-desk", cmd_central_add_desk, "thêm quầy và tài khoản CSDL / add a desk", url,
            container=csub)  # fmt: skip
    p.add_argument("--number", type=int, required=True, help="số quầy / desk number")
    p.add_argument("--name", help="tên quầy / desk name")
    p.add_argument("--password", help="mật khẩu CSDL (mặc định: ngẫu nhiên) / database password")
    p = add(
        "add-reader",
        cmd_central_add_reader,
        "thêm tài khoản chỉ đọc cho báo cáo / add a read-only account for reports",
        url,
        container=csub,
    )
    p.add_argument("--name", default="reports", help="tên / name (default: reports)")
    p.add_argument("--password", help="mật khẩu (mặc định: ngẫu nhiên) / password")
    p = add("add-user", cmd_central_add_user, "thêm người dùng / add an account", url,
            container=csub)  # fmt: skip
    p.add_argument("--username", required=True)
    p.add_argument("--full-name", required=True)
    p.add_argument(
        "--role",
        action="append",
        required=True,
        choices=["officer", "postal", "supervisor", "admin"],
        help="vai trò (lặp lại được) / role (repeatable)",
    )
    p.add_argument("--desk", type=int, help="quầy / desk number")
    p.add_argument("--password", help="mật khẩu (mặc định: ngẫu nhiên) / password")

    p = add("join", cmd_join, "làm quầy N của trung tâm / make this database desk N of a center")
    p.add_argument("--central", required=True, metavar="URL", help="CSDL trung tâm / center URL")
    p.add_argument("--desk", type=int, required=True, metavar="N", help="số quầy / desk number")

    p = add("sync", cmd_sync, "đồng bộ với trung tâm / sync with the center")
    p.add_argument("--central", metavar="URL", help="thay cho trung tâm đã nhớ / override URL")
    p.add_argument("--once", action="store_true", help="một lượt rồi thoát / one round, then exit")
    p.add_argument("--status", action="store_true", help="trạng thái / show the sync state")
    p.add_argument(
        "--retry-quarantined",
        action="store_true",
        help="gửi lại các thao tác bị cách ly / requeue quarantined ops",
    )
    p.add_argument(
        "--interval", type=float, default=30.0, help="giây giữa các lượt / seconds between rounds"
    )

    conflicts = sub.add_parser(
        "conflicts",
        help="thay đổi trùng nhau giữa các quầy / conflicting changes from two desks",
        parents=[common],
    )
    xsub = conflicts.add_subparsers(dest="conflicts_command", metavar="COMMAND", required=True)
    p = add("list", cmd_conflicts_list, "các thay đổi cần xem lại / conflicts to review",
            container=xsub)  # fmt: skip
    p.add_argument("--code", help="chỉ hồ sơ này / only this dossier")
    p = add("resolve", cmd_conflicts_resolve, "giải quyết một thay đổi / settle one conflict",
            container=xsub)  # fmt: skip
    p.add_argument("conflict_id", metavar="ID")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument(
        "--keep", action="store_true", help="giữ giá trị đang dùng / keep the value in use"
    )
    how.add_argument(
        "--use-set-aside",
        action="store_true",
        help="dùng giá trị bị giữ lại / put the set-aside value back",
    )
    p.add_argument("--user", metavar="USERNAME", help="người thực hiện / acting user")
