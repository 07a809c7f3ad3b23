"""Attribution: speaker, role, channel and outlet, carried to the sentences they govern."""

from __future__ import annotations

from typing import Any

import pytest

from newsevents.pipeline import process_document
from newsevents.reader import text_document


def _first_claim(text: str, date: str = "2021-03-10") -> dict[str, Any]:
    claims = process_document(text_document(text, doc_id="t", date=date)).claims
    assert claims, text
    return claims[0].to_dict()


@pytest.mark.parametrize(("text", "name", "role", "channel", "outlet"), [
    ("Les frappes ont totalisé 312, a déclaré le colonel Wayne Marotto, porte-parole de la "
     "coalition militaire, dans un tweet mercredi.", "Wayne Marotto",
     "porte-parole de la coalition militaire", "tweet", None),
    ("La coalition a tué des dizaines de terroristes, rapporte cette semaine le Stars and "
     "Stripes.", None, None, None, "Stars and Stripes"),
    ("Ses opérations ont causé la mort de 2.136 civils, d'après une déclaration de "
     "l'état-major.", "état-major", None, "statement", None),
    ("Trois soldats ont été tués, a indiqué un communiqué du ministère de la Défense.",
     "ministère de la Défense", None, "communique", None),
    ("Selon l'Observatoire syrien des droits de l'homme, 27 combattants ont été tués.",
     "Observatoire syrien des droits de l'homme", None, "report", None),
    ("A US drone strike killed two al-Shabaab commanders, AFRICOM said in a statement.",
     "AFRICOM", None, "statement", None),
    ("Gunmen killed 30 villagers in Gwoza, a local official told AFP.", "local official",
     None, "statement", "AFP"),
    ("The Nigerian Air Force said its jets killed more than 50 terrorists.",
     "Nigerian Air Force", None, "statement", None),
    ("Le ministre a déclaré devant le Sénat que 35 soldats avaient été tués.", "ministre",
     None, "hearing", None),
    ("Au moins 12 policiers ont été tués, a affirmé l'émissaire américain en Irak Brett Mc "
     "Gurk.", "Brett Mc Gurk", "émissaire américain en Irak", "statement", None),
])
def test_speaker_role_channel_outlet(text: str, name: str | None, role: str | None,
                                     channel: str | None, outlet: str | None) -> None:
    claim = _first_claim(text)
    speaker = claim["speaker"] or {}
    assert speaker.get("name") == name
    if role:
        assert speaker.get("role") == role
    assert claim["channel"] == channel
    assert claim["outlet"] == outlet


def test_quote_sentences_take_the_attribution_after_the_quote() -> None:
    text = ('"Le quartier général de la coalition a été désactivé aujourd\'hui à Bagdad. Ce qui '
            'signifie la fin des opérations", a indiqué un communiqué du Commandement de la '
            "coalition.")
    claim = _first_claim(text, "2018-05")
    assert claim["speaker"]["name"] == "Commandement de la coalition"
    assert claim["channel"] == "communique"


def test_a_role_refers_back_to_the_named_speaker() -> None:
    text = ("Le secrétaire américain à la Défense Jim Mattis a annoncé jeudi que 300 soldats "
            "seront déployés en Syrie.\nLe chef du Pentagone avait confié que 50 frappes "
            "avaient visé l'EI.")
    claims = process_document(text_document(text, doc_id="t", date="2018-05-02")).claims
    assert [c.speaker["name"] if c.speaker else None for c in claims] == ["Jim Mattis"] * 2


def test_the_tweet_author_is_the_speaker_of_the_tweet() -> None:
    text = ("Coalition aircraft conducted 12 strikes against ISIS near Hajin. — OIR Spokesman "
            "Col. Myles Caggins (@OIRSpox) January 5, 2020")
    claim = _first_claim(text, "2020-01")
    assert claim["speaker"] == {"name": "Myles Caggins", "role": "OIR Spokesman"}
    assert claim["channel"] == "tweet"
    assert claim["time"]["start"] == "2020-01-01"


def test_attribution_times_and_places_are_not_the_events() -> None:
    text = ("Les avions de la coalition ont mené plus de 150 frappes près de Mossoul ce mois-ci, "
            "ont déclaré des responsables à Washington plus tôt cette semaine.")
    claim = _first_claim(text, "2021-03")
    assert [p["name"] for p in claim["places"]] == ["Mosul"]
    assert claim["time"]["text"] == "ce mois-ci"
