"""The numbers stage: figures, bounds, ranges and vague counts in French and English."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.records import Noise, NumberMention
from newsevents.stages.numbers import find_numbers, parse_number_phrase
from newsevents.stages.numbers_atoms import parse_digits

Expected = tuple[str, int | float | None, int | float | None, int | float | None, str]


def found(sentence: str) -> list[Expected]:
    return [(m.text, m.value, m.low, m.high, m.qualifier) for m in find_numbers(sentence)]


# (sentence, figures it gives as (text, value, low, high, qualifier)), across conflicts.
FIGURES: list[tuple[str, list[Expected]]] = [
    # Sahel
    ("Au moins 23 soldats maliens ont été tués dans l'attaque de Boulkessi.",
     [("Au moins 23", None, 23, None, "at_least")]),
    ("Une quarantaine de jihadistes ont été neutralisés par l'armée burkinabè.",
     [("Une quarantaine", 40, None, None, "about")]),
    ("au moins 23 morts et 51 blessés, selon un bilan officiel",
     [("au moins 23", None, 23, None, "at_least"), ("51", 51, None, None, "exact")]),
    ("L'armée malienne (FAMa) affirme avoir neutralisé une dizaine de terroristes près de Gao.",
     [("une dizaine", None, 8, 12, "about_ten")]),
    ("Trois frappes ont été menées : deux près de Kidal, une autre à Ménaka.",
     [("Trois", 3, None, None, "exact"), ("deux", 2, None, None, "exact")]),
    ("Plus d'un millier de civils ont fui la région de Tillabéri.",
     [("Plus d'un millier", None, 1000, None, "more_than")]),
    ("Des dizaines de jihadistes ont été tués lors de l'opération Barkhane.",
     [("Des dizaines", None, 10, 99, "tens")]),
    ("Quelque 300 soldats français seront redéployés au Niger.",
     [("Quelque 300", 300, None, None, "about")]),
    ("Une centaine d'assaillants ont attaqué le camp de Tessit.",
     [("Une centaine", 100, None, None, "about")]),
    ("entre 10 et 15 civils ont été tués dans le village, selon des sources locales",
     [("entre 10 et 15", None, 10, 15, "range")]),
    ("Le bilan s'est alourdi à 45 morts, un précédent bilan faisait état de 30 morts.",
     [("45", 45, None, None, "exact"), ("30", 30, None, None, "exact")]),
    ("Une vingtaine de motos ont été saisies et 3 000 hommes déployés.",
     [("Une vingtaine", 20, None, None, "about"), ("3 000", 3000, None, None, "exact")]),
    ("vingt et un militaires nigériens ont péri", [("vingt et un", 21, None, None, "exact")]),
    ("Plusieurs dizaines de combattants du JNIM ont été tués.",
     [("Plusieurs dizaines", None, 10, 99, "tens")]),
    ("Plusieurs civils ont été blessés à Ouagadougou.",
     [("Plusieurs", None, 2, 9, "several")]),
    ("près de 300 personnes ont été enlevées", [("près de 300", 300, None, None, "about")]),
    ("Moins de 120 frappes ont été menées l'an dernier.",
     [("Moins de 120", None, None, 120, "less_than")]),
    ("Jusqu'à 5 000 soldats pourraient être déployés.",
     [("Jusqu'à 5 000", None, None, 5000, "at_most")]),
    ("environ 300 combattants", [("environ 300", 300, None, None, "about")]),
    ("de 10 à 15 villageois ont été exécutés", [("de 10 à 15", None, 10, 15, "range")]),
    # Iraq and Syria
    ("Les avions de la coalition ont mené plus de 150 frappes au sud de Mossoul.",
     [("plus de 150", None, 150, None, "more_than")]),
    # "en plus de six": six more, not more than six
    ("sept membres des FDS, en plus de six soldats prorégime",
     [("sept", 7, None, None, "exact"), ("six", 6, None, None, "exact")]),
    ("Les frappes ont totalisé 312, détruisant 120 positions et tuant 27 terroristes.",
     [("312", 312, None, None, "exact"), ("120", 120, None, None, "exact"),
      ("27", 27, None, None, "exact")]),
    ("la coalition a réalisé 29.307 raids aériens en Irak et en Syrie",
     [("29.307", 29307, None, None, "exact")]),
    ("causé la mort de 2.136 civils", [("2.136", 2136, None, None, "exact")]),
    ("détruisant des dizaines de positions ennemies",
     [("des dizaines", None, 10, 99, "tens")]),
    ("La coalition qui compte 75 membres reste engagée.", [("75", 75, None, None, "exact")]),
    ("completed 50 operations against Daesh, preventing 62 terrorists from acting",
     [("50", 50, None, None, "exact"), ("62", 62, None, None, "exact")]),
    ("CJTF-OIR jets conducted 312 airstrikes in the Makhmour mountains.",
     [("312", 312, None, None, "exact")]),
    ("L'OSDH a recensé 2000 morts dans la province d'Idleb.",
     [("2000", 2000, None, None, "exact")]),
    ("Des centaines de milliers de Syriens ont été déplacés.",
     [("Des centaines de milliers", None, 100000, 999999, "hundreds")]),
    ("deux mille cent trente-six civils auraient péri",
     [("deux mille cent trente-six", 2136, None, None, "exact")]),
    ("Au moins 786 civils ont été tués, selon Airwars.",
     [("Au moins 786", None, 786, None, "at_least")]),
    ("Des milliers de familles ont fui Deir ez-Zor.",
     [("Des milliers", None, 1000, 9999, "thousands")]),
    ("1,5 million de déplacés vivent dans les camps",
     [("1,5 million", 1500000, None, None, "exact")]),
    ("2,3 millions de personnes ont besoin d'aide",
     [("2,3 millions", 2300000, None, None, "exact")]),
    ("Deux millions de Syriens sont rentrés.", [("Deux millions", 2000000, None, None, "exact")]),
    ("Les forces irakiennes ont arrêté 29\u00a0307 suspects.",
     [("29\u00a0307", 29307, None, None, "exact")]),
    ("Les forces kurdes détiennent 10\u202f000 combattants de l'EI.",
     [("10\u202f000", 10000, None, None, "exact")]),
    ("Près d'un millier de Peshmerga ont été déployés.",
     [("Près d'un millier", 1000, None, None, "about")]),
    ("Pas moins de 40 roquettes ont été tirées sur Erbil.",
     [("Pas moins de 40", None, 40, None, "at_least")]),
    # Yemen
    ("Houthi rebels fired dozens of missiles at Saudi Arabia.",
     [("dozens", None, 12, 99, "dozens")]),
    ("The Saudi-led coalition carried out more than 20 air strikes on Sanaa.",
     [("more than 20", None, 20, None, "more_than")]),
    ("At least 786 people were killed, the ministry said.",
     [("At least 786", None, 786, None, "at_least")]),
    ("Scores of fighters died in Marib.", [("Scores", None, 12, 99, "dozens")]),
    ("Hundreds of civilians were wounded in Hodeidah.",
     [("Hundreds", None, 100, 999, "hundreds")]),
    ("Les rebelles houthis ont tiré quatre missiles balistiques.",
     [("quatre", 4, None, None, "exact")]),
    ("nearly 150 Houthi fighters were killed", [("nearly 150", 150, None, None, "about")]),
    ("between 10 and 15 civilians died", [("between 10 and 15", None, 10, 15, "range")]),
    ("Twenty-seven soldiers were killed.", [("Twenty-seven", 27, None, None, "exact")]),
    # Somalia
    ("al-Shabaab fighters killed three hundred soldiers",
     [("three hundred", 300, None, None, "exact")]),
    ("Les shebab ont tué une vingtaine de soldats à Mogadiscio.",
     [("une vingtaine", 20, None, None, "about")]),
    ("AFRICOM said a strike killed some 300 militants.",
     [("some 300", 300, None, None, "about")]),
    ("A few civilians were wounded near Kismayo.", [("A few", None, 2, 9, "several")]),
    ("Several soldiers were killed in Lower Shabelle.",
     [("Several", None, 2, 9, "several")]),
    ("Over 1,000 al-Shabaab members surrendered.",
     [("Over 1,000", None, 1000, None, "more_than")]),
    ("fewer than 50 troops remain", [("fewer than 50", None, None, 50, "less_than")]),
    ("up to 3,000 troops could be withdrawn", [("up to 3,000", None, None, 3000, "at_most")]),
    # Ukraine
    ("more than 1,500 civilians displaced in Kharkiv",
     [("more than 1,500", None, 1500, None, "more_than")]),
    ("Russia launched about 40 drones overnight.", [("about 40", 40, None, None, "about")]),
    ("Tens of thousands of troops massed on the border.",
     [("Tens of thousands", None, 10000, 99999, "tens")]),
    ("Thousands of soldiers were captured.", [("Thousands", None, 1000, 9999, "thousands")]),
    ("L'armée russe a perdu 2 300 chars.", [("2 300", 2300, None, None, "exact")]),
    ("Kyiv said 1.2 million people had no power.",
     [("1.2 million", 1200000, None, None, "exact")]),
    ("around 2.5 million refugees crossed into Poland",
     [("around 2.5 million", 2500000, None, None, "about")]),
    ("plusieurs centaines de soldats ukrainiens",
     [("plusieurs centaines", None, 100, 999, "hundreds")]),
    ("10-15 civilians were killed in Kherson", [("10-15", None, 10, 15, "range")]),
    ("about ten missiles were intercepted", [("about ten", None, 8, 12, "about_ten")]),
    # Afghanistan
    ("Les talibans ont exécuté 12 soldats et 30 civils.",
     [("12", 12, None, None, "exact"), ("30", 30, None, None, "exact")]),
    ("one soldier was killed in Kandahar", [("one", 1, None, None, "exact")]),
    # Israel/Lebanon: one of a plural noun counts one; "one of the largest" is a pronoun
    ("one of its soldiers was severely injured", [("one", 1, None, None, "exact")]),
    ("One of the soldiers was injured.", [("One", 1, None, None, "exact")]),
    ("it was one of the largest attacks of the war", []),
    # Indonesia, Nigeria: "one of them", "one of whom" is one of the people counted before
    ("police fired on four students, killing one of them",
     [("four", 4, None, None, "exact"), ("one", 1, None, None, "exact")]),
    ("12 people were abducted, one of whom was later freed",
     [("12", 12, None, None, "exact"), ("one", 1, None, None, "exact")]),
    # Mali: military communiqués pad counts with a zero; a time, a date or a phone
    # number keeps none
    ("02 PKM, 01 mortier et 05 motos ont été récupérés",
     [("02", 2, None, None, "exact"), ("01", 1, None, None, "exact"),
      ("05", 5, None, None, "exact")]),
    # Lebanon: "one" before a nationality counts one person
    ("They include three Syrians, one Sudanese and one Lebanese.",
     [("three", 3, None, None, "exact"), ("one", 1, None, None, "exact"),
      ("one", 1, None, None, "exact")]),
    ("a thousand Taliban fighters attacked Kunduz",
     [("a thousand", 1000, None, None, "exact")]),
    ("roughly 2,000 US troops remained", [("roughly 2,000", 2000, None, None, "about")]),
    ("the strike killed 7 civilians or more", [("7", 7, None, None, "exact")]),
    ("the strike killed 7 or more civilians", [("7 or more", None, 7, None, "at_least")]),
    ("at most 20 fighters survived", [("at most 20", None, None, 20, "at_most")]),
    ("50 ou plus de talibans", [("50 ou plus", None, 50, None, "at_least")]),
    ("a dozen soldiers were wounded in Helmand", [("a dozen", 12, None, None, "about")]),
    # Nigeria
    ("Boko Haram a enlevé des centaines de lycéennes.",
     [("des centaines", None, 100, 999, "hundreds")]),
    ("ISWAP fighters killed at least 30 farmers in Borno.",
     [("at least 30", None, 30, None, "at_least")]),
    ("Quelques dizaines d'otages ont été libérés.",
     [("Quelques dizaines", None, 10, 99, "tens")]),
    ("deux ou trois villages ont été incendiés", [("deux ou trois", None, 2, 3, "range")]),
    ("Dozens of villagers were abducted near Maiduguri.",
     [("Dozens", None, 12, 99, "dozens")]),
    ("une cinquantaine de morts dans l'État de Zamfara",
     [("une cinquantaine", 50, None, None, "about")]),
    ("plus de 2 millions de déplacés dans le nord-est",
     [("plus de 2 millions", None, 2000000, None, "more_than")]),
    ("entre 1 et 2 millions de déplacés",
     [("entre 1 et 2 millions", None, 1000000, 2000000, "range")]),
    ("Quelques 200 soldats ont rejoint Tombouctou.",
     [("Quelques 200", 200, None, None, "about")]),
    ("les forces spéciales ont tué 3 000 à 4 000 jihadistes",
     [("3 000 à 4 000", None, 3000, 4000, "range")]),
    ("Sur les 200 combattants, 150 ont été tués.",
     [("200", 200, None, None, "exact"), ("150", 150, None, None, "exact")]),
    ("In March, 150 airstrikes were conducted.", [("150", 150, None, None, "exact")]),
    ("Militants killed 10 to 15 villagers in Zamfara.", [("10 to 15", None, 10, 15, "range")]),
    ("Les jihadistes ont brûlé 10 à 15 maisons.", [("10 à 15", None, 10, 15, "range")]),
    ("two or three drones struck Odesa", [("two or three", None, 2, 3, "range")]),
    ("Russia fired 1,000-1,500 shells a day.", [("1,000-1,500", None, 1000, 1500, "range")]),
    ("près de 10.000 réfugiés ont atteint le Tchad",
     [("près de 10.000", 10000, None, None, "about")]),
    ("Some 12,000 peacekeepers are deployed in South Sudan.",
     [("Some 12,000", 12000, None, None, "about")]),
    ("Les combats ont fait 3 morts le 12, et 5 le 13.",
     [("3", 3, None, None, "exact"), ("5", 5, None, None, "exact")]),
    ("le 5 et le 6 avril, 45 soldats ont été tués",
     [("45", 45, None, None, "exact")]),
    ("Le bilan est passé de 20 à 35 morts à Mopti.", [("de 20 à 35", None, 20, 35, "range")]),
    ("The death toll in Aleppo rose from 20 to 35.",
     [("from 20 to 35", None, 20, 35, "range")]),
    ("Au moins vingt-cinq civils, dont sept enfants.",
     [("Au moins vingt-cinq", None, 25, None, "at_least"), ("sept", 7, None, None, "exact")]),
    ("Selon l'ONU, 4,3 millions d'Afghans sont menacés.",
     [("4,3 millions", 4300000, None, None, "exact")]),
    ("Le 14 juillet 2019, 4 casques bleus ont été tués à Kidal.",
     [("4", 4, None, None, "exact")]),
    ("Il était 23 h 30 quand 4 roquettes ont frappé Erbil.",
     [("4", 4, None, None, "exact")]),
    ("dix-sept soldats et quatre-vingt-dix-neuf civils",
     [("dix-sept", 17, None, None, "exact"), ("quatre-vingt-dix-neuf", 99, None, None, "exact")]),
    # Somalia: a military release restates its words in digits; one count each
    ("U.S. forces killed three (3) terrorists and destroyed one (1) vehicle near Jilib.",
     [("three", 3, None, None, "exact"), ("one", 1, None, None, "exact")]),
    # A share of a scale is a figure; a share of people is none (Sudan, Sahel).
    ("Three quarters of a million people have fled El Fasher.",
     [("Three quarters of a million", 750000, None, None, "exact")]),
    ("Les trois quarts d'un million de déplacés vivent dans des camps au Tchad.",
     [("trois quarts d'un million", 750000, None, None, "exact")]),
    ("Les deux tiers des 300 victimes étaient des civils.", [("300", 300, None, None, "exact")]),
]

# Sentences with numbers that are not figures: nothing may come out of them.
NO_FIGURE: list[str] = [
    "Les opérations de la coalition ont commencé en juin 2014 en Irak.",
    "D'août 2014 à mars 2018, la coalition a frappé l'Irak.",
    "In 2014, the Islamic State seized Mosul.",
    "The war lasted from 2014-2018.",
    "Les faits se sont produits le 25 mars.",
    "The attack happened on March 25, 2021.",
    "Le 3 mai, l'armée a repris la ville.",
    "Les élections sont prévues le 25/03/2021.",
    "L'attaque a eu lieu à 7h30 du matin.",
    "Talks resumed at 10:30 local time.",
    "Le couvre-feu commence à 9 heures.",
    "Un garçon âgé de 17 ans a été arrêté.",
    "A 17-year-old was arrested in Kabul.",
    "Il a 17 ans et combattait pour les shebab.",
    "Temps de lecture estimé : 2 minutes",
    "Les combats ont duré trois jours.",
    "vingt ans de guerre en Afghanistan",
    "After dix jours de siège, la ville est tombée.",
    "They fought for 3 weeks.",
    "L'équipe a gagné 2-1 à Bamako.",
    "La 3e brigade et le 25e régiment ont été engagés.",
    "Le 1er bataillon est arrivé le premier.",
    "The 3rd Infantry Division came second.",
    "Un F-16 et un MQ-9 ont survolé la zone.",
    "Un Boeing 737 a été abattu près de Téhéran.",
    "La résolution 2254 du Conseil de sécurité.",
    "L'OTAN invoque l'article 5.",
    "Des Su-25 et des T-72 ont été aperçus.",
    "La pandémie de COVID-19 a freiné les opérations.",
    "Le sommet du G7 et le M23 au Kivu.",
    "Report ISIS in your area at 454 (Iraq).",
    "Call +9647512451273 for help.",
    "Le chômage atteint 30 % dans la région.",
    "Unemployment reached 30 percent.",
    "Les États-Unis ont versé 5 millions de dollars.",
    "Washington pledged $5 million.",
    "L'attaque a eu lieu à 40 km au nord de Gao.",
    "Le convoi était à 40 kilomètres de Tombouctou.",
    "Un soldat a été tué.",
    "One of the largest attacks hit Kyiv.",
    "No one was hurt.",
    "Plusieurs fois, la ville a été bombardée.",
    "L'armée a frappé à plusieurs reprises.",
    "Les frappes ont repris en 2021.",
    "The 2014-2018 campaign ended.",
    "Kabul fell on 15 August 2021.",
    "La loi n° 2021-12 et le décret 2020-345.",
    "The UN Security Council Resolution 2401 called for a 30-day ceasefire.",
    "Le Mirage 2000 a décollé de N'Djamena.",
    "Les troupes ont parcouru 1 500 km.",
    "Il a été condamné à 10 ans de prison.",
    "L'Union européenne débloque 3,5 milliards de dollars d'aide.",
    "Les élections auront lieu les 7 et 8 mai.",
    "Le match s'est terminé 1-0 à Mogadiscio.",
    "It was the twenty-first attack this year.",
    "La vingt-cinquième brigade a été engagée.",
    "Le président a été élu il y a deux ans.",
    "Il y a quelques jours, un drone a été abattu.",
    "Des dizaines d'années de conflit.",
    "Le président a parlé pendant des heures.",
    "L'attaque a eu lieu le 02 mars vers 09:05.",
    "James Bond 007 est arrivé.",
    "Two thirds of the victims were children, the UN said.",
    "Les trois quarts des maisons de Marioupol ont été détruites.",
]


@pytest.mark.parametrize(("sentence", "expected"), FIGURES, ids=[s[:40] for s, _ in FIGURES])
def test_figures(sentence: str, expected: list[Expected]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize("sentence", NO_FIGURE, ids=[s[:40] for s in NO_FIGURE])
def test_not_figures(sentence: str) -> None:
    assert found(sentence) == []


def test_table_is_large_and_covers_both_languages() -> None:
    assert len(FIGURES) + len(NO_FIGURE) >= 80
    assert len(FIGURES) >= 80


@pytest.mark.parametrize(
    ("raw", "scaled", "value"),
    [
        ("29.307", False, 29307), ("29 307", False, 29307), ("29,307", False, 29307),
        ("1,5", False, 1.5), ("2.5", False, 2.5), ("1.234.567", False, 1234567),
        ("1.234,5", False, 1234.5), ("1,234.5", False, 1234.5), ("1,500", True, 1.5),
        ("12,34,567", False, None), ("0", False, 0),
    ],
)
def test_parse_digits(raw: str, scaled: bool, value: int | float | None) -> None:
    assert parse_digits(raw, scaled) == value


@pytest.mark.parametrize(
    ("phrase", "qualifier", "best"),
    [
        ("plus de 150", "more_than", 150), ("moins de 120", "less_than", None),
        ("des dizaines", "tens", 10), ("dozens", "dozens", 12), ("hundreds", "hundreds", 100),
        ("une quarantaine", "about", 40), ("entre 10 et 15", "range", 10),
        ("au plus 20", "at_most", None), ("312", "exact", 312),
    ],
)
def test_parse_number_phrase_and_best(phrase: str, qualifier: str, best: int | None) -> None:
    parsed = parse_number_phrase(phrase)
    assert parsed is not None
    assert (parsed.start, parsed.end, parsed.qualifier, parsed.best) == (
        0, len(phrase), qualifier, best,
    )


@pytest.mark.parametrize("phrase", ["2014", "un", "30 %", "150 frappes", "", "F-16"])
def test_parse_number_phrase_rejects_non_figures(phrase: str) -> None:
    assert parse_number_phrase(phrase) is None


def test_offsets_are_into_the_text_not_the_slice() -> None:
    text = "Premier paragraphe : 12 morts. Second : plus de 150 frappes et 40 blessés."
    start = text.index("Second")
    mentions = find_numbers(text, start=start, end=text.index(" et 40"))
    assert [(m.text, m.start) for m in mentions] == [("plus de 150", text.index("plus de"))]
    assert all(text[m.start:m.end] == m.text for m in mentions)


def test_noise_ranges_drop_overlapping_figures() -> None:
    text = "Read https://t.co/312abc and 312 strikes, #Syria50 and 50 raids."
    noise = [Noise(5, 26, "url"), Noise(42, 50, "hashtag"), Noise(55, 57, "url")]
    assert [m.text for m in find_numbers(text, noise)] == ["312"]


def test_bound_binds_only_the_figure_it_stands_before() -> None:
    mentions = find_numbers("au moins 23 morts et 51 blessés")
    assert [m.best for m in mentions] == [23, 51]
    assert [m.qualifier for m in mentions] == ["at_least", "exact"]


# --- property-based tests -------------------------------------------------------------

SEPARATORS = [",", ".", " ", "\u00a0", "\u202f"]


@given(st.integers(min_value=0, max_value=10**12 - 1), st.sampled_from(SEPARATORS))
def test_grouped_integers_parse_back(number: int, separator: str) -> None:
    written = f"{number:,}".replace(",", separator)
    mentions = find_numbers(f"Ils ont compté {written} soldats.")
    assert [(m.text, m.value) for m in mentions] == [(written, number)]


FR_UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
            "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize"]
FR_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
EN_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen"]
EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def french_below_100(n: int) -> str:
    if n <= 16:
        return FR_UNITS[n]
    if n < 20:
        return "dix-" + FR_UNITS[n - 10]
    if n < 70:
        tens, unit = divmod(n, 10)
        return FR_TENS[tens] + ("" if unit == 0 else " et un" if unit == 1
                                else "-" + FR_UNITS[unit])
    if n < 80:
        return "soixante" + (" et onze" if n == 71 else "-" + french_below_100(n - 60))
    return "quatre-vingts" if n == 80 else "quatre-vingt-" + french_below_100(n - 80)


def french_below_1000(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    if hundreds == 0:
        return french_below_100(rest)
    head = "cent" if hundreds == 1 else FR_UNITS[hundreds] + (" cents" if rest == 0 else " cent")
    return head if rest == 0 else f"{head} {french_below_100(rest)}"


def french(n: int) -> str:
    thousands, rest = divmod(n, 1000)
    if thousands == 0:
        return french_below_1000(rest)
    multiplier = french_below_1000(thousands)
    if multiplier.endswith(("cents", "vingts")):  # "deux cent mille", "quatre-vingt mille"
        multiplier = multiplier[:-1]
    head = "mille" if thousands == 1 else multiplier + " mille"
    return head if rest == 0 else f"{head} {french_below_1000(rest)}"


def english(n: int) -> str:
    def below_1000(k: int) -> str:
        hundreds, rest = divmod(k, 100)
        if rest < 20:
            tail = EN_UNITS[rest]
        else:
            tail = EN_TENS[rest // 10] + ("" if rest % 10 == 0 else "-" + EN_UNITS[rest % 10])
        if hundreds == 0:
            return tail
        return EN_UNITS[hundreds] + " hundred" + ("" if rest == 0 else " " + tail)

    thousands, rest = divmod(n, 1000)
    if thousands == 0:
        return below_1000(rest)
    return below_1000(thousands) + " thousand" + ("" if rest == 0 else " " + below_1000(rest))


@given(st.integers(min_value=2, max_value=999_999))
def test_french_number_words_parse_back(number: int) -> None:
    words = french(number)
    mentions = find_numbers(f"Les combats ont fait {words} morts.")
    assert [(m.text, m.value) for m in mentions] == [(words, number)]


@given(st.integers(min_value=1, max_value=999_999))
def test_english_number_words_parse_back(number: int) -> None:
    words = english(number)
    mentions = find_numbers(f"The fighting killed {words} soldiers.")
    assert [(m.text, m.value) for m in mentions] == [(words, number)]


TEXT_PIECES = st.sampled_from([
    " ", "\u00a0", "-", ",", ".", "'", "’", "(", ")", "%", "$", "#", "/", ":", "+", "\n",
    "plus de", "au moins", "entre", "et", "à", "de", "des", "dizaines", "une", "quarantaine",
    "vingt", "mille", "cent", "million", "millions", "more than", "between", "and", "to",
    "dozens", "of", "thousands", "one", "a", "hundred", "morts", "soldiers", "ans", "mars",
    "2014", "12", "1,5", "29.307", "3 000", "F-16", "7h30", "en", "in",
])


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=300)
@given(st.lists(st.one_of(TEXT_PIECES, st.text(max_size=6)), max_size=40),
       st.integers(min_value=0, max_value=50), st.integers(min_value=0, max_value=400))
def test_find_numbers_is_total_and_consistent(pieces: list[str], start: int, length: int) -> None:
    text = "".join(pieces)
    end = start + length
    mentions = find_numbers(text, start=start, end=end)
    previous_end = start
    for found_mention in mentions:
        assert isinstance(found_mention, NumberMention)
        assert previous_end <= found_mention.start < found_mention.end <= min(end, len(text))
        assert text[found_mention.start:found_mention.end] == found_mention.text
        previous_end = found_mention.end
