"""Attribution: who says so, through which channel, carried by which outlet.

Per sentence, in document order. With the sentence's parse, the reporting verb and its
subject (`syntax`); without one, or where the parse finds no source, surface patterns: a
reporting clause after the content ("..., a déclaré le colonel X, porte-parole de Y, dans
un tweet"), before it ("X a annoncé que"), a source phrase ("selon X", "d'après une
déclaration de X", "according to X"), the clause after a closing quote for every sentence
inside the quote, and an embedded tweet's author. A source that refers back ("il", "he",
"the ministry", "le communiqué", "M. Abdel Rahmane") is the last compatible named one, with
its channel and outlet unless the sentence names its own. An outlet named with the source
("à l'AFP", "told Reuters", "citée par l'agence SPA") is the outlet, never the speaker.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from newsevents.gazetteer.normalize import ARTICLE_BEFORE_NAME
from newsevents.records import Segment, SpeakerMention
from newsevents.stages.actors import fold
from newsevents.stages.attribution.syntax import Reading, read_reporting
from newsevents.stages.parse import ParsedSentence

__all__ = ["Attribution", "AttributionTracker", "needs_parse", "vocabulary"]


@dataclass(frozen=True)
class Attribution:
    start: int  # the attribution clause: its actors, places and times are not the event's
    end: int
    text: str  # the source as written
    name: str | None
    role: str | None
    channel: str | None
    outlet: str | None
    pluperfect: bool = False
    source_start: int = -1  # the source as written ("le colonel Wayne Marotto")
    source_end: int = -1
    channel_given: bool = True  # said in the text, not the default for the source

    def speaker(self) -> dict[str, Any] | None:
        if self.name is None:
            return None
        return {"name": self.name, "role": self.role}

    def mention(self, document_text: str) -> SpeakerMention | None:
        """The speaker mention, spanning the source as written in the text."""
        if self.name is None or self.source_end <= self.source_start:
            return None
        return SpeakerMention(self.source_start, self.source_end,
                              document_text[self.source_start:self.source_end],
                              self.name, self.role, self.channel)


@dataclass(frozen=True)
class _Vocabulary:
    postposed: re.Pattern[str]
    preposed: re.Pattern[str]
    english_after: re.Pattern[str]
    english_before: re.Pattern[str]
    source_phrase: re.Pattern[str]
    channels: tuple[tuple[str, re.Pattern[str]], ...]
    channel_nouns: frozenset[str]
    titles: frozenset[str]
    role_nouns: frozenset[str]
    role_aliases: dict[str, str]
    same_source: frozenset[str]
    not_in_names: frozenset[str]
    outlets: tuple[str, ...]
    folded_outlets: tuple[str, ...]
    clause_lemmas: dict[str, frozenset[str]]
    thing_lemmas: dict[str, frozenset[str]]
    content_nouns: frozenset[str]
    only_with: dict[str, frozenset[str]]
    report_sources: tuple[str, ...]
    outlet_nouns: tuple[str, ...]
    outlet_nouns_named: tuple[str, ...]
    pronouns: dict[str, frozenset[str]]
    definite: frozenset[str]
    group_nouns: frozenset[str]  # "the group", "le mouvement": an armed group named before
    possessive: frozenset[str]
    person_nouns: frozenset[str]
    body_nouns: frozenset[str]
    institution_nouns: frozenset[str]
    military_bodies: re.Pattern[str]  # words naming a body of armed forces, or its ranks
    additive_verbs: frozenset[str]  # "a ajouté", "added": the sentence before was theirs
    body_words: frozenset[str]
    screen: re.Pattern[str]


# ", adding that...", ", ajoutant que...": what follows is reported content again.
_CONTINUATION = (r",[ \u00a0](?:adding|noting|saying|explaining|stressing|ajoutant|precisant|"
                 r"notant|soulignant|expliquant|estimant|indiquant)")
_CONTINUATION_RE = re.compile(_CONTINUATION)
_CLAUSE_MARK = re.compile(r"[,;.!?]")


def _words(items: Sequence[str]) -> str:
    return "|".join(re.escape(fold(w)) for w in sorted(set(items), key=len, reverse=True))


@lru_cache(maxsize=1)
def vocabulary() -> _Vocabulary:
    raw = resources.files("newsevents.data").joinpath("attribution.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(raw)
    past = _words(data["reporting_verbs_fr"])
    present = _words(data["reporting_verbs_fr_present"])
    aux = r"(?:a|ont|avait|avaient|aurait|auraient|a-t-il|a-t-elle|ont-ils|avait-t-il|avait-il)"
    postposed = re.compile(
        r",[ \u00a0]{1,3}(?:(?P<aux>" + aux + r")(?:[ \u00a0](?:egalement|aussi|encore|"
        r"pour sa part|de son cote|deja|ensuite)){0,2}[ \u00a0](?P<past>" + past
        + r")|(?P<present>" + present + r"))(?:-t-(?:il|elle)|-(?:il|elle))?\b")
    preposed = re.compile(
        r"^(?P<np>[^,;:]{2,160}?)[ \u00a0](?P<aux>a|ont|avait|avaient)(?:[ \u00a0]\w{2,12}){0,2}?"
        r"[ \u00a0](?:(?P<past>" + past + r")(?:[ \u00a0]\w{2,12}){0,3}?[ \u00a0](?:que|qu'|:)|"
        r"fait etat[ \u00a0](?=de |d'))")
    source = re.compile(r"(?<!\w)(?P<prep>" + _words(data["source_prepositions"]) + r")[ \u00a0']")
    english = _words(data["reporting_verbs_en"])
    # "..., a local official told AFP." / "..., the health ministry said in a statement."
    english_after = re.compile(r",[\"”»]?[ \u00a0](?P<np>[^,;\"”»]{2,80}?)[ \u00a0](?P<verb>"
                               + english + r")(?!\w)(?P<rest>[^.;,]{0,80})(?:[.!?\"”]{0,2}$|(?="
                               + _CONTINUATION + "))")
    # "The Nigerian Air Force said its jets killed..."
    english_before = re.compile(r"^(?P<np>[^,;]{2,80}?)[ \u00a0](?P<verb>said|says|announced|"
                                r"reported|claimed|confirmed)(?: that)?[ \u00a0]")
    channels = tuple((name, re.compile(r"(?<!\w)(?:" + _words(cues) + r")(?!\w)"))
                     for name, cues in data["channels"].items())
    aliases = {fold(alias): key for key, values in data["role_aliases"].items()
               for alias in values}
    return _Vocabulary(
        postposed=postposed, preposed=preposed, english_after=english_after,
        english_before=english_before, source_phrase=source, channels=channels,
        channel_nouns=frozenset(fold(w) for w in data["channel_nouns"]),
        titles=frozenset(fold(w) for w in data["titles"]),
        role_nouns=frozenset(fold(w) for w in data["role_nouns"]),
        role_aliases=aliases, same_source=frozenset(fold(w) for w in data["same_source"]),
        not_in_names=frozenset(fold(w) for w in data["not_in_names"]),
        outlets=tuple(data["outlets"]),
        folded_outlets=tuple(fold(o) for o in data["outlets"]),
        clause_lemmas={lang: frozenset(w.lower() for w in words)
                       for lang, words in data["reporting_lemmas"].items()},
        thing_lemmas={lang: frozenset(w.lower() for w in words)
                      for lang, words in data["thing_lemmas"].items()},
        content_nouns=frozenset(w.lower() for w in data["content_nouns"]),
        only_with={verb: frozenset(w.lower() for w in words)
                   for verb, words in data["only_with"].items()},
        report_sources=tuple(fold(w) for w in data["report_sources"]),
        outlet_nouns=tuple(sorted((fold(w) for w in data["outlet_nouns"]), key=len,
                                  reverse=True)),
        outlet_nouns_named=tuple(fold(w) for w in data["outlet_nouns_named"]),
        pronouns={kind: frozenset(fold(w) for w in words)
                  for kind, words in data["pronouns"].items()},
        definite=frozenset(fold(w) for w in data["determiners_definite"]),
        group_nouns=frozenset(fold(w) for w in data.get("group_nouns") or []),
        possessive=frozenset(fold(w) for w in data["determiners_possessive"]),
        person_nouns=frozenset(fold(w) for w in data["person_nouns"]),
        body_nouns=frozenset(fold(w) for w in data["body_nouns"]),
        institution_nouns=frozenset(fold(w) for w in data["institution_nouns"]),
        military_bodies=re.compile(r"(?<!\w)(?:" + "|".join(
            re.escape(fold(w)) for w in sorted(
                {*data["military_bodies"], *(data.get("military_ranks") or [])},
                key=len, reverse=True)) + r")(?!\w)"),
        additive_verbs=frozenset(fold(w) for w in data["additive_verbs"]),
        body_words=frozenset(fold(w) for w in data["body_words"]),
        screen=_screen(data),
    )


def _screen(data: dict[str, Any]) -> re.Pattern[str]:
    """Word prefixes that make a sentence worth parsing for its attribution."""
    words = [*data["reporting_verbs_fr"], *data["reporting_verbs_fr_present"],
             *data["reporting_verbs_en"], *data["source_prepositions"],
             *(w for words in data["reporting_lemmas"].values() for w in words)]
    stems = {fold(w)[:max(3, len(fold(w)) - 2)] for w in words}
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, stems))) + ")")


def needs_parse(text: str, sentence: Segment) -> bool:
    """A sentence is parsed for its attribution when it holds a form of a reporting verb
    or a source phrase (the claims stage has its own reasons, `claims.needs_parse`)."""
    return bool(vocabulary().screen.search(fold(text[sentence.start:sentence.end])))


_CARRIED_BY = re.compile(r"[ \u00a0](?:a|joints?|jointes|cites?|citees?|interroges?|interrogees?|"
                         r"contactes?|contactees?|quoted by|cited by|speaking to|told)"
                         r"(?:[ \u00a0]par)?[ \u00a0](?:l'|la |le |les )?")
_NAMED_APPOSITION = re.compile(r",\s{1,3}((?:[A-ZÀ-Ý][\w'’.-]{1,20}\s?){2,4})"
                               r"(?=[,.;]|\s(?:lors|dans|à|in|at|on)\b|$)")
_NP_STOP = re.compile(
    r"[,;.:!?»\"”(]|[ \u00a0](?:dans|lors|sur|devant|avant|apres|pour|qui|que|qu'|plus tot|"
    r"cette semaine|ce mois|mercredi|jeudi|vendredi|samedi|dimanche|lundi|mardi|hier|"
    r"aujourd'hui|in a|on|during|before|after|who|that|annoncant|notant|estimant|ajoutant)"
    r"(?![\w])")
_DETERMINER = re.compile(r"^(?:(?:le|la|les|un|une|des|du|de la|de|ses|son|sa|leur|leurs|the|a|"
                         r"an|its|their)[ \u00a0]+|(?:de l|l|d)['’])", re.I)


class AttributionTracker:
    """Finds each sentence's attribution, remembering the speakers already introduced."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        self.history: list[Attribution] = []
        self.persons: list[bool] = []  # per history entry: a person's name, not a body's
        self._pending_person = False  # the kind of the source being read

    def for_sentence(self, sentence: Segment, quote: Segment | None,
                     parsed: ParsedSentence | None = None) -> Attribution | None:
        """The sentence's attribution; `parsed` is its dependency parse when one of the
        stages asked for one (`needs_parse`, stages/parse.py)."""
        if sentence.kind == "tweet":
            return self._remember(self._tweet_author(sentence))
        found = self._from_parse(parsed) if parsed is not None else None
        found = found or (self._postposed(sentence.start, sentence.end)
                          or self._english_after(sentence.start, sentence.end, parsed)
                          or self._preposed(sentence.start, sentence.end)
                          or self._english_before(sentence.start, sentence.end)
                          or self._source_phrase(sentence.start, sentence.end)
                          or self._before_colon(sentence.start, sentence.end))
        if found is None and quote is not None and quote.end > sentence.end:
            found = self._after_quote(quote)
        if found is None:
            found = self._headline_source(sentence.start, sentence.end)
        return self._remember(found) if found else None

    def written_channels(self, found: dict[int, Attribution | None]
                         ) -> dict[int, Attribution | None]:
        """A source whose channel a sentence does not say speaks through the communiqué
        the article says it issued, before or after ("L'armée malienne a annoncé avoir
        neutralisé 58 terroristes", then "indique un communiqué de la Direction de
        l'information des Armées")."""
        written = [a for a in found.values()
                   if a is not None and a.channel == "communique" and a.channel_given]
        if not written:
            return found
        sides = {id(a): self._side(a) for a in written}
        resolved: dict[int, Attribution | None] = {}
        for start, attribution in found.items():
            if attribution is not None and attribution.channel == "statement" and \
                    not attribution.channel_given:
                side = self._side(attribution)
                if any(_same_source(attribution, side, w, sides[id(w)]) for w in written):
                    attribution = replace(attribution, channel="communique")
            resolved[start] = attribution
        return resolved

    def carried_back(self, units: Sequence[Segment], found: dict[int, Attribution | None]
                     ) -> dict[int, Attribution | None]:
        """An unattributed sentence just before one that goes on with its source ("Parmi
        les dix-neuf civils tués, figurent sept enfants. Treize des morts sont membres
        d'une même famille, a ajouté M. Abdel Rahmane"), in the same paragraph, was said
        by that source."""
        resolved = dict(found)
        additive = vocabulary().additive_verbs
        for before, after in itertools.pairwise(units):
            following = found.get(after.start)
            if found.get(before.start) is not None or following is None or \
                    before.paragraph != after.paragraph or not following.name or \
                    following.start <= after.start:
                continue
            verbs = set(_WORD_PATTERN.findall(fold(self.text[following.start:following.end])))
            if verbs & additive:
                resolved[before.start] = following
        return resolved

    def _side(self, attribution: Attribution) -> frozenset[str]:
        """The actors a source names ("l'armée burkinabè": state:BF), and `military` for
        a body of armed forces ("l'état-major", "la Direction ... des Armées")."""
        from newsevents.stages.actors import find_actors

        written = self.text[attribution.source_start:attribution.source_end] \
            if attribution.source_end > attribution.source_start else attribution.text
        side = {m.id for m in find_actors(written)}
        if _names_forces(written):
            side.add(_MILITARY)
        return frozenset(side)

    def _headline_source(self, start: int, end: int) -> Attribution | None:
        """'Over 144 Syrians killed in Thursday's clashes -- SOHR': a headline or wire
        line signed by its source after a dash."""
        found = _SIGNED_LINE.search(self.text, start, end)
        if found is None:
            return None
        return self._from_source(found.start(1), found.end(1), found.start(), found.end(),
                                 False)

    def _from_parse(self, parsed: ParsedSentence) -> Attribution | None:
        vocab = vocabulary()
        language = parsed.language if parsed.language in vocab.clause_lemmas else "fr"
        reading = read_reporting(parsed, vocab.clause_lemmas[language],
                                 vocab.thing_lemmas[language], vocab.content_nouns,
                                 vocab.only_with)
        if reading is None:
            return None
        pluperfect = any(c.lemma.lower() == "avoir" and fold(c.text).startswith("avai")
                         for c in parsed.children(reading.verb.index))
        found = self._from_source(reading.source_start, reading.source_end,
                                  reading.clause_start, reading.clause_end, pluperfect,
                                  whole=True, scope=(reading.scope_start, reading.scope_end))
        return self._with_outlet(found, reading) if found else None

    def _with_outlet(self, found: Attribution, reading: Reading) -> Attribution:
        for at in reading.outlets:
            start = at + len(self.text[at:at + 4]) - len(self.text[at:at + 4].lstrip())
            outlet = self._outlet_at(start) or self._outlet_phrase(start)
            if outlet:
                return replace(found, outlet=outlet)
        return found

    # -- the three kinds of reporting clause ------------------------------------------
    def _postposed(self, start: int, end: int) -> Attribution | None:
        matches = list(vocabulary().postposed.finditer(self.folded, start, end))
        if not matches:
            return None
        match = matches[-1]
        pluperfect = (match.group("aux") or "").startswith("avai")
        going_on = _CONTINUATION_RE.search(self.folded, match.end(), end)
        clause_end = going_on.start() if going_on else end
        found = self._from_source(match.end(), clause_end, match.start(), clause_end, pluperfect)
        inverted = _INVERTED.search(self.folded, match.start(), match.end())
        if found is None and inverted is not None:
            # '"...", a-t-il ajouté.': the inverted pronoun is the source.
            at = inverted.start(1)
            pronoun = self.text[at:inverted.end(1)]
            channel = next((name for name, cue in vocabulary().channels
                            if cue.search(self.folded[match.start():clause_end])), None)
            found = self._resolve_reference(Attribution(
                match.start(), clause_end, pronoun, pronoun, None, channel, None, pluperfect,
                at, inverted.end(1)), person=True)
        return found

    def _english_after(self, start: int, end: int,
                       parsed: ParsedSentence | None = None) -> Attribution | None:
        match = vocabulary().english_after.search(self.folded, start, end)
        if not match:
            return None
        verb = parsed.token_at(match.start("verb")) if parsed is not None else None
        if verb is not None and verb.dep == "amod":
            return None  # "..., with no reported casualties": no one speaks
        found = self._from_source(match.start("np"), match.end("np"), match.start(),
                                  match.end(), False)
        if found is not None and match.group("verb") == "told":
            told = match.start("rest")
            while told < match.end("rest") and self.text[told] in " \u00a0":
                told += 1
            found = replace(found, outlet=self._outlet_at(told) or found.outlet)
        return found

    def _english_before(self, start: int, end: int) -> Attribution | None:
        match = vocabulary().english_before.match(self.folded[start:end])
        if not match or _PASSIVE_END.search(match.group("np")):
            return None  # "A clash was reported between ...": what is reported, no source
        return self._from_source(start, start + match.end("np"), start, start + match.end(),
                                 False)

    def _preposed(self, start: int, end: int) -> Attribution | None:
        match = vocabulary().preposed.match(self.folded[start:end])
        if not match:
            return None
        pluperfect = match.group("aux").startswith("avai")
        found = self._from_source(start, start + match.end("np"), start, start + match.end(),
                                  pluperfect)
        return found

    def _source_phrase(self, start: int, end: int) -> Attribution | None:
        match = vocabulary().source_phrase.search(self.folded, start, end)
        if not match:
            return None
        # The source phrase ends at the next comma or sentence mark, even where the
        # sentence splitter saw no sentence end (markup after "selon un élu local.").
        stop = self._stop(_CLAUSE_MARK, match.end(), end)
        clause_end = end if stop is None else stop
        named = _NAMED_APPOSITION.match(self.text, clause_end, end) if stop is not None else None
        if named is not None:  # "d'après le directeur de cette ONG, Rami Abdel Rahmane, «..."
            clause_end = named.end()
        found = self._from_source(match.end(), clause_end, match.start(), clause_end, False)
        if found and found.name and fold(found.text).startswith(("ses propres", "leurs propres")):
            found = replace(found, name=self._sentence_subject(start, match.start()), role=None)
        return found

    def _before_colon(self, start: int, end: int) -> Attribution | None:
        """'celui donné par Omar Saranga, porte-parole du ministère : « ... »': a named
        person, and his role, opening a quote after a colon says it."""
        found = _NAME_BEFORE_COLON.search(self.text, start, end)
        if found is None:
            return None
        return self._from_source(found.start("name"), found.end("source"), found.start(),
                                 found.end("source"), False)

    def _after_quote(self, quote: Segment) -> Attribution | None:
        end = self.text.find("\n", quote.end)
        end = len(self.text) if end < 0 else end
        period = re.search(r"[.!?](?:\s|$)", self.text[quote.end:end])
        stop = quote.end + period.end() if period else end
        return self._postposed(quote.end - 1, stop) or self._english_after(quote.end - 2, stop)

    # -- the source noun phrase ----------------------------------------------------------
    def _from_source(self, np_start: int, np_end: int, clause_start: int, clause_end: int,
                     pluperfect: bool, whole: bool = False,
                     scope: tuple[int, int] | None = None) -> Attribution | None:
        """The attribution of a source phrase; `whole` keeps the phrase as the parse
        delimits it (appositions included), `scope` is where channel cues are read."""
        vocab = vocabulary()
        np_start = self._skip_adverbs(np_start, np_end)
        np_end = np_end if whole else self._np_end(np_start, np_end)
        while np_end > np_start and (self.text[np_end - 1].isspace()
                                     or self.text[np_end - 1] in ",;"):
            np_end -= 1
        while np_start < np_end and self.text[np_start].isspace():
            np_start += 1
        source_text = self.text[np_start:np_end]
        if not source_text:
            return None
        cue_start, cue_end = scope or (clause_start, clause_end)
        clause = self.folded[min(cue_start, clause_start):max(cue_end, clause_end)]
        channel = next((name for name, cue in vocab.channels if cue.search(clause)), None)
        outlet = self._outlet_at(np_start) or self._outlet_phrase(np_start, np_end)
        if outlet:
            return Attribution(clause_start, clause_end, source_text, None, None, channel,
                               outlet, pluperfect, np_start, np_end)
        carried = _CARRIED_BY.search(self.folded, np_start, np_end)
        carrier = None
        if carried:
            # "des habitants joints par l'AFP": the AFP carried what the residents said.
            carrier = self._outlet_at(carried.end()) or self._outlet_phrase(carried.end(),
                                                                            np_end)
            if carrier:
                np_end = carried.start()
                while np_end > np_start and self.text[np_end - 1] in " ,\u00a0":
                    np_end -= 1
                source_text = self.text[np_start:np_end]
        if whole:
            name, role, person = self._name_role_parts(np_start, np_end)
        else:
            name, role = self._name_and_role(np_start, np_end, clause_end)
            if self._person_like(_strip_titles(name, vocab.titles)):
                name = _strip_titles(name, vocab.titles)  # 'M. Karim Haddad'
            person = self._person_like(name) or role is not None
        name = self._with_acronym(name, np_end, max(clause_end, np_end + 12))
        if carrier:
            base = Attribution(clause_start, clause_end, source_text, name, role, channel,
                               carrier, pluperfect, np_start, np_end)
            return self._resolve_reference(base, person)
        folded_name = fold(name)
        outlet = next((o for o, f in zip(vocab.outlets, vocab.folded_outlets, strict=True)
                       if f == folded_name), None)
        if outlet:
            # "according to a tally by AFP": the outlet's own count.
            return Attribution(clause_start, clause_end, source_text, None, None,
                               channel or "report", outlet, pluperfect, np_start, np_end)
        base = Attribution(clause_start, clause_end, source_text, name, role, channel, None,
                           pluperfect, np_start, np_end)
        return self._resolve_reference(base, person)

    def _with_acronym(self, name: str, np_end: int, limit: int) -> str:
        """'Observatoire syrien des droits de l'homme (OSDH)': the acronym is the name too."""
        if re.search(r"\([A-Z][\w-]{1,10}\)$", name):
            return name
        match = re.match(r"\s?\(([A-Z][A-Za-z0-9-]{1,10})\)", self.text[np_end:limit])
        return f"{name} ({match.group(1)})" if match and name[:1].isupper() else name

    def _name_role_parts(self, start: int, end: int) -> tuple[str, str | None, bool]:
        """'Le porte-parole du ministère, Badr Abdelatti' -> the person named in one of the
        comma-separated parts, the role in another; a single part as before."""
        phrase = self.text[start:end]
        parts = [p.strip() for p in re.split(r",\s*", phrase) if p.strip()]
        vocab = vocabulary()
        for index, part in enumerate(parts):
            if len(parts) > 1 and self._person_like(_strip_titles(part, vocab.titles)):
                others = [p for i, p in enumerate(parts) if i != index]
                role = _clean_role(others[0], vocab.titles) if others else None
                return _strip_titles(part, vocab.titles), role, True
        first_end = start + phrase.find(parts[0]) + len(parts[0]) if parts else end
        name, role = self._name_and_role(start, first_end, end)
        return name, role, self._person_like(name) or role is not None

    def _person_like(self, name: str) -> bool:
        """Two to five capitalised words none of which names a body or a place."""
        vocab = vocabulary()
        words = name.split()
        if not 2 <= len(words) <= 5:
            return False
        for word in words:
            key = fold(word).strip(".,'’")
            if key in vocab.body_words or key in vocab.not_in_names or key in vocab.role_nouns:
                return False
            particle, _, rest = word.partition("-")
            if not (word[:1].isupper() or key in _PARTICLES or (
                    fold(particle) in _PARTICLES and rest[:1].isupper())):  # "al-Hadiri"
                return False
        return True

    def _skip_adverbs(self, start: int, end: int) -> int:
        skip = re.compile(r"[ \u00a0]*(?:(?:egalement|aussi|encore|de son cote|pour sa part|"
                          r"cette semaine|mercredi|jeudi|hier|lundi|mardi|vendredi|samedi|"
                          r"dimanche)[ \u00a0,]+)*")
        match = skip.match(self.folded, start, end)
        return match.end() if match else start

    def _np_end(self, start: int, end: int) -> int:
        stop = self._stop(_NP_STOP, start, end)
        return end if stop is None else stop

    def _stop(self, pattern: re.Pattern[str], start: int, end: int) -> int | None:
        """The first match of `pattern`, a full stop that ends an abbreviation ('M.',
        'U.S.', 'Gen.') excepted."""
        for match in pattern.finditer(self.folded, start, end):
            if self.text[match.start()] == "." and _ABBREVIATION.search(
                    self.text[max(0, match.start() - 8):match.start() + 1]):
                continue
            return match.start()
        return None

    def _outlet_at(self, start: int) -> str | None:
        """The outlet named at `start` ("le Stars and Stripes"), if any."""
        rest = _DETERMINER.sub("", self.folded[start:start + 80])
        vocab = vocabulary()
        return next((o for o, f in zip(vocab.outlets, vocab.folded_outlets, strict=True)
                     if rest.startswith(f)), None)

    def _outlet_phrase(self, start: int, end: int | None = None) -> str | None:
        """'la chaîne de télévision al-Massira' -> 'al-Massira', "l'agence de presse
        ukrainienne Ukrinform" -> 'Ukrinform', 'la télévision des rebelles' -> 'télévision
        des rebelles'."""
        vocab = vocabulary()
        limit = end if end is not None else min(len(self.text), start + 120)
        stop = _NP_STOP.search(self.folded, start, limit)
        limit = stop.start() if stop else limit
        while start < limit and self.text[start].isspace():
            start += 1
        lead = _DETERMINER.match(self.folded[start:limit])
        at = start + lead.end() if lead else start
        rest = self.folded[at:limit]
        noun = next((n for n in (*vocab.outlet_nouns, *vocab.outlet_nouns_named)
                     if rest.startswith(n) and rest[len(n):len(n) + 1] in ("", " ")), None)
        if noun is None:
            return None
        words = self.text[at + len(noun):limit].split()
        named = [w for w in words if _NAME_WORD.match(w)]
        if named:
            first = words.index(named[0])
            tail = []
            for word in words[first:]:
                if not (word[:1].isupper() or word[:3] in ("al-", "el-")):
                    break
                tail.append(word)
            name = " ".join(tail).strip(" ,.")
            known = self._outlet_at(self.folded.find(fold(name), at))
            return known or name
        if noun in vocab.outlet_nouns_named:
            return None
        phrase = self.text[at:limit].strip(" ,.")
        last = max((fold(phrase).rfind(n) for n in vocab.outlet_nouns if n in fold(phrase)),
                   default=0)
        return phrase[last:] or None

    def _name_and_role(self, start: int, end: int, clause_end: int) -> tuple[str, str | None]:
        """'le colonel Wayne Marotto, porte-parole de la coalition' -> (name, role)."""
        vocab = vocabulary()
        phrase = self.text[start:end].strip()
        words = phrase.split()
        if (words and fold(words[0]).rstrip("'") in vocab.channel_nouns) or (
                len(words) > 1 and fold(words[1]) in vocab.channel_nouns):
            # "un communiqué du Commandement de la coalition": the source is the complement.
            complement = re.search(r"\b(?:du|de la|des|de|of the|of|by)\s+(?:l['’])?(.+)$",
                                   phrase)
            if complement:
                return _DETERMINER.sub("", complement.group(1).strip()), None
        cleaned = _DETERMINER.sub("", phrase).strip()
        if cleaned[:1].isupper():
            # "AFRICOM", "the Syrian Observatory for Human Rights", "Wayne Marotto": a
            # name as a whole (an organisation keeps its inner "for", "de").
            return cleaned, self._apposition(end, clause_end)
        person = _capitalised_tail(phrase, vocab.titles)
        role = self._apposition(end, clause_end)
        named = self._named_apposition(end, clause_end)
        if person is None and named:
            # "le porte-parole du gouvernement, Lionel Bilgo": the name follows the role.
            return named, _clean_role(phrase, vocab.titles)
        if person:
            before = phrase[:phrase.find(person)] if person in phrase else ""
            role = role or _clean_role(before, vocab.titles)
            return person, role
        return cleaned, role

    def _apposition(self, np_end: int, clause_end: int) -> str | None:
        rest = self.text[np_end:clause_end]
        match = re.match(r",\s{1,3}([^,.;]{3,120})", rest)
        if not match:
            return None
        head = fold(match.group(1).split()[0]) if match.group(1).split() else ""
        return match.group(1).strip() if head in vocabulary().role_nouns else None

    def _named_apposition(self, np_end: int, clause_end: int) -> str | None:
        match = _NAMED_APPOSITION.match(self.text[np_end:clause_end])
        return match.group(1).strip() if match else None

    def _sentence_subject(self, start: int, before: int) -> str | None:
        """'la coalition a réalisé, selon ses propres estimations' -> 'coalition'."""
        from newsevents.stages.actors import find_actors

        actors = find_actors(self.text[start:before])
        return _DETERMINER.sub("", actors[0].text) if actors else None

    # -- coreference ----------------------------------------------------------------------
    def _resolve_reference(self, found: Attribution, person: bool = False) -> Attribution:
        """A source that refers back takes the last compatible named source, its channel
        (unless the sentence names one) and its outlet; others get their default channel."""
        group = self._group_named_before(found)
        if group is not None:
            found = replace(found, name=group, role=None)
            person = False
        previous = self._antecedent(found, person) if group is None else None
        if previous is not None:
            return self._as_previous(found, previous)
        if found.channel is None:
            folded = fold(f"{found.name or ''} {found.text}")
            report = any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", folded)
                         for w in vocabulary().report_sources)
            found = replace(found, channel="report" if report else "statement",
                            channel_given=False)
        self._pending_person = person
        return found

    def _group_named_before(self, found: Attribution) -> str | None:
        """'Hezbollah militants launched rockets ..., the group said': "the group", "le
        mouvement" is the armed group its own sentence names before it, not the last
        source of the article."""
        from newsevents.stages.actors import find_actors, registry

        words = fold(found.text).split()
        if len(words) != 2 or words[0] not in vocabulary().definite or \
                words[1] not in vocabulary().group_nouns:
            return None
        window = max(0, found.start - _GROUP_REACH)
        stop = max(self.text.rfind(mark, window, found.start) for mark in ".!?\n")
        armed = registry().armed_groups
        named = [m for m in find_actors(self.text[stop + 1:found.start]) if m.id in armed]
        # the group's name as first written ("Hezbollah militants": Hezbollah)
        return next(m.text for m in named if m.id == named[-1].id) if named else None

    def _antecedent(self, found: Attribution, person: bool) -> Attribution | None:
        vocab = vocabulary()
        key = _pronoun_form(fold(found.name or "").strip())
        written = _pronoun_form(fold(found.text).strip())
        if not key or not self.history:
            return None
        if key in vocab.same_source or written in vocab.same_source:
            return self.history[-1]
        for kind, words in vocab.pronouns.items():
            if key in words or written in words:
                return self._last(None if kind == "any" else kind == "person")
        bare = fold(_strip_titles(found.name or "", vocab.titles))
        if bare[:1].isalpha() and (found.name or "")[:1].isupper() and not found.role:
            # "a déclaré Marotto", "selon M. Abdel Rahmane": a surname introduced in full.
            for previous, was_person in zip(reversed(self.history), reversed(self.persons),
                                            strict=True):
                names = fold(previous.name or "").split()
                if was_person and len(names) > len(bare.split()) and " ".join(
                        names[-len(bare.split()):]) == bare:
                    return previous
        first = written.split()[0].rstrip("'") if written.split() else ""
        described = None
        if first in vocab.definite or written.startswith(("l'", "l’")):
            described = self._described(key, found)
        elif found.role is None and len(key.split()) <= 3 and any(
                w in vocab.channel_nouns for w in key.split()) and not any(
                w[:1].isupper() for w in (found.name or "").split()):
            # "un précédent bilan", "a statement": a channel with no source of its own is
            # the last source's.
            described = self._last(None)
        if described is not None:
            return described
        if first in vocab.possessive and not person:
            return self._last(False)
        alias = _role_key(key, vocab.role_aliases)
        head = key.split()[0] if key.split() else ""
        if found.role is None and (alias or head in vocab.role_nouns):
            for previous in reversed(self.history):
                prev_role = fold(previous.role or "")
                if (alias and alias == _role_key(prev_role, vocab.role_aliases)) or (
                        prev_role and (prev_role.startswith(key) or key.startswith(prev_role))):
                    return previous
        return None

    def _described(self, key: str, found: Attribution) -> Attribution | None:
        """'the ministry', 'le communiqué', "l'ONG", 'the official': the last source whose
        name or role holds the noun, else the last of the noun's kind."""
        vocab = vocabulary()
        if found.role is not None:
            return None
        words = key.split()
        if not words or len(words) > 4:
            return None
        generic = vocab.person_nouns | vocab.body_nouns | vocab.channel_nouns
        head = words[0]
        if head not in generic and any(w[:1].isupper() for w in (found.name or "").split()):
            return None  # a name, not a description
        if head not in generic and fold(found.text).split()[:1] == ["the"]:
            # English puts adjectives first ("the senior military officer"): the last
            # generic noun before a complement is the head
            before = itertools.takewhile(lambda w: w not in _COMPLEMENT_WORDS, words)
            head = next((w for w in reversed(list(before)) if w in generic), head)
        for previous in reversed(self.history):
            held = fold(" ".join(p for p in (previous.name, previous.role) if p))
            if re.search(r"(?<!\w)" + re.escape(head), held):
                return previous
        if _role_key(key, vocab.role_aliases):
            return None
        if head in vocab.channel_nouns:
            return self._last(None)
        if head in vocab.person_nouns:
            return self._last(True)
        if head in vocab.body_nouns and head not in vocab.institution_nouns:
            return self._last(False)
        return None

    def _last(self, person: bool | None) -> Attribution | None:
        for previous, was_person in zip(reversed(self.history), reversed(self.persons),
                                        strict=True):
            if person is None or was_person == person:
                return previous
        return None

    def _as_previous(self, found: Attribution, previous: Attribution) -> Attribution:
        channel, given = found.channel, found.channel_given
        if channel is None or (found.pluperfect and channel == "statement"):
            # "a-t-il précisé", "Le chef du Pentagone avait confié que...": the account
            # goes on, through the channel already named for it.
            channel, given = previous.channel, previous.channel_given
        self._pending_person = self._person_of(previous)
        return replace(found, name=previous.name, role=previous.role, channel=channel,
                       outlet=found.outlet or previous.outlet, channel_given=given)

    def _person_of(self, previous: Attribution) -> bool:
        for entry, was_person in zip(reversed(self.history), reversed(self.persons),
                                     strict=True):
            if entry is previous:
                return was_person
        return False

    def _tweet_author(self, sentence: Segment) -> Attribution:
        author = sentence.author or sentence.handle or ""
        name, role = _split_author(author, vocabulary().titles)
        # The author as written in the tweet's signature, after the tweet's text.
        found = self.text.find(author, sentence.end, sentence.end + 2000) if author else -1
        start = found if found >= 0 else sentence.end
        end = start + len(author) if found >= 0 else start
        return Attribution(start, end, author, name, role, "tweet", None, False, start, end)

    def _remember(self, found: Attribution | None) -> Attribution | None:
        if found is not None and found.role and _TO_OUTLET.match(found.role):
            # "a déclaré à l'AFP Noella K., présidente du réseau": who was told is the
            # outlet, not the speaker's role.
            told = _TO_OUTLET.sub("", found.role).strip()
            found = replace(found, role=None, outlet=found.outlet or _leading_name(told))
        if found is not None and found.name:
            self.history.append(found)
            self.persons.append(self._pending_person)
        self._pending_person = False
        return found


