"""No catastrophic backtracking: every regex the project compiles works in about linear time.

The patterns are collected, not listed: every module of the package is imported and its
module-level ``re.Pattern`` objects are taken, the cached vocabulary loaders are called
and the patterns in what they return (dataclass fields, tuples, dicts) are taken, and the
patterns compiled inline (``re.match(r"...", text)``) are taken from ``re``'s own cache
after the pipeline has run on the example articles. Each pattern then scans adversarial
inputs of 10 KB and 100 KB built from its own literal pieces and from the pieces that
make regexes over news text work hardest ("1 1 1 ...", "de de de ...", apostrophes,
hyphens, spaces); 100 KB must not cost much more than 10x what 10 KB costs.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import math
import pkgutil
import re
import signal
import time
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import pytest

import newsevents
from tests.fuzz_support import ADVERSARIAL_PIECES, seed_texts

SMALL, LARGE = 10_000, 100_000
GROWTH = 10 * 3  # linear growth (10x) times a generous factor for noise
FLOOR_SECONDS = 0.2  # below this, a timing says nothing (a loaded CI machine)
SMALL_LIMIT_SECONDS = 0.25  # 25 µs a character on 10 KB is already pathological
HEAVY_LOADERS = {"_nlp", "_detector"}  # the spaCy and lingua models hold no regexes of ours
SKIPPED_MODULES = ("newsevents.web", "newsevents.batch", "newsevents.cli_web")


def _modules() -> Iterator[Any]:
    for info in pkgutil.walk_packages(newsevents.__path__, "newsevents."):
        if not info.name.startswith(SKIPPED_MODULES):
            yield importlib.import_module(info.name)


def _patterns_in(value: Any, depth: int = 0) -> Iterator[re.Pattern[Any]]:
    """Patterns inside a loader's result: dataclass fields, containers, nested once or twice."""
    if isinstance(value, re.Pattern):
        yield value
    elif depth > 3:
        return
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from _patterns_in(getattr(value, item.name), depth + 1)
    elif isinstance(value, dict) and len(value) <= 5_000:
        for item in value.values():
            yield from _patterns_in(item, depth + 1)
    elif isinstance(value, (list, tuple, set, frozenset)) and len(value) <= 5_000:
        for item in value:
            yield from _patterns_in(item, depth + 1)


def _call_loader(func: Any) -> Any:
    """Call a cached loader that takes no argument; None for anything else."""
    try:
        signature = inspect.signature(func)
    except (TypeError, ValueError):
        return None
    if any(p.default is p.empty for p in signature.parameters.values()):
        return None
    return func()


def _inline_patterns() -> Iterator[tuple[str, re.Pattern[Any]]]:
    """Patterns compiled inline by the stages: run the pipeline, read ``re``'s cache."""
    from newsevents.pipeline import process_document
    from newsevents.reader import text_document
    from newsevents.stages import language, parse

    language._detector(), parse._nlp("fr")  # the libraries' own patterns are compiled by now
    cache: dict[Any, Any] = getattr(re, "_cache", {})
    before = set(cache)
    for number, text in enumerate(seed_texts()):
        process_document(text_document(text, doc_id=f"seed{number}", date="2021-03-15"))
    for key, value in list(cache.items()):
        if key not in before and isinstance(value, re.Pattern) and not _is_glob(value):
            yield "re cache (inline)", value


def _is_glob(pattern: re.Pattern[Any]) -> bool:
    """fnmatch's translation of a file glob (``Path.glob``): matched against file names."""
    return isinstance(pattern.pattern, str) and pattern.pattern.startswith("(?s:") \
        and pattern.pattern.endswith(")\\Z")


@lru_cache(maxsize=1)
def collected_patterns() -> tuple[tuple[str, re.Pattern[Any]], ...]:
    found: dict[tuple[Any, int], tuple[str, re.Pattern[Any]]] = {}
    for module in _modules():
        for name, value in vars(module).items():
            if hasattr(value, "cache_info") and name not in HEAVY_LOADERS:
                value = _call_loader(value)
            elif name == "_speech_patterns" and callable(value):  # places' dict-cached loader
                value = value()
            for pattern in _patterns_in(value):
                found.setdefault((pattern.pattern, pattern.flags), (f"{module.__name__}.{name}",
                                                                    pattern))
    for where, pattern in _inline_patterns():
        found.setdefault((pattern.pattern, pattern.flags), (where, pattern))
    return tuple(found.values())


