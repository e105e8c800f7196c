"""Quản trị hệ thống: placeholder until this page is built on the shell."""

from __future__ import annotations

from counter_app.ui.pages.placeholder import PlaceholderPage


class AdminPage(PlaceholderPage):
    def texts(self) -> tuple[str, str]:
        return (
            self.tr("Quản trị hệ thống"),
            self.tr("Sắp có: danh mục thủ tục, quầy, người dùng, máy in, lịch làm việc."),
        )
