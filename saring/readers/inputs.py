"""Resolve the INPUT arguments of ``saring run`` into a sorted list of input files.

Each file gets a format (from its name, or ``--format``) and a *key*: a name for it that does not
depend on where the data set lives, used to build stable document ids. Folders and globs are
expanded by one walk that takes regular files, follows links to folders once each (so a link
loop ends) and gives an entry that cannot be read as a document (a named pipe, a broken or
looping link) a ``problem``: it becomes one failed document, never a hang or a refused run.
Nothing here reads file contents beyond a header scan that maps each table's columns
(``plan_tables``).
"""

from __future__ import annotations

import bz2
import csv
import errno
import fnmatch
import glob
import gzip
import io
import json
import lzma
import os
import stat
import zlib
from collections import Counter, deque
from dataclasses import dataclass, replace
from pathlib import Path

from saring.readers.options import ReaderOptions

# Name ending (without .gz) -> format. A folder walk takes only these files.
SUFFIXES = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",  # JSON lines (Hugging Face's to_json), an array (Scrapy) or pretty objects
    ".csv": "csv",
    ".tsv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".arrow": "arrow",  # Arrow IPC, as Hugging Face datasets' save_to_disk writes it
    ".feather": "arrow",
    ".warc": "warc",
    ".wet": "warc",  # Common Crawl's extracted text (CC-MAIN-...warc.wet.gz): conversion records
}
FORMATS = ("html", "text", "jsonl", "csv", "parquet", "arrow", "warc")
CONTAINER_FORMATS = ("jsonl", "csv", "parquet", "arrow", "warc")
_NOT_REGULAR = {
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}


class InputError(Exception):
    """An input argument that cannot be used at all (missing, unreadable, no usable columns)."""


@dataclass(frozen=True)
class InputFile:
    path: str  # as the user would recognise it (the argument, joined with the walk)
    key: str  # location-independent name used in document ids
    fmt: str
    compressed: str | None  # the codec ("gzip", "bz2", "xz", "zstd"); None: a plain file
    size: int
    order: int = 0  # position in the sorted input list
    problem: str | None = None  # why it cannot be read at all (a named pipe, a broken link)
    named: bool = False  # named itself on the command line (not found in a folder or glob)

    @property
    def name(self) -> str:
        """``path`` as valid UTF-8 text, for ``source`` and messages (see :func:`shown`)."""
        return shown(self.path)


def shown(path: str) -> str:
    """A path as text that is valid UTF-8. A file name whose bytes are not UTF-8 (Python keeps
    them as lone surrogates) shows those bytes escaped: ``caf\\xe9.html``."""
    try:
        raw = path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return path.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


# Compressed name ending -> codec (``open_input`` unpacks them). bz2, xz and zstd as dumps ship
# JSON lines (The Pile and SlimPajama: .jsonl.zst); WARC is read plain or gzip only, Parquet and
# Arrow (compressed inside) plain only.
CODECS = {".gz": "gzip", ".bz2": "bz2", ".xz": "xz", ".zst": "zstd"}
CODECS_OF = {"warc": (None, "gzip"), "parquet": (None,), "arrow": (None,)}


def real_name(path: str) -> str:
    """The real path of a file as UTF-8 text (``shown``), as a store records where a document
    came from: a name whose bytes are not UTF-8 could not be written to Parquet."""
    return shown(os.path.realpath(path))


def split_codec(path: str) -> tuple[str, str | None]:
    """A file's name in lower case without its compression suffix, and the codec that suffix
    names (``None``: not compressed)."""
    name = path.lower()
    codec = next((c for end, c in CODECS.items() if name.endswith(end)), None)
    return (name[: name.rindex(".")] if codec else name), codec


def detect_format(path: str) -> tuple[str | None, str | None]:
    """``(format, codec)`` from a file name; format is ``None`` when unknown, codec ``None``
    for a file that is not compressed."""
    name, codec = split_codec(path)
    return SUFFIXES.get(os.path.splitext(name)[1]), codec


def _has_magic(arg: str) -> bool:
    return glob.has_magic(arg)


def _split_glob(arg: str) -> tuple[str, list[str]]:
    """The folder part of a glob before its first wildcard, and the parts after it:
    ``data/2025/*/*.csv`` -> ``("data/2025", ["*", "*.csv"])``."""
    parts = Path(arg).parts
    fixed = []
    for part in parts:
        if glob.has_magic(part):
            break
        fixed.append(part)
    return (str(Path(*fixed)) if fixed else "."), list(parts[len(fixed) :])


def _matches(pattern: list[str], parts: tuple[str, ...]) -> bool:
    """Whether path parts match glob parts, ``**`` standing for any number of folders."""
    if not pattern:
        return not parts
    if pattern[0] == "**":
        return any(_matches(pattern[1:], parts[i:]) for i in range(len(parts) + 1))
    if not parts or not fnmatch.fnmatchcase(parts[0], pattern[0]):
        return False
    return _matches(pattern[1:], parts[1:])


