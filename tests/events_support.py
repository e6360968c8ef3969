"""Helpers for the event tests: Article records from raw seed files, labels, golden files.

The loader is deliberately simple and independent of the project's reader, so
the event tests and golden files do not move when the reader changes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

import yaml

from generator.models import Article, Origin, Published
from tests.factories import make_article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus"
NEWS_EVENTS = CORPUS / "news-events"

_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]\d)[/-]([0-3]\d)/")
_FRONT = re.compile(r"^---\n(.*?)\n---\n", re.DOTALL)


def load_article(path: Path) -> Article:
    """Parse one seed: YAML front matter, inline date header, '# heading' or bare text."""
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    meta: dict[str, object] = {}
    body_line = 1
    match = _FRONT.match(text)
    if match:
        meta = yaml.safe_load(match.group(1)) or {}
        body_line = match.group(0).count("\n") + 1
        text = text[match.end() :]
    date = None
    header = _HEADER.match(text)
    if header:
        date = header.group(1)
        text = text[header.end() :]
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
        body_line += 1
    title = str(meta.get("title") or "")
    origin = Origin.FRONT_MATTER
    if not title and lines and lines[0].startswith("# "):
        title, origin = lines[0][2:].strip(), Origin.HEADING
    if not title and lines:
        title = re.split(r"(?<=[.!?])\s", lines[0].strip(), maxsplit=1)[0]
        origin = Origin.LEDE
    declared = meta.get("tags") or []
    tags = tuple(str(t) for t in declared) if isinstance(declared, list) else ()
    article = make_article(
        path.stem,
        "\n".join(lines),
        title=title.rstrip("."),
        date=date,
        tags=tags,
    )
    published = article.published
    if date:
        published = Published(dt.date.fromisoformat(date), "day", Origin.HEADER)
    if published.date is None:
        published = _url_date(meta)
    return dataclasses.replace(
        article, body_line=body_line, file=path.name, published=published, title_origin=origin
    )


def _url_date(meta: dict[str, object]) -> Published:
    """A /YYYY/MM/DD/ date in a declared source URL, as a reader would find it."""
    sources = meta.get("sources") or []
    for url in sources if isinstance(sources, list) else [sources]:
        match = _URL_DATE.search(str(url))
        if match:
            day = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            return Published(day, "day", Origin.URL)
    return Published()


def load_dir(folder: Path) -> list[Article]:
    """Every ``*.txt`` / ``*.md`` seed of a folder, sorted by file name."""
    paths = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md"))
    return [load_article(p) for p in paths]


LABELS = CORPUS / "news-events.labels.json"


def corpus_truth() -> dict[str, str]:
    """Article id → true event: the shared labels, plus one event for all the seeds."""
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    truth = {Path(name).stem: str(entry["event"]) for name, entry in labels.items()}
    truth.update({p.stem: "seeds" for p in SEEDS.iterdir() if p.suffix in (".txt", ".md")})
    return truth
