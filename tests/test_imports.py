"""`import newsevents` and the CLI's start stay light: models and heavy libraries load on
first use, so `newsevents --help` answers at once and workers import cheaply."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("spacy", "lingua", "dask", "distributed", "fastapi", "pyarrow", "trafilatura",
         "dateparser")


def test_importing_the_package_and_cli_loads_no_heavy_library() -> None:
    code = ("import sys, newsevents, newsevents.cli; "
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""