def _may_hold(pattern: list[str], parts: tuple[str, ...]) -> bool:
    """Whether a folder at ``parts`` can hold a match (its parts fit the pattern so far)."""
    for i, part in enumerate(parts):
        if i >= len(pattern):
            return False
        if pattern[i] == "**":
            return True
        if not fnmatch.fnmatchcase(part, pattern[i]):
            return False
    return len(parts) < len(pattern)


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


def _entry(entry: os.DirEntry) -> tuple[os.stat_result | None, str | None]:
    """The entry's status (through links) and, when it cannot be a document, why not."""
    try:
        st = os.stat(entry.path)
    except FileNotFoundError:
        if entry.is_symlink():
            return None, "broken symbolic link (its target does not exist)"
        return None, "the file disappeared while its folder was read"
    except OSError as e:
        if e.errno == errno.ELOOP:
            return None, "symbolic link loop"
        return None, f"cannot read it: {e.strerror or e}"
    if stat.S_ISDIR(st.st_mode) or stat.S_ISREG(st.st_mode):
        return st, None
    kind = _NOT_REGULAR.get(stat.S_IFMT(st.st_mode), "not a file")
    return st, f"not a regular file ({kind})"


def walk(top: str, pattern: list[str] | None = None) -> list[tuple[str, str | None]]:
    """``(path, problem)`` of every entry under the folder ``top`` that is not a folder, sorted;
    ``problem`` says why one cannot be read as a document, else ``None``. Hidden names (``.``)
    are left out. The real tree is walked first, then the links to folders it holds, each
    folder once: a link loop ends, and a file is named by its real path where it has one. With
    ``pattern`` (glob parts below ``top``), only matching paths, and only folders that can hold
    one are walked."""
    folders = deque([(top, ())])
    links: deque[tuple[str, tuple[str, ...]]] = deque()
    seen: set[tuple[int, int]] = set()
    found: list[tuple[str, str | None]] = []
    while folders or links:
        folder, rel = folders.popleft() if folders else links.popleft()
        try:
            st = os.stat(folder)
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue  # a folder that vanished or cannot be listed holds no documents we can read
        if _saring_own(folder, top):  # saring's output or store: never input, glob or not
            continue
        for e in entries:
            if e.name.startswith("."):
                continue
            parts = (*rel, e.name)
            st, problem = _entry(e)
            if st is not None and stat.S_ISDIR(st.st_mode):
                if pattern is None or _may_hold(pattern, parts):
                    (links if e.is_symlink() else folders).append((e.path, parts))
            elif pattern is None or _matches(pattern, parts):
                found.append((e.path, problem))
    return sorted(found)


def _expand_glob(arg: str) -> tuple[list[tuple[str, str | None]], str]:
    """The files a glob matches, by the same walk as a folder's, and the glob's root."""
    root, pattern = _split_glob(arg)
    found = walk(root, pattern) if os.path.isdir(root) else []
    if root == "." and not arg.startswith("./"):
        found = [(os.path.relpath(p), why) for p, why in found]
    return found, root


def _expand(arg: str) -> list[tuple[str, str, bool, str | None]]:
    """``(path, root, explicit, problem)`` for one INPUT argument: a file, folder or glob."""
    if _has_magic(arg) and not os.path.exists(arg):
        matches, root = _expand_glob(arg)
        if not matches:
            raise InputError(f"{shown(arg)}: no file matches this pattern")
        return [(m, root, False, why) for m, why in matches]
    if os.path.isdir(arg):
        if not os.access(arg, os.R_OK | os.X_OK):
            raise InputError(f"{shown(arg)}: folder is not readable (permission denied)")
        walked = walk(arg)
        if not walked:
            raise InputError(f"{shown(arg)}: folder is empty")
        return [(p, arg, False, why) for p, why in walked]
    if os.path.exists(arg):
        if not os.path.isfile(arg):
            raise InputError(f"{shown(arg)}: not a regular file")
        return [(arg, arg, True, None)]
    raise InputError(f"{shown(arg)}: no such file or folder")


