"""How a conflict's two values read in the review (services/conflicts.shown), in both languages."""

from __future__ import annotations

import pytest

from counter_app.services.conflicts import shown


@pytest.mark.parametrize(
    ("field", "value", "vi", "en"),
    [
        ("status", 9, "9 – Đã xử lý xong", "9 – Result ready"),
        ("channel", 3, "3 – Bưu chính công ích", "3 – By public post"),
        ("return_by_post", True, "Có", "Yes"),
        ("notes", "", "(trống)", "(empty)"),
        ("notes", None, "(trống)", "(empty)"),
        ("due_at", "2026-11-24T03:30:00+00:00", "10:30 24/11/2026", "10:30 24/11/2026"),
        ("applicant_birth_date", "1990-02-03", "03/02/1990", "03/02/1990"),
        ("applicant_phone", "0912000111", "0912000111", "0912000111"),
        ("status", 42, "42", "42"),
    ],
)
def test_values_read_as_people_read_them(field: str, value: object, vi: str, en: str) -> None:
    assert shown("dossiers", field, value) == vi
    assert shown("dossiers", field, value, english=True) == en
