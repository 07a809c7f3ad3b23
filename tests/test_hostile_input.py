"""Hostile input from the outside: bounded reads, and one bad entry is one clear line.

Each hostile input is generated here, small: a gzip that decompresses 1,000-fold, a JSONL
line longer than the limit, JSON nested 100,000 deep, a 5,000-digit integer, a tree of
odd entries (a self-referencing link, a link out of the tree, a name that is not UTF-8,
an unlistable directory), UTF-16 text. The reader yields one `InputError` naming the file
(and line) for each, and goes on with the rest.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsevents import reader
from newsevents.errors import InputError
from newsevents.reader import iter_documents
from newsevents.records import Document

GOOD = "Au moins 23 soldats ont été tués mardi près de Gao."


def _read(*paths: Path) -> tuple[list[Document], list[InputError]]:
    docs: list[Document] = []
    errors: list[InputError] = []
    for item in iter_documents([str(p) for p in paths]):
        (errors if isinstance(item, InputError) else docs).append(item)  # type: ignore[arg-type]
    return docs, errors


def _record(doc_id: str, text: str = GOOD) -> str:
    return json.dumps({"id": doc_id, "text": text, "date": "2021-03-02"})


@pytest.mark.parametrize("bad, problem", [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"id": "n", "text": "x", "n": ' + "9" * 5_000 + "}", "number too long"),
    ('{"id": "t", "text": 12}', "'text' is a number, not a string"),
    ('{"id": ["x"], "text": "Un texte."}', "'id' is a list, not a string"),
])
def test_a_bad_jsonl_line_is_one_error_naming_its_line(tmp_path: Path, bad: str,
                                                       problem: str) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([_record("a"), bad, _record("b")]) + "\n", "utf-8")
    docs, errors = _read(path)
    assert [d.doc_id for d in docs] == ["a", "b"]
    assert len(errors) == 1 and errors[0].source == f"{path}:2"
    assert problem in str(errors[0])


def test_an_over_long_line_is_skipped_not_read_whole(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_JSONL_LINE_BYTES", 1_000)
    path = tmp_path / "feed.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write("\n".join([_record("a"), _record("long", "x " * 5_000), _record("b")]))
    docs, errors = _read(path)
    assert [d.doc_id for d in docs] == ["a", "b"]
    assert [e.source for e in errors] == [f"{path}:2"]
    assert "longer than" in str(errors[0]) and "skipped" in str(errors[0])


def test_a_gzip_of_blank_lines_stops_at_the_ratio_limit(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=9) as stream:
        stream.write(_record("a").encode() + b"\n")
        for _ in range(50):
            stream.write(b"\n" * 1_000_000)  # 50 MB of nothing in ~50 KB
        stream.write(_record("never").encode() + b"\n")
    docs, errors = _read(path)
    assert [d.doc_id for d in docs] == ["a"]
    assert len(errors) == 1 and "decompresses to more than 100 times its size" in str(errors[0])
    assert errors[0].source == str(path)


_BOMB_UNDER_A_MEMORY_LIMIT = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (600 << 20, 600 << 20))
from newsevents.reader import iter_documents
items = list(iter_documents([sys.argv[1]]))
print(len(items), type(items[-1]).__name__, str(items[-1]))
"""


