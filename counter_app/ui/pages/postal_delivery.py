"""Results by post: the results waiting to be sent to homes, the send dialog (tracking number
typed, scanned or from the pool), the deliveries with their status (delivered, returned to the
center), and the two imports from the post: its list of numbers, its CSV of statuses."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.services.postal import (
    import_status_csv,
    import_tracking_pool,
    list_deliveries,
    pool_status,
    send_by_post,
    set_delivery_status,
    waiting_for_post,
)
from counter_app.ui.context import Changes
from counter_app.ui.errors import user_message
from counter_app.ui.pages.postal_send import SendDialog
from counter_app.ui.pages.postal_table import Banner, RowsModel, card, local, rows_table
from counter_app.ui.qt import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from counter_app.ui.widgets import ComboBox

if TYPE_CHECKING:
    from counter_app.services.postal import DeliveryView, PoolStatus, StatusImport, WaitingRow
    from counter_app.ui.context import AppContext

CSV_FILTER = "*.csv *.txt"


class DeliveryPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pool: PoolStatus | None = None
        self.dialog: SendDialog | None = None
        self.last_import = ""  # the summary of the last import, for tests and people

        self.pool_label = QLabel("", objectName="postalPool")
        self.import_pool_button = QPushButton(self.tr("Nhập kho mã vận đơn…"))
        self.import_pool_button.clicked.connect(lambda: self.import_pool())
        self.import_csv_button = QPushButton(self.tr("Nhập trạng thái từ bưu điện (CSV)…"))
        self.import_csv_button.clicked.connect(lambda: self.import_statuses())
        top = QHBoxLayout()
        top.addWidget(self.pool_label, 1)
        top.addWidget(self.import_pool_button)
        top.addWidget(self.import_csv_button)
        self.banner = Banner("postalDeliveryBanner")

        self.waiting: RowsModel[WaitingRow] = RowsModel(
            [
                (self.tr("Hồ sơ"), lambda r: (r.code, r.receiver_name)),
                (
                    self.tr("Địa chỉ nhận"),
                    lambda r: (
                        r.address,
                        self.tr("trong lô %1").replace("%1", r.open_batch)
                        if r.open_batch
                        else self.tr("xong lúc %1").replace("%1", local(r.ready_at)),
                    ),
                ),
            ]
        )
        self.waiting_table = rows_table("postalWaiting", self.waiting, 1)
        self.waiting_table.activated.connect(lambda _i: self.ask_send())
        self.waiting_title = QLabel("", objectName="sectionTitle")
        self.send_button = QPushButton(self.tr("Giao cho bưu điện…"), objectName="primary")
        self.send_button.clicked.connect(self.ask_send)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.waiting_title)
        ll.addWidget(self.waiting_table, 1)
        ll.addWidget(self.send_button)

        self.status = ComboBox(objectName="postalDeliveryStatus")
        self.status.addItem(self.tr("Tất cả"), None)
        for key, label in (
            ("handed_to_post", self.tr("Đã giao bưu điện")),
            ("in_transit", self.tr("Đang chuyển phát")),
            ("delivered", self.tr("Đã phát")),
            ("returned_to_center", self.tr("Chuyển hoàn về Trung tâm")),
        ):
            self.status.addItem(label, key)
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.deliveries: RowsModel[DeliveryView] = RowsModel(
            [
                (self.tr("Hồ sơ"), lambda d: (d.code, d.receiver_name or d.applicant)),
                (self.tr("Mã vận đơn"), lambda d: (d.tracking_number or "—", local(d.handed_at))),
                (self.tr("Trạng thái"), lambda d: (d.status_label, local(d.status_at))),
                (self.tr("Địa chỉ"), lambda d: (d.address, d.phone)),
            ]
        )
        self.deliveries_table = rows_table("postalDeliveries", self.deliveries, 3)
        self.delivered_button = QPushButton(self.tr("Đã phát"), objectName="postalDelivered")
        self.delivered_button.clicked.connect(lambda: self.mark("delivered"))
        self.returned_button = QPushButton(self.tr("Chuyển hoàn về Trung tâm"))
        self.returned_button.clicked.connect(lambda: self.mark("returned_to_center"))
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Đã gửi"), objectName="sectionTitle"), 1)
        head.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.returned_button)
        buttons.addWidget(self.delivered_button)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addLayout(head)
        rl.addWidget(self.deliveries_table, 1)
        rl.addLayout(buttons)

        body = QHBoxLayout()
        body.setSpacing(12)
        body.addWidget(card("", left), 2)
        body.addWidget(card("", right), 3)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addLayout(top)
        lay.addWidget(self.banner)
        lay.addLayout(body, 1)

    # --- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self.ctx.read(waiting_for_post, on_success=self._waiting, owner=self)
        self.ctx.read(
            partial(list_deliveries, status=self.status.currentData()),
            on_success=self._deliveries,
            owner=self,
        )
        self.ctx.read(pool_status, on_success=self._pool, owner=self)

    def _waiting(self, rows: list[WaitingRow]) -> None:
        self.waiting.set_rows(rows)
        self.waiting_title.setText(self.tr("Chờ gửi bưu điện: %n kết quả", "", len(rows)))
        self.send_button.setEnabled(bool(rows))
        if rows and not self.waiting_table.currentIndex().isValid():
            self.waiting_table.selectRow(0)

    def _deliveries(self, rows: list[DeliveryView]) -> None:
        current = self.deliveries.row(self.deliveries_table.currentIndex().row())
        self.deliveries.set_rows(rows)
        keep = next((i for i, d in enumerate(rows) if current and d.code == current.code), 0)
        if rows:
            self.deliveries_table.selectRow(keep)

    def _pool(self, pool: PoolStatus) -> None:
        self.pool = pool
        self.pool_label.setText(
            self.tr("Kho mã vận đơn: còn %n số", "", pool.unused)
            + " · "
            + self.tr("đã dùng %n", "", pool.used)
        )

    # --- sending ---------------------------------------------------------------------------

    def ask_send(self, code: str = "") -> None:
        """Open the send dialog for `code`, or for the chosen waiting result."""
        row = (
            next((r for r in self.waiting.rows if r.code == code), None)
            if code
            else self.waiting.row(self.waiting_table.currentIndex().row())
        )
        if row is None:
            return
        self.dialog = SendDialog(
            row.code,
            row.applicant,
            row.receiver_name,
            row.phone,
            row.address,
            self.pool.unused if self.pool is not None else 0,
            self,
        )
        if row.tracking_number:
            self.dialog.take_scan(row.tracking_number)
        self.dialog.send.connect(partial(self.send, row.code))
        self.dialog.open()

    def send(self, code: str, receiver: str, phone: str, address: str, tracking: str) -> None:
        self.ctx.write(
            partial(
                send_by_post,
                receiver_name=receiver,
                phone=phone,
                address=address,
                tracking_number=tracking or None,
                at=self.ctx.now(),
            ),
            self.ctx.actor(),
            code,
            changes=Changes(dossiers=frozenset({code}), source=self),
            on_success=self._sent,
            on_error=self._not_sent,
            owner=self,
        )

    def _sent(self, d: DeliveryView) -> None:
        if self.dialog is not None:
            self.dialog.accept()
            self.dialog = None
        self.banner.say(
            self.tr("✓ Đã giao %1 cho bưu điện, mã vận đơn %2.")
            .replace("%1", d.code)
            .replace("%2", d.tracking_number),
            "ok",
        )
        self.refresh()

    def _not_sent(self, exc: BaseException) -> None:
        if self.dialog is not None:
            self.dialog.show_error(user_message(exc))
        else:
            self.ctx.show_error(exc)

    # --- statuses --------------------------------------------------------------------------

    def mark(self, status: str) -> None:
        """Set the chosen delivery's status (delivered, or returned to the center)."""
        d = self.deliveries.row(self.deliveries_table.currentIndex().row())
        if d is None:
            return
        self.ctx.write(
            partial(set_delivery_status, at=self.ctx.now()),
            self.ctx.actor(),
            d.code,
            status,
            changes=Changes(dossiers=frozenset({d.code}), source=self),
            on_success=self._marked,
            on_error=lambda exc: self.banner.say(user_message(exc), "error"),
            owner=self,
        )

    def _marked(self, d: DeliveryView) -> None:
        self.banner.say(
            self.tr("%1: %2.").replace("%1", d.code).replace("%2", d.status_label), "ok"
        )
        self.refresh()

    # --- imports ---------------------------------------------------------------------------

    def import_pool(self, path: str = "") -> None:
        """Add the numbers of the post's list (asked for when not given) to the pool."""
        path = path or self._ask(self.tr("Danh sách mã vận đơn của bưu điện"))
        if path:
            self.ctx.write(
                import_tracking_pool,
                self.ctx.actor(),
                Path(path),
                changes=Changes(source=self),
                on_success=lambda r: self._imported(
                    self.tr("Đã nhập %n mã vận đơn vào kho", "", r.added)
                    + (
                        "; " + self.tr("bỏ qua %n mã đã có", "", r.skipped_duplicates)
                        if r.skipped_duplicates
                        else "."
                    ),
                    "ok",
                ),
                on_error=lambda exc: self._imported(user_message(exc), "error"),
                owner=self,
            )

    def import_statuses(self, path: str = "") -> None:
        """Apply the statuses of the post's CSV export (asked for when not given)."""
        path = path or self._ask(self.tr("Tệp trạng thái phát của bưu điện"))
        if path:
            self.ctx.write(
                partial(import_status_csv, now=self.ctx.now()),
                self.ctx.actor(),
                Path(path),
                changes=lambda r: Changes(everything=bool(r.updated), source=self),
                on_success=self._statuses,
                on_error=lambda exc: self._imported(user_message(exc), "error"),
                owner=self,
            )

    def _statuses(self, r: StatusImport) -> None:
        if r.errors:  # then nothing was applied
            self._imported(
                self.tr("Không cập nhật gì: tệp có %n dòng lỗi", "", len(r.errors))
                + " · "
                + "; ".join(r.errors[:3])
                + (" …" if len(r.errors) > 3 else ""),
                "error",
            )
            return
        parts = [
            self.tr("Đã cập nhật %n bưu gửi", "", r.updated),
            self.tr("%n không đổi", "", r.unchanged),
        ]
        if r.unknown:
            parts.append(
                self.tr("%n mã vận đơn không có ở đây: %1", "", len(r.unknown)).replace(
                    "%1", ", ".join(r.unknown[:5]) + (" …" if len(r.unknown) > 5 else "")
                )
            )
        self._imported(" · ".join(parts), "warning" if r.unknown else "ok")

    def _imported(self, text: str, kind: str) -> None:
        self.last_import = text
        self.banner.say(text, kind)
        self.refresh()

    def _ask(self, title: str) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self, title, "", self.tr("Tệp CSV hoặc văn bản") + f" ({CSV_FILTER})"
        )
        return path

    def select_code(self, code: str) -> bool:
        """Choose the delivery of dossier `code` (or tracking number `code`) if it is listed;
        return whether it was."""
        row = next(
            (i for i, d in enumerate(self.deliveries.rows) if code in (d.code, d.tracking_number)),
            -1,
        )
        if row >= 0:
            self.deliveries_table.selectRow(row)
        return row >= 0
