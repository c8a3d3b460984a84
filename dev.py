#!/usr/bin/env python3
"""Set up and run saring's jobs with nothing installed but Python 3.11+.

    python3 dev.py demo    create .venv if needed, then run saring on the bundled examples/
    python3 dev.py test    create .venv if needed, install Debian's chromium for the report's
                           browser test when missing, then lint (ruff) and run the tests
                           (which write nothing into the checkout)
    python3 dev.py lint    lint only
    python3 dev.py screenshots
                           refresh docs/screenshots/ (the report's views in the README) with
                           the browser test of tests/test_report.py

The virtual environment is (re)installed when it is missing or pyproject.toml has changed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".saring-install-stamp"


def sh(*args: str | Path) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    result = subprocess.run([str(a) for a in args], cwd=ROOT)
    if result.returncode != 0:
        sys.exit(result.returncode)


def ensure_venv() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs under any python3
        sys.exit(f"saring needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    python = BIN / ("python.exe" if os.name == "nt" else "python")
    if not python.exists():
        print(f"+ creating {VENV}", flush=True)
        venv.create(VENV, with_pip=True)
    if not STAMP.exists() or STAMP.read_text().strip() != want:
        sh(python, "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[dev]")
        STAMP.write_text(want)


CHROMIUM = Path("/usr/bin/chromium")


def ensure_browser() -> None:
    """Debian's chromium and chromium-driver for tests/test_report.py, installed with apt when
    they are missing and this is root on Debian; otherwise that test skips and says why."""
    if CHROMIUM.exists() or os.name == "nt" or not Path("/usr/bin/apt-get").exists():
        return
    if os.geteuid() != 0:
        print("+ chromium missing and not root: the browser test of report.html will skip")
        return
    install = [
        "apt-get",
        "install",
        "-y",
        "-q",
        "--no-install-recommends",
        "chromium",
        "chromium-driver",
    ]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for step in ([install], [["apt-get", "update", "-q"], install]):
        print("+", " && ".join(" ".join(c) for c in step), flush=True)
        if all(subprocess.run(c, env=env, stdout=subprocess.DEVNULL).returncode == 0 for c in step):
            return
    print("+ chromium could not be installed: the browser test of report.html will skip")


def lint() -> None:
    sh(BIN / "ruff", "check", ".")
    sh(BIN / "ruff", "format", "--check", ".")


SHOTS = ROOT / "docs" / "screenshots"
BROWSER_TEST = "tests/test_report.py::test_the_page_in_chromium"


def screenshots() -> None:
    """Run the report's browser test with its screenshots going to docs/screenshots/; fail,
    saying why, when it could not take them (no chromium: the test skips)."""
    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} is absent: install Debian's chromium (as root: python3 dev.py test)")
    started = time.time()
    env = {**os.environ, "SARING_SCREENSHOTS": str(SHOTS)}
    cmd = [str(BIN / "python"), "-m", "pytest", "-q", "-rs", BROWSER_TEST]
    print("+ SARING_SCREENSHOTS=" + str(SHOTS), " ".join(cmd[1:]), flush=True)
    if subprocess.run(cmd, cwd=ROOT, env=env).returncode != 0:
        sys.exit(1)
    fresh = sorted(p.name for p in SHOTS.glob("*.png") if p.stat().st_mtime >= started)
    if not fresh:
        sys.exit("no screenshot was taken (did the browser test skip?)")
    print(f"+ refreshed in {SHOTS.relative_to(ROOT)}: {', '.join(fresh)}")


def main(argv: list[str]) -> None:
    cmd = argv[0] if argv else "help"
    if cmd == "demo":
        ensure_venv()
        sh(BIN / "saring", "run", "examples", "-o", "out/demo", *argv[1:])
    elif cmd == "test":
        ensure_venv()
        ensure_browser()
        lint()
        sh(BIN / "python", "-m", "pytest", *argv[1:])
    elif cmd == "lint":
        ensure_venv()
        lint()
    elif cmd == "screenshots":
        ensure_venv()
        ensure_browser()
        screenshots()
    else:
        print(__doc__)
        sys.exit(0 if cmd in ("help", "-h", "--help") else 2)


if __name__ == "__main__":
    main(sys.argv[1:])
