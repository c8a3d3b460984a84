"""Speed and peak memory of the near-duplicate stage, alone and against other tools.

    python benchmarks/bench_dedup_speed.py speed --docs 1000000
    python benchmarks/bench_dedup_speed.py compare --docs 100000

needs ``pip install -e .[bench]`` (the other tools, psutil); a tool that is missing fails its row.

The documents are synthetic: 400 words each drawn from a Zipf law over 50,000 made-up words,
and 2% of them near copies of another (2% of the words replaced), so that there are clusters
to find. They are generated once into ``out/bench_dedup/`` (generation is not timed).

Each tool runs in a child process from reading the Parquet file to the clusters (normalise,
signatures, LSH bands, candidate pairs, connected components); the parent samples the resident
memory of the child and all its descendants every 0.1 s and reports the peak. Every tool uses
word 5-grams, 128 permutations and 16 bands of 8 rows. saring also verifies candidate pairs by
their true Jaccard (its default); the others stop at LSH.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import psutil
import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "out" / "bench_dedup"
CHUNK = 100_000
WORDS, VOCAB, COPY_RATE, COPY_EDIT = 400, 50_000, 0.02, 0.02
NGRAM, NUM_PERM, BANDS, ROWS, THRESHOLD = 5, 128, 16, 8, 0.8

# --- data -------------------------------------------------------------------------------------


def _vocabulary(rng: np.random.Generator) -> np.ndarray:
    syllables = [c + v for c in "bcdghjklmnprstw" for v in "aiueo"]
    words = set()
    while len(words) < VOCAB:
        k = rng.integers(1, 5)
        words.add("".join(rng.choice(syllables, k)))
    return np.array(sorted(words), dtype=object)


def synthetic(n: int) -> list[str]:
    """Parquet files (``k``, ``text``) of ``CHUNK`` documents each, enough for ``n``; a file is
    made once, from its own seed, so the first 100,000 documents are the same for every ``n``."""
    folder = OUT / "synthetic"
    folder.mkdir(parents=True, exist_ok=True)
    vocab = _vocabulary(np.random.default_rng(7))
    p = 1.0 / np.arange(1, VOCAB + 1) ** 1.1
    cdf = np.cumsum(p / p.sum())
    files = []
    for part in range(-(-n // CHUNK)):
        path = folder / f"part-{part:04d}.parquet"
        files.append(str(path))
        if path.exists():
            continue
        rng = np.random.default_rng([7, part])
        idx = np.searchsorted(cdf, rng.random((CHUNK, WORDS)))
        copies = np.flatnonzero(rng.random(CHUNK) < COPY_RATE)
        copies = copies[copies > 0]
        idx[copies] = idx[rng.integers(0, copies)]  # a copy of an earlier document of the file
        edits = rng.random((len(copies), WORDS)) < COPY_EDIT
        idx[copies] = np.where(edits, rng.integers(0, VOCAB, (len(copies), WORDS)), idx[copies])
        texts = [" ".join(row) for row in vocab[idx]]
        keys = [f"{part * CHUNK + i:09d}" for i in range(CHUNK)]
        tmp = path.with_suffix(".tmp")
        pq.write_table(pa.table({"k": keys, "text": texts}), tmp)
        tmp.rename(path)
    return files


# --- the tools, each run in a child process ----------------------------------------------------


def _shingle_batches(files: list[str], size: int = 1000):
    """Lists of shingle lists, ``size`` documents at a time (saring's normal form, word
    5-grams), so that no tool holds more than one batch of shingles."""
    from saring.dedup.normalize import normalize

    for f in files:
        for batch in pq.ParquetFile(f).iter_batches(batch_size=size, columns=["text"]):
            out = []
            for t in batch.column(0).to_pylist():
                w = normalize(t).split(" ")
                out.append([" ".join(w[i : i + NGRAM]) for i in range(max(1, len(w) - NGRAM + 1))])
            yield out


def _components(n: int, pairs: list[tuple[int, int]]) -> int:
    """Documents in clusters of two or more, by scipy's connected components."""
    from saring.dedup.lsh import components

    a = np.array([p[0] for p in pairs], dtype=np.int64)
    b = np.array([p[1] for p in pairs], dtype=np.int64)
    canon = components(n, a, b)
    return int((np.bincount(canon, minlength=n)[canon] > 1).sum())


