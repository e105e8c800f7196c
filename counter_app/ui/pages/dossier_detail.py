"""The view of one dossier: status, due badge (and the date an apology promised), applicant,
items received, files, prints made, and the timeline of events with who, desk and why. A
dossier that two desks changed in the same field while apart has a banner on top that opens the
review of those changes (ConflictDialog).

The dossier comes first (`show_dossier`), its files, print jobs and desk names a moment later
(`show_records`); each rebuilds the card, keeping the scroll position."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter_app.ui import theme
from counter_app.ui.conflict_dialog import ConflictDialog
from counter_app.ui.context import LOCAL_TZ
from counter_app.ui.dossier_sections import (
    event_details,
    event_title,
    event_who,
    file_row,
    paper_lines,
    print_rows,
    promised_at,
)
from counter_app.ui.pages.dossier_table import due_label, status_label
from counter_app.ui.qt import (
    QDesktopServices,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    Qt,
    QUrl,
    QVBoxLayout,
    QWidget,
    isValid,
)
from counter_app.ui.widgets import Badge

if TYPE_CHECKING:
    from counter_app.services.dossier_records import DossierRecords
    from counter_app.services.dossiers import DossierView, EventView
    from counter_app.services.postal import PaperLocation
    from counter_app.ui.context import AppContext

TIME = "%H:%M %d/%m/%Y"


def _label(text: str, name: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text, objectName=name) if name else QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _time_label(text: str) -> QLabel:
    """A time at the left of a row, all of the same width so that the rows' texts line up."""
    label = _label(text, "timelineTime", wrap=False)
    label.setFixedWidth(label.fontMetrics().horizontalAdvance("00:00 00/00/0000") + 6)
    return label


