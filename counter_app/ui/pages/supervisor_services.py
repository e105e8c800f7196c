"""The supervisor view's table of services (waiting, longest and average wait, service time,
served, no-shows) and the banner of waits past the alert threshold."""

from __future__ import annotations

from typing import Any

from counter_app.services.queue_live import ServiceLive, WaitAlert
from counter_app.ui import theme
from counter_app.ui.pages.supervisor_text import duration
from counter_app.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QAbstractTableModel,
    QBrush,
    QColor,
    QCoreApplication,
    QFont,
    QHeaderView,
    QLabel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTableView,
    QWidget,
)

ALERT_SHOWN = 6  # tickets named in the banner; the rest are counted

Index = QModelIndex | QPersistentModelIndex


class ServiceModel(QAbstractTableModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("ServiceModel", "Dịch vụ"),
        QT_TRANSLATE_NOOP("ServiceModel", "Đang chờ"),
        QT_TRANSLATE_NOOP("ServiceModel", "Chờ lâu nhất"),
        QT_TRANSLATE_NOOP("ServiceModel", "Chờ TB"),
        QT_TRANSLATE_NOOP("ServiceModel", "Phục vụ TB"),
        QT_TRANSLATE_NOOP("ServiceModel", "Xong"),
        QT_TRANSLATE_NOOP("ServiceModel", "Vắng"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ServiceLive] = []
        self.alert_s = 20 * 60

    def set_rows(self, rows: list[ServiceLive], alert_minutes: int) -> None:
        if [r.code for r in rows] == [r.code for r in self.rows]:
            self.rows, self.alert_s = rows, alert_minutes * 60
            if rows:  # same rows: repaint the values, keep the selection and scroll
                last = self.index(len(rows) - 1, len(self.COLUMNS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self.rows, self.alert_s = rows, alert_minutes * 60
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ServiceModel", self.COLUMNS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section == 0:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                None,
                self.tr("Số người đang chờ"),
                self.tr("Người chờ lâu nhất trong số đang chờ"),
                self.tr("Chờ trung bình, từ lúc lấy số đến lúc được gọi"),
                self.tr("Phục vụ trung bình, từ lúc bắt đầu đến lúc xong"),
                self.tr("Số lượt đã phục vụ xong"),
                self.tr("Số lượt gọi mà không có mặt"),
            )[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s, col = self.rows[index.row()], index.column()
        late = s.longest_wait_s is not None and s.longest_wait_s >= self.alert_s
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                f"{s.code} · {s.name}",
                str(s.waiting),
                duration(s.longest_wait_s),
                duration(s.avg_wait_s),
                duration(s.avg_service_s),
                str(s.served),
                str(s.no_shows),
            )[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col in (1, 2) and late:
                return QBrush(QColor(theme.DANGER))
            if col > 0 and s.waiting == 0 and s.served == 0 and s.no_shows == 0:
                return QBrush(QColor(theme.MUTED))
        if role == Qt.ItemDataRole.FontRole and col in (1, 2) and late:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return s.name
        return None


def service_table(model: ServiceModel) -> QTableView:
    table = QTableView(objectName="serviceTable")
    table.setModel(model)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(30)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    header.setHighlightSections(False)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return table


class AlertBanner(QLabel):
    """Red while someone has waited past the threshold, naming the longest waits; hidden
    otherwise (an empty banner would teach people to ignore it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertBanner")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet(
            f"#alertBanner {{ background: {theme.DANGER_BG}; color: {theme.DANGER}; "
            "border: 1px solid #f4b4ad; border-radius: 8px; padding: 8px 14px; "
            "font-weight: 600; }"
        )
        self.alerts: list[WaitAlert] = []
        self.hide()

    def show_alerts(self, alerts: list[WaitAlert], minutes: int) -> None:
        self.alerts = alerts
        if not alerts:
            self.hide()
            self.clear()
            return
        head = self.tr("%n người chờ quá %1 phút:", "", len(alerts)).replace("%1", str(minutes))
        named = ", ".join(
            f"{a.ticket} ({duration(a.wait_s)}, {a.service_code})" for a in alerts[:ALERT_SHOWN]
        )
        more = len(alerts) - ALERT_SHOWN
        tail = " " + self.tr("và %n người nữa", "", more) if more > 0 else ""
        self.setText(f"⚠ {head} {named}{tail}")
        self.show()
