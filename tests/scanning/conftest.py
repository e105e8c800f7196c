"""Fixtures of the scanning tests: realistic stacks, built once per session and resolution."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from scan_stacks import standard_pages, write_stack


@pytest.fixture(scope="session")
def stacks(tmp_path_factory: pytest.TempPathFactory) -> Callable[[int], tuple[Path, dict]]:
    """Return make(dpi) -> (folder, expectations) of the standard stack, built once per dpi."""
    made: dict[int, tuple[Path, dict]] = {}

    def make(dpi: int) -> tuple[Path, dict]:
        if dpi not in made:
            folder = tmp_path_factory.mktemp(f"stack{dpi}")
            made[dpi] = (folder, write_stack(folder, standard_pages(dpi), dpi))
        return made[dpi]

    return make
