"""report.html: removed lines put back in place, and the page driven in Debian's Chromium.

The browser test needs /usr/bin/chromium (``python3 dev.py test`` installs Debian's chromium
when it can) and the playwright package (the ``dev`` extra); it skips, saying which is missing,
without them. It saves screenshots of the main views to a temporary folder, or to the folder
named by SARING_SCREENSHOTS: ``python3 dev.py screenshots`` refreshes docs/screenshots/ so.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from saring.clean.siterepeats import line_hash, merge_removed, strip_lines
from saring.config import RunConfig
from saring.extract.dates import parse_tz
from saring.pipeline import run
from saring.process import process_record
from saring.report import build, interleave
from tests.conftest import EXAMPLES, ROOT

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "docs" / "screenshots"
# the tracked screenshots as they were before any test ran, and the screenshots the tests took
TRACKED_BEFORE = {p.name: (p.stat().st_mtime_ns, p.stat().st_size) for p in SHOTS.glob("*.png")}
TAKEN: list[Path] = []
# what the machine's closed network needs (no background connections, no update checks)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "out"
    run([str(EXAMPLES)], out, log=lambda _m: None)
    return out


@pytest.mark.parametrize(
    "name", ["text/kabarnusantara-bandara-maumere.txt", "pages/lensaberita-erupsi-lewotobi.html"]
)
def test_removed_lines_go_back_where_they_stood(name):
    path = EXAMPLES / name
    fmt = "html" if path.suffix == ".html" else "text"
    p = process_record({"id": "x", "order": "0", "fmt": fmt, "raw": path.read_bytes()}, RunConfig())
    p = p.processed
    assert p.removed and p.explain
    rows = [(text, reason) for text, reason, _ in p.explain]
    if fmt == "html":
        # the blocks the content model left out of an HTML page are shown by --explain but
        # not kept in documents.parquet
        units = RunConfig().extractor(path.read_text(encoding="utf-8")).units
        dropped = [(text, reason) for text, _, reason in units if reason is not None]
        assert dropped == rows[: len(dropped)] or all(d in rows for d in dropped)
        for d in dropped:
            rows.remove(d)
    # the page in its own order, each line with the reason it went, rebuilt from the two
    # columns documents.parquet keeps (text, removed)
    got = interleave(p.text, [r.as_dict() for r in p.removed])
    assert got == rows


def test_lines_one_site_repeats_go_back_in_place_among_those_cleaning_took():
    # page: A X B C D Y E; cleaning took X and Y, the per-site pass then takes B and D
    first = [{"text": "X", "reason": "widget", "at": 1}, {"text": "Y", "reason": "promo", "at": 4}]
    frequent = {line_hash("B line of the site"), line_hash("D line of the site")}
    text = "A first line\nB line of the site\nC third line\nD line of the site\nE last line"
    new, gone = strip_lines(text, frequent)
    got = interleave(new, merge_removed(first, gone))
    assert [t.split()[0] for t, _ in got] == list("AXBCDYE")
    assert [why for _, why in got] == [
        None,
        "widget",
        "site_boilerplate",
        None,
        "site_boilerplate",
        "promo",
        None,
    ]


def test_report_is_one_self_contained_file(out):
    page = (out / "report.html").read_text(encoding="utf-8")
    # nothing fetched: no external script, style, image or font
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<script src" not in page and "<link" not in page
    stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))
    for stage in stats["stages"]:
        assert f'data-stage="{stage["stage"]}" data-in="{stage["in"]}"' in page


def test_saring_report_rebuilds_the_page(out, tmp_path):
    dest = tmp_path / "again.html"
    cmd = [sys.executable, "-m", "saring", "report", str(out), "--to", str(dest)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert dest.read_text(encoding="utf-8") == (out / "report.html").read_text(encoding="utf-8")
    bad = subprocess.run(
        [sys.executable, "-m", "saring", "report", str(tmp_path)], capture_output=True, text=True
    )
    assert bad.returncode == 2 and "not a finished saring output" in bad.stderr
    before = (out / "documents.parquet").read_bytes()
    for to, why in [
        (out / "documents.parquet", "is one of the run's outputs"),
        (tmp_path, "is a folder"),
        (tmp_path / "no" / "such" / "r.html", "does not exist"),
    ]:
        cmd = [sys.executable, "-m", "saring", "report", str(out), "--to", str(to)]
        done = subprocess.run(cmd, capture_output=True, text=True)
        assert done.returncode == 2 and why in done.stderr, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1  # one line, no traceback
    assert (out / "documents.parquet").read_bytes() == before


def test_long_texts_are_cut_to_the_budget_and_the_page_says_so(out, tmp_path):
    dest = build(out, tmp_path / "small.html", text_budget=2_000)
    page = dest.read_text(encoding="utf-8")
    data = json.loads(
        page.split('<script id="saring-data" type="application/json">')[1].split("</script>")[0]
    )
    assert data["cut"] and sum(len(c) for c in data["texts"]) <= 2_000


def test_text_chunks_packed_in_threads_keep_the_documents_order(out, tmp_path, monkeypatch):
    from saring.report import page as report_page

    monkeypatch.setattr(report_page, "CHUNK", 2)  # many chunks, packed two at a time
    page = build(out, tmp_path / "chunks.html").read_text(encoding="utf-8")
    data = json.loads(
        page.split('<script id="saring-data" type="application/json">')[1].split("</script>")[0]
    )
    items = [
        item
        for chunk in data["texts"]
        for item in json.loads(gzip.decompress(base64.b64decode(chunk)))
    ]
    texts = pq.read_table(out / "documents.parquet").column("text").to_pylist()
    assert len(data["texts"]) == -(-len(texts) // 2) > 2
    # a text seen before travels as the row number of its first holder
    assert [t if isinstance(t, str) else texts[t] for t, _ in items] == [t or "" for t in texts]


def test_a_report_under_the_budget_compresses_each_text_once(out, tmp_path, monkeypatch):
    """The size estimate packs a sample of the chunks; when the sample is every chunk and they
    fit, they are the page's chunks, not packed a second time (a 5,774-document report: 0.9 s
    -> 0.6 s)."""
    from saring.report import page as report_page

    packed = []  # documents in each chunk of texts compressed
    real = report_page._pack_all

    def counting(parts):
        packed.extend(map(len, parts))
        return real(parts)

    monkeypatch.setattr(report_page, "_pack_all", counting)
    monkeypatch.setattr(report_page, "CHUNK", 3)
    page = build(out, tmp_path / "once.html").read_text(encoding="utf-8")
    data = json.loads(
        page.split('<script id="saring-data" type="application/json">')[1].split("</script>")[0]
    )
    n_docs = pq.read_metadata(out / "documents.parquet").num_rows
    assert data["cut"] is None and len(data["texts"]) == -(-n_docs // 3) > 2
    assert sum(packed) == n_docs  # every document's text packed once, none twice


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    """Where the browser test saves its screenshots: SARING_SCREENSHOTS when set (as by
    'python3 dev.py screenshots'), else a temporary folder, never the tracked ones unasked."""
    where = os.environ.get("SARING_SCREENSHOTS")
    return Path(where) if where else tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} is absent: 'python3 dev.py test' installs Debian's chromium as root"
        )
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (the dev extra)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


def open_document(page, doc_id: str) -> None:
    """Search the document table for one id, wait for that single row, open it."""
    page.fill("#doc-q", doc_id)
    rows = "document.querySelectorAll('#doc-rows tr')"
    page.wait_for_function(f"{rows}.length === 1 && {rows}[0].dataset.id === {json.dumps(doc_id)}")
    page.click(f'#doc-rows tr[data-id="{doc_id}"]')
    page.wait_for_selector("#viewer:not([hidden]) #doc-text")


def test_the_page_in_chromium(out, browser, shots):
    stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))
    docs = pq.read_table(out / "documents.parquet").to_pylist()
    stories = pq.read_table(out / "stories.parquet").to_pylist()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((out / "report.html").as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=20_000)
    assert errors == []
    shots.mkdir(parents=True, exist_ok=True)
    TAKEN.append(shots / "overview.png")
    page.screenshot(path=TAKEN[-1], full_page=True)

    # the funnel as drawn equals stats.json
    rows = page.locator("table.funnel tbody tr")
    assert rows.count() == len(stats["stages"])
    for k, stage in enumerate(stats["stages"]):
        cells = rows.nth(k).locator("td")
        assert rows.nth(k).locator("th").inner_text() == stage["stage"]
        assert cells.nth(0).inner_text().replace(",", "") == str(stage["in"])
        assert cells.nth(1).inner_text().replace(",", "") == str(stage["out"])
    cards = {"kept": 0, "duplicate": 0, "filtered": 0, "failed": 0}
    for d in docs:
        cards[d["status"]] += 1
    for status, n in cards.items():
        card = page.locator(f'.card[data-count="{status}"] b')
        assert card.inner_text() == str(n)
        assert stats["documents"]["by_status"].get(status, 0) == n

    # a search for a story's label finds that story
    story = max(stories, key=lambda s: s["size"])
    page.click("nav button[data-tab=stories]")
    query = story["label"][:30]
    page.fill("#story-q", query)
    # the largest story comes first before the search too: wait for the list it gives
    want = sum(
        1 for s, t in zip(stories, _story_texts(stories), strict=True)
        if s["size"] > 1 and _starts_a_word(query, t)
    )  # fmt: skip
    first_label = "document.querySelector('#story-list .story h3')?.textContent"
    count = "document.querySelectorAll('#story-list .story').length"
    page.wait_for_function(f"{count} === {want} && {first_label} === {json.dumps(story['label'])}")
    cards = page.locator("#story-list .story")
    assert cards.count() >= 1
    assert cards.first.locator("h3").inner_text() == story["label"]
    assert cards.first.locator("ol.summary li").count() == len(story["summary"])
    TAKEN.append(shots / "stories.png")
    page.screenshot(path=TAKEN[-1])

    # opening a document shows its removed lines, struck through with their reasons
    page.click("nav button[data-tab=documents]")
    doc = max((d for d in docs if d["status"] == "kept"), key=lambda d: len(d["removed"]))
    open_document(page, doc["id"])
    struck = page.locator("#doc-text p.removed")
    assert struck.count() == len(doc["removed"])
    assert struck.first.locator("s").inner_text() == doc["removed"][0]["text"]
    reasons = struck.locator(".reason").all_inner_texts()
    assert reasons == [r["reason"] for r in doc["removed"]]
    kept = page.locator("#doc-text p:not(.removed)").all_inner_texts()
    assert kept == [line for line in doc["text"].split("\n") if line.strip()]
    TAKEN.append(shots / "document.png")
    page.screenshot(path=TAKEN[-1])
    page.click("#viewer-close")

    # a near duplicate beside its canonical document, the differences marked
    dup = next(d for d in docs if d["reason"] == "near_duplicate")
    open_document(page, dup["id"])
    page.wait_for_selector("#diff-canon")
    assert page.locator("#diff-this del").count() + page.locator("#diff-canon ins").count() > 0
    canon = next(d for d in docs if d["id"] == dup["dup_of"])
    assert canon["title"] in page.locator(".pair h3").nth(1).inner_text()
    TAKEN.append(shots / "duplicate.png")
    page.screenshot(path=TAKEN[-1])
    page.click("#viewer-close")

    # an exact copy travels as a reference to the first row with its text, and shows that text
    exact = next(d for d in docs if d["reason"] == "exact_duplicate")
    open_document(page, exact["id"])
    kept = page.locator("#doc-text p:not(.removed)").all_inner_texts()
    assert kept == [line for line in exact["text"].split("\n") if line.strip()]
    assert errors == []
    page.close()


def test_a_run_without_documents_still_gets_a_page(out, tmp_path):
    # every input file yields at least one row today; the page must not depend on it
    from saring.model import DOCUMENTS_SCHEMA
    from saring.stories.build import STORIES_SCHEMA

    empty = tmp_path / "empty"
    empty.mkdir()
    pq.write_table(DOCUMENTS_SCHEMA.empty_table(), empty / "documents.parquet")
    pq.write_table(STORIES_SCHEMA.empty_table(), empty / "stories.parquet")
    stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))
    stats["documents"] = {**stats["documents"], "in": 0, "out": 0}
    (empty / "stats.json").write_text(json.dumps(stats), encoding="utf-8")
    page = build(empty).read_text(encoding="utf-8")
    assert "saring report: 0 documents" in page


def test_the_tests_leave_the_tracked_screenshots_alone():
    # runs after the browser test (tests run in file order); refreshing docs/screenshots is
    # 'python3 dev.py screenshots', so that the tests leave a clean checkout clean
    if not TAKEN:
        pytest.skip("the browser test did not run in this session")
    if os.environ.get("SARING_SCREENSHOTS"):
        pytest.skip("SARING_SCREENSHOTS is set: this session refreshes the screenshots")
    assert not [p for p in TAKEN if p.resolve().is_relative_to(SHOTS.resolve())]
    assert all(p.is_file() and p.stat().st_size > 0 for p in TAKEN)
    now = {p.name: (p.stat().st_mtime_ns, p.stat().st_size) for p in SHOTS.glob("*.png")}
    assert now == TRACKED_BEFORE


def embedded(page: str) -> dict:
    """The data the page carries: its JSON, with the packed document table and stories opened."""
    data = json.loads(
        page.split('<script id="saring-data" type="application/json">')[1].split("</script>")[0]
    )
    for key in ("docs", "stories"):
        data[key] = json.loads(gzip.decompress(base64.b64decode(data[key])))
    return data


def in_zone(when, zone: str, name: str) -> str:
    return f"{when.astimezone(parse_tz(zone)):%Y-%m-%d %H:%M} {name}" if when else ""


@pytest.mark.parametrize(("zone", "name"), [(None, "WIB"), ("Asia/Makassar", "WITA")])
def test_times_are_shown_in_the_runs_zone_and_name_it(out, tmp_path, zone, name):
    stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    if zone:  # as a run with --default-tz Asia/Makassar would have written it
        stats["config"]["default_tz"] = zone
        (copy / "stats.json").write_text(json.dumps(stats), encoding="utf-8")
    zone = stats["config"]["default_tz"]
    data = embedded(build(copy).read_text(encoding="utf-8"))
    docs = pq.read_table(out / "documents.parquet").to_pylist()
    assert data["docs"]["published"] == [in_zone(d["published"], zone, name) for d in docs]
    # the feed's heat warning, dated 2025-06-16T15:12:00+07:00 in feed.jsonl: 15:12 WIB
    with (EXAMPLES / "feed.jsonl").open(encoding="utf-8") as fh:
        dated = datetime.fromisoformat(json.loads(fh.readline())["date"])
    row = next(k for k, d in enumerate(docs) if d["source"].endswith("feed.jsonl#line=1"))
    assert data["docs"]["published"][row] == in_zone(dated, zone, name)
    stories = pq.read_table(out / "stories.parquet").to_pylist()
    first = [in_zone(s["first_published"], zone, name)[:10] for s in stories]
    assert [s["first"] for s in data["stories"]] == first


def test_the_card_of_stories_told_by_several_outlets_counts_sites(out):
    page = (out / "report.html").read_text(encoding="utf-8")
    card = re.search(r'data-count="stories with several outlets[^"]*"><b>([\d,]+)</b>', page)
    stories = pq.read_table(out / "stories.parquet").to_pylist()
    several_sites = sum(1 for s in stories if len(s["sites"]) > 1)
    # the examples hold a story of several articles from one site (the flood: the text copy
    # names no site), so counting documents would say more
    assert several_sites < sum(1 for s in stories if s["size"] > 1)
    assert int(card[1].replace(",", "")) == several_sites


def _starts_a_word(query: str, text: str) -> bool:
    """The page's story search: the query found where a word begins (word-prefix match)."""
    return re.search(r"(?<![^\W_])" + re.escape(query.lower()), text.lower()) is not None


