"""Click commands over the store: ingest, claims, events, conflicts, timeline, export.

Each command parses its options, calls one library function (``newsevents.store.Store``,
``newsevents.exports``) and turns the project's exceptions into one-line messages.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import sqlite3
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import click

from newsevents import exports
from newsevents.cli_options import doc_seconds_option
from newsevents.errors import NewsEventsError
from newsevents.iso_date import check_date
from newsevents.store import DEFAULT_DB, ClaimFilter, Store, parse_near
from newsevents.table import figure_text
from newsevents.terminal import printable

F = TypeVar("F", bound=Callable[..., Any])
FILTER_KEYS = ("actor", "target", "measure", "event_type", "country", "near", "since",
               "until", "speaker", "outlet", "language", "text")
OUTPUT_FORMATS = ("table", "jsonl", "csv")


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return check_date(value)  # the API's check and sentence
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def _near(ctx: click.Context, param: click.Parameter,
          value: str | None) -> tuple[float, float, float] | None:
    if value is None:
        return None
    try:
        return parse_near(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def db_option(func: F) -> F:
    return click.option("--db", "db", default=DEFAULT_DB, show_default=True,
                        type=click.Path(dir_okay=False),
                        help="SQLite database file (only ingest creates it).")(func)


def claim_filter_options(require_measure: bool = False) -> Callable[[F], F]:
    """The filters shared by claims, events, conflicts, timeline and export."""
    options = [
        click.option("--actor", help="Actor id of CONTRACT.md (coalition, islamic_state, "
                     "state:ML...)."),
        click.option("--target", help="Target actor id."),
        click.option("--measure", required=require_measure,
                     help="What figures count: strikes, fatalities, injured..."),
        click.option("--event-type", "event_type",
                     help="air_strike, shelling, armed_clash, attack..."),
        click.option("--country", help="ISO 3166 alpha-2 code of a place (IQ, SY, ML...)."),
        click.option("--near", callback=_near, metavar="LAT,LON,KM",
                     help="Places within KM kilometres of LAT,LON."),
        click.option("--since", callback=_iso_date, metavar="DATE",
                     help="Events ending on or after DATE (YYYY[-MM[-DD]])."),
        click.option("--until", callback=_iso_date, metavar="DATE",
                     help="Events starting on or before DATE (YYYY[-MM[-DD]])."),
        click.option("--speaker", help="Words of the speaker's name (full-text)."),
        click.option("--outlet", help="Outlet of the claim or of its article."),
        click.option("--language", type=click.Choice(["fr", "en"]), help="Claim language."),
        click.option("--text", help="Full-text search over the evidence."),
    ]

    def decorate(func: F) -> F:
        for option in reversed(options):
            func = option(func)
        return func

    return decorate


def filter_from(options: Mapping[str, Any], include_superseded: bool = False) -> ClaimFilter:
    values: dict[str, Any] = {key: options.get(key) for key in FILTER_KEYS}
    return ClaimFilter(**values, include_superseded=include_superseded)


def _open_store(db: str, create: bool = False) -> Store:
    """The store at ``db``; only a writing command creates a missing one."""
    try:
        return Store(db, create=create)
    except NewsEventsError as error:
        raise click.ClickException(str(error)) from None


def _events_store(db: str) -> Store:
    """The store for a command that reads events; says so when they lag the claims."""
    store = _open_store(db)
    if not store.events_current():
        click.echo(f"newsevents: warning: {db}: the events were not merged after the last "
                   f"ingest (--no-events); run `newsevents ingest PATHS --db {db}` to merge "
                   "them.", err=True)
    return store


def _fail_cleanly(func: F) -> F:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except NewsEventsError as error:
            raise click.ClickException(str(error)) from None
        except sqlite3.Error as error:  # a damaged store, a full disk
            from newsevents.store.files import failure

            raise click.ClickException(str(failure(kwargs.get("db") or "the store",
                                                   error))) from None

    return wrapper  # type: ignore[return-value]


# -- output ---------------------------------------------------------------------------

def _truncate(value: Any, width: int) -> str:
    text = "" if value is None else printable(str(value))
    return text if len(text) <= width else text[: width - 1] + "…"


def print_table(rows: list[Mapping[str, Any]], columns: Mapping[str, int]) -> None:
    """Aligned columns: ``columns`` maps a key to its maximum width."""
    widths = {k: min(w, max([len(k)] + [len(_truncate(r.get(k), w)) for r in rows]))
              for k, w in columns.items()}
    click.echo("  ".join(k.ljust(widths[k]) for k in columns).rstrip())
    for row in rows:
        click.echo("  ".join(_truncate(row.get(k), widths[k]).ljust(widths[k])
                             for k in columns).rstrip())


def print_rows(rows: Iterable[Mapping[str, Any]], fmt: str, table_columns: Mapping[str, int],
               csv_columns: Mapping[str, str] | None = None) -> None:
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    if fmt == "csv":
        materialised = list(rows)
        columns = csv_columns or dict.fromkeys(materialised[0] if materialised else {}, "string")
        writer = csv.writer(sys.stdout)
        writer.writerow(list(columns))
        for row in materialised:
            writer.writerow([exports.csv_cell(row.get(k), kind) for k, kind in columns.items()])
        return
    print_table(list(rows), table_columns)


CLAIM_TABLE = {"claim_id": 28, "when": 24, "event_type": 16, "measure": 20, "figure": 10,
               "place_name": 16, "speaker_name": 20, "outlet": 18,
               "evidence_text": 60}
EVENT_TABLE = {"event_id": 30, "time_start": 10, "time_end": 10, "event_type": 16,
               "measure": 20, "best": 8, "low": 8, "high": 8, "is_total": 5, "sources": 7,
               "independent_sources": 11, "conflicting": 5, "place_name": 16}
CONFLICT_TABLE = {"event_id": 30, "measure": 20, "figure": 14, "speaker": 22, "outlet": 20,
                  "language": 4, "evidence": 70}
TIMELINE_TABLE = {"period": 21, "kind": 6, "value": 10, "bounded": 10, "hedged": 10,
                  "n_events": 8}


def conflict_rows(events: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One row per source of each conflicting event, side by side."""
    rows = []
    for event in events:
        for source in event.get("claims") or []:
            rows.append({
                "event_id": event["event_id"], "measure": event.get("measure"),
                "figure": figure_text(source), "claim_id": source.get("claim_id"),
                "speaker": (source.get("speaker") or {}).get("name"),
                "outlet": source.get("outlet") or source.get("doc_outlet"),
                "language": source.get("language"), "evidence": source.get("evidence"),
            })
    return rows


