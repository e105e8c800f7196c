"""Errors of the printing layer that the user can act on."""

from __future__ import annotations

from counter_app.domain.errors import CounterError, InvalidInput


class PrintingError(CounterError):
    """A printer or print job problem the user can act on."""


class PrinterUnavailable(PrintingError):
    """The printer did not take the job: off, unplugged, out of reach, busy, no permission.

    Trying again later may succeed. `partial` is True when some bytes had already left this
    program when it failed, so part of the job may be on paper: resending it automatically could
    print it twice (LESSONS.md, odoo#244076)."""

    def __init__(self, message: str, *, partial: bool = False) -> None:
        super().__init__(message)
        self.partial = partial


class InvalidPrinterUri(PrintingError, InvalidInput):
    """A printer URI that does not follow the accepted forms: bad input, nothing was written."""
