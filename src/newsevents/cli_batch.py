"""Click commands of the distributed runner: `batch` (extract to shards) and `load`.

Each command parses its options, calls one library function (`newsevents.batch`) and
prints a one-line summary on stderr; the progress bar shows only on a terminal.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import click

from newsevents.cli_options import doc_seconds_option
from newsevents.cli_store import db_option
from newsevents.errors import NewsEventsError
from newsevents.progress import Progress
from newsevents.terminal import printable

DEFAULT_PARTITION_SIZE = 500  # mirrors newsevents.batch.DEFAULT_PARTITION_SIZE (light import)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Directory for the manifest, Parquet shards and done-markers (on a "
                   "cluster: a shared path every worker can write).")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Address of a running Dask scheduler (tcp://host:8786); default: a "
                   "local cluster.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes of the local cluster [default: the CPU count].")
@click.option("--partition-size", type=click.IntRange(min=1), default=DEFAULT_PARTITION_SIZE,
              show_default=True, help="Documents (JSONL records or files) per partition.")
@doc_seconds_option
def batch(paths: tuple[str, ...], out_dir: str, scheduler: str | None, workers: int | None,
          partition_size: int, doc_seconds: float) -> None:
    """Extract claims from PATHS on a Dask cluster into Parquet shards under --out.

    The inputs (.jsonl[.gz] files, text/HTML files, directories) are cut into partitions
    defined by path, line range and content hash; each worker writes one shard per
    partition and a done-marker. Run the same command again after a crash or a kill: the
    finished partitions are skipped. Then store the shards with `newsevents load DIR`.

    \b
    Examples:
      newsevents batch archive.jsonl.gz --out shards/ --workers 2
      newsevents batch corpus/ --out /shared/run1 --scheduler tcp://10.0.0.5:8786
      newsevents load shards/ --db newsevents.db
    """
    from newsevents.batch import run_batch

    if scheduler and workers:
        raise click.UsageError("give --scheduler or --workers, not both")
    with Progress(unit="doc", description="batch") as progress:
        try:
            summary = run_batch(list(paths), out_dir, scheduler=scheduler, workers=workers,
                                partition_size=partition_size, progress=progress,
                                doc_seconds=doc_seconds)
        except (NewsEventsError, OSError) as error:
            raise click.ClickException(str(error)) from None
    for message in [*summary.input_errors, *summary.failed]:
        click.echo(f"newsevents: {printable(message)}", err=True)
    click.echo(f"{summary.partitions} partitions ({summary.skipped} already done), "
               f"{summary.documents} documents, {summary.claims} claims, "
               f"{len(summary.input_errors)} inputs skipped, {len(summary.failed)} partitions "
               f"failed; load them with: newsevents load {out_dir}", err=True)
    sys.exit(1 if summary.input_errors or summary.failed else 0)


@click.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@db_option
@click.option("--events/--no-events", "rebuild", default=True, show_default=True,
              help="Merge the claims into events after loading (when anything changed).")
def load(directory: str, db: str, rebuild: bool) -> None:
    """Store the finished shards of a `newsevents batch` DIRECTORY (idempotent).

    Partitions are loaded in the order of the inputs, through one writer; documents
    already stored with the same content are left as they are, so loading twice changes
    nothing. Partitions not finished yet are counted; run the batch again, then load.
    """
    from newsevents.batch import load_shards
    from newsevents.store import Store

    try:
        store = Store(db)
        with Progress(unit="doc", description="load") as progress:
            summary = load_shards(Path(directory), store, progress)
        if rebuild:  # the loader's write keeps the events current: reads never merge
            store.ensure_events()
        store.close()
    except NewsEventsError as error:
        raise click.ClickException(str(error)) from None
    except sqlite3.Error as error:  # a damaged store, a full disk
        from newsevents.store.files import failure

        raise click.ClickException(str(failure(db, error))) from None
    for line in summary.damaged:
        click.echo(f"newsevents: {printable(line)}", err=True)
    click.echo(f"{summary.partitions} partitions loaded: {summary.added} added, "
               f"{summary.new_version} new versions, {summary.unchanged} unchanged; "
               f"{len(summary.missing)} partitions not finished, "
               f"{len(summary.damaged)} damaged", err=True)
    sys.exit(1 if summary.missing or summary.damaged else 0)


def register(group: click.Group) -> None:
    """Add `batch` and `load` to the `newsevents` group."""
    group.add_command(batch)
    group.add_command(load)
