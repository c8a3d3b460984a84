"""The furniture table (``data/furniture.toml``): load it, and match one line against it.

The table, not this code, is where patterns live; every rule carries real example lines that
``tests/test_rules.py`` checks. This module only compiles rules and applies the first that matches.
It does not decide about lines no rule names (that is ``clean.textpage``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from saring.scripts import find_words

DATA = Path(__file__).with_name("data")
ACTIONS = ("line", "strip", "tail")


@dataclass(frozen=True)
class Rule:
    id: str
    reason: str
    action: str
    max_words: int
    examples: tuple[str, ...]
    source: str
    ends_article: bool = False
    pattern: re.Pattern | None = None
    only_words: frozenset[str] | None = None
    keywords: tuple[str, ...] = ()
    ends_with: tuple[str, ...] = ()
    anchored: bool = False  # every alternative of the pattern starts with "^"

    def matches(
        self, line: str, words: list[str], low: str | None = None
    ) -> re.Match | bool | None:
        if len(words) > self.max_words:
            return None
        if self.only_words is not None:
            return bool(words) and all(w in self.only_words for w in words)
        if self.ends_with and not line.rstrip().endswith(self.ends_with):
            return None
        if self.keywords:
            low = line.casefold() if low is None else low
            if not any(k in low for k in self.keywords):
                return None
        return self.pattern.search(line)


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression (split on ``|`` outside groups and
    character classes)."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


@dataclass(frozen=True)
class Hit:
    rule: Rule
    kept: str | None  # for "strip" rules: the line without the matched part
    removed: str  # the text that goes


class FurnitureRules:
    """An ordered list of :class:`Rule`; ``match`` returns the first hit.

    Most lines are prose that no rule names, so two cheap checks come first: the rules anchored
    at the start of the line are also compiled into one expression tried once at position 0,
    and a rule that may match anywhere is tried only on lines holding one of its keywords.
    (One alternation of every pattern, tried with ``search``, was slower than the rules one by
    one: measured in benchmarks/bench_extract.py.)
    """

    def __init__(self, rules: list[Rule]):
        self.rules = rules
        starts = [
            f"(?:{r.pattern.pattern})" if r.pattern.flags & re.I else f"(?-i:{r.pattern.pattern})"
            for r in rules
            if r.anchored
        ]
        self._start = re.compile("|".join(starts), re.I) if starts else None
        # A line that no anchored rule starts, that holds no keyword and that is longer than
        # any word-list rule allows cannot match: most prose returns after these three checks.
        anywhere = [r for r in rules if r.pattern is not None and not r.anchored]
        self._always = any(not (r.keywords or r.ends_with) for r in anywhere)
        # substring tests beat one regex alternation here (2.3 vs 4.9 us on a news paragraph)
        self._keywords = tuple(sorted({k for r in anywhere for k in r.keywords}))
        self._keyword_max_words = max((r.max_words for r in anywhere if r.keywords), default=-1)
        self._endings = tuple({e for r in anywhere for e in r.ends_with})
        self._word_list_max = max((r.max_words for r in rules if r.only_words), default=-1)

    def __repr__(self) -> str:
        # stats.json records the settings; an object address would differ on every run
        return f"FurnitureRules({len(self.rules)} rules)"

    @classmethod
    def from_toml(cls, path: str | Path) -> FurnitureRules:
        with open(path, "rb") as fh:
            table = tomllib.load(fh)
        rules = []
        seen = set()
        for entry in table.get("rule", []):
            rid = entry["id"]
            if rid in seen:
                raise ValueError(f"{path}: rule id {rid!r} appears twice")
            seen.add(rid)
            if entry["action"] not in ACTIONS:
                raise ValueError(f"{path}: rule {rid!r}: action must be one of {ACTIONS}")
            if ("pattern" in entry) == ("only_words" in entry):
                raise ValueError(f"{path}: rule {rid!r}: give exactly one of pattern, only_words")
            rules.append(
                Rule(
                    id=rid,
                    reason=entry["reason"],
                    action=entry["action"],
                    max_words=int(entry.get("max_words", 30)),
                    examples=tuple(entry.get("examples", ())),
                    source=entry.get("source", ""),
                    ends_article=bool(entry.get("ends_article", False)),
                    pattern=re.compile(entry["pattern"], 0 if entry.get("case_sensitive") else re.I)
                    if "pattern" in entry
                    else None,
                    only_words=frozenset(entry["only_words"]) if "only_words" in entry else None,
                    keywords=tuple(entry.get("keywords", ())),
                    ends_with=tuple(entry.get("ends_with", ())),
                    anchored="pattern" in entry
                    and all(a.startswith("^") for a in _alternatives(entry["pattern"])),
                )
            )
        return cls(rules)

    def keywords_in(self, page_low: str) -> tuple[str, ...]:
        """The keywords that occur in a whole case-folded page (its lines joined by newlines):
        a caller that matches every line of a page tests each line for these only, since no
        keyword holds a newline (most crawl articles hold none of them)."""
        return tuple(k for k in self._keywords if k in page_low)

    def _has_keyword(self, low: str, n_words: int, keywords: tuple[str, ...] | None) -> bool:
        if n_words > self._keyword_max_words:
            return False
        return any(k in low for k in (self._keywords if keywords is None else keywords))

    def match(self, line: str) -> Hit | None:
        """The first rule that matches ``line`` (white space is collapsed first), or ``None``."""
        flat = " ".join(line.split())
        low = flat.casefold()
        return self.match_flat(flat, low, find_words(low))

    def match_flat(
        self, flat: str, low: str, words: list[str], keywords: tuple[str, ...] | None = None
    ) -> Hit | None:
        """``match`` for a caller that already has the line with white space collapsed, its
        case-folded form and its words (``words_of``), and perhaps the keywords its page
        holds (``keywords_in``)."""
        start_hit = self._start is not None and self._start.match(flat) is not None
        if (
            not start_hit
            and not self._always
            and len(words) > self._word_list_max
            and not self._has_keyword(low, len(words), keywords)
            and not (self._endings and flat.endswith(self._endings))
        ):
            return None
        for rule in self.rules:
            if rule.anchored and not start_hit:
                continue
            m = rule.matches(flat, words, low)
            if not m:
                continue
            if rule.action == "strip":
                assert isinstance(m, re.Match)
                kept = (flat[: m.start()] + flat[m.end() :]).strip()
                return Hit(rule, kept, m.group(0).strip())
            return Hit(rule, None, flat)
        return None


def words_of(text: str) -> list[str]:
    """Lower-case words (runs of letters and digits), as the rules and the classifier count them."""
    return find_words(text.casefold())


@lru_cache(maxsize=4)
def default_rules(path: str | None = None) -> FurnitureRules:
    """The bundled table (cached), or another TOML file in the same format."""
    return FurnitureRules.from_toml(path or DATA / "furniture.toml")


@lru_cache(maxsize=4)
def function_words(lang: str = "id") -> frozenset[str]:
    """A bundled function-word list (``data/function_words_<lang>.txt``), lower case."""
    lines = (DATA / f"function_words_{lang}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))
