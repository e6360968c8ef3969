"""The preview workflow's data handling, outside YAML so that it is tested locally.

Standard library only: stage 2 of the preview runs it from the default branch
with the runner's ``python3`` and never installs or runs pull-request code.

* ``meta``: stage 1 writes the artifact's metadata (PR number, head SHA, base).
* ``verify``: stage 2 treats the downloaded artifact strictly as data: the PR
  number and head SHA must match what GitHub says (the event payload and the
  API, never the artifact), the site must be plain files with plain names and
  bounded in size, and the summary is size-capped and defused before it goes
  into the sticky comment.
* ``stale``: which ``pr-<N>`` folders of the preview site belong to closed PRs.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

MARKER = "<!-- briefing-preview -->"
SHA = re.compile(r"[0-9a-f]{40}")
# Any name a file system and a web server treat plainly: no hidden or control characters.
SAFE_NAME = re.compile(r"[^./\\\x00-\x1f\x7f][^/\\\x00-\x1f\x7f]{0,254}")
PR_FOLDER = re.compile(r"pr-([1-9][0-9]{0,8})")
MAX_META_BYTES = 4_096
MAX_SUMMARY_CHARS = 50_000
MAX_SITE_BYTES = 300_000_000
MAX_SITE_FILES = 50_000


class Rejected(Exception):
    """The artifact is not what stage 1 of this repository produces."""


def write_meta(pr: int, head_sha: str, base: str, out: Path) -> None:
    """Write the artifact's metadata file (stage 1)."""
    record = {"pr": pr, "head_sha": head_sha, "base": base}
    out.write_text(json.dumps(record, sort_keys=True) + "\n", encoding="utf-8")


def trusted_pr(pulls: Any, head_sha: str) -> int:
    """The number of the open pull request whose head is ``head_sha``.

    Args:
        pulls: The API's answer for open PRs from the run's head branch (trusted).
        head_sha: ``github.event.workflow_run.head_sha`` (trusted).

    Raises:
        Rejected: No pull request, or more than one, has that head.
    """
    if not isinstance(pulls, list):
        raise Rejected("the pull request list is not a list")
    numbers = [
        p.get("number")
        for p in pulls
        if isinstance(p, dict)
        and isinstance(p.get("head"), dict)
        and p["head"].get("sha") == head_sha
    ]
    if len(numbers) != 1 or not isinstance(numbers[0], int):
        raise Rejected(f"{len(numbers)} open pull request(s) have head {head_sha}; expected 1")
    return numbers[0]


def _head_sha(pull: Any) -> object:
    head = pull.get("head") if isinstance(pull, dict) else None
    return head.get("sha") if isinstance(head, dict) else None


def read_meta(path: Path, expected_pr: int, expected_sha: str) -> dict[str, Any]:
    """Read the artifact's metadata and check it against the trusted values."""
    if not path.is_file() or path.is_symlink() or path.stat().st_size > MAX_META_BYTES:
        raise Rejected("meta.json is missing, a link or too large")
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise Rejected(f"meta.json is not JSON: {exc}") from exc
    if not isinstance(meta, dict):
        raise Rejected("meta.json is not an object")
    if type(meta.get("pr")) is not int or meta["pr"] != expected_pr:
        raise Rejected(f"meta.json names PR {meta.get('pr')!r}, the event PR {expected_pr}")
    sha = meta.get("head_sha")
    if not isinstance(sha, str) or not SHA.fullmatch(sha) or sha != expected_sha:
        raise Rejected(f"meta.json names head {sha!r}, the event head {expected_sha}")
    return meta


def copy_site(source: Path, target: Path) -> int:
    """Copy the built site, refusing links, odd names and oversize content.

    Returns:
        The number of files copied.
    """
    if not source.is_dir() or source.is_symlink():
        raise Rejected("the artifact has no site folder")
    files = 0
    total = 0
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if any(not SAFE_NAME.fullmatch(part) for part in relative.parts):
            raise Rejected(f"unexpected file name in the site: {relative.as_posix()!r}")
        if path.is_symlink():
            raise Rejected(f"the site holds a link: {relative.as_posix()}")
        if path.is_dir():
            continue
        if not path.is_file():
            raise Rejected(f"the site holds a special file: {relative.as_posix()}")
        files += 1
        total += path.stat().st_size
        if files > MAX_SITE_FILES or total > MAX_SITE_BYTES:
            raise Rejected("the site is larger than a preview may be")
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)
    if not (target / "index.html").is_file():
        raise Rejected("the site has no index.html")
    return files


