"""``saring run`` end to end: the output contract, duplicates, bad input, determinism, atomicity."""

from __future__ import annotations

import contextlib
import gzip
import itertools
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from saring import pipeline
from saring.cli import main
from saring.config import RunConfig
from saring.dedup.normalize import normalize
from saring.dedup.similarity import jaccard
from saring.model import DOCUMENTS_SCHEMA
from saring.output import OutputError
from saring.pipeline import run
from saring.stories.build import STORIES_SCHEMA
from tests.conftest import EXAMPLES, SEEDS, need_shared

QUIET = {"log": lambda _msg: None}
# Words an editor might put in when rewriting a phrase.
PHRASE = [
    "menurut",
    "keterangan",
    "resmi",
    "yang",
    "disampaikan",
    "kepada",
    "redaksi",
    "pada",
    "hari",
    "itu",
    "juga",
]


def rows(out: Path) -> list[dict]:
    return pq.read_table(out / "documents.parquet").to_pylist()


def by_name(table: list[dict]) -> dict[str, dict]:
    return {r["source"].split("examples/", 1)[-1]: r for r in table}


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, list[dict], dict]:
    out = tmp_path_factory.mktemp("demo") / "out"
    stats = run([str(EXAMPLES)], out, **QUIET)
    return out, rows(out), stats


def test_examples_every_document_has_one_row_with_the_contract_columns(demo):
    out, table, stats = demo
    assert pq.read_schema(out / "documents.parquet") == DOCUMENTS_SCHEMA
    assert len(table) == 16 == stats["documents"]["in"] == stats["documents"]["out"]
    assert len({r["id"] for r in table}) == 16
    assert sorted(os.listdir(out)) == [
        "documents.parquet",
        "report.html",
        "stats.json",
        "stories.parquet",
    ]
    for r in table:
        assert r["status"] in {"kept", "duplicate", "filtered", "failed"}
        assert (r["reason"] is None) == (r["status"] == "kept")


def test_examples_stories_cover_kept_documents_and_duplicates_follow_their_canonical(demo):
    out, table, stats = demo
    assert pq.read_schema(out / "stories.parquet") == STORIES_SCHEMA
    stories = {s["story_id"]: s for s in pq.read_table(out / "stories.parquet").to_pylist()}
    by_id = {r["id"]: r for r in table}
    kept = [r for r in table if r["status"] == "kept"]
    assert all(r["story_id"] in stories for r in kept)
    assert all(r["story_id"] is None for r in table if r["status"] in ("filtered", "failed"))
    for r in table:
        if r["status"] == "duplicate":
            assert r["story_id"] == by_id[r["dup_of"]]["story_id"]
    assert Counter(r["story_id"] for r in kept) == {k: s["size"] for k, s in stories.items()}
    # the flood, told by two outlets, is one story whose id is its earliest article's
    docs = by_name(table)
    flood = docs["pages/kabarnusantara-bengawan-solo-meluap.html"]
    assert (
        docs["text/wartaharian-banjir-bojonegoro.txt"]["story_id"]
        == flood["story_id"]
        == flood["id"]
    )
    story = stories[flood["story_id"]]
    assert story["size"] == 2 and "bengawan" in story["keywords"]
    assert len(story["summary"]) == 3 == len(story["summary_sources"])
    assert set(story["summary_sources"]) <= {r["id"] for r in kept if r["story_id"] == flood["id"]}
    assert stats["stories"]["stories"] == len(stories) and stats["stories"]["largest"] == 2


