"""Benchmark of procedure search: index build time and per-query latency over a realistic mix.

Run: .venv/bin/python bench/bench_search.py [--n 20000] [--seed 1] [--queries 10000]

Catalogs: the demo center (1,335 procedures) and a synthetic one of --n procedures, both from
`counter_app.services.demo_catalog`; if that module is missing, a generator in this file stands
in. The query mix: full names with and without diacritics, 1–3 word prefixes (any order), names
and codes typed character by character, initials runs, codes with and without dots; one in ten
queries filtered by department. Single thread, warm process, caches as a session would have.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import time
from collections import defaultdict

from counter_app.domain.catalog import ProcedureSpec
from counter_app.domain.search import ProcedureIndex, SearchDoc
from counter_app.domain.text import fold, initials

Catalog = list[SearchDoc]


def _from_specs(specs: list[ProcedureSpec]) -> Catalog:
    return [SearchDoc(f"p{i}", p.code, p.name, p.department_code) for i, p in enumerate(specs)]


def _fallback_catalog(n: int, seed: int) -> Catalog:
    """Names from Vietnamese procedure vocabulary, for when demo_catalog is not there."""
    rng = random.Random(seed)
    verbs = ["Cấp", "Cấp lại", "Cấp đổi", "Gia hạn", "Điều chỉnh", "Thu hồi", "Đăng ký", "Xác nhận"]
    objects = ["giấy phép lái xe", "giấy chứng nhận đăng ký doanh nghiệp", "chứng chỉ hành nghề"]
    objects += ["giấy phép xây dựng", "phiếu lý lịch tư pháp", "giấy phép kinh doanh vận tải"]
    objects += ["quyền sử dụng đất", "giấy phép lao động", "giấy chứng nhận đủ điều kiện"]
    tails = ["", " đối với doanh nghiệp", " cho người nước ngoài", " do hết hạn", " bằng ô tô"]
    tails += [" trên địa bàn tỉnh", " của hợp tác xã", " lĩnh vực y tế", " lần đầu"]
    groups = ["SKHDT", "STP", "SGTVT", "SXD", "STNMT", "SYT", "SCT", "BHXH"]
    out = []
    for i in range(n):
        name = f"{rng.choice(verbs)} {rng.choice(objects)}{rng.choice(tails)} ({i})"
        code = f"{rng.randint(1, 3)}.{rng.randint(0, 999_999):06d}"
        out.append(SearchDoc(f"p{i}", code, name, rng.choice(groups)))
    return out


def catalogs(n: int, seed: int) -> tuple[dict[str, Catalog], str]:
    try:
        from counter_app.services.demo_catalog import demo_procedures, synthetic_catalog
    except ImportError:
        return {
            "demo (fallback 1,335)": _fallback_catalog(1335, seed),
            f"synthetic {n:,} (fallback)": _fallback_catalog(n, seed),
        }, "bench fallback generator"
    return {
        "demo 1,335": _from_specs(demo_procedures()),
        f"synthetic {n:,}": _from_specs(synthetic_catalog(n, seed)),
    }, "counter_app.services.demo_catalog"


def _typed(text: str, upto: int) -> list[str]:
    """Every prefix of `text` as it appears while typing, up to `upto` characters."""
    return [text[:i] for i in range(1, min(len(text), upto) + 1)]


Query = tuple[str, str, str | None, str]  # category, text, department filter, key sought


def query_mix(docs: Catalog, total: int, rng: random.Random) -> list[Query]:
    """Return (category, query, department filter, key sought) for `total` queries.

    Typing sessions stay in order, as a user types; one session in ten filters by the
    department of the procedure sought.
    """
    out: list[Query] = []
    while len(out) < total:
        kind = rng.choices(
            ["name", "name folded", "word prefixes", "typing", "initials", "code", "code typing"],
            [10, 10, 25, 10, 10, 10, 5],
        )[0]
        doc = rng.choice(docs)
        if kind == "name":
            queries = [doc.name]
        elif kind == "name folded":
            queries = [fold(doc.name)]
        elif kind == "word prefixes":
            words = doc.name.split()
            chosen = rng.sample(words, min(len(words), rng.randint(1, 3)))
            text = " ".join(w[: rng.randint(1, len(w))] for w in chosen)
            queries = [fold(text) if rng.random() < 0.5 else text]
        elif kind == "typing":
            text = doc.name if rng.random() < 0.4 else fold(doc.name)
            queries = _typed(text, rng.randint(8, 30))
        elif kind == "initials":
            ini = initials(doc.name)
            at = rng.randint(0, max(0, len(ini) - 2))
            queries = [ini[at : at + rng.randint(2, 5)]]
        elif kind == "code":
            queries = [doc.code if rng.random() < 0.5 else doc.code.replace(".", "")]
        else:
            queries = _typed(doc.code, len(doc.code))
        group = doc.group if rng.random() < 0.1 else None
        out += ((kind, q, group, doc.key) for q in queries)
    return out


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


def run(name: str, docs: Catalog, total: int, seed: int) -> None:
    builds = []
    index = ProcedureIndex(docs)
    for _ in range(3):
        gc.collect()
        t0 = time.perf_counter()
        index = ProcedureIndex(docs)
        builds.append(time.perf_counter() - t0)
    rng = random.Random(seed)
    mix = query_mix(docs, total, rng)
    timings: dict[str, list[float]] = defaultdict(list)
    found: dict[str, int] = defaultdict(int)
    gc.collect()
    for kind, query, group, key in mix:
        t0 = time.perf_counter_ns()
        hits = index.search(query, 20, group)
        timings[kind].append((time.perf_counter_ns() - t0) / 1e6)
        found[kind] += any(h.key == key for h in hits)
    timings["ALL"] = [t for ts in timings.values() for t in ts]
    found["ALL"] = sum(found.values())
    print(f"\n{name}: {len(docs):,} procedures; build {statistics.median(builds) * 1000:.0f} ms")
    print(
        f"  {'queries':<14}{'n':>6}{'median':>8}{'p95':>8}{'p99':>8}{'max':>8} (ms)  sought in top 20"
    )
    for kind, ts in sorted(timings.items(), key=lambda kv: (kv[0] == "ALL", kv[0])):
        print(
            f"  {kind:<14}{len(ts):>6}{statistics.median(ts):>8.3f}{pct(ts, 95):>8.3f}"
            f"{pct(ts, 99):>8.3f}{max(ts):>8.3f}       {found[kind] / len(ts):>6.1%}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--queries", type=int, default=10_000)
    args = parser.parse_args()
    cats, source = catalogs(args.n, args.seed)
    print(f"catalogs from {source}")
    for name, docs in cats.items():
        run(name, docs, args.queries, args.seed)


if __name__ == "__main__":
    main()
