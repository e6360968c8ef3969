"""``briefing diff``: the command, and the summary as Markdown or JSON.

The Markdown goes into a pull request's job summary and sticky comment, so
seed-derived text is escaped (it must not become markup, links or @-mentions).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from generator.models import Problem
from generator.text.plurals import plural

if TYPE_CHECKING:
    from generator.diff import ArticleLine, ConflictLine, EventLine, EventRef, Summary

HEADING = "## What this pull request changes in the briefing"
EVENT_WORDS = {
    "created": "created",
    "grown": "grown",
    "shrunk": "shrunk",
    "changed": "changed",
    "merged": "merged",
    "split": "split",
    "removed": "removed",
}


def add_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``briefing diff`` on the command line's sub-parsers."""
    diff = sub.add_parser("diff", help="summarise what changes between two seed sets")
    diff.add_argument("--base", required=True, help="base seeds: a folder or a git ref")
    diff.add_argument("--head", default="seeds", type=Path, help="head seeds folder")
    diff.add_argument("--format", choices=["markdown", "json"], default="markdown")
    diff.add_argument(
        "--site-url",
        default=os.environ.get("SITE_URL", ""),
        help="address of the head's site, for event links (default: $SITE_URL)",
    )


def run_command(args: argparse.Namespace) -> int:
    """Run ``briefing diff``; returns the exit code."""
    # Imported here: the pipeline is slow to import, and `briefing check` on
    # seeds refused by a limit must answer at once (this module is imported by
    # the command line for every command).
    from generator.diff import DiffError, diff_corpora, seed_folder
    from generator.pipeline import Settings, build_corpus

    head: Path = args.head
    if not head.is_dir():
        print(f"briefing: no seeds folder at {head}", file=sys.stderr)
        return 2
    try:
        with seed_folder(args.base, head) as base:
            before = build_corpus(Settings(base))
    except DiffError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return 2
    site_url = args.site_url.rstrip("/") + "/" if args.site_url else ""
    summary = diff_corpora(before, build_corpus(Settings(head)), site_url)
    label = head.as_posix().rstrip("/")
    sys.stdout.write(to_json(summary) if args.format == "json" else to_markdown(summary, label))
    return 0


def to_json(summary: Summary) -> str:
    """The summary as JSON for tools (stable key order, trailing newline)."""
    record = dataclasses.asdict(summary)
    record["problems"] = [p.as_dict() for p in summary.problems]
    return json.dumps(record, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def text(value: object) -> str:
    """Seed-derived text for GitHub Markdown: escaped, and no @-mention pings anyone."""
    from generator.site.mdsafe import escape_markdown

    return escape_markdown(value).replace("@", "@\u200b")


def to_markdown(summary: Summary, seeds_label: str = "seeds") -> str:
    """The summary as Markdown for a pull request comment."""
    parts = [HEADING, "", _headline(summary), ""]
    if summary.added or summary.removed or summary.changed:
        parts += ["### Articles", "", *_article_table(summary, seeds_label), ""]
    if summary.events:
        parts += ["### Events", "", *(_event(e) for e in summary.events), ""]
    if summary.conflicts or summary.updates:
        parts += ["### Conflicts and updates", ""]
        parts += [_conflict(c, "conflict") for c in summary.conflicts]
        parts += [_conflict(c, "update") for c in summary.updates]
        parts += [""]
    if summary.actors or summary.unregistered:
        parts += ["### Names", ""]
        parts += [
            f"- new actor: **{text(a.name)}** ({_origin(a.registered)}), "
            f"{plural(a.articles, 'article')}"
            for a in summary.actors
        ]
        parts += [
            f"- new unregistered name: **{text(n.name)}**, {plural(n.articles, 'article')}"
            for n in summary.unregistered
        ]
        parts += [""]
    if summary.problems:
        parts += ["### New problems", "", *(_problem(p, seeds_label) for p in summary.problems), ""]
    return "\n".join(parts)


def _origin(registered: bool) -> str:
    return "registered" if registered else "found in the text"


def _headline(summary: Summary) -> str:
    if summary.empty:
        return "No change to the briefing's articles, events, conflicts, names or problems."
    errors = sum(p.severity == "error" for p in summary.problems)
    counts = [
        (len(summary.added), "article", "added"),
        (len(summary.removed), "article", "removed"),
        (len(summary.changed), "article", "changed"),
        *_by_change("event", [e.change for e in summary.events]),
        *_by_change("conflict", [c.change for c in summary.conflicts]),
        *_by_change("update", [c.change for c in summary.updates]),
        (len(summary.actors) + len(summary.unregistered), "new name", ""),
    ]
    words = [f"{plural(n, noun)} {verb}".strip() for n, noun, verb in counts if n]
    words.append(f"{plural(len(summary.problems), 'new problem')} ({plural(errors, 'error')})")
    return " · ".join(words)


def _by_change(noun: str, changes: list[str]) -> list[tuple[int, str, str]]:
    order = dict.fromkeys(changes)
    return [(changes.count(c), noun, EVENT_WORDS.get(c, c)) for c in order]


def _article_table(summary: Summary, label: str) -> list[str]:
    rows = ["| change | title | date | outlet | file |", "|---|---|---|---|---|"]
    groups: Iterable[tuple[str, tuple[ArticleLine, ...]]] = (
        ("added", summary.added),
        ("removed", summary.removed),
        ("changed", summary.changed),
    )
    for change, lines in groups:
        for line in lines:
            what = f"changed ({', '.join(line.changed)})" if line.changed else change
            rows.append(
                f"| {what} | {text(line.title)} | {line.date or 'undated'} | "
                f"{text(line.outlet)} | {text(f'{label}/{line.file}')} |"
            )
    return rows


def _link(ref: EventRef) -> str:
    title = f"“{text(ref.title)}”"
    return f"[{title}]({ref.url})" if ref.url else title


def _articles(lines: tuple[ArticleLine, ...]) -> str:
    return "; ".join(f"“{text(a.title)}” ({text(a.outlet)})" for a in lines)


def _event(line: EventLine) -> str:
    head = f"- **{EVENT_WORDS[line.change]}**: {_link(line.event)}"
    if line.change == "merged":
        return f"{head} now holds the events {', '.join(_link(r) for r in line.related)}"
    if line.change == "split":
        return f"{head} was split into {', '.join(_link(r) for r in line.related)}"
    if line.change == "removed":
        return f"{head} is gone ({plural(line.event.size, 'article')})"
    parts = [f"{head}, {plural(line.event.size, 'article')}"]
    if line.added:
        joined = "with" if line.change == "created" else "joined by"
        parts.append(f"{joined} {_articles(line.added)}")
    if line.removed:
        parts.append(f"left by {_articles(line.removed)}")
    return "; ".join(parts)


def _conflict(line: ConflictLine, noun: str) -> str:
    sides = " vs ".join(
        f"{text(side.value)}: {', '.join(text(o) for o in side.outlets) or 'no outlet'}"
        for side in line.sides
    )
    return f"- {noun} **{line.change}** in {_link(line.event)}: {text(line.subject)} — {sides}"


def _problem(problem: Problem, label: str) -> str:
    where = text(f"{label}/{problem.file}:{problem.line}")
    return f"- **{problem.severity}** {where}: {text(problem.message)} \\[{text(problem.code)}\\]"
