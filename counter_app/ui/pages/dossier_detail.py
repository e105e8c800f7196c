"""The read-only view of one dossier: status, due badge, applicant, items, timeline of events."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter_app.ui.pages.dossier_table import due_label, status_label
from counter_app.ui.qt import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)
from counter_app.ui.widgets import Badge

if TYPE_CHECKING:
    from counter_app.services.dossiers import DossierView, EventView

TIME = "%H:%M %d/%m/%Y"


def _label(text: str, name: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text, objectName=name) if name else QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DossierDetail(QScrollArea):
    def __init__(self, language: str = "vi", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(380)
        self.code = ""
        self.show_empty()

    def show_empty(self) -> None:
        self.code = ""
        box = QFrame(objectName="card")
        lay = QVBoxLayout(box)
        lay.setContentsMargins(28, 28, 28, 28)
        lay.addWidget(_label(self.tr("Chưa chọn hồ sơ"), "cardTitle"))
        lay.addWidget(
            _label(
                self.tr(
                    "Chọn một hồ sơ trong danh sách, hoặc quét mã vạch trên giấy hẹn trả kết quả "
                    "để xem trạng thái, hạn trả, giấy tờ đã nhận và diễn biến xử lý."
                ),
                "muted",
            )
        )
        lay.addStretch(1)
        self.setWidget(box)

    def show_dossier(self, d: DossierView, due_state: str) -> None:
        self.code = d.code
        box = QFrame(objectName="card")
        lay = QVBoxLayout(box)
        lay.setContentsMargins(28, 24, 28, 24)
        lay.setSpacing(10)

        lay.addWidget(_label(d.code, "bigCode"))
        badges = QHBoxLayout()
        badges.setSpacing(8)
        self.status_badge = Badge(status_label(d.status, self.language), "status")
        badges.addWidget(self.status_badge)
        self.due_badge = Badge(due_label(due_state), due_state)
        self.due_badge.setVisible(bool(due_label(due_state)))
        badges.addWidget(self.due_badge)
        badges.addStretch(1)
        lay.addLayout(badges)
        lay.addWidget(_label(d.procedure_name, "cardTitle"))
        lay.addWidget(_label(f"{d.procedure_code} · {d.department}", "muted"))
        lay.addSpacing(4)

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        pairs = [
            (self.tr("Hẹn trả"), d.due_at.strftime(TIME)),
            (self.tr("Tiếp nhận"), d.received_at.strftime(TIME)),
            (self.tr("Người nộp"), d.applicant_name),
            (self.tr("Số CCCD"), d.applicant_id_number or "—"),
            (self.tr("Điện thoại"), d.applicant_phone or "—"),
            (self.tr("Địa chỉ"), d.applicant_address or "—"),
            (self.tr("Cán bộ tiếp nhận"), d.received_by or "—"),
            (
                self.tr("Kênh nộp"),
                f"{self._channel(d.channel)} · " + self.tr("%n bộ", "", d.sets_count),
            ),
        ]
        if d.due_at != d.original_due_at:
            pairs.insert(1, (self.tr("Hẹn trả ban đầu"), d.original_due_at.strftime(TIME)))
        for row, (name, value) in enumerate(pairs):
            grid.addWidget(
                _label(name, "fieldLabel", wrap=False), row, 0, Qt.AlignmentFlag.AlignTop
            )
            grid.addWidget(_label(value), row, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        lay.addLayout(grid)
        if d.return_by_post:
            lay.addWidget(
                _label(
                    self.tr("Trả kết quả qua bưu điện: %1, %2, %3")
                    .replace("%1", d.post_receiver_name)
                    .replace("%2", d.post_address)
                    .replace("%3", d.post_phone),
                    "muted",
                )
            )

        lay.addSpacing(6)
        lay.addWidget(_label(self.tr("Giấy tờ đã nhận"), "sectionTitle"))
        if not d.items:
            lay.addWidget(_label(self.tr("Không có giấy tờ"), "muted"))
        for i, item in enumerate(d.items, start=1):
            kind = self._kind(item.kind)
            lay.addWidget(_label(f"{i}. {item.name} — {kind} × {item.count}"))

        lay.addSpacing(6)
        lay.addWidget(_label(self.tr("Diễn biến"), "sectionTitle"))
        for event in reversed(d.events):
            lay.addLayout(self._event_row(event))
        lay.addStretch(1)
        self.setWidget(box)

    def _event_row(self, e: EventView) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(
            _label(e.at.strftime(TIME), "timelineTime", wrap=False), 0, Qt.AlignmentFlag.AlignTop
        )
        if e.kind == "status" and e.to_status is not None:
            what = status_label(e.to_status, self.language)
        else:
            what = self._event_kind(e.kind)
        text = f"{what} · {e.actor}" if e.actor else what
        if e.reason:
            text += f"\n{self.tr('Lý do')}: {e.reason}"
        row.addWidget(_label(text), 1)
        return row

    def _kind(self, kind: str) -> str:
        return {
            "original": self.tr("Bản chính"),
            "certified_copy": self.tr("Bản sao chứng thực"),
            "photocopy": self.tr("Bản photo"),
        }.get(kind, kind)

    def _channel(self, channel: int) -> str:
        return {
            1: self.tr("Trực tiếp"),
            2: self.tr("Trực tuyến"),
            3: self.tr("Bưu chính công ích"),
        }.get(channel, str(channel))

    def _event_kind(self, kind: str) -> str:
        return {
            "rating": self.tr("Đánh giá hài lòng"),
            "print": self.tr("In giấy tờ"),
            "scan": self.tr("Số hóa"),
            "handover": self.tr("Bàn giao"),
        }.get(kind, kind)
