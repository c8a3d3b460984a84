"""The time limit of the per-document stages, in the main thread and in other threads."""

from __future__ import annotations

import sys
import threading
import time

import pytest

from saring import timelimit
from saring.timelimit import TimeUp, reset, time_limit


def _busy(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        sum(range(100))


def _outcome(limit: float, work: float) -> str:
    try:
        with time_limit(limit):
            _busy(work)
    except TimeUp:
        return "time up"
    return "done"


def test_a_block_past_its_limit_is_stopped_and_one_within_it_is_not():
    assert (_outcome(0.2, 5), _outcome(5, 0.05)) == ("time up", "done")


def test_each_thread_has_its_own_limit():
    got = {}
    cases = {"late": (0.2, 5), "in time": (2, 0.3), "later": (0.5, 5)}
    threads = [
        threading.Thread(target=lambda k=k, c=c: got.update({k: _outcome(*c)}))
        for k, c in cases.items()
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == {"late": "time up", "in time": "done", "later": "time up"}


def test_a_limit_inside_another_is_the_outer_one():
    t0 = time.monotonic()
    with pytest.raises(TimeUp), time_limit(0.3), time_limit(0.05):
        _busy(5)
    assert time.monotonic() - t0 >= 0.3


def _at_the_deadline(seconds: float, out: dict, name: str) -> None:
    """Blocks that end right at their deadline, the exception coming anywhere: in the block,
    as it exits, or not at all; none may come after, nor leave the limit set."""
    late = left_set = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            with time_limit(0.002):
                _busy(0.002)
        except TimeUp:
            reset()
        try:
            _busy(0.0003)
        except TimeUp:
            late += 1
        left_set += timelimit._token() is not None
    out[name] = (late, left_set)


def test_blocks_that_end_at_their_deadline_leave_nothing_behind():
    # a short switch interval and three threads make the exception land in the exits (it
    # once left the watchdog's lock held, which hung every other thread)
    before = sys.getswitchinterval()
    sys.setswitchinterval(0.0005)
    try:
        got: dict = {}
        threads = [
            threading.Thread(target=_at_the_deadline, args=(1.5, got, f"t{i}")) for i in range(2)
        ]
        for t in threads:
            t.start()
        _at_the_deadline(1.5, got, "main")
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(before)
    assert got == {"t0": (0, 0), "t1": (0, 0), "main": (0, 0)}
    assert timelimit._watchdog.lock.acquire(timeout=1)
    timelimit._watchdog.lock.release()
    assert timelimit._watchdog.blocks == {}


def test_an_infinite_limit_is_no_limit():
    assert _outcome(float("inf"), 0.05) == "done"


def test_a_limit_that_ends_inside_an_import_waits_for_it(tmp_path, monkeypatch):
    # an import cut by the exception leaves its module half made and its lock held (a run of
    # 0.001 s limits once hung in py3langid's first import); the exception comes after it
    (tmp_path / "slow_module_for_limit.py").write_text(
        "import time\nend = time.monotonic() + 0.3\n"
        "while time.monotonic() < end:\n    sum(range(100))\nDONE = True\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    got = {}

    def work():
        try:
            with time_limit(0.05):
                import slow_module_for_limit  # noqa: F401

                got["imported"] = True
                _busy(5)
        except TimeUp:
            got["time up"] = True

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert got == {"imported": True, "time up": True}
    assert sys.modules["slow_module_for_limit"].DONE
    del sys.modules["slow_module_for_limit"]


def test_a_block_that_waits_on_an_event_or_runs_inside_an_import_still_ends(tmp_path, monkeypatch):
    # lock and import code put the exception off, but only imports the block itself started,
    # and for a second at most
    event = threading.Event()
    t0 = time.monotonic()
    with pytest.raises(TimeUp), time_limit(0.1):
        while True:
            event.wait(0.05)
    assert time.monotonic() - t0 < 2
    # a limit set while a module is being imported (a job run as "import job")
    (tmp_path / "job_with_limit.py").write_text(
        "import time\nfrom saring.timelimit import TimeUp, time_limit, reset\nFIRED = False\n"
        "try:\n    with time_limit(0.1):\n        end = time.monotonic() + 3\n"
        "        while time.monotonic() < end:\n            sum(range(100))\n"
        "except TimeUp:\n    reset()\n    FIRED = True\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    import job_with_limit

    assert job_with_limit.FIRED
    del sys.modules["job_with_limit"]


def test_a_limit_of_nan_is_no_limit():
    assert _outcome(float("nan"), 0.05) == "done"


class _SlowToDelete:
    def __del__(self):
        _busy(0.3)  # the limit fires in here, and CPython ignores an exception a destructor raises


def test_a_limit_whose_exception_a_destructor_swallowed_is_raised_again(recwarn):
    # the regex module's compiler deletes objects with a __del__: a text page's limit landed
    # in one under the whole test suite and the page ran on without a limit, and was kept
    started = time.monotonic()
    try:
        with time_limit(0.1):
            _SlowToDelete()  # deleted at once
            _busy(3)
        outcome = "done"
    except TimeUp:
        outcome = "time up"
    assert outcome == "time up" and time.monotonic() - started < 1.0
