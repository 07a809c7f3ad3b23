"""Places decided by their context: admin hierarchies in brackets, adjectives of nationality,
"la capitale" / "the capital", other countries' towns of the same name, and a claim's
fallback place. Sentences written for these tests, French and English, several conflicts."""

from __future__ import annotations

from newsevents.pipeline import process_document
from newsevents.reader import text_document
from newsevents.records import PlaceMention
from newsevents.stages.claims.slots import dominant_country
from newsevents.stages.places import country_place, find_places


def _found(text: str) -> dict[str, tuple[str, str | None, str]]:
    return {m.text: (m.name, m.country, m.precision) for m in find_places(text)}


def _countries(text: str) -> set[str | None]:
    return {m.country for m in find_places(text)}


def test_bracket_country_decides_the_name_before_it() -> None:
    # "Kobe (Gao, Gao)" is a Malian village, not Kobe, Japan; Gao is both town and region
    found = _found("Des hommes armés ont attaqué un poste de contrôle à Kobe (Gao, Gao) mardi.")
    assert found["Kobe"] == ("Kobe", "ML", "admin2")
    assert found["Gao"][1] == "ML"
    assert _countries("Militiamen fired on a convoy in Niala (Djenne, Mopti) on Sunday.") == {"ML"}


def test_bracket_last_name_is_the_admin1() -> None:
    found = _found("On 3 May, herders clashed with farmers in Dassari (Materi, Atacora).")
    assert found["Materi"] == ("Materi", "BJ", "exact")
    assert found["Atacora"][1:] == ("BJ", "admin1")
    found = _found("Une mine a tué trois civils près de Sabewa (Bouar, Nana-Mambere).")
    assert found["Bouar"][1] == "CF"
    assert found["Nana-Mambere"][2] == "admin1"


def test_bracket_with_a_country_phrase() -> None:
    found = _found("Les combats ont repris à Tessalit (nord du Mali) lundi soir.")
    assert found["Tessalit"] == ("Tessalit", "ML", "exact")


def test_french_admin_area_names_without_their_prefix() -> None:
    # GeoNames writes "Province du Loroum", "Province du Bam": the name is Loroum, Bam
    found = _found("L'attaque a eu lieu dans la province du Loroum, au Burkina Faso.")
    assert found["la province du Loroum"] == ("Loroum", "BF", "admin1")
    found = _found("Dix soldats ont été tués dans la province du Bam, dans le nord du Burkina.")
    assert found["la province du Bam"][:2] == ("Bam", "BF")


def test_adjective_of_nationality_vouches_for_a_small_town() -> None:
    assert _found("Gunmen killed two farmers in Kerou, the Beninese army said.")["Kerou"][1] == "BJ"
    found = _found("Des assaillants ont tué deux gendarmes à Kérou, selon l'armée béninoise.")
    assert found["Kérou"][1] == "BJ"


def test_the_capital_is_the_capital_of_the_country_meant() -> None:
    found = _found("Des tirs ont été entendus dans la capitale malienne dans la nuit.")
    assert found["la capitale malienne"] == ("Bamako", "ML", "exact")
    found = _found("Clashes spread to the Sudanese capital on Saturday.")
    assert found["the Sudanese capital"] == ("Khartoum", "SD", "exact")
    found = _found("Au Tchad, des soldats ont été déployés dans la capitale après l'attaque.")
    assert found["la capitale"] == ("N'Djamena", "TD", "exact")
    # an economic capital is not the capital
    assert "the economic capital" not in _found("Mutineers took the economic capital of Burkina.")


def test_other_spellings_of_far_towns_are_not_taken() -> None:
    # "Tori" and "Bale" are other spellings of Turin and Basel, not places in Nigeria
    countries = _countries("Troops cleared Tori and Bale villages in Borno State, Nigeria.")
    assert countries <= {"NG"}


def test_small_town_of_another_theatre_is_not_taken() -> None:
    countries = _countries("Gunmen attacked Solhan in northern Burkina Faso, killing 100.")
    assert "TR" not in countries


def test_country_place() -> None:
    place = country_place("BJ")
    assert place is not None and (place.name, place.precision) == ("Benin", "country")
    assert country_place("XX") is None


def _place(start: int, name: str, country: str, precision: str) -> PlaceMention:
    return PlaceMention(start=start, end=start + len(name), text=name, name=name,
                        country=country, admin1=None, lat=0.0, lon=0.0, precision=precision)


