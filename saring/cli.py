"""The ``saring`` command line: ``saring run``, ``saring extract`` and ``saring config``.

Parses options into a :class:`saring.config.RunConfig` and hands over to the pipeline. Wrong usage
exits with status 2 and one line on stderr; bad documents never change the exit status. Standard
output closed by its reader (``| head``) ends the printing quietly and changes no exit status.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import gzip
import json
import os
import re
import sys
import zlib
from pathlib import Path

from saring import __version__, configfile, interrupt
from saring.clean import MODES as CLEAN_MODES
from saring.config import DedupConfig, RunConfig
from saring.configfile import DEFAULT_FILE
from saring.counts import counted
from saring.extract.dates import known_tz
from saring.extract.html import METHODS
from saring.filters.lang import languages
from saring.model import STATUSES
from saring.readers.inputs import FORMATS, InputError, InputFile, detect_format
from saring.readers.options import ReaderOptions

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line and points at ``--help``."""

    def error(self, message: str):
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _stdout_gone() -> None:
    """Standard output's reader has gone: point the descriptor at /dev/null, so that nothing
    more, the interpreter's last flush included, fails on it."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _out(text: str, end: str = "\n") -> None:
    """Print ``text`` on standard output; a reader that stopped reading (``| head``) is no
    error: the rest is dropped, the command goes on and keeps its exit status."""
    try:
        print(text, end=end, flush=True)
    except BrokenPipeError:
        _stdout_gone()


def _size(text: str) -> int:
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*", text, re.I)
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (try 8MB, 500KB or 1048576)")
    scale = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}[m.group(2).lower()]
    return int(float(m.group(1)) * scale)


def _fraction(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 < value < 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, not {text}")
    return value


def _whole(minimum: int):
    """An argparse type: a whole number of ``minimum`` or more."""

    def check(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be {minimum} or more, not {text}")
        return value

    return check


_positive = _whole(1)
_count = _whole(0)


class _LangCodes(argparse.Action):
    """``--lang``'s codes. A value after them that is not a code but names an input (a path
    that exists, or one with a slash or a wildcard) is an INPUT that ``nargs`` took for a code
    (``--lang id news/``): it goes back to the inputs."""

    def __call__(self, parser, namespace, values, option_string=None):
        known = languages()
        codes, inputs = [], []
        for v in values:
            is_code = all(c.strip().lower() in known for c in v.split(",") if c.strip())
            looks_like_path = "/" in v or os.sep in v or os.path.exists(v) or glob.has_magic(v)
            (inputs if looks_like_path and not is_code else codes).append(v)
        if not codes:
            parser.error(f"{option_string}: give a language code before {inputs[0]}")
        setattr(namespace, self.dest, codes)
        namespace.spilled_inputs = [*getattr(namespace, "spilled_inputs", []), *inputs]


def _tz(text: str) -> str:
    if not known_tz(text):
        raise argparse.ArgumentTypeError(
            f"unknown time zone {text!r} (try +07:00, WIB or Asia/Jakarta)"
        )
    return text


# Each option's destination -> the saring.toml setting it sets. argparse leaves an option that
# is not given as None, so the command line overrides saring.toml only where it says something.
_FLAG_SETTINGS = {
    "text_col": "read.text_col",
    "html_col": "read.html_col",
    "url_col": "read.url_col",
    "title_col": "read.title_col",
    "date_col": "read.date_col",
    "author_col": "read.author_col",
    "site_col": "read.site_col",
    "max_bytes": "read.max_bytes",
    "format": "read.format",
    "extractor": "extract.method",
    "favor": "extract.favor",
    "extract_timeout": "extract.timeout",
    "no_tables": "extract.include_tables",
    "default_tz": "extract.default_tz",
    "repeat_min_chars": "clean.repeat_min_chars",
    "text_cleaning": "clean.text_mode",
    "html_cleaning": "clean.html_mode",
    "lang": "filters.lang",
    "min_lang_score": "filters.min_lang_score",
    "no_quality": "filters.quality",
    "min_words": "quality.min_words",
    "no_exact_dedup": "dedup.exact",
    "no_near_dedup": "dedup.near",
    "near_threshold": "dedup.threshold",
    "ngram": "dedup.ngram",
    "num_perm": "dedup.num_perm",
    "bands": "dedup.bands",
    "rows": "dedup.rows",
    "seed": "dedup.seed",
    "no_verify": "dedup.verify",
    "no_stories": "stories.enabled",
    "no_report": "output.report",
    "workers": "engine.workers",
    "batch_size": "engine.batch_size",
    "runner": "engine.runner",
    "address": "engine.address",
}
# Switches that turn a setting off when given.
_OFF_SWITCHES = (
    "no_tables",
    "no_quality",
    "no_exact_dedup",
    "no_near_dedup",
    "no_verify",
    "no_stories",
    "no_report",
)


def _add_column_options(p: argparse.ArgumentParser) -> None:
    d = ReaderOptions()
    g = p.add_argument_group(
        "table inputs (JSONL, CSV, Parquet): which column holds what",
        "a named column is used where a table has it; otherwise each table is read through the "
        "first common name it has (text: content, isi_berita, body, ...; title: judul, "
        "headline; url: link; date: tanggal, published, ...). A table with no text or HTML "
        "column found in a folder is left out and listed",
    )
    g.add_argument(
        "--text-col",
        metavar="NAME",
        help=f"column with article text already extracted from HTML (default: {d.text_col})",
    )
    g.add_argument(
        "--html-col",
        metavar="NAME",
        help="column with raw HTML; a row with HTML is extracted, and HTML wins over "
        f"text when a row has both (default: {d.html_col})",
    )
    g.add_argument("--url-col", metavar="NAME", help=f"default: {d.url_col}")
    g.add_argument("--title-col", metavar="NAME", help=f"default: {d.title_col}")
    g.add_argument(
        "--date-col",
        metavar="NAME",
        help=f"publication date, in any common or Indonesian style (default: {d.date_col})",
    )
    g.add_argument("--author-col", metavar="NAME", help=f"default: {d.author_col}")
    g.add_argument(
        "--site-col",
        metavar="NAME",
        help=f"outlet name; without it the site is the URL's domain (default: {d.site_col})",
    )


def _add_document_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("settings")
    g.add_argument(
        "--config",
        metavar="FILE",
        help=f"settings file (TOML; see README); default: ./{DEFAULT_FILE} when it exists. "
        "Options given on the command line win over the file",
    )
    g.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="SECTION.KEY=VALUE",
        help="set any setting of the file, e.g. --set quality.max_top_2gram_frac=0.15 or "
        "--set quality.id.min_words=false (may be repeated)",
    )
    g = p.add_argument_group("documents")
    g.add_argument(
        "--format",
        choices=FORMATS,
        help="read every input as this format instead of telling it from the file name "
        "(.html .htm .txt .jsonl .json .csv .parquet .arrow .warc .warc.wet; .gz, and .bz2 .xz "
        ".zst for pages, JSON and CSV)",
    )
    g.add_argument(
        "--max-bytes",
        type=_size,
        metavar="SIZE",
        help="documents larger than this are not read and get status failed, "
        "reason too_large (default: 8MB)",
    )
    g.add_argument(
        "--extractor",
        choices=METHODS,
        help="HTML extraction: 'model' judges every text block of the page with saring's content "
        "model, 'trafilatura' uses trafilatura (default: model)",
    )
    g.add_argument(
        "--favor",
        choices=("balanced", "precision", "recall"),
        help="HTML extraction with --extractor trafilatura: its balance between keeping "
        "doubtful blocks (recall) and dropping them (precision) (default: balanced)",
    )
    g.add_argument(
        "--extract-timeout",
        type=float,
        metavar="SECONDS",
        help="a document whose extraction and cleaning (HTML or text) take longer gets status "
        "failed, reason extract_timeout; 0 means no limit (default: 30)",
    )
    g.add_argument(
        "--no-tables",
        action="store_true",
        default=None,
        help="HTML extraction with --extractor trafilatura: leave out the text of tables "
        "inside the article",
    )
    g.add_argument(
        "--default-tz",
        type=_tz,
        metavar="TZ",
        help="time zone for dates printed without one (default: +07:00, WIB)",
    )
    g.add_argument(
        "--repeat-min-chars",
        type=_positive,
        metavar="N",
        help="remove repeated lines of at least N characters, keeping the first copy (default: 20)",
    )
    g.add_argument(
        "--text-cleaning",
        choices=CLEAN_MODES,
        help="pages that arrive as text: 'full' finds the article among the page's lines with "
        "the content model and removes furniture, 'rules' removes only the lines the furniture "
        "table names, 'none' only repeated paragraphs (default: full)",
    )
    g.add_argument(
        "--html-cleaning",
        choices=CLEAN_MODES,
        help="the same choice for the article text extracted from HTML (default: full)",
    )
    g = p.add_argument_group("filters")
    g.add_argument(
        "--lang",
        nargs="+",
        action=_LangCodes,
        metavar="CODE",
        help="keep only documents in these languages (ISO 639-1: id, ms, en, jv, ...); the "
        "others are filtered with reason lang:CODE (default: keep every language)",
    )
    g.add_argument(
        "--min-lang-score",
        type=float,
        metavar="P",
        help="with --lang, also filter texts whose language probability is below P (default: 0)",
    )
    g.add_argument(
        "--no-quality",
        action="store_true",
        default=None,
        help="apply no quality rule (the signals are still measured and written)",
    )
    g.add_argument(
        "--min-words",
        type=_count,
        metavar="N",
        help="the minimum article length in words; 0 turns the rule off (default: 50)",
    )


def _add_dedup_options(p: argparse.ArgumentParser) -> None:
    dd = DedupConfig()
    g = p.add_argument_group("duplicates")
    g.add_argument(
        "--no-exact-dedup",
        action="store_true",
        default=None,
        help="do not mark documents whose normalised text equals another's",
    )
    g.add_argument(
        "--no-near-dedup", action="store_true", default=None, help="do not look for near copies"
    )
    g.add_argument(
        "--near-threshold",
        type=_fraction,
        metavar="J",
        help="word n-gram Jaccard similarity above which two documents are near "
        f"copies (default: {dd.threshold})",
    )
    g.add_argument(
        "--ngram", type=_positive, metavar="N", help=f"words per shingle (default: {dd.ngram})"
    )
    g.add_argument(
        "--num-perm",
        type=_positive,
        metavar="N",
        help=f"MinHash permutations (default: {dd.num_perm})",
    )
    g.add_argument(
        "--bands",
        type=_positive,
        metavar="B",
        help="LSH bands; with --rows, overrides the choice made from --near-threshold",
    )
    g.add_argument("--rows", type=_positive, metavar="R", help="LSH rows per band")
    g.add_argument("--seed", type=int, help=f"MinHash seed (default: {dd.seed})")
    g.add_argument(
        "--no-verify",
        action="store_true",
        default=None,
        help="join documents that share an LSH bucket without checking their true Jaccard",
    )
    g = p.add_argument_group("stories")
    g.add_argument(
        "--no-stories",
        action="store_true",
        default=None,
        help="do not group the kept documents into stories (story_id stays empty)",
    )
    e = p.add_argument_group("engine")
    e.add_argument(
        "--workers",
        type=_positive,
        metavar="N",
        help=f"worker processes for extraction and cleaning (default: the CPU count, "
        f"{os.cpu_count()} here)",
    )
    e.add_argument(
        "--batch-size",
        type=_positive,
        metavar="N",
        help=f"documents handed to a worker at a time (default: {RunConfig().batch_size})",
    )
    e.add_argument(
        "--runner",
        choices=("native", "ray"),
        help="where the Daft plan runs: this machine (native, the default) or a Ray cluster",
    )
    e.add_argument(
        "--address",
        metavar="ADDR",
        help="the Ray cluster's address for --runner ray (host:port of its head; default: "
        "RAY_ADDRESS, or a Ray started on this machine)",
    )


def _config(a: argparse.Namespace) -> tuple[RunConfig, str | None]:
    """The run's settings: defaults, then saring.toml (``--config`` or ./saring.toml), then
    ``--set``, then the options given. Returns the settings and the file used, if any."""
    path = a.config
    if path is None and os.path.isfile(DEFAULT_FILE):
        path = DEFAULT_FILE
    cfg = configfile.load(path) if path else RunConfig()
    for item in a.set:
        cfg = configfile.apply(cfg, *configfile.parse_assignment(item))
    for dest, name in _FLAG_SETTINGS.items():
        value = getattr(a, dest, None)
        if value is None:
            continue
        if dest in _OFF_SWITCHES or (dest == "min_words" and value == 0):
            value = False
        elif dest == "lang":  # "--lang id ms", "--lang id,ms", "--lang ID": configfile splits
            value = ",".join(value)
        cfg = configfile.apply(cfg, name, value)
    if cfg.filters.lang and not cfg.filters.identify:
        raise InputError("--lang needs language identification (filters.identify = true)")
    d = cfg.dedup
    if (d.bands is None) != (d.rows is None):
        raise InputError("--bands and --rows go together (dedup.bands and dedup.rows)")
    if d.bands and d.rows and d.bands * d.rows > d.num_perm:
        raise InputError(f"bands x rows ({d.bands * d.rows}) exceeds num_perm ({d.num_perm})")
    _one_field_a_column(cfg.reader)
    return cfg, path


def _one_field_a_column(opts: ReaderOptions) -> None:
    """A column the user named for two fields ("--url-col isi_berita" with the text there)
    would fill both with the same value: refused."""
    from saring.readers.options import COLUMN_FIELDS

    named: dict[str, str] = {}
    for name in COLUMN_FIELDS:
        column = getattr(opts, name)
        if not column or not opts.given(name):  # defaults give way (ReaderOptions.for_columns)
            continue
        if column in named:
            raise InputError(
                f"--{named[column].replace('_', '-')} and --{name.replace('_', '-')} both name "
                f"the column {column!r}; a column serves one field"
            )
        named[column] = name


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="saring",
        description="Turn raw crawled news pages into a clean, deduplicated corpus.",
        epilog="Run 'saring COMMAND --help' for the options of each command.",
    )
    parser.add_argument("--version", action="version", version=f"saring {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    run = sub.add_parser(
        "run",
        help="process inputs into OUT/documents.parquet and OUT/stats.json",
        description="Read every document of the inputs, extract and clean its text, mark exact "
        "and near duplicates, and write OUT/documents.parquet (one row per input document, "
        "saying what became of it) and OUT/stats.json (counts per stage and reason, timings). "
        "OUT appears only when the run is complete.",
    )
    run.add_argument(
        "inputs",
        nargs="*",  # at least one, checked in main(): --lang may have taken it (_LangCodes)
        metavar="INPUT",
        help="files, folders (searched recursively) or glob patterns in quotes",
    )
    run.add_argument(
        "-o",
        "--out",
        metavar="OUT",
        help="output folder; must be new, empty, or an earlier saring output (which is "
        "replaced; the summary says so). With --store: the whole store exported there after "
        "the run",
    )
    run.add_argument(
        "--store",
        metavar="STORE",
        help="add the documents to this store (a folder; created when missing): those it holds "
        "already are skipped, copies of stored documents are marked against them, new articles "
        "join its open stories. A killed run leaves the store as it was",
    )
    _add_document_options(run)
    _add_column_options(run)
    _add_dedup_options(run)
    e = run.add_argument_group("output")
    e.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print nothing but errors: no progress, no summary (stats.json has the figures)",
    )
    e.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also show the engine's own output (Daft's progress bars and query ids)",
    )
    e.add_argument(
        "--no-report",
        action="store_true",
        default=None,
        help="do not write OUT/report.html (build it later with 'saring report OUT')",
    )

    xp = sub.add_parser(
        "export",
        help="write a store's corpus as the outputs of one run",
        description="Write STORE's documents (every run, in order), stories, summed statistics "
        "and report into OUT, as 'saring run' writes them.",
    )
    xp.add_argument("store", metavar="STORE", help="a folder made by 'saring run --store'")
    xp.add_argument("-o", "--out", required=True, metavar="OUT", help="output folder")
    xp.add_argument("--no-report", action="store_true", help="do not write OUT/report.html")

    rp = sub.add_parser(
        "report",
        help="(re)build OUT/report.html from a run's outputs",
        description="Build the browsable page of a finished run (OUT/documents.parquet, "
        "stories.parquet, stats.json) as one self-contained HTML file: the funnel, signals, "
        "languages, sites, duplicate clusters, stories, and every document with its removed "
        "lines. 'saring run' writes it already unless --no-report is given.",
    )
    rp.add_argument("out", metavar="OUT", help="the output folder of a saring run")
    rp.add_argument("--to", metavar="FILE", help="write the page here (default OUT/report.html)")

    cf = sub.add_parser(
        "config",
        help="print the effective settings",
        description="Print the settings a run would use, as TOML that saring.toml accepts: "
        "the defaults, then saring.toml (--config FILE, or ./saring.toml when it exists), "
        "then --set and the other options given here.",
    )
    cf.add_argument("--show", action="store_true", help="print the settings (the default)")
    _add_document_options(cf)
    _add_column_options(cf)
    _add_dedup_options(cf)

    ex = sub.add_parser(
        "extract",
        help="print the clean text of one page",
        description="Extract and clean one page (.html, .htm or .txt, optionally .gz; '-' reads "
        "standard input) and print its text. Exits 1 when the page is not kept: it failed (no text "
        "could be had) or was filtered (its text is printed all the same, the reason goes to "
        "standard error). A reader that stops early ('| head') ends the printing quietly and "
        "changes no exit status.",
    )
    ex.add_argument("file", metavar="FILE", help="the page; '-' for standard input")
    ex.add_argument(
        "--json",
        action="store_true",
        help="print a JSON object with the metadata (title, author, published, site, "
        "url, encoding), the text and the removed pieces; with --explain also every unit "
        "(text, reason, score)",
    )
    ex.add_argument(
        "--explain",
        action="store_true",
        help="print every unit of the page in order with the content model's score (where it "
        "judged the unit): kept ones as they are, removed ones marked '- [reason]' (struck "
        "through on a terminal)",
    )
    ex.add_argument("--url", default=None, help="the page's address, for metadata and site")
    _add_document_options(ex)
    return parser


def _stories_line(stories: dict) -> str:
    if not stories.get("enabled", True):
        return "  stories: not grouped (--no-stories)"
    n, several = stories.get("stories", 0), stories.get("with_several_sites", 0)
    return (
        f"  {counted(n, 'story', 'stories')}, {several:,} with articles from 2 or more sites "
        f"(largest: {counted(stories.get('largest', 0), 'article')})"
    )


def _status_lines(docs: dict) -> list[str]:
    """The documents per status, and the reasons counted."""
    lines = [f"  {st:<10} {docs['by_status'].get(st, 0):>8}" for st in STATUSES]
    if docs["by_reason"]:
        lines.append("  reasons:   " + ", ".join(f"{k} {v}" for k, v in docs["by_reason"].items()))
    return lines


def _summary(stats: dict, out: str, replaced: bool = False) -> str:
    docs = stats["documents"]
    t = stats["timing"]
    lines = [
        f"saring: {counted(docs['in'], 'document')} in, {counted(docs['out'], 'row')} out, "
        f"{t['total_seconds']:.1f} s ({t['documents_per_second']} documents/s)"
    ]
    lines += _status_lines(docs)
    removed = stats["clean"]["removed_pieces"]
    if removed:
        lines.append("  removed from texts: " + ", ".join(f"{k} {v}" for k, v in removed.items()))
    lines.append(_stories_line(stats.get("stories", {})))
    left_out = stats.get("inputs", {}).get("tables_without_text") or {}
    if left_out:
        names = ", ".join(left_out)
        lines.append(
            f"  left out {counted(len(left_out), 'table')} with no column of text or HTML "
            f"(their columns are in stats.json): {names}"
        )
    skipped = stats.get("inputs", {}).get("skipped_files") or []
    if skipped:  # a folder's .json, .md or .zip: no document of a kind saring reads
        names = ", ".join(skipped[:5]) + (
            f" and {len(skipped) - 5} more" if len(skipped) > 5 else ""
        )
        lines.append(
            f"  skipped {counted(len(skipped), 'file')} of no kind saring reads "
            f"(listed in stats.json; --format reads every file as one kind): {names}"
        )
    if replaced:
        lines.append(f"replaced the earlier output in {os.path.abspath(out)}")
    lines.append(f"outputs in {os.path.abspath(out)}:")
    lines.append("  documents.parquet  one row per input document (status, reason, dup_of, text)")
    lines.append("  stories.parquet    one row per story: label, keywords, sites, dates, summary")
    lines.append("  stats.json         documents in and out per stage, counts per reason, timings")
    if (Path(out) / "report.html").exists():
        lines.append(
            "  report.html        the run to browse: funnel, stories, every document explained"
        )
    return "\n".join(lines)


def _holds_output(out: str) -> bool:
    """Whether the folder ``out`` holds something already: a run that writes there and succeeds
    has replaced an earlier saring output (anything else is refused)."""
    try:
        return any(Path(out).iterdir())
    except OSError:  # missing, or not a folder
        return False


def _cmd_config(a: argparse.Namespace) -> int:
    cfg, path = _config(a)
    _out(configfile.dumps(cfg, path), end="")
    return 0


def _cmd_run(a: argparse.Namespace, supervise: bool = False) -> int:
    """``saring run``; with ``supervise``, in a child process that Ctrl-C or SIGTERM stops at
    any moment (``saring.interrupt``), the engine's threads and processes with it."""
    cfg, path = _config(a)
    if path and not a.quiet:
        print(f"saring: settings from {path}", file=sys.stderr)
    store = a.store or cfg.store  # [output] store in saring.toml: the default store
    if not a.out and not store:
        print(
            "saring run: error: give -o/--out OUT, --store STORE (or [output] store in "
            "saring.toml), or both",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if supervise and interrupt.available():
        outputs = interrupt.Outputs(a.out, store)
        return interrupt.supervised(lambda: _run(a, cfg, store), outputs)
    interrupt.unsupervised()
    return _run(a, cfg, store)


@contextlib.contextmanager
def _engine_quiet(quiet: bool):
    """Without ``--verbose``, the engine's own progress bars and query ids are not shown (saring
    tells its own progress); the environment is as it was afterwards."""
    names = ("DAFT_PROGRESS_BAR", "DAFT_SHOW_QUERY_ID")
    before = {n: os.environ.get(n) for n in names}
    if quiet:
        os.environ.update(dict.fromkeys(names, "0"))
    try:
        yield
    finally:
        for n, v in before.items():
            if v is None:
                os.environ.pop(n, None)
            else:
                os.environ[n] = v


def _run(a: argparse.Namespace, cfg: RunConfig, store: str | None) -> int:
    with _engine_quiet(not a.verbose):
        return _run_quietly(a, cfg, store)


def _run_quietly(a: argparse.Namespace, cfg: RunConfig, store: str | None) -> int:
    from saring.output import OutputError
    from saring.progress import LiveProgress, Progress

    progress = Progress(lambda _msg: None) if a.quiet else LiveProgress(sys.stderr)
    replaced = bool(a.out) and _holds_output(a.out)
    try:
        if store:
            lines = _run_into_store(a, cfg, store, progress, replaced)
        else:
            stats = _pipeline_run(a, cfg, progress)
            lines = [_summary(stats, a.out, replaced)]
    except (InputError, OutputError) as e:
        progress.close()
        print(f"saring run: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        progress.close()
    for line in [] if a.quiet else lines:
        _out(line)
    return 0


def _pipeline_run(a: argparse.Namespace, cfg: RunConfig, progress, store=None) -> dict:
    from saring.pipeline import run

    command = ["saring", *sys.argv[1:]]
    out = None if store else a.out
    return run(a.inputs, out, cfg, command=command, store=store, progress=progress)


def _run_into_store(a, cfg: RunConfig, store: str, progress, replaced: bool) -> list[str]:
    """``saring run --store``: the run added to the store, then with ``-o`` the whole store
    exported; the lines that say so."""
    from saring.output import AtomicOutputDir
    from saring.store import export

    if a.out:  # before the run: a run must not be added to the store when OUT is unusable
        AtomicOutputDir(a.out).check()
    stats = _pipeline_run(a, cfg, progress, store)
    s = stats["store"]
    lines = [
        f"saring: {counted(stats['documents']['in'], 'new document')} added to {store} "
        f"({s['already_stored']:,} already stored; duplicates of stored ones: "
        f"{s['duplicates_of_stored'].get('exact', 0):,} exact, "
        f"{s['duplicates_of_stored'].get('near', 0):,} near; "
        f"{counted(s['stories_changed_or_new'], 'story', 'stories')} new or grown)"
    ]
    lines += _status_lines(stats["documents"])
    if a.out:
        progress.phase("exporting the store", f"saring: exporting {store} to {a.out} ...")
        export(store, a.out, report=cfg.report)
        again = f" (replaced the earlier output in {os.path.abspath(a.out)})" if replaced else ""
        lines.append(f"saring: the store exported to {a.out}{again}")
    return lines


def _cmd_export(a: argparse.Namespace) -> int:
    from saring.output import OutputError
    from saring.store import export

    replaced = _holds_output(a.out)
    try:
        stats = export(a.store, a.out, report=not a.no_report)
    except OutputError as e:
        print(f"saring export: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    d = stats["documents"]
    _out(
        f"saring: {counted(d['in'], 'document')} from {counted(len(stats['runs']), 'run')} of "
        f"{a.store} written to {a.out} "
        f"({', '.join(f'{k} {v:,}' for k, v in d['by_status'].items())})"
    )
    if replaced:
        _out(f"saring: replaced the earlier output in {os.path.abspath(a.out)}")
    return 0


def _cmd_report(a: argparse.Namespace) -> int:
    from saring.report import build

    out = Path(a.out)
    missing = [f for f in ("documents.parquet", "stats.json") if not (out / f).is_file()]
    if missing:
        print(
            f"saring report: error: {out} is not a finished saring output "
            f"(no {' or '.join(missing)})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    why = _report_target_problem(out, a.to)
    if why:
        print(f"saring report: error: {why}", file=sys.stderr)
        return EXIT_USAGE
    dest = build(out, a.to)
    _out(f"{dest} ({dest.stat().st_size / 2**20:.1f} MiB)")
    return 0


def _report_target_problem(out: Path, to: str | None) -> str | None:
    """Why the report cannot be written to ``to`` (None: it can): a folder, a folder that is
    not there, or one of the run's own outputs."""
    if to is None:
        return None
    dest = Path(to)
    if dest.is_dir():
        return f"--to {to}: is a folder; name the file (e.g. {dest / 'report.html'})"
    if not dest.parent.is_dir():
        return f"--to {to}: the folder {dest.parent} does not exist"
    own = {(out / f).resolve() for f in ("documents.parquet", "stories.parquet", "stats.json")}
    if dest.resolve() in own:
        return f"--to {to}: is one of the run's outputs; name another file"
    return None


def _units(p) -> list[tuple[str, str | None, float | None]]:
    """The page's units in order: (text, the reason it went or None, the model's score)."""
    return p.explain or [(line, None, None) for line in (p.text or "").split("\n") if line]


def _explain(p, tty: bool) -> str:
    """The page unit by unit: kept ones plain, removed ones marked with their reason, each with
    the content model's score where it judged the unit."""
    rows = _units(p)
    kept = sum(1 for _, reason, _ in rows if reason is None)
    head = (
        f"# {p.status}{': ' + p.reason if p.reason else ''}; title: {p.title or '-'}; "
        f"published: {p.published.isoformat() if p.published else '-'}; "
        f"{counted(kept, 'line')} kept, {len(rows) - kept} removed"
    )
    out = [head + (f"; read by {p.explain_reader}" if p.explain_reader else "")]
    for text, reason, score in rows:
        mark = f"{score:.2f} " if score is not None else "   · "  # not judged by the model
        if reason is None:
            out.append(f"  {mark}{text}")
        elif tty:
            out.append(f"\x1b[2m- {mark}[{reason}] \x1b[9m{text}\x1b[0m")
        else:
            out.append(f"- {mark}[{reason}] {text}")
    return "\n".join(out)


def _cmd_extract(a: argparse.Namespace) -> int:
    from saring.process import process_record
    from saring.readers.formats import read_page

    cfg, _ = _config(a)
    if a.file == "-":
        data = sys.stdin.buffer.read()
        if data[:2] == b"\x1f\x8b":  # gzip -c page.html | saring extract -
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError, zlib.error) as e:
                print(
                    f"saring extract: error: standard input: bad gzip data ({e})", file=sys.stderr
                )
                return EXIT_USAGE
        fmt = a.format or "text"  # HTML is found by its content (process.is_markup)
        record = {"id": "-", "order": "0", "fmt": fmt, "raw": data, "url": a.url}
    else:
        if not os.path.isfile(a.file):
            what = (
                "a folder (for a folder use 'saring run')"
                if os.path.isdir(a.file)
                else "no such file"
            )
            print(f"saring extract: error: {a.file}: {what}", file=sys.stderr)
            return EXIT_USAGE
        fmt, compressed = detect_format(a.file)
        fmt = a.format or fmt
        if fmt is None:
            print(
                f"saring extract: error: {a.file}: cannot tell the format from the name; "
                "add --format html or --format text",
                file=sys.stderr,
            )
            return EXIT_USAGE
        if fmt not in ("html", "text"):
            print(
                f"saring extract: error: {a.file}: extract takes one page (.html, .htm, .txt); "
                "for collections use 'saring run'",
                file=sys.stderr,
            )
            return EXIT_USAGE
        f = InputFile(a.file, os.path.basename(a.file), fmt, compressed, os.path.getsize(a.file))
        record = next(read_page(f, cfg.reader)).as_row()
        record["url"] = a.url
    outcome = process_record(record, cfg)
    p = outcome.processed
    if a.json:
        units = [{"text": t, "reason": r, "score": sc} for t, r, sc in _units(p)]
        _out(
            json.dumps(
                {
                    "source": a.file,
                    "status": p.status,
                    "reason": p.reason,
                    "title": p.title,
                    "author": p.author,
                    "published": p.published.isoformat() if p.published else None,
                    "site": p.site,
                    "url": p.url,
                    "encoding": p.encoding,
                    "chars_in": p.chars_in,
                    "chars_out": p.chars_out,
                    "text": p.text,
                    "removed": [r.as_dict() for r in p.removed],
                    "lang": p.lang,
                    "lang_score": p.lang_score,
                    "signals": p.signals,
                    **({"units": units, "read_by": p.explain_reader} if a.explain else {}),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    elif a.explain:
        _out(_explain(p, tty=sys.stdout.isatty()))
    elif p.text is not None:
        _out(p.text)
    if p.status != "kept":
        print(f"saring extract: {a.file}: {p.status}: {p.reason}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    """The ``saring`` command. Without ``argv`` it is the process's own command line, and
    ``saring run`` works in a child process that Ctrl-C stops at once (``saring.interrupt``);
    with ``argv`` (a caller's, a test's) the run stays in the caller's process."""
    parser = build_parser()
    try:
        a = parser.parse_args(argv)
    except SystemExit:  # --help, --version: printed already, the reader may have gone
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _stdout_gone()
        raise
    if a.command is None:
        parser.print_help()
        return EXIT_USAGE
    spilled = getattr(a, "spilled_inputs", [])
    if spilled and a.command != "run":  # only run takes inputs: the value was a wrong code
        _Parser(prog=f"{parser.prog} {a.command}").error(
            f"--lang: not a language code: {spilled[0]}"
        )
    if a.command == "run":
        a.inputs = [*a.inputs, *spilled]
        if not a.inputs:
            _Parser(prog=f"{parser.prog} run").error("the following arguments are required: INPUT")
    try:
        if a.command == "run":  # the process's own command line: a run Ctrl-C can stop
            return _cmd_run(a, supervise=argv is None)
        interrupt.working()
        if a.command == "config":
            return _cmd_config(a)
        if a.command == "report":
            return _cmd_report(a)
        if a.command == "export":
            return _cmd_export(a)
        return _cmd_extract(a)
    except (InputError, configfile.ConfigError) as e:
        print(f"saring {a.command}: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt as e:  # Ctrl-C, or SIGTERM and SIGHUP as interrupt.Stopped
        interrupt.handled()
        print(interrupt.INTERRUPTED, file=sys.stderr)
        return interrupt.status(e)
