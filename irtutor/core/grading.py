"""Grading: a pure function from a question and a response to an Outcome."""

from __future__ import annotations

from dataclasses import dataclass

from irtutor.core.questions import Question, QuestionKind, Response


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
    """Score in [0, 1]. Multiple choice earns credit per right pick, minus wrong picks, floored at 0."""
    chosen = response.selected & {o.id for o in question.options}
    right = question.correct_ids
    if question.kind is QuestionKind.MULTIPLE_CHOICE:
        hits, misses = len(chosen & right), len(chosen - right)
        score = max(0.0, (hits - misses) / len(right)) if right else 0.0
    else:
        score = 1.0 if chosen == right else 0.0
    feedback = tuple(o.feedback for o in question.options if o.id in chosen and o.feedback)
    return Outcome(
        question_id=question.id,
        score=score,
        correct=chosen == right,
        feedback=feedback,
        explanation=question.explanation,
        page=question.page,
        source=question.source,
    )
