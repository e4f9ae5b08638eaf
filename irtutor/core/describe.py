"""Answers put into words, for the review of a finished attempt."""

from __future__ import annotations

from irtutor.core.questions import Question, Response


def describe_response(question: Question, response: Response) -> str:
    """What the student answered, as a reader would say it."""
    chosen = [o.text for o in question.options if o.id in response.selected]
    return "; ".join(chosen) if chosen else "(no answer)"


def describe_correct(question: Question) -> str:
    """The right answer, as a reader would say it."""
    right = [o.text for o in question.options if o.correct]
    return "; ".join(right)
