"""Find and register, once, the serif TrueType family the A4 forms are set in (reportlab)."""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from counter_app.printing.errors import PrintingError

log = logging.getLogger(__name__)

STYLES = ("regular", "bold", "italic", "bold_italic")

# Every letter of Vietnamese, both cases: a family without all of them prints boxes
# (LESSONS.md, Printing). Debian's fonts-liberation 1.07 lacks ơ, ư and the dot-below letters.
_VI_LOWER = (
    "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
)
VIETNAMESE_LETTERS = _VI_LOWER + _VI_LOWER.upper()


@dataclass(frozen=True, slots=True)
class _Family:
    label: str
    scale: float  # font sizes are multiplied by this so a layout made for Times fits
    files: dict[str, tuple[str, ...]]  # style -> accepted file names (matched case-insensitively)


# In order of preference (DESIGN.md, Printing). DejaVu Serif is about 30% wider than Times.
_FAMILIES = (
    _Family(
        "Times New Roman",
        1.0,
        {
            "regular": ("times.ttf", "Times New Roman.ttf", "Times_New_Roman.ttf"),
            "bold": ("timesbd.ttf", "Times New Roman Bold.ttf", "Times_New_Roman_Bold.ttf"),
            "italic": ("timesi.ttf", "Times New Roman Italic.ttf", "Times_New_Roman_Italic.ttf"),
            "bold_italic": (
                "timesbi.ttf",
                "Times New Roman Bold Italic.ttf",
                "Times_New_Roman_Bold_Italic.ttf",
            ),
        },
    ),
    _Family(
        "Liberation Serif",
        1.0,
        {
            "regular": ("LiberationSerif-Regular.ttf",),
            "bold": ("LiberationSerif-Bold.ttf",),
            "italic": ("LiberationSerif-Italic.ttf",),
            "bold_italic": ("LiberationSerif-BoldItalic.ttf",),
        },
    ),
    _Family(
        "DejaVu Serif",
        0.82,
        {
            "regular": ("DejaVuSerif.ttf",),
            "bold": ("DejaVuSerif-Bold.ttf",),
            "italic": ("DejaVuSerif-Italic.ttf",),
            "bold_italic": ("DejaVuSerif-BoldItalic.ttf",),
        },
    ),
)

MISSING_FONTS_MESSAGE = (
    "Không tìm thấy phông chữ tiếng Việt để in biểu mẫu A4. Hãy cài Times New Roman, hoặc gói "
    "fonts-liberation2 (Debian/Ubuntu: sudo apt install fonts-liberation2; Fedora: "
    "liberation-serif-fonts). / No font with every Vietnamese letter was found for the A4 forms: "
    "install Times New Roman, or the fonts-liberation2 package."
)

FAMILY = "CounterSerif"  # the name forms use; <b> and <i> map to the faces below


@dataclass(frozen=True, slots=True)
class FormFonts:
    """The registered faces: pass `family` (or the face names) to reportlab styles."""

    label: str  # which family was found, e.g. "Times New Roman"
    scale: float  # multiply font sizes by this
    files: tuple[Path, ...]  # regular, bold, italic, bold italic (italics may repeat uprights)
    family: str = FAMILY
    regular: str = FAMILY
    bold: str = FAMILY + "-Bold"
    italic: str = FAMILY + "-Italic"
    bold_italic: str = FAMILY + "-BoldItalic"


def font_dirs() -> list[Path]:
    """Return the folders searched for fonts on this system (Windows, Linux, macOS)."""
    home = Path.home()
    dirs = [home / ".local/share/fonts", home / ".fonts"]
    if sys.platform == "win32":
        dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
        if local := os.environ.get("LOCALAPPDATA"):
            dirs.append(Path(local) / "Microsoft/Windows/Fonts")
    elif sys.platform == "darwin":
        dirs += [
            Path("/System/Library/Fonts/Supplemental"),
            Path("/Library/Fonts"),
            home / "Library/Fonts",
        ]
    else:
        dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts")]
    return dirs


def _index(dirs: Iterable[Path]) -> dict[str, list[Path]]:
    """Map each lower-cased file name under `dirs` to its paths, in the order found."""
    found: dict[str, list[Path]] = {}
    for root in dirs:
        for folder, subdirs, names in os.walk(root):
            subdirs.sort()  # truetype/liberation2 before truetype/liberation: deterministic
            for name in names:
                found.setdefault(name.lower(), []).append(Path(folder) / name)
    return found


def _covers_vietnamese(font: TTFont) -> bool:
    cmap = font.face.charToGlyph
    return all(ord(c) in cmap for c in VIETNAMESE_LETTERS)


def _load(index: dict[str, list[Path]], names: Sequence[str], face: str) -> TTFont | None:
    """Return the first of `names` that loads and has every Vietnamese letter, named `face`."""
    for name in names:
        for path in index.get(name.lower(), ()):
            try:
                font = TTFont(face, str(path))
            except (TTFError, OSError) as exc:
                log.warning("Skipping font %s: %s", path, exc)
                continue
            if _covers_vietnamese(font):
                return font
            log.info("Skipping font %s: it lacks Vietnamese letters", path)
    return None


def find_fonts(dirs: Sequence[Path] | None = None) -> tuple[FormFonts, list[TTFont]]:
    """Return the first usable family under `dirs` (default `font_dirs()`) and its four faces,
    not yet registered. A family needs a regular and a bold face with every Vietnamese letter;
    a missing italic face is replaced by the upright one (logged).

    Raises PrintingError (naming the package to install) when no family qualifies.
    """
    index = _index(font_dirs() if dirs is None else dirs)
    faces = FormFonts("", 1.0, ())
    names = {
        "regular": faces.regular,
        "bold": faces.bold,
        "italic": faces.italic,
        "bold_italic": faces.bold_italic,
    }
    for family in _FAMILIES:
        regular = _load(index, family.files["regular"], names["regular"])
        if regular is None:
            continue
        bold = _load(index, family.files["bold"], names["bold"])
        if bold is None:
            continue
        italic = _load(index, family.files["italic"], names["italic"])
        bold_italic = _load(index, family.files["bold_italic"], names["bold_italic"])
        if italic is None or bold_italic is None:
            log.warning("%s has no italic faces; italics print upright", family.label)
        italic = italic or TTFont(names["italic"], regular.face.filename)
        bold_italic = bold_italic or TTFont(names["bold_italic"], bold.face.filename)
        loaded = [regular, bold, italic, bold_italic]
        files = tuple(Path(f.face.filename) for f in loaded)
        return FormFonts(family.label, family.scale, files), loaded
    raise PrintingError(MISSING_FONTS_MESSAGE)


_lock = threading.Lock()
_registered: FormFonts | None = None


def form_fonts() -> FormFonts:
    """Return the form family, finding and registering it with reportlab on the first call
    (thread-safe; later calls are free). reportlab embeds a subset of each face used.

    Raises PrintingError when no font with every Vietnamese letter is installed.
    """
    global _registered
    if _registered is not None:
        return _registered
    with _lock:
        if _registered is None:
            fonts, loaded = find_fonts()
            for font in loaded:
                pdfmetrics.registerFont(font)
            # Explicit mapping, so that <b>, <i> and <b><i> in paragraphs pick the real faces.
            for bold, italic, face in (
                (0, 0, fonts.regular),
                (1, 0, fonts.bold),
                (0, 1, fonts.italic),
                (1, 1, fonts.bold_italic),
            ):
                addMapping(fonts.family, bold, italic, face)
            log.info("A4 forms use %s (%s)", fonts.label, ", ".join(map(str, fonts.files)))
            _registered = fonts
    return _registered
