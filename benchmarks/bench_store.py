"""The incremental store against one run: three daily batches of the shared crawl added one by
one, compared with one run over all three, and the cost of a daily run as the store grows.

    python benchmarks/bench_store.py [--scale 10]

1. ``saring run`` over the three daily CSVs at once (one output).
2. The same CSVs added to an empty store one day at a time (``run(..., store=)``), then exported.
   Compared with 1: statuses, duplicate clusters, canonical documents and stories (B-cubed F1 of
   the story partition), with every difference counted.
3. The same three days added to a store that already holds ``--scale`` times as many synthetic
   documents (400 random words each, ``bench_dedup_speed.synthetic``) as the three days have:
   the time of each daily run, next to step 2's.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

import pyarrow.parquet as pq
from bench_dedup_speed import synthetic
from bench_run import machine
from bench_stories import bcubed
from shared_data import CRAWL, CRAWL_DAYS, crawl_config

from saring.config import RunConfig
from saring.pipeline import run
from saring.store import export


def rows(path: Path) -> dict[str, dict]:
    cols = ["id", "status", "reason", "dup_of", "dup_cluster", "story_id", "text"]
    return {r["id"]: r for r in pq.read_table(path / "documents.parquet", columns=cols).to_pylist()}


def clusters(docs: dict[str, dict], field: str) -> set[frozenset[str]]:
    groups = defaultdict(set)
    for i, r in docs.items():
        if r[field]:
            groups[r[field]].add(i)
    return {frozenset(g) for g in groups.values()}


def daily(store: Path, cfg: RunConfig) -> list[float]:
    times = []
    for day in CRAWL_DAYS:
        t = time.perf_counter()
        run([str(CRAWL / day)], None, cfg, log=lambda _m: None, store=store)
        times.append(time.perf_counter() - t)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", type=int, default=10)
    a = ap.parse_args()
    if not CRAWL.exists():
        sys.exit(f"{CRAWL} is absent")
    cfg = crawl_config()
    print(f"machine: {machine()}; date {time.strftime('%Y-%m-%d')}\n")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        t = time.perf_counter()
        run([str(CRAWL / d) for d in CRAWL_DAYS], tmp / "once", cfg, log=lambda _m: None)
        once_s = time.perf_counter() - t
        times = daily(tmp / "store", cfg)
        export(tmp / "store", tmp / "exported", report=False)
        one, inc = rows(tmp / "once"), rows(tmp / "exported")
        days = ", ".join(f"{x:.1f}" for x in times)
        print(f"one run over the three days: {once_s:.1f} s; daily runs: {days} s\n")
        print(
            f"documents: one run {len(one):,}, store {len(inc):,}, same ids: {set(one) == set(inc)}"
        )
        status = Counter((one[i]["status"], inc[i]["status"]) for i in one if i in inc)
        same = sum(n for (x, y), n in status.items() if x == y)
        print(f"same status: {same:,} of {len(one):,}")
        for (x, y), n in sorted(status.items()):
            if x != y:
                print(f"  {x} in one run, {y} in the store: {n}")
        texts = sum(one[i]["text"] != inc[i]["text"] for i in one if i in inc)
        print(f"texts that differ (the per-site line pass sees one day, not three): {texts}")
        c1, c2 = clusters(one, "dup_cluster"), clusters(inc, "dup_cluster")
        print(f"duplicate clusters: one run {len(c1)}, store {len(c2)}, identical {len(c1 & c2)}")
        canon = sum(
            one[i]["dup_of"] != inc[i]["dup_of"]
            for i in one
            if one[i]["status"] == inc[i]["status"] == "duplicate"
        )
        print(f"duplicates whose canonical document differs: {canon}")
        s1, s2 = clusters(one, "story_id"), clusters(inc, "story_id")
        both = [i for i in one if one[i]["story_id"] and i in inc and inc[i]["story_id"]]
        p, r, f = bcubed(
            {i: one[i]["story_id"] for i in both}, {i: inc[i]["story_id"] for i in both}
        )
        print(
            f"stories: one run {len(s1):,}, store {len(s2):,}, identical {len(s1 & s2):,}; "
            f"B-cubed of the store's stories against the one run's: P {p:.3f} R {r:.3f} F {f:.3f}"
        )
        if a.scale:
            n = a.scale * len(one)
            part = tmp / "synthetic.parquet"
            pq.write_table(pq.read_table(synthetic(n)[0]).slice(0, n), part)
            big = tmp / "big"
            t = time.perf_counter()
            # random words have no function words: the quality rules would filter them all and
            # leave the store's index empty, so they are off; undated, they make no stories
            off = RunConfig()
            scfg = replace(
                off,
                filters=replace(off.filters, quality=replace(off.filters.quality, enabled=False)),
                stories=replace(off.stories, enabled=False),
            )
            run([str(part)], None, scfg, log=lambda _m: None, store=big)
            print(
                f"\nstore filled with {n:,} synthetic documents in {time.perf_counter() - t:.1f} s"
            )
            big_times = daily(big, cfg)
            print(
                "| daily run | store of the earlier days only (s) "
                "| store holding the synthetic documents too (s) |"
            )
            print("|---|---|---|")
            for k, (x, y) in enumerate(zip(times, big_times, strict=True)):
                print(f"| day {k + 1} ({CRAWL_DAYS[k]}) | {x:.1f} | {y:.1f} |")


if __name__ == "__main__":
    main()
