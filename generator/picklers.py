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
import pickle
from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

T = TypeVar("T")

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
    "generator.events.grouping",
    "generator.events.provenance",
    "generator.events.features",
    "generator.events.analyse",
    "generator.actors.candidates",
    "generator.actors.matching",
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


class Packed(Generic[T]):
    """A value that crosses processes and the cache as the bytes it was first pickled to.

    The main process hands an article's preparation from the per-article map
    (a worker) to the cache and to an event's job (another worker) without
    ever using it: wrapped, it is unpickled only where it is read
    (:meth:`get`), and pickled once, where it was made. The wrapped value is
    never changed; the bytes are only a memo of it.
    """

    __slots__ = ("_blob", "_value")

    def __init__(self, value: T) -> None:
        self._value: T | None = value
        self._blob: bytes | None = None

    @classmethod
    def _from_blob(cls, blob: bytes) -> Packed[T]:
        packed: Packed[T] = cls.__new__(cls)
        packed._value, packed._blob = None, blob
        return packed

    def get(self) -> T:
        """The value (unpickled on first use)."""
        if self._value is None:
            assert self._blob is not None  # one of the two is always set
            self._value = pickle.loads(self._blob)
        return self._value

    def blob(self) -> bytes:
        """The value's pickle (made on first use, then kept: pickling again reuses it)."""
        if self._blob is None:
            self._blob = pickle.dumps(self._value, protocol=pickle.HIGHEST_PROTOCOL)
        return self._blob

    def __reduce__(self) -> tuple[Callable[[bytes], Packed[T]], tuple[bytes]]:
        return (type(self)._from_blob, (self.blob(),))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Packed) and self.get() == other.get()

    def __hash__(self) -> int:
        return hash(self.get())

    def __repr__(self) -> str:
        return f"Packed({self.get()!r})"
