"""Readers: one record per document for every format, and a failed record (never an exception)
for every kind of broken input."""

from __future__ import annotations

import csv
import gzip
import json
import os
import shutil
import threading
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from saring.config import RunConfig
from saring.process import process_record
from saring.readers.formats import read_file
from saring.readers.inputs import InputError, plan_tables, resolve_inputs
from saring.readers.options import ReaderOptions
from tests.conftest import EXAMPLES, INDONEWS, need_shared

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


def test_jsonl_compressed_as_dumps_ship_it_bz2_xz_zstd(tmp_path):
    # The Pile and SlimPajama ship .jsonl.zst: the name was unknown, and read as --format jsonl
    # its compressed bytes became a hundred failed rows
    import bz2
    import lzma

    lines = "".join(json.dumps({"text": f"{BODY} {i}"}) + "\n" for i in range(3)).encode()
    with pa.CompressedOutputStream(str(tmp_path / "part-0.jsonl.zst"), "zstd") as out:
        out.write(lines)
    (tmp_path / "part-1.jsonl.bz2").write_bytes(bz2.compress(lines))
    (tmp_path / "part-2.jsonl.xz").write_bytes(lzma.compress(lines))
    with pa.CompressedOutputStream(str(tmp_path / "z-page.txt.zst"), "zstd") as out:
        out.write(BODY.encode())
    recs = records(tmp_path)
    assert [(r.source.rsplit("/", 1)[1], r.error) for r in recs[:9]] == [
        (f"part-{k}.jsonl{ext}#line={i}", None)
        for k, ext in enumerate((".zst", ".bz2", ".xz"))
        for i in (1, 2, 3)
    ]
    assert (recs[9].raw, recs[9].error) == (BODY.encode(), None)
    (tmp_path / "cut.jsonl.xz").write_bytes(lzma.compress(lines)[:-30])
    cut = records(tmp_path / "cut.jsonl.xz")
    assert cut[-1].error.startswith("read_error: stopped after line")
    assert "xz data is truncated or corrupt" in cut[-1].error
    import bz2 as bz2_

    tsv = "text\nHarga cabai naik, kata pedagang, di pasar induk.\n"  # a .tsv under any codec
    (tmp_path / "one.tsv.bz2").write_bytes(bz2_.compress(tsv.encode()))
    assert records(tmp_path / "one.tsv.bz2")[0].raw_text == tsv.split("\n")[1]
    (tmp_path / "c.warc.zst").write_bytes(b"")
    with pytest.raises(InputError, match="warc files are read plain or gzip-compressed, not zstd"):
        resolve_inputs([str(tmp_path / "c.warc.zst")])


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
    assert array.error == "read_error: line 4 is a JSON array, not an object"
    assert html.fmt == "html" and html.raw_text == PAGE
    assert number.error.startswith("missing_content: field 'text' holds an int")
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


def test_a_csv_header_naming_a_column_twice_reads_the_first(tmp_path):
    # the row's dict kept the last "text" column: the article was lost to a short note
    path = tmp_path / "dup.csv"
    path.write_text(f'text,text,url\n"{BODY}",catatan,https://p.id/1\n', encoding="utf-8")
    (rec,) = records(path)
    assert (rec.raw_text, rec.url) == (BODY, "https://p.id/1")
    (second,) = records(path, ReaderOptions(text_col="text.1"))
    assert second.raw_text == "catatan"


def test_csv_in_windows_1252(tmp_path):
    path = tmp_path / "old.csv"
    path.write_bytes(('text\n"Menteri: “harga turun” – kata pedagang"\n' * 1).encode("cp1252"))
    (rec,) = records(path)
    assert rec.raw_text == "Menteri: “harga turun” – kata pedagang"


def test_table_without_the_named_columns_is_an_input_error(tmp_path):
    path = tmp_path / "crawl.csv"
    path.write_text("sumber,catatan\ndetik.com,teks\n", encoding="utf-8")
    files, _ = resolve_inputs([str(path)])
    with pytest.raises(InputError) as e:
        plan_tables(files, ReaderOptions())
    assert "table has no column of text or HTML (not 'text' or 'html'" in str(e.value)
    assert "crawl.csv (columns: sumber, catatan)" in str(e.value)
    plan_tables(files, ReaderOptions(text_col="catatan"))  # named: fine
    # --text-col "" turns text columns off: the message named the text names it did not try
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": BODY}) + "\n")
    files, _ = resolve_inputs([str(tmp_path / "a.jsonl")])
    with pytest.raises(InputError) as e:
        plan_tables(files, ReaderOptions(text_col=""))
    assert "nor raw_html," in str(e.value) and "isi_berita" not in str(e.value)
    assert "--text-col is empty" in str(e.value)


def test_parquet_struct_fields_are_named_with_a_dot_as_in_json(tmp_path):
    # the mapping took "metadata.url" (the table has "metadata") but the struct column was
    # not read: url and date came out empty, a text field inside a struct failed every row
    table = pa.table(
        {
            "doc": [{"text": BODY, "lang": "id"}],
            "metadata": [{"url": "https://p.id/1", "date": "2025-06-18"}],
        }
    )
    pq.write_table(table, tmp_path / "docs.parquet")
    opts = ReaderOptions(text_col="doc.text", url_col="metadata.url", date_col="metadata.date")
    (rec,) = records(tmp_path / "docs.parquet", opts)
    assert (rec.error, rec.raw_text, rec.url, rec.date_raw) == (
        None,
        BODY,
        "https://p.id/1",
        "2025-06-18",
    )


