"""The window's look: a font with every Vietnamese letter, a calm palette, one style sheet.

Colours are few on purpose: a deep blue for the frame and the main action, grey text, white
cards on a light grey ground; red, amber and green only to mean overdue, due soon and done.
"""

from __future__ import annotations

from counter_app.ui.qt import QApplication, QColor, QFont, QFontDatabase, QFontMetrics, QPalette

# Every Vietnamese letter (both cases): a family lacking one shows a box or a fallback glyph.
_VI_LOWER = (
    "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
)
VIETNAMESE_LETTERS = _VI_LOWER + _VI_LOWER.upper()
# In order of preference: Windows, then common Linux families (DejaVu has them all; Debian's
# old Liberation 1.07 lacks ơ, ư and the dot-below letters, hence the glyph check).
FONT_FAMILIES = ("Segoe UI", "Noto Sans", "Roboto", "Arial", "Liberation Sans", "DejaVu Sans")
FONT_POINTS = 10

INK = "#1f2933"
MUTED = "#5b6675"
LINE = "#d9dee5"
GROUND = "#f2f4f7"
CARD = "#ffffff"
FRAME = "#17324d"  # header and navigation
FRAME_TEXT = "#e6edf5"
ACCENT = "#1d5fa7"
ACCENT_DARK = "#164b85"
DANGER, DANGER_BG = "#b42318", "#fde8e6"
WARN, WARN_BG = "#8a4b00", "#fdf0cd"
OK, OK_BG = "#067647", "#dcf5e6"
INFO, INFO_BG = "#1d4f91", "#e3ecfa"


def has_vietnamese(family: str) -> bool:
    """Return whether the font `family` itself has a glyph for every Vietnamese letter."""
    metrics = QFontMetrics(QFont(family))
    return all(metrics.inFontUcs4(ord(ch)) for ch in VIETNAMESE_LETTERS)


def pick_font_family() -> str | None:
    """Return the first preferred family installed with all Vietnamese letters, else None."""
    installed = set(QFontDatabase.families())
    for family in FONT_FAMILIES:
        if family in installed and has_vietnamese(family):
            return family
    return None


def apply_theme(app: QApplication) -> None:
    """Set the application's style, font, palette and style sheet."""
    app.setStyle("Fusion")
    family = pick_font_family()
    font = QFont(family) if family else app.font()
    font.setPointSize(FONT_POINTS)
    app.setFont(font)
    palette = app.palette()
    for role, colour in (
        (QPalette.ColorRole.Window, GROUND),
        (QPalette.ColorRole.Base, CARD),
        (QPalette.ColorRole.AlternateBase, "#f7f9fb"),
        (QPalette.ColorRole.Text, INK),
        (QPalette.ColorRole.WindowText, INK),
        (QPalette.ColorRole.ButtonText, INK),
        (QPalette.ColorRole.Button, "#eef1f5"),
        (QPalette.ColorRole.Highlight, ACCENT),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.PlaceholderText, "#8a94a3"),
        (QPalette.ColorRole.ToolTipBase, CARD),
        (QPalette.ColorRole.ToolTipText, INK),
    ):
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
    app.setStyleSheet(STYLE_SHEET)


