"""The reporting clause read from the dependency parse.

A reporting verb (a lemma of the data file's per-language lists) and its subject, in any
order: the subject's subtree without its relative clauses is the source ("Le porte-parole
du ministère, Badr Abdelatti, a indiqué que", "Youssef al-Hadiri, a spokesman for the
ministry, said"); the clausal complement (or, for verbs that report a thing, "a annoncé la
mort de sept soldats", the object) is the content, never the source. Where the parser
leaves a quote-final verb without a subject ('"...," Abdiasis Abu Musab, a spokesman, told
Reuters'), the words between the closing quote and the verb are the source. An outlet
that receives or carries the report is read among the verb's other dependents ("à
l'AFP", "told Reuters", "citée par l'agence SPA").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from newsevents.stages.parse import ParsedSentence, ParsedToken
from newsevents.stages.timex.lexicon import fold as fold_time_word
from newsevents.stages.timex.lexicon import lexicon as time_words

_CONTENT = frozenset({"ccomp", "xcomp", "parataxis"})
_NOT_SOURCE = frozenset({"acl", "advcl", "parataxis", "ccomp", "xcomp", "dep"})
# Subjects that are what is reported, not who reports it ("le bilan", "the toll").
_CONTENT_SUBJECTS = frozenset({"bilan", "toll", "chiffre", "figure", "nombre", "number"})
_QUOTE_END = frozenset({'"', "”", "»", "“", "«"})


@dataclass(frozen=True)
class Reading:
    """Offsets into the document: the clause, the source as written, and an outlet."""

    clause_start: int
    clause_end: int
    source_start: int
    source_end: int
    verb: ParsedToken
    scope_start: int  # the verb's own dependents (channel cues: "sur Twitter", "in a statement")
    scope_end: int
    outlets: tuple[int, ...] = ()  # starts of the verb's dependents that may be an outlet


def read_reporting(parsed: ParsedSentence, clause_verbs: frozenset[str],
                   thing_verbs: frozenset[str], content_nouns: frozenset[str],
                   only_with: Mapping[str, frozenset[str]]) -> Reading | None:
    """The outermost reporting verb with a source, or None."""
    found: list[tuple[bool, int, Reading]] = []
    for token in parsed.tokens:
        lemma = token.lemma.lower()
        if token.pos not in ("VERB", "AUX") or lemma not in clause_verbs | thing_verbs:
            continue
        if token.dep == "amod":
            continue  # "no reported casualties", "les pertes annoncées": no one speaks
        if lemma in only_with and not any(c.lemma.lower() in only_with[lemma]
                                          for c in parsed.children(token.index)):
            continue
        contents = _contents(parsed, token, lemma in thing_verbs, content_nouns)
        if not contents and lemma in thing_verbs:
            contents = _thing(parsed, token, content_nouns)
        postposed = _postposed(parsed, token)
        if not contents and not postposed:
            continue
        reading = _reading(parsed, token, contents)
        if reading is not None:
            # "Le bilan fait état de 79 corps", a précisé X: a toll as subject reports
            # less surely than a person or body; it is kept only when no other verb is.
            toll = parsed.tokens_in(reading.source_start, reading.source_end)
            weak = len(toll) <= 2 and any(t.lemma.lower() in _CONTENT_SUBJECTS
                                          for t in toll) and _quoted(parsed, token)
            found.append((weak, sum(1 for _ in parsed.ancestors(token.index)), reading))
    if not found:
        return None
    return min(found, key=lambda item: (item[0], item[1], item[2].verb.index))[2]


def _quoted(parsed: ParsedSentence, verb: ParsedToken) -> bool:
    """Whether the verb stands inside an opened quotation of the sentence."""
    opened = False
    for token in parsed.tokens[:verb.index]:
        if token.text in ("«", "“") or (token.text == '"' and not opened):
            opened = True
        elif token.text in ("»", "”") or token.text == '"':
            opened = False
    return opened


def _contents(parsed: ParsedSentence, verb: ParsedToken, takes_thing: bool,
              content_nouns: frozenset[str]) -> list[ParsedToken]:
    found: list[ParsedToken] = []
    subjects = [c for c in parsed.children(verb.index) if c.dep == "nsubj"]
    if len(subjects) > 1:
        nearest = min(subjects, key=lambda c: abs(c.index - verb.index))
        found.extend(c for c in subjects if c is not nearest)
    for child in parsed.children(verb.index):
        first = parsed.subtree(child.index)[0]
        if child.index > verb.index and first.pos == "ADP" and not (
                child.relation == "ccomp" and first.head != child.index
                and any(t.is_finite_verb for t in parsed.subtree(child.index))):
            # (a clause whose subject opens on a preposition is still the content: "said
            # no fewer than 10 terrorists were captured")
            # 'said on the Telegram messaging app': a channel, not the content; but "a
            # affirmé dans un communiqué avoir repris le camp" hangs the act on the channel
            found.extend(_perfect_infinitives(parsed, child))
            continue
        if child.relation in _CONTENT or (child.relation == "advcl" and child.index < verb.index
                                          and child.pos in ("VERB", "AUX")):
            found.append(child)
        elif takes_thing and child.relation in ("obj", "obl") and child.index > verb.index:
            subtree = parsed.subtree(child.index)
            if child.lemma.lower() in content_nouns or any(t.pos == "NUM" for t in subtree):
                found.append(child)
        elif child.relation == "obj" and child.index > verb.index and any(
                t.is_finite_verb for t in parsed.subtree(child.index)):
            found.append(child)  # "said no fewer than 10 terrorists were killed", misparsed
        elif child.index > verb.index:
            # "a affirmé dimanche avoir tué 32 terroristes", the perfect infinitive hung
            # on "dimanche": the reported act all the same
            found.extend(_perfect_infinitives(parsed, child))
    clauses = [c for c in found if c.relation == "ccomp" and c.index > verb.index]
    if clauses:
        # "said no fewer than 10 terrorists were captured" with "no fewer" hung on the
        # verb as its object: the words between the verb and the clause are the clause's
        opening = min(parsed.subtree(c.index)[0].index for c in clauses)
        found.extend(c for c in parsed.children(verb.index) if c.relation == "obj"
                     and verb.index < c.index < opening and c not in found
                     and parsed.subtree(c.index)[-1].index + 1 == opening
                     and not any(t.pos in ("NOUN", "PROPN", "PRON")
                                 for t in parsed.subtree(c.index)))
    return found


def _perfect_infinitives(parsed: ParsedSentence, child: ParsedToken) -> list[ParsedToken]:
    return [t for t in parsed.subtree(child.index) if t.pos == "VERB" and any(
        a.relation == "aux" and a.feature("VerbForm") == "Inf" for a in parsed.children(t.index))]


def _thing(parsed: ParsedSentence, verb: ParsedToken,
           content_nouns: frozenset[str]) -> list[ParsedToken]:
    """'a annoncé jeudi dans un communiqué la mort de neuf soldats', parsed as a complement
    of 'communiqué': the first figure or content noun after the verb, with its determiner."""
    after = [t for t in parsed.subtree(verb.index) if t.index > verb.index]
    for token in after:
        if token.pos == "NUM" or (token.pos == "NOUN" and token.lemma.lower() in content_nouns):
            while token.index > verb.index + 1 and parsed.tokens[token.index - 1].pos in (
                    "DET", "NUM", "ADJ"):
                token = parsed.tokens[token.index - 1]
            return [t for t in after if t.index >= token.index]
    return []


def _postposed(parsed: ParsedSentence, verb: ParsedToken) -> bool:
    """'..., a indiqué X', '"...," he said': the verb comes after what it reports."""
    head = parsed.head_of(verb.index)
    if head is not None and head.index < verb.index and verb.relation in (
            "parataxis", "conj", "advcl", "ccomp"):
        return True
    return any((c.relation in _CONTENT or c.relation == "advcl") and c.index < verb.index
               and c.pos in ("VERB", "AUX", "NOUN") for c in parsed.children(verb.index))


def _reading(parsed: ParsedSentence, verb: ParsedToken,
             contents: list[ParsedToken]) -> Reading | None:
    subject = _subject(parsed, verb)
    content_ids = {t.index for c in contents for t in parsed.subtree(c.index)}
    if subject is not None:
        source = _source_tokens(parsed, subject)
    else:
        source = _words_before(parsed, verb)
        content_ids -= {t.index for t in source}  # the parser hung the source on the quote
    if not source or any(t.index in content_ids for t in source):
        return None
    own = [t for t in parsed.subtree(verb.index) if t.index not in content_ids
           and not any(a.index in content_ids for a in parsed.ancestors(t.index))]
    scope_start, scope_end = own[0].start, own[-1].end
    after = [c for c in contents if c.index > verb.index]
    first_content = min((parsed.subtree(c.index)[0].start for c in after), default=None)
    clause_start = min(source[0].start, verb.start)
    if first_content is not None and first_content > clause_start:
        clause_end = first_content
    else:
        clause_end = max(source[-1].end, _last_before_content(parsed, verb, content_ids))
    return Reading(clause_start, clause_end, source[0].start, source[-1].end, verb,
                   min(scope_start, clause_start), min(scope_end, clause_end),
                   _outlets(parsed, verb, content_ids))


def _subject(parsed: ParsedSentence, verb: ParsedToken) -> ParsedToken | None:
    """The verb's subject; after a postposed verb, the nominal the parser may have taken
    for its object ('..., a déclaré la coalition')."""
    children = parsed.children(verb.index)
    subjects = [c for c in children if c.dep == "nsubj" and _nominal(c)]
    subject = min(subjects, key=lambda c: abs(c.index - verb.index)) if subjects else None
    if subject is not None and subject.feature("PronType") == "Rel" and verb.dep.startswith(
            "acl") and parsed.head_of(verb.index) is not None:
        # "la chaîne al-Massira, qui avait fait état de...": the relative pronoun stands
        # for the noun its clause hangs on.
        subject = parsed.head_of(verb.index)
    subject = subject or next((c for c in reversed(children) if c.dep == "expl:subj"), None)
    if subject is None and _postposed(parsed, verb):
        subject = next((c for c in children if c.index > verb.index
                        and c.relation in ("obj", "nsubj", "appos")
                        and not (verb.lemma.lower() == "tell" and c.relation == "obj")
                        and c.pos in ("NOUN", "PROPN")
                        and not any(g.relation == "case" for g in parsed.children(c.index))),
                       None)
    return subject


def _source_tokens(parsed: ParsedSentence, subject: ParsedToken) -> list[ParsedToken]:
    """The subject's words without its relative clauses, as one contiguous stretch."""
    dropped: set[int] = set()
    for child in parsed.children(subject.index):
        if child.relation in _NOT_SOURCE:
            dropped.update(t.index for t in parsed.subtree(child.index))
    kept = [t for t in parsed.subtree(subject.index) if t.index not in dropped]
    stretch: list[ParsedToken] = []
    for token in kept:
        if stretch and token.index != stretch[-1].index + 1 and token.index > subject.index:
            break
        stretch.append(token)
    while stretch and stretch[-1].index + 1 < len(parsed.tokens):
        following = parsed.tokens[stretch[-1].index + 1]
        if following.start != stretch[-1].end or following.text in ",.;:!?»”\"":
            break
        stretch.append(following)  # 'état-major' split in three, '(OSDH)'
    stretch.extend(_name_continued(parsed, stretch))
    stretch[:0] = _name_begun(parsed, stretch)
    while stretch and stretch[-1].pos == "PUNCT" and not (
            stretch[-1].text == ")" and any(t.text == "(" for t in stretch)):
        stretch.pop()
    while stretch and (stretch[0].pos == "PUNCT" or stretch[0].feature("PronType") == "Rel"):
        stretch.pop(0)  # "..., dont un précédent bilan faisait état": not "dont"
    return stretch


