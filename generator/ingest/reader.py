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
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler
from slugify import slugify

from generator.dates import parse_declared
from generator.ingest import limits
from generator.models import Origin, Problem, RawSeed, Severity
from generator.plurals import plural
from generator.slugs import capped, unreserved

SEED_SUFFIXES = (".md", ".txt")

# A control character other than tab/newline/CR/form feed is a strong sign of a
# binary file; text editors do not produce them.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_BINARY_CONTROL_SHARE = 0.05
_SAMPLE = 8192
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
# Characters no article needs and that can hide or reorder text: C0/C1 controls
# (tab and newline are kept) and the bidirectional embedding/override/isolate
# controls (U+202A-U+202E, U+2066-U+2069), which can make a title read backwards.
_UNSAFE_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_WHITESPACE_CONTROLS = {"\x0b": " ", "\x0c": " "}

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


def unread_files(seeds_dir: Path, registries: frozenset[str]) -> list[Problem]:
    """A problem for every entry under ``seeds_dir`` that is not read as a seed, saying why.

    Hidden files and folders (reported once, not entered), symbolic links other
    than ``*.md``/``*.txt`` ones (which the reader refuses itself), folders named
    like seeds, and files of other types. The registries at the top are exempt.
    """
    problems: list[Problem] = []
    for folder, dirs, files in os.walk(seeds_dir):
        here = Path(folder)
        for name in sorted(dirs):
            path = here / name
            why = _unread_folder(path, name)
            if why is not None:
                problems.append(_unread(path, seeds_dir, *why))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (here / d).is_symlink())
        for name in sorted(files):
            path = here / name
            if here == seeds_dir and name in registries and not path.is_symlink():
                continue
            why = _unread_file(path, name)
            if why is not None:
                problems.append(_unread(path, seeds_dir, *why))
    return problems


def _unread_folder(path: Path, name: str) -> tuple[Severity, str, str] | None:
    if path.is_symlink():
        return Severity.ERROR, "symlink", "Symbolic links are not followed; it was not read."
    if name.startswith("."):
        return Severity.INFO, "hidden", "Hidden folder: nothing in it was read."
    if Path(name).suffix.lower() in SEED_SUFFIXES:
        msg = "A folder named like a seed: only the files in it were read."
        return Severity.WARNING, "not-a-file", msg
    return None


def _unread_file(path: Path, name: str) -> tuple[Severity, str, str] | None:
    seedlike = Path(name).suffix.lower() in SEED_SUFFIXES
    if name.startswith("."):
        return Severity.INFO, "hidden", "Hidden file: it was not read."
    if path.is_symlink():
        # Seed-named links are refused by read_seed with their own problem.
        if seedlike:
            return None
        return Severity.ERROR, "symlink", "Symbolic links are not followed; it was not read."
    if not seedlike:
        kinds = " or ".join(SEED_SUFFIXES)
        msg = f"Not a seed: only {kinds} files are read (and the registries beside them)."
        return Severity.WARNING, "unsupported-file", msg
    if not path.is_file():
        return Severity.WARNING, "not-a-file", "Not a regular file; it was not read."
    return None


def _unread(path: Path, seeds_dir: Path, severity: Severity, code: str, msg: str) -> Problem:
    return Problem(path.relative_to(seeds_dir).as_posix(), 1, severity, code, msg)


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
    # UTF-32 first: its little-endian BOM begins with UTF-16's.
    if data.startswith(_UTF32_BOMS):
        return _decode_wide(data, "utf-32", file)
    if data.startswith(_UTF16_BOMS):
        return _decode_wide(data, "utf-16", file)
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
    return _finish(text, file, problems)


def _decode_wide(data: bytes, encoding: str, file: str) -> tuple[str | None, list[Problem]]:
    text = data.decode(encoding, errors="replace").removeprefix("\ufeff")
    label = encoding.upper()
    msg = f"The file is {label}, not UTF-8; it was converted. Save it as UTF-8."
    return _finish(text, file, [Problem(file, 1, Severity.WARNING, "encoding", msg)])


def _finish(text: str, file: str, problems: list[Problem]) -> tuple[str | None, list[Problem]]:
    """Normalise newlines, drop repeated BOMs, neutralise unsafe characters."""
    text = _normalise_newlines(text)
    if text.startswith("\ufeff"):
        # A second BOM (a file converted twice) would hide the front matter.
        text = text.lstrip("\ufeff")
        msg = "The file starts with more than one byte order mark; the extra ones were removed."
        problems.append(Problem(file, 1, Severity.WARNING, "double-bom", msg))
    text, unsafe = neutralise(text, file, 1)
    problems += unsafe
    if not text.strip():
        return None, [*problems, _empty(file)]
    return text, problems


