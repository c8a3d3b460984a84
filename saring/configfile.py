"""``saring.toml``: every setting of a run in one file, checked strictly, and printed back.

``load`` reads a TOML file into a :class:`~saring.config.RunConfig`; ``apply`` sets one
``section.key`` (the command line's options and ``--set`` use it too); ``dumps`` prints the
effective settings as TOML that ``load`` reads back. An unknown section or key, or a value of
the wrong type, is an error naming it, never ignored. The quality thresholds themselves are
``saring.filters``'s; this module only routes ``[quality]`` tables to it.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from saring.clean import MODES as CLEAN_MODES
from saring.config import RunConfig
from saring.extract.html import METHODS
from saring.filters import QualityRules
from saring.filters.lang import languages
from saring.readers.inputs import FORMATS

DEFAULT_FILE = "saring.toml"


class ConfigError(ValueError):
    """A setting that cannot be used: the message names it and says what it accepts."""


def _str(choices=None):
    def check(v):
        if not isinstance(v, str) or (choices and v not in choices):
            allowed = f"one of {', '.join(choices)}" if choices else "a string"
            raise TypeError(allowed)
        return v

    return check


def _bool(v):
    if not isinstance(v, bool):
        raise TypeError("true or false")
    return v


def _int(minimum=1):
    def check(v):
        if isinstance(v, bool) or not isinstance(v, int) or v < minimum:
            raise TypeError(f"a whole number >= {minimum}")
        return v

    return check


def _float(lo=0.0, hi=None, none_if_zero=False):
    def check(v):
        if isinstance(v, bool) or not isinstance(v, int | float):
            raise TypeError("a number")
        if v < lo or (hi is not None and v > hi):
            raise TypeError(f"a number from {lo} to {hi}" if hi is not None else f">= {lo}")
        return None if (none_if_zero and v == 0) else float(v)

    return check


def _tz(v):
    from saring.extract.dates import known_tz

    if not isinstance(v, str) or not known_tz(v):
        raise TypeError("a time zone this machine knows (+07:00, WIB or Asia/Jakarta)")
    return v


def _langs(v):
    known = languages()
    if isinstance(v, str):  # --set filters.lang=id,ms
        v = [c.strip().lower() for c in v.split(",") if c.strip()]
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise TypeError('a list of language codes, e.g. ["id", "ms"]')
    unknown = [x for x in v if x not in known]
    if unknown:
        raise TypeError(f"language codes the identifier knows; not {', '.join(unknown)}")
    return tuple(v)


def _optional(check):
    def inner(v):
        return None if v is False else check(v)

    return inner


# section -> key -> (attribute path in RunConfig, check and convert)
SETTINGS: dict[str, dict[str, tuple[str, Callable[[Any], Any]]]] = {
    "read": {
        **{
            k: (f"reader.{k}", _str())
            for k in ("text_col", "html_col", "url_col", "title_col", "date_col")
        },
        "author_col": ("reader.author_col", _str()),
        "site_col": ("reader.site_col", _str()),
        "max_bytes": ("reader.max_bytes", _int()),
        "format": ("format", _optional(_str(FORMATS))),
    },
    "extract": {
        "method": ("extractor.method", _str(METHODS)),
        "favor": ("extractor.favor", _str(("balanced", "precision", "recall"))),
        "include_tables": ("extractor.include_tables", _bool),
        "include_comments": ("extractor.include_comments", _bool),
        "timeout": ("extractor.timeout", _float(none_if_zero=True)),
        "unsure_share": ("extractor.unsure_share", _optional(_float(0.0, 1.0))),
        "sure_score": ("extractor.sure_score", _float(0.0, 1.0)),
        "default_tz": ("default_tz", _tz),
    },
    "clean": {
        "text_mode": ("clean.text_mode", _str(CLEAN_MODES)),
        "html_mode": ("clean.html_mode", _str(CLEAN_MODES)),
        "repeat_min_chars": ("clean.classifier.repeat_min_chars", _int()),
        "site_repeats": ("clean.site.enabled", _bool),
        "site_min_texts": ("clean.site.min_texts", _int()),
        "site_min_fraction": ("clean.site.min_fraction", _float(0.0, 1.0)),
    },
    "filters": {
        "lang": ("filters.lang", _langs),
        "min_lang_score": ("filters.min_lang_score", _float(0.0, 1.0)),
        "quality": ("filters.quality.enabled", _bool),
        "identify": ("filters.identify", _bool),
    },
    "dedup": {
        "exact": ("dedup.exact", _bool),
        "near": ("dedup.near", _bool),
        "threshold": ("dedup.threshold", _float(0.0, 1.0)),
        "ngram": ("dedup.ngram", _int()),
        "num_perm": ("dedup.num_perm", _int()),
        "bands": ("dedup.bands", _optional(_int())),
        "rows": ("dedup.rows", _optional(_int())),
        "seed": ("dedup.seed", _int(0)),
        "verify": ("dedup.verify", _bool),
        "window": ("dedup.window", _int()),
    },
    "stories": {
        "enabled": ("stories.enabled", _bool),
        "threshold": ("stories.threshold", _float(0.0, 1.0)),
        "neighbours": ("stories.neighbours", _int()),
        "self_weight": ("stories.self_weight", _float(0.0)),
        "floor": ("stories.floor", _float(0.0, 1.0)),
        "title_weight": ("stories.title_weight", _int(0)),
        "lead_words": ("stories.lead_words", _int()),
        "lead_decay": ("stories.lead_decay", _float(0.0)),
        "half_life_hours": ("stories.half_life_hours", _float(0.0)),
        "window_days": ("stories.window_days", _float(0.0)),
        "summary_sentences": ("summary.sentences", _int()),
    },
    "output": {
        "report": ("report", _bool),
        "store": ("store", _optional(_str())),
    },
    "engine": {
        "workers": ("workers", _int()),
        "batch_size": ("batch_size", _int()),
        "in_process_below": ("in_process_below", _int(0)),
        "reuse": ("reuse", _int(0)),
        "runner": ("runner", _str(("native", "ray"))),
        "address": ("address", _optional(_str())),
    },
}
SECTIONS = (*SETTINGS, "quality")


def _replace_path(obj, path: list[str], value):
    if len(path) == 1:
        return dataclasses.replace(obj, **{path[0]: value})
    child = getattr(obj, path[0])
    return dataclasses.replace(obj, **{path[0]: _replace_path(child, path[1:], value)})


def _get_path(obj, path: str):
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def apply(cfg: RunConfig, name: str, value: Any) -> RunConfig:
    """``cfg`` with the setting ``name`` (``"dedup.threshold"``, ``"quality.min_words"``,
    ``"quality.id.max_top_2gram_frac"``) set to ``value``. Raises ``ConfigError``."""
    section, _, key = name.partition(".")
    if section == "quality":
        lang, _, rule = key.rpartition(".")
        table = {lang: {rule: value}} if lang else {key: value}
        return apply_quality(cfg, table)
    if section not in SETTINGS:
        raise ConfigError(f"unknown section [{section}]; sections are: {', '.join(SECTIONS)}")
    if key not in SETTINGS[section]:
        known = ", ".join(SETTINGS[section])
        raise ConfigError(f"unknown setting {section}.{key}; [{section}] has: {known}")
    path, check = SETTINGS[section][key]
    try:
        converted = check(value)
    except TypeError as e:
        raise ConfigError(f"{section}.{key} must be {e}; got {value!r}") from None
    return _replace_path(cfg, path.split("."), converted)


def apply_quality(cfg: RunConfig, table: dict) -> RunConfig:
    """A ``[quality]`` table: rule values for every language, sub-tables for one language."""
    every = {k: v for k, v in table.items() if not isinstance(v, dict)}
    per_lang = {k: v for k, v in table.items() if isinstance(v, dict)}
    try:
        quality = cfg.filters.quality.with_overrides(every, per_lang)
    except ValueError as e:
        raise ConfigError(str(e)) from None
    return _replace_path(cfg, ["filters", "quality"], quality)


def load(path: str | Path, cfg: RunConfig | None = None) -> RunConfig:
    """``cfg`` (default: the defaults) with the settings of a ``saring.toml`` applied."""
    cfg = cfg or RunConfig()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"cannot read config {path}: {e.strerror or e}") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path} is not valid TOML: {e}") from None
    for section, table in data.items():
        if section not in SECTIONS or not isinstance(table, dict):
            raise ConfigError(
                f"{path}: unknown section [{section}]; sections are: {', '.join(SECTIONS)}"
            )
        if section == "quality":
            cfg = apply_quality(cfg, table)
            continue
        for key, value in table.items():
            try:
                cfg = apply(cfg, f"{section}.{key}", value)
            except ConfigError as e:
                raise ConfigError(f"{path}: {e}") from None
    return cfg


def parse_assignment(text: str) -> tuple[str, Any]:
    """``"dedup.threshold=0.7"`` -> ``("dedup.threshold", 0.7)``; the value is read as TOML
    (numbers, true/false, ["id", "ms"]), and as a plain string when it is not TOML."""
    name, sep, raw = text.partition("=")
    if not sep or not name.strip():
        raise ConfigError(f"--set wants SECTION.KEY=VALUE, got {text!r}")
    try:
        value = tomllib.loads(f"v = {raw.strip()}")["v"]
    except tomllib.TOMLDecodeError:
        value = raw.strip()
    return name.strip(), value


def _toml(value) -> str:
    if value is None:
        return "false"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(round(value, 6))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def dumps(cfg: RunConfig, source: str | None = None) -> str:
    """The effective settings as TOML that ``load`` reads back to the same ``RunConfig``."""
    origin = f"the defaults, then {source}" if source else "the defaults"
    out = [f"# effective saring settings: {origin}, then --set and the options given"]
    for section, keys in SETTINGS.items():
        out.append(f"\n[{section}]")
        for key, (path, _) in keys.items():
            value = _get_path(cfg, path)
            if value is None and key in ("bands", "rows", "format", "address", "store"):
                why = {
                    "format": "told from each file name",
                    "address": "RAY_ADDRESS, or a Ray on this machine",
                    "store": "runs are one-shot unless --store is given",
                }.get(key, "chosen from threshold")
                out.append(f"# {key} = (not set: {why})")
                continue
            if key == "timeout" and value is None:
                value = 0
            out.append(f"{key} = {_toml(value)}")
    q = cfg.filters.quality
    out.append("\n# quality rules for every language; false turns a rule off")
    out.append("[quality]")
    out += [f"{k} = {_toml(v)}" for k, v in q.default.thresholds()]
    out.append(f"stopwords = {_toml(q.default.stopwords)}")
    for code, rules in sorted(q.langs.items()):
        diff = [
            (name, getattr(rules, name))
            for name in (*QualityRules.rule_names(), "stopwords")
            if getattr(rules, name) != getattr(q.default, name)
        ]
        if diff:
            out.append(f"\n[quality.{code}]")
            out += [f"{k} = {_toml(v)}" for k, v in diff]
    return "\n".join(out) + "\n"
