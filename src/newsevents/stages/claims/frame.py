"""The article's event frame: who the article says carries out its events, and where.

A claim whose sentence and paragraph name no agent ("a couple were killed in a pre-dawn
strike") takes the article's: the actor most often the agent of an event or outcome word
across the article (subject of "launched", "killed"; "frappes russes", "an attack by the
RSF"), the headline and lead counting double. Counting agents, not mentions, keeps the
victims' side out ("Israeli strikes on Hamas" names Hamas as often as Israel).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from newsevents.records import PlaceMention, Ranges, Segment, TimeMention
from newsevents.stages.actors import fold
from newsevents.stages.attribution import Attribution
from newsevents.stages.claims.assembly import event_places, seized_arms
from newsevents.stages.claims.lexicon import Lexicon, lexicon
from newsevents.stages.claims.roles import role_spans
from newsevents.stages.claims.slots import (
    DocumentMentions,
    days_between,
    in_dateline,
    since_opening,
    within,
)
from newsevents.stages.parse import ParsedSentence, ParsedToken
from newsevents.stages.places import names_several_regions

# Outcomes someone inflicts: their agent is the one acting.
_INFLICTED = frozenset({"fatalities", "injured", "destroyed", "fired", "captured", "neutralized",
                        "struck"})
_NOT_AGENTS = frozenset({"civilians"})
# Armed men tied to no group act ("des hommes armés ont attaqué"), but are no side hit.
_NOT_PATIENTS = frozenset({"civilians", "unknown"})
_LEAD_PARAGRAPHS = 2  # the headline and the lead
_LEAD_SENTENCES = 6  # ... or its first sentences, where each is a paragraph of its own
_FRAME_GRANULARITIES = frozenset({"day", "range"})
_FRAME_DAYS = 7


def read_frame(doc: DocumentMentions, sentences: Sequence[Segment],
               parsed: Mapping[int, ParsedSentence],
               attributions: Mapping[int, Attribution | None]) -> None:
    """Fill `doc`'s article frame: its agents and patients, the places and the day of its
    lead's first event (each sentence's event words found once)."""
    events = {s.start: _event_words(tree, lexicon(s.language or "fr"))
              for s in sentences if (tree := parsed.get(s.start)) is not None}
    doc.agents, doc.patients = _article_roles(doc, sentences, parsed, events)
    doc.seized_arms = [span for s in sentences if (tree := parsed.get(s.start)) is not None
                       for span in seized_arms(tree, lexicon(s.language or "fr"))]
    doc.frame_places = _frame_places(doc, sentences, events, attributions)
    doc.frame = _frame_day(doc, sentences, events, attributions)


def _article_roles(doc: DocumentMentions, sentences: Sequence[Segment],
                   parsed: Mapping[int, ParsedSentence],
                   events: Mapping[int, list[ParsedToken]]
                   ) -> tuple[Counter[str], Counter[str]]:
    """(agents, patients): actor id -> how often the article makes it the agent, and the
    patient, of an event or outcome word ("launched missiles at US warships", "shot down
    Russian drones", "des frappes contre les FDS")."""
    counts: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    for sentence in sentences:
        tree = parsed.get(sentence.start)
        if tree is None:
            continue
        table = lexicon(sentence.language or "fr")
        mentions = [m for m in within(doc.actors, sentence.start, sentence.end, None)
                    if m.id not in _NOT_AGENTS]
        weight = 2 if sentence.paragraph < _LEAD_PARAGRAPHS else 1
        for token in events.get(sentence.start, ()):
            agents, patients = role_spans(tree, token, table)
            # In text order (a set's order changes from run to run): ties go to the first.
            acting = dict.fromkeys(m.id for m in mentions
                                   if any(s <= m.start < e for s, e in agents))
            if not acting and _unidentified(tree, agents, table):
                acting["unknown"] = None  # "bandits attacked the village": armed men unnamed
            for actor in acting:
                counts[actor] += weight
            for actor in dict.fromkeys(m.id for m in mentions if m.id not in _NOT_PATIENTS
                                       and any(s <= m.start < e for s, e in patients)):
                if actor not in acting:
                    hit[actor] += weight
    return counts, hit


def _unidentified(parsed: ParsedSentence, spans: Sequence[tuple[int, int]],
                  table: Lexicon) -> bool:
    """Whether an agent span is headed by armed men the text ties to no group ("bandits",
    "des hommes armés", "gunmen")."""
    for start, end in spans:
        head = next((t for t in parsed.tokens_in(start, end)
                     if not start <= parsed.tokens[t.head].start < end or t.head == t.index),
                    None)
        if head is not None and table.side(head.lemma) == "unidentified":
            return True
    return False


def _frame_places(doc: DocumentMentions, sentences: Sequence[Segment],
                  events: Mapping[int, list[ParsedToken]],
                  attributions: Mapping[int, Attribution | None]) -> tuple[PlaceMention, ...]:
    """The places of the article's first event sentence in its main country ("A Myanmar
    military airstrike on a village killed ten civilians" then "bombs on Nyaung Kone
    village in the Sagaing region"): where its claims without a place of their own
    happened, rather than the first place the article names (a dateline, a capital)."""
    country = doc.fallback_place.country if doc.fallback_place else None
    if country is None:
        return ()
    for number, sentence in enumerate(sentences):
        if sentence.paragraph > _LEAD_PARAGRAPHS and number >= _LEAD_SENTENCES:
            break  # a place first given further down is that paragraph's event
        if not events.get(sentence.start):
            continue
        named = event_places(doc, sentence.start, sentence.end,
                             attributions.get(sentence.start))
        found = tuple(p for p in named if p.country == country and p.precision != "country")
        if found:
            return found
        if any(p.country == country and names_several_regions(p) for p in named):
            return ()  # "drones launched over five Ukrainian regions": the country's event
        table = lexicon(sentence.language or "fr")
        if any(table.outcome(t.lemma) in _INFLICTED for t in events[sentence.start]) and any(
                phrase in fold(doc.text[sentence.start:sentence.end])
                for phrase in table.country_anaphors):
            return ()  # "144 killed in clashes across the country": no place in it
    return ()


def _event_words(tree: ParsedSentence, table: Lexicon) -> list[ParsedToken]:
    """Verbs of an inflicted outcome or an event, event nouns and strike nouns."""
    found = []
    for token in tree.tokens:
        key = fold(token.lemma)
        if token.pos == "VERB" and (table.outcome(key) in _INFLICTED or key in table.event_verbs):
            found.append(token)
        elif token.pos == "NOUN" and (key in table.event_nouns
                                      or table.noun_class(key) == "strikes"):
            found.append(token)
    return found


def _frame_day(doc: DocumentMentions, sentences: Sequence[Segment],
               events: Mapping[int, list[ParsedToken]],
               attributions: Mapping[int, Attribution | None]) -> TimeMention | None:
    """The day of the lead's first event sentence ("A Myanmar military airstrike ...
    killed ten civilians on Tuesday"), not a day in its attribution clause ("locals
    said on Wednesday": when it was said) nor a day further down the article; failing
    that, the first day the article gives. A sentence with no time of its own, outside
    the paragraph of a dated claim, is about that day more often than about the month."""
    captions = _captions(doc.text, sentences)
    lead_dated = False  # the lead's events have a time of their own, if not a day
    lead_period: TimeMention | None = None  # ... a period of a few weeks at most
    for lead_only in (True, False):
        # the lead's first event sentence; else, when the lead dates its events only by
        # when they were said ("locals said on Wednesday"), the article's first event
        # sentence with a day outside its attribution clause
        if not lead_only and lead_dated:
            break
        for sentence in sentences:
            if lead_only and sentence.paragraph > _LEAD_PARAGRAPHS:
                break
            if not events.get(sentence.start) or sentence.paragraph in captions:
                continue
            since = lexicon(sentence.language or "fr").since
            # not the day a period starts ("depuis le début des hostilités, le 27 septembre")
            times = [t for t in within(doc.times, sentence.start, sentence.end,
                                       attributions.get(sentence.start))
                     if since_opening(doc.text, t, since) is None
                     and not in_dateline(doc.text, t)]
            lead_dated = lead_dated or (lead_only and bool(times))
            found = [t for t in times if _is_frame_day(t, doc.doc_date)]
            if found:
                return found[0]
            if lead_only and lead_period is None:
                lead_period = next((t for t in times if _is_frame_period(t, doc.doc_date)),
                                   None)
    if lead_period is not None:
        # "a annoncé avoir neutralisé 58 terroristes durant la période allant du 13 octobre
        # au 1er novembre": the lead's operation dates its headline, not the day the
        # communiqué came out further down
        return lead_period
    # a caption dates its picture, not the events
    skipped = Ranges((s.start, s.end) for s in sentences if s.paragraph in captions)
    since = lexicon((sentences[0].language if sentences else None) or "fr").since
    return next((t for t in doc.times if _is_frame_day(t, doc.doc_date)
                 and not skipped.holds(t.start) and since_opening(doc.text, t, since) is None
                 and not _page_stamp(doc.text, t)), None)


# What a page's own time stamp holds besides its date: "28 Juillet 2014 À 09:21",
# "Mis à jour le 3 mai 2021 à 18h02", "Published 12:30 GMT, 4 May 2025".
_STAMP_WORDS = re.compile(
    r"(?i:[\s,|:.()-]|\d|\b(?:a|à|at|le|on|h|am|pm|gmt|utc|cet|cest|publié|publie|mis|"
    r"jour|updated|published|posted|dernière|derniere|last|modifié|modifie|mise)\b)*")
# ... of which a clock time or a word of publishing makes it a stamp
_STAMP_MARK = re.compile(
    r"\d{1,2}[:h]\d{2}|(?i:\b(?:publié|publie|mis à jour|updated|published|posted|"
    r"modifié|modifie)\b)")
_STAMP_REACH = 80  # a stamp is a short line


def _page_stamp(text: str, mention: TimeMention) -> bool:
    """Whether a time is the page's own stamp: alone on its short line with a clock time
    or a word of publishing, not an event's day."""
    start = text.rfind("\n", max(0, mention.start - _STAMP_REACH), mention.start) + 1
    end = text.find("\n", mention.end, mention.end + _STAMP_REACH)
    if end < 0:
        end = min(len(text), mention.end + _STAMP_REACH)
    if (start == 0 and mention.start > _STAMP_REACH) or end - start > _STAMP_REACH:
        return False
    rest = text[start:mention.start] + " " + text[mention.end:end]
    return _STAMP_WORDS.fullmatch(rest) is not None and _STAMP_MARK.search(rest) is not None


def _captions(text: str, sentences: Sequence[Segment]) -> set[int]:
    """The paragraphs that are photo captions ("... on 4 May 2025. Picture: X/AFP")."""
    found = set()
    for sentence in sentences:
        marks = lexicon(sentence.language or "fr").caption_marks
        folded = fold(text[sentence.start:sentence.end])
        if any(mark in folded for mark in marks):
            found.add(sentence.paragraph)
    return found


def _is_frame_period(mention: TimeMention, doc_date: str | None) -> bool:
    """A dated period of a few weeks at most ("du 13 octobre au 1er novembre"), not after
    the publication: an operation's, where a lead gives no day."""
    days = _days_spanned(mention, doc_date) if mention.granularity == "range" else None
    return days is not None and days <= _FRAME_PERIOD_DAYS


def _days_spanned(mention: TimeMention, doc_date: str | None) -> int | None:
    """The days a dated time spans, unless it ends after the publication."""
    if mention.type not in ("DATE", "TIME"):
        return None
    if doc_date and len(doc_date) >= 10 and (mention.end_date or "") > doc_date[:10]:
        return None
    return days_between(mention.start_date, mention.end_date)


_FRAME_PERIOD_DAYS = 31


def _is_frame_day(mention: TimeMention, doc_date: str | None) -> bool:
    """A day, or a span of a few days ("dans la nuit de samedi à dimanche"), that is not
    after the publication."""
    days = _days_spanned(mention, doc_date) if mention.granularity in _FRAME_GRANULARITIES \
        else None
    return days is not None and days < _FRAME_DAYS
