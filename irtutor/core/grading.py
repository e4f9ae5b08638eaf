"""Grading: a pure function from a question and a response to an Outcome.

Every kind scores in [0, 1] and an answer is correct exactly when it scores 1. The feedback
lines say what was wrong and what is right, in words a student reads after answering; they
are written here, in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import fsum

from irtutor.core.answer_keys import (
    ChoiceKey,
    ClozeKey,
    Gap,
    MapKey,
    MatchingKey,
    NumericKey,
    OrderingKey,
    TextKey,
    TextVariant,
    TimelineKey,
)
from irtutor.core.numbers import format_number, read_number
from irtutor.core.ordering import score_order
from irtutor.core.questions import Question, QuestionKind, Response
from irtutor.core.text_matching import best_match

NO_ANSWER = "No answer was given."
NOT_A_NUMBER = "“{given}” is not a number: type digits, such as 1949 or 3.5."
WRONG_UNIT = "The answer is in {unit}, not in “{given}”."
READ_AS_THOUSANDS = ("“{given}” was read as {value}: a comma before exactly three digits separates thousands. "
                     "For a decimal, write {other}.")
NUMBER_IS = "The answer is {value}{margin}."
TEXT_IS = "The answer is {text}."
ALSO_ACCEPTED = "The answer is {text} (also accepted: {others})."
PARTIAL_TEXT = "“{given}” earns {percent}% of the mark; the full answer is {text}."
PAIR_WRONG = "{left}: {right}, not {given}."
PAIR_MISSING = "{left}: {right} (not matched)."
RIGHT_ORDER = "The right order: {order}."
GAP_WRONG = "Gap {number}: {right}, not “{given}”."
GAP_MISSING = "Gap {number}: {right} (left empty)."
GAP_PARTIAL = "Gap {number}: “{given}” earns {percent}%; the full answer is {right}."
MAP_MISSED = "Not selected but right: {names}."
MAP_WRONG = "Selected but not right: {names}."
EVENT_YEAR = "{event}: {right}, not {given}."
EVENT_MISSING = "{event}: {right} (not placed)."
EVENT_ORDER = "In time order: {order}."

Scored = tuple[float, tuple[str, ...]]


@dataclass(frozen=True)
class Outcome:
    """The result of grading one response, with everything the feedback panel shows."""

    question_id: str
    score: float
    correct: bool
    feedback: tuple[str, ...]
    explanation: str
    page: str
    source: str

    @property
    def partially_correct(self) -> bool:
        return not self.correct and self.score > 0


def grade(question: Question, response: Response) -> Outcome:
    """Score in [0, 1], correct when 1, with feedback lines for this kind of question."""
    score, feedback = _score(question, response)
    score = min(1.0, max(0.0, score))
    return Outcome(
        question_id=question.id,
        score=score,
        correct=score == 1.0,
        feedback=feedback,
        explanation=question.explanation,
        page=question.page,
        source=question.source,
    )


def _score(question: Question, response: Response) -> Scored:
    key = question.key
    if isinstance(key, ChoiceKey):
        return _choice(question.kind, key, response.selected)
    if isinstance(key, NumericKey):
        return _numeric(key, response.text)
    if isinstance(key, TextKey):
        return _text(key, response.text)
    if isinstance(key, MatchingKey):
        return _matching(key, response.pair_map())
    if isinstance(key, OrderingKey):
        return _ordering(key, response.order)
    if isinstance(key, MapKey):
        return _map(key, response.selected)
    if isinstance(key, TimelineKey):
        return _timeline(key, response.pair_map())
    return _cloze(key, response.gap_map())


def _choice(kind: QuestionKind, key: ChoiceKey, selected: frozenset[str]) -> Scored:
    """Weights: the chosen weights over the right options' weights (Moodle's per-option grades).

    Without weights, multiple choice earns per right pick minus wrong picks over the number of
    right options; single choice and true/false are right or wrong.
    """
    chosen = [o for o in key.options if o.id in selected]
    right = key.correct_ids
    feedback = tuple(o.feedback for o in chosen if o.feedback)
    if key.weighted:
        # fsum: exact sums, so the order options are shown in cannot move the score by a rounding error.
        full = fsum(o.weight or 0.0 for o in key.options if o.correct)
        return (fsum(o.weight or 0.0 for o in chosen) / full if full > 0 else 0.0), feedback
    ids = {o.id for o in chosen}
    if kind is QuestionKind.MULTIPLE_CHOICE:
        hits, misses = len(ids & right), len(ids - right)
        return (max(0.0, (hits - misses) / len(right)) if right else 0.0), feedback
    return (1.0 if ids == right else 0.0), feedback


def _numeric(key: NumericKey, typed: str) -> Scored:
    expected = _expected_number(key)
    if not typed.strip():
        return 0.0, (NO_ANSWER, expected)
    read = read_number(typed)
    if read is None:
        return 0.0, (NOT_A_NUMBER.format(given=typed.strip()), expected)
    if read.unit and key.unit and not _same_unit(read.unit, key.unit):
        return 0.0, (WRONG_UNIT.format(unit=key.unit, given=read.unit), expected)
    if key.accepts(read.value):
        return 1.0, ()
    notes: tuple[str, ...] = ()
    if read.other_reading is not None:
        notes = (READ_AS_THOUSANDS.format(given=typed.strip(), value=format_number(read.value),
                                          other=format_number(read.other_reading)),)
    return 0.0, (*notes, expected)


def _same_unit(given: str, unit: str) -> bool:
    """Case-insensitive, and a plural "s" on either side does not matter ("member" is "members")."""
    a, b = (" ".join(u.casefold().split()) for u in (given, unit))
    return a == b or a.removesuffix("s") == b.removesuffix("s")


def _expected_number(key: NumericKey) -> str:
    value = format_number(key.value) + (f" {key.unit}" if key.unit else "")
    if key.tolerance <= 0:
        return NUMBER_IS.format(value=value, margin="")
    margin = f"{format_number(key.tolerance)}%" if key.tolerance_is_percent else format_number(key.tolerance)
    return NUMBER_IS.format(value=value, margin=f" (±{margin})")


def _text(key: TextKey, typed: str) -> Scored:
    if not typed.strip():
        return 0.0, (NO_ANSWER, _expected_text(key))
    match = best_match(typed, key.variants, case_sensitive=key.case_sensitive, accent_sensitive=key.accent_sensitive)
    if match is None:
        return 0.0, (_expected_text(key),)
    if match.credit >= 1.0:
        return 1.0, ()
    partial = PARTIAL_TEXT.format(given=typed.strip(), percent=_percent(match.credit), text=key.best.text)
    return match.credit, (partial,)


def _expected_text(key: TextKey) -> str:
    best = key.best
    others = [v.text for v in key.variants if v.credit >= best.credit and v is not best]
    if not others:
        return TEXT_IS.format(text=best.text)
    return ALSO_ACCEPTED.format(text=best.text, others=", ".join(others))


def _percent(credit: float) -> str:
    return format_number(round(credit * 100, 1))


def _matching(key: MatchingKey, given: dict[str, str]) -> Scored:
    answer = key.answer
    feedback = []
    for left in key.lefts:
        right = key.right_text(answer[left.id])
        if left.id not in given:
            feedback.append(PAIR_MISSING.format(left=left.text, right=right))
        elif given[left.id] != answer[left.id]:
            feedback.append(PAIR_WRONG.format(left=left.text, right=right, given=key.right_text(given[left.id])))
    hits = sum(1 for left in key.lefts if given.get(left.id) == answer[left.id])
    return hits / len(key.lefts) if key.lefts else 0.0, tuple(feedback)


def _ordering(key: OrderingKey, order: tuple[str, ...]) -> Scored:
    score = score_order(key.mode, key.ids, order)
    if score >= 1.0:
        return 1.0, ()
    return score, (RIGHT_ORDER.format(order=" → ".join(i.text for i in key.items)),)


def _cloze(key: ClozeKey, given: dict[str, str]) -> Scored:
    credits, feedback = [], []
    for number, gap in enumerate(key.gaps, start=1):
        value = given.get(gap.id, "")
        credit = gap_credit(gap, value)
        credits.append(credit)
        right = gap.variants[0].text if gap.variants else ""
        if not value.strip():
            feedback.append(GAP_MISSING.format(number=number, right=right))
        elif credit == 0.0:
            feedback.append(GAP_WRONG.format(number=number, right=right, given=value.strip()))
        elif credit < 1.0:
            feedback.append(GAP_PARTIAL.format(number=number, given=value.strip(), percent=_percent(credit),
                                               right=right))
    return (sum(credits) / len(credits) if credits else 0.0), tuple(feedback)


def gap_credit(gap: Gap, value: str) -> float:
    """The share of the mark `value` earns in one cloze gap (the widget marks each gap with it)."""
    if gap.is_choice:
        return max((v.credit for v in gap.variants if v.text == value), default=0.0)
    match: TextVariant | None = best_match(value, gap.variants)
    return match.credit if match else 0.0



def _map(key: MapKey, selected: frozenset[str]) -> Scored:
    """Like multiple choice: right picks minus wrong picks over the countries to find, floored at 0."""
    right = set(key.countries)
    hits, wrong, missed = selected & right, selected - right, right - selected
    feedback = []
    if missed:
        feedback.append(MAP_MISSED.format(names=", ".join(sorted(key.name(c) for c in missed))))
    if wrong:
        feedback.append(MAP_WRONG.format(names=", ".join(sorted(key.name(c) for c in wrong))))
    return max(0.0, (len(hits) - len(wrong)) / len(right)) if right else 0.0, tuple(feedback)


def _timeline(key: TimelineKey, placed: dict[str, str]) -> Scored:
    """Half the mark for years within the tolerance, half for the order the placements put the events in.

    The order half is the longest ordered subsequence over all events (unplaced ones break it), so a
    student who has every year a little off but the sequence right still earns half.
    """
    given_years: dict[str, int] = {}
    for event_id, text in placed.items():
        read = read_number(text)
        if read is not None and read.value == int(read.value):
            given_years[event_id] = int(read.value)
    feedback, within = [], 0
    for event, year in zip(key.events, key.years, strict=True):
        given = given_years.get(event.id)
        if given is None:
            feedback.append(EVENT_MISSING.format(event=event.text, right=year))
        elif abs(given - year) <= key.tolerance_years:
            within += 1
        else:
            feedback.append(EVENT_YEAR.format(event=event.text, right=year, given=given))
    order_score = _pairs_in_order(key, given_years)
    score = (within / len(key.events) + order_score) / 2 if key.events else 0.0
    if score < 1.0:
        in_order = sorted(zip(key.events, key.years, strict=True), key=lambda pair: pair[1])
        feedback.append(EVENT_ORDER.format(order=" → ".join(event.text for event, _ in in_order)))
    return score, tuple(feedback)


def _pairs_in_order(key: TimelineKey, given_years: dict[str, int]) -> float:
    """The share of event pairs the placements put in the right order (Kendall's concordant pairs).

    A pair counts when both are placed and the earlier event is placed strictly earlier, or, for
    two events of the same year, placed in the same year; so putting everything in one year
    earns no order credit.
    """
    events = list(zip(key.events, key.years, strict=True))
    pairs = [(a, b) for i, a in enumerate(events) for b in events[i + 1:]]
    if not pairs:
        return 1.0 if all(e.id in given_years for e, _ in events) else 0.0
    good = 0
    for (first, first_year), (second, second_year) in pairs:
        if first.id not in given_years or second.id not in given_years:
            continue
        placed = given_years[first.id] - given_years[second.id]
        real = first_year - second_year
        good += (placed == 0) if real == 0 else (placed * real > 0)
    return good / len(pairs)