class DossierDetail(QScrollArea):
    def __init__(
        self, language: str = "vi", parent: QWidget | None = None, ctx: AppContext | None = None
    ) -> None:
        super().__init__(parent)
        self.language = language
        self.ctx = ctx  # for the review of conflicting changes (none: no review button)
        self.review_banner: QFrame | None = None
        self.review_button: QPushButton | None = None
        self.review_dialog: ConflictDialog | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(380)
        self.code = ""
        self.view: DossierView | None = None
        self.due_state = ""
        self.records: DossierRecords | None = None
        self.paper: PaperLocation | None = None
        self.show_empty()

    def show_empty(self) -> None:
        self.code = ""
        self.view = None
        self.records = None
        self.review_banner = self.review_button = None
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
        """Show dossier `d`; its records (files, prints, desks) are kept if they are its own."""
        if self.records is not None and self.records.code != d.code:
            self.records = None
        if self.paper is not None and self.paper.code != d.code:
            self.paper = None
        self.code = d.code
        self.view = d
        self.due_state = due_state
        self._render()

    def show_records(self, records: DossierRecords) -> None:
        """Add the files, print jobs and desk names of the dossier shown (dropped if another
        dossier is shown by now)."""
        if self.view is None or records.code != self.view.code:
            return
        self.records = records
        self._render()

    def show_paper(self, paper: PaperLocation) -> None:
        """Add where the dossier's paper is (dropped if another dossier is shown by now)."""
        if self.view is None or paper.code != self.view.code:
            return
        self.paper = paper
        self._render()

    def _paper(self, lay: QVBoxLayout) -> None:
        if self.paper is None:
            return
        head, legs = paper_lines(self.paper)
        lay.addWidget(_label(head, "postalPaper"))
        for at, text in legs:
            row = QHBoxLayout()
            row.setSpacing(10)
            row.addWidget(
                _time_label(at.astimezone(LOCAL_TZ).strftime(TIME)), 0, Qt.AlignmentFlag.AlignTop
            )
            row.addWidget(_label(text, "muted"), 1)
            lay.addLayout(row)

    def _render(self) -> None:
        d = self.view
        assert d is not None
        scrolled = self.verticalScrollBar().value()
        box = QFrame(objectName="card")
        lay = QVBoxLayout(box)
        lay.setContentsMargins(28, 24, 28, 24)
        lay.setSpacing(10)

        self.review_banner = self.review_button = None
        if d.needs_review:
            lay.addWidget(self._review_banner())
        lay.addWidget(_label(d.code, "bigCode"))
        badges = QHBoxLayout()
        badges.setSpacing(8)
        due_state = self.due_state
        self.status_badge = Badge(status_label(d.status, self.language), "status")
        badges.addWidget(self.status_badge)
        self.due_badge = Badge(due_label(due_state), due_state)
        self.due_badge.setVisible(bool(due_label(due_state)))
        badges.addWidget(self.due_badge)
        promised = promised_at(d)
        self.promise_badge = Badge(self.tr("Đã hẹn lại"), "paused")
        self.promise_badge.setVisible(promised is not None and due_state != "finished")
        badges.addWidget(self.promise_badge)
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
        if promised is not None:
            pairs.insert(1, (self.tr("Hẹn trả lại (phiếu xin lỗi)"), promised.strftime(TIME)))
        if d.returned_at is not None:
            pairs.insert(1, (self.tr("Đã trả lúc"), d.returned_at.strftime(TIME)))
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
        self._paper(lay)

        lay.addSpacing(6)
        lay.addWidget(_label(self.tr("Giấy tờ đã nhận"), "sectionTitle"))
        if not d.items:
            lay.addWidget(_label(self.tr("Không có giấy tờ"), "muted"))
        for i, item in enumerate(d.items, start=1):
            kind = self._kind(item.kind)
            lay.addWidget(_label(f"{i}. {item.name} — {kind} × {item.count}"))

        self._prints(lay, d)
        self._files(lay)

        lay.addSpacing(6)
        lay.addWidget(_label(self.tr("Diễn biến"), "sectionTitle"))
        desks = self.records.desks if self.records is not None else {}
        for event in reversed(d.events):
            if event.kind != "print":  # listed under "Giấy tờ đã in"
                lay.addLayout(self._event_row(event, desks))
        lay.addStretch(1)
        self.setWidget(box)
        self.verticalScrollBar().setValue(scrolled)

    def _review_banner(self) -> QFrame:
        banner = QFrame()
        banner.setObjectName("reviewBanner")
        banner.setStyleSheet(
            f"#reviewBanner {{ background: {theme.WARN_BG}; border: 1px solid #ecd08a;"
            " border-radius: 8px; }"
            f"#reviewBanner QLabel {{ color: {theme.WARN}; font-weight: 600; }}"
        )
        row = QHBoxLayout(banner)
        row.setContentsMargins(14, 10, 12, 10)
        row.setSpacing(12)
        text = _label(
            self.tr(
                "Hai quầy cùng sửa hồ sơ này khi mất kết nối; trung tâm đang dùng một giá trị. "
                "Cần xem lại."
            )
        )
        row.addWidget(text, 1)
        button = QPushButton(self.tr("Xem lại thay đổi…"))
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(self.open_review)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.review_banner, self.review_button = banner, button
        return banner

    def open_review(self) -> None:
        """Open the review of the shown dossier's conflicting changes (one dialog at a time)."""
        ctx = self.ctx
        if self.view is None or ctx is None:
            return
        dialog = self.review_dialog
        if dialog is not None and isValid(dialog) and dialog.isVisible():
            if dialog.code == self.view.code:
                dialog.raise_()
                dialog.activateWindow()
                return
            dialog.close()
        # Parented to this widget, not the card: each render replaces the card.
        dialog = ConflictDialog(ctx, self.view.id, self.view.code, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.review_dialog = dialog
        dialog.open()

    def _prints(self, lay: QVBoxLayout, d: DossierView) -> None:
        lay.addSpacing(6)
        lay.addWidget(_label(self.tr("Giấy tờ đã in"), "sectionTitle"))
        jobs = self.records.jobs if self.records is not None else ()
        rows = print_rows(d, jobs)
        if not rows:
            lay.addWidget(_label(self.tr("Chưa in giấy tờ nào."), "muted"))
        for p in rows:
            row = QHBoxLayout()
            row.setSpacing(10)
            when = p.at.strftime(TIME)
            row.addWidget(_time_label(when), 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(_label(f"{p.what} · {p.state}" if p.state else p.what), 1)
            if p.file:
                button = QPushButton(self.tr("Mở PDF"), objectName="link")
                button.setToolTip(p.file)
                button.setCursor(Qt.CursorShape.PointingHandCursor)
                button.clicked.connect(
                    lambda _c=False, f=p.file: QDesktopServices.openUrl(QUrl.fromLocalFile(f))
                )
                row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            lay.addLayout(row)

    def _files(self, lay: QVBoxLayout) -> None:
        lay.addSpacing(6)
        lay.addWidget(_label(self.tr("Tệp số hóa"), "sectionTitle"))
        if self.records is None:
            lay.addWidget(_label(self.tr("Đang tải…"), "muted"))
            return
        if not self.records.files:
            lay.addWidget(_label(self.tr("Chưa có tệp số hóa nào."), "muted"))
        for f in self.records.files:
            lay.addWidget(_label(file_row(f)))

    def _event_row(self, e: EventView, desks: dict[str, str]) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(_time_label(e.at.strftime(TIME)), 0, Qt.AlignmentFlag.AlignTop)
        who = event_who(e, desks)
        text = " · ".join(x for x in (event_title(e, self.language), who) if x)
        details = event_details(e)
        if details:
            text += "\n" + "\n".join(details)
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
