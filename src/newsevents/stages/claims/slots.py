"""Filling a claim's slots from the mentions of its sentence: actors and targets, places,
time, and the fallbacks a sentence inherits from the claim it continues or its document."""

from __future__ import annotations

import bisect
import calendar
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from newsevents.gazetteer.disambiguation import context_words, demonym_countries
from newsevents.gazetteer.lookup import tokenize
from newsevents.records import (
    ActorMention,
    Claim,
    NumberMention,
    PlaceMention,
    R,
    Ranged,
    Segment,
    TimeMention,
)
from newsevents.stages.actors import armed_group_at, fold, registry, sentence_ends, state_actor
from newsevents.stages.claims.counted import CountedReading
from newsevents.stages.claims.vocab import claim_vocabulary
from newsevents.stages.places import country_place

# Words before an actor that make it the target: "des frappes contre l'EI", "strikes on IS".
_TARGET_CUE = re.compile(
    r"(?<![\w])(?:contre|visant|ciblant|sur|against|targeting|on|at|vers|vise|visee|vises|visees|"
    r"ciblee|ciblees|frappant|attaquant|targeted|struck|hit|hitting|attacked|attacking)(?![\w])"
    r"(?P<between>(?:[ \u00a0(]{1,3}[\w'’-]{1,20}){0,4}?)[ \u00a0'’(]{0,3}$")
# "nos partenaires", "our partners", "its jets" (the Air Force said): the speaker's own side.
_FIRST_PERSON = re.compile(r"(?<![\w])(?:nos|notre|our|we|nous|its|their)(?![\w])", re.I)
NON_ACTORS = frozenset({"civilians"})


def within(items: Sequence[R], start: int, end: int, exclude: Ranged | None) -> list[R]:
    """The items inside `[start, end)` that do not begin inside the `exclude` clause
    (a sentence's attribution: its actors, places and times are not the event's).
    `items` are sorted by start (DocumentMentions sorts them): found by bisection, not a
    scan of the document's mentions for every sentence (quadratic on long documents)."""
    first = bisect.bisect_left(items, start, key=lambda item: item.start)
    last = bisect.bisect_right(items, end, key=lambda item: item.start)
    return [item for item in items[first:last] if item.end <= end and not (
        exclude is not None and exclude.start <= item.start < exclude.end)]


@dataclass
class DocumentMentions:
    """Everything the earlier stages found in one document."""

    text: str
    doc_id: str
    doc_date: str | None
    outlet: str | None
    numbers: list[NumberMention]
    times: list[TimeMention]
    places: list[PlaceMention]
    actors: list[ActorMention]
    main_enemy: str | None = None
    fallback_place: PlaceMention | None = None
    # The state whose forces "the army", "soldiers" are: the theatre state the article
    # names most, else its place's (home_state).
    state: str | None = None
    main_event_type: str | None = None  # the first explicit type: what the article is about
    frame: TimeMention | None = None  # the article's day (claims.frame)
    weapon: str | Literal[False] | None = None  # the weapon it is about (None: not sought)
    # Actor id -> how often the article makes it the agent of an event (claims.frame).
    agents: Counter[str] = field(default_factory=Counter)
    patients: Counter[str] = field(default_factory=Counter)  # and of what it hit
    # The places of its first event sentence in its main country (claims.frame).
    frame_places: tuple[PlaceMention, ...] = ()
    # Whose drones or missiles its interceptions downed, and how often (claims.assembly).
    launchers: Counter[str] = field(default_factory=Counter)
    lead_end: int | None = None  # where its headline and lead end (None: not sought)
    # The arms its sentences say were seized or recovered (claims.frame): no weapon used.
    seized_arms: list[tuple[int, int]] = field(default_factory=list)
    # Surname -> noun class of the people it names (claims.counted.PersonNames).
    people: dict[str, str] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    # Where its sentences end, and the armed group of each (`enemy_at`), found once.
    _ends: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    _enemies: dict[int, str | None] = field(default_factory=dict, init=False, repr=False,
                                            compare=False)

    def __post_init__(self) -> None:  # `within` bisects these
        for mentions in (self.numbers, self.times, self.places, self.actors):
            mentions.sort(key=lambda m: m.start)

    def enemy_at(self, position: int) -> str | None:
        """The armed group the article has named by the sentence after `position`: whom
        its "terroristes" there mean (none when it names its groups only later, in a
        closing line of background)."""
        if self._ends is None:
            self._ends = sentence_ends(self.text)
        sentence = bisect.bisect_right(self._ends, position)
        if sentence not in self._enemies:
            self._enemies[sentence] = armed_group_at(self.actors, self._ends, position)
        return self._enemies[sentence]


