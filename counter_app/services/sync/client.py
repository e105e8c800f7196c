"""The desk's connection to the center: calls of the center's functions, nothing else.

Every call is one short transaction on one psycopg connection (reopened after a failure).
The desk's role may execute the center's functions and read nothing directly (migration 0002).
"""

from __future__ import annotations

import json
import logging
import select
import socket
import threading
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

from counter_app.domain.errors import InvalidInput, NotAllowed, NotFound
from counter_app.services.sync.errors import CenterRefused, CenterUnreachable, VersionMismatch
from counter_app.services.sync.protocol import (
    CHANNEL_CHANGES,
    CHANNEL_REFERENCE,
    PROTOCOL_VERSION,
    SCHEMA_VERSION,
)

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5
# No call may hang a desk: tcp_user_timeout and keepalives catch a dead link only while the
# kernel gets no acknowledgement; a stalled center or a middlebox that swallows the traffic
# acknowledges everything and answers nothing. The server stops a statement first (a lock wait
# behind a stuck transaction), the desk closes the socket itself after CALL_TIMEOUT_S.
STATEMENT_TIMEOUT_MS = 20_000
CALL_TIMEOUT_S = 30.0


def libpq_url(url: str) -> str:
    """Return `url` as libpq takes it (SQLAlchemy's `postgresql+psycopg://` → `postgresql://`)."""
    scheme, rest = url.split("://", 1) if "://" in url else ("postgresql", url)
    return f"{scheme.split('+', 1)[0]}://{rest}"


def redact(url: str) -> str:
    """Return `url` with any password replaced by ***, for logs and the screen."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def strip_password(url: str) -> tuple[str, str | None]:
    """Split `url` into the URL without its password and the password (None if absent)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url, None
    netloc = parts.netloc.replace(f":{parts.password}@", "@", 1)
    return urlunsplit(parts._replace(netloc=netloc)), parts.password


def _connect(url: str, password: str | None, **extra: Any) -> psycopg.Connection[Any]:
    kwargs: dict[str, Any] = {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "autocommit": True,
        "application_name": "counter-app sync",
        # A dead network must not hang a call for minutes: libpq gives up on unacknowledged
        # data after 20 s and probes idle connections.
        "tcp_user_timeout": 20_000,
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 5,
        "keepalives_count": 3,
        "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
        **extra,
    }
    if password is not None:
        kwargs["password"] = password
    try:
        return psycopg.connect(libpq_url(url), **kwargs)
    except psycopg.OperationalError as exc:
        raise CenterUnreachable(
            f"Không kết nối được máy chủ trung tâm / Cannot reach the center "
            f"({redact(url)}): {_first_line(exc)}"
        ) from exc


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class _Deadline:
    """Shut the connection's socket down if a call outlives `seconds` (the blocked read then
    fails at once, as on a dropped link); harmless once the call is over."""

    def __init__(self, conn: psycopg.Connection[Any], seconds: float) -> None:
        self._conn = conn
        self._lock = threading.Lock()
        self._over = False
        self.expired = False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._over = True
        self._timer.cancel()

    def _expire(self) -> None:
        with self._lock:
            if self._over:
                return
            self.expired = True
            try:
                sock = socket.socket(fileno=self._conn.pgconn.socket)
            except Exception:  # already closed: nothing is waiting on it
                return
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            finally:
                sock.detach()  # libpq owns the descriptor and closes it


