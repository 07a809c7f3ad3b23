"""Time expressions anchored to the text's own reference time, and the formats news writes
(issue 15, items 2 and 3): tables of invented sentences in French and English, each with a
publication date and the expected TIMEX3 value and interval; numeric dates and clock times
round-trip under hypothesis."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.records import Segment
from newsevents.stages.dates import find_times

# (text, publication date, expected text, value, start_date, end_date)
Row = tuple[str, str, str, str, str | None, str]
ANCHORED: list[Row] = [
    # A weekday in the sentence after a dated one: near that day, not the publication.
    ("Le 3 mars 2015, des hommes armés ont attaqué Gao. Jeudi, l'armée a riposté.",
     "2021-05-10", "Jeudi", "2015-03-05", "2015-03-05", "2015-03-05"),
    ("On March 3, 2015, gunmen attacked Gao. On Thursday, the army hit back.",
     "2021-05-10", "Thursday", "2015-03-05", "2015-03-05", "2015-03-05"),
    # ... but a day within two weeks of the publication leaves weekdays to the publication.
    ("La trêve est entrée en vigueur le 27 novembre. Onze civils ont été tués lundi.",
     "2024-12-04", "lundi", "2024-12-02", "2024-12-02", "2024-12-02"),
    # And an event named by its day ("les attentats du 11 septembre") is not the narrative.
    ("Les attentats du 11 septembre ont changé la donne, a déclaré jeudi le ministre.",
     "2002-02-09", "jeudi", "2002-02-07", "2002-02-07", "2002-02-07"),
    # Anaphoric days reach the last day of the text, across paragraphs.
    ("Le 12 juin 2019, une mine a explosé près de Kidal.\nLe lendemain, deux soldats sont morts.",
     "2021-05-10", "Le lendemain", "2019-06-13", "2019-06-13", "2019-06-13"),
    ("A convoy was ambushed on June 12, 2019.\nThe day before, drones had been seen.",
     "2021-05-10", "The day before", "2019-06-11", "2019-06-11", "2019-06-11"),
    ("Le 12 juin 2019, une mine a explosé.\nDeux jours plus tard, un convoi a été visé.",
     "2021-05-10", "Deux jours plus tard", "2019-06-14", "2019-06-14", "2019-06-14"),
    ("Fighting broke out on 4 May 2020.\nTwo days later, the town fell.",
     "2021-05-10", "Two days later", "2020-05-06", "2020-05-06", "2020-05-06"),
    ("Le 12 juin 2019, une mine a explosé. Le même jour, un convoi a été visé.",
     "2021-05-10", "Le même jour", "2019-06-12", "2019-06-12", "2019-06-12"),
    # A bare month or day-month after a sentence that set the year.
    ("En 2015, les combats ont repris. En mars, la ville est tombée.",
     "2021-05-10", "mars", "2015-03", "2015-03-01", "2015-03-31"),
    ("The offensive began in 2016. In March, the town fell.",
     "2021-05-10", "March", "2016-03", "2016-03-01", "2016-03-31"),
    ("L'armée a repris la ville en 2016. Le 4 juin, les rebelles ont contre-attaqué.",
     "2021-05-10", "Le 4 juin", "2016-06-04", "2016-06-04", "2016-06-04"),
    # ... not after a background period ("depuis avril 2023").
    ("En guerre depuis avril 2023, la ville a été frappée. Mardi 7 octobre, un hôpital a été"
     " touché.", "2025-10-09", "Mardi 7 octobre", "2025-10-07", "2025-10-07", "2025-10-07"),
    # Clock times on the day named after them, the small hours of a night on the next day.
    ("Vers 0 h 40, jeudi, deux voitures se sont percutées.", "2003-02-22", "Vers 0 h 40",
     "2003-02-20T00:40", "2003-02-20", "2003-02-20"),
    ("Vers 15 h 30, hier, la police est intervenue.", "2003-02-23", "Vers 15 h 30",
     "2003-02-22T15:30", "2003-02-22", "2003-02-22"),
    ("Gunmen attacked the camp at 3 pm on Monday.", "2021-05-12", "3 pm",
     "2021-05-10T15:00", "2021-05-10", "2021-05-10"),
    ("Hier à 9 h 40, un drone a frappé Idlib.", "2021-05-12", "9 h 40",
     "2021-05-11T09:40", "2021-05-11", "2021-05-11"),
    ("Dans la nuit de samedi à dimanche, vers 2 h, des tirs ont été entendus.", "2021-05-12",
     "vers 2 h", "2021-05-09T02:00", "2021-05-09", "2021-05-09"),
    ("Des tirs ont eu lieu entre 22 h et 2 h dans la nuit de samedi.", "2021-05-12",
     "entre 22 h et 2 h", "2021-05-08T22:00/2021-05-09T02:00", "2021-05-08", "2021-05-09"),
]

FORMATS: list[Row] = [
    # Numeric dates, day-month order by the language.
    ("Le 12/03/2021, des frappes ont visé Raqqa.", "2021-05-12", "12/03/2021",
     "2021-03-12", "2021-03-12", "2021-03-12"),
    ("On 03/12/2021, strikes hit Raqqa.", "2021-05-12", "03/12/2021",
     "2021-03-12", "2021-03-12", "2021-03-12"),
    ("On 25/12/2020, strikes hit Raqqa.", "2021-05-12", "25/12/2020",
     "2020-12-25", "2020-12-25", "2020-12-25"),
    ("L'attaque du 29.02.2020 a fait dix morts.", "2021-05-12", "29.02.2020",
     "2020-02-29", "2020-02-29", "2020-02-29"),
    ("The attack of 2021-03-12 killed ten people.", "2021-05-12", "2021-03-12",
     "2021-03-12", "2021-03-12", "2021-03-12"),
    # Clock times.
    ("L'attaque a commencé à 21h30.", "2021-05-12", "21h30", "2021-05-12T21:30",
     "2021-05-12", "2021-05-12"),
    ("Le couvre-feu commence à seize heures.", "2021-05-12", "seize heures",
     "2021-05-12T16:00", "2021-05-12", "2021-05-12"),
    ("Les tirs ont cessé vers 16 heures 30.", "2021-05-12", "vers 16 heures 30",
     "2021-05-12T16:30", "2021-05-12", "2021-05-12"),
    ("The blast happened at 9:30 a.m. local time.", "2021-05-12", "9:30 a.m.",
     "2021-05-12T09:30", "2021-05-12", "2021-05-12"),
    # Abbreviated months.
    ("Les combats de déc. 2015 ont fait cent morts.", "2021-05-12", "déc. 2015", "2015-12",
     "2015-12-01", "2015-12-31"),
    ("Published 12 Dec 2014 by the ministry.", "2021-05-12", "12 Dec 2014", "2014-12-12",
     "2014-12-12", "2014-12-12"),
    ("The truce held until Sept. 5, 2020.", "2021-05-12", "Sept. 5, 2020", "2020-09-05",
     "2020-09-05", "2020-09-05"),
    # Quarters, halves, weeks of the year.
    ("Les attaques ont doublé au troisième trimestre 2016.", "2021-05-12",
     "troisième trimestre 2016", "2016-Q3", "2016-07-01", "2016-09-30"),
    ("Attacks rose in Q1 2016.", "2021-05-12", "Q1 2016", "2016-Q1", "2016-01-01",
     "2016-03-31"),
    ("Les déplacements ont baissé au premier semestre.", "2021-08-12", "premier semestre",
     "2021-H1", "2021-01-01", "2021-06-30"),
    ("Strikes fell in the second half of 2019.", "2021-05-12", "second half of 2019",
     "2019-H2", "2019-07-01", "2019-12-31"),
    ("Le pic a été atteint la semaine 12 de 2020.", "2021-05-12", "la semaine 12 de 2020",
     "2020-W12", "2020-03-16", "2020-03-22"),
    # Open ranges.
    ("Avant 2000, la ville était calme.", "2021-05-12", "Avant 2000", "2000", None,
     "1999-12-31"),
    ("Après 2018, les attaques ont repris.", "2021-05-12", "Après 2018", "2018",
     "2019-01-01", "2021-05-12"),
    ("Before 2010, the town was calm.", "2021-05-12", "Before 2010", "2010", None,
     "2009-12-31"),
    ("Since 2014, the group has killed thousands.", "2021-05-12", "Since 2014", "2014",
     "2014-01-01", "2021-05-12"),
    # Two-digit years, decades, centuries.
    ("Il a été élu en 92, puis réélu.", "2021-05-12", "92", "1992", "1992-01-01",
     "1992-12-31"),
    ("He was first elected in '05, then again.", "2021-05-12", "'05", "2005", "2005-01-01",
     "2005-12-31"),
    ("La guerre a éclaté au début des années 90.", "2021-05-12", "début des années 90",
     "199X", "1990-01-01", "1993-05-01"),
    ("La ville a été fondée au milieu du siècle dernier.", "2021-05-12",
     "milieu du siècle dernier", "19", "1933-05-02", "1966-09-01"),
    # Two weekdays in a row, nights, the last hours.
    ("Samedi et dimanche, des frappes ont visé Idlib.", "2021-05-12", "Samedi et dimanche",
     "2021-05-08/2021-05-09", "2021-05-08", "2021-05-09"),
    ("Strikes hit Idlib on Saturday and Sunday.", "2021-05-15", "Saturday and Sunday",
     "2021-05-08/2021-05-09", "2021-05-08", "2021-05-09"),
    ("Russia launched 40 drones overnight, officials said.", "2024-08-17", "overnight",
     "2024-08-16TNI", "2024-08-16", "2024-08-17"),
    ("In the last 24 hours, 12 people were killed.", "2024-08-17", "the last 24 hours",
     "PT24H", "2024-08-16", "2024-08-17"),
    ("Dans la nuit de samedi, des hommes armés ont attaqué le village.", "2021-03-23",
     "la nuit de samedi", "2021-03-20TNI", "2021-03-20", "2021-03-21"),
    ("Dans la nuit du 3 au 4 mai, des tirs ont visé la base.", "2021-05-10",
     "la nuit du 3 au 4 mai", "2021-05-03TNI", "2021-05-03", "2021-05-04"),
    ("Gunmen stormed the village on the night of May 3.", "2021-05-10",
     "the night of May 3", "2021-05-03TNI", "2021-05-03", "2021-05-04"),
    # Holidays on fixed days.
    ("À Noël, des tirs ont visé la ville.", "2021-05-12", "Noël", "2020-12-25",
     "2020-12-25", "2020-12-25"),
    ("On Christmas Eve, a bomb went off in the market.", "2022-01-10", "Christmas Eve",
     "2021-12-24", "2021-12-24", "2021-12-24"),
    ("Le jour de l'An 2020, une attaque a visé Kaboul.", "2021-05-12", "Le jour de l'An 2020",
     "2020-01-01", "2020-01-01", "2020-01-01"),
    # A month-only publication date never sends a day of that month to the year before.
    ("Des tirs ont eu lieu le 19 mai près de Gao.", "2021-05", "le 19 mai", "2021-05-19",
     "2021-05-19", "2021-05-19"),
    ("Clashes erupted on May 29 near Gao.", "2021-05", "May 29", "2021-05-29",
     "2021-05-29", "2021-05-29"),
]

# Formats that date and number parsers elsewhere check and news writes too (our own
# sentences): clock times with a fraction of the hour or a half of the day, "o'clock",
# "9.30pm", agency times with a zone.
MORE_FORMATS: list[Row] = [
    ("L'attaque a commencé à trois heures et demie du matin.", "2021-03-25",
     "trois heures et demie du matin", "2021-03-25T03:30", "2021-03-25", "2021-03-25"),
    ("Le convoi est arrivé à Gao à midi et demi.", "2021-03-25", "midi et demi",
     "2021-03-25T12:30", "2021-03-25", "2021-03-25"),
    ("Les tirs ont cessé vers midi et quart.", "2021-03-25", "vers midi et quart",
     "2021-03-25T12:15", "2021-03-25", "2021-03-25"),
    ("L'explosion a eu lieu à onze heures trois quarts.", "2021-03-25",
     "onze heures trois quarts", "2021-03-25T11:45", "2021-03-25", "2021-03-25"),
    ("Les rebelles ont attaqué à huit heures moins dix.", "2021-03-25",
     "huit heures moins dix", "2021-03-25T07:50", "2021-03-25", "2021-03-25"),
    ("La patrouille a été visée à six heures du soir.", "2021-03-25", "six heures du soir",
     "2021-03-25T18:00", "2021-03-25", "2021-03-25"),
    ("Le marché a été bombardé à 6 h du soir.", "2021-03-25", "6 h du soir",
     "2021-03-25T18:00", "2021-03-25", "2021-03-25"),
    ("The attack began at 3 o'clock in the afternoon.", "2021-03-25",
     "3 o'clock in the afternoon", "2021-03-25T15:00", "2021-03-25", "2021-03-25"),
    ("The strike hit the port at 1700 GMT, the ministry said.", "2021-03-25", "1700 GMT",
     "2021-03-25T17:00", "2021-03-25", "2021-03-25"),
    ("An explosion was heard at 9.30pm in Kabul.", "2021-03-25", "9.30pm",
     "2021-03-25T21:30", "2021-03-25", "2021-03-25"),
    ("Drones were shot down at 6am.", "2021-03-25", "6am", "2021-03-25T06:00",
     "2021-03-25", "2021-03-25"),
    # Hours from the publication: the day they reach (the publication gives no hour).
    ("Il y a deux heures, un drone a frappé la base de Kidal.", "2021-03-25",
     "Il y a deux heures", "2021-03-25", "2021-03-25", "2021-03-25"),
    ("Le bilan définitif sera connu dans 48 heures.", "2021-03-25", "48 heures",
     "2021-03-27", "2021-03-27", "2021-03-27"),
    ("Two hours ago, a drone hit the base in Kidal.", "2021-03-25", "Two hours ago",
     "2021-03-25", "2021-03-25", "2021-03-25"),
    # A fortnight; "from now".
    ("A fortnight ago, rebels seized the town of Palma.", "2021-03-25", "A fortnight ago",
     "2021-03-11", "2021-03-11", "2021-03-11"),
    ("Foreign troops will withdraw two weeks from now.", "2021-03-25", "two weeks from now",
     "2021-04-08", "2021-04-08", "2021-04-08"),
    # "mid-March" written with its hyphen; a year range with a dash.
    ("The offensive on Marib started in mid-March.", "2021-03-25", "mid-March", "2021-03",
     "2021-03-11", "2021-03-21"),
    ("En 2019-2020, le conflit a fait 4 000 morts au Sahel.", "2021-03-25", "2019-2020",
     "2019/2020", "2019-01-01", "2020-12-31"),
]


@pytest.mark.parametrize("sentence", [
    "Une seconde frappe a visé le marché de Gao.",
    "Hours later, a second blast hit the market.",
])
def test_an_ordinal_second_is_no_duration(sentence: str) -> None:
    # "Hours later" is a duration (PTXH); "a second blast" is none
    assert [m.text for m in find_times(sentence, "2021-03-25")
            if "second" in m.text.lower()] == []


@pytest.mark.parametrize(("text", "reference", "expected", "value", "start", "end"),
                         MORE_FORMATS)
def test_formats_other_parsers_check(text: str, reference: str, expected: str, value: str,
                                     start: str | None, end: str) -> None:
    assert _found(text, reference, expected) == (value, start, end)


# The narrative moves on past a night: a part of the day named after "la nuit" of a day is
# the next day's, and "le lendemain" counts from there; English parts of the day alone.
NARRATIVE: list[Row] = [
    ("Le 8 juin, les otages ont passé la nuit dans un hangar. En fin de matinée, ils ont été "
     "déplacés.", "2023-06-20", "En fin de matinée", "2023-06-09TMO", "2023-06-09",
     "2023-06-09"),
    ("Le 8 juin, les otages ont passé la nuit dans un hangar. Dans l'après-midi, ils ont été "
     "déplacés. Ils ont été libérés le lendemain matin.", "2023-06-20", "le lendemain matin",
     "2023-06-10TMO", "2023-06-10", "2023-06-10"),
    ("On June 8, the hostages spent the night in a shed. Late in the morning they were moved.",
     "2023-06-20", "Late in the morning", "2023-06-09TMO", "2023-06-09", "2023-06-09"),
    ("Gunmen stormed the village on June 8. That night, two more houses burned.",
     "2023-06-20", "That night", "2023-06-08TNI", "2023-06-08", "2023-06-08"),
    # Without a night before, the part of the day stays on the day named.
    ("Le 8 juin, en début de soirée, un drone a frappé le dépôt.", "2023-06-20",
     "en début de soirée", "2023-06-08TEV", "2023-06-08", "2023-06-08"),
    # A decade or a century is no year of the narrative.
    ("Au milieu du siècle dernier, la ville a grandi. À Noël, des tirs ont visé le marché.",
     "2024-05-15", "Noël", "2023-12-25", "2023-12-25", "2023-12-25"),
    ("In the 1990s the town grew. On July 14, shells fell on the market.", "2024-05-15",
     "July 14", "2023-07-14", "2023-07-14", "2023-07-14"),
    # A short English sentence with no segment is read as English ("by": a deadline).
    ("Troops will leave by March 3.", "2024-05-15", "March 3", "2025-03-03", "2025-03-03",
     "2025-03-03"),
    # The same time of the year named just before.
    ("Les prix ont bondi par rapport à l'an dernier à la même époque.", "2023-06-20",
     "la même époque", "2022-06", "2022-06-01", "2022-06-30"),
    ("Attacks fell compared with 2021 over the same period.", "2023-06-20",
     "the same period", "2021-06", "2021-06-01", "2021-06-30"),
]

# Adjectives that place what they qualify in time, beside a lowercase noun (ISO-TimeML).
ADJECTIVES: list[tuple[str, list[tuple[str, str]]]] = [
    ("Le prochain sommet aura lieu à Niamey.", [("prochain", "FUTURE_REF")]),
    ("Les négociations précédentes avaient échoué.", [("précédentes", "PAST_REF")]),
    ("La situation actuelle reste tendue à Goma.", [("actuelle", "PRESENT_REF")]),
    ("Les futurs élus devront négocier.", [("futurs", "FUTURE_REF")]),
    ("The upcoming talks were postponed; the previous round failed.",
     [("upcoming", "FUTURE_REF"), ("previous", "PAST_REF")]),
    ("The current ceasefire is fragile.", [("current", "PRESENT_REF")]),
    # Unprecedented, a name, a headline in capitals: no time.
    ("Une violence sans précédent a frappé la région.", []),
    ("Le Mouvement Actuel a présenté ses candidats.", []),
    ("PROCHAIN SOMMET À NIAMEY.", []),
    # A longer expression wins: the adjective belongs to it.
    ("Le sommet aura lieu le mois prochain.", [("le mois prochain", "2023-07")]),
]


def _found(text: str, reference: str, expected: str) -> tuple[str, str | None, str | None]:
    mentions = [m for m in find_times(text, reference) if m.text == expected]
    assert mentions, f"{expected!r} not found in {[m.text for m in find_times(text, reference)]}"
    return mentions[0].value, mentions[0].start_date, mentions[0].end_date


@pytest.mark.parametrize(("text", "reference", "expected", "value", "start", "end"),
                         ANCHORED + FORMATS)
def test_time_in_text(text: str, reference: str, expected: str, value: str,
                      start: str | None, end: str) -> None:
    assert _found(text, reference, expected) == (value, start, end)


@pytest.mark.parametrize(("text", "reference", "expected", "value", "start", "end"), NARRATIVE)
def test_time_in_the_narrative(text: str, reference: str, expected: str, value: str,
                               start: str | None, end: str) -> None:
    assert _found(text, reference, expected) == (value, start, end)


# "par semestre", "per hour": a set of any calendar unit.
SETS: list[tuple[str, list[tuple[str, str]]]] = [
    ("Le pays exporte deux millions de barils par semestre.", [("semestre", "P6M")]),
    ("Les convois passent une fois par trimestre.", [("trimestre", "P3M")]),
    ("Up to 40 shells fell per hour.", [("hour", "PT1H")]),
    ("The camp received aid twice per week.", [("week", "P1W")]),
    # A periodical is no frequency: a press noun after a determiner, any form after
    # "presse" (data/times/modifiers.yaml), in every paper's name.
    ("Selon l'hebdomadaire Jeune Afrique, les frappes quotidiennes ont repris.",
     [("quotidiennes", "P1D")]),
    ("Les hebdomadaires locaux publient des bilans mensuels.", [("mensuels", "P1M")]),
]

# A season word alone: a season ("Eté comme hiver"), after "de" only as the complement of a
# time noun ("les semaines d'hiver", not "les Jeux d'hiver"); "été" the participle never.
SEASONS: list[tuple[str, str, str, str, str | None, str | None]] = [
    ("Été comme hiver, les déplacés vivent sous des tentes.", "2021-03-25", "hiver",
     "XXXX-WI", None, None),
    ("Les combats cessent pendant les semaines d'hiver.", "2021-03-25", "hiver",
     "XXXX-WI", None, None),
    ("Winter or summer, the camps are full.", "2021-03-25", "summer", "XXXX-SU", None, None),
]


@pytest.mark.parametrize(("text", "reference", "expected", "value", "start", "end"), SEASONS)
def test_a_season_word_alone(text: str, reference: str, expected: str, value: str,
                             start: str | None, end: str | None) -> None:
    assert _found(text, reference, expected) == (value, start, end)


@pytest.mark.parametrize(("text", "expected"), SETS)
def test_sets_of_a_unit(text: str, expected: list[tuple[str, str]]) -> None:
    mentions = find_times(text, "2023-06-20")
    assert [(m.text, m.value) for m in mentions] == expected
    assert all(m.type == "SET" for m in mentions)


@pytest.mark.parametrize(("text", "expected"), ADJECTIVES)
def test_temporal_adjectives(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.value) for m in find_times(text, "2023-06-20")] == expected


def test_segment_language_decides_the_numeric_order() -> None:
    text = "Le 03/04/2021, des frappes. On 03/04/2021, strikes."
    segments = [Segment(0, 27, "sentence", "fr"), Segment(28, len(text), "sentence", "en")]
    values = [m.value for m in find_times(text, "2021-05-12", segments)]
    assert values == ["2021-04-03", "2021-03-04"]


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31)),
       st.sampled_from(["fr", "en"]), st.sampled_from(["/", "."]))
def test_numeric_dates_round_trip(day: date, language: str, separator: str) -> None:
    first, second = (day.day, day.month)
    if language == "en" and separator == "/":
        first, second = day.month, day.day
    written = f"{first:02d}{separator}{second:02d}{separator}{day.year}"
    sentence = {"fr": f"Le {written}, des frappes ont visé la ville.",
                "en": f"On {written}, strikes hit the town."}[language]
    mentions = [m for m in find_times(sentence, "2050-01-01") if m.text == written]
    assert [m.value for m in mentions] == [day.isoformat()]


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31)))
def test_iso_dates_round_trip(day: date) -> None:
    mentions = find_times(f"Report of {day.isoformat()}: strikes.", "2050-01-01")
    assert [m.value for m in mentions] == [day.isoformat()]


@given(st.integers(0, 23), st.integers(0, 59), st.sampled_from(["{h}h{m:02d}",
       "{h} h {m:02d}", "{h}:{m:02d}", "{h12}:{m:02d} {ampm}"]))
def test_clock_times_round_trip(hour: int, minute: int, form: str) -> None:
    written = form.format(h=hour, m=minute, h12=hour % 12 or 12,
                          ampm="a.m." if hour < 12 else "p.m.")
    mentions = find_times(f"Les tirs ont commencé à {written} près du camp.", "2021-05-12")
    assert [m.value for m in mentions] == [f"2021-05-12T{hour:02d}:{minute:02d}"]


# Formats the issue-15 audit left out (other parsers' suites check them): a weekday with a
# day number, a part of the day joined to its day, numeric day/month without a year, the
# weekday after the previous day, the week holding a day, days counted from a named date.
JOINED_FORMATS: list[tuple[str, str, str, str, str | None, str | None]] = [
    # A weekday and a day number: the nearest date that is both, before or after.
    ("Des tirs d'artillerie ont visé Gao mercredi 17.", "2021-03-20", "mercredi 17",
     "2021-03-17", "2021-03-17", "2021-03-17"),
    ("Les élections auront lieu au Niger le mardi 3 à l'aube.", "2021-07-20", "le mardi 3",
     "2021-08-03", "2021-08-03", "2021-08-03"),
    ("Shells hit Kharkiv on Wednesday the 17th.", "2021-03-20", "Wednesday the 17th",
     "2021-03-17", "2021-03-17", "2021-03-17"),
    # A part of the day joined to its date, a weekday or a deictic; a moment of the day.
    ("Les combats ont repris dans la matinée du 12 mars à Goma.", "2021-03-20",
     "la matinée du 12 mars", "2021-03-12TMO", "2021-03-12", "2021-03-12"),
    ("Les rebelles houthis ont tiré l'après-midi de mardi sur Marib.", "2021-03-20",
     "l'après-midi de mardi", "2021-03-16TAF", "2021-03-16", "2021-03-16"),
    ("Un drone a frappé un dépôt à Tripoli le soir du 3 mai.", "2021-05-20",
     "le soir du 3 mai", "2021-05-03TEV", "2021-05-03", "2021-05-03"),
    ("Les soldats maliens ont quitté Kidal à l'aube.", "2021-05-20", "l'aube",
     "2021-05-20TMO", "2021-05-20", "2021-05-20"),
    ("Les frappes ont repris au crépuscule sur Idlib.", "2021-05-20", "crépuscule",
     "2021-05-20TEV", "2021-05-20", "2021-05-20"),
    ("Israeli jets struck Gaza at dawn on Friday.", "2021-05-20", "dawn on Friday",
     "2021-05-14TMO", "2021-05-14", "2021-05-14"),
    ("Troops moved into Mekelle at dawn.", "2021-05-20", "dawn", "2021-05-20TMO",
     "2021-05-20", "2021-05-20"),
    ("Fighting resumed in Sirte at dusk on Tuesday.", "2021-05-20", "dusk on Tuesday",
     "2021-05-18TEV", "2021-05-18", "2021-05-18"),
    ("Les secours sont arrivés à Beni à la tombée de la nuit.", "2021-05-20",
     "la tombée de la nuit", "2021-05-20TEV", "2021-05-20", "2021-05-20"),
    ("The convoy left Juba at sunrise on Monday.", "2021-05-20", "sunrise on Monday",
     "2021-05-17TMO", "2021-05-17", "2021-05-17"),
    ("Le vendredi 14 au soir, des tirs ont visé Bangui.", "2021-05-20",
     "Le vendredi 14 au soir", "2021-05-14TEV", "2021-05-14", "2021-05-14"),
    # A numeric day and month without a year, in the language's order.
    ("Le scrutin a eu lieu le 2/4 à Bamako.", "2021-05-20", "le 2/4", "2021-04-02",
     "2021-04-02", "2021-04-02"),
    ("Le couvre-feu est en vigueur à Ouagadougou depuis le 17/03.", "2021-05-20", "17/03",
     "2021-03-17", "2021-03-17", "2021-03-17"),
    ("The vote in Lagos took place on 3/17.", "2021-05-20", "3/17", "2021-03-17",
     "2021-03-17", "2021-03-17"),
    # The weekday after the previous day named; "lundi en huit".
    ("Le 3 mai, l'armée a repris Gao. Le mercredi suivant, les rebelles ont riposté.",
     "2021-05-20", "Le mercredi suivant", "2021-05-05", "2021-05-05", "2021-05-05"),
    ("On May 3 troops entered Kandahar. The following Wednesday, the Taliban struck back.",
     "2021-05-20", "The following Wednesday", "2021-05-05", "2021-05-05", "2021-05-05"),
    ("Les pourparlers de Genève reprendront lundi en huit.", "2021-05-20", "lundi en huit",
     "2021-05-31", "2021-05-31", "2021-05-31"),
    # The week holding a day.
    ("Les combats ont repris à Donetsk la semaine du 6 avril.", "2021-05-20",
     "la semaine du 6 avril", "2021-W14", "2021-04-05", "2021-04-11"),
    ("Aid convoys reached Tigray the week of April 6.", "2021-05-20", "the week of April 6",
     "2021-W14", "2021-04-05", "2021-04-11"),
    # Counted from the date named, not from the publication.
    ("L'opposant a été arrêté à Minsk le lendemain du 13 mars.", "2021-05-20",
     "le lendemain du 13 mars", "2021-03-14", "2021-03-14", "2021-03-14"),
    ("The opposition leader was arrested in Kampala the day after March 13.", "2021-05-20",
     "the day after March 13", "2021-03-14", "2021-03-14", "2021-03-14"),
    ("Il a été libéré deux jours après le 13 mars.", "2021-05-20",
     "deux jours après le 13 mars", "2021-03-15", "2021-03-15", "2021-03-15"),
    # A weekend without a number of weeks; a vague or a couple of units.
    ("This past weekend, militants attacked a convoy near Mosul.", "2021-05-20",
     "This past weekend", "2021-W19-WE", "2021-05-15", "2021-05-16"),
    ("Militants attacked three villages in Borno over the weekend.", "2021-05-20",
     "the weekend", "2021-W19-WE", "2021-05-15", "2021-05-16"),
    ("The siege of Marawi lasted a couple of days.", "2021-05-20", "a couple of days", "P2D",
     None, None),
    ("Hours later, the army withdrew from Palma.", "2021-05-20", "Hours later", "PTXH", None,
     None),
    ("Half an hour later, a second blast hit the market in Kabul.", "2021-05-20",
     "Half an hour later", "PT30M", None, None),
]


@pytest.mark.parametrize(("text", "reference", "expected", "value", "start", "end"),
                         JOINED_FORMATS)
def test_formats_joined_to_their_day(text: str, reference: str, expected: str, value: str,
                                     start: str | None, end: str | None) -> None:
    assert _found(text, reference, expected) == (value, start, end)


# "late Tuesday", "tard dans la nuit de mardi": the day's value, the END or START mod.
@pytest.mark.parametrize(("text", "expected", "value", "mod"), [
    ("Gunmen attacked a village in Zamfara late Tuesday.", "late Tuesday", "2021-05-18", "END"),
    ("Early Monday, shells hit Donetsk.", "Early Monday", "2021-05-17", "START"),
    ("Des hommes armés ont attaqué Solhan tard dans la nuit de mardi.",
     "tard dans la nuit de mardi", "2021-05-18TNI", "END"),
])
def test_a_position_in_the_day(text: str, expected: str, value: str, mod: str) -> None:
    found = [m for m in find_times(text, "2021-05-20") if m.text == expected]
    assert found and (found[0].value, found[0].mod) == (value, mod)


# A count, a share or a clock time after a weekday; a moment of the day that opens an age;
# a day before an event with no date.
@pytest.mark.parametrize(("text", "absent"), [
    ("Lundi 3 soldats ont été tués près de Mopti.", "Lundi 3"),
    ("Les 2/3 des sièges sont allés au parti au pouvoir.", "2/3"),
    ("Mercredi 17 h, une frappe a visé Alep.", "Mercredi 17"),
    ("À l'aube de l'an 2000, la guerre a repris.", "l'aube"),
    ("The dawn of a new era in Sudan was short-lived.", "dawn"),
])
def test_lookalikes_of_the_joined_formats(text: str, absent: str) -> None:
    assert absent not in [m.text for m in find_times(text, "2021-05-20")]


def test_the_eve_of_an_event_with_no_date_stays_anaphoric() -> None:
    found = [m for m in find_times("Il a été arrêté la veille du scrutin.", "2021-05-20")]
    assert [(m.text, m.value) for m in found] == [("la veille", "2021-05-19")]


def test_a_count_of_days_after_a_date_keeps_its_parts_for_timeml() -> None:
    mentions = find_times("He was freed two days after March 13.", "2021-05-20")
    assert [(m.text, m.value, m.part_of is not None) for m in mentions] == [
        ("two days after March 13", "2021-03-15", False), ("two days", "P2D", True),
        ("March 13", "2021-03-13", True)]
