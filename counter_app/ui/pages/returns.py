"""Trả kết quả cho công dân: placeholder until this page is built on the shell."""

from __future__ import annotations

from counter_app.ui.pages.placeholder import PlaceholderPage


class ReturnsPage(PlaceholderPage):
    def texts(self) -> tuple[str, str]:
        return (
            self.tr("Trả kết quả cho công dân"),
            self.tr(
                "Sắp có: ghi nhận kết quả từ cơ quan chuyên môn, kiểm tra CCCD khi trả, đánh giá mức độ hài lòng, phiếu xin lỗi và hẹn lại."
            ),
        )
