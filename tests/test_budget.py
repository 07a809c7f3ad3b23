"""The per-document time budget: a document that runs past it is stopped, reported in one
line naming it and skipped, and the batch goes on (extract, ingest, batch on Dask).

The slow document is simulated by a stage that never returns on a marker word (it even
catches ``Exception`` on every turn, as careless code does): only the budget can stop it,
so every test that finishes shows the budget worked. No test asserts an absolute time.
"""

from __future__ import annotations

import functools
import gc
import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsevents import budget
from newsevents.cli import main
from newsevents.errors import NewsEventsError, TimeBudgetExceeded
from newsevents.records import Document
from newsevents.stages import places

GOOD = "date 2023-05-10\nAu moins 23 soldats ont été tués mardi près de Gao.\n"
MARKER = "ENDLESS"


def _spin() -> None:
    while True:
        try:
            sum(range(100))
        except Exception:  # what careless stage code does: swallow and go on
            continue


@pytest.fixture
def endless_stage(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The places stage never returns on a text holding MARKER. The pipeline has run once
    before (models, vocabularies, the first call's work; a full garbage collection done):
    the budgets under test are a second long, and are about the slow document, not about
    what a first document pays (test_a_lazy_load_is_never_interrupted_and_not_counted)."""
    from newsevents.pipeline import process_document

    process_document(Document("warm-up", GOOD.split("\n", 1)[1], date="2023-05-10"))
    gc.collect()
    real = places.find_places

    def find_places(text: str, *args: Any, **kwargs: Any) -> Any:
        if MARKER in text:
            _spin()
        return real(text, *args, **kwargs)

    monkeypatch.setattr(places, "find_places", find_places)
    yield


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, "utf-8")
    (folder / "b-slow.txt").write_text(GOOD + f"{MARKER} 3 morts.\n", "utf-8")
    (folder / "c.txt").write_text(GOOD.replace("23", "31"), "utf-8")
    return folder


def _errors(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("newsevents: ")
            and "warning" not in line]


# -- the mechanism ------------------------------------------------------------------------

def test_a_loop_that_swallows_exceptions_is_stopped_in_any_thread() -> None:
    outcome: list[str] = []

    def work() -> None:
        try:
            with budget.within(0.3, "loop"):
                _spin()
        except budget.OverBudget as over:
            outcome.append(str(over))

    work()  # the main thread
    thread = threading.Thread(target=work)  # an API or Dask worker thread
    thread.start()
    thread.join(timeout=60)
    assert outcome == ["loop: stopped after 0.3 s"] * 2


def test_work_done_in_time_is_untouched_and_nothing_fires_later() -> None:
    for _ in range(300):  # many budgets ending right around their work: no stray exception
        try:
            with budget.within(0.002, "quick"):
                sum(range(3_000))
        except budget.OverBudget:
            pass
    with budget.within(30, "slow enough"):
        value = sum(range(1_000))
    assert value == 499_500
    for _ in range(200):  # nothing pending for this thread
        sum(range(1_000))
    with budget.within(0, "off") as off:  # 0: no budget at all
        assert off.guard is None


@functools.lru_cache(maxsize=1)
def _slow_loader() -> int:
    """A lazily loaded resource (a gazetteer): four budgets long."""
    started = time.monotonic()
    while time.monotonic() - started < 1.2:
        sum(range(100))
    return 42


@functools.lru_cache(maxsize=4)
def _slow_language_loader(language: str) -> str:
    """A resource loaded once per language (a lexicon): four budgets long."""
    started = time.monotonic()
    while time.monotonic() - started < 1.2:
        sum(range(100))
    return language


@functools.lru_cache(maxsize=10_000)
def _memoised_per_text(text: str) -> str:
    """Work memoised per text: a cache of many keys is work, not a load."""
    _spin()
    return text


def test_a_lazy_load_is_never_interrupted_and_not_counted() -> None:
    with budget.within(0.3, "first document"):
        assert _slow_loader() == 42  # the same budget would stop a loop of that length
    with budget.within(0.3, "first French document"):
        assert _slow_language_loader("fr") == "fr"
    with pytest.raises(budget.OverBudget), budget.within(0.3, "loop"):
        _spin()
    with pytest.raises(budget.OverBudget), budget.within(0.3, "memoised loop"):
        _memoised_per_text("x")


def test_an_sqlite_statement_is_interrupted() -> None:
    conn = sqlite3.connect(":memory:")
    conn.set_progress_handler(budget.sqlite_progress, 1_000)
    endless = ("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) "
               "SELECT count(*) FROM n")
    with pytest.raises(budget.OverBudget), budget.within(0.3, "query"):
        conn.execute(endless).fetchone()
    assert conn.execute("SELECT 1").fetchone() == (1,)  # the connection still works


def test_stop_all_stops_every_budgeted_work_now() -> None:
    stopped = threading.Event()

    def work() -> None:
        try:
            with budget.within(3_600, "long"):
                _spin()
        except budget.OverBudget:
            stopped.set()

    thread = threading.Thread(target=work)
    thread.start()
    while not budget.stop_all():
        pass
    thread.join(timeout=60)
    assert stopped.is_set()


@pytest.mark.parametrize("value", ["abc", "-1", "nan", "inf"])
def test_a_bad_budget_variable_is_one_sentence(monkeypatch: pytest.MonkeyPatch,
                                               value: str) -> None:
    monkeypatch.setenv(budget.DOC_SECONDS_VARIABLE, value)
    with pytest.raises(NewsEventsError, match="is not a number of seconds; set it to a "
                                              "positive number such as 60, or 0"):
        budget.document_seconds()
    monkeypatch.setenv(budget.DOC_SECONDS_VARIABLE, "2.5")
    assert budget.document_seconds() == 2.5
    assert budget.document_seconds(7) == 7


# -- the pipeline and its callers -----------------------------------------------------------

@pytest.mark.usefixtures("endless_stage")
def test_process_document_names_the_document_and_the_stage() -> None:
    from newsevents.pipeline import process_document

    with pytest.raises(TimeBudgetExceeded) as caught:
        process_document(Document("slow-1", f"{MARKER} 3 morts.", source="feed.jsonl:7"),
                         seconds=0.5)
    message = str(caught.value)
    assert message.startswith("feed.jsonl:7: stopped after 0.5 s in the places stage")
    assert "--doc-seconds" in message and message.endswith(".") and "\n" not in message
    assert process_document(Document("ok", GOOD), seconds=0.5 * 120).claims  # goes on


@pytest.mark.usefixtures("endless_stage")
def test_extract_reports_the_slow_document_and_goes_on(feed: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(feed), "--doc-seconds", "1"])
    assert result.exit_code == 1
    errors = _errors(result.output)
    assert len(errors) == 1 and "b-slow.txt: stopped after 1 s" in errors[0], result.output
    values = {json.loads(line)["best"] for line in result.output.splitlines()
              if line.startswith("{")}
    assert {23, 31} <= values


@pytest.mark.usefixtures("endless_stage")
def test_the_budget_comes_from_the_environment_too(feed: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(budget.DOC_SECONDS_VARIABLE, "1")
    result = CliRunner().invoke(main, ["mentions", str(feed / "b-slow.txt")])
    assert result.exit_code == 1 and "b-slow.txt: stopped after 1 s" in result.output


@pytest.mark.usefixtures("endless_stage")
def test_ingest_skips_the_slow_document_and_builds_the_events(feed: Path,
                                                               tmp_path: Path) -> None:
    from newsevents.store import Store

    db = tmp_path / "s.db"
    result = CliRunner().invoke(main, ["ingest", str(feed), "--db", str(db),
                                       "--doc-seconds", "1"])
    assert result.exit_code == 1
    assert "b-slow.txt: stopped after 1 s in the places stage" in result.output
    assert "2 added, 0 new versions, 0 unchanged, 1 skipped" in result.output
    with Store(db, create=False) as store:
        assert store.count_documents() == 2 and store.events_current()
        assert {e["best"] for e in store.events()} >= {23, 31}


@pytest.mark.usefixtures("endless_stage")
def test_batch_on_dask_isolates_the_slow_document(feed: Path, tmp_path: Path) -> None:
    from distributed import Client, LocalCluster

    from newsevents.batch import run_batch

    # Thread workers (the stage patched here is theirs too); process workers run each
    # task in a worker thread the same way.
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        summary = run_batch([str(feed)], tmp_path / "out", client=client, doc_seconds=1)
    assert not summary.failed and summary.documents == 2
    assert len(summary.input_errors) == 1
    assert "b-slow.txt: stopped after 1 s" in summary.input_errors[0]


def test_batch_passes_its_budget_to_the_workers(feed: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from newsevents.batch import runner

    seen: list[Any] = []
    monkeypatch.setattr(runner, "_run_on", lambda *args: seen.append(args[-1]))
    result = CliRunner().invoke(main, ["batch", str(feed), "--out", str(tmp_path / "o"),
                                       "--doc-seconds", "7.5"])
    assert result.exit_code == 0, result.output
    assert seen == [7.5]
    monkeypatch.setenv(budget.DOC_SECONDS_VARIABLE, "oops")
    result = CliRunner().invoke(main, ["batch", str(feed), "--out", str(tmp_path / "p")])
    assert result.exit_code == 2 and "--doc-seconds" in result.output