def _name_continued(parsed: ParsedSentence, stretch: list[ParsedToken]) -> list[ParsedToken]:
    """The rest of a body's name the parse hung elsewhere ("the International
    Organization | for Migration reports"): "for", "of", "de" and capitalised words
    after a capitalised last word, up to the next lower-case word."""
    if not stretch or not stretch[-1].text[:1].isupper():
        return []
    words: list[ParsedToken] = []
    for token in parsed.tokens[stretch[-1].index + 1:stretch[-1].index + 8]:
        if token.text[:1].isupper() and token.pos in ("PROPN", "NOUN", "ADJ", "X"):
            words.append(token)
        elif token.text.lower() in _NAME_LINKS:
            words.append(token)
        else:
            break
    while words and not words[-1].text[:1].isupper():
        words.pop()
    return words


def _name_begun(parsed: ParsedSentence, stretch: list[ParsedToken]) -> list[ParsedToken]:
    """The start of a body's name the parse cut off ("Human Rights | Watch said"):
    capitalised words glued right before a capitalised common noun heading the source,
    not a day or a month ("On Monday Reuters said")."""
    if len(stretch) != 1 or stretch[0].pos != "NOUN" or not stretch[0].text[:1].isupper():
        return []
    calendar = time_words()
    words: list[ParsedToken] = []
    for token in reversed(parsed.tokens[max(0, stretch[0].index - 4):stretch[0].index]):
        following = words[0] if words else stretch[0]
        dated = calendar.month_number(token.text) or \
            fold_time_word(token.text) in calendar.weekdays
        if token.end + 1 != following.start or not token.text[:1].isupper() or \
                token.pos not in ("PROPN", "NOUN", "ADJ") or dated:
            break
        words.insert(0, token)
    return words


