"""A time limit on a block of Python code, in whatever thread runs it.

The per-document stages run in the main thread of a worker process, or, with one worker (small
runs, ``--workers 1``, a one-CPU machine), in a thread of the engine: SIGALRM reaches only the
main thread, so one watchdog thread per process raises ``TimeUp`` in the late thread instead
(CPython's ``PyThreadState_SetAsyncExc``). Neither can stop C code: the exception comes when the
thread runs Python again. Not stopit's ``ThreadingTimeout``: it starts a timer thread per block
(about 140 us here, half of a short text's whole cleaning) and a timer that fires as the block
ends can raise after it; here one thread serves every block and a block's end withdraws it.
"""

from __future__ import annotations

import ctypes
import os
import sys
import threading
import time

_IDLE = 1.0  # seconds the watchdog sleeps with nothing to watch
_LONGEST = 86_400.0 * 365  # a limit longer than this is this (a wait cannot be infinite)


class TimeUp(BaseException):
    """Raised in a block that ran past its limit; a BaseException so that libraries' ``except
    Exception`` blocks (trafilatura has many) cannot swallow it."""


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    """Have ``thread_id`` raise ``exc`` when it next runs Python (None: withdraw it)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None
    )


class _Watchdog:
    """One daemon thread that raises ``TimeUp`` in the threads whose deadline has passed.

    The blocks' table is guarded by a plain ``threading.Lock`` taken with ``with``: CPython
    cannot deliver the exception between the C lock's acquiring and the ``with`` block's
    handler, so a late thread never leaves it held (a ``Condition``'s ``__enter__`` is Python
    code, where it could). The watchdog waits on an ``Event`` of its own."""

    def __init__(self):
        self.lock = threading.Lock()
        self.wake = threading.Event()
        self.blocks: dict[int, list] = {}  # token -> [deadline, thread, fired, depth, latest]
        self.wake_at = 0.0  # when the watchdog looks again
        self.tokens = 0
        self.thread: threading.Thread | None = None

    def arm(self, seconds: float, depth: int) -> int:
        """A limit for the calling thread, whose stack holds ``depth`` frames below the block;
        its token is this thread's before the limit can fire (a limit that fired before the
        caller kept its token could never be withdrawn)."""
        deadline = time.monotonic() + min(seconds, _LONGEST)
        with self.lock:
            if self.thread is None or not self.thread.is_alive():  # first use, or after fork
                self.thread = threading.Thread(target=self._watch, name="saring-timelimit")
                self.thread.daemon = True
                self.thread.start()
            self.tokens += 1
            _local.token = self.tokens
            # deadline, thread, fired, frames below the block, the latest it may be put off to
            self.blocks[self.tokens] = [
                deadline,
                threading.get_ident(),
                False,
                depth,
                deadline + _GRACE,
            ]
            if deadline < self.wake_at:
                self.wake.set()
            return self.tokens

    def disarm(self, token: int) -> None:
        """Withdraw the block's limit, and its exception if raised and not yet delivered."""
        with self.lock:
            block = self.blocks.pop(token, None)
            if block is not None and block[2]:
                _raise_in(block[1], None)

    def _watch(self) -> None:
        while True:
            with self.lock:
                now = time.monotonic()
                frames = None
                for block in self.blocks.values():
                    if block[0] > now:
                        continue
                    frames = frames if frames is not None else sys._current_frames()
                    self._fire(block, frames.get(block[1]), now)
                self.wake_at = min((b[0] for b in self.blocks.values()), default=now + _IDLE)
                self.wake.clear()
            self.wake.wait(max(0.0, self.wake_at - now))

    @staticmethod
    def _fire(block: list, frame, now: float) -> None:
        """Raise ``TimeUp`` in the block's thread, and again every _REFIRE while the thread
        still runs inside the block: CPython ignores an exception that comes while a destructor
        runs ("Exception ignored in ... __del__"; the regex module's compiler has one), and
        the block then ran on with no limit. Not while the thread takes a lock or imports, nor
        while it handles the first (unwinding, or in a handler), nor once it has left the
        block's frames."""
        if block[2] and (not _inside(frame, block[3]) or _handling_time_up(block[1])):
            block[0] = now + _REFIRE
            return
        if (block[2] or now < block[4]) and _in_machinery(frame, block[3]):
            block[0] = now + (_REFIRE if block[2] else _RETRY)  # not inside an import
            return
        block[2] = True
        block[0] = now + _REFIRE
        _raise_in(block[1], TimeUp)


