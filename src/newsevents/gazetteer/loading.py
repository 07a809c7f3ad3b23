"""Load the gazetteer once: the built index plus the curated, user-extensible data files."""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from newsevents.errors import NewsEventsError
from newsevents.gazetteer.normalize import fold_name

DATA_PACKAGE = "newsevents.data"
INDEX_FILE = "gazetteer/index.tsv.gz"
_QUOTES = str.maketrans({"‘": "'", "’": "'", "ʼ": "'", "ʻ": "'", "`": "'", "´": "'"})


@dataclass(frozen=True)
class Place:
    """One gazetteer entry. ``kind``: P (town), A1/A2 (admin area), C (country), R (region or
    natural feature). ``curated`` entries come from the project's data files."""

    row: int
    geonameid: int | None
    name: str
    country: str
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    population: int
    kind: str
    curated: bool = False


@dataclass
class Gazetteer:
    """Folded name -> row numbers, rows kept as raw lines and parsed on demand."""

    lines: list[str] = field(default_factory=list)
    index: dict[str, list[int]] = field(default_factory=dict)
    # first folded token -> largest number of tokens of a name starting with it
    longest: dict[str, int] = field(default_factory=dict)
    curated: dict[int, Place] = field(default_factory=dict)
    primary: set[tuple[int, str]] = field(default_factory=set)  # (row, key) of main names
    display: dict[int, str] = field(default_factory=dict)  # curated English names
    lowercase_keys: set[str] = field(default_factory=set)  # curated keys like "vallee de l ..."
    curated_keys: set[str] = field(default_factory=set)
    acronym_keys: set[str] = field(default_factory=set)  # curated all-capitals names: "usa"
    unresolved: list[str] = field(default_factory=list)  # curated aliases matching no entry
    admin1_names: dict[tuple[str, str], str] = field(default_factory=dict)

    def add_key(self, key: str, row: int) -> None:
        rows = self.index.get(key)
        if rows is None:
            self.index[key] = [row]
            first, _, rest = key.partition(" ")
            length = rest.count(" ") + 2 if rest else 1
            if self.longest.get(first, 0) < length:
                self.longest[first] = length
        elif row not in rows:
            rows.append(row)

    def place(self, row: int) -> Place:
        return self.curated.get(row) or _parse_row(self, row)

    def candidates(self, key: str) -> list[Place]:
        return [self.place(row) for row in self.index.get(key, ())]


def ascii_display(name: str) -> str:
    """GeoNames-style ASCII name: "Kandahār" -> "Kandahar", "Tall ‘Afar" -> "Tall 'Afar"."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_QUOTES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=16_384)  # the rows a few documents' places need
def _parse_cached(line: str, row: int) -> tuple[Any, ...]:
    gid, name, country, admin1, admin2, lat, lon, population, kind = line.split("\t")
    return (row, int(gid) if gid else None, ascii_display(name), country, admin1 or None,
            admin2 or None, float(lat), float(lon), int(population), kind)


def _parse_row(gazetteer: Gazetteer, row: int) -> Place:
    fields = _parse_cached(gazetteer.lines[row], row)
    place = Place(*fields)
    display = gazetteer.display.get(row)
    admin1 = place.admin1 and gazetteer.admin1_names.get((place.country, place.admin1))
    if display or admin1:
        name = display or place.name
        if place.kind == "A1" and admin1:
            name = display or admin1
        place = Place(place.row, place.geonameid, name, place.country, admin1 or place.admin1,
                      place.admin2, place.lat, place.lon, place.population, place.kind)
    return place


def _data_path(name: str) -> Path:
    return Path(str(resources.files(DATA_PACKAGE).joinpath(name)))


def read_index(gazetteer: Gazetteer, path: Path) -> None:
    if not path.exists():
        raise NewsEventsError(
            f"gazetteer index {path} is missing: run `python -m newsevents.gazetteer.build`")
    countries, rewrites, endings = _spellings()
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for row, line in enumerate(handle):
            keys, _, rest = line.partition("\t")
            gazetteer.lines.append(rest.rstrip("\n"))
            names = keys.split("|")
            gazetteer.primary.add((row, names[0]))
            for key in names:
                gazetteer.add_key(key, row)
            if rewrites and rest.split("\t", 3)[2] in countries:
                variants = {v for k in names for v in _french(k, rewrites)}
                variants.update(pattern.sub(ending, k) for k in names
                                for pattern, ending in endings)
                for key in variants - set(names):
                    gazetteer.add_key(key, row)


Rewrites = tuple[tuple[re.Pattern[str], str], ...]


def _spellings() -> tuple[frozenset[str], Rewrites, Rewrites]:
    """(countries whose names are transliterated, French rewrites, alternative endings)."""
    data = read_yaml("gazetteer/transliteration.yaml") or {}
    return (frozenset(data.get("countries") or ()),
            tuple((re.compile(str(a)), str(b)) for a, b in data.get("french") or ()),
            tuple((re.compile(str(a)), str(b)) for a, b in data.get("endings") or ()))


def _french(key: str, rewrites: tuple[tuple[re.Pattern[str], str], ...]) -> tuple[str, ...]:
    """French spellings of a transliterated key: "el fasher" -> "el facher", "abu shouk"
    -> "abou chouk" (the first rule alone, then every rule)."""
    first = rewrites[0][0].sub(rewrites[0][1], key)
    every = key
    for pattern, replacement in rewrites:
        every = pattern.sub(replacement, every)
    return first, every


def read_yaml(name: str) -> Any:
    with _data_path(name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def read_word_list(name: str) -> frozenset[str]:
    """A text data file, one entry a line, ``#`` comments; entries folded."""
    with _data_path(name).open(encoding="utf-8") as handle:
        lines = (line.split("#", 1)[0].strip() for line in handle)
        return frozenset(fold_name(line) for line in lines if line)


