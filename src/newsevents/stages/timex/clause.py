"""Which way a time expression points, read from the parse of the clause that governs it.

A bare weekday, day-month or month ("lundi", "le 15 mars", "en juin") names a day before or
after the publication depending on the verb it hangs from: a future, a conditional, a
present subjunctive, a modal or a verb of intent ("va se rendre", "must withdraw") point
forward; a past tense or a compound past ("a été tué", "had left", "avoir abattu") back; an
appointment ("est prévu le", "scheduled for", "rendez-vous") or a deadline ("jusqu'au",
"d'ici le", "by") forward unless the clause is past; "depuis", "since" back. A clause in
the present ("se rend vendredi", "talks resume Monday") is taken as near the publication
either way; a clause with no verb decides nothing (its lead may: see
:mod:`newsevents.stages.timex.tense`).

Tense and mood come from the parser's morphology; ``data/times/tense.yaml`` names, per
language, the words whose meaning the morphology does not carry.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from newsevents.stages.parse import ParsedSentence, ParsedToken
from newsevents.stages.timex.context import opens_since
from newsevents.stages.timex.lexicon import alternation, load_yaml

FORWARD, BACK, NEAR = 1, -1, 0
_MAX_CLAUSES = 8  # infinitives and participles climb to their governor; never further


@dataclass(frozen=True)
class Direction:
    """Forward (+1), back (-1) or near the reference (0), and the rule that said so. A
    ``decided`` direction came from the clause; an undecided one leaves the resolver's
    default (the publication date)."""

    way: int
    rule: str
    decided: bool = True

    @property
    def present(self) -> bool:
        return self.decided and self.way == NEAR


UNDECIDED = Direction(NEAR, "none", decided=False)
VERBLESS = Direction(NEAR, "verbless", decided=False)


@dataclass(frozen=True)
class TenseTable:
    """One language's words for what morphology does not say."""

    perfect_auxiliaries: frozenset[str]
    future_auxiliaries: frozenset[str]
    conditional_auxiliaries: frozenset[str]
    modal_auxiliaries: frozenset[str]
    prospective: frozenset[str]
    retrospective: frozenset[str]
    appointment: frozenset[str]
    posterior_marks: frozenset[str]
    deadline: re.Pattern[str]
    participle_adjectives: frozenset[str] = frozenset()
    conditional_endings: tuple[str, ...] = ()
    future_endings: tuple[str, ...] = ()
    future_stems: tuple[tuple[str, str], ...] = ()  # (infinitive ending, stem ending)
    imperfect_endings: tuple[str, ...] = ()

    def tense_by_form(self, form: str, lemma: str) -> str | None:
        """"Cnd" or "Fut" when ``form`` is the future stem of ``lemma`` plus an ending of
        the conditional or the future, "Imp" when it ends as an imperfect, else None."""
        if not self.future_endings or not lemma.endswith(("r", "re")):
            return None
        stem = next((lemma[: len(lemma) - len(end)] + new for end, new in self.future_stems
                     if lemma.endswith(end)), lemma[:-1] if lemma.endswith("re") else lemma)
        rest = _plain(form)
        for candidate in {_plain(stem), _plain(stem).replace("y", "i")}:
            if rest.startswith(candidate):
                ending = rest[len(candidate):]
                if ending in self.conditional_endings:
                    return "Cnd"
                if ending in self.future_endings:
                    return "Fut"
        plain = _plain(lemma)  # presents "fait", "plaît", "connaît": the stem plus -t, -s
        presents = {plain[:cut] + end for cut in (-2, -3) for end in ("t", "s")}
        if rest not in presents and any(rest.endswith(e) and len(rest) > len(e) + 1
                                        for e in self.imperfect_endings):
            return "Imp"
        return None


@lru_cache(maxsize=4)
def tense_table(language: str) -> TenseTable:
    """The table of ``language`` from ``data/times/tense.yaml`` (empty for a language it
    does not list: morphology alone then decides)."""
    entry = load_yaml("tense.yaml").get(language) or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in entry.get(key) or ())

    deadline = re.compile(r"(?<![\w'])" + alternation(entry.get("deadline") or ())
                          + r"\s{1,3}(?:(?:le|la|les|l'|the)\s{1,3})?$", re.IGNORECASE)
    stems = sorted(((str(k), str(v)) for k, v in (entry.get("future_stems") or {}).items()),
                   key=lambda pair: -len(pair[0]))
    return TenseTable(words("perfect_auxiliaries"), words("future_auxiliaries"),
                      words("conditional_auxiliaries"), words("modal_auxiliaries"),
                      words("prospective"),
                      words("retrospective"), words("appointment"),
                      frozenset(" ".join(m.split()) for m in words("posterior_marks")),
                      deadline, words("participle_adjectives"),
                      tuple(sorted(words("conditional_endings"))),
                      tuple(sorted(words("future_endings"))), tuple(stems),
                      tuple(sorted(words("imperfect_endings"), key=len, reverse=True)))


