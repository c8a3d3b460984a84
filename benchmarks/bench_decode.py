"""Decoding bytes that arrive without a declared charset: the figures of issue 20.

    .venv/bin/python benchmarks/bench_decode.py [--peers 400] [--seed 0]

Real crawl article bodies (the distinct ``isi_berita`` of ../shared/data/indonews-crawl-2025-06)
and the gold body texts of ../shared/data/fundus-multilingual are re-encoded and fed, as bytes
with no charset declared, to ``saring.readers.decode.decode_bytes``; a text counts as decoded
exactly when the result equals the original character for character. The encodings:

- cp1252 and Latin-1: texts the encoding cannot represent are skipped (counted); texts made
  only of ASCII are the same bytes in every encoding and are counted apart;
- UTF-8 with stray bytes: 1 to 3 bytes inserted at random places between characters, each
  either a random byte from 0x80-0xFF (``random``) or the first byte(s) of a multi-byte
  character whose last byte is missing (``cut``); the exact result has one U+FFFD for each;
- UTF-16 LE and BE without a byte-order mark;
- fundus texts of other scripts in their own legacy code page (cp1251, Shift_JIS, GBK...):
  that a preference for cp1252 does not wreck them.

The rules were written looking at the crawl's misses; the ``held-out`` sets are the article
bodies of the crawl's ``old_dataset/`` (detik, kompas, republika, kapanlagi; other articles),
re-encoded the same way. Five held-out cp1252 misses were read once to add signs to the table
(docs/benchmarks.md says which); the stray-byte sets were not looked at.

Crawl articles that already hold mojibake or C1 control characters (the crawler's own decoding
error: "DÃ©sespoir") are left out of every set and counted. The peers (charset-normalizer,
chardet, and "UTF-8, else cp1252", the browsers' default for Western locales) decode a sample
of ``--peers`` texts per set, their guesses applied with undecodable bytes replaced.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import time
from collections.abc import Callable

from shared_data import CRAWL, CRAWL_DAYS, FUNDUS

from saring.readers.decode import DecodeError, decode_bytes

# what the crawler's own wrong decoding left in some bodies
MOJIBAKE = re.compile("[\x80-\x9f]")
# fundus countries whose texts are written in another script or code page, and that code page
NATIVE = {
    "ru": "cp1251",
    "ua": "cp1251",
    "jp": "shift_jis",
    "cn": "gbk",
    "tw": "big5",
    "kr": "euc-kr",
    "cz": "cp1250",
    "pl": "cp1250",
    "tr": "cp1254",
    "il": "cp1255",
    "lt": "cp1257",
    "vn": "cp1258",
}
# characters whose UTF-8 form is cut short in the "cut" kind of stray bytes
CUT_FROM = "“”’–—…é\xa0€"


def mojibake(text: str) -> bool:
    """C1 control characters, or UTF-8 read as cp1252 ("Ã©", "Ä°"): its cp1252 bytes hold a
    valid multi-byte UTF-8 character."""
    if MOJIBAKE.search(text):
        return True
    data = text.encode("cp1252", "ignore")
    return not data.decode("utf-8", "replace").replace("\ufffd", "").isascii()


def crawl_texts() -> tuple[list[str], int]:
    """Distinct crawl bodies without mojibake, and how many held mojibake."""
    csv.field_size_limit(1 << 30)
    seen: set[str] = set()
    for day in CRAWL_DAYS:
        with open(CRAWL / day, encoding="utf-8", newline="") as f:
            seen.update(r["isi_berita"] for r in csv.DictReader(f) if r["isi_berita"].strip())
    clean = sorted(t for t in seen if not mojibake(t))
    return clean, len(seen) - len(clean)


def held_out_texts(tuned: list[str]) -> list[str]:
    """Distinct article bodies of the crawl's ``old_dataset`` CSVs (their ``content`` column),
    of 200 characters or more, without mojibake and not among the ``tuned`` texts."""
    seen = set(tuned)
    out: set[str] = set()
    for path in sorted((CRAWL / "old_dataset").glob("berita_*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                t = (r.get("content") or "").strip()
                if len(t) >= 200 and t not in seen and not mojibake(t):
                    out.add(t)
    return sorted(out)


def fundus_texts() -> list[tuple[str, str]]:
    """(country, gold body) of the fundus pages, distinct bodies."""
    seen: dict[str, str] = {}
    with open(FUNDUS / "gold_manifest.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if (row.get("body_text") or "").strip():
                seen.setdefault(row["body_text"], row["country"])
    return [(c, t) for t, c in seen.items()]


def with_stray_bytes(text: str, rng: random.Random, kind: str) -> tuple[bytes, str]:
    """``text`` as UTF-8 with 1 to 3 stray bytes between characters, and the exact decoding."""
    n = rng.randint(1, 3)
    places = sorted(rng.sample(range(1, len(text)), min(n, len(text) - 1)))
    data, want, last = [], [], 0
    for p in places:
        piece = text[last:p]
        data.append(piece.encode("utf-8"))
        want.append(piece)
        if kind == "random":
            data.append(bytes([rng.randint(0x80, 0xFF)]))
        else:
            whole = rng.choice(CUT_FROM).encode("utf-8")
            data.append(whole[: rng.randint(1, len(whole) - 1)])
        want.append("\ufffd")
        last = p
    data.append(text[last:].encode("utf-8"))
    want.append(text[last:])
    raw, expected = b"".join(data), "".join(want)
    # two stray pieces side by side may form a valid character: count as the decoder sees it
    if raw.decode("utf-8", "replace") != expected:
        return with_stray_bytes(text, rng, kind)
    return raw, expected


def encodable(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def saring_decode(data: bytes) -> str:
    try:
        return decode_bytes(data)[0]
    except DecodeError as e:
        return f"<refused: {e.reason}>"


def peers() -> dict[str, Callable[[bytes], str]]:
    found: dict[str, Callable[[bytes], str]] = {}

    def guessed(codec: str | None, data: bytes) -> str:
        try:
            return data.decode(codec or "utf-8", errors="replace")
        except LookupError:
            return data.decode("utf-8", errors="replace")

    try:
        from charset_normalizer import from_bytes

        def normalizer(data: bytes) -> str:
            best = from_bytes(data).best()
            return guessed(best.encoding if best else None, data)

        found["charset-normalizer"] = normalizer
    except ImportError:
        pass
    try:
        import chardet

        found["chardet"] = lambda data: guessed(chardet.detect(data)["encoding"], data)
    except ImportError:
        pass

    def utf8_else_cp1252(data: bytes) -> str:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("cp1252", errors="replace")

    found["UTF-8, else cp1252"] = utf8_else_cp1252
    return found


def build_sets(
    seed: int, repeats: int = 3
) -> tuple[dict[str, list[tuple[bytes, str]]], dict[str, str]]:
    """The test sets: name -> [(bytes, exact text)], and a note on each (what was skipped).
    Each text gets its stray bytes ``repeats`` times, at other places."""
    rng = random.Random(seed)
    crawl, mojibake = crawl_texts()
    fundus = fundus_texts()
    held = held_out_texts(crawl)
    sets: dict[str, list[tuple[bytes, str]]] = {}
    notes = {
        "crawl": f"{len(crawl)} distinct bodies ({mojibake} holding mojibake left out)",
        "held-out": f"{len(held)} distinct bodies of old_dataset/",
    }
    corpora = (("crawl", crawl), ("fundus", [t for _, t in fundus]), ("held-out", held))
    for codec in ("cp1252", "latin-1"):
        for name, texts in corpora:
            fits = [t for t in texts if encodable(t, codec)]
            wide = [t for t in fits if not t.isascii()]
            key = f"{name} {codec}"
            sets[key] = [(t.encode(codec), t) for t in wide]
            notes[key] = (
                f"{len(texts) - len(fits)} not representable, {len(fits) - len(wide)} ASCII only"
            )
    for kind in ("random", "cut"):
        for name, texts in corpora:
            sets[f"{name} utf-8 + stray ({kind})"] = [
                with_stray_bytes(t, rng, kind) for _ in range(repeats) for t in texts
            ]
            notes[f"{name} utf-8 + stray ({kind})"] = f"{len(texts)} texts x {repeats}"
    for codec in ("utf-16-le", "utf-16-be"):
        sets[f"crawl {codec}, no BOM"] = [(t.encode(codec), t) for t in crawl]
    native = [(c, t) for c, t in fundus if c in NATIVE and encodable(t, NATIVE[c])]
    sets["fundus native legacy"] = [(t.encode(NATIVE[c]), t) for c, t in native]
    notes["fundus native legacy"] = ", ".join(sorted({f"{c}:{NATIVE[c]}" for c, _ in native}))
    return sets, notes


def score(decode: Callable[[bytes], str], items: list[tuple[bytes, str]]) -> tuple[int, int, float]:
    """How many of ``items`` ``decode`` gets exactly, how many it refuses, and the seconds."""
    t = time.perf_counter()
    got = [decode(data) for data, _ in items]
    exact = sum(1 for g, (_, want) in zip(got, items, strict=True) if g == want)
    refused = sum(1 for g in got if g.startswith("<refused"))
    return exact, refused, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--peers", type=int, default=400, help="texts per set for the peers")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeats", type=int, default=3, help="stray bytes put in each text so often")
    ap.add_argument("--only-saring", action="store_true")
    args = ap.parse_args()
    sets, notes = build_sets(args.seed, args.repeats)
    for k, v in notes.items():
        print(f"{k}: {v}")
    others = {} if args.only_saring else peers()
    head = f"{'set':32} {'n':>6} {'saring':>24}" + "".join(f" {p[:18]:>18}" for p in others)
    print(head)
    for name, items in sets.items():
        exact, refused, secs = score(saring_decode, items)
        n = max(1, len(items))
        line = f"{name:32} {len(items):6} {exact / n:8.2%} ({exact:5}, {refused:3} refused)"
        sample = random.Random(args.seed).sample(items, min(args.peers, len(items)))
        for decode in others.values():
            got, _, _ = score(decode, sample)
            line += f" {got / max(1, len(sample)):9.2%} of {len(sample):4}"
        print(line + f"   saring {1000 * secs / n:.2f} ms/text", flush=True)


if __name__ == "__main__":
    main()
