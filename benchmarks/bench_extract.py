"""Extraction and cleaning quality and speed, against plain trafilatura in the same run.

    .venv/bin/python benchmarks/bench_extract.py [--sets aeb fundus seeds] [--variants ...]

- aeb: ../shared/data/article-extraction-benchmark (181 English pages, gold ``articleBody``),
  scored with that benchmark's metric (4-gram shingles, per-page P/R averaged; saring.evaluate).
- fundus: ../shared/data/fundus-multilingual (257 pages, 40 countries, gold ``body_text``), same
  metric.
- seeds: ../shared/seeds through the text path, token F1 against benchmarks/data/seeds_gold.
- speed: the text path on the shared crawl's article bodies (documents of about 3 KB), and the
  HTML path on the aeb pages, one core, against ``trafilatura.extract``.

Every figure for saring is what ``saring run`` puts in the ``text`` column (process_record).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import statistics
import time

import trafilatura
from shared_data import AEB, CRAWL, FUNDUS, SEEDS

from saring.clean import CleanConfig, clean_page
from saring.config import RunConfig
from saring.evaluate import page_counts, seed_gold, shingle_scores, token_f1
from saring.extract.html import HtmlExtractor
from saring.process import process_record


def aeb_pages():
    gold = json.loads((AEB / "ground-truth.json").read_text())
    for key, item in gold.items():
        html = gzip.decompress((AEB / "html" / f"{key}.html.gz").read_bytes())
        yield key, html, item["articleBody"], item.get("url")


def fundus_pages():
    for line in (FUNDUS / "gold_manifest.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        html = gzip.decompress((FUNDUS / "test_data" / item["html"]).read_bytes())
        yield item["html"], html, item["body_text"], item.get("url")


def plain_trafilatura(html: bytes, url: str | None) -> str:
    # The benchmark's own trafilatura run: extract() with comments off, nothing else.
    return trafilatura.extract(html, include_comments=False) or ""


def saring_variant(favor: str, html_mode: str):
    cfg = RunConfig(extractor=HtmlExtractor(favor=favor), clean=CleanConfig(html_mode=html_mode))

    def run(html: bytes, url: str | None) -> str:
        rec = {"id": "x", "order": "0", "fmt": "html", "raw": html, "url": url}
        return process_record(rec, cfg).processed.text or ""

    return run


VARIANTS = {
    "trafilatura": plain_trafilatura,
    "saring": saring_variant("balanced", "full"),
    "saring-rules": saring_variant("balanced", "rules"),
    "saring-none": saring_variant("balanced", "none"),
    "saring-precision": saring_variant("precision", "full"),
}


def score_html(pages, names, repeat: int = 2):
    """Scores per variant; time is CPU seconds with the variants interleaved page by page, so
    that the machine's load falls on all of them alike (the ratio is what to compare)."""
    pages = list(pages)
    counts = {n: [] for n in names}
    seconds = dict.fromkeys(names, 0.0)
    for rep in range(repeat):
        for _, html, gold, url in pages:
            for n in names:
                t = time.process_time()
                text = VARIANTS[n](html, url)
                seconds[n] += time.process_time() - t
                if rep == 0:
                    counts[n].append(page_counts(gold, text))
    return {
        n: {**shingle_scores(counts[n]), "seconds": seconds[n] / repeat, "pages": len(pages)}
        for n in names
    }


def score_seeds():
    gold = seed_gold(SEEDS)
    out = {}
    for name, g in gold.items():
        text = (SEEDS / name).read_text(encoding="utf-8")
        out[name] = token_f1(g, clean_page(text, CleanConfig(), html=False).text)
    return out


def speed_text(repeat: int = 7) -> dict:
    """Documents of about 3 KB: the crawl's distinct article bodies of 2.5 to 3.5 KB, through the
    cleaning step alone (clean_page) and through the whole per-document function
    (process_record: cleaning plus date parsing, normalisation and the exact-duplicate hash).
    CPU seconds of this process (one core), best of ``repeat`` runs: on a shared machine the
    wall clock also counts other tenants' work."""
    seen: set[str] = set()
    bodies = []
    for day in ("18", "19", "20"):
        with open(
            CRAWL / f"scrapping_news_2025-06-{day}.csv", encoding="utf-8-sig", newline=""
        ) as fh:
            for r in csv.DictReader(fh):
                b = r["isi_berita"]
                if b not in seen and 2560 <= len(b.encode()) <= 3584:
                    seen.add(b)
                    bodies.append((b, r["judul"]))
    cfg = RunConfig()
    recs = [
        {"id": str(i), "order": str(i), "fmt": "text", "raw_text": b, "title": t}
        for i, (b, t) in enumerate(bodies)
    ]

    def timed(f) -> float:
        runs = []
        for _ in range(repeat):
            t = time.process_time()
            f()
            runs.append(time.process_time() - t)
        return min(runs)

    clean_s = timed(lambda: [clean_page(b, cfg.clean, html=False, title=t) for b, t in bodies])
    whole_s = timed(lambda: [process_record(r, cfg) for r in recs])
    kb = statistics.mean(len(b.encode()) for b, _ in bodies) / 1024
    return {
        "documents": len(bodies),
        "mean_kb": kb,
        "clean_per_s": len(bodies) / clean_s,
        "whole_per_s": len(bodies) / whole_s,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", nargs="+", default=["aeb", "fundus", "seeds", "speed"])
    ap.add_argument("--variants", nargs="+", default=list(VARIANTS))
    a = ap.parse_args()
    print(f"date {time.strftime('%Y-%m-%d')}; trafilatura {trafilatura.__version__}")
    for name, path, gen in (("aeb", AEB, aeb_pages), ("fundus", FUNDUS, fundus_pages)):
        if name not in a.sets:
            continue
        if not path.exists():
            print(f"{name}: skipped, {path} is absent")
            continue
        res = score_html(gen(), a.variants)
        base = res.get("trafilatura")
        print(f"\n{name} ({next(iter(res.values()))['pages']} pages)")
        print("| variant | precision | recall | F1 | seconds | time vs trafilatura |")
        print("|---|---|---|---|---|---|")
        for v, r in res.items():
            ratio = f"{r['seconds'] / base['seconds']:.2f}x" if base else ""
            scores = f"{r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.4f}"
            print(f"| {v} | {scores} | {r['seconds']:.1f} | {ratio} |")
    if "seeds" in a.sets:
        if not SEEDS.exists():
            print("seeds: skipped, absent")
        else:
            print("\nseeds (text path, token F1 against benchmarks/data/seeds_gold)")
            print("| seed | precision | recall | F1 |")
            print("|---|---|---|---|")
            for k, r in score_seeds().items():
                print(f"| {k} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} |")
    if "speed" in a.sets and CRAWL.exists():
        s = speed_text()
        print(
            f"\ntext path speed, one core, {s['documents']} distinct crawl bodies of 2.5-3.5 KB "
            f"({s['mean_kb']:.1f} KB mean): cleaning {s['clean_per_s']:.0f} documents/s, "
            f"whole per-document function {s['whole_per_s']:.0f} documents/s"
        )


if __name__ == "__main__":
    main()
