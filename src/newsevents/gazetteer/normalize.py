"""Folding of names and text tokens to index keys (accent-, case- and apostrophe-insensitive)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters NFKD does not decompose into a base letter plus a combining mark.
_SPECIAL = str.maketrans({
    "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ł": "l", "Ł": "L",
    "ı": "i", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ħ": "h", "þ": "th",
})
# A token is a run of letters or digits; apostrophes, hyphens and spaces separate tokens,
# so "Deir ez-Zor", "Deir ez Zor" and "l’Euphrate"/"l'Euphrate" fold alike.
TOKEN_RE = re.compile(r"[^\W_]+")
# Arabic articles written in lower case and joined by a hyphen to a capitalised name
# ("el-Facher", "al-Bab", "ad-Dawr", "al-Massira").
ARABIC_ARTICLES = ("al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ed", "en", "er",
                   "es", "et", "ez")
# A lower-case article before a capitalised name: "el-F", "al-B".
ARTICLE_BEFORE_NAME = rf"(?:{'|'.join(ARABIC_ARTICLES)})-[^\W\d_a-z]"


# A document's words repeat; a worker's run of them does not need keeping (46 MB at 200k).
@lru_cache(maxsize=32_768)
def fold_token(token: str) -> str:
    """Lower-case a token and strip its accents: "Ménaka" -> "menaka"."""
    decomposed = unicodedata.normalize("NFKD", token.translate(_SPECIAL))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def fold_name(name: str) -> str:
    """The index key of a name: folded tokens joined by single spaces."""
    return " ".join(fold_token(token) for token in TOKEN_RE.findall(name))


def is_latin(name: str) -> bool:
    """True when every letter of ``name`` is Latin (alternate names in other scripts are
    useless for French and English text and would bloat the index)."""
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True
