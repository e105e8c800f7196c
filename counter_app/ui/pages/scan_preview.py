"""Pages shown large: the preview label of the workspace, and a stored PDF shown in a dialog (its
first pages rendered with PDFium, testable offscreen) with a button to open the whole file with
the system's PDF viewer."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PIL import Image

from counter_app.ui.pages.scan_model import to_qimage
from counter_app.ui.qt import (
    QDesktopServices,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPixmap,
    QPushButton,
    QScrollArea,
    QSize,
    QSizePolicy,
    Qt,
    QUrl,
    QVBoxLayout,
    QWidget,
)

SHOWN_PAGES = 20
PAGE_WIDTH = 760
PREVIEW_WIDTH = 900  # pixels: rendered once this wide, then scaled to the label


class PreviewLabel(QLabel):
    """A page shown as large as the label allows, refitted whenever the label is resized."""

    def __init__(self, text: str) -> None:
        super().__init__(text, objectName="muted")
        self.page = QPixmap()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The pixmap follows the label's size, never the other way round.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    def show_page(self, page: QPixmap) -> None:
        self.page = page
        self._fit()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self.page.isNull():
            return
        size = self.size() - QSize(8, 8)
        mode = Qt.TransformationMode.SmoothTransformation
        self.setPixmap(self.page.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, mode))


class PdfPreviewDialog(QDialog):
    def __init__(
        self,
        title: str,
        pages: list[Image.Image],
        data: bytes,
        total: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.data = data
        self.page_labels: list[QLabel] = []
        body = QWidget()
        body_lay = QVBoxLayout(body)
        body_lay.setSpacing(12)
        for image in pages:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(to_qimage(image)))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            body_lay.addWidget(label)
            self.page_labels.append(label)
        if total is not None and total > len(pages):
            more = self.tr(
                "… và %n trang nữa: mở bằng trình xem PDF để xem hết.", "", total - len(pages)
            )
            body_lay.addWidget(QLabel(more, objectName="muted"))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox()
        self.open_button = QPushButton(self.tr("Mở bằng trình xem PDF"))
        self.open_button.clicked.connect(self.open_external)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(title, objectName="sectionTitle"))
        lay.addWidget(scroll, 1)
        lay.addWidget(buttons)
        self.resize(PAGE_WIDTH + 80, 860)

    def open_external(self) -> Path:
        """Write a copy named .pdf (stored files are named by their hash) and open it with the
        system's viewer; return the copy's path."""
        folder = Path(tempfile.mkdtemp(prefix="counter-app-view-"))
        path = folder / "ban-quet.pdf"
        path.write_bytes(self.data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path