STYLE_SHEET = f"""
QMainWindow, #shell, #screen {{ background: {GROUND}; }}
QToolTip {{ color: {INK}; background: {CARD}; border: 1px solid {LINE}; padding: 4px; }}

#header {{ background: {FRAME}; }}
#header QLabel {{ color: {FRAME_TEXT}; }}
#centerName {{ font-size: 10pt; color: #b8c7d9; }}
#pageTitle {{ font-size: 15pt; font-weight: 600; color: #ffffff; }}
#userButton {{
    color: #ffffff; background: transparent; border: 1px solid #3b5a7a; border-radius: 6px;
    padding: 6px 12px;
}}
#userButton:hover {{ background: #234566; }}
#userButton::menu-indicator {{ image: none; width: 0; }}

#nav {{ background: {FRAME}; border-top: 1px solid #24476a; }}
#navButton {{
    color: {FRAME_TEXT}; background: transparent; border: none; border-radius: 6px;
    text-align: left; padding: 10px 12px; margin: 0;
}}
#navButton:hover {{ background: #21415f; }}
#navButton:checked {{ background: {ACCENT}; color: #ffffff; font-weight: 600; }}
#navKey {{ color: #8fa6bf; font-size: 9pt; }}
#navHint {{ color: #8fa6bf; font-size: 9pt; }}

#card {{ background: {CARD}; border: 1px solid {LINE}; border-radius: 10px; }}
#cardTitle {{ font-size: 13pt; font-weight: 600; }}
#sectionTitle {{ font-size: 10pt; font-weight: 600; color: {MUTED}; }}
#muted {{ color: {MUTED}; }}
#fieldLabel {{ color: {MUTED}; }}
#bigCode {{ font-size: 14pt; font-weight: 600; }}
#formError {{ color: {DANGER}; }}

QLineEdit, QComboBox {{
    background: {CARD}; border: 1px solid #c5ccd6; border-radius: 6px; padding: 7px 9px;
    selection-background-color: {ACCENT};
}}
QLineEdit:focus, QComboBox:focus {{ border: 2px solid {ACCENT}; padding: 6px 8px; }}
QLineEdit:disabled {{ background: #eef1f5; color: {MUTED}; }}
QComboBox::drop-down {{ border: none; width: 28px; }}  /* widgets.ComboBox draws the chevron */
QComboBox::down-arrow {{ image: none; }}
QComboBox QAbstractItemView {{
    background: {CARD}; border: 1px solid {LINE}; selection-background-color: #dbe8f7;
    selection-color: {INK}; outline: none;
}}

QPushButton {{
    background: {CARD}; border: 1px solid #c5ccd6; border-radius: 6px; padding: 7px 16px;
}}
QPushButton:hover {{ background: #f4f6f9; }}
QPushButton:focus {{ border: 2px solid {ACCENT}; padding: 6px 15px; }}
QPushButton#primary {{
    background: {ACCENT}; color: #ffffff; border: 1px solid {ACCENT_DARK}; font-weight: 600;
}}
QPushButton#primary:hover {{ background: {ACCENT_DARK}; }}
QPushButton#primary:disabled {{ background: #8fb0d6; border-color: #8fb0d6; }}
QPushButton#link {{ background: transparent; border: none; color: {ACCENT}; padding: 4px 0; }}
QPushButton#link:hover {{ text-decoration: underline; }}
QPushButton#link:disabled {{ color: #9aa5b1; text-decoration: none; }}

QTableView {{
    background: {CARD}; border: 1px solid {LINE}; border-radius: 8px; gridline-color: #edf0f3;
    selection-background-color: #dbe8f7; selection-color: {INK};
}}
QTableView::item {{ padding: 4px 8px; }}
QHeaderView::section {{
    background: #f7f9fb; color: {MUTED}; border: none; border-bottom: 1px solid {LINE};
    padding: 7px 8px; font-weight: 600;
}}
QScrollArea {{ background: transparent; border: none; }}
QScrollBar:vertical {{ background: transparent; width: 10px; margin: 4px 2px; }}
QScrollBar::handle:vertical {{ background: #c3cad3; border-radius: 3px; min-height: 32px; }}
QScrollBar::handle:vertical:hover {{ background: #a9b2bd; }}
QScrollBar:horizontal {{ background: transparent; height: 10px; margin: 2px 4px; }}
QScrollBar::handle:horizontal {{ background: #c3cad3; border-radius: 3px; min-width: 32px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
QSplitter::handle {{ background: transparent; }}

QStatusBar {{ background: {CARD}; border-top: 1px solid {LINE}; color: {MUTED}; }}
QStatusBar::item {{ border: none; }}
#statusItem {{ color: {MUTED}; padding: 0 10px; border-left: 1px solid {LINE}; }}
#statusUser {{ color: {INK}; font-weight: 600; padding: 0 10px 0 4px; }}
#statusClock {{ color: {INK}; padding: 0 6px 0 12px; border-left: 1px solid {LINE}; }}
#statusButton {{ color: {INK}; background: {CARD}; border: 1px solid {LINE}; border-radius: 5px;
    padding: 1px 20px 1px 8px; margin: 2px 4px; }}
#statusButton:hover {{ background: {GROUND}; }}
#statusButton::menu-indicator {{ subcontrol-origin: padding; subcontrol-position: right center;
    right: 6px; }}

#messageBar[kind="error"] {{ background: {DANGER_BG}; border: 1px solid #f4b4ad; }}
#messageBar[kind="warning"] {{ background: {WARN_BG}; border: 1px solid #ecd08a; }}
#messageBar[kind="success"] {{ background: {OK_BG}; border: 1px solid #a6dfbd; }}
#messageBar[kind="info"] {{ background: {INFO_BG}; border: 1px solid #b6cbeb; }}
#messageBar {{ border-radius: 8px; }}
#messageText {{ color: {INK}; }}
#messageClose {{ background: transparent; border: none; padding: 2px 8px; font-size: 12pt; }}

#badge[kind="overdue"] {{ background: {DANGER_BG}; color: {DANGER}; }}
#badge[kind="due_soon"] {{ background: {WARN_BG}; color: {WARN}; }}
#badge[kind="on_time"] {{ background: {OK_BG}; color: {OK}; }}
#badge[kind="paused"] {{ background: #eceff3; color: {MUTED}; }}
#badge[kind="finished"] {{ background: #eceff3; color: {MUTED}; }}
#badge[kind="status"] {{ background: {INFO_BG}; color: {INFO}; }}
#badge {{ border-radius: 10px; padding: 3px 10px; font-weight: 600; }}

#overlay {{ background: rgba(15, 30, 45, 150); }}
#helpKey {{
    font-family: monospace; background: #eef1f5; border: 1px solid {LINE}; border-radius: 4px;
    padding: 2px 6px;
}}
#timelineTime {{ color: {MUTED}; }}
#emptyMark {{
    background: {OK_BG}; color: {OK}; border-radius: 32px; font-size: 22pt; font-weight: 600;
}}
#emptyTitle {{ font-size: 12pt; font-weight: 600; }}
#timelineDot {{ color: {ACCENT}; }}
"""
