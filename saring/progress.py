"""saring's own progress, in the user's words: the phase, documents done out of the total when
it is known, the rate and the time left. ``Progress`` sends a line per phase to a callable;
``LiveProgress`` keeps one line up to date on a terminal, or writes one every few seconds.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from saring.counts import counted

# a phase's count: (documents done, the total or None while unknown)
Counter = Callable[[], tuple[int, int | None]]


class Progress:
    """Phases and notes as lines given to ``log`` (as ``pipeline.run``'s ``log`` always had);
    counts are not asked for."""

    def __init__(self, log: Callable[[str], None] | None = None):
        self.log = log if log is not None else (lambda msg: print(msg, file=sys.stderr))
        self.name = ""
        self.started = time.monotonic()
        self.counter: Counter | None = None

    def phase(self, name: str, start: str | None = None, counter: Counter | None = None) -> None:
        """A new phase begins: ``name`` in the user's words; ``start`` the line that says so
        (default ``saring: NAME ...``; "": none); ``counter`` its count, where there is one."""
        self.name, self.started, self.counter = name, time.monotonic(), counter
        line = f"saring: {name} ..." if start is None else start
        if line:
            self.log(line)

    def note(self, text: str) -> None:
        self.log(f"saring: {text}")

    def close(self) -> None:
        pass


def _duration(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


def status_line(name: str, elapsed: float, done: int | None, total: int | None) -> str:
    """The phase, its count out of the total when known, the rate and the time left."""
    if done is None:
        return f"saring: {name} ({_duration(elapsed)})"
    count = f"{done:,} of {counted(total, 'document')}" if total is not None else None
    rate = done / elapsed if elapsed > 0 else 0.0
    parts = [f"{rate:,.0f}/s" if rate >= 10 else f"{rate:.1f}/s"] if done else []
    if total is not None and done and total > done:
        parts.append(f"about {_duration((total - done) / rate)} left")
    parts.append(_duration(elapsed))
    return f"saring: {name}: {count or counted(done, 'document')} ({', '.join(parts)})"


class LiveProgress(Progress):
    """Progress on ``stream``: on a terminal one line rewritten twice a second, elsewhere a line
    at each phase and then one every ``every`` seconds (checked four times a second), so that a
    log never falls silent for 5 s, even on a loaded machine."""

    def __init__(self, stream: TextIO = sys.stderr, tty: bool | None = None, every: float = 4.0):
        super().__init__(self._print)
        self.stream = stream
        self.tty = stream.isatty() if tty is None else tty
        self.every = 0.5 if self.tty else every
        self.ended = ""  # the last status line printed (a phase's end is not printed twice)
        self.lock = threading.Lock()
        self.last = time.monotonic()
        self.shown = ""  # the line on the terminal now
        self.stop = threading.Event()
        self.ticker = threading.Thread(target=self._tick, name="saring-progress", daemon=True)
        self.ticker.start()

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            self.stop.set()  # standard error is gone: progress ends quietly

    def _print(self, line: str) -> None:
        """A line that stays: on a terminal above the status line."""
        with self.lock:
            self._write(("\r\x1b[K" if self.shown else "") + line + "\n")
            self.shown, self.last = "", time.monotonic()

    def _width(self) -> int:
        try:
            return os.get_terminal_size(self.stream.fileno()).columns or 80
        except (OSError, ValueError, AttributeError):
            return 80

    def status(self) -> str:
        done, total = self.counter() if self.counter is not None else (None, None)
        return status_line(self.name, time.monotonic() - self.started, done, total)

    def _tick(self) -> None:
        while not self.stop.wait(min(0.25, self.every)):
            if not self.name or time.monotonic() - self.last < self.every:
                continue
            try:
                line = self.status()
            except Exception:  # a count that cannot be had now: the next tick tries again
                continue
            if self.tty:
                width = self._width() - 1  # a line that wraps could not be rewritten
                with self.lock:
                    self._write("\r\x1b[K" + line[:width])
                    self.shown = line
            else:
                self._print(line)
                self.ended = line

    def _end_phase(self) -> None:
        """Print the count the phase ended with, unless the last line said it already."""
        if self.name and self.counter is not None and not self.stop.is_set():
            try:
                line = self.status()
            except Exception:  # progress never stops the run
                return
            if line.split(" (")[0] != self.ended.split(" (")[0]:
                self._print(line)

    def phase(self, name: str, start: str | None = None, counter: Counter | None = None) -> None:
        self._end_phase()
        self.ended = ""
        super().phase(name, start, counter)

    def close(self) -> None:
        self._end_phase()
        self.stop.set()
        with self.lock:
            if self.shown:
                self._write("\r\x1b[K")
                self.shown = ""


class CountFile:
    """Counts added from any process of this machine (the engine's workers): each adds a line
    ``KEY N`` to a file opened for appending, which the reader sums as it grows."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.offset = 0
        self.counts: dict[str, int] = {}
        self.lock = threading.Lock()

    @staticmethod
    def add(path: str | None, key: str, n: int) -> None:
        """Add ``n`` under ``key`` (one short write: whole, whoever else writes)."""
        if path:
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, f"{key} {n}\n".encode())
            finally:
                os.close(fd)

    def sums(self) -> dict[str, int]:
        """Every key's sum so far."""
        with self.lock:
            try:
                with open(self.path, "rb") as f:
                    f.seek(self.offset)
                    data = f.read()
            except FileNotFoundError:
                data = b""
            data = data[: data.rfind(b"\n") + 1]  # whole lines only
            self.offset += len(data)
            for line in data.decode().splitlines():
                key, n = line.split()
                self.counts[key] = self.counts.get(key, 0) + int(n)
            return dict(self.counts)