def test_arrow_files_as_hugging_face_datasets_save_them(tmp_path):
    # save_to_disk writes Arrow's stream format beside two JSON files; Feather is its file
    # format. Neither name was read ("no input files of a supported kind")
    table = pa.table(
        {"text": [f"{BODY} {i}" for i in range(5)], "url": [f"https://p.id/{i}" for i in range(5)]}
    )
    folder = tmp_path / "hf"
    folder.mkdir()
    with pa.ipc.new_stream(str(folder / "data-00000-of-00001.arrow"), table.schema) as w:
        for batch in table.to_batches(max_chunksize=2):
            w.write_batch(batch)
    (folder / "dataset_info.json").write_text(json.dumps({"features": {"text": {}}}))
    (folder / "state.json").write_text(json.dumps({"_data_files": [{"filename": "x"}]}))
    with pa.ipc.new_file(str(tmp_path / "docs.feather"), table.schema) as w:
        w.write_table(table)
    files, _ = resolve_inputs([str(folder), str(tmp_path / "docs.feather")])
    plan = plan_tables(files, ReaderOptions())
    assert sorted(plan.skipped) == [str(folder / "dataset_info.json"), str(folder / "state.json")]
    for f in plan.files:
        recs = list(read_file(f, ReaderOptions()))
        assert [(r.url, r.raw_text, r.error) for r in recs] == [
            (f"https://p.id/{i}", f"{BODY} {i}", None) for i in range(5)
        ]
        assert recs[4].source.endswith("#row=5")
    (tmp_path / "bad.arrow").write_bytes(b"not arrow at all")
    (bad,) = records(tmp_path / "bad.arrow")
    assert bad.error.startswith("read_error: cannot read Arrow from row 1")


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
    uri: str, body: bytes, ctype: str = "text/html; charset=utf-8", extra: int = 0, headers=""
) -> bytes:
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\n{headers}\r\n".encode() + body
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