@dataclass(frozen=True)
class Figure:
    number: NumberMention
    measure: str
    victims: tuple[int, int] | None  # the counted people, who are the targets
    reading: CountedReading | None = None  # what the parse read, when it read it
    # The side of the forces counted beside it, for people counted with no status ("un
    # gouverneur et six policiers tués, dix blessés": the ten are of the policemen's side).
    companions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Context:
    """What a sentence can inherit: the previous claim of its paragraph, the document."""

    paragraph: int
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    time: dict[str, Any] | None = None
    event_type: str | None = None
    strong_type: bool = False
    label: str | None = None  # the event type a label opening the paragraph names
    # The outcome of the paragraph's last toll ("wounded"), for a breakdown in the next
    # sentence ("They include three Syrians")
    outcome: str | None = None
    # Whose drones or missiles the paragraph's last interception downed: the side whose
    # attack its next claims tell ("The attack damaged an industrial facility")
    launcher: tuple[str, ...] = ()
    # The sentence before says civilians were killed, uncounted ("des ADF ont tué des
    # civils"): the bodies the next one counts are theirs
    civilians_killed: bool = False
    # Where `time` and `places` came from: the previous claim, or a sentence of the
    # paragraph that set the scene without a claim of its own ("Du 13 au 28 octobre, des
    # opérations ont été menées à Ndila ... Le bilan fait état de 13 terroristes neutralisés").
    inherited_from: str = "paragraph: the previous claim"


def is_target(text: str, mention: ActorMention, victims: Sequence[tuple[int, int]]) -> bool:
    """Target by syntax, not by word order: the object of a preposition or verb of aiming
    ('contre l'EI', 'ont visé les caches de l'EI', 'strikes on IS'), or the counted victims
    and what qualifies them ('tuant 27 terroristes', 'deux combattants des FDS')."""
    if any(start <= mention.start < end or _complements(text, end, mention.start)
           for start, end in victims):
        return True
    before = fold(text[max(0, mention.start - 60):mention.start])
    return bool(_TARGET_CUE.search(before))


_COMPLEMENT_GAP = re.compile(
    r"[ \u00a0]{0,2}(?:(?:[\w-]{3,15}[ \u00a0]){0,2}?(?:de|des|du|d'|of|from)"
    r"[ \u00a0']{0,2})?(?:(?:l'|la|les|the)[ \u00a0']{0,2})?")


def _complements(text: str, victims_end: int, start: int) -> bool:
    """'27 soldats maliens', 'deux combattants des FDS', 'membres présumés de l'EI': the
    actor that qualifies the counted people is theirs."""
    if not 0 <= start - victims_end <= 40:
        return False
    gap = fold(text[victims_end:start])
    match = _COMPLEMENT_GAP.fullmatch(gap)
    return match is not None


_AGENT_CUE = re.compile(r"(?<![\w])(?:par|by|de la part de|attribuee? a|imputee? a|"
                        r"revendiquee? par|claimed by|carried out by)[ \u00a0'’]{1,3}"
                        r"(?:(?:l|la|le|les|the|des|du)[ \u00a0'’]{1,2})?$")


def split_actors(text: str, mentions: Sequence[ActorMention],
                 victims: Sequence[tuple[int, int]], anchor: int) -> tuple[list[str], list[str]]:
    """(actors, targets) of a claim. Of the mentions that are not targets, those on the
    subject side of the figure or trigger, or introduced as the agent ('par X'), are the
    actors; the others ('l'étape de l'après Daech') only when no actor is left."""
    subject_side: list[str] = []
    elsewhere: list[str] = []
    targets: list[str] = []
    partners = claim_vocabulary().partners
    for mention in mentions:
        before = fold(text[max(0, mention.start - 30):mention.start])
        if is_target(text, mention, victims):
            into = targets
        elif partners.search(before):
            continue  # "in coordination with the Iraqi government": a partner, not the actor
        elif mention.start < anchor or _AGENT_CUE.search(before):
            into = subject_side
        else:
            into = elsewhere
        if mention.id not in into and not (into is not targets and mention.id in NON_ACTORS):
            into.append(mention.id)
    targets = [t for t in targets if t != "civilians"]
    actors = subject_side or elsewhere
    return [a for a in actors if a not in targets], targets


def first_person(text: str, start: int, end: int) -> bool:
    return bool(_FIRST_PERSON.search(text, start, end))


# "plus de frappes ce mois-ci qu'elle ne l'a fait de toute l'année dernière": the time after
# a comparative is the standard of comparison, not the time of the event.
_COMPARATIVE = re.compile(
    r"(?<![\w])(?:qu'(?:il|elle|ils|elles|on)?[ \u00a0]?n(?:e|')|than(?![ \u00a0]{1,2}(?:\d|a |an |"
    r"one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand)))(?![\w])")


