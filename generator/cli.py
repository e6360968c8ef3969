"""Command line: ``briefing check``, ``briefing export`` and ``briefing diff``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from generator.diffreport import add_command, run_command
from generator.export import corpus_record, dumps
from generator.models import Problem, Severity
from generator.pipeline import Corpus, Settings, build_corpus
from generator.terminal import visible
from generator.text.plurals import plural
from generator.urls import LEDGER_FILE

T = TypeVar("T")


def _progress(items: Sequence[T], label: str) -> Iterable[T]:
    # Imported here: the CLI must start fast (a refused 5 MB seed is reported in < 1 s).
    from tqdm import tqdm

    # tqdm's delay keeps quick runs quiet: the bar appears only after a second.
    return tqdm(items, desc=label, unit="seed", delay=1.0, disable=not sys.stderr.isatty())


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="lint the seeds and report problems")
    check.add_argument("seeds", nargs="?", default="seeds", type=Path, help="seeds folder")
    check.add_argument("--format", choices=["text", "github"], default="text")
    export = sub.add_parser("export", help="write the corpus as JSON")
    export.add_argument("--seeds", default="seeds", type=Path, help="seeds folder")
    export.add_argument("--out", type=Path, help="output file (default: standard output)")
    add_command(sub)
    for command in (check, export):
        command.add_argument("--strict", action="store_true", help="treat warnings as errors")
        command.add_argument(
            "--outlets", type=Path, help="outlet registry (default: SEEDS/outlets.yml)"
        )
        command.add_argument(
            "--actors", type=Path, help="actor registry (default: SEEDS/actors.yml)"
        )
        command.add_argument(
            "--urls",
            type=Path,
            help=f"URL ledger, read only (default: {LEDGER_FILE} beside the seeds folder)",
        )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    args = _parser().parse_args(argv)
    if args.command == "diff":
        return run_command(args)
    seeds = args.seeds
    if not seeds.is_dir():
        print(f"briefing: no seeds folder at {seeds}", file=sys.stderr)
        return 2
    urls = args.urls or seeds.resolve().parent / LEDGER_FILE
    settings = Settings(seeds, args.outlets, args.actors, args.strict, urls)
    corpus = build_corpus(settings, _progress)
    if args.command == "check":
        print(format_report(corpus, args.format, seeds))
        return 1 if corpus.has_errors else 0
    text = dumps(corpus_record(corpus))
    if not args.out:
        sys.stdout.write(text)
    else:
        try:
            args.out.write_text(text, encoding="utf-8")
        except OSError as exc:
            print(f"briefing: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
            return 2
    if args.strict and corpus.has_errors:
        # The export is still written (it lists the problems), but a pipeline
        # asking for --strict must stop here, as `check` and `mkdocs build --strict` do.
        errors = sum(p.severity is Severity.ERROR for p in corpus.problems)
        print(f"briefing: {plural(errors, 'error')} in the seeds (strict mode)", file=sys.stderr)
        return 1
    return 0


def format_report(corpus: Corpus, style: str, seeds: Path) -> str:
    """Render the problems as a readable report or as GitHub annotations."""
    lines = [_format_problem(p, style, seeds) for p in corpus.problems]
    errors = sum(p.severity is Severity.ERROR for p in corpus.problems)
    warnings = sum(p.severity is Severity.WARNING for p in corpus.problems)
    summary = (
        f"{plural(corpus.seeds_read, 'seed')} read, {plural(len(corpus.articles), 'article')}, "
        f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"
    )
    if style == "github":
        return "\n".join([*lines, summary])
    return "\n".join([*lines, "" if lines else "No problems found.", summary]).strip("\n")


def _format_problem(problem: Problem, style: str, seeds: Path) -> str:
    path = (seeds / problem.file).as_posix()
    if style == "github":
        level = "error" if problem.severity is Severity.ERROR else "warning"
        if problem.severity is Severity.INFO:
            level = "notice"
        props = (
            f"file={_escape(path, True)},line={problem.line},title={_escape(problem.code, True)}"
        )
        return f"::{level} {props}::{_escape(problem.message, False)}"
    return (
        f"{visible(path)}:{problem.line}: {problem.severity}: {visible(problem.message)} "
        f"[{visible(problem.code)}]"
    )


def _escape(value: str, is_property: bool) -> str:
    """Escape a value for a GitHub workflow command (properties also escape , and :).

    Unsafe characters are first made visible (so no raw ESC reaches the log),
    then the runner's own escapes apply: ``%``, CR and LF always, and ``:`` and
    ``,`` in properties, so a file name can never close the property list.
    """
    value = visible(value)
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if is_property:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


if __name__ == "__main__":
    raise SystemExit(main())
