"""Faster pickling of the frozen records that cross processes and fill the cache.

A frozen dataclass with ``slots=True`` pickles through the ``__getstate__``
that :mod:`dataclasses` writes for it, which looks its fields up again for
every object: on the records of an event's comparison (sentences, units,
claims; about a hundred thousand objects for 339 articles) that was most of
the main process's time spent handing work to the worker processes and
writing the cache. Reduced to "the class and its field values, in order",
the same objects pickle and load in about half the time, as the same values.

Registration is a speed-up only: a pickle written either way loads either
way, and only records whose constructor takes every field and checks nothing
(no ``__post_init__``) are registered, so rebuilding through the constructor
gives an equal object.
"""

from __future__ import annotations

import copyreg
import dataclasses
import importlib
import operator
from collections.abc import Callable, Iterable
from typing import Any

#: Modules whose records travel between processes or into the cache.
MODULES = (
    "generator.models",
    "generator.text.blocks",
    "generator.text.document",
    "generator.text.dates",
    "generator.text.datementions",
    "generator.events.model",
    "generator.events.document",
    "generator.events.claims",
    "generator.events.numbers",
    "generator.events.slotunits",
    "generator.events.quotes",
    "generator.events.prepare",
    "generator.events.analyse",
    "generator.actors.extract",
    "generator.actors.records",
)


def _reducer(cls: type[Any]) -> Callable[[Any], tuple[type[Any], tuple[Any, ...]]]:
    names = [f.name for f in dataclasses.fields(cls)]
    values = operator.attrgetter(*names)
    if len(names) == 1:
        return lambda obj: (cls, (values(obj),))
    return lambda obj: (cls, values(obj))


def rebuildable(cls: object) -> bool:
    """Whether a class is a slotted dataclass its constructor rebuilds from its fields alone.

    Args:
        cls: Any module attribute.

    Returns:
        True for a slotted dataclass whose every field is an ``__init__`` argument and
        that has no ``__post_init__``.
    """
    return (
        isinstance(cls, type)
        and dataclasses.is_dataclass(cls)
        and "__slots__" in vars(cls)
        and not hasattr(cls, "__post_init__")
        and bool(dataclasses.fields(cls))
        and all(f.init for f in dataclasses.fields(cls))
    )


def register(modules: Iterable[str] = MODULES) -> int:
    """Pickle the rebuildable records defined in ``modules`` as class and field values.

    Args:
        modules: Dotted module names.

    Returns:
        How many classes were registered.
    """
    count = 0
    for name in modules:
        module = importlib.import_module(name)
        for value in vars(module).values():
            if rebuildable(value) and value.__module__ == name:
                copyreg.pickle(value, _reducer(value))
                count += 1
    return count
