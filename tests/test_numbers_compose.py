"""Composed figures (issue 15, item 4): halves after and before a scale, multiplier nouns,
decimals in words, "mil", leading zeros, number homographs used as adjectives, the decimal
mark by the segment's language, an article that counts one; invented sentences in French
and English."""

from __future__ import annotations

import pytest

from newsevents.pipeline import process_document
from newsevents.reader import text_document
from newsevents.records import NumberMention, Segment
from newsevents.stages.numbers import find_numbers

# (sentence, [(text, value)] of the figures it gives)
COMPOSED: list[tuple[str, list[tuple[str, int | float | None]]]] = [
    ("Un million et demi de personnes ont fui le Darfour.",
     [("Un million et demi", 1500000)]),
    ("Deux millions et demi de déplacés vivent dans des camps.",
     [("Deux millions et demi", 2500000)]),
    ("Two million and a half people have fled the region.",
     [("Two million and a half", 2500000)]),
    ("Half a million people fled Khartoum.", [("Half a million", 500000)]),
    ("Trois douzaines de soldats ont été capturés.", [("Trois douzaines", 36)]),
    ("Three dozen fighters surrendered to the army.", [("Three dozen", 36)]),
    ("Deux virgule trois millions de réfugiés ont été recensés.",
     [("Deux virgule trois millions", 2300000)]),
    ("Two point five million people need aid.", [("Two point five million", 2500000)]),
    ("Mil neuf cent vingt soldats ont été déployés.", [("Mil neuf cent vingt", 1920)]),
    ("Les forces ont saisi 05 motos et des armes.", [("05", 5)]),
    ("Un bâtiment neuf a été détruit par la frappe.", []),
    ("Neuf soldats ont été tués près de Ménaka.", [("Neuf", 9)]),
    # A dozen and half of one; an article counts one before a scale or a dozen.
    ("Une douzaine de soldats ont été enlevés.", [("Une douzaine", 12)]),
    ("A dozen soldiers were abducted on the road.", [("A dozen", 12)]),
    ("Une demi-douzaine de maisons ont brûlé à Kidal.", [("Une demi-douzaine", 6)]),
    ("Half a dozen houses burned in the raid.", [("Half a dozen", 6)]),
    # "a couple (of)" is two, loosely; "a score of" twenty; "a couple of dozen" 24.
    ("A couple of soldiers were wounded in Kandahar.", [("A couple", 2)]),
    ("A score of villagers were killed in Borno.", [("A score", 20)]),
    ("A couple of dozen fighters surrendered in Mosul.", [("A couple of dozen", 24)]),
    ("A married couple was killed in the shelling of Kharkiv.", []),
    ("Un million de personnes ont quitté la ville.", [("Un million", 1000000)]),
    ("A hundred people were evacuated from the camp.", [("A hundred", 100)]),
    ("Un demi-million de réfugiés attendent de l'aide.", [("Un demi-million", 500000)]),
    ("Trois millions et demi d'enfants ont besoin d'aide.",
     [("Trois millions et demi", 3500000)]),
    ("Three point two million children need help.", [("Three point two million", 3200000)]),
    ("Nineteen hundred troops were sent north.", [("Nineteen hundred", 1900)]),
    ("Troops seized 03 trucks and ammunition.", [("03", 3)]),
    # An adjective after a noun, even before a verb.
    ("Le pont neuf a été détruit et le marché neuf ont été touchés.", []),
    ("L'attaque a fait neuf morts dans le village.", [("neuf", 9)]),
]

# The decimal mark by the segment's language: French "2,5" and "2.500", English "2,500"
# and "2.5"; a number the language's convention cannot read is read either way.
# (sentence, language, [(text, value)])
DECIMAL_MARKS: list[tuple[str, str, list[tuple[str, int | float | None]]]] = [
    ("Plus de 2,5 millions de personnes ont fui.", "fr", [("Plus de 2,5 millions", 2500000)]),
    ("Le bilan s'élève à 2.500 morts.", "fr", [("2.500", 2500)]),
    ("On compte 1 200 blessés.", "fr", [("1 200", 1200)]),
    ("La région compte 1,300 millions d'habitants.", "fr", [("1,300 millions", 1300000)]),
    ("Quelque 1.300 millions de doses ont été livrées.", "fr",
     [("Quelque 1.300 millions", 1300000000)]),
    ("Il y a 1,234,567 déplacés selon l'ONU.", "fr", [("1,234,567", 1234567)]),
    ("More than 2,500 people were killed.", "en", [("More than 2,500", 2500)]),
    ("Some 2.5 million people fled the city.", "en", [("Some 2.5 million", 2500000)]),
    ("About 1,300 million doses were delivered.", "en", [("About 1,300 million", 1300000000)]),
    ("The toll rose to 15.523 dead.", "en", [("15.523", 15.523)]),
    ("The toll rose to 1.234.567 displaced.", "en", [("1.234.567", 1234567)]),
    ("Nearly 2,5 million people need aid.", "en", [("Nearly 2,5 million", 2500000)]),
]


@pytest.mark.parametrize(("sentence", "expected"), COMPOSED, ids=[s[:40] for s, _ in COMPOSED])
def test_composed_figures(sentence: str, expected: list[tuple[str, int | float | None]]
                          ) -> None:
    assert [(m.text, m.value) for m in find_numbers(sentence)] == expected


@pytest.mark.parametrize(("sentence", "language", "expected"), DECIMAL_MARKS,
                         ids=[s[:40] for s, _, _ in DECIMAL_MARKS])
def test_decimal_mark_by_the_segments_language(
        sentence: str, language: str, expected: list[tuple[str, int | float | None]]) -> None:
    segments = [Segment(0, len(sentence), "sentence", language)]
    found = find_numbers(sentence, segments=segments)
    assert [(m.text, m.value if m.value is not None else m.low) for m in found] == expected


def test_the_pipeline_gives_the_numbers_their_segments_language() -> None:
    text = ("Le bilan a atteint 2.500 morts et 1,5 million de déplacés.\n"
            "The death toll reached 2,500 and 1.5 million people fled.")
    result = process_document(text_document(text, "t", date="2024-01-10"))
    figures = [(m.text, m.value) for m in result.mentions if isinstance(m, NumberMention)]
    assert figures == [("2.500", 2500), ("1,5 million", 1500000), ("2,500", 2500),
                       ("1.5 million", 1500000)]


@pytest.mark.parametrize(("sentence", "measure"), [
    ("Un soldat a été tué mardi près de Gao.", "fatalities_combatants"),
    ("A soldier was killed on Tuesday near Gao.", "fatalities_combatants"),
    ("Une femme a été blessée par une balle perdue.", "injured"),
    ("An aid worker was abducted in Darfur.", "captured"),
])
def test_an_article_that_counts_is_one(sentence: str, measure: str) -> None:
    result = process_document(text_document(sentence, "t", date="2024-01-10"))
    assert [(c.to_dict()["measure"], c.to_dict()["value"]) for c in result.claims] == [
        (measure, 1)]


def test_language_at_takes_the_innermost_segment() -> None:
    from newsevents.records import language_at

    segments = [Segment(0, 100, "sentence", "fr"), Segment(10, 40, "quote", "en"),
                Segment(50, 60, "quote", "en"), Segment(100, 150, "sentence", "en")]
    at = language_at(segments)
    assert [at(p) for p in (0, 10, 39, 40, 55, 61, 99, 100, 149, 150)] == [
        "fr", "en", "en", "fr", "en", "fr", "fr", "en", "en", None]
