"""Language identification and quality filters: the figures of issue 4.

    .venv/bin/python benchmarks/bench_filters.py [--sets lang crawl] [--sample 20]

- lang: 1,000 Indonesian articles from ../shared/data/indosum-dev (the first 1,000 distinct
  ids in file order, paragraphs joined one per line) and the 200 Malay news texts of
  benchmarks/data/lang/ms_written.txt. For saring (py3langid, as ``saring.filters.lang``) and,
  when installed, lingua (restricted to Indonesian, Malay, English, Javanese, Tagalog) and
  CLD2: the confusion table, Indonesian accuracy, Malay recall, and articles per second of CPU
  time on one core (best of 3 passes).
- crawl: ``saring run --lang id`` on the three days of ../shared/data/indonews-crawl-2025-06;
  how many documents each rule removes. With --sample N, writes N removed documents per rule
  (random, seed 0) to out/bench_filters/removed_<rule>.md for reading by hand. Those files hold
  crawl text: they stay out of the repository (out/ is ignored).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

import pyarrow.parquet as pq
from shared_data import CRAWL, CRAWL_DAYS, INDOSUM, ROOT, crawl_config, indosum_articles

from saring.filters.lang import identify
from saring.model import reason_code
from saring.pipeline import run

MALAY = ROOT / "benchmarks" / "data" / "lang" / "ms_written.txt"
OUT = ROOT / "out" / "bench_filters"


def detectors() -> dict:
    found = {"saring (py3langid)": lambda t: identify(t)[0]}
    try:
        from lingua import Language, LanguageDetectorBuilder

        langs = {
            Language.INDONESIAN: "id",
            Language.MALAY: "ms",
            Language.ENGLISH: "en",
            Language.TAGALOG: "tl",
        }
        det = LanguageDetectorBuilder.from_languages(*langs).build()
        found["lingua (id ms en tl)"] = lambda t: langs.get(det.detect_language_of(t), "?")
    except ImportError:
        pass
    try:
        import pycld2

        def cld2(text: str) -> str:
            clean = "".join(c for c in text if c.isprintable() or c == "\n")
            return pycld2.detect(clean)[2][0][1]

        found["CLD2 (pycld2)"] = cld2
    except ImportError:
        pass
    return found


def bench_lang() -> None:
    ids = indosum_articles()
    ms = MALAY.read_text(encoding="utf-8").strip().split("\n\n")
    print(f"## language identification: {len(ids)} Indonesian (IndoSum), {len(ms)} Malay texts")
    print(
        "| detector | id→id | id→ms | id→other | ms→ms | ms→id | ms→other | id accuracy |"
        " ms recall | articles/s (1 core) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, detect in detectors().items():
        best = float("inf")
        for _ in range(3):
            t0 = time.process_time()
            got_id = [detect(t) for t in ids]
            best = min(best, time.process_time() - t0)
        got_ms = [detect(t) for t in ms]
        a, b = Counter(got_id), Counter(got_ms)
        id_other = len(ids) - a["id"] - a["ms"]
        ms_other = len(ms) - b["ms"] - b["id"]
        print(
            f"| {name} | {a['id']} | {a['ms']} | {id_other} | {b['ms']} | {b['id']} | {ms_other} "
            f"| {a['id'] / len(ids):.3f} | {b['ms'] / len(ms):.3f} | {len(ids) / best:,.0f} |"
        )
        misses = [t[:90] for t, g in zip(ms, got_ms, strict=True) if g != "ms"]
        misses += [t[:90] for t, g in zip(ids, got_id, strict=True) if g != "id"]
        for m in misses:
            print(f"    missed: {m!r}")


def bench_crawl(sample: int) -> None:
    days = [CRAWL / d for d in CRAWL_DAYS]
    cfg = crawl_config()
    cfg = replace(cfg, filters=replace(cfg.filters, lang=("id",)))
    with tempfile.TemporaryDirectory() as tmp:
        stats = run([str(d) for d in days], Path(tmp) / "out", cfg, log=lambda _m: None)
        table = pq.read_table(Path(tmp) / "out" / "documents.parquet").to_pylist()
    filt = next(s for s in stats["stages"] if s["stage"] == "filter")
    print(
        f"\n## crawl: {stats['documents']['in']} documents, filter stage in {filt['in']}, "
        f"out {filt['out']}"
    )
    print(f"languages of every document with text: {stats['filter']['languages']}")
    print("| rule | removed | share of the stage's input |")
    print("|---|---|---|")
    for code, n in sorted(filt["dropped"].items(), key=lambda kv: -kv[1]):
        print(f"| `{code}` | {n} | {n / filt['in']:.2%} |")
    if not sample:
        return
    by_rule = defaultdict(list)
    for r in table:
        code = reason_code(r["reason"])
        if r["status"] == "filtered" and code and code.split(":")[0] in ("lang", "quality"):
            by_rule[code].append(r)
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(0)
    for code, rows in sorted(by_rule.items()):
        picked = rng.sample(rows, min(sample, len(rows)))
        lines = [f"# {code}: {len(picked)} of {len(rows)} removed documents\n"]
        for r in picked:
            lines.append(f"## {r['id']} {r['site']} | {r['title']}\n{r['reason']}\n")
            lines.append(r["text"][:1500] + "\n")
        (OUT / f"removed_{code.replace(':', '_')}.md").write_text("\n".join(lines), "utf-8")
    print(f"samples for reading in {OUT}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", nargs="+", default=["lang", "crawl"], choices=["lang", "crawl"])
    ap.add_argument("--sample", type=int, default=0, help="removed documents per rule to write")
    a = ap.parse_args()
    if "lang" in a.sets:
        if not INDOSUM.exists():
            print(f"skipping lang: {INDOSUM} is absent")
        else:
            bench_lang()
    if "crawl" in a.sets:
        if not CRAWL.exists():
            print(f"skipping crawl: {CRAWL} is absent")
        else:
            bench_crawl(a.sample)


if __name__ == "__main__":
    main()
