"""What an intake draft holds, and reading one back: plain data, so that a draft written by an
older version (or damaged) gives back what still fits and skips the rest."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from counter_app.ui.pages.intake_checklist import DocRow

DRAFT_VERSION = 1


@dataclass(frozen=True, slots=True)
class IntakeDraft:
    procedure: str = ""  # the procedure's code ("" if none was chosen)
    search: str = ""
    applicant: dict[str, Any] = field(default_factory=dict)
    rows: list[DocRow] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)

    def to_json(self, procedure_name: str = "") -> dict[str, Any]:
        return {
            "version": DRAFT_VERSION,
            "procedure": self.procedure,
            "procedure_name": procedure_name,
            "search": self.search,
            "applicant": dict(self.applicant),
            "items": [r.to_json() for r in self.rows],
            "options": dict(self.options),
        }

    @classmethod
    def from_json(cls, data: Any) -> IntakeDraft | None:
        """The draft in `data`; None if it is not a JSON object at all."""
        if not isinstance(data, dict):
            return None
        procedure, search = data.get("procedure"), data.get("search")
        applicant, options, items = data.get("applicant"), data.get("options"), data.get("items")
        return cls(
            procedure.strip() if isinstance(procedure, str) else "",
            search if isinstance(search, str) else "",
            applicant if isinstance(applicant, dict) else {},
            [r for r in map(DocRow.from_json, items if isinstance(items, list) else []) if r],
            options if isinstance(options, dict) else {},
        )
