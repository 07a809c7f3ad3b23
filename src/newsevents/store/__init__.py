"""The SQLite store: the only module that writes SQL.

>>> from newsevents.store import Store, ClaimFilter
>>> store = Store("newsevents.db")
>>> store.ingest_result(result)             # a pipeline.DocumentResult
>>> store.claims(ClaimFilter(measure="strikes", country="IQ"))
"""

from newsevents.store.filters import ClaimFilter, parse_near
from newsevents.store.rows import claim_from_dict
from newsevents.store.store import DEFAULT_DB, Store
from newsevents.store.writes import IngestReport

__all__ = ["DEFAULT_DB", "ClaimFilter", "IngestReport", "Store", "claim_from_dict", "parse_near"]
