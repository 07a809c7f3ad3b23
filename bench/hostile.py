"""Time the whole pipeline on hostile repeated units at n and 4n bytes: the ratio shows a
quadratic path (linear is ~4x, quadratic ~16x) that the regex-only ReDoS tests cannot see.

Live blogs repeat short units naturally ("10h30 ", "#b 2021 "): each unit is repeated up
to the size and run through ``process_document``; each line prints seconds at n and 4n.

    .venv/bin/python bench/hostile.py                      # 25 KB and 100 KB
    .venv/bin/python bench/hostile.py --size 100000        # 100 KB and 400 KB
    .venv/bin/python bench/hostile.py --unit "10h30 "      # one unit only
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fuzz_support import HOSTILE_UNITS


def seconds(unit: str, size: int) -> float:
    from newsevents.pipeline import process_document
    from newsevents.records import Document

    text = unit * (size // len(unit))
    started = time.perf_counter()
    process_document(Document("bench", text, date="2021-03-25"))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=25_000, help="the smaller size, bytes")
    parser.add_argument("--unit", action="append", help="a unit to repeat (default: all)")
    args = parser.parse_args()
    seconds("Au moins 23 soldats ont été tués près de Gao. ", 100)  # load the models
    print(f"{'unit':<24} {args.size:>9,} B {4 * args.size:>9,} B  ratio")
    for unit in args.unit or HOSTILE_UNITS:
        small, large = seconds(unit, args.size), seconds(unit, 4 * args.size)
        print(f"{unit!r:<24} {small:>9.2f} s {large:>9.2f} s  {large / max(small, 1e-3):5.1f}x",
              flush=True)


if __name__ == "__main__":
    main()
