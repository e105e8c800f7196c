"""Tiếp nhận (intake): placeholder until the intake page is built on this shell.

What the real page gets from the shell: `ctx.cccd_scanned` (a CCCD QR payload scanned anywhere),
`restore_draft(data)` (a half-typed intake offered back at start), and
`counter_app.ui.drafts.DraftKeeper` to save its fields as the officer types.
"""

from __future__ import annotations

from typing import Any

from counter_app.ui.context import AppContext
from counter_app.ui.pages.placeholder import PlaceholderPage
from counter_app.ui.qt import QWidget


class IntakePage(PlaceholderPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.last_cccd = ""
        self.restored: dict[str, Any] | None = None
        ctx.cccd_scanned.connect(self._take_cccd)

    def texts(self) -> tuple[str, str]:
        return (
            self.tr("Tiếp nhận hồ sơ giấy"),
            self.tr(
                "Sắp có: tìm thủ tục khi gõ, đọc CCCD bằng máy quét, danh mục giấy tờ, "
                "tính hạn trả, in giấy tiếp nhận và hẹn trả kết quả."
            ),
        )

    def _take_cccd(self, payload: str) -> None:
        self.last_cccd = payload
        self.show_extra(self.tr("Đã nhận mã QR căn cước: %1").replace("%1", payload))

    def restore_draft(self, data: dict[str, Any]) -> bool:
        self.restored = data
        self.show_extra(self.tr("Đã mở lại hồ sơ đang nhập dở."))
        return True