# Code an exception must not interrupt: an import the block started (a module left half
# made, its lock held: a run hung with 0.001 s limits firing in py3langid's first import), and
# the Python parts of threading's and logging's locks where the thread is now. Put off by
# _RETRY at a time, for _GRACE at most: a block that waits on an Event, or imports forever,
# still ends.
_IMPORT = "<frozen importlib"
_LOCKS = ("threading.py", "logging" + os.sep + "__init__.py")
_RETRY = 0.005
_GRACE = 1.0
_REFIRE = 0.1  # a raised limit not yet withdrawn is raised again this often


def _handling_time_up(thread_id: int) -> bool:
    """Whether the thread is already on its way out with ``TimeUp`` (unwinding, or in a
    handler deeper than the ``with``, such as the HTML extractor's)."""
    current = sys._current_exceptions().get(thread_id)  # 3.11: (type, value, traceback)
    return isinstance(current[1] if isinstance(current, tuple) else current, TimeUp)


def _inside(frame, below: int) -> bool:
    """Whether the thread runs inside the block: deeper than the ``below`` frames it had when
    the limit was set, and not in this module (withdrawing the limit)."""
    return frame is not None and _depth(frame) > below and frame.f_code.co_filename != __file__


def _depth(frame) -> int:
    n = 0
    while frame is not None:
        n, frame = n + 1, frame.f_back
    return n


def _in_machinery(frame, below: int) -> bool:
    """Whether the thread whose innermost frame is ``frame`` takes a lock, or imports in one of
    the frames above the ``below`` it had when its limit was set."""
    if frame is not None and frame.f_code.co_filename.endswith(_LOCKS):
        return True
    for _ in range(_depth(frame) - below):
        if frame.f_code.co_filename.startswith(_IMPORT):
            return True
        frame = frame.f_back
    return False


_watchdog = _Watchdog()
_local = threading.local()


def _after_fork() -> None:
    """A forked child has no watchdog thread, and the parent's may have held the lock."""
    global _watchdog
    _watchdog = _Watchdog()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)


class time_limit:
    """Raise ``TimeUp`` in the ``with`` block once it has run ``seconds`` (None, 0 or infinite:
    no limit). A limit inside another one in the same thread is the outer's
    (``process_record`` limits extraction and cleaning together, the HTML extractor its own
    part). The exception can come anywhere in Python code, the block's exit included: whoever
    catches it calls :func:`reset` and must not trust state the block was changing."""

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self.token: int | None = None

    def __enter__(self) -> time_limit:
        if _finite(self.seconds) and _token() is None:
            self.token = _watchdog.arm(self.seconds, _depth(sys._getframe(1)))
        return self

    def __exit__(self, *exc) -> bool:
        if self.token is not None:
            reset()
        return False


def _finite(seconds: float | None) -> bool:
    """A limit to set: a positive, finite number of seconds (not None, 0, inf or NaN)."""
    return bool(seconds) and 0 < seconds < float("inf")


def _token() -> int | None:
    return getattr(_local, "token", None)


def reset() -> None:
    """Withdraw this thread's limit, and its exception if raised and not yet delivered. The
    ``with`` block's exit does it; a handler of ``TimeUp`` does it again, for the exception may
    have come as the exit began."""
    while (token := _token()) is not None:
        try:  # the exception may arrive while the limit is withdrawn: withdraw it again
            _watchdog.disarm(token)
            _local.token = None
        except TimeUp:
            pass
