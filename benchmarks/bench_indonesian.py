"""Indonesian article pages that no rule or model of saring was written on: IndoSum's articles
in ten page templates of Indonesian news sites, through both paths, the peers in the same run.

    .venv/bin/python benchmarks/bench_indonesian.py [--pages 500]

- Pages: ``indo_shells`` (ten templates modelled on the layouts and furniture of Indonesian
  outlets: portals, a regional network, a wire, a platform, a WordPress blog, an AMP page;
  written by a helper who did not read saring's rules, its furniture table or its tests) filled
  with IndoSum dev articles (2016-2018, ten outlets; the article's paragraphs are the gold; its
  title read from its address). Articles that still carry a site's furniture in IndoSum ("Baca
  juga", script text) are left out, so that the gold is the article only.
- HTML: saring's ``text`` column (``process_record``, the bundled model: none of these sites is
  in its training data) against trafilatura (default and precision), readability-lxml,
  resiliparse and jusText, and their per-page oracle.
- Text: every page flattened by the four flatteners of ``extract_gold`` (blocks one a line,
  html2text, inscriptis, resiliparse), through saring's text path with no title, against C4's
  line rules and jusText over the same lines.
- Scores: 4-gram shingle F1 (``saring.evaluate``), mean over pages, per template and overall;
  "lost": pages where saring's F1 is under 0.2 while a peer's is above 0.8.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import statistics
import time
import warnings
from collections import defaultdict

import indo_shells
from bench_extract import f1_of
from extract_gold import FLATTENERS, HTML_PEERS, TEXT_PEERS
from shared_data import CRAWL, CRAWL_DAYS, INDOSUM, detokenize, indosum_dev

from saring.config import RunConfig
from saring.evaluate import page_counts
from saring.extract.units import text_units
from saring.process import process_record

LOST_BELOW, PEER_ABOVE = 0.2, 0.8
# The furniture rules written after reading saring's output on these pages read only the
# "tune" templates' pages; the others are reported apart (chosen before any rule was written).
TUNE = {"detik_like", "kompas_like", "tribun_like", "cnn_like", "kumparan_like"}
# IndoSum articles that kept a site's furniture or script text: the gold would hold it
_DIRTY = re.compile(
    r"baca (?:juga|selengkapnya)|\(baca\s*:|\(end\)|simak|lihat juga|cdata|function\s*\(|\{|\}",
    re.I,
)


def _title(url: str) -> str:
    """The headline an article's address spells ("/ketua-mpr-mustahil-..." ->
    "Ketua Mpr Mustahil ...")."""
    slug = url.rstrip("/").rsplit("/", 1)[-1]
    words = [w for w in re.split(r"[-_]+", re.sub(r"\.\w+$", "", slug)) if w and not w.isdigit()]
    return " ".join(w.capitalize() for w in words)


def articles(n: int) -> list[dict]:
    """The first ``n`` clean IndoSum dev articles with a headline and 3 paragraphs or more."""
    out = []
    for item in indosum_dev():
        paras = [detokenize(p, closers=".,:;!?)]", openers="([") for p in item["paragraphs"]]
        title = _title(item["source_url"])
        if len(paras) < 3 or len(title.split()) < 4 or any(_DIRTY.search(p) for p in paras):
            continue
        out.append({"title": title, "paragraphs": paras, "source": item["source"]})
        if len(out) == n:
            break
    return out


def headlines() -> list[str]:
    """Other articles' headlines for the pages' link lists: the crawl's, else none."""
    if not CRAWL.exists():
        return [f"Berita nomor {i} hari ini" for i in range(200)]
    seen: dict[str, None] = {}
    with open(CRAWL / CRAWL_DAYS[0], encoding="utf-8-sig", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["judul"]:
                seen.setdefault(r["judul"].strip(), None)
    return list(seen)


def pages(n: int) -> list[dict]:
    heads = headlines()
    out = []
    for i, a in enumerate(articles(n)):
        name = indo_shells.TEMPLATES[i % len(indo_shells.TEMPLATES)]
        html, gold = indo_shells.page(name, random.Random(i), a["title"], a["paragraphs"], heads)
        out.append({"key": str(i), "template": name, "html": html, "gold": gold})
    return out


def f1(gold: str, out: str) -> float:
    return f1_of(page_counts(gold, out))


def saring_html(page: dict) -> str:
    rec = {"id": "x", "order": "0", "fmt": "html", "raw": page["html"].encode("utf-8")}
    return process_record(rec, RunConfig()).processed.text or ""


def saring_text(flat: str) -> str:
    rec = {"id": "x", "order": "0", "fmt": "text", "raw_text": flat or " "}
    return process_record(rec, RunConfig()).processed.text or ""


def score(ps: list[dict], outputs: dict[str, list[str]], peers: list[str], title: str) -> None:
    """Print the mean F1 of each output, per template and overall, with the oracle of the
    peers, saring's margin over the best peer and the lost pages."""
    f = {
        n: [f1(p["gold"], o) for p, o in zip(ps, outs, strict=True)] for n, outs in outputs.items()
    }
    f["oracle"] = [max(f[n][i] for n in peers) for i in range(len(ps))]
    names = list(f)
    by: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(ps):
        by[p["template"]].append(i)
    print(f"\n### {title}\n")
    print("| template | n | " + " | ".join(names) + " |")
    print("|---|---|" + "---|" * len(names))
    tune = [i for i, p in enumerate(ps) if p["template"] in TUNE]
    held = [i for i, p in enumerate(ps) if p["template"] not in TUNE]
    rows = [("all", list(range(len(ps)))), ("tune", tune), ("held", held), *sorted(by.items())]
    for t, idx in rows:
        cells = [f"{statistics.mean(f[n][i] for i in idx):.4f}" for n in names]
        print(f"| {t} | {len(idx)} | " + " | ".join(cells) + " |")
    best = max(peers, key=lambda n: statistics.mean(f[n]))
    lost = sum(
        f["saring"][i] < LOST_BELOW and max(f[n][i] for n in peers) > PEER_ABOVE
        for i in range(len(ps))
    )
    for part, idx in (("all", list(range(len(ps)))), ("held", held)):
        margin = statistics.mean(f["saring"][i] for i in idx) - statistics.mean(
            f[best][i] for i in idx
        )
        print(f"\n{part}: saring - best peer ({best}) = {margin:+.4f}", end="")
    print(f"; lost articles: {lost}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=500)
    a = ap.parse_args()
    if not INDOSUM.exists():
        print(f"skipped: {INDOSUM} is absent")
        return
    warnings.simplefilter("ignore")
    import trafilatura

    print(f"date {time.strftime('%Y-%m-%d')}; trafilatura {trafilatura.__version__}")
    ps = pages(a.pages)
    outputs = {"saring": [saring_html(p) for p in ps]}
    for name, fn in HTML_PEERS.items():
        outputs[name] = [fn(p["html"]) for p in ps]
    score(ps, outputs, list(HTML_PEERS), "HTML")
    for flat_name, flatten in FLATTENERS.items():
        flats = [flatten(p["html"]) for p in ps]
        outputs = {"saring": [saring_text(x) for x in flats]}
        lines = [[u.text for u in text_units(x)] for x in flats]
        for name, fn in TEXT_PEERS.items():
            outputs[name] = [fn(ls) for ls in lines]
        score(ps, outputs, list(TEXT_PEERS), f"text flattened by {flat_name}")


if __name__ == "__main__":
    main()
