"""Readers: text, JSONL and HTML files, directories and stdin, into `Document` records.

Each unreadable input yields an `InputError` in the stream instead of raising, so a batch
goes on past a bad file, an unreadable directory, a link out of the input tree or a
malformed JSON line. Reads are bounded: a JSONL line is read at most
``MAX_JSONL_LINE_BYTES`` at a time, and a gzip file stops past ``MAX_GZIP_RATIO`` times its
size.
"""

from __future__ import annotations

import codecs
import dataclasses
import gzip
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from newsevents import html_extract
from newsevents.errors import InputError
from newsevents.iso_date import WHAT_TO_WRITE, check_date, is_date
from newsevents.limits import (
    BLANK_RUN_LINES,
    GZIP_FLOOR_BYTES,
    MAX_DOCUMENT_BYTES,
    MAX_GZIP_RATIO,
    MAX_JSONL_LINE_BYTES,
    blank_run,
    document_too_large,
    gzip_bomb,
    line_too_long,
    without_lone_surrogates,
)
from newsevents.records import Document

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}

# "date 2021-03" or "date 2021-03-25" at the very start, possibly after spaces (the seeds).
_DATE_HEADER = re.compile(
    r"\A[ \t\ufeff]{0,20}date[ \t]{1,5}([0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?)\b[ \t]*\n?")


def iter_documents(paths: Sequence[str]) -> Iterator[Document | InputError]:
    """Yield a `Document` for every article under `paths`, an `InputError` for each failure."""
    for raw in paths:
        if raw == "-":
            yield from _read_jsonl_stream(_stdin_lines(), "<stdin>")
            continue
        path = Path(raw)
        if path.is_dir():
            for child in walk_entries(path):
                if isinstance(child, InputError):
                    yield child
                elif _reader_for(child) is not None:
                    yield from read_path(child)
        elif path.exists():
            yield from read_path(path)
        else:
            yield InputError(display_path(raw), "no such file or directory", "check the path")


def walk_files(directory: Path) -> Iterator[Path]:
    """The readable files of `walk_entries`, its errors left out."""
    return (p for p in walk_entries(directory) if isinstance(p, Path))


def walk_entries(directory: Path, root: str | None = None) -> Iterator[Path | InputError]:
    """Files under `directory` in `sorted(rglob)` order, one directory listed at a time, and
    an `InputError` for each entry that cannot be read (one bad entry never stops a walk).

    Sorting each directory's names and descending depth-first gives the order of sorting
    every path's parts, without holding the paths of a whole corpus in memory. Symlinked
    directories are not descended into (no loops); a symlinked file is read only when it
    points inside the tree (``x.txt -> /etc/shadow`` is not).
    """
    root = root or os.path.realpath(directory)
    try:
        with os.scandir(directory) as listing:
            entries = sorted(_entry_kind(e) for e in listing)
    except OSError as error:
        yield InputError(display_path(directory), f"the directory cannot be listed "
                         f"({error.strerror or error})", "check its permissions")
        return
    for name, kind in entries:
        path = directory / name
        if kind == "dir":
            yield from walk_entries(path, root)
        elif kind == "file":
            yield path
        elif _reader_for(path) is None:
            continue  # not an article file: nothing to report
        elif kind == "link":
            target = os.path.realpath(path)
            if os.path.commonpath([root, target]) == root:
                yield path
            else:
                yield InputError(display_path(path), "it links to a file outside the input "
                                 "directory and was not read", "copy the file into the "
                                 "directory, or give its path on the command line")
        elif kind == "broken":
            yield InputError(display_path(path), "it is a link that cannot be followed "
                             "(missing target or a loop)", "fix or remove the link")


