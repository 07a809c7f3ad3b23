"""The pipeline: one `Document` in, its segments, mentions and claims out.

Stages run in a fixed order, each a function of the text and what earlier stages found:
cleanup -> segments (+ language) -> numbers, times, places, actors -> parse (only the
sentences that can hold a claim) -> attribution -> claims. A failing stage raises
`StageError` naming the document and the stage; the caller records it and goes on.
"""

from __future__ import annotations

import dataclasses
import functools
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, TypeVar

from newsevents import budget, heap, limits, subsets
from newsevents.errors import InputError, StageError, TimeBudgetExceeded
from newsevents.reader import iter_documents, text_document
from newsevents.records import (
    Claim,
    Document,
    Mention,
    Noise,
    NumberMention,
    PlaceMention,
    Ranges,
    Segment,
)
from newsevents.stages import actors as actors_stage
from newsevents.stages import attribution as attribution_stage
from newsevents.stages import claims as claims_stage
from newsevents.stages import cleanup, dates, numbers, parse, places, sentences
from newsevents.stages.claims.slots import DocumentMentions

T = TypeVar("T")


@dataclass(frozen=True)
class DocumentResult:
    document: Document
    segments: list[Segment]
    mentions: list[Mention]
    claims: list[Claim]
    warnings: list[str] = field(default_factory=list)


def _run(doc: Document, stage: str, func: Callable[[], T]) -> T:
    budget.note_stage(stage)
    try:
        return func()
    except Exception as error:  # one document's failure must not stop a batch
        raise StageError(doc.doc_id, stage, error) from error


def process_document(doc: Document, seconds: float | None = None) -> DocumentResult:
    """Extract every mention and claim of one document, within a time budget of
    ``seconds`` (None: ``budget.document_seconds()``, 60 s unless $NEWSEVENTS_DOC_SECONDS
    says otherwise; 0: none): past it, ``TimeBudgetExceeded`` names the document."""
    try:
        with budget.within(budget.document_seconds(seconds), doc.source or doc.doc_id):
            steps = _steps(doc)
            request = next(steps)
            return _finish(steps, _run(doc, "parse", functools.partial(_parse_one, request)))
    except budget.OverBudget as over:
        raise TimeBudgetExceeded(over.label, over.stage or "pipeline", over.seconds) from None
    finally:
        heap.release_after(len(doc.text))


# What a document's steps give back for its parse: the parses by span.
_Parses = dict[tuple[int, int], parse.ParsedSentence]
_Steps = Generator["_ParseRequest", _Parses, DocumentResult]


def _finish(steps: _Steps, parsed: _Parses) -> DocumentResult:
    try:
        steps.send(parsed)
    except StopIteration as done:
        result: DocumentResult = done.value
        return result
    raise RuntimeError("a document's steps asked for a second parse")