def test_one_endless_gzipped_line_is_read_under_a_memory_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=1) as stream:
        stream.write(b'{"id": "x", "text": "')
        for _ in range(400):
            stream.write(b"a" * 1_000_000)  # one 400 MB line: read whole it needs > 1 GB
        stream.write(b'"}\n')
    run = subprocess.run([sys.executable, "-c", _BOMB_UNDER_A_MEMORY_LIMIT, str(path)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.startswith("1 LimitExceeded")
    assert "decompresses to more than" in run.stdout


@pytest.fixture
def odd_tree(tmp_path: Path) -> Path:
    """A tree with two good articles and every kind of odd entry beside them."""
    root = tmp_path / "tree"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(GOOD, "utf-8")
    (root / "sub" / "b.txt").write_text(GOOD, "utf-8")
    (root / "loop.txt").symlink_to(root / "loop.txt")
    outside = tmp_path / "secret.txt"
    outside.write_text("Au moins 3 secrets ont été tués.", "utf-8")
    (root / "leak.txt").symlink_to(outside)
    (root / "inside.txt").symlink_to(root / "a.txt")  # inside the tree: read
    (root / "locked").mkdir()
    (root / "locked" / "c.txt").write_text(GOOD, "utf-8")
    with open(os.path.join(os.fsencode(root), b"caf\xe9.txt"), "wb") as stream:
        stream.write(GOOD.encode("latin-1", "replace"))
    return root


def test_a_tree_of_odd_entries_gives_one_line_each_and_reads_the_rest(
        odd_tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_scandir = os.scandir

    def scandir(path: Path) -> object:  # root reads any directory: refuse one like EACCES
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(reader.os, "scandir", scandir)
    docs, errors = _read(odd_tree)
    assert sorted(d.doc_id for d in docs) == ["a.txt", "b.txt", "caf\ufffd.txt", "inside.txt"]
    assert all("secret" not in d.text for d in docs)
    messages = sorted(str(e) for e in errors)
    assert len(messages) == 3, messages
    assert any("leak.txt: it links to a file outside the input directory" in m for m in messages)
    assert any("loop.txt: it is a link that cannot be followed" in m for m in messages)
    assert any("locked: the directory cannot be listed (Permission denied)" in m
               for m in messages)
    for text in [*messages, *(d.doc_id for d in docs), *(d.source or "" for d in docs)]:
        text.encode("utf-8")  # printable and storable: no lone surrogates


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_is_decoded_with_or_without_its_mark(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(GOOD.encode(encoding))
    docs, errors = _read(path)
    assert not errors
    assert docs[0].text == GOOD


def test_binary_data_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 20)
    docs, errors = _read(path)
    assert not docs and "binary" in str(errors[0])


def _run_partitions(feed: Path, out: Path) -> list[dict[str, object]]:
    from newsevents.batch import plan_partitions
    from newsevents.batch.plan import Partition
    from newsevents.batch.shards import write_manifest
    from newsevents.batch.worker import run_partition

    partitions = [p for p in plan_partitions([str(feed)], partition_size=2)
                  if isinstance(p, Partition)]
    write_manifest(out, partitions)
    return [run_partition(p, str(out)) for p in partitions]


def test_batch_isolates_a_bad_record_not_its_partition(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join([_record("a"), "[" * 100_000, _record("b")]) + "\n", "utf-8")
    reports = _run_partitions(feed, tmp_path / "out")
    assert [r["documents"] for r in reports] == [1, 1]
    assert [len(r["errors"]) for r in reports] == [1, 0]  # type: ignore[arg-type]
    assert "feed.jsonl:2: the JSON is nested too deeply" in reports[0]["errors"][0]  # type: ignore[index]


def test_load_skips_a_damaged_shard_and_batch_redoes_it(tmp_path: Path) -> None:
    from newsevents.batch import load_shards
    from newsevents.batch.shards import finished_marker, shard_dir
    from newsevents.store import Store

    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(_record(k) for k in "abcd") + "\n", "utf-8")
    out = tmp_path / "out"
    first, second = _run_partitions(feed, out)
    damaged = shard_dir(out) / f"{first['key']}.claims.parquet"
    damaged.write_bytes(damaged.read_bytes()[:40])  # a copy cut short
    with Store(tmp_path / "s.db") as store:
        summary = load_shards(out, store)
        assert summary.added == 2  # the other partition's two documents
        assert store.count_documents() == 2
    assert len(summary.damaged) == 1
    assert f"delete {shard_dir(out)}/{first['key']}.done.json" in summary.damaged[0]
    assert finished_marker(out, str(first["key"])) is None  # not "already done" forever
    assert finished_marker(out, str(second["key"])) is not None


def test_a_long_run_of_blank_lines_is_said_once_and_reading_goes_on(tmp_path: Path) -> None:
    from newsevents.limits import BLANK_RUN_LINES

    feed = tmp_path / "blank.jsonl"
    feed.write_bytes(_record("a").encode() + b"\n" + b"\n" * (BLANK_RUN_LINES + 5)
                     + _record("b").encode() + b"\n")
    docs, errors = _read(feed)
    assert [d.doc_id for d in docs] == ["a", "b"]
    assert [str(e) for e in errors] == [
        f"{feed}:2: over 11 million blank lines in a row start here (the file is still "
        "being read); remove the blank lines, or check that the file is JSONL."]
