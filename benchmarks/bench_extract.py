"""Extraction on sites the content model never saw: both paths, the peers in the same run.

    .venv/bin/python benchmarks/bench_extract.py [--sets html restyled text seeds bodies speed
                                                    languages]

- Pages: every page with gold text in ../shared/data (``extract_gold``: article-extraction-
  benchmark, 181 English pages; fundus-multilingual, 257 pages from 40 countries).
- Leave-site-out: the sites are split into 5 folds (a hash of the registered domain); each fold's
  pages are extracted by a model trained on the other folds only (``content_training``), so no
  page is scored by a model that saw its site. The bundled model (all folds) is not used here,
  except for the seeds and the speed figures.
- html: saring's ``text`` column (``process_record``: decoding, the content model, cleaning)
  against trafilatura (default and favor_precision), readability-lxml, resiliparse and jusText,
  and the per-page best of those five (the oracle, chosen with the gold).
- restyled: the same with every page restyled (``extract_gold.RESTYLERS``: paragraphs as
  ``<div><span>``, or one ``<div>`` split by ``<br><br>``), markup the model never trains on.
- text: each page flattened by four flatteners (``extract_gold.FLATTENERS``), through saring's text
  path with no title, against C4's line rules and jusText over the same lines, and their oracle;
  "saring rules (before)" is the text path of 2026-11-21 (line rules, no model), for reference.
  Then by three flatteners the model is never trained on (``UNSEEN_FLATTENERS``: blocks one a
  line with no blank line, every text node a line, lxml's ``text_content()``).
- Scores: 4-gram shingles of ``\\w+`` tokens (saring.evaluate): the mean of per-page F1, and the
  article-extraction-benchmark's own figure (F1 of the per-page precision and recall averaged),
  per corpus and per language of the gold text; "lost" counts pages where saring's F1 is below
  0.2 while some peer's is above 0.8. With saring's margin over the best peer, a 95% interval
  of it (``margin_interval``: the pages drawn again with replacement).
- seeds: ../shared/seeds through the text path, token F1 against benchmarks/data/seeds_gold.
- languages (only when asked, ``--sets languages``; five more models to train): leave-language-
  out. The gold languages are split into five folds (English, German, and the other 24 in three
  folds), each page is extracted by a model that never saw a page in its language, and the mean
  F1 is printed per group (the other languages by the script of their gold text) beside the
  leave-site-out models' and the peers'. Two gold pages only are Indonesian: this is how the
  model is measured on a language it has not seen, as Indonesian is to it.
- bodies: article bodies with no title through the text path, C4's line rules and jusText:
  IndoSum's dev articles (clean: the share of their words kept) and the crawl's bodies (the
  leads kept: a body's first line of 12 words or more that ends a sentence); then the crawl's
  bodies under their headline, as .txt files hold them, against the same with the title given;
  and IndoSum's articles put in a plain HTML page, through the HTML path and trafilatura.
- speed: CPU time of the HTML path against plain trafilatura on the same pages (interleaved), the
  text path on the crawl's article bodies of about 3 KB (one core), the model file's size and
  load time.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import statistics
import sys
import time
import unicodedata
import warnings
import zlib
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np
from content_training import (
    PageRows,
    fit_path,
    html_rows,
    refold,
    restyled_rows,
    text_training_rows,
)
from extract_gold import (
    CACHE,
    FLATTENERS,
    FOLDS,
    HTML_PEERS,
    RESTYLERS,
    TEXT_PEERS,
    UNSEEN_FLATTENERS,
    flattened,
    gold_pages,
    html_peer,
)
from shared_data import AEB, CRAWL, CRAWL_DAYS, FUNDUS, INDOSUM, SEEDS, indosum_articles

from saring.clean import CleanConfig, clean_page
from saring.config import RunConfig
from saring.evaluate import page_counts, seed_gold, shingle_scores, token_f1
from saring.extract.content import MODEL_FILE, ContentModel, column_names
from saring.extract.html import HtmlExtractor
from saring.extract.units import text_units
from saring.process import process_record

ROOT = Path(__file__).resolve().parents[1]
LOST_BELOW, PEER_ABOVE = 0.2, 0.8


def f1_of(c: tuple[float, float, float]) -> float:
    tp, fp, fn = c
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


# -- fold models ------------------------------------------------------------------------------


def _code_digest() -> str:
    """The model's inputs: the code that cuts, measures and trains, so that a change
    retrains."""
    h = hashlib.sha256()
    extract = ROOT / "saring" / "extract"
    files = [
        extract / "units.py",
        extract / "features.py",
        extract / "content.py",
        extract / "data" / "function_words.tsv.gz",
        ROOT / "saring" / "clean" / "rules.py",
        ROOT / "saring" / "clean" / "repeats.py",
        ROOT / "saring" / "clean" / "data" / "furniture.toml",
        ROOT / "benchmarks" / "content_training.py",
        ROOT / "benchmarks" / "extract_gold.py",
    ]
    for f in files:
        h.update(f.read_bytes())
    return h.hexdigest()[:12]


def _trained(kind: str, folds: list[int], train_rows, tag: str = "") -> dict[int, ContentModel]:
    """One model per fold of ``folds``, each path trained on ``train_rows(rows, fold)`` of its
    gold pages' rows (cached as ``{kind}{fold}{tag}-{code digest}.npz``)."""
    models: dict[int, ContentModel] = {}
    todo = []
    for f in folds:
        path = CACHE / f"{kind}{f}{tag}-{_code_digest()}.npz"
        if path.exists():
            models[f] = ContentModel.load(path)
        else:
            todo.append((f, path))
    if not todo:
        return models
    pages = gold_pages()
    html = [html_rows(p) for p in pages]
    html_no_p = restyled_rows(pages, html)
    text = text_training_rows(pages)
    for f, path in todo:
        t = time.time()
        m = ContentModel(
            html=fit_path(train_rows(html, f)),
            text=fit_path(train_rows(text, f)),
            html_no_p=fit_path(train_rows(html_no_p, f)),
            names_html=column_names(True),
            names_text=column_names(False),
            version=f"{kind} {f}",
        )
        CACHE.mkdir(parents=True, exist_ok=True)
        m.save(path)
        models[f] = m
        print(f"  {kind} {f} trained in {time.time() - t:.0f} s", file=sys.stderr, flush=True)
    return models


