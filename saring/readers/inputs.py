"""Resolve the INPUT arguments of ``saring run`` into a sorted list of input files.

Each file gets a format (from its name, or ``--format``) and a *key*: a name for it that does not
depend on where the data set lives, used to build stable document ids. Nothing here reads file
contents beyond a header peek that checks the named columns exist.
"""

from __future__ import annotations

import csv
import glob
import gzip
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path

import pyarrow.parquet as pq

from saring.readers.options import ReaderOptions

# Name ending (without .gz) -> format. A folder walk takes only these files.
SUFFIXES = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".warc": "warc",
}
FORMATS = ("html", "text", "jsonl", "csv", "parquet", "warc")
CONTAINER_FORMATS = ("jsonl", "csv", "parquet", "warc")


class InputError(Exception):
    """An input argument that cannot be used at all (missing, unreadable, no usable columns)."""


@dataclass(frozen=True)
class InputFile:
    path: str  # as the user would recognise it (the argument, joined with the walk)
    key: str  # location-independent name used in document ids
    fmt: str
    compressed: bool
    size: int
    order: int = 0  # position in the sorted input list


def detect_format(path: str) -> tuple[str | None, bool]:
    """``(format, gzip-compressed)`` from a file name; format is ``None`` when unknown."""
    name = path.lower()
    compressed = name.endswith(".gz")
    if compressed:
        name = name[:-3]
    return SUFFIXES.get(os.path.splitext(name)[1]), compressed


def _has_magic(arg: str) -> bool:
    return glob.has_magic(arg)


def _glob_root(arg: str) -> str:
    """The folder part of a glob before its first wildcard: ``data/2025/*.csv`` -> ``data/2025``."""
    parts = Path(arg).parts
    fixed = []
    for part in parts:
        if glob.has_magic(part):
            break
        fixed.append(part)
    return str(Path(*fixed)) if fixed else "."


def _key(path: str, root: str) -> str:
    """``path`` relative to the parent of ``root``, in POSIX form (``seeds/000.txt``)."""
    parent = os.path.dirname(os.path.abspath(root).rstrip(os.sep)) or os.sep
    rel = os.path.relpath(os.path.abspath(path), parent)
    return Path(rel).as_posix()


def _saring_own(folder: str, top: str) -> bool:
    """Whether a folder walk from ``top`` must leave out ``folder``: saring's own output
    (``documents.parquet`` and a ``stats.json`` saring wrote) or store (``manifest.json`` listing
    runs, and ``runs/``), such as ``-o`` or ``--store`` put inside the input folder. Raises
    :class:`InputError` when ``folder`` is ``top`` itself: its files are not documents."""

    def json_has(name: str, key: str) -> bool:
        try:
            with open(os.path.join(folder, name), encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError):
            return False
        return isinstance(data, dict) and key in data

    if os.path.isfile(os.path.join(folder, "documents.parquet")) and json_has(
        "stats.json", "saring"
    ):
        what = "output (documents.parquet, stats.json)"
    elif os.path.isdir(os.path.join(folder, "runs")) and json_has("manifest.json", "runs"):
        what = "store (manifest.json, runs/)"
    else:
        return False
    if os.path.samefile(folder, top):
        raise InputError(
            f"{top}: saring's own {what}, not input; to read a run's documents again, "
            "name its documents.parquet"
        )
    return True


