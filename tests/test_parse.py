"""The parse interface (stages/parse.py) in both languages: the shipped English pipeline,
the relations the claims steps rely on, offsets, and awkward input."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import OrderedDict

import pytest

from newsevents.stages import parse


def _relation(text: str, language: str, dependent: str, head: str) -> str:
    """The relation of the first token `dependent` to its head, which must be `head`."""
    sentence = parse.parse_spans(text, [(0, len(text))], language)[0]
    token = next(t for t in sentence.tokens if t.text == dependent)
    governor = sentence.head_of(token.index)
    assert governor is not None and governor.text == head, (
        dependent, governor.text if governor else None, [(t.text, t.dep, t.head)
                                                         for t in sentence.tokens])
    return token.dep


# (language, sentence, dependent, head, accepted relations): what the claims steps read.
RELATIONS = [
    ("en", "Gunmen killed 12 soldiers near Gao.", "12", "soldiers", {"nummod"}),
    ("en", "Gunmen killed 12 soldiers near Gao.", "soldiers", "killed", {"obj"}),
    ("en", "Gunmen killed 12 soldiers near Gao.", "Gunmen", "killed", {"nsubj"}),
    ("en", "Three civilians were killed by the militia.", "civilians", "killed",
     {"nsubj:pass"}),
    ("en", "Three civilians were killed by the militia.", "militia", "killed",
     {"obl:agent", "obl"}),
    ("en", "The army said that 30 fighters died.", "died", "said", {"ccomp"}),
    ("en", "Rebels attacked the base and burned the village.", "burned", "attacked",
     {"conj"}),
    ("en", "John Smith, a spokesman for the army, said nothing.", "spokesman", "John",
     {"appos"}),
    ("fr", "Les jihadistes ont tué 12 soldats près de Gao.", "12", "soldats", {"nummod"}),
    ("fr", "Les jihadistes ont tué 12 soldats près de Gao.", "soldats", "tué", {"obj"}),
    ("fr", "Les jihadistes ont tué 12 soldats près de Gao.", "jihadistes", "tué", {"nsubj"}),
    ("fr", "Trois civils ont été tués par les rebelles.", "civils", "tués", {"nsubj:pass"}),
    ("fr", "Trois civils ont été tués par les rebelles.", "rebelles", "tués", {"obl:agent"}),
    ("fr", "L'armée a indiqué que 30 combattants sont morts.", "morts", "indiqué",
     {"ccomp"}),
    ("fr", "Trois soldats et deux civils ont été tués.", "civils", "soldats", {"conj"}),
    ("fr", "Le porte-parole, Moussa Diallo, a parlé.", "Moussa", "porte-parole",
     {"appos"}),
    # Mali: a zero-padded inventory count is a number of its noun
    ("fr", "Le bilan fait état de 13 PM, 02 PKM, 01 mortier et 05 motos récupérés.",
     "02", "PKM", {"nummod"}),
    ("fr", "Le bilan fait état de 13 PM, 02 PKM, 01 mortier et 05 motos récupérés.",
     "05", "motos", {"nummod"}),
]


@pytest.mark.parametrize(("language", "text", "dependent", "head", "accepted"), RELATIONS,
                         ids=[f"{r[0]}-{r[2]}-{r[3]}" for r in RELATIONS])
def test_relations_the_claims_steps_read(language: str, text: str, dependent: str, head: str,
                                         accepted: set[str]) -> None:
    assert _relation(text, language, dependent, head) in accepted


@pytest.mark.parametrize(("language", "text", "word", "lemma"), [
    ("en", "Two soldiers were killed.", "soldiers", "soldier"),
    ("en", "Two soldiers were killed.", "killed", "kill"),
    ("fr", "Les soldats ont été tués.", "tués", "tuer"),
    ("fr", "Des civils blessés.", "civils", "civil"),
])
def test_lemmas(language: str, text: str, word: str, lemma: str) -> None:
    sentence = parse.parse_spans(text, [(0, len(text))], language)[0]
    assert next(t for t in sentence.tokens if t.text == word).lemma == lemma


def test_offsets_are_the_document_text_in_both_languages() -> None:
    text = ("Intro. Au moins 23 soldats ont été tués mardi. "
            "At least 23 soldiers were killed on Tuesday.")
    fr = (7, 46)
    en = (47, len(text))
    for span, language in ((fr, "fr"), (en, "en")):
        sentence = parse.parse_spans(text, [span], language)[0]
        assert sentence.language == language
        for token in sentence.tokens:
            assert text[token.start:token.end] == token.text
            assert span[0] <= token.start < token.end <= span[1]


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "L’armée a annoncé qu’elle avait tué l’émir d’AQMI aujourd’hui."),
    ("en", "RT @CJTFOIR: #Coalition strikes hit 12 #ISIS targets near #Mosul "
           "https://t.co/abc123 via @DefenseOne"),
    ("en", "BURKINA FASO ARMY KILLS 10 TERRORISTS AFTER MASSACRE"),
])
def test_awkward_input_parses_with_exact_offsets(language: str, text: str) -> None:
    sentence = parse.parse_spans(text, [(0, len(text))], language)[0]
    assert sentence.tokens
    assert all(text[t.start:t.end] == t.text for t in sentence.tokens)
    assert all(0 <= t.head < len(sentence.tokens) for t in sentence.tokens)


def test_a_thousand_token_line_parses() -> None:
    text = " ".join(["Les forces ont frappé 3 positions à Raqqa,"] * 125)
    sentence = parse.parse_spans(text, [(0, len(text))], "fr")[0]
    assert len(sentence.tokens) >= 1000
    assert sentence.tokens[-1].end <= len(text)


def test_one_batch_for_several_sentences_keeps_their_order() -> None:
    text = "Trois soldats ont été tués. Deux civils ont été blessés."
    first, second = parse.parse_spans(text, [(0, 27), (28, len(text))], "fr")
    assert first.tokens[0].text == "Trois" and second.tokens[0].text == "Deux"


def test_an_unknown_language_is_refused_in_one_sentence() -> None:
    with pytest.raises(ValueError, match="no parser for language 'de'"):
        parse.parse_spans("Drei Soldaten.", [(0, 14)], "de")


def test_the_english_pipeline_ships_in_the_package_with_its_licence_and_scores() -> None:
    meta = parse.english_model_meta()
    assert meta["license"] == "CC BY-SA 4.0"
    assert "UD_English-EWT" in json.dumps(meta["sources"])
    scores = meta["ewt_test_scores"]
    assert scores["pos"] >= 0.93 and scores["uas"] >= 0.84 and scores["lemma"] >= 0.95


def test_the_english_pipeline_loads_with_no_network() -> None:
    """A fresh interpreter with every socket refused still loads and parses English."""
    code = (
        "import socket\n"
        "def refuse(*a, **k):\n"
        "    raise OSError('network disabled in this test')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "from newsevents.stages import parse\n"
        "s = parse.parse_spans('Two soldiers died.', [(0, 18)], 'en')[0]\n"
        "print(len(s.tokens))\n"
    )
    env = {"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=300, check=False, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "4"


def test_past_its_permanent_words_a_model_forgets_each_batch_new_words(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The vocabulary keeps the first words it meets; later unseen ones are freed after
    their batch (a worker's memory stays bounded), and the parse is the same either way."""
    text = "Les xqzvolt ont tué 12 soldats près de Brzqwoville."
    kept = parse.parse_spans(text, [(0, len(text))], "fr")[0]
    nlp = parse._nlp("fr")
    monkeypatch.setattr(parse, "PERMANENT_WORDS", 0)
    for number in range(3):
        unseen = f"Les wqzorf{number} ont tué 12 soldats près de Vrzqk{number}ville."
        parse.parse_spans(unseen, [(0, len(unseen))], "fr")
        assert f"wqzorf{number}" not in nlp.vocab.strings
    assert parse.parse_spans(text, [(0, len(text))], "fr")[0] == kept


