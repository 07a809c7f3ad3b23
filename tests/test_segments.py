"""Cleanup, segments and language: offsets stay true, tweets carry their own date/author."""

from __future__ import annotations

import pytest

from newsevents.stages.cleanup import find_noise
from newsevents.stages.language import detect_language
from newsevents.stages.sentences import split_segments

TWEET = ("Thus far in March our partners completed 50 operations against #Daesh. Help us "
         "report #ISIS at 454 (Iraq) pic.twitter.com/GHaO0PRgm3 — OIR Spokesman Col. Wayne "
         "Marotto (@OIRSpox) March 26, 2021")


@pytest.mark.parametrize(("text", "kind", "piece"), [
    ("Temps de lecture estimé : 2 minutes\n\nTexte.", "boilerplate",
     "Temps de lecture estimé : 2 minutes"),
    ("Voir https://t.co/s6PeyD4YUB maintenant", "url", "https://t.co/s6PeyD4YUB"),
    ("update to @MilitaryTimes, about", "handle", "@MilitaryTimes"),
    ("Help us #DefeatDaesh now", "hashtag", "#DefeatDaesh"),
    ("or +9647512451273 (Syria)", "phone", "+9647512451273"),
    ("at 454 (Iraq) or", "phone", "454"),
    ("Reading time: 4 min\nBody", "boilerplate", "Reading time: 4 min"),
])
def test_noise_ranges(text: str, kind: str, piece: str) -> None:
    found = [(n.kind, text[n.start:n.end]) for n in find_noise(text)]
    assert (kind, piece) in found


def test_embedded_tweet_is_a_segment_with_its_own_date_and_author() -> None:
    text = "Le porte-parole a tweeté jeudi.\n\n" + TWEET
    segments, noise = split_segments(text)
    tweets = [s for s in segments if s.kind == "tweet"]
    assert tweets and all(s.date == "2021-03-26" for s in tweets)
    assert tweets[0].author == "OIR Spokesman Col. Wayne Marotto"
    assert tweets[0].handle == "OIRSpox" and tweets[0].language == "en"
    assert text[noise[0].start:noise[0].end].startswith("— OIR Spokesman")
    assert all(s.end <= noise[0].start for s in tweets)


@pytest.mark.parametrize(("text", "count"), [
    ("Le colonel Wayne Marotto a parlé. Le Col. Smith aussi.", 2),
    ("Les États-Unis (U.S.) ont frappé. M. Dupont a confirmé.", 2),
    ("Il a dit : « Nous avons frappé. » Puis il est parti.", 2),
    ("Trois frappes ont eu lieu! Deux autres ? Oui.", 3),
    ("J. Smith said 12 strikes hit Raqqa. Officials agreed.", 2),
    # Scraped text that lost a space; an address is not cut.
    ("Six policiers ont été tués, ont indiqué des responsables locaux.D'autres bilans "
     "font état de dix morts.", 2),
    ("Read more at www.Example.com and reuters.com/World today.", 1),
    # Nigeria: hyphenated ranks
    ("The director, Maj.-Gen. ES Buba, said ten were captured. Brig.-Gen. Ali agreed.", 2),
])
def test_sentences_respect_abbreviations(text: str, count: int) -> None:
    segments, _ = split_segments(text)
    assert len([s for s in segments if s.kind == "sentence"]) == count


def test_quotes_are_segments_spanning_sentences() -> None:
    text = ('"Le quartier général a été désactivé. Ce qui signifie la fin", a indiqué '
            "un communiqué. «Nous restons engagés», a-t-il ajouté.")
    segments, _ = split_segments(text)
    quotes = [text[s.start:s.end] for s in segments if s.kind == "quote"]
    assert quotes == ['"Le quartier général a été désactivé. Ce qui signifie la fin"',
                      "«Nous restons engagés»"]


@pytest.mark.parametrize(("text", "language"), [
    ("Les avions de la coalition ont mené plus de 150 frappes contre l'EI.", "fr"),
    ("Coalition jets conducted 312 airstrikes in support of ground operations.", "en"),
    ("Des frappes russes ont visé Idleb, selon l'OSDH.", "fr"),
    ("Houthi rebels fired dozens of missiles at Saudi Arabia.", "en"),
    ("OK", "fr"),
])
def test_language_per_segment(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_segments_never_cross_paragraphs_and_offsets_hold() -> None:
    text = "Première phrase. Deuxième phrase.\nTroisième, seule.\n\n  Quatrième.  "
    segments, _ = split_segments(text)
    for segment in segments:
        piece = text[segment.start:segment.end]
        assert "\n" not in piece and piece == piece.strip()
