"""Direction of bare weekdays, day-months and months from the clause that governs them
(issue 15, item 1): tables of invented sentences in French and English, each with a
publication date and the expected TIMEX3 value; the parse is asked once per document and
language, for the sentences holding such an expression only, and a caller's parses are
reused."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from newsevents.records import Segment
from newsevents.stages import parse
from newsevents.stages.dates import find_times, sentences_to_parse
from newsevents.stages.parse import ParsedSentence
from newsevents.stages.sentences import split_segments
from newsevents.stages.timex.clause import tense_table

# (text, publication date, expected text, value)
Row = tuple[str, str, str, str]
FRENCH: list[Row] = [
    # A future, periphrastic or not, points forward; an adverb in between changes nothing.
    ("Le président va probablement se rendre jeudi à Gao.", "2024-05-13", "jeudi",
     "2024-05-16"),
    # A conditional points forward, even where the tagger reads it as an imperfect.
    ("Les négociations reprendraient mardi à Doha, selon une source diplomatique.",
     "2024-05-16", "mardi", "2024-05-21"),
    ("Selon l'ONU, les pourparlers reprendraient le 3 novembre.", "2024-05-13",
     "le 3 novembre", "2024-11-03"),
    ("Le ministre a annoncé que les élections auraient lieu en décembre.", "2024-05-13",
     "décembre", "2024-12"),
    # ... but a past conditional is done ("aurait été tué", "serait mort": reported, past).
    ("Le chef rebelle aurait été tué mardi dans une frappe.", "2024-05-16", "mardi",
     "2024-05-14"),
    ("Le chef rebelle serait mort lundi dans une frappe.", "2024-05-15", "lundi",
     "2024-05-13"),
    # A clause after "avant que" comes after its main clause.
    ("Les habitants fuient avant que les combats ne reprennent samedi.", "2024-05-16",
     "samedi", "2024-05-18"),
    # Deadlines point forward; in a past clause they stay in the past.
    ("Les rebelles ont jusqu'à vendredi pour déposer les armes.", "2024-05-13", "vendredi",
     "2024-05-17"),
    ("Les troupes s'étaient retirées de la ville jusqu'à vendredi.", "2024-05-15",
     "vendredi", "2024-05-10"),
    # A verb of intent or obligation over the infinitive.
    ("L'armée espère reprendre la ville d'ici mars.", "2024-05-13", "mars", "2025-03"),
    ("Les soldats doivent évacuer la base samedi.", "2024-05-15", "samedi", "2024-05-18"),
    ("Les combattants s'apprêtent à lancer l'assaut dimanche.", "2024-05-15", "dimanche",
     "2024-05-19"),
    # A compound past the tagger does not label as one.
    ("Quatre soldats sont morts mercredi dans une embuscade.", "2024-05-20", "mercredi",
     "2024-05-15"),
    ("Kharkiv a été la cible d'une attaque le 25 mai.", "2024-05-20", "le 25 mai",
     "2023-05-25"),
    # "vient de": just done.
    ("Le convoi vient de quitter Gao jeudi.", "2024-05-13", "jeudi", "2024-05-09"),
    # An appointment fixed in the past is still to come.
    ("La conférence de paix a été fixée à lundi.", "2024-05-15", "lundi", "2024-05-20"),
    # The present: the nearest such day, before or after.
    ("Le Premier ministre se rend vendredi à Niamey.", "2024-05-15", "vendredi",
     "2024-05-17"),
    # "depuis": a period already begun, whatever the tense.
    ("Depuis dimanche, les habitants fuient la ville.", "2024-05-17", "Depuis dimanche",
     "2024-05-12"),
    # A verbless headline takes the tense of its lead.
    ("Sommet de la Cédéao samedi à Abuja\n\nLes chefs d'État ouest-africains se retrouveront"
     " à Abuja pour discuter de la crise.", "2024-05-15", "samedi", "2024-05-18"),
    ("Nouvelle attaque jihadiste dimanche près de Gao\n\nDes hommes armés ont attaqué un poste"
     " de l'armée.", "2024-05-17", "dimanche", "2024-05-12"),
]

ENGLISH: list[Row] = [
    ("The talks could resume on Tuesday in Doha.", "2024-05-16", "Tuesday", "2024-05-21"),
    ("Officials said the vote would take place on Sunday.", "2024-05-15", "Sunday",
     "2024-05-19"),
    ("Without the warning, the convoy would have left on Sunday.", "2024-05-15", "Sunday",
     "2024-05-12"),
    ("Troops must leave the town by Friday.", "2024-05-13", "Friday", "2024-05-17"),
    ("The rebels have until Friday to lay down their arms.", "2024-05-13", "Friday",
     "2024-05-17"),
    ("The army had withdrawn from the town by Friday.", "2024-05-15", "Friday", "2024-05-10"),
    ("The president meets his Ukrainian counterpart on Thursday.", "2024-05-14", "Thursday",
     "2024-05-16"),
    ("Elections are due in March.", "2024-05-13", "March", "2025-03"),
    ("Fighting broke out in the capital in December.", "2024-05-13", "December", "2023-12"),
    ("The minister is expected to visit Bamako on Monday.", "2024-05-15", "Monday",
     "2024-05-20"),
    ("A ceasefire is set to take effect on Saturday.", "2024-05-15", "Saturday", "2024-05-18"),
    ("Rebels are preparing to attack the town on Sunday.", "2024-05-15", "Sunday",
     "2024-05-19"),
    ("Ceasefire talks on Thursday in Cairo\n\nNegotiators will meet in Cairo to discuss a"
     " truce.", "2024-05-13", "Thursday", "2024-05-16"),
]

needs_english = pytest.mark.skipif(not parse.available("en"),
                                   reason="no English parser installed (make model-en)")


def _value(text: str, date: str, expected_text: str, segments: Sequence[Segment] = ()) -> str:
    mentions = [m for m in find_times(text, date, segments) if m.text == expected_text]
    assert mentions, f"{expected_text!r} not found in {text!r}"
    return mentions[0].value


@pytest.mark.parametrize(("text", "date", "expected_text", "value"), FRENCH)
def test_french_direction_from_the_clause(text: str, date: str, expected_text: str,
                                          value: str) -> None:
    assert _value(text, date, expected_text) == value


@needs_english
@pytest.mark.parametrize(("text", "date", "expected_text", "value"), ENGLISH)
def test_english_direction_from_the_clause(text: str, date: str, expected_text: str,
                                           value: str) -> None:
    assert _value(text, date, expected_text) == value


@pytest.mark.parametrize(("text", "date", "expected_text", "value"), [
    FRENCH[-2], FRENCH[1],
    pytest.param(*ENGLISH[-1], marks=needs_english),
])
def test_pipeline_segments_give_the_same_direction(text: str, date: str, expected_text: str,
                                                   value: str) -> None:
    segments, _ = split_segments(text, "fr")
    assert _value(text, date, expected_text, segments) == value


@pytest.mark.parametrize(("form", "lemma", "mood"), [
    ("reprendraient", "reprendre", "Cnd"), ("attaquerait", "attaquer", "Cnd"),
    ("irait", "aller", "Cnd"), ("reviendraient", "revenir", "Cnd"),
    ("mènerait", "mener", "Cnd"), ("tirera", "tirer", "Fut"), ("seront", "être", "Fut"),
    ("attaquait", "attaquer", "Imp"), ("déclarait", "déclarer", "Imp"),
    ("mourait", "mourir", "Imp"), ("employaient", "employer", "Imp"),
    ("fait", "faire", None), ("plaît", "plaire", None), ("connaît", "connaître", None),
    ("tira", "tirer", None), ("sait", "savoir", None),
])
def test_french_tense_by_the_form(form: str, lemma: str, mood: str | None) -> None:
    """The tagger reads conditionals and imperfects as presents or imperfects: the form
    (future stem or imperfect ending) tells them apart."""
    assert tense_table("fr").tense_by_form(form, lemma) == mood


@needs_english
def test_one_batch_per_language_for_the_bare_sentences_only(
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("Les rebelles ont attaqué Gao hier.\n\nLe ministre se rendra lundi à Gao. "
            "Le bilan est lourd. Les renforts arriveront en juin.\n\n"
            "Officials said talks would resume on Tuesday. The toll rose yesterday.")
    segments, _ = split_segments(text, "fr")
    calls: list[tuple[str, list[str]]] = []
    real = parse.parse_spans

    def counting(text: str, spans: Sequence[tuple[int, int]],
                 language: str = "fr") -> list[ParsedSentence]:
        calls.append((language, [text[a:b].strip() for a, b in spans]))
        return real(text, spans, language)

    monkeypatch.setattr(parse, "parse_spans", counting)
    monkeypatch.setattr(parse, "available", lambda language: True)
    values = {m.text: m.value for m in find_times(text, "2024-05-15", segments)}
    assert values["lundi"] == "2024-05-20" and values["Tuesday"] == "2024-05-21"
    assert sorted(calls) == [
        ("en", ["Officials said talks would resume on Tuesday."]),
        ("fr", ["Le ministre se rendra lundi à Gao.",
                "Les renforts arriveront en juin."]),
    ]


def test_a_callers_parse_is_reused(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pipeline's way: ask which sentences, parse them with its own, pass them back."""
    text = ("Point de presse mardi à Doha\n\nLes négociations reprendraient à Doha. "
            "Le bilan est lourd.")
    segments, _ = split_segments(text, "fr")
    wanted = sentences_to_parse(text, "2024-05-16", segments)
    assert {language: [text[a:b] for a, b in spans] for language, spans in wanted.items()} \
        == {"fr": ["Point de presse mardi à Doha", "Les négociations reprendraient à Doha."]}
    given = {sentence.start: sentence for sentence in parse.parse_spans(text, wanted["fr"])}

    def refuse(*args: object, **kwargs: object) -> list[ParsedSentence]:
        raise AssertionError("parsed again")

    monkeypatch.setattr(parse, "parse_spans", refuse)
    mentions = find_times(text, "2024-05-16", segments, parsed=given)
    assert [m.value for m in mentions] == ["2024-05-21"]


def test_no_parse_without_a_date_to_use_it(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> list[ParsedSentence]:
        raise AssertionError("parsed for nothing")

    monkeypatch.setattr(parse, "parse_spans", refuse)
    assert [m.value for m in find_times("Il viendra lundi.", None)] == ["XXXX-WXX-1"]
    assert [m.value for m in find_times("Il viendra lundi.", "2024")] == ["2024"]