def _entry_kind(entry: os.DirEntry[str]) -> tuple[str, str]:
    """An entry's name and what it is: dir, file, link (to a file), broken or other."""
    try:
        if entry.is_symlink():
            return entry.name, "link" if entry.is_file() else (
                "other" if entry.is_dir() else "broken")
        return entry.name, "dir" if entry.is_dir() else "file" if entry.is_file() else "other"
    except OSError:  # a self-referencing link, a vanished entry
        return entry.name, "broken"


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as text that can be printed and stored: bytes of a file name that is not
    valid UTF-8 become U+FFFD (Python keeps them as lone surrogates, which no encoder
    takes)."""
    return os.fsencode(path).decode("utf-8", "replace")


def file_kind(path: Path) -> str | None:
    """'text', 'jsonl' or 'html' from the suffixes (`.gz` allowed); None if unsupported."""
    return _reader_for(path)


def read_path(path: Path) -> Iterator[Document | InputError]:
    """Read one file of any supported kind; any failure is one `InputError` naming it."""
    source = display_path(path)
    kind = _reader_for(path)
    if kind is None:
        yield InputError(
            source, f"unsupported file type '{display_path(path.suffix)}'",
            "give .txt, .jsonl, .html files (optionally .gz) or a directory",
        )
        return
    try:
        if path.stat().st_size > MAX_DOCUMENT_BYTES and kind != "jsonl":
            raise document_too_large(source)
        if kind == "jsonl":
            with open_binary(path) as stream:
                yield from _read_jsonl_stream(bounded_lines(stream), source)
            return
        with open_binary(path) as stream:
            data = stream.read(MAX_DOCUMENT_BYTES + 1)
        if len(data) > MAX_DOCUMENT_BYTES:
            raise document_too_large(source)
        text, mixed = decode_bytes(data, source)
        name = display_path(path.name)
        if kind == "html":
            document = html_document(text, doc_id=name, source=source)
        else:
            document = text_document(text, doc_id=name, source=source)
        if mixed:
            document = dataclasses.replace(document, read_warnings=(
                f"{source}: the file mixes UTF-8 with bytes of another encoding, read as "
                "Windows-1252; save the article as UTF-8 throughout.",))
        yield document
    except InputError as error:
        yield error
    except OSError as error:
        yield InputError(source, f"cannot be read ({error.strerror or error})",
                         "check its permissions")
    except (EOFError, zlib.error, gzip.BadGzipFile) as error:
        yield InputError(source, f"the compressed file is damaged ({error})",
                         "compress it again or give it uncompressed")
    except Exception as error:  # one odd file must not stop a batch (STYLE: per-document)
        yield InputError(source, f"cannot be read ({type(error).__name__}: {error})",
                         "check the file, or report it with the file attached")


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
    return Document(doc_id=doc_id, text=text, date=_checked_date(date, source or doc_id),
                    source=source or doc_id)


def _checked_date(date: str | None, source: str) -> str | None:
    """The document's date through the one check of dates (``iso_date``)."""
    if date is None:
        return None
    try:
        return check_date(date)
    except ValueError:
        raise InputError(source, f"the date {date!r} is not a real date",
                         WHAT_TO_WRITE) from None


def html_document(html: str, doc_id: str, source: str | None = None) -> Document:
    extracted = html_extract.extract_article(html)
    if extracted is None or not extracted.text.strip():
        raise InputError(
            source or doc_id, "no article text could be found in the HTML",
            "give the article page itself, or its text as .txt",
        )
    # A page's own metadata is no date the user gave: one that is not a date is dropped.
    date = extracted.date if extracted.date and is_date(extracted.date) else None
    return Document(
        doc_id=doc_id, text=extracted.text, date=date, url=extracted.url,
        title=extracted.title, outlet=extracted.outlet, source=source or doc_id,
    )


def decode_bytes(data: bytes, source: str) -> tuple[str, bool]:
    """The text, and whether it mixed UTF-8 with another encoding: UTF-16 by its marks,
    then UTF-8, then mostly UTF-8 with some legacy bytes, then the detected encoding;
    binary data is refused."""
    if not data.strip():
        raise InputError(source, "the file is empty", "give a file with text")
    utf16 = _utf16_encoding(data)
    if utf16 is not None:
        try:
            return data.decode(utf16), False
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:4096]:
        raise InputError(source, "the file is binary, not text", "give a text, JSONL or HTML file")
    try:
        return data.decode("utf-8-sig"), False
    except UnicodeDecodeError:
        pass
    if _has_utf8_sequences(data):
        # Mostly UTF-8 with some legacy bytes (a Latin-1 paragraph pasted into a UTF-8
        # file): each sequence that is not UTF-8 is read as Windows-1252, the rest as UTF-8.
        return data.decode("utf-8-sig", errors=_MIXED_ERRORS), True
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "the text encoding cannot be recognised", "save it as UTF-8")
    return str(best), False


# A multi-byte UTF-8 sequence: a lead byte and its continuation bytes.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
                            rb"|[\xf0-\xf4][\x80-\xbf]{3}")
_MIXED_ERRORS = "newsevents-cp1252"
_HIGH_BYTES = bytes(range(0x80, 0x100))


def _has_utf8_sequences(data: bytes) -> bool:
    """Whether valid multi-byte UTF-8 sequences are a fair share of the non-ASCII bytes
    (a whole Latin-1 file has next to none: "é" is one byte there, never a lead byte
    followed by a continuation byte)."""
    sequences = len(_UTF8_SEQUENCE.findall(data[:MAX_DOCUMENT_BYTES]))
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    return sequences >= 2 and sequences * 2 >= high // 4


def _mixed_bytes(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the bytes UTF-8 cannot read, as Windows-1252 (Latin-1 where
    1252 has no character)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    chunk = error.object[error.start:error.end]
    text = "".join(bytes([b]).decode("cp1252") if b not in _CP1252_HOLES else chr(b)
                   for b in chunk)
    return text, error.end


_CP1252_HOLES = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})
codecs.register_error(_MIXED_ERRORS, _mixed_bytes)


