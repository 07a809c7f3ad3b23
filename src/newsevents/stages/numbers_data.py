"""Vocabulary of the numbers stage: loads ``data/numbers/*.yaml`` once and compiles it.

Every regex here is built from data-file phrases, precompiled once (``lru_cache``), and
linear on untrusted text: literal alternations separated by bounded whitespace, no nested
quantifiers over overlapping classes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

# The package's data folder, beside ``stages/`` (works for editable and wheel installs).
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "numbers"

# Whitespace between the words of a phrase: bounded, so patterns stay linear.
SPACE = r"\s{1,3}"
APOSTROPHE = "['’]"
HYPHEN = "[-‑]"


def load_yaml(name: str) -> dict[str, Any]:
    """Read one vocabulary file of ``data/numbers``."""
    loaded = yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))
    if not isinstance(loaded, dict):
        raise ValueError(f"data/numbers/{name} must hold a mapping; fix the file's top level")
    return loaded


def normalize_phrase(text: str) -> str:
    """Lower-case, one space between words, straight apostrophes, plain hyphens."""
    text = text.lower().replace("’", "'").replace("‑", "-")
    return " ".join(text.split())


def split_required_follower(phrase: str) -> tuple[str, str | None]:
    """``"tens (of)"`` -> ``("tens", "of")``: the word in parentheses must follow."""
    match = re.fullmatch(r"(.+?)\s*\((\w+)\)", phrase.strip())
    if match is None:
        return phrase.strip(), None
    return match.group(1), match.group(2)


def char_unit(char: str) -> str:
    """One character of a phrase as a regex: any apostrophe, any hyphen, else literal."""
    if char in "'’":
        return APOSTROPHE
    if char in "-‑":
        return HYPHEN
    return re.escape(char)


def phrase_units(phrase: str, backward: bool = False) -> list[str]:
    """A data-file phrase as regex units (one per character or gap), then a terminal unit
    (prefixed with NUL) holding its end condition: a word boundary, a required follower.

    ``backward`` gives the units of the phrase written backwards, to match it against a
    reversed window that ends where a figure starts (one anchored match instead of a
    search from every position of the window).
    """
    phrase, follower = split_required_follower(phrase)
    words = phrase.split()
    gaps = [r"\s{0,3}" if word.endswith(("'", "’")) else SPACE for word in words[:-1]]
    if backward:
        words = [word[::-1] for word in reversed(words)]
        gaps.reverse()
    first, last = (phrase[-1], phrase[0]) if backward else (phrase[0], phrase[-1])
    units = [r"(?<!\w)"] if first.isalnum() else []
    for index, word in enumerate(words):
        if index:
            units.append(gaps[index - 1])
        units.extend(char_unit(char) for char in word)
    end = r"(?!\w)" if last.isalnum() else ""
    if follower is not None and not backward:
        end += rf"(?={SPACE}{re.escape(follower)}(?!\w))"
    return [*units, "\0" + end]


Trie = dict[str, "Trie"]


def trie_pattern(node: Trie) -> str:
    """A trie of units as a regex; at each node longer phrases are tried first."""
    branches = [
        key[1:] if key.startswith("\0") else key + trie_pattern(child)
        for key, child in sorted(node.items(), key=lambda item: item[0].startswith("\0"))
    ]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def alternation(phrases: list[str], backward: bool = False) -> str:
    """The phrases as one regex, built as a trie so each position costs a few branches
    rather than one try per phrase; prefers "plusieurs dizaines" to "plusieurs"."""
    root: Trie = {}
    for phrase in phrases:
        node = root
        for unit in phrase_units(phrase, backward):
            node = node.setdefault(unit, {})
    return "(?:" + trie_pattern(root) + ")"


def as_strings(values: Any, where: str) -> list[str]:
    """A YAML list of words, checked: YAML turns bare ``no``/``on`` into booleans."""
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError(f"data/numbers: {where} must be a list of quoted strings")
    return list(values)


def with_capitals(words: list[str]) -> list[str]:
    """``mars`` also as ``Mars`` (sentence start); ``May`` stays capitalised only."""
    return sorted({w for word in words for w in (word, word[:1].upper() + word[1:])})


# How far back a phrase before a figure may start ("aux alentours de", "at the age of").
LOOKBACK = 40


@dataclass(frozen=True)
class BackwardPattern:
    """Phrases that end where a figure starts ("plus de", "résolution", "March").

    Matched once, anchored, on the reversed window before the figure: linear in the
    window, where a forward search would try every alternative at every position.
    """

    pattern: re.Pattern[str]
    lookback: int = LOOKBACK

    def before(self, text: str, end: int, lo: int = 0) -> tuple[int, re.Match[str]] | None:
        """Where the phrase ending at ``end`` starts (gap included), and its match."""
        window = text[max(lo, end - self.lookback):end][::-1]
        match = self.pattern.match(window)
        return None if match is None else (end - match.end(), match)


def compile_backward(groups: dict[str, list[str]], min_gap: int = 0,
                     flags: re.RegexFlag = re.IGNORECASE) -> BackwardPattern:
    """Named groups of phrases, each written backwards, after a gap of whitespace."""
    body = "|".join(
        f"(?P<{name}>{alternation(phrases, backward=True)})" for name, phrases in groups.items()
    )
    return BackwardPattern(re.compile(rf"\s{{{min_gap},3}}(?:{body})", flags))


@dataclass(frozen=True)
class VagueCount:
    """What a vague or approximate phrase means."""

    qualifier: str  # "about" for approximate nouns, else a vague qualifier
    value: int | None  # approximate nouns: the value; about_ten: its nominal 10
    low: int | None
    high: int | None


@dataclass(frozen=True)
class NumberVocabulary:
    """Compiled patterns and lookup tables of the numbers stage."""

    digits: re.Pattern[str]
    words_fr: re.Pattern[str]
    words_en: re.Pattern[str]
    word_lang: dict[str, str]
    vague: re.Pattern[str]
    vague_meaning: dict[str, VagueCount]
    scales: dict[str, int]
    digit_scales: dict[str, int]
    never_alone: frozenset[str]
    one_word: str
    one_forms: frozenset[str]
    article_one: frozenset[str]
    one_not_after: frozenset[str]
    one_of: re.Pattern[str]  # "one of its soldiers": a count of one of a plural noun
    prefix: BackwardPattern
    not_prefix_after: re.Pattern[str]  # "en plus de six": an addition, no bound
    suffix: re.Pattern[str]
    range_openers: dict[str, frozenset[str]]
    range_opener: BackwardPattern
    range_joiner: re.Pattern[str]
    unit_after: re.Pattern[str]
    month_after: re.Pattern[str]
    date_continuation: re.Pattern[str]
    hotline_after: re.Pattern[str]
    symbols_before: frozenset[str]
    symbols_after: frozenset[str]
    blocked_before: BackwardPattern
    calendar_before: BackwardPattern
    year_before: BackwardPattern
    day_before: BackwardPattern
    next_word: re.Pattern[str]
    previous_word: re.Pattern[str]
    function_words: frozenset[str]
    internal_noise: re.Pattern[str]
    decimal_mark: dict[str, str]  # per language: "," in French, "." in English


def compile_digits(digit_scales: dict[str, int]) -> re.Pattern[str]:
    """Digits with fr/en group separators, an optional decimal part and scale word."""
    separator = "[ \u00a0\u202f\u2009.,]"
    grouped = rf"\d{{1,3}}(?:{separator}\d{{3}}){{1,5}}(?:[.,]\d{{1,6}})?"
    plain = r"\d{1,15}(?:[.,]\d{1,6})?"
    scale = alternation(list(digit_scales))
    return re.compile(
        rf"(?<!\w)(?<!\d[.,])(?P<num>{grouped}|{plain})(?![\w])(?P<scale>{SPACE}{scale})?",
        re.IGNORECASE,
    )


def compile_words(section: dict[str, Any], lang: str) -> re.Pattern[str]:
    """Runs of number words joined by spaces, hyphens or the language's connector."""
    words = alternation(as_strings(section["words"], f"words.yaml {lang}.words"))
    connector = re.escape(section["connector"])
    if "connector_before" in section:
        allowed = alternation(as_strings(section["connector_before"], "connector_before"))
        joiner = rf"(?:{HYPHEN}|{SPACE})(?:{connector}(?:{HYPHEN}|{SPACE})(?={allowed}))?"
    else:
        joiner = rf"(?:{HYPHEN}|{SPACE})(?:{connector}{SPACE})?"
    article = ""
    if "article_one" in section:
        before = alternation(as_strings(section["article_one_before"], "article_one_before"))
        article = rf"(?:{alternation(section['article_one'])}{SPACE}(?={before}))?"
    return re.compile(rf"{article}{words}(?:{joiner}{words}){{0,12}}", re.IGNORECASE)


