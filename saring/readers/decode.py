"""Turn the bytes of one document into text, or say clearly why that is not possible.

Order of trust: a byte-order mark, then UTF-16 without one (NUL bytes at every other place),
then a charset the page or its HTTP header declares (when the bytes really decode with it), then
UTF-8 (with a few stray bytes replaced and counted), then windows-1252 where its reading looks
like text, then charset-normalizer's detection; a guess that still looks garbled is refused
with a reason (``unsure_encoding``), never kept silently. Binary content (images,
PDFs, archives, NUL bytes in the first 8 KB that are not UTF-16) is refused, not decoded into
noise; NUL characters later in a text are removed and counted. It does not strip markup or
judge whether the text is an article.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from saring.model import BINARY_CONTENT, EMPTY_INPUT, UNSURE_ENCODING
from saring.readers.legacy import FEW_STRAY, Cp1252Reading, garbled

_MAGIC = [
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"RIFF", "RIFF media (WebP/WAV/AVI)"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"\x7fELF", "ELF executable"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
]
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{2,40})""", re.I
)
# Control characters other than tab, newline, form feed and carriage return.
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


class DecodeError(ValueError):
    """The bytes are not a text document. ``reason`` is the full reason string for the row."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def sniff_binary(data: bytes) -> str | None:
    """A short description if ``data`` looks like a binary file, else ``None``."""
    head = data[:16]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if any(data.startswith(bom) for bom, _ in _BOMS) or utf16_codec(data):
        return None  # UTF-16/32 text has NUL bytes by design
    sample = data[:8192]
    if b"\x00" in sample:
        return "contains NUL bytes"
    if len(_CONTROL.findall(sample)) > max(8, len(sample) // 50):
        return "too many control characters for text"
    return None


def utf16_codec(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` for UTF-16 text without a byte-order mark, else
    ``None``. Text in Latin script has a NUL byte in most characters, at odd places (LE) or even
    ones (BE) and almost never at the others; the whole must also decode cleanly, to text with
    few control characters."""
    sample = data[:8192]
    if len(data) % 2 or len(sample) < 8 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2].count(0) / (len(sample) / 2), sample[1::2].count(0) / (len(sample) / 2)
    codec = "utf-16-le" if odd >= 0.3 and even <= 0.02 else None
    codec = "utf-16-be" if even >= 0.3 and odd <= 0.02 else codec
    if codec is None:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    head = text[:4096]
    controls = sum(1 for c in head if ord(c) < 32 and c not in "\t\n\r\f")
    return codec if controls <= max(2, len(head) // 100) else None


def without_nul(text: str) -> tuple[str, int]:
    """``text`` with its NUL characters removed, and how many there were."""
    n = text.count("\x00")
    return (text.replace("\x00", ""), n) if n else (text, 0)


def nul_note(n: int) -> str:
    return f"{n} NUL character{'s' * (n != 1)} removed"


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag within its first 4 KB."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def decode_bytes(
    data: bytes, *, declared: str | None = None, html: bool = False
) -> tuple[str, str]:
    """Decode ``data`` to text. Returns ``(text, encoding_note)``.

    ``encoding_note`` names the codec and how it was chosen: ``"utf-8"``, ``"cp1252 (declared)"``,
    ``"cp1252 (detected)"``, and says how many NUL characters were removed (``"utf-8 (2 NUL
    characters removed)"``). Raises :class:`DecodeError` for empty or binary input.
    """
    text, note = _decode(data, declared, html)
    text, nul = without_nul(text)
    return text, (f"{note} ({nul_note(nul)})" if nul else note)


