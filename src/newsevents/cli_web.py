"""``newsevents serve``: the HTTP API and the page over a store, with uvicorn.

The token that POST /api/documents requires is read from the NEWSEVENTS_TOKEN
environment variable (never from the command line, where other users could see it).
"""

from __future__ import annotations

import os

import click

from newsevents.errors import NewsEventsError
from newsevents.store import DEFAULT_DB

TOKEN_VARIABLE = "NEWSEVENTS_TOKEN"


@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
              help="SQLite database file (created if missing).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default answers this machine only.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on.")
@click.option("--public", is_flag=True,
              help="Answer reads from other machines without the token (writes still "
                   "need it).")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN",
              help="Let pages from ORIGIN call the API (repeatable; none by default).")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Another name clients use for this server in the Host header (a DNS "
                   "name, a proxy's); repeatable.")
@click.option("--request-seconds", type=click.FloatRange(min=0, max=1e9), default=30.0,
              show_default=True, metavar="SECONDS",
              help="Time budget of a read: one still running after SECONDS is stopped and "
                   "answered 503 (0: no budget).")
def serve(db: str, host: str, port: int, public: bool, cors_origins: tuple[str, ...],
          allow_hosts: tuple[str, ...], request_seconds: float) -> None:
    """Serve the claims explorer page and the JSON API (schema at /openapi.json).

    Reads are open to this machine; POST /api/documents ingests an article and needs
    'Authorization: Bearer <token>' equal to $NEWSEVENTS_TOKEN (unset: POST is refused).
    On any other address than loopback, reads need the token too (or --public), and the
    Host header must name this machine (or an --allow-host NAME). A read still running
    after --request-seconds is stopped (503); a connection that sends no complete request
    headers within 10 s, or stays idle 5 s after a response, is closed; SIGTERM stops the
    server within a few seconds, stopping the reads in flight.

    \b
    Example:
      newsevents ingest examples/ --db newsevents.db && newsevents serve --db newsevents.db
    """
    from newsevents.web import create_app, server
    from newsevents.web.security import is_loopback, served_names

    token = os.environ.get(TOKEN_VARIABLE) or None
    local = is_loopback(host)
    if not local and not token and not public:
        raise click.UsageError(
            f"--host {host} answers other machines, whose reads need the token: set "
            f"{TOKEN_VARIABLE}, or pass --public to open reads to everyone.")
    try:
        app = create_app(db, token=token, public_reads=public, cors_origins=cors_origins,
                         allowed_hosts=served_names(host, allow_hosts),
                         loopback_reads_open=local, request_seconds=request_seconds)
    except NewsEventsError as error:
        raise click.ClickException(str(error)) from None
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"newsevents: serving {db} at http://{shown}:{port}/ "
               f"(API schema at /openapi.json; POST {'on' if token else 'off'}: "
               f"{'token set' if token else f'set {TOKEN_VARIABLE} to turn it on'}); "
               "Ctrl+C to stop.", err=True)
    server.run(app, host, port)


def register(group: click.Group) -> None:
    """Add ``serve`` to the ``newsevents`` group."""
    group.add_command(serve)