def defuse(summary: str) -> str:
    """Make untrusted Markdown safe to post: capped, no @-mentions, no forged marker."""
    if len(summary) > MAX_SUMMARY_CHARS:
        summary = summary[:MAX_SUMMARY_CHARS] + "\n\n… (summary cut: too long)\n"
    summary = summary.replace("@", "@\u200b")
    return summary.replace("<!--", "&lt;!--")


def comment_body(pr: int, url: str | None, summary: str, head_sha: str) -> str:
    """The sticky comment: marker, link, and the summary built by the PR's own run."""
    where = (
        f"**Preview:** {url}"
        if url
        else "**Preview:** not published (no preview repository is set up); "
        "the built site is attached to the workflow run as the `preview` artifact."
    )
    return "\n".join(
        [
            MARKER,
            where,
            "",
            f"Built from {head_sha[:12]} of #{pr}. The summary below comes from the pull "
            "request's own build: review it as you would the seeds.",
            "",
            defuse(summary).strip(),
            "",
        ]
    )


def verify(args: argparse.Namespace) -> int:
    """Stage 2: validate the artifact and prepare the site and the comment."""
    head_sha: str = args.head_sha
    if not SHA.fullmatch(head_sha):
        raise Rejected(f"the event head SHA {head_sha!r} is not a commit SHA")
    pr = trusted_pr(json.loads(Path(args.pulls).read_text(encoding="utf-8")), head_sha)
    artifact = Path(args.artifact)
    read_meta(artifact / "meta.json", pr, head_sha)
    out = Path(args.out)
    count = copy_site(artifact / "site", out / "site")
    summary_file = artifact / "summary.md"
    summary = ""
    if summary_file.is_file() and not summary_file.is_symlink():
        summary = summary_file.read_text(encoding="utf-8", errors="replace")
    url = f"{args.preview_url.rstrip('/')}/pr-{pr}/" if args.preview_url else None
    (out / "comment.md").write_text(comment_body(pr, url, summary, head_sha), encoding="utf-8")
    print(f"pr={pr}")
    print(f"files={count}")
    return 0


def stale_folders(names: Sequence[str], open_prs: Sequence[int]) -> list[str]:
    """The ``pr-<N>`` folders whose pull request is no longer open."""
    keep = {f"pr-{n}" for n in open_prs}
    return sorted(n for n in names if PR_FOLDER.fullmatch(n) and n not in keep)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    meta = sub.add_parser("meta", help="stage 1: write meta.json")
    meta.add_argument("--pr", type=int, default=0)
    meta.add_argument("--head-sha", default="")
    meta.add_argument("--base", default="")
    meta.add_argument("--out", required=True)
    check = sub.add_parser("verify", help="stage 2: validate the artifact")
    check.add_argument("--artifact", required=True)
    check.add_argument("--pulls", required=True, help="JSON from the pulls API (trusted)")
    check.add_argument("--head-sha", required=True, help="the event's head SHA (trusted)")
    check.add_argument("--preview-url", default="", help="where pr-<N>/ folders are served")
    check.add_argument("--out", required=True)
    stale = sub.add_parser("stale", help="list pr-<N> folders of closed PRs")
    stale.add_argument("--root", required=True)
    stale.add_argument("--open", required=True, help="file of open PR numbers, one a line")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one sub-command; exits 1 (with the reason) when an artifact is rejected."""
    args = _parser().parse_args(argv)
    if args.command == "meta":
        write_meta(args.pr, args.head_sha, args.base, Path(args.out))
        return 0
    if args.command == "stale":
        names = [p.name for p in Path(args.root).iterdir() if p.is_dir() and not p.is_symlink()]
        numbers = [int(n) for n in Path(args.open).read_text(encoding="utf-8").split()]
        print("\n".join(stale_folders(names, numbers)))
        return 0
    try:
        return verify(args)
    except Rejected as exc:
        print(f"preview rejected: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
