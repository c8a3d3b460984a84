"""Language and quality filters: judge a clean text, and always say why one is filtered.

``judge`` identifies the language (``lang``), measures the quality signals (``quality``) and
returns the first rule the text breaks as a reason (``lang:ms``, ``quality:top_2gram_frac``),
or none. It works on one string; the corpus passes (dedup, stories) live elsewhere.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from saring.filters.lang import identify
from saring.filters.quality import SIGNALS, QualityRules, signals

__all__ = ["SIGNALS", "FilterConfig", "QualityConfig", "QualityRules", "Verdict", "judge"]


def rules_from_table(
    table: dict, base: QualityRules | None = None, where: str = ""
) -> QualityRules:
    """``base`` with the values of a TOML table applied; ``false`` turns a rule off. Unknown
    keys and values of the wrong type raise ``ValueError`` naming ``where``."""
    known = set(QualityRules.rule_names())
    values = {}
    for key, value in table.items():
        if key == "stopwords":
            if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
                raise ValueError(f"{where}stopwords must be a list of words")
            values[key] = tuple(value)
        elif key in known:
            if value is False:
                values[key] = None
            elif isinstance(value, int | float) and not isinstance(value, bool):
                if value < 0 or ("_frac" in key and value > 1):
                    bounds = "between 0 and 1" if "_frac" in key else "0 or more"
                    raise ValueError(f"{where}{key} must be {bounds}, or false; not {value}")
                values[key] = float(value)
            else:
                raise ValueError(f"{where}{key} must be a number, or false to turn it off")
        else:
            raise ValueError(
                f"unknown setting {where}{key}; quality rules are: {', '.join(sorted(known))}"
            )
    return replace(base or QualityRules(), **values)


@lru_cache(maxsize=1)
def _bundled() -> dict[str, dict]:
    text = resources.files("saring.filters").joinpath("data/quality.toml").read_text("utf-8")
    return tomllib.loads(text)


@dataclass(frozen=True)
class QualityConfig:
    """The quality rules: ``default`` for every language, ``langs`` for those with their own
    values (each already complete: the default with the language's changes applied).

    Parameters
    ----------
    enabled : apply the rules at all (the signals are measured either way).
    default : thresholds for a language without its own table.
    langs : thresholds per language code.
    """

    enabled: bool = True
    default: QualityRules = field(default_factory=lambda: bundled_quality().default)
    langs: dict[str, QualityRules] = field(default_factory=lambda: bundled_quality().langs)

    def rules_for(self, lang: str | None) -> QualityRules:
        return self.langs.get(lang or "", self.default)

    def with_overrides(
        self, every: dict | None = None, per_lang: dict[str, dict] | None = None
    ) -> QualityConfig:
        """A copy with a user's ``[quality]`` values applied to every language and then
        ``[quality.<code>]`` values to that language only."""
        every = every or {}
        default = rules_from_table(every, self.default, "quality.")
        langs = {k: rules_from_table(every, v, "quality.") for k, v in self.langs.items()}
        from saring.filters.lang import languages

        for code, table in (per_lang or {}).items():
            if code not in languages():  # [quality.ind] would never apply
                raise ValueError(
                    f"unknown language [quality.{code}]: a table per language is named by the "
                    "ISO 639-1 code the identifier gives (id, ms, en, jv, ...)"
                )
            langs[code] = rules_from_table(table, langs.get(code, default), f"quality.{code}.")
        return replace(self, default=default, langs=langs)


@lru_cache(maxsize=1)
def bundled_quality() -> QualityConfig:
    """The thresholds shipped in ``data/quality.toml``."""
    data = dict(_bundled())
    default = rules_from_table(data.pop("default"), where="quality.")
    langs = {code: rules_from_table(t, default, f"quality.{code}.") for code, t in data.items()}
    return QualityConfig(enabled=True, default=default, langs=langs)


@dataclass(frozen=True)
class FilterConfig:
    """What to keep.

    Parameters
    ----------
    lang : language codes to keep (``("id",)``); empty keeps every language. Others become
        ``filtered`` with ``reason=lang:<code>``.
    min_lang_score : with ``lang`` set, a text whose language probability is lower is filtered
        too (``lang:<code>`` with the score), whatever its language.
    quality : the quality rules (``QualityConfig``).
    identify : identify the language at all (``False``: ``lang`` stays null, the default
        thresholds apply, and ``lang`` must be empty); it is the costliest filter step.
    """

    lang: tuple[str, ...] = ()
    min_lang_score: float = 0.0
    quality: QualityConfig = field(default_factory=QualityConfig)
    identify: bool = True


@dataclass
class Verdict:
    lang: str | None
    lang_score: float | None
    signals: dict[str, float] | None
    reason: str | None  # None: keep


def judge(text: str | None, cfg: FilterConfig) -> Verdict:
    """Language, signals and the first broken rule of a clean text. Order: length first (a text
    of a few words has no reliable language), then language, then the other quality rules."""
    if not text or not text.strip():
        return Verdict(None, None, None, None)
    lang, score = identify(text) if cfg.identify else (None, None)
    rules = cfg.quality.rules_for(lang)
    sig = signals(text, rules.stopword_set)
    q = cfg.quality
    if q.enabled and rules.min_words is not None and sig["words"] < rules.min_words:
        return Verdict(lang, score, sig, rules.first_broken({"words": sig["words"]}))
    if cfg.lang and lang is not None:
        if lang not in cfg.lang:
            return Verdict(lang, score, sig, f"lang:{lang}: identified as {lang} ({score:.2f})")
        if score < cfg.min_lang_score:
            return Verdict(
                lang, score, sig, f"lang:{lang}: score {score:.2f} < {cfg.min_lang_score:g}"
            )
    reason = rules.first_broken(sig) if q.enabled else None
    return Verdict(lang, score, sig, reason)
