"""Build a Common Crawl style WARC (gzip per record) from the shared pages, for bench_warc.py.

    .venv/bin/python benchmarks/make_warc.py [--out benchmarks/.cache/warc/news.warc.gz]

Deterministic: the same ../shared gives the same file, byte for byte (fixed seed, dates, record ids
and gzip headers). What goes in, in a shuffled order (about 5,700 records):

- one ``warcinfo`` record first;
- the 438 real pages of ../shared/data (181 article-extraction-benchmark, 257 fundus-multilingual),
  each at its own address; half of them again as an exact copy at another address (tracking
  parameters, http, the m. host, an AMP path), and half again as an edited copy (one sentence of a
  long paragraph removed or changed), re-encoded as UTF-8;
- about 4,050 synthetic article pages: the IndoSum dev articles (3,463) and every sixth unique
  body of the June 2025 Indonesian crawl (about 590), each put in one of four news-site shells
  (navigation, breadcrumbs, share buttons, JSON-LD, related links, footer; 15-25 KB a page), plus
  about 90 exact and 90 edited copies of them;
- 300 non-article HTML pages: section indexes (a list of 40-60 headline links), navigation-only
  pages and tag pages of teasers (a headline and one sentence each);
- non-HTML records: ``request`` records before 150 responses, 50 ``metadata`` records, 20
  image/jpeg and 10 application/pdf responses;
- HTTP errors: 40 responses with 404 and 20 with 500 (small HTML bodies), 10 301 redirects.

The same records are also written as two files under ``shards/`` (the warcinfo record, then one
half each), for tools that share work out by file (datatrove).

The real pages are the costly ones to extract (230 KB of HTML on average); the synthetic ones keep
the run to minutes on two cores while giving thousands of distinct articles.
"""

from __future__ import annotations

import argparse
import base64
import csv
import gzip
import hashlib
import html
import json
import random
import re
import sys
import uuid
from pathlib import Path

from shared_data import AEB, CRAWL, CRAWL_DAYS, FUNDUS, INDOSUM, detokenize, indosum_dev

OUT = Path(__file__).resolve().parent / ".cache" / "warc" / "news.warc.gz"
SEED = 17
DATE = "2025-06-21T{h:02d}:{m:02d}:{s:02d}Z"


# ---------------------------------------------------------------- records


