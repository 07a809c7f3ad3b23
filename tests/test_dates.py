"""The time-expression stage: a table of French and English phrases in sentences, each with
a reference date and the expected TIMEX3 value and interval; properties under hypothesis."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.records import Noise, Segment
from newsevents.stages.dates import find_times, resolve_time_phrase

# (sentence, reference date, expected text, value, start_date, end_date, granularity)
TABLE = [
    # Seed articles (Iraq, 2021-03 and 2018-05, month-only dates).
    ("La coalition a mené plus de frappes en Irak ce mois-ci.", "2021-03", "ce mois-ci",
     "2021-03", "2021-03-01", "2021-03-31", "month"),
    ("Elle l'a fait de toute l'année dernière.", "2021-03", "l'année dernière",
     "2020", "2020-01-01", "2020-12-31", "year"),
    ("Des responsables l'ont déclaré plus tôt cette semaine.", "2021-03-25",
     "plus tôt cette semaine", "2021-W12", "2021-03-22", "2021-03-28", "week"),
    ("Des responsables l'ont déclaré plus tôt cette semaine.", "2021-03",
     "plus tôt cette semaine", "2021-03", "2021-03-01", "2021-03-31", "month"),
    ("a déclaré le colonel Wayne Marotto dans un tweet mercredi.", "2021-03", "mercredi",
     "2021-03", "2021-03-01", "2021-03-31", "month"),
    ("a déclaré le colonel Wayne Marotto dans un tweet mercredi.", "2021-03-26", "mercredi",
     "2021-03-24", "2021-03-24", "2021-03-24", "day"),
    ("— OIR Spokesman Col. Wayne Marotto (@OIRSpox) March 25, 2021", "2021-03",
     "March 25, 2021", "2021-03-25", "2021-03-25", "2021-03-25", "day"),
    ("Jusqu'à présent, en mars, nos partenaires en Irak ont mené 50 opérations.", "2021-03",
     "mars", "2021-03", "2021-03-01", "2021-03-31", "month"),
    ("Thus far in March our partners in Iraq & Syria completed 50 operations.", "2021-03-26",
     "Thus far in March", "2021-03", "2021-03-01", "2021-03-26", "range"),
    ("Le quartier général a été désactivé aujourd'hui (lundi) à Bagdad.", "2018-05",
     "aujourd'hui (lundi)", "2018-05", "2018-05-01", "2018-05-31", "month"),
    ("Le quartier général a été désactivé aujourd'hui (lundi) à Bagdad.", "2018-04-30",
     "aujourd'hui (lundi)", "2018-04-30", "2018-04-30", "2018-04-30", "day"),
    ("Les opérations ont commencé en juin 2014 en Irak.", "2018-05", "juin 2014",
     "2014-06", "2014-06-01", "2014-06-30", "month"),
    ("en juin 2014 en Irak et en septembre de la même année en Syrie", "2018-05",
     "septembre de la même année", "2014-09", "2014-09-01", "2014-09-30", "month"),
    ("D'août 2014 à mars 2018, la coalition a réalisé 29.307 raids.", "2018-05",
     "D'août 2014 à mars 2018", "2014-08/2018-03", "2014-08-01", "2018-03-31", "range"),
    ("Jim Mattis a annoncé jeudi dernier que les forces seront réaffectées.", "2018-05-01",
     "jeudi dernier", "2018-04-26", "2018-04-26", "2018-04-26", "day"),
    ("Jim Mattis a annoncé jeudi dernier que les forces seront réaffectées.", "2018-05",
     "jeudi dernier", "2018-05", "2018-05-01", "2018-05-31", "month"),
    ("un nouvel effort dans la vallée de l'Euphrate dans les jours qui viennent", "2018-05-01",
     "les jours qui viennent", "FUTURE_REF", "2018-05-02", "2018-05-15", "range"),
    ("des soldats ont été envoyés en Syrie en début avril", "2018-05", "début avril",
     "2018-04", "2018-04-01", "2018-04-10", "month"),
    ("rapporte cette semaine le Stars and Stripes", "2021-03-25", "cette semaine",
     "2021-W12", "2021-03-22", "2021-03-28", "week"),
    # Days relative to the publication.
    ("Trois soldats maliens ont été tués hier près de Gao.", "2021-03-25", "hier",
     "2021-03-24", "2021-03-24", "2021-03-24", "day"),
    ("Les shebab ont attaqué avant-hier une base à Mogadiscio.", "2020-06-10", "avant-hier",
     "2020-06-08", "2020-06-08", "2020-06-08", "day"),
    ("Une réunion aura lieu demain à Sanaa.", "2019-12-31", "demain",
     "2020-01-01", "2020-01-01", "2020-01-01", "day"),
    ("Russian forces shelled Kharkiv yesterday, officials said.", "2022-03-01", "yesterday",
     "2022-02-28", "2022-02-28", "2022-02-28", "day"),
    ("Talks will resume tomorrow in Doha.", "2020-02-28", "tomorrow",
     "2020-02-29", "2020-02-29", "2020-02-29", "day"),
    ("The ministry said today that 12 fighters were killed.", "2017-07-10", "today",
     "2017-07-10", "2017-07-10", "2017-07-10", "day"),
    ("Boko Haram a attaqué le village hier soir.", "2021-03-25", "hier soir",
     "2021-03-24TEV", "2021-03-24", "2021-03-24", "day"),
    ("Une frappe a visé Idlib ce matin.", "2019-08-20", "ce matin",
     "2019-08-20TMO", "2019-08-20", "2019-08-20", "day"),
    ("Kabul was hit by rockets last night.", "2021-08-30", "last night",
     "2021-08-29TNI", "2021-08-29", "2021-08-30", "day"),
    ("dans la nuit de samedi à dimanche, des hommes armés ont attaqué", "2021-03-23",
     "la nuit de samedi à dimanche", "2021-03-20TNI", "2021-03-20", "2021-03-21", "day"),
    # Weekdays by tense and with dernier/prochain.
    ("Des frappes ont touché Hodeida mardi.", "2021-03-25", "mardi",
     "2021-03-23", "2021-03-23", "2021-03-23", "day"),
    ("Le sommet se tiendra samedi à Niamey.", "2021-03-25", "samedi",
     "2021-03-27", "2021-03-27", "2021-03-27", "day"),
    ("Le conseil se réunira mardi prochain.", "2021-03-25", "mardi prochain",
     "2021-03-30", "2021-03-30", "2021-03-30", "day"),
    ("Le convoi a été attaqué vendredi dernier près de Tombouctou.", "2021-03-25",
     "vendredi dernier", "2021-03-19", "2021-03-19", "2021-03-19", "day"),
    ("The Taliban attacked a checkpoint last Thursday.", "2021-03-25", "last Thursday",
     "2021-03-18", "2021-03-18", "2021-03-18", "day"),
    ("Strikes hit Aleppo on Monday, the monitor said.", "2016-09-22", "Monday",
     "2016-09-19", "2016-09-19", "2016-09-19", "day"),
    ("The talks will open next Tuesday in Geneva.", "2016-09-22", "next Tuesday",
     "2016-09-27", "2016-09-27", "2016-09-27", "day"),
    ("L'armée a repris la ville vendredi matin.", "1999-08-07", "vendredi matin",
     "1999-08-06TMO", "1999-08-06", "1999-08-06", "day"),
    ("Des tirs ont été entendus Monday night in Donetsk.", "2014-07-17", "Monday night",
     "2014-07-14TNI", "2014-07-14", "2014-07-14", "day"),
    # Periods relative to the publication.
    ("Les combats ont fait 40 morts la semaine dernière.", "2021-03-25", "la semaine dernière",
     "2021-W11", "2021-03-15", "2021-03-21", "week"),
    ("Les frappes ont repris le mois dernier.", "2021-03", "le mois dernier",
     "2021-02", "2021-02-01", "2021-02-28", "month"),
    ("Le retrait aura lieu le mois prochain.", "2021-12-10", "le mois prochain",
     "2022-01", "2022-01-01", "2022-01-31", "month"),
    ("Cette année, 300 civils ont été tués au Yémen.", "2019-06-01", "Cette année",
     "2019", "2019-01-01", "2019-12-31", "year"),
    ("L'an dernier, les attaques ont doublé au Burkina Faso.", "2019-06-01", "L'an dernier",
     "2018", "2018-01-01", "2018-12-31", "year"),
    ("Casualties rose this month in Helmand.", "2021-05-12", "this month",
     "2021-05", "2021-05-01", "2021-05-31", "month"),
    ("Attacks doubled last year in northern Nigeria.", "2021-05-12", "last year",
     "2020", "2020-01-01", "2020-12-31", "year"),
    ("Fighting eased earlier this week near Marib.", "2021-05-12", "earlier this week",
     "2021-W19", "2021-05-10", "2021-05-16", "week"),
    ("Des combats ont eu lieu en début de semaine à Marib.", "2021-05-13",
     "début de semaine", "2021-W19", "2021-05-10", "2021-05-11", "week"),
    ("le bilan sera connu à la fin de l'année", "2021-05-13", "la fin de l'année",
     "2021", "2021-09-02", "2021-12-31", "year"),
    ("ce week-end, des drones ont frappé", "2003-02-04", "ce week-end",
     "2003-W05-WE", "2003-02-01", "2003-02-02", "week"),
    # Counting back and forth.
    ("Un attentat a tué 12 personnes il y a trois jours à Kaboul.", "2021-03-25",
     "il y a trois jours", "2021-03-22", "2021-03-22", "2021-03-22", "day"),
    ("Twelve soldiers were killed three days ago in Borno.", "2021-03-25", "three days ago",
     "2021-03-22", "2021-03-22", "2021-03-22", "day"),
    ("il y a deux ans, la ville était aux mains de l'EI", "2019-07-01", "il y a deux ans",
     "2017", "2017-01-01", "2017-12-31", "year"),
    # exactness says nothing TimeML marks, and no longer breaks the expression
    ("Il y a exactement trois ans, la Russie intervenait en Syrie.", "2018-10-01",
     "Il y a exactement trois ans", "2015", "2015-01-01", "2015-12-31", "year"),
    ("The town fell to the Taliban exactly a year ago.", "2022-08-15", "exactly a year ago",
     "2021", "2021-01-01", "2021-12-31", "year"),
    ("Le 3 mai, l'armée a repris Palmyre; deux jours plus tard, l'EI a contre-attaqué.",
     "2016-06-01", "deux jours plus tard", "2016-05-05", "2016-05-05", "2016-05-05", "day"),
    ("L'attaque a eu lieu le 12 mars. La veille, des tirs avaient été signalés.", "2020-03-20",
     "La veille", "2020-03-11", "2020-03-11", "2020-03-11", "day"),
    ("Le 12 mars, Mossoul a été bombardée. Le lendemain, l'armée a avancé.", "2020-03-20",
     "Le lendemain", "2020-03-13", "2020-03-13", "2020-03-13", "day"),
    ("On 4 August the convoy was hit; the following day troops withdrew.", "2020-08-20",
     "the following day", "2020-08-05", "2020-08-05", "2020-08-05", "day"),
    # Calendar dates, with or without a year.
    ("Le 25 mars 2021, la coalition a mené 312 frappes.", "2021-03-27", "Le 25 mars 2021",
     "2021-03-25", "2021-03-25", "2021-03-25", "day"),
    ("Le 3 mai, des combats ont éclaté à Tripoli.", "2021-06-10", "Le 3 mai",
     "2021-05-03", "2021-05-03", "2021-05-03", "day"),
    ("L'attaque du 22 octobre a fait 30 morts au Niger.", "2020-01-15", "22 octobre",
     "2019-10-22", "2019-10-22", "2019-10-22", "day"),
    ("Les élections auront lieu le 1er septembre prochain.", "2003-02-07",
     "le 1er septembre prochain", "2003-09-01", "2003-09-01", "2003-09-01", "day"),
    ("le 6 mai dernier, un convoi a sauté sur une mine", "1999-05-27", "le 6 mai dernier",
     "1999-05-06", "1999-05-06", "1999-05-06", "day"),
    ("Le sommet du samedi 5 juin réunira les chefs d'Etat.", "1999-05-22", "samedi 5 juin",
     "1999-06-05", "1999-06-05", "1999-06-05", "day"),
    ("The offensive began on 24 February 2022.", "2022-03-10", "24 February 2022",
     "2022-02-24", "2022-02-24", "2022-02-24", "day"),
    ("Les combats ont repris du 3 au 5 mai à Khartoum.", "2023-06-01", "du 3 au 5 mai",
     "2023-05-03/2023-05-05", "2023-05-03", "2023-05-05", "range"),
    # English, month first: "between June 7 and 13", "June 7-13"
    ("Ten terrorists were neutralised around Solhan between June 7 and 13.", "2021-06-14",
     "between June 7 and 13", "2021-06-07/2021-06-13", "2021-06-07", "2021-06-13", "range"),
    ("Fighting on June 7-13 killed five soldiers.", "2021-06-14", "June 7-13",
     "2021-06-07/2021-06-13", "2021-06-07", "2021-06-13", "range"),
    # Months, years, ranges.
    ("En mars, 50 opérations ont été menées en Syrie.", "2021-03-26", "mars",
     "2021-03", "2021-03-01", "2021-03-31", "month"),
    ("septembre dernier, les talibans ont pris Kunduz", "2016-02-09", "septembre dernier",
     "2015-09", "2015-09-01", "2015-09-30", "month"),
    ("Le retrait est prévu en juin prochain.", "1999-05-23", "juin prochain",
     "1999-06", "1999-06-01", "1999-06-30", "month"),
    ("En 2019, les attaques ont doublé au Sahel.", "2021-01-10", "2019",
     "2019", "2019-01-01", "2019-12-31", "year"),
    ("Depuis juin 2014, la coalition a frappé l'EI.", "2018-05", "Depuis juin 2014",
     "2014-06", "2014-06-01", "2018-05-31", "range"),
    ("entre 2015 et 2017, les frappes ont tué 2.136 civils", "2018-05", "entre 2015 et 2017",
     "2015/2017", "2015-01-01", "2017-12-31", "range"),
    ("From August 2014 to March 2018 the coalition conducted 29,307 strikes.", "2018-05",
     "From August 2014 to March 2018", "2014-08/2018-03", "2014-08-01", "2018-03-31", "range"),
    ("de juin à août 2014, les combats ont fait rage", "2018-05", "de juin à août 2014",
     "2014-06/2014-08", "2014-06-01", "2014-08-31", "range"),
    ("mi-mars, l'armée a lancé une offensive", "2021-05-01", "mi-mars",
     "2021-03", "2021-03-11", "2021-03-21", "month"),
    ("Fin 2017, l'EI a perdu Raqqa.", "2019-01-01", "Fin 2017",
     "2017", "2017-09-02", "2017-12-31", "year"),
    ("Early April, troops moved into Kherson.", "2022-05-01", "Early April",
     "2022-04", "2022-04-01", "2022-04-10", "month"),
    ("fin septembre 2000, la ville est tombée", "2003-02-24", "fin septembre 2000",
     "2000-09", "2000-09-21", "2000-09-30", "month"),
    ("mai 1988, les troupes soviétiques ont commencé leur retrait", "2002-01-03", "mai 1988",
     "1988-05", "1988-05-01", "1988-05-31", "month"),
    # Seasons, decades, centuries.
    ("l'été 2019 a été meurtrier au Burkina Faso", "2020-01-10", "l'été 2019",
     "2019-SU", "2019-06-01", "2019-08-31", "month"),
    ("L'offensive a repris cet hiver dans le Donbass.", "2015-02-10", "cet hiver",
     "2015-WI", "2015-12-01", "2016-02-29", "month"),
    ("dans les années 60, la guerre du Biafra", "2020-01-10", "les années 60",
     "196X", "1960-01-01", "1969-12-31", "year"),
    ("In the 1990s Somalia collapsed into civil war.", "2020-01-10", "the 1990s",
     "199X", "1990-01-01", "1999-12-31", "year"),
    ("au XXe siècle, la région a connu trois guerres", "2020-01-10", "au XXe siècle",
     "19", "1900-01-01", "1999-12-31", "year"),
    # Durations and sets.
    ("La guerre dure depuis plus de vingt ans en Afghanistan.", "2021-08-01",
     "plus de vingt ans", "P20Y", None, None, "unknown"),
    ("Les combattants ont résisté pendant trois ans.", "2021-08-01", "trois ans",
     "P3Y", None, None, "unknown"),
    ("Les négociations ont duré plusieurs jours.", "2021-08-01", "plusieurs jours",
     "PXD", None, None, "unknown"),
    ("The siege lasted 24 hours.", "2021-08-01", "24 hours", "PT24H", None, None, "unknown"),
    ("Le siège a duré un demi-siècle.", "2021-08-01", "un demi-siècle",
     "P50Y", None, None, "unknown"),
    ("au cours des trois derniers mois, 200 civils ont été tués", "2021-08-01",
     "des trois derniers mois", "P3M", "2021-05-01", "2021-08-01", "range"),
    ("Ces derniers jours, les frappes se sont intensifiées.", "2021-08-10",
     "Ces derniers jours", "PXD", "2021-08-03", "2021-08-10", "range"),
    # a duration since which something holds runs to the reference; one past year is one
    ("Plus de 1 600 personnes ont péri depuis six mois dans les frappes.", "2015-02-07",
     "six mois", "P6M", "2014-08-07", "2015-02-07", "range"),
    ("The military carried out more than 300 air strikes in the last year.", "2023-06-28",
     "the last year", "P1Y", "2022-06-28", "2023-06-28", "range"),
    ("Les drones survolent la zone chaque semaine.", "2021-08-01", "chaque semaine",
     "P1W", None, None, "unknown"),
    ("Patrols are carried out every day in Gao.", "2021-08-01", "every day",
     "P1D", None, None, "unknown"),
    ("Le marché est fermé tous les jeudis.", "2021-08-01", "tous les jeudis",
     "XXXX-WXX-4", None, None, "unknown"),
    # Clock times on the day just named.
    ("Mardi, vers 21 h 45, une explosion a secoué Bamako.", "1999-05-20", "vers 21 h 45",
     "1999-05-18T21:45", "1999-05-18", "1999-05-18", "day"),
    ("The blast happened at 3 p.m. on Friday.", "2021-08-27", "3 p.m.",
     "2021-08-27T15:00", "2021-08-27", "2021-08-27", "day"),
    # References to the present, the future, the past.
    ("Les forces sont actuellement déployées à Kidal.", "2021-08-01", "actuellement",
     "PRESENT_REF", None, None, "unknown"),
    ("In the past, the group controlled Mosul.", "2021-08-01", "In the past",
     "PAST_REF", None, None, "unknown"),
]


@pytest.mark.parametrize(
    ("sentence", "reference", "text", "value", "start", "end", "granularity"), TABLE)
def test_phrase_in_sentence(sentence: str, reference: str, text: str, value: str,
                            start: str | None, end: str | None, granularity: str) -> None:
    mentions = find_times(sentence, reference)
    found = [m for m in mentions if m.text == text]
    assert found, f"{text!r} not found; got {[(m.text, m.value) for m in mentions]}"
    mention = found[0]
    assert sentence[mention.start:mention.end] == mention.text
    assert (mention.value, mention.start_date, mention.end_date, mention.granularity) == (
        value, start, end, granularity)


def test_more_than_mod() -> None:
    mention = resolve_time_phrase("plus de vingt ans de guerre", "2021-08-01")
    assert mention is not None and (mention.value, mention.mod) == ("P20Y", "MORE_THAN")


@pytest.mark.parametrize("sentence", [
    "La coalition a mené 312 frappes contre l'EI.",
    "29.307 raids aériens en Irak et en Syrie ont causé la mort de 2.136 civils.",
    "Trump, pour plaire à sa base électorale, ne cessait de parler.",
    "Jean Burget, 87 ans, a été blessé à Mossoul.",
    "Une fillette de 6 ans s'est noyée, âgée de 6 ans.",
    "Le score final est de 2-1 pour Gao.",
    "2000 soldats ont été déployés au Mali.",
    "Il a toujours été clair que les forces ont été attaquées.",
    "May God protect the troops, said a fighter.",
])
def test_no_time_in_numbers_ages_and_lookalikes(sentence: str) -> None:
    assert find_times(sentence, "2021-03-25") == []


def test_noise_ranges_are_skipped() -> None:
    text = "Temps de lecture estimé : 2 minutes\nLa coalition a frappé hier."
    noise = [Noise(0, text.index("\n"), "reading_time")]
    assert [m.text for m in find_times(text, "2021-03-25", noise=noise)] == ["hier"]


def test_tweet_segment_uses_its_own_date() -> None:
    text = "Le porte-parole écrit : « Strikes hit Makhmour yesterday. » Hier, calme."
    tweet = Segment(text.index("Strikes"), text.index("»"), "tweet", "en", date="2021-03-25")
    mentions = {m.text: m.value for m in find_times(text, "2021-03-28", segments=[tweet])}
    assert mentions == {"yesterday": "2021-03-24", "Hier": "2021-03-27"}


def test_no_document_date_keeps_calendar_dates() -> None:
    values = [m.value for m in find_times("Le 25 mars 2021 et hier.", None)]
    assert values == ["2021-03-25"]


_WORDS = st.sampled_from([
    "hier", "demain", "mardi", "dernier", "prochain", "mars", "2014", "le", "3", "mai", "à",
    "de", "d'août", "depuis", "jours", "il", "y", "a", "trois", "ans", "plus", "tôt", "cette",
    "semaine", "fin", "début", "mi-", "entre", "et", "vers", "21", "h", "45", "la", "nuit",
    "Thursday", "last", "March", "25,", "ago", "ce", "mois-ci", "l'année", "lendemain", ".",
])


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_raises(text: str) -> None:
    for mention in find_times(text, "2021-03-25"):
        assert text[mention.start:mention.end] == mention.text


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=25),
       st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)),
       st.sampled_from(["day", "month", "year"]))
def test_resolution_is_consistent(words: list[str], reference: date, precision: str) -> None:
    text = " ".join(words)
    iso = {"day": reference.isoformat(), "month": reference.isoformat()[:7],
           "year": reference.isoformat()[:4]}[precision]
    for mention in find_times(text, iso):
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start:mention.end] == mention.text
        if mention.start_date and mention.end_date:
            assert mention.start_date <= mention.end_date
            assert date.fromisoformat(mention.end_date) - date.fromisoformat(
                mention.start_date) < timedelta(days=366 * 120)


def test_a_month_only_date_the_text_dates_to_a_day_anchors_its_weekdays() -> None:
    # Chad: an article of "2020-03" that says "mardi 24 mars": Sunday is the 22nd
    text = ("Le président a déploré, mardi 24 mars, la mort de 92 militaires. L'attaque a "
            "eu lieu dans la nuit de dimanche à lundi.")
    sunday = next(m for m in find_times(text, "2020-03") if "dimanche" in m.text)
    assert sunday.start_date == "2020-03-22", sunday
    # without a day of its own, a weekday stays the month
    alone = next(m for m in find_times("L'attaque a eu lieu dimanche.", "2020-03"))
    assert (alone.start_date, alone.end_date) == ("2020-03-01", "2020-03-31")


def test_a_month_first_day_and_a_count_make_no_range() -> None:
    # "On June 7 and 8 people died": the 8 are people, not a day
    mention = resolve_time_phrase("On June 7 and 8 people died.", "2021-06-14", "en")
    assert mention is not None and mention.text == "June 7"
