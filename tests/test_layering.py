"""The layering of DESIGN.md: which part of counter_app may import which, and which libraries."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import counter_app

ROOT = Path(counter_app.__file__).parent

ALLOWED = {
    "domain": {"domain"},
    "models": {"models", "domain"},
    "db": {"db", "models", "domain", "config"},
    "printing": {"printing", "domain", "config"},
    "scanning": {"scanning", "domain", "config"},
    "services": {"services", "models", "db", "domain", "printing", "scanning", "config"},
    "ui": {"ui", "services", "domain", "printing", "scanning", "config", "web"},
    "web": {"web", "services", "domain", "config"},
}
BANNED = {
    "domain": ("PySide6", "sqlalchemy", "alembic", "psycopg"),
    "models": ("PySide6",),
    "db": ("PySide6",),
    "services": ("PySide6",),
    "printing": ("PySide6", "sqlalchemy"),
    "scanning": ("sqlalchemy",),
    "ui": ("sqlalchemy",),
    "web": ("PySide6", "sqlalchemy"),
}
PARTS = set(ALLOWED) | {"cli", "config"}


def _imports(path: Path) -> list[tuple[int, str]]:
    """Return (line, dotted module) for every absolute import, relative ones resolved."""
    rel = path.relative_to(ROOT).with_suffix("").parts
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ["counter_app", *rel[: len(rel) - node.level]]
                out.append((node.lineno, ".".join([*base, *(node.module or "").split(".")])))
            elif node.module:
                out.append((node.lineno, node.module))
    return out


def violations() -> list[str]:
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        layer = parts[0] if len(parts) > 1 else path.stem
        if layer not in ALLOWED:
            continue
        for line, module in _imports(path):
            top = module.split(".")
            if top[0] == "counter_app" and len(top) > 1 and top[1] in PARTS:
                if top[1] not in ALLOWED[layer]:
                    found.append(f"{path.relative_to(ROOT)}:{line} {layer} imports {module}")
            if top[0] in BANNED[layer]:
                found.append(f"{path.relative_to(ROOT)}:{line} {layer} imports {top[0]}")
    return found


def test_layers_import_only_the_layers_below() -> None:
    assert violations() == []


def test_the_checker_sees_a_violation(tmp_path: Path, monkeypatch) -> None:
    bad = ROOT / "domain" / "_layering_probe.py"
    bad.write_text("from counter_app.services import intake\nimport sqlalchemy\n")
    try:
        found = violations()
    finally:
        bad.unlink()
    assert any("_layering_probe.py:1 domain imports counter_app.services" in v for v in found)
    assert any("_layering_probe.py:2 domain imports sqlalchemy" in v for v in found)


def test_command_line_never_imports_qt() -> None:
    code = (
        "import sys, counter_app.cli as c\n"
        "try:\n    c.main(['--help'])\nexcept SystemExit:\n    pass\n"
        "import counter_app.services.intake, counter_app.services.setup\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