_NAME_LINKS = frozenset({"for", "of", "the", "de", "des", "du", "pour", "la"})


def _words_before(parsed: ParsedSentence, verb: ParsedToken) -> list[ParsedToken]:
    """'"...," Abdiasis Abu Musab, al Shabaab's spokesman, told Reuters': the words
    between a closing quote and the verb, when they hold a name or a noun and no verb."""
    words: list[ParsedToken] = []
    for token in reversed(parsed.tokens[:verb.index]):
        if token.text in _QUOTE_END:
            break
        if token.pos == "VERB" or token.text in ".;:!?" or (
                token.pos == "AUX" and token.head != verb.index):
            return []  # another clause ("Les forces ... sont au regret d'annoncer")
        words.insert(0, token)
    else:
        return []
    while words and words[0].pos == "PUNCT":
        words.pop(0)
    while words and words[-1].pos == "PUNCT":
        words.pop()
    if not words or len(words) > 25 or not any(_nominal(t) for t in words):
        return []
    return words


def _nominal(token: ParsedToken) -> bool:
    """A noun, a name or a pronoun; or a capitalised word the tagger took for something
    else ('the SOHR reported': an acronym tagged as an adverb)."""
    return token.pos in ("NOUN", "PROPN", "PRON") or (
        token.text[:1].isupper() and token.pos in ("ADV", "ADJ", "X", "INTJ", "SYM"))