def test_warc_bodies_stored_as_sent_are_decoded_gzip_deflate_brotli_and_chunked(tmp_path):
    # wget and Heritrix archive the response as the server sent it
    import zlib

    import brotli

    page = PAGE.encode()
    half = len(page) // 2
    zipped = gzip.compress(page)
    chunked = b"%x\r\n%s\r\n%x;ext=1\r\n%s\r\n0\r\n\r\n" % (
        half,
        page[:half],
        len(page) - half,
        page[half:],
    )
    bodies = [
        ("Content-Encoding: gzip\r\n", zipped),
        ("Content-Encoding: deflate\r\n", zlib.compress(page)),
        ("Content-Encoding: br\r\n", brotli.compress(page)),
        ("Transfer-Encoding: chunked\r\n", chunked),
        (
            "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
            b"%x\r\n%s\r\n0\r\n\r\n" % (len(zipped), zipped),
        ),
        # two gzip members one after the other
        ("Content-Encoding: gzip\r\n", gzip.compress(page[:half]) + gzip.compress(page[half:])),
        # already decoded by the archiver, the header kept: read as it is
        ("Content-Encoding: gzip\r\n", page),
        ("Transfer-Encoding: chunked\r\n", page.replace(b"\n", b" ")),  # one line
        # a broken member after a good one: what the good one holds
        ("Content-Encoding: gzip\r\n", zipped + b"\x1f\x8b\x08\x00broken"),
        ("Content-Encoding: compress\r\n", page),
    ]
    cut = [  # a record cut short inside its chunks (WARC-Truncated): what they hold
        ("Transfer-Encoding: chunked\r\n", chunked[: len(chunked) // 2], page[: half // 2]),
        # a size that is no chunk size: the body as stored, not a reader looping on it
        ("Transfer-Encoding: chunked\r\n", b"-4\r\nabcd\r\n", b"-4\r\nabcd\r\n"),
        ("Transfer-Encoding: chunked\r\n", b"0\r\n\r\n", b""),
    ]
    records_ = [_warc_record(f"https://w.id/{i}", b, headers=h) for i, (h, b) in enumerate(bodies)]
    records_ += [
        _warc_record(f"https://w.id/c{i}", b, headers=h) for i, (h, b, _) in enumerate(cut)
    ]
    (tmp_path / "crawl.warc").write_bytes(b"".join(records_))
    recs = records(tmp_path / "crawl.warc")
    assert [r.error for r in recs] == [None] * len(recs)
    assert [r.raw for r in recs[: len(bodies)]] == [
        page.replace(b"\n", b" ") if "chunked" in h and b"\n" not in b else page for h, b in bodies
    ]
    got = [r.raw for r in recs[len(bodies) :]]
    assert got[0] == page[: len(got[0])] and len(got[0]) >= half // 2
    assert got[1:] == [want for _, _, want in cut[1:]]


def test_warc_gzip_truncated_last_record(tmp_path):
    data = b"".join(
        gzip.compress(_warc_record(f"https://w.id/{i}", PAGE.encode())) for i in range(3)
    )
    (tmp_path / "crawl.warc.gz").write_bytes(data[:-40])
    recs = records(tmp_path / "crawl.warc.gz")
    assert [r.error for r in recs[:2]] == [None, None]
    assert recs[2].error.startswith("read_error: WARC record is truncated")


def test_json_files_in_the_shapes_tools_write(tmp_path):
    # a .json name was not read at all ("cannot tell the format"); Scrapy's feed (an array, an
    # item a line with commas), a pretty-printed array, jq's pretty stream and one pretty object
    # would each have been a failed row per line as JSON lines
    items = [{"text": f"{BODY} {i}", "url": f"https://p.id/{i}"} for i in range(3)]
    shapes = {
        "scrapy.json": "[\n" + ",\n".join(json.dumps(x) for x in items) + "\n]",
        "pretty.json": json.dumps(items, indent=2),
        "hf.json": "".join(json.dumps(x) + "\n" for x in items),  # Hugging Face's to_json
        "jq.json": "\n".join(json.dumps(x, indent=2) for x in items),
    }
    for name, text in shapes.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    urls = [x["url"] for x in items]
    for name in shapes:
        recs = records(tmp_path / name)
        assert [(r.url, r.error) for r in recs] == [(u, None) for u in urls], name
        assert recs[2].raw_text == items[2]["text"]
    assert records(tmp_path / "pretty.json")[1].source.endswith("pretty.json#item=2")
    (tmp_path / "one.json").write_text(json.dumps(items[0], indent=2))
    assert [r.url for r in records(tmp_path / "one.json")] == [urls[0]]
    with gzip.open(tmp_path / "bom.json.gz", "wb") as fh:
        fh.write(b"\xef\xbb\xbf" + json.dumps(items).encode())
    assert [r.url for r in records(tmp_path / "bom.json.gz")] == urls


def test_a_json_array_broken_inside_keeps_the_items_before_and_says_where(tmp_path):
    good = json.dumps({"text": BODY, "url": "https://p.id/1"})
    # an item a line (brackets glued to the first and last): a broken item loses itself only
    (tmp_path / "a.json").write_text(f'[{good},\n{{"text": "x",,}},\n{good}]')
    recs = records(tmp_path / "a.json")
    assert [r.url for r in recs] == ["https://p.id/1", None, "https://p.id/1"]
    assert recs[1].error.startswith("read_error: invalid JSON on line 2: Expecting")
    # pretty-printed, the rest of the array stands behind the broken item: one row for it
    pretty = json.dumps([json.loads(good)] * 3, indent=1).replace('"text"', '"text",,', 2)
    (tmp_path / "p.json").write_text(pretty.replace('"text",,', '"text"', 1))
    recs = records(tmp_path / "p.json")
    assert [r.url for r in recs] == ["https://p.id/1", None]
    assert recs[1].error.startswith("read_error: stopped at item 2: invalid JSON: Expecting")
    (tmp_path / "b.json").write_text('[1,\n null, {"text": "teks"}]')
    assert [r.error for r in records(tmp_path / "b.json")[:2]] == [
        "read_error: item 1 (line 1) is a JSON number, not an object",
        "read_error: item 2 (line 2) is a JSON null, not an object",
    ]
    (tmp_path / "c.json").write_text("[ ]")
    assert records(tmp_path / "c.json")[0].error == "empty_input: no JSON objects in the file"
    # an array without a text or HTML key is refused before the run, as a JSON lines file is
    (tmp_path / "d.json").write_text(json.dumps([{"judul": "x", "badan": "y"}], indent=1))
    files, _ = resolve_inputs([str(tmp_path / "d.json")])
    with pytest.raises(InputError, match=r"d\.json \(columns: judul, badan\)"):
        plan_tables(files, ReaderOptions())


def test_json_items_of_arrays_and_values_in_a_row():
    from saring.readers.jsonvalues import json_items

    text = '[{"a": 1},\n {"a": 2},]\n[{"a": 3}]\n{}\n{\n "a": 4\n}\n[{"a": 5},\n{"a": 6}'
    assert list(json_items(text)) == [
        ({"a": 1}, 1),
        ({"a": 2}, 2),  # a comma before "]": the items it holds
        ({"a": 3}, 3),  # a second array after the first (a feed written twice)
        ({}, 4),
        ({"a": 4}, 5),
        ({"a": 5}, 8),
        ({"a": 6}, 9),  # the text ends inside the array: what it wrote
    ]
    broken = "[\n" + ",\n".join(['{"a": 1}'] * 3000) + ',\n{"a": undefined}]'
    with pytest.raises(ValueError, match="line 3002 column"):  # the text's line, not a chunk's
        list(json_items(broken))


def test_a_json_file_of_any_shape_loses_no_document_to_another(tmp_path):
    # what a review found in the first version, which read .json a chunk at a time
    def texts(path, **kw):
        return [(r.source.rsplit("#", 1)[-1], r.error or r.raw_text) for r in records(path, **kw)]

    # a .jsonl opening with "[" stays JSON lines: its other lines are read
    lines = ["[garbage header line"] + [json.dumps({"text": f"doc {i}"}) for i in (1, 2)]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n")
    got = texts(tmp_path / "a.jsonl")
    assert [loc for loc, _ in got] == ["line=1", "line=2", "line=3"]
    assert got[1:] == [("line=2", "doc 1"), ("line=3", "doc 2")]
    # an item over --max-bytes is too large, and the items after it are read
    big = [{"text": "kecil"}, {"text": "y" * 5000}, {"text": "tiga"}]
    (tmp_path / "big.json").write_text(json.dumps(big))
    got = texts(tmp_path / "big.json", opts=ReaderOptions(max_bytes=4096))
    assert got[0] == ("item=1", "kecil") and got[2] == ("item=3", "tiga")
    assert got[1][1].startswith("too_large:")
    # a pretty array in windows-1252: decoded as a text file is, every item read
    legacy = [{"text": "“Harga naik,” kata Sri."}, {"text": "Kedua – café"}]
    (tmp_path / "cp.json").write_bytes(
        json.dumps(legacy, ensure_ascii=False, indent=2).encode("cp1252")
    )
    assert [t for _, t in texts(tmp_path / "cp.json")] == [x["text"] for x in legacy]
    # jq's pretty output whose first object is "{}" on one line
    (tmp_path / "jq.json").write_text('{}\n{\n  "text": "b"\n}\n')
    assert [loc for loc, _ in texts(tmp_path / "jq.json")] == ["item=1", "item=2"]
    assert texts(tmp_path / "jq.json")[1] == ("item=2", "b")
    # a pretty array broken in its first item is one failed row, not one for each of its lines
    (tmp_path / "bad.json").write_text(json.dumps(big, indent=2).replace('"kecil"', '"kecil",,'))
    assert [loc for loc, _ in texts(tmp_path / "bad.json")] == ["item=1"]
    # JSON lines named .json with a broken second line: only that line fails (a second review:
    # the file was taken for one JSON text from its first two lines, and the rest was lost)
    good = [json.dumps({"text": f"doc {i}"}) for i in range(5)]
    (tmp_path / "l.json").write_text("\n".join([good[0], '{"text": "b"', *good[2:]]) + "\n")
    got = texts(tmp_path / "l.json")
    assert [loc for loc, _ in got] == [f"line={i}" for i in range(1, 6)]
    assert got[1][1].startswith("read_error: invalid JSON on line 2")
    # an array cut short in its gzip: the items before the cut, then one row saying so
    with gzip.open(tmp_path / "cut.json.gz", "wb") as fh:
        fh.write(json.dumps([{"text": f"isi {i} " * 20} for i in range(3000)], indent=2).encode())
    data = (tmp_path / "cut.json.gz").read_bytes()
    (tmp_path / "cut.json.gz").write_bytes(data[: len(data) // 2])
    got = texts(tmp_path / "cut.json.gz")
    assert len(got) > 100 and got[0] == ("item=1", "isi 0 " * 20)
    assert got[-1][1].startswith(f"read_error: stopped at item {len(got)}: gzip data is truncated")
    # nesting too deep for Python's parser is a failed row, not a crash of the run
    deep = '{"text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}"
    (tmp_path / "deep.jsonl").write_text(deep + "\n" + good[1] + "\n")
    files, _ = resolve_inputs([str(tmp_path / "deep.jsonl")])
    plan_tables(files, ReaderOptions())
    got = texts(tmp_path / "deep.jsonl")
    assert got[0][1].startswith("read_error: invalid JSON on line 1") and got[1][1] == "doc 1"
    # Scrapy's feed written twice: both arrays' items, no row for a bracket
    feed = "[\n" + ",\n".join(json.dumps({"text": t}) for t in "ab") + "\n]"
    (tmp_path / "feed.json").write_text(
        feed + "\n" + feed.replace('"a"', '"c"').replace('"b"', '"d"')
    )
    assert [t for _, t in texts(tmp_path / "feed.json")] == ["a", "b", "c", "d"]


def _wet_member(wtype: str, body: bytes, uri: str | None = None, ctype="text/plain") -> bytes:
    """One gzip member of a Common Crawl WET file (``CC-MAIN-...warc.wet.gz``)."""
    head = f"WARC/1.0\r\nWARC-Type: {wtype}\r\nWARC-Date: 2025-06-18T00:00:00Z\r\n"
    if uri:
        head += f"WARC-Target-URI: {uri}\r\nWARC-Identified-Content-Language: ind\r\n"
    head += f"Content-Type: {ctype}\r\n" if ctype else ""
    head += f"Content-Length: {len(body)}\r\n\r\n"
    return gzip.compress(head.encode() + body + b"\r\n\r\n", mtime=0)


def test_common_crawl_wet_files_are_read_as_text_pages(tmp_path):
    # Common Crawl's WET files hold each page's text, one block a line, as conversion records;
    # they were skipped ("no response or resource records"), and a folder walk left the
    # .warc.wet.gz name out (its last suffix is .wet)
    page = "\n".join(
        line
        for line in (EXAMPLES / "text" / "wartaharian-banjir-bojonegoro.txt")
        .read_text()
        .split("\n")
        if line.strip()
    )
    wet = tmp_path / "crawl" / "CC-MAIN-2025-26-00001.warc.wet.gz"
    wet.parent.mkdir()
    wet.write_bytes(
        _wet_member("warcinfo", b"isPartOf: CC-MAIN-2025-26\r\n", ctype="application/warc-fields")
        + _wet_member("conversion", page.encode(), "https://wartaharian.id/banjir")
        + _wet_member("conversion", BODY.encode(), "https://p.id/beras")
        + _wet_member("conversion", b"Teks <b>tebal</b> & lainnya", "https://p.id/x", ctype="")
    )
    (tmp_path / "crawl" / "CC-MAIN-2025-26-00001.warc.wat.gz").write_bytes(b"{}")  # metadata
    recs = records(tmp_path / "crawl")
    assert [(r.url, r.fmt, r.error) for r in recs] == [
        ("https://wartaharian.id/banjir", "text", None),
        ("https://p.id/beras", "text", None),
        ("https://p.id/x", "text", None),  # no Content-Type: still text
    ]
    assert recs[1].raw == BODY.encode()
    row = {"id": "x", "order": "0", "fmt": "text", "raw": recs[0].raw, "url": recs[0].url}
    text = process_record(row, RunConfig()).processed.text
    assert text.startswith("Bojonegoro, Warta Harian – Banjir akibat luapan Sungai Bengawan Solo")
    assert text.endswith("meminta warga tidak terburu-buru kembali ke rumah.")


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


# ---------------------------------------------------------------------------- hostile inputs


def _within(seconds: float, fn, unblock=None):
    """``fn()``'s result, failing the test (not hanging it) when it takes longer than
    ``seconds``; ``unblock`` then frees the stuck thread."""
    result: dict = {}
    worker = threading.Thread(target=lambda: result.setdefault("value", fn()), daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        if unblock is not None:
            unblock()
        pytest.fail(f"still running after {seconds} s")
    return result["value"]


def test_a_fifo_in_a_folder_is_a_failed_document_not_a_hang(tmp_path):
    (tmp_path / "a.html").write_text(PAGE)
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)

    def unblock():  # let a reader stuck in open() see the end of the pipe
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))

    recs = _within(10, lambda: records(tmp_path), unblock)
    assert [r.source.rsplit("/", 1)[1] for r in recs] == ["a.html", "pipe.html"]
    assert recs[0].error is None
    assert recs[1].error == "read_error: not a regular file (a named pipe)"


def test_a_file_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path):
    folder = os.fsencode(tmp_path / "d")
    os.mkdir(folder)
    with open(os.path.join(folder, b"caf\xe9.html"), "wb") as fh:
        fh.write(PAGE.encode())
    (rec,) = records(tmp_path / "d")
    assert rec.error is None and rec.raw == PAGE.encode()
    assert rec.source.endswith("/d/caf\\xe9.html")
    rec.source.encode("utf-8")  # no lone surrogate: Arrow takes it
    again = records(tmp_path / "d")[0]
    assert again.id == rec.id


def test_broken_and_looping_symlinks_are_failed_documents_and_the_rest_is_read(tmp_path):
    (tmp_path / "a.html").write_text(PAGE)
    os.symlink(tmp_path / "gone.html", tmp_path / "dangling.html")
    os.symlink(tmp_path / "self.html", tmp_path / "self.html")
    os.symlink(tmp_path / "a.html", tmp_path / "same.html")  # a link to a file is that file
    os.symlink(tmp_path / "gone.md", tmp_path / "notes.md")  # not a document kind: skipped
    files, skipped = resolve_inputs([str(tmp_path)])
    assert skipped == [str(tmp_path / "notes.md")]
    recs = [r for f in files for r in read_file(f, ReaderOptions())]
    got = {r.source.rsplit("/", 1)[1]: r.error for r in recs}
    assert got == {
        "a.html": None,
        "dangling.html": "read_error: broken symbolic link (its target does not exist)",
        "self.html": "read_error: symbolic link loop",
    }


def _looping_tree(root):
    """``root/d`` with pages two levels down and links back up at every level."""
    (root / "d" / "x" / "y").mkdir(parents=True)
    (root / "d" / "a.html").write_text(PAGE)
    (root / "d" / "x" / "y" / "b.html").write_text(PAGE)
    for sub in ("", "x", "x/y"):
        os.symlink(root / "d", root / "d" / sub / "up")
        os.symlink(root / "d" / "x", root / "d" / sub / "side")
    return root / "d"


def test_a_glob_over_a_tree_with_symlink_loops_ends_like_the_folder_walk(tmp_path):
    d = _looping_tree(tmp_path)
    walked, _ = _within(20, lambda: resolve_inputs([str(d)]))
    globbed, _ = _within(20, lambda: resolve_inputs([str(d / "**" / "*.html")]))
    assert [f.key for f in walked] == [f.key for f in globbed] == ["d/a.html", "d/x/y/b.html"]
    one_level, _ = resolve_inputs([str(d / "*" / "*" / "*.html")])
    assert [f.key for f in one_level] == ["d/x/y/b.html"]


def test_jsonl_whose_first_objects_have_no_text_is_read_line_by_line(tmp_path):
    lines = [json.dumps({"id": i, "note": "no text here"}) for i in range(150)]
    lines.append(json.dumps({"text": BODY}))
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    files, _ = resolve_inputs([str(path)])
    plan_tables(files, ReaderOptions())  # a later line has text: not an input error
    recs = records(path)
    assert len(recs) == 151
    assert recs[-1].raw_text == BODY and recs[-1].error is None
    assert all(r.error == "empty_input: no 'html' or 'text' value" for r in recs[:-1])
    (tmp_path / "none.jsonl").write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    files, _ = resolve_inputs([str(tmp_path / "none.jsonl")])
    with pytest.raises(InputError, match=r"none\.jsonl \(columns: id, note\)"):
        plan_tables(files, ReaderOptions())


def test_csv_header_longer_than_a_megabyte_still_finds_the_text_column(tmp_path):
    path = tmp_path / "wide.csv"
    extra = [f"kolom_tambahan_nomor_{i:06d}" for i in range(50_000)]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([*extra, "text"])
        w.writerow(["" for _ in extra] + [BODY])
    assert len(",".join(extra)) > 1 << 20
    files, _ = resolve_inputs([str(path)])
    plan_tables(files, ReaderOptions())
    (rec,) = records(path)
    assert rec.raw_text == BODY


def _with_length(record: bytes, value: bytes) -> bytes:
    head, sep, rest = record.partition(b"\r\n\r\n")
    lines = [
        b"Content-Length: " + value if line.startswith(b"Content-Length:") else line
        for line in head.split(b"\r\n")
    ]
    return b"\r\n".join(lines) + sep + rest


@pytest.mark.parametrize(
    ("value", "why"),
    [
        (b"100000000", "runs over the next record"),  # past the end of the file
        (b"900", "runs over the next record"),  # into the next record
        (b"99999999999999999999999", "runs over the next record"),
        (b"abc", "is not a number of bytes"),
        (b"-5", "is not a number of bytes"),
        (b"", "is not a number of bytes"),
        (b"10", "does not end where the record ends"),  # the body goes on after it
    ],
)
def test_warc_bad_content_length_is_one_failed_record_and_the_next_are_read(tmp_path, value, why):
    recs = [_warc_record(f"https://w.id/{i}", PAGE.encode()) for i in range(4)]
    recs[1] = _with_length(recs[1], value)
    (tmp_path / "crawl.warc").write_bytes(b"".join(recs))
    got = records(tmp_path / "crawl.warc")
    assert [r.url for r in got] == [f"https://w.id/{i}" for i in range(4)]
    assert [r.raw for r in got] == [PAGE.encode(), None, PAGE.encode(), PAGE.encode()]
    assert got[1].error.startswith("read_error: WARC record with a bad Content-Length")
    assert why in got[1].error


def test_warc_last_record_cut_short_is_truncated_not_too_large(tmp_path):
    recs = [_warc_record(f"https://w.id/{i}", PAGE.encode()) for i in range(2)]
    recs[1] = _with_length(recs[1], b"100000000")
    (tmp_path / "crawl.warc").write_bytes(b"".join(recs))
    got = records(tmp_path / "crawl.warc")
    assert [r.url for r in got] == ["https://w.id/0", "https://w.id/1"]
    assert got[1].error.startswith("read_error: WARC record is truncated (")
    assert got[1].error.endswith(" of 100000000 bytes)")


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
        "d/theirs/stats.json",  # JSON is input too (a table without text is left out later)
        "d/theirs/stories.parquet",
    ]
    assert skipped == []
    # named as the input itself: a clear error, and a file inside it named alone is read
    for own in (d / "out", store):
        with pytest.raises(InputError, match="saring's own"):
            resolve_inputs([str(own)])
    files, _ = resolve_inputs([str(d / "out" / "documents.parquet")])
    assert [f.key for f in files] == ["documents.parquet"]
    # a glob walks as a folder does: 'd/**/*.parquet' read -o d/out's documents on a rerun
    files, _ = resolve_inputs([str(d / "**" / "*.parquet")])
    assert [f.key for f in files] == ["d/theirs/documents.parquet", "d/theirs/stories.parquet"]


