"""single_choice, multiple_choice and true_false: options to pick, graded per option."""

from __future__ import annotations

from dataclasses import dataclass
from math import fsum
from typing import Any

from irtutor.core.answer_keys import AnswerKey
from irtutor.core.kind_registry import Graded, KeyReader, KindRules
from irtutor.core.kinds.common import option_id
from irtutor.core.questions import Question, QuestionKind, Response
from irtutor.core.verdicts import PartVerdict, Verdict

OPTION_FEEDBACK = "“{option}”: {feedback}"


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
class ChoiceKey(AnswerKey):
    """The options, in the order they are written."""

    kinds = (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.TRUE_FALSE)

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

    def fingerprint_entry(self) -> tuple[str, Any]:
        return "options", self.fingerprint()  # the form used before other kinds existed


def true_false_options(answer: bool, feedback_true: str, feedback_false: str) -> tuple[Option, ...]:
    """The two options a true/false question is graded over."""
    return (
        Option("true", "True", correct=answer, feedback=feedback_true),
        Option("false", "False", correct=not answer, feedback=feedback_false),
    )


def grade(question: Question, response: Response) -> Graded:
    """Weights: the chosen weights over the right options' weights (Moodle's per-option grades).

    Without weights, multiple choice earns per right pick minus wrong picks over the number of
    right options; single choice and true/false are right or wrong.
    """
    key: ChoiceKey = question.key  # type: ignore[assignment]
    selected = response.selected
    chosen = [o for o in key.options if o.id in selected]
    # Each line names its option: "Not quite." then a bare "Correct. ..." read as a contradiction.
    feedback = tuple(OPTION_FEEDBACK.format(option=o.text, feedback=o.feedback) for o in chosen if o.feedback)
    parts = tuple(_verdict(o, o.id in selected) for o in key.options if o.correct or o.id in selected)
    if key.weighted:
        # fsum: exact sums, so the order options are shown in cannot move the score by a rounding error.
        full = fsum(o.weight or 0.0 for o in key.options if o.correct)
        return Graded(fsum(o.weight or 0.0 for o in chosen) / full if full > 0 else 0.0, parts, feedback)
    ids, right = {o.id for o in chosen}, key.correct_ids
    if question.kind is QuestionKind.MULTIPLE_CHOICE:
        hits, misses = len(ids & right), len(ids - right)
        return Graded(max(0.0, (hits - misses) / len(right)) if right else 0.0, parts, feedback)
    return Graded(1.0 if ids == right else 0.0, parts, feedback)


def _verdict(option: Option, chosen: bool) -> PartVerdict:
    if not chosen:
        return PartVerdict(option.id, Verdict.MISSED, 0.0, option.feedback)
    if option.correct:
        return PartVerdict(option.id, Verdict.RIGHT, 1.0, option.feedback)
    return PartVerdict(option.id, Verdict.WRONG, 0.0, option.feedback)


def describe_response(question: Question, response: Response) -> str:
    return "; ".join(o.text for o in question.options if o.id in response.selected)


def describe_correct(question: Question) -> str:
    return "; ".join(o.text for o in question.options if o.correct)


def right_response(question: Question) -> Response:
    return Response(question.correct_ids)


def read(reader: KeyReader) -> ChoiceKey:
    d = reader.data
    if d["kind"] == QuestionKind.TRUE_FALSE:
        return ChoiceKey(true_false_options(d["answer"], d.get("feedback_true", ""), d.get("feedback_false", "")))
    key = ChoiceKey(tuple(
        Option(option_id(i), o["text"], o.get("correct", False), o.get("feedback", ""),
               None if o.get("weight") is None else o["weight"] / 100)
        for i, o in enumerate(d["options"])
    ))
    right = len(key.correct_ids)
    if d["kind"] == QuestionKind.SINGLE_CHOICE and right != 1:
        reader.report(("options",), f"a single_choice question needs exactly one option with `correct: true` "
                                    f"(found {right})")
    elif d["kind"] == QuestionKind.MULTIPLE_CHOICE and right == 0:
        reader.report(("options",), "a multiple_choice question needs at least one option with `correct: true`")
    elif key.weighted:
        _check_weights(reader)
    return key


def _check_weights(reader: KeyReader) -> None:
    """With weights, every right option earns a positive share, wrong ones none, and right ones add up to 100."""
    total = 0.0
    for i, option in enumerate(reader.data["options"]):
        weight, where = option.get("weight"), ("options", i, "weight")
        if weight is not None and not -100 <= weight <= 100:
            reader.report(where, f"weight {weight:g} is out of range: write a percent from -100 to 100")
        elif option.get("correct", False) and weight is None:
            reader.report(("options", i), "this right option needs a `weight` too: once one option has a "
                                          "weight, every right option needs one")
        elif option.get("correct", False) and weight <= 0:
            reader.report(where, f"a right option's weight must be above 0 (found {weight:g}); make it a "
                                 "positive percent or remove `correct: true`")
        elif not option.get("correct", False) and weight is not None and weight > 0:
            reader.report(where, f"a wrong option's weight must be 0 or below (found {weight:g}); add "
                                 "`correct: true` if picking it earns credit")
        if option.get("correct", False) and weight is not None:
            total += weight
    if not reader.has_problems() and abs(total - 100) > 0.1:
        reader.report(("options",), f"the weights of the right options add up to {total:g}, not 100; "
                                    "change them so that they do")

RULES = KindRules(ChoiceKey.kinds, ChoiceKey, frozenset({"selected"}), grade, describe_response, describe_correct,
                  right_response, read)
