"""normalise and plain run a pattern only when its text can match: as if they ran them all."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.text import normalise as module
from generator.text.normalise import normalise, plain
from tests.conftest import FIXTURES, SEEDS
from tests.synthetic import write_corpus


def every_rewrite(text: str) -> str:
    """Every rewrite of :func:`normalise`, each run whatever the text holds."""
    out = module._NORM_LINK.sub(r"\1", text)
    out = module._URL.sub("", out)
    out = out.replace("**", "").replace("__", "").replace("`", "")
    out = out.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    out = out.replace("''", '"')
    for _ in range(3):
        out = module._INITIALS.sub(r"\1.\2.", out)
    out = module._THOUSANDS.sub(module._join_thousands, out)
    out = module._SPACED_COLON.sub(":", out)
    out = module._SPACED_HYPHEN.sub("-", out)
    out = module._SPACE_BEFORE_PUNCT.sub(r"\1", out)
    return re.sub(r"\s+", " ", out).strip()


CASES = [
    "See [the report](https://example.org/a) and https://example.org/b here.",
    "J. R. R. Tolkien and U. S. officials met.",
    "About 170, 000 people; on May 17, 200 more came.",
    "The score was 2 : 1 , a 3 - 2 lead ; really ! Why ?",
    "“Quoted” ‘text’ with ''double'' marks, **bold**, __under__ and `code`.",
    "Odd\x1cspaces\u2003and\u00a0more\t\ttabs\n\nlines  ",
    "",
    "   ",
]


def texts() -> list[str]:
    """Lines of the seeds, the hostile fixtures and dev-events, and the cases above."""
    found = list(CASES)
    # The real articles too, when the shared corpus is beside the project (read, never copied).
    shared = SEEDS.parent.parent / "shared" / "corpus" / "dev-events"
    for folder in (SEEDS, FIXTURES / "hostile", *([shared] if shared.is_dir() else [])):
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.suffix in {".md", ".txt"}:
                found += path.read_text("utf-8", errors="replace").splitlines()
    return found


@pytest.mark.parametrize("text", CASES)
def test_each_case_equals_running_every_rewrite(text: str) -> None:
    assert normalise(text) == every_rewrite(text)


def test_seed_lines_equal_running_every_rewrite(tmp_path: Path) -> None:
    lines = texts()
    synthetic = write_corpus(tmp_path / "seeds", 60)
    lines += [line for p in sorted(synthetic.iterdir()) for line in p.read_text().splitlines()]
    assert len(lines) > 1500
    assert [normalise(t) for t in lines] == [every_rewrite(t) for t in lines]


def test_shuffled_pieces_equal_running_every_rewrite() -> None:
    pieces = ["](", "://", ". ", ", ", " : ", " - ", " ,", " ?", "A. B.", "1, 000", "x", " "]
    rng = random.Random(3)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12)))
        assert normalise(text) == every_rewrite(text)


@given(st.text(alphabet=st.sampled_from(list("aZ1 .,:;!?-[]()/\u2003\x1c’“`*_"))))
def test_any_text_equals_running_every_rewrite(text: str) -> None:
    assert normalise(text) == every_rewrite(text)


def plain_every_rewrite(text: str) -> str:
    """:func:`plain` with both of its patterns run whatever the text holds."""
    text = module._MD_LINK.sub(lambda m: m.group("text"), text)
    return " ".join(module._MD_MARKUP.sub("", text).split())


def test_plain_on_seed_lines_and_bodies_equals_running_both_patterns() -> None:
    lines = texts() + CASES
    bodies = ["\n".join(lines[i : i + 40]) for i in range(0, len(lines), 40)]
    assert [plain(t) for t in lines + bodies] == [plain_every_rewrite(t) for t in lines + bodies]


@given(st.text(alphabet=st.sampled_from(list("aZ1 \n\t>#*_`[]()!/.\u2003\x1c"))))
def test_plain_of_any_text_equals_running_both_patterns(text: str) -> None:
    assert plain(text) == plain_every_rewrite(text)
