"""First-query bytes at a size the full build cannot reach here: Pagefind alone.

Usage: .venv/bin/python bench/search_scale.py [ARTICLES]   (default 10000)

Builds the seeds site, adds ARTICLES synthetic article pages marked the way
generator/site/search.py marks articles (full text, filters, spellings), indexes
the whole folder with the plugin's own ``index_site`` and measures, in
Chromium, the bytes fetched by the first query. The generator's pipeline is
not involved, so this measures the search alone, at scale.
"""

from __future__ import annotations

import html
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.floor import project_for  # noqa: E402
from bench.search_bytes import first_query  # noqa: E402
from generator.site.search import SearchEntry, Weight, index_site, mark_page  # noqa: E402
from tests.synthetic import OUTLETS, TAGS, _vocabulary, article_text  # noqa: E402


def add_articles(site: Path, count: int) -> None:
    template = (site / "methodology" / "index.html").read_text("utf-8")
    head, rest = template.split('<article class="md-content__inner md-typeset">', 1)
    tail = rest.split("</article>", 1)[1]
    rng = random.Random(3)
    vocabulary = _vocabulary(rng)
    for index in range(count):
        text = article_text(rng, index, vocabulary).replace("---", "")
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n") if p.strip())
        entry = SearchEntry(
            Weight.FULL,
            (("outlet", rng.choice(OUTLETS)), ("topic", rng.choice(TAGS)), ("date", "2024-01-01")),
        )
        body = mark_page(f"<h1>Story {index}</h1>{paragraphs}", entry)
        page = site / "articles" / f"x{index:05d}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(
            f'{head}<article class="md-content__inner md-typeset">{body}</article>{tail}', "utf-8"
        )


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = project_for(ROOT / "seeds", Path(tmp) / "project")
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", "site"],
            cwd=project,
            check=True,
        )
        site = project / "site"
        add_articles(site, count)
        started = time.perf_counter()
        pages = index_site(site)
        indexing = time.perf_counter() - started
        index_kb = sum(p.stat().st_size for p in (site / "pagefind").rglob("*")) / 1024
        query = f"Story {count // 2}"
        result = first_query(site, query)
        print(
            f"| {count} synthetic article pages | {pages} pages indexed in {indexing:.1f} s | "
            f"index {index_kb / 1024:.1f} MB | first query {query!r}: "
            f"{result.bytes / 1024:.1f} KB, first result {result.first} |"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
