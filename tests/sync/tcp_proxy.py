"""A real TCP proxy on 127.0.0.1 in a thread, between a desk and PostgreSQL, that breaks links
on demand: cut every connection now, cut after N more bytes of a request or of a reply (a reply
lost after the center committed), or swallow everything (a black hole that acknowledges all
traffic and answers nothing)."""

from __future__ import annotations

import contextlib
import select
import socket
import threading
from urllib.parse import urlsplit, urlunsplit


class TcpProxy:
    """Forward 127.0.0.1:`port` to (host, port) of the target, one thread per connection."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._pairs: list[tuple[socket.socket, socket.socket | None]] = []
        self._black_hole = False
        self._request_budget: int | None = None  # bytes desk → center before a cut
        self._reply_budget: int | None = None  # bytes center → desk before a cut
        self.cuts = 0
        self._closed = False
        self._thread = threading.Thread(target=self._accept, name="tcp-proxy", daemon=True)
        self._thread.start()

    # -- what a test asks for -------------------------------------------------------------
    def url(self, url: str) -> str:
        """Return `url` (libpq form, credentials kept) pointed at this proxy."""
        parts = urlsplit(url)
        creds = parts.netloc.rpartition("@")[0]
        netloc = f"{creds}@127.0.0.1:{self.port}" if creds else f"127.0.0.1:{self.port}"
        return urlunsplit(parts._replace(netloc=netloc))

    def cut_all(self) -> None:
        """Close every connection now, both sides."""
        with self._lock:
            pairs, self._pairs = self._pairs, []
            self.cuts += len(pairs)
        for desk, center in pairs:
            _close(desk)
            _close(center)

    def cut_request_after(self, nbytes: int) -> None:
        """Forward `nbytes` more bytes from desk to center, then cut that connection."""
        with self._lock:
            self._request_budget = nbytes

    def cut_reply_after(self, nbytes: int) -> None:
        """Forward `nbytes` more bytes from center to desk, then cut that connection: with 0
        the center's whole answer (sent after its commit) is lost."""
        with self._lock:
            self._reply_budget = nbytes

    def black_hole(self, on: bool = True) -> None:
        """Swallow all traffic of open and new connections (TCP still acknowledges it)."""
        with self._lock:
            self._black_hole = on

    def close(self) -> None:
        self._closed = True
        _close(self._listener)
        self.cut_all()

    # -- the forwarding -------------------------------------------------------------------
    def _accept(self) -> None:
        while not self._closed:
            try:
                desk, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(desk,), daemon=True).start()

    def _serve(self, desk: socket.socket) -> None:
        center: socket.socket | None = None
        if not self._black_hole:
            try:
                center = socket.create_connection(self.target, timeout=5)
            except OSError:
                _close(desk)
                return
        with self._lock:
            self._pairs.append((desk, center))
        try:
            self._pump(desk, center)
        finally:
            with self._lock:
                if (desk, center) in self._pairs:
                    self._pairs.remove((desk, center))
            _close(desk)
            _close(center)

    def _pump(self, desk: socket.socket, center: socket.socket | None) -> None:
        socks = [desk] if center is None else [desk, center]
        while True:
            try:
                ready, _, _ = select.select(socks, [], [], 0.2)
            except (OSError, ValueError):
                return  # closed by cut_all
            for src in ready:
                try:
                    data = src.recv(65536)
                except OSError:
                    return
                if not data:
                    return
                if self._black_hole or center is None:
                    continue  # swallowed
                to_center = src is desk
                dst = center if to_center else desk
                with self._lock:
                    budget = self._request_budget if to_center else self._reply_budget
                    cut = budget is not None and len(data) >= budget
                    if budget is not None:
                        data = data[:budget]
                        left = None if cut else budget - len(data)
                        if to_center:
                            self._request_budget = left
                        else:
                            self._reply_budget = left
                try:
                    if data:
                        dst.sendall(data)
                except OSError:
                    return
                if cut:
                    with self._lock:
                        self.cuts += 1
                    return


def _close(sock: socket.socket | None) -> None:
    if sock is None:
        return
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()
