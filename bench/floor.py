"""Builds compared in the benchmark: the project, and MkDocs' own floor.

The floor is the same ``mkdocs.yml`` without the briefing plugin (and so
without any generated page or search index), nav included: each nav entry
the plugin would generate (the home page, the listings) is a plain
placeholder page, so the theme renders the same navigation on every page.
The rest are plain Markdown pages, as many as make the same number of HTML
pages as the project's site, kept out of the nav as generated pages are.
The ratio project/floor says what the generator costs on top of MkDocs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
PLAIN_PAGE = (
    "# Plain page {n}\n\n"
    "A paragraph of ordinary prose, about as long as a short summary, "
    "with nothing for any extension to do.\n\n"
    "| a | b |\n|---|---|\n| {n} | two |\n"
)


@dataclass(frozen=True, slots=True)
class Run:
    """One ``mkdocs build``: wall time, CPU time and the peak memory of its process tree.

    CPU time (user + system, the build and its worker processes) is what a
    shared machine's load changes least; wall time is what a user waits.
    """

    seconds: float
    peak_mb: float
    cpu_seconds: float


def project_for(seeds: Path, work: Path) -> Path:
    """Copy the MkDocs project around ``seeds`` into ``work``."""
    work.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", work / "docs")
    shutil.copytree(ROOT / "overrides", work / "overrides")
    shutil.copytree(seeds, work / "seeds")
    return work


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml's loader for the floor: ``!ENV [NAME, default]`` reads as its default."""


def _env_default(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)[-1]
    return None


_ConfigLoader.add_constructor("!ENV", _env_default)


def floor_for(html_pages: int, work: Path) -> Path:
    """A project without the briefing plugin that builds ``html_pages`` HTML pages (404 included).

    mkdocs.yml keeps its nav; a nav entry with no file in docs/ (one the
    plugin generates) becomes a placeholder page.
    """
    work.mkdir(parents=True, exist_ok=True)
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_ConfigLoader)
    config["plugins"] = []
    config["not_in_nav"] = "/p/\n"
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    shutil.copytree(ROOT / "overrides", work / "overrides")
    docs = work / "docs"
    shutil.copytree(ROOT / "docs", docs)
    for title, path in nav_entries(config["nav"]):
        page = docs / path
        if not page.exists():
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f"# {title}\n\nA placeholder for the generated page.\n", "utf-8")
    written = sum(1 for _ in docs.rglob("*.md"))
    folder = docs / "p"
    folder.mkdir()
    # The site's HTML pages: the Markdown pages and 404.html.
    for n in range(max(html_pages - written - 1, 0)):
        (folder / f"{n:06d}.md").write_text(PLAIN_PAGE.format(n=n), "utf-8")
    return work


def nav_entries(nav: Any, title: str = "") -> list[tuple[str, str]]:
    """``(title, path)`` of every page in an mkdocs.yml nav (untitled ones take their section's)."""
    if isinstance(nav, str):
        return [(title or Path(nav).stem, nav)]
    if isinstance(nav, list):
        return [entry for item in nav for entry in nav_entries(item, title)]
    if isinstance(nav, dict):
        return [entry for key, value in nav.items() for entry in nav_entries(value, str(key))]
    return []


# A small wrapper process starts the build and reports its children's peak:
# measured from the (large) benchmark process itself, a forked child's peak
# would include the parent's memory copied at fork time.
_WRAPPER = (
    "import resource, subprocess, sys; "
    "code = subprocess.call(sys.argv[1:]); "
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime); "
    "sys.exit(code)"
)

_MKDOCS_BUILD = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", "site"]


def build(project: Path) -> Run:
    """Run ``mkdocs build`` in ``project``; measure time and peak memory."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *_MKDOCS_BUILD],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE,
        text=True,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"mkdocs build failed in {project}")
    # ru_maxrss is in KiB on Linux: the largest process of the build (Pagefind included).
    maxrss, cpu = done.stdout.split()[-2:]
    return Run(seconds, int(maxrss) / 1024, float(cpu))


def against_floor(run: Run, floor: Run) -> dict[str, float]:
    """A build's time, CPU and peak memory beside the floor's, with their ratios."""
    return {
        "build_s": round(run.seconds, 2),
        "floor_s": round(floor.seconds, 2),
        "build_vs_floor": round(run.seconds / floor.seconds, 2),
        # CPU seconds of the build's process tree: on a shared machine wall time
        # also measures the neighbours.
        "build_cpu_s": round(run.cpu_seconds, 1),
        "floor_cpu_s": round(floor.cpu_seconds, 1),
        "build_vs_floor_cpu": round(run.cpu_seconds / floor.cpu_seconds, 2),
        "peak_mb": round(run.peak_mb),
        "floor_peak_mb": round(floor.peak_mb),
    }


def count_pages(site: Path) -> int:
    """HTML pages MkDocs wrote (404 included), for a like-for-like floor."""
    return sum(1 for _ in site.rglob("*.html"))