# ---------------------------------------------------------------------------- tables by their names


def _csv(path, header, *rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)


def _mixed_tables(folder):
    """Four tables of one crawl, each with the column names its scraper chose."""
    folder.mkdir()
    _csv(
        folder / "crawl.csv",
        ["sumber", "url", "judul", "author", "tanggal_publikasi", "isi_berita"],
        ["detik.com", "https://d.id/1", "Beras naik", "Andi", "18 Jun 2025, 14:05 WIB", BODY],
    )
    (folder / "old").mkdir()
    _csv(
        folder / "old" / "berita.csv",
        ["title", "source", "date", "time", "category", "content", "url", "author"],
        [
            "Beras lagi",
            "news.detik.com",
            "06 Jun 2025",
            "21:02",
            "News",
            BODY,
            "https://d.id/2",
            "",
        ],
    )
    row = {
        "Headline": "Harga cabai",
        "body": BODY,
        "link": "https://k.id/3",
        "tanggal": "2025-06-17",
    }
    (folder / "feed.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    table = {
        "article": [BODY],
        "judul": ["Harga bawang"],
        "published": ["2025-06-16T08:00:00+07:00"],
    }
    pq.write_table(pa.table(table), folder / "docs.parquet")


def test_a_folder_of_tables_maps_each_file_by_the_columns_it_has(tmp_path):
    _mixed_tables(tmp_path / "crawl")
    files, _ = resolve_inputs([str(tmp_path / "crawl")])
    plan = plan_tables(files, ReaderOptions())
    assert plan.skipped == {}
    by_file = {r.source.split("#")[0].rsplit("/", 1)[1]: r for r in records(tmp_path / "crawl")}
    assert {k: (r.error, r.raw_text) for k, r in by_file.items()} == dict.fromkeys(
        ("crawl.csv", "berita.csv", "feed.jsonl", "docs.parquet"), (None, BODY)
    )
    got = {k: (r.title, r.url, r.date_raw, r.site, r.author) for k, r in by_file.items()}
    assert got == {
        "crawl.csv": (
            "Beras naik",
            "https://d.id/1",
            "18 Jun 2025, 14:05 WIB",
            "detik.com",
            "Andi",
        ),
        "berita.csv": ("Beras lagi", "https://d.id/2", "06 Jun 2025", None, None),
        "feed.jsonl": ("Harga cabai", "https://k.id/3", "2025-06-17", None, None),
        "docs.parquet": ("Harga bawang", None, "2025-06-16T08:00:00+07:00", None, None),
    }
    # each mapping is told once, with the files that use it
    texts = sorted(m["text"] for m in plan.mappings)
    assert texts == ["article", "body", "content", "isi_berita"]


