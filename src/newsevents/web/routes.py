"""The read endpoints: claims, events, conflicts, documents, timeline and facets.

Each route validates its parameters (``params``), calls one ``Store`` method and returns
JSON. Lists are paginated with ``limit``/``offset`` (at most 500 rows, read page by page
in SQL) and say how many rows match in all (``total``; for claims, exactly up to a bound,
see ``total_exact``). Every read runs under a time budget (``Settings.request_seconds``):
past it, the work stops, even when its client has left, and the answer is a 503.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.responses import Response

from newsevents import budget
from newsevents.store import ClaimFilter, Store
from newsevents.store.plan import COUNT_CAP
from newsevents.table import figure_text, when_text
from newsevents.web.errors import ApiError
from newsevents.web.params import Page, claim_filter, page, reject_unknown_parameters
from newsevents.web.spans import with_field_spans

# Counting every match of a broad filter on a large store costs more than the page itself.
CLAIMS_COUNT_CAP = COUNT_CAP

router = APIRouter(prefix="/api", dependencies=[Depends(reject_unknown_parameters)])
Filter = Annotated[ClaimFilter, Depends(claim_filter)]
Paging = Annotated[Page, Depends(page)]


class JSON(Response):
    """Compact UTF-8 JSON, serialised once (plain dicts need no validation pass)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def reader(request: Request) -> Store:
    store: Store = request.app.state.stores.reader()
    return store


Reader = Annotated[Store, Depends(reader)]


@contextmanager
def bounded(request: Request) -> Iterator[None]:
    """The body runs under the server's time budget per request (a 503 past it)."""
    seconds = request.app.state.settings.request_seconds
    try:
        with budget.within(seconds, request.url.path):
            yield
    except budget.OverBudget:
        if getattr(request.app.state, "shutting_down", False):
            raise ApiError(503, "The server is shutting down and stopped this request; "
                                "send it again once the server is back.",
                           "shutting_down") from None
        raise ApiError(503, f"The request took longer than {seconds:g} s and was stopped; "
                            "narrow it with filters (measure, country, since, until) or "
                            "use `newsevents export` for large extracts.",
                       "over_time_budget") from None


@router.get("/claims", response_class=JSON, summary="Claims matching the filters")
def list_claims(request: Request, store: Reader, flt: Filter, paging: Paging,
                order: Annotated[Literal["time", "ingest"], Query(
                    description="time: by start date; ingest: as stored (fastest)")] = "time",
                ) -> Response:
    """CONTRACT.md claims, by date. ``total`` counts every match up to a bound
    (``CLAIMS_COUNT_CAP``); past it, ``total`` is the bound and ``total_exact`` is false."""
    with bounded(request):
        found = store.claims_page(flt, limit=paging.limit, offset=paging.offset,
                                  order=order, cap=CLAIMS_COUNT_CAP)
        claims = [{**c, "figure": figure_text(c), "when": when_text(c.get("time"))}
                  for c in found.claims]  # the CLI's rendering of the figure and the time
        return JSON({"total": found.total, "total_exact": found.total_exact,
                     "limit": paging.limit, "offset": paging.offset, "claims": claims})


@router.get("/events", response_class=JSON, summary="Events with a claim matching the filters")
def list_events(request: Request, store: Reader, flt: Filter, paging: Paging,
                totals: Annotated[bool, Query(description="Include period totals.")] = True,
                ) -> Response:
    """Claims about the same happening merged, each with its sources, by start date."""
    with bounded(request):
        found, total = store.events_page(flt, limit=paging.limit, offset=paging.offset,
                                         include_totals=totals)
        # A read never merges: a store ingested with --no-events says its events lag.
        return JSON({"total": total, "events_current": store.events_current(),
                     "limit": paging.limit, "offset": paging.offset, "events": found})


@router.get("/conflicts", response_class=JSON, summary="Events whose sources disagree")
def list_conflicts(request: Request, store: Reader, flt: Filter, paging: Paging
                   ) -> Response:
    """Events whose sources report incompatible figures, each with all its sources."""
    with bounded(request):
        found, total = store.events_page(flt, limit=paging.limit, offset=paging.offset,
                                         conflicting_only=True)
        return JSON({"total": total, "limit": paging.limit, "offset": paging.offset,
                     "events": found})


@router.get("/timeline", response_class=JSON, summary="A measure per week, month or year")
def get_timeline(request: Request, store: Reader, flt: Filter,
                 by: Annotated[Literal["week", "month", "year"], Query()] = "month",
                 ) -> Response:
    """Each event counted once, never split: rows of kind ``period`` (the events inside
    one period), ``span`` (an event longer than a period) and ``total`` (a period total,
    reported once with its interval); ``measure`` is required."""
    if flt.measure is None:
        raise ApiError(422, "Query parameter 'measure' is required; give a measure such as "
                            "strikes or fatalities.", "invalid_parameter")
    with bounded(request):
        periods = store.timeline(flt.measure, by=by, flt=flt)
        return JSON({"measure": flt.measure, "by": by, "periods": periods})


@router.get("/documents", response_class=JSON, summary="Stored documents (no text)")
def list_documents(request: Request, store: Reader, paging: Paging,
                   versions: Annotated[bool, Query(description="Every version, superseded "
                                                   "ones too.")] = False) -> Response:
    with bounded(request):
        rows = store.documents(limit=paging.limit, offset=paging.offset,
                               current_only=not versions)
        return JSON({"total": store.count_documents(current_only=not versions),
                     "limit": paging.limit, "offset": paging.offset,
                     "documents": [_document_summary(d) for d in rows]})


def _document_summary(row: dict[str, Any]) -> dict[str, Any]:
    summary = {k: v for k, v in row.items() if k != "id"}  # the row id is the store's own
    summary["superseded"] = bool(summary["superseded"])
    return summary


@router.get("/documents/{doc_id:path}", response_class=JSON,
            summary="A document's text with the spans of its mentions and claims")
def get_document(request: Request, store: Reader,
                 doc_id: Annotated[str, Path(max_length=300)],
                 version: Annotated[int | None, Query(ge=1, le=1_000_000)] = None) -> Response:
    """Text, mentions (kind, start, end, fields) and claims; each claim's ``spans`` link
    its fields (value, places, time, speaker, actors, targets) to mention ids."""
    with bounded(request):
        found = store.document(doc_id, version)
        if found is None:
            which = f"version {version} of " if version else ""
            raise ApiError(404, f"There is no {which}document '{doc_id}'; list the stored "
                                "documents with GET /api/documents.")
        return JSON(with_field_spans(found))


@router.get("/facets", response_class=JSON, summary="Values to filter on, with counts")
def get_facets(request: Request, store: Reader) -> Response:
    with bounded(request):
        return JSON(request.app.state.stores.cached_facets(store))
