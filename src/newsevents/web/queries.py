"""The web layer's reads of a document and the facets, now ``Store`` methods.

Kept so callers of ``queries.document``/``queries.facets`` keep working; new code calls
``Store.document``, ``Store.facets`` and ``Store.claims_generation``.
"""

from __future__ import annotations

from typing import Any

from newsevents.store import Store
from newsevents.store.reads import FACET_LIMIT

__all__ = ["FACET_LIMIT", "claims_generation", "document", "facets"]


def document(store: Store, doc_id: str, version: int | None = None) -> dict[str, Any] | None:
    """The current (or the given) version of a document: text, mentions and claims."""
    return store.document(doc_id, version)


def facets(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Distinct values of the current claims' filterable fields, with their counts."""
    return store.facets()


def claims_generation(store: Store) -> int:
    """A counter the store bumps on every write: cached views are stale when it moves."""
    return store.claims_generation()
