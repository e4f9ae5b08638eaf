"""Moodle XML question types -> the kind-specific fields of a quiz.yaml mapping.

Each converter returns {"kind": ..., its fields} or raises Skip. The rule throughout: a question
whose right answers we cannot express is skipped with the reason; what only changes how it looks
(numbering, shuffling, combined feedback) is dropped with a note; grading is never changed silently.
"""

from __future__ import annotations

import math
from typing import Any

from irtutor.content.exchange.html_text import plain_text, to_markdown
from irtutor.content.exchange.import_common import matching_fields
from irtutor.content.exchange.xml_source import Answer, Skip, Source, percent_number

FULL = 99.9999  # a fraction at or above this is Moodle's 100%
ORDERING_MODES = {
    "ALL_OR_NOTHING": "all_or_nothing", "-1": "all_or_nothing",
    "ABSOLUTE_POSITION": "absolute_position", "ABSOLUTE": "absolute_position", "ABS": "absolute_position",
    "0": "absolute_position",
    "RELATIVE_NEXT_EXCLUDE_LAST": "relative_to_next", "RELATIVE": "relative_to_next", "REL": "relative_to_next",
    "1": "relative_to_next",
    "LONGEST_ORDERED_SUBSET": "longest_ordered_subsequence", "5": "longest_ordered_subsequence",
}


def is_full(answer: Answer) -> bool:
    return answer.fraction >= FULL


def multichoice(source: Source) -> dict[str, Any]:
    answers = source.answers()
    if len(answers) < 2:
        raise Skip(f"a multiple-choice question needs at least two answers (found {len(answers)})")
    _note_display(source)
    options = [_option(a) for a in answers]
    if source.flag("single", True):
        return _single(answers, options)
    return _multiple(answers, options)


def _option(answer: Answer) -> dict[str, Any]:
    text = to_markdown(answer.raw, answer.text_format)
    if not text:
        raise Skip("the answer text is empty", answer.at)
    option: dict[str, Any] = {"text": text}
    if answer.fraction > 0:
        option["correct"] = True
    if answer.feedback:
        option["feedback"] = answer.feedback
    return option


def _single(answers: list[Answer], options: list[dict[str, Any]]) -> dict[str, Any]:
    partial = next((a for a in answers if 0 < a.fraction < FULL), None)
    if partial is not None:
        raise Skip(f"a one-answer question that gives {percent_number(partial.fraction)}% for this answer: our "
                   "single_choice is right or wrong (make it 0 or 100, or a multiple-answer question)", partial.at)
    penalty = next((a for a in answers if a.fraction < 0), None)
    if penalty is not None:
        raise Skip(f"a one-answer question that takes away {percent_number(-penalty.fraction)}% for this answer: "
                   "our single_choice scores a wrong answer 0", penalty.at)
    right = sum(1 for a in answers if is_full(a))
    if right != 1:
        raise Skip(f"a one-answer question needs exactly one answer graded 100% (found {right})")
    return {"kind": "single_choice", "options": options}


def _multiple(answers: list[Answer], options: list[dict[str, Any]]) -> dict[str, Any]:
    total = sum(a.fraction for a in answers if a.fraction > 0)
    if abs(total - 100) > 0.1:
        raise Skip(f"the grades of the right answers add up to {percent_number(total)}%, not 100% "
                   "(Moodle refuses this question too)")
    for option, answer in zip(options, answers, strict=True):
        option["weight"] = percent_number(answer.fraction)
    return {"kind": "multiple_choice", "options": options}


def _note_display(source: Source) -> None:
    if source.flag("shuffleanswers", False):
        source.notes.append("shuffleanswers: the quiz's shuffle_options setting decides the option order here")
    numbering = (source.element.findtext("answernumbering") or "none").strip()
    if numbering not in ("none", ""):
        source.notes.append(f"answernumbering {numbering!r}: options are not numbered here")


def truefalse(source: Source) -> dict[str, Any]:
    by_word = {plain_text(a.raw).lower(): a for a in source.answers()}
    if set(by_word) != {"true", "false"}:
        raise Skip("a true/false question needs one answer 'true' and one 'false'")
    true, false = by_word["true"], by_word["false"]
    if sorted((is_full(true), is_full(false))) != [False, True] or min(true.fraction, false.fraction) != 0:
        raise Skip("exactly one of 'true' and 'false' must be graded 100% and the other 0%")
    mapping: dict[str, Any] = {"kind": "true_false", "answer": is_full(true)}
    if true.feedback:
        mapping["feedback_true"] = true.feedback
    if false.feedback:
        mapping["feedback_false"] = false.feedback
    return mapping


def shortanswer(source: Source) -> dict[str, Any]:
    from irtutor.core.text_matching import normalise

    case = source.flag("usecase", False)
    answers: list[Any] = []
    seen: dict[str, str] = {}
    for answer in source.answers():
        text = " ".join(answer.raw.split())
        if not text:
            raise Skip("the answer text is empty", answer.at)
        if "*" in text and text != "*":
            raise Skip(f"answer {text!r} uses Moodle's * wildcard inside a word; we accept listed answers only",
                       answer.at)
        if answer.fraction < 0:
            raise Skip("a short answer cannot take marks away", answer.at)
        if answer.fraction == 0 and not answer.feedback and text != "*":
            continue  # earns nothing and says nothing: the same as not listing it
        folded = normalise(text, case_sensitive=case, accent_sensitive=True)
        if folded in seen:  # Moodle grades by the first answer that matches, so the first one stays
            source.notes.append(f"{answer.at}: {text!r} matches the same typed answers as {seen[folded]!r} "
                                "here (spaces and punctuation are ignored); the first one is kept")
            continue
        seen[folded] = text
        answers.append(_variant(text, answer.fraction / 100, answer.feedback))
    if not any(_credit(a) >= 1 for a in answers):
        raise Skip("no answer is graded 100%")
    # Moodle matches exactly (no typo forgiveness, accents count); so do we, for an imported question.
    return {"kind": "short_text", "answers": answers, "case_sensitive": case, "accent_sensitive": True, "typos": 0}


