"""The one check of the dates people and files give us: YYYY, YYYY-MM or YYYY-MM-DD.

CLI filters, API parameters, posted documents and every reader call ``check_date``, so a
date is refused (or taken) the same way wherever it comes in: ASCII digits only (a
fullwidth "２０２３" is no date to SQLite's text comparisons), a real month and day
("2023-02-30" and "0000-00-00" are refused), year 1 to 9999.
"""

from __future__ import annotations

import re
from datetime import date

_ISO_PREFIX = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
WHAT_TO_WRITE = ("write YYYY, YYYY-MM or YYYY-MM-DD with a real month and day (for example "
                 "2021-03 or 2021-03-05)")


def check_date(value: str) -> str:
    """``value`` when it is a real year, month or day written YYYY, YYYY-MM or YYYY-MM-DD;
    else ValueError with one sentence saying what to write."""
    match = _ISO_PREFIX.fullmatch(value)
    try:
        if match is None:
            raise ValueError(value)
        year, month, day = match.groups()
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise ValueError(f"{value!r} is not a date: {WHAT_TO_WRITE}") from None
    return value


def is_date(value: str) -> bool:
    """Whether ``check_date`` takes ``value``."""
    try:
        check_date(value)
    except ValueError:
        return False
    return True
