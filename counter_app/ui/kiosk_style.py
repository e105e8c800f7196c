"""The kiosk's look: big, high-contrast, touch-sized, scaled to the screen it runs on.

Sizes are given for a 1920x1080 screen and scaled (a 1366x768 kiosk gets ~0.71 of each), so
one style fits the common kiosk screens without scrolling.
"""

from __future__ import annotations

from counter_app.ui import theme

BASE_W, BASE_H = 1920, 1080
# One colour per service letter, so a citizen can tell the cards (and later the hall display's
# columns) apart at a glance; all dark enough for white text.
LETTER_COLOURS = ("#1d5fa7", "#0f766e", "#7c3aed", "#b45309", "#be123c", "#4d7c0f")
PRIORITY_COLOUR, PRIORITY_BG = "#9a3412", "#ffedd5"


def scale_for(width: int, height: int) -> float:
    """Return the factor of the base sizes for a window of this size (0.5 to 1.5)."""
    factor = min(width / BASE_W, height / BASE_H)
    return max(0.5, min(1.5, round(factor * 20) / 20))


def letter_colour(index: int) -> str:
    return LETTER_COLOURS[index % len(LETTER_COLOURS)]


def px(value: float, scale: float) -> int:
    return max(1, round(value * scale))


def kiosk_style(scale: float) -> str:
    """Return the kiosk's style sheet at `scale`."""

    def s(value: float) -> int:
        return px(value, scale)

    return f"""
#kiosk {{ background: {theme.GROUND}; }}
#kioskHeader {{ background: {theme.FRAME}; }}
#kioskCenter {{ color: #ffffff; font-size: {s(26)}px; font-weight: 700; }}
#kioskAgency {{ color: {theme.FRAME_TEXT}; font-size: {s(18)}px; }}
#kioskClock {{ color: #ffffff; font-size: {s(40)}px; font-weight: 700; }}
#kioskDate {{ color: {theme.FRAME_TEXT}; font-size: {s(18)}px; }}
#kioskTitle {{ color: {theme.FRAME}; font-size: {s(44)}px; font-weight: 700; }}
#kioskHint {{ color: {theme.MUTED}; font-size: {s(24)}px; }}
#kioskFooter {{ color: {theme.MUTED}; font-size: {s(18)}px; }}
#kioskError {{
    color: {theme.DANGER}; background: {theme.DANGER_BG}; font-size: {s(24)}px;
    border-radius: {s(12)}px; padding: {s(14)}px;
}}
#serviceCard {{
    background: {theme.CARD}; border: {s(2)}px solid {theme.LINE}; border-radius: {s(22)}px;
    text-align: left;
}}
#serviceCard:pressed {{ background: {theme.INFO_BG}; border-color: {theme.ACCENT}; }}
#serviceCard:disabled {{ background: #f7f8fa; }}
#serviceLetter {{
    color: #ffffff; font-size: {s(84)}px; font-weight: 800; border-radius: {s(18)}px;
    min-width: {s(150)}px; max-width: {s(150)}px; min-height: {s(150)}px;
    max-height: {s(150)}px;
}}
#serviceName {{ color: {theme.INK}; font-size: {s(32)}px; font-weight: 700; }}
#serviceWaiting {{ color: {theme.MUTED}; font-size: {s(22)}px; }}
#priorityToggle, #priorityChoice {{
    background: {theme.CARD}; color: {PRIORITY_COLOUR}; font-size: {s(28)}px;
    font-weight: 700; border: {s(3)}px solid {PRIORITY_COLOUR}; border-radius: {s(20)}px;
    padding: {s(18)}px {s(30)}px;
}}
#priorityToggle:pressed, #priorityChoice:pressed {{ background: {PRIORITY_BG}; }}
#priorityToggle[chosen="true"] {{ background: {PRIORITY_BG}; }}
#priorityChoice {{ font-size: {s(38)}px; padding: {s(30)}px; }}
#kioskBack, #kioskDone {{
    background: {theme.ACCENT}; color: #ffffff; font-size: {s(30)}px; font-weight: 700;
    border: none; border-radius: {s(18)}px; padding: {s(20)}px {s(60)}px;
}}
#kioskBack {{ background: {theme.CARD}; color: {theme.ACCENT}; border: {s(3)}px solid {theme.ACCENT}; }}
#ticketCard {{
    background: {theme.CARD}; border: {s(2)}px solid {theme.LINE}; border-radius: {s(28)}px;
}}
#ticketCaption {{ color: {theme.MUTED}; font-size: {s(30)}px; font-weight: 600; }}
#ticketNumber {{ color: {theme.FRAME}; font-size: {s(220)}px; font-weight: 800; }}
#ticketService {{ color: {theme.INK}; font-size: {s(36)}px; font-weight: 700; }}
#ticketPriority {{
    color: {PRIORITY_COLOUR}; background: {PRIORITY_BG}; font-size: {s(28)}px;
    font-weight: 700; border-radius: {s(12)}px; padding: {s(8)}px {s(20)}px;
}}
#ticketAhead {{ color: {theme.INK}; font-size: {s(36)}px; }}
#ticketTime {{ color: {theme.MUTED}; font-size: {s(24)}px; }}
#ticketQrHint {{ color: {theme.MUTED}; font-size: {s(20)}px; }}
#ticketPrint {{
    font-size: {s(28)}px; border-radius: {s(14)}px; padding: {s(18)}px {s(24)}px;
    color: {theme.INFO}; background: {theme.INFO_BG};
}}
#ticketPrint[state="done"] {{ color: {theme.OK}; background: {theme.OK_BG}; }}
#ticketPrint[state="off"] {{ color: {theme.WARN}; background: {theme.WARN_BG}; }}
#adminPanel {{ background: {theme.CARD}; border-radius: {s(20)}px; }}
#adminTitle {{ color: {theme.FRAME}; font-size: {s(30)}px; font-weight: 700; }}
#adminPanel QLineEdit {{ font-size: {s(24)}px; padding: {s(10)}px; }}
#adminPanel QPushButton {{ font-size: {s(22)}px; padding: {s(10)}px {s(28)}px; }}
#adminError {{ color: {theme.DANGER}; font-size: {s(20)}px; }}
"""
