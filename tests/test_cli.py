"""End-to-end tests of the command line: in-process through click's runner (the models load
once), and one run as users run it, `python -m newsevents`, for the exit status."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents.cli import main

from .conftest import SEEDS, SEEDS_GOLD

README = Path(__file__).parent.parent / "README.md"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """The command in this process (click's runner), as a finished process."""
    result = CliRunner().invoke(main, list(args), input=stdin)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return subprocess.CompletedProcess(list(args), result.exit_code, result.stdout,
                                       result.stderr)


def run_as_users_do(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsevents", *args], input=stdin,
                          capture_output=True, text=True, timeout=300, check=False)


def test_extract_jsonl_follows_the_contract() -> None:
    result = run("extract", str(SEEDS))
    assert result.returncode == 0, result.stderr
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(claims) >= 20
    keys = {"doc", "doc_date", "claim_id", "language", "event_type", "measure", "value", "low",
            "high", "qualifier", "best", "hedged", "negated", "actors", "targets", "places",
            "time", "speaker", "channel", "outlet", "evidence", "confidence"}
    assert all(set(c) - {"part_of"} == keys for c in claims)


def test_extract_csv_and_table(tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    assert run("extract", str(SEEDS), "--format", "csv", "-o", str(out)).returncode == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert any(r["value"] == "29307" and r["time_start"] == "2014-08-01" for r in rows)
    table = run("extract", str(SEEDS), "--format", "table")
    assert "Wayne Marotto (tweet)" in table.stdout and "claims" in table.stdout


def test_mentions_of_one_kind_with_timex_values() -> None:
    result = run("mentions", str(SEEDS), "--kind", "time")
    times = [json.loads(line) for line in result.stdout.splitlines()]
    assert times and all(t["kind"] == "time" for t in times)
    range_ = next(t for t in times if "août 2014" in t["text"])
    assert (range_["start_date"], range_["end_date"]) == ("2014-08-01", "2018-03-31")
    assert {"type", "value", "mod", "granularity"} <= set(range_)


def test_evaluate_prints_scores() -> None:
    result = run("evaluate", str(SEEDS_GOLD), str(SEEDS), "--json")
    summary = json.loads(result.stdout)
    assert summary["f1"] >= 0.95 and min(summary["slots"].values()) >= 0.9


def test_stdin_jsonl_and_a_bad_line_gives_exit_status_1() -> None:
    lines = [json.dumps({"id": "a", "date": "2022-03-14",
                         "text": "Boko Haram fighters killed at least 30 villagers in Gwoza."}),
             "{broken"]
    result = run_as_users_do("extract", "-", stdin="\n".join(lines) + "\n")
    assert result.returncode == 1
    assert json.loads(result.stdout.splitlines()[0])["low"] == 30
    assert "<stdin>:2: malformed JSON" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_date_warns_and_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "nodate.txt"
    path.write_text("Au moins 12 policiers ont été tués près de Kandahar.", encoding="utf-8")
    result = run("extract", str(path))
    assert result.returncode == 0
    assert "has no date" in result.stderr
    assert json.loads(result.stdout)["low"] == 12


def test_empty_and_binary_files_do_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\xff\x00")
    (tmp_path / "good.txt").write_text("date 2021-01-01\nTrois frappes ont visé l'EI en Irak.",
                                       encoding="utf-8")
    result = run("extract", str(tmp_path))
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1
    assert "empty.txt" in result.stderr and "binary.txt" in result.stderr


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_and_is_in_the_readme(command: str) -> None:
    assert main.commands[command].help, command
    assert f"newsevents {command}" in README.read_text(encoding="utf-8"), command


def test_python_api_extract() -> None:
    import newsevents

    claims = newsevents.extract("Au moins 23 soldats maliens ont été tués mardi près de Gao.",
                                date="2023-05-10")
    assert claims[0].to_dict()["time"]["start"] == "2023-05-09"
