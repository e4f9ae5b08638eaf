"""Our questions as GIFT, the plain-text format Moodle imports (`question/format/gift/format.php`).

Texts keep their Markdown behind `[markdown]`, which Moodle renders itself; special characters
are escaped and newlines written as `\\n`, since a blank line ends a GIFT question. Ordering
uses qtype_ordering's own GIFT form (`{>N ALL VERTICAL MODE SHOW` and one item a line).
GIFT has one answer block per question, so a cloze with several gaps becomes one missing-word
question per gap, and a timeline one numerical question per event: each part is graded as
Moodle can, and the split is noted. A map question becomes a multiple response over names.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from irtutor.content.exchange.export_common import (
    CLOZE_AS_MISSING_WORDS,
    MOODLE_GRADING,
    OTHER_GAP,
    TIMELINE_AS_NUMERICALS,
    UNITS_DROPPED,
    Choice,
    ExportResult,
    categories,
    choice_options,
    cloze_gaps,
    cloze_segments,
    gap_choices,
    map_choices,
    map_note,
    percent_text,
    text_key_notes,
    timeline_events,
    tolerance_text,
    tolerance_years,
)
from irtutor.core.kinds.cloze import Gap
from irtutor.core.kinds.matching import MatchingKey
from irtutor.core.kinds.numeric import NumericKey
from irtutor.core.kinds.ordering import OrderingKey
from irtutor.core.kinds.short_text import TextKey
from irtutor.core.numbers import format_number
from irtutor.core.questions import Question, QuestionKind

HEADER = "// Exported by IR Tutor. Texts are Markdown; see the notes above any question exported in a nearer form."
SPECIAL = "\\~=#{}:"
"""Characters GIFT reads as syntax; a backslash before each makes it text (the backslash first)."""
NUMERICAL = "#\n="
"""A numerical answer block opens `{#`, as Moodle's examples write it: the `#` right after the brace."""


@dataclass
class Written:
    """One of our questions as GIFT: usually one question, several for a split nearer form."""

    questions: list[str]
    notes: list[str] = field(default_factory=list)


def export_gift(questions: Sequence[Question], *, category: str = "") -> ExportResult:
    """`questions` as a GIFT file, with a `$CATEGORY:` line (lesson category / topic) wherever it changes."""
    blocks, notes = [HEADER], []
    for path, question in categories(questions, category):
        if path is not None:
            blocks.append(f"$CATEGORY: {path}")
        written = WRITERS[question.kind](question)
        notes.extend(written.notes)
        # A blank line ends a GIFT question, so the parts of a split one are apart; its notes go above the first.
        blocks.append("".join(f"// {note}\n" for note in written.notes) + "\n\n".join(written.questions))
    return ExportResult("\n\n".join(blocks) + "\n", notes)


def escape(text: str) -> str:
    escaped = "".join("\\" + c if c in SPECIAL else c for c in text)
    return escaped.replace("\r\n", "\n").replace("\n", "\\n")


def _question(question_id: str, text: str, answers: list[str], explanation: str, *, after: str | None = None) -> str:
    """`::id::[markdown]text {answers ####explanation}`; `text` and `after` already escaped.

    With `after` (a missing-word question) the block sits between the texts exactly as the gap did.
    """
    lines = [*answers, *([f"####{escape(explanation)}"] if explanation else [])]
    block = "{" + ("" if lines[0].startswith(NUMERICAL) else "\n") + "\n".join(lines) + "\n}"
    head = f"::{escape(question_id)}::[markdown]{text}"
    return f"{head} {block}" if after is None else f"{head}{block}{after}"


def _feedback(text: str) -> str:
    return f"#{escape(text)}" if text else ""


def _choice_lines(choices: list[Choice], *, weighted: bool) -> list[str]:
    if not weighted:
        return [f"{'=' if c.correct else '~'}{escape(c.text)}{_feedback(c.feedback)}" for c in choices]
    return [f"~%{percent_text(c.percent)}%{escape(c.text)}{_feedback(c.feedback)}" for c in choices]


def _choice(question: Question) -> Written:
    weighted = question.kind is QuestionKind.MULTIPLE_CHOICE
    lines = _choice_lines(choice_options(question), weighted=weighted)
    return Written([_question(question.id, escape(question.prompt), lines, question.explanation)])


def _true_false(question: Question) -> Written:
    # {TRUE#a#b}: `a` is shown for the wrong answer, `b` for the right one.
    right = next(o for o in question.options if o.correct)
    wrong = next(o for o in question.options if not o.correct)
    feedback = [wrong.feedback, right.feedback] if right.feedback else [wrong.feedback] if wrong.feedback else []
    line = ("TRUE" if right.id == "true" else "FALSE") + "".join(f"#{escape(f)}" for f in feedback)
    return Written([_question(question.id, escape(question.prompt), [line], question.explanation)])


