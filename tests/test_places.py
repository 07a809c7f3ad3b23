"""Places stage: seed-article places, French and English sentences across conflicts, and
the labelled set scored at exact place, admin1 and country level."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.records import Noise
from newsevents.stages.places import (
    find_places,
    is_dateline,
    is_speaker_seat,
    lookup_place,
    names_several_regions,
)

SEED = (
    "la coalition dirigée par les États-Unis a mené plus de frappes aériennes en Irak. "
    "Les avions de la coalition ont mené plus de 150 frappes contre des combattants de "
    "l’Etat islamique dans les montagnes au sud de Mossoul ce mois-ci. "
    "a déclaré le colonel Wayne Marotto, porte-parole de la coalition militaire. "
    "GND ops Ready Lion in the far Makhmour MTN. #DefeatDaesh "
    "Thus far in March our partners in Iraq & Syria completed 50 operations. "
    "pourparlers entre Bagdad et Washington. fermeture à Baghdad. "
    "un nouvel effort dans la vallée de l'Euphrate dans les jours qui viennent."
)


def _by_text(text: str) -> dict[str, tuple[str, str | None, str]]:
    return {m.text: (m.name, m.country, m.precision) for m in find_places(text)}


def test_seed_article_places() -> None:
    found = _by_text(SEED)
    assert found["États-Unis"] == ("United States", "US", "country")
    assert found["Irak"] == ("Iraq", "IQ", "country")
    assert found["les montagnes au sud de Mossoul"] == ("Mosul", "IQ", "near")
    assert found["Makhmour MTN"] == ("Makhmur", "IQ", "region")
    assert found["Iraq"] == ("Iraq", "IQ", "country")
    assert found["Syria"] == ("Syria", "SY", "country")
    assert found["Bagdad"] == ("Baghdad", "IQ", "exact")
    assert found["Baghdad"] == ("Baghdad", "IQ", "exact")
    assert found["Washington"][1] == "US"
    assert found["la vallée de l'Euphrate"] == ("Euphrates Valley", "SY", "region")
    assert not any("Wayne" in text or "Marotto" in text for text in found)


def test_offsets_point_into_the_text() -> None:
    for mention in find_places(SEED):
        assert SEED[mention.start:mention.end] == mention.text


def test_makhmur_carries_admin1_and_coordinates() -> None:
    (mention,) = [m for m in find_places("in the far Makhmour MTN.") if m.name == "Makhmur"]
    assert mention.admin1 == "Erbil"
    assert mention.lat == pytest.approx(35.78, abs=0.05)
    assert mention.lon == pytest.approx(43.58, abs=0.05)


def test_noise_ranges_are_skipped() -> None:
    text = "Report #ISIS at https://t.co/Mosul or @Kabul, strikes in Syria"
    noise = [Noise(16, 33, "url")]
    assert [m.name for m in find_places(text, noise=noise)] == ["Syria"]


@pytest.mark.parametrize(("name", "country", "expected"), [
    ("Mossoul", None, "Mosul"), ("Bagdad", None, "Baghdad"), ("Alep", None, "Aleppo"),
    ("Tombouctou", None, "Timbuktu"), ("Irak", None, "Iraq"), ("Somalie", None, "Somalia"),
    ("Kaboul", None, "Kabul"), ("Mogadiscio", None, "Mogadishu"), ("Kiev", None, "Kyiv"),
    ("Gao", "ML", "Gao"), ("Ménaka", None, "Menaka"), ("Hodeïda", None, "Hodeidah"),
])
def test_lookup_place(name: str, country: str | None, expected: str) -> None:
    mention = lookup_place(name, country)
    assert mention is not None and mention.name == expected
    assert (mention.start, mention.end) == (0, len(name))


def test_speaker_seat() -> None:
    text = "Les frappes près de Mossoul, a annoncé Bagdad."
    mentions = {m.name: m for m in find_places(text)}
    assert mentions["Mosul"].precision == "near"
    assert is_speaker_seat(text, mentions["Baghdad"])
    assert not is_speaker_seat(text, mentions["Mosul"])


LABELLED = Path(__file__).parent / "data" / "places_labelled.jsonl"
# Floors just under the figures reached when the set was written (213 mentions: exact,
# admin1 and country 0.986, precision 0.986, no false place); a drop below them fails.
FLOORS = {"exact": 0.97, "admin1": 0.97, "country": 0.97, "precision": 0.96}
MAX_FALSE_PLACES = 3


def _score_labelled() -> tuple[dict[str, float], int, int]:
    hits = {"exact": 0, "admin1": 0, "country": 0, "precision": 0}
    total = false_places = 0
    for line in LABELLED.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        predicted = find_places(record["sentence"])
        matched = set()
        for gold in record["places"]:
            total += 1
            found = [p for p in predicted if p.start < gold["end"] and gold["start"] < p.end]
            if not found:
                continue
            place = found[0]
            matched.add(place)
            same_country = place.country == gold["country"]
            exact = same_country and place.name == gold["name"]
            hits["country"] += same_country
            hits["exact"] += exact
            hits["admin1"] += same_country and place.admin1 == gold["admin1"]
            hits["precision"] += exact and place.precision == gold["precision"]
        false_places += sum(1 for p in predicted if p not in matched)
    return {k: v / total for k, v in hits.items()}, total, false_places


def test_labelled_set_scores_above_floors() -> None:
    figures, total, false_places = _score_labelled()
    print(f"\nplaces labelled set: {total} mentions, false places {false_places}, "
          + ", ".join(f"{k} {v:.3f}" for k, v in figures.items()))
    assert total >= 200
    assert false_places <= MAX_FALSE_PLACES
    for level, floor in FLOORS.items():
        assert figures[level] >= floor, (level, figures[level])


def test_every_curated_alias_resolves() -> None:
    from newsevents.gazetteer.loading import load_gazetteer

    assert load_gazetteer().unresolved == []


@pytest.mark.parametrize("sentence", [
    "Le colonel Wayne Marotto a précisé que les frappes visaient des grottes.",
    "Mission impossible pour Jordan Bardella, selon l'AFP.",
    "The Independent reported that Victoria Nuland met Jake Sullivan.",
    "Des combats ont éclaté, selon Reuters et Human Rights Watch.",
    "Help us defeat Daesh, report ISIS in your area.",
    # a continent in a group's name is no admin area that bears it (Al Mahdiyah, "Africa")
    "Fighters of the Islamic State West Africa Province surrendered to troops.",
])
def test_people_and_common_words_are_not_places(sentence: str) -> None:
    assert find_places(sentence) == []


@pytest.mark.parametrize(("text", "place", "expected"), [
    ("BANGKOK: A Myanmar military airstrike killed ten civilians.", "BANGKOK", True),
    ("MAIDUGURI, Nigeria — Gunmen killed five.", "MAIDUGURI", True),
    ("Gao (AFP) - Des hommes armés ont tué deux civils.", "Gao", True),
    ("KHARKIV – Russian missiles hit the city.", "KHARKIV", True),
    ("Niger : attaque contre une position de l'armée.", "Niger", False),  # the country
    ("Gunmen attacked Maiduguri: ten people died.", "Maiduguri", False),  # mid-line
])
def test_a_dateline_is_where_the_story_is_filed(text: str, place: str, expected: bool) -> None:
    mention = next(m for m in find_places(text) if m.text == place)
    assert is_dateline(text, mention) is expected


@pytest.mark.parametrize(("text", "name", "country"), [
    # Regions a conflict is named after, which the gazetteer lacks or names otherwise
    ("Les combats se poursuivent au Haut-Karabakh.", "Nagorno-Karabakh", "AZ"),
    ("Fighting resumed in Nagorno-Karabakh on Sunday.", "Nagorno-Karabakh", "AZ"),
    ("Des miliciens ont attaqué un village de l'Ituri.", "Ituri", "CD"),
    ("Des affrontements ont éclaté dans l'État du Nil Bleu.", "Blue Nile", "SD"),
    ("A drone strike hit a compound in North Waziristan.", "Waziristan", "PK"),
])
def test_conflict_regions(text: str, name: str, country: str) -> None:
    assert [(p.name, p.country) for p in find_places(text)] == [(name, country)]


@pytest.mark.parametrize(("text", "name", "country"), [
    # Nigeria: a common word with a capitalised admin term is the state of that name
    ("Gunmen burnt down a house in Emohua, Rivers State.", "Rivers", "NG"),
    ("Militants blew up a pipeline in Delta State on Tuesday.", "Delta", "NG"),
    ("Militants blew up a pipeline in Delta state on Tuesday.", "Delta", "NG"),
])
def test_a_common_word_titled_as_an_admin_area_is_that_area(text: str, name: str,
                                                            country: str) -> None:
    assert (name, country) in [(p.name, p.country) for p in find_places(text)]


@pytest.mark.parametrize("text", [
    # Mali, Burkina Faso: a settlement or admin noun vouches for a small town of the
    # gazetteer as "in" does, even when the article names another country
    "Chadian peacekeepers were ambushed in the area of Molodo.",
    "Des casques bleus tchadiens ont été attaqués dans le village de Molodo.",
    "Gunmen from Niger killed two herders in the area of Molodo.",
])
def test_a_settlement_noun_vouches_for_a_small_town(text: str) -> None:
    assert ("Molodo", "ML") in [(p.name, p.country) for p in find_places(text)]


def test_a_bracket_whose_last_name_is_only_a_town_there_names_no_country() -> None:
    # Libya: a coder's region ("West") is a small town of Texas, as is a Tripoli; the
    # bracket's last name must be an area holding the others for that country to win
    places = find_places("On 3 May 2020, LNA forces shelled the Abu Salim district "
                         "(Tripoli, West).")
    assert ("Tripoli", "LY") in [(p.name, p.country) for p in places]
    assert "US" not in {p.country for p in places}


@pytest.mark.parametrize("text", [
    # Mozambique: a town the gazetteer knows only elsewhere, placed by the country named
    # right after it, is in that country (not Palma de Majorque)
    "Des insurgés ont lancé une attaque contre la ville de Palma, dans le nord du Mozambique.",
    "Insurgents attacked the town of Palma in northern Mozambique.",
])
def test_a_town_placed_by_the_country_after_it_is_in_that_country(text: str) -> None:
    places = find_places(text)
    assert ("Palma", "MZ") in [(p.name, p.country) for p in places]
    assert "ES" not in {p.country for p in places}


@pytest.mark.parametrize("text", [
    # Mozambique: the province named right after a town places it too
    "Insurgents attacked Palma, in Cabo Delgado province, on Wednesday.",
    "Des insurgés ont attaqué Palma, dans la province de Cabo Delgado.",
])
def test_a_town_placed_by_the_area_after_it_is_in_that_area(text: str) -> None:
    first = find_places(text)[0]
    assert (first.name, first.country, first.precision) == ("Palma", "MZ", "admin1")


def test_a_town_of_the_country_after_it_keeps_its_entry() -> None:
    # Lebanon: "Tyre, southern Lebanon" is the Tyre of Lebanon, located
    places = find_places("An Israeli strike killed 12 people in Tyre, southern Lebanon.")
    assert (places[0].name, places[0].country, places[0].precision) == ("Tyre", "LB", "exact")


def test_a_generic_word_opening_a_name_is_no_town() -> None:
    # Sudan, Morocco: "Jebel" of "Jebel Silk" is not Jebel, Turkmenistan; a whole name
    # that begins with such a word still resolves
    places = find_places("Gunmen abducted five crew members near Jebel Silk, west of Murnei "
                         "in West Darfur.")
    assert {p.country for p in places} == {"SD"}
    places = find_places("Des hommes armés ont attaqué un convoi près de Oued Zem.")
    assert [(p.name, p.country) for p in places] == [("Oued Zem", "MA")]


def test_an_english_department_is_an_admin_area() -> None:
    # Burkina Faso: "the department of X" names the area around a town of no population
    places = find_places("Troops raided a camp in the department of Oursi.")
    assert [(p.name, p.country, p.precision) for p in places] == [("Oursi", "BF", "admin2")]


@pytest.mark.parametrize(("text", "name"), [
    # Mali: both ends of a stretch lie in the bracket's areas
    ("JNIM militants ambushed Wagner mercenaries between Boni and Dallah (Douentza, Mopti).",
     "Boni"),
    ("Des militaires ont enlevé dix civils entre Tonka et Goundam (Goundam, Tombouctou).",
     "Tonka"),
])
def test_the_first_end_of_a_stretch_is_placed_by_its_bracket(text: str, name: str) -> None:
    found = [p for p in find_places(text) if p.name == name]
    assert found and found[0].country == "ML", find_places(text)


@pytest.mark.parametrize(("text", "name", "country"), [
    # DR Congo: the area around a town is the town's, not the province it lies in
    ("Les ADF ont tué 10 civils dans la région de Beni, dans l'est de la RDC.", "Beni", "CD"),
    # Niger: a region named after its town is the region
    ("Des soldats ont été tués dans la région de Tillabéri.", "Tillaberi", "NE"),
    # Ukraine: in English
    ("Drones hit the region of Poltava overnight.", "Poltava", "UA"),
])
def test_the_region_of_a_town(text: str, name: str, country: str) -> None:
    found = find_places(text)
    assert (found[0].name, found[0].country) == (name, country)


@pytest.mark.parametrize(("text", "country"), [
    # Ukraine: several regions named by the country's adjective are the country
    ("Russia launched 27 drones over five Ukrainian regions overnight.", "UA"),
    ("Des drones ont frappé plusieurs régions ukrainiennes dans la nuit.", "UA"),
    # Nigeria: the same with states
    ("Bandits attacked villages in three Nigerian states.", "NG"),
])
def test_several_regions_of_a_country_are_the_country(text: str, country: str) -> None:
    regions = [p for p in find_places(text) if names_several_regions(p)]
    assert [p.country for p in regions] == [country]