def fold_models() -> dict[int, ContentModel]:
    """One model per fold, trained on the other folds (cached by code digest)."""
    return _trained("fold", list(range(FOLDS)), refold)


# -- leave-language-out -----------------------------------------------------------------------
# Two gold pages only are Indonesian (one blog's), so how the model does on a language it never
# saw is measured directly: the gold languages are split into LANGUAGE_FOLDS folds (English,
# German, and the other languages in three folds of about as many pages), and each page is
# scored by models trained on the other folds' languages only.

LANGUAGE_FOLDS = 5


def language_folds(pages) -> dict[str, int]:
    """Each gold language's fold: English 0, German 1, each other language (most pages first,
    then by code) to the fold of 2 to 4 that holds the fewest pages so far."""
    counts = Counter(p.lang for p in pages)
    folds = {"en": 0, "de": 1}
    load = [0] * (LANGUAGE_FOLDS - 2)
    for lang, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])):
        if lang not in folds:
            i = load.index(min(load))
            folds[lang] = 2 + i
            load[i] += n
    return folds


def language_models(langs: dict[str, int]) -> dict[int, ContentModel]:
    """One model per language fold (``langs``: language -> fold), trained on the pages of the
    other folds (cached by code digest, as ``fold_models``, and by the folds themselves: the
    languages are read by py3langid and split here, outside the digest)."""
    fold_of = {p.key: langs[p.lang] for p in gold_pages()}

    def rows_without(rows: list[PageRows], f: int) -> list[PageRows]:
        """The rows of the pages whose language is not in fold ``f`` (a row's key ends with
        its page's), their sites split into inner folds by ``refold``."""
        return refold([replace(r, fold=fold_of[r.key.rsplit("|", 1)[-1]]) for r in rows], f)

    tag = f"-{zlib.crc32(repr(sorted(langs.items())).encode()):08x}"
    return _trained("lang", sorted(set(langs.values())), rows_without, tag)


def script_of(text: str) -> str:
    """The script of most of the text's letters: "Latin", "CJK" or "other"."""
    counts = Counter()
    for ch in text[:3000]:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            counts[
                "Latin"
                if name.startswith("LATIN")
                else "CJK"
                if name.startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL"))
                else "other"
            ] += 1
    return counts.most_common(1)[0][0] if counts else "other"