def _find_row(gazetteer: Gazetteer, entry: dict[str, Any]) -> int | None:
    """The index row a curated alias entry points at: by geonameid, or the most populous
    entry of that name, country (and kind)."""
    key = fold_name(str(entry.get("match", entry["name"])))
    kind = entry.get("kind", "P")
    best: Place | None = None
    for place in (_parse_row(gazetteer, row) for row in gazetteer.index.get(key, ())):
        if "geonameid" in entry and place.geonameid != entry["geonameid"]:
            continue
        if place.country != entry["country"] or place.kind != kind:
            continue
        if best is None or place.population > best.population:
            best = place
    return best.row if best else None


def _add_names(gazetteer: Gazetteer, row: int, names: Iterable[str]) -> None:
    for name in names:
        key = fold_name(name)
        gazetteer.add_key(key, row)
        gazetteer.curated_keys.add(key)
        if name[:1].islower():
            gazetteer.lowercase_keys.add(key)
        if name.isupper():
            gazetteer.acronym_keys.add(key)


def add_curated(gazetteer: Gazetteer, entries: list[dict[str, Any]], kind: str) -> None:
    """Curated entries: aliases of index rows when they ``match`` one, else new rows."""
    for entry in entries:
        names = [entry["name"], *entry.get("names", ())]
        row = None if "lat" in entry else _find_row(gazetteer, {**entry, "kind": kind})
        if row is None and "lat" not in entry:
            gazetteer.unresolved.append(f"{kind} {entry['name']} ({entry['country']})")
            continue
        if row is None:
            row = len(gazetteer.lines)
            gazetteer.lines.append("")
        base = _parse_row(gazetteer, row) if gazetteer.lines[row] else None
        gazetteer.curated[row] = Place(
            row, entry.get("geonameid", base.geonameid if base else None), entry["name"],
            entry["country"], entry.get("admin1", base.admin1 if base else None),
            entry.get("admin2", base.admin2 if base else None),
            float(entry.get("lat", base.lat if base else 0.0)),
            float(entry.get("lon", base.lon if base else 0.0)),
            int(entry.get("population", base.population if base else 0)), kind, curated=True)
        gazetteer.display[row] = entry["name"]
        gazetteer.primary.add((row, fold_name(entry["name"])))
        _add_names(gazetteer, row, names)


def _read_admin1_names(gazetteer: Gazetteer) -> None:
    for entry in read_yaml("gazetteer/admin1_names.yaml") or ():
        gazetteer.admin1_names[(entry["country"], entry["geonames"])] = entry["name"]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built once, about a second)."""
    gazetteer = Gazetteer()
    read_index(gazetteer, _data_path(INDEX_FILE))
    _read_admin1_names(gazetteer)
    curated = read_yaml("gazetteer/curated.yaml") or {}
    for section, kind in (("countries", "C"), ("admin1", "A1"), ("places", "P"),
                          ("regions", "R")):
        add_curated(gazetteer, curated.get(section) or [], kind)
    return gazetteer


@lru_cache(maxsize=1)
def capital_ids() -> frozenset[int]:
    """GeoNames ids of national capitals (for telling a government from its seat)."""
    with _data_path("gazetteer/capitals.txt").open(encoding="utf-8") as handle:
        lines = (line.split("#", 1)[0].strip() for line in handle)
        return frozenset(int(line) for line in lines if line)


@lru_cache(maxsize=1)
def capital_rows() -> dict[str, int]:
    """Country code -> row of its national capital."""
    gazetteer = load_gazetteer()
    wanted = {str(gid) for gid in capital_ids()}
    rows: dict[str, int] = {}
    for row, line in enumerate(gazetteer.lines):
        if line.partition("\t")[0] in wanted:
            rows.setdefault(gazetteer.place(row).country, row)
    return rows


@lru_cache(maxsize=1)
def country_rows() -> dict[str, int]:
    """Country code -> row of the country itself (kind C)."""
    gazetteer = load_gazetteer()
    rows: dict[str, int] = {}
    for row, line in enumerate(gazetteer.lines):
        curated = gazetteer.curated.get(row)
        if line.endswith("\tC") or (curated is not None and curated.kind == "C"):
            rows.setdefault(gazetteer.place(row).country, row)
    return rows
