"""Which process of a build holds its peak memory, and when (not a test).

Usage (from a project folder, e.g. one made by ``bench.floor.project_for``)::

    python bench/process_peaks.py [--every 0.5] -- mkdocs build -q -d site

``bench/scale.py --site`` reports ``ru_maxrss`` of the largest process of the
build's tree, which does not say which process that is: the MkDocs process,
a pipeline worker or Pagefind's service. This runs the command and samples
``VmRSS`` of every process of its tree every ``--every`` seconds from
``/proc`` (Linux only), then prints each process's peak (its kernel
high-water mark ``VmHWM`` beside the sampled one) and a timeline of the
sampled resident memory per process, so a phase can be matched to the build's log.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(slots=True)
class Seen:
    """One process of the tree: its command and the largest memory seen."""

    command: str
    rss_mb: int = 0
    hwm_mb: int = 0
    samples: list[tuple[float, int]] = field(default_factory=list)


def tree(root: int) -> list[int]:
    """``root`` and its descendants, as /proc lists them now."""
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        try:
            for task in Path(f"/proc/{pid}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except OSError:  # the process ended meanwhile
            continue
    return found


def status(pid: int) -> tuple[int, int, str] | None:
    """``(VmRSS, VmHWM)`` in MB and the command line of ``pid``; None once it has ended."""
    try:
        fields = dict(
            line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
        )
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except (OSError, ValueError):
        return None
    if "VmRSS" not in fields:  # a zombie
        return None
    rss = int(fields["VmRSS"].split()[0]) // 1024
    hwm = int(fields["VmHWM"].split()[0]) // 1024
    return rss, hwm, command.strip()


def sample(command: list[str], every: float) -> tuple[int, dict[int, Seen], float]:
    """Run ``command`` and sample its tree: its exit code, its processes and the wall time."""
    started = time.perf_counter()
    process = subprocess.Popen(command)
    seen: dict[int, Seen] = {}
    while process.poll() is None:
        now = round(time.perf_counter() - started, 1)
        for pid in tree(process.pid):
            state = status(pid)
            if state is None:
                continue
            rss, hwm, line = state
            entry = seen.setdefault(pid, Seen(line))
            entry.rss_mb, entry.hwm_mb = max(entry.rss_mb, rss), max(entry.hwm_mb, hwm)
            entry.samples.append((now, rss))
        time.sleep(every)
    return process.returncode, seen, time.perf_counter() - started


def main() -> int:
    """Print each process's peak and the timeline; exit with the command's code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=float, default=0.5, help="seconds between samples")
    parser.add_argument("--rows", type=int, default=40, help="timeline rows printed")
    parser.add_argument("command", nargs="+")
    args = parser.parse_args()
    code, seen, wall = sample(args.command, args.every)
    print(f"exit {code}, {wall:.1f} s")
    print("| pid | peak VmHWM MB | peak sampled VmRSS MB | command |\n|---|---|---|---|")
    for pid, entry in sorted(seen.items(), key=lambda item: -item[1].hwm_mb):
        print(f"| {pid} | {entry.hwm_mb} | {entry.rss_mb} | {entry.command[:100]} |")
    times = sorted({t for entry in seen.values() for t, _ in entry.samples})
    step = max(1, len(times) // args.rows)
    print("\nseconds: resident MB per pid")
    for moment in times[::step]:
        cells = [
            f"{pid}:{rss}" for pid, entry in seen.items() for t, rss in entry.samples if t == moment
        ]
        print(f"{moment:7.1f}: " + " ".join(cells))
    return code


if __name__ == "__main__":
    sys.exit(main())
