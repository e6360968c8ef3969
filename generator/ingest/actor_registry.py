"""Load and validate the actor registry (``actors.yml`` beside the seeds).

The file is parsed into YAML nodes rather than plain data so that every
problem can name the line it comes from.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from generator.actors.records import (
    ActorEntry,
    ActorRegistry,
    ActorType,
    Affiliation,
    PlaceEntry,
    Relation,
)
from generator.actors.text import light_key
from generator.ingest import limits
from generator.ingest.reader import neutralise
from generator.models import Problem, Severity
from generator.site.sanitize import markup_problem_text
from generator.slugs import stable_slug

_ACTOR_KEYS = frozenset(
    {"name", "type", "aliases", "demonyms", "description", "affiliations", "wikidata"}
)
_PLACE_KEYS = frozenset({"name", "aliases", "description", "wikidata"})
_TYPES = ", ".join(str(t) for t in ActorType)
_RELATIONS = ", ".join(str(r) for r in Relation)


def load_actor_registry(
    path: Path | None, *, label: str | None = None
) -> tuple[ActorRegistry, list[Problem]]:
    """Read and validate the registry at ``path``.

    Args:
        path: The YAML file; None or a missing file gives an empty registry.
        label: How problems name the file (default: the file name, which is
            its path relative to the seeds folder when it sits beside them).

    Returns:
        The registry (faulty entries or parts left out) and its problems.
    """
    if path is not None and path.is_symlink():
        msg = "the actor registry is a symbolic link; like seeds, registries are not read via links"
        return ActorRegistry(), [
            Problem(label or path.name, 1, Severity.ERROR, "actors-symlink", msg)
        ]
    if path is None or not path.is_file():
        return ActorRegistry(), []
    file = label or path.name
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        problem = Problem(
            file, 1, Severity.ERROR, "actors-unreadable", f"cannot read registry: {exc}"
        )
        return ActorRegistry(file=file), [problem]
    text, unsafe = neutralise(text.replace("\r\n", "\n"), file, 1)
    registry, problems = parse_actor_registry(text, file)
    return registry, unsafe + problems


def parse_actor_registry(text: str, file: str) -> tuple[ActorRegistry, list[Problem]]:
    """Validate registry YAML ``text`` read from ``file`` (used in messages).

    Args:
        text: The YAML document.
        file: Path shown in problems.

    Returns:
        The registry and its problems.
    """
    checker = _Checker(file)
    deep = limits.yaml_too_deep(text)
    if deep is not None:
        msg = f"invalid YAML: lists or mappings nest more than {limits.MAX_YAML_DEPTH} deep"
        checker.error(deep + 1, "actors-yaml-depth", msg)
        return ActorRegistry(file=file), checker.problems
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        checker.error(_mark_line(exc), "actors-yaml-syntax", _yaml_message(exc))
        return ActorRegistry(file=file), checker.problems
    except yaml.YAMLError as exc:
        checker.error(1, "actors-yaml-syntax", f"invalid YAML: {exc}")
        return ActorRegistry(file=file), checker.problems
    return checker.registry(root), checker.problems


def _mark_line(exc: yaml.MarkedYAMLError) -> int:
    """Return the 1-based line a YAML error points at."""
    mark = exc.problem_mark or exc.context_mark
    return int(mark.line) + 1 if mark else 1


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    """Return a one-sentence message for a YAML error, with where its context began."""
    message = f"invalid YAML: {exc.problem or exc}"
    if (
        exc.context
        and exc.context_mark
        and exc.context_mark.line != (exc.problem_mark or exc.context_mark).line
    ):
        message += f" ({exc.context} started on line {exc.context_mark.line + 1})"
    return message


def _line(node: yaml.Node) -> int:
    """Return the 1-based line a node starts on."""
    return int(node.start_mark.line) + 1


def _scalar(node: yaml.Node | None) -> str | None:
    """Return a scalar node's text, stripped; None for other nodes."""
    if isinstance(node, yaml.ScalarNode):
        return str(node.value).strip()
    return None


def _pairs(node: yaml.MappingNode) -> list[tuple[str, yaml.Node, yaml.Node]]:
    """Return (key text, key node, value node) for a mapping node."""
    return [(_scalar(k) or "", k, v) for k, v in node.value]


@dataclass
class _Claim:
    """Who first claimed a name, for duplicate-alias messages."""

    owner: str
    line: int


