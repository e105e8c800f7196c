"""Reading and checking the history CSV of a center that switches to this app (issue 9, part 4)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from counter_app.domain.calendar import CENTER_TZ
from counter_app.domain.errors import InvalidInput
from counter_app.domain.status import FINISHING, Channel, Status
from counter_app.domain.text import nfc
from counter_app.models.dossier import RATING_LEVELS

COLUMNS = (
    "code", "procedure_code", "channel", "received_at", "due_at", "finished_at", "returned_at",
    "returned_via_post", "status", "rating", "rating_reason",
)  # fmt: skip
# Statuses that close a dossier: their time is in `finished_at` (for 7, the withdrawal time).
CLOSED = frozenset(FINISHING | {Status.WITHDRAWN})
MAX_LISTED = 20  # errors named in the message; the rest are counted


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One checked line of the file (times aware)."""

    line: int
    code: str
    procedure_code: str
    channel: Channel
    received_at: datetime
    due_at: datetime
    finished_at: datetime | None
    returned_at: datetime | None
    returned_via_post: bool
    status: Status
    rating: str  # "" for none
    rating_reason: str


class _RowError(Exception):
    pass


def _time(value: str, column: str, *, required: bool) -> datetime | None:
    from zoneinfo import ZoneInfo

    if not value:
        if required:
            raise _RowError(f"thiếu {column} / {column} is missing")
        return None
    try:
        t = datetime.fromisoformat(value)
    except ValueError:
        raise _RowError(
            f"{column} không hợp lệ: {value!r} (YYYY-MM-DDTHH:MM) / invalid {column}"
        ) from None
    return t.replace(tzinfo=ZoneInfo(CENTER_TZ)) if t.tzinfo is None else t


def _row(line: int, raw: dict[str, str], catalog: frozenset[str]) -> HistoryRow:
    v = {k: nfc(raw.get(k) or "").strip() for k in COLUMNS}
    code = v["code"].upper()
    if not code:
        raise _RowError("thiếu mã hồ sơ / code is missing")
    if v["procedure_code"] not in catalog:
        raise _RowError(
            f"thủ tục {v['procedure_code']!r} không có trong danh mục / unknown procedure"
        )
    if v["channel"].lower() not in ("direct", "online", "postal"):
        raise _RowError(
            f"kênh nộp không hợp lệ: {v['channel']!r} (direct, online, postal) / invalid channel"
        )
    channel = Channel.parse(v["channel"])
    try:
        status = Status(int(v["status"]))
    except ValueError:
        raise _RowError(
            f"trạng thái không hợp lệ: {v['status']!r} (1–10) / invalid status"
        ) from None
    received = _time(v["received_at"], "received_at", required=True)
    due = _time(v["due_at"], "due_at", required=True)
    finished = _time(v["finished_at"], "finished_at", required=status in CLOSED)
    returned = _time(v["returned_at"], "returned_at", required=status == Status.RETURNED)
    assert received is not None and due is not None
    if due < received:
        raise _RowError("due_at trước received_at / due_at is before received_at")
    if finished is not None and status not in CLOSED:
        raise _RowError(
            f"finished_at chỉ có với trạng thái 3, 7, 8, 9, 10 / no finished_at for status {status}"
        )
    if finished is not None and finished < received:
        raise _RowError("finished_at trước received_at / finished_at is before received_at")
    if returned is not None and status != Status.RETURNED:
        raise _RowError("returned_at chỉ có với trạng thái 10 / returned_at needs status 10")
    if returned is not None and finished is not None and returned < finished:
        raise _RowError("returned_at trước finished_at / returned_at is before finished_at")
    if v["returned_via_post"] not in ("", "0", "1"):
        raise _RowError(
            f"returned_via_post phải là 0 hoặc 1: {v['returned_via_post']!r} / must be 0 or 1"
        )
    rating = "" if v["rating"].lower() in ("", "empty") else v["rating"].lower()
    if rating and rating not in RATING_LEVELS:
        raise _RowError(
            f"đánh giá không hợp lệ: {v['rating']!r} "
            "(very_satisfied, satisfied, unsatisfied, empty) / invalid rating"
        )
    if rating and returned is None:
        raise _RowError(
            "đánh giá cần thời điểm trả kết quả (returned_at) / a rating needs returned_at"
        )
    if rating == "unsatisfied" and not v["rating_reason"]:
        raise _RowError(
            "“Không hài lòng” phải có lý do (rating_reason) / unsatisfied needs a reason"
        )
    return HistoryRow(
        line, code, v["procedure_code"], channel, received, due, finished, returned,
        v["returned_via_post"] == "1", status, rating, v["rating_reason"] if rating else "",
    )  # fmt: skip


def _fail(errors: list[str]) -> InvalidInput:
    listed = "; ".join(errors[:MAX_LISTED])
    more = f"; … và {len(errors) - MAX_LISTED} lỗi khác" if len(errors) > MAX_LISTED else ""
    return InvalidInput(
        f"Không nhập dòng nào, tệp có {len(errors)} lỗi: {listed}{more} / "
        f"Nothing imported, the file has {len(errors)} error(s)"
    )


def read_history(
    path: Path, catalog: frozenset[str], known: Callable[[list[str]], set[str]]
) -> list[HistoryRow]:
    """Return every row of the CSV at `path`, checked; line numbers count the header as line 1.

    `known(codes)` returns those of `codes` already in the database. Raises InvalidInput naming
    every bad line (up to 20) when any line is bad, the file cannot be read, or the header
    lacks a column: then nothing may be imported."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"Không đọc được tệp {path} / Cannot read the file: {exc}") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [nfc(h or "").strip() for h in reader.fieldnames or []]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise InvalidInput(
            f"Dòng 1: thiếu cột {', '.join(missing)} / Line 1: missing columns {missing}"
        )
    reader.fieldnames = header
    rows: list[HistoryRow] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    for raw in reader:
        line = reader.line_num
        if not any((value or "").strip() for value in raw.values() if isinstance(value, str)):
            continue  # a blank line
        try:
            row = _row(line, raw, catalog)
        except _RowError as exc:
            errors.append(f"dòng {line}: {exc}")
            continue
        if row.code in seen:
            errors.append(
                f"dòng {line}: mã {row.code} trùng dòng {seen[row.code]} / duplicate code"
            )
            continue
        seen[row.code] = line
        rows.append(row)
    taken = known(list(seen))
    errors += [
        f"dòng {r.line}: mã {r.code} đã có trong cơ sở dữ liệu / code already exists"
        for r in rows
        if r.code in taken
    ]
    errors.sort(key=lambda e: int(e.split(":", 1)[0].split()[1]))
    if errors:
        raise _fail(errors)
    if not rows:
        raise InvalidInput("Tệp không có dòng dữ liệu / The file has no data lines")
    return rows
