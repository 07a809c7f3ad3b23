"""The FastAPI application: the JSON API under /api, the page at /, the schema at
/openapi.json.

    from newsevents.web import create_app
    app = create_app("newsevents.db", token=os.environ.get("NEWSEVENTS_TOKEN"))

Nothing is fetched from the network: the page and its libraries are served from
``static/``, and Swagger UI (/docs), which FastAPI loads from a CDN, is off; the OpenAPI
schema itself is served.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import FileResponse
from starlette.staticfiles import StaticFiles

from newsevents.store import Store
from newsevents.web import ingest, routes
from newsevents.web.errors import install_error_handlers
from newsevents.web.security import (
    LOOPBACK_HOSTS,
    AllowedHosts,
    BodyLimit,
    ReadAccess,
    SecurityHeaders,
)

STATIC = Path(__file__).parent / "static"
MAX_BODY_BYTES = 2_000_000
REQUEST_SECONDS = 30.0  # a read still running after this is stopped (503)


@dataclass(frozen=True)
class Settings:
    db_path: str
    token: str | None = None
    public_reads: bool = False
    max_body_bytes: int = MAX_BODY_BYTES
    cors_origins: tuple[str, ...] = ()
    allowed_hosts: tuple[str, ...] | None = LOOPBACK_HOSTS
    request_seconds: float = REQUEST_SECONDS


class Stores:
    """One reading ``Store`` per worker thread (SQLite in WAL mode serves many readers at
    once) and one writing ``Store`` used under ``write_lock``."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.write_lock = threading.Lock()
        self._local = threading.local()
        self._opened: list[Store] = []
        self._opened_lock = threading.Lock()
        self._writer: Store | None = None
        self._facets: tuple[int, dict[str, Any]] | None = None

    def reader(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(self.path, create=False)
            with self._opened_lock:
                self._opened.append(store)
        return store

    def writer(self) -> Store:
        with self._opened_lock:
            if self._writer is None:
                self._writer = Store(self.path)
                self._opened.append(self._writer)
            return self._writer

    def cached_facets(self, store: Store) -> dict[str, Any]:
        """Facets, recomputed only when claims changed (they scan every claim)."""
        generation = store.claims_generation()
        cached = self._facets
        if cached is None or cached[0] != generation:
            cached = self._facets = (generation, store.facets())
        return cached[1]

    def close(self) -> None:
        with self._opened_lock:
            for store in self._opened:
                store.close()
            self._opened.clear()


def create_app(db_path: str, token: str | None = None, *, public_reads: bool = False,
               max_body_bytes: int = MAX_BODY_BYTES,
               cors_origins: Sequence[str] = (),
               allowed_hosts: Sequence[str] | None = LOOPBACK_HOSTS,
               loopback_reads_open: bool = True, create: bool = False,
               request_seconds: float = REQUEST_SECONDS) -> FastAPI:
    """The application over the store at ``db_path`` (migrated if needed; a path where no
    store exists is a ``StoreError`` unless ``create``).

    ``token``: the bearer token POST /api/documents requires (None: POST is refused);
    ``public_reads``: answer reads from other machines without the token;
    ``cors_origins``: origins allowed to call the API from a browser (none by default);
    ``allowed_hosts``: the names clients may use for this server in the Host header
    (loopback names by default; None accepts any);
    ``loopback_reads_open``: answer reads from this machine without the token (turn it
    off for a server listening beyond this machine);
    ``request_seconds``: the time budget of a read (0: none); past it the work stops and
    the answer is a 503.
    """
    settings = Settings(db_path, token or None, public_reads, max_body_bytes,
                        tuple(cors_origins),
                        None if allowed_hosts is None else tuple(allowed_hosts),
                        request_seconds)
    # Fail now, with the store's message, if no store is there or the file is unusable.
    Store(db_path, create=create).close()
    stores = Stores(db_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(title="newsevents", version=_version(), lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json",
                  description="Source-attributed claims and events about armed conflict, "
                              "extracted from news reports. Every error has the shape "
                              '{"error": {"status", "code", "message"}}.')
    app.state.settings = settings
    app.state.loopback_reads_open = loopback_reads_open
    app.state.stores = stores
    install_error_handlers(app)
    app.include_router(routes.router)
    app.include_router(ingest.router)
    _add_page(app)
    _add_middleware(app, settings)
    return app


def _add_page(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")


def _add_middleware(app: FastAPI, settings: Settings) -> None:
    # The last added runs first: headers on every response, then the Host header, then
    # access, then body size.
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET"], allow_headers=["Authorization"])
    app.add_middleware(ReadAccess, token=settings.token, public_reads=settings.public_reads,
                       loopback_open=app.state.loopback_reads_open)
    app.add_middleware(AllowedHosts, hosts=settings.allowed_hosts)
    app.add_middleware(SecurityHeaders)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsevents")
    except PackageNotFoundError:
        return "0"
