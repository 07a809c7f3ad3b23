"""The progress line: drawn on a terminal, silent when piped."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents.cli import main
from newsevents.progress import ENV_SWITCH, Progress, should_show


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def no_forcing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_SWITCH, raising=False)


def _run(stream: io.StringIO, total: int | None) -> Progress:
    with Progress(total=total, stream=stream) as progress:
        progress.advance(claims=3)
        progress.advance(claims=2, errors=1)
    return progress


def test_quiet_when_not_a_terminal() -> None:
    piped = io.StringIO()
    progress = _run(piped, total=10)
    assert piped.getvalue() == ""
    assert (progress.documents, progress.claims, progress.errors) == (2, 5, 1)


@pytest.mark.parametrize("total, shows_eta", [(10, True), (None, False)])
def test_terminal_shows_counts_rate_and_eta_when_total_known(total: int | None,
                                                             shows_eta: bool) -> None:
    terminal = Terminal()
    _run(terminal, total)
    last = terminal.getvalue().split("\r")[-1]
    assert "claims=5" in last and "errors=1" in last and "doc/s" in last
    assert ("2/10" in last and "<" in last) == shows_eta


@pytest.mark.parametrize("value, expected", [("0", False), ("1", True)])
def test_environment_switch(monkeypatch: pytest.MonkeyPatch, value: str,
                            expected: bool) -> None:
    monkeypatch.setenv(ENV_SWITCH, value)
    assert should_show(Terminal()) is expected and should_show(io.StringIO()) is expected


def test_total_counted_in_background_reaches_the_bar() -> None:
    terminal = Terminal()
    with Progress(stream=terminal) as progress:
        progress.count_in_background(lambda: 4)
        time.sleep(0.2)
        progress.advance()
    assert "1/4" in terminal.getvalue()


def test_messages_when_quiet_are_plain_lines() -> None:
    piped = io.StringIO()
    with Progress(stream=piped) as progress:
        progress.write("a.txt: the file is empty; give a file with text.")
    assert piped.getvalue() == "a.txt: the file is empty; give a file with text.\n"


def test_ingest_piped_prints_no_bar(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    out = CliRunner().invoke(main, ["ingest", str(empty), str(tmp_path / "missing.jsonl"),
                                    "--db", str(tmp_path / "x.db"), "--no-events"])
    assert out.exit_code == 1
    lines = out.output.splitlines()
    assert lines[-1] == "0 added, 0 new versions, 0 unchanged, 2 skipped"
    assert len(lines) == 3 and not any("%|" in line or "doc/s" in line for line in lines)
