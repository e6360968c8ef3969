"""Read seed files: decode bytes, split metadata from the body, report problems.

A seed is a ``.md`` or ``.txt`` file. Three layouts are understood:

1. YAML front matter between ``---`` lines;
2. an inline header at the very top, `` date 2023-11-21 The body…`` (or a
   first line that holds only ``date: <value>``);
3. plain text or Markdown with no metadata at all.

Every function here is total: whatever the bytes, it returns a result and a
list of problems instead of raising.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler
from slugify import slugify

from generator.dates import parse_declared
from generator.models import Origin, Problem, RawSeed, Severity
from generator.slugs import capped, unreserved

SEED_SUFFIXES = (".md", ".txt")

# A control character other than tab/newline/CR/form feed is a strong sign of a
# binary file; text editors do not produce them.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_BINARY_CONTROL_SHARE = 0.05
_SAMPLE = 8192
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

# `` date 2023-11-21 Body…``: the key, then a value that starts with a digit.
# Requiring the digit keeps ordinary prose ("Date palms grow…") out.
_HEADER = re.compile(r"\A[ \t]*date[ \t]*:?[ \t]+(?P<value>\d[\w./:-]*)[ \t]*", re.IGNORECASE)
# ``date: 21 November 2023`` alone on the first line: the colon marks it as a
# key, and the length limit keeps a sentence that starts with "Date:" out.
_HEADER_LINE = re.compile(r"\A[ \t]*date[ \t]*:[ \t]*(?P<value>[^\n]{1,40}?)[ \t]*(?:\n|\Z)", re.I)
_FRONT_MATTER = YAMLHandler()
_FM_OPEN = re.compile(r"---[ \t]*")
_FM_CLOSE = re.compile(r"(?:-{3,}|\.{3})[ \t]*")
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_BOOL = "tag:yaml.org,2002:bool"


class _MetaLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans.

    YAML 1.1 reads ``no``, ``yes``, ``on`` and ``off`` as booleans, which would
    turn a tag such as ``NO`` (Norway) into ``False``; only ``true`` and
    ``false`` are booleans here.
    """


_MetaLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_MetaLoader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def iter_seed_paths(seeds_dir: Path) -> Iterator[Path]:
    """Yield every seed file under ``seeds_dir`` in a stable, sorted order.

    Hidden files and folders are skipped. Symbolic links are yielded too so
    that the reader can refuse them with a problem rather than ignoring them.
    """
    candidates = sorted(seeds_dir.rglob("*"), key=lambda p: p.relative_to(seeds_dir).as_posix())
    for path in candidates:
        rel = path.relative_to(seeds_dir)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.suffix.lower() in SEED_SUFFIXES and (path.is_file() or path.is_symlink()):
            yield path


