"""The normal form two texts are compared in, for exact and near duplicate detection.

Unicode NFKC, case folded, punctuation and symbols dropped, white space collapsed to single
spaces: "Rusia  Tutup—Pintu!" and "rusia tutup pintu" compare equal. Does no stemming and no
stopword removal, which would merge texts that really differ.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Runs of letters and digits; everything else (punctuation, symbols, "_", space) separates words.
_WORD = re.compile(r"[^\W_]+")


def normalize(text: str) -> str:
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def text_hash(norm: str) -> str:
    """128-bit BLAKE2b of the normalised text, as hex: the exact-duplicate key."""
    return hashlib.blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