def _variant(text: str, credit: float, feedback: str) -> Any:
    if credit >= 1 and not feedback and text != "*":
        return text
    variant: dict[str, Any] = {"text": text, "credit": round(min(credit, 1.0), 5)}
    if feedback:
        variant["feedback"] = feedback
    return variant


def _credit(variant: Any) -> float:
    return 1.0 if isinstance(variant, str) else float(variant["credit"])


def numerical(source: Source) -> dict[str, Any]:
    best: tuple[Answer, float, float] | None = None
    for answer in source.answers():
        text = plain_text(answer.raw)
        if text == "*":
            if answer.feedback:
                source.notes.append(f"{answer.at}: the feedback for any other answer is dropped")
            continue
        value = _number(text, answer.at)
        tolerance = abs(_number(answer.element.findtext("tolerance") or "0", f"{answer.at}/tolerance"))
        if is_full(answer):
            if best is not None:
                raise Skip("a second answer graded 100%: our numeric question has one right value "
                           "(with a tolerance)", answer.at)
            best = (answer, value, tolerance)
        elif answer.fraction > 0:
            source.notes.append(f"{answer.at}: {text} earned {percent_number(answer.fraction)}% in Moodle; "
                                "here only the right value (within its tolerance) earns marks")
        elif answer.feedback:
            source.notes.append(f"{answer.at}: the feedback for {text} is dropped")
    if best is None:
        raise Skip("no answer is graded 100%")
    answer, value, tolerance = best
    if answer.feedback:
        source.notes.append(f"{answer.at}: the feedback for the right answer is dropped")
    mapping: dict[str, Any] = {"kind": "numeric", "answer": percent_number(value)}
    if tolerance:
        mapping["tolerance"] = percent_number(tolerance)
    unit = _unit(source)
    if unit:
        mapping["unit"] = unit
    return mapping


def _unit(source: Source) -> str:
    """The unit with multiplier 1; other units are noted, since ours accepts one unit."""
    base = ""
    for i, unit in enumerate(source.element.findall("units/unit"), 1):
        name = " ".join((unit.findtext("unit_name") or "").split())
        multiplier = (unit.findtext("multiplier") or "1").strip()
        if name and not base and _is_one(multiplier):
            base = name
        elif name:
            source.notes.append(f"units/unit[{i}]: {name!r} (x{multiplier}) is not accepted here; "
                                "only the unit with multiplier 1 is")
    return base


def _is_one(text: str) -> bool:
    try:
        return float(text) == 1.0
    except ValueError:
        return False


def _number(text: str, at: str) -> float:
    try:
        number = float(text.strip())
    except ValueError:
        raise Skip(f"{text!r} is not a number", at) from None
    if not math.isfinite(number):
        raise Skip(f"{text!r} is not a finite number", at)
    return number


def matching(source: Source) -> dict[str, Any]:
    pairs: list[dict[str, str]] = []
    distractors: list[str] = []
    for i, sub in enumerate(source.element.findall("subquestion"), 1):
        left = plain_text(_own_text(sub))  # a label, as our matching shows it
        right = plain_text(sub.findtext("answer/text") or "")
        if left and right:
            pairs.append({"left": left, "right": right})
        elif right:
            distractors.append(right)
        elif left:
            raise Skip("this subquestion has no answer", f"subquestion[{i}]")
    try:
        return matching_fields(pairs, distractors, source.notes, item="subquestion")
    except ValueError as exc:
        raise Skip(str(exc)) from None


def _own_text(element: Any) -> str:
    return element.findtext("text") or ""


def ordering(source: Source) -> dict[str, Any]:
    answers = source.answers_by_position()
    items = [plain_text(a.raw) for a in answers]
    if len(items) < 2:
        raise Skip(f"an ordering question needs at least two items (found {len(items)})")
    for answer, item in zip(answers, items, strict=True):
        if not item:
            raise Skip("the item text is empty", answer.at)
        if items.count(item) > 1:
            raise Skip(f"the item {item!r} is listed twice; each must differ", answer.at)
    grading = (source.element.findtext("gradingtype") or "RELATIVE").strip().upper()
    if grading not in ORDERING_MODES:
        raise Skip(f"grading type {grading!r} has no counterpart here (we grade all or nothing, absolute "
                   "position, relative to the next item, or the longest ordered subset)", "gradingtype")
    _check_selection(source, len(items))
    return {"kind": "ordering", "items": items, "grading": ORDERING_MODES[grading]}


def _check_selection(source: Source, count: int) -> None:
    select = (source.element.findtext("selecttype") or source.element.findtext("logical") or "ALL").strip().upper()
    shown = (source.element.findtext("selectcount") or source.element.findtext("studentsee") or "0").strip()
    try:
        shown_count = int(shown)
    except ValueError:
        raise Skip(f"selectcount {shown!r} is not a whole number", "selectcount") from None
    if select not in ("ALL", "0") and 0 < shown_count < count:
        raise Skip(f"Moodle shows {shown_count} of the {count} items ({select.lower()} selection); "
                   "we always show every item", "selecttype")
