"""ordering: items to put in order, scored by one of Moodle's four modes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from irtutor.core.answer_keys import AnswerKey, Item
from irtutor.core.kind_registry import Graded, KeyReader, KindRules
from irtutor.core.kinds.common import label, refuse_repeats
from irtutor.core.questions import Question, QuestionKind, Response
from irtutor.core.verdicts import PartVerdict, Verdict

RIGHT_ORDER = "The right order: {order}."
PLACE_IS = "Position {number} in the right order."


class OrderingMode(StrEnum):
    """How a partly right order scores; the names and rules of Moodle's ordering question."""

    ALL_OR_NOTHING = "all_or_nothing"
    ABSOLUTE_POSITION = "absolute_position"
    RELATIVE_TO_NEXT = "relative_to_next"
    LONGEST_ORDERED_SUBSEQUENCE = "longest_ordered_subsequence"


@dataclass(frozen=True)
class OrderingKey(AnswerKey):
    """The items in their right order (the widget shows them shuffled)."""

    kinds = (QuestionKind.ORDERING,)

    items: tuple[Item, ...]
    mode: OrderingMode = OrderingMode.LONGEST_ORDERED_SUBSEQUENCE

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.items)


def grade(question: Question, response: Response) -> Graded:
    from irtutor.core.ordering import items_in_place, score_order

    key: OrderingKey = question.key  # type: ignore[assignment]
    score = score_order(key.mode, key.ids, response.order)
    well_placed = items_in_place(key.mode, key.ids, response.order)
    given = set(response.order)
    parts = tuple(
        PartVerdict(item.id, Verdict.RIGHT if item.id in well_placed else
                    Verdict.WRONG if item.id in given else Verdict.MISSED,
                    1.0 if item.id in well_placed else 0.0, "", PLACE_IS.format(number=number))
        for number, item in enumerate(key.items, start=1))
    if score >= 1.0:
        return Graded(1.0, parts)
    return Graded(score, parts, (RIGHT_ORDER.format(order=" → ".join(i.text for i in key.items)),))


def describe_response(question: Question, response: Response) -> str:
    texts = {item.id: item.text for item in question.key.items}  # type: ignore[union-attr]
    return " → ".join(texts.get(item_id, item_id) for item_id in response.order)


def describe_correct(question: Question) -> str:
    return " → ".join(item.text for item in question.key.items)  # type: ignore[union-attr]


def right_response(question: Question) -> Response:
    return Response(order=question.key.ids)  # type: ignore[union-attr]


def read(reader: KeyReader) -> OrderingKey:
    items = tuple(Item(f"i{i + 1}", label(text)) for i, text in enumerate(reader.data["items"]))
    refuse_repeats(reader, [item.text for item in items], lambda i: ("items", i), "item")
    return OrderingKey(items, OrderingMode(reader.data.get("grading", OrderingMode.LONGEST_ORDERED_SUBSEQUENCE)))

RULES = KindRules(OrderingKey.kinds, OrderingKey, frozenset({"order"}), grade, describe_response, describe_correct,
                  right_response, read)
