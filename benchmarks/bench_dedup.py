"""Near-duplicate detection: accuracy on controlled copies, real copies in the crawl, speed.

    python benchmarks/bench_dedup.py accuracy          # copies of IndoSum and crawl articles
    python benchmarks/bench_dedup.py crawl             # cross-outlet clusters, for reading
    python benchmarks/bench_dedup_speed.py speed --docs 1000000
    python benchmarks/bench_dedup_speed.py compare --docs 100000   # vs datasketch, rensa, datatrove

Every figure runs saring's own near-duplicate plan (``saring.dedup.near``), the one
``saring run`` uses. ``accuracy`` makes one edited copy (or three) of each real article, with
edits whose true word-5-gram Jaccard is computed, never assumed. Results go to
docs/benchmarks.md by hand, with date and machine.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from collections import defaultdict
from dataclasses import replace
from itertools import combinations, pairwise
from pathlib import Path

import daft
import numpy as np
from shared_data import CRAWL, CRAWL_DAYS, INDOSUM, ROOT, indosum_articles

from saring.config import DedupConfig
from saring.dedup.near import add_bands, bands_rows, near_duplicates, normalized
from saring.dedup.normalize import normalize
from saring.dedup.similarity import jaccard

OUT = ROOT / "out" / "bench_dedup"

# Lines of the kind sites add around a copied article, to add as boilerplate edits (ours).
FURNITURE = [
    "Baca juga: {h}",
    "Simak berita terkini lainnya hanya di sini.",
    "Ikuti kami di Google News untuk update {h}",
    "Dapatkan berita pilihan setiap pagi, daftar newsletter kami.",
    "Editor: {n}",
    "Sumber: Antara",
    "Artikel ini telah tayang dengan judul {h}",
    "Klik di sini untuk berlangganan.",
]


def crawl_texts(limit: int) -> list[str]:
    out = []
    csv.field_size_limit(sys.maxsize)
    for day in CRAWL_DAYS:
        with open(CRAWL / day, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                out.append(row["isi_berita"])
    return out[:limit]


def distinct_bases(texts: list[str], min_words: int) -> list[str]:
    """Texts of at least ``min_words`` words with no near copy among them: one per cluster at
    Jaccard 0.5, so that every pair with a high similarity in the benchmark is one we made."""
    texts = [t for t in texts if len(normalize(t).split()) >= min_words]
    dup = near(texts, DedupConfig(threshold=0.5)).canonical
    return [t for i, t in enumerate(texts) if dup.get(f"{i:07d}", f"{i:07d}") == f"{i:07d}"]


def near(texts: list[str], cfg: DedupConfig):
    """saring's near-duplicate plan on raw texts keyed by their position (``0000012``)."""
    keys = [f"{i:07d}" for i in range(len(texts))]
    df = add_bands(daft.from_pydict({"k": keys, "t": texts}), normalized(daft.col("t")), cfg)
    return near_duplicates(df, cfg, key="k", text="t")


# --- edits ------------------------------------------------------------------------------------


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s]


