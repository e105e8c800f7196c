"""Báo cáo: placeholder until this page is built on the shell."""

from __future__ import annotations

from counter_app.ui.pages.placeholder import PlaceholderPage


class ReportsPage(PlaceholderPage):
    def texts(self) -> tuple[str, str]:
        return (
            self.tr("Báo cáo"),
            self.tr("Sắp có: báo cáo tháng theo mẫu, theo lĩnh vực và thủ tục, mức độ hài lòng."),
        )