def compile_vague(data: dict[str, Any]) -> tuple[re.Pattern[str], dict[str, VagueCount]]:
    """Vague counts and approximate nouns, each followed by an optional scale."""
    meaning: dict[str, VagueCount] = {}
    phrases: list[str] = []
    for qualifier, spec in data["vague"].items():
        count = VagueCount(qualifier, spec.get("nominal"), spec["low"], spec["high"])
        for phrase in as_strings(spec["phrases"], f"vague.yaml vague.{qualifier}"):
            phrases.append(phrase)
            meaning[normalize_phrase(split_required_follower(phrase)[0])] = count
    for value, approx_phrases in data["approximate"].items():
        for phrase in as_strings(approx_phrases, f"vague.yaml approximate.{value}"):
            phrases.append(phrase)
            meaning[normalize_phrase(split_required_follower(phrase)[0])] = VagueCount(
                "about", int(value), None, None
            )
    scales = alternation(list(data["scales"]))
    pattern = re.compile(
        rf"(?P<head>{alternation(phrases)})(?P<scale>{SPACE}{scales})?", re.IGNORECASE
    )
    return pattern, meaning


def compile_suffix(section: dict[str, list[str]]) -> re.Pattern[str]:
    """One named group per qualifier after a figure ("ou plus", "or more")."""
    groups = "|".join(
        f"(?P<{qualifier}>{alternation(as_strings(phrases, f'qualifiers.yaml {qualifier}'))})"
        for qualifier, phrases in section.items()
    )
    return re.compile(rf"{SPACE}(?:{groups})", re.IGNORECASE)


