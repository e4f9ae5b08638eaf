"""What counts as right: one frozen answer key per family of question kinds.

A Question carries exactly one key; `grade()` reads it. Every field of a key is part of the
question's content hash, so renaming a field here changes the fingerprint of every stored
answer to such questions: add fields with defaults instead.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any, TypeAlias


@dataclass(frozen=True)
class Option:
    """One option of a choice question.

    `weight` is the share of the full mark that choosing it earns in [-1, 1] (quiz.yaml writes
    it in percent). Weights are Moodle's per-option grades; None on every option keeps the
    plain rule (right picks minus wrong picks).
    """

    id: str
    text: str
    correct: bool = False
    feedback: str = ""
    weight: float | None = None

    def __post_init__(self) -> None:
        if self.weight is not None:  # 1 and 1.0 must hash alike
            object.__setattr__(self, "weight", float(self.weight))


@dataclass(frozen=True)
class ChoiceKey:
    """single_choice, multiple_choice and true_false: the options, in the order they are shown."""

    options: tuple[Option, ...]

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(o.id for o in self.options if o.correct)

    @property
    def weighted(self) -> bool:
        return any(o.weight is not None for o in self.options)

    def fingerprint(self) -> list[list[Any]]:
        # Unweighted rows keep the form hashed before keys existed, so old answers still match.
        return [[o.id, o.text, o.correct, *([] if o.weight is None else [o.weight])] for o in self.options]


@dataclass(frozen=True)
class NumericKey:
    """A number, right within `tolerance` (absolute, or percent of `value`), with an optional unit."""

    value: float
    tolerance: float = 0.0
    tolerance_is_percent: bool = False
    unit: str = ""

    def __post_init__(self) -> None:
        # Whole numbers from YAML and floats from code must hash alike.
        object.__setattr__(self, "value", float(self.value))
        object.__setattr__(self, "tolerance", float(self.tolerance))

    @property
    def margin(self) -> float:
        """The largest accepted distance from `value`."""
        return abs(self.value) * self.tolerance / 100 if self.tolerance_is_percent else self.tolerance

    def accepts(self, number: float) -> bool:
        # A hair of slack so that 0.1 + 0.2 style rounding never turns a right answer wrong.
        return abs(number - self.value) <= self.margin + 1e-9 * max(1.0, abs(self.value))


@dataclass(frozen=True)
class TextVariant:
    """An accepted answer and the share of the mark it earns, in (0, 1]."""

    text: str
    credit: float = 1.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "credit", float(self.credit))


@dataclass(frozen=True)
class TextKey:
    """short_text: accepted variants; the best-matching one sets the score."""

    variants: tuple[TextVariant, ...]
    case_sensitive: bool = False
    accent_sensitive: bool = False

    @property
    def best(self) -> TextVariant:
        """The variant shown as "the answer": the first with the highest credit."""
        return max(self.variants, key=lambda v: v.credit)


@dataclass(frozen=True)
class Item:
    """Something shown to be matched or ordered; `id` is what a Response names."""

    id: str
    text: str


@dataclass(frozen=True)
class MatchingKey:
    """matching: each left goes with one right; rights may include distractors that match nothing."""

    lefts: tuple[Item, ...]
    rights: tuple[Item, ...]
    pairs: tuple[tuple[str, str], ...]

    @property
    def answer(self) -> dict[str, str]:
        """left id -> the right id it goes with."""
        return dict(self.pairs)

    def right_text(self, right_id: str) -> str:
        return next((r.text for r in self.rights if r.id == right_id), right_id)


class OrderingMode(StrEnum):
    """How a partly right order scores; the names and rules of Moodle's ordering question."""

    ALL_OR_NOTHING = "all_or_nothing"
    ABSOLUTE_POSITION = "absolute_position"
    RELATIVE_TO_NEXT = "relative_to_next"
    LONGEST_ORDERED_SUBSEQUENCE = "longest_ordered_subsequence"


@dataclass(frozen=True)
class OrderingKey:
    """ordering: the items in their right order (the widget shows them shuffled)."""

    items: tuple[Item, ...]
    mode: OrderingMode = OrderingMode.LONGEST_ORDERED_SUBSEQUENCE

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.items)


@dataclass(frozen=True)
class Gap:
    """One blank of a cloze text: a choice list when `choices` is set, else typed.

    `variants` are what earns credit: for a choice list, the right choice's text (matched
    exactly); for a typed gap, the accepted answers (matched like short text).
    """

    id: str
    choices: tuple[str, ...] = ()
    variants: tuple[TextVariant, ...] = ()

    @property
    def is_choice(self) -> bool:
        return bool(self.choices)


@dataclass(frozen=True)
class ClozeKey:
    """cloze: running text with gaps, in reading order."""

    segments: tuple[str | Gap, ...]

    @property
    def gaps(self) -> tuple[Gap, ...]:
        return tuple(s for s in self.segments if isinstance(s, Gap))


@dataclass(frozen=True)
class MapKey:
    """map_selection: the countries (ISO3 codes) to select on the map, borders and members as of `year`.

    `names` gives each code's country name for feedback (filled by the loader from the outlines).
    """

    countries: tuple[str, ...]
    year: int | None = None
    names: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "countries", tuple(sorted(set(self.countries))))

    def name(self, iso3: str) -> str:
        return dict(self.names).get(iso3, iso3)


@dataclass(frozen=True)
class TimelineKey:
    """timeline_placement: events to place at their year; `years[i]` is the year of `events[i]`.

    A placement within `tolerance_years` of the right year counts as right.
    """

    events: tuple[Item, ...]
    years: tuple[int, ...]
    tolerance_years: int = 0

    def year_of(self, event_id: str) -> int | None:
        return next((y for e, y in zip(self.events, self.years, strict=True) if e.id == event_id), None)


AnswerKey: TypeAlias = ChoiceKey | NumericKey | TextKey | MatchingKey | OrderingKey | ClozeKey | MapKey | TimelineKey


def key_fingerprint(key: AnswerKey) -> dict[str, Any]:
    """Everything in a key as plain JSON data, for the content hash."""
    return {"type": type(key).__name__, **asdict(key)}

