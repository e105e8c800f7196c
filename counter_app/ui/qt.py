"""The one place that imports Qt: every other module takes its Qt names from here.

Re-exporting (as qutebrowser and Anki do) keeps a Qt upgrade or a binding change to one file.
"""

# ruff: noqa: F401
from types import ModuleType as _ModuleType

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QDateTime,
    QElapsedTimer,
    QEvent,
    QLibraryInfo,
    QLocale,
    QLoggingCategory,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    QTranslator,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QCloseEvent,
    QColor,
    QDesktopServices,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QImage,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
    QScreen,
    QShowEvent,
    QTransform,
    QWindow,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStatusBar,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid


def multimedia() -> _ModuleType:
    """Return `PySide6.QtMultimedia` (QCamera, QMediaCaptureSession, QVideoSink, QMediaDevices),
    imported on first use only: just the document camera needs it, and on Linux it links
    libpulse.so.0 (scripts/install-system-deps.sh), so the window must start without it.

    Raises ImportError when it cannot be loaded."""
    # Qt probes optional libraries (PipeWire, VA-API hardware decoding) and warns for each one
    # missing; a camera preview needs none of them. And it announces its FFmpeg version.
    QLoggingCategory.setFilterRules(
        "qt.multimedia.symbolsresolver.warning=false\nqt.multimedia.ffmpeg.info=false"
    )
    from PySide6 import QtMultimedia

    return QtMultimedia


def text_to_speech() -> _ModuleType:
    """Return `PySide6.QtTextToSpeech` (QTextToSpeech), imported on first use only: just the
    hall display speaks, and on Linux it links libpulse.so.0 and talks to speech-dispatcher.

    Raises ImportError when it cannot be loaded."""
    from PySide6 import QtTextToSpeech

    return QtTextToSpeech


__all__ = [name for name in dir() if not name.startswith("_")]
