"""The report page's top bar: the period (a month, or from–to), the source (this desk or the
center's database), and the summary cards under it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from counter_app.printing.forms.report_charts import num, pct
from counter_app.services.reports.model import Period
from counter_app.ui.qt import (
    QComboBox,
    QDateTimeEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
    Signal,
)


class PeriodPicker(QWidget):
    """Month or from–to dates, and the source; `period()` and `source()` say what is chosen."""

    changed = Signal()

    def __init__(self, today: date, central: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = QComboBox(objectName="reportMode")
        self.mode.addItems([self.tr("Theo tháng"), self.tr("Từ ngày – đến ngày")])
        self.month = QDateTimeEdit(objectName="reportMonth")
        self.month.setDisplayFormat("MM/yyyy")
        self.month.setDate(today.replace(day=1))
        self.month.setMinimumWidth(96)
        self.date_from = QDateTimeEdit(objectName="reportFrom")
        self.date_to = QDateTimeEdit(objectName="reportTo")
        for edit, day in ((self.date_from, today.replace(day=1)), (self.date_to, today)):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
            edit.setDate(day)
        self.to_label = QLabel("–")
        self.source_box = QComboBox(objectName="reportSource")
        self.source_box.addItem(self.tr("Số liệu quầy này"), "local")
        self.source_box.addItem(self.tr("Toàn Trung tâm (CSDL trung tâm)"), "central")
        if not central:  # not joined to a center: there is nothing else to read
            self.source_box.model().item(1).setEnabled(False)  # type: ignore[attr-defined]
            self.source_box.setToolTip(self.tr("Quầy chưa kết nối CSDL trung tâm"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        lay.addWidget(QLabel(self.tr("Kỳ báo cáo")))
        for w in (self.mode, self.month, self.date_from, self.to_label, self.date_to):
            lay.addWidget(w)
        lay.addSpacing(12)
        lay.addWidget(self.source_box)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        for edit in (self.month, self.date_from, self.date_to):
            edit.dateChanged.connect(lambda *_: self.changed.emit())
        self.source_box.currentIndexChanged.connect(lambda *_: self.changed.emit())
        self._mode_changed()

    def _mode_changed(self, *_: Any) -> None:
        by_month = self.mode.currentIndex() == 0
        self.month.setVisible(by_month)
        for w in (self.date_from, self.to_label, self.date_to):
            w.setVisible(not by_month)
        self.changed.emit()

    def set_month(self, year: int, month: int) -> None:
        self.mode.setCurrentIndex(0)
        self.month.setDate(date(year, month, 1))

    def set_range(self, start: date, end: date) -> None:
        self.mode.setCurrentIndex(1)
        self.date_from.setDate(start)
        self.date_to.setDate(end)

    def period(self) -> Period:
        """Return the chosen period (the dates of a range in order)."""
        if self.mode.currentIndex() == 0:
            first: date = self.month.date().toPython()  # type: ignore[assignment]
            return Period.month(first.year, first.month)
        a: date = self.date_from.date().toPython()  # type: ignore[assignment]
        b: date = self.date_to.date().toPython()  # type: ignore[assignment]
        return Period(min(a, b), max(a, b))

    def source(self) -> str:
        return str(self.source_box.currentData())


def file_stem(period: Period) -> str:
    """Return "bao-cao-2026-11" for a month, "bao-cao-2026-11-01_2026-11-15" for a range."""
    if period.is_whole_month:
        return f"bao-cao-{period.date_from:%Y-%m}"
    return f"bao-cao-{period.date_from:%Y-%m-%d}_{period.date_to:%Y-%m-%d}"


class Card(QFrame):
    """A big figure with its title and a line under it."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.value = QLabel("–", objectName="cardTitle")
        self.note = QLabel("", objectName="muted")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 8, 14, 8)
        lay.setSpacing(2)
        lay.addWidget(QLabel(title, objectName="muted"))
        lay.addWidget(self.value)
        lay.addWidget(self.note)


class Cards(QWidget):
    """Received, settled, in progress and satisfaction at a glance."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.received = Card(self.tr("Tiếp nhận"))
        self.settled = Card(self.tr("Đã giải quyết"))
        self.progress = Card(self.tr("Đang giải quyết cuối kỳ"))
        self.rating = Card(self.tr("Đánh giá hài lòng"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(10)
        for card in (self.received, self.settled, self.progress, self.rating):
            lay.addWidget(card, 1)

    def show_data(self, data: Mapping[str, Any]) -> None:
        r, s, p, sat = data["received"], data["settled"], data["in_progress"], data["satisfaction"]
        self.received.value.setText(num(r["total"]))
        self.received.note.setText(
            self.tr("trực tuyến %1 · kỳ trước %2")
            .replace("%1", pct(r["share"]["online"]))
            .replace("%2", num(r["carried_over"]))
        )
        self.settled.value.setText(num(s["total"]))
        self.settled.note.setText(
            self.tr("quá hạn %1 (%2)")
            .replace("%1", num(s["late"]))
            .replace("%2", pct(s["share"]["late"]))
        )
        self.progress.value.setText(num(p["total"]))
        self.progress.note.setText(self.tr("quá hạn %1").replace("%1", num(p["overdue"])))
        rated = sat["very_satisfied"] + sat["satisfied"] + sat["unsatisfied"]
        self.rating.value.setText(num(rated))
        self.rating.note.setText(
            self.tr("không hài lòng %1 (%2)")
            .replace("%1", num(sat["unsatisfied"]))
            .replace("%2", pct(sat["share"]["unsatisfied"]))
        )
