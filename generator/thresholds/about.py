"""How a threshold field is declared: its value, or where to read it, and its description.

Every field carries its description in ``metadata``: a short ``label``, the
``meaning`` in plain words, and the ``unit`` its value counts ("word", "day",
…; empty for a plain number such as a share or a weight).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import field
from typing import Any


def _about(label: str, meaning: str, unit: str = "") -> dict[str, str]:
    return {"label": label, "meaning": meaning, "unit": unit}


def setting(value: Any, label: str, meaning: str, unit: str = "") -> Any:
    """A field whose value lives here (the code reads it from the dataclass)."""
    return field(default=value, metadata=_about(label, meaning, unit))


def listed(module: str, name: str, label: str, meaning: str, unit: str = "") -> Any:
    """A field whose value is the constant ``name`` of ``module``, read when built."""

    def read() -> Any:
        try:
            return getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError) as exc:
            # A constant moved or renamed: say where to fix the reference.
            msg = f"generator/thresholds lists {module}.{name}, which no longer exists"
            raise LookupError(msg) from exc

    factory: Callable[[], Any] = read
    return field(default_factory=factory, metadata=_about(label, meaning, unit))
