"""A CCCD read from a document camera's frame: real pixels of a real QR code on a card, askew,
blurred and noisy, as gray, RGB or RGBA arrays; frames without a card's QR give None."""

from __future__ import annotations

import numpy as np
import pytest
from camera_frames import camera_frame
from PIL import Image

from counter_app.domain.cccd import parse_cccd
from counter_app.services.cccd_image import read_cccd_frame

CCCD = (
    "020195004321|123456789|Hoàng Thị Ánh Tuyết|01021995|Nữ|"
    "Số 12 đường Lê Lợi, phường Vĩnh Trại, thành phố Lạng Sơn|15082021"
)


@pytest.mark.parametrize("angle", [-9.0, 0.0, 7.0])
def test_a_card_askew_on_a_noisy_frame_is_read(angle) -> None:
    frame = camera_frame(CCCD, angle=angle)
    payload = read_cccd_frame(frame)
    assert payload == CCCD
    assert parse_cccd(payload).full_name == "Hoàng Thị Ánh Tuyết"


def test_gray_rgba_and_picture_frames() -> None:
    rgb = camera_frame(CCCD, seed=9)
    gray = rgb.mean(axis=2).astype(np.uint8)
    rgba = np.dstack([rgb, np.full(rgb.shape[:2], 255, np.uint8)])
    assert read_cccd_frame(gray) == CCCD
    assert read_cccd_frame(rgba) == CCCD
    assert read_cccd_frame(Image.fromarray(rgb)) == CCCD
    big = np.asarray(Image.fromarray(rgb).resize((2560, 1440)))  # scaled down before decoding
    assert read_cccd_frame(big) == CCCD


def test_frames_without_a_card_qr_give_none() -> None:
    assert read_cccd_frame(camera_frame(None)) is None
    assert read_cccd_frame(camera_frame("https://dichvucong.gov.vn")) is None  # not a card's


@pytest.mark.parametrize(
    "frame",
    [np.zeros((10, 10), np.float32), np.zeros((10, 10, 2), np.uint8), np.zeros(10, np.uint8)],
)
def test_not_a_frame_is_a_value_error(frame) -> None:
    with pytest.raises(ValueError, match="camera frame"):
        read_cccd_frame(frame)
