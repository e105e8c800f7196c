"""Qt names the dossier view, the returns page and the rating windows need beyond those
`counter_app.ui.qt` re-exports.

Kept in a module of their own while other pages are written alongside (one file each to edit);
fold them into `counter_app/ui/qt.py`, the one place that imports Qt, when merging.
"""

# ruff: noqa: F401
from PySide6.QtCore import QDateTime, QUrl
from PySide6.QtGui import QDesktopServices, QScreen
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QRadioButton,
)

__all__ = [name for name in dir() if not name.startswith("_")]
