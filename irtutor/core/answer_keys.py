"""What counts as right: the base of every answer key, and the parts several kinds share.

Each kind's own key lives in its module under `irtutor.core.kinds` (see core.kind_registry).
Every field of a key is part of the question's content hash, so renaming a field changes the
fingerprint of every stored answer to such questions: add fields with defaults instead.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields, is_dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from irtutor.core.questions import QuestionKind


class AnswerKey:
    """The base of every kind's frozen key dataclass."""

    kinds: ClassVar[tuple[QuestionKind, ...]] = ()
    """The question kinds that carry this key."""

    def fingerprint_entry(self) -> tuple[str, Any]:
        """(name, plain data) of the key in the content hash."""
        return "key", key_fingerprint(self)


@dataclass(frozen=True)
class Item:
    """Something shown to be matched, ordered or placed; `id` is what a Response names."""

    id: str
    text: str


ADDED_LATER = {"hash": "when_set"}
"""Field metadata: left out of the content hash while it has its default, so adding the field
did not change the hash of every stored answer to questions that do not use it."""
NOT_HASHED = {"hash": "never"}
"""Field metadata: derived from other questions (not what this one says), never in the hash."""


@dataclass(frozen=True)
class TextVariant:
    """A typed answer the question knows: the share of the mark it earns, in [0, 1], and the
    feedback it gets. Credit 0 with feedback marks a known wrong answer ("Soviet Union" for a
    question about 1992); the text `*` stands for any other answer."""

    text: str
    credit: float = 1.0
    feedback: str = field(default="", metadata=ADDED_LATER)

    def __post_init__(self) -> None:
        object.__setattr__(self, "credit", float(self.credit))


def key_fingerprint(key: Any) -> dict[str, Any]:
    """Everything in a key as plain JSON data, for the content hash."""
    return {"type": type(key).__name__, **_plain(key)}


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        data = {}
        for f in fields(value):
            item = getattr(value, f.name)
            rule = f.metadata.get("hash")
            default = f.default_factory() if f.default_factory is not MISSING else f.default
            if rule == "never" or (rule == "when_set" and item == default):
                continue
            data[f.name] = _plain(item)
        return data
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, frozenset | set):
        return sorted(_plain(v) for v in value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def __getattr__(name: str) -> Any:
    # Kind-specific keys (ChoiceKey, Gap, OrderingMode, ...) are defined in their kind's module;
    # looking them up here keeps the older import path working without a list to maintain.
    if name.startswith("__"):  # the import system asks for __path__ and friends
        raise AttributeError(name)
    from irtutor.core.kind_registry import key_class

    return key_class(name)
