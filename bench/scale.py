"""Time each pipeline stage on synthetic corpora of growing size (not a test).

Usage: .venv/bin/python bench/scale.py [SIZES...]   (default: 1000 2000 4000)
       .venv/bin/python bench/scale.py --site SIZE    (a cold and a warm ``mkdocs build``)

Each size runs in a fresh process, so the peak memory (``ru_maxrss``) after
each stage is that size's own. Per stage the table gives CPU seconds (the
machine is shared: wall time says more about the neighbours) and the
peak resident memory reached by the end of the stage; the last columns count
what the grouping compared (candidate pairs) and describe the corpus (events
found, their largest size, outlets, days covered, actors), so that a
degenerate synthetic corpus shows.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STAGES = ("read", "actors", "reuse", "grouping", "per-event")


def _peak_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(size: int) -> dict[str, object]:
    """Run every stage on a synthetic corpus of ``size`` articles (in this process)."""
    from generator.actors import analyse_actors, load_actor_registry
    from generator.events.analyse import analyse_events
    from generator.events.grouping import group_articles
    from generator.events.provenance import find_reuse
    from generator.pipeline import Settings, read_articles
    from generator.text.document import document
    from tests.synthetic import write_corpus

    registry, _ = load_actor_registry(ROOT / "seeds" / "actors.yml")
    times: dict[str, float] = {}
    peaks: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        seeds = write_corpus(Path(tmp) / "seeds", size)
        clock = time.process_time()

        def lap(stage: str) -> None:
            nonlocal clock
            now = time.process_time()
            times[stage], peaks[stage], clock = now - clock, _peak_mb(), now

        articles, _, _ = read_articles(Settings(seeds))
        lap("read")
        report = analyse_actors(articles, registry)
        lap("actors")
        ordered = sorted(articles, key=lambda a: a.id)
        sentences = {a.id: document(a.body, a.body_line).sentences for a in ordered}
        reuse = find_reuse(ordered, sentences)
        lap("reuse")
        grouping = group_articles(
            ordered,
            report.article_actors,
            [(r.reuser, r.source) for r in reuse],
            sentences,
            places=report.article_places,
        )
        lap("grouping")
        # The whole event analysis, grouping and reuse included again: its remainder
        # over the two stages above is the per-event comparison.
        events = analyse_events(articles, report.article_actors, report.article_places)
        lap("per-event")
        times["per-event"] -= times["reuse"] + times["grouping"]
    dates = sorted(a.published.date for a in articles if a.published.date is not None)
    sizes = sorted(len(event.articles) for event in events.events)
    return {
        "size": size,
        "times": times,
        "peaks": peaks,
        "candidates": grouping.candidates,
        "scored": grouping.scored,
        "reuse_links": len(reuse),
        "events": len(events.events),
        "largest_event": sizes[-1] if sizes else 0,
        "median_event": sizes[len(sizes) // 2] if sizes else 0,
        "outlets": len({a.publisher for a in articles if a.publisher}),
        "days": (dates[-1] - dates[0]).days + 1 if dates else 0,
        "actors": len(report.actors),
    }


def main(sizes: list[int]) -> None:
    """Print one row per size, each measured in a fresh process."""
    print(
        "| articles | "
        + " | ".join(f"{s} s (peak MB)" for s in STAGES)
        + " | candidate pairs (scored) | reuse links | events (largest, median)"
        + " | outlets | days | actors |"
    )
    print("|---" * (len(STAGES) + 7) + "|")
    for size in sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(size)],
            check=True,
            capture_output=True,
            text=True,
        )
        row = json.loads(done.stdout.strip().splitlines()[-1])
        times, peaks = row["times"], row["peaks"]
        cells = [f"{times[s]:.1f} ({peaks[s]:.0f})" for s in STAGES]
        print(
            f"| {size} | "
            + " | ".join(cells)
            + f" | {row['candidates']} ({row['scored']}) | {row['reuse_links']} | {row['events']} "
            f"({row['largest_event']}, {row['median_event']}) | {row['outlets']} | "
            f"{row['days']} | {row['actors']} |",
            flush=True,
        )


def site(size: int) -> dict[str, object]:
    """A cold and a warm ``mkdocs build`` of ``size`` synthetic articles, against MkDocs' floor.

    The warm build is the same project built again with its content cache
    full (what a hosted site or a preview with a kept cache pays), compared
    with the floor built again in place (both clear the previous site first).
    Reports the cold build's peak memory, both ratios to the floor for as many pages,
    the bytes of the first search query, pages per article, and the largest
    HTML page of each section of the site (the first folder of its path), so
    that running two sizes shows which kind of page grows with the corpus.
    """
    from bench.floor import against_floor, build, count_pages, floor_for, project_for
    from bench.search_bytes import first_query
    from tests.synthetic import write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        seeds = write_corpus(Path(tmp) / "seeds", size)
        project = project_for(seeds, Path(tmp) / "project")
        run = build(project)
        warm = build(project)
        out = project / "site"
        html = [p for p in out.rglob("*.html") if "pagefind" not in p.parts]
        largest: dict[str, tuple[int, str]] = {}
        for page in html:
            path = page.relative_to(out).as_posix()
            section = path.split("/", 1)[0] if "/" in path else "(top)"
            largest[section] = max(largest.get(section, (0, "")), (page.stat().st_size, path))
        pages = count_pages(out)
        # Layout 0 of the synthetic corpus titles every third article "Story N about …".
        query = f"Story {(size // 2) // 3 * 3}"
        searched = first_query(out, query)
        floor_project = floor_for(pages, Path(tmp) / "floor")
        floor = build(floor_project)
        floor_again = build(floor_project)
    warm_row = against_floor(warm, floor_again)
    return {
        "articles": size,
        "pages": pages,
        "pages_per_article": round(pages / size, 2),
        **against_floor(run, floor),
        "warm_build_s": warm_row["build_s"],
        "floor_again_s": warm_row["floor_s"],
        "warm_build_vs_floor": warm_row["build_vs_floor"],
        "warm_build_vs_floor_cpu": warm_row["build_vs_floor_cpu"],
        "warm_peak_mb": warm_row["peak_mb"],
        "first_query": query,
        "first_query_kb": round(searched.bytes / 1024, 1),
        "first_result": searched.first,
        "largest_kb": {k: [round(v / 1024, 1), p] for k, (v, p) in sorted(largest.items())},
    }


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(measure(int(sys.argv[2]))))
    elif sys.argv[1:2] == ["--site"]:
        print(json.dumps(site(int(sys.argv[2])), indent=1))
    else:
        main([int(arg) for arg in sys.argv[1:]] or [1000, 2000, 4000])