def decode(data: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """Decode seed bytes to normalised text.

    A UTF-8 byte order mark is dropped; CRLF and CR line endings become LF.
    UTF-16 with a byte order mark is converted with a warning.

    Args:
        data: The raw file content.
        file: Path used in problem messages.

    Returns:
        The text (None for binary or empty files) and the problems found.
    """
    if data.startswith(_UTF16_BOMS):
        return _decode_utf16(data, file)
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    content = data[bom:]
    if not content.strip():
        return None, [_empty(file)]
    if b"\x00" in content[:_SAMPLE] or _looks_binary(content[:_SAMPLE]):
        msg = "The file is binary, not text; it was skipped."
        return None, [Problem(file, 1, Severity.ERROR, "binary", msg)]
    problems: list[Problem] = []
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = content.decode("utf-8", errors="replace")
        problems.append(_encoding_problem(data, bom + exc.start, text.count("\ufffd"), file))
    text = _normalise_newlines(text)
    if not text.strip():
        return None, [_empty(file)]
    return text, problems


def _decode_utf16(data: bytes, file: str) -> tuple[str | None, list[Problem]]:
    text = _normalise_newlines(data.decode("utf-16", errors="replace").removeprefix("\ufeff"))
    if not text.strip():
        return None, [_empty(file)]
    msg = "The file is UTF-16, not UTF-8; it was converted. Save it as UTF-8."
    return text, [Problem(file, 1, Severity.WARNING, "encoding", msg)]


def _empty(file: str) -> Problem:
    return Problem(file, 1, Severity.ERROR, "empty", "The file is empty.")


def _encoding_problem(data: bytes, offset: int, bad: int, file: str) -> Problem:
    line = _normalise_newlines(data[:offset].decode("latin-1")).count("\n") + 1
    return Problem(
        file,
        line,
        Severity.WARNING,
        "encoding",
        f"The file is not valid UTF-8 (first bad byte at offset {offset}); "
        f"{bad} undecodable byte sequence(s) were replaced with U+FFFD.",
    )


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(sample: bytes) -> bool:
    text = sample.decode("latin-1")
    return len(_CONTROL.findall(text)) > _BINARY_CONTROL_SHARE * max(len(text), 1)


def seed_id(path: Path) -> str:
    """Return the article id for a seed: its stem, made URL-safe if needed."""
    stem = path.stem
    if _SAFE_ID.match(stem):
        return unreserved(capped(stem, stem))
    slug = capped(slugify(stem), stem)
    return unreserved(slug) or "seed-" + hashlib.sha1(stem.encode()).hexdigest()[:8]


def read_seed(path: Path, seeds_dir: Path) -> tuple[RawSeed | None, list[Problem]]:
    """Read one seed file; never raises.

    Args:
        path: The seed file.
        seeds_dir: The seeds folder, for the relative path in problems.

    Returns:
        The raw seed (None when nothing could be read) and its problems.
    """
    file = path.relative_to(seeds_dir).as_posix()
    if path.is_symlink():
        msg = "Symbolic links are not read (a seed may not point outside the seeds folder)."
        return None, [Problem(file, 1, Severity.ERROR, "symlink", msg)]
    try:
        data = path.read_bytes()
    except OSError as exc:
        msg = f"Cannot read the file: {exc.strerror}."
        return None, [Problem(file, 1, Severity.ERROR, "unreadable", msg)]
    return parse_seed(data, file, seed_id(path))


def parse_seed(data: bytes, file: str, id: str) -> tuple[RawSeed | None, list[Problem]]:
    """Turn the bytes of one seed into a RawSeed; never raises.

    Args:
        data: The file content.
        file: Path relative to the seeds folder.
        id: The article id.

    Returns:
        The raw seed (None for empty or binary files) and its problems.
    """
    text, problems = decode(data, file)
    if text is None:
        return None, problems
    split = split_metadata(text, file)
    problems += split.problems
    if not split.body.strip():
        msg = "The seed has no article text."
        problems.append(Problem(file, split.body_line, Severity.ERROR, "empty-body", msg))
    digest = hashlib.sha256(" ".join(split.body.split()).casefold().encode()).hexdigest()
    seed = RawSeed(
        id, file, text, split.meta, split.origin, split.body, split.body_line, digest, split.lines
    )
    return seed, problems


@dataclass(frozen=True, slots=True)
class Split:
    """The result of separating metadata from body."""

    meta: Mapping[str, Any]
    origin: Origin | None
    body: str
    body_line: int
    lines: Mapping[str, int] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()


def split_metadata(text: str, file: str) -> Split:
    """Separate the metadata block (if any) from the article body.

    Args:
        text: The decoded seed (newlines normalised to LF).
        file: Path used in problem messages.

    Returns:
        The metadata, where it came from, the body and its first line.
    """
    lines = text.split("\n")
    # python-frontmatter recognises the block; the split itself is done by line
    # here because its splitter raises on an unclosed block and drops line numbers.
    if _FRONT_MATTER.detect(text) or _FM_OPEN.fullmatch(lines[0]):
        return _split_front_matter(lines, file)
    inline = _HEADER.match(text)
    # `` date 2023-11-21 Body…`` wins when its value is a date on its own, so a
    # short body on the header's line is not swallowed by the whole-line form.
    if inline and parse_declared(inline.group("value")) is not None:
        return _header_split(text, inline, 1)
    whole_line = _HEADER_LINE.match(text)
    if whole_line:
        return _header_split(text, whole_line, 2)
    if inline:
        return _header_split(text, inline, 1)
    return Split({}, None, text, 1)


def _header_split(text: str, match: re.Match[str], body_line: int) -> Split:
    meta = {"date": match.group("value")}
    return Split(meta, Origin.HEADER, text[match.end() :], body_line, {"date": 1})


def _split_front_matter(lines: Sequence[str], file: str) -> Split:
    close = next((i for i in range(1, len(lines)) if _FM_CLOSE.fullmatch(lines[i])), None)
    if close is None:
        msg = "The front matter opened with '---' on line 1 is never closed by a second '---' line."
        problem = Problem(file, 1, Severity.ERROR, "front-matter-unclosed", msg)
        return Split({}, None, "\n".join(lines), 1, problems=(problem,))
    body, body_line = _body_after(lines, close)
    fm_text = "\n".join(lines[1:close])
    # The YAML text starts on file line 2, so parser line 0 is file line 2.
    loaded, yaml_problem = _load_yaml(fm_text, file, first_line=2)
    if yaml_problem is not None and isinstance(loaded, dict):
        # One value could not be built; the other keys are kept.
        meta = {str(k): v for k, v in loaded.items()}
        key_lines = _key_lines(fm_text, 2)
        return Split(meta, Origin.FRONT_MATTER, body, body_line, key_lines, (yaml_problem,))
    if yaml_problem is not None:
        return Split({}, None, body, body_line, problems=(yaml_problem,))
    if loaded is None:
        return Split({}, Origin.FRONT_MATTER, body, body_line)
    if not isinstance(loaded, dict):
        msg = f"The front matter must be a mapping of keys to values, not {yaml_kind(loaded)}."
        problem = Problem(file, 2, Severity.ERROR, "front-matter-type", msg)
        return Split({}, None, body, body_line, problems=(problem,))
    meta = {str(k): v for k, v in loaded.items()}
    return Split(meta, Origin.FRONT_MATTER, body, body_line, _key_lines(fm_text, 2))


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


def _body_after(lines: Sequence[str], close: int) -> tuple[str, int]:
    """Body after the closing delimiter, from its first non-blank line, and that line."""
    start = close + 1
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start >= len(lines):
        return "", close + 2
    return "\n".join(lines[start:]), start + 1


def _load_yaml(fm_text: str, file: str, first_line: int) -> tuple[Any, Problem | None]:
    try:
        alias = _first_alias_line(fm_text)
        if alias is not None:
            msg = "YAML aliases (*name) are not allowed in front matter; it was ignored."
            return None, Problem(file, first_line + alias, Severity.ERROR, "yaml-alias", msg)
        return yaml.load(fm_text, Loader=_MetaLoader), None
    except yaml.YAMLError as exc:
        return None, _yaml_problem(exc, file, first_line)
    except RecursionError:
        msg = "Malformed YAML front matter: it is nested too deeply."
        return None, Problem(file, first_line, Severity.ERROR, "yaml-syntax", msg)
    except _CONSTRUCTOR_ERRORS:
        return _load_per_key(fm_text, file, first_line)


# PyYAML's constructors raise these for values such as 2023-02-30 or !!int abc.
_CONSTRUCTOR_ERRORS = (ValueError, KeyError, AttributeError, TypeError, OverflowError)


def _load_per_key(fm_text: str, file: str, first_line: int) -> tuple[Any, Problem | None]:
    """Build the mapping key by key, leaving out the first value YAML cannot build.

    The rest of the front matter is kept, and the problem names the bad key's line.
    """
    loader = _MetaLoader(fm_text)
    try:
        root = loader.get_single_node()
        if not isinstance(root, yaml.MappingNode):
            raise TypeError("not a mapping")
        result: dict[Any, Any] = {}
        problem: Problem | None = None
        for key_node, value_node in root.value:
            try:
                key = loader.construct_object(key_node, deep=True)
                result[key] = loader.construct_object(value_node, deep=True)
            except _CONSTRUCTOR_ERRORS as exc:
                if problem is None:
                    line = first_line + key_node.start_mark.line
                    msg = f"YAML cannot build the value of {key_node.value!r} ({exc}); ignored."
                    problem = Problem(file, line, Severity.ERROR, "yaml-value", msg)
        return result, problem
    except (*_CONSTRUCTOR_ERRORS, yaml.YAMLError) as exc:
        msg = f"The front matter holds a value YAML cannot build: {exc}."
        return None, Problem(file, first_line, Severity.ERROR, "yaml-value", msg)
    finally:
        loader.dispose()


def _first_alias_line(fm_text: str) -> int | None:
    # Aliases can expand exponentially ("billion laughs") once the metadata
    # is serialised, so they are refused before anything is built.
    for token in yaml.scan(fm_text, Loader=_MetaLoader):
        if isinstance(token, yaml.AliasToken):
            line: int = token.start_mark.line
            return line
    return None


def _yaml_problem(exc: yaml.YAMLError, file: str, first_line: int) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = first_line + mark.line if mark is not None else first_line
    reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    detail = f"{context}: {reason}" if context else reason
    msg = f"Malformed YAML front matter: {detail}."
    return Problem(file, line, Severity.ERROR, "yaml-syntax", msg)


def _key_lines(fm_text: str, first_line: int) -> dict[str, int]:
    """Map each top-level front-matter key to its 1-based line in the file."""
    try:
        node = yaml.compose(fm_text, Loader=_MetaLoader)
    except (yaml.YAMLError, RecursionError):
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {
        str(key.value): first_line + key.start_mark.line
        for key, _ in node.value
        if isinstance(key, yaml.ScalarNode)
    }