def _digest(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


class Writer:
    """Writes WARC/1.0 records, each its own gzip member (as Common Crawl does)."""

    def __init__(self) -> None:
        self.members: list[bytes] = []
        self.n = 0
        self.counts: dict[str, int] = {}

    def record(
        self,
        rtype: str,
        block: bytes,
        content_type: str,
        url: str | None = None,
        extra: dict[str, str] | None = None,
        payload: bytes | None = None,
    ) -> str:
        self.n += 1
        rid = f"<urn:uuid:{uuid.UUID(bytes=hashlib.md5(f'{SEED}/{self.n}'.encode()).digest())}>"
        t = self.n * 7
        headers = {
            "WARC-Type": rtype,
            "WARC-Record-ID": rid,
            "WARC-Date": DATE.format(h=(t // 3600) % 24, m=(t // 60) % 60, s=t % 60),
        }
        if url:
            headers["WARC-Target-URI"] = url
        headers.update(extra or {})
        headers["Content-Type"] = content_type
        headers["WARC-Block-Digest"] = _digest(block)
        if payload is not None:
            headers["WARC-Payload-Digest"] = _digest(payload)
        headers["Content-Length"] = str(len(block))
        head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
        raw = head.encode("utf-8") + block + b"\r\n\r\n"
        self.members.append(gzip.compress(raw, compresslevel=6, mtime=0))
        self.counts[rtype] = self.counts.get(rtype, 0) + 1
        return rid

    def response(
        self, url: str, body: bytes, ctype: str, status: int = 200, request: bool = False
    ) -> None:
        reason = {200: "OK", 301: "Moved Permanently", 404: "Not Found", 500: "Server Error"}
        lines = [f"HTTP/1.1 {status} {reason[status]}", f"Content-Type: {ctype}"]
        if status == 301:
            lines.append(f"Location: {url.rstrip('/')}/index.html")
        lines += [f"Content-Length: {len(body)}", "Server: nginx", "", ""]
        block = "\r\n".join(lines).encode("ascii") + body
        if request:
            host = re.sub(r"^https?://([^/]+).*$", r"\1", url)
            path = re.sub(r"^https?://[^/]+", "", url) or "/"
            req = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: saring-bench/1.0\r\n\r\n"
            rid = self.record(
                "request", req.encode("utf-8"), "application/http; msgtype=request", url
            )
            extra = {"WARC-Concurrent-To": rid}
        else:
            extra = {}
        # as Common Crawl does: the payload's type, which datatrove's WarcReader filters on
        extra["WARC-Identified-Payload-Type"] = ctype.split(";")[0]
        self.record(
            "response", block, "application/http; msgtype=response", url, extra, payload=body
        )


# ---------------------------------------------------------------- sources


def real_pages() -> list[tuple[str, bytes]]:
    """(url, raw bytes) of the 438 pages of the two extraction sets, in a fixed order."""
    out = []
    gold = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    for key, item in sorted(gold.items()):
        raw = gzip.decompress((AEB / "html" / f"{key}.html.gz").read_bytes())
        out.append((item.get("url") or f"https://aeb.example/{key}", raw))
    for line in (FUNDUS / "gold_manifest.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        raw = gzip.decompress((FUNDUS / "test_data" / item["html"]).read_bytes())
        out.append((item.get("url") or f"https://{item['publisher']}.example/a", raw))
    return out


def synthetic_articles() -> list[dict]:
    """IndoSum dev articles and the unique crawl bodies: url, title, paragraphs, site."""
    out: list[dict] = []
    for item in indosum_dev():
        paras = [detokenize(p, closers=".,:;!?)%") for p in item["paragraphs"]]
        title = " ".join(paras[0].split()[:9]).rstrip(".,")
        url = item.get("source_url") or f"https://{item['source']}.example/{item['id']}"
        out.append({"url": url, "title": title, "paras": paras, "site": item["source"]})
    seen: set[str] = set()  # crawl addresses taken
    bodies = set()
    for day in CRAWL_DAYS:
        with open(CRAWL / day, encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                body = row["isi_berita"].strip()
                if len(body) < 400 or body in bodies or row["url"] in seen:
                    continue
                bodies.add(body)
                seen.add(row["url"])
                if len(bodies) % 6:  # every sixth unique body (about 590): all outlets, all days
                    continue
                paras = [p.strip() for p in re.split(r"\n+", body) if p.strip()]
                if len(paras) < 3:  # one block: cut it into paragraphs of about four sentences
                    sents = re.split(r"(?<=[.!?])\s+", body)
                    paras = [" ".join(sents[i : i + 4]) for i in range(0, len(sents), 4)]
                out.append(
                    {
                        "url": row["url"],
                        "title": row["judul"],
                        "paras": paras,
                        "site": row["sumber"],
                    }
                )
    return out


# ---------------------------------------------------------------- page shells

SECTIONS = ["Berita", "Nasional", "Ekonomi", "Dunia", "Olahraga", "Teknologi", "Hiburan",
            "Otomotif", "Gaya Hidup", "Kesehatan", "Opini", "Foto", "Video", "Indeks"]  # fmt: skip


def _nav(rng: random.Random, site: str) -> str:
    links = "".join(f'<li><a href="https://{site}/{s.lower()}">{s}</a></li>' for s in SECTIONS)
    sub = "".join(
        f'<li><a href="https://{site}/tag/{rng.randrange(10**6)}">'
        f"Topik {rng.randrange(999)}</a></li>"
        for _ in range(12)
    )
    return (
        f'<header class="site-header"><div class="logo"><a href="https://{site}/">{site}</a></div>'
        f'<nav class="main-nav"><ul>{links}</ul></nav><nav class="sub-nav"><ul>{sub}</ul></nav>'
        '<form class="search"><input name="q" placeholder="Cari berita..."></form></header>'
    )


def _related(rng: random.Random, site: str, titles: list[str], n: int) -> str:
    items = "".join(
        f'<li><a href="https://{site}/read/{rng.randrange(10**7)}">{html.escape(t)}</a>'
        f"<span class=date>{rng.randrange(1, 28)} Juni 2025</span></li>"
        for t in rng.sample(titles, n)
    )
    return f'<aside class="related"><h3>Berita Terkait</h3><ul>{items}</ul></aside>'


def _footer(site: str) -> str:
    cols = "".join(
        f'<div class="col"><h4>{h}</h4><ul>'
        + "".join(
            f'<li><a href="https://{site}/{h.lower()}/{i}">{h} {i}</a></li>' for i in range(6)
        )
        + "</ul></div>"
        for h in ("Tentang", "Redaksi", "Pedoman", "Karir", "Kontak")
    )
    return (
        f'<footer class="site-footer">{cols}<p class="copy">Copyright 2025 {site}. '
        "All rights reserved. Dilarang mengutip tanpa izin.</p></footer>"
    )


def _script(rng: random.Random) -> str:
    data = "".join(f"var k{i}={rng.randrange(10**9)};" for i in range(40))
    return (
        f"<script>{data}window.dataLayer=window.dataLayer||[];</script>"
        '<script async src="https://cdn.example/ads.js"></script>'
        "<style>.site-header{display:flex}.related li{margin:4px}body{font:16px sans-serif}</style>"
    )


def article_page(rng: random.Random, a: dict, titles: list[str]) -> str:
    site = re.sub(r"^https?://([^/]+).*$", r"\1", a["url"])
    shell = rng.randrange(4)
    ld = json.dumps(
        {
            "@type": "NewsArticle",
            "headline": a["title"],
            "datePublished": "2025-06-18T10:00:00+07:00",
        }
    )
    paras = list(a["paras"])
    body = []
    for i, p in enumerate(paras):
        body.append(f"<p>{html.escape(p)}</p>")
        if i == 1 and shell in (0, 2):
            t = html.escape(rng.choice(titles))
            body.append(f'<p class="baca-juga"><strong>Baca Juga:</strong> <a href="#">{t}</a></p>')
        if i == 2 and shell == 1:
            body.append('<div class="ad-slot">ADVERTISEMENT</div>')
    share = (
        '<div class="share"><a href="#">Facebook</a><a href="#">Twitter</a>'
        '<a href="#">WhatsApp</a><a href="#">Salin tautan</a></div>'
    )
    author = f'<div class="byline">Penulis: Redaksi {rng.randrange(99)} | Editor: Tim</div>'
    article = (
        f'<article class="post shell{shell}"><div class="breadcrumb"><a href="#">Home</a> &raquo; '
        f'<a href="#">{rng.choice(SECTIONS)}</a></div><h1>{html.escape(a["title"])}</h1>'
        f'<time datetime="2025-06-18T10:00:00+07:00">18 Juni 2025 10:00 WIB</time>{author}'
        f'{share if shell != 3 else ""}<div class="content">{"".join(body)}</div>'
        f'{share if shell == 3 else ""}<div class="tags">Tag: <a href="#">{rng.choice(SECTIONS)}'
        "</a></div></article>"
    )
    comments = (
        '<section class="comments"><h3>Komentar</h3><form><textarea></textarea>'
        "<button>Kirim</button></form></section>"
        if shell != 1
        else ""
    )
    return (
        f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">'
        f"<title>{html.escape(a['title'])} - {site}</title>"
        f'<meta property="og:title" content="{html.escape(a["title"])}">'
        f'<script type="application/ld+json">{ld}</script>{_script(rng)}</head><body>'
        f"{_nav(rng, site)}<main>{article}{comments}</main>"
        f"{_related(rng, site, titles, 10)}{_footer(site)}</body></html>"
    )


def non_article_page(rng: random.Random, kind: int, site: str, titles: list[str], sents) -> str:
    head = (
        f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{site}</title></head>'
    )
    if kind == 0:  # section index: headline links only
        items = "".join(
            f'<li><a href="https://{site}/read/{rng.randrange(10**7)}">{html.escape(t)}</a></li>'
            for t in rng.sample(titles, rng.randrange(40, 61))
        )
        main = f"<main><h1>Indeks Berita</h1><ul class=index>{items}</ul></main>"
    elif kind == 1:  # navigation only
        main = '<main><div class="empty">Halaman tidak tersedia.</div></main>'
    else:  # tag page: teasers
        items = "".join(
            f'<div class="teaser"><h2><a href="#">{html.escape(t)}</a></h2>'
            f"<p>{html.escape(rng.choice(sents))}</p></div>"
            for t in rng.sample(titles, 20)
        )
        main = f"<main><h1>Tag: {rng.choice(SECTIONS)}</h1>{items}</main>"
    return f"{head}<body>{_nav(rng, site)}{main}{_footer(site)}</body></html>"


# ---------------------------------------------------------------- copies

P_RE = re.compile(r"(<p\b[^>]*>)([^<]{200,})(</p>)", re.I)


def edit(rng: random.Random, page: str) -> str | None:
    """The page with one sentence of a long plain paragraph removed or changed (None if none)."""
    hits = list(P_RE.finditer(page))
    if not hits:
        return None
    m = rng.choice(hits)
    sents = re.split(r"(?<=[.!?])\s+", m.group(2))
    i = rng.randrange(len(sents))
    if len(sents) > 1 and rng.random() < 0.5:
        del sents[i]
    else:
        words = sents[i].split(" ")
        j = rng.randrange(len(words))
        words[j] = "diperbarui" if words[j] != "diperbarui" else "kemarin"
        sents[i] = " ".join(words)
    return page[: m.start(2)] + " ".join(sents) + page[m.end(2) :]


def variant(rng: random.Random, url: str, k: int) -> str:
    """Another address for the same page."""
    choice = k % 4
    if choice == 0:
        sep = "&" if "?" in url else "?"
        return f"{url}{sep}utm_source=feed&utm_medium=rss&n={k}"
    if choice == 1:
        return re.sub(r"^https://", "http://", url) + (
            "#" + str(k) if url.startswith("http:") else ""
        )
    if choice == 2:
        return re.sub(r"^(https?://)(www\.)?", r"\1m.", url, count=1) + f"?k={k}"
    return url.rstrip("/") + f"/amp?k={k}"


# ---------------------------------------------------------------- build


def tiny_jpeg(rng: random.Random) -> bytes:
    return (
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
        + bytes(rng.randrange(256) for _ in range(2000))
        + b"\xff\xd9"
    )


def tiny_pdf(n: int) -> bytes:
    text = f"BT /F1 12 Tf 72 720 Td (Laporan tahunan {n}) Tj ET".encode()
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/Contents 4 0 R>>endobj\n"
        + f"4 0 obj<</Length {len(text)}>>stream\n".encode()
        + text
        + b"\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


def write(path: Path, members: list[bytes]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(b"".join(members))
    tmp.replace(path)


def build(out: Path) -> dict[str, int]:
    from saring.readers.decode import decode_bytes

    rng = random.Random(SEED)
    real = real_pages()
    synth = synthetic_articles()
    titles = [a["title"] for a in synth]
    sents = [s for a in synth[:500] for s in re.split(r"(?<=[.!?])\s+", a["paras"][0])]
    kinds: dict[str, int] = {}

    # (kind, url, body bytes, content type, status)
    items: list[tuple[str, str, bytes, str, int]] = []
    for i, (url, raw) in enumerate(real):
        items.append(("real", url, raw, "text/html", 200))
        if i % 2 == 0:
            items.append(("real exact copy", variant(rng, url, i), raw, "text/html", 200))
        else:
            page = edit(rng, decode_bytes(raw, html=True)[0] or "")
            if page is not None:
                body = page.encode("utf-8")
                items.append(("real edited copy", url, body, "text/html; charset=utf-8", 200))
    ctype = "text/html; charset=UTF-8"
    for i, a in enumerate(synth):
        page = article_page(rng, a, titles)
        items.append(("synthetic", a["url"], page.encode("utf-8"), ctype, 200))
        if i % 23 == 0 and i // 23 % 2 == 0:
            items.append(
                ("synthetic exact copy", variant(rng, a["url"], i), page.encode(), ctype, 200)
            )
        elif i % 23 == 0:
            edited = edit(rng, page)
            if edited is not None:
                items.append(("synthetic edited copy", a["url"], edited.encode(), ctype, 200))
    for i in range(300):
        site = rng.choice(synth)["url"].split("/")[2]
        page = non_article_page(rng, i % 3, site, titles, sents)
        url = f"https://{site}/{['indeks', 'halaman', 'tag'][i % 3]}/{i}"
        items.append(("non-article", url, page.encode(), ctype, 200))
    for i in range(20):
        items.append(("image", f"https://img.example/p/{i}.jpg", tiny_jpeg(rng), "image/jpeg", 200))
    for i in range(10):
        url = f"https://docs.example/laporan-{i}.pdf"
        items.append(("pdf", url, tiny_pdf(i), "application/pdf", 200))
    for i in range(70):
        status = 404 if i < 40 else 500 if i < 60 else 301
        msg = {404: "Halaman tidak ditemukan", 500: "Internal Server Error", 301: "Moved"}[status]
        body = f"<html><head><title>{status}</title></head><body><h1>{msg}</h1></body></html>"
        url = f"https://{rng.choice(synth)['url'].split('/')[2]}/x/{i}"
        items.append((f"http {status}", url, body.encode(), "text/html", status))
    rng.shuffle(items)

    out.parent.mkdir(parents=True, exist_ok=True)
    w = Writer()
    info = "software: saring benchmarks/make_warc.py\r\nformat: WARC File Format 1.0\r\n"
    w.record(
        "warcinfo", info.encode(), "application/warc-fields", extra={"WARC-Filename": out.name}
    )
    meta_every = len(items) // 50
    for i, (kind, url, body, ct, status) in enumerate(items):
        kinds[kind] = kinds.get(kind, 0) + 1
        w.response(url, body, ct, status, request=i % (len(items) // 150) == 0)
        if i % meta_every == 0 and w.counts.get("metadata", 0) < 50:
            fields = f"fetchTimeMs: {rng.randrange(50, 900)}\r\ncharset-detected: UTF-8\r\n"
            w.record("metadata", fields.encode(), "application/warc-fields", url)
    write(out, w.members)
    # The same records in two files, for tools that spread work over files, not records
    # (datatrove gives each task whole files): the warcinfo record, then one half each.
    half = (len(w.members) + 1) // 2
    for k, part in enumerate((w.members[1 : half + 1], w.members[half + 1 :])):
        write(out.parent / "shards" / f"news-{k:05d}.warc.gz", [w.members[0], *part])
    return {
        **{f"record {k}": v for k, v in sorted(w.counts.items())},
        **dict(sorted(kinds.items())),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    if not AEB.exists() or not FUNDUS.exists() or not INDOSUM.exists():
        sys.exit(f"skipped: the shared pages are absent ({AEB.parent})")
    counts = build(a.out)
    for k, v in counts.items():
        print(f"{k}: {v}")
    print(
        f"{a.out}: {a.out.stat().st_size / 1e6:.1f} MB, "
        f"{sum(v for k, v in counts.items() if k.startswith('record'))} records"
    )


if __name__ == "__main__":
    main()
