"""The pieces of the hall display: the style sheet scaled to the screen, a desk tile ("A023 →
Quầy 5"), a service's waiting row. Read from across a hall: big, high-contrast, few words."""

from __future__ import annotations

from counter_app.ui.qt import QFrame, QHBoxLayout, QLabel, QSizePolicy, Qt, QWidget

GROUND = "#0b1d30"
PANEL = "#13304f"
PANEL_LINE = "#24507d"
TEXT = "#ffffff"
SOFT = "#b9c9da"
NUMBER = "#ffd23f"  # ticket numbers: amber on navy
FLASH = "#ffd23f"
FLASH_TEXT = "#0b1d30"
DESK = "#7fd1ff"


def style_sheet(width: int, height: int) -> str:
    """Return the display's style sheet for a window of `width` x `height` pixels (designed at
    1920x1080; a narrower or lower screen scales everything down by the tighter side)."""
    scale = min(width / 1920, height / 1080)

    def px(n: float) -> int:
        return max(8, round(n * scale))

    return f"""
    QWidget#hall {{ background: {GROUND}; }}
    QLabel {{ color: {TEXT}; background: transparent; }}
    QFrame#hallHeader {{ background: {PANEL}; border-bottom: {px(4)}px solid {NUMBER}; }}
    QLabel#hallCenter {{ font-size: {px(40)}px; font-weight: 700; }}
    QLabel#hallClock {{ font-size: {px(48)}px; font-weight: 700; }}
    QLabel#hallDate {{ font-size: {px(24)}px; color: {SOFT}; }}
    QLabel#hallTitle {{ font-size: {px(34)}px; font-weight: 700; color: {SOFT}; }}
    QFrame#hallCall {{ background: {PANEL}; border: {px(3)}px solid {PANEL_LINE};
                       border-radius: {px(18)}px; }}
    QFrame#hallCall[flash="true"] {{ background: {FLASH}; border-color: {TEXT}; }}
    QLabel#callLead {{ font-size: {px(44)}px; color: {SOFT}; }}
    QLabel#callTicket {{ font-size: {px(210)}px; font-weight: 800; color: {NUMBER}; }}
    QLabel#callDesk {{ font-size: {px(100)}px; font-weight: 800; color: {DESK}; }}
    QFrame#hallCall[flash="true"] QLabel {{ color: {FLASH_TEXT}; }}
    QLabel#callNone {{ font-size: {px(60)}px; color: {SOFT}; }}
    QFrame#deskTile {{ background: {PANEL}; border-radius: {px(12)}px;
                       border: {px(2)}px solid {PANEL_LINE}; }}
    QFrame#deskTile[fresh="true"] {{ border: {px(5)}px solid {NUMBER}; }}
    QLabel#tileTicket {{ font-size: {px(58)}px; font-weight: 800; color: {NUMBER}; }}
    QLabel#tileArrow {{ font-size: {px(40)}px; color: {SOFT}; }}
    QLabel#tileDesk {{ font-size: {px(50)}px; font-weight: 700; color: {DESK}; }}
    QFrame#deskTile[cols="3"] QLabel#tileTicket {{ font-size: {px(52)}px; }}
    QFrame#deskTile[cols="3"] QLabel#tileDesk {{ font-size: {px(44)}px; }}
    QFrame#deskTile[cols="4"] QLabel#tileTicket {{ font-size: {px(42)}px; }}
    QFrame#deskTile[cols="4"] QLabel#tileArrow {{ font-size: {px(26)}px; }}
    QFrame#deskTile[cols="4"] QLabel#tileDesk {{ font-size: {px(32)}px; }}
    QFrame#serviceRow {{ background: {PANEL}; border-radius: {px(12)}px;
                         min-height: {px(76)}px; }}
    QLabel#serviceCode {{ font-size: {px(54)}px; font-weight: 800; color: {NUMBER};
                          min-width: {px(70)}px; }}
    QLabel#serviceName {{ font-size: {px(26)}px; }}
    QLabel#serviceWaiting {{ font-size: {px(56)}px; font-weight: 800; min-width: {px(90)}px; }}
    QLabel#recent {{ font-size: {px(38)}px; color: {SOFT}; }}
    QLabel#hallStatus {{ font-size: {px(20)}px; color: {SOFT}; }}
    """


def _label(text: str, name: str, align: Qt.AlignmentFlag | None = None) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    if align is not None:
        label.setAlignment(align)
    return label


def repolish(widget: QWidget) -> None:
    """Apply a changed dynamic property (flash, fresh) to `widget` and its labels."""
    for w in (widget, *widget.findChildren(QLabel)):
        w.style().unpolish(w)
        w.style().polish(w)


class DeskTile(QFrame):
    """One desk serving a ticket: "A023 → Quầy 5"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskTile")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 0, 10, 0)
        row.setSpacing(4)
        self.ticket = _label("", "tileTicket")
        self.arrow = _label("→", "tileArrow", Qt.AlignmentFlag.AlignCenter)
        self.desk = _label(
            "", "tileDesk", Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        row.addWidget(self.ticket, 1)
        row.addWidget(self.arrow)
        row.addWidget(self.desk, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_desk(self, ticket: str, desk: str, fresh: bool, columns: int) -> None:
        self.ticket.setText(ticket)
        self.desk.setText(desk)
        if bool(self.property("fresh")) != fresh or self.property("cols") != str(columns):
            self.setProperty("fresh", fresh)
            self.setProperty("cols", str(columns))  # fewer columns, bigger letters
            self.arrow.setVisible(columns < 4)  # four to a row: every pixel for the two numbers
            repolish(self)


class ServiceRow(QFrame):
    """One queue service: its letter, its name, how many wait."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serviceRow")
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 4, 16, 4)
        self.code = _label("", "serviceCode", Qt.AlignmentFlag.AlignCenter)
        self.name = _label("", "serviceName")
        self.name.setWordWrap(True)
        self.name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.waiting = _label(
            "", "serviceWaiting", Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        row.addWidget(self.code)
        row.addWidget(self.name, 1)
        row.addWidget(self.waiting)

    def show_service(self, code: str, name: str, waiting: int) -> None:
        self.code.setText(code)
        self.name.setText(name)
        self.waiting.setText(str(waiting))
