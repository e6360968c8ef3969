"""The one YAML policy for seeds' front matter and for the registries.

Front matter, ``outlets.yml`` and ``actors.yml`` are all read here, so they
share one set of rules:

* nesting deeper than the input limit (:class:`~generator.thresholds.InputLimits`) is
  refused before anything is built;
* aliases (``*name``) are refused: they can expand exponentially ("billion
  laughs") once the data is serialised again;
* only ``true`` and ``false`` are booleans (YAML 1.2): YAML 1.1 would turn a
  tag or a name such as ``NO`` (Norway) into ``False``;
* a key repeated in one mapping is reported (YAML silently keeps the last);
* every problem names its file and line, with the codes of
  :mod:`generator.problems`.

Loading never raises: whatever the text, a :class:`YamlDocument` comes back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from generator.ingest import limits
from generator.models import Problem, Severity
from generator.thresholds import INPUT_LIMITS

_BOOL = "tag:yaml.org,2002:bool"
# PyYAML's constructors raise these for values such as 2023-02-30, !!int abc or
# an empty !!int (IndexError).
_CONSTRUCTOR_ERRORS = (ValueError, LookupError, AttributeError, TypeError, OverflowError)


class PolicyLoader(yaml.SafeLoader):
    """PyYAML's SafeLoader with YAML 1.2 booleans (only true/false)."""


PolicyLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
PolicyLoader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)

#: libyaml's parser with the policy's resolvers, where PyYAML was built with it:
#: it reads a document in a fraction of the pure-Python time. It serves only
#: documents that pass every rule; anything else is read again by
#: :class:`PolicyLoader`, whose messages and line numbers the problems quote.
FastLoader: Any = None
if getattr(yaml, "__with_libyaml__", False):

    class _CPolicyLoader(yaml.CSafeLoader):
        """libyaml's SafeLoader with the policy's resolvers."""

    _CPolicyLoader.yaml_implicit_resolvers = PolicyLoader.yaml_implicit_resolvers
    FastLoader = _CPolicyLoader

# libyaml and PyYAML part ways on odd texts (tabs as separators, a byte-order
# mark inside the text, "?" keys, tags, block scalars, directives, flow
# collections over several lines: found by comparing both on mutated
# documents, tests/test_yaml_fast.py). So only documents made of the plain
# lines front matter and registries are written in take the fast path: keys
# with plain, quoted or one-line flow-list values, and list items.
_PLAIN = r"[^-?:,\[\]{}#&*!|>'\"%@`\s](?:[^:\s]|:(?=\S)| +(?=[^#\s]))*?"
_QUOTED = r"'(?:[^'\s]| |'')*'|\"(?:[^\"\\\s]| )*\""
_ITEM = rf"(?:{_QUOTED}|[^-?:,\[\]{{}}#&*!|>'\"%@`\s][^?:,\[\]{{}}#\s]*(?: +[^?:,\[\]{{}}#\s]+)*)"
_VALUE = rf"(?:{_QUOTED}|\[ *(?:{_ITEM}(?: *, *{_ITEM})*)? *\]|{_PLAIN})"
_KEY = r"[A-Za-z_][A-Za-z0-9_ -]*?"
_ODD_SPACE = re.compile(r"[^\S \n]|\ufeff")
_SIMPLE_LINE = re.compile(
    rf"(?: *(?:- +)?{_KEY}:(?: +{_VALUE})? *| *- +{_VALUE} *| *| *#[^\n]*)(?: +#[^\n]*)?"
)


def _unlike(text: str) -> bool:
    """Whether a line is not one libyaml and PyYAML are known to read alike."""
    if _ODD_SPACE.search(text):
        return True
    return any(_SIMPLE_LINE.fullmatch(line) is None for line in text.split("\n"))


# What the fast path may raise on a document the policy loader then reads:
# libyaml refuses some texts PyYAML takes (and cannot encode lone surrogates).
_FAST_ERRORS = (yaml.YAMLError, RecursionError, UnicodeError, *_CONSTRUCTOR_ERRORS)


