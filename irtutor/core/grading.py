"""Grading: a pure function from a question and a response to an Outcome.

Every kind scores in [0, 1] and an answer is correct exactly when it scores 1. Each kind's
rules (core.kinds.*) give the score, a verdict per part of the answer and the feedback lines;
this module only applies them, so widgets and review pages show verdicts and never re-grade.
"""

from __future__ import annotations

from dataclasses import dataclass

from irtutor.core.kind_registry import rules_for
from irtutor.core.questions import Question, Response
from irtutor.core.verdicts import PartVerdict


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
    parts: tuple[PartVerdict, ...] = ()
    """A verdict for each part of the answer (option, pair, item, gap, country, event)."""

    @property
    def partially_correct(self) -> bool:
        return not self.correct and self.score > 0

    def part(self, part_id: str) -> PartVerdict | None:
        return next((p for p in self.parts if p.part == part_id), None)


def grade(question: Question, response: Response) -> Outcome:
    """Score in [0, 1], correct when 1, with per-part verdicts and feedback for this kind of question."""
    graded = rules_for(question.kind).grade(question, response)
    score = min(1.0, max(0.0, graded.score))
    return Outcome(
        question_id=question.id,
        score=score,
        correct=score == 1.0,
        feedback=graded.feedback,
        explanation=question.explanation,
        page=question.page,
        source=question.source,
        parts=graded.parts,
    )


def __getattr__(name: str) -> object:
    if name == "gap_credit":  # the cloze widget's older import path
        from irtutor.core.kinds.cloze import gap_credit

        return gap_credit
    raise AttributeError(name)