def _numeric(question: Question) -> Written:
    key: NumericKey = question.key  # type: ignore[assignment]
    line = f"{NUMERICAL}{format_number(key.value)}:{tolerance_text(key)}"
    notes = [UNITS_DROPPED.format(id=question.id, unit=key.unit)] if key.unit else []
    return Written([_question(question.id, escape(question.prompt), [line], question.explanation)], notes)


def _short_text(question: Question) -> Written:
    key: TextKey = question.key  # type: ignore[assignment]
    lines = [_typed_line(v.text, v.credit * 100, v.feedback) for v in key.variants]
    return Written([_question(question.id, escape(question.prompt), lines, question.explanation)],
                   text_key_notes(question, gift=True))


def _typed_line(text: str, percent: float, feedback: str) -> str:
    weight = "" if percent == 100 else f"%{percent_text(percent)}%"
    return f"={weight}{escape(text)}{_feedback(feedback)}"


def _matching(question: Question) -> Written:
    key: MatchingKey = question.key  # type: ignore[assignment]
    answer = key.answer
    lines = [f"={escape(left.text)} -> {escape(key.right_text(answer[left.id]))}" for left in key.lefts]
    used = set(answer.values())
    lines += [f"= -> {escape(right.text)}" for right in key.rights if right.id not in used]
    return Written([_question(question.id, escape(question.prompt), lines, question.explanation)])


def _ordering(question: Question) -> Written:
    key: OrderingKey = question.key  # type: ignore[assignment]
    head = f">{len(key.items)} ALL VERTICAL {MOODLE_GRADING[key.mode]} SHOW"
    lines = [head, *(escape(item.text) for item in key.items)]
    return Written([_question(question.id, escape(question.prompt), lines, question.explanation)])


def _map(question: Question) -> Written:
    choices = map_choices(question)
    lines = _choice_lines(choices, weighted=True)
    return Written([_question(question.id, escape(question.prompt), lines, question.explanation)],
                   [map_note(question, choices)])


def _timeline(question: Question) -> Written:
    events, tolerance = timeline_events(question), tolerance_years(question)
    ids = [f"{question.id}-e{n}" for n in range(1, len(events) + 1)]
    written = [_question(part_id, escape(f"{question.prompt}\n\n{text}:"), [f"{NUMERICAL}{year}:{tolerance}"],
                         question.explanation) for part_id, (text, year) in zip(ids, events, strict=True)]
    return Written(written, [TIMELINE_AS_NUMERICALS.format(id=question.id, count=len(ids), tolerance=tolerance,
                                                           first=ids[0], last=ids[-1])])


def _cloze(question: Question) -> Written:
    gaps = cloze_gaps(question)
    if len(gaps) == 1:
        return Written([_missing_word(question.id, question, gaps[0])])
    ids = [f"{question.id}-{gap.id}" for gap in gaps]
    return Written([_missing_word(part_id, question, gap) for part_id, gap in zip(ids, gaps, strict=True)],
                   [CLOZE_AS_MISSING_WORDS.format(id=question.id, count=len(gaps), first=ids[0], last=ids[-1])])


def _missing_word(question_id: str, question: Question, asked: Gap) -> str:
    """The cloze text around `asked` as a missing-word question; any other gap shown as […]."""
    segments = cloze_segments(question)
    at = segments.index(asked)
    before, after = (_plain_text(segments[:at]), _plain_text(segments[at + 1:]))
    if asked.is_choice:
        lines = _choice_lines(gap_choices(asked), weighted=False)
    else:
        lines = [_typed_line(c.text, c.percent, c.feedback) for c in gap_choices(asked)]
    return _question(question_id, escape(before), lines, question.explanation, after=escape(after))


def _plain_text(segments: Sequence[str | Gap]) -> str:
    return "".join(s if isinstance(s, str) else OTHER_GAP for s in segments)


WRITERS: dict[QuestionKind, Callable[[Question], Written]] = {
    QuestionKind.SINGLE_CHOICE: _choice,
    QuestionKind.MULTIPLE_CHOICE: _choice,
    QuestionKind.TRUE_FALSE: _true_false,
    QuestionKind.NUMERIC: _numeric,
    QuestionKind.SHORT_TEXT: _short_text,
    QuestionKind.MATCHING: _matching,
    QuestionKind.ORDERING: _ordering,
    QuestionKind.CLOZE: _cloze,
    QuestionKind.MAP_SELECTION: _map,
    QuestionKind.TIMELINE_PLACEMENT: _timeline,
}