def language_table(title: str, unseen: dict, seen: dict, peers: dict, langs: dict) -> None:
    """Mean F1 per language group: saring by models that never saw the page's language
    (``unseen``), by the leave-site-out models (``seen``: other sites of the language were in
    training), and each peer's."""
    pages = gold_pages()
    groups: dict[str, list] = defaultdict(list)
    for p in pages:
        groups["all pages"].append(p)
        if langs[p.lang] < 2:
            groups[f"{p.lang} (the fold of its own)"].append(p)
        else:
            groups[f"the other languages, {script_of(p.gold)} script"].append(p)
        if p.lang == "id":
            groups["id (Indonesian)"].append(p)
    order = ["all pages", "en", "de", "the other languages, Latin", "the other languages, CJK"]
    rank = {
        g: next((i for i, o in enumerate(order) if g.startswith(o)), len(order)) for g in groups
    }
    groups = dict(sorted(groups.items(), key=lambda kv: rank[kv[0]]))
    names = ["saring, language unseen", "saring, leave-site-out", *peers]
    outs = [unseen, seen, *peers.values()]
    print(f"\n### {title}\n")
    print("| pages | n | languages | " + " | ".join(names) + " |")
    print("|---|---|---|" + "---|" * len(names))
    for g, ps in groups.items():
        n_langs = len({p.lang for p in ps})
        cells = [
            f"{statistics.mean(f1_of(page_counts(p.gold, o.get(p.key, ''))) for p in ps):.4f}"
            for o in outs
        ]
        print(f"| {g} | {len(ps)} | {n_langs} | " + " | ".join(cells) + " |")


# -- runs -------------------------------------------------------------------------------------


def _model_of(models, page, folds) -> ContentModel:
    """The model that extracts ``page``: that of its fold (``folds``: page key -> fold; by
    default its site's)."""
    return models[page.fold if folds is None else folds[page.key]]


def saring_html(models, restyle: str | None = None, folds=None) -> dict[str, str]:
    """saring's text of every gold page, each extracted by ``models[fold]`` of its fold
    (``folds``: page key -> fold; by default its site's)."""
    out = {}
    for p in gold_pages():
        cfg = RunConfig(extractor=HtmlExtractor(model=_model_of(models, p, folds)))
        html = RESTYLERS[restyle](p.html) if restyle else p.html
        rec = {"id": "x", "order": "0", "fmt": "html", "raw": html.encode("utf-8")}
        out[p.key] = process_record(rec, cfg).processed.text or ""
    return out


def saring_text(models, flattener: str, folds=None) -> dict[str, str]:
    """saring's text of every gold page flattened by ``flattener`` (models as ``saring_html``)."""
    flat = flattened(flattener)
    out = {}
    for p in gold_pages():
        clean = CleanConfig()
        model = _model_of(models, p, folds)
        clean = replace(clean, classifier=replace(clean.classifier, model=model))
        rec = {"id": "x", "order": "0", "fmt": "text", "raw_text": flat[p.key] or " "}
        out[p.key] = process_record(rec, RunConfig(clean=clean)).processed.text or ""
    return out


def old_rules(flattener: str) -> dict[str, str]:
    """saring's text path before the content model (the line rules, ``TextCleaner.article``
    with no title), for comparison."""
    from saring.clean.textpage import TextCleaner

    flat = flattened(flattener)
    cleaner = TextCleaner()
    return {p.key: cleaner.article(flat[p.key] or " ").text for p in gold_pages()}


def text_peers(flattener: str) -> dict[str, dict[str, str]]:
    flat = flattened(flattener)
    out: dict[str, dict[str, str]] = {n: {} for n in TEXT_PEERS}
    for p in gold_pages():
        lines = [u.text for u in text_units(flat[p.key])]
        for n, fn in TEXT_PEERS.items():
            out[n][p.key] = fn(lines)
    return out


