"""Translations: Vietnamese is the source language of every `tr()`; English is a Qt Linguist file,
`resources/translations/counter_app_en.ts`, compiled to `.qm` with `pyside6-lrelease`.

A build step should compile it next to the `.ts` (see the report on this issue); until then, and
whenever the `.ts` is newer, it is compiled at start into the data folder. Qt's own dialogs get
Qt's translator (`qtbase_LANG`) when Qt ships one (Qt ships none for Vietnamese).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

import counter_app
from counter_app.config import data_dir
from counter_app.ui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

LANGUAGES = ("vi", "en")
SOURCE_LANGUAGE = "vi"
TRANSLATIONS = Path(counter_app.__file__).resolve().parent.parent / "resources" / "translations"


def ts_file(language: str) -> Path:
    return TRANSLATIONS / f"counter_app_{language}.ts"


def _lrelease() -> str | None:
    exe = "pyside6-lrelease" + (".exe" if sys.platform == "win32" else "")
    beside = Path(sys.executable).parent / exe  # the virtualenv's own, first
    return str(beside) if beside.exists() else shutil.which("pyside6-lrelease")


def compiled(language: str) -> Path | None:
    """Return an up-to-date `.qm` for `language`, compiling the `.ts` if needed; None if none."""
    ts = ts_file(language)
    if not ts.exists():
        return None
    for qm in (ts.with_suffix(".qm"), data_dir() / "translations" / f"{ts.stem}.qm"):
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            return qm
    tool = _lrelease()
    if tool is None:
        log.warning("pyside6-lrelease not found: the window stays in Vietnamese")
        return None
    qm.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            [tool, "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True, timeout=60
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("cannot compile %s: %s", ts, exc)
        return None
    return qm


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install our translation and Qt's for `language`; return them (to remove them later)."""
    language = language if language in LANGUAGES else SOURCE_LANGUAGE
    _set_locale(language)
    installed: list[QTranslator] = []
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    if language != SOURCE_LANGUAGE:
        qm = compiled(language)
        ours = QTranslator(app)
        if qm is not None and ours.load(str(qm)):
            app.installTranslator(ours)
            installed.append(ours)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Remove translators installed by `install_translators`; back to the source language."""
    for t in translators:
        app.removeTranslator(t)
    _set_locale(SOURCE_LANGUAGE)


def _set_locale(language: str) -> None:
    lang = QLocale.Language.English if language == "en" else QLocale.Language.Vietnamese
    QLocale.setDefault(QLocale(lang))
