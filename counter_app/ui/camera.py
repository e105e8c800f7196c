"""Reading a CCCD from the document camera: a small dialog with the camera's live view
(QCamera → QMediaCaptureSession → QVideoSink), a few frames a second decoded off the GUI thread
(`ctx.background`) until a card's QR parses; the payload then goes where a scanner's goes.

Qt Multimedia is loaded only here and only when first needed (`qt.multimedia()`): the window
starts without it, and a desk without a camera, or without the library, sees the action
disabled with the reason (`camera_problem`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import numpy as np

from counter_app.domain.cccd import parse_cccd
from counter_app.domain.errors import InvalidInput
from counter_app.services.cccd_image import read_cccd_frame
from counter_app.ui.qt import (
    QCoreApplication,
    QDialog,
    QElapsedTimer,
    QHBoxLayout,
    QImage,
    QLabel,
    QObject,
    QPixmap,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    multimedia,
)

if TYPE_CHECKING:
    from counter_app.ui.context import AppContext

DECODE_INTERVAL_MS = 300  # ~3 frames a second are decoded; the preview shows every frame
VIEW_SIZE = (640, 360)
_LIBRARY = re.compile(r"(lib[\w.+-]+\.so[\w.]*)")


def camera_problem() -> str:
    """Return why the document camera cannot be used at this desk, or "" when it can."""
    try:
        mm = multimedia()
    except ImportError as exc:
        found = _LIBRARY.search(str(exc))
        library = found.group(1) if found else str(exc)
        return QCoreApplication.translate(
            "CameraDialog",
            "Không dùng được camera: máy thiếu thư viện %1 của Qt Multimedia "
            "(quản trị viên chạy scripts/install-system-deps.sh).",
        ).replace("%1", library)
    if not mm.QMediaDevices.videoInputs():
        return QCoreApplication.translate(
            "CameraDialog", "Không dùng được camera: máy này chưa nối camera nào."
        )
    return ""


def frame_array(image: QImage) -> np.ndarray:
    """Return a camera frame as a gray uint8 array of shape (height, width).

    A copy: the frame's memory goes back to the camera once the frame is dropped."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    h, w, stride = gray.height(), gray.width(), gray.bytesPerLine()
    rows = np.frombuffer(gray.constBits(), np.uint8, count=stride * h).reshape(h, stride)
    return rows[:, :w].copy()


class CameraWatch(QObject):
    """Says whether the camera can be used, again whenever a camera is plugged in or out."""

    changed = Signal(str)  # camera_problem()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.problem = camera_problem()
        self._devices: Any = None
        try:
            self._devices = multimedia().QMediaDevices(self)
        except ImportError:
            return  # the library will not appear while the program runs
        self._devices.videoInputsChanged.connect(self._recheck)

    def _recheck(self) -> None:
        self.problem = camera_problem()
        self.changed.emit(self.problem)


class CameraDialog(QDialog):
    """The live view; emits `payload_read(text)` with the first CCCD QR that parses, and closes.

    Without a camera (or Qt Multimedia) it shows why, and `camera` is None."""

    payload_read = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Đọc CCCD bằng camera"))
        self.setModal(True)
        self.decoding = False  # a frame is being decoded: the next ones are only shown
        self.payload = ""
        self.interval_ms = DECODE_INTERVAL_MS
        self._since = QElapsedTimer()
        self.view = QLabel(objectName="cameraView")
        self.view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.setMinimumSize(*VIEW_SIZE)
        self.view.setWordWrap(True)
        self.view.setStyleSheet("QLabel#cameraView { background: #1f2933; color: #e4e7eb; }")
        self.hint = QLabel(
            self.tr("Đưa mã QR trên thẻ CCCD vào giữa khung hình và giữ yên; đọc được là tự điền.")
        )
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        close = QPushButton(self.tr("Đóng (Esc)"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 16, 20, 16)
        lay.setSpacing(10)
        lay.addWidget(QLabel(self.windowTitle(), objectName="cardTitle"))
        lay.addWidget(self.view, 1)
        lay.addWidget(self.hint)
        lay.addLayout(buttons)

        self.camera: Any = None
        self.problem = camera_problem()
        if self.problem:
            self.view.setText(self.problem)
            self.hint.setText(self.tr("Đọc mã QR từ ảnh (Ctrl+O) hoặc nhập tay các thông tin."))
            return
        mm = multimedia()
        self.camera = mm.QCamera(mm.QMediaDevices.defaultVideoInput(), self)
        self.session = mm.QMediaCaptureSession(self)
        self.sink = mm.QVideoSink(self)
        self.session.setCamera(self.camera)
        self.session.setVideoSink(self.sink)
        # A bound method of this (GUI-thread) object: frames arrive queued, on the GUI thread.
        self.sink.videoFrameChanged.connect(self.show_frame)
        self.camera.errorOccurred.connect(self._camera_failed)
        self.view.setText(self.tr("Đang mở camera…"))

    # --- life ------------------------------------------------------------------------------

    def open(self) -> None:
        super().open()
        if self.camera is not None:
            self._since.start()
            self.camera.start()

    def done(self, result: int) -> None:
        if self.camera is not None:
            self.camera.stop()
        super().done(result)

    def _camera_failed(self, _error: Any, text: str) -> None:
        self.view.setText(self.tr("Camera báo lỗi: %1").replace("%1", text or "?"))

    # --- frames ----------------------------------------------------------------------------

    def show_frame(self, frame: Any) -> None:
        """Show a frame; every `interval_ms`, if none is being decoded, decode it too."""
        image: QImage = frame.toImage()
        if image.isNull():
            return
        self.view.setPixmap(
            QPixmap.fromImage(image).scaled(
                self.view.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.FastTransformation,
            )
        )
        self.take_image(image)

    def take_image(self, image: QImage) -> None:
        """Decode `image` off the GUI thread, unless one is being decoded or it is too soon."""
        if (
            self.decoding
            or self.payload
            or (self._since.isValid() and self._since.elapsed() < self.interval_ms)
        ):
            return
        self.decoding = True
        self._since.start()
        self.ctx.background(
            read_cccd_frame,
            frame_array(image),
            on_success=self._decoded,
            on_error=self._failed,
            owner=self,
        )

    def _decoded(self, payload: str | None) -> None:
        self.decoding = False
        if payload is None or self.payload:
            return
        try:
            parse_cccd(payload, today=self.ctx.now_local().date())
        except InvalidInput as exc:
            # A QR with '|' that is not a card's, or a card with a field it cannot take: say it,
            # and keep looking (the officer may show another card).
            self.hint.setText(exc.message)
            return
        self.payload = payload
        self.accept()
        self.payload_read.emit(payload)

    def _failed(self, exc: BaseException) -> None:
        self.decoding = False
        self.ctx.show_error(exc)
        self.reject()  # no barcode engine here: every frame would fail the same way
