"""The outlet registry: web domains and written names mapped to outlet names.

The packaged default (``generator/ingest/data/outlets.yml``) lists widely known
outlets; a project extends or overrides it with an ``outlets.yml`` beside its
seeds. Entries from the project file win over the defaults.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from generator.ingest import limits
from generator.ingest.reader import neutralise
from generator.models import Problem, Severity
from generator.site.sanitize import markup_problem_text

DEFAULT_FILE = "outlets.yml"


@dataclass(frozen=True, slots=True)
class OutletRegistry:
    """Lookup tables from domain and from written name to outlet name."""

    by_domain: dict[str, str] = field(default_factory=dict)
    by_alias: dict[str, str] = field(default_factory=dict)

    def for_url(self, url: str) -> str | None:
        """Return the outlet registered for a URL's host (or a parent domain)."""
        host = url_host(url)
        parts = host.split(".")
        for start in range(len(parts) - 1):
            name = self.by_domain.get(".".join(parts[start:]))
            if name:
                return name
        return None

    def for_name(self, written: str) -> str | None:
        """Return the outlet whose alias (case-insensitive) is ``written``."""
        return self.by_alias.get(" ".join(written.split()).casefold())


def url_host(url: str) -> str:
    """Return a URL's lower-cased host without ``www.``; empty when there is none."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def name_from_url(url: str, registry: OutletRegistry) -> str | None:
    """Outlet name for a URL: the registered one, else the bare host name."""
    return registry.for_url(url) or (url_host(url) or None)


def load_outlet_registry(project_file: Path | None) -> tuple[OutletRegistry, list[Problem]]:
    """Load the default registry, then the project's file on top of it.

    Args:
        project_file: The project's ``outlets.yml``; ignored when None or missing.

    Returns:
        The merged registry and the problems found in the project file.
    """
    default_text = (
        resources.files("generator.ingest.data").joinpath(DEFAULT_FILE).read_text("utf-8")
    )
    entries, problems = parse_outlets(default_text, "generator/ingest/data/outlets.yml")
    if project_file is not None and project_file.is_symlink():
        msg = (
            "The outlet registry is a symbolic link; like seeds, registries are not read via links."
        )
        problems.append(Problem(project_file.name, 1, Severity.ERROR, "registry-symlink", msg))
    elif project_file is not None and project_file.is_file():
        try:
            text = project_file.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            msg = f"Cannot read the outlet registry: {exc}."
            problems.append(
                Problem(project_file.name, 1, Severity.ERROR, "registry-unreadable", msg)
            )
        else:
            text, unsafe = neutralise(text.replace("\r\n", "\n"), project_file.name, 1)
            more, more_problems = parse_outlets(text, project_file.name)
            problems += unsafe
            entries += more
            problems += more_problems
    return _index(entries), problems


def parse_outlets(
    text: str, file: str
) -> tuple[list[tuple[str, list[str], list[str]]], list[Problem]]:
    """Parse registry YAML into ``(name, domains, aliases)`` entries.

    Returns:
        The entries and a problem for every malformed entry (with its line).
    """
    deep = limits.yaml_too_deep(text)
    if deep is not None:
        msg = f"Malformed YAML: lists or mappings nest more than {limits.MAX_YAML_DEPTH} deep."
        return [], [Problem(file, deep + 1, Severity.ERROR, "registry-yaml-depth", msg)]
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        msg = f"Malformed YAML: {reason}."
        return [], [Problem(file, line, Severity.ERROR, "registry-yaml", msg)]
    except RecursionError:
        msg = "Malformed YAML: it is nested too deeply."
        return [], [Problem(file, 1, Severity.ERROR, "registry-yaml", msg)]
    except (ValueError, KeyError, AttributeError, TypeError, OverflowError) as exc:
        msg = f"The registry holds a value YAML cannot build: {type(exc).__name__}: {exc}."
        return [], [Problem(file, 1, Severity.ERROR, "registry-yaml", msg)]
    items = data.get("outlets") if isinstance(data, dict) else None
    if not isinstance(items, list):
        msg = "The outlet registry needs a top-level 'outlets:' list."
        return [], [Problem(file, 1, Severity.ERROR, "registry-shape", msg)]
    lines = _item_lines(node)
    entries: list[tuple[str, list[str], list[str]]] = []
    problems: list[Problem] = []
    for index, item in enumerate(items):
        line = lines[index] if index < len(lines) else 1
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            msg = "Each outlet needs a 'name' (text)."
            problems.append(Problem(file, line, Severity.ERROR, "registry-entry", msg))
            continue
        entries.append((item["name"], _strings(item.get("domains")), _strings(item.get("aliases"))))
        for written in (item["name"], *entries[-1][2]):
            message = markup_problem_text(written)
            if message:
                problems.append(Problem(file, line, Severity.WARNING, "markup-in-name", message))
    return entries, problems


def _item_lines(node: yaml.Node | None) -> list[int]:
    if not isinstance(node, yaml.MappingNode):
        return []
    for key, value in node.value:
        if key.value == "outlets" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value if isinstance(v, str | int | float)]
    return []


def _index(entries: Iterable[tuple[str, list[str], list[str]]]) -> OutletRegistry:
    by_domain: dict[str, str] = {}
    by_alias: dict[str, str] = {}
    for name, domains, aliases in entries:
        for domain in domains:
            by_domain[domain.casefold().removeprefix("www.")] = name
        for alias in [name, *aliases]:
            by_alias[" ".join(alias.split()).casefold()] = name
    return OutletRegistry(by_domain, by_alias)