def resolve_inputs(args: list[str], fmt: str | None = None) -> tuple[list[InputFile], list[str]]:
    """Expand files, folders and globs. Returns ``(files, skipped)``.

    ``skipped`` lists files inside folders or globs whose format is unknown (they are not
    documents of any supported kind). Raises :class:`InputError` for an argument that names
    nothing readable.
    """
    if fmt is not None and fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    found: list[tuple[str, str, bool]] = []  # (path, root, explicit)
    for arg in args:
        if _has_magic(arg) and not os.path.exists(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            files = [m for m in matches if os.path.isfile(m)]
            if not files:
                raise InputError(f"{arg}: no file matches this pattern")
            root = _glob_root(arg)
            found += [(m, root, False) for m in files]
        elif os.path.isdir(arg):
            if not os.access(arg, os.R_OK | os.X_OK):
                raise InputError(f"{arg}: folder is not readable (permission denied)")
            walked = []
            for dirpath, dirnames, filenames in os.walk(arg):
                if _saring_own(dirpath, arg):  # saring's output or store: never input
                    dirnames[:] = filenames[:] = []
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                walked += [os.path.join(dirpath, f) for f in filenames if not f.startswith(".")]
            if not walked:
                raise InputError(f"{arg}: folder is empty")
            found += [(p, arg, False) for p in sorted(walked)]
        elif os.path.exists(arg):
            if not os.path.isfile(arg):
                raise InputError(f"{arg}: not a regular file")
            found.append((arg, arg, True))
        else:
            raise InputError(f"{arg}: no such file or folder")

    files: list[InputFile] = []
    skipped: list[str] = []
    seen: set[str] = set()
    for path, root, explicit in found:
        real = os.path.realpath(path)
        if real in seen:  # the same file named twice is read once
            continue
        seen.add(real)
        detected, compressed = detect_format(path)
        use = fmt or detected
        if use is None:
            if explicit:
                raise InputError(
                    f"{path}: cannot tell the format from the name; pass --format "
                    f"({', '.join(FORMATS)})"
                )
            skipped.append(path)
            continue
        if not os.access(path, os.R_OK):
            raise InputError(f"{path}: file is not readable (permission denied)")
        files.append(
            InputFile(
                path=path,
                key=_key(path, root) if not explicit else os.path.basename(path),
                fmt=use,
                compressed=compressed,
                size=os.path.getsize(path),
            )
        )
    if not files:
        raise InputError(
            "no input files of a supported kind ("
            + ", ".join(sorted(set(SUFFIXES)))
            + ", each optionally .gz)"
        )
    # Keys must be unique for ids to be unique: where two inputs share one, use absolute paths.
    counts: dict[str, int] = {}
    for f in files:
        counts[f.key] = counts.get(f.key, 0) + 1
    files = [
        replace(f, key=Path(os.path.abspath(f.path)).as_posix()) if counts[f.key] > 1 else f
        for f in files
    ]
    # Input order is the order of the arguments, then sorted paths within a folder or glob.
    return [replace(f, order=i) for i, f in enumerate(files)], skipped


def check_columns(f: InputFile, opts: ReaderOptions) -> None:
    """Fail early, with the columns that do exist, when a table has no text or html column."""
    if f.fmt not in ("csv", "parquet", "jsonl"):
        return
    try:
        columns = _peek_columns(f)
    except (OSError, EOFError, ValueError, csv.Error) as e:
        # Unreadable headers are reported per document by the reader; do not stop the run.
        del e
        return
    if columns is None:
        return
    wanted = [c for c in (opts.text_col, opts.html_col) if c]
    if not any(c in columns for c in wanted):
        shown = ", ".join(columns[:20]) + (" ..." if len(columns) > 20 else "")
        raise InputError(
            f"{f.path}: no {' or '.join(repr(c) for c in wanted)} column; its columns are: "
            f"{shown}. Name the text column with --text-col (or HTML with --html-col)."
        )


def open_input(f: InputFile):
    """The file as a binary stream, unpacked if it is gzip."""
    return gzip.open(f.path, "rb") if f.compressed else open(f.path, "rb")


def _peek_columns(f: InputFile) -> list[str] | None:
    if f.fmt == "parquet":
        return pq.ParquetFile(f.path).schema_arrow.names
    with open_input(f) as fh:
        if f.fmt == "csv":
            head = fh.read(1 << 20)
            text = head.decode("utf-8-sig", errors="replace")
            first = next(csv.reader(text.splitlines()), None)
            return [c.strip() for c in first] if first else None
        # jsonl: the keys of the first line that parses as an object
        for i, line in enumerate(fh):
            if i >= 100:
                break
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict):
                return list(obj)
    return None
