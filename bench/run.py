"""Speed and memory benchmarks (``make bench``); not part of the test suite.

Measures, for the seeds and for synthetic corpora of growing size:
- pipeline time (read, infer, analyse) and render time, in-process;
- a full ``mkdocs build`` (wall time and peak memory of the child process);
- HTML size per generated page (mean and max).

Each measure has a target; the script exits 1 when one is missed.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.pipeline import Settings, build_corpus  # noqa: E402
from generator.render import render_site  # noqa: E402
from tests.synthetic import write_corpus, write_pathological  # noqa: E402

TARGETS = {
    "build_seconds_per_1000_articles": 60.0,
    "max_html_kb": 250.0,
    "peak_mb": 1500.0,
}
SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "200,1000").split(",")]


def project_for(seeds: Path, work: Path) -> Path:
    """Copy the MkDocs project around ``seeds`` into ``work``."""
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", work / "docs")
    shutil.copytree(ROOT / "overrides", work / "overrides")
    shutil.copytree(seeds, work / "seeds")
    return work


def measure(name: str, seeds: Path) -> dict[str, float | int | str]:
    started = time.perf_counter()
    corpus = build_corpus(Settings(seeds))
    pipeline = time.perf_counter() - started
    started = time.perf_counter()
    pages = render_site(corpus)
    render = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        work = project_for(seeds, Path(tmp))
        started = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", "site"],
            cwd=work,
            check=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        build = time.perf_counter() - started
        peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
        sizes = [p.stat().st_size for p in (work / "site").rglob("*.html")]
    return {
        "corpus": name,
        "articles": len(corpus.articles),
        "pages": len(pages),
        "pipeline_s": round(pipeline, 3),
        "render_s": round(render, 3),
        "build_s": round(build, 2),
        "peak_mb": round(peak),
        "html_pages": len(sizes),
        "mean_html_kb": round(sum(sizes) / len(sizes) / 1024, 1),
        "max_html_kb": round(max(sizes) / 1024, 1),
    }


def main() -> int:
    rows = [measure("seeds", ROOT / "seeds")]
    shared = ROOT.parent / "shared" / "corpus" / "news-events"
    if shared.is_dir():
        rows.append(measure("shared news-events", shared))
    with tempfile.TemporaryDirectory() as tmp:
        # Inputs built to cause regex backtracking: a hang here is a bug.
        rows.append(measure("pathological", write_pathological(Path(tmp) / "patho")))
        for size in SIZES:
            rows.append(measure(f"synthetic {size}", write_corpus(Path(tmp) / f"s{size}", size)))
    print(json.dumps(rows, indent=2))
    failures = []
    for row in rows:
        per_1000 = float(row["build_s"]) * 1000 / max(int(row["articles"]), 1000)
        if per_1000 > TARGETS["build_seconds_per_1000_articles"]:
            failures.append(f"{row['corpus']}: build {row['build_s']} s")
        # A pathological seed's own page is as big as its text; only time counts there.
        if row["corpus"] != "pathological" and float(row["max_html_kb"]) > TARGETS["max_html_kb"]:
            failures.append(f"{row['corpus']}: largest page {row['max_html_kb']} KB")
        if float(row["peak_mb"]) > TARGETS["peak_mb"]:
            failures.append(f"{row['corpus']}: peak memory {row['peak_mb']} MB")
    for failure in failures:
        print("TARGET MISSED:", failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
