"""The national dossier statuses, channels, and which status changes are allowed."""

from __future__ import annotations

import enum

from counter_app.domain.errors import InvalidInput, NotAllowed


class Status(enum.IntEnum):
    """National status codes used by every system that reports to the national portal."""

    NEW = 1  # Mới đăng ký
    RECEIVED = 2  # Được tiếp nhận
    REFUSED = 3  # Không được tiếp nhận
    PROCESSING = 4  # Đang xử lý
    SUPPLEMENT = 5  # Yêu cầu bổ sung
    FINANCIAL = 6  # Yêu cầu thực hiện nghĩa vụ tài chính
    WITHDRAWN = 7  # Công dân rút hồ sơ
    STOPPED = 8  # Dừng xử lý
    RESULT_READY = 9  # Đã xử lý xong
    RETURNED = 10  # Đã trả kết quả

    @property
    def label_vi(self) -> str:
        return STATUS_VI[self]

    @property
    def label_en(self) -> str:
        return STATUS_EN[self]


STATUS_VI = {
    Status.NEW: "Mới đăng ký",
    Status.RECEIVED: "Được tiếp nhận",
    Status.REFUSED: "Không được tiếp nhận",
    Status.PROCESSING: "Đang xử lý",
    Status.SUPPLEMENT: "Yêu cầu bổ sung",
    Status.FINANCIAL: "Yêu cầu thực hiện nghĩa vụ tài chính",
    Status.WITHDRAWN: "Công dân rút hồ sơ",
    Status.STOPPED: "Dừng xử lý",
    Status.RESULT_READY: "Đã xử lý xong",
    Status.RETURNED: "Đã trả kết quả",
}
STATUS_EN = {
    Status.NEW: "Registered",
    Status.RECEIVED: "Received",
    Status.REFUSED: "Refused",
    Status.PROCESSING: "Processing",
    Status.SUPPLEMENT: "Supplement requested",
    Status.FINANCIAL: "Financial obligation requested",
    Status.WITHDRAWN: "Withdrawn by the citizen",
    Status.STOPPED: "Processing stopped",
    Status.RESULT_READY: "Result ready",
    Status.RETURNED: "Result returned",
}

S = Status
TRANSITIONS: dict[Status, frozenset[Status]] = {
    S.NEW: frozenset({S.RECEIVED, S.REFUSED, S.SUPPLEMENT, S.WITHDRAWN}),
    S.RECEIVED: frozenset(
        {S.PROCESSING, S.SUPPLEMENT, S.FINANCIAL, S.WITHDRAWN, S.STOPPED, S.RESULT_READY}
    ),
    S.PROCESSING: frozenset({S.SUPPLEMENT, S.FINANCIAL, S.WITHDRAWN, S.STOPPED, S.RESULT_READY}),
    # Leaving a supplement wait: supplemented (back to processing), or the citizen gives up.
    S.SUPPLEMENT: frozenset({S.RECEIVED, S.PROCESSING, S.WITHDRAWN, S.STOPPED, S.REFUSED}),
    S.FINANCIAL: frozenset({S.PROCESSING, S.WITHDRAWN, S.STOPPED, S.RESULT_READY}),
    S.RESULT_READY: frozenset({S.RETURNED}),
    S.REFUSED: frozenset(),
    S.WITHDRAWN: frozenset(),
    S.STOPPED: frozenset(),
    S.RETURNED: frozenset(),
}
# Reaching one of these first fixes the finish time used by "on time" (DOMAIN.md, reports).
FINISHING = frozenset({S.RESULT_READY, S.RETURNED, S.STOPPED, S.REFUSED})
# Changes that must say why.
NEEDS_REASON = frozenset({S.REFUSED, S.SUPPLEMENT, S.WITHDRAWN, S.STOPPED})


def parse_status(value: int | str) -> Status:
    """Return the status for a code 1–10; InvalidInput otherwise."""
    try:
        return Status(int(value))
    except (TypeError, ValueError):
        raise InvalidInput(
            f"Trạng thái không hợp lệ: {value!r} (1–10) / Invalid status: {value!r}"
        ) from None


def check_transition(current: Status, target: Status, reason: str) -> None:
    """Raise NotAllowed if `current` may not go to `target`, InvalidInput if a reason is missing."""
    if target not in TRANSITIONS[current]:
        allowed = ", ".join(f"{s.value} {s.label_vi}" for s in sorted(TRANSITIONS[current]))
        raise NotAllowed(
            f"Không thể chuyển hồ sơ từ “{current.label_vi}” sang “{target.label_vi}” "
            f"(được phép: {allowed or 'không'}) / Cannot go from {current.label_en} "
            f"to {target.label_en}"
        )
    if target in NEEDS_REASON and not reason.strip():
        raise InvalidInput(
            f"Cần ghi lý do khi chuyển sang “{target.label_vi}” / "
            f"A reason is required for {target.label_en}"
        )


class Channel(enum.IntEnum):
    """How a dossier was handed in."""

    DIRECT = 1  # trực tiếp
    ONLINE = 2  # trực tuyến
    POSTAL = 3  # bưu chính công ích

    @classmethod
    def parse(cls, value: str | int) -> Channel:
        names = {"direct": cls.DIRECT, "online": cls.ONLINE, "postal": cls.POSTAL}
        if isinstance(value, str) and value.strip().lower() in names:
            return names[value.strip().lower()]
        try:
            return cls(int(value))
        except (TypeError, ValueError):
            raise InvalidInput(
                f"Kênh nộp không hợp lệ: {value!r} (direct, online, postal) / Invalid channel"
            ) from None

    @property
    def label_vi(self) -> str:
        return {1: "Trực tiếp", 2: "Trực tuyến", 3: "Bưu chính công ích"}[self.value]

    @property
    def label_en(self) -> str:
        return {1: "In person", 2: "Online", 3: "By public post"}[self.value]
