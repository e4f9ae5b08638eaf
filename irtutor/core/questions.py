"""Question kinds and what a student's response to one looks like."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Any

from irtutor.core.answer_keys import AnswerKey, Item, TextVariant

__all__ = ["AnswerKey", "Item", "Question", "QuestionKind", "Response", "TextVariant"]


class QuestionKind(StrEnum):
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    TRUE_FALSE = "true_false"
    NUMERIC = "numeric"
    SHORT_TEXT = "short_text"
    MATCHING = "matching"
    ORDERING = "ordering"
    CLOZE = "cloze"
    MAP_SELECTION = "map_selection"
    TIMELINE_PLACEMENT = "timeline_placement"


@dataclass(frozen=True)
class Question:
    """A quiz question: the common fields, and in `key` what counts as right for its kind.

    True/false questions carry a ChoiceKey with two options, ids `true` and `false`.
    """

    id: str
    kind: QuestionKind
    prompt: str
    key: AnswerKey
    explanation: str
    page: str
    source: str = ""
    topic: str = ""
    difficulty: str = "medium"

    def __post_init__(self) -> None:
        if isinstance(self.key, tuple):  # the options tuple that came here before answer keys existed
            from irtutor.core.kinds.choice import ChoiceKey

            object.__setattr__(self, "key", ChoiceKey(self.key))
        if self.kind not in getattr(type(self.key), "kinds", ()):
            raise TypeError(f"a {self.kind} question cannot carry a {type(self.key).__name__}")

    @property
    def options(self) -> tuple[Any, ...]:
        """The options of a choice question; () for the other kinds."""
        return getattr(self.key, "options", ())

    @property
    def correct_ids(self) -> frozenset[str]:
        return getattr(self.key, "correct_ids", frozenset())

    def option(self, option_id: str) -> Any:
        return next((o for o in self.options if o.id == option_id), None)

    def content_hash(self) -> str:
        """Fingerprint of what the student saw and what counted as right.

        Stored with every answer, so a later edit of the lesson is visible in history
        instead of silently changing what an old answer meant.
        """
        return self._content_hash

    @cached_property
    def _content_hash(self) -> str:
        # Once per question: every submit and every replayed answer in the history asks for it, and
        # it serialises the whole key. The question is frozen (an edit makes a new one), so it never goes stale.
        name, data = self.key.fingerprint_entry()
        payload: dict[str, Any] = {"kind": str(self.kind), "prompt": self.prompt, name: data}
        canonical = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


Pairs = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Response:
    """What a student answered; each kind fills the fields it needs and leaves the rest empty.

    - `selected`: option ids (choice kinds), country ISO3 codes (map_selection);
    - `text`: what was typed, as typed (numeric, short_text);
    - `pairs`: (left id, right id) for matching; (event id, year as typed) for timeline_placement;
    - `order`: item ids from first to last (ordering);
    - `gaps`: (gap id, chosen or typed text) for cloze.

    `pairs` and `gaps` are mappings kept as sorted tuples, so equal answers compare equal;
    a later pair for the same id replaces an earlier one.
    """

    selected: frozenset[str] = frozenset()
    text: str = ""
    pairs: Pairs = ()
    order: tuple[str, ...] = ()
    gaps: Pairs = ()

    def __post_init__(self) -> None:
        # Accept any iterable (lists from JSON, dicts from widgets) and store one canonical form.
        object.__setattr__(self, "selected", frozenset(self.selected))
        object.__setattr__(self, "pairs", _sorted_pairs(self.pairs))
        object.__setattr__(self, "order", tuple(self.order))
        object.__setattr__(self, "gaps", _sorted_pairs(self.gaps))

    @classmethod
    def of(cls, *option_ids: str) -> Response:
        return cls(frozenset(option_ids))

    def is_empty(self) -> bool:
        """True when nothing is answered yet: no choice, no text but spaces, no pair, order or filled gap."""
        filled_gap = any(value.strip() for _, value in self.gaps)
        return not (self.selected or self.text.strip() or self.pairs or self.order or filled_gap)

    def pair_map(self) -> dict[str, str]:
        return dict(self.pairs)

    def gap_map(self) -> dict[str, str]:
        return dict(self.gaps)

    def to_json(self) -> dict[str, Any]:
        """Only the fields in use; an empty response keeps the oldest form, `{"selected": []}`."""
        data: dict[str, Any] = {}
        if self.selected:
            data["selected"] = sorted(self.selected)
        if self.text:
            data["text"] = self.text
        if self.pairs:
            data["pairs"] = dict(self.pairs)
        if self.order:
            data["order"] = list(self.order)
        if self.gaps:
            data["gaps"] = dict(self.gaps)
        return data or {"selected": []}

    @classmethod
    def from_json(cls, data: object) -> Response:
        """Read any form `to_json` ever wrote, including the first, `{"selected": [...]}`."""
        if not isinstance(data, dict) or not data.keys() & _JSON_FIELDS:
            raise ValueError(f"not a stored response: {data!r}")
        text = data.get("text", "")
        if not isinstance(text, str):
            raise ValueError(f"not a stored response: {data!r}")
        return cls(
            selected=frozenset(_json_list(data, "selected")),
            text=text,
            pairs=_json_mapping(data, "pairs"),
            order=tuple(_json_list(data, "order")),
            gaps=_json_mapping(data, "gaps"),
        )


_JSON_FIELDS = {"selected", "text", "pairs", "order", "gaps"}


def _sorted_pairs(pairs: Iterable[tuple[str, str]] | Mapping[str, str]) -> Pairs:
    mapping = dict(pairs.items() if isinstance(pairs, Mapping) else pairs)
    return tuple(sorted(mapping.items()))


def _json_list(data: dict[str, Any], name: str) -> list[str]:
    value = data.get(name, [])
    if not isinstance(value, list):
        raise ValueError(f"stored response field {name!r} is not a list: {value!r}")
    return [str(x) for x in value]


def _json_mapping(data: dict[str, Any], name: str) -> dict[str, str]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise ValueError(f"stored response field {name!r} is not a mapping: {value!r}")
    return {str(k): str(v) for k, v in value.items()}


def __getattr__(name: str) -> Any:
    # ChoiceKey, Option, true_false_options and the other kinds' parts live in their kind's module.
    if name.startswith("__"):  # the import system asks for __path__ and friends
        raise AttributeError(name)
    from irtutor.core.kind_registry import key_class

    return key_class(name)