def tool_saring(files: list[str], workers: int) -> dict:
    import daft

    from saring.config import DedupConfig
    from saring.dedup.near import add_bands, near_duplicates, normalized

    cfg = DedupConfig(threshold=THRESHOLD, ngram=NGRAM, num_perm=NUM_PERM, bands=BANDS, rows=ROWS)
    df = daft.read_parquet(files).into_batches(1000)
    # in-process: a process pool for normalize costs as much as it saves here (measured)
    df = add_bands(df, normalized(daft.col("text")), cfg)
    found = near_duplicates(df, cfg, key="k", text="text")
    return {"in_clusters": len(found.canonical), **found.info}


def tool_datasketch(files: list[str], workers: int) -> dict:
    from datasketch import MinHash, MinHashLSH

    sigs = []
    for batch in _shingle_batches(files):
        sigs += MinHash.bulk([[s.encode() for s in sh] for sh in batch], num_perm=NUM_PERM)
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, params=(BANDS, ROWS))
    with lsh.insertion_session() as session:
        for i, m in enumerate(sigs):
            session.insert(i, m)
    pairs = [(i, j) for i, m in enumerate(sigs) for j in lsh.query(m) if j > i]
    return {"in_clusters": _components(len(sigs), pairs), "candidate_pairs": len(pairs)}


def tool_rensa(files: list[str], workers: int) -> dict:
    from rensa import RMinHash, RMinHashLSH

    sigs = []
    for batch in _shingle_batches(files):
        sigs += RMinHash.from_token_sets(batch, num_perm=NUM_PERM, seed=1)
    lsh = RMinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, num_bands=BANDS)
    lsh.insert_many(sigs)
    found = lsh.query_all(sigs)
    pairs = [(i, j) for i, js in enumerate(found) for j in js if j > i]
    return {"in_clusters": _components(len(sigs), pairs), "candidate_pairs": len(pairs)}


