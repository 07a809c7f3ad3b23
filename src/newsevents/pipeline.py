"""The pipeline: one `Document` in, its segments, mentions and claims out.

Stages run in a fixed order, each a function of the text and what earlier stages found:
cleanup -> segments (+ language) -> numbers, times, places, actors -> parse (only the
sentences that can hold a claim) -> attribution -> claims. A failing stage raises
`StageError` naming the document and the stage; the caller records it and goes on.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from newsevents import budget, limits, subsets
from newsevents.errors import InputError, StageError, TimeBudgetExceeded
from newsevents.reader import iter_documents, text_document
from newsevents.records import Claim, Document, Mention, Noise, NumberMention, Ranges, Segment
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
            return _process_document(doc)
    except budget.OverBudget as over:
        raise TimeBudgetExceeded(over.label, over.stage or "pipeline", over.seconds) from None


def _process_document(doc: Document) -> DocumentResult:
    warnings = []
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
    parsed_spans, asked = _run(doc, "parse", lambda: _parse_units(
        text, units, found_numbers, for_times))
    found_times = _run(doc, "dates", lambda: dates.find_times(
        text, doc.date, segments, noise,
        {span[0]: sentence for span, sentence in parsed_spans.items()}))
    found_places = _run(doc, "places", lambda: places.find_places(text, segments, noise))
    found_actors = _run(doc, "actors", lambda: _actors_outside_urls(text, noise))
    most = limits.MAX_MENTIONS_PER_DOCUMENT
    found_numbers = limits.capped(found_numbers, most, "figures", source, warnings)
    found_times = limits.capped(found_times, most, "time expressions", source, warnings)
    found_places = limits.capped(found_places, most, "places", source, warnings)
    found_actors = limits.capped(found_actors, most, "actor mentions", source, warnings)
    quotes = [s for s in segments if s.kind == "quote"]
    parsed = {span[0]: parsed_spans[span] for span in asked if span in parsed_spans}
    tracker = attribution_stage.AttributionTracker(text)
    attributions = _run(doc, "attribution", lambda: {
        unit.start: tracker.for_sentence(unit, _enclosing_quote(unit, quotes),
                                         parsed.get(unit.start)) for unit in units})
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


def _actors_outside_urls(text: str, noise: list[Noise]) -> list[actors_stage.ActorMention]:
    urls = Ranges.of([n for n in noise if n.kind == "url"])  # bisection, not a scan per actor
    return [a for a in actors_stage.find_actors(text) if not urls.holds(a.start)]


def _enclosing_quote(unit: Segment, quotes: list[Segment]) -> Segment | None:
    return next((q for q in quotes if q.start <= unit.start < q.end), None)


def _parse_units(text: str, units: list[Segment], numbers: list[NumberMention],
                 for_times: dict[str, list[tuple[int, int]]]
                 ) -> tuple[dict[tuple[int, int], parse.ParsedSentence], set[tuple[int, int]]]:
    """(parses by span, the spans of the units the claims and attribution stages asked
    for): their units and the time stage's sentences, in one batch per language."""
    parsed: dict[tuple[int, int], parse.ParsedSentence] = {}
    asked: set[tuple[int, int]] = set()
    for language in parse.LANGUAGES:
        chosen = [(u.start, u.end) for u in units if u.language == language
                  and (claims_stage.needs_parse(text, u, numbers)
                       or attribution_stage.needs_parse(text, u))]
        asked.update(chosen)
        spans = sorted(set(chosen) | set(for_times.get(language, ())))
        if spans and parse.available(language):
            for span, sentence in zip(spans, parse.parse_spans(text, spans, language),
                                      strict=True):
                parsed[span] = sentence
    return parsed, asked


def process_documents(docs: Iterable[Document | InputError], seconds: float | None = None
                      ) -> Iterator[DocumentResult | InputError | StageError]:
    seconds = budget.document_seconds(seconds)  # a bad $NEWSEVENTS_DOC_SECONDS: said once
    for doc in docs:
        if isinstance(doc, InputError):
            yield doc
            continue
        try:
            yield process_document(doc, seconds)
        except StageError as error:
            yield error
        except Exception as error:  # outside any stage: still one document, not the batch
            yield StageError(doc.doc_id, "pipeline", error)


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