# A full stop inside a name: 'M.', 'U.S.', 'Maj.-Gen.', 'Dr.'.
_ABBREVIATION = re.compile(r"(?:(?<![\w.])[A-Z]|[A-Z]\.[A-Z]|(?<!\w)(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|"
                           r"Sgt|Capt|Maj|Brig|Mme|St))\.$")

_PARTICLES = frozenset({"de", "al", "el", "ben", "bin", "van", "von", "abu", "ibn", "da", "du",
                        "le", "la"})


# A line ending in a dash and a short capitalised source: "... clashes -- SOHR".
_SIGNED_LINE = re.compile(r"[ \t\u00a0](?:--|—|–)[ \t\u00a0]{1,3}([A-Z][\w.'’&-]{0,30}"
                          r"(?:[ \t\u00a0][A-Z][\w.'’&-]{0,30}){0,4})[ \t\u00a0]*$")


_INVERTED = re.compile(r"-(?:t-)?(il|elle|ils|elles)\b")
_TO_OUTLET = re.compile(r"(?:à l['’]|à la |au |aux |to )(?=[A-Z])")


# A word that opens a name: a capital, or a lower-case Arabic article ("al-Massira").
_NAME_WORD = re.compile(rf"{ARTICLE_BEFORE_NAME}|[A-Z]")