def tool_datatrove(files: list[str], workers: int) -> dict:
    """datatrove's four minhash stages on its local executor, with its own text normalisation
    and the word tokenizer it assigns to Indonesian (spaCy's blank ``id`` tokenizer)."""
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.dedup.minhash import (
        MinhashConfig,
        MinhashDedupBuckets,
        MinhashDedupCluster,
        MinhashDedupFilter,
        MinhashDedupSignature,
    )
    from datatrove.pipeline.readers import ParquetReader
    from datatrove.pipeline.writers import JsonlWriter

    cfg = MinhashConfig(n_grams=NGRAM, num_buckets=BANDS, hashes_per_bucket=ROWS)
    folder = str(Path(files[0]).parent)
    names = [Path(f).name for f in files]

    def reader():
        return ParquetReader(folder, glob_pattern=names[0] if len(names) == 1 else "part-*.parquet")

    with tempfile.TemporaryDirectory(dir=OUT) as tmp:
        t = Path(tmp)
        stages = [
            [reader(), MinhashDedupSignature(str(t / "sigs"), config=cfg, language="id")],
            [MinhashDedupBuckets(str(t / "sigs"), str(t / "buckets"), config=cfg)],
            [MinhashDedupCluster(str(t / "buckets"), str(t / "remove"), config=cfg)],
            [
                reader(),
                MinhashDedupFilter(str(t / "remove"), exclusion_writer=None),
                JsonlWriter(str(t / "kept")),
            ],
        ]
        tasks = [workers, BANDS, 1, workers]
        for i, (pipe, n) in enumerate(zip(stages, tasks, strict=True)):
            LocalPipelineExecutor(
                pipeline=pipe,
                tasks=n,
                workers=workers,
                logging_dir=str(t / f"logs{i}"),
                skip_completed=False,
            ).run()
        removed = sum(p.stat().st_size // 4 for p in (t / "remove").glob("*.remove") if p.is_file())
    return {"removed": removed}


TOOLS = {
    "saring": tool_saring,
    "datasketch": tool_datasketch,
    "rensa": tool_rensa,
    "datatrove": tool_datatrove,
}


def measure(tool: str, files: list[str], workers: int) -> dict:
    """Run one tool in a child process; wall time, CPU time and peak memory of its tree."""
    cmd = [sys.executable, __file__, "_one", tool, str(workers), *files]
    t0 = time.perf_counter()
    proc = psutil.Popen(cmd, stdout=subprocess.PIPE, text=True)
    peak, cpu = 0, {}
    while proc.poll() is None:
        try:
            tree = [proc, *proc.children(recursive=True)]
            rss = 0
            for p in tree:
                try:
                    rss += p.memory_info().rss
                    c = p.cpu_times()
                    cpu[p.pid] = c.user + c.system
                except psutil.NoSuchProcess:
                    pass
            peak = max(peak, rss)
        except psutil.NoSuchProcess:
            pass
        time.sleep(0.1)
    wall = time.perf_counter() - t0
    out = proc.stdout.read()
    if proc.returncode:
        return {"tool": tool, "error": f"exit {proc.returncode}"}
    result = json.loads(out.strip().splitlines()[-1])
    return {
        "tool": tool,
        "seconds": wall,
        "cpu_seconds": sum(cpu.values()),
        "peak_rss": peak,
        **result,
    }


def _one(tool: str, workers: int, files: list[str]) -> None:
    result = TOOLS[tool](files, workers)
    print(json.dumps(result))


def _row(r: dict, n: int, base: dict | None) -> str:
    if "error" in r:
        return f"| {r['tool']} | failed: {r['error']} |"
    rate = n / r["seconds"]
    ratio = f"{r['seconds'] / base['seconds']:.2f}" if base else "1.00"
    extra = {k: v for k, v in r.items() if k not in ("tool", "seconds", "cpu_seconds", "peak_rss")}
    return (
        f"| {r['tool']} | {r['seconds']:.1f} | {rate:,.0f} | {ratio} | {r['cpu_seconds']:.0f} | "
        f"{r['peak_rss'] / 2**30:.2f} | {json.dumps(extra)} |"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    if len(sys.argv) > 1 and sys.argv[1] == "_one":
        _one(sys.argv[2], int(sys.argv[3]), sys.argv[4:])
        return
    sub = ap.add_subparsers(dest="what", required=True)
    for name in ("speed", "compare"):
        p = sub.add_parser(name)
        p.add_argument("--docs", type=int, default=1_000_000 if name == "speed" else 100_000)
        p.add_argument("--workers", type=int, default=psutil.cpu_count() or 1)
        p.add_argument(
            "--tools", nargs="+", default=list(TOOLS) if name == "compare" else ["saring"]
        )
    args = ap.parse_args()
    if args.docs % CHUNK:
        sys.exit(f"--docs must be a multiple of {CHUNK:,}")
    t = time.perf_counter()
    files = synthetic(args.docs)
    print(
        f"{args.docs:,} synthetic documents of {WORDS} words ({time.perf_counter() - t:.0f} s to "
        f"make or find); {psutil.cpu_count()} cores, {args.workers} workers"
    )
    print("| tool | seconds | docs/s | time / saring's | CPU s | peak memory GiB | found |")
    print("|---|---|---|---|---|---|---|")
    base = None
    for tool in args.tools:
        r = measure(tool, files, args.workers)
        print(_row(r, args.docs, base), flush=True)
        if tool == "saring" and "error" not in r:
            base = r


if __name__ == "__main__":
    main()
