"""The small web page behind a ticket's QR: a citizen's phone on the center's Wi-Fi opens
`/hang-cho/<ticket id>` and sees their number, how many wait before them, and where to go when
called. The page reloads itself every 10 s; `/hang-cho/<id>.json` gives the same data.

Served by the kiosk (`counter-app kiosk`, port 8088 by default) or on any computer of the
center with `counter-app queue follow-server`. It only reads; it needs no account, and an id
that is not a ticket's is a plain 404 page.
"""

from __future__ import annotations

import json
import logging
import socket
import threading
from html import escape
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from counter_app.domain.errors import NotFound
from counter_app.services.queue_follow import FOLLOW_PATH, FollowView, follow_ticket, local_time
from counter_app.services.setup import Database

log = logging.getLogger(__name__)
PREFIX = FOLLOW_PATH.split("{", 1)[0]  # "/hang-cho/"
REFRESH_S = 10

_STYLE = """
body{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1b2733}
main{max-width:28rem;margin:0 auto;padding:1.2rem}
.card{background:#fff;border-radius:12px;padding:1.2rem;box-shadow:0 1px 4px #0002;text-align:center}
.num{font-size:4.5rem;font-weight:700;color:#0b5cad;margin:.2rem 0}
.head{font-size:1.3rem;font-weight:600;margin:.8rem 0}
.called{color:#b3261e}.muted{color:#5b6875;font-size:.9rem}
"""


def render_page(view: FollowView) -> str:
    """Return the HTML page of `view` (Vietnamese first, English second)."""
    head_class = "head called" if view.state == "called" else "head"
    lines = [
        f'<div class="muted">{escape(view.service_name)}</div>',
        f'<div class="num">{escape(view.display)}</div>',
    ]
    if view.priority:
        lines.append(f'<div class="muted">Ưu tiên / Priority: {escape(view.priority)}</div>')
    if not view.today:
        lines.append(
            '<div class="head">Số của ngày khác, không còn hiệu lực / '
            "A ticket of another day, no longer valid</div>"
        )
    else:
        lines.append(f'<div class="{head_class}">{escape(view.headline)}</div>')
        if view.ahead is not None:
            ahead = (
                "Không có ai chờ trước bạn / Nobody is before you"
                if view.ahead == 0
                else f"Trước bạn còn {view.ahead} người chờ / {view.ahead} people before you"
            )
            lines.append(f'<div class="head">{escape(ahead)}</div>')
    lines.append(
        f'<div class="muted">Lấy số lúc / Issued at {local_time(view.issued_at)} · '
        f"cập nhật / updated {local_time(view.as_of)}</div>"
    )
    return _document(f"Số {view.display}", "\n".join(lines), refresh=view.today)


def _document(title: str, body: str, *, refresh: bool) -> str:
    meta = f'<meta http-equiv="refresh" content="{REFRESH_S}">' if refresh else ""
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"{meta}<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f'<body><main><div class="card">{body}</div></main></body></html>'
    )


def view_json(view: FollowView) -> dict[str, Any]:
    return {
        "ticket": view.display,
        "service": view.service_name,
        "state": view.state,
        "headline": view.headline,
        "ahead": view.ahead,
        "desk": view.desk_number,
        "today": view.today,
        "issued_at": view.issued_at.isoformat(),
        "as_of": view.as_of.isoformat(),
    }


class _Handler(BaseHTTPRequestHandler):
    server: FollowServer

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if not path.startswith(PREFIX):
            self._send(HTTPStatus.NOT_FOUND, _not_found(), "text/html")
            return
        ticket_id = path[len(PREFIX) :]
        as_json = ticket_id.endswith(".json")
        ticket_id = ticket_id.removesuffix(".json")
        try:
            view = follow_ticket(self.server.db, ticket_id)
        except NotFound:
            if as_json:
                self._send(HTTPStatus.NOT_FOUND, '{"error": "not found"}', "application/json")
            else:
                self._send(HTTPStatus.NOT_FOUND, _not_found(), "text/html")
            return
        except Exception:  # a bug or a database problem: the phone gets a 500, the log the rest
            log.exception("follow page for %s", ticket_id)
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, "", "text/plain")
            return
        if as_json:
            self._send(
                HTTPStatus.OK, json.dumps(view_json(view), ensure_ascii=False), "application/json"
            )
        else:
            self._send(HTTPStatus.OK, render_page(view), "text/html")

    def _send(self, status: HTTPStatus, body: str, kind: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("follow: " + format, *args)


def _not_found() -> str:
    return _document(
        "Không tìm thấy",
        '<div class="head">Không tìm thấy số thứ tự này / No such ticket</div>'
        '<div class="muted">Xin hỏi nhân viên tại quầy hướng dẫn / Please ask at the desk</div>',
        refresh=False,
    )


class FollowServer(ThreadingHTTPServer):
    """The follow pages of one database, served from a daemon thread until `stop()`."""

    daemon_threads = True

    def __init__(self, db: Database, host: str = "0.0.0.0", port: int = 8088) -> None:
        super().__init__((host, port), _Handler)
        self.db = db
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def start(self) -> FollowServer:
        self._thread = threading.Thread(target=self.serve_forever, name="follow-web", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def base_url(self) -> str:
        """Return the URL template phones use ("{id}" to fill), on this computer's LAN address;
        "" when it has none (a phone could not reach 127.0.0.1)."""
        host = lan_address()
        return f"http://{host}:{self.port}{FOLLOW_PATH}" if host else ""


def lan_address() -> str:
    """Return this computer's address on its default route ("" when there is none). A UDP
    socket's connect sends nothing; it only picks the interface."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.255.255.255", 1))
            address = str(s.getsockname()[0])
    except OSError:
        return ""
    return "" if address.startswith("127.") else address
