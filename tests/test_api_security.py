"""The HTTP API under attack: oversized bodies, invalid parameters, token guessing, SQL
injection through every filter, foreign origins, and script in stored article text.

Every refusal has the API's one error shape ``{"error": {"status", "code", "message"}}``
(checked by ``assert_error``); no attempt is ever a 500, and no attempt changes the data.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():  # starlette prefers httpx2; httpx (pinned) works the same
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from newsevents.store import Store
from newsevents.web import create_app, security
from tests.helpers import assert_error

TOKEN = "security-token-8d2e"
LOCAL = ("127.0.0.1", 50001)
BASE = "http://127.0.0.1:8000"
INJECTIONS = ["' OR 1=1 --", "\"; DROP TABLE claims; --", "1; DELETE FROM documents",
              "x' UNION SELECT sql FROM sqlite_master --", "%' OR '%'='", "\\'; --",
              "\x00", "' OR ''='", "1) OR (1=1", "*", "\"", "NEAR(a b)", "a AND b OR",
              "états-unis' --", "\u202e' OR 1=1"]
CLAIM_FILTERS = ["actor", "target", "measure", "event_type", "country", "near", "since",
                 "until", "speaker", "outlet", "language", "q"]

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def client(example_db: Path) -> Iterator[TestClient]:
    app = create_app(str(example_db), token=TOKEN, max_body_bytes=50_000)
    with TestClient(app, client=LOCAL, base_url=BASE) as test_client:
        yield test_client


def _fingerprint(db: Path) -> str:
    """A digest of every row of the data tables: equal means unchanged."""
    with Store(db) as store:
        rows = [tuple(r) for table in ("documents", "claims", "mentions", "events")
                for r in store.conn.execute(f"SELECT * FROM {table} ORDER BY 1")]
    return hashlib.sha256(repr(rows).encode()).hexdigest()


# -- size and parameters ------------------------------------------------------------------
def test_body_over_the_limit_is_413(client: TestClient) -> None:
    body = json.dumps({"id": "big", "text": "Au moins 3 morts. " * 5_000})
    response = client.post("/api/documents", content=body, headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert_error(response, 413)


def test_body_without_a_declared_length_is_limited_too(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"id": "streamed", "text": "'
        for _ in range(100):
            yield b"a" * 1_000
        yield b'"}'

    response = client.post("/api/documents", content=chunks(), headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert_error(response, 413)


@pytest.mark.parametrize("query", [
    "limit=0", "limit=501", "limit=-1", "limit=1e9", "limit=abc", "offset=-5",
    "offset=99999999999999999999999", "since=yesterday", "until=2021-1", "country=IRQ",
    "country=1Q", "language=de", "near=north", "near=91,0,10", "near=1,2", "order=random",
    "actor=" + "a" * 101, "q=" + "x" * 201, "speaker=", "contry=IQ", "superseded=maybe",
])
def test_invalid_parameters_are_422(client: TestClient, query: str) -> None:
    error = assert_error(client.get(f"/api/claims?{query}"), 422)
    assert error["code"] == "invalid_parameter"


@pytest.mark.parametrize("body", [
    {"id": "", "text": "x"}, {"id": "a\nb", "text": "Au moins 3 morts."},
    {"id": "a", "text": ""}, {"id": "a", "text": 12}, {"id": "a"}, {"text": "x"},
    {"id": "a", "text": "x", "date": "hier"}, {"id": "a", "text": "x", "extra": 1},
    {"id": ["a"], "text": "x"}, [1, 2], "text", None,
])
def test_invalid_bodies_are_422(client: TestClient, body: Any) -> None:
    response = client.post("/api/documents", content=json.dumps(body), headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert_error(response, 422)


@pytest.mark.parametrize("raw", [b'{"id": "a", "text": ', b"\xff\xfe\x00", b"",
                                 b'{"id": "a", "text": "\\ud800"', b"[" * 10_000])
def test_malformed_json_is_a_client_error_not_500(client: TestClient, raw: bytes) -> None:
    response = client.post("/api/documents", content=raw, headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert response.status_code in (400, 422), response.text
    # Starlette's own "There was an error parsing the body" is no sentence with a remedy:
    # the shape is checked, the wording is the web layer's to improve.
    assert_error(response, response.status_code, sentence=False)


# -- the token ---------------------------------------------------------------------------
def test_token_is_compared_in_constant_time() -> None:
    source = inspect.getsource(security.token_matches)
    assert "hmac.compare_digest" in source and "==" not in source


def test_token_comparison_goes_through_compare_digest(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = security.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(security.hmac, "compare_digest", spy)
    assert security.token_matches(TOKEN, TOKEN) and not security.token_matches("x", TOKEN)
    assert len(calls) == 2


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer ", "Basic " + TOKEN,
                                    "Bearer " + TOKEN[:-1], "Bearer " + TOKEN + "x",
                                    "Bearer " + TOKEN.upper(), "bearer  wrong"])
def test_ingest_without_the_right_token_is_refused(client: TestClient, example_db: Path,
                                                   header: str | None) -> None:
    before = _fingerprint(example_db)
    headers = {"Authorization": header} if header is not None else {}
    response = client.post("/api/documents", json={"id": "intruder",
                                                   "text": "Au moins 3 morts à Gao."},
                           headers=headers)
    assert response.status_code in (401, 403)
    assert_error(response, response.status_code)
    assert _fingerprint(example_db) == before


def test_remote_reads_need_the_token(example_db: Path) -> None:
    app = create_app(str(example_db), token=TOKEN)
    with TestClient(app, client=("203.0.113.9", 4000), base_url=BASE) as remote:
        assert_error(remote.get("/api/claims"), 403)
        ok = remote.get("/api/claims", headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 200


# -- injection ---------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/api/claims", "/api/events"])
@pytest.mark.parametrize("name", CLAIM_FILTERS)
def test_sql_injection_through_every_filter(client: TestClient, example_db: Path, path: str,
                                            name: str) -> None:
    before = _fingerprint(example_db)
    everything = client.get(path).json()
    for attempt in INJECTIONS:
        response = client.get(path, params={name: attempt})
        assert response.status_code != 500, (name, attempt, response.text)
        if response.status_code == 200:  # a value taken literally matches nothing extra
            body = response.json()
            assert len(json.dumps(body)) <= len(json.dumps(everything)), (name, attempt)
        else:
            assert_error(response, response.status_code)
    assert _fingerprint(example_db) == before


def test_injection_in_the_document_path(client: TestClient, example_db: Path) -> None:
    before = _fingerprint(example_db)
    for attempt in INJECTIONS:
        response = client.get("/api/documents/" + attempt.replace("\x00", ""))
        assert response.status_code in (404, 422), (attempt, response.text)
        assert_error(response, response.status_code)
    assert _fingerprint(example_db) == before


def test_stored_hostile_values_are_data_not_code(tmp_path: Path, example_db: Path) -> None:
    """An article whose id, title and text hold SQL, script, bidi marks and NUL is stored
    and served back as data; one with lone surrogates is refused with 422."""
    db = tmp_path / "copy.db"
    db.write_bytes(example_db.read_bytes())
    app = create_app(str(db), token=TOKEN)
    hostile = {"id": "x'); DROP TABLE claims; --", "title": "<script>alert(1)</script>",
               "url": "javascript:alert(1)", "outlet": "\u202e AFP",
               "text": "<img src=x onerror=alert(1)> Au moins 23 soldats ont été tués mardi "
                       "près de Gao, a indiqué l'armée malienne. \x00"}
    with TestClient(app, client=LOCAL, base_url=BASE) as writer:
        response = writer.post("/api/documents", content=json.dumps(hostile), headers={
            "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
        assert response.status_code == 201, response.text
        invalid = writer.post("/api/documents", content=json.dumps({**hostile, "id": "s",
                                                                    "outlet": "\ud800"}),
                              headers={"Authorization": f"Bearer {TOKEN}",
                                       "Content-Type": "application/json"})
        assert_error(invalid, 422)  # lone surrogates: refused, never a 500 from SQLite
        claims = writer.get("/api/claims", params={"q": "soldats"}).json()
        assert writer.get("/api/claims").status_code == 200
    assert "<img src=x" in json.dumps(claims, ensure_ascii=False)  # data, kept as written
    with Store(db) as store:
        assert store.conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0] > 0


# -- browsers ----------------------------------------------------------------------------
def test_cors_closed_by_default(client: TestClient) -> None:
    foreign = {"Origin": "https://evil.example"}
    response = client.get("/api/claims", headers=foreign)
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options("/api/documents", headers={
        **foreign, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization"})
    assert "access-control-allow-origin" not in preflight.headers
    assert preflight.status_code != 200 or not preflight.headers.get(
        "access-control-allow-methods")


def test_page_policy_forbids_inline_script(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    policy = {d.split()[0]: d.split()[1:]
              for d in page.headers["content-security-policy"].split(";") if d.strip()}
    scripts = policy.get("script-src", policy.get("default-src"))
    assert scripts is not None
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert not any(s.startswith(("'nonce-", "'sha", "http:", "https:", "*")) for s in scripts)
    assert policy.get("object-src") == ["'none'"] or policy.get("default-src") == ["'none'"]
    assert "<script>" not in page.text.replace(" ", "").lower()  # no inline script body
    assert page.headers["x-content-type-options"] == "nosniff"


def test_dns_rebinding_host_is_refused(client: TestClient) -> None:
    assert_error(client.get("/api/claims", headers={"Host": "evil.example"}), 400)
