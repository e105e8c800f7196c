"""Postal tracking numbers (mã vận đơn): the UPU S10 check, and the desk's pool of numbers
imported from the post's list."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.db import Database
from counter_app.domain.errors import InvalidInput
from counter_app.domain.text import nfc
from counter_app.models.base import utcnow
from counter_app.models.postal import PostalTrackingNumber
from counter_app.services.recording import Actor, audit

# UPU S10: 2 service letters, 8 serial digits, 1 check digit, 2 country letters (VNPost: VN).
_S10 = re.compile(r"^([A-Z]{2})(\d{8})(\d)(VN)$")
_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)
FORMAT_HINT = "2 chữ cái + 9 chữ số + VN, ví dụ EB123456785VN"


def s10_check_digit(serial: str) -> int:
    """Return the S10 check digit of 8 serial digits (weights 8 6 4 2 3 5 9 7, mod 11)."""
    check = 11 - sum(int(d) * w for d, w in zip(serial, _WEIGHTS, strict=True)) % 11
    return {10: 0, 11: 5}.get(check, check)


def normalize_tracking(text: str) -> str:
    """Return a typed or scanned number without spaces or dashes, in capitals."""
    return re.sub(r"[\s\-.]", "", nfc(text)).upper()


def validate_tracking(text: str) -> str:
    """Return the normalized VNPost tracking number; InvalidInput if it is not one (shape or
    check digit)."""
    number = normalize_tracking(text)
    if not number:
        raise InvalidInput("Thiếu mã vận đơn / The tracking number is missing")
    m = _S10.match(number)
    if m is None:
        raise InvalidInput(
            f"Mã vận đơn không đúng dạng: {number} ({FORMAT_HINT}) / "
            f"Not a VNPost tracking number: {number}"
        )
    if s10_check_digit(m.group(2)) != int(m.group(3)):
        raise InvalidInput(
            f"Mã vận đơn sai số kiểm tra: {number} (gõ nhầm?) / "
            f"Wrong check digit in {number} (a typing mistake?)"
        )
    return number


@dataclass(frozen=True, slots=True)
class PoolImport:
    added: int
    skipped_duplicates: int  # already in the pool, or twice in the file


@dataclass(frozen=True, slots=True)
class PoolStatus:
    unused: int
    used: int


def read_pool_file(path: Path) -> list[str]:
    """Return the numbers of the post's list: one per line, or the first CSV column (a header
    line and blank lines are skipped). InvalidInput lists every bad line with its number."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InvalidInput(f"Không đọc được tệp {path}: {exc.strerror} / Cannot read") from None
    except UnicodeDecodeError:
        raise InvalidInput(f"Tệp {path} không phải UTF-8 / The file is not UTF-8") from None
    delimiter = ";" if text.count(";") > text.count(",") else ","
    numbers: list[str] = []
    errors: list[str] = []
    for n, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        first = row[0].strip() if row else ""
        if not first or (n == 1 and not any(ch.isdigit() for ch in first)):
            continue  # blank line, or a header such as "ma_van_don"
        try:
            numbers.append(validate_tracking(first))
        except InvalidInput:
            errors.append(f"dòng {n}: {first!r}")
    if errors:
        raise InvalidInput(
            f"Tệp {path.name}: {len(errors)} dòng không phải mã vận đơn ({FORMAT_HINT}): "
            + "; ".join(errors[:10])
            + (" …" if len(errors) > 10 else "")
            + " / Lines that are not tracking numbers; nothing imported"
        )
    if not numbers:
        raise InvalidInput(f"Tệp {path.name} không có mã vận đơn nào / No numbers in the file")
    return numbers


def import_tracking_pool(
    db: Database, actor: Actor, path: Path, *, at: datetime | None = None
) -> PoolImport:
    """Add the numbers of the post's list at `path` to this desk's pool; return how many were
    added and how many were already there. Raises InvalidInput (nothing added) for a file
    with any bad line."""
    numbers = read_pool_file(path)
    at = at or utcnow()
    with db.write() as session:
        have = set(session.scalars(select(PostalTrackingNumber.number)))
        last = session.scalar(select(func.max(PostalTrackingNumber.position))) or 0
        added = 0
        for number in numbers:
            if number in have:
                continue
            have.add(number)
            added += 1
            session.add(
                PostalTrackingNumber(
                    number=number, position=last + added, imported_at=at, source=path.name
                )
            )
        audit(
            session,
            actor,
            "postal.pool_import",
            entity="postal_tracking_pool",
            details={"file": path.name, "added": added},
            at=at,
        )
        return PoolImport(added, len(numbers) - added)


def pool_status(db: Database) -> PoolStatus:
    """Return how many numbers of the pool are still unused, and how many were used."""
    with db.read() as session:
        rows = dict(
            session.execute(
                select(PostalTrackingNumber.used_at.is_(None), func.count()).group_by(
                    PostalTrackingNumber.used_at.is_(None)
                )
            ).all()
        )
        return PoolStatus(unused=int(rows.get(True, 0)), used=int(rows.get(False, 0)))


def take_from_pool(session: Session, dossier_id: str, at: datetime) -> str:
    """Mark the first unused number of the pool (in the order of the lists) as used by `dossier_id` and return it, in the
    caller's transaction; InvalidInput when the pool is empty."""
    row = session.scalar(
        select(PostalTrackingNumber)
        .where(PostalTrackingNumber.used_at.is_(None))
        .order_by(PostalTrackingNumber.position)
        .limit(1)
    )
    if row is None:
        raise InvalidInput(
            "Hết mã vận đơn trong kho: nhập danh sách của bưu điện (postal pool import) hoặc "
            "gõ/quét mã trên nhãn / The pool of tracking numbers is empty"
        )
    row.used_at = at
    row.dossier_id = dossier_id
    return row.number


def mark_used(session: Session, number: str, dossier_id: str, at: datetime) -> None:
    """Mark a typed or scanned number as used if it is in the pool (it need not be)."""
    row = session.get(PostalTrackingNumber, number)
    if row is not None and row.used_at is None:
        row.used_at = at
        row.dossier_id = dossier_id
