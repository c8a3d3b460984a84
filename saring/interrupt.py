"""Stopping ``saring run`` at any moment: the run works in a forked child, in a process group of
its own that the engine's worker processes join. The parent only waits; on Ctrl-C, SIGTERM or
SIGHUP it kills the run's processes, removes what they had begun to write, exits 128 + signal.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from saring.output import pid_alive

# the signals that stop a run; the parent exits 128 + the number (130, 143, 129)
STOP_SIGNALS = tuple(
    getattr(signal, s) for s in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, s)
)
INTERRUPTED = "saring: interrupted; no output was written"


class Stopped(KeyboardInterrupt):
    """A stop signal, raised as Ctrl-C raises KeyboardInterrupt (``signum`` says which)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def status(e: KeyboardInterrupt) -> int:
    """The exit status for a stop: 128 + the signal (130 for Ctrl-C's KeyboardInterrupt)."""
    return 128 + getattr(e, "signum", signal.SIGINT)


def handled() -> None:
    """Tell Python that the KeyboardInterrupt just caught is handled: one that escaped an
    ``exec`` of a string (dataclasses and scipy run such strings while they are imported) is
    marked unhandled, and Python 3.11 then ends the process with SIGINT (-2, not 130) even
    though it was caught. Running any string clears the mark."""
    exec("pass")


def _raise_stopped(signum, _frame):
    raise Stopped(signum)


def _early(s: int) -> bool:
    """Whether ``s`` is still handled by ``saring.__main__``'s exit at once (before any work)."""
    return getattr(signal.getsignal(s), "early", False)


def working() -> None:
    """A command other than a supervised run begins work: Ctrl-C raises KeyboardInterrupt,
    SIGTERM and SIGHUP ``Stopped``, so that its own code tidies up (``cli.main`` says the line)."""
    for s in STOP_SIGNALS:
        if _early(s):
            signal.signal(s, signal.default_int_handler if s == signal.SIGINT else _raise_stopped)


def unsupervised() -> None:
    """A run that stays in this process: Ctrl-C raises KeyboardInterrupt, SIGTERM and SIGHUP
    kill it, as before saring took the signals in hand."""
    for s in STOP_SIGNALS:
        if _early(s):
            signal.signal(s, signal.default_int_handler if s == signal.SIGINT else signal.SIG_DFL)


def _raise_stop(signum, _frame):
    _ignore_stop_signals()  # once: a second Ctrl-C does not cut the tidying short
    raise Stopped(signum)


def available() -> bool:
    """Whether a run can be supervised here: ``os.fork`` exists, ``SARING_NO_FORK`` is not 1,
    and this is the main thread (the only one that may set signal handlers)."""
    return (
        hasattr(os, "fork")
        and hasattr(os, "killpg")
        and os.environ.get("SARING_NO_FORK") != "1"
        and threading.current_thread() is threading.main_thread()
    )