# -- commands -------------------------------------------------------------------------

class TextsById:
    """The text digest of every id read in one input, to report an id given twice with
    different texts (both are stored as versions; the last one read stays current)."""

    def __init__(self) -> None:
        self._digests: dict[str, bytes] = {}

    def repeated(self, document: Any) -> str | None:
        digest = hashlib.blake2b(document.text.encode("utf-8"), digest_size=16).digest()
        known = self._digests.setdefault(document.doc_id, digest)
        if known == digest:
            return None
        self._digests[document.doc_id] = digest
        return (f"{document.source or document.doc_id}: the id '{document.doc_id}' was "
                "given earlier in this input with another text; the last one is kept: "
                "give each article its own id.")



@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--events/--no-events", "rebuild", default=True, show_default=True,
              help="Merge the claims into events after the batch (only the blocks of "
                   "claims that changed are merged again).")
@doc_seconds_option
@_fail_cleanly
def ingest(paths: tuple[str, ...], db: str, rebuild: bool, doc_seconds: float) -> None:
    """Extract claims from PATHS (files, directories, - for JSONL on stdin) into the store.

    Each document is stored in its own transaction: re-running an interrupted batch
    completes it without duplicates, and a document whose text is one of its stored
    versions is left as it is. A changed document (same id, new text) becomes a new
    version; the old version's claims are kept, marked superseded. Documents are told apart
    by id only: a shared URL never makes one a version of another. Two texts under one id
    in one input are reported, and the last is kept. A document still being processed
    after --doc-seconds is stopped and skipped. Exit status 1 when any input was skipped.
    """
    from newsevents.batch.plan import count_documents
    from newsevents.ingest import ingest_documents
    from newsevents.progress import Progress
    from newsevents.reader import iter_documents

    store = _open_store(db, create=True)
    texts = TextsById()

    def documents() -> Any:
        for item in iter_documents(list(paths)):
            repeated = None if isinstance(item, Exception) else texts.repeated(item)
            if repeated:
                progress.write(repeated)
            yield item

    with Progress(unit="doc", description="ingest") as progress:
        progress.count_in_background(lambda: count_documents(list(paths)))  # for the ETA
        counts = ingest_documents(
            store, documents(), events=rebuild,
            notice=lambda message: progress.write(message),
            step=lambda claims, errors: progress.advance(claims=claims, errors=errors),
            seconds=doc_seconds)
    store.close()
    click.echo(f"{counts.added} added, {counts.new_version} new versions, "
               f"{counts.unchanged} unchanged, {counts.skipped} skipped", err=True)
    sys.exit(1 if counts.skipped else 0)


