"""Build ``report.html`` from a run's outputs: one self-contained page a person can browse.

Reads ``documents.parquet``, ``stories.parquet`` and ``stats.json`` and writes one HTML file
with its styles, script, charts (inline SVG, drawn here) and data inside, so it opens from disk
with no network. Documents and texts travel gzip-compressed in chunks and are unpacked by the
browser (``DecompressionStream``) as they are needed; the page shows one page of rows at a
time, so a run of 100,000 documents stays fast. Times are shown in the run's ``--default-tz``,
the zone named. Does not run any stage of the pipeline.
Our own because no corpus tool writes such a page: datatrove and NeMo Curator leave counts.
"""

from __future__ import annotations

import base64
import gzip
import html
import json
import os
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timezone, tzinfo
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq

from saring.config import RunConfig
from saring.counts import counted
from saring.extract.dates import parse_tz
from saring.model import reason_code as model_reason_code

DATA = Path(__file__).parent / "data"
CHUNK = 512  # documents per compressed text chunk
# texts beyond this many compressed bytes are cut (the page says so and points at the parquet)
TEXT_BUDGET = 32 * 2**20
# signals drawn as kept-against-removed histograms
CHART_SIGNALS = (
    "words",
    "mean_word_length",
    "alpha_words_frac",
    "stopwords",
    "line_punct_frac",
    "short_line_frac",
    "dup_line_frac",
    "top_2gram_frac",
    "dup_5gram_frac",
)
DOC_COLUMNS = [
    "id", "source", "url", "site", "title", "published", "text", "status", "reason",
    "dup_of", "dup_cluster", "story_id", "chars_out", "removed", "lang", "signals",
]  # fmt: skip


def _pack(obj) -> str:
    raw = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(gzip.compress(raw, compresslevel=6, mtime=0)).decode("ascii")


def _pack_all(parts: list) -> list[str]:
    """``_pack`` of each part, two at a time when there are several: zlib lets go of the GIL
    while it compresses, most of the time of a large report's texts (57,740 documents: 2.4 s
    of 5.1)."""
    if len(parts) < 2:
        return [_pack(p) for p in parts]
    with ThreadPoolExecutor(min(2, os.cpu_count() or 1)) as pool:
        return list(pool.map(_pack, parts))


# fixed offsets named as Indonesians name them; other offsets are written UTC+hh:mm
_OFFSET_NAMES = {7 * 3600: "WIB", 8 * 3600: "WITA", 9 * 3600: "WIT", 0: "UTC"}


def _zone(stats: dict) -> tzinfo:
    """The zone the report shows times in: the run's ``--default-tz`` (WIB when unknown)."""
    spec = (stats.get("config") or {}).get("default_tz") or RunConfig.default_tz
    try:
        return parse_tz(spec)
    except Exception:  # a zone this machine does not know: show UTC, named
        return UTC


