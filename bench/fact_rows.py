"""Count the fact-matrix rows of each event of an export, and the rows that look like junk.

usage: .venv/bin/python -m bench.fact_rows EXPORT.json [--list]

Junk here is judged independently of ``generator.events.matrix`` by plain patterns a
reader would object to: a description that is one bare word, starts with a clock word
or "year-old", is a lone unit of time, or is cut mid-clause before "…" (6+ words or no
content word); and two rows of one event with the same description and measure.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

_TIME = {"second", "minute", "hour", "day", "week", "month", "year", "decade"}
_FUNCTION = {
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "by",
    "its",
    "their",
    "his",
    "her",
}


def looks_junk(description: str, measure: str) -> bool:
    """Whether a row's description is one a researcher would reject (see module doc)."""
    words = description.split()
    low = [w.lower() for w in words]
    if not words:
        return True
    if low[0] in ("a.m.", "p.m.", "am", "pm") or low[0].startswith("year-old"):
        return True
    if measure == "date":
        return False
    if len(words) == 1 or (re.sub(r"s$", "", low[0]) in _TIME and len(words) == 2):
        return True
    if "…" in low:
        lead = low[: low.index("…")]
        if len(lead) >= 6 or not [w for w in lead if w.isalpha() and w not in _FUNCTION]:
            return True
    return False


def main() -> None:
    """Print rows, junk rows and duplicate descriptions per event (events of 2+ articles)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("export", type=Path)
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    data = json.loads(args.export.read_text())
    totals: Counter[str] = Counter()
    for event in data["events"]:
        if len(event["articles"]) < 2:
            continue
        facts = [f for f in event["facts"] if not f.get("background")]
        junk = [f for f in facts if looks_junk(f["description"], f["measure"])]
        seen = Counter((f["description"].lower(), f["measure"]) for f in facts)
        dupes = sum(n - 1 for n in seen.values() if n > 1)
        totals.update(
            events=1,
            rows=len(facts),
            junk=len(junk),
            duplicates=dupes,
            single=sum(1 for f in facts if f["status"] == "single"),
        )
        if args.list:
            print(f"{len(facts):3} rows {len(junk):3} junk {dupes:2} dup  {event['title'][:60]}")
            for f in junk:
                print(f"      junk: {f['description'][:70]}")
    print(json.dumps(dict(totals)))


if __name__ == "__main__":
    main()