def _steps(doc: Document) -> _Steps:
    """The stages of one document: it yields the sentences to parse (`_ParseRequest`),
    is sent their parses, and returns the result (several documents' parses can then
    run in one batch)."""
    warnings = list(doc.read_warnings)
    source = doc.source or doc.doc_id
    valid = limits.without_lone_surrogates(doc.text)  # the same object when already valid
    if valid is not doc.text:  # invalid Unicode (JSON "\ud800") breaks encoders
        doc = dataclasses.replace(doc, text=valid)
        warnings.append(f"{source}: invalid Unicode (lone surrogates) "
                        "replaced by U+FFFD; save the article as valid UTF-8.")
    text = doc.text
    if doc.date is None:
        warnings.append(f"{source}: the article has no date; relative dates "
                        "('jeudi dernier') stay unresolved: give a date to resolve them.")
    noise = _run(doc, "cleanup", lambda: cleanup.find_noise(text))
    segments, signatures = _run(doc, "segments", lambda: sentences.split_segments(
        text, doc.lang if doc.lang in ("fr", "en") else "fr"))
    noise = sorted([*noise, *signatures], key=lambda n: n.start)
    found_numbers = _run(doc, "numbers", lambda: numbers.find_numbers(
        text, noise, segments=segments))  # a segment's language reads "2,5" and "2,500"
    units = [s for s in segments if s.kind != "quote"]
    too_long = [s for s in units if limits.over_segment_limit(s.start, s.end)]
    if too_long:  # not prose: neither parsed nor read for attribution and claims
        warnings.append(limits.segments_skipped_warning(source, len(too_long)))
        units = [s for s in units if not limits.over_segment_limit(s.start, s.end)]
    # One parse batch per language for every stage that reads syntax: the sentences the
    # claims and attribution stages ask for, and those whose bare dates need a tense.
    for_times = _run(doc, "dates", lambda: dates.sentences_to_parse(
        text, doc.date, segments, noise))
    request = _run(doc, "parse", lambda: _parse_request(text, units, found_numbers, for_times))
    parsed_spans = yield request
    asked = request.asked
    found_times = _run(doc, "dates", lambda: dates.find_times(
        text, doc.date, segments, noise,
        {span[0]: sentence for span, sentence in parsed_spans.items()}))
    found_places = _run(doc, "places", lambda: places.find_places(text, segments, noise))
    found_actors = _run(doc, "actors", lambda: _actors_outside_urls(text, noise, found_places))
    most = limits.MAX_MENTIONS_PER_DOCUMENT
    found_numbers = limits.capped(found_numbers, most, "figures", source, warnings)
    found_times = limits.capped(found_times, most, "time expressions", source, warnings)
    found_places = limits.capped(found_places, most, "places", source, warnings)
    found_actors = limits.capped(found_actors, most, "actor mentions", source, warnings)
    quotes = [s for s in segments if s.kind == "quote"]
    parsed = {span[0]: parsed_spans[span] for span in asked if span in parsed_spans}
    tracker = attribution_stage.AttributionTracker(text)
    attributions = _run(doc, "attribution", lambda: tracker.written_channels(
        tracker.carried_back(units, {
            unit.start: tracker.for_sentence(unit, _enclosing_quote(unit, quotes),
                                             parsed.get(unit.start)) for unit in units})))
    # A claim's time is a whole expression: a range, not one of its ends (part_of).
    whole_times = [t for t in found_times if t.part_of is None]
    mentions_for_claims = DocumentMentions(
        text=text, doc_id=doc.doc_id, doc_date=doc.date, outlet=doc.outlet,
        numbers=found_numbers, times=whole_times, places=found_places, actors=found_actors,
        main_enemy=actors_stage.main_armed_group(found_actors))
    found_claims = _run(doc, "claims", lambda: claims_stage.extract_claims(
        mentions_for_claims, units, attributions, parsed))
    found_claims = limits.capped(found_claims, limits.MAX_CLAIMS_PER_DOCUMENT, "claims",
                                 source, warnings)
    # "au moins 89 morts, dont 31 civils": the subset says which total it is part of, for
    # every caller of the pipeline (counts never add it to its total).
    found_claims = subsets.link_subsets(text, found_claims)
    speakers = list({m for a in attributions.values() if a for m in (a.mention(text),) if m})
    speakers.sort(key=lambda m: m.start)
    mentions: list[Mention] = [*found_numbers, *found_times, *found_places, *found_actors,
                               *speakers]
    mentions.sort(key=lambda m: (m.start, m.end))
    return DocumentResult(doc, segments, mentions, found_claims, warnings)


def _actors_outside_urls(text: str, noise: list[Noise], found_places: list[PlaceMention]
                         ) -> list[actors_stage.ActorMention]:
    urls = Ranges.of([n for n in noise if n.kind == "url"])  # bisection, not a scan per actor
    countries = {p.country for p in found_places if p.country}
    return [a for a in actors_stage.find_actors(text, countries) if not urls.holds(a.start)]


def _enclosing_quote(unit: Segment, quotes: list[Segment]) -> Segment | None:
    return next((q for q in quotes if q.start <= unit.start < q.end), None)


@dataclass(frozen=True)
class _ParseRequest:
    text: str
    spans: dict[str, list[tuple[int, int]]]  # per language that has a parser
    asked: set[tuple[int, int]]  # the units the claims and attribution stages asked for


def _parse_request(text: str, units: list[Segment], numbers: list[NumberMention],
                   for_times: dict[str, list[tuple[int, int]]]) -> _ParseRequest:
    """The sentences to parse: the units the claims and attribution stages ask for and
    the time stage's sentences, each once, per language."""
    spans: dict[str, list[tuple[int, int]]] = {}
    asked: set[tuple[int, int]] = set()
    for language in parse.LANGUAGES:
        chosen = [(u.start, u.end) for u in units if u.language == language
                  and (claims_stage.needs_parse(text, u, numbers)
                       or attribution_stage.needs_parse(text, u))]
        asked.update(chosen)
        wanted = sorted(set(chosen) | set(for_times.get(language, ())))
        if wanted and parse.available(language):
            spans[language] = wanted
    return _ParseRequest(text, spans, asked)


def _parse_all(requests: list[_ParseRequest]) -> list[_Parses]:
    """Every request's parses, in one batch per language for all of them."""
    parsed: list[_Parses] = [{} for _ in requests]
    for language in parse.LANGUAGES:
        wanted = [(number, r) for number, r in enumerate(requests) if r.spans.get(language)]
        if not wanted:
            continue
        batches = parse.parse_many([(r.text, r.spans[language]) for _, r in wanted], language)
        for (number, request), found in zip(wanted, batches, strict=True):
            parsed[number].update(zip(request.spans[language], found, strict=True))
    return parsed


