"""Bytes to text: encodings real pages arrive in, and content that is not text at all."""

import codecs

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