def table(title: str, outputs: dict[str, dict[str, str]], peers: list[str]) -> dict:
    """Print per corpus and per language the scores of every output; return saring's."""
    pages = gold_pages()
    counts = {
        n: {p.key: page_counts(p.gold, o.get(p.key, "")) for p in pages} for n, o in outputs.items()
    }
    counts["oracle"] = {p.key: max((counts[n][p.key] for n in peers), key=f1_of) for p in pages}
    names = list(counts)
    print(f"\n### {title}\n")
    print("| pages | n | " + " | ".join(names) + " |")
    print("|---|---|" + "---|" * len(names))
    groups: dict[str, list] = defaultdict(list)
    for p in pages:
        groups[f"{p.corpus} (all)"].append(p)
    for p in pages:
        groups[f"{p.corpus} {p.lang}"].append(p)
    summary = {}
    for g, ps in groups.items():
        if not g.endswith("(all)") and len(ps) < 5:
            continue
        cells = []
        for n in names:
            per = [counts[n][p.key] for p in ps]
            mean = statistics.mean(f1_of(c) for c in per)
            try:
                aeb = shingle_scores(per)["f1"]
            except statistics.StatisticsError:  # no page with any shingle out or in gold
                aeb = float("nan")
            cells.append(f"{mean:.4f} / {aeb:.4f}")
            if g.endswith("(all)"):
                summary[(g.split()[0], n)] = mean
        print(f"| {g} | {len(ps)} | " + " | ".join(cells) + " |")
    for corpus in ("aeb", "fundus"):
        ps = [p for p in pages if p.corpus == corpus]
        lost = [
            p.key
            for p in ps
            if f1_of(counts["saring"][p.key]) < LOST_BELOW
            and max(f1_of(counts[n][p.key]) for n in peers) > PEER_ABOVE
        ]
        best = max(peers, key=lambda n: summary[(corpus, n)])
        diff = [f1_of(counts["saring"][p.key]) - f1_of(counts[best][p.key]) for p in ps]
        lo, hi = margin_interval(diff)
        print(
            f"\n{corpus}: saring {summary[(corpus, 'saring')]:.4f}, best peer {best} "
            f"{summary[(corpus, best)]:.4f} (saring - best = "
            f"{summary[(corpus, 'saring')] - summary[(corpus, best)]:+.4f}, 95% interval "
            f"{lo:+.4f} to {hi:+.4f}), oracle "
            f"{summary[(corpus, 'oracle')]:.4f}; lost articles: {len(lost)} {lost}"
        )
    return summary


def margin_interval(diff: list[float], rounds: int = 5000) -> tuple[float, float]:
    """A 95% interval of the mean per-page margin, the pages drawn again with replacement
    (a paired bootstrap, seeded): how far another sample of pages like these could move it."""
    d = np.asarray(diff, dtype=np.float64)
    draws = np.random.default_rng(0).integers(0, len(d), size=(rounds, len(d)))
    lo, hi = np.percentile(d[draws].mean(axis=1), [2.5, 97.5])
    return float(lo), float(hi)


# -- seeds and speed --------------------------------------------------------------------------


def score_seeds():
    gold = seed_gold(SEEDS)
    out = {}
    for name, g in gold.items():
        text = (SEEDS / name).read_text(encoding="utf-8")
        out[name] = token_f1(g, clean_page(text, CleanConfig(), html=False).text)
    return out


def speed_html(repeat: int = 2) -> dict:
    """CPU seconds per page, saring's HTML path (process_record) against plain
    trafilatura.extract, interleaved page by page."""
    from extract_gold import trafilatura_default

    pages = gold_pages()
    cfg = RunConfig()
    seconds = {"saring": 0.0, "trafilatura": 0.0}
    for _ in range(repeat):
        for p in pages:
            raw = p.html.encode("utf-8")
            t = time.process_time()
            process_record({"id": "x", "order": "0", "fmt": "html", "raw": raw}, cfg)
            seconds["saring"] += time.process_time() - t
            t = time.process_time()
            trafilatura_default(p.html)
            seconds["trafilatura"] += time.process_time() - t
    n = repeat * len(pages)
    return {k: v / n * 1000 for k, v in seconds.items()}


