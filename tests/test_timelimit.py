"""The time limit of the per-document stages, in the main thread and in other threads."""

from __future__ import annotations

import threading
import time

import pytest

from saring.timelimit import TimeUp, time_limit


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


def test_a_block_that_ends_at_its_deadline_raises_nothing_after_it():
    late = 0
    for _ in range(200):
        try:
            with time_limit(0.001):
                _busy(0.001)
        except TimeUp:
            pass
        try:
            _busy(0.002)
        except TimeUp:
            late += 1
    assert late == 0
