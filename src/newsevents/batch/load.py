"""Loading finished shards into the store through one writer (`newsevents load`).

Partitions are loaded in manifest order (the order `newsevents ingest` would read the
documents in), one partition in memory at a time, through the store's public API. A
document already stored with the same content is skipped (`Store.is_stored`), so loading
twice, or loading again after more partitions finished, changes nothing that is there.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.batch.shards import (
    MANIFEST,
    marker_path,
    read_manifest,
    read_marker,
    read_shard,
)
from newsevents.errors import NewsEventsError
from newsevents.progress import Progress
from newsevents.records import (
    ActorMention,
    Claim,
    Document,
    Mention,
    NumberMention,
    PlaceMention,
    SpeakerMention,
    TimeMention,
)
from newsevents.store import Store, claim_from_dict

_MENTION_TYPES: dict[str, type] = {
    "time": TimeMention, "place": PlaceMention, "number": NumberMention,
    "actor": ActorMention, "speaker": SpeakerMention,
}


class ShardError(NewsEventsError):
    """The batch directory is missing or is not a batch output."""


@dataclass(frozen=True)
class ShardResult:
    """A stored document's result as read back from a shard (a `ResultLike`)."""

    document: Document
    mentions: list[Mention]
    claims: list[Claim]


@dataclass
class LoadSummary:
    partitions: int = 0
    missing: list[str] = field(default_factory=list)  # planned but not finished
    damaged: list[str] = field(default_factory=list)  # one line each: which marker to delete
    added: int = 0
    new_version: int = 0
    unchanged: int = 0
    errors: int = 0  # documents the batch could not read or process


def mention_from_dict(data: dict[str, Any]) -> Mention:
    fields = {k: v for k, v in data.items() if k != "kind"}
    return _MENTION_TYPES[data["kind"]](**fields)


def shard_results(tables: dict[str, list[dict[str, Any]]]) -> Iterator[ShardResult]:
    """A partition's documents with their mentions and claims, in document order."""
    claims: dict[int, list[Claim]] = defaultdict(list)
    for row in tables["claims"]:
        claims[row["position"]].append(claim_from_dict(json.loads(row["claim"])))
    mentions: dict[int, list[Mention]] = defaultdict(list)
    for row in tables["mentions"]:
        mentions[row["position"]].append(mention_from_dict(json.loads(row["data"])))
    for row in sorted(tables["documents"], key=lambda r: r["position"]):
        document = Document(doc_id=row["doc_id"], text=row["text"], date=row["date"],
                            url=row["url"], outlet=row["outlet"], title=row["title"],
                            lang=row["lang"], source=row["source"])
        yield ShardResult(document, mentions[row["position"]], claims[row["position"]])


def iter_batch_results(out_dir: Path, summary: LoadSummary) -> Iterator[list[ShardResult]]:
    """Each finished partition's results, in manifest order; unfinished ones are noted."""
    if not (out_dir / MANIFEST).exists():
        raise ShardError(f"{out_dir}: no {MANIFEST} here; give the --out directory of "
                         "a `newsevents batch` run.")
    for partition in read_manifest(out_dir):
        marker = read_marker(out_dir, partition.key)
        if marker is None:
            summary.missing.append(partition.key)
            continue
        try:
            results = list(shard_results(read_shard(out_dir, partition.key)))
        except Exception as error:  # pyarrow, JSON, fields: any damage skips this shard only
            summary.damaged.append(
                f"{out_dir}: the shard of partition {partition.key} cannot be read "
                f"({type(error).__name__}); delete {marker_path(out_dir, partition.key)} "
                "and run the batch again to redo it.")
            continue
        summary.partitions += 1
        summary.errors += len(marker.get("errors") or [])
        yield results


def load_shards(out_dir: str | Path, store: Store, progress: Progress | None = None,
                batch_size: int = 200) -> LoadSummary:
    """Store every finished partition of a batch directory; idempotent."""
    summary = LoadSummary()
    for results in iter_batch_results(Path(out_dir), summary):
        fresh = []
        for result in results:
            if store.is_stored(result.document):
                summary.unchanged += 1
            else:
                fresh.append(result)
        stored = store.ingest_results(fresh, batch_size=batch_size, events=False)  # merged
        for report in stored if fresh else []:  # once after the load (`load --events`)
            setattr(summary, report.status, getattr(summary, report.status) + 1)
        if progress is not None:
            progress.advance(documents=len(results),
                             claims=sum(len(r.claims) for r in results))
    return summary