def resolve_inputs(args: list[str], fmt: str | None = None) -> tuple[list[InputFile], list[str]]:
    """Expand files, folders and globs. Returns ``(files, skipped)``.

    ``skipped`` lists files inside folders or globs whose format is unknown (they are not
    documents of any supported kind), as :func:`shown` writes them. A file of a folder or glob
    that cannot be read (a named pipe, a broken link, no permission) is kept with its
    ``problem``. Raises :class:`InputError` for an argument that names nothing readable.
    """
    if fmt is not None and fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    files: list[InputFile] = []
    skipped: list[str] = []
    seen: set[str] = set()
    for path, root, explicit, problem in (found for arg in args for found in _expand(arg)):
        real = os.path.realpath(path) if problem is None else path
        if real in seen:  # the same file named twice is read once
            continue
        seen.add(real)
        detected, compressed = detect_format(path)
        use = fmt or detected
        if compressed not in CODECS_OF.get(use, (compressed,)):
            if explicit:
                how = " or gzip-compressed" if "gzip" in CODECS_OF[use] else ""
                why = f"{use} files are read plain{how}, not {compressed}"
                raise InputError(f"{shown(path)}: {why}")
            use = None
        if use is None:
            if explicit:
                raise InputError(
                    f"{shown(path)}: cannot tell the format from the name; pass --format "
                    f"({', '.join(FORMATS)})"
                )
            skipped.append(shown(path))
            continue
        if problem is None and not os.access(path, os.R_OK):
            if explicit:
                raise InputError(f"{shown(path)}: file is not readable (permission denied)")
            problem = "file is not readable (permission denied)"
        key = _key(path, root) if not explicit else os.path.basename(path)
        size = os.path.getsize(path) if problem is None else 0
        files.append(InputFile(path, key, use, compressed, size, problem=problem, named=explicit))
    if not files:
        raise InputError(
            "no input files of a supported kind ("
            + ", ".join(sorted(set(SUFFIXES)))
            + ", each optionally .gz, .bz2, .xz or .zst)"
        )
    # Keys must be unique for ids to be unique: where two inputs share one, use absolute paths.
    counts = Counter(f.key for f in files)
    files = [
        replace(f, key=Path(os.path.abspath(f.path)).as_posix()) if counts[f.key] > 1 else f
        for f in files
    ]
    # Input order is the order of the arguments, then sorted paths within a folder or glob.
    return [replace(f, order=i) for i, f in enumerate(files)], skipped


TABLES = ("csv", "parquet", "arrow", "jsonl")


def table_of(f: InputFile, opts: ReaderOptions) -> tuple[bool, list[str] | None]:
    """Whether the table ``f`` has a column of text or HTML (a CSV's whole header, a Parquet
    schema, any object of a JSONL file), and its columns (``None``: not a table, or its header
    cannot be read; the reader then reports that per document)."""
    if f.problem is not None or f.fmt not in TABLES:
        return True, None
    from saring.readers.formats import table_columns  # formats builds on this module

    try:
        return table_columns(f, opts)
    except (OSError, EOFError, ValueError, RecursionError, zlib.error, csv.Error):
        return True, None


def _listed(columns: list[str]) -> str:
    return ", ".join(columns[:20]) + (" ..." if len(columns) > 20 else "")


def _needs(opts: ReaderOptions) -> str:
    from saring.readers.options import COMMON_NAMES

    fields = [f for f in ("text_col", "html_col") if getattr(opts, f)]  # an empty one is off
    names = [getattr(opts, f) for f in fields]
    tried = [c for f in fields for c in COMMON_NAMES[f] if c not in names]
    off = [f"--{f.replace('_', '-')} is empty" for f in ("text_col", "html_col") if f not in fields]
    return (
        f"column of text or HTML (not {' or '.join(repr(n) for n in names)}, nor "
        f"{', '.join(tried)}, in any case{''.join('; ' + o for o in off)}); name one with "
        "--text-col (or --html-col)"
    )


@dataclass
class TablePlan:
    """The files to read, the tables left out for having no text column (name -> columns), and
    each distinct column mapping: ``{"text": "isi_berita", ..., "files": 3, "first": name}``."""

    files: list[InputFile]
    skipped: dict[str, list[str]]
    mappings: list[dict]


def plan_tables(files: list[InputFile], opts: ReaderOptions) -> TablePlan:
    """Map every table by the columns it has, before anything runs. A table with no column of
    text or HTML found in a folder or glob is left out when other files can be read; raises one
    :class:`InputError` naming every such table when one was named on the command line or no
    file is left, or when a text or HTML column named with an option is in no table at all."""
    keep: list[InputFile] = []
    skipped: dict[str, list[str]] = {}
    named_out: list[str] = []
    maps: dict[tuple, dict] = {}
    seen: set[str] = set()
    for f in files:
        found, columns = table_of(f, opts)
        if columns is None:
            keep.append(f)
            continue
        seen.update(columns)
        if not found:
            skipped[f.name] = columns
            if f.named:
                named_out.append(f.name)
            continue
        keep.append(f)
        mapping = opts.mapping(columns)
        entry = maps.setdefault(tuple(sorted(mapping.items())), {**mapping, "files": 0})
        entry["files"] += 1
        entry.setdefault("first", f.name)
    if skipped and (named_out or not keep):
        lines = "\n".join(f"  {name} (columns: {_listed(c)})" for name, c in skipped.items())
        which = "table has" if len(skipped) == 1 else f"{len(skipped)} tables have"
        raise InputError(f"{which} no {_needs(opts)}:\n{lines}")
    for field in ("text_col", "html_col"):
        name = getattr(opts, field)
        if opts.given(field) and name and maps and name.split(".", 1)[0] not in seen:
            flag = "--" + field.replace("_", "-")
            raise InputError(f"{flag} {name!r}: no table has this column")
    return TablePlan(keep, skipped, list(maps.values()))


def open_input(f: InputFile):
    """The file as a binary stream, unpacked if it is gzip."""
    if f.compressed == "zstd":
        import pyarrow as pa

        return io.BufferedReader(pa.input_stream(f.path, compression="zstd"))
    opener = {"gzip": gzip.open, "bz2": bz2.open, "xz": lzma.open}.get(f.compressed or "", open)
    return opener(f.path, "rb")