def test_fallback_place_is_the_first_place_of_the_main_country() -> None:
    places = [_place(10, "Paris", "FR", "exact"), _place(40, "Kidal", "ML", "exact"),
              _place(80, "Mali", "ML", "country")]
    fallback = dominant_country(places)
    assert fallback is not None and fallback.name == "Kidal"
    assert dominant_country([]) is None


def _claim_countries(text: str) -> set[str]:
    claims = process_document(text_document(text, doc_id="t", date="2020-03-01")).claims
    # a country the text never names is an empty span, never a span that is not its text
    assert all(text[p.start:p.end] == p.text for c in claims for p in c.places)
    return {p["country"] for c in claims for p in c.to_dict()["places"]}


def test_an_article_naming_no_place_takes_the_country_of_its_own_forces() -> None:
    # no place named: the country whose forces or people the text names, a theatre of war
    assert _claim_countries("Beninese soldiers clashed with pirates, killing two.") == {"BJ"}
    assert _claim_countries("Armed Burkinabe assailants killed three herders.") == {"BF"}
    # a foreign expedition's state says nothing of where it fights
    assert _claim_countries("French jets struck a convoy of militants, killing 7.") == set()


def test_an_article_naming_no_state_takes_the_country_its_armed_groups_fight_in() -> None:
    # a group of one theatre sets its unlisted village: Boko Haram in Nigeria, the Houthis
    # in Yemen; a group of several (JNIM: Mali, Burkina Faso, Niger) sets none
    assert _claim_countries("Boko Haram fighters stormed Gwandara village, killing "
                            "three farmers.") == {"NG"}
    assert _claim_countries("Les houthis ont tiré deux missiles sur le village de "
                            "Beit Mahdi, tuant un civil.") == {"YE"}
    assert _claim_countries("JNIM militants killed two herders in Doutenga village.") <= \
        {None}


def test_one_known_name_of_a_bracket_decides_nothing() -> None:
    # Topia is a Mexican town; the Central African sub-prefecture of that name is unknown
    assert "MX" not in _countries("Des rebelles ont pillé Bombo (Topia, Gadzi) jeudi.")


def test_bracket_of_an_unknown_village() -> None:
    # a village the gazetteer lacks, placed by its sub-prefecture and prefecture
    found = _found("Gunmen attacked Ouandago (Batangafo, Ouham) on Monday.")
    assert found["Ouham"][1:] == ("CF", "admin1")
    # the village keeps its own name, located no better than its sub-prefecture
    assert found["Ouandago"] == ("Ouandago", "CF", "admin2")
    village = next(m for m in find_places("Gunmen attacked Ouandago (Batangafo, Ouham).")
                   if m.text == "Ouandago")
    batangafo = next(m for m in find_places("Batangafo"))
    assert (village.lat, village.lon, village.geonameid) == (batangafo.lat, batangafo.lon, None)
    found = _found("Des soldats ont été tués dans une embuscade près de Nguia-Bouar "
                   "(Baboua, Nana-Mambere) lundi.")
    assert found["Nguia-Bouar"][1:] == ("CF", "admin2")
    found = _found("In Kengue (Bede, Batangafo, Ouham), rebels clashed with the army.")
    assert found["Kengue"][1:] == ("CF", "admin2")
    assert "In Kengue" not in found


def test_one_town_in_brackets_places_a_name_only_after_a_locative() -> None:
    assert _found("Gunmen attacked a market in Tassiga (Gao) on Monday.")["Tassiga"][1] == "ML"
    # an acronym before a country in brackets is a body
    assert "FDS" not in _found("The FDS (Niger) repelled an attack near Tillaberi.")


def test_no_place_before_a_bracket_that_is_an_acronym_or_lists_nothing() -> None:
    # "(FAMa)" spells out the army's name; "(JNIM)" names no place at all
    found = _found("Les Forces Armées Maliennes (FAMa) ont repoussé une attaque à Boni.")
    assert "Forces Armées Maliennes" not in found
    found = _found("The Group for the Support of Islam and Muslims (JNIM) attacked Djibo.")
    assert set(found) == {"Djibo"}


def test_weapons_named_like_places() -> None:
    text = "Fighters fired a Rocket-Propelled Grenade and Grad rockets at the base."
    assert not _countries(text) & {"GD", "SI"}


