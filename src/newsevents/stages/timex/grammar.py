"""The patterns that find time expressions, one named rule per expression family.

Templates name vocabulary alternations as ``{name}`` (see ``Lexicon.regex_context``). A
group named ``lead`` is matched but left out of the mention ("on Monday" -> "Monday",
"in March" -> "March"). Every repetition is bounded; alternatives are literal words, so
no pattern backtracks catastrophically on untrusted text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsevents.stages.timex.lexicon import lexicon

_DAYNUM = r"(?:1er|1re|premier|[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?<![\d.,])(?:1[5-9]\d\d|20\d\d)(?![\d]|[.,]\d)"
_SHORT_YEAR = r"'?\d{2}(?=\s{0,2}[,.;:)»]|\s*$)"
_NUM = r"(?:\d{1,4}(?:[.,]5)?|{numword}(?:[-\s]{{1,2}}{numword}){{0,4}})"
# "deux jours plus tard", "two weeks from now" (TimeML leaves "avant", "après" out of the
# expression: a signal before a duration, "un an avant" is "un an", P1Y).
_AFTER = r"(?:plus\s+tard|plus\s+tôt|auparavant|later|earlier|ago|from\s+now)"

# (rule name, template). Order matters only for ties between equally long matches.
RULES: tuple[tuple[str, str], ...] = (
    ("range_days",
     r"(?:du|entre\s+le|from|between(?:\s+the)?)\s+(?P<d1>" + _DAYNUM + r")\s+"
     r"(?:au|et\s+le|et|à|to|and|-|–)\s+(?P<day>" + _DAYNUM + r")\s+(?P<month>{month}|{month_cs})"
     r"(?:\s+(?P<year>" + _YEAR + r"))?"),
    # "between June 7 and 13", "from June 7 to 13" (English, month first); with no opener,
    # a dash only ("June 7-13": "on June 7 and 8 people died" is no range)
    ("range_days_mdy",
     r"(?:(?:from|between(?:\s+the)?)\s+(?P<month>{month_en}|{month_abbr})\s+(?P<d1>"
     + _DAYNUM + r")(?:\s*[-–]\s*|\s+(?:to|and|through)\s+)"
     r"|(?P<month2>{month_en}|{month_abbr})\s+(?P<d2>" + _DAYNUM + r")\s*[-–]\s*)"
     r"(?P<day>" + _DAYNUM + r")(?![\d:])(?:,?\s+(?P<year>" + _YEAR + r"))?"),
    ("date_dmy",
     r"(?:(?P<det>le|les|the)\s+)?(?:(?P<wd>{weekday})\s+)?(?P<day>" + _DAYNUM + r")\s+"
     r"(?:of\s+)?(?P<month>{month}|{month_cs}|{month_abbr})"
     r"(?:,?\s+(?P<year>" + _YEAR + "|" + _SHORT_YEAR + r"))?(?:\s+(?P<dir>{dir_after}))?"),
    ("date_mdy",
     r"(?:(?P<wd>{weekday}),?\s+)?(?P<month>{month_en}|{month_abbr})\s+(?P<day>" + _DAYNUM +
     r")(?![\d:])(?:,?\s+(?P<year>" + _YEAR + r"))?"),
    ("date_numeric",
     r"(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>\d{4}|(?<=/)\d{2})(?![\d/.]\d)"
     r"|(?P<iy>1[5-9]\d\d|20\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?![\d-])"),
    # "le 17/03", "on 3/17": a numeric day and month without a year need a determiner or a
    # preposition before them, and no "de"/"of" after ("les 2/3 des sièges" is a share)
    ("date_numeric_short",
     r"(?:(?P<det>le)\s+|(?P<lead>(?:du|au|dès\s+le|depuis\s+le|jusqu'au|on|since|until|by)"
     r"\s+))(?P<a>[0-3]?\d)(?P<sep>/)(?P<b>[0-3]?\d)(?![\d/]|[.,]\d)"
     r"(?!\s{1,3}(?:des|de|du|d'|of)(?!\w))"),
    # "mercredi 17", "Wednesday the 17th": a weekday and a day number, no month
    ("weekday_day",
     r"(?:(?P<lead>on\s+)|(?P<det>le|the)\s+)?(?P<wd>{weekday}),?\s+"
     r"(?:the\s+(?P<day>" + _DAYNUM + r")|(?P<day2>(?:1er|1re|[12]\d|3[01]|0?[1-9])"
     r"(?:st|nd|rd|th)?)(?![\d:.,]\d|\s?h\b|\s?h\d)"
     r"(?=\s{0,2}[,.;:!?)»—–]|\s{0,2}$|\s{1,3}(?:{day_number_before})(?!\w)))"
     # "le vendredi 14 au soir": the part of the day after it
     r"(?:\s+(?:au\s+)?(?P<pod>{pod}))?"),
    ("clock_words",
     r"(?:(?P<lead>(?:à|a|jusqu'à|dès|avant|après)\s+)|(?P<bound>{bound})\s+)"
     r"(?P<hw>[01]?\d|2[0-3]|{numword}(?:[-\s]{{1,2}}{numword}){{0,2}})\s+heures?"
     # a fraction of the hour before minutes in words ("trois heures et demie": "et" alone
     # is no minute)
     r"(?:\s+(?P<frac>{clock_fraction})"
     r"|\s+(?!et\b)(?P<mw>[0-5]\d|{numword}(?:[-\s]{{1,2}}{numword}){{0,2}}))?"
     r"(?:\s+(?P<half>{day_half}))?(?:\s+(?P<local>{clock_zone}))?"),
    ("part_of_year",
     r"(?:(?P<det>le|la|du|the)\s+|(?P<lead>(?:au|in\s+the)\s+))?(?P<ord>{ordinal})\s+(?P<part>{part_unit})"
     r"(?:\s+(?:de\s+l'année\s+|of\s+)?(?P<year>" + _YEAR + r"))?"
     r"|(?P<qh>[QqHhTtSs])(?P<qn>[1-4])\s*(?P<year2>" + _YEAR + r")"
     r"|(?P<year3>" + _YEAR + r")\s*(?P<qh3>[QH])(?P<qn3>[1-4])"),
    ("week_number",
     r"(?:(?:la|the)\s+)?{week_word}\s+(?:n°\s?|no\.\s?)?(?P<wn>[1-4]?\d|5[0-3])"
     r"(?:\s+(?:de\s+|of\s+)?(?P<year>" + _YEAR + r"))?"),
    ("short_year", r"(?P<lead>{short_year_lead}\s+)(?P<y2>'?\d{2})(?=\s{0,2}[,.;:)]|$)"
                   r"|(?<![\w'])'(?P<y3>\d{2})(?![\d'\w])"),
    ("holiday",
     r"(?P<holiday>{holiday})(?:\s+(?P<year>" + _YEAR + r")|\s+(?P<dir>{dir_after}))?"),
    ("month_year",
     r"(?:(?P<det>le\s+|l')?mois\s+d[e']\s*)?(?P<month>{month}|{month_cs}|{month_abbr})\s+"
     r"(?:de\s+|of\s+)?"
     r"(?P<year>" + _YEAR + "|" + _SHORT_YEAR + r")"),
    ("month_alone",
     r"(?:(?P<lead>(?:in|since|until|of|during|by|from|to|and|early|late|mid-?|last|next|"
     r"this|thus\s+far\s+in|so\s+far\s+in)\s+|mid-)|(?P<det>le\s+|l')?mois\s+d[e']\s*)?"
     r"(?P<month>{month}|{month_cs})(?:\s+(?P<dir>{dir_after}))?"
     r"(?:\s+(?P<anaph>de\s+la\s+même\s+année|de\s+cette\s+année-là|of\s+the\s+same\s+year|"
     r"of\s+that\s+year))?"),
    ("year",
     r"(?:(?P<det>l'an|l'année|the\s+year|en\s+l'an)\s+)?(?P<year>" + _YEAR + r")"),
    ("decade",
     r"(?:(?:les|des|the)\s+)?(?:années|decade\s+of\s+the)\s+(?P<dec>\d{4}|\d{2}|{decade_word})"
     r"|(?:the\s+)?(?P<dec_en>\d{4}|'\d{2})s|the\s+(?P<dec_word>{decade_word})"),
    ("century",
     r"(?:(?:le|au|du|the)\s+)?(?P<cent>[XVI]{1,5}|\d{1,2})(?:e|ème|è|th|st|nd|rd)\s+"
     r"(?:siècle|century)"),
    ("season",
     r"(?:(?P<det>l'|cet\s+|ce\s+|the\s+|this\s+|last\s+|next\s+)|(?P<lead>(?:en|in)\s+))?"
     r"(?P<season>{season})(?:\s+(?:de\s+|of\s+)?(?P<year>" + _YEAR + r")"
     r"|\s+(?P<dir>{dir_after}))?"),
    ("night_between",
     r"(?:(?P<pos>tard|tôt|late|early)\s+(?:dans|in)\s+)?(?:la\s+|the\s+)?(?:nuit|night)\s+(?:de|du|of)\s+(?:the\s+)?(?:(?P<wd>{weekday})"
     r"(?:\s+(?:à|au|to)\s+(?P<wd2>{weekday}))?|(?P<d1>" + _DAYNUM + r")(?:\s+(?:au|to)\s+"
     r"(?P<day>" + _DAYNUM + r"))?\s+(?P<month>{month}|{month_cs}|{month_abbr})"
     r"|(?P<month_en>{month_en}|{month_abbr})\s+(?P<d_en>" + _DAYNUM + r"))"
     r"(?:,?\s+(?P<year>" + _YEAR + r"))?"),
    # "mercredi suivant", "the following Wednesday" (after the previous day named), "lundi
    # en huit" (a week after the next Monday), "late Tuesday" (END of the day)
    ("weekday",
     r"(?:(?P<lead>on\s+)|(?P<pre>ce\s+même|ce|cette|this|last|next|le|les|dès)\s+"
     r"|(?P<fpre>(?:the\s+)?{weekday_following_before})\s+"
     r"|(?P<pos>(?:late|early)(?:\s+on)?)\s+(?=(?-i:[A-Z])))?"
     r"(?P<wd>{weekday})(?P<plural>s)?(?:\s+(?P<pod>{pod}))?(?:\s+(?P<dir>{dir_after})"
     r"|\s+(?P<follow>{weekday_following_after})|\s+en\s+(?P<en>huit|quinze))?"),
    ("deictic",
     r"(?P<deictic>{deictic_day})(?:\s+(?:(?P<pmod>en\s+début\s+d['e]|en\s+fin\s+d['e]|"
     r"dans\s+l['a])\s*)?(?P<pod>{pod}))?(?:\s{0,2}\((?P<paren>{weekday})\))?"),
    ("this_part", r"(?P<this_part>{this_part})"),
    ("anaphoric_day", r"(?P<anaphoric_day>{anaphoric_day})(?:\s+(?P<pod>{pod}))?"),
    # a moment of the day stands after "at", "au" without a determiner, or alone before its
    # day ("dawn on Friday": joined to the day by combine)
    ("pod_alone",
     r"(?:(?P<pmod>(?:en\s+)?(?:début|fin)\s+d['e]\s*|(?:early|late)\s+(?:in\s+)?(?:the\s+)?)"
     r"|(?P<det>la\s+|l'|le\s+|the\s+|that\s+)|(?P<lead>(?:au|at|before|after|by)\s+)"
     r"(?=(?:{pod_moment})(?!\w))|(?=(?:{pod_moment})\s+(?:on|of)\s))(?P<pod>{pod})"
     r"(?:\s+(?P<meme>même))?"),
    ("anaphoric_year", r"(?P<anaphoric_year>{anaphoric_year})"),
    ("relative_period",
     r"(?:(?P<within>{within_period})\s+)?(?:(?P<this>ce|cet|cette|this\s+past|this|last|next|"
     r"coming)\s+"
     r"(?P<period>{period})(?P<ci>-ci|-là)?|(?P<det>le\s+|la\s+|l'|the\s+)(?P<period2>{period})"
     r"\s+(?P<dir>{dir_after})"
     # "over the weekend", "at the weekend": the weekend of the clause's tense
     r"|(?P<lead>(?:over|during|at)\s+)the\s+(?P<period3>weekend|week-end))"),
    ("mod_period",
     r"(?P<lead>(?:en|au|à|dès|vers|at|in|by)\s+)?(?P<det>la\s+|le\s+|l'|the\s+)?"
     r"(?P<pos>début|fin|milieu|beginning|end|middle)\s+(?:de\s+la\s+|de\s+l'|du\s+|de\s+|d'|"
     r"of\s+(?:the\s+|this\s+)?)(?P<period>semaine|mois|année|an|week-end|siècle|week|month|year|century)"
     r"(?:\s+(?P<dir>{dir_after}))?"),
    ("clock",
     r"(?:(?P<bound>{bound})\s+)?(?:(?P<h>[01]?\d|2[0-3])\s?h\s?(?P<m>[0-5]\d)?"
     # "9:30 a.m.", "9.30pm", "6am" (a sentence's full stop after "am" is not the mention's)
     r"|(?P<h12>1[0-2]|0?[1-9])(?:[:.](?P<m12>[0-5]\d))?\s?(?P<ampm>[ap]\.m\.?|[ap]m\b)"
     r"|(?P<oc>1[0-2]|0?[1-9]|{numword})\s?o'clock"
     r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])"
     # "1700 GMT": four digits are a clock time only with a zone after them
     r"|(?P<hm>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?=\s(?:{clock_zone})(?!\w))"
     r"|(?P<fixed>{fixed_clock})(?:\s+(?P<frac>{clock_fraction}))?)"
     r"(?:\s+(?P<half>{day_half}))?(?:\s+(?P<local>{clock_zone}))?"),
    ("ago",
     r"(?P<ilya>il\s+y\s+a|voici|voilà)\s+(?:(?P<bound>{bound})\s+)?(?:(?P<n>" + _NUM +
     r")|(?P<one>{one}))\s+(?P<unit>{unit})"),
    ("in_future", r"(?P<lead>dans\s+)(?P<n>" + _NUM + r"|{one})\s+(?P<unit>{unit})"),
    ("recent",
     r"(?:(?P<lead>(?:dans|au\s+cours|pendant|durant|in|over|during)\s+)?(?:ces|les|des|the)\s+)"
     r"(?:(?P<n>" + _NUM + r")\s+)?(?P<adj>derniers|dernières|prochains|prochaines|past|last|"
     r"next|coming|recent)\s+(?:(?P<n2>" + _NUM + r")\s+)?(?P<unit>{unit})"),
    ("coming",
     r"(?:(?P<lead>dans\s+)(?P<det>les\s+))(?P<unit>{unit})\s+(?P<coming>{coming})"),
    ("duration",
     r"(?:(?P<bound>{bound})\s+)?(?:(?P<n>" + _NUM + r")|(?P<one>{one})|(?P<vague>{vague})"
     r"|(?P<couple>a\s+couple\s+of))\s+"
     r"(?P<unit>{unit})(?:\s+(?P<after>" + _AFTER + r"))?"),
    ("fixed_duration", r"(?:(?P<bound>{bound})\s+)?(?P<fixed_duration>{fixed_duration})"
                       r"(?:\s+(?P<after>" + _AFTER + r"))?"),
    # "hours later", "des jours plus tard": a count left out, PTXH
    ("vague_after", r"(?P<unit>{plural_unit})\s+(?P<after>" + _AFTER + r")"),
    ("set",
     r"(?P<opener>{set_opener})\s+(?:(?P<n>" + _NUM + r")\s+)?(?:(?P<wd>{weekday})s?|"
     r"(?P<unit>{unit}))"),
    ("set_per", r"(?P<lead>(?:par|per)\s+)(?P<unit>{unit})"),
    ("set_adjective", r"(?P<set_adjective>{set_adjective})"),
    # "les prochaines échéances", "le recensement précédent": a lowercase noun beside it
    ("adjective_before",
     r"(?P<lead>(?:{adjective_det})\s+|l')(?P<adj>{temporal_adjective})"
     r"(?=\s{1,2}(?:[«\"“]\s?)?(?-i:[a-zàâçéèêëîïôöûùüÿœ]))"),
    ("adjective_after",
     r"(?P<lead>(?!(?:{adjective_not_after}|{adjective_det})\s)"
     r"(?-i:[a-zàâçéèêëîïôöûùüÿœ])[\w-]{2,30}\s{1,2})(?P<adj>{temporal_adjective})"),
    ("same_period", r"(?P<same_period>{same_period})"),
    ("present_ref", r"(?P<ref>{present_ref})"),
    ("past_ref", r"(?P<ref>{past_ref})"),
    ("future_ref", r"(?P<ref>{future_ref})"),
)

# Rules whose vocabulary is capitalised in English: matched case-sensitively so that
# "may" (the verb) or "march" (to walk) are not months.
CASE_SENSITIVE = frozenset({"date_mdy"})


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def compiled_rules() -> tuple[Rule, ...]:
    """All rules, compiled once with the vocabulary filled in."""
    names = lexicon().regex_context()
    rules = []
    for name, template in RULES:
        body = _fill(template, names)
        flags = 0 if name in CASE_SENSITIVE else re.IGNORECASE
        # a year may follow another and a dash ("2019-2020"), no other expression a hyphen
        after_year = r"|(?<=\d{4}-)|(?<=\d{4}–)" if name == "year" else ""
        pattern = re.compile(r"(?:(?<![\w-])|(?<=mi-)|(?<=Mi-)" + after_year + r")(?:" + body
                             + r")(?![\w])", flags)
        rules.append(Rule(name, pattern))
    return tuple(rules)


def _fill(template: str, names: dict[str, str]) -> str:
    """Substitute ``{name}`` placeholders, leaving regex braces like ``{1,2}`` alone."""
    def substitute(match: re.Match[str]) -> str:
        key = match.group(1)
        return names[key] if key in names else match.group(0)

    filled = re.sub(r"\{(\w+)\}", substitute, template)
    return filled.replace("{{", "{").replace("}}", "}")