# A noun phrase ending in a form of "be": the reporting verb after it is passive.
_PASSIVE_END = re.compile(r"(?:^|[ \u00a0])(?:was|were|is|are|been|being|be)\Z")


def _leading_name(phrase: str) -> str:
    """The capitalised words that open `phrase`: "AFP le directeur de l'ONG" -> "AFP",
    "al-Massira TV" -> "al-Massira TV"."""
    words = []
    for word in phrase.split():
        if not _NAME_WORD.match(word):
            break
        words.append(word)
    return " ".join(words).strip(" ,.") or phrase


def _strip_titles(name: str, titles: frozenset[str]) -> str:
    """'Maj.-Gen. ES Buba' -> 'ES Buba', 'M. Abdel Rahmane' -> 'Abdel Rahmane' (an
    abbreviated rank goes, 'U.S.' stays)."""
    words = name.split()
    while len(words) > 1 and (fold(words[0]).rstrip(".") in titles or (
            words[0].endswith(".") and any(c.islower() for c in words[0]))):
        words = words[1:]
    return " ".join(words)


# A person's name (two to four capitalised words), an optional role after a comma, then a
# colon opening a quote. Bounded parts: no backtracking beyond a few dozen characters.
_NAME_BEFORE_COLON = re.compile(
    r"(?P<source>(?P<name>(?:[^\W\d_a-zà-ÿ][\w'’-]{1,25}[ \t\u00a0]){1,3}"
    r"[^\W\d_a-zà-ÿ][\w'’-]{1,25})(?:,[ \t\u00a0]{1,2}[^,:;«»\"“”\n]{3,90})?)"
    r"[ \t\u00a0]{0,2}:[ \t\u00a0]{0,2}[«\"“]")
