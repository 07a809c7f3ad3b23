"""Partitions: deterministic slices of the inputs, defined without reading them into memory.

A JSONL file (optionally gzipped) is cut into ranges of lines holding `partition_size`
records; text and HTML files are grouped `partition_size` at a time in `sorted(rglob)`
order (the order `newsevents ingest` reads them in). Each partition carries the SHA-256 of
the bytes it covers, so its key changes when its content does, and a worker checks that it
reads what was planned. Planning streams every input once (hashing runs at hundreds of
MB/s, thousands of times faster than extraction) and keeps only the partitions.
"""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

from newsevents.errors import InputError
from newsevents.limits import line_too_long
from newsevents.reader import (
    bounded_lines,
    display_path,
    file_kind,
    open_binary,
    read_path,
    record_from_line,
    walk_entries,
    walk_files,
)
from newsevents.records import Document

DEFAULT_PARTITION_SIZE = 500
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Partition:
    """One unit of work: a line range of one JSONL file, or a group of article files."""

    kind: str  # "jsonl" | "files"
    paths: tuple[str, ...]  # absolute: every worker of a cluster must see the same paths
    first_line: int = 0  # jsonl: 1-based, inclusive line numbers
    last_line: int = 0
    byte_start: int = 0  # jsonl, uncompressed: offset of first_line (workers seek there)
    documents: int = 0  # records or files planned
    content_sha256: str = ""

    @property
    def key(self) -> str:
        """Stable name of the partition: its definition and content, not its position."""
        ident = json.dumps([self.kind, self.paths, self.first_line, self.last_line,
                            self.content_sha256])
        return hashlib.sha256(ident.encode("utf-8")).hexdigest()[:24]

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, **asdict(self), "paths": list(self.paths)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Partition:
        fields = {k: v for k, v in data.items() if k != "key"}
        return cls(**{**fields, "paths": tuple(fields["paths"])})


def plan_partitions(paths: Sequence[str], partition_size: int = DEFAULT_PARTITION_SIZE
                    ) -> Iterator[Partition | InputError]:
    """Partitions of `paths` in reading order; an `InputError` for each unusable input."""
    group: list[str] = []
    for raw in paths:
        if raw == "-":
            yield InputError("-", "a batch cannot read standard input",
                             "write the records to a .jsonl file and give its path")
            continue
        path = Path(raw)
        if not path.exists():
            yield InputError(raw, "no such file or directory", "check the path")
            continue
        children = walk_entries(path) if path.is_dir() else iter([path])
        for child in children:
            if isinstance(child, InputError):
                yield child
                continue
            if file_kind(child) is None:
                continue
            if file_kind(child) == "jsonl":
                if group:
                    yield _files_partition(group)
                    group = []
                yield from _jsonl_partitions(child, partition_size)
                continue
            group.append(os.path.abspath(child))
            if len(group) == partition_size:
                yield _files_partition(group)
                group = []
    if group:
        yield _files_partition(group)


def _files_partition(paths: list[str]) -> Partition:
    return Partition("files", tuple(paths), documents=len(paths),
                     content_sha256=files_sha256(paths))


def files_sha256(paths: Sequence[str]) -> str:
    """Digest of each file's path and content (an unreadable file counts as missing)."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.encode("utf-8", "surrogateescape") + b"\0")
        try:
            with open(path, "rb") as stream:
                while chunk := stream.read(_CHUNK):
                    digest.update(chunk)
        except OSError:
            digest.update(b"\0unreadable")
        digest.update(b"\0")
    return digest.hexdigest()


def _jsonl_partitions(path: Path, size: int) -> Iterator[Partition | InputError]:
    absolute = os.path.abspath(path)
    compressed = path.suffix == ".gz"
    first, start, offset, records, number = 1, 0, 0, 0, 0
    failure: InputError | None = None
    lines: _HashedLines | None = None
    try:
        with open_binary(path) as stream:
            lines = _HashedLines(stream)  # hashes every byte read, long lines too
            for number, line in enumerate(lines, start=1):
                offset = 0 if compressed else stream.tell()
                records += line is None or bool(line.strip())
                if records == size:
                    yield Partition("jsonl", (absolute,), first, number,
                                    0 if compressed else start, records,
                                    lines.digest.hexdigest())
                    lines.digest, first, start, records = hashlib.sha256(), number + 1, offset, 0
                lines.complete = lines.digest.copy()  # the digest of whole lines only
    except InputError as error:  # a decompression bomb: the lines before it stand
        failure = error
    except (OSError, EOFError, zlib.error) as error:
        failure = InputError(display_path(path), f"cannot be read ({error})", "check the file")
    if records and lines is not None:
        yield Partition("jsonl", (absolute,), first, number, 0 if compressed else start,
                        records, lines.complete.hexdigest())
    if failure is not None:
        yield failure


def count_documents(paths: Sequence[str]) -> int | None:
    """How many documents `paths` hold (JSONL records, files); None for standard input."""
    total = 0
    for raw in paths:
        path = Path(raw)
        if raw == "-":
            return None
        files = walk_files(path) if path.is_dir() else iter([path] if path.exists() else [])
        for child in files:
            kind = file_kind(child)
            if kind == "jsonl":
                total += _count_records(child)
            elif kind is not None or not path.is_dir():
                total += 1
    return total


def _count_records(path: Path) -> int:
    try:
        with open_binary(path) as stream:
            return sum(1 for line in bounded_lines(stream) if line is None or line.strip())
    except (InputError, OSError, EOFError, zlib.error):
        return 1  # the reader reports it as one failed input


class _HashedLines:
    """`bounded_lines` whose digest can be swapped between partitions."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.digest: Any = hashlib.sha256()
        self.complete: Any = self.digest.copy()

    def __iter__(self) -> Iterator[bytes | None]:
        return bounded_lines(self.stream, self)

    def update(self, chunk: bytes) -> None:
        self.digest.update(chunk)


# -- reading a partition (on a worker) ------------------------------------------------

class PartitionChanged(InputError):
    """The input changed between planning and reading: the partition is not marked done."""


def read_partition(partition: Partition) -> Iterator[Document | InputError]:
    """The partition's documents, exactly as `reader.iter_documents` reads them."""
    if partition.kind == "files":
        for path in partition.paths:
            yield from read_path(Path(path))
        if files_sha256(partition.paths) != partition.content_sha256:
            raise PartitionChanged(partition.paths[0], "the files changed since the batch "
                                   "was planned", "run the batch again")
        return
    yield from _read_jsonl_range(partition)


def _read_jsonl_range(partition: Partition) -> Iterator[Document | InputError]:
    path = Path(partition.paths[0])
    digest = hashlib.sha256()
    source = display_path(path)
    with open_binary(path) as stream:
        first = _skip_to(stream, partition)
        for number, line in enumerate(bounded_lines(stream, digest), start=first):
            if line is None:
                yield line_too_long(f"{source}:{number}")
            elif line.strip():
                yield record_from_line(line, f"{source}:{number}")
            if number == partition.last_line:
                break
    if digest.hexdigest() != partition.content_sha256:
        raise PartitionChanged(str(path), f"lines {partition.first_line}-"
                               f"{partition.last_line} changed since the batch was planned",
                               "run the batch again")


def _skip_to(stream: IO[bytes], partition: Partition) -> int:
    """Position `stream` at the partition's first line; returns that line's number."""
    if partition.byte_start:
        stream.seek(partition.byte_start)
        return partition.first_line
    skipped = bounded_lines(stream)  # gzip cannot seek: decompress past the lines
    for _ in range(partition.first_line - 1):
        next(skipped, None)
    return partition.first_line
