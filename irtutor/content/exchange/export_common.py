"""What the GIFT and Moodle XML exporters share: the result, the notes, and the nearer forms.

Moodle has no map or timeline question, and GIFT has no multi-gap cloze. Such questions are
written in the closest form Moodle can grade, and each gets a note naming the question id, both
in the file (a comment) and in `ExportResult.notes` (the command's report). The messages are
declared here, in one place.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from irtutor.core.kinds.cloze import ClozeKey, Gap
from irtutor.core.kinds.map_selection import MapKey
from irtutor.core.kinds.numeric import NumericKey
from irtutor.core.kinds.ordering import OrderingMode
from irtutor.core.kinds.short_text import TextKey
from irtutor.core.kinds.timeline_placement import TimelineKey
from irtutor.core.numbers import format_number
from irtutor.core.questions import Question, QuestionKind

MAP_AS_MULTIPLE_RESPONSE = ("{id}: map question exported as a multiple response over country names "
                            "({right} right, {other} other countries on the map; +{share}% each right pick, "
                            "-{share}% each wrong one)")
TIMELINE_AS_CLOZE = ("{id}: timeline question exported as a cloze with one numeric gap per event (year ± "
                     "{tolerance}); the half of the mark for the order of the events is dropped")
TIMELINE_AS_NUMERICALS = ("{id}: timeline question exported as {count} numerical questions, one per event "
                          "(year ± {tolerance}), ids {first}..{last}; GIFT has no multi-gap question, and the "
                          "half of the mark for the order of the events is dropped")
CLOZE_AS_MISSING_WORDS = ("{id}: cloze with {count} gaps exported as {count} missing-word questions, one per gap "
                          "(the other gaps shown as […]), ids {first}..{last}; GIFT has no multi-gap question")
UNITS_DROPPED = "{id}: the unit “{unit}” is dropped (GIFT numerical questions have no units)"
CASE_DROPPED = "{id}: case-sensitive matching is dropped (GIFT short answers ignore case)"
FORMS_DROPPED = "{id}: accepting {forms} numbers as digits is dropped (Moodle matches answers as written)"
ACCENTS_DROPPED = "{id}: accent-sensitive matching is dropped (Moodle short answers ignore only case)"

MOODLE_GRADING = {
    OrderingMode.ALL_OR_NOTHING: "ALL_OR_NOTHING",
    OrderingMode.ABSOLUTE_POSITION: "ABSOLUTE_POSITION",
    OrderingMode.RELATIVE_TO_NEXT: "RELATIVE_NEXT_EXCLUDE_LAST",
    OrderingMode.LONGEST_ORDERED_SUBSEQUENCE: "LONGEST_ORDERED_SUBSET",
}
"""Our ordering modes under qtype_ordering's names (core.ordering documents each as Moodle's)."""

OTHER_GAP = "[…]"
"""How a missing-word question split from a cloze shows the gaps it does not ask about."""


@dataclass
class ExportResult:
    text: str
    """The whole file, GIFT or Moodle XML."""
    notes: list[str] = field(default_factory=list)
    """One line per question exported in a nearer form or with something dropped, naming its id."""


@dataclass(frozen=True)
class Choice:
    """One option as both formats write it: the text, its weight in percent, and feedback."""

    text: str
    percent: float
    correct: bool
    feedback: str = ""


def percent_text(value: float) -> str:
    """A Moodle grade in percent: 100, -50, 33.33333 (Moodle's own list has seven digits of a fraction)."""
    return format_number(round(value, 5))


TOP = "$course$/top"
"""Moodle's top category of the course: where a question with no topic (and no lesson category) goes."""


def tolerance_text(key: NumericKey) -> str:
    """Moodle's tolerance is absolute: a percent one becomes its distance, without float noise (0.1035, not
    0.10350000000000001)."""
    return format_number(float(f"{key.margin:.12g}"))


def category_path(category: str, topic: str) -> str:
    """The Moodle category a question goes in: the lesson's category, then the question's topic."""
    return "/".join([TOP, *(part.replace("/", "-") for part in (category, topic) if part)])


def categories(questions: Sequence[Question], category: str) -> Iterator[tuple[str | None, Question]]:
    """Each question with the category path to write before it, or None when it stays in the current one.

    Nothing is written while neither a category nor a topic is given: an importer reads the last
    segment of a path as the topic, and "top" is not one.
    """
    current = TOP
    for question in questions:
        path = category_path(category, question.topic)
        yield (None if path == current else path), question
        current = path


def choice_options(question: Question) -> list[Choice]:
    """Options of a choice question with Moodle weights that grade as ours do.

    Unweighted multiple choice earns (right picks - wrong picks) / right options, so each right
    option is worth 100/r and each wrong one -100/r; with weights they are written as they are.
    """
    options = question.options
    if question.kind is not QuestionKind.MULTIPLE_CHOICE:
        return [Choice(o.text, 100.0 if o.correct else 0.0, o.correct, o.feedback) for o in options]
    share = 100 / max(1, len(question.correct_ids))
    return [Choice(o.text, _weight(o.weight, o.correct, share), o.correct, o.feedback) for o in options]


def _weight(weight: float | None, correct: bool, share: float) -> float:
    if weight is not None:
        return weight * 100
    return share if correct else -share


def map_choices(question: Question) -> list[Choice]:
    """A map question's countries as a multiple response: the right ones and as many others.

    The others are drawn from the countries on the map, the same for every export of the
    question (a hash of its id), so a re-export does not reshuffle them.
    """
    key: MapKey = question.key  # type: ignore[assignment]
    share = 100 / max(1, len(key.countries))
    right = [Choice(key.name(code), share, True) for code in key.countries]
    others = [code for code, _ in key.map_names if code not in key.countries]
    others.sort(key=lambda code: hashlib.sha256(f"{question.id}/{code}".encode()).hexdigest())
    wrong = [Choice(key.name(code), -share, False) for code in others[:max(4, len(key.countries))]]
    return sorted(right + wrong, key=lambda choice: choice.text)


def map_note(question: Question, choices: list[Choice]) -> str:
    right = sum(1 for c in choices if c.correct)
    return MAP_AS_MULTIPLE_RESPONSE.format(id=question.id, right=right, other=len(choices) - right,
                                           share=percent_text(100 / max(1, right)))


def timeline_events(question: Question) -> list[tuple[str, int]]:
    """(event text, year) in the order the question lists them."""
    key: TimelineKey = question.key  # type: ignore[assignment]
    return [(event.text, year) for event, year in zip(key.events, key.years, strict=True)]


def tolerance_years(question: Question) -> int:
    return question.key.tolerance_years  # type: ignore[union-attr]


def text_key_notes(question: Question, *, gift: bool) -> list[str]:
    """What Moodle's short answer cannot say of a short text question's matching."""
    key: TextKey = question.key  # type: ignore[assignment]
    notes = []
    if gift and key.case_sensitive:
        notes.append(CASE_DROPPED.format(id=question.id))
    if key.accent_sensitive:
        notes.append(ACCENTS_DROPPED.format(id=question.id))
    if key.forms:
        notes.append(FORMS_DROPPED.format(id=question.id, forms=" and ".join(sorted(key.forms))))
    return notes


def cloze_gaps(question: Question) -> tuple[Gap, ...]:
    key: ClozeKey = question.key  # type: ignore[assignment]
    return key.gaps


def cloze_segments(question: Question) -> tuple[str | Gap, ...]:
    key: ClozeKey = question.key  # type: ignore[assignment]
    return key.segments


def gap_choices(gap: Gap) -> list[Choice]:
    """A gap's answers as weighted choices: the list of a choice gap, or the accepted typed texts."""
    if gap.is_choice:
        credit = {v.text: v.credit for v in gap.variants}
        return [Choice(text, credit.get(text, 0.0) * 100, text in credit) for text in gap.choices]
    return [Choice(v.text, v.credit * 100, v.credit > 0, v.feedback) for v in gap.variants]
