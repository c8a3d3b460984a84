"""Bytes to text: encodings real pages arrive in, and content that is not text at all."""

import codecs
import re

import pytest

from saring.process import process_record
from saring.readers.decode import DecodeError, decode_bytes, sniff_binary
from tests.conftest import NO_QUALITY

# A sentence with the typographic quotes and dash that Indonesian news sites use; these are the
# bytes 0x93 0x94 0x96 in Windows-1252 and invalid as UTF-8.
SENTENCE = "Menteri mengatakan “harga beras akan turun” pekan depan – kata pedagang di Cipinang."


def test_utf8():
    text, note = decode_bytes(SENTENCE.encode("utf-8"))
    assert text == SENTENCE
    assert note == "utf-8"


def test_undeclared_windows_1252_text_is_decoded_not_mangled():
    data = ("\n".join([SENTENCE] * 5)).encode("cp1252")
    text, note = decode_bytes(data)
    assert "“harga beras akan turun”" in text
    assert "(detected)" in note


def test_declared_charset_is_used_when_bytes_fit_it():
    html = b'<html><head><meta charset="windows-1252"></head><body><p>' + SENTENCE.encode("cp1252")
    text, note = decode_bytes(html, html=True)
    assert "“harga beras" in text
    assert note == "cp1252 (declared)"


def test_latin1_declaration_on_utf8_bytes_trusts_the_bytes():
    # Many pages say iso-8859-1 in a header but serve UTF-8; decoding as latin-1 makes mojibake.
    text, note = decode_bytes(SENTENCE.encode("utf-8"), declared="iso-8859-1")
    assert text == SENTENCE
    assert note.startswith("utf-8")


def test_any_legacy_declaration_on_utf8_bytes_trusts_the_bytes():
    # A fundus page of elmundo.es declares iso-8859-15 in its <meta> and is UTF-8: read as
    # declared, "más" became "mÃ¡s" on the whole page.
    body = "Nada más cruzar la meta, el mensaje supuso la primera descarga."
    html = b'<html><head><meta charset="iso-8859-15"/></head><body><p>' + body.encode("utf-8")
    text, note = decode_bytes(html, html=True)
    assert body in text
    assert note == "utf-8 (declared iso8859-15, content is utf-8)"


def test_byte_order_marks():
    for codec in ("utf-8-sig", "utf-16"):
        data = SENTENCE.encode(codec)
        if codec == "utf-8-sig":
            assert data.startswith(codecs.BOM_UTF8)
        text, note = decode_bytes(data)
        assert text.lstrip("\ufeff") == SENTENCE
        assert "byte-order mark" in note


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        (b"PK\x03\x04\x14\x00" + b"\x00" * 40, "ZIP archive"),
        (b"some text\x00\x00\x01\x02 with nul bytes", "NUL bytes"),
    ],
)
def test_binary_is_refused(data, what):
    with pytest.raises(DecodeError) as err:
        decode_bytes(data)
    assert err.value.reason.startswith("binary_content:")
    assert what in err.value.reason
    assert sniff_binary(data)


@pytest.mark.parametrize("data", [b"", b"   \n\t  \n"])
def test_empty_is_refused(data):
    with pytest.raises(DecodeError) as err:
        decode_bytes(data)
    assert err.value.reason.startswith("empty_input:")


def test_nul_characters_past_the_binary_check_are_removed_and_counted():
    page = "\n".join([SENTENCE] * 120)  # about 10 KB: the NULs come after the first 8 KB
    data = page.encode("utf-8") + b"\x00\x00Akhir\x00 berita."
    assert b"\x00" not in data[:8192]
    text, note = decode_bytes(data)
    assert "\x00" not in text and text.endswith("Akhir berita.")
    assert note == "utf-8 (3 NUL characters removed)"
    legacy = page.encode("cp1252") + b"\x00Akhir berita."
    text, note = decode_bytes(legacy)
    assert "\x00" not in text and "“harga beras akan turun”" in text
    assert note.endswith("(detected) (1 NUL character removed)")


def test_nul_characters_in_a_text_field_are_removed_and_counted():
    row = {"id": "x", "order": "0", "fmt": "text", "raw_text": SENTENCE + "\x00\x00"}
    p = process_record(row, NO_QUALITY).processed
    assert p.status == "kept" and "\x00" not in p.text
    assert p.encoding == "2 NUL characters removed"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text(codec):
    page = f"<html><body><p>{SENTENCE}</p>\n" * 20 + "</body></html>"
    data = page.encode(codec)
    assert sniff_binary(data) is None
    text, note = decode_bytes(data, html=True)
    assert text == page
    assert note == f"{codec} (detected: no byte-order mark)"