def _story_texts(stories: list[dict]) -> list[str]:
    return [" ".join([s["label"], *s["keywords"], *s["summary"]]) for s in stories]


def test_deep_links_word_search_and_zones_in_chromium(out, browser):
    docs = pq.read_table(out / "documents.parquet").to_pylist()
    stories = pq.read_table(out / "stories.parquet").to_pylist()
    zone = json.loads((out / "stats.json").read_text(encoding="utf-8"))["config"]["default_tz"]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    url = (out / "report.html").as_uri()

    # report.html#doc=ID opens that document, its time in the run's zone, named
    feed = next(d for d in docs if d["source"].endswith("feed.jsonl#line=1"))
    page.goto(f"{url}#doc={feed['id']}")
    page.wait_for_selector("body[data-ready='1']", timeout=20_000)
    page.wait_for_selector("#viewer:not([hidden]) #doc-text")
    assert page.locator("#viewer-body h2").inner_text() == feed["title"]
    fields = page.locator("#viewer-body dl.fields").inner_text()
    assert "2025-06-16 15:12 WIB" in fields and in_zone(feed["published"], zone, "WIB") in fields
    # another fragment opens another document; closing clears it, opening one sets it
    other = next(d for d in docs if d["status"] == "kept" and d["id"] != feed["id"])
    page.evaluate(f"location.hash = 'doc={other['id']}'")
    page.wait_for_function(
        f"document.querySelector('#viewer-body h2')?.textContent === {json.dumps(other['title'])}"
    )
    page.click("#viewer-close")
    assert page.evaluate("location.hash") == ""
    page.click("nav button[data-tab=documents]")
    open_document(page, feed["id"])
    assert page.evaluate("location.hash") == f"#doc={feed['id']}"
    page.click("#viewer-close")

    # report.html#story=ID shows that story, one-article stories too
    single = next(s for s in stories if s["size"] == 1)
    for story in (max(stories, key=lambda s: s["size"]), single):
        page.goto(f"{url}#story={story['story_id']}")
        page.wait_for_selector("body[data-ready='1']", timeout=20_000)
        page.wait_for_selector("#tab-stories:not([hidden]) #story-list .story h3")
        cards = page.locator("#story-list .story")
        assert cards.count() == 1 and cards.first.locator("h3").inner_text() == story["label"]
        meta = cards.first.locator(".meta").inner_text()
        n = story["size"]
        assert re.search(rf"\b{n} article{'' if n == 1 else 's'}\b", meta), meta

    # the story search matches where words begin: a piece from inside a word finds nothing
    texts = _story_texts(stories)
    words = sorted({w for t in texts for w in re.findall(r"[^\W\d_]{7,}", t)}, key=len)
    inner = next(
        w[2:6] for w in reversed(words) if not any(_starts_a_word(w[2:6], t) for t in texts)
    )
    page.click("nav button[data-tab=stories]")
    page.uncheck("#story-multi")
    count = "document.querySelectorAll('#story-list .story').length"
    page.fill("#story-q", inner)
    page.wait_for_function(f"{count} === 0")
    assert any(inner.lower() in t.lower() for t in texts)  # found inside a word, not at its start
    word = next(w for w in reversed(words) if inner in w)
    page.fill("#story-q", word[:4])
    want = sum(1 for t in texts if _starts_a_word(word[:4], t))
    page.wait_for_function(f"{count} === {want}")
    assert errors == []
    page.close()


