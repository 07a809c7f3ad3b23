"""The HTTP server bounds the work of each request and of each connection, and stops
promptly on SIGTERM (issue 17): lists are read page by page in SQL, a read past its time
budget is stopped (its SQLite statement too) and answered 503 while the server goes on,
a connection that sends nothing or its headers a byte at a time is closed, and SIGTERM
during a request that would never end stops the server within a few seconds.

The slow request is simulated by a store method that never returns on a marker (only the
budget can stop it); the servers are started as subprocesses through `newsevents serve`.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.testclient import TestClient

from newsevents.store import Store
from newsevents.store import store as store_module
from newsevents.web import create_app
from tests.helpers import assert_error

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # httpx2


def _spin() -> None:
    while True:
        sum(range(100))


def _client(app: Any) -> TestClient:
    return TestClient(app, client=("127.0.0.1", 5000), base_url="http://127.0.0.1")


def test_events_and_conflicts_are_read_one_page_at_a_time(
        example_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(example_db, create=False) as store:
        every = store.events()
        conflicts = store.conflicts()
    decoded: list[str] = []

    class Counting:
        @staticmethod
        def loads(text: str) -> Any:
            decoded.append(text)
            return json.loads(text)

        dumps = staticmethod(json.dumps)

    monkeypatch.setattr(store_module, "json", Counting)
    with _client(create_app(str(example_db))) as client:
        page = client.get("/api/events?limit=2&offset=1").json()
        assert page["total"] == len(every) > 3
        assert page["events"] == every[1:3] and len(decoded) == 2
        found = client.get("/api/conflicts?limit=1").json()
        assert found["total"] == len(conflicts) and found["events"] == conflicts[:1]


def test_a_read_past_its_budget_is_a_503_and_the_server_goes_on(
        example_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = Store.events_page

    def events_page(self: Store, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("offset") == 7:
            _spin()
        return real(self, *args, **kwargs)

    endless = ("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) "
               "SELECT count(*) FROM n")

    def claims_page(self: Store, *args: Any, **kwargs: Any) -> Any:
        return self.conn.execute(endless).fetchone()  # one SQLite statement, never done

    monkeypatch.setattr(Store, "events_page", events_page)
    monkeypatch.setattr(Store, "claims_page", claims_page)
    app = create_app(str(example_db), request_seconds=0.5)
    with _client(app) as client:
        for path in ("/api/events?offset=7", "/api/claims"):
            error = assert_error(client.get(path), 503, "over_time_budget")
            assert error["message"].startswith("The request took longer than 0.5 s and "
                                               "was stopped; narrow it with filters")
        assert client.get("/api/events?limit=1").json()["total"] > 0


# -- the server as a process --------------------------------------------------------------

LAUNCHER = textwrap.dedent("""
    import sys
    from newsevents.store import Store
    from newsevents.web import server

    server.HEADER_SECONDS = float(sys.argv[3])
    real = Store.events_page

    def events_page(self, *args, **kwargs):
        if kwargs.get("offset") == 7:  # the request that never ends
            while True:
                sum(range(100))
        return real(self, *args, **kwargs)

    Store.events_page = events_page
    from newsevents.cli import main

    main(["serve", "--db", sys.argv[1], "--port", sys.argv[2]], prog_name="newsevents")
""")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def serve(example_db: Path, tmp_path: Path) -> Iterator[Any]:
    """Start `newsevents serve` (with the endless request) and wait until it answers."""
    launcher = tmp_path / "launch.py"
    launcher.write_text(LAUNCHER, "utf-8")
    started: list[subprocess.Popen[str]] = []

    def start(header_seconds: float = 10.0) -> tuple[subprocess.Popen[str], int]:
        port = _free_port()
        process = subprocess.Popen(
            [sys.executable, str(launcher), str(example_db), str(port), str(header_seconds)],
            stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
        started.append(process)
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"http://127.0.0.1:{port}/api/facets", timeout=5)
                return process, port
            except httpx.TransportError:
                assert time.monotonic() < deadline and process.poll() is None
                time.sleep(0.1)

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=30)


def test_sigterm_during_an_endless_request_stops_the_server_promptly(serve: Any) -> None:
    import threading

    server, port = serve()
    answers: list[httpx.Response | Exception] = []

    def endless() -> None:
        try:
            answers.append(httpx.get(f"http://127.0.0.1:{port}/api/events?offset=7",
                                     timeout=120))
        except httpx.HTTPError as error:
            answers.append(error)

    request = threading.Thread(target=endless)
    request.start()
    time.sleep(1.0)  # the request is being worked on
    signalled = time.monotonic()
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=60)
    stopped_after = time.monotonic() - signalled
    request.join(timeout=60)
    assert stopped_after < 15, stopped_after  # uvicorn alone waited for the request forever
    assert server.returncode in (0, -signal.SIGTERM)  # uvicorn re-raises the signal it handled
    answer = answers[0]
    if isinstance(answer, httpx.Response):  # answered before the connection closed
        assert_error(answer, 503, "shutting_down")


def _closed_within(sock: socket.socket, seconds: float, send: bytes = b"") -> float | None:
    """Seconds until the server closes ``sock`` (sending ``send`` a byte at a time)."""
    sock.settimeout(0.1)
    started = time.monotonic()
    pending = iter(send)
    while time.monotonic() - started < seconds:
        byte = next(pending, None)
        try:
            if byte is not None:
                sock.send(bytes([byte]))
            if sock.recv(65536) == b"":
                return time.monotonic() - started
        except TimeoutError:
            continue
        except OSError:
            return time.monotonic() - started
    return None


def test_idle_and_slow_header_connections_are_closed(serve: Any) -> None:
    _, port = serve(header_seconds=1.0)
    with socket.create_connection(("127.0.0.1", port)) as idle:
        assert _closed_within(idle, 20) is not None  # sent nothing at all
    slow_headers = b"GET /api/claims HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + b"a" * 2_000
    with socket.create_connection(("127.0.0.1", port)) as slowloris:
        # One byte every 0.1 s would take 200 s to send: the server closes it long before.
        assert _closed_within(slowloris, 20, slow_headers) is not None
    with socket.create_connection(("127.0.0.1", port)) as kept:
        kept.sendall(b"GET /api/claims?limit=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        kept.settimeout(30)
        assert kept.recv(12) == b"HTTP/1.1 200"
        assert _closed_within(kept, 20) is not None  # idle after its response
    assert httpx.get(f"http://127.0.0.1:{port}/api/claims?limit=1").status_code == 200


def test_a_posted_article_over_the_time_budget_is_refused_in_one_sentence(
        example_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from newsevents.stages import places

    db = tmp_path / "s.db"
    shutil.copy(example_db, db)
    real = places.find_places

    def find_places(text: str, *args: Any, **kwargs: Any) -> Any:
        if "ENDLESS" in text:
            _spin()
        return real(text, *args, **kwargs)

    monkeypatch.setattr(places, "find_places", find_places)
    monkeypatch.setenv("NEWSEVENTS_DOC_SECONDS", "1")
    bearer = {"Authorization": "Bearer t0ken"}
    with _client(create_app(str(db), token="t0ken")) as client:
        posted = client.post("/api/documents", headers=bearer,
                             json={"id": "slow", "text": "ENDLESS: au moins 3 morts."})
        error = assert_error(posted, 422, "over_time_budget")
        assert "stopped after 1 s in the places stage" in error["message"]
        fine = client.post("/api/documents", headers=bearer,
                           json={"id": "fine", "text": "Au moins 3 morts à Gao."})
        assert fine.status_code == 201
        assert client.get("/api/documents/slow").status_code == 404
