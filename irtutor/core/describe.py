"""Answers put into words, for the review of a finished attempt and the review queue."""

from __future__ import annotations

from irtutor.core.kind_registry import rules_for
from irtutor.core.kinds.common import NO_ANSWER_DESCRIBED as NO_ANSWER
from irtutor.core.questions import Question, Response

__all__ = ["NO_ANSWER", "describe_correct", "describe_response"]


def describe_response(question: Question, response: Response) -> str:
    """What the student answered, as a reader would say it."""
    if response.is_empty():
        return NO_ANSWER
    return rules_for(question.kind).describe_response(question, response) or NO_ANSWER


def describe_correct(question: Question) -> str:
    """The right answer, as a reader would say it."""
    return rules_for(question.kind).describe_correct(question)