def speed_text(repeat: int = 7) -> dict:
    """The crawl's distinct article bodies of 2.5 to 3.5 KB, through the cleaning step alone
    (clean_page, the text path) and through the whole per-document function; CPU seconds of
    this process (one core), best of ``repeat`` runs."""
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

    clean_page(bodies[0][0], cfg.clean, html=False)  # load the model first
    clean_s = timed(lambda: [clean_page(b, cfg.clean, html=False, title=t) for b, t in bodies])
    whole_s = timed(lambda: [process_record(r, cfg) for r in recs])
    kb = statistics.mean(len(b.encode()) for b, _ in bodies) / 1024
    return {
        "documents": len(bodies),
        "mean_kb": kb,
        "clean_per_s": len(bodies) / clean_s,
        "whole_per_s": len(bodies) / whole_s,
    }


def speed_flattened(name: str = "blocks", repeat: int = 3) -> dict:
    """The text path on whole pages flattened to text (every unit judged by the model): pages
    per second on one core, CPU seconds, best of ``repeat``."""
    flat = [t for t in flattened(name).values() if t.strip()]
    cfg = CleanConfig()
    best = min(_cpu(lambda: [clean_page(t, cfg, html=False) for t in flat]) for _ in range(repeat))
    kb = statistics.mean(len(t.encode()) for t in flat) / 1024
    return {"pages": len(flat), "mean_kb": kb, "per_s": len(flat) / best}


def _cpu(f) -> float:
    t = time.process_time()
    f()
    return time.process_time() - t


def model_load() -> tuple[float, float]:
    """The model file's size in KiB and the seconds to load it (best of 5)."""
    best = min(_timed_load() for _ in range(5))
    return MODEL_FILE.stat().st_size / 1024, best


def _timed_load() -> float:
    t = time.perf_counter()
    ContentModel.load(MODEL_FILE)
    return time.perf_counter() - t


def leave_languages_out(flatteners: list[str]) -> None:
    """The HTML path (as printed and restyled) and the text path (``flatteners``), each page
    scored by models that never saw its language, beside the leave-site-out models and the
    peers."""
    pages = gold_pages()
    langs = language_folds(pages)
    groups = defaultdict(list)
    for lang, f in langs.items():
        groups[f].append(lang)
    print("\nlanguage folds: " + "; ".join(f"{f}: {' '.join(ls)}" for f, ls in groups.items()))
    unseen = language_models(langs)
    seen = fold_models()
    folds = {p.key: langs[p.lang] for p in pages}
    for restyle in (None, *RESTYLERS):
        peers = {n: html_peer(n, restyle) for n in HTML_PEERS}
        language_table(
            f"HTML{f' restyled as {restyle}' if restyle else ''}, leave-language-out",
            saring_html(unseen, restyle, folds),
            saring_html(seen, restyle),
            peers,
            langs,
        )
    for name in flatteners:
        language_table(
            f"text flattened by {name}, leave-language-out",
            saring_text(unseen, name, folds),
            saring_text(seen, name),
            text_peers(name),
            langs,
        )


def leave_sites_out(sets: list[str], flatteners: list[str]) -> None:
    """The sets ``html``, ``restyled`` and ``text``: each page extracted by the fold model that
    never saw its site, beside the peers."""
    models = fold_models()
    if "html" in sets:
        outs = {"saring": saring_html(models)}
        outs.update({n: html_peer(n) for n in HTML_PEERS})
        table("HTML, leave-site-out (mean F1 / AEB F1)", outs, list(HTML_PEERS))
    for restyle in RESTYLERS if "restyled" in sets else ():
        outs = {"saring": saring_html(models, restyle)}
        outs.update({n: html_peer(n, restyle) for n in HTML_PEERS})
        title = f"HTML restyled as {restyle} (never trained on), leave-site-out"
        table(title, outs, list(HTML_PEERS))
    for name in flatteners if "text" in sets else ():
        outs = {"saring": saring_text(models, name), **text_peers(name)}
        outs["saring rules (before)"] = old_rules(name)
        unseen = " (a flattener the model never trained on)" * (name in UNSEEN_FLATTENERS)
        table(f"text flattened by {name}{unseen}, leave-site-out", outs, list(TEXT_PEERS))


_WORD = re.compile(r"\w+")


def _kept_share(source: str, kept: str) -> float:
    """The share of ``source``'s words (counted with repeats) that ``kept`` holds."""
    a, b = Counter(_WORD.findall(source.lower())), Counter(_WORD.findall(kept.lower()))
    return sum((a & b).values()) / max(sum(a.values()), 1)


