"""Importing the post's CSV export of delivery news (docs/postal.md, "The post's status file"):
all lines are checked first, and nothing is applied if any line is malformed."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from counter_app.db import Database
from counter_app.domain.errors import CounterError, InvalidInput
from counter_app.domain.text import fold, nfc
from counter_app.models import Dossier
from counter_app.models.base import utcnow
from counter_app.models.postal import DELIVERY_STATES, PostalDelivery
from counter_app.services.postal_common import LOCAL_TZ
from counter_app.services.postal_delivery import DELIVERY_VI, apply_delivery_status
from counter_app.services.postal_tracking import validate_tracking
from counter_app.services.recording import Actor, audit

# The post's wording (folded: no diacritics, lower case), first match wins: the order matters
# ("phát không thành công" is a failed attempt, still on its way; "chuyển hoàn" before all).
_STATUS_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("returned_to_center", ("chuyen hoan", "hoan tra", "phat hoan", "tra lai")),
    (
        "in_transit",
        (
            "khong thanh cong",
            "chua phat",
            "van chuyen",
            "dang chuyen",
            "dang phat",
            "buu cuc",
            "khai thac",
        ),
    ),
    ("handed_to_post", ("chap nhan", "nhan gui", "giao buu dien", "thu gom")),
    ("delivered", ("phat thanh cong", "da phat", "giao thanh cong", "da giao", "nguoi nhan")),
)
_TIME_FORMATS = ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")
FUTURE_TOLERANCE = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class StatusImport:
    updated: int
    unchanged: int  # news already known, or older than what is known
    unknown: tuple[str, ...]  # tracking numbers of no delivery here
    errors: tuple[str, ...]  # "dòng N: …"; when there are any, nothing was applied


@dataclass(frozen=True, slots=True)
class StatusLine:
    line: int
    tracking_number: str
    status: str
    at: datetime
    note: str


def parse_status_text(text: str) -> str:
    """Return the delivery status meant by the post's words or our own code; InvalidInput."""
    t = nfc(text).strip()
    if t.lower() in DELIVERY_STATES:
        return t.lower()
    folded = " ".join(fold(t).split())
    for label_status, label in DELIVERY_VI.items():
        if folded == fold(label):
            return label_status
    for status, words in _STATUS_WORDS:
        if any(w in folded + " " for w in words):
            return status
    raise InvalidInput(f"trạng thái không rõ {text!r}")


def parse_time(text: str, now: datetime) -> datetime:
    """Return the time of a line (dd/mm/yyyy HH:MM[:SS], ISO; local unless it says); InvalidInput."""
    t = " ".join(nfc(text).split())
    parsed = None
    for fmt in _TIME_FORMATS:
        try:
            parsed = datetime.strptime(t, fmt)
            break
        except ValueError:
            continue
    if parsed is None:
        try:
            parsed = datetime.fromisoformat(t)
        except ValueError:
            raise InvalidInput(f"thời gian không hợp lệ {text!r} (dd/mm/yyyy HH:MM)") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=LOCAL_TZ)
    if parsed > now + FUTURE_TOLERANCE:
        raise InvalidInput(f"thời gian ở tương lai {text!r}")
    return parsed


def read_status_file(path: Path, now: datetime) -> tuple[list[StatusLine], list[str]]:
    """Return the lines of the post's file and the errors of the malformed ones."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InvalidInput(f"Không đọc được tệp {path}: {exc.strerror} / Cannot read") from None
    except UnicodeDecodeError:
        raise InvalidInput(f"Tệp {path} không phải UTF-8 / The file is not UTF-8") from None
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    lines: list[StatusLine] = []
    errors: list[str] = []
    for n, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if n == 1 and not re.search(r"\d", cells[0]):
            continue  # the header line
        if len(cells) < 3:
            errors.append(f"dòng {n}: cần 3 cột (mã vận đơn, trạng thái, thời gian)")
            continue
        try:
            number = validate_tracking(cells[0])
        except InvalidInput:
            errors.append(f"dòng {n}: mã vận đơn không hợp lệ {cells[0]!r}")
            continue
        try:
            lines.append(
                StatusLine(
                    n,
                    number,
                    parse_status_text(cells[1]),
                    parse_time(cells[2], now),
                    nfc(" ".join(cells[3:])),
                )
            )
        except InvalidInput as exc:
            errors.append(f"dòng {n}: {exc.message}")
    return lines, errors


class _Undo(Exception):
    """Raised inside the import's transaction to undo it."""


def import_status_csv(
    db: Database, actor: Actor, path: Path, *, now: datetime | None = None
) -> StatusImport:
    """Apply the post's status file, oldest news first, in one transaction; return the counts.

    Unknown tracking numbers are listed, not fatal. A malformed line, or news the dossier's
    state refuses (e.g. delivered while it is not ready), is an error with its line number,
    and then nothing is applied. Raises InvalidInput when the file cannot be read."""
    now = now or utcnow()
    lines, errors = read_status_file(path, now)
    if errors:
        return StatusImport(0, 0, (), tuple(errors))
    if not lines:
        raise InvalidInput(f"Tệp {path.name} không có dòng nào / The file has no lines")
    updated = unchanged = 0
    unknown: list[str] = []
    problems: list[str] = []
    try:
        with db.write() as session:
            for line in sorted(lines, key=lambda x: (x.at, x.line)):
                found = session.execute(
                    select(PostalDelivery, Dossier)
                    .join(Dossier, Dossier.id == PostalDelivery.dossier_id)
                    .where(PostalDelivery.tracking_number == line.tracking_number)
                    .order_by(PostalDelivery.created_at.desc())
                    .limit(1)
                ).first()
                if found is None:
                    if line.tracking_number not in unknown:
                        unknown.append(line.tracking_number)
                    continue
                delivery, dossier = found
                try:
                    changed = apply_delivery_status(
                        session,
                        actor,
                        dossier,
                        delivery,
                        line.status,
                        line.at,
                        line.note,
                        stale_ok=True,
                    )
                except CounterError as exc:
                    problems.append(f"dòng {line.line}: {exc.message}")
                    continue
                updated, unchanged = updated + changed, unchanged + (not changed)
            if problems:
                raise _Undo
            audit(
                session,
                actor,
                "postal.import_status",
                entity="postal_deliveries",
                details={"file": path.name, "updated": updated, "unknown": len(unknown)},
            )
    except _Undo:
        return StatusImport(0, 0, tuple(unknown), tuple(problems))
    return StatusImport(updated, unchanged, tuple(unknown), ())
