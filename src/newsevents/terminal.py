"""Text from articles and file names made safe to print on a terminal.

Article text comes from the open web: an ESC or CSI sequence (``\\x1b[2J``, ``\\x9b``)
clears or retitles a terminal, bidi overrides reorder what is shown. Every line the CLI
prints for reading (tables, errors, warnings) goes through `printable`; machine formats
(JSONL, CSV) keep the text as it is, escaped by their own writers.
"""

from __future__ import annotations

_SPACES = {ord(c): " " for c in "\t\n\r\x0b\x0c\x85\u2028\u2029"}
_CONTROLS = [*range(0x00, 0x20), *range(0x7F, 0xA0), 0x061C, *range(0x200B, 0x2010),
             *range(0x202A, 0x202F), *range(0x2060, 0x2070), 0xFEFF]
_TABLE = {**dict.fromkeys(_CONTROLS), **_SPACES}


def printable(text: str) -> str:
    """``text`` without control, bidi and invisible format characters (line breaks and
    tabs become spaces), so printing it can only show characters."""
    return text.translate(_TABLE)
