"""Bưu chính công ích: placeholder until this page is built on the shell."""

from __future__ import annotations

from counter_app.ui.pages.placeholder import PlaceholderPage


class PostalPage(PlaceholderPage):
    def texts(self) -> tuple[str, str]:
        return (
            self.tr("Bưu chính công ích"),
            self.tr(
                "Sắp có: quét mã hồ sơ vào biên bản bàn giao, chuyển đi và nhận về, chuyển phát kết quả tận nhà."
            ),
        )