@dataclass(frozen=True, slots=True)
class Where:
    """How messages name the YAML document being read.

    Attributes:
        subject: The document as a sentence's subject ("The front matter").
        inside: The document after "in" ("front matter", "the actor registry").
        malformed: The start of a syntax-error message.
    """

    subject: str
    inside: str
    malformed: str


FRONT_MATTER = Where("The front matter", "front matter", "Malformed YAML front matter")
OUTLET_REGISTRY = Where(
    "The outlet registry", "the outlet registry", "Malformed YAML in the outlet registry"
)
ACTOR_REGISTRY = Where(
    "The actor registry", "the actor registry", "Malformed YAML in the actor registry"
)


@dataclass(frozen=True, slots=True)
class YamlDocument:
    """One YAML document read under the policy.

    Attributes:
        data: The built value; None when nothing could be built (or when only
            the node tree was asked for). After a ``yaml-value`` error it is the
            top-level mapping without the value that could not be built.
        node: The node tree (for line numbers); None when the text is refused.
        error: The error that refused the document or one of its values.
        duplicates: A warning for every repeated key.
    """

    data: Any
    node: yaml.Node | None
    error: Problem | None
    duplicates: tuple[Problem, ...]

    @property
    def problems(self) -> list[Problem]:
        """The error (if any) followed by the duplicate-key warnings."""
        return ([self.error] if self.error else []) + list(self.duplicates)


def load_yaml(
    text: str, file: str, where: Where, *, first_line: int = 1, build: bool = True
) -> YamlDocument:
    """Read one YAML document under the policy; never raises.

    Args:
        text: The YAML text.
        file: Path named in problems.
        where: How messages name the document.
        first_line: File line of the text's first line (front matter starts on 2).
        build: Whether to build Python values; False gives only the node tree
            (the actor registry validates nodes, to name every line).

    Returns:
        The document, its error (if any) and its duplicate-key warnings.
    """

    def error(line: int, code: str, message: str) -> YamlDocument:
        return YamlDocument(None, None, Problem(file, line, Severity.ERROR, code, message), ())

    fast = _read_fast(text, file, first_line, build)
    if fast is not None:
        return fast
    deep = limits.yaml_too_deep(text)
    if deep is not None:
        msg = (
            f"{where.subject} nests lists or mappings more than {INPUT_LIMITS.yaml_depth} "
            "deep; it was ignored."
        )
        return error(first_line + deep, "yaml-depth", msg)
    loader = PolicyLoader(text)
    try:
        alias = _first_alias_line(text)
        if alias is not None:
            msg = f"YAML aliases (*name) are not allowed in {where.inside}; it was ignored."
            return error(first_line + alias, "yaml-alias", msg)
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        return YamlDocument(None, None, _syntax_problem(exc, file, first_line, where), ())
    except RecursionError:
        return error(first_line, "yaml-syntax", f"{where.malformed}: it is nested too deeply.")
    try:
        duplicates = tuple(_duplicate_keys(node, file, first_line))
        if not build or node is None:
            return YamlDocument(None, node, None, duplicates)
        try:
            return YamlDocument(loader.construct_document(node), node, None, duplicates)
        except yaml.YAMLError as exc:  # an unknown tag such as !!python/object
            return YamlDocument(None, None, _syntax_problem(exc, file, first_line, where), ())
        except RecursionError:
            return error(first_line, "yaml-syntax", f"{where.malformed}: it is nested too deeply.")
        except _CONSTRUCTOR_ERRORS:
            data, problem = _build_per_key(loader, node, file, first_line, where)
            return YamlDocument(data, node, problem, duplicates)
    finally:
        loader.dispose()