_GROUP_REACH = 400  # characters of its sentence read back for the group "the group" is
_MILITARY = "military"
_WORD_PATTERN = re.compile(r"[^\W\d_]+")
_COMPLEMENT_WORDS = frozenset({"of", "for", "at", "in"})


def speaks_for_forces(attribution: Attribution) -> bool:
    """Whether a source is a body of armed forces ("l'état-major", "the army", "la
    Direction de l'information des Armées"): it speaks for its state's forces."""
    return _names_forces(" ".join(p for p in (attribution.name, attribution.role,
                                                attribution.text) if p))


def _names_forces(text: str) -> bool:
    """Whether `text` names a body of armed forces (the `military_bodies` table)."""
    return vocabulary().military_bodies.search(fold(text)) is not None


def _same_source(one: Attribution, side: frozenset[str], other: Attribution,
                 other_side: frozenset[str]) -> bool:
    """The same source by name, by an actor both name, or both a body of the same
    armed forces (no two different states named)."""
    if one.name and other.name and fold(one.name) == fold(other.name):
        return True
    named = (side & other_side) - {_MILITARY}
    if named:
        return True
    if _MILITARY in side and _MILITARY in other_side:
        return not (side - {_MILITARY}) or not (other_side - {_MILITARY})
    return False


def _pronoun_form(word: str) -> str:
    """'-t-il', '-il' (an inverted subject) -> 'il'."""
    return word.lstrip("-").removeprefix("t-")


