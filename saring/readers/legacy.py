"""Whether bytes read as a legacy code page look like text, and which reading looks garbled.

``Cp1252Reading`` judges text read as windows-1252 character by character in its context, as
browsers prefer that code page for Western pages without a charset: stray bytes in UTF-8 and
the other code pages (Czech, Turkish, Cyrillic read as it) look wrong there. ``garbled`` says
why a guessed decoding looks wrong. Nothing here decodes or picks the order of trust
(``saring.readers.decode`` does); benchmarks/bench_decode.py measures the rules.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from functools import cache

# at most this many bytes that are not UTF-8, in text otherwise ASCII, may be stray bytes
FEW_STRAY = 3
# a windows-1252 reading may hold this share of odd characters (real text has a few: a quote
# glued between two words)
_ODD_SHARE = 0.05
_HIGH = re.compile(r"[^\x00-\x7f]")
_WORD = re.compile(r"[^\W\d_]+")
# the characters of bytes 0x80-0xBF in windows-1252: UTF-8's continuation bytes
_CONTINUATION = frozenset(bytes(range(0x80, 0xC0)).decode("cp1252", "ignore"))
# signs no text holds (spacing accents, an undefined byte): a stray byte
_NEVER = "ˆ˜¨¯´¸¤¦¬¶\ufffd"
# between two letters real text holds these signs: an apostrophe, dashes, a no-break space, a
# soft hyphen (an Icelandic paper's words are full of them)
_INSIDE = "’\xa0\xad–—·"
# The letters outside ASCII of languages written in windows-1252 (lower case). 85% of a text's
# such letters (from 10 on) belong to one of them (the fundus texts: 88% at least); Czech, Turkish,
# Lithuanian or Polish read as windows-1252 mix letters of several (at most 79%).
_ALPHABETS = [
    "àâæçéèêëîïôœùûüÿ",  # French
    "äöüßé",  # German
    "áéíóúñü",  # Spanish, Galician, Basque, Irish
    "áâãàçéêíóôõú",  # Portuguese
    "àèéìíîòóù",  # Italian
    "àçèéíïòóú",  # Catalan
    "áéëïóöüèê",  # Dutch, Afrikaans
    "æøåéäö",  # Danish, Norwegian, Swedish, Finnish
    "áðéíóúýþæö",  # Icelandic, Faroese
    "äõöüšž",  # Estonian
    "çë",  # Albanian
]
_ONE_ALPHABET = 0.85
# the letters outside ASCII names in English or Indonesian text carry most
_NAME_LETTERS = "áíóúñüöäçãøÁÓÖÜØ"
# Where a text that is otherwise ASCII (English, Indonesian) holds a sign outside ASCII:
# (sign, what may stand before it, what may follow it); "a": a letter or digit, "0": a digit,
# " ": white space or the text's end, "*": anything, other characters themselves. Any other
# character there is more likely a stray byte. Quotes are judged in their line too.
_PLAIN = {
    **dict.fromkeys("“‘”’", ("*", "*")),  # judged by _quote_plain
    **dict.fromkeys("–—", ("*", "*")),
    "\xa0": ("*", " a!?()[]/'\"“”‘’—–-\xa0"),  # not before a comma or a full stop
    "…": ("a. ", " "),
    "•": (" ", " "),
    **dict.fromkeys("½¼¾", ("0 ", " .,;:)-")),
    "°": ("0 ", "0 CF.,;:)"),
    "×": ("0 ", "0 "),
    "²": ("a", " .,;:)"),  # also Indonesian's sign of a doubled word: "teman²"
    "³": ("m", " .,;:)"),
    **dict.fromkeys("€£¥", ("0 (", "0 .,;:)")),
    "¢": ("0", " .,;:)"),
    "±": (" (", "0 "),
    "©": (" (", "0 "),
    **dict.fromkeys("®™", ("a", " .,;:)")),
}


@cache
def vocabulary() -> frozenset[str]:
    """Words of Indonesian and English news, lower case: the content words of the stories'
    background (IndoSum's 3,463 articles, ``saring.stories.background``) and the function-word
    lists of the cleaning step. A byte inside a word that is a known word without it
    ("Kñebetulan", "ma\xa0nfaat") is a stray byte, not a letter of a name."""
    from saring.clean.rules import function_words
    from saring.stories.background import background

    return frozenset(background()[1]) | function_words("id") | function_words("en")


class Cp1252Reading:
    """What a text read as windows-1252 holds outside ASCII: ``high`` such characters, ``odd``
    where no text would hold them (a sign of ``_NEVER``, a sign between two letters, a capital
    after a small letter, UTF-8's bytes: "â€", "Ã©"), ``unplain`` where an otherwise ASCII
    text would not (``_PLAIN``), and its letters outside ASCII (``found``)."""

    def __init__(self, text: str):
        self.high = self.odd = 0
        self.found: Counter[str] = Counter()
        for m in _HIGH.finditer(text):
            i = m.start()
            c = m.group()
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < len(text) else " "
            self.high += 1
            if c in _NEVER:
                odd = True
            elif c.isalpha():
                self.found[c.lower()] += 1
                utf8_lead = "\xc2" <= c <= "\xf4" and nxt in _CONTINUATION
                odd = (c.isupper() and prev.islower()) or utf8_lead
            else:
                odd = prev.isalpha() and nxt.isalpha() and c not in _INSIDE
            self.odd += odd
        self.letters = sum(self.found.values())
        self.text = text

    def unplain(self) -> int:
        """How many characters outside ASCII stand where an otherwise ASCII text would not
        hold them (``_plain``)."""
        words = set(_WORD.findall(self.text.lower()))
        return sum(1 for m in _HIGH.finditer(self.text) if not _plain(self.text, m.start(), words))

    def looks_right(self) -> bool:
        """Whether the reading looks like text: few odd characters, letters of one alphabet."""
        return self.odd <= self.high * _ODD_SHARE and self.one_alphabet()

    def one_alphabet(self) -> bool:
        """Whether most of its letters outside ASCII belong to one language's alphabet."""
        if self.letters < 10:  # a few letters of names: too few to tell
            return True
        best = max(sum(n for c, n in self.found.items() if c in a) for a in _ALPHABETS)
        return best >= _ONE_ALPHABET * self.letters


def _plain(text: str, i: int, words: set[str]) -> bool:
    """Whether ``text[i]`` stands where an otherwise ASCII text holds it: a sign of ``_PLAIN``
    in its place, é, or a letter of a name (a word that begins with a capital); never in a word
    that the text (lower-cased ``words``) or news (``vocabulary``) writes without it, as a
    stray byte in a word would be (``_known_without``)."""
    start, end = i, i + 1
    while start and text[start - 1].isalpha():
        start -= 1
    while end < len(text) and text[end].isalpha():
        end += 1
    if _known_without(text[start:end], i - start, words):
        return False
    if text[i].isalpha():
        return _letter_plain(text, i, start, end)
    return _sign_plain(text, i)


# what may follow these letters inside a word in the languages that write them: "João",
# "mães", "Camões", "Barça", "Françoise"
_FOLLOWED_BY = {"ã": "oes", "õ": "es", "ç": "aou"}


def _around(text: str, i: int) -> tuple[str, str]:
    return text[i - 1] if i else " ", text[i + 1] if i + 1 < len(text) else " "


def _letter_plain(text: str, i: int, start: int, end: int) -> bool:
    """A letter outside ASCII in an otherwise ASCII text: é, or a letter of a name where such a
    letter goes: not between digits ("20É25"), not a small one glued to a capital after it
    ("JakartaáJadwal") or after capitals ("SCROLLã"), not a capital between a capital and a
    small letter ("TÉujuannya"), ã õ ç only before the letters their languages put there."""
    c = text[i]
    prev, nxt = _around(text, i)
    if prev.isdigit() and nxt.isdigit():
        return False
    if c.islower() and (nxt.isupper() or (i - start >= 2 and text[i - 2 : i].isupper())):
        return False
    if c.isupper() and prev.isupper() and nxt.islower():
        return False
    follow = _FOLLOWED_BY.get(c.lower())
    if follow and nxt.isalpha() and nxt.lower() not in follow:
        return False
    if c in "éÉ":
        return True
    return c in _NAME_LETTERS and text[start].isupper() and end - start >= 2


def _sign_plain(text: str, i: int) -> bool:
    """A sign outside ASCII where ``_PLAIN`` puts it; a quote also where its line says it
    belongs (``_quote_plain``); ™ and ® not after a small word of the language ("rumah™").
    Dashes are not judged by their spacing: Indonesian news opens asides with " –julukan" and
    ends datelines with "JAKARTA– " (tried on bench_decode.py: it cost more real texts than it
    caught stray bytes)."""
    c = text[i]
    prev, nxt = _around(text, i)
    if c not in _PLAIN:
        return False
    before, after = _PLAIN[c]
    if not (_fits(prev, before) and _fits(nxt, after)):
        return False
    if c in "“‘”’":
        return _quote_plain(text, i)
    if c in "™®":
        word = _WORD_BEFORE.search(text, 0, i)
        return not (word and word.group()[0].islower() and word.group() in vocabulary())
    return True


_WORD_BEFORE = re.compile(r"[^\W\d_]+$")


def _line(text: str, i: int) -> tuple[str, str]:
    """The line around ``text[i]``: what stands before it and after it."""
    start = text.rfind("\n", 0, i) + 1
    end = text.find("\n", i)
    return text[start:i], text[i + 1 : end if end >= 0 else len(text)]


def _quote_plain(text: str, i: int) -> bool:
    """Indonesian news opens quotes with ” as often as with “ and glues them to a full stop
    ("Jakarta.“Ya"). A quote that opens is not glued to a word before it; before a small
    letter mid-line it is “ or ‘ with a closing quote later in its line ("secara “efisien" and
    "mendalam ”dan" are stray bytes). One that closes follows an opening one earlier in its
    line ("Suasana’ alami" does not), an English plural ("players’") or a number ("(54’)")."""
    c = text[i]
    prev, nxt = _around(text, i)
    before, after = _line(text, i)
    if c == "’" and prev.isalpha() and nxt.isalpha():
        return True  # an apostrophe
    opens = c in "“‘" or (not prev.isalnum() and prev not in ".,!?;:)" and nxt.isalnum())
    if opens:
        if prev.isalnum() or prev == "-" or not (nxt.isalnum() or nxt in "'\"(“‘"):
            return False
        if c == "”" and nxt.islower() and prev in " \t":
            return False  # "mendalam ”dan"
        if c in "’‘" and nxt.islower() and prev.isspace():
            following = _WORD.match(text, i + 1)
            if c == "’" and following and following.group() in _CONTRACTIONS:
                return True  # a misplaced apostrophe: "the Senate ’s"
            return "’" in after or "'" in after
        return not nxt.islower() or not before.strip() or any(q in after for q in "”’\"'")
    if c == "’" and (prev in "sS" or prev.isdigit()):
        return True  # "the players’ union"
    return any(q in before for q in "“‘”\"'")


# what follows an apostrophe in English: "don’t", "it’s", "we’re", "I’m", "we’ll", "I’ve", "I’d"
_CONTRACTIONS = frozenset(("t", "s", "re", "m", "ll", "ve", "d"))


def _known_without(word: str, k: int, words: set[str]) -> bool:
    """Whether ``word`` without its character ``k`` is a word the text (``words``) or news
    writes: then that character is a stray byte ("Kñebetulan", "menécari", "ma\xa0nfaat").
    A sign between two words that are words themselves ("di\xa0bidang") is a real one. A letter
    at a word's end is a name's ("Gardaí", not "garda"), so is é inside a capitalised word
    (news writes "Estee Lauder" too); a crawl glues words where a link was ("memintaPrabowo")
    and prints a no-break space there elsewhere, so the text's words do not judge that space.
    An apostrophe before an English contraction's end is the word's own ("don’t"); one inside
    a word news writes without it is taken for a stray byte ("ak’an"), which also takes an
    Arabic loan's ("Al-Qur’an", "quran"): measured in bench_decode.py."""
    c = word[k]
    left, right = word[:k].lower(), word[k + 1 :].lower()
    joined = left + right
    if c.isalpha():
        if joined in words:
            return True
        name_e = c in "éÉ" and k and word[0].isupper() and not word.isupper()
        return bool(right) and len(joined) >= 3 and not name_e and joined in vocabulary()
    if not (left and right) or (c in "’‘" and right in _CONTRACTIONS):
        return False
    vocab = vocabulary()
    if left in vocab and right in vocab:
        return False
    return joined in vocab or (c != "\xa0" and joined in words)


def _fits(ch: str, allowed: str) -> bool:
    return (
        "*" in allowed
        or ch in allowed
        or ("a" in allowed and ch.isalnum())
        or ("0" in allowed and ch.isdigit())
        or (" " in allowed and ch.isspace())
    )


# The encodings browsers read web pages in (the WHATWG Encoding Standard), as Python names them:
# a detector's guess outside them (hp-roman8, cp775, mac-iceland...) is not a web page's.
_WEB = {
    codecs.lookup(name).name
    for name in [
        *("utf-8", "utf-16-le", "utf-16-be", "cp866", "koi8-r", "koi8-u", "latin-1"),
        *(f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)),
        *(f"cp{n}" for n in (874, 932, 949, 1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258)),
        *("mac-roman", "mac-cyrillic", "gbk", "gb18030", "big5", "big5hkscs"),
        *("euc-jp", "iso2022-jp", "shift-jis", "euc-kr"),
    ]
}
_C1 = re.compile("[\x80-\x9f]")


def garbled(text: str, codec: str, reading: Cp1252Reading | None = None) -> str | None:
    """Why ``text``, bytes guessed to be ``codec``, looks wrong; ``None`` when it does not: a
    code page no web page is written in, C1 control characters, or (``reading``: the
    windows-1252 reading) more odd characters than text holds."""
    if codecs.lookup(codec).name not in _WEB:
        return f"{codec} is not an encoding of web pages"
    c1 = len(_C1.findall(text))
    if c1 >= 3:
        return f"{c1} C1 control characters"
    if reading is not None and not reading.looks_right():
        return f"{reading.odd} of {reading.high} characters outside ASCII are out of place"
    return None
