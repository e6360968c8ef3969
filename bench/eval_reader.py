"""Score the reader on the shared evaluation corpus (not a test; prints a table).

Reads ``../shared/corpus/news-events`` (relative to the repository root) with the
generator, then compares each article's title, publication date and publisher
or credited outlet with ``news-events.labels.json``. The generator never reads
the labels; only this script does.

Usage: ``.venv/bin/python bench/eval_reader.py [CORPUS_DIR]``
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.models import Article  # noqa: E402
from generator.pipeline import Settings, build_corpus  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "news-events"


@dataclass(frozen=True, slots=True)
class Row:
    """The reader's answers for one article next to the labels."""

    file: str
    title: str
    title_source: str
    date: str | None
    label_date: str | None
    outlets: tuple[str, ...]
    label_outlet: str
    outlet_ok: bool

    @property
    def has_title(self) -> bool:
        """A real title, not the fallback to the file name."""
        return bool(self.title.strip()) and self.title_source != "file name"

    @property
    def date_ok(self) -> bool:
        """The date matches the label (both unknown counts as a match)."""
        return self.date == self.label_date


@dataclass(frozen=True, slots=True)
class Scores:
    """Totals over the corpus."""

    rows: tuple[Row, ...]

    @property
    def total(self) -> int:
        """Number of labelled articles."""
        return len(self.rows)

    @property
    def titles(self) -> int:
        """Articles with a real title."""
        return sum(r.has_title for r in self.rows)

    @property
    def dates(self) -> int:
        """Articles whose date matches the label."""
        return sum(r.date_ok for r in self.rows)

    @property
    def outlets(self) -> int:
        """Articles whose publisher or a credited outlet is the labelled outlet."""
        return sum(r.outlet_ok for r in self.rows)


def _norm(name: str) -> str:
    name = " ".join(name.casefold().split())
    return name.removeprefix("the ").removeprefix("www.")


def _host(url: str | None) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.") if url else ""


def label_names(outlet: str) -> set[str]:
    """Names a label accepts: "HuffPost (huffingtonpost.com)" gives both parts."""
    main, _, rest = outlet.partition("(")
    names = {_norm(main)}
    if rest.strip(" )"):
        names.add(_norm(rest.strip(" )")))
    return names


def outlet_matches(article: Article, label: dict[str, str | None]) -> bool:
    """Whether the publisher or a credited outlet is the labelled outlet."""
    wanted = label_names(str(label["outlet"]))
    if any(_norm(name) in wanted for name in article.outlets):
        return True
    label_host = _host(label.get("url"))
    return bool(label_host) and any(_host(c.url) == label_host for c in article.credited)


def score(corpus_dir: Path = CORPUS) -> Scores:
    """Read the corpus and compare it with the labels next to it."""
    labels = json.loads((corpus_dir.parent / f"{corpus_dir.name}.labels.json").read_text("utf-8"))
    articles = {a.file: a for a in build_corpus(Settings(corpus_dir)).articles}
    rows = []
    for file, label in sorted(labels.items()):
        article = articles[file]
        date = article.published.date.isoformat() if article.published.date else None
        rows.append(
            Row(
                file=file,
                title=article.title,
                title_source=str(article.title_origin),
                date=date,
                label_date=label["date"],
                outlets=article.outlets,
                label_outlet=label["outlet"],
                outlet_ok=outlet_matches(article, label),
            )
        )
    return Scores(tuple(rows))


def table(scores: Scores) -> str:
    """Render the per-article comparison and the totals as a Markdown table."""
    lines = [
        "| file | title (source) | date | label date | ok | outlets | label outlet | ok |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in scores.rows:
        title = r.title if len(r.title) <= 50 else r.title[:49] + "…"
        lines.append(
            f"| {r.file[:4]} | {title} ({r.title_source}) | {r.date or '–'} | "
            f"{r.label_date or '–'} | {'✓' if r.date_ok else '✗'} | "
            f"{', '.join(r.outlets) or '–'} | {r.label_outlet} | {'✓' if r.outlet_ok else '✗'} |"
        )
    n = scores.total
    lines += [
        "",
        f"titles:  {scores.titles}/{n} ({scores.titles / n:.0%})",
        f"dates:   {scores.dates}/{n} ({scores.dates / n:.0%})",
        f"outlets: {scores.outlets}/{n} ({scores.outlets / n:.0%}) publisher or credited",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Print the table; exit 2 when the corpus is absent."""
    corpus_dir = Path(argv[0]) if argv else CORPUS
    if not corpus_dir.is_dir():
        print(f"no corpus at {corpus_dir}", file=sys.stderr)
        return 2
    print(table(score(corpus_dir)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
