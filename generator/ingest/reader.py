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

import hashlib
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontmatter.default_handlers import YAMLHandler
from slugify import slugify

from generator.ingest import limits
from generator.ingest.decode import decode, neutralise
from generator.ingest.yaml_policy import FRONT_MATTER, key_lines, load_yaml, yaml_kind
from generator.models import Origin, Problem, RawSeed, Severity
from generator.slugs import capped, unreserved
from generator.text.dates import parse_declared
from generator.text.plurals import plural
from generator.thresholds import INPUT_LIMITS

SEED_SUFFIXES = (".md", ".txt")


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
        if size > INPUT_LIMITS.seed_bytes:
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
    if len(data) > INPUT_LIMITS.seed_bytes:
        return None, [_too_large(file, len(data))]
    text, problems = decode(data, file)
    if text is None:
        return None, problems
    long = limits.long_line(text)
    if long is not None:
        msg = (
            f"Line {long[0]} is {long[1]:,} characters long; the limit is "
            f"{INPUT_LIMITS.line_chars:,}. The seed was not read."
        )
        return None, [*problems, Problem(file, long[0], Severity.ERROR, "line-too-long", msg)]
    lines = limits.too_many_lines(text)
    if lines is not None:
        msg = f"The file has {lines:,} lines; the limit is {INPUT_LIMITS.lines:,}. It was not read."
        line = INPUT_LIMITS.lines + 1
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
        f"The file is {size:,} bytes; the limit for a seed is {INPUT_LIMITS.seed_bytes:,}. "
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
        f"Brackets or emphasis nest more than {INPUT_LIMITS.markdown_depth} deep, or more than "
        f"{INPUT_LIMITS.markup_chars:,} Markdown characters, on this line{more}; "
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
    doc = load_yaml(fm_text, file, FRONT_MATTER, first_line=2)
    loaded = doc.data
    found = [doc.error] if doc.error is not None else []
    if doc.error is not None and not isinstance(loaded, dict):
        return Split({}, None, body, body_line, problems=tuple(found))
    if loaded is None:
        return Split({}, Origin.FRONT_MATTER, body, body_line)
    if not isinstance(loaded, dict):
        msg = f"The front matter must be a mapping of keys to values, not {yaml_kind(loaded)}."
        problem = Problem(file, 2, Severity.ERROR, "front-matter-type", msg)
        return Split({}, None, body, body_line, problems=(problem,))
    # With an error, one value could not be built and the other keys are kept.
    lines_of = key_lines(doc.node, 2)
    found += doc.duplicates
    meta: dict[str, Any] = {}
    for key, value in loaded.items():
        clean, unsafe = _clean_value(value, file, lines_of.get(str(key), 2))
        meta[str(key)] = clean
        found += unsafe[:1]
    return Split(meta, Origin.FRONT_MATTER, body, body_line, lines_of, tuple(found))


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
