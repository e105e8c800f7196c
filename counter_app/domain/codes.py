"""Dossier codes from a configurable pattern, their counter scopes, and look-up secrets.

The default pattern `{unit}-{yyMMdd}-{seq:4}` gives e.g. `000.00.06.H56-231027-0361`. The
pattern decides what is printed; the counter scope decides when the number restarts (per day,
month, year or never) and for what (per unit, per procedure, or one counter for the center). By
default the scope follows the pattern's date part and unit part. Numbers come from a counter that
the caller increments in the same transaction as the insert, so a number is never handed out
twice; a number that grows past the padding simply gets wider, it is never cut.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import date

from counter_app.domain.errors import InvalidInput

DEFAULT_PATTERN = "{unit}-{yyMMdd}-{seq:4}"
RESETS = ("day", "month", "year", "never")
PERS = ("unit", "procedure", "center")

_DATE_TOKENS = {
    "yyyyMMdd": "%Y%m%d",
    "yyMMdd": "%y%m%d",
    "yyyyMM": "%Y%m",
    "yyMM": "%y%m",
    "yyyy": "%Y",
    "yy": "%y",
    "MM": "%m",
    "dd": "%d",
}
_TOKEN = re.compile(r"\{([A-Za-z]+)(?::(\d{1,2}))?\}")
_OTHER = {"unit", "procedure", "desk", "seq"}
# No 0/O, 1/I/L: a citizen reads the secret aloud over the phone.
SECRET_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


@dataclass(frozen=True, slots=True)
class CodePattern:
    """A validated dossier-code pattern with its counter scope."""

    pattern: str = DEFAULT_PATTERN
    reset: str = ""  # "" = from the pattern's date part
    per: str = ""  # "" = "unit" if the pattern names the unit, else "procedure"/"center"

    def __post_init__(self) -> None:
        tokens = _TOKEN.findall(self.pattern)
        names = [t[0] for t in tokens]
        unknown = [n for n in names if n not in _DATE_TOKENS and n not in _OTHER]
        if unknown:
            raise InvalidInput(
                f"Mẫu mã hồ sơ có trường lạ {{{unknown[0]}}} / Unknown field in code pattern; "
                f"dùng / use: {{unit}} {{procedure}} {{desk}} {{seq:N}} {{yyMMdd}} {{yyyy}}..."
            )
        if names.count("seq") != 1:
            raise InvalidInput(
                "Mẫu mã hồ sơ phải có đúng một {seq:N} / A code pattern needs exactly one {seq:N}"
            )
        if self.reset and self.reset not in RESETS:
            raise InvalidInput(f"reset phải là / must be one of {', '.join(RESETS)}")
        if self.per and self.per not in PERS:
            raise InvalidInput(f"per phải là / must be one of {', '.join(PERS)}")
        if self.effective_reset() != "never" and not any(n in _DATE_TOKENS for n in names):
            # Without a date in the code, a daily restart would repeat codes.
            raise InvalidInput(
                "Mẫu mã không có ngày thì bộ đếm không được khởi động lại / "
                "A pattern without a date needs reset = never"
            )

    def _names(self) -> list[str]:
        return [t[0] for t in _TOKEN.findall(self.pattern)]

    def effective_reset(self) -> str:
        if self.reset:
            return self.reset
        names = self._names()
        if any(n in names for n in ("yyyyMMdd", "yyMMdd", "dd")):
            return "day"
        if any(n in names for n in ("yyyyMM", "yyMM", "MM")):
            return "month"
        if any(n in names for n in ("yyyy", "yy")):
            return "year"
        return "never"

    def effective_per(self) -> str:
        if self.per:
            return self.per
        names = self._names()
        if "unit" in names:
            return "unit"
        if "procedure" in names:
            return "procedure"
        return "center"

    def scope(self, *, unit: str, procedure: str, day: date, desk: str = "") -> str:
        """Return the counter key: codes sharing it share one sequence."""
        period = {
            "day": day.isoformat(),
            "month": f"{day:%Y-%m}",
            "year": f"{day:%Y}",
            "never": "",
        }[self.effective_reset()]
        owner = {"unit": unit, "procedure": procedure, "center": ""}[self.effective_per()]
        parts = ["code", self.pattern, period, owner]
        if "desk" in self._names():
            parts.append(desk)
        return "|".join(parts)

    def format(self, *, unit: str, procedure: str, day: date, seq: int, desk: str = "") -> str:
        """Return the code for sequence number `seq` (≥ 1)."""
        if seq < 1:
            raise ValueError("sequence numbers start at 1")

        def repl(m: re.Match[str]) -> str:
            name, width = m.group(1), m.group(2)
            if name in _DATE_TOKENS:
                return day.strftime(_DATE_TOKENS[name])
            if name == "seq":
                return str(seq).zfill(int(width or 1))
            return {"unit": unit, "procedure": procedure, "desk": desk}[name]

        return _TOKEN.sub(repl, self.pattern)


def new_lookup_secret(length: int = 6) -> str:
    """Return a random look-up secret printed on the receipt (no easily confused characters)."""
    if length < 4:
        raise ValueError("a look-up secret has at least 4 characters")
    return "".join(secrets.choice(SECRET_ALPHABET) for _ in range(length))


def ledger_scope(unit: str, day: date) -> str:
    """Return the counter key of the ledger (sổ theo dõi hồ sơ): one book per unit and year."""
    return f"ledger|{unit}|{day:%Y}"