# Documents whose sentences are parsed in one batch per language by `process_documents`:
# a batch of 8 articles' sentences costs 11% less CPU than 8 batches of one article's.
PARSE_GROUP = 8


def process_documents(docs: Iterable[Document | InputError], seconds: float | None = None
                      ) -> Iterator[DocumentResult | InputError | StageError]:
    """`process_document` of each document, in order; a bad input or a failing document
    is yielded as its error and the rest goes on. The sentences of `PARSE_GROUP`
    documents at a time are parsed together; each document's other stages keep its own
    time budget of `seconds`, and the shared parse has one document's budget (past it,
    each document's sentences are parsed on their own, within its budget)."""
    seconds = budget.document_seconds(seconds)  # a bad $NEWSEVENTS_DOC_SECONDS: said once
    group: list[Document | InputError] = []
    for item in docs:
        group.append(item)
        if sum(isinstance(d, Document) for d in group) >= PARSE_GROUP:
            yield from _process_group(group, seconds)
            group = []
    yield from _process_group(group, seconds)


def _process_group(items: list[Document | InputError], seconds: float
                   ) -> Iterator[DocumentResult | InputError | StageError]:
    outcomes: dict[int, DocumentResult | InputError | StageError] = {}
    steps: dict[int, _Started] = {}
    for number, item in enumerate(items):
        if isinstance(item, InputError):
            outcomes[number] = item
            continue
        begun = time.monotonic()
        try:
            with budget.within(seconds, item.source or item.doc_id):
                document_steps = _steps(item)
                steps[number] = _Started(item, document_steps, next(document_steps), begun)
        except Exception as error:
            outcomes[number] = _failure(item, error, seconds)
    parses = _group_parses(steps, seconds)
    for number in range(len(items)):
        if number in steps:
            item, document_steps, _, begun = steps[number]
            parsed = parses[number]
            if isinstance(parsed, Exception):
                outcomes[number] = _failure(item, parsed, seconds)
            else:
                try:  # what is left of the document's budget, the shared parse not counted
                    with budget.within(_left(seconds, begun), item.source or item.doc_id):
                        outcomes[number] = _finish(document_steps, parsed)
                except Exception as error:
                    outcomes[number] = _failure(item, error, seconds)
        yield outcomes[number]
    heap.release_after(sum(len(item.doc.text) for item in steps.values()))


class _Started(NamedTuple):
    """A document whose steps wait for their parse."""

    doc: Document
    steps: _Steps
    request: _ParseRequest
    begun: float  # time.monotonic() when it started


def _group_parses(steps: dict[int, _Started], seconds: float
                  ) -> dict[int, _Parses | Exception]:
    numbers = sorted(steps)
    if not numbers:
        return {}
    try:
        with budget.within(seconds, f"the parse of {len(numbers)} documents"):
            parsed = _run(steps[numbers[0]].doc, "parse", lambda: _parse_all(
                [steps[number].request for number in numbers]))
        return dict(zip(numbers, parsed, strict=True))
    except Exception:  # a document's failure, or past the budget: each on its own
        pass
    parses: dict[int, _Parses | Exception] = {}
    for number in numbers:
        item, _, request, begun = steps[number]
        try:
            with budget.within(_left(seconds, begun), item.source or item.doc_id):
                parses[number] = _run(item, "parse", functools.partial(_parse_one, request))
        except Exception as error:
            parses[number] = error
    return parses


def _parse_one(request: _ParseRequest) -> _Parses:
    return _parse_all([request])[0]


def _left(seconds: float, begun: float) -> float:
    """A document's budget less the time it has run already (0: no budget)."""
    return max(seconds - (time.monotonic() - begun), 0.001) if seconds else 0.0


def _failure(doc: Document, error: Exception, seconds: float) -> StageError:
    if isinstance(error, budget.OverBudget):  # named with the document's whole budget
        return TimeBudgetExceeded(error.label, error.stage or "pipeline", seconds)
    if isinstance(error, StageError):
        return error
    return StageError(doc.doc_id, "pipeline", error)  # outside any stage: one document


def extract(text_or_path: str | Path, date: str | None = None,
            doc_id: str = "text") -> list[Claim]:
    """Claims of one article given as text, or of every article under a path.

    >>> claims = extract("Au moins 23 soldats ont été tués mardi près de Gao.", date="2023-05-10")
    """
    if isinstance(text_or_path, Path) or (
            isinstance(text_or_path, str) and "\n" not in text_or_path
            and len(text_or_path) < 4096 and Path(text_or_path).exists()):
        results = process_documents(iter_documents([str(text_or_path)]))
        return [c for r in results if isinstance(r, DocumentResult) for c in r.claims]
    return process_document(text_document(str(text_or_path), doc_id=doc_id, date=date)).claims
