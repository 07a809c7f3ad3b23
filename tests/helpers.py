"""Assertions shared by the API tests (one error shape for the whole HTTP API)."""

from __future__ import annotations

from typing import Any


def assert_error(response: Any, status: int, code: str | None = None,
                 sentence: bool = True) -> dict[str, Any]:
    """Every error: {"error": {"status", "code", "message"}} as JSON, one sentence that
    says what to do, no traceback."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error: dict[str, Any] = body["error"]
    assert set(error) == {"status", "code", "message"}
    assert error["status"] == status
    assert isinstance(error["code"], str) and error["code"]
    if code is not None:
        assert error["code"] == code
    message = error["message"]
    assert "\n" not in message and len(message) < 400 and "Traceback" not in message
    if sentence:
        assert message.endswith("."), message
    return error
