"""The limits that keep hostile or oversized input from exhausting time or memory.

Article text comes from the open web: a 1 MB "sentence" (a table dump), a page of
10,000 figures or a 50 MB file must not hang a batch. The reader refuses documents over
``MAX_DOCUMENT_BYTES``; the pipeline does not parse nor read claims from segments over
``MAX_SEGMENT_CHARS``, and caps the mentions of each kind and the claims of a document,
recording a warning in ``DocumentResult.warnings``. Every limit is here, in one place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from newsevents.errors import InputError, LimitExceeded

MAX_DOCUMENT_BYTES = 5_000_000  # an article is a few KB; 5 MB is a book
MAX_SEGMENT_CHARS = 5_000  # longer "sentences" are not prose (tables, dumps)
MAX_MENTIONS_PER_DOCUMENT = 10_000  # of each kind (numbers, times, places, actors)
MAX_CLAIMS_PER_DOCUMENT = 1_000
# After a document this long, the memory it freed is given back to the system (heap.py).
TRIM_AFTER_CHARS = 100_000
# A JSONL line holds one record: its text (at most MAX_DOCUMENT_BYTES) JSON-escaped (French
# with ensure_ascii grows ~2.5x) plus its fields. Lines are read at most this much at a time.
MAX_JSONL_LINE_BYTES = 4 * MAX_DOCUMENT_BYTES
# gzip turns 1 MB into 1 GB of blank lines or one endless line: beyond this ratio (news
# JSONL compresses 3-10x) and past the floor, the file is refused as a decompression bomb.
MAX_GZIP_RATIO = 100
GZIP_FLOOR_BYTES = 2 * MAX_DOCUMENT_BYTES
# A JSONL file of nothing but blank lines reads for minutes and yields nothing: a run this
# long is said once (a few seconds in), and reading goes on. A gzip is refused as a bomb
# before (one line for one problem).
BLANK_RUN_LINES = GZIP_FLOOR_BYTES + 1_000_000

T = TypeVar("T")


def document_too_large(source: str) -> LimitExceeded:
    """The error a reader yields for an input over ``MAX_DOCUMENT_BYTES``."""
    return LimitExceeded(
        source, f"the article is larger than {MAX_DOCUMENT_BYTES // 1_000_000} MB",
        "split it into smaller articles, one per file or JSONL record",
    )


def line_too_long(source: str) -> LimitExceeded:
    """The error a reader yields for a JSONL line over ``MAX_JSONL_LINE_BYTES``."""
    return LimitExceeded(
        source, f"the line is longer than {MAX_JSONL_LINE_BYTES // 1_000_000} MB and was "
        "skipped", f"give one record per line, its text under "
        f"{MAX_DOCUMENT_BYTES // 1_000_000} MB")


def gzip_bomb(source: str) -> LimitExceeded:
    return LimitExceeded(
        source, f"it decompresses to more than {MAX_GZIP_RATIO} times its size; the rest "
        "of it was not read", "decompress it yourself and check what it holds")


def blank_run(where: str) -> InputError:
    """What the JSONL reader says of ``BLANK_RUN_LINES`` blank lines in a row."""
    return InputError(where, f"over {BLANK_RUN_LINES // 1_000_000} million blank lines in a "
                      "row start here (the "
                      "file is still being read)", "remove the blank lines, or check that "
                      "the file is JSONL")


def over_segment_limit(start: int, end: int) -> bool:
    """Whether a segment is too long to parse or to read claims from."""
    return end - start > MAX_SEGMENT_CHARS


def segments_skipped_warning(source: str, count: int) -> str:
    return (f"{source}: {count} segment(s) longer than {MAX_SEGMENT_CHARS:,} characters "
            "were not read for claims (not prose); split long lines into sentences to "
            "have them read.")


def capped(items: Sequence[T], limit: int, what: str, source: str,
           warnings: list[str]) -> list[T]:
    """The first ``limit`` items (in text order), with a warning when some are dropped."""
    if len(items) <= limit:
        return list(items)
    warnings.append(f"{source}: {len(items):,} {what} found, only the first {limit:,} kept; "
                    "split the document to have the rest read.")
    return list(items[:limit])


def has_lone_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_lone_surrogates(text: str) -> str:
    """``text`` with lone UTF-16 surrogates (invalid Unicode, e.g. from JSON ``"\\ud800"``)
    replaced by U+FFFD: the same length, so every offset stays true."""
    return _SURROGATE.sub("\ufffd", text) if has_lone_surrogates(text) else text
