"""newsevents: source-attributed claims and events about armed conflict, from news reports.

The library API notebooks use:

    import newsevents
    claims = newsevents.extract("Au moins 23 soldats ont été tués mardi près de Gao.",
                                date="2023-05-10")
    rows = [claim.to_dict() for claim in claims]      # CONTRACT.md's JSON shape
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("newsevents")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

if TYPE_CHECKING:
    from newsevents.ingest import analyse as process_document
    from newsevents.ingest import extract
    from newsevents.pipeline import DocumentResult

__all__ = ["DocumentResult", "__version__", "extract", "process_document"]


def __getattr__(name: str) -> Any:
    # Lazy: `import newsevents` stays light; the pipeline loads on first use.
    if name in ("extract", "process_document"):
        # The pipeline with subsets linked (``part_of``): what the CLI and the store use.
        from newsevents import ingest

        return ingest.extract if name == "extract" else ingest.analyse
    if name == "DocumentResult":
        from newsevents import pipeline

        return pipeline.DocumentResult
    raise AttributeError(name)
