"""The official A4 forms as PDF: a registry of versioned form templates, one module per form
and version.

Each template module states what it is as data (ID, VERSION, TITLE, NUMBER, BASIS,
EFFECTIVE_FROM, DOC_TYPE) and has `render(doc, out)`. A new regime's form (e.g. Decree
118/2025) is a new module named in `TEMPLATE_MODULES`; the others are not touched. Without an
explicit version, a document is printed with the newest version in force on its print date.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from counter_app.printing.errors import PrintingError
from counter_app.printing.forms.vntext import local

# Template modules under counter_app/printing/forms/, each one form in one version.
TEMPLATE_MODULES = (
    "receipt",
    "supplement",
    "refusal",
    "apology",
    "control",
    "ledger",
    "handover",
)

Render = Callable[[Any, "Path | BinaryIO"], None]


@dataclass(frozen=True, slots=True)
class FormInfo:
    """One form template: what it is, which document it prints, and how."""

    id: str  # "receipt", "supplement", …
    version: str  # the regime, e.g. "nd61-2018"
    title: str  # "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
    number: str  # "Mẫu số 01", or "" for the center's own forms
    basis: str  # the legal text that defines it
    effective_from: date  # first day the version is in force
    doc_type: type  # the document dataclass it renders
    render: Render  # render(doc, out: Path | BinaryIO) -> None


_registry: dict[tuple[str, str], FormInfo] = {}
_loaded = False
_lock = threading.Lock()


def _ensure_loaded() -> None:
    global _loaded
    if _loaded:
        return
    with _lock:
        if _loaded:
            return
        for name in TEMPLATE_MODULES:
            m = importlib.import_module(f"{__name__}.{name}")
            register(
                FormInfo(
                    m.ID,
                    m.VERSION,
                    m.TITLE,
                    m.NUMBER,
                    m.BASIS,
                    m.EFFECTIVE_FROM,
                    m.DOC_TYPE,
                    m.render,
                )
            )
        _loaded = True


def register(info: FormInfo) -> FormInfo:
    """Add a template version and return it. Raises PrintingError if (id, version) exists."""
    key = (info.id, info.version)
    if key in _registry:
        raise PrintingError(
            f"Biểu mẫu {info.id} phiên bản {info.version} đã có / "
            f"Form {info.id} version {info.version} is already registered"
        )
    _registry[key] = info
    return info


def unregister(form_id: str, version: str) -> None:
    """Remove a template version (tests, plug-ins); unknown ones are ignored."""
    _registry.pop((form_id, version), None)


def available_forms() -> list[FormInfo]:
    """Return every registered template, in the forms' order, oldest version first."""
    _ensure_loaded()
    order = {name: i for i, name in enumerate(TEMPLATE_MODULES)}
    return sorted(
        _registry.values(), key=lambda f: (order.get(f.id, len(order)), f.id, f.effective_from)
    )


def get_form(form_id: str, version: str | None = None, on: date | None = None) -> FormInfo:
    """Return the template `form_id` in `version`, or else the newest version in force on `on`
    (default today; the oldest if none is in force yet).

    Raises PrintingError naming the available forms or versions when there is no such one.
    """
    forms = available_forms()
    versions = [f for f in forms if f.id == form_id]
    if not versions:
        ids = ", ".join(dict.fromkeys(f.id for f in forms))
        raise PrintingError(
            f"Không có biểu mẫu {form_id!r}; các biểu mẫu: {ids} / "
            f"Unknown form {form_id!r}; available: {ids}"
        )
    if version is not None:
        for f in versions:
            if f.version == version:
                return f
        names = ", ".join(f.version for f in versions)
        raise PrintingError(
            f"Biểu mẫu {form_id} không có phiên bản {version!r}; các phiên bản: {names} / "
            f"Form {form_id} has no version {version!r}; available: {names}"
        )
    day = on or date.today()
    in_force = [f for f in versions if f.effective_from <= day]
    return in_force[-1] if in_force else versions[0]


def render_form(
    form_id: str, doc: object, out: Path | BinaryIO, version: str | None = None
) -> FormInfo:
    """Render `doc` with the template `form_id` (see `get_form`; the date is the document's
    print date) to `out`, a path or a binary stream, and return the template used.

    Raises PrintingError for an unknown form or version, no Vietnamese font, or a file that
    cannot be written; TypeError when `doc` is not the document the form prints.
    """
    printed = getattr(doc, "printed_at", None)
    info = get_form(form_id, version, local(printed).date() if printed is not None else None)
    if not isinstance(doc, info.doc_type):
        raise TypeError(f"form {form_id} prints {info.doc_type.__name__}, not {type(doc).__name__}")
    info.render(doc, out)
    return info


__all__ = [
    "TEMPLATE_MODULES",
    "FormInfo",
    "available_forms",
    "get_form",
    "register",
    "render_form",
    "unregister",
]