def test_examples_duplicates_point_at_the_canonical_copy(demo):
    _, table, _ = demo
    docs = by_name(table)
    ids = {name: r["id"] for name, r in docs.items()}
    recrawl = docs["pages/recrawl-2025-06-20/kabarnusantara-bengawan-solo-meluap.html"]
    assert (recrawl["status"], recrawl["reason"]) == ("duplicate", "exact_duplicate")
    assert recrawl["dup_of"] == ids["pages/kabarnusantara-bengawan-solo-meluap.html"]
    # The re-crawl brought an updated article (a paragraph added): the longer text is canonical
    # and the first version points at it.
    update = docs["pages/recrawl-2025-06-20/suarapagi-vonis-kadis-pupr.html"]
    first = docs["pages/suarapagi-vonis-kadis-pupr.html"]
    assert len(normalize(update["text"]).split()) > len(normalize(first["text"]).split())
    assert (first["status"], first["reason"]) == ("duplicate", "near_duplicate")
    assert first["dup_of"] == update["id"]
    # the canonical documents carry their cluster id and stay kept
    assert update["status"] == "kept" and update["dup_cluster"] == update["id"]
    # the same text arriving as a file and as a feed line: the dated copy ranks first
    heat = docs["text/lensaberita-suhu-panas-jakarta.txt"]
    assert heat["reason"] == "exact_duplicate" and heat["dup_of"] == ids["feed.jsonl#line=1"]


def test_examples_extraction_metadata_and_cleaning(demo):
    _, table, _ = demo
    docs = by_name(table)
    flood = docs["pages/kabarnusantara-bengawan-solo-meluap.html"]
    assert flood["title"] == "Bengawan Solo Meluap, Ribuan Rumah di Bojonegoro Terendam Banjir"
    assert flood["author"] == "Rina Wulandari"
    assert flood["site"] == "kabarnusantara.id"
    assert flood["published"].isoformat() == "2025-06-17T02:30:00+00:00"  # 09:30 WIB
    assert "Kecamatan Kanor dan Baureno" in flood["text"]
    assert "Pedoman Media Siber" not in flood["text"]  # footer dropped by extraction
    rice = docs["text/wartaharian-harga-beras.txt"]
    reasons = [r["reason"] for r in rice["removed"]]
    assert reasons.count("repeated_paragraph") == 2
    assert {
        "widget",
        "before_article",
        "byline",
        "share_buttons",
        "newsletter",
        "related_articles",
        "comments",
    } <= set(reasons)
    assert rice["text"].count("Seorang pedagang di Pasar Kramat Jati") == 1
    assert rice["title"] == "Harga Beras Medium Naik Jelang Iduladha, Pedagang Keluhkan Pasokan"
    assert rice["chars_out"] == len(rice["text"]) < rice["chars_in"]
    broken = docs["feed.jsonl#line=3"]
    assert broken["status"] == "failed" and broken["reason"].startswith(
        "read_error: invalid JSON on line 3"
    )


def test_stats_add_up(demo):
    _, table, stats = demo
    stages = stats["stages"]
    assert [s["stage"] for s in stages] == [
        "read",
        "decode",
        "extract",
        "clean",
        "filter",
        "exact_dedup",
        "near_dedup",
    ]
    assert stages[0]["in"] == len(table)
    for a, b in itertools.pairwise(stages):
        assert a["out"] == b["in"]
        assert a["in"] - a["out"] == sum(a["dropped"].values())
    assert stages[-1]["out"] == stats["documents"]["by_status"]["kept"]
    assert sum(stats["documents"]["by_reason"].values()) == sum(
        1 for r in table if r["status"] != "kept"
    )
    near = stats["dedup"]["near"]
    assert near["bands"] * near["rows"] <= 128
    # the examples hold two near copies: two pairs found and verified, none rejected
    assert near["verified"] and near["duplicates"] == 2
    assert near["candidate_pairs"] == near["pairs_verified"] + near["pairs_rejected"]
    assert near["pairs_verified"] == 2
    sizes = stats["dedup"]["clusters"]["cluster_size_histogram"]
    in_clusters = sum(r["dup_cluster"] is not None for r in table)
    assert sum(int(k) * v for k, v in sizes.items()) == in_clusters
    assert all(v >= 0 for v in stats["timing"]["phase_seconds"].values())
    recount = Counter(x["reason"] for r in table for x in r["removed"])
    assert stats["clean"]["removed_pieces"] == dict(recount)
    assert stats["clean"]["documents_changed"] == sum(1 for r in table if r["removed"])


