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


def phrase_pattern(phrase: str) -> str:
    """Regex for one data-file phrase, with word boundaries where the phrase has words."""
    phrase, follower = split_required_follower(phrase)
    body = ""
    words = phrase.split()
    for index, word in enumerate(words):
        piece = re.escape(word.replace("’", "'")).replace("'", APOSTROPHE)
        body += re.sub(r"\\?-", HYPHEN, piece)
        if index < len(words) - 1:
            body += r"\s{0,3}" if word.endswith(("'", "’")) else SPACE
    if phrase[0].isalnum():
        body = r"(?<!\w)" + body
    if phrase[-1].isalnum():
        body += r"(?!\w)"
    if follower is not None:
        body += rf"(?={SPACE}{re.escape(follower)}(?!\w))"
    return body


def alternation(phrases: list[str]) -> str:
    """Longest phrases first, so the regex prefers "plusieurs dizaines" to "plusieurs"."""
    unique = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(phrase_pattern(p) for p in unique) + ")"


def as_strings(values: Any, where: str) -> list[str]:
    """A YAML list of words, checked: YAML turns bare ``no``/``on`` into booleans."""
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError(f"data/numbers: {where} must be a list of quoted strings")
    return list(values)


def with_capitals(words: list[str]) -> list[str]:
    """``mars`` also as ``Mars`` (sentence start); ``May`` stays capitalised only."""
    return sorted({w for word in words for w in (word, word[:1].upper() + word[1:])})


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
    article_one: frozenset[str]
    one_not_after: frozenset[str]
    prefix: re.Pattern[str]
    suffix: re.Pattern[str]
    range_openers: dict[str, frozenset[str]]
    range_opener: re.Pattern[str]
    range_joiner: re.Pattern[str]
    unit_after: re.Pattern[str]
    month_after: re.Pattern[str]
    date_continuation: re.Pattern[str]
    hotline_after: re.Pattern[str]
    symbols_before: frozenset[str]
    symbols_after: frozenset[str]
    blocked_before: re.Pattern[str]
    calendar_before: re.Pattern[str]
    year_before: re.Pattern[str]
    next_word: re.Pattern[str]
    previous_word: re.Pattern[str]
    function_words: frozenset[str]
    internal_noise: re.Pattern[str]


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


def compile_qualifiers(
    section: dict[str, list[str]], anchor_end: bool
) -> re.Pattern[str]:
    """One named group per qualifier; prefixes are anchored at the window's end."""
    groups = "|".join(
        f"(?P<{qualifier}>{alternation(as_strings(phrases, f'qualifiers.yaml {qualifier}'))})"
        for qualifier, phrases in section.items()
    )
    if anchor_end:
        return re.compile(rf"(?:{groups})\s{{0,3}}$", re.IGNORECASE)
    return re.compile(rf"{SPACE}(?:{groups})", re.IGNORECASE)


def compile_units(data: dict[str, Any]) -> re.Pattern[str]:
    """A unit after the number, optionally after "de", "d'" or "of"."""
    units = [u for group in data["units_after"].values() for u in as_strings(group, "units")]
    return re.compile(
        rf"\s{{0,3}}(?:(?:de|of){SPACE}|d{APOSTROPHE}\s{{0,2}})?{alternation(units)}",
        re.IGNORECASE,
    )


def compile_blocked_before(data: dict[str, Any]) -> re.Pattern[str]:
    """Designators and age phrases right before the number: "résolution 2254", "aged 17"."""
    phrases = as_strings(data["designators_before"], "designators_before") + as_strings(
        data["age_before"], "age_before"
    )
    return re.compile(rf"{alternation(phrases)}\s{{0,3}}$", re.IGNORECASE)


def compile_calendar_before(data: dict[str, Any]) -> re.Pattern[str]:
    """A month or weekday right before a day or a year: "March 25", "août 2014"."""
    months = with_capitals(as_strings(data["months"], "months"))
    weekdays = with_capitals(as_strings(data["weekdays"], "weekdays"))
    return re.compile(rf"{alternation(months + weekdays)}\s{{1,3}}$")


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
        article_one=frozenset(as_strings(words["en"]["article_one"], "en.article_one")),
        one_not_after=frozenset(as_strings(words["one"]["not_after"], "one.not_after")),
        prefix=compile_qualifiers(qualifiers["prefix"], anchor_end=True),
        suffix=compile_qualifiers(qualifiers["suffix"], anchor_end=False),
        range_openers={
            normalize_phrase(k): frozenset(normalize_phrase(j) for j in v)
            for k, v in openers.items()
        },
        range_opener=re.compile(rf"{alternation(list(openers))}\s{{0,3}}$", re.IGNORECASE),
        range_joiner=compile_range_joiner(qualifiers["range"]),
        unit_after=compile_units(blocks),
        month_after=re.compile(rf"(?:\s{{1,3}}|\s?{HYPHEN}\s?)(?:er\s)?{months}"),
        date_continuation=re.compile(
            rf"{SPACE}(?i:et|and|au|à|to|-|–){SPACE}\d{{1,2}}(?:er)?{SPACE}{months}"
        ),
        hotline_after=re.compile(r"\s{0,2}\(\s?[A-Z][^\d()\n]{1,30}\)"),
        symbols_before=frozenset(as_strings(blocks["symbols_before"], "symbols_before")),
        symbols_after=frozenset(as_strings(blocks["symbols_after"], "symbols_after")),
        blocked_before=compile_blocked_before(blocks),
        calendar_before=compile_calendar_before(blocks),
        year_before=re.compile(
            rf"{alternation(as_strings(blocks['year_before'], 'year_before'))}\s{{1,3}}$",
            re.IGNORECASE,
        ),
        next_word=re.compile(rf"{SPACE}(?P<word>[^\W\d_][\w'’]*)"),
        previous_word=re.compile(r"(?P<word>[^\W\d_]+)\s{1,3}$"),
        function_words=frozenset(as_strings(blocks["function_words"], "function_words")),
        internal_noise=compile_internal_noise(),
    )