def _decode(data: bytes, declared: str | None, html: bool) -> tuple[str, str]:
    if not data.strip():
        raise DecodeError(
            f"{EMPTY_INPUT}: no content" if not data else f"{EMPTY_INPUT}: only whitespace"
        )
    what = sniff_binary(data)
    if what:
        raise DecodeError(f"{BINARY_CONTENT}: {what}")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), f"{codec.replace('-sig', '')} (byte-order mark)"
            except UnicodeDecodeError:
                break
    utf16 = utf16_codec(data)
    if utf16:
        return data.decode(utf16), f"{utf16} (detected: no byte-order mark)"
    candidates = [_codec(declared)]
    if html:
        candidates.append(_codec(declared_charset(data)))
    for codec in candidates:
        # A declared charset is trusted only if the bytes really decode with it: pages that say
        # iso-8859-1 or iso-8859-15 but are UTF-8 are common (a fundus page of elmundo.es), and
        # UTF-8 that decodes as a legacy code page is mojibake. Bytes outside ASCII that are
        # valid UTF-8 are almost never legacy text, so they win over any declaration.
        if codec and codec not in ("utf-8", "ascii"):
            if not data.isascii() and _is_utf8(data):
                return data.decode("utf-8"), "utf-8 (declared " + codec + ", content is utf-8)"
            try:
                return data.decode(codec), f"{codec} (declared)"
            except (UnicodeDecodeError, LookupError):
                continue
    if _is_utf8(data):
        return data.decode("utf-8"), "utf-8"
    return undeclared(data)


def undeclared(data: bytes) -> tuple[str, str]:
    """Bytes that are not all valid UTF-8 and declare no charset that fits: UTF-8 with a few
    stray bytes, windows-1252 where its reading looks like text (``saring.readers.legacy``),
    else charset-normalizer's guess. A guess that still looks garbled raises
    :class:`DecodeError` (``unsure_encoding``)."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    wide = len(text) - len(text.encode("ascii", "ignore")) - bad  # valid multi-byte characters
    if wide and bad <= max(FEW_STRAY, wide):
        # legacy text almost never holds a valid multi-byte UTF-8 character: these are UTF-8
        return text, f"utf-8 ({_replaced(bad)})"
    legacy = data.decode("cp1252", "replace")
    reading = Cp1252Reading(legacy)
    if wide == 0 and bad <= FEW_STRAY and (reading.odd or reading.unplain()):
        # ASCII with a few bytes that text would not hold there: stray bytes in UTF-8
        return text, f"utf-8 ({_replaced(bad)})"
    if reading.looks_right():
        undefined = legacy.count("\ufffd")
        return legacy, f"cp1252 (detected{', ' + _replaced(undefined) if undefined else ''})"
    best = from_bytes(data[:200_000]).best()
    codec = (_codec(best.encoding) or best.encoding) if best is not None else None
    if codec:
        try:
            guess = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            guess = None
        if guess is not None:
            _refuse_garbled(guess, codec)
            return guess, f"{codec} (detected)"
    _refuse_garbled(legacy, "cp1252", reading)
    return legacy, "cp1252 (fallback, undecodable bytes replaced)"


def stream_codec(head: bytes) -> tuple[str, str, str | None]:
    """How to read a whole file whose first bytes are ``head`` (a CSV): (Python codec, the
    encoding note its rows get, the reason every row fails when the guess looks garbled).
    The same order of trust as :func:`decode_bytes`, without a declaration."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", "utf-8 (byte-order mark)", None
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec, f"{codec} (byte-order mark)", None
    utf16 = utf16_codec(head[: len(head) - len(head) % 2])
    if utf16:
        return utf16, f"{utf16} (detected: no byte-order mark)", None
    try:
        head.decode("utf-8")
        return "utf-8", "utf-8", None
    except UnicodeDecodeError as e:
        if e.start >= len(head) - 4:  # a character cut where the head was cut
            return "utf-8", "utf-8", None
    try:
        _text, note = undeclared(head)
    except DecodeError as e:
        return "cp1252", "cp1252 (fallback, undecodable bytes replaced)", e.reason
    codec = note.split(" ", 1)[0]
    if codec == "utf-8":
        return codec, "utf-8 (invalid byte sequences replaced)", None
    return codec, note, None


def _refuse_garbled(text: str, codec: str, reading: Cp1252Reading | None = None) -> None:
    """Raise :class:`DecodeError` when ``text`` (a guess at a legacy encoding) looks wrong."""
    why = garbled(text, codec, reading)
    if why:
        raise DecodeError(
            f"{UNSURE_ENCODING}: no charset declared, and read as {codec} the text looks "
            f"garbled ({why}); declare its charset"
        )


def _replaced(n: int) -> str:
    return f"{n} invalid byte sequence{'s' * (n != 1)} replaced"


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