def test_seeds_with_an_identical_and_a_lightly_edited_copy(tmp_path):
    need_shared(SEEDS)
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    copies = tmp_path / "copies"
    copies.mkdir()
    original = seeds / "004_367b3b33d4027dfb.txt"
    shutil.copy(original, copies / "004_identical.txt")
    # A light edit as republished copies show it: three phrases rewritten, about 5% of the words.
    words = original.read_text(encoding="utf-8").split(" ")
    edited = list(words)
    run_len = round(len(words) * 0.05 / 3)
    for start in (len(words) // 5, len(words) // 2, 4 * len(words) // 5):
        edited[start : start + run_len] = PHRASE[:run_len]
    changed = sum(a != b for a, b in zip(words, edited, strict=True)) / len(words)
    assert 0.04 <= changed <= 0.06
    (copies / "004_edited.txt").write_text(" ".join(edited), encoding="utf-8")
    j = jaccard(normalize(original.read_text()), normalize(" ".join(edited)))
    assert j >= 0.8  # within the default threshold

    out = tmp_path / "out"
    run([str(seeds), str(copies)], out, **QUIET)
    table = rows(out)
    assert len(table) == 7
    docs = {r["source"].rsplit("/", 1)[1]: r for r in table}
    want = docs["004_367b3b33d4027dfb.txt"]["id"]
    assert (docs["004_identical.txt"]["reason"], docs["004_identical.txt"]["dup_of"]) == (
        "exact_duplicate",
        want,
    )
    assert (docs["004_edited.txt"]["reason"], docs["004_edited.txt"]["dup_of"]) == (
        "near_duplicate",
        want,
    )
    # 000 and 001 are the same article from two crawls: once cleaned, the same text.
    assert (
        docs["001_310dbc8a7a350bc9.txt"]["reason"],
        docs["001_310dbc8a7a350bc9.txt"]["dup_of"],
    ) == (
        "exact_duplicate",
        docs["000_c5ecefcd17263598.txt"]["id"],
    )
    for name in (
        "000_c5ecefcd17263598.txt",
        "002_cecbdcea4aa5242f.txt",
        "003_5ef3db04e0fdc1f1.txt",
    ):
        assert docs[name]["status"] == "kept"
    # No other seed pair is a duplicate: every cluster holds one seed and its own copies.
    clusters = Counter(r["dup_cluster"] for r in table if r["dup_cluster"])
    assert clusters == {docs["000_c5ecefcd17263598.txt"]["id"]: 2, want: 3}


def _article(topic: str) -> str:
    return (
        f"JAKARTA – Pemerintah mengumumkan kebijakan baru soal {topic} pada Rabu pagi, kata pejabat. "
        * 4
    )


def _page(topic: str) -> str:
    return f"<html><body><article><h1>Soal {topic}</h1><p>{_article(topic)}</p></article></body></html>"


def _bad_inputs(folder: Path) -> None:
    page = _page("harga beras")
    (folder / "good.html").write_text(page, encoding="utf-8")
    (folder / "empty.html").write_bytes(b"")
    (folder / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2048))
    (folder / "cp1252.txt").write_bytes(
        ("Menteri: “harga beras turun” – kata pedagang di Cipinang.\n" * 3).encode("cp1252")
    )
    zipped = gzip.compress(page.encode() * 20)
    (folder / "truncated.html.gz").write_bytes(zipped[: len(zipped) // 2])
    (folder / "malformed.html").write_text(
        f"<html><body><div><p>{_article('tarif listrik')}<p><b>unclosed <i>tags</div></span></table>",
        encoding="utf-8",
    )
    (folder / "no-text.html").write_text(
        "<html><head><script>var x = 1;</script></head><body><div></div></body></html>"
    )
    (folder / "huge.html").write_bytes(
        b"<html><body>" + b"<p>kata kata kata kata</p>" * 900_000 + b"</body></html>"
    )
    (folder / "feed.jsonl").write_text(
        json.dumps({"text": _article("pajak")}) + '\n{"text": "terpotong\n', encoding="utf-8"
    )
    warc_page = _page("jalan tol").encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + warc_page
    record = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://w.id/1\r\n"
        b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
        b"Content-Type: application/http; msgtype=response\r\nContent-Length: "
        + str(len(http)).encode()
        + b"\r\n\r\n"
        + http
        + b"\r\n\r\n"
    )
    (folder / "crawl.warc").write_bytes(
        record + b"NOT A RECORD\r\n\r\n" + record.replace(b"/1\r", b"/2\r")
    )


def test_bad_input_each_gets_a_row_and_a_reason_and_the_run_exits_0(tmp_path, capsys):
    folder = tmp_path / "bad"
    folder.mkdir()
    _bad_inputs(folder)
    out = tmp_path / "out"
    # the good pages here are a sentence or two: quality rules would filter them
    assert main(["run", str(folder), "-o", str(out), "--no-quality"]) == 0
    table = rows(out)
    got = {
        r["source"].split("bad/", 1)[1]: (r["status"], (r["reason"] or "").split(":", 1)[0])
        for r in table
    }
    warc = {k: v for k, v in got.items() if k.startswith("crawl.warc#")}
    assert {k: v for k, v in got.items() if k not in warc} == {
        "binary.html": ("failed", "binary_content"),
        "cp1252.txt": ("kept", ""),
        "empty.html": ("failed", "empty_input"),
        "feed.jsonl#line=1": ("kept", ""),
        "feed.jsonl#line=2": ("failed", "read_error"),
        "good.html": ("kept", ""),
        "huge.html": ("failed", "too_large"),
        "malformed.html": ("kept", ""),
        "no-text.html": ("failed", "extract_failed"),
        "truncated.html.gz": ("failed", "read_error"),
    }
    # The WARC: its first record, the garbage after it as one failed document, and the second
    # record found again after the garbage (the same page as the first, so an exact duplicate).
    assert warc.pop("crawl.warc#offset=0") == ("kept", "")
    assert warc.pop("crawl.warc#bad_after=0") == ("failed", "read_error")
    assert list(warc.values()) == [("duplicate", "exact_duplicate")]
    cp = next(r for r in table if r["source"].endswith("cp1252.txt"))
    assert "“harga beras turun”" in cp["text"] and "detected" in cp["encoding"]
    assert len(table) == 13
    summary = capsys.readouterr().out
    assert "13 documents in, 13 rows out" in summary


def test_same_input_same_output_on_every_run_and_any_worker_count(tmp_path):
    cols = ("id", "source", "status", "reason", "dup_of", "dup_cluster", "text")
    a = tmp_path / "a"
    b = tmp_path / "b"
    # two worker processes (the examples are small enough to be processed in-process otherwise)
    run([str(EXAMPLES)], a, RunConfig(workers=2, batch_size=3, in_process_below=0), **QUIET)
    run([str(EXAMPLES)], b, RunConfig(workers=1, batch_size=64), **QUIET)
    assert [tuple(r[c] for c in cols) for r in rows(a)] == [
        tuple(r[c] for c in cols) for r in rows(b)
    ]


def test_a_failed_run_leaves_no_output(tmp_path, monkeypatch):
    out = tmp_path / "out"

    def boom(*_args, **_kw):
        raise RuntimeError("disk full")

    monkeypatch.setattr(pipeline, "_write_documents", boom)
    with pytest.raises(RuntimeError):
        run([str(EXAMPLES)], out, **QUIET)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []  # the staging folder is gone too


def test_killed_run_never_leaves_an_output_that_looks_complete(tmp_path):
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "saring", "run", str(EXAMPLES), "-o", str(out), "-q"]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.time() + 60
    while time.time() < deadline and not any(
        p.name.startswith(".out.partial-") for p in tmp_path.iterdir()
    ):
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not out.exists()
    partial = [p for p in tmp_path.iterdir() if p.name.startswith(".out.partial-")]
    assert partial, "the kill should have landed while the run was writing its staging folder"
    # the run's own process (saring.interrupt's child, named in the folder) dies with saring a
    # moment later
    pid = int(partial[0].name.split("-")[1])
    with contextlib.suppress(ProcessLookupError):
        while time.time() < deadline + 10:
            os.kill(pid, 0)
            time.sleep(0.02)
    # the next run cleans the dead run's staging folder and completes
    run([str(EXAMPLES)], out, **QUIET)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert len(rows(out)) == 16


