"""Options shared by several commands (kept apart so every command module can import them
without loading the others)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from newsevents.budget import DEFAULT_DOC_SECONDS, DOC_SECONDS_VARIABLE

F = TypeVar("F", bound=Callable[..., Any])


def doc_seconds_option(func: F) -> F:
    """``--doc-seconds``: the per-document time budget of the pipeline."""
    return click.option(
        "--doc-seconds", "doc_seconds", type=click.FloatRange(min=0, max=1e9),
        default=DEFAULT_DOC_SECONDS, show_default=True, envvar=DOC_SECONDS_VARIABLE,
        show_envvar=True, metavar="SECONDS",
        help="Time budget per document: one still running after SECONDS is stopped, "
             "reported in one line and skipped, and the rest goes on (0: no budget).")(func)
