"""Cleanup that keeps offsets true: mark noise ranges, never rewrite the text.

A `Noise` range (URL, handle, hashtag, reading-time line, phone number, tweet signature)
never yields a figure; actors may still be read from handles and hashtags (`#Daesh`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from newsevents.records import Noise

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"«»]{1,2000}|\bpic\.twitter\.com/\w{1,50}", re.I)
_HANDLE = re.compile(r"(?<![\w@])@\w{1,50}")
_HASHTAG = re.compile(r"(?<![\w#&])#\w{1,140}")
# International numbers (+964 750 ...) and local hotlines given as "at 454 (Iraq)".
_PHONE = re.compile(r"\+\d[\d \u00a0.-]{6,20}\d|\b\d{3,4}(?= ?\((?:[A-Z][a-z]{2,20})\))")
_CLOCK = re.compile(r"\b\d{1,2}[:h]\d{2}\b")


@lru_cache(maxsize=1)
def _boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    text = resources.files("newsevents.data").joinpath("boilerplate.txt").read_text("utf-8")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple(re.compile(r"^[ \t]{0,20}(?:" + ln + ")", re.I | re.M) for ln in lines)


def find_noise(text: str) -> list[Noise]:
    """Every range of `text` that must never yield a figure, sorted by start."""
    found: list[Noise] = []
    for kind, pattern in (("url", _URL), ("handle", _HANDLE), ("hashtag", _HASHTAG),
                          ("phone", _PHONE), ("clock", _CLOCK)):
        found.extend(Noise(m.start(), m.end(), kind) for m in pattern.finditer(text))
    for pattern in _boilerplate_patterns():
        found.extend(Noise(m.start(), _line_end(text, m.start()), "boilerplate")
                     for m in pattern.finditer(text))
    return sorted(found, key=lambda n: (n.start, n.end))


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end
