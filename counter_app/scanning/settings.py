"""The desk's scan settings (config.Settings: engine, resolution, color mode, blank threshold)
as the page pipeline's `PageSettings`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter_app.scanning.pages import PageSettings

if TYPE_CHECKING:
    from counter_app.config import Settings


def page_settings(settings: Settings) -> PageSettings:
    """Return how pages are cleaned at this desk. Raises InvalidInput for a value out of range
    (the message names the setting's allowed values)."""
    return PageSettings(
        dpi=settings.scan_dpi,
        color=settings.scan_color,  # type: ignore[arg-type]  # checked by PageSettings
        blank_threshold=settings.scan_blank_threshold,
        engine=settings.scan_engine,  # type: ignore[arg-type]
    )