def _plain(word: str) -> str:
    """Lower case without accents: "mènera" and "menera" share the stem of "mener"."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def expression_head(sentence: ParsedSentence, start: int, end: int) -> ParsedToken | None:
    """The token of ``[start, end)`` whose head lies outside it (the expression's root)."""
    inside = sentence.tokens_in(start, end)
    for token in inside:
        head = sentence.tokens[token.head]
        if head.index == token.index or not start <= head.start < end:
            return token
    return inside[0] if inside else None


def expression_direction(sentence: ParsedSentence, start: int, end: int, before: str,
                         table: TenseTable) -> Direction:
    """The direction of the expression at ``[start, end)``; ``before`` is the text just
    before it (for deadline words)."""
    if opens_since(before):  # "depuis mercredi", "since March": a period already begun
        return Direction(BACK, "since")
    head = expression_head(sentence, start, end)
    if head is None:
        return UNDECIDED
    predicate, scheduled = _governing_predicate(sentence, head, table)
    direction = clause_direction(sentence, predicate, table) if predicate else VERBLESS
    if direction.way == BACK and direction.decided:
        return direction
    if scheduled:
        return Direction(FORWARD, "appointment")
    if table.deadline.search(before):
        return Direction(FORWARD, "deadline")
    return direction


def _governing_predicate(sentence: ParsedSentence, head: ParsedToken, table: TenseTable
                         ) -> tuple[ParsedToken | None, bool]:
    """The first predicate at or above the expression, and whether a scheduling word
    ("rendez-vous", "due") stands on the way or beside the expression."""
    scheduled = any(c.lemma.lower() in table.appointment for c in sentence.children(head.index)
                    if c.relation in ("case", "mark", "advmod", "amod"))
    for token in (head, *sentence.ancestors(head.index)):
        if token is not head and token.lemma.lower() in table.appointment \
                and token.pos in ("NOUN", "PROPN", "ADJ"):
            scheduled = True
        if _is_predicate(sentence, token) and (token is not head or _has_cop(sentence, token)):
            return token, scheduled
    return None, scheduled


def _has_cop(sentence: ParsedSentence, token: ParsedToken) -> bool:
    return any(c.relation in ("cop", "aux") for c in sentence.children(token.index))


def _is_predicate(sentence: ParsedSentence, token: ParsedToken) -> bool:
    return token.pos in ("VERB", "AUX") or _has_cop(sentence, token)


def clause_direction(sentence: ParsedSentence, predicate: ParsedToken, table: TenseTable,
                     depth: int = 0) -> Direction:
    """The direction of the clause headed by ``predicate``: a clause introduced by a
    subordinator of posteriority ("avant que le bilan soit rendu public lundi", "before the
    vote") comes after its main clause, otherwise its own tense decides."""
    if depth < _MAX_CLAUSES and _marks(sentence, predicate) in table.posterior_marks:
        governor = sentence.head_of(predicate.index)
        above = _clause_above(sentence, governor, table, depth) if governor else UNDECIDED
        return UNDECIDED if above.decided and above.way == BACK else Direction(
            FORWARD, "posterior")
    return _own_tense(sentence, predicate, table, depth)


def _marks(sentence: ParsedSentence, predicate: ParsedToken) -> str:
    """The subordinator words of a clause, "avant de", "avant que", "before"."""
    words = [c.text.lower().replace("’", "'") for c in sentence.children(predicate.index)
             if c.relation == "mark"]
    return " ".join(words).replace("' ", "'")


def _own_tense(sentence: ParsedSentence, predicate: ParsedToken, table: TenseTable,
               depth: int) -> Direction:
    auxiliaries = [c for c in sentence.children(predicate.index) if c.relation in ("aux", "cop")]
    lemmas = {a.lemma.lower() for a in auxiliaries}
    participle = predicate.feature("VerbForm") == "Part"
    past_participle = participle and predicate.feature("Tense") == "Past"
    appointment = predicate.lemma.lower() in table.appointment
    perfect = [a for a in auxiliaries if a.lemma.lower() in table.perfect_auxiliaries]
    if perfect and (past_participle or _participial(predicate, auxiliaries, perfect, table)):
        return _perfect(auxiliaries, appointment, table)
    if lemmas & table.future_auxiliaries:
        return Direction(FORWARD, "future")
    if lemmas & table.conditional_auxiliaries:
        return Direction(FORWARD, "conditional")
    if lemmas & table.modal_auxiliaries:
        return Direction(FORWARD, "modal")
    finite = next((t for t in (*auxiliaries, predicate) if t.feature("VerbForm") == "Fin"
                   and (t.feature("Tense") or t.feature("Mood"))), None)
    if finite is not None:
        return _finite(sentence, finite, predicate, appointment, table)
    if past_participle:
        return Direction(FORWARD, "appointment") if appointment else Direction(BACK, "participle")
    if depth >= _MAX_CLAUSES:
        return UNDECIDED
    return _non_finite(sentence, predicate, table, depth)


def _participial(predicate: ParsedToken, auxiliaries: list[ParsedToken],
                 perfect: list[ParsedToken], table: TenseTable) -> bool:
    """A compound past the tagger did not label as one: a participle read as an adjective
    ("s'est alourdi", "sont morts") or a copula that is itself a participle ("a été la
    cible", "has been the target")."""
    if predicate.pos == "ADJ" and any(a.relation == "aux" for a in perfect):
        return True
    if predicate.lemma.lower() in table.participle_adjectives:
        return True
    return any(a.feature("VerbForm") == "Part" and a.feature("Tense") == "Past"
               for a in auxiliaries)


def _perfect(auxiliaries: list[ParsedToken], appointment: bool, table: TenseTable
             ) -> Direction:
    """A compound tense: done ("a été tué", "aurait été tué", "had left", "would have
    left", "avoir abattu"), unless its auxiliary is a future ("sera reçu", "will have
    left"); a scheduling verb in the present is an appointment ("est prévu le 3 août", "has
    scheduled a vote")."""
    tenses = {a.feature("Tense") for a in auxiliaries if a.feature("VerbForm") == "Fin"}
    if "Fut" in tenses or {a.lemma.lower() for a in auxiliaries} & table.future_auxiliaries:
        return Direction(FORWARD, "future")
    if appointment and not tenses & {"Past", "Imp"}:
        return Direction(FORWARD, "appointment")
    return Direction(BACK, "perfect")


def _finite(sentence: ParsedSentence, finite: ParsedToken, predicate: ParsedToken,
            appointment: bool, table: TenseTable) -> Direction:
    tense, mood = finite.feature("Tense"), finite.feature("Mood")
    if mood != "Sub" and tense not in ("Fut", "Past") and mood != "Cnd":
        by_form = table.tense_by_form(finite.text, finite.lemma)
        if by_form in ("Fut", "Imp"):
            tense = by_form
        elif by_form == "Cnd":
            mood = by_form
    if tense == "Fut":
        return Direction(FORWARD, "future")
    if mood == "Cnd":
        return Direction(FORWARD, "conditional")
    if tense in ("Past", "Imp"):
        return Direction(BACK, "past")
    if mood == "Sub":
        return Direction(FORWARD, "subjunctive")
    if appointment:
        return Direction(FORWARD, "appointment")
    if predicate.lemma.lower() in table.prospective and any(
            c.feature("VerbForm") == "Inf" for c in sentence.children(predicate.index)):
        return Direction(FORWARD, "prospective")  # "doivent partir d'ici le 15 mars"
    if tense == "Pres":
        return Direction(NEAR, "present")
    return UNDECIDED


def _non_finite(sentence: ParsedSentence, predicate: ParsedToken, table: TenseTable,
                depth: int) -> Direction:
    """An infinitive or a present participle: the clause it depends on decides, pushed
    forward by a verb of intent ("va se rendre", "prêt à signer"), back by "vient de"."""
    governor = sentence.head_of(predicate.index)
    if governor is None:
        return UNDECIDED
    above = _clause_above(sentence, governor, table, depth)
    lemma = governor.lemma.lower()
    if lemma in table.retrospective and above.way != FORWARD:
        return Direction(BACK, "retrospective")
    if lemma in table.prospective:
        if above.decided and above.way == BACK:
            return UNDECIDED  # "avait prévu de partir lundi": before or after, unknown
        return Direction(FORWARD, "prospective")
    return above


def _clause_above(sentence: ParsedSentence, token: ParsedToken, table: TenseTable,
                  depth: int) -> Direction:
    for candidate in (token, *sentence.ancestors(token.index)):
        if _is_predicate(sentence, candidate):
            return clause_direction(sentence, candidate, table, depth + 1)
    return UNDECIDED


def sentence_direction(sentence: ParsedSentence, table: TenseTable) -> Direction:
    """The direction of a sentence's main clause (a verbless headline's lead)."""
    root = next((t for t in sentence.tokens if t.head == t.index and t.pos != "PUNCT"), None)
    if root is None or not _is_predicate(sentence, root):
        return UNDECIDED
    return clause_direction(sentence, root, table)
