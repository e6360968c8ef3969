"""Speed and memory benchmarks (``make bench``); not part of the test suite.

For the seeds, ``../shared/corpus/dev-events`` (when present), a corpus made
to trip regexes, and synthetic corpora (``BENCH_SIZES``, default 1000):
- full ``mkdocs build`` against MkDocs' floor (bench/floor.py), as a ratio
  measured in the same run, and the peak memory of each build; the warm
  build (the same project built again, content cache full) against the
  floor built again in place (both clear their previous site first);
- pipeline and render time in-process; pipeline from an empty and from a
  full content cache (generator/cache.py), with one worker per core;
- bytes the browser fetches for the first search query (Pagefind);
- under ``mkdocs serve --dirty`` at 1,000 articles, seconds from saving an
  edited seed to its page showing the change;
- HTML size per page (mean and max).

Each measure has a target; the script exits 1 when one is missed.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.floor import against_floor, build, count_pages, floor_for, project_for  # noqa: E402
from bench.search_bytes import first_query  # noqa: E402
from bench.serve_edit import edit_to_page  # noqa: E402
from generator.cache import ContentCache, build_corpus_cached  # noqa: E402
from generator.pipeline import Settings, build_corpus  # noqa: E402
from generator.site.render import render_site  # noqa: E402
from generator.workers import default_workers, process_seed_map  # noqa: E402
from tests.synthetic import write_corpus, write_pathological  # noqa: E402

TARGETS = {
    "build_vs_floor": 1.5,
    "max_html_kb": 250.0,
    "peak_mb": 2048.0,
    "first_query_kb": 500.0,
    "cold_vs_warm": 10.0,
    "edit_to_page_s": 3.0,
}
SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "1000").split(",") if n]
DEV_EVENTS = ROOT.parent / "shared" / "corpus" / "dev-events"


def measure(name: str, seeds: Path, query: str | None, serve: bool = False) -> dict[str, Any]:
    started = time.perf_counter()
    corpus = build_corpus(Settings(seeds))
    pipeline = time.perf_counter() - started
    started = time.perf_counter()
    pages = render_site(corpus)
    render = time.perf_counter() - started
    cold, warm = cached_pipeline(seeds)
    with tempfile.TemporaryDirectory() as tmp:
        project = project_for(seeds, Path(tmp) / "project")
        run = build(project)
        # Same project again: the content cache is warm, only MkDocs and Pagefind work.
        warm_run = build(project)
        site = project / "site"
        html = [p for p in site.rglob("*.html") if "pagefind" not in p.parts]
        sizes = [p.stat().st_size for p in html]
        index_kb = sum(p.stat().st_size for p in (site / "pagefind").rglob("*")) / 1024
        floor_project = floor_for(count_pages(site), Path(tmp) / "floor")
        floor = build(floor_project)
        # The floor rebuilt in place: like the warm build, MkDocs first clears the old site.
        floor_again = build(floor_project)
        searched = first_query(site, query) if query else None
        # make serve on the same project (warm cache), one seed edited.
        served = edit_to_page(project) if serve else {}
    row: dict[str, Any] = {
        "corpus": name,
        "articles": len(corpus.articles),
        "pages": len(pages),
        "pipeline_s": round(pipeline, 2),
        "cold_cache_s": round(cold, 2),
        "warm_cache_s": round(warm, 3),
        "cold_vs_warm": round(cold / warm, 1),
        "cold_articles_per_s": round(len(corpus.articles) / cold, 1),
        "render_s": round(render, 2),
        **against_floor(run, floor),
        "warm_build_vs_floor_cpu": round(warm_run.cpu_seconds / floor_again.cpu_seconds, 2),
        "warm_build_s": round(warm_run.seconds, 2),
        "floor_again_s": round(floor_again.seconds, 2),
        "warm_build_vs_floor": round(warm_run.seconds / floor_again.seconds, 2),
        "html_pages": len(sizes),
        "mean_html_kb": round(sum(sizes) / len(sizes) / 1024, 1),
        "max_html_kb": round(max(sizes) / 1024, 1),
        "search_index_kb": round(index_kb),
    }
    row |= served
    if searched:
        row |= {
            "query": searched.query,
            "first_query_kb": round(searched.bytes / 1024, 1),
            "first_result": searched.first,
        }
    return row


def cached_pipeline(seeds: Path) -> tuple[float, float]:
    """Pipeline time from an empty cache (with one worker per core), then from the full one."""
    times = []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(2):
            started = time.perf_counter()
            build_corpus_cached(
                Settings(seeds),
                ContentCache(Path(folder)),
                seed_map=process_seed_map(default_workers()),
            )
            times.append(time.perf_counter() - started)
    return times[0], times[1]


def failures(rows: list[dict[str, Any]]) -> list[str]:
    missed = []
    for row in rows:
        name = row["corpus"]
        # Tiny corpora are dominated by start-up; the ratio target is for 1,000+.
        if row["articles"] >= 300 and row["build_vs_floor"] > TARGETS["build_vs_floor"]:
            missed.append(f"{name}: build {row['build_vs_floor']}x the MkDocs floor")
        if row["articles"] >= 300 and row["warm_build_vs_floor"] > TARGETS["build_vs_floor"]:
            missed.append(f"{name}: warm build {row['warm_build_vs_floor']}x the MkDocs floor")
        # A pathological seed's own page is as big as its text; only time counts there.
        if name != "pathological" and row["max_html_kb"] > TARGETS["max_html_kb"]:
            missed.append(f"{name}: largest page {row['max_html_kb']} KB")
        if row["peak_mb"] > TARGETS["peak_mb"]:
            missed.append(f"{name}: peak memory {row['peak_mb']} MB")
        if row["articles"] >= 300 and row["cold_vs_warm"] < TARGETS["cold_vs_warm"]:
            missed.append(f"{name}: warm cache only {row['cold_vs_warm']}x faster than cold")
        if row.get("edit_to_page_s", 0) > TARGETS["edit_to_page_s"]:
            missed.append(f"{name}: an edit reached its page after {row['edit_to_page_s']} s")
        if row.get("first_query_kb", 0) > TARGETS["first_query_kb"]:
            missed.append(f"{name}: first search query {row['first_query_kb']} KB")
    return missed


def table(rows: list[dict[str, Any]]) -> str:
    head = (
        "| corpus | articles | pages | build / floor | peak MB | first query "
        "| pipeline | cold / warm cache | warm build / floor | CPU: build / floor, warm |"
    )
    lines = [head, "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        query = f"{r['first_query_kb']} KB" if "first_query_kb" in r else "–"
        lines.append(
            f"| {r['corpus']} | {r['articles']} | {r['pages']} | "
            f"{r['build_s']} s / {r['floor_s']} s = **{r['build_vs_floor']}×** | "
            f"{r['peak_mb']} | {query} | {r['pipeline_s']} s | "
            f"{r['cold_cache_s']} s / {r['warm_cache_s']} s = **{r['cold_vs_warm']}×** | "
            f"**{r['warm_build_vs_floor']}×** | "
            f"{r['build_vs_floor_cpu']}×, {r['warm_build_vs_floor_cpu']}× |"
        )
    return "\n".join(lines)


def main() -> int:
    rows = [measure("seeds", ROOT / "seeds", "66 attacks")]
    if DEV_EVENTS.is_dir():
        rows.append(measure("dev-events", DEV_EVENTS, "officials said"))
    with tempfile.TemporaryDirectory() as tmp:
        # Inputs built to cause regex backtracking: a hang here is a bug.
        rows.append(measure("pathological", write_pathological(Path(tmp) / "patho"), None))
        for size in SIZES:
            seeds = write_corpus(Path(tmp) / f"s{size}", size)
            # Layout 0 of the synthetic corpus titles every third article "Story N about …".
            story = (size // 2) // 3 * 3
            rows.append(measure(f"synthetic {size}", seeds, f"Story {story}", serve=size <= 1000))
    print(json.dumps(rows, indent=2))
    print(table(rows))
    missed = failures(rows)
    for failure in missed:
        print("TARGET MISSED:", failure, file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
