"""The time-expression stage: TIMEX3-grade dates, times, durations and sets, fr and en.

``find_times`` finds every time expression of a text with its character offsets and
resolves it against the document date (or an embedded tweet's own date). The rules live
in :mod:`newsevents.stages.timex`; the vocabulary in ``newsevents/data/times/*.yaml``.

Month-only document dates ("2021-03"): expressions finer than a month that are relative to
the publication ("mercredi", "jeudi dernier", "hier", "aujourd'hui (lundi)", "il y a trois
jours", "la semaine dernière") resolve to the document month itself (value "2021-03",
granularity "month"): the publication day is unknown, so the month is the interval we can
vouch for. Month-level and coarser expressions ("le mois dernier", "l'année dernière")
resolve exactly. With a year-only date, the same holds at the year.

Which way a bare weekday, day-month or month points comes from the parse of the clause
that governs it (:mod:`newsevents.stages.timex.tense`): ``find_times`` parses the sentences
that hold one, one batch per language, unless the caller passes them as ``parsed``
(``sentences_to_parse`` says which).
"""

from __future__ import annotations

from newsevents.records import TimeMention
from newsevents.stages.timex.finder import find_times, sentences_to_parse


def resolve_time_phrase(phrase: str, ref_date: str, language: str = "fr") -> TimeMention | None:
    """The longest time expression found in ``phrase`` resolved against ``ref_date``
    (a convenience for tests and the REPL; ``language`` is accepted for symmetry, the
    vocabulary of both languages is always on)."""
    mentions = find_times(phrase, ref_date)
    if not mentions:
        return None
    return max(mentions, key=lambda m: (m.end - m.start, -m.start))


__all__ = ["find_times", "resolve_time_phrase", "sentences_to_parse"]
