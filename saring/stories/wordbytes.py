"""The words of many texts at once, found as UTF-8 bytes in NumPy and held in Arrow arrays.

Story grouping reads some 18 million words for 100,000 articles (the names in the leads, the
content words of titles and leads); one Python object per word was most of its time. Here a
batch of texts is one byte string: each byte gets the class of its character (a table for
ASCII, the expressions themselves for each distinct other character), words are the runs of
word bytes, and each word is a slice of one Arrow binary array, to be counted or numbered by
Arrow's hashing. Only each distinct spelling is read in Python. Used by
``saring.stories.events`` (names) and ``saring.stories.group`` (content words).
"""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa

ENDS = '.!?:"“”'  # a capital after one of these, and up to two spaces, starts a sentence
_WORD = re.compile(r"\w")
_SPACE_CHAR = re.compile(r"\s")
# the classes of characters: a word's (``\w``), a space (``\s``; a wide one is not ASCII,
# so more than one byte), a sentence's end (``ENDS``), other; HIGH: a byte of a character
# that is not ASCII, its class still to find
OTHER, LETTER, SPACE, WIDE, END, HIGH = range(6)


def char_class(c: str) -> int:
    """The class of the character ``c``, by the expressions the word finding stands for."""
    if c in ENDS:
        return END
    if _WORD.fullmatch(c):
        return LETTER
    if _SPACE_CHAR.fullmatch(c):
        return SPACE if c.isascii() else WIDE
    return OTHER


_BYTE_CLASS = bytes(char_class(chr(c)) if c < 128 else HIGH for c in range(256))


def classes(raw: bytes) -> np.ndarray:
    """The class (``char_class``) of the character each byte of UTF-8 ``raw`` belongs to."""
    cls = np.frombuffer(raw.translate(_BYTE_CLASS), np.uint8).copy()
    high = np.flatnonzero(cls == HIGH)
    if len(high):
        b = np.frombuffer(raw, np.uint8)
        leading = b[high] >= 0xC0  # a character's first byte, the others 0x80 to 0xBF
        chars, which = np.unique(_code_points(b, high[leading]), return_inverse=True)
        kinds = np.array([char_class(chr(c)) for c in chars.tolist()], np.uint8)
        cls[high] = kinds[which][np.cumsum(leading) - 1]
    return cls


def _code_points(b: np.ndarray, at: np.ndarray) -> np.ndarray:
    """The code points of the UTF-8 characters of two to four bytes that begin at ``at``."""
    lead = b[at].astype(np.int64)
    size = 2 + (lead >= 0xE0) + (lead >= 0xF0)
    cp = lead & (0x7F >> size)
    for k in (1, 2, 3):
        more = b[np.minimum(at + k, len(b) - 1)].astype(np.int64) & 0x3F
        cp = np.where(size > k, (cp << 6) | more, cp)
    return cp


def runs(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each run of True in ``mask`` starts, and where it ends (one past its last)."""
    edge = np.diff(mask.view(np.int8), prepend=np.int8(0), append=np.int8(0))
    return np.flatnonzero(edge == 1), np.flatnonzero(edge == -1)


def spellings(raw: bytes, mask: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> pa.Array:
    """The runs (``runs(mask)``) of ``raw`` as one Arrow binary array."""
    offsets = np.zeros(len(starts) + 1, np.int64)
    np.cumsum(ends - starts, out=offsets[1:])
    data = np.frombuffer(raw, np.uint8)[mask]
    buffers = [None, pa.py_buffer(offsets), pa.py_buffer(data)]
    return pa.Array.from_buffers(pa.large_binary(), len(starts), buffers)


class Numbering:
    """The distinct spellings of arrays of words (``spellings``), each numbered in order of
    first use over all the arrays added, one array at a time: a caller lets each array go once
    it is numbered instead of holding every word of a batch at once (1,000,000 leads are some
    200 million words)."""

    def __init__(self) -> None:
        self._index: dict[bytes, int] = {}

    def __len__(self) -> int:
        return len(self._index)

    def add(self, words: pa.Array) -> np.ndarray:
        """The place of each word of ``words`` among the spellings seen so far (int64)."""
        coded = words.dictionary_encode()
        index = self._index
        places = np.fromiter(
            (index.setdefault(w, len(index)) for w in coded.dictionary.to_pylist()),
            np.int64,
            len(coded.dictionary),
        )
        return places[coded.indices.to_numpy(zero_copy_only=False)]

    def forms(self) -> list[bytes]:
        """The spellings, each once, in order of first use."""
        return list(self._index)