def _when(moment: datetime | None, zone: tzinfo, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """``moment`` in ``zone``; with a time, the zone's name follows (``2025-06-16 15:12 WIB``)."""
    if moment is None:
        return ""
    local = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(zone)
    if "%H" not in fmt:
        return local.strftime(fmt)
    name = local.tzname() or ""
    if isinstance(zone, timezone) or not name[:1].isalpha():  # an offset, not a zone's name
        seconds = int(local.utcoffset().total_seconds())
        sign, minutes = "+" if seconds >= 0 else "-", abs(seconds) // 60
        name = _OFFSET_NAMES.get(seconds, f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}")
    return f"{local.strftime(fmt)} {name}"


def _codes(values: list) -> tuple[list, list[int]]:
    """Dictionary-encode ``values``: (distinct values by frequency, code of each)."""
    names = [v for v, _ in Counter(values).most_common()]
    index = {v: k for k, v in enumerate(names)}
    return names, [index[v] for v in values]


def interleave(text: str | None, removed: list[dict] | None) -> list[tuple[str, str | None]]:
    """The text's non-blank lines with every removed piece put back where it stood, as
    (line, reason or None); pieces whose place is not known come first."""
    lines = [ln for ln in (text or "").split("\n") if ln.strip()]
    before: dict[int, list[tuple[str, str]]] = {}
    unknown = []
    for r in removed or []:
        at = r.get("at")
        if at is None:
            unknown.append((r["text"], r["reason"]))
        else:
            before.setdefault(min(at, len(lines)), []).append((r["text"], r["reason"]))
    out: list[tuple[str, str | None]] = list(unknown)
    for k in range(len(lines) + 1):
        out.extend(before.get(k, []))
        if k < len(lines):
            out.append((lines[k], None))
    return out


# ---- charts: plain SVG strings -------------------------------------------------------------


def _bars(rows: list[tuple[str, list[int]]], series: list[str], width: int = 560) -> str:
    """Horizontal stacked bars, one row per label; ``series`` name the stacked parts."""
    if not rows:
        return "<p class=muted>nothing to show</p>"
    top = max(sum(v) for _, v in rows) or 1
    h, label_w = 20, 190
    out = [f'<svg class="chart" viewBox="0 0 {width} {h * len(rows) + 4}" role="img">']
    for k, (label, values) in enumerate(rows):
        y, x = k * h + 2, label_w
        name = html.escape(label[:28])
        out.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{name}</text>')
        for s, v in zip(series, values, strict=True):
            w = (width - label_w - 60) * v / top
            if v:
                out.append(
                    f'<rect class="s-{s}" x="{x:.1f}" y="{y}" width="{max(w, 1):.1f}" '
                    f'height="{h - 4}"><title>{html.escape(label)}: {v:,} {s}</title></rect>'
                )
            x += w
        out.append(f'<text x="{x + 4:.1f}" y="{y + 14}">{sum(values):,}</text>')
    out.append("</svg>")
    return "".join(out)


def _histogram(name: str, kept: np.ndarray, removed: np.ndarray, log: bool = False) -> str:
    """Kept against removed documents, 24 bins, each group scaled to its own largest bin."""
    both = np.concatenate([kept, removed])
    both = both[np.isfinite(both)]
    if len(both) == 0:
        return ""
    tf = (lambda v: np.log10(1 + v)) if log else (lambda v: v)
    lo, hi = float(tf(both).min()), float(tf(both).max())
    if hi <= lo:
        hi = lo + 1
    edges = np.linspace(lo, hi, 25)
    w, h = 260, 90
    out = [f'<figure class="hist"><svg viewBox="0 0 {w} {h + 16}" role="img">']
    for cls, vals in (("kept", kept), ("removed", removed)):
        vals = vals[np.isfinite(vals)]
        if not len(vals):
            continue
        counts, _ = np.histogram(tf(vals), bins=edges)
        peak = counts.max() or 1
        for k, c in enumerate(counts):
            if c:
                bh = h * c / peak
                out.append(
                    f'<rect class="h-{cls}" x="{k * w / 24:.1f}" y="{h - bh:.1f}" '
                    f'width="{w / 24 - 1:.1f}" height="{bh:.1f}"><title>{c:,} {cls}</title></rect>'
                )

    def fmt(v):
        v = 10**v - 1 if log else v
        return f"{v:,.0f}" if abs(v) >= 10 else f"{v:.2g}"

    out.append(f'<text x="0" y="{h + 13}">{fmt(lo)}</text>')
    out.append(f'<text x="{w}" y="{h + 13}" text-anchor="end">{fmt(hi)}</text>')
    out.append(f"</svg><figcaption>{html.escape(name)}{' (log)' if log else ''}</figcaption>")
    out.append("</figure>")
    return "".join(out)


# ---- the page ---------------------------------------------------------------------------------


def _funnel(stats: dict) -> str:
    rows = []
    for st in stats.get("stages", []):
        dropped = st.get("dropped") or {}
        reasons = ", ".join(f"{html.escape(k)} {v:,}" for k, v in dropped.items()) or "&ndash;"
        share = st["out"] / st["in"] if st["in"] else 0
        rows.append(
            f'<tr data-stage="{html.escape(st["stage"])}" data-in="{st["in"]}" '
            f'data-out="{st["out"]}"><th>{html.escape(st["stage"])}</th>'
            f"<td class=num>{st['in']:,}</td><td class=num>{st['out']:,}</td>"
            f'<td><div class=bar><span style="width:{100 * share:.1f}%"></span></div></td>'
            f"<td>{reasons}</td></tr>"
        )
    return (
        "<table class=funnel><thead><tr><th>stage</th><th>in</th><th>out</th><th></th>"
        "<th>removed, by reason</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def _overview(stats: dict, docs: dict, stories: list[dict], clusters: dict[str, list]) -> str:
    status = docs["status"]
    by_status = Counter(status)
    parts = ["<section id=overview>"]
    cards = [
        ("documents in", stats["documents"]["in"]),
        *((s, by_status.get(s, 0)) for s in ("kept", "duplicate", "filtered", "failed")),
        ("stories", len(stories)),
        (
            "stories with several outlets' articles",
            sum(1 for s in stories if len(s.get("sites") or []) > 1),
        ),
    ]
    parts.append(
        "<div class=cards>"
        + "".join(
            f'<div class=card data-count="{html.escape(k)}"><b>{v:,}</b><span>{html.escape(k)}'
            "</span></div>"
            for k, v in cards
        )
        + "</div>"
    )
    parts.append("<h2>Funnel</h2>" + _funnel(stats))
    # a reason is a code, then for failures what exactly went wrong: count the codes
    reasons = Counter(
        (r.split(":", 1)[0], s) for s, r in zip(status, docs["reason"], strict=True) if r
    )
    parts.append(
        "<h2>Why documents went</h2>"
        + _bars(
            [
                (code, [n if s == t else 0 for t in _STATUSES])
                for (code, s), n in reasons.most_common(25)
            ],
            list(_STATUSES),
        )
        + _legend()
    )
    # lengths and quality signals, kept against removed (filtered)
    kept = np.array([s == "kept" for s in status], dtype=bool)
    gone = np.array([s == "filtered" for s in status], dtype=bool)
    length = np.array([c if c is not None else np.nan for c in docs["chars_out"]], dtype=float)
    hists = [_histogram("characters after cleaning", length[kept], length[gone], log=True)]
    sig = docs["signals"]
    for name in CHART_SIGNALS:
        v = np.array([(s or {}).get(name, np.nan) for s in sig], dtype=float)
        hists.append(_histogram(name, v[kept], v[gone], log=name == "words"))
    parts.append(
        "<h2>Length and quality signals</h2><p class=legend><i class=h-kept></i> kept "
        "<i class=h-removed></i> filtered (each scaled to its own largest bin)</p>"
        "<div class=hists>" + "".join(hists) + "</div>"
    )
    langs = Counter(zip(docs["lang"], status, strict=True))
    lang_rows = []
    for code, _ in Counter(docs["lang"]).most_common(15):
        lang_rows.append((code or "(none)", [langs.get((code, s), 0) for s in _STATUSES]))
    parts.append("<h2>Languages</h2>" + _bars(lang_rows, list(_STATUSES)) + _legend())
    site_rows = []
    by_site = Counter(zip(docs["site"], status, strict=True))
    for site, _ in Counter(docs["site"]).most_common(25):
        site_rows.append((site or "(no site)", [by_site.get((site, s), 0) for s in _STATUSES]))
    parts.append("<h2>Sites</h2>" + _bars(site_rows, list(_STATUSES)) + _legend())
    sizes = Counter(len(rows) for rows in clusters.values())
    parts.append(
        "<h2>Duplicate clusters</h2>"
        + _bars([(f"{k} documents", [v]) for k, v in sorted(sizes.items())], ["duplicate"])
        + "<div id=clusters></div>"
    )
    parts.append("</section>")
    return "".join(parts)


_STATUSES = ("kept", "duplicate", "filtered", "failed")


def _legend() -> str:
    return "<p class=legend>" + "".join(f"<i class=s-{s}></i> {s} " for s in _STATUSES) + "</p>"


def _short(command: str, width: int = 150) -> str:
    return command if len(command) <= width else command[: width - 20] + " ... " + command[-15:]


def _read(out: Path) -> tuple[dict, dict, list[dict]]:
    stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))
    table = pq.read_table(out / "documents.parquet")
    cols = [c for c in DOC_COLUMNS if c in table.column_names]
    docs = {c: table.column(c).to_pylist() for c in cols}
    for c in DOC_COLUMNS:
        docs.setdefault(c, [None] * table.num_rows)
    path = out / "stories.parquet"
    stories = pq.read_table(path).to_pylist() if path.exists() else []
    return stats, docs, stories


