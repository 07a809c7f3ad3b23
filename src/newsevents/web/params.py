"""Query parameters: the CLI's claim filters and pagination, validated before any query.

Every value is checked here (shape, length, range) and reaches SQL only as a bound
parameter through ``newsevents.store.ClaimFilter``. A parameter the route does not know
is refused (422) rather than ignored, so a typo (``contry=IQ``) is not silently a query
for everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import Query, Request

from newsevents.iso_date import check_date
from newsevents.store import ClaimFilter, parse_near
from newsevents.web.errors import PARAMETER_HINTS, ApiError

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000_000  # beyond SQLite's reach anyway; keeps integers in 64 bits
_WORDS = 200  # longest free-text value, in characters


def _identifier(description: str) -> Any:
    return Query(min_length=1, max_length=100, description=description)


def _text(description: str) -> Any:
    return Query(min_length=1, max_length=_WORDS, description=description)


def claim_filter(
    actor: Annotated[str | None, _identifier("Actor id (coalition, state:ML...).")] = None,
    target: Annotated[str | None, _identifier("Target actor id.")] = None,
    measure: Annotated[str | None, _identifier("strikes, fatalities, injured...")] = None,
    event_type: Annotated[str | None, _identifier("air_strike, shelling...")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$",
                                         description="ISO 3166 alpha-2 code.")] = None,
    near: Annotated[str | None, Query(max_length=60, description="lat,lon,km: places within "
                                      "km kilometres of lat,lon.")] = None,
    since: Annotated[str | None, Query(max_length=10, description="Claims ending on or "
                                       "after this date (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, Query(max_length=10, description="Claims starting on or "
                                       "before this date (YYYY[-MM[-DD]]).")] = None,
    speaker: Annotated[str | None, _text("Words of the speaker's name.")] = None,
    outlet: Annotated[str | None, _text("Outlet of the claim or its article.")] = None,
    language: Annotated[Literal["fr", "en"] | None, Query()] = None,
    q: Annotated[str | None, _text("Full-text search over the evidence.")] = None,
    superseded: Annotated[bool, Query(description="Include claims of superseded document "
                                                  "versions.")] = False,
) -> ClaimFilter:
    return ClaimFilter(
        actor=actor, target=target, measure=measure, event_type=event_type, country=country,
        near=_near(near), since=_date("since", since), until=_date("until", until),
        speaker=speaker, outlet=outlet, language=language, text=q, include_superseded=superseded,
    )


def _date(name: str, value: str | None) -> str | None:
    """The same check and sentence as the CLI's ``--since``/``--until``."""
    if value is None:
        return None
    try:
        return check_date(value)
    except ValueError as error:
        raise ApiError(422, f"Query parameter '{name}' is invalid: {error}.") from None


def _near(value: str | None) -> tuple[float, float, float] | None:
    if value is None:
        return None
    try:
        return parse_near(value)
    except ValueError as error:
        raise ApiError(422, f"Query parameter 'near' is invalid ({error}); "
                            f"{PARAMETER_HINTS['near']}.") from None


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int

    def slice(self, rows: list[Any]) -> list[Any]:
        return rows[self.offset:self.offset + self.limit]


def page(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Rows per page.")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")] = 0,
) -> Page:
    return Page(limit, offset)


def reject_unknown_parameters(request: Request) -> None:
    """A router-wide dependency: 422 for a query parameter the route does not declare."""
    route = request.scope.get("route")
    known = _declared_query_names(getattr(route, "dependant", None))
    for name in request.query_params:
        if name not in known:
            choices = ", ".join(sorted(known)) or "none"
            raise ApiError(422, f"Query parameter '{name}' is unknown here; use one of: "
                                f"{choices}.")


def _declared_query_names(dependant: Any) -> set[str]:
    if dependant is None:
        return set()
    names = {field.alias for field in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _declared_query_names(sub)
    return names
