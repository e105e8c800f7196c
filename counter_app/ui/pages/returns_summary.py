"""The returns page's cards: before a dossier is open, what to do (`ReturnIntro`); then the dossier
being returned (what, whose, due, status) and, above all, whether its result can be handed over
now (`ReturnSummary`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from counter_app.domain.status import Status
from counter_app.ui import theme
from counter_app.ui.pages.dossier_table import status_label
from counter_app.ui.qt import (
    QCoreApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)
from counter_app.ui.widgets import Badge

if TYPE_CHECKING:
    from counter_app.services.dossiers import DossierView

TIME = "%H:%M %d/%m/%Y"
BANNER = {
    "ok": f"background: {theme.OK_BG}; color: {theme.OK};",
    "warning": f"background: {theme.WARN_BG}; color: {theme.WARN};",
    "info": f"background: {theme.INFO_BG}; color: {theme.INFO};",
}


def _label(text: str, name: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text, objectName=name) if name else QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ReturnSummary(QFrame):
    def __init__(self, language: str = "vi", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.setObjectName("card")
        self.setMinimumWidth(340)
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(24, 20, 24, 20)
        self.lay.setSpacing(8)
        self.banner = _label("", "returnBanner")

    def _clear(self) -> None:
        _empty(self.lay, keep=self.banner)

    def show_dossier(self, d: DossierView) -> None:
        self._clear()
        self.lay.addWidget(_label(d.code, "bigCode"))
        self.badge = Badge(status_label(d.status, self.language), "status")
        self.lay.addWidget(self.badge)
        if d.status == Status.RESULT_READY:
            self._banner(self.tr("Kết quả đã sẵn sàng: kiểm tra CCCD người nhận rồi trả."), "ok")
        elif d.status == Status.RETURNED:
            when = d.returned_at.strftime(TIME) if d.returned_at else ""
            self._banner(self.tr("Hồ sơ đã trả kết quả lúc %1.").replace("%1", when), "info")
        else:
            label = status_label(d.status, self.language)
            self._banner(
                self.tr("Chưa trả được: hồ sơ đang ở trạng thái “%1”.").replace("%1", label),
                "warning",
            )
        self.lay.addWidget(_label(d.procedure_name, "cardTitle"))
        self.lay.addWidget(_label(d.department, "muted"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        pairs = [
            (self.tr("Người nộp"), d.applicant_name),
            (self.tr("Số CCCD"), d.applicant_id_number or "—"),
            (self.tr("Điện thoại"), d.applicant_phone or "—"),
            (self.tr("Tiếp nhận"), d.received_at.strftime(TIME)),
            (self.tr("Hẹn trả"), d.due_at.strftime(TIME)),
        ]
        if d.finished_at is not None:
            pairs.append((self.tr("Có kết quả"), d.finished_at.strftime(TIME)))
        for row, (name, value) in enumerate(pairs):
            grid.addWidget(
                _label(name, "fieldLabel", wrap=False), row, 0, Qt.AlignmentFlag.AlignTop
            )
            grid.addWidget(_label(value), row, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        self.lay.addSpacing(4)
        self.lay.addLayout(grid)
        if d.return_by_post:
            self.lay.addSpacing(4)
            self.lay.addWidget(
                _label(
                    self.tr("Đã đăng ký nhận kết quả qua bưu điện: %1").replace(
                        "%1", d.post_address
                    ),
                    "muted",
                )
            )

    def _banner(self, text: str, kind: str) -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(
            BANNER[kind] + " border-radius: 8px; padding: 8px 12px; font-weight: 600;"
        )
        self.banner.setProperty("kind", kind)
        self.lay.addWidget(self.banner)
        self.banner.show()

    @property
    def banner_kind(self) -> str:
        return str(self.banner.property("kind") or "")


class ReturnIntro(QFrame):
    """The steps of a return, and what was done for the last citizen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFixedWidth(680)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 26, 32, 28)
        lay.setSpacing(8)
        self.last = _label("", "returnBanner")
        self.last.setStyleSheet(
            BANNER["ok"] + " border-radius: 8px; padding: 8px 12px; font-weight: 600;"
        )
        self.last.hide()
        lay.addWidget(self.last)
        self.choices_text = _label("", "cardTitle")
        self.choices_text.hide()
        lay.addWidget(self.choices_text)
        self.choices = QVBoxLayout()
        self.choices.setSpacing(6)
        self.choices.setContentsMargins(0, 0, 0, 10)
        lay.addLayout(self.choices)
        self.choice_buttons: list[QPushButton] = []
        lay.addWidget(_label(self.tr("Trả kết quả cho công dân"), "cardTitle"))
        lay.addWidget(
            _label(
                self.tr(
                    "Quét mã vạch trên giấy hẹn trả kết quả của công dân, hoặc gõ mã hồ sơ vào "
                    "ô phía trên rồi nhấn Enter."
                )
            )
        )
        lay.addSpacing(6)
        for text in (
            self.tr("1. Mở hồ sơ: chỉ trả được hồ sơ “Đã xử lý xong”."),
            self.tr(
                "2. Kiểm tra CCCD người nhận (chính người nộp, hoặc người nhận thay có giấy "
                "ủy quyền), rồi xác nhận trả (Ctrl+Enter): hồ sơ chuyển sang “Đã trả kết "
                "quả”, phiếu trả kết quả được in nếu có máy in nhiệt."
            ),
            self.tr(
                "3. Mời công dân đánh giá mức độ hài lòng (phím 1, 2, 3), hoặc bỏ qua (Esc). "
                "Có màn hình thứ hai thì công dân tự bấm trên màn hình đó."
            ),
        ):
            lay.addWidget(_label(text, "muted"))

    def show_choices(
        self,
        text: str,
        dossiers: list[tuple[str, str]],
        on_choose: Callable[[str], None] | None,
    ) -> None:
        """Offer `dossiers` ((code, procedure)) to choose from, under `text` (none: hide)."""
        for button in self.choice_buttons:
            button.hide()
            button.deleteLater()
        self.choice_buttons = []
        self.choices_text.setText(text)
        self.choices_text.setVisible(bool(dossiers))
        for code, procedure in dossiers:
            button = QPushButton(objectName="dossierChoice")
            button.setStyleSheet("text-align: left; padding: 8px 12px;")
            text = f"{code} · {procedure}"
            button.setText(button.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, 580))
            button.setToolTip(procedure)
            button.setAutoDefault(True)  # Enter on it opens it, as Space does
            if on_choose is not None:
                button.clicked.connect(lambda _c=False, c=code: on_choose(c))
            self.choices.addWidget(button)
            self.choice_buttons.append(button)
        if self.choice_buttons:
            self.choice_buttons[0].setFocus()  # Enter opens it; Tab goes to the next

    def show_last(self, text: str) -> None:
        """Say what was done for the last citizen ("" to say nothing)."""
        self.last.setText(text)
        self.last.setVisible(bool(text))