def test_settlement_the_gazetteer_lacks_is_a_place_without_coordinates() -> None:
    # the noun makes the name a place; the article's country is its country
    found = _found("Des hommes armés ont attaqué le village de Dangoussar, au Bénin, dimanche.")
    assert found["Dangoussar"] == ("Dangoussar", "BJ", "unlocated")
    village = next(m for m in find_places("Gunmen raided Gadzama village in Borno, Nigeria.")
                   if m.text == "Gadzama")
    assert (village.country, village.lat, village.lon) == ("NG", None, None)
    found = _found("On 3 May, militants abducted two herders in the area of Yeritaga, "
                   "Burkina Faso.")
    assert found["Yeritaga"][1:] == ("BF", "unlocated")
    found = _found("Des soldats ont été tués dans la localité de Tin-Hama, au Mali.")
    assert found["Tin-Hama"][1] == "ML"
    # an event coder's note names its location: "coded to X", "coded as X"
    found = _found("An IED exploded in Kofounou, coded to Kerou, in northern Benin.")
    assert found["Kerou"][1] == "BJ"
    found = _found("An IED detonated between two villages (coded as Tayaret) in Burkina Faso.")
    assert found["Tayaret"] == ("Tayaret", "BF", "unlocated")


def test_settlement_nouns_do_not_make_bodies_or_known_towns_unlocated() -> None:
    # an acronym before "camp" is a body; a known town keeps its gazetteer entry
    assert "UN" not in _found("Troops entered the UN camp in Juba on Monday.")
    found = _found("Shelling hit the town of Kharkiv overnight.")
    assert found["Kharkiv"][2] != "unlocated"
    assert "In" not in _found("In Sabewa village, an IED killed three civilians in Ouham.")


def test_a_state_that_acts_is_not_where_the_event_happened() -> None:
    # the agent, the possessor of the attack, the subject with an object: the state
    for text in ["La Russie a tiré 30 missiles sur Kharkiv dans la nuit.",
                 "Ukraine's air force shot down 22 drones over Poltava in Russia's "
                 "overnight attack.",
                 "Twelve civilians were killed in Kherson by shelling launched by Russia."]:
        claims = process_document(text_document(text, "t", date="2024-05-01")).claims
        assert claims and all("RU" not in {p.country for p in c.places} for c in claims), text


def test_french_spellings_of_transliterated_names() -> None:
    # Sudan, Syria: French writes "ch" and "ou" where GeoNames writes "sh" and "u", and an
    # Arabic article in lower case before the name
    found = _found("Les paramilitaires assiègent la ville d'el-Facher depuis 18 mois.")
    assert found["el-Facher"] == ("El Fasher", "SD", "exact")
    found = _found("Des frappes ont visé al-Bab et Deir ez-Zor dans la nuit.")
    assert found["al-Bab"][1] == "SY"
    # a lower-case word is still no name ("le port", "la base")
    assert "port" not in _found("Les frappes ont visé le port de Hodeida.")


def test_a_french_adjective_opening_a_sentence_is_no_city() -> None:
    # Mozambique: "Seul bilan officiel" is not Seoul; the city written as such still is
    assert _found("Seul bilan officiel pour le moment, sept morts.") == {}
    assert _found("Des diplomates se sont réunis à Séoul.")["Séoul"][1] == "KR"


def test_other_endings_of_transliterated_names() -> None:
    # Lebanon, Syria: "Nabatiyeh" for GeoNames' "Nabatieh", "Raqqah" for "Raqqa"
    found = _found("An Israeli strike killed 10 people in Nabatiyeh, southern Lebanon.")
    assert found["Nabatiyeh"][1:] == ("LB", "exact")
    assert _found("Fighting went on in Raqqah overnight.")["Raqqah"] == ("Raqqa", "SY", "exact")


def test_a_region_named_as_an_adjective_of_a_force_is_no_place() -> None:
    # Somalia, Ethiopia: "Somali forces" are Somalia's, not the Somali region of Ethiopia
    assert _found("Somali forces recaptured the base on Friday.") == {}
    assert _found("Fighting spread in the Somali region.")["Somali region"][1] == "ET"
    # a town's police act in the town; a country stays its country
    assert "Nairobi" in _found("Nairobi police arrested two men.")
    assert "Sudan" in _found("Sudan army clashed with the RSF in Khartoum.")


def test_a_common_word_names_the_admin1_that_ends_a_bracket() -> None:
    # one known name in a bracket of two decides its country when it is the last, an admin1
    # of one country only, even a common English word ("Bay", Somalia)
    found = _found("Police ambushed militants near Gububley Dheere town (Gububley Dheere, Bay).")
    assert found["Bay"][1:] == ("SO", "admin1")
    assert found["Gububley Dheere"][1] == "SO"


