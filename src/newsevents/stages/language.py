"""Language of a segment (French or English), behind one function so the detector can be swapped.

lingua with only the supported languages loaded: ~100 MB and hundreds of thousands of
words/s, where loading every language costs ~1 GB and 10-20x the time (LIBRARIES.md).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

SUPPORTED = ("fr", "en")
_MIN_LETTERS = 12  # below this, detection is a coin toss: keep the fallback


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    # The two models are loaded here, once, not by the first detection: a load is never
    # counted against a document's time budget (newsevents.budget), a detection would be.
    return (LanguageDetectorBuilder.from_languages(Language.FRENCH, Language.ENGLISH)
            .with_preloaded_language_models().build())


def detect_language(text: str, fallback: str = "fr") -> str:
    """'fr' or 'en' for `text`; `fallback` when the text is too short to tell."""
    if sum(ch.isalpha() for ch in text) < _MIN_LETTERS:
        return fallback
    language = _detector().detect_language_of(text)
    if language is None:
        return fallback
    code = language.iso_code_639_1.name.lower()
    return code if code in SUPPORTED else fallback
