"""Find gazetteer names in text: longest match first over a first-token index."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from newsevents.gazetteer.loading import Gazetteer
from newsevents.gazetteer.normalize import (
    ARABIC_ARTICLES,
    ARTICLE_BEFORE_NAME,
    TOKEN_RE,
    fold_token,
)

# What may separate the tokens of one name: spaces (not a line break), hyphens, apostrophes.
_NAME_GAP_RE = re.compile(r"[ \t\u00a0\-'’‘ʼ]{1,3}")
# Ranges never searched even when the caller passes no Noise: links, handles, hashtags.
_LINK_RE = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S{1,500}|[@#][\w]{1,100}")


@dataclass(frozen=True, slots=True)  # one per word of the article
class Token:
    start: int
    end: int
    key: str  # folded

    def text(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass(frozen=True)
class NameMatch:
    """A gazetteer name found in text: token range, folded key and the span."""

    first: int  # index of the first token
    count: int  # number of tokens
    key: str
    start: int
    end: int


def skipped_ranges(text: str, noise: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    ranges = [(m.start(), m.end()) for m in _LINK_RE.finditer(text)]
    return sorted([*ranges, *noise])


def tokenize(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[Token]:
    """Word tokens with offsets; tokens inside ``skip`` ranges are left out."""
    tokens: list[Token] = []
    ranges = iter(skip)
    current = next(ranges, None)
    for match in TOKEN_RE.finditer(text):
        while current is not None and current[1] <= match.start():
            current = next(ranges, None)
        if current is not None and current[0] < match.end() and match.start() < current[1]:
            continue
        tokens.append(Token(match.start(), match.end(), sys.intern(fold_token(match.group()))))
    return tokens


def _joined(text: str, tokens: Sequence[Token], first: int, count: int) -> bool:
    """True when tokens first..first+count-1 are written as one name (no punctuation)."""
    for i in range(first, first + count - 1):
        gap = text[tokens[i].end:tokens[i + 1].start]
        if not _NAME_GAP_RE.fullmatch(gap):
            return False
    return True


_ARTICLE_PREFIX = re.compile(ARTICLE_BEFORE_NAME)


def _acceptable_case(gazetteer: Gazetteer, span: str, key: str) -> bool:
    """Case-sensitive on capitalised tokens: a name starts with a capital (curated lower-case
    phrases aside); a short all-capitals span must be a curated acronym ("USA", not "OIR")."""
    if key in gazetteer.lowercase_keys:
        return True
    if not span[:1].isupper() and not _ARTICLE_PREFIX.match(span):
        return False
    # "Le port" is not Le Port (Réunion): only short particles ("ez", "al") stay lower-case
    words = TOKEN_RE.findall(span)
    if key not in gazetteer.curated_keys and any(w[:1].islower() and len(w) > 3 for w in words[1:]):
        return False
    letters = [ch for ch in span if ch.isalpha()]
    if len(letters) <= 5 and all(ch.isupper() for ch in letters) and len(letters) > 1:
        return key in gazetteer.acronym_keys
    return True


def _glued_after(text: str, tokens: Sequence[Token], i: int) -> bool:
    """True when token ``i`` is the second half of a hyphenated word whose whole the
    gazetteer lacks: "Shan-North" is a state, not North; "Nguia-Bouar" a village, not
    Bouar."""
    if i == 0 or text[tokens[i - 1].end:tokens[i].start] != "-":
        return False
    return tokens[i - 1].key not in ARABIC_ARTICLES  # "al-Bab" is al-Bab


def _possessive_country(gazetteer: Gazetteer, text: str, tokens: Sequence[Token],
                        i: int) -> NameMatch | None:
    """A country's possessive written without its apostrophe, as coders' notes strip them
    ("Somalias northeastern coast", "Sudans capital"): the country, before a lower-case
    word."""
    token = tokens[i]
    key = token.key[:-1]
    if not token.key.endswith("s") or key not in gazetteer.index or i + 1 >= len(tokens):
        return None
    span = token.text(text)
    following = tokens[i + 1].text(text)
    if not span[:1].isupper() or not following[:1].islower() or \
            text[token.end:tokens[i + 1].start] != " ":
        return None
    if not any(p.kind == "C" for p in gazetteer.candidates(key)):
        return None
    return NameMatch(i, 1, key, token.start, token.end)


def find_names(gazetteer: Gazetteer, text: str, tokens: Sequence[Token]) -> list[NameMatch]:
    """Every gazetteer name in the token stream, longest first, not overlapping."""
    matches: list[NameMatch] = []
    i = 0
    while i < len(tokens):
        longest = gazetteer.longest.get(tokens[i].key, 0)
        found = None
        for count in range(min(longest, len(tokens) - i), 0, -1):
            key = " ".join(token.key for token in tokens[i:i + count])
            if key not in gazetteer.index or not _joined(text, tokens, i, count):
                continue
            start, end = tokens[i].start, tokens[i + count - 1].end
            if _glued_after(text, tokens, i):
                break
            if _acceptable_case(gazetteer, text[start:end], key):
                found = NameMatch(i, count, key, start, end)
                break
        if found is None:
            found = _possessive_country(gazetteer, text, tokens, i)
        if found is None:
            i += 1
        else:
            matches.append(found)
            i += found.count
    return matches
