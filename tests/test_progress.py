"""saring's own progress (issue 18): the phase, documents done of the total, rate and time left,
a line at least every 5 s in a log, one line on a terminal; the engine's own progress bars and
query ids hidden unless --verbose; -q prints nothing on standard error.
"""

from __future__ import annotations

import io
import itertools
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from saring.progress import CountFile, LiveProgress, status_line
from tests.conftest import EXAMPLES, ROOT
from tests.test_interrupt import make_crawl

ENGINE = ("Daft Query ID", "UDF __call__", "Hash Join", "Read saring-inp")


def test_the_status_line_says_phase_count_of_total_rate_and_time_left():
    line = status_line("extracting and cleaning", 10.0, 250, 1000)
    assert line == (
        "saring: extracting and cleaning: 250 of 1,000 documents (25/s, about 30 s left, 10 s)"
    )
    assert status_line("extracting and cleaning", 10.0, 250, None) == (
        "saring: extracting and cleaning: 250 documents (25/s, 10 s)"
    )
    assert (
        status_line("near duplicates", 75.0, None, None) == "saring: near duplicates (1 min 15 s)"
    )


def test_counts_added_by_several_processes_are_summed_as_the_file_grows(tmp_path):
    path = tmp_path / "progress"
    add = "from saring.progress import CountFile; CountFile.add({!r}, 'processed', 64)"
    procs = [subprocess.Popen([sys.executable, "-c", add.format(str(path))]) for _ in range(4)]
    assert [p.wait() for p in procs] == [0] * 4
    counts = CountFile(path)
    assert counts.sums() == {"processed": 256}
    with open(path, "a") as f:
        f.write("read 10\nprocessed 3")  # a line being written: counted once it is whole
    assert counts.sums() == {"processed": 256, "read": 10}
    with open(path, "a") as f:
        f.write("\n")
    assert counts.sums() == {"processed": 259, "read": 10}


def test_live_progress_without_a_terminal_writes_whole_lines_and_ends_each_phase_with_its_count():
    stream = io.StringIO()
    p = LiveProgress(stream, tty=False)
    p.phase("extracting and cleaning", "saring: reading 2 files ...", lambda: (7, 7))
    p.note("7 exact duplicates")
    p.phase("writing")
    p.close()
    assert stream.getvalue().splitlines() == [
        "saring: reading 2 files ...",
        "saring: 7 exact duplicates",
        stream.getvalue().splitlines()[2],
        "saring: writing ...",
    ]
    assert (
        stream.getvalue()
        .splitlines()[2]
        .startswith("saring: extracting and cleaning: 7 of 7 documents (")
    )


def _run(args: list[str], tty: bool) -> tuple[int, str]:
    """``python -m saring run ARGS`` with standard error on a pseudo-terminal or a pipe; its
    exit status and standard error."""
    cmd = [sys.executable, "-m", "saring", "run", *args]
    if not tty:
        p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
        return p.returncode, p.stderr
    import pty

    main, sub = pty.openpty()
    p = subprocess.Popen(cmd, cwd=ROOT, stdin=sub, stdout=subprocess.DEVNULL, stderr=sub)
    os.close(sub)
    got = b""
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:  # the terminal's other side closed: saring has ended
            break
        if not data:
            break
        got += data
    os.close(main)
    return p.wait(timeout=600), got.decode("utf-8", "replace")


@pytest.mark.parametrize("tty", [False, True], ids=["log", "terminal"])
def test_a_run_shows_saring_progress_and_no_engine_output(tmp_path, tty):
    if tty and not hasattr(os, "openpty"):
        pytest.skip("needs a pseudo-terminal")
    rc, err = _run([str(EXAMPLES), "-o", str(tmp_path / "out"), "--no-report"], tty)
    assert rc == 0, err
    assert "extracting and cleaning" in err and "writing" in err
    assert not [e for e in ENGINE if e in err], err
    lines = [line.split("\r")[-1].replace("\x1b[K", "") for line in err.splitlines()]
    assert all(line.startswith("saring:") for line in lines if line), err


@pytest.mark.parametrize("tty", [False, True], ids=["log", "terminal"])
def test_quiet_prints_nothing_on_standard_error(tmp_path, tty):
    if tty and not hasattr(os, "openpty"):
        pytest.skip("needs a pseudo-terminal")
    rc, err = _run([str(EXAMPLES), "-o", str(tmp_path / "out"), "--no-report", "-q"], tty)
    assert rc == 0
    assert err == ""


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_verbose_shows_the_engine_output_on_a_terminal(tmp_path):
    rc, err = _run([str(EXAMPLES), "-o", str(tmp_path / "out"), "--no-report", "-v"], True)
    assert rc == 0
    assert "Daft Query ID" in err


def test_a_log_of_a_longer_run_shows_progress_at_least_every_5_s(tmp_path):
    # one worker, in saring's own process: 10 s or more of extraction even on an idle machine,
    # and the progress thread competes for the interpreter with the extraction itself
    crawl = make_crawl(tmp_path / "crawl", 1500)
    cmd = [sys.executable, "-m", "saring", "run", str(crawl), "-o", str(tmp_path / "out")]
    p = subprocess.Popen([*cmd, "--workers", "1"], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    stamps, lines = [], []
    for line in p.stderr:
        stamps.append(time.monotonic())
        lines.append(line.rstrip())
    assert p.wait(timeout=900) == 0
    gaps = [b - a for a, b in itertools.pairwise(stamps)]  # from the first line (start-up: 1-3 s)
    assert max(gaps) < 5.0, list(zip(gaps, lines[1:], strict=True))
    counted = [line for line in lines if " of 1,500 documents (" in line]
    assert "about" in " ".join(counted), lines  # the time left, once the rate is known
    assert Path(tmp_path / "out" / "documents.parquet").exists()
