"""Time mentions as ``newsevents mentions --kind time`` gives them (issue 15, item 5): one
mention per expression TimeML tags, a range as well as its two ends (``part_of`` names the
range), and every mention's TIMEX3 value agreeing with its start/end interval. Sentences
of our own, French and English; the agreement is also checked on the shared corpora's
texts (read in ../shared, never copied) when they are there."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.cli import main
from newsevents.pipeline import process_document
from newsevents.reader import text_document
from newsevents.records import TimeMention
from newsevents.stages.dates import find_times
from newsevents.stages.timex.calendar import interval_agrees, value_interval
from newsevents.stages.timex.tempeval import timeml_predictions

from .conftest import SHARED_CORPUS

# (text, publication date, [(mention text, value, text of the range it is part of)])
Row = tuple[str, str, list[tuple[str, str, str | None]]]
RANGES: list[Row] = [
    # A second clock time earlier than the first is the next morning's.
    ("The curfew runs from 10pm to 6am.", "2021-03-25",
     [("from 10pm to 6am", "2021-03-25T22:00/2021-03-26T06:00", None),
      ("10pm", "2021-03-25T22:00", "from 10pm to 6am"),
      ("6am", "2021-03-26T06:00", "from 10pm to 6am")]),
    ("Le couvre-feu va de 22 h à 6 h.", "2021-03-25",
     [("de 22 h à 6 h", "2021-03-25T22:00/2021-03-26T06:00", None),
      ("22 h", "2021-03-25T22:00", "de 22 h à 6 h"), ("6 h", "2021-03-26T06:00", "de 22 h à 6 h")]),
    ("Des combats ont eu lieu du 3 au 5 mai près de Gao.", "2023-05-20",
     [("du 3 au 5 mai", "2023-05-03/2023-05-05", None), ("3", "2023-05-03", "du 3 au 5 mai"),
      ("5 mai", "2023-05-05", "du 3 au 5 mai")]),
    ("Le couvre-feu a été levé entre le 2 mars et le 9 avril 2022.", "2022-06-01",
     [("entre le 2 mars et le 9 avril 2022", "2022-03-02/2022-04-09", None),
      ("le 2 mars", "2022-03-02", "entre le 2 mars et le 9 avril 2022"),
      ("le 9 avril 2022", "2022-04-09", "entre le 2 mars et le 9 avril 2022")]),
    ("Entre 2015 et 2017, la ville a changé de mains quatre fois.", "2021-01-10",
     [("Entre 2015 et 2017", "2015/2017", None), ("2015", "2015", "Entre 2015 et 2017"),
      ("2017", "2017", "Entre 2015 et 2017")]),
    # The first end takes the year the second names, the year before when it must.
    ("From March to May 2020, strikes hit the port.", "2021-01-10",
     [("From March to May 2020", "2020-03/2020-05", None),
      ("March", "2020-03", "From March to May 2020"),
      ("May 2020", "2020-05", "From March to May 2020")]),
    ("The border stayed shut from December 28 to January 3, 2021.", "2021-02-01",
     [("from December 28 to January 3, 2021", "2020-12-28/2021-01-03", None),
      ("December 28", "2020-12-28", "from December 28 to January 3, 2021"),
      ("January 3, 2021", "2021-01-03", "from December 28 to January 3, 2021")]),
    # Two clock times are a TIME range, both on the night named after them.
    ("Les tirs ont duré entre 23 h et 3 h dans la nuit de vendredi.", "2024-03-13",
     [("entre 23 h et 3 h", "2024-03-08T23:00/2024-03-09T03:00", None),
      ("23 h", "2024-03-08T23:00", "entre 23 h et 3 h"),
      ("3 h", "2024-03-09T03:00", "entre 23 h et 3 h"),
      ("la nuit de vendredi", "2024-03-08TNI", None)]),
    ("Shelling went on from 9 am to 4 pm on Tuesday.", "2024-03-13",
     [("from 9 am to 4 pm", "2024-03-12T09:00/2024-03-12T16:00", None),
      ("9 am", "2024-03-12T09:00", "from 9 am to 4 pm"),
      ("4 pm", "2024-03-12T16:00", "from 9 am to 4 pm"), ("Tuesday", "2024-03-12", None)]),
    # "depuis X", "avant X", "since X": the open range and X itself.
    ("Le groupe contrôle la région depuis juin 2014.", "2021-01-10",
     [("depuis juin 2014", "2014-06", None), ("juin 2014", "2014-06", "depuis juin 2014")]),
    ("The militia has held the bridge since 2019.", "2021-01-10",
     [("since 2019", "2019", None), ("2019", "2019", "since 2019")]),
    ("Avant 2000, la vallée comptait vingt villages.", "2021-01-10",
     [("Avant 2000", "2000", None), ("2000", "2000", "Avant 2000")]),
    # Two weekdays in a row are one range of two days.
    ("Des frappes ont visé la ville samedi et dimanche.", "2024-03-13",
     [("samedi et dimanche", "2024-03-09/2024-03-10", None),
      ("samedi", "2024-03-09", "samedi et dimanche"),
      ("dimanche", "2024-03-10", "samedi et dimanche")]),
    ("Talks were held on Saturday and Sunday.", "2024-03-13",
     [("Saturday and Sunday", "2024-03-09/2024-03-10", None),
      ("Saturday", "2024-03-09", "Saturday and Sunday"),
      ("Sunday", "2024-03-10", "Saturday and Sunday")]),
    # A lone date is a mention of its own.
    ("Le 14 février 2019, un convoi a sauté sur une mine.", "2021-01-10",
     [("Le 14 février 2019", "2019-02-14", None)]),
]


def _listed(text: str, mentions: list[TimeMention]) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.value, text[m.part_of[0]:m.part_of[1]] if m.part_of else None)
            for m in mentions]


@pytest.mark.parametrize(("text", "reference", "expected"), RANGES)
def test_a_range_keeps_its_two_expressions(text: str, reference: str,
                                           expected: list[tuple[str, str, str | None]]) -> None:
    mentions = find_times(text, reference)
    assert _listed(text, mentions) == expected
    for mention in mentions:
        assert _agrees(mention), mention


def _agrees(mention: TimeMention) -> bool:
    start = date.fromisoformat(mention.start_date) if mention.start_date else None
    end = date.fromisoformat(mention.end_date) if mention.end_date else None
    return interval_agrees(mention.value, mention.mod, start, end)


def test_timeml_scoring_leaves_the_range_out() -> None:
    text = "Des combats ont eu lieu du 3 au 5 mai près de Gao."
    predicted = timeml_predictions(find_times(text, "2023-05-20"))
    assert [(text[p.start:p.end], p.value) for p in predicted] == [
        ("3", "2023-05-03"), ("5 mai", "2023-05-05")]


def test_the_cli_prints_the_range_and_its_ends(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("date 2023-05-20\n\nDes combats ont eu lieu du 3 au 5 mai près de Gao.\n",
                       encoding="utf-8")
    result = CliRunner().invoke(main, ["mentions", str(article), "--kind", "time"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    whole = [records[0]["start"], records[0]["end"]]
    assert [(r["text"], r["part_of"]) for r in records] == [
        ("du 3 au 5 mai", None), ("3", whole), ("5 mai", whole)]


def test_a_claim_takes_the_whole_range() -> None:
    text = "Du 3 au 5 mai, au moins 12 soldats ont été tués dans des attaques près de Gao."
    result = process_document(text_document(text, "t", date="2023-05-20"))
    times = [c.time for c in result.claims]
    assert times and all(t["text"] == "Du 3 au 5 mai" for t in times), times
    assert all((t["start"], t["end"]) == ("2023-05-03", "2023-05-05") for t in times)


# (value, start, end) of each ISO-TimeML form the resolvers write
VALUES = [
    ("2021-03-04", "2021-03-04", "2021-03-04"), ("2021-03-04T21:30", "2021-03-04", "2021-03-04"),
    ("2021-03", "2021-03-01", "2021-03-31"), ("2021", "2021-01-01", "2021-12-31"),
    ("2016-W12", "2016-03-21", "2016-03-27"), ("2016-W12-WE", "2016-03-26", "2016-03-27"),
    ("2016-Q3", "2016-07-01", "2016-09-30"), ("2016-H1", "2016-01-01", "2016-06-30"),
    ("2020-WI", "2020-12-01", "2021-02-28"), ("199X", "1990-01-01", "1999-12-31"),
    ("19", "1900-01-01", "1999-12-31"), ("2020-03/2020-05", "2020-03-01", "2020-05-31"),
]


@pytest.mark.parametrize(("value", "start", "end"), VALUES)
def test_value_interval(value: str, start: str, end: str) -> None:
    assert value_interval(value) == (date.fromisoformat(start), date.fromisoformat(end))


@pytest.mark.parametrize("value", ["PRESENT_REF", "XXXX-WXX-1", "P3Y", "2021-02-30", "XXXX-05"])
def test_values_naming_no_interval(value: str) -> None:
    assert value_interval(value) is None


SENTENCES = [
    "Début avril, puis mi-mars 2020 et fin 2017, des frappes ont eu lieu.",
    "Au troisième trimestre 2016, au premier semestre et la semaine 12 de 2016, rien.",
    "Dans les années 90 et au milieu du siècle dernier, la ville a grandi.",
    "Overnight and in the last 24 hours, at least 12 drones were shot down.",
    "So far this year, and since late 2014, the toll has risen; after mid-September too.",
    "Depuis le début de l'année, l'hiver dernier, le week-end dernier, à Noël, le 14 juillet.",
    "Le 12/03/2021 à 21h30, puis le 29.02.2020 à seize heures, et le 2021-03-12 à 9:30 a.m.",
    "La veille, le lendemain, deux jours plus tard et ce jour-là, hier soir, cette nuit.",
    "Last weekend, the past two weeks, next month, in 2019 and 2020, thus far in March.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("reference", ["2021-03-25", "2021-03", "2021"])
def test_values_and_intervals_agree(sentence: str, reference: str) -> None:
    mentions = find_times(sentence, reference)
    assert mentions
    assert [m for m in mentions if not _agrees(m)] == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    "du 3 au 5 mai", "entre 2015 et 2017", "from March to May 2020", "depuis juin 2014",
    "samedi et dimanche", "avant 2000", "after 2018", "entre 22 h et 2 h", "la nuit de samedi",
    "le lendemain", "fin 2017", "hier", "Monday", "last week", "en 92", ",", ".", "et",
    "des frappes", "strikes hit"]), max_size=12),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)))
def test_every_mention_agrees_with_its_interval(words: list[str], reference: date) -> None:
    text = " ".join(words)
    for mention in find_times(text, reference.isoformat()):
        assert _agrees(mention), mention
        if mention.part_of is not None:
            start, end = mention.part_of
            assert start <= mention.start and mention.end <= end


def _corpus_documents() -> list[tuple[str, str, str | None]]:
    from newsevents.stages.timex.tempeval import read_timeml

    found: list[tuple[str, str, str | None]] = []
    for path in sorted((SHARED_CORPUS / "ftib").glob("*.tml")):
        document = read_timeml(path.read_text(encoding="utf-8"), path.stem)
        found.append((path.stem, document.text, document.dct[:10]))
    for path in sorted((SHARED_CORPUS / "news").glob("*.txt")):
        article = text_document(path.read_text(encoding="utf-8"), path.name)
        found.append((path.name, article.text, article.date))
    return found


def test_values_and_intervals_agree_on_the_shared_corpora() -> None:
    documents = _corpus_documents()
    if not documents:
        pytest.skip(f"no shared corpus at {SHARED_CORPUS}")
    wrong = [(name, m.text, m.value, m.mod, m.start_date, m.end_date)
             for name, text, reference in documents
             for m in find_times(text, reference) if not _agrees(m)]
    assert wrong == []


@pytest.mark.parametrize(("value", "mod", "start", "end", "agrees"), [
    ("2021-03", None, "2021-03-01", "2021-03-31", True),
    ("2021-03", None, "2021-03-01", "2021-03-30", True),  # "so far in March", cut at the day
    ("2021-03", None, "2021-03-02", "2021-03-31", False),
    ("2021", "END", "2021-09-02", "2021-12-31", True),
    ("2021-03-04TNI", None, "2021-03-04", "2021-03-05", True),
    ("2021-03-04TNI", None, "2021-03-04", "2021-03-06", False),
    ("2014-06", "ON_OR_AFTER", "2014-06-01", "2021-05-12", True),
    ("2000", "BEFORE", None, "1999-12-31", True),
    ("2018", "AFTER", "2019-01-01", "2021-05-12", True),
    ("2020-03/2020-05", None, "2020-03-01", "2020-05-31", True),
    ("2020-03/2020-05", None, "2020-03-01", "2020-06-30", False),
    ("PRESENT_REF", None, None, None, True),
])
def test_interval_agrees(value: str, mod: str | None, start: str | None, end: str | None,
                         agrees: bool) -> None:
    first = date.fromisoformat(start) if start else None
    last = date.fromisoformat(end) if end else None
    assert interval_agrees(value, mod, first, last) is agrees