def _role_key(phrase: str, aliases: dict[str, str]) -> str | None:
    for alias, key in aliases.items():
        if alias in phrase:
            return key
    return None


def _clean_role(before: str, titles: frozenset[str]) -> str | None:
    """The words before a name, without its titles ("le colonel" -> None); a rank of
    several words stays whole ("le général de division" -> "général de division"): its
    holder speaks for his forces."""
    words = _DETERMINER.sub("", before.strip()).split()
    while words and fold(words[-1]).rstrip(".") in titles:
        words = words[:-1]
    if len(words) > 1 and fold(words[0]).rstrip(".") in titles and \
            fold(words[1]) in _RANK_JOINERS:
        return " ".join(words)
    while words and fold(words[0]).rstrip(".") in titles:
        words = words[1:]
    return " ".join(words) or None


# "général de division", "général d'armée", "general of the army": one rank
_RANK_JOINERS = frozenset({"de", "d'armee", "of", "du"})


def _capitalised_tail(phrase: str, titles: frozenset[str]) -> str | None:
    """A person's name at the end of a phrase: 'le colonel Wayne Marotto' -> 'Wayne Marotto',
    "l'émissaire américain en Irak Brett Mc Gurk" -> 'Brett Mc Gurk' (a country or an
    institution ends the role, it never starts the name)."""
    stop = vocabulary().not_in_names
    words = phrase.split()
    tail: list[str] = []
    for word in reversed(words):
        key = fold(word).rstrip(".").split("'")[-1]
        if len(tail) == 4 or key in stop or key in titles:
            break
        if word[:1].isupper() or (word in {"de", "al", "el", "ben", "bin", "van", "von"}
                                  and tail):
            tail.insert(0, word)
        else:
            break
    while tail and not tail[0][:1].isupper():
        tail.pop(0)
    return " ".join(tail) if len(tail) >= 2 else None


def _split_author(author: str, titles: frozenset[str]) -> tuple[str, str | None]:
    """'OIR Spokesman Col. Wayne Marotto' -> ('Wayne Marotto', 'OIR Spokesman')."""
    words = author.split()
    for index in range(len(words) - 1, -1, -1):
        if fold(words[index]).rstrip(".") in titles and index < len(words) - 1:
            role = " ".join(words[:index]) or None
            return " ".join(words[index + 1:]), role
    role_nouns = vocabulary().role_nouns
    for index in range(len(words) - 1, -1, -1):
        if fold(words[index]) in role_nouns and index < len(words) - 1:
            return " ".join(words[index + 1:]), " ".join(words[:index + 1])
    return author, None
