"""libyaml's fast path reads every document exactly as the policy loader does."""

from __future__ import annotations

import random

import pytest
from yaml.reader import Reader

from generator.ingest import yaml_policy
from generator.ingest.yaml_policy import FRONT_MATTER, YamlDocument, load_yaml
from tests.conftest import FIXTURES, SEEDS

pytestmark = pytest.mark.skipif(yaml_policy.FastLoader is None, reason="PyYAML without libyaml")

TRICKY = [
    "title: a\ntitle: b\n",
    "base: &b x\nother: *b\n",
    "tags: [a, b\n",
    "date: 2023-02-30\n",
    "n: !!int abc\n",
    "x: !!python/object:os.system {}\n",
    "a:\n  b:\n    c:\n      d:\n        e:\n          f:\n            g:\n              h: 1\n",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
    "title: NO\nok: yes\nflag: true\n",
    "key:\tvalue\n",
    "- a\n- b\n",
    "just text\n",
    "",
    "title: 'it''s'\nurl: http://a.example/x?y=1\n",
    'title: "bell \\a and \\x07"\n',
    "t: \u2028 x\n",
    "t: a\u0085b\n",
    "? complex\n: value\n",
    "%YAML 1.2\n---\na: 1\n",
    "a: 1\n---\nb: 2\n",
    "a: {b: [c, {d: e}]}\n",
    "{a: 1, a: 2}\n",
    "a: b: c\n",
    "a: |\n  block\n   text\n",
    "a: >-\n  folded\n\n  text\n",
    "a: [b, c]]\n",
    "\ufeffa: 1\n",
    "a: \ufeff\n",
    "- [a, b]: c\n",
    "{a:1}\n",
    "[a:b]\n",
    "a: 'x\n",
    "a: @b\n",
    "a: `b\n",
    "a: !custom b\n",
    "a: 0o17\nb: 0x1F\nc: 1_000\nd: .inf\ne: ~\nf: 1e3\n",
    "n: !!int\n",
    "[a:\n]\n",
    "{a:}\n",
    "a:\n !\n",
    "tags: [a, b]\nurl: http://x.example/?a=1\ntitle: Wow!\n",
]


def _texts() -> list[str]:
    """The tricky texts, the fixtures' front matters and registries (printable, as decoded)."""
    texts = list(TRICKY)
    for folder in (SEEDS, *sorted(p for p in FIXTURES.rglob("*") if p.is_dir())):
        for path in sorted(folder.glob("*")):
            if path.suffix in {".md", ".txt", ".yml"} and path.is_file():
                text = path.read_text("utf-8", errors="replace")
                if path.suffix == ".yml":
                    texts.append(text)
                elif text.startswith("---\n") and "\n---" in text[4:]:
                    texts.append(text[4 : text.index("\n---", 4) + 1])
    # Seeds reach YAML without control characters (decode removes them).
    return [Reader.NON_PRINTABLE.sub("", text) for text in texts]


def _mutants(texts: list[str], count: int) -> list[str]:
    """Texts with YAML's special characters inserted, deleted or swapped at random places."""
    rng = random.Random(13)
    specials = [*":-?[]{},#&*!|>'\"%@`\t\n ", "\u2028", "\x85", "\ufeff", "  ", "- "]
    out = []
    for _ in range(count):
        text = list(rng.choice(texts) or "a: b\n")
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(len(text) + 1)
            action = rng.random()
            if action < 0.5:
                text.insert(i, rng.choice(specials))
            elif text and action < 0.8:
                del text[min(i, len(text) - 1)]
            elif text:
                j = rng.randrange(len(text))
                k = min(i, len(text) - 1)
                text[j], text[k] = text[k], text[j]
        out.append("".join(text))
    return out


def _both(text: str, monkeypatch: pytest.MonkeyPatch, build: bool) -> tuple[object, object]:
    fast = load_yaml(text, "a.md", FRONT_MATTER, first_line=2, build=build)
    with monkeypatch.context() as patch:
        patch.setattr(yaml_policy, "FastLoader", None)
        slow = load_yaml(text, "a.md", FRONT_MATTER, first_line=2, build=build)
    return _view(fast), _view(slow)


def _view(doc: YamlDocument) -> object:
    # Nodes compare by identity; their lines and values are what the readers use.
    return (repr(doc.data), _node(doc.node), doc.error, doc.duplicates)


def _node(node: object) -> object:
    """A node's kind, tag, line and children (or value), to compare two trees."""
    if node is None:
        return None
    value = getattr(node, "value", None)
    if isinstance(value, list):
        value = [
            (_node(item[0]), _node(item[1])) if isinstance(item, tuple) else _node(item)
            for item in value
        ]
    mark = getattr(node, "start_mark", None)
    return (type(node).__name__, getattr(node, "tag", None), value, mark.line if mark else None)


@pytest.mark.parametrize("build", [True, False])
def test_the_fast_path_reads_every_document_as_the_policy_loader(
    monkeypatch: pytest.MonkeyPatch, build: bool
) -> None:
    texts = _texts()
    for text in texts + _mutants(texts, 1500):
        fast, slow = _both(text, monkeypatch, build)
        assert fast == slow, text


def test_plain_front_matter_takes_the_fast_path() -> None:
    text = "title: \"A title\"\ntags: [x, 'y z']\nurl: http://a.example/?q=1#top\nby:\n  - A B\n"
    assert not yaml_policy._unlike(text)
    assert yaml_policy._read_fast(text, "a.md", 2, True) is not None


def test_an_empty_int_is_a_value_problem_not_a_crash() -> None:
    doc = load_yaml("n: !!int\ntitle: T\n", "a.md", FRONT_MATTER, first_line=2)
    assert doc.error is not None and (doc.error.code, doc.error.line) == ("yaml-value", 2)
    assert doc.data == {"title": "T"}