def compile_prefix(section: dict[str, list[str]]) -> BackwardPattern:
    """One named group per qualifier before a figure ("plus de", "at least")."""
    groups = {q: as_strings(phrases, f"qualifiers.yaml {q}") for q, phrases in section.items()}
    return compile_backward(groups)


def compile_units(data: dict[str, Any]) -> re.Pattern[str]:
    """A unit after the number, optionally after "de", "d'" or "of"."""
    units = [u for group in data["units_after"].values() for u in as_strings(group, "units")]
    return re.compile(
        rf"\s{{0,3}}(?:(?:de|of){SPACE}|d{APOSTROPHE}\s{{0,2}})?{alternation(units)}",
        re.IGNORECASE,
    )


def compile_blocked_before(data: dict[str, Any]) -> BackwardPattern:
    """Designators and age phrases right before the number: "résolution 2254", "aged 17"."""
    phrases = as_strings(data["designators_before"], "designators_before") + as_strings(
        data["age_before"], "age_before"
    )
    return compile_backward({"designator": phrases})


def compile_calendar_before(data: dict[str, Any]) -> BackwardPattern:
    """A month or weekday right before a day or a year: "March 25", "août 2014"."""
    months = with_capitals(as_strings(data["months"], "months"))
    weekdays = with_capitals(as_strings(data["weekdays"], "weekdays"))
    return compile_backward({"calendar": months + weekdays}, min_gap=1, flags=re.NOFLAG)


def compile_internal_noise() -> re.Pattern[str]:
    """Dates, clock times, digit chains and "pour cent": never figures, never in one."""
    return re.compile(
        r"(?<!\w)(?:\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}"
        r"|\d{1,4}/\d{1,4}"
        r"|\d{1,2}\s?[:hH]\s?\d{2}"
        r"|\d{1,4}(?:-\d{1,4}){2,8}"
        r"|\d{1,2}(?:er)?\s{1,3}(?i:sept)\.?(?:\s{1,3}\d{4})?"  # "25 sept. 2021", not seven
        r"|(?i:pour)[\s-]{1,3}(?i:cent))(?!\w)"  # "pour cent" is a percentage, not 100
    )


def compile_range_joiner(section: dict[str, Any]) -> re.Pattern[str]:
    """What may stand between the two figures of a range ("et", "à", "to", "-")."""
    joiners = [j for js in section["openers"].values() for j in js]
    joiners += section["bare_joiners"] + section["dashes"]
    return re.compile(rf"\s{{0,3}}(?P<joiner>{alternation(joiners)})\s{{0,3}}", re.IGNORECASE)


