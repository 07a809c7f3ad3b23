"""Segments: paragraphs split into sentences, quoted speech, and embedded tweets.

An embedded tweet is a paragraph ending with its signature
``— Name (@handle) Month D, YYYY``; its sentences are segments of kind "tweet" with their
own date, author and handle, so their relative dates resolve against the tweet's day.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from functools import lru_cache
from importlib import resources

from newsevents.records import Noise, Segment
from newsevents.stages.language import detect_language

_TWEET_SIGNATURE = re.compile(
    r"[—–-]{1,2}[ \u00a0]?(?P<author>[^\n()@—]{1,120}?)[ \u00a0]\(@(?P<handle>\w{1,50})\)"
    r"[ \u00a0](?P<date>[A-Z][a-z]{2,9}\.?[ \u00a0]\d{1,2},[ \u00a0]\d{4})[ \t]*$",
    re.M,
)
# A sentence ends at . ! ? … (and closing quotes or brackets), before a space and a capital,
# an opening quote or a digit.
# Scraped text often loses the space ("ont indiqué des responsables locaux.D'autres
# bilans"): a period after a lowercase word, before a capitalised word, ends it too.
_SENTENCE_END = re.compile(
    r"[.!?…]{1,5}(?:[ \u00a0\u202f]?[»”\"')\]]){0,3}(?=[ \t\u00a0]{1,10}[«“\"(\[A-ZÀ-ÖØ-Þ0-9])"
    r"|(?<=[a-zß-öø-ÿ]{2})[.!?][»”\"]?(?=[«“\"]?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’])")
_QUOTE_PAIRS = (("«", "»"), ("“", "”"), ('"', '"'))
_MAX_QUOTE = 3000


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    text = resources.files("newsevents.data").joinpath("abbreviations.txt").read_text("utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and ln[0] != "#")


def split_segments(text: str, default_language: str = "fr") -> tuple[list[Segment], list[Noise]]:
    """Sentence, tweet and quote segments of `text`, and the tweet signatures as noise."""
    segments: list[Segment] = []
    noise: list[Noise] = []
    for number, (start, end) in enumerate(_paragraphs(text)):
        signature = _TWEET_SIGNATURE.search(text, start, end)
        if signature and signature.end() >= end - 1:
            noise.append(Noise(signature.start(), signature.end(), "tweet_signature"))
            segments.extend(_tweet_sentences(text, start, signature, number, default_language))
            continue
        # One detection per paragraph: reporters do not switch language mid-paragraph, and
        # quotes and tweets, which do, are segments with their own detection.
        language = detect_language(text[start:end], default_language)
        for s_start, s_end in split_sentences(text, start, end):
            segments.append(Segment(s_start, s_end, "sentence", language, paragraph=number))
        segments.extend(_quotes(text, start, end, number, default_language))
    segments.sort(key=lambda s: (s.start, -s.end))
    return segments, noise


def _tweet_sentences(text: str, start: int, signature: re.Match[str], paragraph: int,
                     default_language: str) -> Iterator[Segment]:
    tweet_end = signature.start()
    while tweet_end > start and text[tweet_end - 1] in " \t\u00a0":
        tweet_end -= 1
    date = _tweet_date(signature.group("date"))
    author = " ".join(signature.group("author").split())
    language = detect_language(text[start:tweet_end], default_language)
    for s_start, s_end in split_sentences(text, start, tweet_end):
        yield Segment(s_start, s_end, "tweet", language, date=date, author=author,
                      handle=signature.group("handle"), paragraph=paragraph)


def _tweet_date(raw: str) -> str | None:
    cleaned = raw.replace("\u00a0", " ").replace(".", "")
    for fmt in ("%B %d, %Y", "%b %d, %Y"):
        try:
            return datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Non-blank lines: trafilatura and the seeds both put one paragraph per line."""
    position = 0
    for line in text.split("\n"):
        start, end = position, position + len(line)
        position = end + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield start, end


def split_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence ranges within `text[start:end]`, abbreviations respected."""
    abbreviations = _abbreviations()
    current = start
    for match in _SENTENCE_END.finditer(text, start, end):
        word = _word_before(text, match.start())
        if text[match.start()] == "." and (word in abbreviations or word.rsplit(
                "-", 1)[-1] in abbreviations):
            continue  # "Col.", "Maj.-Gen.", "Lt.-Col."
        if text[match.start()] == "." and _is_initial(text, match.start()):
            continue
        if match.end() < end and not text[match.end()].isspace() and _glued_address(
                text, match.start(), match.end(), end):
            continue  # "www.Example.com", "reuters.com/World": an address, not two sentences
        yield current, match.end()
        current = match.end()
        while current < end and text[current] in " \t\u00a0":
            current += 1
    if current < end:
        yield current, end


def _glued_address(text: str, period: int, after: int, end: int) -> bool:
    """The words around a period with no space after it form an address or a name
    ('www.Example.com', 'Example.Org/path')."""
    word_end = after
    limit = min(end, after + 60)
    while word_end < limit and not text[word_end].isspace():
        word_end += 1
    following = text[after:word_end].rstrip(".,;:!?»”\"')")
    return "." in following or "/" in following or "@" in following or _word_before(
        text, period).lower().endswith("www")


def _word_before(text: str, pos: int) -> str:
    begin = pos
    while begin > 0 and pos - begin < 20 and (text[begin - 1].isalpha() or text[begin - 1] in ".-"):
        begin -= 1
    return text[begin:pos]


def _is_initial(text: str, pos: int) -> bool:
    """'J. Smith': a single capital letter before the period."""
    return pos >= 1 and text[pos - 1].isupper() and (pos < 2 or not text[pos - 2].isalpha())


def _quotes(text: str, start: int, end: int, paragraph: int,
            default_language: str) -> Iterator[Segment]:
    for opening, closing in _QUOTE_PAIRS:
        position = start
        while True:
            open_at = text.find(opening, position, end)
            if open_at < 0:
                break
            close_at = text.find(closing, open_at + 1, min(end, open_at + _MAX_QUOTE))
            if close_at < 0:
                break
            language = detect_language(text[open_at + 1:close_at], default_language)
            yield Segment(open_at, close_at + 1, "quote", language, paragraph=paragraph)
            position = close_at + 1
