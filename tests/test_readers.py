"""Readers: one record per document for every format, and a failed record (never an exception)
for every kind of broken input."""

from __future__ import annotations

import csv
import gzip
import json
import shutil

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from saring.readers.formats import read_file
from saring.readers.inputs import InputError, check_columns, resolve_inputs
from saring.readers.options import ReaderOptions

BODY = (
    "JAKARTA – Harga beras medium di Pasar Induk Beras Cipinang naik menjadi Rp13.800 per "
    "kilogram menjelang Iduladha, kata pedagang setempat kepada wartawan pada Rabu pagi."
)
PAGE = f"<html><head><title>Harga beras naik</title></head><body><article><p>{BODY}</p></article></body></html>"


def records(path, opts=None, fmt=None):
    files, _ = resolve_inputs([str(path)], fmt)
    out = []
    for f in files:
        out += list(read_file(f, opts or ReaderOptions()))
    return out


def test_page_files_plain_and_gzip(tmp_path):
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    with gzip.open(tmp_path / "b.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write(BODY)
    recs = records(tmp_path)
    assert [(r.fmt, r.error) for r in recs] == [("html", None), ("text", None)]
    assert recs[1].raw.decode("utf-8") == BODY
    assert recs[0].source.endswith("a.html")


def test_truncated_gzip_page_fails_with_reason(tmp_path):
    data = gzip.compress(PAGE.encode() * 50)
    (tmp_path / "cut.html.gz").write_bytes(data[: len(data) // 2])
    (rec,) = records(tmp_path / "cut.html.gz")
    assert rec.error.startswith("read_error: gzip data is truncated or corrupt")


def test_page_over_the_size_limit_is_not_read(tmp_path):
    big = tmp_path / "big.html"
    big.write_bytes(b"<html><body>" + b"<p>kata kata kata</p>" * 1_000_000 + b"</body></html>")
    assert big.stat().st_size > 20_000_000
    (rec,) = records(big)
    assert rec.raw is None
    assert rec.error.startswith("too_large: 20.0 MB is over the 8.0 MB limit")


def test_jsonl_broken_lines_blank_lines_and_nested_fields(tmp_path):
    lines = [
        json.dumps({"text": BODY, "meta": {"url": "https://a.id/1"}, "title": "Satu"}),
        "",
        '{"text": "terpotong di teng',
        json.dumps(["not", "an", "object"]),
        json.dumps({"html": PAGE, "text": "ignored when html is there"}),
        json.dumps({"text": 42}),
        json.dumps({"other": "no text field"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    recs = records(tmp_path / "feed.jsonl", ReaderOptions(url_col="meta.url"))
    assert [r.source.rsplit("#", 1)[1] for r in recs] == [
        "line=1",
        "line=3",
        "line=4",
        "line=5",
        "line=6",
        "line=7",
    ]
    ok, broken, array, html, number, missing = recs
    assert ok.raw_text == BODY and ok.url == "https://a.id/1" and ok.title == "Satu"
    assert broken.error.startswith("read_error: invalid JSON on line 3")
    assert array.error == "read_error: line 4 is a JSON list, not an object"
    assert html.fmt == "html" and html.raw_text == PAGE
    assert number.error.startswith("missing_content: field 'text' holds a int")
    assert missing.error.startswith("empty_input: no 'html' or 'text' value")


def test_jsonl_gzip_cut_mid_file_keeps_the_lines_before(tmp_path):
    body = "".join(json.dumps({"text": f"{BODY} {i}"}) + "\n" for i in range(200)).encode()
    data = gzip.compress(body)
    (tmp_path / "feed.jsonl.gz").write_bytes(data[: int(len(data) * 0.6)])
    recs = records(tmp_path / "feed.jsonl.gz")
    good = [r for r in recs if r.error is None]
    assert 0 < len(good) < 200
    assert recs[-1].error.startswith("read_error: stopped after line")
    assert "gzip" in recs[-1].error


def test_csv_bom_multiline_fields_and_bad_rows(tmp_path):
    path = tmp_path / "crawl.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["sumber", "url", "judul", "isi_berita"])
        w.writerow(
            ["detik.com", "https://d.id/1", "Satu", BODY + '\n\nParagraf kedua, dengan "kutipan".']
        )
        fh.write("okezone.com,https://o.id/2,Dua\n")  # a row with a field missing
        w.writerow(["tempo.co", "https://t.id/3", "Tiga", BODY])
    opts = ReaderOptions(text_col="isi_berita", title_col="judul", site_col="sumber")
    recs = records(path, opts)
    assert len(recs) == 3
    assert recs[0].raw_text.endswith('Paragraf kedua, dengan "kutipan".')
    assert recs[0].site == "detik.com" and recs[0].title == "Satu"
    assert recs[1].error == "read_error: row 2 has 3 fields, the header has 4"
    assert recs[2].source.endswith("#row=3")


def test_csv_in_windows_1252(tmp_path):
    path = tmp_path / "old.csv"
    path.write_bytes(('text\n"Menteri: “harga turun” – kata pedagang"\n' * 1).encode("cp1252"))
    (rec,) = records(path)
    assert rec.raw_text == "Menteri: “harga turun” – kata pedagang"


def test_table_without_the_named_columns_is_an_input_error(tmp_path):
    path = tmp_path / "crawl.csv"
    path.write_text("sumber,isi_berita\ndetik.com,teks\n", encoding="utf-8")
    files, _ = resolve_inputs([str(path)])
    with pytest.raises(
        InputError, match=r"no 'text' or 'html' column; its columns are: sumber, isi_berita"
    ):
        check_columns(files[0], ReaderOptions())
    check_columns(files[0], ReaderOptions(text_col="isi_berita"))  # named: fine


def test_parquet_row_groups_and_ids(tmp_path):
    table = pa.table(
        {
            "text": [f"{BODY} {i}" for i in range(10)],
            "url": [f"https://p.id/{i}" for i in range(10)],
        }
    )
    pq.write_table(table, tmp_path / "docs.parquet", row_group_size=4)
    files, _ = resolve_inputs([str(tmp_path / "docs.parquet")])
    whole = list(read_file(files[0], ReaderOptions()))
    parts = [r for g in range(3) for r in read_file(files[0], ReaderOptions(), [g])]
    assert [r.source.rsplit("#", 1)[1] for r in whole] == [f"row={i}" for i in range(1, 11)]
    assert [(r.id, r.order, r.url) for r in parts] == [(r.id, r.order, r.url) for r in whole]


def _warc_record(
    uri: str, body: bytes, ctype: str = "text/html; charset=utf-8", extra: int = 0
) -> bytes:
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\n\r\n".encode() + body
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Record-ID: <urn:uuid:{abs(hash(uri)):032d}>\r\nWARC-Date: 2025-06-18T00:00:00Z\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http) + extra}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def test_warc_bad_record_is_one_failed_document_and_reading_resumes(tmp_path):
    good = [_warc_record(f"https://w.id/{i}", PAGE.encode()) for i in range(3)]
    image = _warc_record("https://w.id/foto.png", b"\x89PNG\r\n\x1a\nxxxx", ctype="image/png")
    data = good[0] + b"GARBAGE THAT IS NOT A WARC RECORD\r\n\r\n" + good[1] + image + good[2]
    (tmp_path / "crawl.warc").write_bytes(data)
    recs = records(tmp_path / "crawl.warc")
    assert [r.url for r in recs] == [
        "https://w.id/0",
        None,
        "https://w.id/1",
        "https://w.id/foto.png",
        "https://w.id/2",
    ]
    assert recs[1].error.startswith("read_error: bad WARC data after the record at byte 0")
    assert recs[3].error == "not_a_page: content type image/png"
    assert [r.raw for r in recs if r.error is None] == [PAGE.encode()] * 3
    # WARC-Date is the fetch time, not the publication date: the page's metadata must decide.
    assert all(r.date_raw is None for r in recs)


def test_warc_gzip_truncated_last_record(tmp_path):
    data = b"".join(
        gzip.compress(_warc_record(f"https://w.id/{i}", PAGE.encode())) for i in range(3)
    )
    (tmp_path / "crawl.warc.gz").write_bytes(data[:-40])
    recs = records(tmp_path / "crawl.warc.gz")
    assert [r.error for r in recs[:2]] == [None, None]
    assert recs[2].error.startswith("read_error: WARC record is truncated")


def test_ids_are_stable_and_independent_of_location(tmp_path):
    src = tmp_path / "a" / "crawl"
    src.mkdir(parents=True)
    (src / "x.html").write_text(PAGE, encoding="utf-8")
    (src / "feed.jsonl").write_text(
        json.dumps({"text": BODY}) + "\n" + json.dumps({"text": BODY}) + "\n"
    )
    first = [(r.id, r.source.rsplit("/", 1)[1]) for r in records(src)]
    again = [(r.id, r.source.rsplit("/", 1)[1]) for r in records(src)]
    moved = tmp_path / "b" / "elsewhere" / "crawl"
    shutil.copytree(src, moved)
    assert first == again == [(r.id, r.source.rsplit("/", 1)[1]) for r in records(moved)]
    assert len({i for i, _ in first}) == 3  # two identical lines still get two ids


def test_resolve_inputs_walks_folders_and_globs(tmp_path):
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "a.html").write_text(PAGE)
    (tmp_path / "d" / "sub" / "b.txt").write_text(BODY)
    (tmp_path / "d" / "notes.md").write_text("not a document")
    (tmp_path / "d" / ".hidden.html").write_text(PAGE)
    files, skipped = resolve_inputs([str(tmp_path / "d")])
    assert [f.key for f in files] == ["d/a.html", "d/sub/b.txt"]
    assert skipped == [str(tmp_path / "d" / "notes.md")]
    files, _ = resolve_inputs([str(tmp_path / "d" / "**" / "*.txt")])
    assert [f.key for f in files] == ["d/sub/b.txt"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: str(p / "missing"), "no such file or folder"),
        (lambda p: str(p / "*.nothing"), "no file matches this pattern"),
        (lambda p: (p / "empty").mkdir() or str(p / "empty"), "folder is empty"),
        (lambda p: (p / "x.docx").write_text("x") and str(p / "x.docx"), "cannot tell the format"),
    ],
)
def test_unusable_inputs_are_clear_errors(tmp_path, make, message):
    with pytest.raises(InputError, match=message):
        resolve_inputs([make(tmp_path)])


def _saring_files(folder, stats: dict) -> None:
    """The files a saring output holds (their content does not matter to the walk)."""
    folder.mkdir(parents=True)
    table = pa.table({"id": ["x"], "text": [BODY]})
    for name in ("documents.parquet", "stories.parquet"):
        pq.write_table(table, folder / name)
    (folder / "stats.json").write_text(json.dumps(stats))


def test_a_folder_walk_never_reads_saring_outputs_or_stores(tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    (d / "a.html").write_text(PAGE)
    _saring_files(d / "out", {"saring": {"version": "0.1.0"}, "documents": {}})  # -o d/out
    store = d / "corpus"  # --store d/corpus: its runs' folders and the manifest naming them
    _saring_files(store / "runs" / "000001-ab12cd34", {"saring": {"version": "0.1.0"}})
    (store / "runs" / "000001-ab12cd34" / "index.parquet").write_bytes(b"PAR1")
    (store / "manifest.json").write_text(json.dumps({"format": 1, "runs": [{"run": 1}]}))
    (store / "notes.jsonl").write_text(json.dumps({"text": BODY}) + "\n")
    # another tool's folder of the same file names is input like any other
    _saring_files(d / "theirs", {"rows": 1})
    files, skipped = resolve_inputs([str(d)])
    assert [f.key for f in files] == [
        "d/a.html",
        "d/theirs/documents.parquet",
        "d/theirs/stories.parquet",
    ]
    assert skipped == [str(d / "theirs" / "stats.json")]
    # named as the input itself: a clear error, and a file inside it named alone is read
    for own in (d / "out", store):
        with pytest.raises(InputError, match="saring's own"):
            resolve_inputs([str(own)])
    files, _ = resolve_inputs([str(d / "out" / "documents.parquet")])
    assert [f.key for f in files] == ["documents.parquet"]