# Dates and times, and durations anchored to the reference ("the past 24 hours", "les trois
# derniers jours"): those carry an interval; a bare duration ("en 20 jours") does not.
_ANCHORED = frozenset({"DATE", "TIME", "DURATION"})


# "AMMAN, June 6 (KUNA) --": a city in capitals opening its line, then the filing date,
# then an agency's parenthesis or a dash.
_DATELINE_BEFORE = re.compile(r"[A-Z][A-Z'. -]{1,40},[ \t\u00a0]{0,3}")
_DATELINE_REACH = 46  # how far from its line's start a dateline's date may stand
_DATELINE_AFTER = re.compile(r"[ \t\u00a0]{0,3}(?:\(|--|[—–:]|-[ \t])")


def in_dateline(text: str, mention: TimeMention) -> bool:
    """Whether a time is a wire story's filing date in its dateline, not its events'."""
    window = max(0, mention.start - _DATELINE_REACH)
    newline = text.rfind("\n", window, mention.start)  # a bounded look back, not the line's
    if newline < 0 and window > 0:
        return False
    line_start = newline + 1
    return bool(
        _DATELINE_BEFORE.fullmatch(text, line_start, mention.start)) and bool(
        _DATELINE_AFTER.match(text, mention.end, min(len(text), mention.end + 4)))


def choose_time(text: str, times: Sequence[TimeMention], anchor: int) -> TimeMention | None:
    """The resolved time expression nearest the figure or trigger, outside comparisons."""
    usable = [t for t in times if t.start_date and t.end_date and t.type in _ANCHORED
              and not in_dateline(text, t)
              and not _COMPARATIVE.search(fold(text[max(0, t.start - 50):t.start]))]
    if not usable:
        return None
    return min(usable, key=lambda t: (abs(t.start - anchor), t.start))


def time_slot(mention: TimeMention) -> dict[str, Any]:
    return {"start": mention.start_date, "end": mention.end_date,
            "granularity": mention.granularity, "text": mention.text}


def since_time(text: str, mention: TimeMention, reference: str | None,
               cues: re.Pattern[str]) -> dict[str, Any] | None:
    """'since Burkina Faso's insurgency emerged in 2015', 'depuis son insurrection en
    2009': a date that a 'since' of its clause opens is the start of an interval ending at
    the publication (a toll so far), not the event's own date."""
    if not reference or not mention.start_date or mention.granularity == "range":
        return None
    opened = since_opening(text, mention, cues)
    if opened is None:
        return None  # no "since" of the date's own clause
    end = fallback_time(reference)["end"]
    if end is None or end < mention.start_date:
        return None
    return {"start": mention.start_date, "end": end, "granularity": "range",
            "text": text[opened.start():mention.end]}


_DURATION = re.compile(r"P([1-9][0-9]{0,3})([YMWD])")
_OPENER_REACH = 24  # characters before a duration where "depuis", "au cours des" stand


def period_so_far(text: str, times: Sequence[TimeMention], reference: str | None,
                  openers: re.Pattern[str]) -> dict[str, Any] | None:
    """'depuis six mois', 'en trois ans', 'au cours des deux dernières semaines': a
    counted duration such a word opens is the period that ends at the publication (a toll
    so far), not a time of its own."""
    end = fallback_time(reference)["end"] if reference else None
    if end is None:
        return None
    for mention in times:
        if mention.type != "DURATION" or (
                written := _DURATION.fullmatch(mention.value or "")) is None:
            continue
        before = text[max(0, mention.start - _OPENER_REACH):mention.start]
        if (opener := openers.search(before)) is None:
            continue
        count, unit = int(written.group(1)), written.group(2)
        if mention.start_date and mention.end_date:
            start, end = mention.start_date, mention.end_date  # the time stage anchored it
        elif len(reference or "") == 7 and unit in "MY":
            # a month's report: the N months up to and including it ("depuis six mois" in
            # February: September to February)
            first = date.fromisoformat(end).replace(day=1)
            start = _back(first, count * (12 if unit == "Y" else 1) - 1, "M").isoformat()
        else:  # counted back from the reference day, as the time stage anchors durations
            start = _back(date.fromisoformat(end), count, unit).isoformat()
        return {"start": start, "end": end, "granularity": "range",
                "text": text[mention.start - len(before) + opener.start():mention.end].strip()}
    return None