def test_a_column_named_by_the_user_wins_where_a_table_has_it(tmp_path):
    _csv(tmp_path / "a.csv", ["text", "ringkasan", "title"], ["teks lain", BODY, "Satu"])
    _csv(tmp_path / "b.csv", ["content", "judul"], [BODY, "Dua"])
    opts = ReaderOptions(text_col="ringkasan", title_col="judul")
    recs = records(tmp_path, opts)
    # a.csv has the named text column; b.csv has not, and is mapped by its own names
    assert [(r.raw_text, r.title) for r in recs] == [(BODY, "Satu"), (BODY, "Dua")]
    # an empty name means no such column: the common names are not looked for
    (rec, _) = records(tmp_path, ReaderOptions(title_col=""))
    assert rec.title is None
    # a named column is that field's only: the text no longer comes from it too, it takes
    # the next common name ("--title-col content" made every title the article)
    _csv(tmp_path / "c.csv", ["content", "body", "headline"], ["Judul", BODY, "x"])
    (rec,) = records(tmp_path / "c.csv", ReaderOptions(title_col="content"))
    assert (rec.title, rec.raw_text) == ("Judul", BODY)
    _csv(tmp_path / "c.csv", ["Content", "Body"], ["Judul", BODY])  # named in another case
    (rec,) = records(tmp_path / "c.csv", ReaderOptions(title_col="content"))
    assert (rec.title, rec.raw_text) == ("Judul", BODY)


