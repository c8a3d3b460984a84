"""JSON files that are not one object a line: a top-level array (Scrapy's ``.json`` feed) or
objects one after another over several lines (jq's pretty output, one pretty-printed object).

Read a chunk at a time with ``json.JSONDecoder.raw_decode``, so a large array is never held
whole. It only finds the values; making records of them is ``formats.read_jsonl``'s.
"""

from __future__ import annotations

import codecs
import json
from typing import IO, Any

_DECODER = json.JSONDecoder()
_SPACE = " \t\r\n"
CHUNK = 1 << 20


class JsonValues:
    """The JSON values of a binary stream (UTF-8, a byte-order mark allowed). ``index``: values
    read so far; ``line``: the line the next value starts on."""

    def __init__(self, fh: IO[bytes], limit: int, chunk: int = CHUNK):
        self.fh = fh
        self.limit = limit  # characters one value may span
        self.chunk = chunk
        self.text = codecs.getincrementaldecoder("utf-8-sig")()  # strict: raises on bad bytes
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.line = 1

    def _more(self) -> bool:
        """Read the next chunk onto the buffer; ``False`` at the end of the stream."""
        if self.eof:
            return False
        data = self.fh.read(self.chunk)
        self.eof = not data
        self.buf = self.buf[self.pos :] + self.text.decode(data, final=self.eof)
        self.pos = 0
        return not self.eof

    def peek(self) -> str | None:
        """The next character that is not white space (``None`` at the end), not consumed."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in _SPACE:
                self.line += self.buf[self.pos] == "\n"
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._more():
                return None

    def take(self, char: str) -> bool:
        """Consume ``char`` when it is the next character that is not white space."""
        if self.peek() != char:
            return False
        self.pos += 1
        return True

    def value(self) -> tuple[Any, int, int]:
        """The next value, its length in characters and its first line. Raises ``ValueError``
        when it is not valid JSON (or runs past ``limit`` without ending)."""
        self.peek()
        start_line = self.line
        while True:
            try:
                obj, end = _DECODER.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError:
                if len(self.buf) - self.pos > self.limit or not self._more():
                    raise
                continue
            if end == len(self.buf) and self._more():  # a number may go on in the next chunk
                continue
            size = end - self.pos
            self.line += self.buf.count("\n", self.pos, end)
            self.pos = end
            return obj, size, start_line