@lru_cache(maxsize=1)
def number_vocabulary() -> NumberVocabulary:
    """Load and compile the numbers vocabulary once per process."""
    words = load_yaml("words.yaml")
    qualifiers = load_yaml("qualifiers.yaml")
    vague_data = load_yaml("vague.yaml")
    blocks = load_yaml("not_figures.yaml")
    digit_scales = {normalize_phrase(k): int(v) for k, v in words["digit_scales"].items()}
    vague, vague_meaning = compile_vague(vague_data)
    word_lang = {w: "en" for w in as_strings(words["en"]["words"], "en.words")}
    word_lang.update({w: "fr" for w in as_strings(words["fr"]["words"], "fr.words")})
    openers = qualifiers["range"]["openers"]
    months = alternation(with_capitals(as_strings(blocks["months"], "months")))
    return NumberVocabulary(
        digits=compile_digits(digit_scales),
        words_fr=compile_words(words["fr"], "fr"),
        words_en=compile_words(words["en"], "en"),
        word_lang=word_lang,
        vague=vague,
        vague_meaning=vague_meaning,
        scales={normalize_phrase(k): int(v) for k, v in vague_data["scales"].items()},
        digit_scales=digit_scales,
        never_alone=frozenset(as_strings(words["never_alone"], "never_alone")),
        one_word=words["one"]["word"],
        one_forms=frozenset(as_strings(words["one"].get("forms") or [words["one"]["word"]],
                                       "one.forms")),
        article_one=frozenset(as_strings(words["en"]["article_one"], "en.article_one")),
        one_not_after=frozenset(as_strings(words["one"]["not_after"], "one.not_after")),
        one_of=re.compile(r"[ \t\u00a0]{1,3}of[ \t\u00a0]{1,3}(?:(?:" + "|".join(
            re.escape(w) for w in as_strings(words["one"]["of"], "one.of"))
            + r")[ \t\u00a0]{1,3}[a-z]{2,30}s\b|(?:" + "|".join(
            re.escape(w) for w in as_strings(words["one"].get("of_pronouns") or [],
                                             "one.of_pronouns")) + r")\b)"),
        prefix=compile_prefix(qualifiers["prefix"]),
        not_prefix_after=re.compile(r"(?:^|[^\w])(?:" + alternation(as_strings(
            qualifiers["not_prefix_after"], "not_prefix_after")) + r")[ \t\u00a0]{1,3}\Z",
            re.IGNORECASE),
        suffix=compile_suffix(qualifiers["suffix"]),
        range_openers={
            normalize_phrase(k): frozenset(normalize_phrase(j) for j in v)
            for k, v in openers.items()
        },
        range_opener=compile_backward({"opener": list(openers)}),
        range_joiner=compile_range_joiner(qualifiers["range"]),
        unit_after=compile_units(blocks),
        month_after=re.compile(rf"(?:\s{{1,3}}|\s?{HYPHEN}\s?)(?:er\s)?{months}"),
        date_continuation=re.compile(
            rf"{SPACE}(?i:et|and|au|à|to|-|–){SPACE}(?i:(?:le|the){SPACE})?"
            rf"\d{{1,2}}(?:er)?{SPACE}{months}"
        ),
        hotline_after=re.compile(r"\s{0,2}\(\s?[A-Z][^\d()\n]{1,30}\)"),
        symbols_before=frozenset(as_strings(blocks["symbols_before"], "symbols_before")),
        symbols_after=frozenset(as_strings(blocks["symbols_after"], "symbols_after")),
        blocked_before=compile_blocked_before(blocks),
        calendar_before=compile_calendar_before(blocks),
        year_before=compile_backward(
            {"year": as_strings(blocks["year_before"], "year_before")}, min_gap=1
        ),
        day_before=compile_backward(
            {"day": as_strings(blocks["day_before"], "day_before")}, min_gap=1
        ),
        next_word=re.compile(rf"{SPACE}(?P<word>[^\W\d_][\w'’]*)"),
        previous_word=re.compile(r"(?P<word>[^\W\d_]{1,60})\s{1,3}$"),  # bounded: linear
        function_words=frozenset(as_strings(blocks["function_words"], "function_words")),
        internal_noise=compile_internal_noise(),
        decimal_mark={str(k): str(v) for k, v in words["decimal_mark"].items()},
    )
