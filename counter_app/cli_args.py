"""Argument types shared by the command line's modules (parsing only)."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def whole(low: int, high: int | None = None) -> Callable[[str], int]:
    """Return an argparse type for a whole number from `low` (to `high`, when given)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"không phải số nguyên / not an integer: {text!r}"
            ) from None
        if high is None and value < low:
            raise argparse.ArgumentTypeError(f"phải ≥ {low} / must be ≥ {low}: {text!r}")
        if high is not None and not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"phải từ {low} đến {high} / must be {low} to {high}: {text!r}"
            )
        return value

    return parse