def _back(day: date, count: int, unit: str) -> date:
    """``day`` less ``count`` years, months, weeks or days (the month's last day when it
    has fewer days)."""
    if unit in "WD":
        return day - timedelta(days=count * (7 if unit == "W" else 1))
    months = day.year * 12 + day.month - 1 - count * (12 if unit == "Y" else 1)
    year, month = divmod(months, 12)
    return date(max(1, year), month + 1, min(day.day, calendar.monthrange(max(1, year),
                                                                           month + 1)[1]))


def since_opening(text: str, mention: TimeMention, cues: re.Pattern[str]) -> re.Match[str] | None:
    """The 'since' / 'depuis' of the date's own clause that opens a period at the date
    ('depuis le début des hostilités, le 27 septembre'), if any."""
    window = max(0, mention.start - 60)
    opened = next(reversed(list(cues.finditer(text, window, mention.start))), None)
    if opened is None or re.search(r"[.;:!?]", text[opened.end():mention.start]):
        return None
    return opened


def fallback_time(reference: str | None) -> dict[str, Any]:
    """No time in the sentence or its paragraph: the month (or year) of the reference date.

    A report rarely happens on the day it is published; its month is the honest precision.
    """
    if not reference:
        return {"start": None, "end": None, "granularity": "unknown", "text": None}
    year = int(reference[:4])
    if len(reference) < 7 or not 1 <= int(reference[5:7]) <= 12:  # "2021-13": the year
        return {"start": f"{year}-01-01", "end": f"{year}-12-31", "granularity": "year",
                "text": None}
    month = int(reference[5:7])
    last = calendar.monthrange(year, month)[1]
    # A reported event never ends after the report: an article of the 18th ends on the 18th.
    day = reference[8:10]
    if len(reference) >= 10 and day.isdigit() and 1 <= int(day) <= last:
        last = int(day)
    return {"start": f"{year}-{month:02d}-01", "end": f"{year}-{month:02d}-{last:02d}",
            "granularity": "month", "text": None}


def no_later_than(time: dict[str, Any], reference: str | None) -> dict[str, Any]:
    """A reported event never ends after the report (CONTRACT.md): "this year", "ce
    mois-ci", "the last 12 months" run to the publication day, not to the period's end."""
    start, end = time.get("start"), time.get("end")
    last = fallback_time(reference)["end"] if reference else None
    if not start or not end or not last or not start <= last < end:
        return time
    return {**time, "end": last}


def dominant_country(places: Sequence[PlaceMention]) -> PlaceMention | None:
    """The place of a claim whose sentence and paragraph name none: the first place (the
    lead's, the dateline's) of the country the document names most."""
    located = [p for p in places if p.lat is not None]  # not an unlocated village
    counts = Counter(p.country for p in located if p.country)
    if not counts:
        return None
    country = counts.most_common(1)[0][0]
    return min((p for p in located if p.country == country), key=lambda p: p.start)


def home_country(text: str, actors: Sequence[ActorMention]) -> PlaceMention | None:
    """The country of an article that names no place: the one whose own forces it names
    most ("Beninese soldiers", "l'armée burkinabè"), else where the groups it names fight
    (Boko Haram, al-Shabaab), else whose adjective it uses ("Burkinabe assailants"), among
    the countries where wars are fought at home; foreign expeditions (French jets over
    Mali) name their own state."""
    theatre = context_words().theatre
    counts = Counter(a.id[6:] for a in actors
                     if a.id.startswith("state:") and a.id[6:] in theatre)
    if not counts:
        homes = registry().homes
        counts = Counter(homes[a.id] for a in actors if a.id in homes)
    if not counts:
        counts = Counter({c: n for c, n in demonym_countries(tokenize(text, [])).items()
                          if c in theatre})
    if not counts:
        return None
    return country_place(counts.most_common(1)[0][0])


def home_state(actors: Sequence[ActorMention], fallback: PlaceMention | None) -> str | None:
    """The actor id of the state whose forces the article's common nouns are ("92
    militaires" in an article naming "l'armée tchadienne" are Chad's, wherever it
    happened): the theatre state it names most, else the state of its place."""
    theatre = {state_actor(c) for c in context_words().theatre}
    places = registry().place_names
    # its forces named ("l'armée tchadienne", "Nigerian troops"), not its name ("Iran-linked")
    counts = Counter(a.id for a in actors if a.id in theatre and fold(a.text) not in places)
    if counts:
        return counts.most_common(1)[0][0]
    return state_actor(fallback.country if fallback else None)


def days_between(start: str | None, end: str | None) -> int | None:
    """Days from one ISO day to another; None unless both are days."""
    if not start or not end or len(start) != 10 or len(end) != 10:
        return None
    try:
        return (date.fromisoformat(end) - date.fromisoformat(start)).days
    except ValueError:
        return None


def reference_date(sentence: Segment, doc_date: str | None) -> str | None:
    return sentence.date or doc_date