def _read_fast(text: str, file: str, first_line: int, build: bool) -> YamlDocument | None:
    """The document as the policy reads it, when it breaks no rule; None otherwise.

    One pass over libyaml's events checks the nesting and the aliases, a
    second builds the document. A document with any problem but duplicate
    keys gives None, and :func:`load_yaml` reads it the slow way, which names
    the problem exactly as it always has.
    """
    if FastLoader is None or _unlike(text):
        return None
    try:
        if not _plain_events(text, FastLoader):
            return None
        loader = FastLoader(text)
        try:
            node = loader.get_single_node()
            duplicates = tuple(_duplicate_keys(node, file, first_line))
            if not build or node is None:
                return YamlDocument(None, node, None, duplicates)
            return YamlDocument(loader.construct_document(node), node, None, duplicates)
        finally:
            loader.dispose()
    except _FAST_ERRORS:
        return None


def _plain_events(text: str, loader_class: Any) -> bool:
    """Whether the text parses without an alias and within the nesting limit."""
    depth = 0
    loader = loader_class(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent):
                return False
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > INPUT_LIMITS.yaml_depth:
                    return False
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        loader.dispose()
    return True


def _build_per_key(
    loader: PolicyLoader, root: yaml.Node, file: str, first_line: int, where: Where
) -> tuple[Any, Problem | None]:
    """Build the mapping key by key, leaving out the first value YAML cannot build.

    The rest of the mapping is kept, and the problem names the bad key's line.
    """
    if not isinstance(root, yaml.MappingNode):
        msg = f"{where.subject} holds a value YAML cannot build: not a mapping."
        return None, Problem(file, first_line, Severity.ERROR, "yaml-value", msg)
    result: dict[Any, Any] = {}
    problem: Problem | None = None
    for key_node, value_node in root.value:
        # A fresh loader state per value: a failed construction leaves partial state.
        loader.constructed_objects = {}
        loader.recursive_objects = {}
        loader.state_generators = []
        try:
            key = loader.construct_object(key_node, deep=True)
            result[key] = loader.construct_object(value_node, deep=True)
        except (*_CONSTRUCTOR_ERRORS, yaml.YAMLError) as exc:
            if problem is None:
                line = first_line + key_node.start_mark.line
                msg = f"YAML cannot build the value of {key_node.value!r} ({exc}); ignored."
                problem = Problem(file, line, Severity.ERROR, "yaml-value", msg)
    return result, problem


def _first_alias_line(text: str) -> int | None:
    """0-based line of the first alias, scanned before anything is built."""
    for token in yaml.scan(text, Loader=PolicyLoader):
        if isinstance(token, yaml.AliasToken):
            line: int = token.start_mark.line
            return line
    return None


def _syntax_problem(exc: yaml.YAMLError, file: str, first_line: int, where: Where) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = first_line + mark.line if mark is not None else first_line
    reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    detail = f"{context}: {reason}" if context else reason
    return Problem(file, line, Severity.ERROR, "yaml-syntax", f"{where.malformed}: {detail}.")


def _duplicate_keys(node: yaml.Node | None, file: str, first_line: int) -> list[Problem]:
    """A warning for every key repeated in the same mapping (YAML keeps only the last)."""
    problems: list[Problem] = []
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in current.value:
                name = str(key.value) if isinstance(key, yaml.ScalarNode) else ""
                if name and name in seen:
                    line = first_line + key.start_mark.line
                    msg = f"The key {name!r} appears more than once; only the last value is kept."
                    problems.append(Problem(file, line, Severity.WARNING, "duplicate-key", msg))
                seen.add(name)
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return sorted(problems, key=lambda p: p.line)


def key_lines(node: yaml.Node | None, first_line: int = 1) -> dict[str, int]:
    """Map each top-level key of a mapping node to its 1-based line in the file."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {
        str(key.value): first_line + key.start_mark.line
        for key, _ in node.value
        if isinstance(key, yaml.ScalarNode)
    }


def yaml_kind(value: object) -> str:
    """Name a YAML value's kind for messages ("a list", "a mapping", "a number", …)."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "empty"
    return f"a {type(value).__name__}"
