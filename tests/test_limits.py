"""The limits of ``newsevents.limits``: oversized documents refused by the readers with one
clear sentence; over-long segments not read for claims; mentions and claims per document
capped with a warning; invalid Unicode made valid without moving an offset."""

from __future__ import annotations

import json
import platform
import sys
from pathlib import Path

import pytest

from newsevents import heap, limits
from newsevents.errors import InputError, LimitExceeded
from newsevents.limits import TRIM_AFTER_CHARS
from newsevents.pipeline import process_document
from newsevents.reader import iter_documents, read_path
from newsevents.records import Document
from newsevents.store import Store
from tests.fuzz_support import check_result

CLAIM = "Au moins 23 soldats maliens ont été tués mardi dans une attaque près de Gao. "


def _only(path: Path) -> Document | InputError:
    items = list(read_path(path))
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize("suffix, wrap", [
    ("txt", lambda body: body),
    ("html", lambda body: f"<html><body><p>{body}</p></body></html>"),
    ("txt.gz", None),
])
def test_reader_refuses_a_document_over_the_size_limit(tmp_path: Path, suffix: str,
                                                       wrap: object) -> None:
    body = "a" * (limits.MAX_DOCUMENT_BYTES + 10)
    path = tmp_path / f"huge.{suffix}"
    if suffix.endswith(".gz"):
        import gzip

        path.write_bytes(gzip.compress(body.encode()))  # small on disk, too big inside
    else:
        path.write_text(wrap(body), "utf-8")  # type: ignore[operator]
    error = _only(path)
    assert isinstance(error, LimitExceeded)
    message = str(error)
    assert message.startswith(str(path)) and "5 MB" in message and "split it" in message
    assert message.endswith(".") and message.count(". ") == 0  # one sentence