class CenterClient:
    """Calls of the center's functions for one desk (`desk_id`), over one connection.

    A call that gets no answer within `timeout` seconds fails with CenterUnreachable."""

    def __init__(
        self,
        url: str,
        desk_id: str,
        *,
        password: str | None = None,
        timeout: float = CALL_TIMEOUT_S,
    ) -> None:
        self.url = url
        self.desk_id = desk_id
        self.timeout = timeout
        self._password = password
        self._conn: psycopg.Connection[Any] | None = None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> CenterClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _connection(self) -> psycopg.Connection[Any]:
        if self._conn is None or self._conn.closed:
            self._conn = _connect(self.url, self._password)
        return self._conn

    def _call(self, query: str, params: tuple[Any, ...], *, repeatable: bool = False) -> Any:
        conn = self._connection()
        deadline = _Deadline(conn, self.timeout)
        try:
            with deadline:
                if repeatable:
                    conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    row = conn.execute(query, params).fetchone()
                    conn.execute("COMMIT")
                else:
                    row = conn.execute(query, params).fetchone()
        except psycopg.Error as exc:
            self.close()  # whatever state the connection is in, start the next call clean
            if deadline.expired:
                raise CenterUnreachable(
                    f"Máy chủ trung tâm không trả lời sau {self.timeout:g} giây / The center "
                    f"did not answer within {self.timeout:g} s"
                ) from exc
            known = _known(exc)
            if known is exc and isinstance(exc, psycopg.OperationalError):
                known = CenterUnreachable(
                    f"Mất kết nối với máy chủ trung tâm / Lost the connection to the center: "
                    f"{_first_line(exc)}"
                )
            raise known from exc
        return None if row is None else row[0]

    def listener(self) -> ChangeListener:
        """Return a listener for the center's change notifications (its own connection)."""
        return ChangeListener(self.url, self._password)

    def info(self) -> dict[str, Any]:
        """Return the center's versions, reference version, last change and server time."""
        return dict(self._call("SELECT center_info(%s)", (self.desk_id,)))

    def push(self, ops: list[dict[str, Any]]) -> dict[str, Any]:
        """Send ops (in desk_seq order); return {"results": [...], "last_seq", "server_time"}."""
        return dict(
            self._call(
                "SELECT center_push(%s, %s, %s, %s::jsonb)",
                (self.desk_id, PROTOCOL_VERSION, SCHEMA_VERSION, json.dumps(ops)),
            )
        )

    def pull(self, after: int, limit: int) -> dict[str, Any]:
        """Return {"changes": [...], "last_id", "more", "server_time"} after cursor `after`."""
        return dict(
            self._call(
                "SELECT center_pull(%s, %s, %s, %s, %s)",
                (self.desk_id, PROTOCOL_VERSION, SCHEMA_VERSION, after, limit),
            )
        )

    def reference(self, since: int) -> dict[str, Any]:
        """Return the reference data if its version differs from `since` (one snapshot)."""
        return dict(
            self._call("SELECT center_reference(%s, %s)", (self.desk_id, since), repeatable=True)
        )

    def find_desk(self, number: int) -> dict[str, Any] | None:
        row = self._call("SELECT center_find_desk(%s)", (number,))
        return None if row is None else dict(row)

    def claim_number(self, scope: str) -> int:
        return int(self._call("SELECT center_claim_number(%s, %s)", (self.desk_id, scope)))

    def missing_files(self, shas: list[str]) -> list[str]:
        return list(self._call("SELECT center_missing_files(%s, %s)", (self.desk_id, shas)))

    def put_file(self, sha256: str, media_type: str, data: bytes) -> bool:
        return bool(
            self._call(
                "SELECT center_put_file(%s, %s, %s, %s)",
                (self.desk_id, sha256, media_type, data),
            )
        )

    def get_file(self, sha256: str) -> bytes | None:
        data = self._call("SELECT center_get_file(%s, %s)", (self.desk_id, sha256))
        return None if data is None else bytes(data)

    # The queue (migration 0003). Refusals of the center's state machine become CounterErrors.

    def _checked_call(self, query: str, params: tuple[Any, ...]) -> Any:
        try:
            return self._call(query, params)
        except psycopg.Error as exc:
            raise _refusal(exc) from exc

    def issue_ticket(self, service_code: str, priority: str, ticket_id: str) -> dict[str, Any]:
        """Issue the next ticket of a service at the center; return its row with "ahead".

        Resending the same `ticket_id` returns the ticket already issued."""
        return dict(
            self._checked_call(
                "SELECT center_issue_ticket(%s, %s, %s, %s)",
                (self.desk_id, service_code, priority, ticket_id),
            )
        )

    def call_next(
        self, service_codes: list[str] | None = None, officer_user_id: str | None = None
    ) -> dict[str, Any] | None:
        """Claim the next waiting ticket for this desk; return its row, None when nobody waits."""
        row = self._checked_call(
            "SELECT center_call_next(%s, %s, %s)",
            (self.desk_id, service_codes or [], officer_user_id),
        )
        return None if row is None else dict(row)

    def set_ticket_state(self, ticket_id: str, state: str) -> dict[str, Any]:
        """Move a ticket to `state` (recall: "called"); return its row."""
        return dict(
            self._checked_call(
                "SELECT center_set_ticket_state(%s, %s, %s)", (self.desk_id, ticket_id, state)
            )
        )

    def transfer_ticket(
        self, ticket_id: str, service_code: str | None, to_desk: int | None, new_id: str
    ) -> dict[str, Any]:
        """End a ticket as transferred; return the new waiting ticket's row."""
        return dict(
            self._checked_call(
                "SELECT center_transfer_ticket(%s, %s, %s, %s, %s)",
                (self.desk_id, ticket_id, service_code, to_desk, new_id),
            )
        )

    def list_conflicts(
        self, dossier_id: str | None = None, conflict_id: str | None = None
    ) -> list[dict[str, Any]]:
        """Return the unresolved conflicts of one dossier (all dossiers when None), or only the
        one `conflict_id` names."""
        return list(
            self._checked_call(
                "SELECT center_list_conflicts(%s, %s, %s)", (self.desk_id, dossier_id, conflict_id)
            )
        )

    def resolve_conflict(
        self, conflict_id: str, choice: str, payload: dict[str, Any], by: dict[str, Any]
    ) -> dict[str, Any]:
        """Settle a conflict ("center": keep the value in use; "desk": write `payload`); return
        {entity, entity_id, row, remaining}."""
        return dict(
            self._checked_call(
                "SELECT center_resolve_conflict(%s, %s, %s, %s::jsonb, %s::jsonb)",
                (self.desk_id, conflict_id, choice, json.dumps(payload), json.dumps(by)),
            )
        )

    def queue_status(self) -> dict[str, Any]:
        """Return today's waiting counts per service and every desk's current ticket."""
        return dict(self._checked_call("SELECT center_queue_status(%s)", (self.desk_id,)))