def _prctl(option: int, value: int) -> None:
    """Linux's prctl, where there is one (best effort: nothing depends on it elsewhere)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0)


_PR_SET_PDEATHSIG, _PR_SET_CHILD_SUBREAPER = 1, 36


def _ino(path: Path | None) -> int | None:
    try:
        return os.stat(path).st_ino if path is not None else None
    except OSError:
        return None


def _siblings(path: Path, prefix: str) -> list[Path]:
    """The entries beside ``path`` whose name starts with ``.NAME`` + ``prefix``."""
    start = f".{path.name}{prefix}"
    try:
        return [p for p in path.parent.iterdir() if p.name.startswith(start)]
    except OSError:
        return []


def _store_runs(store: Path | None) -> list | None:
    """The runs a store's manifest lists; None when it has none or it cannot be read."""
    try:
        return json.loads((store / "manifest.json").read_text(encoding="utf-8"))["runs"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _store_leftovers(store: Path) -> None:
    """What ``Store._remove_uncommitted`` removes at the store's next run (run folders its
    manifest does not list, manifest copies), removed now, under the store's lock; left to that
    next run when another run holds the lock or the manifest cannot be read."""
    import fcntl

    if not (store / ".lock").exists():
        return
    with open(store / ".lock", "a+") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return
        runs = _store_runs(store) if (store / "manifest.json").exists() else []
        if runs is None:
            return
        listed = {Path(r["dir"]).name for r in runs}
        with contextlib.suppress(OSError):
            for d in (store / "runs").iterdir():
                if d.name not in listed:
                    shutil.rmtree(d, ignore_errors=True)
        for f in _siblings(store / "manifest.json", "."):
            f.unlink(missing_ok=True)


class Outputs:
    """Where a run writes (``-o OUT``, ``--store STORE``), as it was before the run; after the
    run's processes are gone, :meth:`tidy` removes what the run had begun and says what is left."""

    def __init__(self, out: str | None, store: str | None):
        self.out = Path(out).absolute() if out else None
        self.out_ino = _ino(self.out)
        self.store = Path(store).absolute() if store else None
        self.store_runs = len(_store_runs(self.store) or []) if store else 0

    def _tidy_out(self, pid: int) -> bool:
        """Remove the run's staging folder (``.OUT.partial-PID-*``, ``output.AtomicOutputDir``);
        put back an earlier OUT the run had moved aside. Whether OUT holds the run's output."""
        out = self.out
        for p in _siblings(out, f".partial-{pid}-"):
            shutil.rmtree(p, ignore_errors=True)
        now = _ino(out)
        earlier = [p for p in _siblings(out, ".old-") if self.out_ino and _ino(p) == self.out_ino]
        if now is None and earlier:  # stopped between moving OUT aside and renaming the new one
            earlier[0].rename(out)
            return False
        for p in earlier:  # the new output is in place: the earlier one was being removed
            shutil.rmtree(p, ignore_errors=True)
        return now is not None and now != self.out_ino

    def tidy(self, pid: int, what: str) -> str:
        """Clean up after the run's process ``pid`` was stopped (``what`` says how); the line
        that tells the user what was written."""
        wrote_out = self._tidy_out(pid) if self.out else False
        added = False
        if self.store:
            added = len(_store_runs(self.store) or []) > self.store_runs
            _store_leftovers(self.store)
        if wrote_out:
            return f"saring: {what} after the output in {self.out} was complete"
        if added:
            rest = f"; {self.out} was not written" if self.out else ""
            return f"saring: {what} after the run was added to the store {self.store}{rest}"
        return f"saring: {what}; no output was written"


def _killpg(pgid: int, sig: int) -> bool:
    """Send ``sig`` to the group; whether any process of it was there to receive it."""
    try:
        os.killpg(pgid, sig)
    except ProcessLookupError:
        return False
    except PermissionError:  # only zombies left, on some systems
        return True
    return True


def _reap(pid: int) -> int | None:
    """The wait status of ``pid`` if it has ended (-1 if it was reaped already), else None."""
    try:
        got, status = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return -1
    return status if got else None


def _reap_others() -> None:
    """Reap the run's processes that ended after their parent did (this process adopts them:
    it is their subreaper on Linux), so that none is left as a zombie."""
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


def _descendants() -> list[int]:
    """Every living process below this one, where /proc tells (Linux): the run's processes in
    other groups (Ray's daemons make their own), and the orphans this process adopted."""
    parents: dict[int, list[int]] = {}
    try:
        names = os.listdir("/proc")
    except OSError:
        return []
    for name in names:
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", "rb") as f:
                    state, ppid = f.read().rsplit(b")", 1)[1].split()[:2]
            except (OSError, ValueError):
                continue
            if state != b"Z":
                parents.setdefault(int(ppid), []).append(int(name))
    found, todo = [], [os.getpid()]
    while todo:
        kids = parents.get(todo.pop(), [])
        found += kids
        todo += kids
    return found


def _kill_all(pgid: int) -> bool:
    """SIGKILL to the run's group and every process below this one; whether any was left."""
    alive = _killpg(pgid, signal.SIGKILL)
    for pid in _descendants():
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
            alive = True
    return alive


def end_group(pid: int, wait: float = 3.0) -> int:
    """Kill the run: the child ``pid``, its process group (the engine's workers) and every
    process below this one, with SIGKILL: its output is thrown away, nothing of it needs to end
    cleanly (SIGTERM first only made Ray's driver print a stack and wait). Returns once all are
    gone and reaped (or after ``wait`` seconds), with the child's wait status."""
    status = None
    deadline = time.monotonic() + wait
    while True:
        alive = _kill_all(pid)
        status = _reap(pid) if status is None else status
        _reap_others()
        if (status is not None and not alive) or time.monotonic() > deadline:
            return -1 if status is None else status
        time.sleep(0.02)


def _watch_parent(parent: int) -> None:
    """In the child: once the parent is gone (killed with SIGKILL), end the run's whole group;
    Linux's parent-death signal does it at once for the child itself."""
    while os.getppid() == parent:
        time.sleep(0.25)
    _killpg(0, signal.SIGKILL)


def _child(parent: int, mask: set) -> None:
    """Set up the forked child: a process group of its own (inherited by the engine's workers),
    the default reaction to the stop signals, no read from a terminal it no longer owns."""
    with contextlib.suppress(OSError):
        os.setpgid(0, 0)
    for s in STOP_SIGNALS:
        signal.signal(s, signal.SIG_DFL)
    if hasattr(signal, "SIGTSTP"):
        signal.signal(signal.SIGTSTP, signal.SIG_DFL)
        # a background group may write to the terminal even under 'stty tostop'
        signal.signal(signal.SIGTTOU, signal.SIG_IGN)
    _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)  # the run ends with its parent, even on SIGKILL
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    with contextlib.suppress(OSError, ValueError):
        if os.isatty(0):  # a background group reading the terminal would be stopped
            devnull = os.open(os.devnull, os.O_RDONLY)
            os.dup2(devnull, 0)
            os.close(devnull)
    signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def _pause_with_run(pid: int) -> Callable:
    """A SIGTSTP handler (Ctrl-Z): the run's group stops with this process and goes on with it
    (job control reaches only this process: the run is in a group of its own)."""

    def pause(_signum, _frame):
        _killpg(pid, signal.SIGSTOP)
        signal.signal(signal.SIGTSTP, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTSTP)  # stopped here until 'fg' or 'bg'
        signal.signal(signal.SIGTSTP, pause)
        _killpg(pid, signal.SIGCONT)

    return pause