@click.command()
@db_option
@claim_filter_options()
@click.option("--superseded", is_flag=True, help="Include claims of superseded versions.")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="At most N claims.")
@click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table",
              show_default=True)
@_fail_cleanly
def claims(db: str, superseded: bool, limit: int | None, fmt: str, **options: Any) -> None:
    """List stored claims matching the filters, by date."""
    flt = filter_from(options, include_superseded=superseded)
    rows = _open_store(db).iter_claims(flt, limit=limit)
    if fmt == "jsonl":
        print_rows(rows, fmt, CLAIM_TABLE)
    else:
        print_rows((exports.flat_claim(c) for c in rows), fmt, CLAIM_TABLE,
                   exports.CLAIM_COLUMNS)


@click.command()
@db_option
@claim_filter_options()
@click.option("--totals/--no-totals", default=True, show_default=True,
              help="Include period totals (claims spanning more than about two months).")
@click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table",
              show_default=True)
@_fail_cleanly
def events(db: str, totals: bool, fmt: str, **options: Any) -> None:
    """List events (claims about the same happening merged) with any claim matching.

    best/low/high: low is the lowest figure a source gives, high the highest, best the
    figure given by the most independent sources (ties: the lowest).
    """
    found = _events_store(db).events(filter_from(options), include_totals=totals)
    if fmt == "jsonl":
        print_rows(found, fmt, EVENT_TABLE)
    else:
        print_rows([exports.flat_event(e) for e in found], fmt, EVENT_TABLE,
                   exports.EVENT_COLUMNS)


@click.command()
@db_option
@claim_filter_options()
@click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table",
              show_default=True)
@_fail_cleanly
def conflicts(db: str, fmt: str, **options: Any) -> None:
    """Events whose sources report incompatible figures, one row per source.

    Figures are incompatible when their ranges do not overlap: an exact figure is a point,
    "about N" is N ± 10%, "at least N" is open above, a vague count is its fixed range.
    In jsonl, one event per line with all its sources.
    """
    found = _events_store(db).conflicts(filter_from(options))
    if fmt == "jsonl":
        print_rows(found, fmt, CONFLICT_TABLE)
    else:
        print_rows(conflict_rows(found), fmt, CONFLICT_TABLE)


@click.command()
@db_option
@claim_filter_options(require_measure=True)
@click.option("--by", type=click.Choice(["week", "month", "year"]), default="month",
              show_default=True)
@click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table",
              show_default=True)
@_fail_cleanly
def timeline(db: str, by: str, fmt: str, **options: Any) -> None:
    """A series of --measure by week, month or year, counting each event once.

    \b
    kind period: the events lying within one week, month or year, summed;
    kind span:   an event longer than one period, reported once with its interval;
    kind total:  a period total ("29,307 strikes from August 2014 to March 2018"),
                 reported once with its interval, never added to the events it covers.
    Nothing is split across periods, so no figure is ever fractional. bounded: the part
    of the value resting on bounds or vague counts ("more than 150"); hedged: the part
    that every source hedges. A subset ("including 31 civilians") whose total is in the
    series is not counted.
    """
    flt = filter_from(options)
    assert flt.measure is not None
    rows = _events_store(db).timeline(flt.measure, by=by, flt=flt)
    print_rows(rows, fmt, TIMELINE_TABLE)


@click.command("export")
@db_option
@claim_filter_options()
@click.option("--format", "fmt", type=click.Choice(exports.FORMATS), required=True,
              help="csv, jsonl, geojson (a Point per place), parquet, or acled (an "
                   "ACLED-shaped CSV of single events).")
@click.option("--level", type=click.Choice(exports.LEVELS), default="claims",
              show_default=True, help="Export claims or merged events (acled: events).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="File to write.")
@_fail_cleanly
def export_command(db: str, fmt: str, level: str, output: str, **options: Any) -> None:
    """Write the claims (or events) matching the filters to a file."""
    flt = filter_from(options)
    level = "events" if fmt == "acled" else level
    store = _events_store(db) if level == "events" else _open_store(db)
    records = store.events(flt) if level == "events" else store.iter_claims(flt)
    try:
        count = exports.export(records, fmt, output, level=level)
    except OSError as error:
        raise click.ClickException(
            f"{output}: cannot be written ({error.strerror}); choose another -o path."
        ) from None
    click.echo(f"{count} {'features' if fmt == 'geojson' else 'rows'} written to {output}",
               err=True)


COMMANDS = (ingest, claims, events, conflicts, timeline, export_command)


def register(group: click.Group) -> None:
    """Add the store commands to the ``newsevents`` group."""
    for command in COMMANDS:
        group.add_command(command)