def _utf16_encoding(data: bytes) -> str | None:
    """UTF-16 by its byte-order mark, or without one by its zero bytes: mostly-Latin text
    has a zero in every other byte, all on the same side (binary data has them anywhere)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    sample = data[:4096][: len(data[:4096]) // 2 * 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd >= 0.6 * half and even == 0:
        return "utf-16-le"
    if even >= 0.6 * half and odd == 0:
        return "utf-16-be"
    return None


def document_from_record(record: Any, source: str) -> Document:
    """A JSONL record: `id`, `text`, optional `date`, `url`, `outlet`, `title`, `lang`."""
    if not isinstance(record, dict):
        raise InputError(source, "the line is not a JSON object", "write one object per line")
    text = record.get("text")
    if text is not None and not isinstance(text, str):
        raise InputError(source, f"the record's 'text' is {_json_type(text)}, not a string",
                         "give the article text as a string")
    if not isinstance(text, str) or not text.strip():
        raise InputError(source, "the record has no 'text'", "add the article text as a string")
    doc_id = record.get("id")
    if doc_id is not None and (not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool)):
        raise InputError(source, f"the record's 'id' is {_json_type(doc_id)}, not a string",
                         "give every record a string 'id'")
    if doc_id is None or str(doc_id) == "":
        raise InputError(source, "the record has no 'id'", "add a string 'id' to every record")
    if len(text.encode("utf-8", "surrogatepass")) > MAX_DOCUMENT_BYTES:
        raise document_too_large(source)
    text = without_lone_surrogates(text)  # JSON allows "\ud800"; UTF-8 and SQLite do not
    date = _optional_str(record, "date")
    if date is not None:
        date = _checked_date(date[:10], source)  # a timestamp's day: "2021-03-05T10:00Z"
    return Document(
        doc_id=without_lone_surrogates(str(doc_id)), text=text.replace("\r\n", "\n"), date=date,
        url=_optional_str(record, "url"), outlet=_optional_str(record, "outlet"),
        title=_optional_str(record, "title"), lang=_optional_str(record, "lang"), source=source,
    )


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    return without_lone_surrogates(value) if isinstance(value, str) and value.strip() else None


def _json_type(value: Any) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", list: "a list",
             dict: "an object", str: "a string"}
    return names.get(type(value), type(value).__name__)


def _read_jsonl_stream(lines: Iterable[bytes | None], source: str
                       ) -> Iterator[Document | InputError]:
    blanks = 0
    for number, line in enumerate(lines, start=1):
        if line is not None and not line.strip():
            blanks += 1
            if blanks == BLANK_RUN_LINES:  # said once per run, not silent for minutes
                yield blank_run(f"{source}:{number - blanks + 1}")
            continue
        blanks = 0
        where = f"{source}:{number}"
        if line is None:
            yield line_too_long(where)
        else:
            yield record_from_line(line, where)


def record_from_line(line: bytes, where: str) -> Document | InputError:
    """One JSONL line as a `Document`, or the `InputError` saying why it is not one."""
    try:
        record = json.loads(line.decode("utf-8", errors="replace"))
    except json.JSONDecodeError as error:
        return InputError(where, f"malformed JSON ({error.msg})", "fix or remove the line")
    except RecursionError:  # json recurses once per level: [[[[... 100,000 deep
        return InputError(where, "the JSON is nested too deeply to read",
                          "give one flat object per line")
    except ValueError:  # Python refuses integers of over 4,300 digits
        return InputError(where, "the JSON holds a number too long to read",
                          "fix or remove the line")
    try:
        return document_from_record(record, where)
    except InputError as error:
        return error


def bounded_lines(stream: IO[bytes], digest: Any = None) -> Iterator[bytes | None]:
    """The lines of `stream`, each read at most ``MAX_JSONL_LINE_BYTES`` at a time: an
    over-long line is read on to its end in chunks and given as None, so memory stays
    bounded by the limit. ``digest`` (a hashlib object) is fed every byte read."""
    limit = MAX_JSONL_LINE_BYTES
    while line := stream.readline(limit + 1):
        if digest is not None:
            digest.update(line)
        if len(line) <= limit:
            yield line
            continue
        while not line.endswith(b"\n"):
            line = stream.readline(1 << 20)
            if not line:
                break
            if digest is not None:
                digest.update(line)
        yield None


def _stdin_lines() -> Iterator[bytes | None]:
    binary = getattr(sys.stdin, "buffer", None)
    if binary is not None:
        return bounded_lines(binary)
    return (line.encode("utf-8", "surrogatepass") for line in sys.stdin)


class _GuardedGzip(io.RawIOBase):
    """A gzip file that raises `gzip_bomb` once it has given more than MAX_GZIP_RATIO
    times its compressed size (and the floor): 1 MB of gzip can hold 1 GB."""

    def __init__(self, path: Path) -> None:
        self._inner = gzip.open(path, "rb")
        self._source = display_path(path)
        self._budget = max(GZIP_FLOOR_BYTES, MAX_GZIP_RATIO * path.stat().st_size)
        self._given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        count = self._inner.readinto(buffer)
        self._given += count
        if self._given > self._budget:
            raise gzip_bomb(self._source)
        return count

    def close(self) -> None:
        self._inner.close()
        super().close()


def open_binary(path: Path) -> IO[bytes]:
    """The file's bytes, decompressed (within the ratio limit) when it ends in .gz."""
    if path.suffix == ".gz":
        return io.BufferedReader(_GuardedGzip(path), 1 << 16)
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