def neutralise(text: str, file: str, first_line: int) -> tuple[str, list[Problem]]:
    """Remove control and bidirectional-override characters from seed text.

    Vertical tab and form feed become spaces (they separate words); the others
    are dropped. One warning names how many there were and the first one's line.

    Args:
        text: Text with newlines normalised to LF.
        file: Path used in the problem.
        first_line: File line of the text's first line.

    Returns:
        The cleaned text and at most one problem.
    """
    found = _UNSAFE_CHARS.search(text)
    if found is None:
        return text, []
    count = len(_UNSAFE_CHARS.findall(text))
    line = first_line + text.count("\n", 0, found.start())
    cleaned = _UNSAFE_CHARS.sub(lambda m: _WHITESPACE_CONTROLS.get(m.group(), ""), text)
    msg = (
        f"{plural(count, 'control or bidirectional-override character')} removed "
        f"(the first is U+{ord(found.group()):04X})."
    )
    return cleaned, [Problem(file, line, Severity.WARNING, "control-characters", msg)]


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
        f"{plural(bad, 'undecodable byte sequence')} replaced with U+FFFD.",
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
        size = path.stat().st_size
        if size > limits.MAX_SEED_BYTES:
            return None, [_too_large(file, size)]
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
    if len(data) > limits.MAX_SEED_BYTES:
        return None, [_too_large(file, len(data))]
    text, problems = decode(data, file)
    if text is None:
        return None, problems
    long = limits.long_line(text)
    if long is not None:
        msg = (
            f"Line {long[0]} is {long[1]:,} characters long; the limit is "
            f"{limits.MAX_LINE_CHARS:,}. The seed was not read."
        )
        return None, [*problems, Problem(file, long[0], Severity.ERROR, "line-too-long", msg)]
    lines = limits.too_many_lines(text)
    if lines is not None:
        msg = f"The file has {lines:,} lines; the limit is {limits.MAX_LINES:,}. It was not read."
        line = limits.MAX_LINES + 1
        return None, [*problems, Problem(file, line, Severity.ERROR, "too-many-lines", msg)]
    split = split_metadata(text, file)
    problems += split.problems
    problems += _nesting_problems(split.body, split.body_line, file)
    if not split.body.strip():
        msg = "The seed has no article text."
        problems.append(Problem(file, split.body_line, Severity.ERROR, "empty-body", msg))
    digest = hashlib.sha256(" ".join(split.body.split()).casefold().encode()).hexdigest()
    seed = RawSeed(
        id, file, text, split.meta, split.origin, split.body, split.body_line, digest, split.lines
    )
    return seed, problems


def _too_large(file: str, size: int) -> Problem:
    msg = (
        f"The file is {size:,} bytes; the limit for a seed is {limits.MAX_SEED_BYTES:,}. "
        "It was not read."
    )
    return Problem(file, 1, Severity.ERROR, "too-large", msg)


def _nesting_problems(body: str, body_line: int, file: str) -> list[Problem]:
    """One warning for the body lines whose Markdown nests too deeply (shown as plain text)."""
    deep = [i for i, line in enumerate(body.split("\n")) if limits.too_deep(line)]
    if not deep:
        return []
    more = f" (and {plural(len(deep) - 1, 'more line')})" if len(deep) > 1 else ""
    msg = (
        f"Brackets or emphasis nest more than {limits.MAX_MARKDOWN_DEPTH} deep, or more than "
        f"{limits.MAX_MARKUP_CHARS:,} Markdown characters, on this line{more}; "
        "it is shown as plain text."
    )
    return [Problem(file, body_line + deep[0], Severity.WARNING, "markdown-limit", msg)]


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
    found = [yaml_problem] if yaml_problem is not None else []
    if yaml_problem is not None and not isinstance(loaded, dict):
        return Split({}, None, body, body_line, problems=tuple(found))
    if loaded is None:
        return Split({}, Origin.FRONT_MATTER, body, body_line)
    if not isinstance(loaded, dict):
        msg = f"The front matter must be a mapping of keys to values, not {yaml_kind(loaded)}."
        problem = Problem(file, 2, Severity.ERROR, "front-matter-type", msg)
        return Split({}, None, body, body_line, problems=(problem,))
    # With a yaml_problem, one value could not be built and the other keys are kept.
    node = _compose(fm_text)
    key_lines = _key_lines(node, 2)
    found += _duplicate_keys(node, file, 2)
    meta: dict[str, Any] = {}
    for key, value in loaded.items():
        clean, unsafe = _clean_value(value, file, key_lines.get(str(key), 2))
        meta[str(key)] = clean
        found += unsafe[:1]
    return Split(meta, Origin.FRONT_MATTER, body, body_line, key_lines, tuple(found))


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


def _clean_value(value: Any, file: str, line: int) -> tuple[Any, list[Problem]]:
    """A front-matter value with control and bidi-override characters removed from its text."""
    if isinstance(value, str):
        return neutralise(value, file, line)
    if isinstance(value, list):
        pairs = [_clean_value(item, file, line) for item in value]
        return [v for v, _ in pairs], [p for _, found in pairs for p in found]
    if isinstance(value, dict):
        out: dict[Any, Any] = {}
        problems: list[Problem] = []
        for key, item in value.items():
            out[key], found = _clean_value(item, file, line)
            problems += found
        return out, problems
    return value, []


def _load_yaml(fm_text: str, file: str, first_line: int) -> tuple[Any, Problem | None]:
    deep = limits.yaml_too_deep(fm_text)
    if deep is not None:
        msg = (
            f"The front matter nests lists or mappings more than {limits.MAX_YAML_DEPTH} "
            "deep; it was ignored."
        )
        return None, Problem(file, first_line + deep, Severity.ERROR, "yaml-depth", msg)
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


def _compose(fm_text: str) -> yaml.Node | None:
    """The YAML node tree (depth already checked), or None when it does not parse."""
    try:
        return yaml.compose(fm_text, Loader=_MetaLoader)
    except yaml.YAMLError:
        return None


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


def _key_lines(node: yaml.Node | None, first_line: int) -> dict[str, int]:
    """Map each top-level front-matter key to its 1-based line in the file."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {
        str(key.value): first_line + key.start_mark.line
        for key, _ in node.value
        if isinstance(key, yaml.ScalarNode)
    }
