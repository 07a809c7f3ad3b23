"""POST /api/documents: one article through the real pipeline into the store.

Refused (401/403) unless the request carries ``Authorization: Bearer <token>`` equal to
the server's token; with no token configured, ingestion over HTTP is off. Documents are
processed one at a time (the NLP models are shared), in a worker thread.
"""

from __future__ import annotations

import dataclasses

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.responses import Response

from newsevents.errors import InputError, StageError, StoreError, TimeBudgetExceeded
from newsevents.iso_date import check_date
from newsevents.web.errors import ApiError
from newsevents.web.params import reject_unknown_parameters
from newsevents.web.routes import JSON
from newsevents.web.security import bearer_token, token_matches

router = APIRouter(prefix="/api", dependencies=[Depends(reject_unknown_parameters)])


class ArticleIn(BaseModel):
    """An article to ingest; ``id`` is its document id (a new text under a known id or
    URL becomes a new version)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f]+$")
    text: str = Field(min_length=1)
    date: str | None = Field(default=None, max_length=10)
    url: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=200)
    title: str | None = Field(default=None, max_length=1000)

    @field_validator("date")
    @classmethod
    def _real_date(cls, value: str | None) -> str | None:
        """The readers' and the filters' check: "2021-13-45" is refused in one sentence."""
        return None if value is None else check_date(value)


def require_token(request: Request) -> None:
    expected = request.app.state.settings.token
    if not expected:
        raise ApiError(403, "Ingesting over HTTP is off on this server; restart it with "
                            "NEWSEVENTS_TOKEN set to a secret to turn it on.")
    given = bearer_token(request.scope.get("headers", []))
    if given is None:
        raise ApiError(401, "This request needs the header 'Authorization: Bearer <token>' "
                            "with the server's NEWSEVENTS_TOKEN.",
                       headers={"WWW-Authenticate": "Bearer"})
    if not token_matches(given, expected):
        raise ApiError(403, "The bearer token is not this server's token; send the value "
                            "of NEWSEVENTS_TOKEN the server was started with.")


@router.post("/documents", response_class=JSON, status_code=201,
             dependencies=[Depends(require_token)],
             summary="Ingest an article (bearer token required)")
def post_document(article: ArticleIn, request: Request) -> Response:
    """Runs the pipeline on the article and stores it; 201 when added or a new version,
    200 when the same text was already stored."""
    from newsevents.ingest import ingest_document
    from newsevents.reader import text_document

    try:
        document = text_document(article.text, doc_id=article.id, source="POST /api/documents",
                                 date=article.date)
    except InputError as error:
        raise ApiError(422, f"Field 'text' is invalid ({error.problem}); {error.remedy}.",
                       "invalid_parameter") from None
    document = dataclasses.replace(document, url=article.url, outlet=article.outlet,
                                   title=article.title)
    stores = request.app.state.stores
    with stores.write_lock:
        try:  # the pipeline, the store and the events it changes: one library call
            report, warnings = ingest_document(stores.writer(), document)
        except TimeBudgetExceeded as error:
            raise ApiError(422, str(error), "over_time_budget") from None
        except StageError as error:
            raise ApiError(500, str(error), "pipeline_failed") from None
        except StoreError as error:  # a read-only store, a full disk
            raise ApiError(503, str(error), "store_unavailable") from None
    body = {"id": report.doc_id, "status": report.status, "version": report.version,
            "claims": report.claims, "warnings": warnings,
            "url": f"/api/documents/{report.doc_id}"}
    return JSON(body, status_code=200 if report.status == "unchanged" else 201)