def test_nul_bytes_that_are_not_utf16_are_still_binary():
    data = bytes(range(256)) * 8  # NULs, but not in the pattern of UTF-16 text
    with pytest.raises(DecodeError, match="binary_content"):
        decode_bytes(data)


# ---- issue 20: text without a declared charset


def test_utf8_with_a_few_stray_bytes_is_utf8_with_the_bytes_replaced_and_counted():
    # one byte no UTF-8 holds in a text with typographic quotes: it was read as a legacy code
    # page (every quote garbled) instead of UTF-8 with one replacement character
    data = SENTENCE.encode("utf-8").replace(b"beras", b"be\xe9ras")
    text, note = decode_bytes(data)
    assert text == SENTENCE.replace("beras", "be\ufffdras")
    assert note == "utf-8 (1 invalid byte sequence replaced)"


@pytest.mark.parametrize("stray", [b"\xff", b"\x9d", b"\xe2\x80", b"\xc3"])
def test_ascii_text_with_a_stray_byte_is_utf8(stray):
    plain = "Harga beras di Pasar Induk Cipinang turun pekan ini, kata para pedagang beras."
    data = plain.encode("utf-8").replace(b"Induk", b"In" + stray + b"duk")
    text, note = decode_bytes(data)
    assert text == plain.replace("Induk", "In\ufffdduk")
    assert note == "utf-8 (1 invalid byte sequence replaced)"


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_undeclared_western_text_is_read_as_windows_1252(codec):
    # no-break spaces in an Indonesian report were guessed as cp775 ("\xa0" -> "ō")
    text = "Harga emas naik 1,5\xa0persen hari ini.\xa0Investor menunggu data inflasi."
    got, note = decode_bytes(text.encode(codec))
    assert got == text
    assert note == "cp1252 (detected)"
    french = "Le café de la gare a rouvert\xa0; les élèves y déjeunent à midi, dit Mme Müller."
    assert decode_bytes(french.encode(codec)) == (french, "cp1252 (detected)")


def test_ascii_with_a_name_in_windows_1252_stays_windows_1252():
    # one accented letter in a name, in a text otherwise ASCII: a letter, not a stray byte
    text = "Pembalap Marc Márquez kembali menang di Sirkuit Mugello, Italia, pada Minggu."
    got, note = decode_bytes(text.encode("cp1252"))
    assert got == text and note == "cp1252 (detected)"


@pytest.mark.parametrize(
    ("word", "stray"),
    [("Kabupaten", "Kab\xe4upaten"), ("manfaat", "ma\xa0nfaat"), ("memutuskan", "me\x96mutuskan")],
)
def test_a_byte_inside_a_known_word_is_stray(word, stray):
    # a letter or a sign inside a word that news writes without it ("Kabäupaten", "ma nfaat",
    # "me–mutuskan") is a stray byte in UTF-8, not windows-1252 text: it was read as cp1252
    plain = f"Warga {word} berkumpul di balai desa pada Selasa pagi untuk rapat tahunan."
    data = plain.encode("utf-8").replace(word.encode(), stray.encode("latin-1"))
    text, note = decode_bytes(data)
    assert note == "utf-8 (1 invalid byte sequence replaced)"
    assert "\ufffd" in text


@pytest.mark.parametrize(
    ("clean", "stray"),
    [
        ("saat mencari neutrino", "saat men\xe9cari neutrino"),  # é in a small known word
        ("Febrian katanya, pagi", "Febrian \xd6katanya, pagi"),  # a capital before a known word
        ("SCROLL TO CONTINUE", "SCROLL\xe3 TO CONTINUE"),  # a small letter after capitals
        ("(19/6/2025), harga", "(19/6/20\xc925), harga"),  # a letter between digits
        ("Sungai Subayang.", "Sungai Subayan\xe7g."),  # ç before a letter no language puts there
        ("desain rumah yang hemat", "desain rumah\x99 yang hemat"),  # ™ after a small word
        ("yang mendalam dan progresif", "yang mendalam \x94dan progresif"),  # ” opening "dan"
        ("nya. Suasana alami langsung", "nya. Suasana\x92 alami langsung"),  # ’ closing nothing
    ],
)
def test_a_sign_or_letter_out_of_its_place_is_a_stray_byte(clean, stray):
    # bench_decode.py's crawl misses (UTF-8 with one random stray byte, read as windows-1252):
    # each character stands where no English or Indonesian text holds it
    plain = f"Laporan itu menyebut {clean} pada pekan lalu, kata sumber di Jakarta."
    data = plain.encode("utf-8").replace(clean.encode(), stray.encode("latin-1"))
    text, note = decode_bytes(data)
    assert note == "utf-8 (1 invalid byte sequence replaced)"
    assert text.count("\ufffd") == 1