def test_output_folder_rules(tmp_path):
    out = tmp_path / "out"
    run([str(EXAMPLES / "text")], out, **QUIET)
    run([str(EXAMPLES / "pages")], out, **QUIET)  # an earlier saring output is replaced
    assert len(rows(out)) == 8
    other = tmp_path / "mine"
    other.mkdir()
    (other / "notes.txt").write_text("keep me")
    with pytest.raises(OutputError, match="not an earlier saring output"):
        run([str(EXAMPLES)], other, **QUIET)
    assert (other / "notes.txt").read_text() == "keep me"
    # a file where a folder of the path should be: a clear error, not a traceback
    with pytest.raises(OutputError, match=r"notes\.txt: is a file, not a folder"):
        run([str(EXAMPLES / "text")], other / "notes.txt" / "out", **QUIET)
    with pytest.raises(OutputError, match="cannot make the folder"):
        run([str(EXAMPLES / "text")], other / "notes.txt" / "a" / "out", **QUIET)


def _warc(pages: list[tuple[str, str]]) -> list[bytes]:
    out = []
    for url, page in pages:
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page.encode()
        out.append(
            f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n".encode()
            + http
            + b"\r\n\r\n"
        )
    return out


def _more_bad_inputs(folder: Path) -> None:
    """The kinds of issue 20 beside the seven of ``_bad_inputs``."""
    os.mkfifo(folder / "pipe.html")
    os.symlink(folder / "gone.html", folder / "dangling.html")
    os.symlink(folder / "loop.html", folder / "loop.html")
    (folder / "tree").mkdir()
    os.symlink(folder, folder / "tree" / "up")  # a link loop: the walk must end
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.html"), "wb") as fh:
        fh.write(_page("harga kopi").encode())
    (folder / "late-text.jsonl").write_text(
        json.dumps({"id": 1}) + "\n" + json.dumps({"text": _article("cukai rokok")}) + "\n"
    )
    wide = [f"kolom_{i:06d}" for i in range(120_000)]  # a header over 1 MB, text last
    (folder / "wide.csv").write_text(
        ",".join([*wide, "text"]) + "\n" + "," * len(wide) + f'"{_article("pupuk")}"\n'
    )
    records = _warc([(f"https://w.id/{t}", _page(t)) for t in ("gempa", "banjir", "kemarau")])
    records[1] = records[1].replace(b"Content-Length: ", b"Content-Length: 9", 1)
    (folder / "lengths.warc").write_bytes(b"".join(records))
    nul = "\n".join(_article(f"anggaran {i}") for i in range(30)) + "\x00\x00 Selesai."
    (folder / "nul.txt").write_text(nul)
    (folder / "utf16.html").write_bytes(_page("tarif ojek").encode("utf-16-le"))
    deep = _page("kereta cepat").replace("<article>", "<div>" * 300 + "<article>")
    (folder / "deep.html").write_text(deep.replace("</article>", "</article>" + "</div>" * 300))


