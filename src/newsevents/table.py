"""A readable fixed-width table of claims for the terminal (`--format table`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newsevents.terminal import printable

COLUMNS = (("doc", 14), ("type", 21), ("measure", 21), ("figure", 13), ("who -> whom", 32),
           ("where", 18), ("when", 23), ("source", 30))


def figure_text(claim: Mapping[str, Any]) -> str:
    qualifier = claim.get("qualifier")
    if qualifier is None:
        return ""
    if qualifier == "exact":
        return str(claim["value"])
    if qualifier == "about":
        return f"~{claim['value']}"
    if qualifier in ("more_than", "at_least"):
        return f"{'>' if qualifier == 'more_than' else '>='}{claim['low']}"
    if qualifier in ("less_than", "at_most"):
        return f"{'<' if qualifier == 'less_than' else '<='}{claim['high']}"
    return f"{claim['low']}-{claim['high']}"


def when_text(time: dict[str, Any] | None) -> str:
    """A claim's time as precise as it is known, never a made-up day: ``2023-05-09``,
    ``2023-05`` for a whole month, ``2023-05-01..2023-05-12 (month)`` for a month cut at
    the publication day, ``2014-08-01..2018-03-31 (range)``."""
    time = time or {}
    start = str(time.get("start") or time.get("end") or "")
    end = str(time.get("end") or start)
    if not start:
        return "?"
    granularity = time.get("granularity") or "unknown"
    if start == end:
        return str(start)
    if granularity == "month" and start[:7] == end[:7] and start.endswith("-01") \
            and _last_day_of_month(end):
        return str(start[:7])
    if granularity == "year" and start.endswith("-01-01") and end.endswith("-12-31") \
            and start[:4] == end[:4]:
        return str(start[:4])
    return f"{start}..{end} ({granularity})"


def _last_day_of_month(day: str) -> bool:
    import calendar

    try:
        year, month, date = (int(x) for x in day[:10].split("-"))
    except ValueError:
        return False
    return date == calendar.monthrange(year, month)[1]


def _cells(claim: dict[str, Any]) -> list[str]:
    when = when_text(claim.get("time"))
    speaker = (claim.get("speaker") or {}).get("name") or claim.get("outlet") or ""
    if claim.get("channel"):
        speaker = f"{speaker} ({claim['channel']})"
    flags = "".join(f for f, on in (("?", claim.get("hedged")), ("!", claim.get("negated"))) if on)
    return [
        claim["doc"], claim["event_type"] + flags, claim.get("measure") or "",
        figure_text(claim),
        ",".join(claim["actors"]) + " -> " + ",".join(claim["targets"]),
        ",".join(p["name"] for p in claim["places"]), when, speaker,
    ]


def _fit(value: str, width: int) -> str:
    value = " ".join(printable(value).split())
    return value if len(value) <= width else value[:width - 1] + "…"


def claims_table(claims: list[dict[str, Any]]) -> str:
    lines = ["  ".join(name.ljust(width) for name, width in COLUMNS)]
    lines.append("  ".join("-" * width for _, width in COLUMNS))
    for claim in claims:
        cells = _cells(claim)
        lines.append("  ".join(_fit(c, w).ljust(w) for c, (_, w) in zip(cells, COLUMNS,
                                                                        strict=True)))
    lines.append(f"{len(claims)} claims")
    return "\n".join(lines) + "\n"
