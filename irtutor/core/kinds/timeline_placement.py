"""timeline_placement: place each event at its year; half the mark for years, half for their order."""

from __future__ import annotations

from dataclasses import dataclass

from irtutor.core.answer_keys import AnswerKey, Item
from irtutor.core.kind_registry import Graded, KeyReader, KindRules
from irtutor.core.kinds.common import label, option_id, refuse_repeats
from irtutor.core.numbers import read_number
from irtutor.core.questions import Question, QuestionKind, Response
from irtutor.core.verdicts import PartVerdict, Verdict

EVENT_YEAR = "{event}: {right}, not {given}."
EVENT_MISSING = "{event}: {right} (not placed)."
EVENT_ORDER = "In time order: {order}."


@dataclass(frozen=True)
class TimelineKey(AnswerKey):
    """Events to place at their year; `years[i]` is the year of `events[i]`.

    A placement within `tolerance_years` of the right year counts as right.
    """

    kinds = (QuestionKind.TIMELINE_PLACEMENT,)

    events: tuple[Item, ...]
    years: tuple[int, ...]
    tolerance_years: int = 0

    def year_of(self, event_id: str) -> int | None:
        return next((y for e, y in zip(self.events, self.years, strict=True) if e.id == event_id), None)


def placed_years(response: Response) -> dict[str, int]:
    """event id -> the whole year the student placed it at; unreadable placements are left out."""
    years: dict[str, int] = {}
    for event_id, text in response.pair_map().items():
        read = read_number(text)
        if read is not None and read.value == int(read.value):
            years[event_id] = int(read.value)
    return years


def grade(question: Question, response: Response) -> Graded:
    """Half the mark for years within the tolerance, half for the order the placements put the events in.

    The order half is the share of event pairs in the right order (unplaced events break them), so a
    student who has every year a little off but the sequence right still earns half.
    """
    key: TimelineKey = question.key  # type: ignore[assignment]
    given_years = placed_years(response)
    parts, feedback = [], []
    for event, year in zip(key.events, key.years, strict=True):
        given = given_years.get(event.id)
        if given is None:
            line = EVENT_MISSING.format(event=event.text, right=year)
            parts.append(PartVerdict(event.id, Verdict.MISSED, 0.0, line, str(year)))
            feedback.append(line)
        elif abs(given - year) <= key.tolerance_years:
            parts.append(PartVerdict(event.id, Verdict.RIGHT, 1.0, "", str(year)))
        else:
            line = EVENT_YEAR.format(event=event.text, right=year, given=given)
            parts.append(PartVerdict(event.id, Verdict.WRONG, 0.0, line, str(year)))
            feedback.append(line)
    within = sum(1 for p in parts if p.verdict is Verdict.RIGHT)
    score = (within / len(key.events) + _pairs_in_order(key, given_years)) / 2 if key.events else 0.0
    if score < 1.0:
        in_order = sorted(zip(key.events, key.years, strict=True), key=lambda pair: pair[1])
        feedback.append(EVENT_ORDER.format(order=" → ".join(event.text for event, _ in in_order)))
    return Graded(score, tuple(parts), tuple(feedback))


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


def describe_response(question: Question, response: Response) -> str:
    key: TimelineKey = question.key  # type: ignore[assignment]
    placed = response.pair_map()
    return "; ".join(f"{e.text}: {placed[e.id]}" for e in key.events if e.id in placed)


def describe_correct(question: Question) -> str:
    key: TimelineKey = question.key  # type: ignore[assignment]
    margin = f" (± {key.tolerance_years})" if key.tolerance_years else ""
    return "; ".join(f"{e.text}: {year}" for e, year in zip(key.events, key.years, strict=True)) + margin


def right_response(question: Question) -> Response:
    key: TimelineKey = question.key  # type: ignore[assignment]
    return Response(pairs={e.id: str(year) for e, year in zip(key.events, key.years, strict=True)})


def read(reader: KeyReader) -> TimelineKey:
    events = reader.data["events"]
    items = tuple(Item(option_id(i), label(e["text"])) for i, e in enumerate(events))
    refuse_repeats(reader, [item.text for item in items], lambda i: ("events", i, "text"), "event")
    return TimelineKey(items, tuple(int(e["year"]) for e in events), int(reader.data.get("tolerance_years", 0)))

RULES = KindRules(TimelineKey.kinds, TimelineKey, frozenset({"pairs"}), grade, describe_response, describe_correct,
                  right_response, read)
