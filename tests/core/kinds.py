"""Small builders of questions of every kind, shared by the core tests."""

from __future__ import annotations

from irtutor.core.cloze import parse_cloze
from irtutor.core.questions import (
    AnswerKey,
    ChoiceKey,
    Item,
    MatchingKey,
    NumericKey,
    Option,
    OrderingKey,
    OrderingMode,
    Question,
    QuestionKind,
    TextKey,
    TextVariant,
)

KIND_OF_KEY = {NumericKey: QuestionKind.NUMERIC, TextKey: QuestionKind.SHORT_TEXT, MatchingKey: QuestionKind.MATCHING,
               OrderingKey: QuestionKind.ORDERING}


def make(key: AnswerKey, kind: QuestionKind | None = None) -> Question:
    kind = kind or KIND_OF_KEY.get(type(key), QuestionKind.CLOZE)
    return Question("q", kind, "Prompt?", key, "Because.", "01-intro", "src")


def weighted(*rows: tuple[str, bool, float | None]) -> Question:
    """A multiple choice question from (id, correct, weight) rows."""
    options = tuple(Option(oid, f"option {oid}", correct, "", weight) for oid, correct, weight in rows)
    return make(ChoiceKey(options), QuestionKind.MULTIPLE_CHOICE)


def numeric(value: float, tolerance: float = 0.0, percent: bool = False, unit: str = "") -> Question:
    return make(NumericKey(value, tolerance, percent, unit))


def short_text(*variants: str | tuple[str, float], case: bool = False, accents: bool = False) -> Question:
    parsed = tuple(TextVariant(v) if isinstance(v, str) else TextVariant(*v) for v in variants)
    return make(TextKey(parsed, case, accents))


def matching(pairs: dict[str, str], distractors: tuple[str, ...] = ()) -> Question:
    """Lefts and rights named by their text, which is also their id."""
    rights = tuple(dict.fromkeys([*pairs.values(), *distractors]))
    return make(MatchingKey(tuple(Item(t, t) for t in pairs), tuple(Item(t, t) for t in rights),
                            tuple(pairs.items())))


def ordering(ids: str | list[str], mode: OrderingMode = OrderingMode.LONGEST_ORDERED_SUBSEQUENCE) -> Question:
    return make(OrderingKey(tuple(Item(i, f"item {i}") for i in ids), mode))


def cloze(text: str) -> Question:
    return make(parse_cloze(text))


FOUNDING = "NATO was founded in {{1949}} by {{twelve|twenty|eight}} states led by the {{USA;United States}}."
