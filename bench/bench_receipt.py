"""Intake receipt: layout → 1-bit image → ESC/POS bytes (target: median ≤ 30 ms).

For 80 mm (576 dots, with cutter) and 58 mm (384 dots) paper, builds the intake receipt of a
dossier with a long applicant name and procedure title N times and prints median, p95, p99 and
max in milliseconds, with the median of each stage. The receipt is about 22 cm long on 80 mm
paper: a 250 mm/s printer needs close to a second to print it. The first call (font search,
glyph cache) is shown apart.

    .venv/bin/python bench/bench_receipt.py [N]
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from counter_app.printing.documents import (
    ApplicantInfo,
    CenterInfo,
    DossierInfo,
    IntakeReceiptDoc,
)
from counter_app.printing.escpos_out import PROFILE_58MM, PROFILE_80MM, raster_bytes
from counter_app.printing.raster import render
from counter_app.printing.receipt_layout import intake_receipt_layout

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def pct(ordered: list[float], p: float) -> float:
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def receipt(i: int) -> IntakeReceiptDoc:
    dossier = DossierInfo(
        code=f"000.00.06.H56-250312-{i:04d}",
        lookup_secret="K7P9QX",
        procedure_code="1.004227",
        procedure_name=(
            "Cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn "
            "liền với đất lần đầu cho hộ gia đình, cá nhân, cộng đồng dân cư"
        ),
        department="Sở Tài nguyên và Môi trường",
        applicant=ApplicantInfo(
            "Công ty Trách nhiệm hữu hạn Một thành viên Xuất nhập khẩu Nông sản Đồng Đăng",
            phone="0912 345 678",
        ),
        received_at=datetime(2025, 3, 12, 10, 5, tzinfo=VN),
        due_at=datetime(2025, 3, 19, 10, 5, tzinfo=VN),
        duration="5 ngày làm việc",
        officer="Hoàng Thị Ngọc Ánh",
        desk="Quầy số 3",
        fee=50_000,
    )
    return IntakeReceiptDoc(CenterInfo(), dossier, datetime(2025, 3, 12, 10, 6, tzinfo=VN))


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    print(f"{n} intake receipts per paper, ms (layout + image + bytes)")
    print(
        f"{'paper':<8}{'first':>8}{'median':>8}{'p95':>8}{'p99':>8}{'max':>8}"
        f"   median of layout / image / bytes; height, bytes"
    )
    for profile in (PROFILE_80MM, PROFILE_58MM):
        t0 = time.perf_counter()
        raster_bytes(render(intake_receipt_layout(receipt(0)), profile.paper), profile)
        first = (time.perf_counter() - t0) * 1000
        totals: list[float] = []
        stages: list[tuple[float, float, float]] = []
        size = (0, 0)
        for i in range(1, n + 1):
            doc = receipt(i)
            t0 = time.perf_counter()
            layout = intake_receipt_layout(doc)
            t1 = time.perf_counter()
            image = render(layout, profile.paper)
            t2 = time.perf_counter()
            data = raster_bytes(image, profile)
            t3 = time.perf_counter()
            totals.append((t3 - t0) * 1000)
            stages.append(((t1 - t0) * 1000, (t2 - t1) * 1000, (t3 - t2) * 1000))
            size = (image.height, len(data))
        totals.sort()
        lay, img, out = (statistics.median(s[k] for s in stages) for k in range(3))
        print(
            f"{profile.paper.name:<8}{first:>8.1f}{statistics.median(totals):>8.1f}"
            f"{pct(totals, 95):>8.1f}{pct(totals, 99):>8.1f}{totals[-1]:>8.1f}"
            f"   {lay:.2f} / {img:.1f} / {out:.1f}; {size[0]} dots "
            f"({size[0] * 25.4 / profile.paper.dpi / 10:.1f} cm), {size[1]} bytes"
        )


if __name__ == "__main__":
    main()
