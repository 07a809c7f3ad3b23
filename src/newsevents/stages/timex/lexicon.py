"""The time vocabulary: YAML files under ``newsevents/data/times``, loaded once.

Users extend a vocabulary by adding entries to those files; code never lists words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

_DATA_PACKAGE = "newsevents.data"


def load_yaml(name: str) -> dict[str, Any]:
    """One YAML file of the times vocabulary as a mapping."""
    path = resources.files(_DATA_PACKAGE).joinpath("times").joinpath(name)
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded if isinstance(loaded, dict) else {}


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so "avant-hier" beats "hier".

    Apostrophes match both the straight and the curly form; spaces match any run of
    blanks (bounded, so no backtracking blow-up).
    """
    ordered = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    escaped = []
    for word in ordered:
        pattern = re.escape(word).replace("'", "['’]").replace(r"\ ", r"\s{1,3}")
        escaped.append(pattern.replace(r"\-", r"[-‑–\s]"))
    return "(?:" + "|".join(escaped) + ")" if escaped else "(?!x)x"


def fold(word: str) -> str:
    """Lookup key for a matched word: lower case, straight apostrophe, single spaces."""
    return re.sub(r"[\s‑–-]+", " ", word.replace("’", "'").lower()).strip()


def folded(mapping: dict[str, Any]) -> dict[str, Any]:
    return {fold(k): v for k, v in mapping.items()}


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    month_case_sensitive: frozenset[str]
    month_abbreviations: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    season_months: dict[str, tuple[int, int]]
    units: dict[str, str]
    periods: dict[str, str]
    relative: dict[str, Any]
    parts_of_day: dict[str, Any]
    modifiers: dict[str, Any]
    numbers: dict[str, Any]
    context: dict[str, Any]
    seasons_raw: dict[str, Any]
    unit_file: dict[str, Any]
    formats: dict[str, Any]

    def month_number(self, word: str) -> int | None:
        return self.months.get(fold(word)) or self.month_abbreviations.get(fold(word))

    def regex_context(self) -> dict[str, str]:
        """Named alternations the grammar templates refer to as ``{name}``."""
        rel = self.relative
        mods = self.modifiers
        pods = self.parts_of_day
        insensitive_months = [m for m in self.months_raw_words()
                              if m not in self.month_case_sensitive]
        return {
            "month": alternation(insensitive_months),
            "month_cs": alternation(self.month_case_sensitive),
            "month_abbr": alternation(self.month_abbreviations_raw()),
            "month_en": alternation(load_yaml("months.yaml")["en"]),
            "weekday": alternation(self.weekdays_raw()),
            "season": alternation(self.seasons_raw["names"]),
            "unit": alternation(self.unit_file["units"]),
            "plural_unit": alternation(self.unit_file["plural_units"]),
            "period": alternation(rel["periods"]),
            "deictic_day": alternation(rel["deictic_days"]),
            "anaphoric_day": alternation(rel["anaphoric_days"]),
            "anaphoric_year": alternation(rel["anaphoric_years"]),
            "dir_after": alternation(rel["direction_after"]),
            "dir_before": alternation(rel["direction_before"]),
            "within_period": alternation(rel["within_period"]),
            "present_ref": alternation(rel["present_ref"]),
            "past_ref": alternation(rel["past_ref"]),
            "future_ref": alternation(rel["future_ref"]),
            "temporal_adjective": alternation(
                [word for words in rel["temporal_adjectives"].values() for word in words]),
            "adjective_det": alternation(rel["adjective_determiners"]),
            "adjective_not_after": alternation(rel["adjective_not_after"]),
            "same_period": alternation(rel["same_period"]),
            "coming": alternation(rel["coming"]),
            "so_far": alternation(rel["so_far"]),
            "pod": alternation(pods["names"]),
            "pod_moment": alternation(pods["moments"]),
            "day_number_before": alternation(load_yaml("weekdays.yaml")["day_number_before"]),
            "weekday_following_before": alternation(
                load_yaml("weekdays.yaml")["following"]["before"]),
            "weekday_following_after": alternation(
                load_yaml("weekdays.yaml")["following"]["after"]),
            "fixed_clock": alternation(pods["fixed_clock"]),
            "clock_fraction": alternation(pods["clock_fractions"]),
            "day_half": alternation(pods["day_halves"]),
            "clock_zone": alternation(pods["clock_zones"]),
            "this_part": alternation(pods["this_part"]),
            "position": alternation(mods["position"]),
            "bound": alternation(mods["bound"]),
            "set_opener": alternation(mods["set_openers"]),
            "set_adjective": alternation(mods["set_adjectives"]),
            "fixed_duration": alternation(self.unit_file["fixed_durations"]),
            "vague": alternation(self.unit_file["vague_counts"]),
            "one": alternation(self.unit_file["articles_one"]),
            "numword": alternation(self.numbers["fr"] + self.numbers["en"]),
            "decade_word": alternation(self.numbers["decades"]),
            "holiday": alternation(self.formats["holidays"]),
            "ordinal": alternation(self.formats["ordinals"]),
            "part_unit": alternation(self.formats["part_units"]),
            "week_word": alternation(self.formats["week_words"]),
            "short_year_lead": alternation(self.formats["short_year_lead"]),
        }

    def months_raw_words(self) -> list[str]:
        raw = load_yaml("months.yaml")
        return list(raw["fr"]) + list(raw["en"])

    def month_abbreviations_raw(self) -> list[str]:
        return list(load_yaml("months.yaml")["abbreviations"])

    def weekdays_raw(self) -> list[str]:
        raw = load_yaml("weekdays.yaml")
        return list(raw["fr"]) + list(raw["en"])


_WORD = re.compile(r"[^\W\d_]{1,20}")


def guess_language(text: str, sample: int = 4000) -> str:
    """"fr" or "en" by the commonest function words of the first ``sample`` characters."""
    cues = lexicon().context["language_cues"]
    words = [w.lower() for w in _WORD.findall(text[:sample])]
    scores = {lang: sum(w in set(cues[lang]) for w in words) for lang in ("fr", "en")}
    return "en" if scores["en"] > scores["fr"] else "fr"


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The vocabulary, read once per process."""
    months = load_yaml("months.yaml")
    weekdays = load_yaml("weekdays.yaml")
    seasons = load_yaml("seasons.yaml")
    units = load_yaml("units.yaml")
    relative = load_yaml("relative.yaml")
    return Lexicon(
        months=folded({**months["fr"], **months["en"]}),
        month_case_sensitive=frozenset(months.get("case_sensitive", [])),
        month_abbreviations=folded(months["abbreviations"]),
        weekdays=folded({**weekdays["fr"], **weekdays["en"]}),
        seasons=folded(seasons["names"]),
        season_months={k: (v[0], v[1]) for k, v in seasons["months"].items()},
        units=folded(units["units"]),
        periods=folded(relative["periods"]),
        relative=relative,
        parts_of_day=load_yaml("parts_of_day.yaml"),
        modifiers=load_yaml("modifiers.yaml"),
        numbers=load_yaml("numbers.yaml"),
        context=load_yaml("context.yaml"),
        seasons_raw=seasons,
        unit_file=units,
        formats=load_yaml("calendar_formats.yaml"),
    )