def _known(exc: psycopg.Error) -> Exception:
    """Map the center's refusals to CounterErrors; anything else stays a bug."""
    state = exc.sqlstate or ""
    text = _first_line(exc)
    if state == "CA001":
        return VersionMismatch(
            "SERVER_TOO_OLD",
            "Máy chủ trung tâm cũ hơn phần mềm của quầy, chưa đồng bộ được: cần nâng cấp "
            f"trung tâm / The center is older than this desk; upgrade the center ({text})",
        )
    if state == "CA002":
        return VersionMismatch(
            "CLIENT_TOO_OLD",
            "Phần mềm của quầy cũ hơn máy chủ trung tâm, chưa gửi được: cần cập nhật phần mềm "
            f"/ This desk is older than the center; update the app ({text})",
        )
    if state in ("57014", "55P03"):  # statement_timeout / lock_timeout at the center
        return CenterUnreachable(
            f"Máy chủ trung tâm bận, không trả lời kịp / The center is busy and did not answer "
            f"in time: {text}"
        )
    if state == "42501" or state.startswith("28"):
        return CenterRefused(
            f"Trung tâm từ chối quyền của quầy này / The center refused this desk: {text}"
        )
    return exc


_REFUSALS: dict[str, type[Exception]] = {
    "CA101": NotFound,
    "CA102": NotAllowed,
    "CA103": InvalidInput,
}


def _refusal(exc: psycopg.Error) -> Exception:
    """Map the center functions' refusals (SQLSTATE CA101-CA103, migrations 0003, 0006) to known
    errors carrying the center's message; anything else stays as it is."""
    kind = _REFUSALS.get(exc.sqlstate or "")
    if kind is None:
        return exc
    return kind(exc.diag.message_primary or _first_line(exc))


class ChangeListener:
    """LISTEN on the center's change channels: `wait(timeout)` returns True when woken."""

    def __init__(self, url: str, password: str | None = None) -> None:
        self._conn = _connect(url, password)
        for channel in (CHANNEL_CHANGES, CHANNEL_REFERENCE):
            self._conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel)))

    def wait(self, timeout: float) -> bool:
        """Block up to `timeout` s for a notification; CenterUnreachable if the link broke."""
        try:
            ready, _, _ = select.select([self._conn.fileno()], [], [], timeout)
            if not ready:
                return False
            got = False
            for _ in self._conn.notifies(timeout=0, stop_after=100):
                got = True
            return got or bool(ready)
        except (psycopg.OperationalError, OSError, ValueError) as exc:
            raise CenterUnreachable(
                f"Mất kết nối nhận thông báo / Lost the listener: {exc}"
            ) from exc

    def close(self) -> None:
        self._conn.close()
