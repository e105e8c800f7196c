"""Giám sát trung tâm: placeholder until this page is built on the shell."""

from __future__ import annotations

from counter_app.ui.pages.placeholder import PlaceholderPage


class SupervisorPage(PlaceholderPage):
    def texts(self) -> tuple[str, str]:
        return (
            self.tr("Giám sát trung tâm"),
            self.tr(
                "Sắp có: hàng đợi của từng quầy theo thời gian thực, hồ sơ quá hạn và sắp đến hạn."
            ),
        )
