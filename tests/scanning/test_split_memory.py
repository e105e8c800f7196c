"""A long batch runs in bounded memory: pages stream through the workers and into their PDFs,
so the peak does not grow with the batch (the benchmark runs the full 500 pages)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from scan_stacks import CODES, control_sheet, text_page

from counter_app.scanning import simulate

LIMIT_MB = 500
PAGES = 60

RUN = """
import json, resource, sys
from pathlib import Path
from counter_app.scanning.split import split_batch

if __name__ == "__main__":
    folder, out = Path(sys.argv[1]), Path(sys.argv[2])
    result = split_batch([folder], out, workers=2)
    # VmHWM, not ru_maxrss: exec keeps the parent's high-water mark in ru_maxrss (Linux).
    hwm = next(int(line.split()[1]) for line in open("/proc/self/status")
               if line.startswith("VmHWM"))
    print(json.dumps({
        "pages": sum(d.pages for d in result.documents),
        "documents": len(result.documents),
        "main_mb": hwm / 1024,
        "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }))
"""


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ru_maxrss units are Linux's")
def test_a_long_batch_stays_within_the_memory_target(tmp_path: Path) -> None:
    dpi = 300
    folder = tmp_path / "in"
    folder.mkdir()
    samples = [
        simulate.jpeg_bytes(simulate.scanned(text_page(n, dpi), seed=n, skew=1.0), dpi)
        for n in range(2)
    ]
    sheets = [
        simulate.jpeg_bytes(simulate.scanned(control_sheet(code, dpi), seed=9), dpi)
        for code in CODES
    ]
    for n in range(PAGES):
        data = sheets[(n // 20) % 3] if n % 20 == 0 else samples[n % 2]
        (folder / f"scan_{n:04d}.jpg").write_bytes(data)
    script = tmp_path / "run_split.py"
    script.write_text(RUN)
    done = subprocess.run(
        [sys.executable, str(script), str(folder), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["pages"] == PAGES - PAGES // 20 and figures["documents"] == PAGES // 20
    # Two workers and the main process together, each at its own peak.
    total = figures["main_mb"] + 2 * figures["worker_mb"]
    assert total <= LIMIT_MB, figures
    shutil.rmtree(tmp_path / "out")
