"""Per-seed isolation: a failure while processing one seed costs only that seed.

Every stage after reading works on the whole corpus at once (actors are matched
across articles, events are grouped and compared across them). When such a
stage raises, :func:`isolate` finds a seed whose presence makes it fail,
records a problem on that seed, and runs the stage again without it. The
broad ``except Exception`` here is the isolation boundary: it never swallows,
every catch becomes a problem.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from generator.models import Article, Problem, Severity

R = TypeVar("R")


def failure(file: str, line: int, stage: str, exc: BaseException) -> Problem:
    """The problem recorded when ``stage`` fails on the seed ``file``."""
    detail = " ".join(str(exc).split())[:200]
    msg = (
        f"Internal error while {stage} this seed ({type(exc).__name__}"
        f"{': ' + detail if detail else ''}); it was left out of that step."
    )
    return Problem(file, line, Severity.ERROR, "internal-error", msg)


def isolate(
    stage: Callable[[Sequence[Article]], R], articles: Sequence[Article], label: str
) -> tuple[R, list[Article], list[Problem]]:
    """Run ``stage`` on the articles, leaving out those it fails on.

    On failure, a binary search over prefixes finds the first article whose
    addition makes the stage fail (log2(n) extra runs per culprit); it gets a
    problem and the stage runs again without it. A stage that fails on no
    articles at all is a bug, not bad input, and is re-raised.

    Args:
        stage: The corpus-wide step.
        articles: Its input, in a fixed order.
        label: What the step does, for messages ("matching actors in").

    Returns:
        The stage's result, the articles it ran on, and one problem per article left out.
    """
    kept = list(articles)
    problems: list[Problem] = []
    while True:
        try:
            return stage(kept), kept, problems
        except Exception as exc:  # recorded as a problem below
            if not kept:
                raise
            index, cause = _first_failing(stage, kept, exc)
            culprit = kept[index]
            problems.append(failure(culprit.file, culprit.body_line, label, cause))
            del kept[index]


def _first_failing(
    stage: Callable[[Sequence[Article]], object], articles: Sequence[Article], exc: Exception
) -> tuple[int, Exception]:
    """Index of the article whose addition to the prefix before it makes ``stage`` fail."""
    good, bad, cause = 0, len(articles), exc
    while bad - good > 1:
        middle = (good + bad) // 2
        try:
            stage(articles[:middle])
        except Exception as failed:  # narrowing down the seed; recorded by the caller
            bad, cause = middle, failed
        else:
            good = middle
    return bad - 1, cause
