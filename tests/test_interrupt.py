"""Ctrl-C and SIGTERM stop ``saring run`` at any moment (issue 18): ``python -m saring run`` is
started on a few hundred pages and signalled during imports, reading, extraction, dedup, stories
and writing; each time it must end within 5 s, exit 130 (143), say one line, leave nothing.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import saring.__main__
from saring.interrupt import INTERRUPTED, Outputs
from tests.conftest import EXAMPLES, ROOT

PAGES = 500  # about 10 s of extraction with two worker processes on two loaded cores
BOUND = 5.0  # seconds from the signal to the end of saring, as issue 18 asks


def make_crawl(folder: Path, n: int = PAGES) -> Path:
    """``n`` pages made from the examples' HTML and text pages, each with its own name and a
    sentence of its own (so that they are not all exact duplicates)."""
    folder.mkdir(parents=True, exist_ok=True)
    pages = sorted(p for p in EXAMPLES.rglob("*") if p.suffix in (".html", ".txt"))
    for i in range(n):
        page = pages[i % len(pages)]
        text = page.read_text(encoding="utf-8", errors="replace")
        mine = f"Laporan nomor {i} ditulis ulang oleh redaksi pada hari ke-{i % 7}."
        text = text.replace("<p>", f"<p>{mine} ", 1) if "<p>" in text else f"{mine}\n\n{text}"
        (folder / f"{page.stem}-{i:04d}{page.suffix}").write_text(text, encoding="utf-8")
    return folder


def _processes_with(token: str) -> list[int]:
    """The processes whose environment holds ``token``: saring and everything it started."""
    found = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                if token.encode() in Path(f"/proc/{d}/environ").read_bytes():
                    found.append(int(d))
            except OSError:
                pass
    return found


@dataclass
class Stopped:
    """How a signalled run ended."""

    rc: int | None  # None: it had not ended BOUND * 4 s after the signal
    seconds: float  # from the signal to the end of saring
    err: list[str] = field(default_factory=list)
    left: list[int] = field(default_factory=list)  # processes of the run still there
    signalled: bool = True  # False: the run ended before the signal was sent


def stop_run(args: list[str], after: str | None, delay: float, sig: int) -> Stopped:
    """Start ``python -m saring run ARGS``; ``delay`` s after the first standard-error line
    holding ``after`` (after the start when None), send ``sig``; wait for the end."""
    token = f"SARING_STOP_TEST={secrets.token_hex(8)}"
    env = {**os.environ, token.split("=")[0]: token.split("=")[1]}
    env.pop("SARING_NO_FORK", None)
    cmd = [sys.executable, "-m", "saring", "run", *args]
    p = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    err: list[str] = []
    seen = threading.Event()
    sent: list[float] = []

    def read() -> None:
        for line in p.stderr:
            err.append(line.rstrip("\n"))
            if after is not None and after in line:
                seen.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if after is None or _wait_for(seen, p):
        time.sleep(delay)
        if p.poll() is None:
            p.send_signal(sig)
            sent.append(time.monotonic())
    try:
        rc = p.wait(timeout=BOUND * 4 if sent else 600)
    except subprocess.TimeoutExpired:
        rc = None
    ended = time.monotonic()
    left = _processes_with(token) if Path("/proc/self/environ").exists() else []
    if rc is None:
        p.kill()
    reader.join(5)
    return Stopped(rc, ended - sent[0] if sent else 0.0, err, left, bool(sent))


def _wait_for(seen: threading.Event, p: subprocess.Popen) -> bool:
    while not seen.wait(0.01):
        if p.poll() is not None:
            return False
    return True


def check_stopped(s: Stopped, sig: int, out: Path) -> None:
    """Everything issue 18 asks of a stopped run."""
    assert s.signalled, "the run ended before the signal:\n" + "\n".join(s.err)
    assert s.rc == 128 + sig, "\n".join(s.err)
    assert s.seconds < BOUND, f"ended {s.seconds:.1f} s after the signal"
    assert s.err and s.err[-1] == INTERRUPTED, "\n".join(s.err)
    assert not any("Traceback" in line or "FATAL" in line for line in s.err), "\n".join(s.err)
    assert not s.left, f"processes of the run left behind: {s.left}"
    assert not [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")]


# (the line to wait for, then how long, the signal): during imports, right after reading
# starts, mid-extraction, during near dedup, stories, writing
MOMENTS = {
    "imports": (None, 0.3, signal.SIGINT),
    "imports-sigterm": (None, 0.25, signal.SIGTERM),
    "reading": ("reading", 0.3, signal.SIGINT),
    "extraction": ("reading", 1.2, signal.SIGINT),
    "extraction-sigterm": ("reading", 1.5, signal.SIGTERM),
    "near-dedup": ("looking for near duplicates", 0.05, signal.SIGINT),
    "stories": ("grouping stories", 0.05, signal.SIGINT),
    "writing": ("writing the outputs", 0.0, signal.SIGINT),
}
# the setting makes the run use worker processes, whatever the size of its input
WORKERS = ["--set", "engine.in_process_below=0"]


@pytest.fixture(scope="module")
def crawl(tmp_path_factory) -> Path:
    return make_crawl(tmp_path_factory.mktemp("crawl") / "pages")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="runs are stopped this way where fork exists")
@pytest.mark.parametrize("moment", list(MOMENTS))
def test_a_signal_at_any_moment_stops_the_run_within_5_s_leaving_nothing(crawl, tmp_path, moment):
    after, delay, sig = MOMENTS[moment]
    out = tmp_path / "out"
    s = stop_run([str(crawl), "-o", str(out), *WORKERS], after, delay, sig)
    check_stopped(s, sig, out)
    assert not out.exists()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="runs are stopped this way where fork exists")
def test_a_stopped_run_leaves_an_earlier_output_as_it_was(crawl, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "stats.json").write_text(json.dumps({"saring": {"version": "earlier"}}))
    (out / "documents.parquet").write_bytes(b"earlier")
    s = stop_run([str(crawl), "-o", str(out), *WORKERS], "reading", 1.0, signal.SIGINT)
    check_stopped(s, signal.SIGINT, out)
    assert sorted(p.name for p in out.iterdir()) == ["documents.parquet", "stats.json"]
    assert (out / "documents.parquet").read_bytes() == b"earlier"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="runs are stopped this way where fork exists")
def test_a_stopped_run_into_a_store_leaves_the_store_as_it_was(crawl, tmp_path):
    store = tmp_path / "store"
    s = stop_run([str(crawl), "--store", str(store), *WORKERS], "reading", 1.0, signal.SIGINT)
    check_stopped(s, signal.SIGINT, tmp_path / "out")
    assert not (store / "manifest.json").exists()
    assert not list((store / "runs").iterdir())


def test_the_entry_point_says_the_same_line_before_it_can_import_it():
    assert saring.__main__.INTERRUPTED == INTERRUPTED


def _saring_output(folder: Path, mark: str) -> Path:
    folder.mkdir()
    (folder / "stats.json").write_text(json.dumps({"saring": {"version": mark}}))
    return folder


def test_a_stop_between_moving_the_earlier_output_aside_and_the_rename_puts_it_back(tmp_path):
    out = _saring_output(tmp_path / "out", "earlier")
    outputs = Outputs(str(out), None)
    # where output.AtomicOutputDir stands at that moment: OUT moved aside, the new one staged
    out.rename(tmp_path / ".out.old-1a2b3c4d")
    _saring_output(tmp_path / ".out.partial-4242-5e6f7a8b", "new")
    _saring_output(tmp_path / ".out.partial-999-00000000", "another run's")
    assert outputs.tidy(4242, "interrupted") == INTERRUPTED
    assert "earlier" in (out / "stats.json").read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.partial-999-00000000", "out"]


def test_a_stop_after_the_new_output_is_in_place_says_so(tmp_path):
    out = _saring_output(tmp_path / "out", "earlier")
    outputs = Outputs(str(out), None)
    out.rename(tmp_path / ".out.old-1a2b3c4d")  # being removed when the signal came
    _saring_output(out, "new")
    line = outputs.tidy(4242, "interrupted")
    assert line == f"saring: interrupted after the output in {out} was complete"
    assert "new" in (out / "stats.json").read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_the_temporary_folder_of_a_run_whose_saring_was_killed_is_removed_by_the_next(
    tmp_path, monkeypatch
):
    from saring import interrupt

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead = subprocess.Popen(["true"])
    dead.wait()
    (tmp_path / f"saring-{dead.pid}-ab12cd34").mkdir()  # its saring is gone
    (tmp_path / f"saring-{os.getpid()}-ef56ab78").mkdir()  # a run of a living saring
    made = interrupt._scratch(os.getpid())
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [f"saring-{os.getpid()}-ef56ab78", Path(made).name]
    )
