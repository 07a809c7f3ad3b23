"""Events as an ACLED analyst expects them: one row per event, ACLED's columns and words.

- ``country``: ACLED's name ("Syria", "Iran", "Democratic Republic of Congo"), not ISO's
  ("Syrian Arab Republic"); ``location``/``admin1``/coordinates come from a place in that
  country only (a place abroad is never exported as the event's location).
- ``event_type``/``sub_event_type``: ACLED's vocabulary; a toll with no event named ("23
  soldats tués") is a battle when soldiers or an armed side fell, violence against
  civilians when civilians did, never a strategic development.
- ``source``: the outlets, else the speakers (OSDH, CENTCOM); ``source_scale`` where it is
  known (a tweet is "New media"; outlets of ``data/acled.yaml`` are "International").
- ``fatalities``: the event's ``best`` for a toll of deaths, else 0; ``notes``: the
  evidence of each source with who said it.
- ``event_id_cnty``: ISO alpha-3 and a number derived from the event id, the same on every
  re-export of the same store.
- A subset ("dont 31 civils") whose total is exported is not a row of its own; period
  totals and negated events have no ACLED equivalent and are left out.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from newsevents.events.timeline import counted_events

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "actor2", "civilian_targeting", "iso", "country", "admin1",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities",
)
FATALITY_MEASURES = frozenset({"fatalities", "fatalities_combatants", "fatalities_civilians"})
TOLL_MEASURES = FATALITY_MEASURES | {"injured", "captured", "neutralized"}
# ACLED geo_precision: 1 the town itself, 2 near a town or a part of a region, 3 a region.
GEO_PRECISION = {"exact": 1, "town": 1, "near": 2, "admin2": 2, "admin1": 3, "region": 3,
                 "country": 3}
_BATTLE = ("Battles", "Armed clash")
_VAC = ("Violence against civilians", "Attack")
_TYPES: dict[str, tuple[str, str]] = {
    "air_strike": ("Explosions/Remote violence", "Air/drone strike"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "remote_explosive": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "armed_clash": _BATTLE,
    "violence_against_civilians": _VAC,
    "arrest": ("Strategic developments", "Arrests"),
    "protest": ("Protests", "Peaceful protest"),
    "strategic_development": ("Strategic developments", "Other"),
    "other": ("Strategic developments", "Other"),
}
_DISORDER = {"Protests": "Demonstrations", "Strategic developments": "Strategic developments"}


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    raw = resources.files("newsevents.data").joinpath("acled.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(raw)
    return data


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str:
    """ACLED's name of an ISO 3166 alpha-2 country ("SY" -> "Syria")."""
    if not code:
        return ""
    code = code.upper()
    named = (_data().get("countries") or {}).get(code)
    if named:
        return str(named)
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


@lru_cache(maxsize=512)
def iso3(code: str | None) -> str:
    if not code:
        return "XXX"
    import pycountry

    country = pycountry.countries.get(alpha_2=code.upper())
    return str(country.alpha_3) if country else code.upper()


def actor_label(actor_id: str | None) -> str:
    """A readable actor name: ``islamic_state`` -> Islamic State, ``state:ML`` -> Military
    Forces of Mali."""
    if not actor_id:
        return ""
    if actor_id.startswith("state:"):
        return f"Military Forces of {country_name(actor_id[6:])}"
    return str((_data().get("actors") or {}).get(actor_id)
               or actor_id.replace("_", " ").title())


def acled_types(event: Mapping[str, Any]) -> tuple[str, str]:
    """(event_type, sub_event_type) in ACLED's words."""
    kind = str(event.get("event_type") or "other")
    targets = set(event.get("targets") or ())
    civilians = "civilians" in targets or event.get("measure") == "fatalities_civilians"
    if kind == "attack" or (kind in ("other", "strategic_development")
                            and event.get("measure") in TOLL_MEASURES):
        unnamed = not targets - {"unknown"}  # an attack on no one named: ACLED's default
        return _VAC if civilians or (unnamed and kind == "attack") else _BATTLE
    return _TYPES.get(kind, _TYPES["other"])


