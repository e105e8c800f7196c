"""Qt names the intake page needs beyond those `counter_app.ui.qt` re-exports.

Kept in a module of their own while other pages are written alongside (one file each to
edit); fold them into `counter_app/ui/qt.py`, the one place that imports Qt, when merging.
"""

# ruff: noqa: F401
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QPlainTextEdit,
    QSpinBox,
)

__all__ = [name for name in dir() if not name.startswith("_")]