def _chars(text, removed) -> int:
    return (len(text) if isinstance(text, str) else 0) + sum(len(r[0]) for r in removed)


def _cut(text, removed, cut: int) -> list:
    text = text[:cut] if isinstance(text, str) else text
    return [text, [[x[:cut], why, at] for x, why, at in removed[: max(1, cut // 100)]]]


def _cap(lengths: np.ndarray, target: float) -> int:
    """The largest c with sum(min(length, c)) <= target, for sorted ``lengths``."""
    below = np.concatenate([[0], np.cumsum(lengths)])
    n = len(lengths)
    for k in range(n):  # c between lengths[k-1] and lengths[k]: k lengths whole, n - k cut
        c = (target - below[k]) / (n - k)
        if c <= lengths[k]:
            return max(1, int(c))
    return int(lengths[-1]) if n else 1


def _texts(docs: dict, budget: int) -> tuple[list[str], int | None]:
    """Compressed chunks of [text, removed] per document, and the cut applied (None: none):
    when the chunks would pass ``budget`` bytes, every text and removed piece is cut to a
    length that fits (and removed pieces to one per 100 characters of it)."""
    # a text seen before travels as the row number of its first holder (exact duplicates,
    # re-crawls): the page looks it up there
    first: dict[str, int] = {}
    whole = []
    for k, (t, rem) in enumerate(zip(docs["text"], docs["removed"], strict=True)):
        t = t or ""
        ref = first.setdefault(t, k) if len(t) > 64 else k
        pieces = [[r["text"], r["reason"], r.get("at")] for r in (rem or [])]
        whole.append([t if ref == k else ref, pieces])
    starts = range(0, len(whole), CHUNK)
    # the size at a cut is estimated on up to 16 chunks spread over the run, and the cut found
    # by bisection on that estimate: compressing every text at each try took most of a
    # 100,000-document report's build
    sample = list(starts)[:: max(1, len(starts) // 16)]
    scale = len(starts) / max(1, len(sample))  # no document at all: nothing to scale

    def estimate(cut: int) -> float:
        parts = [[_cut(t, rem, cut) for t, rem in whole[k : k + CHUNK]] for k in sample]
        return scale * sum(map(len, _pack_all(parts)))

    cut = None
    uncut = _pack_all([whole[k : k + CHUNK] for k in sample])
    if len(sample) == len(starts) and sum(map(len, uncut)) <= budget:
        return uncut, None  # the sample was every chunk and they fit: they are the chunks
    if scale * sum(map(len, uncut)) > budget:
        lo, hi = 1, max(_chars(t, rem) for t, rem in whole)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            lo, hi = (mid, hi) if estimate(mid) <= budget * 0.97 else (lo, mid - 1)
        cut = lo
    while True:
        items = whole if cut is None else [_cut(t, rem, cut) for t, rem in whole]
        chunks = _pack_all([items[k : k + CHUNK] for k in starts])
        size = sum(len(c) for c in chunks)
        if size <= budget or cut == 1:
            break
        # the sample guessed low: cut further in proportion
        cut = max(1, int((cut or max(_chars(t, rem) for t, rem in whole)) * budget / size * 0.95))
    return chunks, cut


def script_json(data) -> str:
    """``data`` as JSON to put inside a ``<script>`` element: every ``<`` written ``\\u003c``, so
    that neither ``</script>`` nor ``<!--`` (which with ``<script`` after it puts the HTML parser
    in a state where ``</script>`` no longer ends the element) can occur in it."""
    return json.dumps(data, separators=(",", ":")).replace("<", "\\u003c")


def build(out: str | Path, dest: str | Path | None = None, text_budget: int = TEXT_BUDGET) -> Path:
    """Write the report of the run in ``out`` to ``dest`` (default ``out/report.html``)."""
    out = Path(out)
    dest = Path(dest) if dest else out / "report.html"
    stats, docs, stories = _read(out)
    zone = _zone(stats)
    n = len(docs["id"])
    row_of = {d: k for k, d in enumerate(docs["id"])}
    sites, site_code = _codes(docs["site"])
    statuses, status_code = _codes(docs["status"])
    reasons, reason_code = _codes(docs["reason"])
    # the filter lists reasons by their code ("quality:words"), not each value they printed
    rcodes, rcode = _codes([model_reason_code(r) for r in docs["reason"]])
    story_index = {s["story_id"]: k for k, s in enumerate(stories)}
    chunks, cut = _texts(docs, text_budget)
    table = {
        "id": docs["id"],
        "title": [t or "" for t in docs["title"]],
        "url": [u or s or "" for u, s in zip(docs["url"], docs["source"], strict=True)],
        "site": site_code,
        "status": status_code,
        "reason": reason_code,
        "rcode": rcode,
        "published": [_when(p, zone) for p in docs["published"]],
        "chars": [c or 0 for c in docs["chars_out"]],
        "lang": [lg or "" for lg in docs["lang"]],
        "dup_of": [row_of.get(d, -1) if d else -1 for d in docs["dup_of"]],
        "story": [story_index.get(s, -1) if s else -1 for s in docs["story_id"]],
        "removed": [len(r or []) for r in docs["removed"]],
    }
    clusters: dict[str, list[int]] = {}  # duplicate cluster -> its rows, in input order
    for k, c in enumerate(docs["dup_cluster"]):
        if c:
            clusters.setdefault(c, []).append(k)
    members: dict[int, list[int]] = {}
    for k, s in enumerate(table["story"]):
        if s >= 0:
            members.setdefault(s, []).append(k)
    story_rows = [
        {
            "id": s["story_id"],
            "label": s["label"],
            "keywords": s.get("keywords") or [],
            "size": s["size"],
            "sites": s.get("sites") or [],
            "first": _when(s["first_published"], zone, "%Y-%m-%d"),
            "last": _when(s["last_published"], zone, "%Y-%m-%d"),
            "summary": [
                [t, row_of.get(src, -1)]
                for t, src in zip(s["summary"] or [], s["summary_sources"] or [], strict=True)
            ],
            "members": members.get(k, []),
        }
        for k, s in enumerate(stories)
    ]
    largest = [
        {"size": len(rows), "rows": rows}
        for rows in sorted(clusters.values(), key=len, reverse=True)[:20]
    ]
    payload = {
        "n": n,
        "sites": sites,
        "statuses": statuses,
        "reasons": reasons,
        "rcodes": rcodes,
        "docs": _pack(table),
        "stories": _pack(story_rows),
        "clusters": largest,
        "chunk": CHUNK,
        "texts": chunks,
        "cut": cut,
    }
    command = " ".join(stats.get("saring", {}).get("command") or [])
    page = (DATA / "report.html").read_text(encoding="utf-8")
    filled = (
        page.replace("/*CSS*/", (DATA / "report.css").read_text(encoding="utf-8"))
        .replace("/*JS*/", (DATA / "report.js").read_text(encoding="utf-8"))
        .replace("<!--TITLE-->", html.escape(f"saring report: {counted(n, 'document')}"))
        .replace("<!--COMMAND_SHORT-->", html.escape(_short(command)))
        .replace("<!--COMMAND-->", html.escape(command))
        .replace("<!--OVERVIEW-->", _overview(stats, docs, stories, clusters))
        .replace("/*DATA*/", script_json(payload))
    )
    tmp = dest.with_name(f".{dest.name}.tmp")
    tmp.write_text(filled, encoding="utf-8")
    tmp.replace(dest)
    return dest