HOSTILE = "evil<!--<script>.com"


def test_a_site_or_reason_holding_a_comment_and_script_opener_keeps_the_page_whole(
    out, tmp_path, browser
):
    # "<!--<script" in the embedded JSON put Chromium's parser in the script's escaped state:
    # the page's data element swallowed the rest of the page
    import pyarrow as pa

    bad = tmp_path / "bad"
    shutil.copytree(out, bad)
    table = pq.read_table(bad / "documents.parquet")
    site = table.column("site").to_pylist()
    reason = table.column("reason").to_pylist()
    site[0] = HOSTILE
    k = next(i for i, r in enumerate(reason) if r)
    reason[k] = f"{HOSTILE}: {reason[k]}"  # the filter lists reasons by their code
    table = table.set_column(table.schema.get_field_index("site"), "site", pa.array(site))
    table = table.set_column(table.schema.get_field_index("reason"), "reason", pa.array(reason))
    pq.write_table(table, bad / "documents.parquet")
    page_text = build(bad).read_text(encoding="utf-8")
    assert "<!--<script" not in page_text.split('id="saring-data"')[1].split("</script>")[0]
    assert HOSTILE in embedded(page_text)["sites"]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((bad / "report.html").as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=20_000)
    assert errors == []
    options = page.locator("#doc-site option").all_inner_texts()
    assert any(HOSTILE in o for o in options)
    reasons = page.locator("#doc-reason option").all_inner_texts()
    assert any(HOSTILE in o for o in reasons)
    page.close()


