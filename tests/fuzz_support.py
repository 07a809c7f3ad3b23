"""Hostile input for the fuzzing harness (bench/fuzz.py) and the fuzz tests.

A case is built from its index and a seed alone (``make_case``), so a worker process can
rebuild a failing case and a report can name it. Cases start from real text (the example
articles and the sentences of ``tests/data/claims_table.yaml``) and mutate it: spans
deleted, duplicated and shuffled; random Unicode, control characters, bidi marks,
combining characters, mixed scripts, NUL bytes and lone surrogates inserted; 1 MB lines;
deeply nested or broken HTML; JSONL with 100k lines, wrong types and nulls. Issue 17's
hostile inputs from the outside too: short units repeated (live blogs), JSONL lines over
the line limit, gzip bombs, trees of odd entries (link loops, links out of the tree, names
that are not UTF-8, FIFOs, deep nesting), feeds whose records share URLs and ids (through
the store, twice), and files given as the store that are not one (another program's SQLite
database, a damaged or truncated store, random bytes).

``check_result`` states the invariants every processed document must keep; a document the
pipeline stops at its time budget is one clear error, not a crash (``run_case`` counts it).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CLAIMS_TABLE = ROOT / "tests" / "data" / "claims_table.yaml"

BIDI = ["\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f", "\u200e",
        "\u061c"]
CONTROL = [chr(c) for c in range(0, 32)] + ["\x7f", "\x85", "\u2028", "\u2029", "\ufeff",
                                            "\u200b", "\u00ad", "\ufffe"]
COMBINING = ["\u0301", "\u0300", "\u0327", "\u0308", "\u20dd", "\u0489", "\u036f"]
SCRIPTS = ["قُتل 23 جندياً في الموصل", "Погибли 23 солдата под Киевом", "在摩苏尔有23名士兵死亡",
           "٢٣ قتيلا", "۱۲۳", "२३", "ＡＢＣ１２３", "𝟐𝟑 𝐬𝐨𝐥𝐝𝐚𝐭𝐬", "😀🔥💣", "ǅ ß İ ﬁ ẞ"]
SURROGATES = ["\ud800", "\udfff", "\udc00x\ud83d"]
# Pieces that make regexes work hardest when repeated: figures with separators, function
# words, apostrophes, hyphens, quotes, spaces of every kind.
ADVERSARIAL_PIECES = ["1 ", "1,", "1.", "1 000 ", "12-", "de ", "d'", "l'", "'", "’", "a-",
                      "-", " ", "\u00a0", "\t", "«", "»", "\"", "(", "((", "au moins ",
                      "plus de ", "entre 1 et ", "le 12 ", "mardi ", "à ", "près de ", "Al-",
                      "al ", "e ", "é", "A. ", "@a", "#a", "http://", "www.", "+1 ",
                      "— A (@a) ", "selon ", "a indiqué ", "ont été tués ", "x" * 30 + " "]
# Short units that live blogs and scraped pages repeat: each one, repeated, must cost linear
# time through the whole pipeline (loops over mentions, not only regexes).
HOSTILE_UNITS = ["10h30 ", "#b 2021 ", "@a mardi ", "http://a.io EI ", "« 3 » ",
                 "le 12 mars ", "Au moins 3 morts. ", "selon lui, ", "Mossoul, ",
                 "— A (@a) 1 mars 2021\n", "2021-03-01 "]


@dataclass(frozen=True)
class Case:
    """One fuzz input: ``kind`` is "document" (text straight to the pipeline), the suffix
    of a file given to the readers ("txt", "jsonl", "html", "jsonl.gz", "txt.gz"), "tree"
    (a directory described by JSON), "feed" (JSONL ingested into a store twice) or
    "sqlite" (a file given as the store)."""

    index: int
    kind: str
    label: str  # how it was built, for reports
    payload: str | bytes
    date: str | None = None

    @property
    def size(self) -> int:
        return len(self.payload)


@lru_cache(maxsize=1)
def seed_texts() -> tuple[str, ...]:
    """The example articles (without their date line) and the claim-table sentences."""
    texts = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        texts.append(path.read_text("utf-8").split("\n", 1)[-1])
    for case in yaml.safe_load(CLAIMS_TABLE.read_text("utf-8")):
        texts.append(str(case["text"]))
    return tuple(texts)


# -- text mutations -----------------------------------------------------------------------
def _span(rng: random.Random, text: str) -> tuple[int, int]:
    if not text:
        return 0, 0
    start = rng.randrange(len(text))
    return start, min(len(text), start + rng.randint(1, 200))


def delete_span(rng: random.Random, text: str) -> str:
    start, end = _span(rng, text)
    return text[:start] + text[end:]


def duplicate_span(rng: random.Random, text: str) -> str:
    start, end = _span(rng, text)
    return text[:end] + text[start:end] * rng.randint(1, 5) + text[end:]


def shuffle_spans(rng: random.Random, text: str) -> str:
    cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, rng.randint(2, 12))))
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    rng.shuffle(pieces)
    return "".join(pieces)


def random_unicode(rng: random.Random, count: int) -> str:
    """Code points from every plane (surrogates excluded here, see ``insert_noise``)."""
    out = []
    for _ in range(count):
        plane = rng.choice([0x80, 0x800, 0x3000, 0xD7FF, 0x10000, 0x10FFFF])
        code = rng.randrange(0, plane)
        out.append(chr(code) if not 0xD800 <= code <= 0xDFFF else "?")
    return "".join(out)


def insert_noise(rng: random.Random, text: str, surrogates: bool = True) -> str:
    pools: list[Callable[[], str]] = [
        lambda: rng.choice(BIDI), lambda: rng.choice(CONTROL), lambda: rng.choice(COMBINING),
        lambda: rng.choice(SCRIPTS), lambda: "\x00", lambda: random_unicode(rng, 8),
        lambda: rng.choice(ADVERSARIAL_PIECES) * rng.randint(1, 300),
    ]
    if surrogates:
        pools.append(lambda: rng.choice(SURROGATES))
    for _ in range(rng.randint(1, 8)):
        position = rng.randint(0, len(text))
        text = text[:position] + rng.choice(pools)() + text[position:]
    return text


def mutate(rng: random.Random, text: str, surrogates: bool = True) -> str:
    """One to four random mutations of ``text``."""
    operations: list[Callable[[random.Random, str], str]] = [
        delete_span, duplicate_span, shuffle_spans,
        lambda r, t: insert_noise(r, t, surrogates)]
    for _ in range(rng.randint(1, 4)):
        text = rng.choice(operations)(rng, text)
    return text


def mutated_article(rng: random.Random, surrogates: bool = True) -> str:
    seeds = seed_texts()
    parts = [rng.choice(seeds) for _ in range(rng.randint(1, 4))]
    return mutate(rng, rng.choice(["\n", " ", "\n\n", ""]).join(parts), surrogates)


def adversarial_text(rng: random.Random, size: int) -> str:
    """A long run of one or two regex-hostile pieces, in a sentence or alone."""
    piece = "".join(rng.choice(ADVERSARIAL_PIECES) for _ in range(rng.randint(1, 2)))
    run = piece * (size // max(1, len(piece)) + 1)
    return rng.choice(["", "Au moins 23 soldats ont été tués près de Gao. "]) + run[:size]


def huge_line(rng: random.Random, size: int = 1_000_000) -> str:
    """A line of about ``size`` characters without a newline (a table dump, a minified page)."""
    chunk = mutated_article(rng, surrogates=False).replace("\n", " ")
    return (chunk + " ") * (size // max(1, len(chunk) + 1) + 1)


def random_date(rng: random.Random) -> str | None:
    """Dates as a reader lets them through: ISO-shaped, not always on the calendar."""
    return rng.choice([None, "2021-03", "2018-05-01", "2023", "0000-00", "9999-12-31",
                       "2021-13-45", "2020-02-30", "0001-01-01", "2024-02-29"])


# -- readers' inputs ----------------------------------------------------------------------
def nested_html(rng: random.Random, depth: int) -> str:
    tags = ["div", "p", "span", "b", "article", "section", "table", "td", "li", "a"]
    opened = [rng.choice(tags) for _ in range(depth)]
    body = mutated_article(rng, surrogates=False)
    html = "".join(f"<{t} class='x'>" for t in opened) + body
    if rng.random() < 0.5:  # broken: half the tags never closed, stray closers
        html += "".join(f"</{t}>" for t in reversed(opened[: depth // 2])) + "</td></html>" * 3
    else:
        html += "".join(f"</{t}>" for t in reversed(opened))
    return "<html><head><title>T</title></head><body>" + html + "</body></html>"


def broken_html(rng: random.Random) -> str:
    body = mutated_article(rng, surrogates=False)
    junk = ["<", "<p", "</", "<!--", "<![CDATA[", "<script>", "&#x", "&amp", "<?xml", "\x00",
            "<meta charset='utf-16'>", "<p <p <p", "<div" * 50]
    pieces = [f"<p>{line}</p>" for line in body.split("\n")]
    for _ in range(rng.randint(1, 10)):
        pieces.insert(rng.randint(0, len(pieces)), rng.choice(junk))
    return "<html><body>" + "".join(pieces)


def jsonl_records(rng: random.Random, lines: int, articles: float = 0.02,
                  odd: float = 0.28) -> str:
    """Mostly hostile JSONL: a share ``odd`` of records of wrong types, nulls and odd fields
    (a third of them still valid), malformed lines, a share of real articles."""
    def record(number: int) -> str:
        roll = rng.random()
        if roll < articles:
            return json.dumps({"id": f"r{number}", "text": mutated_article(rng),
                               "date": random_date(rng)}, ensure_ascii=rng.random() < 0.5)
        if roll < odd + articles:
            return json.dumps(rng.choice([
                None, 1, "text", [], {"id": None, "text": None}, {"id": True, "text": "x"},
                {"id": 1, "text": 12}, {"id": [1], "text": "a"}, {"id": "x", "text": "   "},
                {"id": "x", "text": "Au moins 3 morts.", "date": 2021},
                {"id": "x", "text": "Au moins 3 morts.", "date": "hier"},
                {"id": "\ud800", "text": "3 morts.", "title": "\udfff", "url": {"a": 1}},
                {"id": "x", "text": "3 morts", "lang": 5, "outlet": None}]))
        if roll < 0.2 + odd + articles:
            return rng.choice(["{", "}", "[1,", "{\"id\": \"a\", \"text\": \"b\"", "\x00",
                               "nul", "NaN", "{\"id\": NaN}", "\"\\ud800\"", "1e999999"])
        return ""
    return "\n".join(record(n) for n in range(lines))


# -- issue 17: hostile input from the outside -------------------------------------------------
def repeated_unit(rng: random.Random, size: int) -> str:
    """One short unit a live blog repeats, up to ``size`` characters (linear time)."""
    unit = rng.choice(HOSTILE_UNITS)
    return unit * (size // len(unit))


def gzip_bytes(data_chunks: Iterator[bytes]) -> bytes:
    """gzip of the chunks, streamed (a bomb is never held decompressed)."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9, mtime=0) as packed:
        for chunk in data_chunks:
            packed.write(chunk)
    return out.getvalue()