def time_precision(start: str | None, end: str | None) -> int:
    """ACLED-style: 1 a known day, 2 known within a month, 3 a longer span."""
    from newsevents.events.compat import parse_iso_bound

    first, last = parse_iso_bound(start, end=False), parse_iso_bound(end, end=True)
    if first is None or last is None:
        return 3
    days = (last - first).days + 1
    return 1 if days <= 1 else 2 if days <= 31 else 3


def event_country(event: Mapping[str, Any]) -> str | None:
    return event.get("country") or next(
        (p.get("country") for p in event.get("places") or [] if p.get("country")), None)


def location_in(country: str | None, places: Iterable[Mapping[str, Any]]) -> Mapping[str, Any]:
    """The most precise located place of ``country`` (a place abroad is never chosen)."""
    inside = [p for p in places if country and p.get("country") == country]
    rank = sorted(inside, key=lambda p: (p.get("lat") is None,
                                         GEO_PRECISION.get(str(p.get("precision")), 2)))
    return rank[0] if rank else {}


def event_id_cnty(event: Mapping[str, Any], country: str | None) -> str:
    digest = hashlib.sha256(str(event.get("event_id")).encode("utf-8")).hexdigest()
    return f"{iso3(country)}{int(digest[:12], 16) % 10**8}"


def _sources(event: Mapping[str, Any]) -> list[str]:
    names: dict[str, None] = {}
    for source in event.get("claims") or []:
        speaker = (source.get("speaker") or {}).get("name")
        name = source.get("outlet") or source.get("doc_outlet") or speaker
        if name:
            names.setdefault(str(name))
    return list(names)


def source_scale(event: Mapping[str, Any]) -> str:
    international = {o.casefold() for o in _data().get("international_outlets") or []}
    scales = []
    for source in event.get("claims") or []:
        outlet = str(source.get("outlet") or source.get("doc_outlet") or "").casefold()
        if source.get("channel") == "tweet":
            scales.append("New media")
        elif outlet and outlet in international:
            scales.append("International")
    distinct = sorted(set(scales))
    return "-".join(distinct) if len(distinct) <= 2 else "Other"


def _notes(event: Mapping[str, Any]) -> str:
    parts = []
    for source in event.get("claims") or []:
        if not source.get("evidence"):
            continue
        speaker = source.get("speaker") or {}
        who = ", ".join(str(x) for x in (speaker.get("name"), speaker.get("role")) if x)
        parts.append(str(source["evidence"]).strip(" ,;") + (f" ({who})" if who else ""))
    return " | ".join(parts)


def acled_row(event: Mapping[str, Any]) -> dict[str, Any]:
    time = event.get("time") or {}
    country = event_country(event)
    place = location_in(country, event.get("places") or [])
    event_type, sub_event_type = acled_types(event)
    fatalities = event.get("best") if event.get("measure") in FATALITY_MEASURES else 0
    actors = [a for a in event.get("actors") or [] if a not in (event.get("targets") or ())]
    civilian = event_type == "Violence against civilians"
    return {
        "event_id_cnty": event_id_cnty(event, country),
        "event_date": time.get("start") or "", "year": (time.get("start") or "")[:4],
        "time_precision": time_precision(time.get("start"), time.get("end")),
        "disorder_type": _DISORDER.get(event_type, "Political violence"),
        "event_type": event_type, "sub_event_type": sub_event_type,
        "actor1": actor_label((actors or event.get("actors") or [None])[0]),
        "actor2": actor_label((event.get("targets") or [None])[0]),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": iso3(country) if country else "", "country": country_name(country),
        "admin1": place.get("admin1") or "",
        "location": place.get("name") or "",
        "latitude": place.get("lat"), "longitude": place.get("lon"),
        "geo_precision": GEO_PRECISION.get(str(place.get("precision")), 3),
        "source": "; ".join(_sources(event)), "source_scale": source_scale(event),
        "notes": _notes(event), "fatalities": int(fatalities or 0),
    }


def acled_rows(events: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One row per single event (see the module docstring for what is left out)."""
    single = [e for e in events if not e.get("is_total")]
    return [acled_row(e) for e in counted_events(single)]