def _literal_pieces(pattern: re.Pattern[Any]) -> list[str]:
    """Words of the pattern's own source: the text it is built to look for."""
    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode(
        "latin-1")
    source = re.sub(r"\\[a-zA-Z]", " ", source)  # \w, \d, \b are classes, not letters
    words = sorted(set(re.findall(r"[^\W\d_][\w'’-]{1,14}", source)), key=lambda w: (-len(w), w))
    return words[:3] + sorted(words, key=len)[:3] if len(words) > 6 else words


def adversarial_inputs(pattern: re.Pattern[Any]) -> list[str]:
    """Units that are repeated to the wanted size: generic pieces and the pattern's own."""
    units = [*ADVERSARIAL_PIECES, "1", "a", "A", "1 1,1.1-", "de la de l'", "à-a ", " \n"]
    own = _literal_pieces(pattern)
    units.extend(f"{word} " for word in own)
    units.extend(f"{word}-" for word in own[:2])
    units.extend(f"{word}'" for word in own[:2])
    units.extend(word for word in own[:2])
    if own:
        units.append(" ".join(own) + " ")
        units.append(" 1 ".join(own) + " 1 ")
    return units


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


class _ScanTooLong(Exception):
    pass


def _stop_scan(signum: int, frame: Any) -> None:
    raise _ScanTooLong


def scan_seconds(pattern: re.Pattern[Any], text: str, limit: float = 5.0) -> float:
    """Seconds for ``finditer`` over ``text``; ``inf`` past ``limit`` (the regex engine
    checks for signals, so a catastrophic pattern is stopped instead of hanging the suite)."""
    subject: Any = text if isinstance(pattern.pattern, str) else text.encode("utf-8")
    previous = signal.signal(signal.SIGALRM, _stop_scan)
    signal.setitimer(signal.ITIMER_REAL, limit)
    started = time.perf_counter()
    try:
        for _ in pattern.finditer(subject):
            pass
    except _ScanTooLong:
        return math.inf
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return time.perf_counter() - started


def test_patterns_are_collected_from_every_stage() -> None:
    """The collector must reach each stage's vocabulary regexes, or the test below proves
    nothing: one known pattern per stage."""
    names = {name.rsplit(".", 1)[-1] for name, _ in collected_patterns()}
    for loader in ("_URL", "_boilerplate_patterns", "_SENTENCE_END", "number_vocabulary",
                   "compiled_rules", "registry", "vocabulary", "claim_vocabulary", "patterns",
                   "_speech_patterns", "_DATE_HEADER", "(inline)"):
        assert any(name.endswith(loader) for name in names), f"no pattern from {loader}"
    assert len(collected_patterns()) > 100


def _pattern_ids() -> list[str]:
    return [f"{i}:{name}" for i, (name, _) in enumerate(collected_patterns())]


def superlinear_findings(pattern: re.Pattern[Any]) -> list[str]:
    """Every unit at 10 KB; the three slowest again at 100 KB (a superlinear pattern is
    already the slowest at 10 KB, and this keeps the test within seconds)."""
    timed = []
    for unit in adversarial_inputs(pattern):
        small = scan_seconds(pattern, _repeat(unit, SMALL), limit=SMALL_LIMIT_SECONDS)
        if small == math.inf:
            return [f"more than {SMALL_LIMIT_SECONDS} s on 10 KB of {unit!r}"]
        timed.append((small, unit))
    findings = []
    for small, unit in sorted(timed, reverse=True)[:3]:
        bound = GROWTH * small + FLOOR_SECONDS
        large = scan_seconds(pattern, _repeat(unit, LARGE), limit=bound)
        if large >= bound:
            findings.append(f"on {unit!r}: 10 KB {small:.4f} s, 100 KB {large:.4f} s")
    return findings


@pytest.mark.parametrize("index", range(len(collected_patterns())), ids=_pattern_ids())
def test_no_superlinear_regex(index: int) -> None:
    name, pattern = collected_patterns()[index]
    findings = superlinear_findings(pattern)
    assert not findings, f"{name} /{pattern.pattern[:80]}/ " + "; ".join(findings)


@pytest.mark.parametrize("quadratic", [
    r"(?P<word>[^\W\d_]+)\s{1,3}$",  # numbers' previous word before the fix
    r"(?:\d+[ ,.]?)+%",  # nested quantifiers over overlapping classes
])
def test_the_check_finds_a_quadratic_pattern(quadratic: str) -> None:
    assert superlinear_findings(re.compile(quadratic))
