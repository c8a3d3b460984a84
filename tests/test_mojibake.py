"""Mojibake already in the input (UTF-8 read as Latin-1 or Windows-1252 before saring got it) is
repaired and the row says so; text that is not broken is left as it is, character for character."""

from __future__ import annotations

from saring.process import process_record
from tests.conftest import NO_QUALITY

# as the shared crawl holds them: UTF-8 bytes that a scraper read as Latin-1
BROKEN = (
    "MADRID – Pelatih AtlÃ©tico Madrid, Diego Simeone, memuji Kylian MbappÃ© dan Thomas "
    "MÃ¼ller usai laga di Stadion Metropolitano. \u00e2\u0080\u009cKami siap menghadapi "
    "pertandingan berikutnya,\u00e2\u0080\u009d katanya. Luas stadion Â±5,2 hektare."
)
FIXED = (
    "MADRID – Pelatih Atlético Madrid, Diego Simeone, memuji Kylian Mbappé dan Thomas "
    "Müller usai laga di Stadion Metropolitano. “Kami siap menghadapi "
    "pertandingan berikutnya,” katanya. Luas stadion ±5,2 hektare."
)


def run(row: dict):
    return process_record({"id": "x", "order": "0", **row}, NO_QUALITY).processed


def test_mojibake_in_a_text_field_and_its_title_is_repaired_and_noted():
    p = run({"fmt": "text", "raw_text": BROKEN, "title": "AtlÃ©tico menang", "author": "RenÃ©"})
    assert p.text == FIXED
    assert (p.title, p.author) == ("Atlético menang", "René")
    assert p.encoding == "mojibake repaired"
    # NUL characters removed and mojibake repaired: both said
    p = run({"fmt": "text", "raw_text": BROKEN + "\x00"})
    assert p.encoding == "1 NUL character removed (mojibake repaired)"


def test_mojibake_in_an_html_page_is_repaired_after_decoding():
    page = (
        f"<html><head><title>AtlÃ©tico menang</title></head><body><article><p>{BROKEN}</p>"
        f"<p>{BROKEN.replace('MADRID – ', '')}</p></article></body></html>"
    )
    p = run({"fmt": "html", "raw": page.encode("utf-8")})
    assert p.status == "kept"
    assert "Atlético Madrid" in p.text and "Ã" not in p.text and "Â" not in p.text
    assert p.title == "Atlético menang"
    assert p.encoding == "utf-8 (mojibake repaired)"


def test_text_that_is_not_broken_is_left_alone():
    # curly quotes, dashes, a ligature, full-width letters, an entity, accents, other scripts:
    # all as the source wrote them (ftfy's normalising fixes stay off)
    sound = (
        "JAKARTA — “Harga naik,” kata pedagang di Café Batavia. Efisiensi ﬁskal ＡＢＣ &amp; "
        "naïve São Paulo 東京 Ångström, suhu 30 °C, luas ±5 km²."
    )
    p = run({"fmt": "text", "raw_text": sound, "title": "Café — “harga”"})
    assert p.text == sound and p.title == "Café — “harga”"
    assert p.encoding is None