def edit(text: str, kind: str, rng: random.Random, vocab: list[str]) -> str:
    """One copy of ``text`` with an edit of ``kind`` at a random strength."""
    words = text.split(" ")
    n = len(words)
    if kind == "substitute":
        for i in rng.sample(range(n), round(n * rng.uniform(0, 0.08))):
            words[i] = rng.choice(vocab)
        return " ".join(words)
    if kind == "insert":
        for _ in range(round(n * rng.uniform(0, 0.08))):
            words.insert(rng.randrange(n), rng.choice(vocab))
        return " ".join(words)
    if kind == "delete":
        gone = set(rng.sample(range(n), round(n * rng.uniform(0, 0.08))))
        return " ".join(w for i, w in enumerate(words) if i not in gone)
    if kind == "reorder":
        sents = _sentences(text)
        for _ in range(rng.randint(1, max(1, len(sents) // 3))):
            s = sents.pop(rng.randrange(len(sents)))
            sents.insert(rng.randrange(len(sents) + 1), s)
        return " ".join(sents)
    if kind == "add_boilerplate":
        lines = text.split("\n")
        budget = n * rng.uniform(0, 0.3)
        while budget > 0:
            h = " ".join(rng.choice(vocab) for _ in range(rng.randint(5, 12)))
            line = rng.choice(FURNITURE).format(h=h.capitalize(), n=rng.choice(vocab).title())
            lines.insert(rng.randrange(len(lines) + 1), line)
            budget -= len(line.split())
        return "\n".join(lines)
    if kind == "remove_lines":
        lines = _sentences(text) if text.count("\n") < 3 else text.split("\n")
        drop = n * rng.uniform(0, 0.25)
        while drop > 0 and len(lines) > 2:
            drop -= len(lines.pop(rng.randrange(len(lines))).split())
        return "\n".join(lines)
    if kind == "truncate":
        return " ".join(words[: max(5, round(n * rng.uniform(0.55, 1.0)))])
    if kind == "mixed":
        once = edit(text, "substitute", rng, vocab)
        return edit(once, rng.choice(["add_boilerplate", "truncate", "reorder"]), rng, vocab)
    raise ValueError(kind)


KINDS = [
    "substitute",
    "insert",
    "delete",
    "reorder",
    "add_boilerplate",
    "remove_lines",
    "truncate",
    "mixed",
]


def build(bases: list[str], triples: int, seed: int = 0):
    """Documents and families: each base with one edited copy, or three for the first
    ``triples`` bases."""
    rng = random.Random(seed)
    vocab = sorted({w for t in bases[:500] for w in normalize(t).split() if len(w) > 2})
    docs, family, kinds = [], [], []
    for i, base in enumerate(bases):
        docs.append(base)
        family.append(i)
        kinds.append("base")
        for _ in range(3 if i < triples else 1):
            kind = rng.choice(KINDS)
            docs.append(edit(base, kind, rng, vocab))
            family.append(i)
            kinds.append(kind)
    return docs, family, kinds


# --- scoring ----------------------------------------------------------------------------------


def clusters_of(docs: list[str], cfg: DedupConfig) -> tuple[np.ndarray, dict, float]:
    """Each document's cluster label (its own index when alone), the plan's info, seconds."""
    t = time.perf_counter()
    found = near(docs, cfg)
    seconds = time.perf_counter() - t
    label = np.arange(len(docs))
    for k, c in found.canonical.items():
        label[int(k)] = int(c)
    return label, found.info, seconds


def score(family, label, norms) -> dict:
    """The true Jaccard of every predicted pair (two documents in one cluster) and of every
    known pair (two documents of one family), and whether each known pair was found."""
    members = defaultdict(list)
    for i, c in enumerate(label):
        members[int(c)].append(i)
    predicted = [p for m in members.values() if len(m) > 1 for p in combinations(m, 2)]
    pj = {p: jaccard(norms[p[0]], norms[p[1]]) for p in predicted}
    fams = defaultdict(list)
    for i, f in enumerate(family):
        fams[f].append(i)
    known = {}
    for m in fams.values():
        for p in combinations(m, 2):
            known[p] = pj.get(p, jaccard(norms[p[0]], norms[p[1]]))
    found = {p: label[p[0]] == label[p[1]] for p in known}
    return {"predicted": pj, "known": known, "found": found}


def report(name: str, s: dict, threshold: float) -> None:
    pj, known, found = s["predicted"], s["known"], s["found"]
    good = sum(j >= threshold for j in pj.values())
    prec = good / len(pj) if pj else 1.0
    hi = [p for p, j in known.items() if j >= 0.85]
    rec = sum(found[p] for p in hi) / len(hi)
    mid = [p for p, j in known.items() if threshold <= j < 0.85]
    lo = [p for p, j in known.items() if j < threshold]
    print(
        f"| {name} | {len(pj):,} | {prec:.4f} | {len(hi):,} | {rec:.4f} | "
        f"{sum(found[p] for p in mid) / max(1, len(mid)):.3f} ({len(mid)}) | "
        f"{sum(found[p] for p in lo) / max(1, len(lo)):.3f} ({len(lo)}) |"
    )


def curve(s: dict, edges=(0.0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0001)) -> None:
    known, found = s["known"], s["found"]
    print("| true Jaccard | known pairs | found (same cluster) |")
    print("|---|---|---|")
    for lo, hi in pairwise(edges):
        ps = [p for p, j in known.items() if lo <= j < hi]
        if ps:
            rate = sum(found[p] for p in ps) / len(ps)
            print(f"| {lo:.2f}–{min(hi, 1):.2f} | {len(ps):,} | {rate:.3f} |")


def pr_curve(s: dict) -> None:
    """Precision and recall when "a duplicate" means true Jaccard >= t, for several t."""
    pj, known, found = s["predicted"], s["known"], s["found"]
    print("| t | precision (predicted pairs with J >= t) | recall (known pairs with J >= t) |")
    print("|---|---|---|")
    for t in (0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
        prec = sum(j >= t for j in pj.values()) / max(1, len(pj))
        ps = [p for p, j in known.items() if j >= t]
        print(f"| {t:.2f} | {prec:.4f} | {sum(found[p] for p in ps) / max(1, len(ps)):.4f} |")


def bench_accuracy(n_indosum: int, n_crawl: int, triples: int) -> None:
    t = time.perf_counter()
    bases = distinct_bases(indosum_articles(n_indosum), 50)
    crawl = distinct_bases(crawl_texts(10**9), 50)
    random.Random(1).shuffle(crawl)
    bases += crawl[:n_crawl]
    bases = distinct_bases(bases, 50)
    docs, family, kinds = build(bases, 0)
    norms = [normalize(d) for d in docs]
    print(
        f"{len(bases):,} distinct bases ({n_indosum:,} IndoSum asked, {n_crawl:,} crawl), "
        f"{len(docs):,} documents; built in {time.perf_counter() - t:.0f} s"
    )
    base = DedupConfig()
    variants = {
        f"saring default: verify, {'x'.join(map(str, bands_rows(base)))}": base,
        "no verification, 16x8": replace(base, verify=False, bands=16, rows=8),
        f"no verification, {'x'.join(map(str, bands_rows(replace(base, verify=False))))} "
        "(datasketch's choice)": replace(base, verify=False),
    }
    print(f"\nthreshold {base.threshold}, {base.num_perm} permutations, word {base.ngram}-grams")
    print(
        "| variant | predicted pairs | precision (J >= 0.8) | known pairs J >= 0.85 | recall | "
        "found 0.8–0.85 | found < 0.8 |"
    )
    print("|---|---|---|---|---|---|---|")
    scores = {}
    for name, cfg in variants.items():
        label, _info, seconds = clusters_of(docs, cfg)
        scores[name] = score(family, label, norms)
        report(f"{name} ({seconds:.1f} s)", scores[name], base.threshold)
    default = next(iter(scores))
    print(f"\nfound rate by true Jaccard, {default}:")
    curve(scores[default])
    print(f"\nprecision and recall against true Jaccard, {default}:")
    pr_curve(scores[default])
    # by edit kind: recall of base-copy pairs with J >= 0.85
    print("\n| edit | copies | median J | recall at J >= 0.85 |")
    print("|---|---|---|---|")
    s = scores[default]
    by_kind = defaultdict(list)
    for (a, b), j in s["known"].items():
        if kinds[a] == "base":
            by_kind[kinds[b]].append((j, s["found"][(a, b)]))
    for kind in KINDS:
        items = by_kind[kind]
        hi = [f for j, f in items if j >= 0.85]
        med = float(np.median([j for j, _ in items]))
        print(f"| {kind} | {len(items)} | {med:.2f} | {sum(hi) / max(1, len(hi)):.4f} |")
    wrong = sorted(j for j in s["predicted"].values() if j < base.threshold)
    print(f"\npredicted pairs below {base.threshold}: {len(wrong)}, true Jaccard {wrong}")
    if triples:
        bench_triples(bases[:triples], base)


def bench_triples(bases: list[str], cfg: DedupConfig) -> None:
    """Three copies of each base: copies meet through the base, so connected components put
    pairs of copies that are less alike than the threshold into one cluster."""
    docs, family, _ = build(bases, len(bases), seed=2)
    norms = [normalize(d) for d in docs]
    label, _, _ = clusters_of(docs, cfg)
    s = score(family, label, norms)
    print(f"\n### {len(bases)} bases with three copies each ({len(docs):,} documents)")
    print(
        "| variant | predicted pairs | precision (J >= 0.8) | known pairs J >= 0.85 | recall | "
        "found 0.8–0.85 | found < 0.8 |"
    )
    print("|---|---|---|---|---|---|---|")
    report("saring default", s, cfg.threshold)
    dups = [i for i, c in enumerate(label) if c != i]
    ok = sum(jaccard(norms[i], norms[label[i]]) >= cfg.threshold for i in dups)
    print(
        f"documents marked duplicate: {len(dups)}; true Jaccard with the document named in "
        f"dup_of >= {cfg.threshold}: {ok} ({ok / max(1, len(dups)):.4f})"
    )


def bench_crawl(sample: int) -> None:
    """Run saring on the three crawl days; list the clusters whose members come from two or more
    outlets, with each member's true Jaccard to the canonical, and write ``sample`` of them, with
    their texts, to a file for reading by hand."""
    import tempfile

    import pyarrow.parquet as pq
    from shared_data import crawl_config

    from saring.pipeline import run

    with tempfile.TemporaryDirectory() as tmp:
        stats = run(
            [str(CRAWL / d) for d in CRAWL_DAYS], Path(tmp) / "o", crawl_config(), log=print
        )
        table = pq.read_table(Path(tmp) / "o" / "documents.parquet").to_pylist()
    print("dedup stats:", stats["dedup"])
    clusters = defaultdict(list)
    for r in table:
        if r["dup_cluster"]:
            clusters[r["dup_cluster"]].append(r)
    cross = {
        c: m
        for c, m in clusters.items()
        if len({r["site"] for r in m}) > 1 and any(r["reason"] == "near_duplicate" for r in m)
    }
    exact_cross = sum(
        1 for c, m in clusters.items() if len({r["site"] for r in m}) > 1 and c not in cross
    )
    print(
        f"{len(clusters)} clusters; {len(cross)} cross-outlet clusters with a near duplicate; "
        f"{exact_cross} cross-outlet clusters of exact copies only"
    )
    lines = [f"# {len(cross)} cross-outlet near-duplicate clusters in the crawl\n"]
    for c, members in sorted(cross.items(), key=lambda kv: -len(kv[1])):
        canon = next(r for r in members if r["id"] == c)
        sites = ", ".join(sorted({r["site"] for r in members}))
        lines.append(f"- `{c}` {len(members)} documents, {sites}: {canon['title']}")
    picked = random.Random(5).sample(sorted(cross), min(sample, len(cross)))
    lines.append(f"\n# {len(picked)} clusters to read\n")
    for n, c in enumerate(picked, 1):
        members = cross[c]
        canon = next(r for r in members if r["id"] == c)
        lines.append(f"## {n}. cluster {c}\n")
        for r in sorted(members, key=lambda r: r["id"] != c):
            j = jaccard(normalize(r["text"]), normalize(canon["text"]))
            lines.append(
                f"### {r['site']} | {r['published']} | {r['status']} {r['reason'] or ''} | "
                f"J to canonical {j:.3f} | {len(normalize(r['text']).split())} words\n"
                f"**{r['title']}**\n\n{r['text'][:700]}\n"
            )
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "crawl_clusters.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"clusters and {len(picked)} samples written to {OUT / 'crawl_clusters.md'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="what", required=True)
    a = sub.add_parser("accuracy")
    a.add_argument("--indosum", type=int, default=3000)
    a.add_argument("--crawl", type=int, default=2000)
    a.add_argument("--triples", type=int, default=500)
    c = sub.add_parser("crawl")
    c.add_argument("--sample", type=int, default=30)
    args = ap.parse_args()
    for path in (INDOSUM, CRAWL):
        if not path.exists():
            sys.exit(f"{path} is absent: this benchmark needs ../shared/data")
    if args.what == "accuracy":
        bench_accuracy(args.indosum, args.crawl, args.triples)
    elif args.what == "crawl":
        bench_crawl(args.sample)


if __name__ == "__main__":
    main()