def test_tables_with_no_text_column_are_skipped_and_listed_when_others_are_fine(tmp_path):
    _mixed_tables(tmp_path / "crawl")
    _csv(
        tmp_path / "crawl" / "old" / "link_scrapping.csv",
        ["link", "website"],
        ["https://s.id/rss", "s"],
    )
    (tmp_path / "crawl" / "ids.jsonl").write_text('{"id": 1, "note": "x"}\n', encoding="utf-8")
    files, _ = resolve_inputs([str(tmp_path / "crawl")])
    plan = plan_tables(files, ReaderOptions())
    assert sorted(Path(f.path).name for f in plan.files) == [
        "berita.csv",
        "crawl.csv",
        "docs.parquet",
        "feed.jsonl",
    ]
    assert {Path(k).name: v for k, v in plan.skipped.items()} == {
        "ids.jsonl": ["id", "note"],
        "link_scrapping.csv": ["link", "website"],
    }


def test_every_table_that_cannot_be_mapped_is_named_in_one_message(tmp_path):
    _csv(tmp_path / "links.csv", ["link", "website"], ["https://s.id/rss", "s"])
    _csv(tmp_path / "notes.csv", ["id", "catatan"], ["1", "x"])
    # a folder where no table can be read: one error naming both, with their columns
    files, _ = resolve_inputs([str(tmp_path)])
    with pytest.raises(InputError) as e:
        plan_tables(files, ReaderOptions())
    msg = str(e.value)
    assert "links.csv (columns: link, website)" in msg and "notes.csv (columns: id, catatan)" in msg
    assert "--text-col" in msg and "isi_berita" in msg
    # a table named on the command line is never skipped quietly, even when others are fine
    _csv(tmp_path / "ok.csv", ["content"], [BODY])
    files, _ = resolve_inputs([str(tmp_path / "ok.csv"), str(tmp_path / "links.csv")])
    with pytest.raises(InputError, match=r"links\.csv \(columns: link, website\)"):
        plan_tables(files, ReaderOptions())


def test_a_misspelt_text_column_is_an_error_not_a_silent_fallback(tmp_path):
    _csv(tmp_path / "a.csv", ["isi_berita", "judul"], [BODY, "Satu"])
    files, _ = resolve_inputs([str(tmp_path)])
    with pytest.raises(InputError, match=r"--text-col 'isi_beritaa': no table has this column"):
        plan_tables(files, ReaderOptions(text_col="isi_beritaa"))
    plan_tables(files, ReaderOptions(text_col="isi_berita"))


@pytest.mark.parametrize(
    "name, sep",
    [
        ("excel.csv", ";"),
        ("export.tsv", "\t"),
        ("pipes.csv", "|"),
        ("plain.csv", ","),
        ("tie.tsv", "\t"),
    ],
)
def test_a_csv_is_read_with_the_delimiter_its_header_uses(tmp_path, name, sep):
    # Excel writes ";" where the decimal mark is a comma (Indonesian settings); the body holds
    # commas and semicolons of its own, and a quoted column name holds the other delimiters
    body = "Harga cabai naik 12,5%; di Jakarta, Rp 80.000 per kilo."
    head = ["url", '"judul; title, | x"', "isi_berita"]
    if name == "tie.tsv":  # commas in a column name: as many commas as tabs
        head = ["url", "judul, lengkap, baru", "isi_berita"]
    rows = [["https://a.id/1", "Cabai Naik", body], ["https://a.id/2", "Beras Turun", BODY]]
    quoted = [[f'"{v}"' if sep in v or '"' in v else v for v in r] for r in rows]
    text = "\n".join(sep.join(r) for r in [head, *quoted]) + "\n"
    (tmp_path / name).write_bytes(b"\xef\xbb\xbf" + text.encode())
    recs = records(tmp_path / name)
    assert [(r.error, r.url, r.title, r.raw_text) for r in recs] == [
        (None, "https://a.id/1", None, body),
        (None, "https://a.id/2", None, BODY),
    ]