def not_ready_text(d: DossierView, language: str) -> str:
    """Why dossier `d` cannot be returned now, and what to do."""
    label = status_label(d.status, language)
    if d.status in (Status.RECEIVED, Status.PROCESSING, Status.FINANCIAL, Status.SUPPLEMENT):
        return QCoreApplication.translate(
            "ReturnSummary",
            "Chưa trả được: hồ sơ đang ở trạng thái “%1”, chưa có kết quả. Khi kết quả về từ cơ "
            "quan giải quyết, ghi nhận ở trang Tra cứu hồ sơ (F3, Alt+K) rồi trả.",
        ).replace("%1", label)
    return QCoreApplication.translate(
        "ReturnSummary",
        "Không trả được: hồ sơ đang ở trạng thái “%1”. Chỉ trả được hồ sơ “Đã xử lý xong”.",
    ).replace("%1", label)


def _empty(layout: QLayout, keep: QWidget | None = None) -> None:
    """Take everything out of `layout` and delete it (but `keep`), nested layouts too."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget, inner = item.widget(), item.layout()
        if widget is not None and widget is not keep:
            widget.hide()  # until deleted it would still paint
            widget.deleteLater()
        elif inner is not None:
            _empty(inner)
            inner.deleteLater()


class NotReadyCard(QFrame):
    """Why the open dossier cannot be returned, and the way to the dossier view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.setSpacing(10)
        lay.addWidget(_label(self.tr("Chưa trả được hồ sơ này"), "cardTitle"))
        self.text = _label("")
        lay.addWidget(self.text)
        row = QHBoxLayout()
        self.open_dossier = QPushButton(self.tr("Mở ở trang Tra cứu hồ sơ (F3)"))
        self.open_dossier.setMinimumHeight(36)
        row.addWidget(self.open_dossier)
        row.addStretch(1)
        lay.addLayout(row)

    def show_for(self, d: DossierView, language: str) -> None:
        self.text.setText(not_ready_text(d, language))
