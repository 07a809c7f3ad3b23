"""Composed figures (issue 15, item 4): halves after and before a scale, multiplier nouns,
decimals in words, "mil", leading zeros, and number homographs used as adjectives; invented
sentences in French and English."""

from __future__ import annotations

import pytest

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
]


@pytest.mark.parametrize(("sentence", "expected"), COMPOSED, ids=[s[:40] for s, _ in COMPOSED])
def test_composed_figures(sentence: str, expected: list[tuple[str, int | float | None]]
                          ) -> None:
    assert [(m.text, m.value) for m in find_numbers(sentence)] == expected