def gzip_bomb(rng: random.Random, megabytes: int) -> bytes:
    """A small gzip of blank lines, NULs or one endless line (1,000-fold and more)."""
    chunk = rng.choice([b"\n" * 1_000_000, b"\x00" * 1_000_000, b"a" * 1_000_000,
                        b" \r\n" * 333_333])
    head = b'{"id": "bomb", "text": "' if rng.random() < 0.5 else b""
    return gzip_bytes(iter([head, *(chunk for _ in range(megabytes))]))


def long_jsonl_line(rng: random.Random) -> bytes:
    """A JSONL line just over the line limit between two good records, gzipped."""
    from newsevents.limits import MAX_JSONL_LINE_BYTES

    good = [json.dumps({"id": f"g{i}", "text": mutated_article(rng, surrogates=False)})
            .encode() for i in range(2)]
    over = MAX_JSONL_LINE_BYTES + rng.randint(1, 1_000_000)
    filler = rng.choice([b"a", b"\\u00e9", b"[", b" "])
    body = (b'{"id": "long", "text": "', filler * (over // len(filler)), b'"}')
    return gzip_bytes(iter([good[0], b"\n", *body, b"\n", good[1], b"\n"]))


ODD_ENTRIES = ["loop", "out", "broken", "not-utf8", "fifo", "deep", "empty", "dir.txt",
               "long-name", "unlistable", "link-in", "binary", "utf16"]


def odd_tree(rng: random.Random) -> dict[str, Any]:
    """A directory of a good article and some odd entries (built by ``build_tree``)."""
    return {"entries": rng.sample(ODD_ENTRIES, rng.randint(1, len(ODD_ENTRIES))),
            "text": mutated_article(rng, surrogates=False)}


def build_tree(folder: Path, spec: dict[str, Any]) -> None:
    (folder / "good.txt").write_text(spec["text"], "utf-8", errors="replace")
    for entry in spec["entries"]:
        if entry == "loop":
            (folder / "loop.txt").symlink_to(folder / "loop.txt")
        elif entry == "out":
            (folder / "out.txt").symlink_to("/etc/hostname")
        elif entry == "broken":
            (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
        elif entry == "not-utf8":
            (Path(os.fsdecode(bytes(folder) + b"/caf\xe9-\xff.txt"))).write_text(
                "Au moins 3 morts.", "utf-8")
        elif entry == "fifo" and hasattr(os, "mkfifo"):
            os.mkfifo(folder / "pipe.txt")  # never opened: it would block
        elif entry == "deep":
            deep = folder.joinpath(*(["d"] * 60))
            deep.mkdir(parents=True)
            (deep / "a.txt").write_text("Au moins 3 morts.", "utf-8")
        elif entry == "empty":
            (folder / "empty.txt").touch()
        elif entry == "dir.txt":
            (folder / "dir.txt").mkdir()
        elif entry == "long-name":
            (folder / ("n" * 250 + ".txt")).write_text("Au moins 3 morts.", "utf-8")
        elif entry == "unlistable":
            locked = folder / "locked"
            locked.mkdir()
            (locked / "a.txt").write_text("Au moins 3 morts.", "utf-8")
            locked.chmod(0)
        elif entry == "link-in":
            (folder / "again.txt").symlink_to(folder / "good.txt")
        elif entry == "binary":
            (folder / "bin.txt").write_bytes(bytes(range(256)) * 8)
        elif entry == "utf16":
            (folder / "u16.txt").write_bytes(spec["text"].encode("utf-16", "replace"))


def shared_url_feed(rng: random.Random) -> str:
    """Records whose ids, URLs and texts come from small pools: shared URLs (a site's home
    page), repeated ids with other texts, repeated records."""
    texts = [mutated_article(rng, surrogates=False) for _ in range(3)]
    records = [json.dumps({"id": f"id{rng.randint(0, 4)}", "text": rng.choice(texts),
                           "url": rng.choice(["https://example.org/", "https://example.org",
                                              None, f"https://e.org/{rng.randint(0, 2)}"]),
                           "date": rng.choice(["2021-03-02", None])})
               for _ in range(rng.randint(2, 12))]
    return "\n".join(records) + "\n"


@lru_cache(maxsize=1)
def store_bytes() -> bytes:
    """A real newsevents store of two articles (built once per process)."""
    from newsevents.ingest import ingest_documents
    from newsevents.reader import text_document
    from newsevents.store import Store

    folder = Path(tempfile.mkdtemp(prefix="newsevents-fuzz-"))
    try:
        with Store(folder / "s.db") as store:
            ingest_documents(store, [
                text_document("Au moins 23 soldats ont été tués mardi près de Gao.", "a",
                              date="2023-05-10"),
                text_document("Three air strikes hit Mosul on Monday.", "b",
                              date="2021-03-02")])
        return (folder / "s.db").read_bytes()
    finally:
        shutil.rmtree(folder)


def not_a_store(rng: random.Random) -> bytes:
    """A file given as the store: another program's database, a damaged or cut store."""
    roll = rng.random()
    if roll < 0.3:
        folder = Path(tempfile.mkdtemp(prefix="newsevents-fuzz-"))
        try:
            conn = sqlite3.connect(folder / "x.db")
            if rng.random() < 0.5:
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(rng.choice(["CREATE TABLE t (x)", "CREATE TABLE documents (id)",
                                     "CREATE TABLE schema_migrations (version, name)"]))
            conn.commit()
            conn.close()
            return (folder / "x.db").read_bytes()
        finally:
            shutil.rmtree(folder)
    data = bytearray(store_bytes())
    if roll < 0.5:
        return bytes(data[:rng.randint(0, len(data))])  # a copy cut short
    if roll < 0.9:
        first = 0 if rng.random() < 0.5 else 65_536  # past the schema: found on reading
        for _ in range(rng.randint(1, 30)):  # pages damaged here and there
            at = rng.randrange(min(first, len(data) - 1), len(data))
            data[at:at + rng.randint(1, 4096)] = rng.randbytes(rng.randint(1, 4096))
        return bytes(data[:len(store_bytes())])
    return b"SQLite format 3\x00" + rng.randbytes(rng.randint(0, 20_000))


# -- cases --------------------------------------------------------------------------------
def make_case(index: int, seed: int = 0, big: bool = True) -> Case:
    """The ``index``-th case of a run; ``big`` allows 1 MB lines, 100k-line JSONL, 20 MB
    JSONL lines and gzip bombs."""
    rng = random.Random(seed * 1_000_003 + index)
    roll = rng.random()
    if roll >= 0.9:  # issue 17's hostile inputs from the outside
        return _outside_case(index, rng, big)
    if big and roll < 0.004:
        return Case(index, "document", "1 MB line", huge_line(rng), random_date(rng))
    if big and roll < 0.006:
        lines = jsonl_records(rng, 100_000, articles=0.0003, odd=0.01)
        return Case(index, "jsonl", "100k-line JSONL", lines.encode("utf-8", "surrogatepass"))
    if roll < 0.05:
        return Case(index, "document", "adversarial run",
                    adversarial_text(rng, rng.choice([1_000, 10_000, 50_000])), random_date(rng))
    if roll < 0.12:
        return Case(index, "html", "nested HTML",
                    nested_html(rng, rng.choice([10, 200, 2000])).encode("utf-8"))
    if roll < 0.18:
        return Case(index, "html", "broken HTML", broken_html(rng).encode("utf-8"))
    if roll < 0.26:
        return Case(index, "jsonl", "JSONL", jsonl_records(rng, rng.randint(1, 60))
                    .encode("utf-8", "surrogatepass"))
    if roll < 0.36:
        return Case(index, "txt", "text file bytes", _text_file_bytes(rng))
    if roll < 0.40:
        return Case(index, "document", "random Unicode",
                    random_unicode(rng, rng.randint(1, 3000)), random_date(rng))
    return Case(index, "document", "mutated article", mutated_article(rng), random_date(rng))


def _outside_case(index: int, rng: random.Random, big: bool) -> Case:
    roll = rng.random()
    if roll < 0.3:
        sizes = [2_000, 10_000, 40_000] + ([150_000] if big else [])
        return Case(index, "document", "repeated unit",
                    repeated_unit(rng, rng.choice(sizes)), "2021-03-25")
    if roll < 0.4:
        if big and rng.random() < 0.3:
            return Case(index, "jsonl.gz", "long JSONL line", long_jsonl_line(rng))
        return Case(index, rng.choice(["jsonl.gz", "txt.gz"]), "gzip bomb",
                    gzip_bomb(rng, rng.choice([11, 30, 120] if big else [11])))
    if roll < 0.6:
        return Case(index, "tree", "odd tree", json.dumps(odd_tree(rng)).encode())
    if roll < 0.8:
        return Case(index, "feed", "shared-URL feed", shared_url_feed(rng).encode())
    return Case(index, "sqlite", "not a store", not_a_store(rng))


def _text_file_bytes(rng: random.Random) -> bytes:
    text = mutated_article(rng, surrogates=False)
    if rng.random() < 0.5:
        text = f"date {rng.choice(['2021-03', '2018-05-01', '9999-99'])}\n" + text
    data = text.encode(rng.choice(["utf-8", "utf-8", "utf-16", "latin-1", "cp1252"]),
                       errors="replace")
    if rng.random() < 0.3:  # random bytes: broken UTF-8, NULs, BOMs
        for _ in range(rng.randint(1, 20)):
            position = rng.randint(0, len(data))
            data = data[:position] + bytes(rng.randrange(256) for _ in range(3)) + data[position:]
    return data


# -- running a case and its invariants ----------------------------------------------------
def documents_of(case: Case) -> Iterator[Any]:
    """What the readers make of a case: Documents and InputErrors (a document case is
    given straight as a Document, a tree is walked)."""
    from newsevents.reader import iter_documents, read_path
    from newsevents.records import Document

    if case.kind == "document":
        assert isinstance(case.payload, str)
        yield Document(doc_id=f"case{case.index}", text=case.payload, date=case.date)
        return
    assert isinstance(case.payload, bytes)
    with tempfile.TemporaryDirectory() as folder:
        try:
            if case.kind == "tree":
                build_tree(Path(folder), json.loads(case.payload))
                yield from iter_documents([folder])
                return
            path = Path(folder) / f"case{case.index}.{case.kind}"
            path.write_bytes(case.payload)
            yield from read_path(path)
        finally:
            for locked in Path(folder).glob("locked"):
                locked.chmod(0o755)  # so that the directory can be removed


def check_result(result: Any) -> None:
    """Offsets within the text, mention text equal to its span, evidence inside the text."""
    text = result.document.text
    for mention in result.mentions:
        assert 0 <= mention.start <= mention.end <= len(text), mention
        assert text[mention.start:mention.end] == mention.text, mention
    for claim in result.claims:
        evidence = claim.evidence
        assert 0 <= evidence["start"] < evidence["end"] <= len(text), claim.evidence
        assert text[evidence["start"]:evidence["end"]] == evidence["text"], claim.evidence
        for part in (claim.number, *claim.places):
            if part is not None:
                assert text[part.start:part.end] == part.text, part
        json.dumps(claim.to_dict(), ensure_ascii=False)
    for segment in result.segments:
        assert 0 <= segment.start < segment.end <= len(text), segment


def _one_sentence(error: object) -> None:
    message = str(error)
    assert message.endswith(".") and "\n" not in message and "Traceback" not in message, \
        message


def run_case(case: Case, stopped: list[str] | None = None) -> int:
    """Read and process a case, checking invariants; returns the documents processed.
    Raises on any crash (an exception other than the readers' InputError). A document
    stopped at its time budget is one clear error: appended to ``stopped`` when given."""
    from newsevents.errors import InputError, TimeBudgetExceeded
    from newsevents.pipeline import process_document

    if case.kind == "feed":
        return run_feed(case)
    if case.kind == "sqlite":
        return run_not_a_store(case)
    processed = 0
    for item in documents_of(case):
        if isinstance(item, InputError):
            _one_sentence(item)  # one sentence: input, problem, remedy
            continue
        try:
            check_result(process_document(item))
        except TimeBudgetExceeded as error:
            _one_sentence(error)
            if stopped is None:
                raise
            stopped.append(str(error))
        processed += 1
    return processed


def run_feed(case: Case) -> int:
    """Ingest a feed twice: every id visible once, the second run stores nothing new."""
    from newsevents.errors import InputError
    from newsevents.ingest import ingest_documents
    from newsevents.reader import read_path
    from newsevents.store import Store

    assert isinstance(case.payload, bytes)
    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "feed.jsonl"
        feed.write_bytes(case.payload)
        ids = {d.doc_id for d in read_path(feed) if not isinstance(d, InputError)}
        with Store(Path(folder) / "s.db") as store:
            first = ingest_documents(store, read_path(feed))
            assert store.count_documents(current_only=True) == len(ids), (first, ids)
            second = ingest_documents(store, read_path(feed))
            assert second.added == second.new_version == 0, second
            assert store.events_current()
            for error in first.errors:
                _one_sentence(error)
    return len(ids)


def run_not_a_store(case: Case) -> int:
    """A file given as the store to the read commands and to ingest: one line (never a
    traceback), and a refused file is left byte for byte as it was, nothing beside it."""
    from click.testing import CliRunner

    from newsevents.cli import main

    assert isinstance(case.payload, bytes)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "store" / "s.db"
        db.parent.mkdir()
        article = Path(folder) / "a.txt"
        article.write_text("Au moins 3 soldats ont été tués mardi près de Gao.", "utf-8")
        for command in (["claims"], ["events"], ["ingest", str(article)]):
            db.write_bytes(case.payload)
            result = CliRunner().invoke(main, [*command, "--db", str(db)])
            if result.exception is not None and not isinstance(result.exception, SystemExit):
                raise result.exception
            assert result.exit_code in (0, 1), result.output
            errors = [line for line in result.output.splitlines()
                      if line.startswith("Error: ")]
            assert len(errors) <= 1, result.output
            for line in errors:
                _one_sentence(line)
                if "it was left as it is" in line:
                    assert db.read_bytes() == case.payload
                    assert os.listdir(db.parent) == ["s.db"], os.listdir(db.parent)
    return 0
