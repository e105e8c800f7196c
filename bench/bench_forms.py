"""Time the A4 forms rendered to PDF bytes in memory (reportlab, embedded TrueType subsets).

Run: .venv/bin/python bench/bench_forms.py [--runs N]
Prints median, p95 and p99 in ms for the receipt and appointment slip (form 01, two copies,
eight documents; target ≤ 100 ms), then each other form once (its first render in the process,
fonts already registered) and the ledger of 120 rows.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "printing"))

import test_forms as samples  # noqa: E402  (the realistic documents of the form tests)

from counter_app.printing.fonts import form_fonts  # noqa: E402
from counter_app.printing.forms import render_form  # noqa: E402


def percentile(sorted_values: list[float], q: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, round(q * (len(sorted_values) - 1)))]


def once(form_id: str, doc: object) -> tuple[float, int]:
    buf = io.BytesIO()
    start = time.perf_counter()
    render_form(form_id, doc, buf)
    return (time.perf_counter() - start) * 1000, len(buf.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()

    start = time.perf_counter()
    fonts = form_fonts()
    print(
        f"fonts: {fonts.label}, found and registered in {(time.perf_counter() - start) * 1000:.1f} ms"
    )
    cold, _ = once("receipt", samples.receipt_doc())
    print(f"receipt, first render in the process: {cold:.1f} ms")

    for label, doc in (
        ("receipt (form 01, 2 copies, 8 documents)", samples.receipt_doc()),
        ("receipt, 300-char procedure (type set smaller to fit)", samples.long_docs()["receipt"]),
    ):
        times = sorted(once("receipt", doc)[0] for _ in range(args.runs))
        size = once("receipt", doc)[1]
        print(
            f"{label}: median {statistics.median(times):.1f} ms, "
            f"p95 {percentile(times, 0.95):.1f} ms, p99 {percentile(times, 0.99):.1f} ms "
            f"({args.runs} runs, {size / 1024:.0f} KiB)"
        )

    others = {
        "supplement": samples.supplement_doc(),
        "refusal": samples.refusal_doc(),
        "apology": samples.apology_doc(),
        "control": samples.control_doc(),
        "handover": samples.handover_doc(),
        "ledger": samples.ledger_doc(rows=120),
    }
    for form_id, doc in others.items():
        ms, size = once(form_id, doc)
        print(f"{form_id}: {ms:.1f} ms ({size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
