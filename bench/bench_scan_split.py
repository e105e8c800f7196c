"""Benchmark of batch split: pages per second at 300 dpi A4 grayscale, zxing-cpp and pyzbar side
by side in one run, and the peak memory of a 500-page batch.

Run: .venv/bin/python bench/bench_scan_split.py [--pages 500] [--dpi 300] [--workers 2]
                                                [--orientation]

The stack is what a duplex document scanner writes to its scan-to folder: one JPEG per page
(quality 75, resolution stated), a control sheet (form 5, rendered by the printing layer) every
ten pages, separator sheets, blank duplex backs with show-through, pages skewed up to 3° and
one in four upside down, sensor noise and dust. A set of distinct pages is generated and
repeated to make up the count (decoding cost does not depend on repetition; generating 500
distinct noisy pages would take longer than the benchmark).

Each engine runs in a fresh process: its wall time (pool start included) gives pages/s; its
peak memory is the main process's high-water mark plus each worker's. Target (issue 5): at
least 4 pages/s on a 2-core machine (a 120-images-per-minute duplex scanner), at most 500 MB.

--orientation also measures the text-orientation heuristic on 900 generated pages (10 faces
including bold, italic and monospace, 9–16 pt, 4 lines to full pages, 150/200/300 dpi).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

CHILD = "--child"


def control_sheet_pdf(code: str) -> bytes:
    from counter_app.printing.documents import (
        ApplicantInfo,
        CenterInfo,
        ControlSheetDoc,
        DossierInfo,
    )
    from counter_app.printing.forms import render_form

    at = datetime(2025, 3, 12, 9, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    dossier = DossierInfo(
        code, "K7M2QX", "1.002809", "Cấp đổi giấy phép lái xe", "Sở Giao thông Vận tải",
        ApplicantInfo("Nguyễn Thị Thu Hường"), at, at, "5 ngày làm việc",
    )  # fmt: skip
    buf = io.BytesIO()
    render_form("control", ControlSheetDoc(CenterInfo(), dossier, (), at), buf)
    return buf.getvalue()


def build_stack(folder: Path, pages: int, dpi: int) -> dict[str, int]:
    """Write the stack; return how many pages of each kind it has."""
    from counter_app.scanning import simulate
    from counter_app.scanning.separators import separator_sheet

    def jpeg(img, seed: int, **scan) -> bytes:
        return simulate.jpeg_bytes(simulate.scanned(img, seed=seed, **scan), dpi, 75)

    codes = [f"000.00.06.H56-250312-{n:04d}" for n in range(1, 9)]
    sheets = [
        jpeg(simulate.rasterize_pdf(control_sheet_pdf(c), dpi), n, skew=(n % 3 - 1) * 1.5,
             upside_down=n % 4 == 1)
        for n, c in enumerate(codes)
    ]  # fmt: skip
    texts = [
        jpeg(simulate.text_page(n, dpi=dpi, size_pt=10 + n % 4), n, skew=(n % 5 - 2) * 1.5,
             upside_down=n % 4 == 3)
        for n in range(12)
    ]  # fmt: skip
    backs = [
        jpeg(simulate.blank_back(n, dpi=dpi, front=simulate.text_page(n, dpi=dpi)), n)
        for n in range(2)
    ]
    separator = jpeg(separator_sheet(2, dpi=dpi), 0, skew=1.0)
    counts = {"control sheets": 0, "separators": 0, "blank backs": 0, "text pages": 0}
    for n in range(pages):
        if n % 10 == 0:
            data, kind = sheets[(n // 10) % len(sheets)], "control sheets"
        elif n % 10 == 1:
            data, kind = backs[n % 2], "blank backs"
        elif n % 20 == 5:
            data, kind = separator, "separators"
        else:
            data, kind = texts[n % len(texts)], "text pages"
        counts[kind] += 1
        (folder / f"scan_{n:04d}.jpg").write_bytes(data)
    return counts


def child(engine: str, folder: str, out: str, workers: int, dpi: int) -> None:
    """Split the stack in this fresh process and print the figures as JSON."""
    from counter_app.scanning.pages import PageSettings
    from counter_app.scanning.split import split_batch

    start = time.perf_counter()
    result = split_batch(
        [folder], Path(out), settings=PageSettings(engine=engine, dpi=dpi), workers=workers
    )
    wall = time.perf_counter() - start
    hwm = next(
        int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM")
    )
    print(
        json.dumps(
            {
                "wall": wall,
                "pages": result.total_pages,
                "filed": sum(d.pages for d in result.documents),
                "documents": len(result.documents),
                "review": len(result.review),
                "blank": len(result.blank),
                "sheets": len(result.sheets),
                "main_mb": hwm / 1024,  # VmHWM: ru_maxrss would carry the parent's over exec
                "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                "output_mb": sum(f.stat().st_size for f in Path(out).iterdir()) / 2**20,
            }
        )
    )


def orientation_corpus() -> None:
    import numpy as np
    from PIL import Image

    from counter_app.scanning import images, simulate
    from counter_app.scanning.pages import upside_down

    faces = (
        "DejaVuSerif.ttf LiberationSerif-Regular.ttf DejaVuSans.ttf LiberationSans-Regular.ttf "
        "DejaVuSansCondensed.ttf LiberationMono-Regular.ttf DejaVuSerif-Bold.ttf "
        "LiberationSans-Bold.ttf LiberationSerif-Italic.ttf DejaVuSans-Oblique.ttf"
    ).split()
    right = wrong_flip = missed = 0
    upright_pages = flipped_pages = 0
    by_face: dict[str, int] = {}
    for dpi in (300, 200, 150):
        for fi, face in enumerate(faces):
            path = simulate.find_font((face,))
            if path is None:
                continue
            for size, lines in ((9, None), (11, None), (13, 8), (12, 5), (16, 4)):
                page = simulate.text_page(
                    fi * 1000 + size + dpi, dpi=dpi, font=path, size_pt=size, lines=lines
                )
                for skew in (0.4, -2.2, 4.5):
                    for flip in (False, True):
                        scanned = simulate.scanned(
                            page, seed=size + fi, skew=skew, upside_down=flip, noise=10
                        )
                        scanned = Image.open(io.BytesIO(simulate.jpeg_bytes(scanned, dpi, 60)))
                        small, _ = images.reduce_for_analysis(images.to_gray(scanned), dpi)
                        mask = images.ink_mask(small, images.paper_level(small))
                        angle = images.estimate_skew(mask)
                        level = (
                            np.asarray(Image.fromarray(mask.astype(np.uint8) * 255).rotate(angle))
                            > 127
                        )
                        turned = upside_down(*images.text_orientation(level))
                        upright_pages += not flip
                        flipped_pages += flip
                        if turned == flip:
                            right += 1
                        else:
                            by_face[face] = by_face.get(face, 0) + 1
                            wrong_flip += turned and not flip
                            missed += flip and not turned
    total = upright_pages + flipped_pages
    print(f"\norientation corpus: {total} pages, {right} decided right ({right / total:.1%})")
    print(f"  upright pages turned over by mistake: {wrong_flip} of {upright_pages}")
    print(f"  upside-down pages left as they were:  {missed} of {flipped_pages}")
    print(f"  misses by face: {by_face or 'none'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--workers", type=int, default=min(os.cpu_count() or 1, 4))
    parser.add_argument("--orientation", action="store_true")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-scan-"))
    try:
        t0 = time.perf_counter()
        folder = tmp / "stack"
        folder.mkdir()
        counts = build_stack(folder, args.pages, args.dpi)
        size = sum(f.stat().st_size for f in folder.iterdir()) / 2**20
        print(
            f"stack: {args.pages} pages A4 {args.dpi} dpi grayscale JPEG, {size:.0f} MB "
            f"({', '.join(f'{v} {k}' for k, v in counts.items())}); built in "
            f"{time.perf_counter() - t0:.0f} s; {os.cpu_count()} cores, {args.workers} workers"
        )
        print(
            f"{'engine':8} {'wall s':>7} {'pages/s':>8} {'main MB':>8} {'worker MB':>10} "
            f"{'peak MB':>8} {'filed':>6} {'docs':>5} {'review':>6} {'PDF MB':>7}"
        )
        for engine in ("zxing", "zbar"):
            out = tmp / f"out-{engine}"
            done = subprocess.run(
                [sys.executable, __file__, CHILD, engine, str(folder), str(out),
                 str(args.workers), str(args.dpi)],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            f = json.loads(done.stdout)
            peak = f["main_mb"] + args.workers * f["worker_mb"]
            print(
                f"{engine:8} {f['wall']:7.1f} {f['pages'] / f['wall']:8.2f} {f['main_mb']:8.0f} "
                f"{f['worker_mb']:10.0f} {peak:8.0f} {f['filed']:6} {f['documents']:5} "
                f"{f['review']:6} {f['output_mb']:7.0f}"
            )
            shutil.rmtree(out, ignore_errors=True)
        print("target: ≥ 4 pages/s, peak (main + workers) ≤ 500 MB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.orientation:
        orientation_corpus()


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == CHILD:
        _, _, engine, folder, out, workers, dpi = sys.argv
        child(engine, folder, out, int(workers), int(dpi))
    else:
        main()
