"""The registry of pages: the one place that says which pages exist, for whom, and their keys.

To add a page: write `counter_app/ui/pages/NAME.py` with a `Page` subclass (see `base.py`), and
add one `PageSpec` line to `PAGES` below. The shell builds its navigation, shortcuts, F1 help
and the screenshot command's page names from this list; nothing else needs to change.

Titles are Vietnamese (the source language) marked with QT_TRANSLATE_NOOP("pages", ...) so that
`pyside6-lupdate` collects them; show them with `PageSpec.display_title()`.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter_app.ui.qt import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:
    from counter_app.ui.context import AppContext
    from counter_app.ui.pages.base import Page


@dataclass(frozen=True, slots=True)
class PageSpec:
    id: str  # also the screenshot command's --page NAME
    title: str  # Vietnamese; translated in the "pages" context
    roles: frozenset[str]  # who sees it: a user holding any of these roles
    shortcut: str  # opens the page (QKeySequence text), "" for none
    factory: str  # "module:Class" of the Page subclass, imported when first opened
    note: str = ""  # one line under the title in the navigation tooltip

    def display_title(self) -> str:
        return QCoreApplication.translate("pages", self.title)

    def display_note(self) -> str:
        return QCoreApplication.translate("pages", self.note) if self.note else ""

    def build(self, ctx: AppContext) -> Page:
        """Import the page's module and build the page."""
        module, _, cls = self.factory.partition(":")
        page: Page = getattr(importlib.import_module(module), cls)(ctx)
        page.setObjectName(f"page-{self.id}")
        return page


_P = "counter_app.ui.pages"
OFFICER = frozenset({"officer"})

PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "intake",
        QT_TRANSLATE_NOOP("pages", "Tiếp nhận"),
        frozenset({"officer", "postal"}),  # postal staff log what arrives by post (channel 3)
        "F2",
        f"{_P}.intake:IntakePage",
        QT_TRANSLATE_NOOP("pages", "Tiếp nhận hồ sơ giấy, in giấy hẹn"),
    ),
    PageSpec(
        "dossiers",
        QT_TRANSLATE_NOOP("pages", "Tra cứu hồ sơ"),
        OFFICER,
        "F3",
        f"{_P}.dossiers:DossiersPage",
        QT_TRANSLATE_NOOP("pages", "Tìm theo mã, tên, CCCD, điện thoại"),
    ),
    PageSpec(
        "returns",
        QT_TRANSLATE_NOOP("pages", "Trả kết quả"),
        OFFICER,
        "F4",
        f"{_P}.returns:ReturnsPage",
        QT_TRANSLATE_NOOP("pages", "Trả kết quả, đánh giá hài lòng"),
    ),
    PageSpec(
        "scan",
        QT_TRANSLATE_NOOP("pages", "Số hóa"),
        OFFICER,
        "F10",
        f"{_P}.scan:ScanPage",
        QT_TRANSLATE_NOOP("pages", "Quét, sắp xếp, đính kèm; tách lô theo phiếu kiểm soát"),
    ),
    PageSpec(
        "postal",
        QT_TRANSLATE_NOOP("pages", "Bưu chính"),
        frozenset({"postal"}),
        "F6",
        f"{_P}.postal:PostalPage",
        QT_TRANSLATE_NOOP("pages", "Bàn giao hồ sơ, chuyển phát kết quả"),
    ),
    PageSpec(
        "supervisor",
        QT_TRANSLATE_NOOP("pages", "Giám sát"),
        frozenset({"supervisor"}),
        "F7",
        f"{_P}.supervisor:SupervisorPage",
        QT_TRANSLATE_NOOP("pages", "Hàng đợi và hồ sơ sắp đến hạn"),
    ),
    PageSpec(
        "reports",
        QT_TRANSLATE_NOOP("pages", "Báo cáo"),
        frozenset({"supervisor"}),
        "F8",
        f"{_P}.reports:ReportsPage",
        QT_TRANSLATE_NOOP("pages", "Số liệu tháng, mức độ hài lòng"),
    ),
    PageSpec(
        "admin",
        QT_TRANSLATE_NOOP("pages", "Quản trị"),
        frozenset({"admin"}),
        "F9",
        f"{_P}.admin:AdminPage",
        QT_TRANSLATE_NOOP("pages", "Danh mục, quầy, người dùng, lịch"),
    ),
)


def pages_for(roles: Iterable[str]) -> list[PageSpec]:
    """Return the pages a user holding `roles` sees, in navigation order."""
    held = set(roles)
    return [p for p in PAGES if p.roles & held]


def home_page(specs: list[PageSpec], roles: Iterable[str]) -> str:
    """Return the page a user starts on: an officer's first page; for anyone else the first of
    their own role's pages (postal staff see intake too, for what arrives by post, but start
    on the postal page)."""
    if "officer" in set(roles):
        return specs[0].id
    return next((p.id for p in specs if "officer" not in p.roles), specs[0].id)


def page_spec(page_id: str) -> PageSpec | None:
    return next((p for p in PAGES if p.id == page_id), None)
