"""The incremental store on the bundled examples: two batches, copies of stored documents,
follow-ups joining stored stories, re-runs that change nothing, and SIGKILL at five points."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from saring.config import DedupConfig, RunConfig
from saring.pipeline import run
from saring.store import Store, StoreError, export
from tests.conftest import EXAMPLES, ROOT, SEEDS, need_shared

FIRST = [
    "feed.jsonl",
    "pages/kabarnusantara-bengawan-solo-meluap.html",
    "pages/lensaberita-erupsi-lewotobi.html",
    "pages/suarapagi-vonis-kadis-pupr.html",
    "pages/lensaberita-persib-persija.html",
    "text/suarapagi-lrt-jabodebek.txt",
]
# the next day's crawl: a re-crawl, an updated article, another outlet's copy, follow-ups. The
# re-crawl is given as its folder: a document's id comes from its file's name under the
# argument, so the re-crawled files, given one by one, would take the ids of the first ones
SECOND = [
    "pages/recrawl-2025-06-20",
    "pages/suarapagi-lewotobi-kembali-meletus.html",
    "text/kabarnusantara-bandara-maumere.txt",
    "text/wartaharian-banjir-bojonegoro.txt",
    "text/lensaberita-suhu-panas-jakarta.txt",
    "text/wartaharian-harga-beras.txt",
    "pages/kabarnusantara-festival-danau-toba.html",
]


def files(names: list[str]) -> list[str]:
    return [str(EXAMPLES / n) for n in names]


def by_source(out: Path) -> dict[str, dict]:
    table = pq.read_table(out / "documents.parquet").to_pylist()
    return {r["source"].split("examples/", 1)[1]: r for r in table}


def quiet(*args, **kw):
    return run(*args, log=lambda _m: None, **kw)


@pytest.fixture(scope="module")
def two_days(tmp_path_factory) -> tuple[Path, dict[str, dict], dict[str, dict]]:
    base = tmp_path_factory.mktemp("store")
    quiet(files(FIRST), None, store=base / "s")
    quiet(files(SECOND), None, store=base / "s")
    export(base / "s", base / "exported", report=False)
    quiet(files(FIRST + SECOND), base / "once")
    return base, by_source(base / "exported"), by_source(base / "once")


def test_copies_of_stored_documents_point_at_the_stored_canonical(two_days):
    _, got, _ = two_days
    assert len(got) == 16  # 13 files, the feed holds three records
    solo = got["pages/kabarnusantara-bengawan-solo-meluap.html"]
    recrawl = got["pages/recrawl-2025-06-20/kabarnusantara-bengawan-solo-meluap.html"]
    assert (recrawl["status"], recrawl["reason"], recrawl["dup_of"]) == (
        "duplicate",
        "exact_duplicate",
        solo["id"],
    )
    # export gives the stored canonical its cluster, as one run does
    assert solo["status"] == "kept" and solo["dup_cluster"] == solo["id"]
    eruption = got["pages/lensaberita-erupsi-lewotobi.html"]
    copy = got["pages/suarapagi-lewotobi-kembali-meletus.html"]
    assert (copy["reason"], copy["dup_of"]) == ("near_duplicate", eruption["id"])
    heat = got["text/lensaberita-suhu-panas-jakarta.txt"]
    assert (heat["reason"], heat["dup_of"]) == ("exact_duplicate", got["feed.jsonl#line=1"]["id"])


def test_follow_ups_join_the_stored_stories(two_days):
    _, got, once = two_days
    flood = got["pages/kabarnusantara-bengawan-solo-meluap.html"]["story_id"]
    assert got["text/wartaharian-banjir-bojonegoro.txt"]["story_id"] == flood
    # the eruption report republished the next day joins the stored report's story (the
    # airport's closure, dated a day after it, is a story of its own: tests/test_stories.py)
    eruption = got["pages/lensaberita-erupsi-lewotobi.html"]["story_id"]
    assert got["pages/suarapagi-lewotobi-kembali-meletus.html"]["story_id"] == eruption

    # the same stories as one run over both days
    def partition(docs):
        groups: dict[str, set] = {}
        for name, r in docs.items():
            if r["story_id"]:
                groups.setdefault(r["story_id"], set()).add(name)
        return {frozenset(g) for g in groups.values()}

    assert partition(got) == partition(once)


def test_the_only_differences_from_one_run_are_which_copies_stay_canonical(two_days):
    _, got, once = two_days
    same_ids = {n: r["id"] for n, r in got.items()} == {n: r["id"] for n, r in once.items()}
    assert same_ids
    differ = {
        n
        for n in got
        if (got[n]["status"], got[n]["dup_of"]) != (once[n]["status"], once[n]["dup_of"])
    }
    # one run makes the longer copy of a pair canonical (the updated verdict, the republished
    # eruption report); the store keeps the copy it already holds, from the first day
    assert differ == {
        "pages/suarapagi-vonis-kadis-pupr.html",
        "pages/recrawl-2025-06-20/suarapagi-vonis-kadis-pupr.html",
        "pages/lensaberita-erupsi-lewotobi.html",
        "pages/suarapagi-lewotobi-kembali-meletus.html",
    }
    updated = got["pages/recrawl-2025-06-20/suarapagi-vonis-kadis-pupr.html"]
    assert updated["dup_of"] == got["pages/suarapagi-vonis-kadis-pupr.html"]["id"]
    republished = once["pages/lensaberita-erupsi-lewotobi.html"]
    assert republished["dup_of"] == once["pages/suarapagi-lewotobi-kembali-meletus.html"]["id"]


def test_running_a_batch_again_changes_nothing(two_days, tmp_path):
    base, _, _ = two_days
    store = base / "s"
    before = {p: p.read_bytes() for p in store.rglob("*") if p.is_file()}
    stats = quiet(files(SECOND + FIRST), None, store=store)
    assert stats["documents"]["in"] == 0 and stats["store"]["already_stored"] == 16
    after = {p: p.read_bytes() for p in store.rglob("*") if p.is_file()}
    assert after == before


def test_a_folder_of_other_things_is_not_taken_for_a_store(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match="not a saring store"):
        quiet(files(FIRST), None, store=tmp_path)


def _snapshot(store: Path) -> list[tuple]:
    """What the store says it holds: its exported rows, sorted by id."""
    out = store.parent / f"export-{time.monotonic_ns()}"
    export(store, out, report=False)
    rows = pq.read_table(out / "documents.parquet").to_pylist()
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "a document is stored twice"
    keys = ("id", "status", "reason", "dup_of", "dup_cluster", "story_id", "text")
    return sorted(tuple(r[k] for k in keys) for r in rows)


def _run_killed(store: Path, names: list[str], fault: str | None, after: float | None = None):
    cmd = [sys.executable, "-m", "saring", "run", *files(names), "--store", str(store), "-q"]
    # in one process: SIGKILL meets the run itself, not saring.interrupt's parent, which would
    # tidy the store before the next run could show that the store needs no tidying
    env = {**os.environ, "SARING_FAULT": fault or "", "SARING_NO_FORK": "1"}
    proc = subprocess.Popen(
        cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    if after is not None:
        time.sleep(after)
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=120)
    return proc.returncode


@pytest.mark.parametrize(
    "fault", ["timer", "deduplicated", "staged", "renamed", "manifest_written", "committed"]
)
def test_a_run_killed_anywhere_leaves_the_store_before_or_after_it(two_days, tmp_path, fault):
    base, _, _ = two_days
    reference = _snapshot(base / "s")  # both batches, never interrupted
    store = tmp_path / "s"
    quiet(files(FIRST), None, store=store)
    before = _snapshot(store)
    if fault == "timer":  # wherever the process is after 0.7 s (the whole run takes 1.2 s or more)
        rc = _run_killed(store, SECOND, None, after=0.7)
    else:
        rc = _run_killed(store, SECOND, fault)
    assert rc == -signal.SIGKILL
    state = _snapshot(store)
    committed = len(json.loads((store / "manifest.json").read_text())["runs"])
    if fault == "committed":
        assert committed == 2 and state == reference
    elif fault != "timer":
        assert committed == 1 and state == before
    else:
        assert state in (before, reference)
    # the batch again: whatever the kill left, the store ends as if never interrupted
    quiet(files(SECOND), None, store=store)
    assert _snapshot(store) == reference
    assert not [p for p in (store / "runs").iterdir() if p.name.startswith(".")]
    assert len(list((store / "runs").iterdir())) == 2
    assert Store(store).ids().to_pylist().count(reference[0][0]) == 1


def test_the_cli_adds_to_the_store_named_in_saring_toml_and_exports(tmp_path):
    toml = tmp_path / "saring.toml"
    toml.write_text(f'[output]\nstore = "{tmp_path / "corpus"}"\nreport = false\n')
    cmd = [sys.executable, "-m", "saring", "run", *files(FIRST), "--config", str(toml)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "8 new documents added" in done.stdout
    export_cmd = [sys.executable, "-m", "saring", "export", str(tmp_path / "corpus")]
    done = subprocess.run(
        [*export_cmd, "-o", str(tmp_path / "out"), "--no-report"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert pq.read_table(tmp_path / "out" / "documents.parquet").num_rows == 8  # feed: 3 records
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "documents.parquet",
        "stats.json",
        "stories.parquet",
    ]
    elsewhere = tmp_path / "elsewhere"  # no saring.toml here
    elsewhere.mkdir()
    neither = subprocess.run(
        [sys.executable, "-m", "saring", "run", *files(FIRST)],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert neither.returncode == 2 and "give -o/--out OUT, --store STORE" in neither.stderr


def test_a_second_run_on_a_store_in_use_is_refused(tmp_path):
    import fcntl

    store = tmp_path / "s"
    quiet(files(FIRST), None, store=store)
    with open(store / ".lock") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as a running saring holds it
        with pytest.raises(StoreError, match="another saring run is using this store"):
            quiet(files(SECOND), None, store=store)
    assert len(json.loads((store / "manifest.json").read_text())["runs"]) == 1


def test_an_open_story_brings_its_articles_from_runs_older_than_the_window(tmp_path):
    # a story told on day 1 (run 1) and day 4 (run 2) is open to day 6; its day-1 article
    # lies in a run whose articles all end before the window and must still be read
    from datetime import UTC, datetime

    import pyarrow as pa

    from saring.model import DOCUMENTS_SCHEMA
    from saring.stories.build import STORIES_SCHEMA

    def day(d):
        return datetime(2025, 6, d, 9, tzinfo=UTC)

    runs = []
    for k, (doc, d) in enumerate([("a", 1), ("b", 4)], start=1):
        folder = tmp_path / "runs" / f"{k:06d}-x"
        folder.mkdir(parents=True)
        row = {"id": doc, "title": doc, "text": doc, "status": "kept", "published": day(d)}
        row["story_id"] = "a"
        pq.write_table(
            pa.Table.from_pylist([row], schema=DOCUMENTS_SCHEMA), folder / "documents.parquet"
        )
        story = {"story_id": "a", "label": "a", "size": k, "first_published": day(1),
                 "last_published": day(d)}  # fmt: skip
        pq.write_table(
            pa.Table.from_pylist([story], schema=STORIES_SCHEMA), folder / "stories.parquet"
        )
        runs.append({"run": k, "dir": f"runs/{folder.name}", "first_published": day(d).isoformat(),
                     "last_published": day(d).isoformat()})  # fmt: skip
    (tmp_path / "manifest.json").write_text(json.dumps({"format": 1, "runs": runs}))
    rows, story_of = Store(tmp_path).open_stories(day(6), window_days=4)
    assert story_of == {"a": "a", "b": "a"}
    assert sorted(r["published"].day for r in rows) == [1, 4]
    assert Store(tmp_path).open_stories(day(12), window_days=4) == ([], {})


@pytest.mark.parametrize(
    "fault",
    ["timer", "begun", "deduplicated", "staged", "renamed", "manifest_written", "committed"],
)
def test_a_first_run_killed_anywhere_leaves_a_usable_store(tmp_path, fault):
    # a kill between writing the first manifest and putting it in place left a store that
    # every later run refused as "not empty and not a saring store"
    store = tmp_path / "s"
    if fault == "timer":
        rc = _run_killed(store, FIRST, None, after=0.7)
    else:
        rc = _run_killed(store, FIRST, fault)
    assert rc == -signal.SIGKILL
    quiet(files(FIRST), None, store=store)  # the batch again, on what the kill left
    once = tmp_path / "once"
    quiet(files(FIRST), None, store=once)
    assert _snapshot(store) == _snapshot(once)
    assert len(json.loads((store / "manifest.json").read_text())["runs"]) == 1
    assert not [p.name for p in store.iterdir() if p.name.startswith(".manifest")]


def test_an_export_reads_one_manifest_even_when_a_run_commits_meanwhile(
    two_days, tmp_path, monkeypatch
):
    # export read manifest.json several times: a commit between the reads mixed two states
    # (stats of one run, documents of two)
    import shutil

    base, _, _ = two_days
    store = tmp_path / "s"
    shutil.copytree(base / "s", store)
    both = (store / "manifest.json").read_text()
    first = json.loads(both)
    first["runs"] = first["runs"][:1]
    (store / "manifest.json").write_text(json.dumps(first))
    read = Store.manifest

    def then_commit(self):
        data = read(self)
        (store / "manifest.json").write_text(both)  # a run commits right after the read
        return data

    monkeypatch.setattr(Store, "manifest", then_commit)
    stats = export(store, tmp_path / "out", report=False)
    monkeypatch.undo()
    rows = pq.read_table(tmp_path / "out" / "documents.parquet").num_rows
    assert len(stats["runs"]) == 1 and rows == stats["documents"]["in"] == 8
    stories = pq.read_table(tmp_path / "out" / "stories.parquet").to_pylist()
    story_ids = {
        r["story_id"] for r in pq.read_table(tmp_path / "out" / "documents.parquet").to_pylist()
    }
    assert {s["story_id"] for s in stories} == story_ids - {None}


def test_a_batch_named_another_way_is_still_stored(tmp_path):
    # ids come from a file's name under its argument: the first day given file by file, then
    # the whole folder, re-added every stored document (as copies of themselves)
    store = tmp_path / "s"
    quiet(files(FIRST), None, store=store)
    stats = quiet([str(EXAMPLES)], None, store=store)
    assert stats["store"]["already_stored"] == 8  # the feed's three records and five files
    assert stats["documents"]["in"] == 8  # the files of the second day
    assert len(Store(store).ids()) == 16
    again = quiet([str(EXAMPLES / "pages" / "*.html"), str(EXAMPLES / "text")], None, store=store)
    assert again["documents"]["in"] == 0


def test_a_file_name_that_is_not_utf8_is_stored_and_known_again(tmp_path):
    # origins.parquet took the name's lone surrogates: the run stopped with UnicodeEncodeError
    # and nothing was stored, where the same input with -o ran
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsencode(folder) + b"/berita_\xe9.txt"
    with open(name, "wb") as fh:
        fh.write((EXAMPLES / "text" / "wartaharian-harga-beras.txt").read_bytes())
    store = tmp_path / "s"
    assert quiet([str(folder)], None, store=store)["documents"]["in"] == 1
    again = quiet([str(folder)], None, store=store)
    assert (again["documents"]["in"], again["store"]["already_stored"]) == (0, 1)
    again = quiet([os.fsdecode(name)], None, store=store)  # the file named itself: known by it
    assert again["store"]["already_stored"] == 1


def test_the_seeds_in_two_batches_are_one_story_as_in_one_run(tmp_path):
    # five undated reports of one event (Aleppo, December 2016): given at once they make one
    # story; given 000+002, then 001+003+004, the second batch joins the stored story (an
    # undated story stays open while the run that changed it is recent), not a new one
    need_shared(SEEDS)
    seeds = sorted(str(p) for p in SEEDS.iterdir())
    store = tmp_path / "s"
    quiet([seeds[0], seeds[2]], None, store=store)
    quiet([seeds[1], seeds[3], seeds[4]], None, store=store)
    out = tmp_path / "export"
    export(store, out, report=False)
    docs = pq.read_table(out / "documents.parquet").to_pylist()
    assert len(docs) == 5 and len({d["story_id"] for d in docs}) == 1
    (story,) = pq.read_table(out / "stories.parquet").to_pylist()
    assert story["size"] == 4  # the kept ones: one seed is a copy of another, as in one run


def test_an_undated_story_closes_once_its_last_run_is_older_than_the_window(tmp_path):
    need_shared(SEEDS)
    seeds = sorted(str(p) for p in SEEDS.iterdir())
    store = tmp_path / "s"
    quiet([seeds[0], seeds[2]], None, store=store)
    now = datetime.now(UTC)
    rows, story_of = Store(store).open_stories(None, 4, now=now)
    assert len(rows) == 2 and len(set(story_of.values())) == 1
    assert Store(store).open_stories(None, 4, now=now + timedelta(days=5)) == ([], {})


def test_a_run_whose_near_duplicate_keys_differ_from_the_stores_is_refused(tmp_path):
    # at threshold 0.7 the keys are 21 bands of 6 rows, not the store's 16 of 8: none would
    # meet a stored one, and no near copy of a stored document would be found
    store = tmp_path / "store"
    quiet = {"log": lambda _m: None}
    run([str(EXAMPLES / "pages")], None, store=store, **quiet)
    loose = RunConfig(dedup=DedupConfig(threshold=0.7))
    with pytest.raises(StoreError, match=r"bands 16, rows 8.*bands 21, rows 6"):
        run([str(EXAMPLES / "text")], None, loose, store=store, **quiet)
    assert len(Store(store).manifest()["runs"]) == 1
    run([str(EXAMPLES / "text")], None, store=store, **quiet)  # the store's own settings
    assert len(Store(store).manifest()["runs"]) == 2


def test_a_store_written_before_runs_recorded_their_keys_is_checked_by_its_band_count(tmp_path):
    store = tmp_path / "store"
    quiet = {"log": lambda _m: None}
    run([str(EXAMPLES / "pages")], None, store=store, **quiet)
    manifest = json.loads((store / "manifest.json").read_text())
    for r in manifest["runs"]:
        del r["near_keys"]  # as an older saring wrote it
    (store / "manifest.json").write_text(json.dumps(manifest))
    loose = RunConfig(dedup=DedupConfig(threshold=0.7))
    with pytest.raises(StoreError, match=r"made with bands 16; .* bands 21, rows 6"):
        run([str(EXAMPLES / "text")], None, loose, store=store, **quiet)
    run([str(EXAMPLES / "text")], None, store=store, **quiet)
    assert len(Store(store).manifest()["runs"]) == 2


def test_an_unusable_out_is_refused_before_the_run_is_added_to_the_store(tmp_path, capsys):
    from saring.cli import main

    store = tmp_path / "s"
    quiet(files(FIRST), None, store=store)
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "notes.txt").write_text("mine")
    run_dir = next((store / "runs").iterdir())
    for out in (taken, store, run_dir):  # not a saring output; the store; one of its runs
        argv = ["run", *files(SECOND), "--store", str(store), "-o", str(out), "-q"]
        assert main(argv) == 2
        assert len(json.loads((store / "manifest.json").read_text())["runs"]) == 1
    err = capsys.readouterr().err
    assert "is not an earlier saring output" in err and "is a store" in err
    assert "is inside the store" in err
    # nor may a run without --store replace a store's run folder (it looks like an output),
    # named directly or through a link
    before = sorted(p.name for p in run_dir.iterdir())
    (tmp_path / "link").symlink_to(store / "runs")
    for out in (run_dir, tmp_path / "link" / run_dir.name):
        assert main(["run", *files(SECOND), "-o", str(out), "-q"]) == 2
    assert sorted(p.name for p in run_dir.iterdir()) == before
    # an export kept beside the store's runs, inside its folder, is the user's choice
    export(store, store / "exports" / "all", report=False)
    assert (store / "exports" / "all" / "documents.parquet").exists()


def test_a_run_after_runs_without_near_duplicate_detection_says_what_it_cannot_find(tmp_path):
    store = tmp_path / "s"
    said: list[str] = []
    run(files(FIRST), None, RunConfig(dedup=DedupConfig(near=False)), log=said.append, store=store)
    assert not any("without near-duplicate" in m for m in said)
    run(files(SECOND), None, RunConfig(), log=said.append, store=store)
    assert any("1 run of the store ran without near-duplicate detection" in m for m in said)
    manifest = json.loads((store / "manifest.json").read_text())
    assert [r["near_keys"] is None for r in manifest["runs"]] == [True, False]


def test_a_file_that_keeps_its_name_while_its_rows_change_adds_the_new_rows(tmp_path):
    # a feed written anew each day under one name, newest rows first: the same places in the
    # file hold other records, which are other documents (before: "0 new documents"), and a
    # record stored from the file before is known wherever it now stands
    lines = (EXAMPLES / "feed.jsonl").read_text(encoding="utf-8").splitlines()[:2]
    heat, bus = (json.loads(line) for line in lines)
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps(heat) + "\n", encoding="utf-8")
    store = tmp_path / "s"
    first = quiet([str(feed)], None, store=store)
    assert first["documents"]["in"] == 1
    again = quiet([str(feed)], None, store=store)  # the same file again: nothing new
    assert again["documents"]["in"] == 0
    feed.write_text(json.dumps(bus) + "\n" + json.dumps(heat) + "\n", encoding="utf-8")
    grown = quiet([str(feed)], None, store=store)
    assert grown["documents"]["in"] == 1 and grown["store"]["already_stored"] == 1
    out = tmp_path / "out"
    export(store, out, report=False)
    table = pq.read_table(out / "documents.parquet").to_pylist()
    assert len({r["id"] for r in table}) == len(table) == 2
    assert all(r["status"] == "kept" for r in table)


def test_a_file_whose_rows_go_back_and_forth_is_stored_once_per_record(tmp_path):
    # v0, v1, v0, v1 written in turn over one file: each record is stored once, under one id
    texts = sorted((EXAMPLES / "text").glob("*.txt"))
    rows = [{"text": t.read_text(encoding="utf-8"), "title": t.stem} for t in texts]
    versions = [rows[:2], rows[2:4]]
    feed = tmp_path / "news.jsonl"
    store = tmp_path / "s"
    added = []
    for v in (0, 1, 0, 1):
        feed.write_text("".join(json.dumps(r) + "\n" for r in versions[v]), encoding="utf-8")
        added.append(quiet([str(feed)], None, store=store)["documents"]["in"])
    assert added == [2, 2, 0, 0]
    out = tmp_path / "out"
    export(store, out, report=False)
    table = pq.read_table(out / "documents.parquet").to_pylist()
    assert len({r["id"] for r in table}) == len(table) == 4
    assert all(r["dup_of"] != r["id"] for r in table)


def test_a_store_run_over_a_folder_with_a_table_left_out_records_each_file(tmp_path):
    # a CSV with no text column is left out of the batch: the other files' places in it are
    # not their places in the list of files read (an IndexError here before)
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    (crawl / "links.csv").write_text("url,fetched\nhttp://x.id/a,2025\n", encoding="utf-8")
    for name in FIRST:
        if name.endswith(".txt"):
            (crawl / Path(name).name).write_text((EXAMPLES / name).read_text(encoding="utf-8"))
    store = tmp_path / "s"
    stats = quiet([str(crawl)], None, store=store)
    origins = pq.read_table(next((store / "runs").iterdir()) / "origins.parquet").to_pylist()
    assert len(origins) == stats["documents"]["in"] > 0
    assert {Path(o["file"]).name for o in origins} == {p.name for p in crawl.glob("*.txt")}
    again = quiet([str(crawl)], None, store=store)
    assert again["documents"]["in"] == 0


def test_an_out_holding_a_store_or_reaching_runs_through_a_link_is_refused(tmp_path, capsys):
    from saring.cli import main

    work = tmp_path / "work"
    quiet(files(FIRST[:1]), work)  # an earlier output...
    store = work / "store"  # ...with a store kept inside it
    quiet(files(SECOND), None, store=store)
    assert main(["run", *files(FIRST), "--store", str(store), "-o", str(work), "-q"]) == 2
    assert main(["export", str(store), "-o", str(work)]) == 2
    assert (store / "manifest.json").exists()
    assert "is not an earlier saring output" in capsys.readouterr().err
    # a store whose runs/ is a link to another disk
    disk = tmp_path / "disk2runs"
    (store / "runs").rename(disk)
    (store / "runs").symlink_to(disk)
    run_dir = next(disk.iterdir())
    before = sorted(p.name for p in run_dir.iterdir())
    assert main(["export", str(store), "-o", str(store / "runs" / run_dir.name)]) == 2
    assert sorted(p.name for p in run_dir.iterdir()) == before
