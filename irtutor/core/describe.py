"""Answers put into words, for the review of a finished attempt and the review queue."""

from __future__ import annotations

from irtutor.core.answer_keys import (
    ChoiceKey,
    ClozeKey,
    MapKey,
    MatchingKey,
    NumericKey,
    OrderingKey,
    TextKey,
    TimelineKey,
)
from irtutor.core.numbers import format_number
from irtutor.core.questions import Question, Response

NO_ANSWER = "(no answer)"
EMPTY_GAP = "…"


def describe_response(question: Question, response: Response) -> str:
    """What the student answered, as a reader would say it."""
    if response.is_empty():
        return NO_ANSWER
    key = question.key
    if isinstance(key, ChoiceKey):
        return "; ".join(o.text for o in key.options if o.id in response.selected) or NO_ANSWER
    if isinstance(key, NumericKey | TextKey):
        return response.text.strip()
    if isinstance(key, MatchingKey):
        given = response.pair_map()
        return "; ".join(f"{left.text} → {key.right_text(given[left.id])}" for left in key.lefts
                         if left.id in given) or NO_ANSWER
    if isinstance(key, OrderingKey):
        texts = {item.id: item.text for item in key.items}
        return " → ".join(texts.get(item_id, item_id) for item_id in response.order)
    if isinstance(key, MapKey):
        return ", ".join(sorted(key.name(code) for code in response.selected))
    if isinstance(key, TimelineKey):
        placed = response.pair_map()
        return "; ".join(f"{e.text}: {placed[e.id]}" for e in key.events if e.id in placed) or NO_ANSWER
    return _cloze_text(key, response.gap_map())


def describe_correct(question: Question) -> str:
    """The right answer, as a reader would say it."""
    key = question.key
    if isinstance(key, ChoiceKey):
        return "; ".join(o.text for o in key.options if o.correct)
    if isinstance(key, NumericKey):
        margin = f" (± {format_number(key.margin)})" if key.margin else ""
        unit = f" {key.unit}" if key.unit else ""
        return f"{format_number(key.value)}{unit}{margin}"
    if isinstance(key, TextKey):
        return key.best.text
    if isinstance(key, MatchingKey):
        answer = key.answer
        return "; ".join(f"{left.text} → {key.right_text(answer[left.id])}" for left in key.lefts)
    if isinstance(key, OrderingKey):
        return " → ".join(item.text for item in key.items)
    if isinstance(key, MapKey):
        return ", ".join(sorted(key.name(code) for code in key.countries))
    if isinstance(key, TimelineKey):
        margin = f" (± {key.tolerance_years})" if key.tolerance_years else ""
        return "; ".join(f"{e.text}: {year}" for e, year in zip(key.events, key.years, strict=True)) + margin
    return _cloze_text(key, {gap.id: max(gap.variants, key=lambda v: v.credit).text
                             for gap in key.gaps if gap.variants})


def _cloze_text(key: ClozeKey, filled: dict[str, str]) -> str:
    """The cloze text with each gap shown as [what fills it]."""
    parts = [segment if isinstance(segment, str) else f"[{filled.get(segment.id, '').strip() or EMPTY_GAP}]"
             for segment in key.segments]
    return "".join(parts).strip()
