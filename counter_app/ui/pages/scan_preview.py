"""A stored PDF shown in the window: its first pages rendered with PDFium (testable offscreen),
and a button to open the whole file with the system's PDF viewer."""

from __future__ import annotations

import tempfile
from pathlib import Path

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
    Qt,
    QUrl,
    QVBoxLayout,
    QWidget,
)

SHOWN_PAGES = 20
PAGE_WIDTH = 760


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
