"""The document camera on the intake page: a camera frame (a QImage) decoded to a CCCD that fills
the applicant as a scanner's payload does; with no camera (this machine, Qt offscreen) or without
Qt Multimedia, the action is disabled and says why."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from test_gui_intake import CCCD, intake_page

from counter_app.services.cccd_image import read_cccd_frame
from counter_app.ui import camera
from counter_app.ui.camera import CameraDialog, camera_problem, frame_array
from counter_app.ui.qt import QImage

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))
from camera_frames import camera_frame

offscreen_dialog = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
NO_CAMERA = "Không dùng được camera: máy này chưa nối camera nào."


def _qimage(rgb: np.ndarray) -> QImage:
    """The frame as a camera hands it over: 32-bit RGB (a copy that owns its pixels)."""
    h, w, _ = rgb.shape
    image = QImage(rgb.tobytes(), w, h, 3 * w, QImage.Format.Format_RGB888)
    return image.convertToFormat(QImage.Format.Format_RGB32)


def test_a_camera_qimage_decodes_to_the_card(qapp) -> None:
    image = _qimage(camera_frame(CCCD, angle=-6.0))
    gray = frame_array(image)
    assert gray.shape == (720, 1280) and gray.dtype == np.uint8
    assert read_cccd_frame(gray) == CCCD
    odd = image.copy(0, 0, 1277, 719)  # a width whose rows are padded in memory
    assert frame_array(odd).shape == (719, 1277)


def test_no_camera_disables_the_action_and_says_why(signed_in) -> None:
    assert camera_problem() == NO_CAMERA  # QMediaDevices.videoInputs() is empty here
    page = intake_page(signed_in("canbo1"))
    button = page.applicant.camera_button
    assert button.text() == "Chụp từ camera…" and button.isVisibleTo(page)
    assert not button.isEnabled() and button.toolTip() == NO_CAMERA
    assert not page.camera_action.isEnabled()
    page.read_qr_camera()  # asked anyway (the menu of F1 lists it): said, no dialog
    assert page.dialog is None
    assert NO_CAMERA in page.window().shell.bar.text()


@offscreen_dialog
def test_the_dialog_without_a_camera_shows_the_reason(signed_in) -> None:
    window = signed_in("canbo1")
    dialog = CameraDialog(window.ctx, intake_page(window))
    dialog.open()
    assert dialog.camera is None and dialog.problem == NO_CAMERA
    assert dialog.view.text() == NO_CAMERA
    assert "Ctrl+O" in dialog.hint.text()
    dialog.reject()
    assert not dialog.isVisible()


def test_missing_qt_multimedia_is_a_reason_not_a_crash(monkeypatch) -> None:
    def broken() -> None:
        raise ImportError("libpulse.so.0: cannot open shared object file: No such file")

    monkeypatch.setattr(camera, "multimedia", broken)
    assert "libpulse.so.0" in camera_problem()
    assert camera.CameraWatch().problem == camera_problem()


@offscreen_dialog
def test_a_frame_read_fills_the_applicant_like_a_scan(signed_in) -> None:
    window = signed_in("canbo1")
    page = intake_page(window)
    dialog = CameraDialog(window.ctx, page)
    read: list[str] = []
    dialog.payload_read.connect(read.append)
    dialog.payload_read.connect(page.take_cccd)  # as read_qr_camera connects it
    dialog.open()
    dialog.interval_ms = 60_000  # "too soon" below must not depend on this machine's speed

    dialog.take_image(_qimage(camera_frame(None)))  # the desk, no card yet: keeps looking
    assert read == [] and dialog.isVisible() and not dialog.decoding
    dialog.take_image(_qimage(camera_frame(CCCD)))  # too soon after: shown, not decoded
    assert read == []
    dialog.interval_ms = 0  # from here every frame is decoded
    not_a_card = "0201|x|y|z"  # '|' but not a card's fields: said, keeps looking
    dialog.take_image(_qimage(camera_frame(not_a_card)))
    assert read == [] and dialog.isVisible()
    assert dialog.hint.text().startswith("Mã QR CCCD không hợp lệ")

    dialog.take_image(_qimage(camera_frame(CCCD, angle=5.0)))  # the inline worker answers now
    assert read == [CCCD] and not dialog.isVisible()
    a = page.applicant
    assert a.full_name.text() == "Hoàng Thị Ánh Tuyết" and a.id_number.text() == "020195004321"
    assert a.birth_date.text() == "01/02/1995" and a.gender.currentData() == "Nữ"
    assert a.address.text().startswith("Số 12 đường Lê Lợi")
    assert "Đã đọc CCCD của Hoàng Thị Ánh Tuyết." in window.shell.bar.text()
