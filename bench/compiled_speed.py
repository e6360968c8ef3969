"""CPU per pipeline stage of two builds of the generator (pure Python vs mypyc), alternated runs.

Usage: ``python bench/compiled_speed.py [SEEDS] --runs N --side NAME:VAR=VALUE,... --side ...``

Each run is ``bench/pipeline_speed.py --split SEEDS`` in a fresh interpreter
(CPU seconds by stage, one cold in-process run); the two sides are alternated
run by run so that a loaded machine slows both alike, and each stage's median
(min-max) is reported with the ratio first side / second side.

The project does not ship compiled modules (issue 13: the gain was ~1.1x in
all, see the lead's report); to measure again, make two source trees and
compile one of them (about 4 CPU minutes)::

    for d in /tmp/pure /tmp/compiled; do
        mkdir -p $d && git archive HEAD generator | tar x -C $d
    done
    cd /tmp/compiled && $VENV/bin/mypyc $(ls generator/{text,actors,events}/*.py | grep -v __init__)
    cd - && python bench/compiled_speed.py --runs 6 --side pure:PYTHONPATH=/tmp/pure \\
        --side compiled:PYTHONPATH=/tmp/compiled

(mypyc needs two source changes first, applied to both trees alike; see
the report on issue 13.) Check the compiled tree's exports are
byte-identical too (``PYTHONPATH=/tmp/compiled python -m generator.cli export``).
On the compiled side, ``serial: grouping`` and ``serial: text reuse`` show
under ``serial: the rest``: pipeline_speed.py times them by patching module
attributes, which calls between compiled modules bypass.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_LINE = re.compile(r"^\s*([0-9.]+) s\s+(.+)$")
_TOTAL = re.compile(r"^\s*([0-9.]+) s CPU in all")


def _side(spec: str) -> tuple[str, dict[str, str]]:
    name, _, assignments = spec.partition(":")
    env: dict[str, str] = {}
    for item in filter(None, assignments.split(",")):
        key, _, value = item.partition("=")
        env[key] = value
    return name, env


def run_split(seeds: Path, env: dict[str, str]) -> dict[str, float]:
    """CPU seconds by stage of one ``pipeline_speed.py --split`` run."""
    out = subprocess.run(
        [sys.executable, str(_HERE / "pipeline_speed.py"), "--split", str(seeds)],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    stages: dict[str, float] = {}
    for line in out.splitlines():
        if total := _TOTAL.match(line):
            stages["TOTAL"] = float(total.group(1))
        elif stage := _LINE.match(line):
            stages[stage.group(2).strip()] = float(stage.group(1))
    return stages


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):5.2f} ({min(values):.2f}-{max(values):.2f})"


def main(argv: list[str] | None = None) -> int:
    """Print each stage's median CPU per side, and the ratio of the first side to the second."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("seeds", nargs="?", default="../shared/corpus/dev-events", type=Path)
    parser.add_argument("--runs", type=int, default=3, help="runs per side")
    parser.add_argument("--side", action="append", default=[], help="NAME:VAR=VALUE,...")
    args = parser.parse_args(argv)
    if not args.seeds.is_dir():
        print(f"{args.seeds}: no such folder", file=sys.stderr)
        return 1
    if len(args.side) != 2:
        parser.error("give two --side NAME:VAR=VALUE,... (e.g. PYTHONPATH of each source tree)")
    sides = [_side(s) for s in args.side]
    runs: dict[str, dict[str, list[float]]] = {name: defaultdict(list) for name, _ in sides}
    for n in range(args.runs):
        for name, env in sides if n % 2 == 0 else sides[::-1]:
            for stage, value in run_split(args.seeds, env).items():
                runs[name][stage].append(value)
            print(f"run {n + 1}/{args.runs} {name}: {runs[name]['TOTAL'][-1]:.2f} s", flush=True)
    first, second = (name for name, _ in sides)
    stages = sorted(runs[first], key=lambda s: -statistics.median(runs[first][s]))
    print(f"{'median CPU s (min-max)':>44}  {first:>15} {second:>15}  ratio")
    for stage in stages:
        a, b = runs[first][stage], runs[second].get(stage) or [float("nan")]
        ratio = statistics.median(a) / statistics.median(b)
        print(f"{stage[:44]:>44}  {_spread(a)} {_spread(b)}  {ratio:5.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
