"""Follow-up views of the postal page: dossiers whose paper has been away longer than N days,
and the volumes carried by month, direction and department (a table and a chart)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from counter_app.services.postal import in_transit, postal_volumes
from counter_app.ui.pages.postal_chart import VolumeChart
from counter_app.ui.pages.postal_table import RowsModel, card, local, rows_table
from counter_app.ui.qt import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from counter_app.services.postal import TransitRow, VolumeRow
    from counter_app.ui.context import AppContext

DEFAULT_DAYS = 3
MONTHS = 12


class ViewsPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

        self.days = QSpinBox(objectName="postalTransitDays")
        self.days.setRange(0, 365)
        self.days.setValue(DEFAULT_DAYS)
        self.days.setSuffix(self.tr(" ngày"))
        self.days.setMinimumHeight(32)
        self.days.valueChanged.connect(lambda _v: self.refresh_transit())
        self.transit_title = QLabel("", objectName="sectionTitle")
        head = QHBoxLayout()
        head.addWidget(self.transit_title, 1)
        head.addWidget(QLabel(self.tr("Đi quá"), objectName="fieldLabel"))
        head.addWidget(self.days)
        self.transit: RowsModel[TransitRow] = RowsModel(
            [
                (self.tr("Hồ sơ"), lambda r: (r.code, r.procedure)),
                (self.tr("Người nộp"), lambda r: (r.applicant, "")),
                (
                    self.tr("Đang ở"),
                    lambda r: (r.department_name or "—", r.batch_number or r.tracking_number),
                ),
                (
                    self.tr("Từ lúc"),
                    lambda r: (local(r.since), self.tr("%n ngày", "", r.days)),
                ),
            ]
        )
        self.transit_table = rows_table("postalTransit", self.transit, 0)
        transit = QWidget()
        tl = QVBoxLayout(transit)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addLayout(head)
        tl.addWidget(self.transit_table, 1)

        self.volumes_title = QLabel("", objectName="sectionTitle")
        self.volumes: RowsModel[VolumeRow] = RowsModel(
            [
                (self.tr("Tháng"), lambda r: (_month(r.month), "")),
                (self.tr("Chiều"), lambda r: (r.direction_label, "")),
                (self.tr("Đơn vị"), lambda r: (r.department_name or self.tr("Bưu điện"), "")),
                (self.tr("Số hồ sơ"), lambda r: (str(r.count), "")),
            ]
        )
        self.volumes_table = rows_table("postalVolumes", self.volumes, 2)
        self.volumes_table.verticalHeader().setDefaultSectionSize(34)
        self.chart = VolumeChart()
        volumes = QWidget()
        vl = QHBoxLayout(volumes)
        vl.setContentsMargins(0, 0, 0, 0)
        vl.setSpacing(12)
        vl.addWidget(self.volumes_table, 3)
        vl.addWidget(self.chart, 2)
        vbox = QWidget()
        vb = QVBoxLayout(vbox)
        vb.setContentsMargins(0, 0, 0, 0)
        vb.addWidget(self.volumes_title)
        vb.addWidget(volumes, 1)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.setSpacing(12)
        lay.addWidget(card("", transit), 1)
        lay.addWidget(card("", vbox), 1)

    def refresh(self) -> None:
        self.refresh_transit()
        self.ctx.read(
            partial(postal_volumes, months=MONTHS, now=self.ctx.now()),
            on_success=self._volumes,
            owner=self,
        )

    def refresh_transit(self) -> None:
        self.ctx.read(
            partial(in_transit, older_than_days=self.days.value(), now=self.ctx.now()),
            on_success=self._transit,
            owner=self,
        )

    def _transit(self, rows: list[TransitRow]) -> None:
        self.transit.set_rows(rows)
        self.transit_title.setText(
            self.tr("Hồ sơ giấy đang đi quá %1 ngày: %n", "", len(rows)).replace(
                "%1", str(self.days.value())
            )
        )

    def _volumes(self, rows: list[VolumeRow]) -> None:
        ordered = sorted(
            rows, key=lambda r: (r.month, r.direction, r.department_name), reverse=True
        )
        self.volumes.set_rows(ordered)
        self.volumes_title.setText(
            self.tr(
                "Sản lượng %1 tháng gần nhất: %n hồ sơ", "", sum(r.count for r in rows)
            ).replace("%1", str(MONTHS))
        )
        self.chart.set_rows(rows)


def _month(month: str) -> str:
    """Return "2026-11" as "11/2026"."""
    year, _, m = month.partition("-")
    return f"{m}/{year}" if m else month
