"""The postal page's results by post (the pool of tracking numbers, sending with a pool number or
a scanned label, marking delivered, the post's CSV of statuses) and its follow-up views."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from gui_helpers import NOW, VN, FakeClock, type_keys
from postal_gui_helpers import OFFICER, ready_by_post, received, tracking

from counter_app.services.postal import (
    add_to_batch,
    close_batch,
    create_batch,
    get_delivery,
    pool_status,
)
from counter_app.ui.qt import QApplication, Qt

offscreen_window = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def postal(qtbot, signed_in):
    """The postal officer's window, active, on the postal page's delivery tab."""

    def go():
        window = signed_in("buudien")
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        page = window.shell.show_page("postal")
        page.tabs.setCurrentWidget(page.delivery)
        page.delivery.waiting_table.setFocus()
        return window, page

    return go


def _key(key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    from PySide6.QtTest import QTest

    QTest.keyClick(QApplication.focusWidget(), key, modifier)


@offscreen_window
def test_send_with_pool_and_scanned_numbers_then_delivered(
    qtbot, postal, demo_db, tmp_path
) -> None:
    first, second = ready_by_post(demo_db, 2)
    pool = [tracking(10000000 + i) for i in range(3)]
    window, page = postal()
    panel = page.delivery
    assert panel.waiting.rowCount() == 2 and "2 kết quả" in panel.waiting_title.text()
    assert "còn 0 số" in panel.pool_label.text()

    listing = tmp_path / "so_hieu.csv"
    listing.write_text("ma_van_don\n" + "\n".join(pool) + "\n" + pool[0] + "\n")
    panel.import_pool(str(listing))
    assert panel.banner.kind == "ok" and "Đã nhập 3 mã vận đơn vào kho" in panel.last_import
    assert "bỏ qua 1 mã đã có" in panel.last_import
    assert "còn 3 số" in panel.pool_label.text()

    panel.waiting_table.setFocus()
    _key(Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)  # send the chosen result
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible() and dialog.code == first
    assert dialog.receiver.text() == "Hoàng Thị Mai"
    assert dialog.address.text() == "Số 5 Lê Lợi, Phường Vĩnh Trại"
    assert dialog.from_pool.isChecked() and "còn 3 số" in dialog.from_pool.text()
    dialog.ok.click()
    assert not dialog.isVisible()
    assert get_delivery(demo_db, first).tracking_number == pool[0]  # the pool's first
    assert pool[0] in panel.banner.text()
    assert [r.code for r in panel.waiting.rows] == [second]
    assert pool_status(demo_db).unused == 2 and "còn 2 số" in panel.pool_label.text()

    panel.ask_send()  # the second: a label's number, read by the barcode gun
    dialog = panel.dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.tracking)
    dialog.tracking.setText("EB123")
    dialog.from_pool.setChecked(False)
    dialog.ok.click()
    assert dialog.isVisible() and "không đúng dạng" in dialog.error.text()
    assert QApplication.focusWidget() is dialog.tracking  # the wrong number selected
    label = tracking(20000000)
    clock = FakeClock()
    window.wedge.clock = clock
    type_keys(dialog.tracking, label, clock, gap_ms=5)  # the gun types into the field
    assert dialog.tracking.text() == label and not dialog.from_pool.isChecked()
    assert dialog.isVisible()  # the scanner's Enter did not send it
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.ok)
    _key(Qt.Key.Key_Return)  # the officer's Enter does
    assert get_delivery(demo_db, second).tracking_number == label
    assert panel.waiting.rowCount() == 0 and not panel.send_button.isEnabled()

    assert panel.select_code(first)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel.deliveries_table.setFocus()
    _key(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # delivered
    assert get_delivery(demo_db, first).status == "delivered"
    row = next(d for d in panel.deliveries.rows if d.code == first)
    assert row.status == "delivered" and first in panel.banner.text()


@offscreen_window
def test_the_posts_status_file_summary(postal, demo_db, tmp_path) -> None:
    (code,) = ready_by_post(demo_db, 1)
    _window, page = postal()
    panel = page.delivery
    number = tracking(30000000)
    panel.ask_send()
    panel.dialog.take_scan(number)
    panel.dialog.ok.click()
    news = tmp_path / "trang_thai.csv"
    at = (NOW + timedelta(minutes=2)).strftime("%d/%m/%Y %H:%M")
    stranger = tracking(40000000)
    news.write_text(
        "Số hiệu;Trạng thái;Thời gian;Ghi chú\n"
        f"{number};Chuyển hoàn;{at};Không có người nhận\n"
        f"{stranger};Phát thành công;{at};\n"
    )
    panel.import_statuses(str(news))
    text = panel.last_import
    assert "Đã cập nhật 1 bưu gửi" in text and "0 không đổi" in text
    assert f"1 mã vận đơn không có ở đây: {stranger}" in text and panel.banner.kind == "warning"
    assert get_delivery(demo_db, code).status == "returned_to_center"
    shown = next(d for d in panel.deliveries.rows if d.code == code)
    assert shown.status == "returned_to_center"
    assert [r.code for r in panel.waiting.rows] == [code]  # back at the center: to send again

    broken = tmp_path / "hong.csv"
    broken.write_text(f"{number};Phát thành công\n")
    panel.import_statuses(str(broken))
    assert panel.banner.kind == "error" and "Không cập nhật gì" in panel.last_import


@offscreen_window
def test_in_transit_and_volumes(postal, demo_db) -> None:
    made = received(demo_db, 2)
    sent = datetime(2025, 3, 5, 9, 0, tzinfo=VN)  # eight days before the window's today
    batch = create_batch(demo_db, OFFICER, "to_department", made.department_code, at=sent)
    for code in made.codes:
        add_to_batch(demo_db, OFFICER, batch.id, code, at=sent)
    close_batch(demo_db, OFFICER, batch.id, handed_by="A", received_by="B", at=sent)

    _window, page = postal()
    _key(Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    views = page.views
    assert page.tabs.currentWidget() is views
    assert sorted(r.code for r in views.transit.rows) == sorted(made.codes)
    assert "quá 3 ngày: 2" in views.transit_title.text()
    row = views.transit.rows[0]
    assert row.batch_number == batch.number and row.days == 8
    views.days.setValue(10)
    assert views.transit.rowCount() == 0 and "quá 10 ngày: 0" in views.transit_title.text()

    (volume,) = views.volumes.rows
    assert (volume.month, volume.direction, volume.count) == ("2025-03", "to_department", 2)
    assert views.volumes.data(views.volumes.index(0, 0)) == "03/2025"
    assert views.chart.totals == {"2025-03": {"to_department": 2}}
    assert "2 hồ sơ" in views.volumes_title.text()
