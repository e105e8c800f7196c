"""Queue tickets: the business date, how numbers are shown, priorities, and the state machine.

The center's functions (migration 0003) check the same rules in SQL; a test holds the two
together.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from counter_app.domain.errors import InvalidInput, NotAllowed

CENTER_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")

# Priority kinds a kiosk offers (elderly, disabled, pregnant, a small child, an appointment);
# "" is an ordinary ticket. Any priority ticket is called before every ordinary one.
PRIORITIES = ("", "elderly", "disabled", "pregnant", "child", "appointment")
PRIORITY_VI = {
    "": "Thường",
    "elderly": "Người cao tuổi",
    "disabled": "Người khuyết tật",
    "pregnant": "Phụ nữ mang thai",
    "child": "Người có con nhỏ",
    "appointment": "Có hẹn",
}

# Which state a ticket may move to from which; "called" → "called" is a recall. A waiting ticket
# becomes "called" only by the atomic claim of call-next, never by a plain state change.
TRANSITIONS: dict[str, frozenset[str]] = {
    "waiting": frozenset({"cancelled"}),
    "called": frozenset({"called", "serving", "no_show", "transferred"}),
    "serving": frozenset({"done", "transferred"}),
    "done": frozenset(),
    "no_show": frozenset(),
    "transferred": frozenset(),
    "cancelled": frozenset(),
}
# The states a plain state change may set ("called" again is a recall); "transferred" comes
# only with a transfer, which makes the successor ticket.
TICKET_STATES_SETTABLE = ("called", "serving", "done", "no_show", "cancelled")
STATE_VI = {
    "waiting": "đang chờ",
    "called": "đã gọi",
    "serving": "đang phục vụ",
    "done": "đã xong",
    "no_show": "vắng mặt",
    "transferred": "đã chuyển",
    "cancelled": "đã hủy",
}


def business_date(at: datetime) -> date:
    """Return the queue's business date of the aware instant `at`: the date in Asia/Ho_Chi_Minh,
    never the UTC date (bcgov/queue-management#626 issued wrong tickets after 5 pm that way)."""
    if at.tzinfo is None:
        raise ValueError(f"naive datetime {at!r}: the business date needs an aware instant")
    return at.astimezone(CENTER_ZONE).date()


def center_display(code: str, number: int) -> str:
    """Return how the center's ticket `number` of service `code` is shown: "A023"."""
    return f"{code}{number:03d}"


def desk_display(code: str, desk_number: int, number: int) -> str:
    """Return how an offline desk's own ticket is shown, a form the center never issues:
    "A-3·017" (service A, desk 3, the desk's 17th of the day)."""
    return f"{code}-{desk_number}·{number:03d}"


def desk_series(desk_number: int) -> str:
    """Return the series an offline desk issues from (the center's series is "")."""
    return str(desk_number)


def transfer_series(desk_number: int | None) -> str:
    """Return the series of tickets made by a transfer: "T" at the center, "T3" offline at desk 3.

    A transferred ticket keeps the citizen's printed number as its display; its own number in
    the target service comes from this series, so it cannot clash with that service's tickets."""
    return "T" if desk_number is None else f"T{desk_number}"


def check_priority(priority: str) -> str:
    """Return `priority` if it is a known kind; raise InvalidInput otherwise."""
    if priority not in PRIORITIES:
        raise InvalidInput(
            f"Loại ưu tiên không hợp lệ / Unknown priority: {priority!r} "
            f"({', '.join(p for p in PRIORITIES if p)})"
        )
    return priority


def check_transition(display: str, current: str, new: str) -> None:
    """Raise NotAllowed unless a ticket in state `current` may move to `new`."""
    if new not in TRANSITIONS:
        raise InvalidInput(f"Trạng thái không hợp lệ / Unknown ticket state: {new!r}")
    if new not in TRANSITIONS.get(current, frozenset()):
        raise NotAllowed(
            f"Số {display} đang ở trạng thái {STATE_VI.get(current, current)}, không chuyển "
            f"sang {STATE_VI[new]} được / Ticket {display} is {current}; it cannot become {new}"
        )