def test_every_kind_of_bad_input_in_one_folder_gets_a_row_and_a_reason(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    _bad_inputs(folder)
    _more_bad_inputs(folder)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "saring", "run", str(folder), "-o", str(out), "-q"]
    done = subprocess.run([*cmd, "--no-quality"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    table = rows(out)
    got = {
        r["source"].split("bad/", 1)[1]: (r["status"], (r["reason"] or "").split(":", 1)[0])
        for r in table
    }
    new = {
        "pipe.html": ("failed", "read_error"),
        "dangling.html": ("failed", "read_error"),
        "loop.html": ("failed", "read_error"),
        "caf\\xe9.html": ("kept", ""),
        "late-text.jsonl#line=1": ("failed", "empty_input"),
        "late-text.jsonl#line=2": ("kept", ""),
        "wide.csv#row=1": ("kept", ""),
        "lengths.warc#offset=0": ("kept", ""),
        "nul.txt": ("kept", ""),
        "utf16.html": ("kept", ""),
        "deep.html": ("kept", ""),
    }
    assert {k: got[k] for k in new} == new
    warc = sorted((k for k in got if k.startswith("lengths.warc#")), key=lambda k: int(k[20:]))
    assert [got[k] for k in warc] == [("kept", ""), ("failed", "read_error"), ("kept", "")]
    assert len(table) == len(got) == 13 + len(new) + 2  # the 13 rows of the seven kinds
    assert done.stdout == ""  # -q: nothing but errors
    stats = json.loads((out / "stats.json").read_text())
    assert stats["documents"]["in"] == stats["documents"]["out"] == len(table)
    assert all(r["reason"] for r in table if r["status"] != "kept")
    by_source = dict(zip(got, table, strict=True))
    assert "\x00" not in by_source["nul.txt"]["text"]
    assert "NUL characters removed" in by_source["nul.txt"]["encoding"]
    assert "kereta cepat" in by_source["deep.html"]["text"]
    assert "symbolic link loop" in by_source["loop.html"]["reason"]


def test_a_kill_between_the_two_renames_is_recovered_at_the_next_run(tmp_path):
    # the earlier output is moved aside, then the new one moved in: a kill between the two
    # left OUT missing and the earlier output in a hidden folder no later run removed
    from saring.output import AtomicOutputDir

    out = tmp_path / "out"
    run([str(EXAMPLES / "text")], out, **QUIET)
    earlier = rows(out)
    cmd = [sys.executable, "-m", "saring", "run", str(EXAMPLES / "pages"), "-o", str(out), "-q"]
    # in-process (no supervising parent, which would tidy up after its killed child): the kill
    # of saring itself is what the next run must recover from
    env = {**os.environ, "SARING_FAULT": "output_moved_aside", "SARING_NO_FORK": "1"}
    done = subprocess.run(cmd, env=env, capture_output=True, timeout=300)
    assert done.returncode == -signal.SIGKILL
    assert not out.exists()
    assert [p for p in tmp_path.iterdir() if p.name.startswith(".out.old-")]
    # the next run puts the earlier output back before it starts; failing, it leaves that
    with pytest.raises(RuntimeError), AtomicOutputDir(out):
        raise RuntimeError("disk full")
    assert rows(out) == earlier
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    run([str(EXAMPLES / "pages")], out, **QUIET)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert len(rows(out)) == 8  # pages/ holds 8 files


def _readme_expectations() -> dict[str, str]:
    """examples/README.md's table: each file named in the first column -> the third column."""
    table = {}
    for line in (EXAMPLES / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 3 or not cells[0].startswith("`"):
            continue
        for name in re.findall(r"`([^`]+)`", cells[0]):
            table[name] = cells[-1]
    return table


def test_the_examples_readme_says_what_the_demo_does(demo):
    # issue 18: the README said a page was kept that the demo marked a near duplicate
    _, table, _ = demo
    docs = by_name(table)
    expected = _readme_expectations()
    assert len(expected) >= 14
    for name, says in expected.items():
        got = [r for src, r in docs.items() if src == name or src.startswith(name + "#")]
        assert got, f"{name}: no row"
        statuses = sorted(r["status"] for r in got)
        if name == "feed.jsonl":
            assert says.startswith("two kept documents and one `failed`"), says
            assert statuses == ["failed", "kept", "kept"], (name, statuses)
            continue
        assert len(got) == 1, name
        r = got[0]
        if says.startswith("kept"):
            assert r["status"] == "kept", (name, r["status"], r["reason"], says)
        else:
            m = re.match(r"duplicate, `(\w+)`", says)
            assert m, (name, says)
            assert (r["status"], r["reason"]) == ("duplicate", m.group(1)), (name, r["reason"])


def test_documents_put_in_order_a_slice_at_a_time_equal_one_sort(demo, tmp_path, monkeypatch):
    _, want, _ = demo
    assert len(want) > 7
    monkeypatch.setattr(pipeline, "WRITE_SORT_ROWS", 3)  # slices of 3, the last one shorter
    run([str(EXAMPLES)], tmp_path / "out", **QUIET)
    got = rows(tmp_path / "out")
    assert [r["source"] for r in got] == [r["source"] for r in want]  # input order
    assert got == want
