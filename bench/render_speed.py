"""CPU seconds of what the plugin does to a cold build beyond the pipeline and MkDocs itself.

Usage: ``python bench/render_speed.py [SEEDS] [--size N] [--runs N]``. Without
SEEDS, a synthetic corpus of ``--size`` articles (default 1,000) is written to
a temporary folder. The corpus is analysed once (not timed); then, ``--runs``
times (the least CPU time of each stage is printed):

- ``render``: :func:`generator.site.render.render_site`, every generated page;
- ``render_here`` and ``render_side``: the same split as a cold ``mkdocs build``
  splits it (generator/site/sidework.py): what this process renders when a
  worker renders the article pages, and what that worker renders (not in the total);
- ``finish``: sanitising each page and reading its headings back, with an
  empty cache (:class:`~generator.site.pagehtml.PageFinisher`), and saving them;
- ``finish_warm``: the same pages from that cache in a new process's finisher;
- ``export``: encoding ``data/corpus.json`` into a file;
- ``pages_cache``: storing the rendered pages under the corpus key.

CPU time is user + system (``time.process_time``): file writes cost system
time. To compare two checkouts, run it alternately with ``PYTHONPATH`` set
to each (the one imported is printed).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))

import generator  # noqa: E402
from generator.cache import ContentCache  # noqa: E402
from generator.pipeline import Corpus, Settings, build_corpus  # noqa: E402
from generator.site import render as render_module  # noqa: E402
from generator.site.exportfile import write_export  # noqa: E402
from generator.site.pagehtml import PageFinisher  # noqa: E402
from generator.site.render import render_site  # noqa: E402
from generator.site.sanitize import sanitize_html  # noqa: E402
from tests.synthetic import write_corpus  # noqa: E402


def _cpu(step: Callable[[], object]) -> float:
    started = time.process_time()
    step()
    return time.process_time() - started


def _finish_all(finisher: PageFinisher, pages: list[str]) -> None:
    for html in pages:
        finisher.page(html)
    save = getattr(finisher, "save", None)  # older checkouts wrote a file per page instead
    if save is not None:
        save(pages)


def run_once(corpus: Corpus, folder: Path) -> dict[str, float]:
    """CPU seconds of each stage, in a fresh cache folder."""
    pages: dict[str, str] = {}

    def render() -> None:
        pages.update(render_site(corpus))

    times = {"render": _cpu(render)}
    side = getattr(render_module, "render_articles", None)  # older checkouts had no split
    if side is not None:
        made: list[Any] = []
        times["render_side"] = _cpu(lambda: made.append(side(corpus)))
        times["render_here"] = _cpu(lambda: render_site(corpus, True, lambda: made[0]))
    html = list(pages.values())
    cache = folder / "cache"

    def finish() -> None:
        _finish_all(PageFinisher(ContentCache(cache), sanitize_html), html)

    times["finish"] = _cpu(finish)
    times["finish_warm"] = _cpu(finish)
    times["export"] = _cpu(lambda: write_export(corpus, folder / "corpus.json"))
    times["pages_cache"] = _cpu(lambda: ContentCache(cache).put("pages", "0" * 64, pages))
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="?", type=Path)
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"generator from {Path(generator.__file__).parent}")
    with tempfile.TemporaryDirectory() as tmp:
        seeds = args.seeds
        if seeds is None:
            seeds = Path(tmp) / "seeds"
            write_corpus(seeds, args.size)
        corpus = build_corpus(Settings(seeds))
        best: dict[str, float] = {}
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as folder:
                for stage, seconds in run_once(corpus, Path(folder)).items():
                    best[stage] = min(best.get(stage, seconds), seconds)
        print(f"{len(corpus.articles)} articles, best of {args.runs} runs, CPU seconds:")
        for stage, seconds in best.items():
            print(f"  {stage:12s} {seconds:6.2f}")
        split = {"finish_warm", "render_side", "render_here"}
        total = sum(seconds for stage, seconds in best.items() if stage not in split)
        print(f"  {'total':12s} {total:6.2f} (cold stages, rendered here)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
