"""Running the application with uvicorn, with every connection and request bounded.

- A connection that sends nothing, or its request headers a byte at a time, is closed
  after ``HEADER_SECONDS`` (uvicorn itself only times out a connection that is idle after
  a response); an idle keep-alive connection after ``KEEP_ALIVE_SECONDS``.
- Each read runs under the app's time budget per request (``routes.bounded``).
- SIGTERM or Ctrl+C: uvicorn stops accepting and lets requests in flight finish for
  ``GRACE_SECONDS``; then the reads still running are stopped (their budget ends now,
  which also interrupts their SQLite statements) and the process exits. Without that,
  uvicorn waited for every request, however long, and SIGTERM seemed to do nothing.
"""

from __future__ import annotations

import asyncio
import threading
from types import FrameType
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from newsevents import budget

HEADER_SECONDS = 10.0
KEEP_ALIVE_SECONDS = 5
GRACE_SECONDS = 2.0
SHUTDOWN_SECONDS = 4  # uvicorn's own bound on waiting for requests in flight


def bounded_h11(header_seconds: float = HEADER_SECONDS) -> type[H11Protocol]:
    """uvicorn's h11 protocol with a bound on waiting for a request's headers."""

    class BoundedH11Protocol(H11Protocol):
        _header_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self._arm_header_timer()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._arm_header_timer()  # the next request's headers have the same bound

        def connection_lost(self, exc: Exception | None) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
            super().connection_lost(exc)

        def _arm_header_timer(self) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
            self._header_timer = self.loop.call_later(header_seconds, self._headers_late)

        def _headers_late(self) -> None:
            self._header_timer = None
            waiting = self.cycle is None or self.cycle.response_complete
            if waiting and not self.transport.is_closing():  # no request under way
                self.transport.close()

    return BoundedH11Protocol


class Server(uvicorn.Server):
    """uvicorn's server; on the first exit signal, reads still running after
    ``GRACE_SECONDS`` are stopped through ``on_exit``."""

    def __init__(self, config: uvicorn.Config, on_exit: Any) -> None:
        super().__init__(config)
        self._on_exit = on_exit

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        first = not self.should_exit
        super().handle_exit(sig, frame)
        if first:  # from a signal handler: the work is done in a thread of its own
            timer = threading.Timer(GRACE_SECONDS, self._on_exit)
            timer.daemon = True
            timer.start()


def run(app: Any, host: str, port: int) -> None:
    """Serve ``app`` until SIGTERM or Ctrl+C."""
    config = uvicorn.Config(app, host=host, port=port, log_level="warning",
                            http=bounded_h11(HEADER_SECONDS),
                            timeout_keep_alive=KEEP_ALIVE_SECONDS,
                            timeout_graceful_shutdown=SHUTDOWN_SECONDS)
    Server(config, on_exit=lambda: stop_work(app)).run()


def stop_work(app: Any) -> None:
    """Stop the reads in flight: their answer says the server is shutting down."""
    app.state.shutting_down = True
    budget.stop_all()
