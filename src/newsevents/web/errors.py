"""One JSON error shape for every error the HTTP API returns.

    {"error": {"status": 422, "code": "invalid_parameter",
               "message": "Query parameter 'since' ...; write YYYY, YYYY-MM or YYYY-MM-DD."}}

Routes raise ``ApiError``; FastAPI's own errors (unknown path, wrong method, validation)
and unexpected exceptions are turned into the same shape by the handlers installed by
``install_error_handlers``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import Response

log = logging.getLogger("newsevents.web")

CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 413: "payload_too_large", 415: "unsupported_media_type",
    422: "invalid_parameter", 500: "internal_error", 503: "unavailable",
}

# What to do about a bad value, per parameter: the end of each 422 message.
PARAMETER_HINTS = {
    "since": "write a date as YYYY, YYYY-MM or YYYY-MM-DD",
    "until": "write a date as YYYY, YYYY-MM or YYYY-MM-DD",
    "date": "write a date as YYYY, YYYY-MM or YYYY-MM-DD",
    "near": "write lat,lon,km (for example 36.34,43.13,50)",
    "country": "give an ISO 3166 alpha-2 code such as IQ, SY or ML",
    "language": "use fr or en",
    "limit": "use a whole number from 1 to 500",
    "offset": "use a whole number from 0",
    "by": "use week, month or year",
    "totals": "use spread or range",
    "order": "use time or ingest",
    "measure": "give a measure such as strikes or fatalities",
    "id": "give a document id of 1 to 200 characters",
    "text": "give the article text (not empty)",
}


class ApiError(Exception):
    """An error a route reports to the client (status, machine code, one-sentence message)."""

    def __init__(self, status: int, message: str, code: str | None = None,
                 headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.message = message
        self.headers = dict(headers or {})


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message}}


def error_response(status: int, message: str, code: str | None = None,
                   headers: Mapping[str, str] | None = None) -> Response:
    body = error_body(status, code or CODES.get(status, "error"), message)
    return Response(json.dumps(body, ensure_ascii=False), status_code=status,
                    media_type="application/json", headers=dict(headers or {}))


def validation_message(errors: Sequence[Any]) -> str:
    """One sentence about the first invalid parameter, naming it and what to do."""
    first = errors[0] if errors else {}
    location = [str(part) for part in first.get("loc", ()) if part != "body"]
    name = location[-1] if location else "request"
    where = "Query parameter" if first.get("loc", ("",))[0] == "query" else "Field"
    if first.get("type") == "missing":
        problem = "is required"
    elif first.get("type") == "value_error":  # our own check's sentence says what to write
        message = str(first.get("msg", "")).removeprefix("Value error, ").rstrip(".")
        return f"{where} '{name}' is invalid: {message}."
    else:
        problem = f"is invalid ({str(first.get('msg', 'bad value')).rstrip('.').lower()})"
    hint = PARAMETER_HINTS.get(name, "check the value against /openapi.json")
    return f"{where} '{name}' {problem}; {hint}."


_HTTP_MESSAGES = {
    404: "No such page or resource; see /openapi.json for the API's paths.",
    405: "This method is not allowed here; see /openapi.json for the methods of each path.",
}


def install_error_handlers(app: FastAPI) -> None:
    async def on_api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return error_response(exc.status, exc.message, exc.code, exc.headers)

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        message = _HTTP_MESSAGES.get(exc.status_code, str(exc.detail))
        return error_response(exc.status_code, message, headers=exc.headers)

    async def on_validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(422, validation_message(exc.errors()))

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, "The server failed to answer this request; the error is "
                                   "in the server's log, please report it.")

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(Exception, on_unexpected)