def _scratch(parent: int) -> str:
    """A temporary folder for the run (``saring-PID-*``), removed when it ends; those of runs
    whose saring was killed with SIGKILL are removed here."""
    for p in Path(tempfile.gettempdir()).glob("saring-*-*"):
        owner = p.name.split("-")[1]
        if owner.isdigit() and not pid_alive(int(owner)):
            shutil.rmtree(p, ignore_errors=True)
    return tempfile.mkdtemp(prefix=f"saring-{parent}-")


def _ignore_stop_signals() -> None:
    for s in STOP_SIGNALS:
        signal.signal(s, signal.SIG_IGN)


def supervised(work: Callable[[], int], outputs: Outputs) -> int:
    """Run ``work`` in a forked child and return its exit status. The child leaves through
    ``SystemExit`` (an ordinary end of the interpreter); this process waits. A stop signal, or
    the child's death by a signal, ends the child's group, tidies ``outputs`` and prints one
    line; the status is then 128 + the signal's number. The stop signals stay ignored: the
    caller is about to exit with the status."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    parent = os.getpid()
    _prctl(_PR_SET_CHILD_SUBREAPER, 1)  # the run's orphans are this process's to reap
    scratch = _scratch(parent)
    pid = os.fork()
    if pid == 0:
        _child(parent, mask)
        tempfile.tempdir = scratch  # the engine's socket files: removed whatever happens
        raise SystemExit(work())
    with contextlib.suppress(OSError):
        os.setpgid(pid, pid)  # also here: a signal may come before the child has done it
    for s in STOP_SIGNALS:
        signal.signal(s, _raise_stop)
    pause = (
        signal.signal(signal.SIGTSTP, _pause_with_run(pid)) if hasattr(signal, "SIGTSTP") else None
    )
    status = -1
    try:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        status = os.waitpid(pid, 0)[1]
        _ignore_stop_signals()  # inside the try: a stop raised before this line is caught below
        stopped_by = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    except Stopped as e:  # the handler has ignored the stop signals already
        stopped_by = e.signum
    if pause is not None:
        signal.signal(signal.SIGTSTP, pause)
    end_group(pid)  # on a stop; after an ordinary end, engine processes that outlived the run
    shutil.rmtree(scratch, ignore_errors=True)
    if stopped_by is None:
        return os.WEXITSTATUS(status)
    what = (
        "interrupted"
        if stopped_by in STOP_SIGNALS
        else f"the run was ended by {signal.Signals(stopped_by).name}"
    )
    clear = "\r\x1b[K" if sys.stderr.isatty() else ""  # the run's progress line, if any
    print(clear + outputs.tidy(pid, what), file=sys.stderr, flush=True)
    return 128 + stopped_by
