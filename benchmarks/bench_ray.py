"""The same run on Daft's local runner and on a Ray cluster: identical outputs, times side by side.

    python benchmarks/bench_ray.py [--docs 100000] [--address ADDR]

Without ``--address`` a Ray cluster is started on this machine for the run (a head on loopback
and two worker nodes of one CPU each, as tests/test_ray.py does) and stopped after. Data:
synthetic news articles made of real sentences (``synthetic_news``: each a title and 6 to 12
paragraphs of sentences drawn at random from IndoSum's articles, dated over 30 days; 2% are
edited copies of an earlier one), so that every stage has work: cleaning, filters, exact and
near dedup. Stories are left out (``--no-stories``): they are grouped in the driver, the same
code on both runners, and articles of random sentences never group, so 100,000 one-article
stories made that phase longer than all the rest (tests/test_ray.py compares stories on the
bundled examples). Both runs are the CLI in a fresh process; the outputs are compared row by
row (id, status, reason, dup_of, dup_cluster, story_id, text).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.parquet as pq
from bench_run import machine
from shared_data import indosum_articles

from saring.stories.sentences import sentences

RAY = Path(sys.executable).with_name("ray")
KEYS = ("id", "status", "reason", "dup_of", "dup_cluster", "story_id", "text")


def synthetic_news(n: int, path: Path, seed: int = 7) -> None:
    """``n`` articles as Parquet (title, text, date) from IndoSum's sentences, shuffled."""
    import random
    from datetime import datetime, timedelta

    import pyarrow as pa

    rng = random.Random(seed)
    pool = [s for text in indosum_articles(10**6) for s in sentences(text) if len(s.split()) >= 6]
    start = datetime(2025, 6, 1)
    titles, texts, dates = [], [], []
    for k in range(n):
        if k > 10 and rng.random() < 0.02:  # an edited copy of an earlier article
            j = rng.randrange(k)
            words = texts[j].split(" ")
            words[rng.randrange(len(words))] = "juga"
            titles.append(titles[j])
            texts.append(" ".join(words))
            dates.append(dates[j])
            continue
        paras = [
            " ".join(rng.choice(pool) for _ in range(rng.randint(2, 3)))
            for _ in range(rng.randint(6, 12))
        ]
        titles.append(rng.choice(pool).rstrip(".")[:90])
        texts.append("\n\n".join(paras))
        dates.append((start + timedelta(minutes=rng.randrange(30 * 24 * 60))).isoformat())
    pq.write_table(pa.table({"title": titles, "text": texts, "date": dates}), path)


def start_cluster(port: int) -> None:
    common = [
        "--node-ip-address=127.0.0.1",
        "--disable-usage-stats",
        "--object-store-memory=2000000000",
    ]
    subprocess.run(
        [
            RAY,
            "start",
            "--head",
            f"--port={port}",
            "--num-cpus=0",
            "--include-dashboard=false",
            *common,
        ],
        check=True,
        capture_output=True,
    )
    for _ in range(2):
        subprocess.run(
            [RAY, "start", f"--address=127.0.0.1:{port}", "--num-cpus=1", *common],
            check=True,
            capture_output=True,
        )


def saring(args: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "saring", "run", *args, "-q"], check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--address")
    a = ap.parse_args()
    print(f"machine: {machine()}; date {time.strftime('%Y-%m-%d')}\n")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        part = tmp / "synthetic.parquet"
        synthetic_news(a.docs, part)
        # stories are grouped in the driver, the same Python on both runners, and random
        # articles never group (100,000 one-article stories took longer than the rest)
        common = [str(part), "--no-report", "--no-stories"]
        address = a.address
        if address is None:
            start_cluster(6391)
            address = "127.0.0.1:6391"
        try:
            native = saring([*common, "-o", str(tmp / "native")])
            on_ray = saring(
                [*common, "-o", str(tmp / "ray"), "--runner", "ray", "--address", address]
            )
        finally:
            if a.address is None:
                subprocess.run([RAY, "stop", "--force"], capture_output=True)
        x = pq.read_table(tmp / "native" / "documents.parquet", columns=list(KEYS)).to_pylist()
        y = pq.read_table(tmp / "ray" / "documents.parquet", columns=list(KEYS)).to_pylist()
        differ = sum(r != s for r, s in zip(x, y, strict=True))
        stats = json.loads((tmp / "native" / "stats.json").read_text())
        print(f"{a.docs:,} documents; by status {stats['documents']['by_status']}")
        print(f"rows that differ between the runners: {differ} of {len(x):,}\n")
        print("| runner | seconds | documents/s |")
        print("|---|---|---|")
        for name, s in (
            ("native (local, 2 worker processes)", native),
            (f"ray ({address})", on_ray),
        ):
            print(f"| {name} | {s:.1f} | {a.docs / s:,.0f} |")


if __name__ == "__main__":
    main()