@pytest.mark.parametrize(
    "sign",
    [
        "polisi Irlandia (Gardaí) menangkap",
        "sudut belakang ±12°, mobil",
        "harga ¥1,358,500 atau",
        # crawl and aeb texts the stray-byte rules must keep: a minute mark, an apostrophe set
        # apart, quotes that open a line and glue to a full stop, ™ after a brand
        "gol Messi (54’) mengubah",
        "the Senate ’s plenary",
        "pada Sritex.“Tadi ada sekitar 10 orang,” kata Iwan",
        "sistem Android™ terbaru",
    ],
)
def test_a_sign_or_name_letter_where_text_holds_it_stays_windows_1252(sign):
    # found on held-out crawl articles: a currency or plus-minus sign before a number, a degree
    # sign before a comma, a name letter at a word's end that news writes without it ("garda")
    text = f"Laporan itu menyebut {sign} pada pekan lalu, kata sumber di Jakarta."
    assert decode_bytes(text.encode("cp1252")) == (text, "cp1252 (detected)")


def test_other_code_pages_are_not_taken_for_windows_1252():
    czech = (
        "Soudkyně dokončila práci na rozsudku. Hodně zdraví, řekl předseda vlády Petr Fiala. " * 3
    )
    got, note = decode_bytes(czech.encode("cp1250"))
    assert not note.startswith("cp1252")
    russian = "Правительство объявило о снижении цен на хлеб и молоко с понедельника. " * 3
    got, note = decode_bytes(russian.encode("cp1251"))
    assert got == russian and note == "cp1251 (detected)"


def test_a_guess_that_looks_garbled_is_refused_with_a_reason():
    import random

    data = bytearray(
        ("Menteri mengatakan harga beras akan turun pekan depan kata pedagang. " * 8).encode()
    )
    rng = random.Random(1)
    for _ in range(12):  # bytes of no encoding scattered through ASCII text
        p = rng.randrange(len(data))
        data[p:p] = bytes([rng.randint(0x80, 0xFF)])
    with pytest.raises(DecodeError) as err:
        decode_bytes(bytes(data))
    assert err.value.reason.startswith("unsure_encoding: no charset declared")
    p = process_record(
        {"id": "x", "order": "0", "fmt": "text", "raw": bytes(data)}, NO_QUALITY
    ).processed
    assert p.status == "failed" and p.reason.startswith("unsure_encoding")


def _crawl_articles(n: int) -> list[str]:
    import csv

    from tests.conftest import INDONEWS, need_shared

    csv.field_size_limit(1 << 30)
    path = need_shared(INDONEWS) / "scrapping_news_2025-06-18.csv"
    with open(path, encoding="utf-8", newline="") as f:
        bodies = sorted({r["isi_berita"] for r in csv.DictReader(f)})
    # bodies the crawler itself left with mojibake (C1 characters, "Ã©") are not a test
    clean = [
        t
        for t in bodies
        if not re.search("[\x80-\x9f]", t)
        and t.encode("cp1252", "ignore").decode("utf-8", "replace").replace("\ufffd", "").isascii()
    ]
    return clean[:n]


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_re_encoded_crawl_articles_decode_exactly(codec):
    # benchmarks/bench_decode.py measures all of them; this keeps a sample honest
    texts = []
    for t in _crawl_articles(2000):
        try:
            texts.append((t.encode(codec), t))
        except UnicodeEncodeError:
            continue
    texts = [(b, t) for b, t in texts if not t.isascii()][:300]
    exact = sum(1 for b, t in texts if decode_bytes(b)[0] == t)
    assert len(texts) >= 100 and exact >= 0.99 * len(texts)