@dataclass
class _Checker:
    """Accumulates problems while turning YAML nodes into registry entries."""

    file: str
    problems: list[Problem] = field(default_factory=list)
    claims: dict[str, _Claim] = field(default_factory=dict)
    ids: dict[str, _Claim] = field(default_factory=dict)

    def error(self, line: int, code: str, message: str) -> None:
        """Record an error at ``line``."""
        self.problems.append(Problem(self.file, line, Severity.ERROR, code, message))

    def warn(self, line: int, code: str, message: str) -> None:
        """Record a warning at ``line``."""
        self.problems.append(Problem(self.file, line, Severity.WARNING, code, message))

    def registry(self, root: yaml.Node | None) -> ActorRegistry:
        """Build the registry from the document's root node."""
        if root is None:
            return ActorRegistry(file=self.file)
        if not isinstance(root, yaml.MappingNode):
            self.error(
                _line(root), "actors-bad-shape", "expected a mapping with `actors:` and `places:`"
            )
            return ActorRegistry(file=self.file)
        sections: dict[str, yaml.Node] = {}
        for key, key_node, value in _pairs(root):
            if key in ("actors", "places"):
                sections[key] = value
            else:
                self.warn(_line(key_node), "actors-unknown-key", f'unknown top-level key "{key}"')
        raw_actors = self._entries(sections.get("actors"), "actors")
        raw_places = self._entries(sections.get("places"), "places")
        actors = [a for a in (self._actor(n) for n in raw_actors) if a]
        places = [p for p in (self._place(n) for n in raw_places) if p]
        resolved = self._resolve_affiliations(actors)
        return ActorRegistry(
            actors=tuple(sorted(resolved, key=lambda a: a.id)),
            places=tuple(sorted(places, key=lambda p: p.id)),
            file=self.file,
        )

    def _entries(self, node: yaml.Node | None, section: str) -> list[yaml.MappingNode]:
        """Return the mapping nodes of a section, reporting other shapes."""
        if node is None or (isinstance(node, yaml.ScalarNode) and not node.value):
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.error(_line(node), "actors-bad-shape", f"`{section}:` must be a list of entries")
            return []
        entries = []
        for item in node.value:
            if isinstance(item, yaml.MappingNode):
                entries.append(item)
            else:
                self.error(
                    _line(item), "actors-bad-shape", f"each entry of `{section}:` must be a mapping"
                )
        return entries

    def _fields(
        self, node: yaml.MappingNode, allowed: frozenset[str], what: str
    ) -> tuple[str, dict[str, yaml.Node]] | None:
        """Return the entry's name and fields, or None when it has no name."""
        fields = {}
        for key, key_node, value in _pairs(node):
            if key in allowed:
                fields[key] = value
            else:
                self.warn(
                    _line(key_node), "actors-unknown-key", f'unknown key "{key}" in {what} entry'
                )
        name = _scalar(fields.get("name"))
        if not name:
            self.error(_line(node), "actors-missing-name", f'{what} entry has no "name"')
            return None
        self._check_markup(name, _line(fields.get("name") or node))
        return name, fields

    def _strings(self, node: yaml.Node | None, what: str) -> list[tuple[str, int]]:
        """Return the strings of a scalar-or-list field with their lines."""
        if node is None:
            return []
        if isinstance(node, yaml.ScalarNode):
            return [(node.value.strip(), _line(node))] if node.value.strip() else []
        if isinstance(node, yaml.SequenceNode):
            out = []
            for item in node.value:
                text = _scalar(item)
                if text:
                    out.append((text, _line(item)))
                else:
                    self.error(_line(item), "actors-bad-shape", f"{what} must be plain strings")
            return out
        self.error(_line(node), "actors-bad-shape", f"{what} must be a string or a list of strings")
        return []

    def _check_markup(self, name: str, line: int) -> None:
        message = markup_problem_text(name)
        if message:
            self.warn(line, "markup-in-name", message)

    def _claim_names(self, name: str, line: int, names: list[tuple[str, int]]) -> tuple[str, ...]:
        """Claim ``names`` for the entry ``name``; return those not claimed before."""
        kept: list[str] = []
        for alias, alias_line in names:
            if alias != name:
                self._check_markup(alias, alias_line)
            key = light_key(alias)
            claim = self.claims.get(key)
            if claim is None:
                self.claims[key] = _Claim(name, alias_line)
                if alias != name:
                    kept.append(alias)
            elif claim.owner != name:
                self.error(
                    alias_line,
                    "actors-duplicate-alias",
                    f'alias "{alias}" of "{name}" is already claimed by "{claim.owner}" '
                    f"(line {claim.line})",
                )
        return tuple(dict.fromkeys(kept))

    def _claim_id(self, name: str, line: int, prefix: str) -> str | None:
        """Return the entry's slug, or None when another entry already has it."""
        slug = stable_slug(name, prefix)
        other = self.ids.get(slug)
        if other is not None:
            self.error(
                line,
                "actors-duplicate-actor",
                f'"{name}" has the same id "{slug}" as "{other.owner}" (line {other.line})',
            )
            return None
        self.ids[slug] = _Claim(name, line)
        return slug

    def _actor(self, node: yaml.MappingNode) -> _PendingActor | None:
        """Validate one actor entry."""
        parsed = self._fields(node, _ACTOR_KEYS, "actor")
        if parsed is None:
            return None
        name, fields = parsed
        line = _line(node)
        actor_type = self._type(fields.get("type"), name, line)
        slug = self._claim_id(name, line, "actor")
        if actor_type is None or slug is None:
            return None
        names = [(name, line), *self._strings(fields.get("aliases"), "aliases")]
        aliases = self._claim_names(name, line, names)
        demonyms = self._claim_names(name, line, self._strings(fields.get("demonyms"), "demonyms"))
        entry = ActorEntry(
            id=slug,
            name=name,
            type=actor_type,
            aliases=aliases,
            demonyms=demonyms,
            description=_scalar(fields.get("description")) or "",
            wikidata=_scalar(fields.get("wikidata")) or None,
            line=line,
        )
        return _PendingActor(entry, self._affiliations(fields.get("affiliations"), name))

    def _type(self, node: yaml.Node | None, name: str, line: int) -> ActorType | None:
        """Return the entry's actor type, reporting a missing or unknown one."""
        text = _scalar(node)
        if node is None or not text:
            self.error(
                line,
                "actors-missing-type",
                f'actor "{name}" has no "type"; expected one of: {_TYPES}',
            )
            return None
        wanted = " ".join(text.lower().replace("_", " ").replace("-", " ").split())
        for actor_type in ActorType:
            if str(actor_type) == wanted:
                return actor_type
        self.error(
            _line(node),
            "actors-unknown-type",
            f'unknown actor type "{text}" for "{name}"; expected one of: {_TYPES}',
        )
        return None

    def _affiliations(self, node: yaml.Node | None, name: str) -> list[tuple[Relation, str, int]]:
        """Return (relation, target name, line) for each affiliation of an entry."""
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.error(_line(node), "actors-bad-shape", "affiliations must be a list")
            return []
        out = []
        for item in node.value:
            pairs = _pairs(item) if isinstance(item, yaml.MappingNode) else []
            if len(pairs) != 1 or _scalar(pairs[0][2]) is None:
                self.error(
                    _line(item), "actors-bad-shape", "each affiliation must be `relation: actor`"
                )
                continue
            key, key_node, value = pairs[0]
            relation = next((r for r in Relation if str(r) == " ".join(key.lower().split())), None)
            if relation is None:
                self.error(
                    _line(key_node),
                    "actors-unknown-relation",
                    f'unknown relation "{key}" for "{name}"; expected one of: {_RELATIONS}',
                )
                continue
            out.append((relation, _scalar(value) or "", _line(value)))
        return out

    def _resolve_affiliations(self, pending: list[_PendingActor]) -> list[ActorEntry]:
        """Point affiliations at actor ids, reporting unknown targets."""
        by_key: dict[str, str] = {}
        for item in pending:
            for alias in (item.entry.name, *item.entry.aliases, item.entry.id):
                by_key.setdefault(light_key(alias), item.entry.id)
        resolved = []
        for item in pending:
            links = []
            for relation, target, line in item.links:
                target_id = by_key.get(light_key(target))
                if target_id is None:
                    self.error(
                        line,
                        "actors-unknown-affiliation",
                        f'affiliation "{relation}" of "{item.entry.name}" points to '
                        f'unknown actor "{target}"',
                    )
                else:
                    links.append(Affiliation(relation, target_id))
            resolved.append(replace(item.entry, affiliations=tuple(links)))
        return resolved

    def _place(self, node: yaml.MappingNode) -> PlaceEntry | None:
        """Validate one place entry."""
        parsed = self._fields(node, _PLACE_KEYS, "place")
        if parsed is None:
            return None
        name, fields = parsed
        line = _line(node)
        slug = self._claim_id(name, line, "place")
        if slug is None:
            return None
        names = [(name, line), *self._strings(fields.get("aliases"), "aliases")]
        return PlaceEntry(
            id=slug,
            name=name,
            aliases=self._claim_names(name, line, names),
            description=_scalar(fields.get("description")) or "",
            wikidata=_scalar(fields.get("wikidata")) or None,
            line=line,
        )


@dataclass(frozen=True, slots=True)
class _PendingActor:
    """An actor entry whose affiliations still name their targets."""

    entry: ActorEntry
    links: list[tuple[Relation, str, int]]
