"""Readers: text, JSONL and HTML files, directories and stdin, into `Document` records.

Each unreadable input yields an `InputError` in the stream instead of raising, so a batch
goes on past a bad file or a malformed JSON line.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from newsevents import html_extract
from newsevents.errors import InputError
from newsevents.limits import MAX_DOCUMENT_BYTES, document_too_large, without_lone_surrogates
from newsevents.records import Document

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}

# "date 2021-03" or "date 2021-03-25" at the very start, possibly after spaces (the seeds).
_DATE_HEADER = re.compile(
    r"\A[ \t\ufeff]{0,20}date[ \t]{1,5}(\d{4}(?:-\d{2}(?:-\d{2})?)?)\b[ \t]*\n?")
_ISO_PREFIX = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?\Z")


def iter_documents(paths: Sequence[str]) -> Iterator[Document | InputError]:
    """Yield a `Document` for every article under `paths`, an `InputError` for each failure."""
    for raw in paths:
        if raw == "-":
            yield from _read_jsonl_stream(sys.stdin, "<stdin>")
            continue
        path = Path(raw)
        if path.is_dir():
            for child in walk_files(path):
                if _reader_for(child) is not None:
                    yield from read_path(child)
        elif path.exists():
            yield from read_path(path)
        else:
            yield InputError(raw, "no such file or directory", "check the path")


def walk_files(directory: Path) -> Iterator[Path]:
    """Files under `directory` in `sorted(rglob)` order, one directory listed at a time.

    Sorting each directory's names and descending depth-first gives the order of sorting
    every path's parts, without holding the paths of a whole corpus in memory.
    """
    with os.scandir(directory) as listing:
        # Like rglob: symlinked directories are not descended into (no loops).
        entries = sorted((e.name, e.is_dir() and not e.is_symlink(), e.is_file())
                         for e in listing)
    for name, is_dir, is_file in entries:
        if is_dir:
            yield from walk_files(directory / name)
        elif is_file:
            yield directory / name


def file_kind(path: Path) -> str | None:
    """'text', 'jsonl' or 'html' from the suffixes (`.gz` allowed); None if unsupported."""
    return _reader_for(path)


def read_path(path: Path) -> Iterator[Document | InputError]:
    """Read one file of any supported kind."""
    kind = _reader_for(path)
    if kind is None:
        yield InputError(
            str(path), f"unsupported file type '{path.suffix}'",
            "give .txt, .jsonl, .html files (optionally .gz) or a directory",
        )
        return
    try:
        if path.stat().st_size > MAX_DOCUMENT_BYTES and kind != "jsonl":
            raise document_too_large(str(path))
        if kind == "jsonl":
            with _open_binary(path) as stream:
                yield from _read_jsonl_stream(_decoded_lines(stream), str(path))
            return
        with _open_binary(path) as stream:
            data = stream.read(MAX_DOCUMENT_BYTES + 1)
        if len(data) > MAX_DOCUMENT_BYTES:
            raise document_too_large(str(path))
        text = decode_bytes(data, str(path))
        if kind == "html":
            yield html_document(text, doc_id=path.name, source=str(path))
        else:
            yield text_document(text, doc_id=path.name, source=str(path))
    except InputError as error:
        yield error
    except OSError as error:
        yield InputError(str(path), f"cannot be read ({error.strerror})", "check its permissions")


def text_document(text: str, doc_id: str, source: str | None = None,
                  date: str | None = None) -> Document:
    """A plain-text article; an optional `date YYYY-MM[-DD]` first line gives its date."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    header = _DATE_HEADER.match(text)
    if header:
        date = date or header.group(1)
        text = text[header.end():].lstrip(" \t")
    if not text.strip():
        raise InputError(source or doc_id, "the article is empty", "give a file with text")
    return Document(doc_id=doc_id, text=text, date=date, source=source or doc_id)


def html_document(html: str, doc_id: str, source: str | None = None) -> Document:
    extracted = html_extract.extract_article(html)
    if extracted is None or not extracted.text.strip():
        raise InputError(
            source or doc_id, "no article text could be found in the HTML",
            "give the article page itself, or its text as .txt",
        )
    return Document(
        doc_id=doc_id, text=extracted.text, date=extracted.date, url=extracted.url,
        title=extracted.title, outlet=extracted.outlet, source=source or doc_id,
    )


def decode_bytes(data: bytes, source: str) -> str:
    """UTF-8 first; otherwise the detected encoding; binary data is refused."""
    if not data.strip():
        raise InputError(source, "the file is empty", "give a file with text")
    if b"\x00" in data[:4096]:
        raise InputError(source, "the file is binary, not text", "give a text, JSONL or HTML file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "the text encoding cannot be recognised", "save it as UTF-8")
    return str(best)


def document_from_record(record: Any, source: str) -> Document:
    """A JSONL record: `id`, `text`, optional `date`, `url`, `outlet`, `title`, `lang`."""
    if not isinstance(record, dict):
        raise InputError(source, "the line is not a JSON object", "write one object per line")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(source, "the record has no 'text'", "add the article text as a string")
    doc_id = record.get("id")
    if not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool) or str(doc_id) == "":
        raise InputError(source, "the record has no 'id'", "add a string 'id' to every record")
    if len(text.encode("utf-8", "surrogatepass")) > MAX_DOCUMENT_BYTES:
        raise document_too_large(source)
    text = without_lone_surrogates(text)  # JSON allows "\ud800"; UTF-8 and SQLite do not
    date = _optional_str(record, "date")
    if date is not None:
        date = date[:10]
        if not _ISO_PREFIX.match(date):
            raise InputError(source, f"the date '{date}' is not ISO", "write YYYY-MM-DD")
    return Document(
        doc_id=without_lone_surrogates(str(doc_id)), text=text.replace("\r\n", "\n"), date=date,
        url=_optional_str(record, "url"), outlet=_optional_str(record, "outlet"),
        title=_optional_str(record, "title"), lang=_optional_str(record, "lang"), source=source,
    )


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    return without_lone_surrogates(value) if isinstance(value, str) and value.strip() else None


def _read_jsonl_stream(lines: Iterable[str], source: str) -> Iterator[Document | InputError]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield document_from_record(json.loads(line), where)
        except json.JSONDecodeError as error:
            yield InputError(where, f"malformed JSON ({error.msg})", "fix or remove the line")
        except InputError as error:
            yield error


def _decoded_lines(stream: IO[bytes]) -> Iterator[str]:
    for raw in stream:
        yield raw.decode("utf-8", errors="replace")


def _open_binary(path: Path) -> IO[bytes]:
    if path.suffix == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _reader_for(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    if last in TEXT_SUFFIXES:
        return "text"
    if last in JSONL_SUFFIXES:
        return "jsonl"
    if last in HTML_SUFFIXES:
        return "html"
    return None