def test_the_reason_filter_lists_codes_not_every_value(out, tmp_path, browser):
    # "quality:words: 34 < 50" and "quality:words: 32 < 50" were two entries each: on the
    # crawl 40 entries for 9 codes, and no way to pick every document one rule filtered
    import pyarrow as pa

    run = tmp_path / "run"
    shutil.copytree(out, run)
    table = pq.read_table(run / "documents.parquet")
    reason = table.column("reason").to_pylist()
    status = table.column("status").to_pylist()
    for k, words in zip((0, 1, 2), (12, 30, 7), strict=True):
        reason[k], status[k] = f"quality:words: {words} < 50", "filtered"
    table = table.set_column(table.schema.get_field_index("reason"), "reason", pa.array(reason))
    table = table.set_column(table.schema.get_field_index("status"), "status", pa.array(status))
    pq.write_table(table, run / "documents.parquet")
    build(run)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((run / "report.html").as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=20_000)
    options = page.locator("#doc-reason option").all_inner_texts()
    assert "quality:words (3)" in options
    assert not any(o.startswith("quality:words:") for o in options)
    page.click("nav button[data-tab=documents]")
    value = page.locator("#doc-reason option", has_text="quality:words").get_attribute("value")
    page.select_option("#doc-reason", value)
    assert page.locator("#doc-count").inner_text().startswith("3 of ")
    page.close()
