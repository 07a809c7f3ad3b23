"""The HTTP API, in process: every endpoint, the filters, pagination, the error shape of
every error class, the token on POST, injection attempts, and the security headers.

The store is built once from the example articles through the real pipeline; tests that
write get their own copy of it.
"""

from __future__ import annotations

import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

with warnings.catch_warnings():  # starlette prefers httpx2; httpx (pinned) works the same
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from newsevents.store import ClaimFilter, Store
from newsevents.store.filters import haversine_km
from newsevents.web import create_app, routes
from tests.helpers import assert_error

from .conftest import EXAMPLES

STATIC = Path(__file__).parents[1] / "src" / "newsevents" / "web" / "static"
TOKEN = "test-token-4f1c9a"
LOCAL = ("127.0.0.1", 50000)
BASE = "http://127.0.0.1:8000"

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def local_client(app: Any, **options: Any) -> TestClient:
    """A client on this machine, naming the server as a browser here would."""
    return TestClient(app, client=LOCAL, base_url=BASE, **options)


@pytest.fixture(scope="module")
def client(example_db: Path) -> Iterator[TestClient]:
    with local_client(create_app(str(example_db), token=TOKEN)) as test_client:
        yield test_client


@pytest.fixture()
def db_copy(example_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.db"
    shutil.copy(example_db, copy)
    return copy


@pytest.fixture()
def writable(db_copy: Path) -> Iterator[TestClient]:
    with local_client(create_app(str(db_copy), token=TOKEN)) as test_client:
        yield test_client


def all_claims(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/api/claims", params={"limit": 500, **params})
    assert response.status_code == 200, response.text
    return response.json()


# -- claims, filters, pagination --------------------------------------------------------

def test_claims_lists_every_stored_claim_with_the_contract_fields(
        client: TestClient, example_db: Path) -> None:
    page = all_claims(client)
    with Store(example_db) as store:
        assert page["total"] == store.count_claims(ClaimFilter()) == len(page["claims"])
    assert page["total"] >= 15
    claim = next(c for c in page["claims"] if c["value"] == 312 and c["measure"] == "strikes")
    assert claim["doc"] == "000_b5c6e734571c1807.txt"
    assert claim["speaker"]["name"] == "Wayne Marotto"
    assert {"evidence", "time", "places", "actors", "targets", "confidence"} <= set(claim)


def _has_place_near(claim: dict[str, Any], lat: float, lon: float, km: float) -> bool:
    return any(p["lat"] is not None and haversine_km(p["lat"], p["lon"], lat, lon) <= km
               for p in claim["places"])


FILTER_CASES = [
    ({"measure": "strikes"}, lambda c: c["measure"] == "strikes"),
    ({"event_type": "armed_clash"}, lambda c: c["event_type"] == "armed_clash"),
    ({"actor": "coalition"}, lambda c: "coalition" in c["actors"]),
    ({"target": "islamic_state"}, lambda c: "islamic_state" in c["targets"]),
    ({"country": "SY"}, lambda c: any(p["country"] == "SY" for p in c["places"])),
    ({"country": "sy"}, lambda c: any(p["country"] == "SY" for p in c["places"])),
    ({"near": "36.34,43.13,60"}, lambda c: _has_place_near(c, 36.34, 43.13, 60)),
    ({"since": "2021"}, lambda c: c["time"]["end"] >= "2021"),
    ({"until": "2015-12"}, lambda c: c["time"]["start"] <= "2015-12-31"),
    ({"since": "2018-04", "until": "2018-05"},
     lambda c: c["time"]["end"] >= "2018-04" and c["time"]["start"] <= "2018-05-31"),
    ({"speaker": "Marotto"}, lambda c: "Marotto" in (c["speaker"] or {}).get("name", "")),
    ({"outlet": "stars and stripes"}, lambda c: c["outlet"] == "Stars and Stripes"),
    ({"language": "en"}, lambda c: c["language"] == "en"),
    ({"q": "frappes"}, lambda c: "frappes" in c["evidence"]["text"].lower()),
    ({"measure": "strikes", "country": "IQ"},
     lambda c: c["measure"] == "strikes" and any(p["country"] == "IQ" for p in c["places"])),
]


@pytest.mark.parametrize(("params", "keeps"), FILTER_CASES,
                         ids=["&".join(f"{k}={v}" for k, v in p.items()) for p, _ in FILTER_CASES])
def test_each_filter_keeps_exactly_the_matching_claims(client: TestClient, params: dict[str, str],
                                                      keeps: Any) -> None:
    everything = all_claims(client)["claims"]
    filtered = all_claims(client, **params)
    expected = {c["claim_id"] for c in everything if keeps(c)}
    assert expected, "the examples should hold a claim for this filter"
    assert {c["claim_id"] for c in filtered["claims"]} == expected
    assert filtered["total"] == len(expected) < len(everything)


def test_pages_are_disjoint_ordered_slices_with_the_same_total(client: TestClient) -> None:
    first_ten = all_claims(client, limit=10)
    pages = [client.get("/api/claims", params={"limit": 4, "offset": o}).json()
             for o in (0, 4, 8)]
    assert [p["offset"] for p in pages] == [0, 4, 8]
    assert {p["total"] for p in pages} == {first_ten["total"]}
    ids = [c["claim_id"] for p in pages for c in p["claims"]]
    assert ids[:10] == [c["claim_id"] for c in first_ten["claims"]]
    assert len(ids) == len(set(ids)) == 12
    starts = [c["time"]["start"] for c in all_claims(client)["claims"]]
    assert starts == sorted(starts)


def test_an_offset_past_the_end_gives_an_empty_page(client: TestClient) -> None:
    page = client.get("/api/claims", params={"offset": 10_000}).json()
    assert page["claims"] == [] and page["total"] > 0


def test_a_count_past_the_bound_says_it_is_not_exact(client: TestClient,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    everything = all_claims(client)
    assert everything["total_exact"] is True
    monkeypatch.setattr(routes, "CLAIMS_COUNT_CAP", 5)
    capped = client.get("/api/claims", params={"limit": 4, "offset": 4}).json()
    assert (capped["total"], capped["total_exact"]) == (5, False)
    assert [c["claim_id"] for c in capped["claims"]] == \
        [c["claim_id"] for c in everything["claims"][4:8]]
    # A filter an index lists in full (here every filter: the store is small) is counted
    # exactly, past the bound too.
    few = client.get("/api/claims", params={"measure": "strikes", "country": "IQ"}).json()
    assert few["total_exact"] is True and few["total"] == len(few["claims"])


# -- events, conflicts, timeline, documents ---------------------------------------------

def test_events_merge_claims_and_paginate(client: TestClient) -> None:
    body = client.get("/api/events", params={"limit": 500}).json()
    assert 0 < body["total"] == len(body["events"]) <= all_claims(client)["total"]
    event = body["events"][0]
    assert {"event_id", "event_type", "measure", "best", "time", "places", "claims"} <= set(event)
    strikes = client.get("/api/events", params={"measure": "strikes", "limit": 2}).json()
    assert len(strikes["events"]) == 2 and strikes["total"] > 2
    assert all(e["measure"] == "strikes" for e in strikes["events"])
    singles = client.get("/api/events", params={"totals": "false", "limit": 500}).json()
    assert singles["total"] < body["total"]  # the 29,307 strikes from 2014 to 2018 is a total
    assert not any(e["is_total"] for e in singles["events"])


def test_conflicts_are_events_whose_sources_disagree(client: TestClient) -> None:
    body = client.get("/api/conflicts").json()
    assert set(body) == {"total", "limit", "offset", "events"}
    assert all(e["conflicting"] for e in body["events"])
    assert body["total"] == len(body["events"])


@pytest.mark.parametrize(("by", "width"), [("month", 7), ("year", 4), ("week", 8)])
def test_timeline_of_a_measure_by_period(client: TestClient, by: str, width: int) -> None:
    body = client.get("/api/timeline", params={"measure": "strikes", "by": by}).json()
    assert body["measure"] == "strikes" and body["by"] == by
    periods = body["periods"]
    assert periods and all(len(p["period"]) == width for p in periods if p["kind"] == "period")
    assert [p["start"] for p in periods] == sorted(p["start"] for p in periods)
    march_2021 = [p for p in periods if p["start"] <= "2021-03-15" <= p["end"]]
    assert march_2021 and march_2021[0]["value"] > 0


def test_timeline_counts_one_articles_strikes_once_and_a_total_once(client: TestClient) -> None:
    periods = client.get("/api/timeline", params={"measure": "strikes"}).json()["periods"]
    # "312 strikes" and "more than 150 strikes" this month (one article, the same strikes)
    # are 312; "29,307 from August 2014 to March 2018" is one row over its whole period.
    assert [(p["kind"], p["period"], p["value"]) for p in periods] == [
        ("total", "2014-08-01/2018-03-31", 29307), ("period", "2021-03", 312)]


def test_timeline_takes_the_claim_filters(client: TestClient) -> None:
    whole = client.get("/api/timeline", params={"measure": "strikes"}).json()["periods"]
    recent = client.get("/api/timeline", params={"measure": "strikes", "since": "2020"}).json()
    assert recent["periods"] and len(recent["periods"]) < len(whole)


def test_documents_list_current_versions(client: TestClient) -> None:
    body = client.get("/api/documents").json()
    assert body["total"] == 2
    assert {d["doc_id"] for d in body["documents"]} == {p.name for p in EXAMPLES.glob("*.txt")}
    assert all(d["superseded"] is False and "text" not in d for d in body["documents"])


def test_a_document_gives_its_text_and_the_spans_of_mentions_and_evidence(
        client: TestClient) -> None:
    doc = client.get("/api/documents/000_b5c6e734571c1807.txt").json()
    text = doc["text"]
    assert "312" in text and doc["date"] == "2021-03"
    kinds = {m["kind"] for m in doc["mentions"]}
    assert {"time", "place", "number", "actor", "speaker"} <= kinds
    for mention in doc["mentions"]:
        assert text[mention["start"]:mention["end"]] == mention["text"]
    assert doc["claims"]
    mentions = {m["mention_id"]: m for m in doc["mentions"]}
    kind_of_field = {"value": "number", "places": "place", "time": "time",
                     "speaker": "speaker", "actors": "actor", "targets": "actor"}
    for claim in doc["claims"]:
        evidence = claim["evidence"]
        assert text[evidence["start"]:evidence["end"]] == evidence["text"]
        for span in claim["spans"]:
            assert mentions[span["mention"]]["kind"] == kind_of_field[span["field"]]
            assert (span["start"], span["end"]) == (mentions[span["mention"]]["start"],
                                                    mentions[span["mention"]]["end"])
    marotto = next(c for c in doc["claims"] if c["value"] == 312 and c["measure"] == "strikes"
                   and c["speaker"] and c["speaker"]["name"] == "Wayne Marotto")
    value_span = next(s for s in marotto["spans"] if s["field"] == "value")
    assert text[value_span["start"]:value_span["end"]] == "312"


def test_facets_count_the_values_to_filter_on(client: TestClient) -> None:
    facets = client.get("/api/facets").json()
    measures = {f["value"]: f["count"] for f in facets["measure"]}
    strikes = all_claims(client, measure="strikes")["total"]
    assert measures["strikes"] == strikes
    assert {"IQ", "SY"} <= {f["value"] for f in facets["country"]}
    assert "coalition" in {f["value"] for f in facets["actor"]}


# -- errors: one shape ------------------------------------------------------------------

@pytest.mark.parametrize(("path", "parameter"), [
    ("/api/claims?limit=0", "limit"),
    ("/api/claims?limit=501", "limit"),
    ("/api/claims?limit=ten", "limit"),
    ("/api/claims?offset=-1", "offset"),
    ("/api/claims?offset=99999999999999999999999", "offset"),
    ("/api/claims?since=2021-3", "since"),
    ("/api/claims?until=yesterday", "until"),
    ("/api/claims?since=2021-13", "since"),
    ("/api/events?until=2021-02-30", "until"),
    ("/api/timeline?measure=strikes&since=2021-00", "since"),
    ("/api/claims?near=36.3,43.1", "near"),
    ("/api/claims?near=95,43.1,10", "near"),
    ("/api/claims?country=IRQ", "country"),
    ("/api/claims?language=de", "language"),
    ("/api/claims?order=random", "order"),
    ("/api/claims?contry=IQ", "contry"),
    ("/api/events?totals=maybe", "totals"),
    ("/api/timeline", "measure"),
    ("/api/timeline?measure=strikes&by=day", "by"),
    ("/api/documents/x?version=0", "version"),
])
def test_invalid_parameters_are_422_naming_the_parameter(client: TestClient, path: str,
                                                         parameter: str) -> None:
    error = assert_error(client.get(path), 422, "invalid_parameter")
    assert f"'{parameter}'" in error["message"]


def test_unknown_paths_and_documents_are_404(client: TestClient) -> None:
    assert_error(client.get("/api/nothing"), 404, "not_found")
    assert_error(client.get("/static/missing.js"), 404, "not_found")
    error = assert_error(client.get("/api/documents/no-such.txt"), 404, "not_found")
    assert "no-such.txt" in error["message"]
    assert_error(client.get("/api/documents/000_b5c6e734571c1807.txt?version=9"), 404)


def test_a_wrong_method_is_405(client: TestClient) -> None:
    assert_error(client.delete("/api/claims"), 405, "method_not_allowed")


def test_reads_from_another_machine_need_the_token(example_db: Path) -> None:
    app = create_app(str(example_db), token=TOKEN)
    with TestClient(app, client=("203.0.113.7", 40000), base_url=BASE) as remote:
        assert_error(remote.get("/api/claims"), 403, "forbidden")
        assert_error(remote.get("/"), 403, "forbidden")
        allowed = remote.get("/api/claims", headers={"Authorization": f"Bearer {TOKEN}"})
        assert allowed.status_code == 200
    public = create_app(str(example_db), token=TOKEN, public_reads=True)
    with TestClient(public, client=("203.0.113.7", 40000), base_url=BASE) as remote:
        assert remote.get("/api/claims").status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example",
                                  "192.168.1.10:8000", ""])
def test_a_host_header_naming_another_server_is_400(example_db: Path, host: str) -> None:
    with local_client(create_app(str(example_db))) as client:
        assert_error(client.get("/api/claims", headers={"Host": host}), 400, "bad_request")
        for good in ("127.0.0.1:8000", "localhost", "[::1]:8000", "LOCALHOST:1"):
            assert client.get("/api/claims", headers={"Host": good}).status_code == 200
    with local_client(create_app(str(example_db), allowed_hosts=None)) as anywhere:
        assert anywhere.get("/api/claims", headers={"Host": host}).status_code == 200


def test_an_internal_failure_is_500_in_the_same_shape(db_copy: Path) -> None:
    app = create_app(str(db_copy), token=TOKEN)
    with sqlite3.connect(db_copy) as conn:  # a damaged database: a real failure, not a mock
        conn.execute("DROP TABLE event_claims")
    with local_client(app, raise_server_exceptions=False) as broken:
        error = assert_error(broken.get("/api/events"), 500, "internal_error")
        assert "event_claims" not in error["message"]  # internals stay in the server log


# -- POST /api/documents: the token ------------------------------------------------------

ARTICLE = {"id": "gao-2023-05-10", "date": "2023-05-10", "outlet": "Test wire",
           "url": "https://example.org/gao", "title": "Gao",
           "text": "Au moins 23 soldats maliens ont été tués mardi près de Ménaka, selon "
                   "l'armée malienne."}


def test_post_without_a_token_is_401(writable: TestClient) -> None:
    response = writable.post("/api/documents", json=ARTICLE)
    assert_error(response, 401, "unauthorized")
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("header", [f"Bearer {TOKEN}x", "Bearer ", f"Basic {TOKEN}",
                                    f"Bearer {TOKEN[:-1]}", "Bearer été".encode("latin-1")])
def test_post_with_a_wrong_token_is_refused(writable: TestClient, header: str | bytes) -> None:
    response = writable.post("/api/documents", json=ARTICLE, headers={"Authorization": header})
    assert response.status_code in (401, 403)
    assert_error(response, response.status_code)
    assert writable.get("/api/documents").json()["total"] == 2


def test_post_is_off_when_no_token_is_configured(db_copy: Path) -> None:
    with local_client(create_app(str(db_copy), token=None)) as no_token:
        for header in ({}, {"Authorization": "Bearer "}, {"Authorization": "Bearer None"}):
            response = no_token.post("/api/documents", json=ARTICLE, headers=header)
            assert "NEWSEVENTS_TOKEN" in assert_error(response, 403, "forbidden")["message"]


ARTICLES = [  # id, date, text, measure, best figure, country
    ("sahel", "2023-05-10", "Au moins 23 soldats maliens ont été tués mardi près de Ménaka, "
     "selon l'armée malienne.", "fatalities_combatants", 23, "ML"),
    ("yemen", "2022-01-18", "At least 12 civilians were killed on Monday in an air strike on "
     "Saada, the health ministry said.", "fatalities_civilians", 12, "YE"),
    ("somalia", "2022-08-20", "Plus de 30 combattants d'Al-Shabaab ont été tués lors d'une "
     "opération près de Mogadiscio, a annoncé le gouvernement somalien.",
     "fatalities_combatants", 30, "SO"),
    ("ukraine", "2022-05-03", "Russian shelling killed 7 civilians in Kharkiv on Tuesday, the "
     "regional governor said.", "fatalities_civilians", 7, "UA"),
    ("nigeria", "2021-02-13", "Des jihadistes de Boko Haram ont tué 15 villageois samedi près "
     "de Maiduguri, selon un responsable local.", "fatalities_civilians", 15, "NG"),
    ("afghanistan", "2020-09-06", "The Taliban killed 9 policemen in an attack in Kandahar on "
     "Sunday, officials said.", "fatalities_combatants", 9, "AF"),
]


@pytest.mark.parametrize(("doc_id", "date", "text", "measure", "best", "country"), ARTICLES,
                         ids=[a[0] for a in ARTICLES])
def test_post_with_the_token_ingests_through_the_pipeline(
        writable: TestClient, doc_id: str, date: str, text: str, measure: str, best: int,
        country: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    article = {"id": doc_id, "date": date, "text": text, "outlet": "Test wire"}
    created = writable.post("/api/documents", json=article, headers=auth)
    assert created.status_code == 201, created.text
    assert created.json()["status"] == "added" and created.json()["claims"] >= 1
    stored = writable.get(created.json()["url"]).json()
    assert stored["text"] == text and stored["outlet"] == "Test wire"
    found = all_claims(writable, country=country)["claims"]
    assert [(c["doc"], c["measure"], c["best"]) for c in found] == [(doc_id, measure, best)]
    again = writable.post("/api/documents", json=article, headers=auth)
    assert again.status_code == 200 and again.json()["status"] == "unchanged"


def test_a_changed_text_under_the_same_id_is_a_new_version(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert writable.post("/api/documents", json=ARTICLE, headers=auth).status_code == 201
    changed = {**ARTICLE, "text": ARTICLE["text"].replace("23", "25")}
    response = writable.post("/api/documents", json=changed, headers=auth)
    assert response.status_code == 201 and response.json()["version"] == 2
    current = all_claims(writable, country="ML")["claims"]
    assert [c["best"] for c in current] == [25]
    everything = all_claims(writable, country="ML", superseded="true")["claims"]
    assert sorted(c["best"] for c in everything) == [23, 25]


@pytest.mark.parametrize(("body", "field"), [
    ({**ARTICLE, "text": ""}, "text"),
    ({**ARTICLE, "text": "   \n "}, "text"),
    ({**ARTICLE, "date": "10/05/2023"}, "date"),
    ({**ARTICLE, "id": ""}, "id"),
    ({**ARTICLE, "id": "a\nb"}, "id"),
    ({k: v for k, v in ARTICLE.items() if k != "text"}, "text"),
    ({**ARTICLE, "lang": "fr"}, "lang"),
])
def test_an_invalid_article_is_422_naming_the_field(writable: TestClient, body: dict[str, Any],
                                                    field: str) -> None:
    response = writable.post("/api/documents", json=body,
                             headers={"Authorization": f"Bearer {TOKEN}"})
    assert f"'{field}'" in assert_error(response, 422, "invalid_parameter")["message"]


def test_a_body_that_is_not_json_is_422(writable: TestClient) -> None:
    response = writable.post("/api/documents", content=b"{not json",
                             headers={"Authorization": f"Bearer {TOKEN}",
                                      "Content-Type": "application/json"})
    assert_error(response, 422)


def test_a_body_over_the_limit_is_413(db_copy: Path) -> None:
    app = create_app(str(db_copy), token=TOKEN, max_body_bytes=10_000)
    big = {**ARTICLE, "text": "Au moins 23 soldats ont été tués. " * 1000}
    with local_client(app) as small_limit:
        response = small_limit.post("/api/documents", json=big,
                                    headers={"Authorization": f"Bearer {TOKEN}"})
        assert_error(response, 413, "payload_too_large")

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
            yield b'{"id": "x", "text": "'
            for _ in range(20):
                yield b"a" * 1000
            yield b'"}'

        streamed = small_limit.post("/api/documents", content=chunks(),
                                    headers={"Authorization": f"Bearer {TOKEN}",
                                             "Content-Type": "application/json"})
        assert_error(streamed, 413, "payload_too_large")


# -- injection attempts ------------------------------------------------------------------

INJECTIONS = [
    "' OR 1=1 --", "x' OR 'a'='a", "\"; DROP TABLE claims; --", "1) UNION SELECT * FROM "
    "documents --", "%' OR '%'='", "coalition' --", "NEAR(a b)", "* OR 1", "\" OR \"\"=\"",
    "'; ATTACH DATABASE '/tmp/x.db' AS x; --", "\\x00", "ro\u0000w", "a" * 200,
]
FILTERS = ["actor", "target", "measure", "event_type", "country", "near", "since", "until",
           "speaker", "outlet", "language", "q", "order", "limit", "offset"]
TEXT_FILTERS = {"speaker", "q"}  # full-text: the words of a payload may really occur


@pytest.mark.parametrize("name", FILTERS)
def test_injection_attempts_are_errors_or_no_rows_never_500(client: TestClient,
                                                            example_db: Path, name: str) -> None:
    total = all_claims(client)["total"]
    for payload in INJECTIONS:
        response = client.get("/api/claims", params={name: payload})
        assert response.status_code in (200, 422), (payload, response.text)
        if response.status_code == 422:
            assert_error(response, 422)
        elif name not in TEXT_FILTERS:
            assert response.json()["total"] == 0, payload
        else:
            assert response.json()["total"] <= total
        for path in ("/api/events", "/api/timeline"):
            other = client.get(path, params={name: payload, "measure": "strikes"})
            assert other.status_code in (200, 422), (path, payload, other.text)
    assert all_claims(client)["total"] == total  # nothing was dropped or changed
    with sqlite3.connect(example_db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 2


def test_injection_through_the_document_id_is_a_404(client: TestClient) -> None:
    for payload in ("' OR 1=1 --", "x' UNION SELECT text FROM documents --", "../../etc/passwd"):
        assert_error(client.get(f"/api/documents/{payload}"), 404, "not_found")


# -- headers, the page, the schema, the CLI -----------------------------------------------

@pytest.mark.parametrize("path", ["/", "/api/claims", "/static/js/app.js", "/api/nothing",
                                  "/openapi.json"])
def test_every_response_carries_the_content_security_policy(client: TestClient,
                                                            path: str) -> None:
    policy = client.get(path).headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "http" not in policy  # nothing from another host


def test_the_page_has_no_inline_script_and_loads_nothing_from_the_web(client: TestClient) -> None:
    scripts: list[dict[str, str | None]] = []
    handlers: list[str] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "script":
                scripts.append(dict(attrs))
            handlers.extend(name for name, _ in attrs if name.startswith("on"))

    Collector().feed(client.get("/").text)
    assert scripts and all((s.get("src") or "").startswith("/static/") for s in scripts)
    assert handlers == []  # no inline event handlers either
    for path in [*STATIC.glob("*.html"), *STATIC.glob("*.css"), *STATIC.glob("js/*.js")]:
        # The SVG namespace is a name, not a resource: it is never fetched.
        source = path.read_text(encoding="utf-8").replace('"http://www.w3.org/2000/svg"', "")
        assert "http://" not in source and "https://" not in source, path
        assert "innerHTML" not in source and "insertAdjacentHTML" not in source, path
        assert "eval(" not in source, path
        assert client.get(f"/static/{path.relative_to(STATIC)}").status_code == 200


def test_cors_is_closed_by_default(client: TestClient) -> None:
    response = client.get("/api/claims", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options("/api/documents", headers={
        "Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers
    assert_error(preflight, 405)


def test_the_openapi_schema_is_served_and_docs_need_no_cdn(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/api/claims", "/api/events", "/api/conflicts", "/api/timeline", "/api/documents",
            "/api/documents/{doc_id}", "/api/facets"} <= set(schema["paths"])
    assert "post" in schema["paths"]["/api/documents"]
    assert_error(client.get("/docs"), 404)


def test_serve_has_help_and_is_registered() -> None:
    from newsevents.cli import main

    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--db" in result.output and "--port" in result.output
    assert "NEWSEVENTS_TOKEN" in result.output


def test_serve_starts_the_server_and_prints_its_address(example_db: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "newsevents", "serve", "--db",
                               str(example_db), "--port", str(port)],
                              stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/claims?limit=1")
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and server.poll() is None
                time.sleep(0.1)
        assert response.status_code == 200 and response.json()["total"] > 0
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/" in stderr
