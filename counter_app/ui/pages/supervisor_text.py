"""How the supervisor view writes durations and ticket states (one place, one translation
context)."""

from __future__ import annotations

from counter_app.ui.qt import QCoreApplication


def duration(seconds: int | None) -> str:
    """Return a wait or service time as people say it: "45 giây", "12 phút", "1 giờ 05 phút";
    "—" for none."""
    if seconds is None:
        return "—"
    if seconds < 60:
        # Short units, no plural forms: "45 giây" / "45 s" (lupdate misses `None, n` plurals).
        return QCoreApplication.translate("supervisor", "%1 giây").replace("%1", str(seconds))
    minutes = seconds // 60
    if minutes < 60:
        return QCoreApplication.translate("supervisor", "%1 phút").replace("%1", str(minutes))
    return (
        QCoreApplication.translate("supervisor", "%1 giờ %2 phút")
        .replace("%1", str(minutes // 60))
        .replace("%2", f"{minutes % 60:02d}")
    )


def clock(seconds: int | None) -> str:
    """Return a running time as a clock, "06:00" or "1:02:05"; "" for none."""
    if seconds is None:
        return ""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def state_text(state: str | None) -> str:
    if state == "serving":
        return QCoreApplication.translate("supervisor", "Đang phục vụ")
    if state == "called":
        return QCoreApplication.translate("supervisor", "Đang gọi")
    return QCoreApplication.translate("supervisor", "Trống")
