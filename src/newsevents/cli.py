"""The command line: a thin layer over the library. Each command parses its arguments,
calls one library function and turns our exceptions into one clear line on stderr.

Exit status: 0 when every input went through, 1 when any input was skipped.
"""

from __future__ import annotations

import csv
import errno
import json
import os
import sys
from collections.abc import Iterator
from typing import Any, TextIO

import click

from newsevents.cli_options import doc_seconds_option
from newsevents.errors import InputError, NewsEventsError, StageError
from newsevents.terminal import printable

MENTION_KINDS = ("time", "place", "number", "actor", "speaker")


_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EBADF}


class _OutputSafeGroup(click.Group):
    """Output that cannot be written (a full disk, a closed stdout) ends a command with one
    line, not a traceback; click itself already quiets a closed pipe (``| head``)."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        if sys.stdout is None:  # started with stdout closed (`>&-`)
            sys.stdout = open(os.devnull, "w", encoding="utf-8")
            click.echo("newsevents: warning: standard output is closed; what the command "
                       "prints is lost: redirect it to a file instead.", err=True)
        try:
            return super().main(*args, **kwargs)
        except OSError as error:
            if error.errno not in _OUTPUT_ERRNOS:
                raise
            click.echo(f"newsevents: the output cannot be written ({error.strerror or error}"
                       "); free some disk space or write it elsewhere with -o FILE.", err=True)
            os._exit(1)  # a flush at exit would fail on the same stream again


@click.group(cls=_OutputSafeGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsevents")
def main() -> None:
    """newsevents: source-attributed claims about armed conflict, from news reports."""


def _results(paths: tuple[str, ...], failures: list[str],
             seconds: float | None = None) -> Iterator[Any]:
    """Pipeline results for PATHS; unreadable inputs and documents over the time budget
    (``seconds``) reported on stderr and counted."""
    from newsevents.ingest import analyse_all
    from newsevents.pipeline import DocumentResult
    from newsevents.reader import iter_documents

    for result in analyse_all(iter_documents(list(paths)), seconds):
        if isinstance(result, (InputError, StageError)):
            failures.append(str(result))
            click.echo(f"newsevents: {printable(str(result))}", err=True)
            continue
        assert isinstance(result, DocumentResult)
        for warning in result.warnings:
            click.echo(f"newsevents: warning: {printable(warning)}", err=True)
        yield result


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write to FILE instead of stdout.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "table"]), default="jsonl",
              show_default=True, help="jsonl: CONTRACT.md records; csv: flat columns; "
                                      "table: for reading.")
@doc_seconds_option
def extract(paths: tuple[str, ...], output: TextIO, fmt: str, doc_seconds: float) -> None:
    """Extract claims from articles (.txt, .jsonl, .html, directories, - for JSONL on stdin).

    \b
    Examples:
      newsevents extract examples/
      newsevents extract articles.jsonl --format csv -o claims.csv
      cat articles.jsonl | newsevents extract -
    """
    failures: list[str] = []
    claims = (c.to_dict() for r in _results(paths, failures, doc_seconds) for c in r.claims)
    if fmt == "jsonl":
        for claim in claims:
            output.write(json.dumps(claim, ensure_ascii=False) + "\n")
    elif fmt == "csv":  # the shape of `export --format csv`: one claim-to-row function
        from newsevents.exports import CLAIM_COLUMNS, csv_cell, flat_claim

        writer = csv.writer(output)
        writer.writerow(list(CLAIM_COLUMNS))
        for claim in claims:
            row = flat_claim(claim)
            writer.writerow([csv_cell(row[k], kind) for k, kind in CLAIM_COLUMNS.items()])
    else:
        from newsevents.table import claims_table

        output.write(claims_table(list(claims)))
    sys.exit(1 if failures else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--kind", type=click.Choice(MENTION_KINDS), default=None,
              help="Only mentions of this kind.")
@doc_seconds_option
def mentions(paths: tuple[str, ...], kind: str | None, doc_seconds: float) -> None:
    """Print every mention (time, place, number, actor, speaker) with its offsets, as JSONL.

    \b
    Example:
      newsevents mentions examples/ --kind time
    """
    failures: list[str] = []
    for result in _results(paths, failures, doc_seconds):
        for mention in result.mentions:
            if kind is None or mention.kind == kind:
                record = {"doc": result.document.doc_id, **mention.to_dict()}
                click.echo(json.dumps(record, ensure_ascii=False))
    sys.exit(1 if failures else 0)


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("paths", nargs=-1, required=True)
@click.option("--show", is_flag=True, help="List missed and spurious claims and slot errors.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def evaluate(gold: str, paths: tuple[str, ...], show: bool, as_json: bool) -> None:
    """Score the claims extracted from PATHS against a GOLD file (CONTRACT.md's matching).

    \b
    Example:
      newsevents evaluate ../shared/corpus/seeds.gold.jsonl ../shared/corpus/seeds/
    """
    from newsevents import evaluate as scoring

    try:
        gold_claims = scoring.load_gold(gold)
    except NewsEventsError as error:
        raise click.ClickException(str(error)) from error
    failures: list[str] = []
    texts: dict[str, str] = {}
    predicted: list[dict[str, Any]] = []
    languages: dict[str, str] = {}
    for result in _results(paths, failures):
        texts[result.document.doc_id] = result.document.text
        predicted.extend({**c.to_dict(), "origin": c.origin} for c in result.claims)
        languages[result.document.doc_id] = scoring.document_language(result.segments)
    report = scoring.evaluate(gold_claims, predicted, texts)
    per_language = scoring.evaluate_by_language(gold_claims, predicted, texts, languages)
    if as_json:
        summary = report.summary()
        summary["languages"] = {k: v.summary() for k, v in per_language.items()}
        click.echo(json.dumps(summary))
    else:
        _print_report(report, show, per_language)
    sys.exit(1 if failures else 0)


def _print_report(report: Any, show: bool, per_language: dict[str, Any]) -> None:
    summary = report.summary()
    click.echo(f"claims: gold {summary['gold']}, predicted {summary['predicted']}, "
               f"matched {summary['matched']}")
    click.echo(f"precision {summary['precision']:.3f}  recall {summary['recall']:.3f}  "
               f"F1 {summary['f1']:.3f}  right in every slot {summary['complete']:.3f}")
    for slot, accuracy in summary["slots"].items():
        click.echo(f"  {slot:<11} {accuracy:.3f}")
    for language, part in sorted(per_language.items()):
        figures = part.summary()
        slots = "  ".join(f"{k} {v:.2f}" for k, v in figures["slots"].items())
        click.echo(f"{language}: gold {figures['gold']}, F1 {figures['f1']:.3f} (precision "
                   f"{figures['precision']:.3f}, recall {figures['recall']:.3f}, every slot "
                   f"{figures['complete']:.3f})  {slots}")
    if not show:
        return
    for miss in report.misses:
        click.echo(f"MISS     {miss.get('id')}: {miss.get('measure')} {miss.get('value')} "
                   f"{miss.get('evidence')!r}")
    for extra in report.spurious:
        click.echo(f"SPURIOUS {extra['claim_id']}: {extra['measure']} {extra['value']} "
                   f"{extra['evidence']['text'][:80]!r}")
    for gold_id, slot, expected, got, claim in report.slot_errors:
        came_from = claim.get("origin", {}).get(slot)
        click.echo(f"SLOT     {gold_id} {slot}: expected {expected!r}, got {got!r}"
                   + (f" (from {came_from})" if came_from else "")
                   + f" in {claim['evidence']['text'][:100]!r}")


from newsevents import cli_store  # noqa: E402  (commands of the store, events and exports)

cli_store.register(main)

from newsevents import cli_web  # noqa: E402  (newsevents serve: the HTTP API and the page)

cli_web.register(main)

from newsevents import cli_batch  # noqa: E402  (batch and load: the distributed runner)

cli_batch.register(main)