def test_the_english_pipeline_runs_only_the_components_whose_output_is_read() -> None:
    assert "tagger" not in parse._nlp("en").pipe_names
    assert "ner" not in parse._nlp("fr").pipe_names


def test_parse_batches_are_bounded_by_sentences_and_characters() -> None:
    # a 1 MB line's long sentences are parsed a few at a time, in order
    pieces = ["x" * 5_000] * 5 + ["short"] * 100 + ["y" * 20_000]
    groups = list(parse._batches(pieces))
    assert [p for g in groups for p in g] == pieces
    assert all(len(g) <= parse.BATCH for g in groups)
    assert all(sum(map(len, g)) <= parse.BATCH_CHARACTERS or len(g) == 1 for g in groups)


def test_the_french_lemmatizer_tables_are_compact_and_give_the_same_lemmas() -> None:
    # spaCy ships each part of speech's known lemmas as a list (a scan per new word) and
    # its form -> lemma tables as ordered dicts of lists (110 MB)
    lookups = parse._nlp("fr").get_pipe("lemmatizer").lookups
    index = lookups.get_table("lemma_index")
    assert index and all(isinstance(index[pos], frozenset) for pos in index.keys())
    assert type(lookups.get_table("lemma_lookup")) is not OrderedDict
    text = ("Ils sont allés aux yeux des chevaux, ont fait des prisonniers et les militaires "
            "maliens ont neutralisé des assaillants.")
    sentence = parse.parse_spans(text, [(0, len(text))])[0]
    lemmas = {t.text: t.lemma for t in sentence.tokens}
    # rules, exceptions and the lookup table: what spaCy's own tables give
    assert [lemmas[w] for w in ("sont", "allés", "yeux", "chevaux", "fait", "neutralisé",
                                "assaillants")] == [
        "être", "aller", "oeil", "cheval", "faire", "neutraliser", "assaillant"]


def test_a_large_parse_gives_memory_back_between_its_batches(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The activations a batch freed are given back before the next batch of a parse of
    over TRIM_AFTER_CHARS characters (a 1 MB line's peak 822 -> 769 MB); a news
    article's parse never pays for a trim."""
    from newsevents import heap

    trims: list[int] = []

    def release() -> bool:
        trims.append(1)
        return True

    monkeypatch.setattr(heap, "release", release)
    monkeypatch.setattr(parse, "TRIM_AFTER_CHARS", 1_000)
    monkeypatch.setattr(parse, "BATCH", 8)
    sentence = "Trois soldats ont été tués mardi près de Gao. "
    for count, batches in ((20, 0), (24, 3)):  # 920 characters, then 1,104
        text = sentence * count
        spans = [(at, at + len(sentence) - 1) for at in range(0, len(text), len(sentence))]
        assert len(parse.parse_spans(text, spans)) == count
        assert len(trims) == batches
