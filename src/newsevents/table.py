"""A readable fixed-width table of claims for the terminal (`--format table`)."""

from __future__ import annotations

from typing import Any

from newsevents.terminal import printable

COLUMNS = (("doc", 14), ("type", 21), ("measure", 21), ("figure", 13), ("who -> whom", 32),
           ("where", 18), ("when", 23), ("source", 30))


def figure_text(claim: dict[str, Any]) -> str:
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


def _cells(claim: dict[str, Any]) -> list[str]:
    time = claim.get("time") or {}
    when = time.get("start") or "?"
    if time.get("end") and time.get("end") != when:
        when = f"{when}..{time['end']}"
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