def test_reader_refuses_an_oversized_jsonl_record_and_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    records = [{"id": "huge", "text": "é" * (limits.MAX_DOCUMENT_BYTES // 2 + 1)},
               {"id": "ok", "text": CLAIM, "date": "2023-05-10"}]
    path.write_text("\n".join(json.dumps(r) for r in records), "utf-8")
    first, second = iter_documents([str(path)])
    assert isinstance(first, LimitExceeded) and str(first).startswith(f"{path}:1:")
    assert isinstance(second, Document) and second.doc_id == "ok"


def test_document_just_under_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(CLAIM * (limits.MAX_DOCUMENT_BYTES // 2 // len(CLAIM.encode())), "utf-8")
    assert isinstance(_only(path), Document)


def test_segment_over_the_limit_is_not_read_for_claims() -> None:
    """A 'sentence' of 10,000 characters (a table dump) yields mentions, no claims."""
    dump = CLAIM.replace(". ", ", ") * (limits.MAX_SEGMENT_CHARS // len(CLAIM) + 2)
    result = process_document(Document("dump", CLAIM + "\n" + dump, date="2023-05-10"))
    check_result(result)
    assert [c.evidence["start"] for c in result.claims] == [0]  # the short sentence only
    assert any(m.start > len(CLAIM) for m in result.mentions)  # the dump is still scanned
    assert any("1 segment(s) longer than 5,000 characters" in w for w in result.warnings)


def test_figures_per_document_are_capped_with_a_warning() -> None:
    text = "1 " * (limits.MAX_MENTIONS_PER_DOCUMENT + 500)
    result = process_document(Document("figures", text))
    numbers = [m for m in result.mentions if m.kind == "number"]
    assert len(numbers) == limits.MAX_MENTIONS_PER_DOCUMENT
    assert max(m.start for m in numbers) < len(text) - 500  # the first ones are kept
    assert any("figures found, only the first 10,000 kept" in w for w in result.warnings)


def test_claims_per_document_are_capped_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("Au moins 23 soldats ont été tués près de Gao. 12 civils ont été blessés à "
            "Mopti. Trois frappes ont visé Ménaka.")
    assert len(process_document(Document("claims", text, date="2023-05-10")).claims) == 3
    monkeypatch.setattr(limits, "MAX_CLAIMS_PER_DOCUMENT", 2)
    result = process_document(Document("claims", text, date="2023-05-10"))
    assert len(result.claims) == 2
    assert any("3 claims found, only the first 2 kept" in w for w in result.warnings)


def test_capped_keeps_the_first_items_and_says_what_to_do() -> None:
    warnings: list[str] = []
    assert limits.capped([1, 2, 3], 3, "figures", "a.txt", warnings) == [1, 2, 3]
    assert warnings == []
    assert limits.capped([1, 2, 3], 2, "figures", "a.txt", warnings) == [1, 2]
    assert warnings == ["a.txt: 3 figures found, only the first 2 kept; split the document "
                        "to have the rest read."]


def test_lone_surrogates_from_jsonl_are_replaced_and_stored(tmp_path: Path) -> None:
    """JSON allows "\\ud800"; UTF-8, lingua and SQLite do not: the reader makes it U+FFFD
    (same length), so the document goes through the pipeline and into the store."""
    path = tmp_path / "surrogates.jsonl"
    path.write_text('{"id": "s\\ud800", "title": "\\udfff", "date": "2023-05-10", '
                    '"text": "Au moins 23 soldats \\ud800 ont \\udc00t\\u00e9 tu\\u00e9s '
                    'pr\\u00e8s de Gao."}\n', "utf-8")
    (doc,) = iter_documents([str(path)])
    assert isinstance(doc, Document)
    assert "\ufffd" in doc.text and not limits.has_lone_surrogates(doc.text + doc.doc_id)
    result = process_document(doc)
    check_result(result)
    store = Store(tmp_path / "s.db")
    assert store.ingest_result(result).status == "added"
    store.close()


def test_pipeline_replaces_lone_surrogates_with_a_warning() -> None:
    text = "Au moins 23 soldats \ud800 ont été tués près de Gao."
    result = process_document(Document("direct", text, date="2023-05-10"))
    assert result.document.text == text.replace("\ud800", "\ufffd")
    assert any("lone surrogates" in w for w in result.warnings)
    assert result.claims and result.claims[0].number is not None


def test_a_large_document_gives_its_freed_memory_back(monkeypatch: pytest.MonkeyPatch) -> None:
    # glibc keeps the pages a 1 MB document freed; a worker would carry them on
    released: list[int] = []

    def release_after(characters: int) -> bool:
        released.append(characters)
        return False

    monkeypatch.setattr(heap, "release_after", release_after)
    small = "Trois soldats ont été tués à Gao."
    process_document(Document("small", small))
    large = small + " " + "Des habitants ont fui la ville. " * (TRIM_AFTER_CHARS // 30)
    process_document(Document("large", large))
    assert released == [len(small), len(large)]


def test_memory_is_given_back_only_after_a_large_document() -> None:
    assert heap.release_after(TRIM_AFTER_CHARS - 1) is False
    if sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc":
        assert heap.release_after(TRIM_AFTER_CHARS) is True


def test_a_model_loads_with_large_blocks_apart_from_the_heap(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """glibc's threshold for mapping a block apart is 128 kB while a model loads (it rose
    with each freed block of the load, whose holes then stayed resident), 32 MB after."""
    settings: list[int] = []
    mallopt = heap._mallopt()
    glibc = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"
    assert (mallopt is not None) is glibc
    if mallopt is not None:
        def recording(parameter: int, value: int) -> int:
            settings.append(value)
            return mallopt(parameter, value)

        monkeypatch.setattr(heap, "_mallopt", lambda: recording)
    with heap.large_blocks_apart() as apart:
        assert apart is glibc
        assert settings == ([heap.MMAP_THRESHOLD_LOADING] if glibc else [])
    assert settings == ([heap.MMAP_THRESHOLD_LOADING, heap.MMAP_THRESHOLD_AFTER] if glibc
                        else [])