def test_the_shared_crawl_folder_is_read_whole(tmp_path):
    folder = need_shared(INDONEWS)
    files, _ = resolve_inputs([str(folder)])
    plan = plan_tables(files, ReaderOptions())
    # the list of RSS feeds (link, website) holds no article: left out, and said so
    assert [Path(k).name for k in plan.skipped] == ["link_scrapping.csv"]
    assert len(plan.files) == 7
    for f in plan.files:
        with open(f.path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
        text = "isi_berita" if "isi_berita" in rows[0] else "content"
        recs = list(read_file(f, ReaderOptions()))
        assert len(recs) == len(rows), f.path
        # every row is read through the file's own columns: the text where it has one
        assert [r.raw_text for r in recs] == [row[text] or None for row in rows], f.path
        assert [r.error is not None for r in recs] == [not row[text].strip() for row in rows]
        assert [r.title for r in recs] == [
            row.get("judul", row.get("title")) or None for row in rows
        ]
        assert all(r.url == row["url"] for r, row in zip(recs, rows, strict=True))
        date = "tanggal_publikasi" if text == "isi_berita" else "date"
        assert [r.date_raw for r in recs] == [row[date].strip() or None for row in rows]


def test_a_jsonl_line_in_a_legacy_encoding_is_decoded_not_failed(tmp_path):
    # as a .txt or .csv with the same bytes would be; the other lines stay UTF-8
    legacy = {
        "url": "https://a.id/1",
        "text": "“Harga cabai naik,” kata Sri – pedagang di Pasar Senen. " * 3,
    }
    lines = [
        json.dumps(legacy, ensure_ascii=False).encode("cp1252"),
        json.dumps({"url": "https://a.id/2", "text": BODY}, ensure_ascii=False).encode(),
    ]
    (tmp_path / "a.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    recs = records(tmp_path / "a.jsonl")
    assert [(r.error, r.raw_text, r.charset) for r in recs] == [
        (None, legacy["text"], "cp1252 (detected)"),
        (None, BODY, "utf-8"),
    ]


def test_a_legacy_jsonl_line_whose_paragraph_opens_with_a_quote_reads_as_its_file_would(tmp_path):
    # judged as written, the escape glued to the opening quote ("\\n" then byte 0x93) read
    # as a letter before a quote: the line was taken for UTF-8 with stray bytes, its quotes
    # became U+FFFD, and that broken copy was kept as the canonical one of its duplicates
    text = (
        "Polisi menahan tiga orang di Jakarta pada Senin malam.\n“Kami masih memeriksa saksi,” "
        "kata Budi. Jalan C:\\new tetap ditutup.\tSelesai."
    )
    line = json.dumps({"text": text}, ensure_ascii=False).encode("cp1252")
    (tmp_path / "a.jsonl").write_bytes(line + b"\n")
    (tmp_path / "a.txt").write_bytes(text.encode("cp1252"))
    from_json, from_file = records(tmp_path / "a.jsonl") + records(tmp_path / "a.txt")
    assert (from_json.raw_text, from_json.charset) == (text, "cp1252 (detected)")
    assert from_file.raw.decode("cp1252") == text


def test_metadata_given_as_lists_or_objects_reads_as_text(tmp_path):
    # an address given as a list came out as "['https://x.example/a', 'b']"
    row = {
        "text": BODY,
        "url": ["https://p.id/1", "https://p.id/1?amp"],
        "author": ["Rina Wulandari", {"@type": "Person", "name": "Dimas Prakoso"}],
        "title": {"@type": "Thing"},
    }
    (tmp_path / "a.jsonl").write_text(json.dumps(row) + "\n")
    (rec,) = records(tmp_path / "a.jsonl")
    assert (rec.url, rec.author, rec.title) == (
        "https://p.id/1",
        "Rina Wulandari, Dimas Prakoso",
        None,
    )


def test_a_text_field_that_lists_paragraphs_is_one_text(tmp_path):
    paragraphs = ["JAKARTA - Harga cabai naik.", "Pedagang mengeluh sepi pembeli."]
    rows = [{"text": paragraphs}, {"text": [["JAKARTA", "-"], ["Harga"]]}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    joined, tokens = records(tmp_path / "a.jsonl")
    assert (joined.error, joined.raw_text) == (None, "\n\n".join(paragraphs))
    assert tokens.error == "missing_content: field 'text' holds a list, not text"


def test_a_unix_time_in_a_date_column_is_read_as_its_utc_time(tmp_path):
    rows = [
        {"text": BODY, "date": 1750219200},  # seconds, a JSON number
        {"text": BODY, "date": "1750219200000"},  # milliseconds, as digits
        {"text": BODY, "date": "2025061804"},  # digits that are no Unix time of a news date
        {"text": BODY, "date": "18 Juni 2025 11:00"},
    ]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    rows.append({"text": BODY, "date": 10**400})  # no float holds it: kept as written
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    assert [r.date_raw for r in records(tmp_path / "a.jsonl")][4:] == [str(10**400)]
    assert [r.date_raw for r in records(tmp_path / "a.jsonl")][:4] == [
        "2025-06-18T04:00:00+00:00",
        "2025-06-18T04:00:00+00:00",
        "2025061804",
        "18 Juni 2025 11:00",
    ]


# ---- issue 20: what the table readers decoded, and a quote left open


def test_csv_and_jsonl_rows_say_how_their_file_was_decoded(tmp_path):
    from saring.process import process_record
    from tests.conftest import NO_QUALITY

    def encodings(path, **kw):
        return [
            process_record(r.as_row(), NO_QUALITY).processed.encoding for r in records(path, **kw)
        ]

    table = f'text\n"{BODY}"\n'
    plain = tmp_path / "plain.csv"
    plain.write_text(table, encoding="utf-8")
    bom = tmp_path / "bom.csv"
    bom.write_text(table, encoding="utf-8-sig")
    legacy = tmp_path / "legacy.csv"
    legacy.write_bytes(table.encode("cp1252"))
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": BODY}) + "\n" + json.dumps({"text": BODY}) + "\n")
    assert encodings(plain) == ["utf-8"]
    assert encodings(bom) == ["utf-8 (byte-order mark)"]
    assert encodings(legacy) == ["cp1252 (detected)"]
    assert encodings(feed) == ["utf-8", "utf-8"]


def _rows(n: int, quoted: bool) -> list[str]:
    body = '"Isi berita nomor {}: harga beras naik, kata pedagang."' if quoted else "Isi {}"
    return [f"site{i}.com,https://s.id/{i},Judul {i},{body.format(i)}" for i in range(1, n + 1)]


@pytest.mark.parametrize("closed_later", [False, True])
def test_a_quote_left_open_fails_its_row_and_the_rows_it_swallowed_are_read(tmp_path, closed_later):
    rows = _rows(10, quoted=closed_later)
    rows[5] = 'tempo.co,https://t.id/6,Rusak,"Kutipan yang tidak ditutup, lalu baris berikutnya'
    if closed_later:  # the quoted fields further on close the open quote
        rows[8] = 'site9.com,https://s.id/9,Judul 9,"Isi berita nomor 9,\nparagraf kedua."'
    path = tmp_path / "crawl.csv"
    path.write_text("sumber,url,judul,isi_berita\n" + "\n".join(rows) + "\n", encoding="utf-8")
    recs = records(path, ReaderOptions(text_col="isi_berita", title_col="judul"))
    assert [r.source.rsplit("#", 1)[1] for r in recs] == [f"row={i}" for i in range(1, 11)]
    bad = recs[5]
    assert bad.error.startswith("read_error: row 6 opens a quote that is never closed")
    assert [r.title for r in recs[6:]] == [f"Judul {i}" for i in range(7, 11)]
    assert all(r.error is None and "https://" not in r.raw_text for r in recs[:5] + recs[6:])
    if closed_later:
        assert recs[8].raw_text == "Isi berita nomor 9,\nparagraf kedua."


def test_a_quote_the_file_s_end_closes_in_a_two_column_csv_fails_only_its_row(tmp_path):
    # with two columns the rows it swallowed were one text with it, kept: two documents lost
    rows = [f"Judul {i},Harga naik di pasar {i} kata pedagang." for i in range(1, 5)]
    rows[1] = 'Judul 2,"Harga bawang turun sejak pekan lalu, kata petani'
    (tmp_path / "two.csv").write_text("title,text\n" + "\n".join(rows) + "\n")
    recs = records(tmp_path / "two.csv")
    assert [r.title for r in recs] == ["Judul 1", None, "Judul 3", "Judul 4"]
    assert recs[1].error.startswith("read_error: row 2 opens a quote that is never closed")
    # a quoted text with commas, closed, is one row as before
    (tmp_path / "ok.csv").write_text('title,text\nA,"Satu, dua,\ntiga, empat."\nB,Lima.\n')
    assert [r.raw_text for r in records(tmp_path / "ok.csv")] == [
        "Satu, dua,\ntiga, empat.",
        "Lima.",
    ]


def test_a_long_quoted_body_with_commas_is_one_row(tmp_path):
    # paragraphs with commas are not rows: a body must look like whole rows to be split
    body = "\n".join(f"Paragraf {i}, dengan koma, dan kata lain, seperti biasa." for i in range(8))
    path = tmp_path / "crawl.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["sumber", "url", "judul", "isi_berita"])
        w.writerow(["a.com", "https://a.id/1", "Satu", body])
        w.writerow(["b.com", "https://b.id/2", "Dua", BODY])
    recs = records(path, ReaderOptions(text_col="isi_berita"))
    assert len(recs) == 2 and recs[0].raw_text == body and recs[0].error is None


def test_a_large_file_is_read_no_further_ahead_of_the_workers_than_its_limit(tmp_path):
    """Daft drains a source task into a queue without a limit: before the reader held itself
    back, it yielded every batch of a file at once, whatever the workers had processed."""
    import asyncio

    from saring.progress import CountFile
    from saring.readers.source import InputSource, ReadAhead

    path = tmp_path / "feed.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(40):
            fh.write(json.dumps({"id": f"d{k}", "text": f"{BODY} ({k})"}) + "\n")
    files, _ = resolve_inputs([str(path)])
    counts = str(tmp_path / "progress")
    ahead = ReadAhead(batches=3, rows=4)  # the documents floor below the batches' 12
    source = InputSource(files, ReaderOptions(), batch_rows=4, counts=counts, ahead=ahead)

    async def scenario() -> tuple[int, int, int]:
        (task,) = [t async for t in source.get_tasks(None)]  # one file, one task
        it, got, pending = task.read(), [], None

        async def until_it_waits() -> int:  # the batches it yields before it waits 1 s
            nonlocal pending
            while True:
                pending = pending or asyncio.ensure_future(anext(it))
                done, _ = await asyncio.wait({pending}, timeout=1.0)  # not cancelled
                if not done or pending.exception():
                    return len(got)
                got.append(pending.result())
                pending = None

        first = await until_it_waits()
        CountFile.add(counts, "processed", 8)  # the workers finish the first two batches
        second = await until_it_waits()
        CountFile.add(counts, "processed", 40)
        await until_it_waits()
        waited = sum(sum(b.to_pydict()["t_read"]) for b in got)
        return first, second, sum(len(b) for b in got), waited

    first, second, rows, read_seconds = asyncio.run(scenario())
    assert (first, second) == (3, 5)  # three ahead, then two more once two are processed
    assert rows == 40  # and every record in the end
    assert read_seconds < 0.5  # the 2 s spent waiting are not reading time

    # with a floor of documents above the file's 40, nothing waits
    ahead = ReadAhead(batches=1, rows=100)
    source = InputSource(files, ReaderOptions(), batch_rows=4, counts=counts + "2", ahead=ahead)
    (task,) = asyncio.run(_tasks(source))
    assert sum(len(b) for b in asyncio.run(_drained(task.read(), 5.0))) == 40


async def _tasks(source) -> list:
    return [t async for t in source.get_tasks(None)]


async def _drained(it, seconds: float) -> list:
    import asyncio

    return await asyncio.wait_for(_all(it), seconds)


async def _all(it) -> list:
    return [b async for b in it]
