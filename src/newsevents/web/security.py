"""Who may do what, and the headers every response carries.

- Reads are open to clients on this machine (loopback addresses) when the server listens
  on loopback only; any other client, and every client of a server listening beyond this
  machine, needs the bearer token, unless the server was started with public reads.
- Writes (POST /api/documents) always need ``Authorization: Bearer <token>`` matching the
  configured token (compared in constant time); with no token configured, writes are off.
- Requests must name this server in their Host header (loopback names by default, this
  machine's names for a wildcard address; never any name): a web page elsewhere cannot
  reach the open local reads by pointing its own domain at 127.0.0.1 (DNS rebinding).
- Request bodies are limited in size (413 beyond the limit).
- Every response carries a Content-Security-Policy that allows scripts, styles and data
  from this server only: article text can never run as script, and the page loads
  nothing from the network.

The middlewares are plain ASGI (no per-request task or thread), so they add microseconds.
"""

from __future__ import annotations

import hmac
import ipaddress
import socket
from collections.abc import Iterable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsevents.web.errors import error_response

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'; object-src 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
)
_BODY_METHODS = {"POST", "PUT", "PATCH"}


def bearer_token(headers: Iterable[tuple[bytes, bytes]]) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, if any."""
    for name, value in headers:
        if name.lower() == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            return token.strip() if scheme.lower() == "bearer" else None
    return None


def token_matches(given: str | None, expected: str | None) -> bool:
    """Constant-time comparison; no configured token matches nothing."""
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def is_loopback(host: str | None) -> bool:
    if host is None:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


async def _send_error(scope: Scope, send: Send, status: int, message: str) -> None:
    response = error_response(status, message)
    await response(scope, _no_receive, send)


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}


class SecurityHeaders:
    """Adds the Content-Security-Policy and its companions to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
WILDCARD_ADDRESSES = ("0.0.0.0", "::", "")


def served_names(listen: str, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """The names clients may give in the Host header for a server listening on
    ``listen``: the loopback names, the address itself, and for a wildcard address this
    machine's host names and addresses. Never "any": a page on a rebound domain
    (evil.example resolving to 127.0.0.1) would read the store from a loopback client."""
    names = {*LOOPBACK_HOSTS, *extra}
    if listen in WILDCARD_ADDRESSES:
        names |= {socket.gethostname(), socket.getfqdn()}
        try:
            names |= {str(info[4][0]) for info in socket.getaddrinfo(socket.gethostname(),
                                                                     None)}
        except OSError:  # a machine whose own name does not resolve: its names still count
            pass
    else:
        names.add(listen)
    return tuple(sorted(n.strip("[]").lower() for n in names if n))


def host_name(headers: Iterable[tuple[bytes, bytes]]) -> str | None:
    """The Host header without its port (``[::1]:8000`` gives ``::1``)."""
    for name, value in headers:
        if name == b"host":
            host = value.decode("latin-1").strip().lower()
            if host.startswith("["):
                return host[1:host.find("]")] if "]" in host else host
            return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    return None


class AllowedHosts:
    """400 unless the Host header is one of ``hosts`` (``None``: any host)."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str] | None) -> None:
        self.app = app
        self.hosts = None if hosts is None else {h.strip("[]").lower() for h in hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] == "http" and self.hosts is not None
                and host_name(scope.get("headers", [])) not in self.hosts):
            await _send_error(scope, send, 400, "The Host header does not name this server; "
                              "use the address the server printed when it started.")
            return
        await self.app(scope, receive, send)


class ReadAccess:
    """Reads open on loopback (when the server listens on loopback only); other clients
    need the token unless reads are public. A server listening beyond this machine asks
    the token of loopback clients too: behind a local proxy every client is loopback."""

    def __init__(self, app: ASGIApp, token: str | None, public_reads: bool,
                 loopback_open: bool = True) -> None:
        self.app = app
        self.token = token
        self.public_reads = public_reads
        self.loopback_open = loopback_open

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not self.allowed(scope):
            await _send_error(scope, send, 403, "This server answers only clients on its own "
                              "machine; send the bearer token, or restart it with --public.")
            return
        await self.app(scope, receive, send)

    def allowed(self, scope: Scope) -> bool:
        client = scope.get("client")
        if self.public_reads:
            return True
        if self.loopback_open and is_loopback(client[0] if client else None):
            return True
        return token_matches(bearer_token(scope.get("headers", [])), self.token)


class BodyLimit:
    """Refuses request bodies larger than ``max_bytes`` with 413, before any route runs.

    The body is read here (at most ``max_bytes`` + 1 bytes) and replayed to the app, so a
    client that sends no Content-Length, or a false one, is limited too.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        body = b"" if declared is not None and declared > self.max_bytes else await self._read(
            receive)
        if body is None or (declared is not None and declared > self.max_bytes):
            await _send_error(scope, send, 413, f"The request body is larger than "
                              f"{self.max_bytes:,} bytes; send a shorter article.")
            return
        await self.app(scope, _replay(body), send)

    async def _read(self, receive: Receive) -> bytes | None:
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive
