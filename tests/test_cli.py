"""The command line: help for every option, one-line usage errors, ``saring extract``."""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pyarrow.parquet as pq
import pytest

from saring.cli import _explain, build_parser, main
from tests.conftest import EXAMPLES

PAGE = EXAMPLES / "pages" / "kabarnusantara-bengawan-solo-meluap.html"


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.mark.parametrize("command", ["run", "extract", "config"])
def test_every_option_is_explained_in_help(command, capsys):
    sub = _subparsers(build_parser())[command]
    for action in sub._actions:
        assert action.help, f"saring {command}: {action.option_strings or action.dest} has no help"
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    for action in sub._actions:
        for flag in action.option_strings:
            assert flag in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["run"], "the following arguments are required"),
        (["run", str(EXAMPLES)], "-o/--out"),
        (["run", str(EXAMPLES), "-o", "x", "--near-threshold", "1.5"], "must be between 0 and 1"),
        (["run", str(EXAMPLES), "-o", "x", "--max-bytes", "lots"], "not a size"),
        (["run", str(EXAMPLES), "-o", "x", "--default-tz", "Mars/Olympus"], "unknown time zone"),
        (["frobnicate"], "invalid choice"),
        (["run", "/no/such/path", "-o", "x"], "no such file or folder"),
        (["run", str(EXAMPLES), "-o", "x", "--bands", "20", "--rows", "20"], "exceeds num_perm"),
        (["run", str(EXAMPLES), "-o", "x", "--set", "dedup.treshold=0.7"], "unknown setting"),
        (["run", str(EXAMPLES), "-o", "x", "--set", "quality.min_wordz=3"], "unknown setting"),
        (["run", str(EXAMPLES), "-o", "x", "--set", "dedup.ngram=many"], "must be a whole"),
        (["run", str(EXAMPLES), "-o", "x", "--lang", "indonesian"], "language codes"),
        (["run", str(EXAMPLES), "-o", "x", "--lang", "id,klingon"], "not klingon"),
        (["run", str(EXAMPLES), "-o", "x", "--min-words", "-1"], "must be 0 or more"),
        (["run", "-o", "x", "--lang", "id"], "the following arguments are required: INPUT"),
        (
            ["run", str(EXAMPLES), "-o", "x", "--text-col", "isi", "--url-col", "isi"],
            "--text-col and --url-col both name the column 'isi'",
        ),
        (["run", "--lang", str(EXAMPLES), "-o", "x"], "give a language code before"),
        (["config", "--lang", "id", "./x"], "--lang: not a language code: ./x"),
        (["run", str(EXAMPLES), "-o", "x", "--set", "extract.default_tz=Mars/Base"], "time zone"),
        (["run", str(EXAMPLES), "-o", "x", "--set", "quality.ind.min_words=5"], "[quality.ind]"),
        (["run", str(EXAMPLES), "-o", "x", "--set", "quality.min_words=-5"], "0 or more"),
        (
            ["run", str(EXAMPLES), "-o", "x", "--set", "quality.min_alpha_words_frac=5"],
            "between 0 and 1",
        ),
        (["config", "--config", "/no/such.toml"], "cannot read config"),
        (["run", str(EXAMPLES), "-o", "x", "--bands", "20"], "--bands and --rows go together"),
        (["extract", str(EXAMPLES / "feed.jsonl")], "extract takes one page"),
        (["extract", str(EXAMPLES / "pages")], "a folder (for a folder use 'saring run')"),
        (["extract", str(EXAMPLES / "README.md")], "add --format html or --format text"),
    ],
)
def test_wrong_usage_exits_2_with_one_line(argv, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    try:
        code = main(argv)
    except SystemExit as e:
        code = e.code
    assert code == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1, err
    assert not (tmp_path / "x").exists()


def test_extract_prints_clean_text():
    out = subprocess.run(
        [sys.executable, "-m", "saring", "extract", str(PAGE)], capture_output=True, text=True
    )
    assert out.returncode == 0
    # the headline is the title, not the text's first line
    assert out.stdout.startswith("BOJONEGORO – Sungai Bengawan Solo meluap pada Senin malam")
    assert "Kecamatan Kanor dan Baureno menjadi wilayah yang paling parah terdampak." in out.stdout
    assert "Tulis Komentar" not in out.stdout


def test_extract_json_has_metadata(capsys):
    assert main(["extract", str(PAGE), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["title"] == "Bengawan Solo Meluap, Ribuan Rumah di Bojonegoro Terendam Banjir"
    assert doc["author"] == "Rina Wulandari"
    assert doc["published"] == "2025-06-17T02:30:00+00:00"
    assert doc["site"] == "kabarnusantara.id"
    assert doc["status"] == "kept" and doc["chars_out"] == len(doc["text"])
    assert "units" not in doc


def test_extract_json_with_explain_lists_every_unit_with_its_score(capsys):
    assert main(["extract", str(PAGE), "--json", "--explain"]) == 0
    units = json.loads(capsys.readouterr().out)["units"]
    kept = [u["text"] for u in units if u["reason"] is None]
    assert any(u["text"].startswith("Baca juga") and u["reason"] for u in units)
    assert all(0 <= u["score"] <= 1 for u in units if u["score"] is not None)
    assert kept and kept[0].startswith("BOJONEGORO")


def test_extract_explain_says_what_chose_the_text(tmp_path, capsys):
    assert main(["extract", str(PAGE), "--explain"]) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith("; read by the content model")
    # the page's paragraphs as <div><span>: the model for pages without <p> reads it
    soup = re.sub(r"<(/?)p\b", r"<\1div", PAGE.read_text(encoding="utf-8"))
    (tmp_path / "soup.html").write_text(soup, encoding="utf-8")
    assert main(["extract", str(tmp_path / "soup.html"), "--json", "--explain"]) == 0
    read_by = json.loads(capsys.readouterr().out)["read_by"]
    assert read_by.startswith("the content model for pages without <p>") or (
        read_by.startswith("trafilatura") and "for pages without <p>" in read_by
    ), read_by


def test_extract_of_a_flattened_page_lists_every_removed_line(capsys):
    assert main(["extract", str(EXAMPLES / "text" / "wartaharian-harga-beras.txt"), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    reasons = [r["reason"] for r in doc["removed"]]
    assert reasons.count("repeated_paragraph") == 2
    assert {
        "widget",
        "share_buttons",
        "newsletter",
        "related_articles",
        "comments",
        "byline",
    } <= set(reasons)
    assert doc["title"] == "Harga Beras Medium Naik Jelang Iduladha, Pedagang Keluhkan Pasokan"
    assert (
        doc["published"] == "2025-06-18T00:45:00+00:00"
    )  # "Rabu, 18/06/2025 07:45 WIB" above the article
    lines = [line for line in doc["text"].split("\n") if line]
    # the headline above the article is the title and leaves the text
    assert "title" in reasons and doc["title"] not in lines
    assert lines[0].startswith("JAKARTA – Harga beras medium") and lines[-1].startswith(
        "Ekonom pertanian"
    )
    assert len(lines) == 5


def test_extract_of_a_page_with_no_text_exits_1(tmp_path, capsys):
    page = tmp_path / "kosong.html"
    page.write_text("<html><body><script>x()</script></body></html>")
    assert main(["extract", str(page)]) == 1
    assert "extract_failed" in capsys.readouterr().err


def test_extract_reads_standard_input():
    out = subprocess.run(
        [sys.executable, "-m", "saring", "extract", "-"],
        input=PAGE.read_bytes(),
        capture_output=True,
    )
    assert out.returncode == 0
    assert b"Bengawan Solo" in out.stdout


def test_version():
    out = subprocess.run(
        [sys.executable, "-m", "saring", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0 and out.stdout.startswith("saring ")


def _into_closed_pipe(*args: str) -> subprocess.CompletedProcess:
    """Run ``saring ARGS`` with its standard output a pipe whose reader has gone (as ``| head``
    leaves it once it has its lines)."""
    p = subprocess.Popen(
        [sys.executable, "-m", "saring", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    p.stdout.close()  # long before saring has its text to print
    err = p.stderr.read().decode("utf-8")
    return subprocess.CompletedProcess(p.args, p.wait(), None, err)


@pytest.mark.parametrize("extra", [[], ["--json"], ["--explain"]])
def test_extract_into_a_closed_pipe_ends_quietly(extra):
    done = _into_closed_pipe("extract", str(PAGE), *extra)
    # the page is kept: a reader that stopped early changes neither the status nor stderr
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_extract_into_a_closed_pipe_keeps_the_not_kept_status(tmp_path):
    page = tmp_path / "pendek.html"
    page.write_text("<html><body><article><p>Satu kalimat pendek saja.</p></article></body></html>")
    done = _into_closed_pipe("extract", str(page))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
    assert done.stderr.startswith(f"saring extract: {page}: filtered")
    assert len(done.stderr.splitlines()) == 1


def test_no_stories_is_in_a_stories_group_of_run_help(capsys):
    run = _subparsers(build_parser())["run"]
    group = next(
        g
        for g in run._action_groups
        for a in g._group_actions
        if "--no-stories" in a.option_strings
    )
    assert "stories" in group.title and "duplicates" not in group.title
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    text = capsys.readouterr().out
    heading = text.index(f"\n{group.title}:")
    assert text.index("\n  --no-stories") > heading > text.index("\n  --no-verify")


# a count of one followed by a plural noun: "1 documents", "1 file(s)"
ONE_PLURAL = re.compile(
    r"(?<![\d.,])1 (documents|rows|files?\(s\)|articles|stories|lines|duplicates?\(s\)|sites|"
    r"runs?\(s\)|\w+\(s\))\b"
)


def test_a_run_of_one_document_counts_in_the_singular_and_says_it_replaced_its_output(
    tmp_path, capsys
):
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "beras.txt").write_bytes(
        (EXAMPLES / "text" / "wartaharian-harga-beras.txt").read_bytes()
    )
    out = tmp_path / "out"
    assert main(["run", str(folder), "-o", str(out), "--no-report"]) == 0
    first = capsys.readouterr()
    assert "1 document in, 1 row out" in first.out
    assert "reading 1 file," in first.err
    assert not ONE_PLURAL.search(first.out + first.err), first.out + first.err
    assert "replaced" not in first.out
    # the same -o again: the earlier output is replaced, and the summary says so
    assert main(["run", str(folder), "-o", str(out), "--no-report"]) == 0
    second = capsys.readouterr().out
    assert f"replaced the earlier output in {out}" in second
    # an empty folder given as -o held nothing to replace
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["run", str(folder), "-o", str(empty), "--no-report"]) == 0
    assert "replaced" not in capsys.readouterr().out


def test_explain_counts_one_line_in_the_singular():
    p = SimpleNamespace(
        explain=[("Menu Berita Olahraga", "widget", 0.05), ("Satu paragraf berita.", None, 0.93)],
        text="Satu paragraf berita.",
        status="kept",
        reason=None,
        title="Satu",
        published=None,
        explain_reader=None,
    )
    head = _explain(p, tty=False).splitlines()[0]
    assert head.endswith("1 line kept, 1 removed") and not ONE_PLURAL.search(head), head


def test_the_summary_counts_stories_and_those_told_by_several_sites(tmp_path, capsys):
    folder = tmp_path / "crawl"
    folder.mkdir()
    # the flood told by two outlets (the second one's text with its address), the eruption's
    # follow-up by two articles of which only one names its site, and a story of one article
    for name in (
        "pages/kabarnusantara-bengawan-solo-meluap.html",
        "pages/suarapagi-lewotobi-kembali-meletus.html",
        "text/suarapagi-lrt-jabodebek.txt",
    ):
        (folder / Path(name).name).write_bytes((EXAMPLES / name).read_bytes())
    # the follow-up without its date line: dated a day after the eruption, it is a story of its
    # own at the default half-life (tests/test_stories.py)
    maumere = (EXAMPLES / "text" / "kabarnusantara-bandara-maumere.txt").read_text("utf-8")
    undated = "\n".join(x for x in maumere.splitlines() if "19 Juni 2025 10:15 WIB" not in x)
    assert undated != maumere
    (folder / "kabarnusantara-bandara-maumere.txt").write_text(undated, encoding="utf-8")
    text = (EXAMPLES / "text" / "wartaharian-banjir-bojonegoro.txt").read_text(encoding="utf-8")
    row = {"url": "https://www.wartaharian.com/banjir-bojonegoro", "text": text}
    (folder / "feed.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(folder), "-o", str(out), "--no-report"]) == 0
    summary = capsys.readouterr().out
    stories = pq.read_table(out / "stories.parquet").to_pylist()
    several_sites = sum(1 for s in stories if len(s["sites"]) > 1)
    several_docs = sum(1 for s in stories if s["size"] > 1)
    assert several_sites == 1 and several_docs == 2  # the input does what it says
    line = re.search(r"^  (\d+) stories, (\d+) with articles from 2 or more sites", summary, re.M)
    assert line, summary
    assert (int(line[1]), int(line[2])) == (len(stories), several_sites)
    stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))
    assert stats["stories"]["with_several_sites"] == several_sites
    # without stories, the summary says they were not grouped
    assert (
        main(["run", str(folder), "-o", str(tmp_path / "o2"), "--no-report", "--no-stories"]) == 0
    )
    assert "stories: not grouped (--no-stories)" in capsys.readouterr().out


def test_an_output_or_store_inside_the_input_folder_is_not_read_by_the_next_run(tmp_path, capsys):
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    for name in ("wartaharian-harga-beras.txt", "suarapagi-lrt-jabodebek.txt"):
        (crawl / name).write_bytes((EXAMPLES / "text" / name).read_bytes())
    out = crawl / "out"
    for _ in range(2):  # the second run finds the first one's output inside its input
        assert main(["run", str(crawl), "-o", str(out), "--no-report"]) == 0
        assert "2 documents in, 2 rows out" in capsys.readouterr().out
    sources = [r["source"] for r in pq.read_table(out / "documents.parquet").to_pylist()]
    assert sorted(Path(s).name for s in sources) == [
        "suarapagi-lrt-jabodebek.txt",
        "wartaharian-harga-beras.txt",
    ]
    store = crawl / "corpus"
    for added in (2, 0):  # the store's files are not documents either
        assert main(["run", str(crawl), "--store", str(store)]) == 0
        said = capsys.readouterr().out
        assert f"saring: {added} new documents added" in said
        assert f"  kept       {added:>8}" in said  # what became of them, as a one-shot run says


def test_a_folder_of_tables_with_different_columns_runs_and_lists_what_it_left_out(
    tmp_path, capsys
):
    crawl = tmp_path / "crawl"
    (crawl / "old_dataset").mkdir(parents=True)
    beras = (EXAMPLES / "text" / "wartaharian-harga-beras.txt").read_text(encoding="utf-8")
    lrt = (EXAMPLES / "text" / "suarapagi-lrt-jabodebek.txt").read_text(encoding="utf-8")
    with open(crawl / "news.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["sumber", "url", "judul", "tanggal_publikasi", "isi_berita"])
        w.writerow(
            ["wartaharian.com", "https://w.id/1", "Harga beras", "18 Jun 2025, 14:05 WIB", beras]
        )
    with open(crawl / "old_dataset" / "berita.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["title", "source", "date", "time", "content", "url"])
        w.writerow(["LRT", "suarapagi.com", "10 Jun 2025", "21:02", lrt, "https://s.id/2"])
    (crawl / "old_dataset" / "links.csv").write_text("link,website\nhttps://x.id/rss,x\n")
    (crawl / "feeds.json").write_text('[{"url": "https://x.id/rss"}]')  # a table without text
    (crawl / "feeds.opml").write_text("<opml/>")  # no reader
    out = tmp_path / "out"
    assert main(["run", str(crawl), "-o", str(out), "--no-report"]) == 0
    got = capsys.readouterr()
    assert "2 documents in, 2 rows out" in got.out
    assert "left out 2 tables with no column of text or HTML" in got.out
    assert "links.csv" in got.out and "feeds.json" in got.out
    assert "skipped 1 file of no kind saring reads" in got.out and "feeds.opml" in got.out
    assert "columns of " in got.err and "text=content" in got.err and "text=isi_berita" in got.err
    table = pq.read_table(out / "documents.parquet").to_pylist()
    assert [(r["title"], r["url"], r["published"] is not None) for r in table] == [
        ("Harga beras", "https://w.id/1", True),
        ("LRT", "https://s.id/2", True),
    ]
    stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))
    assert list(stats["inputs"]["tables_without_text"].values()) == [["url"], ["link", "website"]]
    # named on the command line, a table without text is an error naming it: nothing runs
    links = str(crawl / "old_dataset" / "links.csv")
    assert main(["run", str(crawl / "news.csv"), links, "-o", str(tmp_path / "o2")]) == 2
    err = capsys.readouterr().err
    assert "links.csv (columns: link, website)" in err and "--text-col" in err
    assert not (tmp_path / "o2").exists()


def test_help_does_not_load_the_libraries_only_a_run_needs():
    # `saring --help` took 1.5 s on the development machine, a second of it importing
    # scikit-learn for the stories' vectors; help, usage errors and `config` need none of it
    code = (
        "import sys; from saring.cli import build_parser; build_parser(); "
        "print(sorted(m for m in ('sklearn', 'daft', 'trafilatura') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_quiet_run_prints_nothing_but_errors(tmp_path, capsys, monkeypatch):
    # -q printed the summary line on standard output; the issue asks for nothing but errors
    monkeypatch.setenv("SARING_NO_FORK", "1")
    assert main(["run", str(PAGE), "-o", str(tmp_path / "out"), "--no-report", "-q"]) == 0
    got = capsys.readouterr()
    assert got.out == "" and got.err == ""
    assert json.loads((tmp_path / "out" / "stats.json").read_text())["documents"]["in"] == 1
    # an error still shows
    assert main(["run", str(tmp_path / "missing"), "-o", str(tmp_path / "o2"), "-q"]) == 2
    assert "error" in capsys.readouterr().err


def test_daft_sends_nothing_over_the_network_from_a_saring_process():
    """Daft's import and each run start a thread that calls its makers' servers unless the user
    opted out; saring opts out for them (a user's own setting of the variable still wins)."""
    code = (
        "import saring.pipeline, threading, daft.scarf_telemetry as t;"
        "print(t.opted_out(), t.track_runner_on_scarf('native')[0])"
    )
    quiet = ("DAFT_ANALYTICS_ENABLED", "DO_NOT_TRACK", "SCARF_NO_ANALYTICS")
    env = {k: v for k, v in os.environ.items() if k not in quiet}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.split() == ["True", "None"]


def test_extract_reads_a_gzipped_page_from_standard_input(monkeypatch, capsys):
    import gzip
    import io

    page = (EXAMPLES / "pages" / "lensaberita-persib-persija.html").read_bytes()
    stdin = io.TextIOWrapper(io.BytesIO(gzip.compress(page)))
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["extract", "-"]) == 0
    assert capsys.readouterr().out.startswith("BANDUNG – Persib Bandung meraih kemenangan 2-1")


def test_lang_codes_before_the_input_leave_the_input_alone(tmp_path, capsys):
    # nargs took the folder for a language code: "--lang id news/" is a common way to write it
    out = tmp_path / "out"
    assert main(["run", "--lang", "id", str(EXAMPLES / "text"), "-o", str(out), "-q"]) == 0
    stats = json.loads((out / "stats.json").read_text())
    assert stats["documents"]["in"] == 5 and stats["filter"]["lang"] == ["id"]
