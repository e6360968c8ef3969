"""The one vocabulary of problems: every code a seed or registry problem may carry.

A :class:`~generator.models.Problem` names a file, a line, a severity, a code
and a message. The code is stable and machine-readable; this catalogue says
what each one means, so that seeds and registries share one set of codes (the
same YAML mistake is ``yaml-syntax`` wherever it happens) and the README lists
them all (``python -m generator.problems`` prints the table it holds).

Messages follow one style: a sentence starting with a capital letter and
ending with a full stop, saying what is wrong and what was done about it
("…; it was ignored."). Names the reader wrote are quoted.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from generator.models import Problem, Severity

__all__ = ["CATALOGUE", "Problem", "ProblemCode", "Severity", "markdown_table"]


@dataclass(frozen=True, slots=True)
class ProblemCode:
    """One problem code and what it means.

    Attributes:
        code: The code as it appears in problems, e.g. ``yaml-syntax``.
        severity: The severity it is reported with (``--strict`` turns
            warnings into errors).
        group: What is being read when it happens (files, YAML, metadata, …).
        meaning: What is wrong, in plain words.
    """

    code: str
    severity: Severity
    group: str
    meaning: str


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO
_FILES = "Files"
_YAML = "YAML (front matter and registries)"
_META = "Article metadata"
_REG = "Registries (outlets.yml, actors.yml)"
_RUN = "The run"

_CODES = (
    ProblemCode("symlink", _E, _FILES, "A symbolic link (seed, folder or registry); not followed."),
    ProblemCode("hidden", _I, _FILES, "A hidden file or folder; not read."),
    ProblemCode("not-a-file", _W, _FILES, "A folder named like a seed, or not a regular file."),
    ProblemCode("unsupported-file", _W, _FILES, "A file that is not .md or .txt; not read."),
    ProblemCode("unreadable", _E, _FILES, "The file (seed or registry) cannot be read."),
    ProblemCode("empty", _E, _FILES, "The file is empty."),
    ProblemCode("binary", _E, _FILES, "The file is binary, not text; skipped."),
    ProblemCode("encoding", _W, _FILES, "Not UTF-8 (UTF-16/32, or invalid bytes); converted."),
    ProblemCode("double-bom", _W, _FILES, "More than one byte order mark; the extra ones removed."),
    ProblemCode(
        "control-characters", _W, _FILES, "Control or bidirectional-override characters removed."
    ),
    ProblemCode("too-large", _E, _FILES, "The seed is over the size limit; not read."),
    ProblemCode("too-many-lines", _E, _FILES, "The seed has more lines than the limit; not read."),
    ProblemCode("line-too-long", _E, _FILES, "A line is longer than the limit; the seed not read."),
    ProblemCode("markdown-limit", _W, _FILES, "Markdown nests too deep on a line; shown as text."),
    ProblemCode("empty-body", _E, _FILES, "The seed has metadata but no article text."),
    ProblemCode("duplicate", _W, _FILES, "The same article text as another seed."),
    ProblemCode("duplicate-id", _W, _FILES, "Two seeds give the same article id; one renamed."),
    ProblemCode("front-matter-unclosed", _E, _YAML, "The front matter's '---' is never closed."),
    ProblemCode("front-matter-type", _E, _YAML, "The front matter is not a mapping of keys."),
    ProblemCode("yaml-syntax", _E, _YAML, "Malformed YAML; the document was ignored."),
    ProblemCode("yaml-depth", _E, _YAML, "Lists or mappings nest too deeply; ignored."),
    ProblemCode("yaml-alias", _E, _YAML, "A YAML alias (*name); refused, the document ignored."),
    ProblemCode("yaml-value", _E, _YAML, "A value YAML cannot build (e.g. 2023-02-30); ignored."),
    ProblemCode("duplicate-key", _W, _YAML, "A key repeated in one mapping; the last value kept."),
    ProblemCode("title-type", _W, _META, "'title' is not text; ignored."),
    ProblemCode("date-format", _W, _META, "'date' is empty, out of range or in an unknown form."),
    ProblemCode("sources-type", _W, _META, "'sources' holds entries that are not URLs."),
    ProblemCode("unsafe-url", _W, _META, "A link with an unsafe or unknown scheme; ignored."),
    ProblemCode("tags-not-list", _W, _META, "'tags' is text, not a list; split on commas."),
    ProblemCode("tags-type", _W, _META, "'tags' or one tag is not a word; ignored."),
    ProblemCode("tags-empty", _W, _META, "An empty tag; ignored."),
    ProblemCode("external-image", _W, _META, "An image from another site; shown as a link."),
    ProblemCode("registry-shape", _E, _REG, "A registry or an entry of it has the wrong shape."),
    ProblemCode("registry-missing-name", _E, _REG, "A registry entry has no 'name'."),
    ProblemCode("registry-unknown-key", _W, _REG, "An unknown key in a registry; ignored."),
    ProblemCode("registry-duplicate-alias", _E, _REG, "A name already claimed by another entry."),
    ProblemCode("registry-duplicate-id", _E, _REG, "Two entries give the same page id."),
    ProblemCode("markup-in-name", _W, _REG, "A registered name holds Markdown or HTML markup."),
    ProblemCode("actor-missing-type", _E, _REG, "An actor entry has no 'type'."),
    ProblemCode("actor-unknown-type", _E, _REG, "An actor's 'type' is not one of the known types."),
    ProblemCode("actor-unknown-relation", _E, _REG, "An affiliation's relation is not known."),
    ProblemCode("actor-unknown-affiliation", _E, _REG, "An affiliation names an unknown actor."),
    ProblemCode("actor-unregistered", _I, _RUN, "A name that looks like an actor, not registered."),
    ProblemCode("place-unregistered", _I, _RUN, "A name that looks like a place, not registered."),
    ProblemCode("actor-variant-merged", _I, _RUN, "A spelling variant merged into an actor."),
    ProblemCode("urls-lock", _W, _RUN, "The URL ledger (urls.lock) cannot be used as it is."),
    ProblemCode("internal-error", _E, _RUN, "The generator failed on this file; a bug to report."),
)

CATALOGUE: MappingProxyType[str, ProblemCode] = MappingProxyType({c.code: c for c in _CODES})
"""Every problem code, in the order the README lists them."""


def markdown_table() -> str:
    """The catalogue as the Markdown table the README holds."""
    rows = ["| Code | Severity | About | Meaning |", "|---|---|---|---|"]
    rows += [f"| `{c.code}` | {c.severity} | {c.group} | {c.meaning} |" for c in _CODES]
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
