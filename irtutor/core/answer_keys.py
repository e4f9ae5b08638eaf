"""What counts as right: the base of every answer key, and the parts several kinds share.

Each kind's own key lives in its module under `irtutor.core.kinds` (see core.kind_registry).
Every field of a key is part of the question's content hash, so renaming a field changes the
fingerprint of every stored answer to such questions: add fields with defaults instead.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
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


@dataclass(frozen=True)
class TextVariant:
    """An accepted answer and the share of the mark it earns, in (0, 1]."""

    text: str
    credit: float = 1.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "credit", float(self.credit))


def key_fingerprint(key: Any) -> dict[str, Any]:
    """Everything in a key as plain JSON data, for the content hash."""
    return {"type": type(key).__name__, **asdict(key)}


def __getattr__(name: str) -> Any:
    # Kind-specific keys (ChoiceKey, Gap, OrderingMode, ...) are defined in their kind's module;
    # looking them up here keeps the older import path working without a list to maintain.
    if name.startswith("__"):  # the import system asks for __path__ and friends
        raise AttributeError(name)
    from irtutor.core.kind_registry import key_class

    return key_class(name)
