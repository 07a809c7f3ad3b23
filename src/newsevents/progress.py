"""A progress line for long runs: documents, claims, errors, rate and ETA (total known).

Drawn with tqdm (already a spaCy dependency) on stderr when stderr is a terminal; silent
when it is piped or redirected, so logs and scripts stay clean. `NEWSEVENTS_PROGRESS=0`
turns it off on a terminal too, `=1` forces it on (for demos and tests).

>>> with Progress(total=120, unit="doc") as progress:
...     progress.advance(documents=1, claims=3)
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from typing import Any, TextIO

from newsevents.terminal import printable

ENV_SWITCH = "NEWSEVENTS_PROGRESS"


def should_show(stream: TextIO) -> bool:
    """True when `stream` is a terminal (or the environment forces the bar on)."""
    forced = os.environ.get(ENV_SWITCH)
    if forced in ("0", "1"):
        return forced == "1"
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Progress:
    """Counts documents, claims and errors; draws them only on a terminal."""

    def __init__(self, total: int | None = None, unit: str = "doc",
                 stream: TextIO | None = None, enabled: bool | None = None,
                 description: str | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = should_show(self.stream) if enabled is None else enabled
        self.documents = 0
        self.claims = 0
        self.errors = 0
        self._pending_total: int | None = None
        self._lock = threading.Lock()
        self._bar: Any = None
        if self.enabled:
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit=unit, file=self.stream, desc=description,
                             dynamic_ncols=True, mininterval=0.5, smoothing=0.1)

    def advance(self, documents: int = 1, claims: int = 0, errors: int = 0) -> None:
        self.documents += documents
        self.claims += claims
        self.errors += errors
        if self._bar is None:
            return
        with self._lock:
            total, self._pending_total = self._pending_total, None
        if total is not None:
            self._bar.total = total
        self._bar.set_postfix_str(f"claims={self.claims:,} errors={self.errors:,}",
                                  refresh=False)
        self._bar.update(documents)

    def set_total(self, total: int | None) -> None:
        """Give the total once known; safe from another thread (applied at the next update)."""
        with self._lock:
            self._pending_total = total

    def count_in_background(self, count: Callable[[], int | None]) -> None:
        """Run `count` in a daemon thread and use its result as the total (for the ETA)."""
        if not self.enabled:
            return  # counting costs a read of the inputs: only worth it for a visible bar

        def work() -> None:
            self.set_total(count())

        threading.Thread(target=work, name="newsevents-count", daemon=True).start()

    def write(self, message: str) -> None:
        """A message line on the stream, above the bar when there is one (control
        characters of file names and article text removed)."""
        message = printable(message)
        if self._bar is not None:
            self._bar.write(message, file=self.stream)
        else:
            self.stream.write(message + "\n")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
