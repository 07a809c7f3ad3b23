"""Readers: every kind of input, and bad input that never stops a batch."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsevents.errors import InputError
from newsevents.pipeline import process_document
from newsevents.reader import iter_documents, text_document
from newsevents.records import Document

from .conftest import SEEDS


def _read(*paths: Path) -> tuple[list[Document], list[InputError]]:
    docs: list[Document] = []
    errors: list[InputError] = []
    for item in iter_documents([str(p) for p in paths]):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            docs.append(item)
    return docs, errors


def test_seed_date_header_is_read_and_removed() -> None:
    docs, errors = _read(SEEDS)
    assert not errors
    assert {d.doc_id: d.date for d in docs} == {
        "000_b5c6e734571c1807.txt": "2021-03", "004_3e94996991f7161a.txt": "2018-05"}
    assert all(not d.text.lstrip().startswith("date") for d in docs)


@pytest.mark.parametrize(("raw", "date", "start"), [
    (" date 2021-03 Temps de lecture", "2021-03", "Temps"),
    ("date 2018-05-14\nLa coalition", "2018-05-14", "La coalition"),
    ("Sans date, un texte.", None, "Sans date"),
    ("\ufeffdate 2020-01-02\nTexte", "2020-01-02", "Texte"),
])
def test_text_header_variants(raw: str, date: str | None, start: str) -> None:
    doc = text_document(raw, doc_id="x")
    assert doc.date == date
    assert doc.text.startswith(start)


def test_jsonl_records_and_bad_lines_in_one_batch(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Trois frappes ont visé Gao.", "date": "2021-03-05",
                    "outlet": "AFP", "url": "https://example.org/a"}),
        "{not json",
        json.dumps({"id": "b"}),
        json.dumps({"text": "no id"}),
        json.dumps(["a list"]),
        json.dumps({"id": 7, "text": "Deuxième article.", "date": "mars 2021"}),
        "",
        json.dumps({"id": "c", "text": "Un article sans date."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = _read(path)
    assert [d.doc_id for d in docs] == ["a", "c"]
    assert docs[0].outlet == "AFP" and docs[0].date == "2021-03-05"
    messages = [str(e) for e in errors]
    assert [m.split(":")[1] for m in messages] == ["2", "3", "4", "5", "6"]
    assert all(m.endswith(".") and str(path) in m for m in messages)


@pytest.mark.parametrize(("content", "problem"), [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x00\x01\x02binary\x00", "binary"),
])
def test_bad_text_files_are_reported(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    docs, errors = _read(path)
    assert not docs and problem in str(errors[0])


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("date 2020-02-02\nLes forces armées ont tué 12 djihadistes à Ménaka, "
                     "a indiqué l'état-major français dans un communiqué.".encode("latin-1"))
    docs, errors = _read(path)
    assert not errors and "Ménaka" in docs[0].text

    assert docs[0].read_warnings == ()  # one legacy encoding throughout: nothing mixed


def test_a_file_mixing_utf8_and_latin1_is_read_right_and_said(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("date 2020-02-02\nAu moins 12 soldats ont été tués près de Gao. ".encode()
                     + "Les forces armées ont riposté à Ménaka, a déclaré l'état-major."
                     .encode("latin-1"))
    docs, errors = _read(path)
    assert not errors
    assert "été tués" in docs[0].text and "armées ont riposté à Ménaka" in docs[0].text
    (warning,) = docs[0].read_warnings
    assert "mixes UTF-8 with bytes of another encoding" in warning and "mixed.txt" in warning
    result = process_document(docs[0])
    assert warning in result.warnings

def test_oversized_file_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * 5_000_001)
    _, errors = _read(path)
    assert "larger than" in str(errors[0]) and "split" in str(errors[0])


def test_directories_are_recursive_and_skip_unknown_types(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("date 2021-01\nUn texte.", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    with gzip.open(tmp_path / "b.jsonl.gz", "wt", encoding="utf-8") as stream:
        stream.write(json.dumps({"id": "g", "text": "Texte compressé."}) + "\n")
    docs, errors = _read(tmp_path)
    assert sorted(d.doc_id for d in docs) == ["a.txt", "g"]
    assert not errors


def test_missing_path_is_an_error_not_a_crash(tmp_path: Path) -> None:
    _, errors = _read(tmp_path / "nope.txt")
    assert "no such file" in str(errors[0])


def test_html_article_text_and_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Frappes au Sahel</title>"
        '<meta property="article:published_time" content="2021-03-25">'
        '<meta property="og:site_name" content="Le Journal"></head><body><nav>Menu Accueil</nav>'
        "<article><p>L'armée française a mené trois frappes aériennes près de Ménaka, "
        "tuant une dizaine de combattants, a annoncé l'état-major.</p>"
        "<p>Un second paragraphe suffisamment long pour que l'extracteur le garde comme "
        "texte principal de cet article de presse.</p></article></body></html>",
        encoding="utf-8")
    docs, errors = _read(path)
    assert not errors
    assert docs[0].date == "2021-03-25" and docs[0].outlet == "Le Journal"
    assert "Menu" not in docs[0].text and "trois frappes" in docs[0].text
