"""The values of a JSON text that is not one object a line: the items of a top-level array
(json.dump's output, a pretty-printed array), objects one after another (jq's pretty output), or
several of those in a row (a feed written to twice).

Pure parsing over the whole text with ``json.JSONDecoder.raw_decode`` (which reports lines and
columns of the whole text); reading files and making records of the values is ``formats``'s.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

_DECODER = json.JSONDecoder(strict=False)  # a raw line break inside a string is read as one
_SPACE = re.compile(r"[ \t\r\n]*")


class _Lines:
    """Line numbers of increasing positions in a text, counted once."""

    def __init__(self, text: str):
        self.text = text
        self.pos = 0
        self.line = 1

    def at(self, pos: int) -> int:
        self.line += self.text.count("\n", self.pos, pos)
        self.pos = pos
        return self.line


def json_items(text: str) -> Iterator[tuple[Any, int]]:
    """Each value of ``text`` with the line it starts on; a top-level array gives its items.

    An array the text ends inside of, or a comma before its ``]``, gives the items it holds (a
    feed whose writer was stopped loses nothing it wrote). Raises ``ValueError``
    (``json.JSONDecodeError`` with the text's own line and column) where the JSON breaks.
    """
    lines = _Lines(text)
    n = len(text)
    pos = _SPACE.match(text, 0).end()
    while pos < n:
        if text[pos] != "[":
            obj, end = _DECODER.raw_decode(text, pos)
            yield obj, lines.at(pos)
            pos = _SPACE.match(text, end).end()
            continue
        pos = _SPACE.match(text, pos + 1).end()
        while pos < n and text[pos] != "]":
            obj, end = _DECODER.raw_decode(text, pos)
            yield obj, lines.at(pos)
            pos = _SPACE.match(text, end).end()
            if pos < n and text[pos] == ",":
                pos = _SPACE.match(text, pos + 1).end()
            elif pos < n and text[pos] != "]":
                raise ValueError(f"expected ',' or ']' on line {lines.at(pos)}")
        pos = _SPACE.match(text, pos + 1).end()