def _lead(body: str) -> str | None:
    """A body's first line when it reads as a lead paragraph: 12 words or more, ending a
    sentence."""
    first = next((ln.strip() for ln in body.splitlines() if ln.strip()), "")
    ok = len(_WORD.findall(first)) >= 12 and first.rstrip("\"'”’)").endswith((".", "!", "?"))
    return first if ok else None


def bodies_table(name: str, bodies: list[str], whole_is_gold: bool) -> None:
    """Article bodies with no title (as a corpus that kept only the text gives them) through
    the text path (the bundled model), C4's line rules and jusText over the same lines: the
    leads kept (half their words or more), and where the body is the article and nothing else
    (``whole_is_gold``), the share of its words kept and the bodies that keep under 80%."""
    cfg = RunConfig()
    outs: dict[str, list[str]] = {"saring": [], **{n: [] for n in TEXT_PEERS}}
    for i, b in enumerate(bodies):
        rec = {"id": str(i), "order": str(i), "fmt": "text", "raw_text": b}
        outs["saring"].append(process_record(rec, cfg).processed.text or "")
        lines = [u.text for u in text_units(b)]
        for n, fn in TEXT_PEERS.items():
            outs[n].append(fn(lines))
    leads = [(i, ld) for i, b in enumerate(bodies) if (ld := _lead(b))]
    print(f"\n{name}: {len(bodies):,} bodies, {len(leads):,} open with a lead paragraph")
    print("| tool | leads kept | words kept (mean) | bodies under 80% kept |\n|---|---|---|---|")
    for tool, texts in outs.items():
        kept = sum(_kept_share(ld, texts[i]) >= 0.5 for i, ld in leads)
        row = f"| {tool} | {kept:,} of {len(leads):,} |"
        if whole_is_gold:
            shares = [_kept_share(b, t) for b, t in zip(bodies, texts, strict=True)]
            row += f" {statistics.mean(shares):.4f} | {sum(x < 0.8 for x in shares):,} |"
        else:
            row += " - | - |"
        print(row)


def plain_pages(bodies: list[str]) -> None:
    """IndoSum's articles put in a plain page (a menu, the headline, the paragraphs as <p>, or
    one <div> parted by <br><br>, a footer) through the HTML path and trafilatura: the share of
    the article's words kept, and the articles keeping under 80%."""
    import html as htmlmod

    from extract_gold import trafilatura_default

    cfg = RunConfig()
    for shape in ("p", "div-br"):
        shares: dict[str, list[float]] = {"saring": [], "trafilatura": []}
        for i, b in enumerate(bodies):
            paras = [htmlmod.escape(x) for x in b.splitlines()]
            body = "".join(f"<p>{x}</p>" for x in paras)
            if shape == "div-br":
                body = f"<div class='content'>{'<br><br>'.join(paras)}</div>"
            page = (
                f"<html><head><title>Berita {i}</title></head><body><header><a href='/'>Beranda"
                f"</a> <a href='/news'>News</a></header><h1>Berita {i}</h1>{body}"
                "<footer>Copyright 2017 Redaksi</footer></body></html>"
            )
            rec = {"id": str(i), "order": str(i), "fmt": "html", "raw_text": page}
            shares["saring"].append(_kept_share(b, process_record(rec, cfg).processed.text or ""))
            shares["trafilatura"].append(_kept_share(b, trafilatura_default(page) or ""))
        for tool, x in shares.items():
            print(
                f"IndoSum in a plain page ({shape}), {tool}: words kept {statistics.mean(x):.4f}"
                f" (mean), under 80% on {sum(v < 0.8 for v in x):,} of {len(x):,}"
            )


def print_bodies() -> None:
    """``bodies_table`` on IndoSum's dev articles (clean Indonesian articles of ten outlets,
    2016-2018: the whole body is the article) and on the crawl's distinct bodies (which still
    carry the sites' furniture: only their leads are counted)."""
    if INDOSUM.exists():
        bodies = indosum_articles(10_000)
        bodies_table("IndoSum dev, paragraphs one a line, no title", bodies, True)
        plain_pages(bodies)
    else:
        print(f"bodies: IndoSum skipped, {INDOSUM} is absent")
    if not CRAWL.exists():
        print(f"bodies: crawl skipped, {CRAWL} is absent")
        return
    seen: dict[str, str] = {}
    for day in CRAWL_DAYS:
        with open(CRAWL / day, encoding="utf-8-sig", newline="") as fh:
            for r in csv.DictReader(fh):
                if r["isi_berita"]:
                    seen.setdefault(r["isi_berita"], r["judul"])
    bodies_table("the shared crawl's distinct bodies, no title", list(seen), False)
    under_headline(seen)