def _last_before_content(parsed: ParsedSentence, verb: ParsedToken,
                         content_ids: set[int]) -> int:
    """The end of the verb's own words ('a déclaré X à l'AFP'), stopping at a
    continuation ("précisant que", "adding that") or the content."""
    end = verb.end
    for token in parsed.tokens[verb.index:]:
        if token.index in content_ids or (token.index != verb.index and token.pos == "VERB"
                                          and token.feature("VerbForm") in ("Part", "Ger")
                                          and any(c.relation in _CONTENT
                                                  for c in parsed.children(token.index))):
            break
        if token.text in ".;!?":
            break
        end = token.end
    return end


def _outlets(parsed: ParsedSentence, verb: ParsedToken,
             content_ids: set[int]) -> tuple[int, ...]:
    """Where a receiving or carrying party may begin among the verb's dependents: 'à
    l'AFP', 'told Reuters', 'citée par l'agence SPA'."""
    found: list[int] = []
    for token in parsed.subtree(verb.index):
        if token.index in content_ids or token.index <= verb.index:
            continue
        if token.relation not in ("iobj", "obl", "nmod", "obj"):
            continue
        case = next((c for c in parsed.children(token.index) if c.relation == "case"), None)
        if case is not None and case.lemma.lower() in ("à", "to", "par", "by"):
            found.append(case.end)
        elif case is None and verb.lemma.lower() == "tell":
            found.append(parsed.subtree(token.index)[0].start)
    return tuple(found)