def test_a_country_possessive_without_its_apostrophe() -> None:
    # coders' notes strip apostrophes: "Somalias coast", "Sudans capital"
    assert _found("Pirates seized a tanker off Somalias northern coast.")["Somalias"][1] == "SO"
    assert "SD" in _countries("A diplomat was stabbed in Sudans capital on Monday.")
    # a plural that only looks like one is not a country ("Chads" before a capital)
    assert _countries("Gunmen killed two Nigers Delta fishermen.") <= {"NE", "NG", None}


def test_the_second_half_of_a_hyphenated_name_is_not_a_place() -> None:
    # "Shan-North" is a Myanmar state, not North (Utah); its bracket is Myanmar's, so Muse
    # is the Myanmar town, not Muse, Pennsylvania
    countries = _countries("On 3 May, a grenade hit a shop in Muse township "
                           "(Muse district, Shan-North state).")
    assert countries == {"MM"}
    # an Arabic article still joins its name: "al-Bab" is al-Bab
    assert _found("Turkish drones struck al-Bab on Friday.")["al-Bab"][1] == "SY"


def test_a_region_name_before_a_national_noun_is_an_adjective() -> None:
    # "the Somali capital" is Somalia's capital, not the Somali region of Ethiopia
    assert _countries("A doctor was shot in the lawless Somali capital Mogadishu.") == {"SO"}
    # a bracket naming a force says who, not where
    found = _found("SAF shelled Ethiopian forces (presumed Amhara ethnic militia) in "
                   "Tesfai (Al Fashaga, Gedaref).")
    assert "ET" not in {v[1] for v in found.values()}
    assert found["Gedaref"][1:] == ("SD", "admin1")


def test_a_settlement_name_wider_than_a_known_name_wins() -> None:
    # "Adan Yabaal town" is a Somali town, not Aden (Yemen); "Hodeida's Jabal Ras area" a
    # place in Hodeida
    found = _found("An IED exploded at a base in Adan Yabaal town (Middle Shabelle).")
    assert found["Adan Yabaal"][1:] == ("SO", "unlocated")
    assert "YE" not in _countries("An IED exploded at a base in Adan Yabaal town (Middle "
                                  "Shabelle).")
    assert _found("Jets hit two buses in Hodeida's Jabal Ras area.")["Hodeida"][1] == "YE"


def test_an_unlisted_village_takes_no_country_from_a_force_name() -> None:
    # "Southwest" (Sud-Ouest, Burkina Faso) in a force's name is no evidence of a country
    found = _found("Southwest Special Police Forces raided Garas Weyne village on Monday.")
    assert found["Garas Weyne"][1] is None


def test_a_sea_is_a_region_of_no_country_until_its_article_gives_one() -> None:
    found = _found("Three drones fired over the Red Sea were shot down.")
    assert found["Red Sea"] == ("Red Sea", None, "region")
    assert _found("Un pétrolier a été touché dans le golfe d'Aden.")["le golfe d'Aden"][1:] == \
        (None, "region")
    # an admin area of that name is the area ("Red Sea state", Sudan), not the sea
    assert _found("Protesters gathered in Port Sudan, Red Sea state.")["Red Sea state"][1:] \
        == ("SD", "admin1")
    # a lake of one country is that country's; a shared one is no one's
    assert _found("Police clashed with raiders near Lake Turkana.")["Lake Turkana"][1] == "KE"
    assert _found("A boat sank on Lake Victoria.")["Lake Victoria"][1] is None
    # a claim at sea takes its article's country
    assert _claim_countries("The Houthis fired two missiles at a tanker in the Red Sea, "
                            "Yemen's rebels said, killing one sailor.") == {"YE"}


def test_an_admin_term_of_one_country_places_the_name() -> None:
    # Nigeria: "LGA" is Nigerian; Ukum is no Mexican district, Donga no Beninese department
    assert "MX" not in _countries("Herders attacked farmers in Ukum LGA, killing five.")
    found = _found("Gunmen attacked Gidan village in Donga LGA, killing seven.")
    assert found["Donga LGA"][1:] == ("NG", "admin2")
    assert found["Donga LGA"][0] == "Donga"  # its seat, not its state
    # Ethiopia: an unlisted village by a woreda takes Ethiopia
    assert _found("Gunmen kidnapped three civilians in Gofa woreda on Monday.")[
        "Gofa"][1] == "ET"