def under_headline(bodies: dict[str, str]) -> None:
    """The crawl's bodies as a folder of .txt articles holds them (the headline, a blank line,
    the body), against the same body with its title given as a field: whether the headline
    is found and the text comes out the same."""
    cfg = RunConfig()
    found = same = 0
    shares = []
    for i, (b, t) in enumerate(bodies.items()):
        rec = {"id": str(i), "order": str(i), "fmt": "text", "raw_text": f"{t}\n\n{b}"}
        txt = process_record(rec, cfg).processed
        ref = process_record({**rec, "raw_text": b, "title": t}, cfg).processed
        found += " ".join((txt.title or "").split()) == " ".join(t.split())
        same += txt.text == ref.text
        shares.append(_kept_share(ref.text or "", txt.text or ""))
    print(
        f"\nthe crawl's {len(bodies):,} bodies under their headline: headline found {found:,}, "
        f"text the same as with the title given {same:,}, words of that text kept "
        f"{statistics.mean(shares):.4f} (mean), under 80% on {sum(x < 0.8 for x in shares):,}"
    )


def print_seeds() -> None:
    """The seeds' token F1 through the text path (``score_seeds``), as a table."""
    print("\nseeds (text path, token F1 against benchmarks/data/seeds_gold)")
    print("| seed | precision | recall | F1 |")
    print("|---|---|---|---|")
    for k, r in score_seeds().items():
        print(f"| {k} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} |")


def print_speed() -> None:
    """The speed figures: the model file's load, the HTML path against trafilatura, the text
    path on flattened pages and on crawl bodies (each when its data is present)."""
    kib, load_s = model_load()
    print(f"\nmodel file {kib:.0f} KiB, loaded in {load_s * 1000:.0f} ms")
    if AEB.exists() and FUNDUS.exists():
        s = speed_html()
        print(
            f"HTML path CPU per page: saring {s['saring']:.1f} ms, trafilatura "
            f"{s['trafilatura']:.1f} ms ({s['saring'] / s['trafilatura']:.2f}x)"
        )
        s = speed_flattened()
        print(
            f"text path on whole pages flattened by blocks ({s['pages']} pages, "
            f"{s['mean_kb']:.0f} KB mean): {s['per_s']:.0f} pages/s on one core"
        )
    if CRAWL.exists():
        s = speed_text()
        print(
            f"text path, one core, {s['documents']} distinct crawl bodies of 2.5-3.5 KB "
            f"({s['mean_kb']:.1f} KB mean): cleaning {s['clean_per_s']:.0f} documents/s, "
            f"whole per-document function {s['whole_per_s']:.0f} documents/s"
        )


def main() -> None:
    """Run the sets asked for (``--sets``); each says so when the data it needs is absent."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--sets", nargs="+", default=["html", "restyled", "text", "seeds", "bodies", "speed"]
    )
    ap.add_argument("--flatteners", nargs="+", default=[*FLATTENERS, *UNSEEN_FLATTENERS])
    a = ap.parse_args()
    warnings.simplefilter("ignore")
    import trafilatura

    print(f"date {time.strftime('%Y-%m-%d')}; trafilatura {trafilatura.__version__}")
    gold = AEB.exists() and FUNDUS.exists()
    if {"html", "restyled", "text", "languages"} & set(a.sets) and not gold:
        print(f"html, restyled, text, languages: skipped, {AEB} or {FUNDUS} is absent")
    if {"html", "restyled", "text"} & set(a.sets) and gold:
        leave_sites_out(a.sets, a.flatteners)
    if "languages" in a.sets and gold:
        leave_languages_out(a.flatteners)
    if "seeds" in a.sets and not SEEDS.exists():
        print("seeds: skipped, absent")
    elif "seeds" in a.sets:
        print_seeds()
    if "bodies" in a.sets:
        print_bodies()
    if "speed" in a.sets:
        print_speed()


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
