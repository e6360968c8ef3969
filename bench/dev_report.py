"""Where the grouping and the publication dates go wrong on a labelled corpus.

Usage (from the repository root, evaluation only):

    .venv/bin/python bench/dev_report.py EXPORT.json [../shared/corpus/dev-events]

Reads an export made by ``briefing export`` and the corpus labels beside the
folder; prints the found events that mix labelled events (false merges), the
labelled events split over several found events, and every publication date
that is wrong or missing although the file states one. Nothing here feeds the
generator.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import defaultdict
from pathlib import Path


def main() -> None:
    """Print the report."""
    ap = argparse.ArgumentParser()
    ap.add_argument("export", type=Path)
    ap.add_argument("seeds", type=Path, nargs="?", default=Path("../shared/corpus/dev-events"))
    args = ap.parse_args()
    data = json.loads(args.export.read_text())
    labels_path = args.seeds.parent / f"{args.seeds.name}.labels.json"
    labels = {Path(k).stem: v for k, v in json.loads(labels_path.read_text()).items()}
    arts = {a["id"]: a for a in data["articles"]}
    found: dict[str, set[str]] = defaultdict(set)
    for event in data["events"]:
        for a in event["articles"]:
            found[event["id"]].add(a)
    truth: dict[str, set[str]] = defaultdict(set)
    for a, lab in labels.items():
        truth[lab["event"]].add(a)
    print("== found events mixing labelled events")
    for eid, members in sorted(found.items()):
        kinds = defaultdict(list)
        for a in sorted(members):
            kinds[labels[a]["event"]].append(a)
        if len(kinds) > 1:
            print(f"- {eid}")
            for ev, ids in kinds.items():
                shown = [f"{i[:4]}({(arts[i]['published'] or {}).get('date')})" for i in ids]
                print(f"    {ev}: {' '.join(shown)}")
    print("== labelled events split")
    where = {a: eid for eid, m in found.items() for a in m}
    for ev, members in sorted(truth.items()):
        parts = defaultdict(list)
        for a in sorted(members):
            parts[where.get(a, "alone:" + a)].append(a[:4])
        if len(parts) > 1:
            print(f"- {ev}: " + " | ".join(" ".join(v) for v in parts.values()))
    print("== dates")
    for a, lab in sorted(labels.items()):
        pub = arts[a]["published"]
        got = pub.get("date")
        if got and lab["date"]:
            gap = abs((dt.date.fromisoformat(got) - dt.date.fromisoformat(lab["date"])).days)
            if gap > 1:
                print(f"WRONG {a[:4]} got {got} want {lab['date']} [{pub['source']}] {pub['note']}")
        elif got is None and lab["date"]:
            print(f"NONE  {a[:4]} want {lab['date']} fmt={lab.get('format')} url={lab.get('url')}")
        elif got and not lab["date"]:
            print(f"UNLAB {a[:4]} got {got} [{pub['source']}] {pub['note']}")


if __name__ == "__main__":
    main()
